//! The comparison written out: plain text for the terminal, a Markdown brief with citations
//! (the same text the window exports), and JSON for other tools.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analysis::{Analysis, IssueAnalysis, StatementKey, Status};
use crate::io::Negotiation;
use crate::model::{AgendaIssue, Condition, Range, Source, Statement, WaitsOn};

/// Everything a report needs to name issues, parties and statements.
struct View<'a> {
    negotiation: &'a Negotiation,
    analysis: &'a Analysis,
}

impl<'a> View<'a> {
    fn agenda_issue(&self, id: &str) -> Option<&'a AgendaIssue> {
        self.negotiation
            .agenda
            .as_ref()
            .and_then(|agenda| agenda.data.issues.iter().find(|issue| issue.id == id))
    }

    fn title(&self, id: &'a str) -> &'a str {
        self.agenda_issue(id)
            .map_or(id, |issue| issue.title.as_str())
    }

    fn party_name(&self, party: usize) -> &'a str {
        &self.negotiation.parties[party].data.party.short_name
    }

    fn party_id(&self, party: usize) -> &'a str {
        &self.negotiation.parties[party].data.party.id
    }

    fn statement(&self, key: StatementKey) -> &'a Statement {
        &self.negotiation.parties[key.party].data.statements[key.statement]
    }

    /// The name of the party a condition waits on, or its id when it is not loaded.
    fn waits_on_name(&self, waits_on: &'a WaitsOn) -> &'a str {
        self.negotiation
            .party_index(&waits_on.party)
            .map_or(&waits_on.party, |p| self.party_name(p))
    }

    /// Each conditional offer once, with all of its conditions that wait on another party.
    fn offers_with_conditions(
        &self,
        issue: &IssueAnalysis,
    ) -> Vec<(StatementKey, Vec<&'a Condition>)> {
        let mut grouped: Vec<(StatementKey, Vec<&Condition>)> = Vec::new();
        for offer in &issue.conditional_offers {
            let condition = &self.statement(offer.offer).conditions[offer.condition];
            match grouped.last_mut() {
                Some((key, conditions)) if *key == offer.offer => conditions.push(condition),
                _ => grouped.push((offer.offer, vec![condition])),
            }
        }
        grouped
    }

    /// "as long as … (waits on Russia: russian-forces-border); and agrees … (waits on …)"
    fn conditions_text(&self, conditions: &[&Condition], with_issue: bool) -> String {
        let parts: Vec<String> = conditions
            .iter()
            .map(|condition| {
                let text = Inline(&condition.text);
                match &condition.waits_on {
                    Some(w) if with_issue => format!(
                        "{text} (waits on {}: {})",
                        Inline(self.waits_on_name(w)),
                        Inline(&w.issue)
                    ),
                    Some(w) => format!("{text} (waits on {})", Inline(self.waits_on_name(w))),
                    None => text.to_string(),
                }
            })
            .collect();
        parts.join("; ")
    }

    fn party_list(&self) -> String {
        self.names(&self.analysis.parties)
    }

    fn names(&self, parties: &[usize]) -> String {
        let names: Vec<String> = parties
            .iter()
            .map(|&p| Inline(self.party_name(p)).to_string())
            .collect();
        names.join(", ")
    }
}

/// Text from a file shown on one line of a report: a newline or other control character in a
/// summary would otherwise break the layout, or fake a line of its own.
struct Inline<'a>(&'a str);

impl std::fmt::Display for Inline<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            f.write_char(if c.is_control() { ' ' } else { c })?;
        }
        Ok(())
    }
}

/// A number on the 0–100 scale without a pointless ".0".
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// "5–90", or "100" for a single point.
fn range_text(range: Range) -> String {
    if range.min == range.max {
        number(range.min)
    } else {
        format!("{}–{}", number(range.min), number(range.max))
    }
}

fn zone_or_gap(issue: &IssueAnalysis) -> String {
    match (&issue.zone, &issue.gap) {
        (Some(zone), _) => format!("zone {}", range_text(*zone)),
        (_, Some(gap)) => format!(
            "gap {}–{} ({} points)",
            number(gap.from),
            number(gap.to),
            number(gap.width())
        ),
        _ => "fewer than two parties placed on the scale".to_owned(),
    }
}

