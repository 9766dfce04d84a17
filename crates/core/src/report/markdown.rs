//! The comparison as a Markdown brief, every quote cited: the text the window exports.

use std::fmt::{self, Write as _};

use super::changes::write_markdown_section;
use super::predicted::{TRADES_IN_BRIEF, TRADES_PREAMBLE};
use super::{
    Changes, Inline, References, STATUSES_IN_REPORT_ORDER, View, Written, number, statement_facts,
    table_cell, zone_or_gap,
};
use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::negotiation::Negotiation;

pub fn markdown(negotiation: &Negotiation, analysis: &Analysis) -> String {
    markdown_brief(negotiation, analysis, None)
}

/// The brief of `negotiation` (as it stood at the round shown), with a "What changed" section
/// when `changes` are given.
pub fn markdown_brief(
    negotiation: &Negotiation,
    analysis: &Analysis,
    changes: Option<Changes<'_>>,
) -> String {
    let view = View {
        negotiation,
        analysis,
        changes,
    };
    Written(|out: &mut fmt::Formatter<'_>| write_markdown(&view, out)).to_string()
}

fn write_markdown(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let mut references = References::default();
    writeln!(
        out,
        "# Common ground: {}\n",
        Inline(&view.negotiation.name())
    )?;
    writeln!(out, "Parties compared: {}.\n", view.party_list())?;
    if let Some(round) = view.negotiation.round_shown() {
        writeln!(out, "At round: {}.\n", Inline(&round))?;
    }
    for line in view.left_out_lines() {
        writeln!(out, "> **Left out:** {line}\n")?;
    }
    for line in view.counted_twice_lines() {
        writeln!(out, "> **Counted twice:** {line}.\n")?;
    }
    for &party in &view.analysis.parties {
        if let Some(file) = view.negotiation.party(party)
            && !file.party.notes.trim().is_empty()
        {
            writeln!(
                out,
                "*Analyst's note on {}:* {}\n",
                Inline(&file.party.short_name),
                Inline(&file.party.notes)
            )?;
        }
    }
    writeln!(
        out,
        "Each issue is scored on a 0–100 scale whose ends are named below. Ranges, stances and \
         salience marked *est.* are the analyst's estimates, not numbers the parties stated.\n"
    )?;
    writeln!(out, "## Summary\n")?;
    writeln!(
        out,
        "| Issue | Status | Zone or gap | Predicted (mean / median) | Silent |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- |")?;
    for issue in &view.analysis.issues {
        let (status, silent) = (view.summary_status(issue), view.silent_text(issue));
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            table_cell(view.title(&issue.issue)),
            table_cell(&status),
            zone_or_gap(issue),
            View::prediction_cell(issue),
            table_cell(&silent)
        )?;
    }
    writeln!(
        out,
        "\nPredicted outcomes are model estimates: the capability × salience weighted mean \
         (DECIDE's Nash bargaining solution) and weighted median (Bueno de Mesquita's \
         median voter) of the positions of the parties placed on each issue."
    )?;
    if let Some(changes) = view.changes {
        writeln!(out)?;
        write_markdown_section(changes, "##", out)?;
    }
    for status in STATUSES_IN_REPORT_ORDER {
        let issues = view.issues_with(status);
        if issues.is_empty() {
            continue;
        }
        writeln!(out, "\n## {}", capitalised(status.label()))?;
        for issue in issues {
            markdown_issue(view, issue, &mut references, out)?;
        }
    }
    markdown_trades(view, out)?;
    let blocs = view.bloc_words();
    if !blocs.is_empty() {
        writeln!(out, "\n## Blocs\n")?;
    }
    for bloc in blocs {
        writeln!(out, "**{}**\n", bloc.heading)?;
        for line in bloc.issues {
            writeln!(out, "- {line}")?;
        }
        writeln!(out)?;
    }
    if !references.cited.is_empty() {
        writeln!(out, "\n## Sources\n")?;
        for (i, reference) in references.cited.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, Inline(reference))?;
        }
    }
    Ok(())
}

