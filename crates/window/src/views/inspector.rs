//! The selected statement in full: its place on the issue's scale, salience, firmness,
//! conditions and every source.

use egui::{RichText, ScrollArea, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::style::{party_colour, status_colour};
use crate::view_state::ViewState;
use common_ground_core::model::{AgendaIssue, Source, Statement, WaitsOn};
use common_ground_core::negotiation::StatementKey;
use common_ground_core::rounds::Rounds;
use common_ground_document::workspace::Workspace;

use super::editor;
use super::issue_chart::{ChartSize, Charted, anchors_of, issue_chart_ui, status_words};
use super::scale::{anchors_ui, describe_position, scale_ui};
use super::statement_rounds::statement_rounds_ui;
use super::widgets::{colour_swatch, kind_tag_ui};

pub(crate) fn inspector_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, view, analysis) = (cx.workspace, cx.view, cx.analysis);
    // A small window keeps most of its width for the columns: two of them fit at 900 wide.
    let default_width = (ui.available_width() * 0.28).clamp(240.0, 380.0);
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(default_width)
        .size_range(240.0..=640.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading(if view.editing { "Editor" } else { "Inspector" });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("Hide")
                        .on_hover_text("Hide the inspector to give the columns its room (View › Inspector brings it back)")
                        .clicked()
                    {
                        commands.push(Command::SetInspectorShown(false));
                    }
                    let (text, hover) = if view.editing {
                        ("Done", "Back to reading (F2)")
                    } else {
                        ("Edit", "Edit what is selected (F2)")
                    };
                    let toggle = ui.button(text).on_hover_text(hover);
                    toggle.widget_info(|| {
                        let label = if view.editing {
                            "Done editing"
                        } else {
                            "Edit the selection"
                        };
                        egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                    });
                    if toggle.clicked() {
                        commands.push(Command::SetEditing(!view.editing));
                    }
                });
            });
            ui.separator();
            super::notices::undo_notices_ui(ui, cx, commands);
            let selected = view
                .selected
                .and_then(|key| Some((key, workspace.statement(key)?)));
            ScrollArea::vertical()
                .id_salt("inspector")
                .auto_shrink(false)
                .show(ui, |ui| {
                    if let Some((key, statement)) = selected {
                        statement_rounds_ui(ui, workspace, view, key, statement, commands);
                    }
                    if view.editing {
                        editor_ui(ui, workspace, view, selected, commands);
                        return;
                    }
                    match selected {
                        Some((key, statement)) => {
                            let can_go_back = !view.back.is_empty();
                            let round = view.shown_round(workspace);
                            statement_ui(
                                ui,
                                workspace,
                                key,
                                statement,
                                (can_go_back, round),
                                commands,
                            );
                            if let Some(analysis) = analysis {
                                ui.add_space(6.0);
                                section_ui(ui, "Every party on this issue");
                                issue_chart_ui(
                                    ui,
                                    workspace,
                                    Charted {
                                        now: analysis,
                                        earlier: cx.earlier,
                                    },
                                    &statement.issue,
                                    Some(key),
                                    ChartSize::Full,
                                    commands,
                                );
                            }
                        }
                        None if view.selected_issue.is_some() && analysis.is_some() => {
                            if let (Some(issue), Some(analysis)) =
                                (view.selected_issue.as_deref(), analysis)
                            {
                                let charted = Charted {
                                    now: analysis,
                                    earlier: cx.earlier,
                                };
                                issue_ui(ui, cx, charted, issue, commands);
                            }
                        }
                        None => {
                            ui.add_space(8.0);
                            ui.weak("Select a statement to see its place on the issue's scale, its conditions and its sources.");
                        }
                    }
                });
        });
}

