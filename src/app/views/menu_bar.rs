//! File, Edit, View and Help menus.

use std::path::Path;

use egui::{Button, Ui};

use crate::app::shortcuts::*;
use crate::app::workspace::{Origin, Workspace};
use crate::app::{Command, Commands, Page, Settings, THEMES, ViewState};
use crate::edit::{Edit, History, new_party};

use super::editor::{blank_issue, insertion_index, new_statement, today};

pub fn menu_bar_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    history: &History,
    settings: &Settings,
    view: &ViewState,
    commands: &mut Commands,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                file_menu_ui(ui, workspace, settings, view, commands)
            });
            ui.menu_button("Edit", |ui| {
                edit_menu_ui(ui, workspace, history, view, commands)
            });
            ui.menu_button("View", |ui| {
                view_menu_ui(ui, workspace, settings, view, commands)
            });
            ui.menu_button("Help", |ui| help_menu_ui(ui, commands));
        });
    });
}

fn item(ui: &mut Ui, text: &str, shortcut: Option<&egui::KeyboardShortcut>) -> egui::Response {
    let mut button = Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.format_shortcut(shortcut));
    }
    ui.add(button)
}

fn file_menu_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    settings: &Settings,
    view: &ViewState,
    commands: &mut Commands,
) {
    ui.add_enabled_ui(!view.dialog_open, |ui| {
        if item(ui, "Open files…", Some(&OPEN_FILES)).clicked() {
            commands.push(Command::ShowOpenFilesDialog);
        }
        if item(ui, "Open folder…", Some(&OPEN_FOLDER)).clicked() {
            commands.push(Command::ShowOpenFolderDialog);
        }
    });
    if item(ui, "Open path…", None)
        .on_hover_text("Type the path of a folder or file")
        .clicked()
    {
        commands.push(Command::ShowOpenPathPrompt);
    }
    ui.add_enabled_ui(!settings.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for recent in &settings.recent {
                let paths = match &recent.origin {
                    Origin::Paths(paths) => paths
                        .iter()
                        .map(|path| path.display().to_string())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Origin::Example => String::new(),
                };
                if ui.button(&recent.name).on_hover_text(paths).clicked() {
                    commands.push(Command::Open(recent.origin.clone()));
                }
            }
            ui.separator();
            if ui.button("Clear the list").clicked() {
                commands.push(Command::ForgetRecent);
            }
        });
    });
    ui.separator();
    let dirty = workspace.is_dirty();
    ui.add_enabled_ui(dirty && !view.dialog_open, |ui| {
        if item(ui, "Save", Some(&SAVE))
            .on_hover_text("Save the file being edited, or every file with changes")
            .clicked()
        {
            commands.push(Command::Save);
        }
        if item(ui, "Save all", Some(&SAVE_ALL)).clicked() {
            commands.push(Command::SaveAll);
        }
    });
    let has_data = workspace.loaded_file_count() > 0;
    ui.add_enabled_ui(has_data && !view.dialog_open, |ui| {
        if item(ui, "Save as…", None)
            .on_hover_text("Save every file of the negotiation into a folder, and go on there")
            .clicked()
        {
            commands.push(Command::SaveAs);
        }
    });
    ui.separator();
    if item(ui, "Reload", Some(&RELOAD)).clicked() {
        commands.push(Command::Reload);
    }
    ui.separator();
    ui.add_enabled_ui(!view.dialog_open, |ui| {
        if item(ui, "Export brief…", None)
            .on_hover_text("The comparison of the parties shown, as Markdown with citations")
            .clicked()
        {
            commands.push(Command::ExportBrief);
        }
        if item(ui, "Export image…", None)
            .on_hover_text("This view as a PNG image")
            .clicked()
        {
            commands.push(Command::ExportImage);
        }
    });
    ui.separator();
    if item(ui, "Quit", Some(&QUIT)).clicked() {
        commands.push(Command::Quit);
    }
}

