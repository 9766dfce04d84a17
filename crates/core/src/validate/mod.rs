//! Validation: every problem in a loaded negotiation at once, as errors (the data is wrong) or
//! warnings (the data is weak or incomplete). Pure: the window re-runs it after each edit.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::model::{Agenda, PartyFile, Range, SCALE_MAX, SCALE_MIN, Statement};
use crate::negotiation::{Loaded, Negotiation};
use crate::problem::{FieldPath, FollowsFrom, Problem};
use crate::rounds::Rounds;

mod checked;
mod rounds;

pub use checked::Checked;

pub fn validate(negotiation: &Negotiation) -> Vec<Problem> {
    Checked::default().validate(negotiation, None)
}

/// The checks of one party file: what it says, against the agenda's issues and rounds and
/// the ids of the parties loaded. Nothing else in the negotiation changes what they find.
fn party_problems(
    negotiation: &Negotiation,
    party: &Loaded<PartyFile>,
    issue_ids: Option<&HashSet<&str>>,
    party_ids: &HashSet<&str>,
) -> Vec<Problem> {
    let rounds = Rounds::of(negotiation);
    let context = Context {
        file: &party.path,
        issue_ids,
        party_ids,
        own_party: &party.data.party.id,
        rounds: &rounds,
    };
    let mut problems = Vec::new();
    check_party_file(&context, &party.data, &mut problems);
    rounds::check_contradictions(party, &rounds, &mut problems);
    problems
}

/// The problems of the agenda and those across files (a party recorded as having no stake,
/// ids used twice), in the order [`validate`] lists them, with each party's own problems
/// taken from `own` after the agenda's.
fn assemble<'a>(
    negotiation: &Negotiation,
    party_ids: &HashSet<&str>,
    mut own: impl FnMut(usize) -> &'a [Problem],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(agenda) = &negotiation.agenda {
        check_agenda(&agenda.path, &agenda.data, &mut problems);
        check_no_stake(negotiation, agenda, party_ids, &mut problems);
    }
    let mut first_file_of_party: HashMap<&str, &Path> = HashMap::new();
    for (index, party) in negotiation.parties.iter().enumerate() {
        problems.extend_from_slice(own(index));
        let id = party.data.party.id.as_str();
        if let Some(first) = first_file_of_party.insert(id, &party.path) {
            first_file_of_party.insert(id, first);
            problems.push(
                Problem::error(
                    &party.path,
                    format!(
                        "party id `{id}` is already used by {}; each party needs its own id",
                        first.display()
                    ),
                )
                .at_path(FieldPath::root().field("party").field("id")),
            );
        }
    }
    problems
}

/// A bloc's members: other parties, each loaded, each named once.
fn check_members(context: &Context<'_>, file: &PartyFile, problems: &mut Vec<Problem>) {
    let party = Place::Root.field("party");
    let members = party.field("members");
    let mut seen = HashSet::new();
    for member in &file.party.members {
        if member == &file.party.id {
            problems
                .push(context.error(members, format!("`{member}` cannot be a member of itself")));
        } else if !seen.insert(member.as_str()) {
            problems.push(context.warning(members, format!("member `{member}` is named twice")));
        } else if !context.party_ids.contains(member.as_str()) {
            problems.push(context.warning(
                members,
                format!(
                    "member `{member}` is not among the parties loaded: the bloc's divergence \
                     leaves it out"
                ),
            ));
        }
    }
}

struct Context<'a> {
    file: &'a Path,
    /// `None` when no agenda is loaded: issue ids cannot be checked then.
    issue_ids: Option<&'a HashSet<&'a str>>,
    party_ids: &'a HashSet<&'a str>,
    /// The id of the party whose file this is; empty for the agenda.
    own_party: &'a str,
    /// The agenda's rounds, which statements' `from` and `until` name.
    rounds: &'a Rounds<'a>,
}