/// The form for what is selected: a party's details, a statement, or an agenda issue.
fn editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    selected: Option<(StatementKey, &Statement)>,
    commands: &mut Commands,
) {
    // "Done" above leaves the editor; there is no second way out to tell apart.
    if let Some(party) = view.edited_party {
        ui.strong("Party details");
        editor::party_editor_ui(ui, workspace, party, view.focus_editor, commands);
    } else if let Some((key, statement)) = selected {
        if let Some(file) = workspace.negotiation.party(key.party) {
            ui.horizontal(|ui| {
                colour_swatch(ui, party_colour(&file.party.colour));
                ui.strong(&file.party.name);
            });
        }
        let fresh = view.fresh == Some(key);
        editor::statement_editor_ui(
            ui,
            workspace,
            key,
            statement,
            (view.focus_editor, fresh),
            commands,
        );
    } else if view.selected_issue.is_some() {
        ui.strong("Agenda issue");
        match view.edited_issue {
            Some(index) => {
                editor::issue_editor_ui(ui, workspace, index, view.focus_editor, commands);
            }
            None => {
                ui.weak("This issue is not on the agenda, so it has no details to edit.");
            }
        }
    } else {
        ui.add_space(8.0);
        ui.weak(
            "Select a statement or an issue to edit it, or click a party's name to edit its \
             details. Right-click an issue's title to add a statement.",
        );
    }
}

fn close_button_ui(ui: &mut Ui, commands: &mut Commands) {
    if ui
        .small_button("Close")
        .on_hover_text("Clear the selection (Esc)")
        .clicked()
    {
        commands.push(Command::ClearSelection);
    }
}

/// An issue chosen from the findings or the matrix: every party on its scale.
fn issue_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    charted: Charted<'_>,
    issue_id: &str,
    commands: &mut Commands,
) {
    let workspace = cx.workspace;
    let analysis = charted.now;
    let Some(group) = workspace.issue_group(issue_id) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.weak("Issue");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close_button_ui(ui, commands);
        });
    });
    ui.add(egui::Label::new(RichText::new(&group.title).strong().size(15.0)).wrap());
    if !group.category.is_empty() {
        ui.weak(&group.category);
    }
    let agenda_issue = workspace.agenda_issue(issue_id);
    if let Some(description) = agenda_issue
        .map(|issue| issue.description.as_str())
        .filter(|text| !text.is_empty())
    {
        ui.label(description);
    }
    if let Some(issue) = agenda_issue {
        notes_ui(ui, "Analyst's notes", &issue.notes);
    }
    if let Some(issue) = analysis.issue(issue_id) {
        ui.add_space(4.0);
        super::widgets::left_out_banner_ui(ui, &workspace.negotiation, commands);
        ui.label(
            RichText::new(status_words(issue))
                .strong()
                .color(status_colour(issue.status, ui.visuals())),
        );
    }
    ui.add_space(6.0);
    issue_chart_ui(
        ui,
        workspace,
        charted,
        issue_id,
        None,
        ChartSize::Full,
        commands,
    );
    ui.weak("Bands are acceptable ranges, thicker for higher salience; dots are stances. Click a party's lane to select its statement.");
    if let Some(issue) = analysis.issue(issue_id) {
        ui.add_space(6.0);
        section_ui(ui, "Predicted outcome");
        super::prediction::prediction_ui(ui, workspace, analysis, issue);
    }
    if cx
        .blocs
        .iter()
        .any(|b| b.divergence.iter().any(|d| d.issue == issue_id))
    {
        ui.add_space(6.0);
        section_ui(ui, "Blocs");
        super::blocs::divergence_ui(ui, cx, issue_id);
    }
    let anchors = anchors_of(workspace, issue_id);
    if !anchors.is_empty() {
        ui.add_space(6.0);
        section_ui(ui, "Scale");
        anchors_ui(ui, anchors);
    }
}

