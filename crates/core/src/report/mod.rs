//! The comparison written out: plain text for the terminal ([`text`]), a Markdown brief with
//! citations, the same text the window exports ([`markdown`]), and JSON for other tools
//! ([`json`]).

mod json;
mod markdown;
mod text;

use std::fmt::{self, Write as _};

pub use json::json;
pub use markdown::markdown;
pub use text::text;

use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::model::{AgendaIssue, Condition, Range, Statement, WaitsOn};
use crate::negotiation::{Negotiation, StatementKey};

/// Shown in place of a party the analysis names but the negotiation no longer holds; the
/// analysis and the negotiation come from the same data, so a report never shows it.
const UNKNOWN_PARTY: &str = "(party not loaded)";

/// Everything a report needs to name issues, parties and statements.
struct View<'a> {
    negotiation: &'a Negotiation,
    analysis: &'a Analysis,
}

impl<'a> View<'a> {
    fn agenda_issue(&self, id: &str) -> Option<&'a AgendaIssue> {
        self.negotiation.agenda_issue(id)
    }

    fn title(&self, id: &'a str) -> &'a str {
        self.agenda_issue(id)
            .map_or(id, |issue| issue.title.as_str())
    }

    fn party_name(&self, party: usize) -> &'a str {
        self.negotiation
            .party(party)
            .map_or(UNKNOWN_PARTY, |file| file.party.short_name.as_str())
    }

    fn party_id(&self, party: usize) -> &'a str {
        self.negotiation
            .party(party)
            .map_or(UNKNOWN_PARTY, |file| file.party.id.as_str())
    }

    fn statement(&self, key: StatementKey) -> Option<&'a Statement> {
        self.negotiation.statement(key)
    }

    /// The name of the party a condition waits on, or its id when it is not loaded.
    fn waits_on_name(&self, waits_on: &'a WaitsOn) -> &'a str {
        self.negotiation
            .party_index(&waits_on.party)
            .map_or(&waits_on.party, |p| self.party_name(p))
    }

    /// Each conditional offer once, with its statement and all of its conditions that wait on
    /// another party.
    fn offers_with_conditions(
        &self,
        issue: &IssueAnalysis,
    ) -> Vec<(StatementKey, &'a Statement, Vec<&'a Condition>)> {
        let mut grouped: Vec<(StatementKey, &Statement, Vec<&Condition>)> = Vec::new();
        for offer in &issue.conditional_offers {
            let Some(statement) = self.statement(offer.offer) else {
                continue;
            };
            let Some(condition) = statement.conditions.get(offer.condition) else {
                continue;
            };
            match grouped.last_mut() {
                Some((key, _, conditions)) if *key == offer.offer => conditions.push(condition),
                _ => grouped.push((offer.offer, statement, vec![condition])),
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

    /// "russia.ron could not be read (12:3: expected …): these conclusions leave it out.", one
    /// line for each file that was asked for but did not load.
    fn left_out_lines(&self) -> Vec<String> {
        self.negotiation
            .left_out
            .iter()
            .map(|file| {
                format!(
                    "{} could not be read ({}): these conclusions leave it out.",
                    Inline(&file.file_name()),
                    Inline(&file.reason)
                )
            })
            .collect()
    }

    /// The parties an untested finding waits on, each with why: "Russia (silent)".
    fn awaited_text(&self, issue: &IssueAnalysis) -> String {
        let named: Vec<String> = issue
            .awaited
            .iter()
            .map(|&party| {
                let why = if issue.silent.contains(&party) {
                    "silent"
                } else {
                    "no position on the scale"
                };
                format!("{} ({why})", Inline(self.party_name(party)))
            })
            .chain(
                self.negotiation
                    .left_out
                    .iter()
                    .filter(|file| file.is_party_file())
                    .map(|file| format!("{} (did not load)", Inline(&file.file_name()))),
            )
            .collect();
        named.join(", ")
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

    /// The issues with a given status, in agenda order.
    fn issues_with(&self, status: Status) -> Vec<&'a IssueAnalysis> {
        self.analysis
            .issues
            .iter()
            .filter(|issue| issue.status == status)
            .collect()
    }
}

/// Text from a file shown on one line of a report: a newline or other control character in a
/// summary would otherwise break the layout, or fake a line of its own.
struct Inline<'a>(&'a str);

impl fmt::Display for Inline<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
        (Some(zone), _) if issue.status == Status::Untested => {
            format!("zone {} among the parties placed", range_text(*zone))
        }
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

const STATUSES_IN_REPORT_ORDER: [Status; 4] = [
    Status::PossibleAgreement,
    Status::Untested,
    Status::Deadlock,
    Status::Unaddressed,
];

fn table_cell(text: &str) -> String {
    Inline(text).to_string().replace('|', "\\|")
}

/// A report as a `Display` value, so that it is written with `?` and never with an error
/// thrown away: formatting into a `String` cannot fail, but the writers do not need to know
/// that.
struct Written<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Written<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
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
