//! The comparison written out: plain text for the terminal ([`text`]), a Markdown brief with
//! citations ([`markdown`]), a self-contained HTML brief with a chart beside each finding
//! ([`html`]), and JSON for other tools ([`json`]). The window exports the same briefs.

mod blocs;
mod changes;
mod html;
mod json;
mod markdown;
mod predicted;
mod text;

use std::fmt::{self, Write as _};

pub use blocs::divergence_words;
pub use changes::{Changes, changes_json, changes_markdown, changes_text, position_words};
pub use html::{html, html_brief};
pub use json::{json, trades_json};
pub use markdown::{markdown, markdown_brief};
pub use predicted::{
    PredictionWords, TRADES_IN_BRIEF, TRADES_PREAMBLE, prediction_words, trade_words,
};
pub use text::{text, trades_text};

use crate::analysis::{Analysis, Gap, IssueAnalysis, Status};
use crate::model::{AgendaIssue, Condition, Range, Statement, WaitsOn};
use crate::negotiation::{Negotiation, StatementKey};

/// Shown in place of a party the analysis names but the negotiation no longer holds; the
/// analysis and the negotiation come from the same data, so a report never shows it.
const UNKNOWN_PARTY: &str = "(party not loaded)";

/// Everything a report needs to name issues, parties and statements.
struct View<'a> {
    negotiation: &'a Negotiation,
    analysis: &'a Analysis,
    /// What changed since an earlier round, for the brief's section of that name.
    changes: Option<Changes<'a>>,
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

    /// A summary row's status: the status, or for an untested issue whom it waits on.
    fn summary_status(&self, issue: &IssueAnalysis) -> String {
        if issue.status == Status::Untested {
            format!("untested: waits on {}", self.awaited_text(issue))
        } else {
            issue.status.label().to_owned()
        }
    }

    /// The silent parties' names, or "–" when every party spoke.
    fn silent_text(&self, issue: &IssueAnalysis) -> String {
        if issue.silent.is_empty() {
            "–".to_owned()
        } else {
            self.names(&issue.silent)
        }
    }

    /// Who holds each side of a gap, with how firmly: ("Held down by", "Russia (firm)").
    fn held_by(&self, gap: &Gap) -> Vec<(&'static str, String)> {
        [
            ("Held down by", &gap.low_side),
            ("Held up by", &gap.high_side),
        ]
        .into_iter()
        .filter_map(|(label, side)| {
            let names: Vec<String> = side
                .iter()
                .filter_map(|&key| {
                    let statement = self.statement(key)?;
                    Some(format!(
                        "{} ({})",
                        Inline(self.party_name(key.party)),
                        statement.firmness.label()
                    ))
                })
                .collect();
            (!names.is_empty()).then(|| (label, names.join(", ")))
        })
        .collect()
    }

    /// The issue's collisions, each with both statements.
    fn collisions(&self, issue: &IssueAnalysis) -> Vec<Collided<'a>> {
        issue
            .collisions
            .iter()
            .filter_map(|collision| {
                Some(Collided {
                    demander: self.party_name(collision.demand.party),
                    demand: self.statement(collision.demand)?,
                    rejecter: self.party_name(collision.rejection.party),
                    red_line: self.statement(collision.rejection)?,
                })
            })
            .collect()
    }

    /// Every statement on the issue with its party, in column and file order.
    fn statements_on(&self, issue: &IssueAnalysis) -> Vec<(usize, &'a Statement)> {
        issue
            .stands
            .iter()
            .flat_map(|stand| {
                stand.statements.iter().filter_map(move |&statement| {
                    let key = StatementKey {
                        party: stand.party,
                        statement,
                    };
                    Some((stand.party, self.statement(key)?))
                })
            })
            .collect()
    }

    /// The issues with a given status, in agenda order.
    fn issues_with(&self, status: Status) -> Vec<&'a IssueAnalysis> {
        self.analysis
            .issues
            .iter()
            .map(AsRef::as_ref)
            .filter(|issue| issue.status == status)
            .collect()
    }
}

/// A demand that falls inside another party's red line, with both statements.
struct Collided<'a> {
    demander: &'a str,
    demand: &'a Statement,
    rejecter: &'a str,
    red_line: &'a Statement,
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
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// "5–90", or "100" for a single point.
pub fn range_text(range: Range) -> String {
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