/// "Possible agreement" from "possible agreement".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn markdown_issue<'a>(
    view: &View<'a>,
    issue: &IssueAnalysis,
    references: &mut References<'a>,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    writeln!(out, "\n### {}\n", Inline(view.title(&issue.issue)))?;
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
        write!(finding, " Scale: {scale}.")?;
    }
    if issue.status == Status::Untested {
        write!(
            finding,
            " Not an agreement yet: it waits on {}.",
            view.awaited_text(issue)
        )?;
    }
    writeln!(out, "{finding}\n")?;
    if let Some(notes) = view
        .agenda_issue(&issue.issue)
        .map(|agenda_issue| agenda_issue.notes.trim())
        .filter(|notes| !notes.is_empty())
    {
        writeln!(out, "*Analyst's note:* {}\n", Inline(notes))?;
    }
    if let Some(prediction) = &issue.prediction {
        writeln!(
            out,
            "Predicted: {}. {}; {}.\n",
            View::prediction_summary(prediction),
            capitalised(&view.prediction_basis(issue, prediction)),
            view.prediction_sensitivity(prediction)
        )?;
        for warning in view.prediction_warnings(prediction) {
            writeln!(out, "> **Warning:** {}.\n", capitalised(&warning))?;
        }
    }
    if let Some(gap) = &issue.gap {
        for (label, names) in view.held_by(gap) {
            writeln!(out, "{label}: {names}.\n")?;
        }
    }
    for collision in view.collisions(issue) {
        writeln!(
            out,
            "Collision: {}'s demand \"{}\" falls in the area {}'s red line \"{}\" rejects.\n",
            Inline(collision.demander),
            Inline(&collision.demand.summary),
            Inline(collision.rejecter),
            Inline(&collision.red_line.summary)
        )?;
    }
    for (offer, statement, conditions) in view.offers_with_conditions(issue) {
        writeln!(
            out,
            "Conditional offer from {}: \"{}\", on condition: {}.\n",
            Inline(view.party_name(offer.party)),
            Inline(&statement.summary),
            view.conditions_text(&conditions, false)
        )?;
    }
    markdown_statements(view, issue, references, out)?;
    // An untested finding has named the silent already.
    if !issue.silent.is_empty() && issue.status != Status::Untested {
        writeln!(out, "- Silent: {}", view.names(&issue.silent))?;
    }
    if !issue.no_stake.is_empty() {
        writeln!(out, "- No stake: {}", view.names(&issue.no_stake))?;
    }
    Ok(())
}

/// The best trades, capped, as a numbered list.
fn markdown_trades(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let trades = &view.analysis.trades;
    if trades.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Trades\n")?;
    writeln!(out, "{TRADES_PREAMBLE}.\n")?;
    for (rank, trade) in trades.iter().take(TRADES_IN_BRIEF).enumerate() {
        writeln!(out, "{}. {}", rank + 1, Inline(&view.trade_words(trade)))?;
    }
    if trades.len() > TRADES_IN_BRIEF {
        writeln!(
            out,
            "\n… and {} more (`common-ground compare --trades` lists them all).",
            trades.len() - TRADES_IN_BRIEF
        )?;
    }
    Ok(())
}

/// Every statement on the issue, with its sources cited and the analyst's notes.
fn markdown_statements<'a>(
    view: &View<'a>,
    issue: &IssueAnalysis,
    references: &mut References<'a>,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    for (party, statement) in view.statements_on(issue) {
        writeln!(
            out,
            "- **{}**: {} ({})",
            Inline(view.party_name(party)),
            Inline(&statement.summary),
            statement_facts(statement)
        )?;
        for (i, source) in statement.sources.iter().enumerate() {
            if i > 0 {
                // An empty quoted line keeps two quotes from running together.
                writeln!(out, "  >")?;
            }
            writeln!(
                out,
                "  > \"{}\"  \n  > — {}, {} [{}]",
                Inline(&source.quote),
                Inline(&source.speaker),
                Inline(&source.date),
                references.number(&source.reference)
            )?;
        }
        if !statement.notes.trim().is_empty() {
            writeln!(out, "  *Analyst's note:* {}", Inline(&statement.notes))?;
        }
    }
    Ok(())
}
