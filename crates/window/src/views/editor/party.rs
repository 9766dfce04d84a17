//! The party editor: a party file's id, names, date, summary and colour.

use egui::{RichText, Ui};

use common_ground_core::edit::Edit;
use common_ground_core::model::{Party, PartyFile};
use common_ground_core::negotiation::Loaded;
use common_ground_core::problem::{FieldPath, PathSegment, Problem};
use common_ground_document::Workspace;

use super::{
    field_problems_ui, form_grid, problems_at, problems_named, row, segments, text_row, to_fix_ui,
};
use crate::command::{Command, Commands};
use crate::style::party_colour;

/// A party's details as one edit: the party, its `as_of` date and its summary.
struct PartyForm<'a> {
    index: usize,
    file: &'a PartyFile,
    commands: &'a mut Commands,
}

impl PartyForm<'_> {
    /// Pushes the details with one change made; `field` names it for undo and the Edit menu.
    fn change(&mut self, field: &str, change: impl FnOnce(&mut Party, &mut String, &mut String)) {
        let file = self.file;
        let mut details = file.party.clone();
        let mut as_of = file.as_of.clone();
        let mut summary = file.summary.clone();
        change(&mut details, &mut as_of, &mut summary);
        if details != file.party || as_of != file.as_of || summary != file.summary {
            self.commands.push(Command::Edit {
                edit: Edit::PartyDetails {
                    party: self.index,
                    details,
                    as_of,
                    summary,
                },
                field: Some(format!("party {} {field}", self.index)),
            });
        }
    }
}

pub(crate) fn party_editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    party: usize,
    focus: bool,
    commands: &mut Commands,
) {
    let Some(loaded) = workspace.negotiation.parties.get(party) else {
        return;
    };
    let problems = party_problems(workspace, loaded);
    ui.label(
        RichText::new(loaded.path.display().to_string())
            .weak()
            .size(11.0),
    );
    let mut form = PartyForm {
        index: party,
        file: &loaded.data,
        commands,
    };
    form_grid(("party form", party)).show(ui, |ui| {
        texts_ui(ui, &mut form, &problems, focus);
        colour_ui(ui, &mut form, &problems);
    });
    to_fix_ui(ui, &problems);
}

/// The problems of the party file outside its statements.
fn party_problems<'a>(workspace: &'a Workspace, loaded: &Loaded<PartyFile>) -> Vec<&'a Problem> {
    workspace
        .problems
        .iter()
        .filter(|problem| {
            problem.file == loaded.path
                && problem.path.as_ref().is_some_and(
                    |p| !matches!(p.0.first(), Some(PathSegment::Field(f)) if f == "statements"),
                )
        })
        .collect()
}

fn texts_ui(ui: &mut Ui, form: &mut PartyForm<'_>, problems: &[&Problem], focus: bool) {
    type Field = for<'a> fn(&'a mut Party, &'a mut String, &'a mut String) -> &'a mut String;
    let texts: [(&str, &str, Field, bool); 6] = [
        ("Id", "id", |p, _, _| &mut p.id, false),
        ("Name", "name", |p, _, _| &mut p.name, false),
        (
            "Short name",
            "short_name",
            |p, _, _| &mut p.short_name,
            false,
        ),
        ("As of", "as_of", |_, a, _| a, false),
        ("Summary", "summary", |_, _, s| s, true),
        ("Notes", "notes", |p, _, _| &mut p.notes, true),
    ];
    let file = form.file;
    for (label, field, get, multiline) in texts {
        let (mut p, mut a, mut s) = (file.party.clone(), file.as_of.clone(), file.summary.clone());
        let mut text = get(&mut p, &mut a, &mut s).clone();
        let response = text_row(ui, label, &mut text, multiline);
        if focus && field == "name" {
            response.request_focus();
        }
        if response.changed() {
            form.change(field, |p, a, s| *get(p, a, s) = text);
        }
        if response.lost_focus() {
            form.commands.push(Command::EndTyping);
        }
        field_problems_ui(ui, &response, &problems_named(problems, field));
    }
}

fn colour_ui(ui: &mut Ui, form: &mut PartyForm<'_>, problems: &[&Problem]) {
    let file = form.file;
    let colour = party_colour(&file.party.colour);
    let mut rgb = [colour.r(), colour.g(), colour.b()];
    let response = row(ui, "Colour", |ui| {
        ui.horizontal(|ui| {
            let picked = ui.color_edit_button_srgb(&mut rgb);
            ui.monospace(&file.party.colour);
            picked
        })
        .inner
    });
    if response.changed() {
        let [r, g, b] = rgb;
        let hex = format!("#{r:02x}{g:02x}{b:02x}");
        form.change("colour", |p, _, _| p.colour = hex);
    }
    field_problems_ui(
        ui,
        &response,
        &problems_at(
            problems.iter().copied(),
            &segments(FieldPath::root().field("party").field("colour")),
        ),
    );
}