impl Context<'_> {
    fn error(&self, at: Place<'_>, message: impl Into<String>) -> Problem {
        Problem::error(self.file, message).at_path(at.path())
    }

    fn warning(&self, at: Place<'_>, message: impl Into<String>) -> Problem {
        Problem::warning(self.file, message).at_path(at.path())
    }
}

/// Where a check is looking, built on the stack: the [`FieldPath`] is only allocated for a
/// problem, since thousands of clean statements would otherwise pay for paths nobody reads.
#[derive(Clone, Copy)]
enum Place<'a> {
    Root,
    Field(&'a Place<'a>, &'static str),
    Index(&'a Place<'a>, usize),
}

impl<'a> Place<'a> {
    fn field(&'a self, name: &'static str) -> Place<'a> {
        Place::Field(self, name)
    }

    fn index(&'a self, index: usize) -> Place<'a> {
        Place::Index(self, index)
    }

    fn path(&self) -> FieldPath {
        match self {
            Place::Root => FieldPath::root(),
            Place::Field(parent, name) => parent.path().field(name),
            Place::Index(parent, index) => parent.path().index(*index),
        }
    }
}

fn check_agenda(file: &Path, agenda: &Agenda, problems: &mut Vec<Problem>) {
    let empty = HashSet::new();
    let rounds = Rounds::from_list(&agenda.rounds);
    let context = Context {
        file,
        issue_ids: None,
        party_ids: &empty,
        own_party: "",
        rounds: &rounds,
    };
    rounds::check_rounds(&context, &agenda.rounds, problems);
    if agenda.name.trim().is_empty() {
        problems.push(context.warning(Place::Root.field("name"), "the negotiation has no name"));
    }
    let mut seen = HashSet::new();
    let issues = Place::Root.field("issues");
    for (i, issue) in agenda.issues.iter().enumerate() {
        let at = issues.index(i);
        check_id(&context, at.field("id"), &issue.id, "issue", problems);
        if !issue.id.is_empty() && !seen.insert(issue.id.as_str()) {
            problems.push(context.error(
                at.field("id"),
                format!("issue id `{}` is used twice in the agenda", issue.id),
            ));
        }
        if issue.title.trim().is_empty() {
            problems.push(context.error(at.field("title"), "the issue has no title"));
        }
        let scale = at.field("scale");
        for (j, anchor) in issue.scale.iter().enumerate() {
            let anchor_at = scale.index(j);
            if !on_scale(anchor.at) {
                problems.push(context.error(
                    anchor_at.field("at"),
                    format!("scale anchor at {} is outside the 0–100 scale", anchor.at),
                ));
            }
            if anchor.meaning.trim().is_empty() {
                problems.push(context.error(
                    anchor_at.field("meaning"),
                    "this scale anchor has no meaning",
                ));
            }
        }
        for end in [SCALE_MIN, SCALE_MAX] {
            if !issue.scale.iter().any(|anchor| anchor.at == end) {
                problems.push(context.error(
                    scale,
                    format!(
                        "the scale of `{}` needs an anchor at {end} saying what that end means",
                        issue.id
                    ),
                ));
            }
        }
    }
}