/// "red line, non-negotiable, est. range 90–100, stance 100, salience 90": the numbers are
/// marked as the analyst's estimates when they are.
fn statement_facts(statement: &Statement) -> String {
    let mut numbers = Vec::new();
    if let Some(range) = statement.range {
        numbers.push(format!("range {}", range_text(range)));
    }
    if let Some(stance) = statement.stance {
        numbers.push(format!("stance {}", number(stance)));
    }
    numbers.push(format!("salience {}", number(statement.salience)));
    let estimated = if statement.estimated { "est. " } else { "" };
    format!(
        "{}, {}, {estimated}{}",
        statement.kind.label(),
        statement.firmness.label(),
        numbers.join(", ")
    )
}

fn statuses_in_report_order() -> [Status; 3] {
    [
        Status::PossibleAgreement,
        Status::Deadlock,
        Status::Unaddressed,
    ]
}

pub fn text(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let view = View {
        negotiation,
        analysis,
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", Inline(&negotiation.name()));
    let _ = writeln!(out, "Parties compared: {}", view.party_list());
    for status in statuses_in_report_order() {
        let issues: Vec<&IssueAnalysis> = analysis
            .issues
            .iter()
            .filter(|issue| issue.status == status)
            .collect();
        if issues.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} ({})",
            status.label().to_uppercase(),
            issues.len()
        );
        for issue in issues {
            text_issue(&view, issue, &mut out);
        }
    }
    out
}

fn text_issue(view: &View, issue: &IssueAnalysis, out: &mut String) {
    let _ = writeln!(
        out,
        "\n  {} [{}]: {}",
        Inline(view.title(&issue.issue)),
        issue.issue,
        zone_or_gap(issue)
    );
    let ranges: Vec<String> = issue
        .stands
        .iter()
        .filter_map(|stand| {
            let range = stand.range?;
            Some(format!(
                "{} {}",
                Inline(view.party_name(stand.party)),
                range_text(range)
            ))
        })
        .collect();
    if !ranges.is_empty() {
        let _ = writeln!(out, "    ranges: {}", ranges.join(", "));
    }
    if let Some(gap) = &issue.gap {
        for (label, side) in [
            ("held down by", &gap.low_side),
            ("held up by", &gap.high_side),
        ] {
            for &key in side {
                let statement = view.statement(key);
                let _ = writeln!(
                    out,
                    "    {label} {}: {} ({})",
                    Inline(view.party_name(key.party)),
                    Inline(&statement.summary),
                    statement_facts(statement)
                );
            }
        }
    }
    for collision in &issue.collisions {
        let demand = view.statement(collision.demand);
        let rejection = view.statement(collision.rejection);
        let _ = writeln!(
            out,
            "    collision: {} demands \"{}\" against {}'s red line \"{}\"",
            Inline(view.party_name(collision.demand.party)),
            Inline(&demand.summary),
            Inline(view.party_name(collision.rejection.party)),
            Inline(&rejection.summary)
        );
    }
    for (offer, conditions) in view.offers_with_conditions(issue) {
        let _ = writeln!(
            out,
            "    conditional offer: {} \"{}\": {}",
            Inline(view.party_name(offer.party)),
            Inline(&view.statement(offer).summary),
            view.conditions_text(&conditions, true)
        );
    }
    if !issue.silent.is_empty() {
        let _ = writeln!(out, "    silent: {}", view.names(&issue.silent));
    }
}

pub fn markdown(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let view = View {
        negotiation,
        analysis,
    };
    let mut out = String::new();
    let mut references = References::default();
    let _ = writeln!(out, "# Common ground: {}\n", Inline(&negotiation.name()));
    let _ = writeln!(out, "Parties compared: {}.\n", view.party_list());
    let _ = writeln!(
        out,
        "Each issue is scored on a 0–100 scale whose ends are named below. Ranges, stances and \
         salience marked *est.* are the analyst's estimates, not numbers the parties stated.\n"
    );
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| Issue | Status | Zone or gap | Silent |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for issue in &analysis.issues {
        let silent = if issue.silent.is_empty() {
            "–".to_owned()
        } else {
            view.names(&issue.silent)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            table_cell(view.title(&issue.issue)),
            issue.status.label(),
            zone_or_gap(issue),
            table_cell(&silent)
        );
    }
    for status in statuses_in_report_order() {
        let issues: Vec<&IssueAnalysis> = analysis
            .issues
            .iter()
            .filter(|issue| issue.status == status)
            .collect();
        if issues.is_empty() {
            continue;
        }
        let mut heading = status.label().to_owned();
        heading[..1].make_ascii_uppercase();
        let _ = writeln!(out, "\n## {heading}");
        for issue in issues {
            markdown_issue(&view, issue, &mut references, &mut out);
        }
    }
    if !references.cited.is_empty() {
        let _ = writeln!(out, "\n## Sources\n");
        for (i, reference) in references.cited.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, Inline(reference));
        }
    }
    out
}

