//! Where the negotiation is, files loaded, problems, parties and statements shown, zoom.

use egui::Ui;

use super::ViewContext;
use crate::command::{Command, Commands};
use common_ground_document::Workspace;

pub(crate) fn status_bar_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, view, layout) = (cx.workspace, cx.view, cx.layout);
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(workspace.origin.place()).strong())
                .on_hover_text("Where the open negotiation is");
            ui.separator();
            let (loaded, tried) = (workspace.loaded_file_count(), workspace.files.len());
            let files = if loaded == tried {
                format!(
                    "{tried} {} loaded",
                    if tried == 1 { "file" } else { "files" }
                )
            } else {
                format!("{loaded} of {tried} files loaded")
            };
            ui.label(files).on_hover_text(
                workspace
                    .files
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            ui.separator();
            let (errors, warnings) = (workspace.error_count(), workspace.warning_count());
            let problems = format!(
                "{errors} {}, {warnings} {}",
                if errors == 1 { "error" } else { "errors" },
                if warnings == 1 { "warning" } else { "warnings" }
            );
            let colour = if errors > 0 {
                ui.visuals().error_fg_color
            } else if warnings > 0 {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().text_color()
            };
            if ui
                .add(egui::Button::new(egui::RichText::new(problems).color(colour)).frame(false))
                .on_hover_text("Show the problems")
                .clicked()
            {
                commands.push(Command::SetProblemsShown(true));
            }
            ui.separator();
            let total = workspace.negotiation.parties.len();
            ui.label(parties_text(workspace, layout.parties.len(), total));
            ui.separator();
            let shown: usize = layout.blocks.iter().map(|block| block.shown()).sum();
            let mut statements = format!(
                "{shown} {}",
                if shown == 1 {
                    "statement"
                } else {
                    "statements"
                }
            );
            if view.filters.is_active() {
                statements.push_str(if shown == 1 {
                    " matches the filters"
                } else {
                    " match the filters"
                });
            }
            ui.label(statements);
            let unsaved = workspace.dirty_files().count();
            if unsaved > 0 {
                ui.separator();
                let text = if unsaved == 1 {
                    "1 file unsaved".to_owned()
                } else {
                    format!("{unsaved} files unsaved")
                };
                let names: Vec<String> = workspace
                    .dirty_files()
                    .filter_map(|file| workspace.path_of(file))
                    .map(|path| path.display().to_string())
                    .collect();
                ui.colored_label(ui.visuals().warn_fg_color, text)
                    .on_hover_text(format!("{}\nCtrl+S saves", names.join("\n")));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                busy_ui(ui, view);
            });
        });
    });
}

/// The zoom, and what is going on off the UI thread: a file dialog, an export, an import.
fn busy_ui(ui: &mut Ui, view: &crate::view_state::ViewState) {
    ui.weak(format!("{:.0}%", ui.zoom_factor() * 100.0))
        .on_hover_text("Zoom: Ctrl + and Ctrl − change it, Ctrl 0 resets it");
    if view.dialog_open {
        ui.separator();
        ui.label("A file dialog is open…");
    }
    for (busy, doing) in [
        (view.exporting, "Exporting…"),
        (view.importing, "Importing…"),
    ] {
        if busy {
            ui.separator();
            ui.label(doing);
            ui.spinner();
        }
    }
}

/// "2 of 2 parties shown, 1 not loaded": a party whose file did not load is counted too.
fn parties_text(workspace: &Workspace, shown: usize, total: usize) -> String {
    let missing = workspace
        .negotiation
        .left_out
        .iter()
        .filter(|file| file.is_party_file())
        .count();
    let mut text = format!("{shown} of {total} parties shown");
    if missing > 0 {
        text.push_str(&format!(", {missing} not loaded"));
    }
    text
}
