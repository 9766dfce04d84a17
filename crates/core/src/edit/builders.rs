//! Ready-made edits and the values they carry: a new party file, a blank statement or agenda
//! issue, a duplicate, each with an id nothing else uses.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Edit;
use crate::model::{
    AgendaIssue, Anchor, FORMAT_VERSION, Firmness, Kind, Party, PartyFile, SCALE_MAX, SCALE_MIN,
    Statement,
};
use crate::negotiation::{Negotiation, StatementKey};

/// A new, empty party file beside the others, with an id and a file name that no open party
/// uses and for which `exists` says no file is on disk. `today` is the `as_of` date.
pub fn new_party(negotiation: &Negotiation, today: &str, exists: impl Fn(&Path) -> bool) -> Edit {
    let folder = negotiation
        .agenda
        .as_ref()
        .map(|agenda| agenda.path.as_path())
        .or(negotiation
            .parties
            .first()
            .map(|party| party.path.as_path()))
        .and_then(|path| path.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let taken = |id: &str| {
        negotiation.parties.iter().any(|party| {
            party.data.party.id == id || party.path.file_stem().is_some_and(|stem| stem == id)
        })
    };
    let id = std::iter::once("new-party".to_owned())
        .chain((2..).map(|n| format!("new-party-{n}")))
        .find(|id| !taken(id) && !exists(&folder.join(format!("{id}.ron"))))
        .unwrap_or_else(|| "new-party".to_owned());
    Edit::AddParty {
        path: folder.join(format!("{id}.ron")),
        file: PartyFile {
            format: FORMAT_VERSION,
            party: Party {
                members: Vec::new(),
                id,
                name: "New party".to_owned(),
                short_name: "New".to_owned(),
                colour: unused_colour(negotiation).to_owned(),
                capability: None,
                notes: String::new(),
            },
            as_of: today.to_owned(),
            summary: String::new(),
            statements: Vec::new(),
        },
    }
}

/// The colours new parties are given, in order: the Okabe–Ito palette, whose colours stay
/// apart under the common forms of colour blindness, darkest first so names on them read.
pub const PARTY_COLOURS: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442",
];

/// The first palette colour no open party uses; the first again when all are taken, since a
/// party must have some colour and its name is always written beside it.
fn unused_colour(negotiation: &Negotiation) -> &'static str {
    let used = |colour: &str| {
        negotiation
            .parties
            .iter()
            .any(|party| party.data.party.colour.eq_ignore_ascii_case(colour))
    };
    PARTY_COLOURS
        .iter()
        .copied()
        .find(|colour| !used(colour))
        .unwrap_or(PARTY_COLOURS[0])
}

/// The date `days` days after 1970-01-01, as `YYYY-MM-DD` (the proleptic Gregorian calendar,
/// by Howard Hinnant's `civil_from_days`).
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `base` (less any number it ends in), or `base-2`, `base-3`…, whichever is free.
pub fn unique_id<'a>(base: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().collect();
    let base = base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    let base = if base.is_empty() { "statement" } else { base };
    std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// A new agenda issue with an id no other issue uses and both ends of its scale to name.
pub fn blank_issue<'a>(taken: impl IntoIterator<Item = &'a str>) -> AgendaIssue {
    AgendaIssue {
        id: unique_id("new-issue", taken),
        title: "New issue".to_owned(),
        category: String::new(),
        description: String::new(),
        scale: vec![
            Anchor {
                at: SCALE_MIN,
                meaning: String::new(),
            },
            Anchor {
                at: SCALE_MAX,
                meaning: String::new(),
            },
        ],
        no_stake: Vec::new(),
        notes: String::new(),
    }
}

/// A copy of a statement, with an id of its own, just below it; `None` when it is gone.
pub fn duplicate(negotiation: &Negotiation, key: StatementKey) -> Option<Edit> {
    let party = negotiation.party(key.party)?;
    let mut copy = party.statements.get(key.statement)?.clone();
    copy.id = unique_id(&copy.id, party.statements.iter().map(|s| s.id.as_str()));
    Some(Edit::InsertStatement {
        party: key.party,
        index: key.statement + 1,
        statement: copy,
    })
}

/// A blank statement by a party on an issue, ready to be filled in, placed after the party's
/// last statement on that issue; `None` when the party is gone.
pub fn new_statement(negotiation: &Negotiation, party: usize, issue: &str) -> Option<Edit> {
    let statements = &negotiation.party(party)?.statements;
    let taken = statements.iter().map(|s| s.id.as_str());
    let statement = Statement {
        id: unique_id(&format!("{issue}-statement"), taken),
        issue: issue.to_owned(),
        kind: Kind::Demand,
        summary: String::new(),
        stance: None,
        range: None,
        salience: 50.0,
        firmness: Firmness::Firm,
        estimated: true,
        conditions: Vec::new(),
        sources: Vec::new(),
        notes: String::new(),
        from: None,
        until: None,
    };
    let index = statements
        .iter()
        .rposition(|s| s.issue == issue)
        .map_or(statements.len(), |last| last + 1);
    Some(Edit::InsertStatement {
        party,
        index,
        statement,
    })
}

/// A blank agenda issue at `index` (the end when past it), of the given category; `None`
/// without an agenda.
pub fn new_agenda_issue(negotiation: &Negotiation, index: usize, category: &str) -> Option<Edit> {
    let issues = &negotiation.agenda.as_ref()?.data.issues;
    let issue = AgendaIssue {
        category: category.to_owned(),
        ..blank_issue(issues.iter().map(|issue| issue.id.as_str()))
    };
    Some(Edit::InsertAgendaIssue {
        index: index.min(issues.len()),
        issue,
    })
}
