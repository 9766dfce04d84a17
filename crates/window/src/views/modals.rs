//! The document's questions (save or discard, drop comments, a file changed on disk, recover),
//! and the window's own dialogs: About, the keyboard shortcuts, the path prompt for systems
//! without file dialogs, the export dialog.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use egui::{Id, Modal as EguiModal, TextEdit, Ui};

use common_ground_core::edit::builders::date_from_days;
use common_ground_document::{Answer, Question, RecoveredFile, Then};

use super::ViewContext;
use super::export_dialog::export_dialog_ui;
use super::new_round_dialog::new_round_dialog_ui;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::view_state::Modal;

pub(crate) fn modals_ui(ui: &Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    // The document's question comes first: nothing it holds back goes on until it is answered.
    let (response, may_close) = if let Some(question) = cx.question {
        let response = match question {
            Question::Unsaved { then, files } => EguiModal::new(Id::unique("unsaved"))
                .show(ui, |ui| unsaved_ui(ui, then, files, commands)),
            Question::ConfirmLoss { path, what } => EguiModal::new(Id::unique("confirm loss"))
                .show(ui, |ui| confirm_loss_ui(ui, path, what, commands)),
            Question::ExternalChange { path, .. } => EguiModal::new(Id::unique("external change"))
                .show(ui, |ui| external_change_ui(ui, path, commands)),
            Question::Recover { snapshot, files } => {
                EguiModal::new(Id::unique("recover")).show(ui, |ui| {
                    recover_ui(ui, snapshot.written_at, files, commands);
                })
            }
        };
        // Clicking outside or Esc is Cancel; a question about crash recovery or a file
        // changed on disk needs an answer.
        (response, question.may_be_dismissed())
    } else {
        let Some(modal) = &cx.view.modal else {
            return;
        };
        let response = match modal {
            Modal::About => {
                EguiModal::new(Id::unique("about")).show(ui, |ui| about_ui(ui, commands))
            }
            Modal::Shortcuts => {
                EguiModal::new(Id::unique("shortcuts")).show(ui, |ui| shortcuts_ui(ui, commands))
            }
            Modal::OpenPath { text, error } => EguiModal::new(Id::unique("open path"))
                .show(ui, |ui| open_path_ui(ui, text, error.as_deref(), commands)),
            Modal::Export(choice) => EguiModal::new(Id::unique("export"))
                .show(ui, |ui| export_dialog_ui(ui, cx, choice, commands)),
            Modal::NewRound(form) => EguiModal::new(Id::unique("new round"))
                .show(ui, |ui| new_round_dialog_ui(ui, form, commands)),
        };
        (response, true)
    };
    if response.should_close() && may_close {
        commands.push(Command::CloseModal);
    }
}

/// A row of answers, the safe one last so that it sits where the eye ends.
fn answers_ui(ui: &mut Ui, answers: &[(&str, Command)], commands: &mut Commands) {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        for (text, command) in answers {
            if ui.button(*text).clicked() {
                commands.push(command.clone());
            }
        }
    });
}

fn unsaved_ui(ui: &mut Ui, then: &Then, files: &[String], commands: &mut Commands) {
    ui.set_max_width(460.0);
    ui.heading("Save your changes?");
    ui.add_space(6.0);
    let doing = match then {
        Then::Quit => "closing",
        Then::Open(_) => "opening another negotiation",
        Then::Reload => "reloading from disk",
    };
    ui.label(format!(
        "{} unsaved changes, which {doing} would lose.",
        match files {
            [one] => format!("{one} has"),
            _ => format!("{} have", files.join(", ")),
        }
    ));
    answers_ui(
        ui,
        &[
            ("Save", Command::Answer(Answer::Save)),
            ("Discard", Command::Answer(Answer::Discard)),
            ("Cancel", Command::Answer(Answer::Cancel)),
        ],
        commands,
    );
}