fn statement_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    key: StatementKey,
    statement: &Statement,
    (can_go_back, round): (bool, Option<usize>),
    commands: &mut Commands,
) {
    let Some(loaded) = workspace.negotiation.parties.get(key.party) else {
        return;
    };
    let colour = party_colour(&loaded.data.party.colour);
    statement_heading_ui(ui, workspace, key, statement, can_go_back, commands);
    ui.add_space(8.0);
    let issue = workspace.agenda_issue(&statement.issue);
    issue_section_ui(ui, issue, statement);
    ui.add_space(6.0);
    section_ui(ui, "Position on the scale");
    let anchors = issue
        .map(|issue| issue.scale.as_slice())
        .unwrap_or_default();
    scale_ui(
        ui,
        anchors,
        statement.stance,
        statement.range.as_ref(),
        colour,
    );
    ui.label(describe_position(
        statement.stance,
        statement.range.as_ref(),
    ));
    if statement.estimated && (statement.stance.is_some() || statement.range.is_some()) {
        ui.horizontal_wrapped(|ui| {
            estimate_mark_ui(ui);
            ui.weak(
                "Stance, range and salience are the analyst's estimates, not the parties' words.",
            );
        });
    }
    if !statement.conditions.is_empty() {
        ui.add_space(6.0);
        section_ui(ui, "Conditions");
        for condition in &statement.conditions {
            ui.label(format!("• {}", condition.text));
            if let Some(waits_on) = &condition.waits_on {
                waits_on_ui(ui, workspace, (waits_on, round), commands);
            }
        }
    }
    notes_ui(ui, "Analyst's notes", &statement.notes);
    let on_party = format!("Analyst's notes on {}", loaded.data.party.short_name);
    notes_ui(ui, &on_party, &loaded.data.party.notes);
    ui.add_space(6.0);
    sources_ui(ui, statement);
    ui.add_space(8.0);
    ui.weak(format!("{} in {}", statement.id, loaded.path.display()));
}

/// The analyst's own notes, set apart from the parties' words; nothing when there are none.
fn notes_ui(ui: &mut Ui, title: &str, notes: &str) {
    if notes.trim().is_empty() {
        return;
    }
    ui.add_space(6.0);
    section_ui(ui, title);
    ui.add(egui::Label::new(RichText::new(notes).italics()).wrap());
}

/// The party, Back and Close, the statement's kind, firmness and salience, its summary and
/// what is wrong with it.
fn statement_heading_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    key: StatementKey,
    statement: &Statement,
    can_go_back: bool,
    commands: &mut Commands,
) {
    let Some(file) = workspace.negotiation.party(key.party) else {
        return;
    };
    let party = &file.party;
    ui.horizontal(|ui| {
        colour_swatch(ui, party_colour(&party.colour));
        ui.strong(&party.name);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close_button_ui(ui, commands);
            if can_go_back
                && ui
                    .small_button("Back")
                    .on_hover_text(format!(
                        "Return to the statement you came from ({})",
                        UserCommand::Back.shortcut_text(ui.ctx())
                    ))
                    .clicked()
            {
                commands.run(UserCommand::Back);
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        kind_tag_ui(ui, statement.kind);
        ui.label(format!(
            "{} · salience {:.0}/100",
            statement.firmness.label(),
            statement.salience
        ));
        if statement.estimated {
            estimate_mark_ui(ui);
        }
    });
    ui.add_space(4.0);
    ui.label(
        RichText::new(super::widgets::clipped(
            &statement.summary,
            super::widgets::PANEL_TEXT,
        ))
        .size(15.0),
    );
    for problem in workspace.problems_of(key) {
        let (colour, word) = if problem.is_error() {
            (ui.visuals().error_fg_color, "Error")
        } else {
            (ui.visuals().warn_fg_color, "Warning")
        };
        ui.colored_label(colour, format!("{word}: {}", problem.message));
    }
}

fn issue_section_ui(ui: &mut Ui, issue: Option<&AgendaIssue>, statement: &Statement) {
    section_ui(ui, "Issue");
    match issue {
        Some(issue) => {
            ui.label(RichText::new(&issue.title).strong());
            if !issue.category.is_empty() {
                ui.weak(&issue.category);
            }
            if !issue.description.is_empty() {
                ui.label(&issue.description);
            }
        }
        None => {
            ui.label(RichText::new(&statement.issue).strong());
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "This issue is not on the agenda.",
            );
        }
    }
}

