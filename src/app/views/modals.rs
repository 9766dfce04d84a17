//! About, keyboard shortcuts, and the path prompt for systems without file dialogs.

use egui::{Id, Modal as EguiModal, TextEdit, Ui};

use crate::app::shortcuts::*;
use crate::app::{Command, Commands, Modal, ViewState};

pub fn modals_ui(ui: &mut Ui, view: &ViewState, commands: &mut Commands) {
    let Some(modal) = &view.modal else {
        return;
    };
    let response = match modal {
        Modal::About => EguiModal::new(Id::unique("about")).show(ui, |ui| about_ui(ui, commands)),
        Modal::Shortcuts => {
            EguiModal::new(Id::unique("shortcuts")).show(ui, |ui| shortcuts_ui(ui, commands))
        }
        Modal::OpenPath { text } => {
            EguiModal::new(Id::unique("open path")).show(ui, |ui| open_path_ui(ui, text, commands))
        }
    };
    if response.should_close() {
        commands.push(Command::CloseModal);
    }
}

fn about_ui(ui: &mut Ui, commands: &mut Commands) {
    ui.set_max_width(440.0);
    ui.heading("Common Ground");
    ui.weak(format!("Version {}", env!("CARGO_PKG_VERSION")));
    ui.add_space(6.0);
    ui.label(
        "Compare what each party to a negotiation demands, rejects and offers, issue by issue, \
         and see where they could meet.",
    );
    ui.add_space(6.0);
    ui.label(
        "The example is the January 2022 exchange between the US, NATO and Russia over \
         Ukraine, drawn from the wire story \"US offers no concessions in response to Russia on \
         Ukraine\". Its stances, ranges and salience are the analyst's estimates.",
    );
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        commands.push(Command::CloseModal);
    }
}

fn shortcuts_ui(ui: &mut Ui, commands: &mut Commands) {
    ui.set_min_width(380.0);
    ui.heading("Keyboard shortcuts");
    ui.add_space(6.0);
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (shortcut, what) in [
                (&OPEN_FILES, "Open files"),
                (&OPEN_FOLDER, "Open a folder"),
                (&RELOAD, "Reload from disk"),
                (&FIND, "Search summaries and quotes"),
                (&ZOOM_IN, "Zoom in"),
                (&ZOOM_OUT, "Zoom out"),
                (&ZOOM_RESET, "Actual size"),
                (&BACK, "Back to the statement a link was followed from"),
                (&HELP, "This list"),
                (&QUIT, "Quit"),
            ] {
                ui.monospace(ui.format_shortcut(shortcut));
                ui.label(what);
                ui.end_row();
            }
            ui.monospace("Esc");
            ui.label("Clear the search, then the selection");
            ui.end_row();
            ui.monospace("Arrow keys");
            ui.label("Move between statements");
            ui.end_row();
        });
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        commands.push(Command::CloseModal);
    }
}

fn open_path_ui(ui: &mut Ui, text: &str, commands: &mut Commands) {
    ui.set_min_width(420.0);
    ui.heading("Open path");
    ui.label("The path of a negotiation folder or a position file:");
    let label = ui.label("Path");
    let mut typed = text.to_owned();
    let field = ui
        .add(
            TextEdit::singleline(&mut typed)
                .desired_width(f32::INFINITY)
                .hint_text("/home/me/negotiations/ukraine-2022"),
        )
        .labelled_by(label.id);
    if !field.has_focus() && typed.is_empty() {
        field.request_focus();
    }
    let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if field.changed() {
        commands.push(Command::SetTypedPath(typed.clone()));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Open").clicked() || submitted {
            commands.push(Command::OpenTypedPath(typed.clone()));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::CloseModal);
        }
    });
}