fn confirm_loss_ui(ui: &mut Ui, path: &Path, what: &str, commands: &mut Commands) {
    ui.set_max_width(460.0);
    ui.heading("Drop what was written by hand?");
    ui.add_space(6.0);
    ui.label(format!(
        "Saving rewrites {} in the app's tidy form, which drops {what}.",
        path.display()
    ));
    ui.weak("You will not be asked again for this file while it is open.");
    answers_ui(
        ui,
        &[
            ("Save anyway", Command::Answer(Answer::SaveAnyway)),
            ("Cancel", Command::Answer(Answer::Cancel)),
        ],
        commands,
    );
}

fn external_change_ui(ui: &mut Ui, path: &Path, commands: &mut Commands) {
    ui.set_max_width(460.0);
    ui.heading("Changed by another program");
    ui.add_space(6.0);
    ui.label(format!(
        "{} was changed on disk while it has unsaved edits here.",
        path.display()
    ));
    ui.label("Reload it to see the other program's version and drop your edits to it, or keep your version; saving it will then replace the other one.");
    answers_ui(
        ui,
        &[
            ("Reload from disk", Command::Answer(Answer::ReloadFromDisk)),
            ("Keep my version", Command::Answer(Answer::KeepMine)),
        ],
        commands,
    );
}

fn recover_ui(ui: &mut Ui, written_at: u64, files: &[RecoveredFile], commands: &mut Commands) {
    ui.set_max_width(480.0);
    ui.heading("Recover unsaved edits?");
    ui.add_space(6.0);
    ui.label(format!(
        "The app closed {} without saving these edits:",
        when_written(written_at)
    ));
    for file in files {
        let what = match (file.new, file.changes) {
            _ if file.unreadable => format!(
                "cannot be read on disk now; the recovered copy, with {} {}, would stand in \
                 for it",
                file.changes,
                if file.changes == 1 {
                    "entry"
                } else {
                    "entries"
                }
            ),
            (true, 0) => "a new party file, still empty".to_owned(),
            (true, 1) => "a new party file with 1 statement".to_owned(),
            (true, n) => format!("a new party file with {n} statements"),
            (false, 1) => "1 change".to_owned(),
            (false, n) => format!("{n} changes"),
        };
        ui.label(format!("• {}: {what}", file.name));
    }
    ui.weak(
        "Restored edits stay unsaved until you save them, and Undo takes them back out, one \
         file at a time.",
    );
    answers_ui(
        ui,
        &[
            ("Restore", Command::Answer(Answer::Restore)),
            ("Discard", Command::Answer(Answer::DiscardRecovered)),
        ],
        commands,
    );
}

/// "5 minutes ago (2026-12-02 14:05 UTC)": how old, and when.
fn when_written(written_at: u64) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |now| now.as_secs());
    let age = now.saturating_sub(written_at);
    let ago = match age {
        0..=119 => "a moment ago".to_owned(),
        120..=7199 => format!("{} minutes ago", age / 60),
        7200..=172_799 => format!("{} hours ago", age / 3600),
        _ => format!("{} days ago", age / 86_400),
    };
    let days = i64::try_from(written_at / 86_400).unwrap_or_default();
    let minutes = written_at % 86_400 / 60;
    format!(
        "{ago} ({} {:02}:{:02} UTC)",
        date_from_days(days),
        minutes / 60,
        minutes % 60
    )
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

/// Every command that has a key, from the registry, with its keys on this system.
fn shortcuts_ui(ui: &mut Ui, commands: &mut Commands) {
    ui.set_min_width(380.0);
    ui.heading("Keyboard shortcuts");
    ui.add_space(6.0);
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .spacing([24.0, 3.0])
        .show(ui, |ui| {
            for command in UserCommand::ALL {
                let keys: Vec<String> = command
                    .shortcuts(ui.os())
                    .iter()
                    .map(|shortcut| ui.format_shortcut(shortcut))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                ui.monospace(keys.join(", "));
                ui.label(command.tooltip());
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        commands.push(Command::CloseModal);
    }
}

fn open_path_ui(ui: &mut Ui, text: &str, error: Option<&str>, commands: &mut Commands) {
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
    if let Some(error) = error {
        ui.colored_label(ui.visuals().error_fg_color, error);
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