/// Whose action a condition waits on, as a link to that party's statement on the issue.
fn waits_on_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    (waits_on, round): (&WaitsOn, Option<usize>),
    commands: &mut Commands,
) {
    let negotiation = &workspace.negotiation;
    let party = negotiation.party_index(&waits_on.party);
    let party_name = party
        .and_then(|index| negotiation.party(index))
        .map_or(waits_on.party.as_str(), |file| file.party.name.as_str());
    let issue_title = workspace
        .issue_group(&waits_on.issue)
        .map_or(waits_on.issue.as_str(), |group| group.title.as_str());
    // The party's statement on the issue at the round shown, which a superseded one is not.
    let rounds = Rounds::of(negotiation);
    let target = party.and_then(|party| {
        let statement = negotiation
            .party(party)?
            .statements
            .iter()
            .position(|s| s.issue == waits_on.issue && rounds.holds(s, round))?;
        Some(StatementKey { party, statement })
    });
    let text = format!("Waits on {party_name}: {issue_title}");
    match target {
        Some(target) => {
            let link = ui.link(text);
            if link
                .on_hover_text("Show that party's statement on the issue")
                .clicked()
            {
                commands.push(Command::Follow(target));
            }
        }
        // Nothing to lead to: say so rather than offer a link that goes nowhere.
        None => {
            ui.weak(format!(
                "{text} (no statement from {party_name} on it is open)"
            ));
        }
    }
}

/// Every source: the quote, who said it and when, where it was published, and a button to
/// copy it with its citation.
fn sources_ui(ui: &mut Ui, statement: &Statement) {
    section_ui(
        ui,
        if statement.sources.len() == 1 {
            "Source"
        } else {
            "Sources"
        },
    );
    if statement.sources.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No source is given for this statement.",
        );
    }
    for source in &statement.sources {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let quote = super::widgets::clipped(&source.quote, super::widgets::PANEL_TEXT);
            ui.label(RichText::new(format!("“{quote}”")).italics());
            ui.add_space(2.0);
            let attribution = match (source.speaker.is_empty(), source.date.is_empty()) {
                (false, false) => format!("— {}, {}", source.speaker, source.date),
                (false, true) => format!("— {}", source.speaker),
                (true, false) => format!("— unattributed, {}", source.date),
                (true, true) => "— unattributed".to_owned(),
            };
            ui.label(attribution);
            if source.reference.starts_with("http://") || source.reference.starts_with("https://") {
                ui.hyperlink(&source.reference);
            } else if !source.reference.is_empty() {
                ui.weak(&source.reference);
            }
            if ui
                .small_button("Copy with citation")
                .on_hover_text("Copy the quote, its speaker, date and reference, for a brief")
                .clicked()
            {
                ui.copy_text(citation(source));
            }
        });
        ui.add_space(4.0);
    }
}

/// A quote as a brief cites it: “quote” — speaker, date, reference.
fn citation(source: &Source) -> String {
    let mut text = format!("“{}”", source.quote);
    let attribution: Vec<&str> = [&source.speaker, &source.date, &source.reference]
        .into_iter()
        .map(String::as_str)
        .filter(|part| !part.is_empty())
        .collect();
    if !attribution.is_empty() {
        text.push_str(" — ");
        text.push_str(&attribution.join(", "));
    }
    text
}

fn section_ui(ui: &mut Ui, title: &str) {
    ui.label(
        RichText::new(title)
            .size(12.5)
            .strong()
            .color(ui.visuals().weak_text_color()),
    );
}

fn estimate_mark_ui(ui: &mut Ui) {
    ui.label(RichText::new("estimate").small().italics())
        .on_hover_text("The numbers are the analyst's judgement, not stated by the party");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_gives_quote_speaker_date_and_reference() {
        let mut source = Source {
            quote: "There is no change, there will be no change".into(),
            speaker: "Antony Blinken".into(),
            date: "2022-01-26".into(),
            reference: "AP".into(),
        };
        assert_eq!(
            citation(&source),
            "“There is no change, there will be no change” — Antony Blinken, 2022-01-26, AP"
        );
        source.speaker.clear();
        source.reference.clear();
        assert_eq!(
            citation(&source),
            "“There is no change, there will be no change” — 2022-01-26"
        );
    }
}
