//! The comparison as plain text, for the terminal.

use std::fmt;

use super::predicted::{TRADES_IN_BRIEF, TRADES_PREAMBLE};
use super::{
    Inline, STATUSES_IN_REPORT_ORDER, View, Written, range_text, statement_facts, zone_or_gap,
};
use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::negotiation::Negotiation;

pub fn text(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let view = View {
        negotiation,
        analysis,
        changes: None,
    };
    Written(|out: &mut fmt::Formatter<'_>| write_text(&view, out)).to_string()
}

fn write_text(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(out, "{}", Inline(&view.negotiation.name()))?;
    writeln!(out, "Parties compared: {}", view.party_list())?;
    if let Some(round) = view.negotiation.round_shown() {
        writeln!(out, "At round: {}", Inline(&round))?;
    }
    for line in view.left_out_lines() {
        writeln!(out, "LEFT OUT: {line}")?;
    }
    for line in view.counted_twice_lines() {
        writeln!(out, "COUNTED TWICE: {line}")?;
    }
    for status in STATUSES_IN_REPORT_ORDER {
        let issues = view.issues_with(status);
        if issues.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n{} ({})",
            status.label().to_uppercase(),
            issues.len()
        )?;
        for issue in issues {
            text_issue(view, issue, out)?;
        }
    }
    write_trades(view, Some(TRADES_IN_BRIEF), out)?;
    let blocs = view.bloc_words();
    if !blocs.is_empty() {
        writeln!(out, "\nBLOCS ({})", blocs.len())?;
    }
    for bloc in blocs {
        writeln!(out, "  {}", bloc.heading)?;
        for line in bloc.issues {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// Every trade as a plain list, for `compare --trades`.
pub fn trades_text(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let view = View {
        negotiation,
        analysis,
        changes: None,
    };
    Written(|out: &mut fmt::Formatter<'_>| {
        writeln!(out, "{}", Inline(&view.negotiation.name()))?;
        writeln!(out, "Parties compared: {}", view.party_list())?;
        for line in view.left_out_lines() {
            writeln!(out, "LEFT OUT: {line}")?;
        }
        write_trades(&view, None, out)
    })
    .to_string()
}

/// The trades, the first `cap` of them when capped, with how many more there are.
fn write_trades(view: &View<'_>, cap: Option<usize>, out: &mut impl fmt::Write) -> fmt::Result {
    let trades = &view.analysis.trades;
    writeln!(out, "\nTRADES ({})", trades.len())?;
    if trades.is_empty() {
        return writeln!(
            out,
            "  none: no two parties stand on opposite sides of the expected outcome on two \
             issues they care about in different proportions"
        );
    }
    writeln!(out, "  {TRADES_PREAMBLE}.")?;
    let shown = cap.unwrap_or(trades.len()).min(trades.len());
    for (rank, trade) in trades.iter().take(shown).enumerate() {
        writeln!(out, "  {}. {}", rank + 1, view.trade_words(trade))?;
    }
    if shown < trades.len() {
        writeln!(
            out,
            "  … and {} more (compare --trades lists them all)",
            trades.len() - shown
        )?;
    }
    Ok(())
}

fn text_issue(view: &View<'_>, issue: &IssueAnalysis, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "\n  {} [{}]: {}",
        Inline(view.title(&issue.issue)),
        issue.issue,
        zone_or_gap(issue)
    )?;
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
        writeln!(out, "    ranges: {}", ranges.join(", "))?;
    }
    if let Some(prediction) = &issue.prediction {
        writeln!(
            out,
            "    predicted: {}",
            View::prediction_summary(prediction)
        )?;
        writeln!(out, "      {}", view.prediction_basis(issue, prediction))?;
        writeln!(out, "      {}", view.prediction_sensitivity(prediction))?;
        for warning in view.prediction_warnings(prediction) {
            writeln!(out, "      WARNING: {warning}")?;
        }
    }
    if let Some(gap) = &issue.gap {
        for (label, side) in [
            ("held down by", &gap.low_side),
            ("held up by", &gap.high_side),
        ] {
            for &key in side {
                let Some(statement) = view.statement(key) else {
                    continue;
                };
                writeln!(
                    out,
                    "    {label} {}: {} ({})",
                    Inline(view.party_name(key.party)),
                    Inline(&statement.summary),
                    statement_facts(statement)
                )?;
            }
        }
    }
    for collision in view.collisions(issue) {
        writeln!(
            out,
            "    collision: {} demands \"{}\" against {}'s red line \"{}\"",
            Inline(collision.demander),
            Inline(&collision.demand.summary),
            Inline(collision.rejecter),
            Inline(&collision.red_line.summary)
        )?;
    }
    for (offer, statement, conditions) in view.offers_with_conditions(issue) {
        writeln!(
            out,
            "    conditional offer: {} \"{}\": {}",
            Inline(view.party_name(offer.party)),
            Inline(&statement.summary),
            view.conditions_text(&conditions, true)
        )?;
    }
    if issue.status == Status::Untested {
        writeln!(out, "    untested: waits on {}", view.awaited_text(issue))?;
    }
    // An untested finding has named the silent already.
    if !issue.silent.is_empty() && issue.status != Status::Untested {
        writeln!(out, "    silent: {}", view.names(&issue.silent))?;
    }
    if !issue.no_stake.is_empty() {
        writeln!(out, "    no stake: {}", view.names(&issue.no_stake))?;
    }
    Ok(())
}
