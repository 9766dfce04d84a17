//! What changed between two rounds, as text, Markdown and JSON (`common-ground diff`), and as
//! the "What changed" section of the brief.

use std::fmt;

use serde::Serialize;

use super::json::{JsonLeftOut, JsonRound, left_out};
use super::{Inline, Written, number, range_text, table_cell};
use crate::diff::{Change, Diff, IssueChange, PartyChange, Position, ZoneChange};
use crate::figure::svg::escape;
use crate::model::Range;
use crate::negotiation::Negotiation;
use crate::rounds::Rounds;

/// A diff and the whole negotiation its keys point into.
#[derive(Clone, Copy)]
pub struct Changes<'a> {
    pub negotiation: &'a Negotiation,
    pub diff: &'a Diff,
}

impl<'a> Changes<'a> {
    fn party_name(&self, party: usize) -> &'a str {
        self.negotiation
            .party(party)
            .map_or("?", |file| file.party.short_name.as_str())
    }

    fn party_id(&self, party: usize) -> &'a str {
        self.negotiation
            .party(party)
            .map_or("?", |file| file.party.id.as_str())
    }

    fn issue_title(&self, issue: &'a str) -> &'a str {
        self.negotiation
            .agenda_issue(issue)
            .map_or(issue, |agenda_issue| agenda_issue.title.as_str())
    }

    /// "Opening letters (2031-03-02) → Summit communiqué (2031-07-20)".
    pub fn rounds_text(&self) -> String {
        let rounds = Rounds::of(self.negotiation);
        format!(
            "{} → {}",
            rounds.label(self.diff.from),
            rounds.label(self.diff.to)
        )
    }

    /// "softened 2 · hardened 1 · new 1 · dropped 1 · unchanged 1".
    pub fn tally(&self) -> String {
        let parts: Vec<String> = Change::ALL
            .iter()
            .map(|&change| format!("{} {}", change.id(), self.diff.count(change)))
            .collect();
        parts.join(" · ")
    }

    /// "60–90 firm → 35–70 firm; the middle moved 22.5 points down, towards Upland".
    pub fn change_words(&self, change: &PartyChange) -> String {
        let mut words = format!(
            "{} → {}",
            position_words(change.from.as_ref()),
            position_words(change.to.as_ref())
        );
        if let Some(moved) = change
            .moved
            .filter(|moved| moved.abs() >= crate::diff::SAME)
        {
            let direction = if moved > 0.0 { "up" } else { "down" };
            words.push_str(&format!(
                "; moved {} points {direction}",
                number(round_to_hundredths(moved.abs()))
            ));
            if !change.towards.is_empty() {
                words.push_str(&format!(", towards {}", self.names(&change.towards)));
            }
            if !change.away_from.is_empty() {
                words.push_str(&format!(", away from {}", self.names(&change.away_from)));
            }
        }
        words
    }

    fn names(&self, parties: &[usize]) -> String {
        let names: Vec<&str> = parties.iter().map(|&p| self.party_name(p)).collect();
        names.join(" and ")
    }

    /// "opened: none → 35–45 (deadlock → possible agreement)".
    pub fn zone_words(&self, issue: &IssueChange) -> String {
        if issue.zone == ZoneChange::None {
            return format!(
                "no zone at either round ({} → {})",
                issue.from_status.label(),
                issue.to_status.label()
            );
        }
        format!(
            "zone {}: {} → {} ({} → {})",
            issue.zone.id(),
            zone_text(issue.from_zone),
            zone_text(issue.to_zone),
            issue.from_status.label(),
            issue.to_status.label()
        )
    }
}

