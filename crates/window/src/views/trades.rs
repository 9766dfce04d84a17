//! The common-ground panel's trades: the exchanges of positions the DECIDE rule finds between
//! the parties shown, best first and capped; each names both moves, and clicking an issue in
//! it brings that issue into view.

use egui::{RichText, Ui};

use crate::command::{Command, Commands};
use crate::view_state::ViewState;
use common_ground_core::analysis::{Analysis, Move, Trade};
use common_ground_core::report::{TRADES_PREAMBLE, number};
use common_ground_document::workspace::Workspace;

/// How many trades the panel lists; the brief and `compare --trades` have the rest.
pub(crate) const TRADES_LISTED: usize = 6;

pub(crate) fn trades_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    commands: &mut Commands,
) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("Trades ({})", analysis.trades.len()))
            .strong()
            .size(15.0),
    )
    .on_hover_text(format!("{TRADES_PREAMBLE}."));
    if analysis.trades.is_empty() {
        ui.weak("None: no two parties stand on opposite sides of the expected outcome on two issues they weigh differently.");
        return;
    }
    ui.weak("Model estimates: each moves where it cares less, for a gain where it cares more.");
    for (rank, trade) in analysis.trades.iter().take(TRADES_LISTED).enumerate() {
        trade_ui(ui, workspace, view, analysis, rank, trade, commands);
    }
    if analysis.trades.len() > TRADES_LISTED {
        ui.weak(format!(
            "… and {} more (Export brief… lists the best ten; compare --trades all)",
            analysis.trades.len() - TRADES_LISTED
        ));
    }
}

fn trade_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    rank: usize,
    trade: &Trade,
    commands: &mut Commands,
) {
    ui.add_space(2.0);
    ui.label(RichText::new(format!("{}. each gains {:.2}", rank + 1, trade.gain)).strong());
    ui.indent(("trade", rank), |ui| {
        for side in [&trade.first, &trade.second] {
            move_ui(ui, workspace, view, analysis, rank, side, commands);
        }
    });
}

/// "Russia moves on Missiles: 80 → 62", a link that brings the issue into view.
fn move_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    rank: usize,
    side: &Move,
    commands: &mut Commands,
) {
    let Some(issue) = analysis.issues.get(side.issue) else {
        return;
    };
    let party = workspace
        .negotiation
        .party(side.party)
        .map_or("?", |file| file.party.short_name.as_str());
    let title = workspace
        .issue_group(&issue.issue)
        .map_or(issue.issue.as_str(), |group| group.title.as_str());
    let held = if side.held_by_red_line {
        ", as far as its red line allows"
    } else {
        ""
    };
    let words = format!(
        "{party} moves on {title}: {} → {}{held}",
        number(side.from),
        number(side.to)
    );
    let selected = view.selected_issue.as_deref() == Some(issue.issue.as_str());
    let response = ui
        .selectable_label(selected, &words)
        .on_hover_text("Show this issue in the columns");
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            format!("Trade {}: {words}", rank + 1),
        )
    });
    if response.clicked() {
        commands.push(Command::SelectIssue(issue.issue.clone()));
    }
}