fn markdown_issue<'a>(
    view: &View<'a>,
    issue: &IssueAnalysis,
    references: &mut References<'a>,
    out: &mut String,
) {
    let _ = writeln!(out, "\n### {}\n", Inline(view.title(&issue.issue)));
    let scale = view.agenda_issue(&issue.issue).map(|agenda_issue| {
        let anchors: Vec<String> = agenda_issue
            .scale
            .iter()
            .map(|anchor| format!("{} = {}", number(anchor.at), Inline(&anchor.meaning)))
            .collect();
        anchors.join("; ")
    });
    let mut finding = format!("**{}**: {}.", issue.status.label(), zone_or_gap(issue));
    if let Some(scale) = scale {
        let _ = write!(finding, " Scale: {scale}.");
    }
    let _ = writeln!(out, "{finding}\n");
    if let Some(gap) = &issue.gap {
        for (label, side) in [
            ("Held down by", &gap.low_side),
            ("Held up by", &gap.high_side),
        ] {
            let names: Vec<String> = side
                .iter()
                .map(|&key| {
                    format!(
                        "{} ({})",
                        Inline(view.party_name(key.party)),
                        view.statement(key).firmness.label()
                    )
                })
                .collect();
            if !names.is_empty() {
                let _ = writeln!(out, "{label}: {}.\n", names.join(", "));
            }
        }
    }
    for collision in &issue.collisions {
        let _ = writeln!(
            out,
            "Collision: {}'s demand \"{}\" falls in the area {}'s red line \"{}\" rejects.\n",
            Inline(view.party_name(collision.demand.party)),
            Inline(&view.statement(collision.demand).summary),
            Inline(view.party_name(collision.rejection.party)),
            Inline(&view.statement(collision.rejection).summary)
        );
    }
    for (offer, conditions) in view.offers_with_conditions(issue) {
        let _ = writeln!(
            out,
            "Conditional offer from {}: \"{}\", on condition: {}.\n",
            Inline(view.party_name(offer.party)),
            Inline(&view.statement(offer).summary),
            view.conditions_text(&conditions, false)
        );
    }
    for stand in &issue.stands {
        for &index in &stand.statements {
            let statement = view.statement(StatementKey {
                party: stand.party,
                statement: index,
            });
            let _ = writeln!(
                out,
                "- **{}**: {} ({})",
                Inline(view.party_name(stand.party)),
                Inline(&statement.summary),
                statement_facts(statement)
            );
            for (i, source) in statement.sources.iter().enumerate() {
                if i > 0 {
                    // An empty quoted line keeps two quotes from running together.
                    let _ = writeln!(out, "  >");
                }
                let _ = writeln!(
                    out,
                    "  > \"{}\"  \n  > — {}, {} [{}]",
                    Inline(&source.quote),
                    Inline(&source.speaker),
                    Inline(&source.date),
                    references.number(&source.reference)
                );
            }
        }
    }
    if !issue.silent.is_empty() {
        let _ = writeln!(out, "- Silent: {}", view.names(&issue.silent));
    }
}

/// The works quoted, numbered in order of first citation, so a long reference is printed once.
#[derive(Default)]
struct References<'a> {
    cited: Vec<&'a str>,
}

impl<'a> References<'a> {
    fn number(&mut self, reference: &'a str) -> usize {
        match self.cited.iter().position(|r| *r == reference) {
            Some(i) => i + 1,
            None => {
                self.cited.push(reference);
                self.cited.len()
            }
        }
    }
}

fn table_cell(text: &str) -> String {
    Inline(text).to_string().replace('|', "\\|")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    negotiation: String,
    parties: Vec<JsonParty<'a>>,
    issues: Vec<JsonIssue<'a>>,
}

#[derive(Serialize)]
struct JsonParty<'a> {
    id: &'a str,
    name: &'a str,
    short_name: &'a str,
}