fn edit_menu_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    history: &History,
    view: &ViewState,
    commands: &mut Commands,
) {
    let undo = history.undo_label();
    ui.add_enabled_ui(undo.is_some(), |ui| {
        let text = undo.map_or("Undo".to_owned(), |label| format!("Undo {label}"));
        if item(ui, &text, Some(&UNDO)).clicked() {
            commands.push(Command::Undo);
        }
    });
    let redo = history.redo_label();
    ui.add_enabled_ui(redo.is_some(), |ui| {
        let text = redo.map_or("Redo".to_owned(), |label| format!("Redo {label}"));
        if item(ui, &text, Some(&REDO)).clicked() {
            commands.push(Command::Redo);
        }
    });
    ui.separator();
    let editing = if view.editing {
        "Stop editing"
    } else {
        "Edit the selection"
    };
    if item(ui, editing, Some(&EDIT)).clicked() {
        commands.push(Command::SetEditing(!view.editing));
    }
    let selected = view
        .selected
        .and_then(|key| Some((key, workspace.statement(key)?)));
    ui.add_enabled_ui(selected.is_some(), |ui| {
        if item(ui, "Add a statement here", None)
            .on_hover_text("A new statement by the same party on the same issue")
            .clicked()
            && let Some((key, statement)) = selected
        {
            commands.push(Command::Edit {
                edit: Edit::InsertStatement {
                    party: key.party,
                    index: insertion_index(workspace, key.party, &statement.issue),
                    statement: new_statement(workspace, key.party, &statement.issue),
                },
                field: None,
            });
            commands.push(Command::SetEditing(true));
        }
        if item(ui, "Delete statement", None).clicked()
            && let Some((key, _)) = selected
        {
            commands.push(Command::Edit {
                edit: Edit::RemoveStatement(key),
                field: None,
            });
        }
        if item(ui, "Edit party details", None).clicked()
            && let Some((key, _)) = selected
        {
            commands.push(Command::EditParty(key.party));
        }
    });
    ui.separator();
    if item(ui, "New party file", None)
        .on_hover_text("Add a party to the negotiation; it is saved beside the others")
        .clicked()
    {
        let edit = new_party(&workspace.negotiation, &today(), Path::exists);
        commands.push(Command::Edit { edit, field: None });
        commands.push(Command::EditParty(workspace.negotiation.parties.len()));
    }
    ui.add_enabled_ui(workspace.negotiation.agenda.is_some(), |ui| {
        if item(ui, "Add an agenda issue", None).clicked()
            && let Some(agenda) = &workspace.negotiation.agenda
        {
            let issue = blank_issue(agenda.data.issues.iter().map(|i| i.id.as_str()));
            let id = issue.id.clone();
            commands.push(Command::Edit {
                edit: Edit::InsertAgendaIssue {
                    index: agenda.data.issues.len(),
                    issue,
                },
                field: None,
            });
            commands.push(Command::SelectIssue(id));
            commands.push(Command::SetEditing(true));
        }
    });
}

fn view_menu_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    settings: &Settings,
    view: &ViewState,
    commands: &mut Commands,
) {
    ui.menu_button("Theme", |ui| {
        for (theme, label) in THEMES {
            if ui.radio(settings.theme == theme, label).clicked() {
                commands.push(Command::SetTheme(theme));
            }
        }
    });
    if item(ui, "Zoom in", Some(&ZOOM_IN)).clicked() {
        commands.push(Command::ZoomIn);
    }
    if item(ui, "Zoom out", Some(&ZOOM_OUT)).clicked() {
        commands.push(Command::ZoomOut);
    }
    if item(ui, "Actual size", Some(&ZOOM_RESET)).clicked() {
        commands.push(Command::ZoomReset);
    }
    ui.separator();
    for page in Page::ALL {
        if ui.radio(settings.page == page, page.label()).clicked() {
            commands.push(Command::SetPage(page));
        }
    }
    ui.separator();
    let mut common_ground = settings.show_common_ground;
    if ui.checkbox(&mut common_ground, "Common ground").changed() {
        commands.push(Command::SetCommonGroundShown(common_ground));
    }
    let mut inspector = settings.show_inspector;
    if ui.checkbox(&mut inspector, "Inspector").changed() {
        commands.push(Command::SetInspectorShown(inspector));
    }
    let mut problems = view.show_problems;
    if ui.checkbox(&mut problems, "Problems").changed() {
        commands.push(Command::SetProblemsShown(problems));
    }
    ui.separator();
    ui.menu_button("Parties", |ui| {
        parties_menu_ui(ui, workspace, view, commands)
    });
    if ui.button("Expand all issues").clicked() {
        commands.push(Command::SetAllIssuesCollapsed(false));
    }
    if ui.button("Collapse all issues").clicked() {
        commands.push(Command::SetAllIssuesCollapsed(true));
    }
    ui.add_enabled_ui(view.filters.is_active(), |ui| {
        if ui.button("Clear filters").clicked() {
            commands.push(Command::ClearFilters);
        }
    });
}

/// Show, hide and reorder the party columns.
fn parties_menu_ui(ui: &mut Ui, workspace: &Workspace, view: &ViewState, commands: &mut Commands) {
    let order = view.columns.ordered(workspace);
    if order.is_empty() {
        ui.label("No parties are open.");
    }
    for (position, &index) in order.iter().enumerate() {
        let party = &workspace.negotiation.parties[index].data.party;
        ui.horizontal(|ui| {
            let mut shown = !view.columns.hidden.contains(&party.id);
            if ui.checkbox(&mut shown, &party.name).changed() {
                commands.push(Command::SetPartyShown {
                    party: party.id.clone(),
                    shown,
                });
            }
            let left = ui
                .add_enabled(position > 0, Button::new("Move left").small())
                .on_hover_text(format!("Move the {} column left", party.short_name));
            if left.clicked() {
                commands.push(Command::MoveParty {
                    party: party.id.clone(),
                    to: position - 1,
                });
            }
            let right = ui
                .add_enabled(
                    position + 1 < order.len(),
                    Button::new("Move right").small(),
                )
                .on_hover_text(format!("Move the {} column right", party.short_name));
            if right.clicked() {
                commands.push(Command::MoveParty {
                    party: party.id.clone(),
                    to: position + 1,
                });
            }
        });
    }
}

fn help_menu_ui(ui: &mut Ui, commands: &mut Commands) {
    if item(ui, "Keyboard shortcuts", Some(&HELP)).clicked() {
        commands.push(Command::ShowShortcuts);
    }
    if ui
        .button("Open example")
        .on_hover_text("The January 2022 exchange between the US, NATO and Russia")
        .clicked()
    {
        commands.push(Command::Open(Origin::Example));
    }
    ui.separator();
    if ui.button("About Common Ground").clicked() {
        commands.push(Command::ShowAbout);
    }
}
