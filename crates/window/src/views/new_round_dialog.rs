//! The New round dialog: a name and a date, and for a negotiation without rounds the round
//! its positions so far belong to.

use egui::{TextEdit, Ui};

use crate::command::{Command, Commands};
use crate::view_state::NewRoundForm;

pub(crate) fn new_round_dialog_ui(ui: &mut Ui, form: &NewRoundForm, commands: &mut Commands) {
    ui.set_max_width(460.0);
    ui.heading("New round");
    ui.label(
        "A round is a dated step of the negotiation: a draft, a written reply, a summit. Every \
         position carries into the new round as it stands; change only what moved, with \
         \u{201c}Change from this round on\u{201d} in the editor.",
    );
    ui.add_space(6.0);
    let mut edited = form.clone();
    let mut submitted = false;
    egui::Grid::new("new round fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            if let Some((first_name, first_date)) = &mut edited.first {
                ui.label("The positions so far");
                ui.weak("this negotiation has no rounds yet: they become its first");
                ui.end_row();
                submitted |= field_ui(ui, "First round's name", first_name, "Written replies");
                submitted |= field_ui(ui, "First round's date", first_date, "2022-01-26");
            }
            submitted |= field_ui(ui, "Name", &mut edited.name, "Reply to the replies");
            submitted |= field_ui(ui, "Date", &mut edited.date, "2022-02-17");
        });
    if edited != *form {
        edited.error = None;
        commands.push(Command::SetNewRound(edited.clone()));
    }
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Add round").clicked() || submitted {
            commands.push(Command::AddRound(edited.clone()));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::CloseModal);
        }
    });
}

/// One labelled line; true when Enter was pressed in it.
fn field_ui(ui: &mut Ui, label: &str, text: &mut String, hint: &str) -> bool {
    let label = ui.label(label);
    let field = ui
        .add(
            TextEdit::singleline(text)
                .desired_width(260.0)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    ui.end_row();
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