#[derive(Serialize)]
struct JsonIssue<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    zone: Option<Range>,
    gap: Option<JsonGap<'a>>,
    parties: Vec<JsonStand<'a>>,
    collisions: Vec<JsonCollision<'a>>,
    conditional_offers: Vec<JsonConditionalOffer<'a>>,
    silent: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonGap<'a> {
    from: f64,
    to: f64,
    width: f64,
    low_side: Vec<JsonStatement<'a>>,
    high_side: Vec<JsonStatement<'a>>,
}

#[derive(Serialize)]
struct JsonStand<'a> {
    party: &'a str,
    range: Option<Range>,
    statements: Vec<JsonStatement<'a>>,
}

#[derive(Serialize)]
struct JsonStatement<'a> {
    party: &'a str,
    id: &'a str,
    kind: &'static str,
    summary: &'a str,
    firmness: &'static str,
    stance: Option<f64>,
    range: Option<Range>,
    salience: f64,
    estimated: bool,
    sources: &'a [Source],
}

#[derive(Serialize)]
struct JsonCollision<'a> {
    demand: JsonStatement<'a>,
    rejection: JsonStatement<'a>,
}

#[derive(Serialize)]
struct JsonConditionalOffer<'a> {
    offer: JsonStatement<'a>,
    condition: &'a str,
    waits_on: Option<&'a WaitsOn>,
}

pub fn json(negotiation: &Negotiation, analysis: &Analysis) -> serde_json::Result<String> {
    let view = View {
        negotiation,
        analysis,
    };
    let statement = |key: StatementKey| {
        let s = view.statement(key);
        JsonStatement {
            party: view.party_id(key.party),
            id: &s.id,
            kind: s.kind.label(),
            summary: &s.summary,
            firmness: s.firmness.label(),
            stance: s.stance,
            range: s.range,
            salience: s.salience,
            estimated: s.estimated,
            sources: &s.sources,
        }
    };
    let report = JsonReport {
        negotiation: negotiation.name(),
        parties: analysis
            .parties
            .iter()
            .map(|&p| {
                let party = &negotiation.parties[p].data.party;
                JsonParty {
                    id: &party.id,
                    name: &party.name,
                    short_name: &party.short_name,
                }
            })
            .collect(),
        issues: analysis
            .issues
            .iter()
            .map(|issue| JsonIssue {
                id: &issue.issue,
                title: view.title(&issue.issue),
                status: issue.status.id(),
                zone: issue.zone,
                gap: issue.gap.as_ref().map(|gap| JsonGap {
                    from: gap.from,
                    to: gap.to,
                    width: gap.width(),
                    low_side: gap.low_side.iter().map(|&k| statement(k)).collect(),
                    high_side: gap.high_side.iter().map(|&k| statement(k)).collect(),
                }),
                parties: issue
                    .stands
                    .iter()
                    .map(|stand| JsonStand {
                        party: view.party_id(stand.party),
                        range: stand.range,
                        statements: stand
                            .statements
                            .iter()
                            .map(|&i| {
                                statement(StatementKey {
                                    party: stand.party,
                                    statement: i,
                                })
                            })
                            .collect(),
                    })
                    .collect(),
                collisions: issue
                    .collisions
                    .iter()
                    .map(|c| JsonCollision {
                        demand: statement(c.demand),
                        rejection: statement(c.rejection),
                    })
                    .collect(),
                conditional_offers: issue
                    .conditional_offers
                    .iter()
                    .map(|offer| {
                        let condition = &view.statement(offer.offer).conditions[offer.condition];
                        JsonConditionalOffer {
                            offer: statement(offer.offer),
                            condition: &condition.text,
                            waits_on: condition.waits_on.as_ref(),
                        }
                    })
                    .collect(),
                silent: issue.silent.iter().map(|&p| view.party_id(p)).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(37.5), "37.5");
        assert_eq!(number(33.333), "33.33");
        assert_eq!(number(10.001), "10");
    }

    #[test]
    fn text_from_files_stays_on_its_line() {
        assert_eq!(
            Inline("two\nlines\tand\x1b[31m").to_string(),
            "two lines and [31m"
        );
        assert_eq!(table_cell("a|b\nc"), "a\\|b c");
        assert_eq!(
            range_text(Range {
                min: 5.0,
                max: 90.0
            }),
            "5–90"
        );
    }
}