fn round_to_hundredths(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn zone_text(zone: Option<Range>) -> String {
    zone.map_or_else(|| "none".to_owned(), range_text)
}

/// "60–90 firm", "no position, firm" or "silent".
pub fn position_words(position: Option<&Position>) -> String {
    match position {
        None => "silent".to_owned(),
        Some(Position {
            range: Some(range),
            firmness,
            ..
        }) => format!("{} {}", range_text(*range), firmness.label()),
        Some(Position {
            range: None,
            firmness,
            ..
        }) => format!("no position on the scale, {}", firmness.label()),
    }
}

pub fn changes_text(changes: Changes<'_>) -> String {
    Written(|out: &mut fmt::Formatter<'_>| write_text(changes, out)).to_string()
}

fn write_text(changes: Changes<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(out, "{}", Inline(&changes.negotiation.name()))?;
    writeln!(out, "What changed: {}", Inline(&changes.rounds_text()))?;
    let names: Vec<String> = changes
        .diff
        .parties
        .iter()
        .map(|&p| Inline(changes.party_name(p)).to_string())
        .collect();
    writeln!(out, "Parties compared: {}", names.join(", "))?;
    for file in &changes.negotiation.left_out {
        writeln!(
            out,
            "LEFT OUT: {} could not be read ({}): these changes leave it out.",
            Inline(&file.file_name()),
            Inline(&file.reason)
        )?;
    }
    writeln!(out, "{}", changes.tally())?;
    for issue in &changes.diff.issues {
        writeln!(
            out,
            "\n  {} [{}]: {}",
            Inline(changes.issue_title(&issue.issue)),
            issue.issue,
            changes.zone_words(issue)
        )?;
        for change in changes.diff.changes_on(&issue.issue) {
            writeln!(
                out,
                "    {:<10} {:<9} {}  ({})",
                Inline(changes.party_name(change.party)).to_string(),
                change.change.id(),
                changes.change_words(change),
                Inline(&change.reason)
            )?;
        }
    }
    Ok(())
}

pub fn changes_markdown(changes: Changes<'_>) -> String {
    Written(|out: &mut fmt::Formatter<'_>| {
        writeln!(
            out,
            "# What changed: {}\n",
            Inline(&changes.negotiation.name())
        )?;
        write_markdown_section(changes, "##", out)
    })
    .to_string()
}

/// The section as the brief has it, under `heading` level: "##" for a brief, where the
/// section is one of several.
pub(crate) fn write_markdown_section(
    changes: Changes<'_>,
    level: &str,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    writeln!(
        out,
        "{level} What changed: {}\n",
        Inline(&changes.rounds_text())
    )?;
    for file in &changes.negotiation.left_out {
        writeln!(
            out,
            "> **Left out:** {} could not be read ({}): these changes leave it out.\n",
            Inline(&file.file_name()),
            Inline(&file.reason)
        )?;
    }
    writeln!(out, "{}.\n", changes.tally())?;
    writeln!(out, "| Issue | Zone | Party | Change | From → to | Why |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for issue in &changes.diff.issues {
        let zone = changes.zone_words(issue);
        for change in changes.diff.changes_on(&issue.issue) {
            writeln!(
                out,
                "| {} | {} | {} | **{}** | {} | {} |",
                table_cell(changes.issue_title(&issue.issue)),
                table_cell(&zone),
                table_cell(changes.party_name(change.party)),
                change.change.id(),
                table_cell(&changes.change_words(change)),
                table_cell(&change.reason)
            )?;
        }
    }
    writeln!(out)
}

/// The brief's section in HTML: the same table as the Markdown one.
pub(crate) fn write_html_section(changes: Changes<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let escaped = |text: &str| escape(text);
    writeln!(
        out,
        "<section id=\"what-changed\">\n<h2>What changed: {}</h2>",
        escaped(&changes.rounds_text())
    )?;
    for file in &changes.negotiation.left_out {
        writeln!(
            out,
            "<p class=\"left-out\"><strong>Left out:</strong> {} could not be read ({}): these \
             changes leave it out.</p>",
            escaped(&file.file_name()),
            escaped(&file.reason)
        )?;
    }
    writeln!(out, "<p>{}.</p>", escaped(&changes.tally()))?;
    writeln!(
        out,
        "<table>\n<thead><tr><th>Issue</th><th>Zone</th><th>Party</th><th>Change</th>\
         <th>From → to</th><th>Why</th></tr></thead>\n<tbody>"
    )?;
    for issue in &changes.diff.issues {
        let zone = changes.zone_words(issue);
        for change in changes.diff.changes_on(&issue.issue) {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><strong>{}</strong></td><td>{}</td>\
                 <td>{}</td></tr>",
                escaped(changes.issue_title(&issue.issue)),
                escaped(&zone),
                escaped(changes.party_name(change.party)),
                change.change.id(),
                escaped(&changes.change_words(change)),
                escaped(&change.reason)
            )?;
        }
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    negotiation: String,
    from: Option<JsonRound<'a>>,
    to: Option<JsonRound<'a>>,
    parties: Vec<&'a str>,
    left_out: Vec<JsonLeftOut<'a>>,
    changes: Vec<JsonChange<'a>>,
    issues: Vec<JsonIssueChange<'a>>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    party: &'a str,
    issue: &'a str,
    change: &'static str,
    from: Option<JsonPosition<'a>>,
    to: Option<JsonPosition<'a>>,
    moved: Option<f64>,
    towards: Vec<&'a str>,
    away_from: Vec<&'a str>,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonPosition<'a> {
    range: Option<Range>,
    stance: Option<f64>,
    firmness: &'static str,
    statements: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonIssueChange<'a> {
    issue: &'a str,
    zone: &'static str,
    from_status: &'static str,
    to_status: &'static str,
    from_zone: Option<Range>,
    to_zone: Option<Range>,
}

pub fn changes_json(changes: Changes<'_>) -> serde_json::Result<String> {
    let rounds = Rounds::of(changes.negotiation);
    let round = |index: usize| rounds.get(index).map(JsonRound::of);
    let position = |position: &Option<Position>| {
        position.as_ref().map(|position| JsonPosition {
            range: position.range,
            stance: position.stance,
            firmness: position.firmness.label(),
            statements: position
                .statements
                .iter()
                .filter_map(|&key| changes.negotiation.statement(key))
                .map(|statement| statement.id.as_str())
                .collect(),
        })
    };
    let ids =
        |parties: &[usize]| -> Vec<&str> { parties.iter().map(|&p| changes.party_id(p)).collect() };
    let report = JsonDiff {
        negotiation: changes.negotiation.name(),
        from: round(changes.diff.from),
        to: round(changes.diff.to),
        parties: ids(&changes.diff.parties),
        left_out: left_out(changes.negotiation),
        changes: changes
            .diff
            .changes
            .iter()
            .map(|change| JsonChange {
                party: changes.party_id(change.party),
                issue: &change.issue,
                change: change.change.id(),
                from: position(&change.from),
                to: position(&change.to),
                moved: change.moved,
                towards: ids(&change.towards),
                away_from: ids(&change.away_from),
                reason: &change.reason,
            })
            .collect(),
        issues: changes
            .diff
            .issues
            .iter()
            .map(|issue| JsonIssueChange {
                issue: &issue.issue,
                zone: issue.zone.id(),
                from_status: issue.from_status.id(),
                to_status: issue.to_status.id(),
                from_zone: issue.from_zone,
                to_zone: issue.to_zone,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    Ok(text)
}
