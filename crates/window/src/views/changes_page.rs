//! What changed between the round compared with and the round shown: for each issue how its
//! zone moved, and for each party whether it hardened, softened, came new, dropped out or
//! held still, each line clickable to the statements behind it.

use egui::{RichText, ScrollArea, Ui};

use common_ground_core::diff::{Change, Diff, PartyChange};
use common_ground_core::negotiation::StatementKey;
use common_ground_core::report::Changes;

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::style::{change_colour, party_colour, status_colour};

pub(crate) fn changes_page_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let workspace = cx.workspace;
    let Some(diff) = cx.changes else {
        ui.add_space(12.0);
        let why = if cx.view.shown_round(workspace).is_some() {
            "This is the first round: there is nothing before it to compare with. Choose a \
             later round on the timeline above."
        } else {
            "This negotiation has no rounds yet, so nothing has changed over time. Add a \
             dated round and record what moves in it; every position carries into it."
        };
        ui.label(why);
        if workspace.negotiation.agenda.is_some()
            && ui
                .button(UserCommand::NewRound.label())
                .on_hover_text(UserCommand::NewRound.tooltip())
                .clicked()
        {
            commands.run(UserCommand::NewRound);
        }
        return;
    };
    let changes = Changes {
        negotiation: &workspace.negotiation,
        diff,
    };
    ui.heading(format!("What changed: {}", changes.rounds_text()));
    ui.label(changes.tally());
    if !workspace.negotiation.left_out.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Some files did not load: these changes leave them out.",
        );
    }
    ui.add_space(6.0);
    // One line per issue and per change, all of one height, so that only the lines in view
    // are built: a large negotiation has hundreds.
    let lines: Vec<Line<'_>> = diff
        .issues
        .iter()
        .flat_map(|issue| {
            std::iter::once(Line::Issue(&issue.issue))
                .chain(diff.changes_on(&issue.issue).map(Line::Change))
        })
        .collect();
    let text_height = ui.text_style_height(&egui::TextStyle::Body);
    let line_height = 2.0 * text_height + ui.spacing().item_spacing.y + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, line_height, lines.len(), |ui, shown| {
            for line in lines.get(shown).unwrap_or_default() {
                ui.allocate_ui(egui::vec2(ui.available_width(), line_height), |ui| {
                    ui.set_min_height(line_height);
                    match line {
                        Line::Issue(issue) => issue_line_ui(ui, &changes, diff, issue, commands),
                        Line::Change(change) => change_row_ui(ui, &changes, change, commands),
                    }
                });
            }
        });
}

/// A line of the page: an issue's title and zone, or one party's change on it.
enum Line<'a> {
    Issue(&'a str),
    Change(&'a PartyChange),
}

fn issue_line_ui(
    ui: &mut Ui,
    changes: &Changes<'_>,
    diff: &Diff,
    issue: &str,
    commands: &mut Commands,
) {
    let negotiation = changes.negotiation;
    let title = negotiation
        .agenda_issue(issue)
        .map_or(issue, |agenda_issue| agenda_issue.title.as_str());
    ui.horizontal_wrapped(|ui| {
        if ui
            .link(RichText::new(title).strong())
            .on_hover_text("Show this issue in the columns")
            .clicked()
        {
            commands.push(Command::SelectIssue(issue.to_owned()));
        }
        if let Some(zone) = diff.issue(issue) {
            ui.colored_label(
                status_colour(zone.to_status, ui.visuals()),
                changes.zone_words(zone),
            );
        }
    });
}

fn change_row_ui(
    ui: &mut Ui,
    changes: &Changes<'_>,
    change: &PartyChange,
    commands: &mut Commands,
) {
    let negotiation = changes.negotiation;
    let party = negotiation.party(change.party);
    let name = party.map_or("?", |file| file.party.short_name.as_str());
    let colour = party.map_or(ui.visuals().text_color(), |file| {
        party_colour(&file.party.colour)
    });
    ui.horizontal_top(|ui| {
        // Fixed first columns, so that the lines stand one under the other.
        ui.add_space(12.0);
        ui.add_sized(
            [90.0, 0.0],
            egui::Label::new(RichText::new(name).color(colour).strong()),
        );
        ui.add_sized(
            [90.0, 0.0],
            egui::Label::new(
                RichText::new(change.change.id())
                    .color(change_colour(change.change, ui.visuals()))
                    .strong(),
            ),
        );
        change_words_ui(ui, changes, change, commands);
    });
}

fn change_words_ui(
    ui: &mut Ui,
    changes: &Changes<'_>,
    change: &PartyChange,
    commands: &mut Commands,
) {
    let negotiation = changes.negotiation;
    // The statements behind it: those of the later round, or the earlier for a dropped one.
    let behind = match change.change {
        Change::Dropped => change.from.as_ref(),
        _ => change.to.as_ref().or(change.from.as_ref()),
    };
    let first: Option<StatementKey> =
        behind.and_then(|position| position.statements.first().copied());
    let words = changes.change_words(change);
    // The reason under the numbers: a table row too wide for the window would hide it.
    ui.vertical(|ui| {
        match first {
            Some(key) => {
                let summary = negotiation
                    .statement(key)
                    .map_or(String::new(), |statement| {
                        super::widgets::clipped(&statement.summary, super::widgets::CARD_TEXT)
                            .into_owned()
                    });
                if ui
                    .link(words)
                    .on_hover_text(format!("Select \u{201c}{summary}\u{201d}"))
                    .clicked()
                {
                    commands.push(Command::Follow(key));
                }
            }
            None => {
                ui.label(words);
            }
        }
        ui.label(RichText::new(&change.reason).weak().size(12.0));
    });
}
