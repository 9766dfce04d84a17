//! The issue editor: an agenda issue's id, title, category, description and scale anchors.

use egui::{DragValue, Grid, RichText, TextEdit, Ui};

use common_ground_core::edit::Edit;
use common_ground_core::model::{AgendaIssue, Anchor, SCALE_MAX, SCALE_MIN};
use common_ground_core::problem::{PathSegment, Problem};
use common_ground_document::Workspace;

use super::{field_problems_ui, form_grid, problems_named, text_row, to_fix_ui};
use crate::command::{Command, Commands};

/// Edits to one agenda issue: each pushes the whole issue with one change made.
struct IssueForm<'a> {
    index: usize,
    issue: &'a AgendaIssue,
    commands: &'a mut Commands,
}

impl IssueForm<'_> {
    /// Typing into a field: consecutive changes to it are one undo step.
    fn change(&mut self, field: &str, edit: impl FnOnce(&mut AgendaIssue)) {
        let field = format!("issue {} {field}", self.index);
        self.push(Some(field), edit);
    }

    /// Adding or removing an anchor: an undo step of its own.
    fn step(&mut self, edit: impl FnOnce(&mut AgendaIssue)) {
        self.push(None, edit);
    }

    fn push(&mut self, field: Option<String>, edit: impl FnOnce(&mut AgendaIssue)) {
        let mut edited = self.issue.clone();
        edit(&mut edited);
        if edited != *self.issue {
            self.commands.push(Command::Edit {
                edit: Edit::AgendaIssue {
                    index: self.index,
                    issue: edited,
                },
                field,
            });
        }
    }
}

pub(crate) fn issue_editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    index: usize,
    focus: bool,
    commands: &mut Commands,
) {
    let Some(agenda) = workspace.negotiation.agenda.as_ref() else {
        ui.weak("There is no agenda to edit: open a folder with an agenda.ron.");
        return;
    };
    let Some(issue) = agenda.data.issues.get(index) else {
        return;
    };
    let problems: Vec<&Problem> = workspace
        .problems
        .iter()
        .filter(|problem| problem.file == agenda.path)
        .filter(|problem| {
            problem.path.as_ref().is_some_and(|path| {
                path.0.starts_with(&[
                    PathSegment::Field("issues".into()),
                    PathSegment::Index(index),
                ])
            })
        })
        .collect();
    actions_ui(ui, index, commands);
    let mut form = IssueForm {
        index,
        issue,
        commands,
    };
    form_grid(("issue form", index)).show(ui, |ui| {
        texts_ui(ui, &mut form, &problems, focus);
    });
    ui.add_space(6.0);
    anchors_ui(ui, &mut form);
    ui.add_space(6.0);
    no_stake_ui(ui, workspace, &mut form);
    to_fix_ui(ui, &problems);
}

/// Which parties have no stake in the issue, so that their silence does not leave its
/// findings untested.
fn no_stake_ui(ui: &mut Ui, workspace: &Workspace, form: &mut IssueForm<'_>) {
    ui.label(RichText::new("No stake").strong());
    ui.weak(
        "Tick a party only if the issue does not concern it: the silence of any other party \
         leaves an overlap untested.",
    );
    let issue = form.issue;
    // Ids the agenda names but no open file has, so that they can still be removed.
    let mut ids: Vec<(String, String)> = workspace
        .negotiation
        .parties
        .iter()
        .map(|party| (party.data.party.id.clone(), party.data.party.name.clone()))
        .collect();
    for id in &issue.no_stake {
        if !ids.iter().any(|(known, _)| known == id) {
            ids.push((id.clone(), format!("{id} (not open)")));
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (id, name) in ids {
            let mut ticked = issue.no_stake.contains(&id);
            if ui.checkbox(&mut ticked, name).changed() {
                form.step(|i| {
                    i.no_stake.retain(|other| *other != id);
                    if ticked {
                        i.no_stake.push(id);
                    }
                });
            }
        }
    });
}

fn actions_ui(ui: &mut Ui, index: usize, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add issue after").clicked() {
            commands.push(Command::AddIssueAfter(index));
        }
        if ui
            .button("Delete issue")
            .on_hover_text(
                "Remove it from the agenda; statements about it stay, marked as not on the agenda",
            )
            .clicked()
        {
            commands.push(Command::Edit {
                edit: Edit::RemoveAgendaIssue(index),
                field: None,
            });
        }
    });
}

fn texts_ui(ui: &mut Ui, form: &mut IssueForm<'_>, problems: &[&Problem], focus: bool) {
    type Field = fn(&mut AgendaIssue) -> &mut String;
    let texts: [(&str, &str, Field, bool); 5] = [
        ("Id", "id", |i| &mut i.id, false),
        ("Title", "title", |i| &mut i.title, false),
        ("Category", "category", |i| &mut i.category, false),
        ("Description", "description", |i| &mut i.description, true),
        ("Notes", "notes", |i| &mut i.notes, true),
    ];
    for (label, field, get, multiline) in texts {
        let mut text = get(&mut form.issue.clone()).clone();
        let response = text_row(ui, label, &mut text, multiline);
        if focus && field == "title" {
            response.request_focus();
        }
        if response.changed() {
            form.change(field, |i| *get(i) = text);
        }
        if response.lost_focus() {
            form.commands.push(Command::EndTyping);
        }
        field_problems_ui(ui, &response, &problems_named(problems, field));
    }
}

/// The points of the scale with what they mean; add and remove them.
fn anchors_ui(ui: &mut Ui, form: &mut IssueForm<'_>) {
    ui.label(RichText::new("Scale anchors").strong());
    ui.weak("What points of the 0–100 scale mean; 0 and 100 must be named.");
    // Measured before the grid: inside it, a width taken from what is available would grow
    // the column a little more every frame.
    let meaning_width = (ui.available_width() - 170.0).max(100.0);
    let issue = form.issue;
    Grid::new(("anchors form", form.index))
        .num_columns(3)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (at, anchor) in issue.scale.iter().enumerate() {
                anchor_ui(ui, form, at, anchor, meaning_width);
                ui.end_row();
            }
        });
    if ui.button("Add anchor").clicked() {
        form.step(|i| {
            i.scale.push(Anchor {
                at: 50.0,
                meaning: String::new(),
            });
            i.scale.sort_by(|a, b| a.at.total_cmp(&b.at));
        });
    }
}

fn anchor_ui(ui: &mut Ui, form: &mut IssueForm<'_>, at: usize, anchor: &Anchor, width: f32) {
    let mut point = anchor.at;
    let label = ui.label(format!("Point {}", at + 1));
    let response = ui
        .add(
            DragValue::new(&mut point)
                .range(SCALE_MIN..=SCALE_MAX)
                .speed(1.0),
        )
        .labelled_by(label.id);
    if response.changed() {
        form.change(&format!("anchor {at} at"), |i| {
            if let Some(anchor) = i.scale.get_mut(at) {
                anchor.at = point;
            }
        });
    }
    ui.horizontal(|ui| {
        let mut meaning = anchor.meaning.clone();
        let response = ui
            .add(TextEdit::singleline(&mut meaning).desired_width(width))
            .labelled_by(label.id);
        if response.changed() {
            form.change(&format!("anchor {at} meaning"), |i| {
                if let Some(anchor) = i.scale.get_mut(at) {
                    anchor.meaning = meaning;
                }
            });
        }
        if response.lost_focus() {
            form.commands.push(Command::EndTyping);
        }
        if ui.small_button("Remove").clicked() {
            form.step(|i| {
                if at < i.scale.len() {
                    i.scale.remove(at);
                }
            });
        }
    });
}