/// A party recorded as having no stake must be one that is loaded, and one that says nothing
/// on the issue: if it speaks, it is compared like any other and the record is stale.
fn check_no_stake(
    negotiation: &Negotiation,
    agenda: &Loaded<Agenda>,
    party_ids: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let rounds = Rounds::from_list(&agenda.data.rounds);
    let context = Context {
        file: &agenda.path,
        issue_ids: None,
        party_ids,
        own_party: "",
        rounds: &rounds,
    };
    let issues = Place::Root.field("issues");
    for (i, issue) in agenda.data.issues.iter().enumerate() {
        let issue_at = issues.index(i);
        let no_stake = issue_at.field("no_stake");
        for (j, party_id) in issue.no_stake.iter().enumerate() {
            let at = no_stake.index(j);
            let speaking = negotiation
                .parties
                .iter()
                .filter(|party| party.data.party.id == *party_id)
                .map(|party| {
                    party
                        .data
                        .statements
                        .iter()
                        .filter(|statement| statement.issue == issue.id)
                        .count()
                })
                .sum::<usize>();
            if !negotiation.parties.is_empty() && !party_ids.contains(party_id.as_str()) {
                problems.push(
                    context
                        .warning(
                            at,
                            format!(
                                "`{}` records that party `{party_id}` has no stake, but no \
                                 loaded file is that party's",
                                issue.id
                            ),
                        )
                        .following_from(FollowsFrom::MissingParty(party_id.clone())),
                );
            } else if speaking > 0 {
                problems.push(context.warning(
                    at,
                    format!(
                        "`{}` records that party `{party_id}` has no stake, yet it makes \
                         {speaking} statement{} on the issue; it is compared like any other",
                        issue.id,
                        if speaking == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
    }
}

fn check_party_file(context: &Context<'_>, file: &PartyFile, problems: &mut Vec<Problem>) {
    let party = Place::Root.field("party");
    check_id(
        context,
        party.field("id"),
        &file.party.id,
        "party",
        problems,
    );
    for (field, value) in [
        ("name", &file.party.name),
        ("short_name", &file.party.short_name),
    ] {
        if value.trim().is_empty() {
            problems.push(context.error(
                party.field(field),
                format!("the party's `{field}` is empty"),
            ));
        }
    }
    if !is_hex_colour(&file.party.colour) {
        problems.push(context.error(
            party.field("colour"),
            format!(
                "colour `{}` is not a colour like \"#0072b2\" (# and six hex digits)",
                file.party.colour
            ),
        ));
    }
    if let Some(capability) = file.party.capability
        && !(0.0..=1.0).contains(&capability)
    {
        problems.push(context.error(
            party.field("capability"),
            format!("capability {capability} is outside 0–1"),
        ));
    }
    check_members(context, file, problems);
    if !is_date(&file.as_of) {
        problems.push(context.error(
            Place::Root.field("as_of"),
            format!(
                "`as_of` \"{}\" is not a date like \"2022-01-26\"",
                file.as_of
            ),
        ));
    }
    let mut seen = HashSet::new();
    let statements = Place::Root.field("statements");
    for (i, statement) in file.statements.iter().enumerate() {
        let at = statements.index(i);
        if !statement.id.is_empty() && !seen.insert(statement.id.as_str()) {
            problems.push(context.error(
                at.field("id"),
                format!("statement id `{}` is used twice in this file", statement.id),
            ));
        }
        check_statement(context, at, statement, problems);
    }
}

fn check_statement(
    context: &Context<'_>,
    at: Place<'_>,
    statement: &Statement,
    problems: &mut Vec<Problem>,
) {
    check_id(
        context,
        at.field("id"),
        &statement.id,
        "statement",
        problems,
    );
    check_issue_reference(context, at.field("issue"), &statement.issue, problems);
    if statement.summary.trim().is_empty() {
        problems.push(context.error(at.field("summary"), "the statement has no summary"));
    }
    check_placement(context, at, statement, problems);
    rounds::check_statement_rounds(context, at, statement, problems);
    check_conditions(context, at.field("conditions"), statement, problems);
    check_sources(context, at.field("sources"), statement, problems);
}

/// Stance, range and salience: on the scale, and the stance inside the statement's range.
fn check_placement(
    context: &Context<'_>,
    at: Place<'_>,
    statement: &Statement,
    problems: &mut Vec<Problem>,
) {
    if let Some(stance) = statement.stance
        && !on_scale(stance)
    {
        problems.push(context.error(
            at.field("stance"),
            format!("stance {stance} is outside the 0–100 scale"),
        ));
    }
    if let Some(range) = statement.range {
        let range_at = at.field("range");
        for (field, value) in [("min", range.min), ("max", range.max)] {
            if !on_scale(value) {
                problems.push(context.error(
                    range_at.field(field),
                    format!("range {field} {value} is outside the 0–100 scale"),
                ));
            }
        }
        if range.min > range.max {
            problems.push(context.error(
                range_at,
                format!("range min {} is above its max {}", range.min, range.max),
            ));
        } else if let Some(stance) = statement.stance
            && is_usable_range(&range)
            && on_scale(stance)
            && !range.contains(stance)
        {
            problems.push(context.error(
                at.field("stance"),
                format!(
                    "stance {stance} lies outside the statement's own range {}–{}",
                    range.min, range.max
                ),
            ));
        }
    }
    if !on_scale(statement.salience) {
        problems.push(context.error(
            at.field("salience"),
            format!("salience {} is outside 0–100", statement.salience),
        ));
    }
}

fn check_conditions(
    context: &Context<'_>,
    conditions: Place<'_>,
    statement: &Statement,
    problems: &mut Vec<Problem>,
) {
    for (i, condition) in statement.conditions.iter().enumerate() {
        let condition_at = conditions.index(i);
        if condition.text.trim().is_empty() {
            problems.push(context.error(condition_at.field("text"), "the condition has no text"));
        }
        if let Some(waits_on) = &condition.waits_on {
            let waits_at = condition_at.field("waits_on");
            check_issue_reference(context, waits_at.field("issue"), &waits_on.issue, problems);
            if waits_on.party == context.own_party {
                problems.push(context.warning(
                    waits_at.field("party"),
                    format!(
                        "the condition waits on `{}`, the party itself; name the party whose \
                         action it waits for",
                        waits_on.party
                    ),
                ));
            } else if !context.party_ids.contains(waits_on.party.as_str()) {
                problems.push(
                    context
                        .warning(
                            waits_at.field("party"),
                            format!(
                                "the condition waits on party `{}`, which is not among the \
                                 loaded files",
                                waits_on.party
                            ),
                        )
                        .following_from(FollowsFrom::MissingParty(waits_on.party.clone())),
                );
            }
        }
    }
}

fn check_sources(
    context: &Context<'_>,
    sources: Place<'_>,
    statement: &Statement,
    problems: &mut Vec<Problem>,
) {
    if statement.sources.is_empty() {
        problems.push(context.warning(
            sources,
            "the statement has no source: add the quote it rests on",
        ));
    }
    for (i, source) in statement.sources.iter().enumerate() {
        let source_at = sources.index(i);
        if source.quote.trim().is_empty() {
            problems.push(context.error(source_at.field("quote"), "the quote is empty"));
        }
        if source.speaker.trim().is_empty() {
            problems.push(context.warning(
                source_at.field("speaker"),
                "the quote has no speaker; use \"article (narration)\" when the text itself says it",
            ));
        }
        if source.reference.trim().is_empty() {
            problems.push(context.warning(
                source_at.field("reference"),
                "the source has no reference: say where the quote was published",
            ));
        }
        if !is_date(&source.date) {
            problems.push(context.error(
                source_at.field("date"),
                format!(
                    "source date \"{}\" is not a date like \"2022-01-26\"",
                    source.date
                ),
            ));
        }
    }
}

/// A range the analysis can use: finite, on the scale, min not above max.
pub fn is_usable_range(range: &Range) -> bool {
    on_scale(range.min) && on_scale(range.max) && range.min <= range.max
}

fn check_issue_reference(
    context: &Context<'_>,
    at: Place<'_>,
    issue: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(known) = context.issue_ids else {
        return;
    };
    if known.contains(issue) {
        return;
    }
    let suggestion = known
        .iter()
        .map(|candidate| (strsim::levenshtein(issue, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, candidate)| format!("; did you mean `{candidate}`?"))
        .unwrap_or_default();
    problems.push(context.error(
        at,
        format!("unknown issue id `{issue}`: it is not in the agenda{suggestion}"),
    ));
}

fn check_id(
    context: &Context<'_>,
    at: Place<'_>,
    id: &str,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    if id.is_empty() {
        problems.push(context.error(at, format!("the {what} has no id")));
    } else if !is_kebab_case(id) {
        problems.push(context.error(
            at,
            format!("{what} id `{id}` must be kebab-case: lower-case letters, digits and hyphens"),
        ));
    }
}

fn on_scale(value: f64) -> bool {
    (SCALE_MIN..=SCALE_MAX).contains(&value)
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_hex_colour(colour: &str) -> bool {
    colour
        .strip_prefix('#')
        .is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether `text` is a real calendar day written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    // Every digit position must hold a digit: `parse` alone would also take "+1".
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes() else {
        return false;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0_u32, |value, &digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + u32::from(digit - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (
        number(&[y1, y2, y3, y4]),
        number(&[m1, m2]),
        number(&[d1, d2]),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::parse_ron;
    use std::path::PathBuf;

    const AGENDA: &str = r#"(format: 1, name: "Test", issues: [
        (id: "membership", title: "Membership", scale: [(at: 0, meaning: "never"), (at: 100, meaning: "open")]),
        (id: "no-anchors", title: "Half a scale", scale: [(at: 0, meaning: "none")]),
        (id: "membership", title: "Again", scale: [(at: 0, meaning: "a"), (at: 100, meaning: "b")]),
    ])"#;

    const PARTY: &str = r#"(format: 1,
        party: (id: "east", name: "East", short_name: "E", colour: "red", capability: Some(2.0)),
        as_of: "2022-02-30",
        statements: [
            (id: "a", issue: "membrship", kind: Demand, summary: "s", stance: Some(50), range: Some((min: 60, max: 40)),
             salience: 120, firmness: Firm, estimated: true, sources: []),
            (id: "a", issue: "membership", kind: Offer, summary: "", stance: Some(90), range: Some((min: 10, max: 30)),
             salience: 50, firmness: Firm, estimated: true,
             conditions: [(text: "if", waits_on: Some((party: "west", issue: "membership")))],
             sources: [(quote: " ", speaker: "", date: "2022-01-26", reference: "r")]),
            (id: "c", issue: "membership", kind: Offer, summary: "s", range: Some((min: 50, max: 60)),
             salience: 50, firmness: Flexible, estimated: true,
             sources: [(quote: "q", speaker: "x", date: "26 Jan", reference: "r")]),
        ])"#;

    fn negotiation() -> Negotiation {
        Negotiation {
            agenda: Some(Loaded {
                path: PathBuf::from("agenda.ron"),
                data: parse_ron(AGENDA).unwrap().value,
            }),
            parties: vec![Loaded {
                path: PathBuf::from("east.ron"),
                data: parse_ron(PARTY).unwrap().value,
            }],
            left_out: Vec::new(),
        }
    }

    #[test]
    fn reports_every_problem_at_once_with_its_field() {
        let problems: Vec<String> = validate(&negotiation())
            .iter()
            .map(|p| {
                format!(
                    "{} {} {}",
                    p.severity,
                    p.path.as_ref().map(ToString::to_string).unwrap_or_default(),
                    p.message
                )
            })
            .collect();
        let expected = [
            "error issues[1].scale the scale of `no-anchors` needs an anchor at 100 saying what that end means",
            "error issues[2].id issue id `membership` is used twice in the agenda",
            "error party.colour colour `red` is not a colour like \"#0072b2\" (# and six hex digits)",
            "error party.capability capability 2 is outside 0–1",
            "error as_of `as_of` \"2022-02-30\" is not a date like \"2022-01-26\"",
            "error statements[0].issue unknown issue id `membrship`: it is not in the agenda; did you mean `membership`?",
            "error statements[0].range range min 60 is above its max 40",
            "error statements[0].salience salience 120 is outside 0–100",
            "warning statements[0].sources the statement has no source: add the quote it rests on",
            "error statements[1].id statement id `a` is used twice in this file",
            "error statements[1].summary the statement has no summary",
            "error statements[1].stance stance 90 lies outside the statement's own range 10–30",
            "warning statements[1].conditions[0].waits_on.party the condition waits on party `west`, which is not among the loaded files",
            "error statements[1].sources[0].quote the quote is empty",
            "warning statements[1].sources[0].speaker the quote has no speaker; use \"article (narration)\" when the text itself says it",
            "error statements[2].sources[0].date source date \"26 Jan\" is not a date like \"2022-01-26\"",
            "warning statements[2].range this range 50–60 does not meet 10–30, what the party's earlier statements on `membership` accept together; the analysis uses the firmest statement",
        ];
        assert_eq!(problems, expected);
    }

    #[test]
    fn odd_numbers_and_self_references_get_one_clear_message_each() {
        let text = r##"(format: 1,
            party: (id: "east", name: "East", short_name: "E", colour: "#123456"),
            as_of: "2022-01-26",
            statements: [
                (id: "a", issue: "membership", kind: Offer, summary: "s", stance: Some(50),
                 range: Some((min: NaN, max: inf)), salience: 50, firmness: Firm, estimated: true,
                 conditions: [(text: "if we agree", waits_on: Some((party: "east", issue: "membership")))],
                 sources: [(quote: "q", speaker: "x", date: "2022-01-26", reference: " ")]),
            ])"##;
        let mut negotiation = negotiation();
        negotiation.parties = vec![Loaded {
            path: PathBuf::from("east.ron"),
            data: parse_ron(text).unwrap().value,
        }];
        let messages: Vec<String> = validate(&negotiation)
            .into_iter()
            .filter(|p| p.file == Path::new("east.ron"))
            .map(|p| p.message)
            .collect();
        assert_eq!(
            messages,
            [
                "range min NaN is outside the 0–100 scale",
                "range max inf is outside the 0–100 scale",
                "the condition waits on `east`, the party itself; name the party whose action it waits for",
                "the source has no reference: say where the quote was published",
            ]
        );
    }

    #[test]
    fn duplicate_party_ids_across_files_are_errors() {
        let mut negotiation = negotiation();
        let mut twin = negotiation.parties[0].clone();
        twin.path = PathBuf::from("east-again.ron");
        negotiation.parties.push(twin);
        let duplicates: Vec<_> = validate(&negotiation)
            .into_iter()
            .filter(|p| p.message.contains("already used by east.ron"))
            .collect();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].file, PathBuf::from("east-again.ron"));
    }

    #[test]
    fn no_stake_must_name_a_loaded_party_that_keeps_quiet() {
        let mut negotiation = negotiation();
        if let Some(agenda) = &mut negotiation.agenda {
            agenda.data.issues[0].no_stake = vec!["east".to_owned(), "west".to_owned()];
        }
        let found: Vec<(String, String)> = validate(&negotiation)
            .into_iter()
            .filter(|p| p.message.contains("no stake"))
            .map(|p| {
                (
                    p.path.map(|path| path.to_string()).unwrap_or_default(),
                    p.message,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "issues[0].no_stake[0]".to_owned(),
                    "`membership` records that party `east` has no stake, yet it makes 2 \
                     statements on the issue; it is compared like any other"
                        .to_owned()
                ),
                (
                    "issues[0].no_stake[1]".to_owned(),
                    "`membership` records that party `west` has no stake, but no loaded file is \
                     that party's"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn without_an_agenda_issue_ids_are_not_checked() {
        let mut negotiation = negotiation();
        negotiation.agenda = None;
        assert!(
            !validate(&negotiation)
                .iter()
                .any(|p| p.message.contains("unknown issue"))
        );
    }

    #[test]
    fn dates_must_be_real_days() {
        assert!(is_date("2022-01-26"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2022-13-01"));
        assert!(!is_date("2022-1-26"));
        assert!(!is_date("+022-01-26"));
        assert!(!is_date("2022-+1-+5"));
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_kebab_case("nato-membership"));
        assert!(is_kebab_case("g7"));
        assert!(!is_kebab_case("NATO"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("-a"));
        assert!(!is_kebab_case("a_b"));
    }
}
