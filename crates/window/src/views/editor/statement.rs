//! The statement editor: what it is (id, issue, kind, summary), where it stands on the scale
//! (stance, range, salience, firmness, estimates), its conditions and its sources.

use egui::{ComboBox, Response, RichText, TextEdit, Ui};

use common_ground_core::edit::Edit;
use common_ground_core::model::{
    Condition, Firmness, Kind, Range, SCALE_MAX, SCALE_MIN, Source, Statement, WaitsOn,
};
use common_ground_core::negotiation::StatementKey;
use common_ground_core::problem::{FieldPath, PathSegment, Problem};
use common_ground_document::Workspace;

use super::{
    checkbox_width, field_problems_ui, form_grid, problems_at, row, scale_value_ui, segments,
    text_row, to_fix_ui,
};
use crate::command::{Command, Commands};
use crate::style::party_colour;
use crate::views::scale::{anchors_ui, scale_ui};

/// Edits to one statement: each pushes the whole statement with one field changed.
struct StatementForm<'a> {
    key: StatementKey,
    original: &'a Statement,
    /// Everything validation finds wrong with the statement.
    problems: Vec<&'a Problem>,
    commands: &'a mut Commands,
}

impl StatementForm<'_> {
    fn change(&mut self, field: &str, change: impl FnOnce(&mut Statement)) {
        let key = self.key;
        self.push(
            Some(format!("{}/{}/{field}", key.party, key.statement)),
            change,
        );
    }

    /// A change that is an undo step of its own, such as a choice from a list or a click.
    fn step(&mut self, change: impl FnOnce(&mut Statement)) {
        self.push(None, change);
    }

    fn push(&mut self, field: Option<String>, change: impl FnOnce(&mut Statement)) {
        let mut statement = self.original.clone();
        change(&mut statement);
        if statement != *self.original {
            self.commands.push(Command::Edit {
                edit: Edit::Statement {
                    key: self.key,
                    statement,
                },
                field,
            });
        }
    }

    /// Starting to drag a slider or entering a field starts an undo step of its own, even
    /// when the step before edited the same value: one Ctrl+Z undoes one drag or one burst
    /// of typing.
    fn begin(&mut self, response: &Response) {
        if response.drag_started() || response.gained_focus() {
            self.commands.push(Command::EndTyping);
        }
    }

    /// Leaving a field, or letting go of a slider, ends one undo step.
    fn end_typing(&mut self, response: &Response) {
        if response.lost_focus() || response.drag_stopped() {
            self.commands.push(Command::EndTyping);
        }
    }

    /// The path of one of the statement's fields, for matching problems to it.
    fn path(&self, field: &str) -> Vec<PathSegment> {
        segments(FieldPath::statement(self.key.statement).field(field))
    }

    /// Outlines the field's widget with what is wrong with the field.
    fn problems_ui(&self, ui: &Ui, response: &Response, field: &str) {
        let path = self.path(field);
        field_problems_ui(
            ui,
            response,
            &problems_at(self.problems.iter().copied(), &path),
        );
    }
}

pub(crate) fn statement_editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    key: StatementKey,
    statement: &Statement,
    (focus, fresh): (bool, bool),
    commands: &mut Commands,
) {
    let Some(party) = workspace.negotiation.party(key.party) else {
        return;
    };
    actions_ui(ui, key, party.statements.len(), commands);
    ui.add_space(6.0);
    // A statement just added is blank by design; what it lacks is flagged once it is edited.
    let mut form = StatementForm {
        key,
        original: statement,
        problems: if fresh {
            Vec::new()
        } else {
            workspace.problems_of(key).collect()
        },
        commands,
    };
    form_grid(("statement form", key.party, key.statement)).show(ui, |ui| {
        what_it_is_ui(ui, workspace, focus, &mut form);
    });

    ui.add_space(6.0);
    ui.label(RichText::new("Place on the scale").strong());
    let colour = party_colour(&party.party.colour);
    scale_ui(ui, &[], statement.stance, statement.range.as_ref(), colour);
    form_grid(("position form", key.party, key.statement)).show(ui, |ui| {
        stance_ui(ui, &mut form);
        range_ui(ui, &mut form);
        weight_ui(ui, &mut form);
    });
    let anchors = workspace
        .agenda_issue(&statement.issue)
        .map_or(&[][..], |issue| issue.scale.as_slice());
    if !anchors.is_empty() {
        ui.collapsing("What the scale means", |ui| anchors_ui(ui, anchors));
    }

    ui.add_space(6.0);
    conditions_ui(ui, workspace, &mut form);
    ui.add_space(6.0);
    sources_ui(ui, &mut form);
    to_fix_ui(ui, &form.problems);
}

/// Duplicate, move and delete: a row of buttons above the form.
fn actions_ui(ui: &mut Ui, key: StatementKey, count: usize, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Duplicate")
            .on_hover_text("Add a copy of this statement below it")
            .clicked()
        {
            commands.push(Command::Duplicate(key));
        }
        let moves = [
            (
                "Move up",
                "Earlier in the party's file and its column",
                key.statement.checked_sub(1),
            ),
            (
                "Move down",
                "Later in the party's file and its column",
                Some(key.statement + 1).filter(|&to| to < count),
            ),
        ];
        for (label, hover, to) in moves {
            if ui
                .add_enabled(to.is_some(), egui::Button::new(label))
                .on_hover_text(hover)
                .clicked()
                && let Some(to) = to
            {
                commands.push(Command::Edit {
                    edit: Edit::MoveStatement { key, to },
                    field: None,
                });
            }
        }
        if ui
            .button("Delete")
            .on_hover_text("Remove this statement (Undo brings it back)")
            .clicked()
        {
            commands.push(Command::Edit {
                edit: Edit::RemoveStatement(key),
                field: None,
            });
        }
    });
}

/// Id, issue, kind and summary.
fn what_it_is_ui(ui: &mut Ui, workspace: &Workspace, focus: bool, form: &mut StatementForm<'_>) {
    let statement = form.original;
    let mut id = statement.id.clone();
    let response = row(ui, "Id", |ui| {
        ui.add(TextEdit::singleline(&mut id).desired_width(f32::INFINITY))
    });
    if response.changed() {
        form.change("id", |s| s.id = id);
    }
    form.end_typing(&response);
    form.problems_ui(ui, &response, "id");

    let mut issue = statement.issue.clone();
    let response = row(ui, "Issue", |ui| {
        issue_choice_ui(ui, workspace, "statement issue", &mut issue)
    });
    if issue != statement.issue {
        form.step(|s| s.issue = issue);
    }
    form.problems_ui(ui, &response, "issue");

    let mut kind = statement.kind;
    row(ui, "Kind", |ui| {
        ComboBox::from_id_salt("statement kind")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for option in Kind::ALL {
                    ui.selectable_value(&mut kind, option, option.label());
                }
            })
            .response
    });
    if kind != statement.kind {
        form.step(|s| s.kind = kind);
    }

    let mut summary = statement.summary.clone();
    let response = text_row(ui, "Summary", &mut summary, true);
    if focus {
        response.request_focus();
    }
    if response.changed() {
        form.change("summary", |s| s.summary = summary);
    }
    form.end_typing(&response);
    form.problems_ui(ui, &response, "summary");

    let mut notes = statement.notes.clone();
    let response = text_row(ui, "Notes", &mut notes, true)
        .on_hover_text("Your own reasoning, such as why the range is estimated so");
    if response.changed() {
        form.change("notes", |s| s.notes = notes);
    }
    form.end_typing(&response);
}

/// A list of the negotiation's issues, by title, to choose `issue` from.
fn issue_choice_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    issue: &mut String,
) -> Response {
    let title = workspace
        .issue_group(issue)
        .map_or_else(|| issue.clone(), |group| group.title.clone());
    ComboBox::from_id_salt(id_salt)
        .selected_text(title)
        .width(ui.available_width())
        .truncate()
        .show_ui(ui, |ui| {
            for group in &workspace.issues {
                ui.selectable_value(issue, group.id.clone(), &group.title);
            }
        })
        .response
}

fn stance_ui(ui: &mut Ui, form: &mut StatementForm<'_>) {
    let statement = form.original;
    let mut has_stance = statement.stance.is_some();
    let mut stance = statement.stance.unwrap_or(50.0);
    let label = ui.label("Stance");
    let (toggled, response) = ui
        .horizontal(|ui| {
            let toggled = ui
                .checkbox(&mut has_stance, "")
                .on_hover_text("A stance is the point the party argues for")
                .labelled_by(label.id);
            (
                toggled,
                scale_value_ui(ui, label.id, &mut stance, has_stance),
            )
        })
        .inner;
    ui.end_row();
    // Ticking the box is a step of its own; dragging the slider is another.
    form.begin(&response);
    if toggled.changed() {
        form.step(|s| s.stance = has_stance.then_some(stance));
    } else if response.changed() {
        form.change("stance", |s| s.stance = has_stance.then_some(stance));
    }
    form.end_typing(&response);
    form.problems_ui(ui, &response, "stance");
}

fn range_ui(ui: &mut Ui, form: &mut StatementForm<'_>) {
    let statement = form.original;
    let mut has_range = statement.range.is_some();
    let mut range = statement.range.unwrap_or(Range {
        min: SCALE_MIN,
        max: SCALE_MAX,
    });
    let from = ui.label("Accepts from");
    let (toggled, from_response) = ui
        .horizontal(|ui| {
            let toggled = ui
                .checkbox(&mut has_range, "")
                .on_hover_text("An acceptable range: the outcomes the party could live with")
                .labelled_by(from.id);
            (
                toggled,
                scale_value_ui(ui, from.id, &mut range.min, has_range),
            )
        })
        .inner;
    ui.end_row();
    let to = ui.label("Accepts to");
    let to_response = ui
        .horizontal(|ui| {
            ui.add_space(checkbox_width(ui));
            scale_value_ui(ui, to.id, &mut range.max, has_range)
        })
        .inner;
    ui.end_row();
    // Each end is a value of its own for undo.
    for response in [&from_response, &to_response] {
        form.begin(response);
    }
    if toggled.changed() {
        form.step(|s| s.range = has_range.then_some(range));
    } else if from_response.changed() {
        form.change("range min", |s| s.range = has_range.then_some(range));
    } else if to_response.changed() {
        form.change("range max", |s| s.range = has_range.then_some(range));
    }
    let response = from_response | to_response;
    form.end_typing(&response);
    form.problems_ui(ui, &response, "range");
}

/// Salience, firmness, and whether the numbers are the analyst's estimates.
fn weight_ui(ui: &mut Ui, form: &mut StatementForm<'_>) {
    let statement = form.original;
    let mut salience = statement.salience;
    let label = ui.label("Salience");
    let response = ui
        .horizontal(|ui| {
            ui.add_space(checkbox_width(ui));
            scale_value_ui(ui, label.id, &mut salience, true)
        })
        .inner
        .on_hover_text("How much the issue matters to the party, 0–100");
    ui.end_row();
    form.begin(&response);
    if response.changed() {
        form.change("salience", |s| s.salience = salience);
    }
    form.end_typing(&response);
    form.problems_ui(ui, &response, "salience");

    let mut firmness = statement.firmness;
    row(ui, "Firmness", |ui| {
        ComboBox::from_id_salt("statement firmness")
            .selected_text(firmness.label())
            .show_ui(ui, |ui| {
                for option in [Firmness::NonNegotiable, Firmness::Firm, Firmness::Flexible] {
                    ui.selectable_value(&mut firmness, option, option.label());
                }
            })
            .response
    });
    if firmness != statement.firmness {
        form.step(|s| s.firmness = firmness);
    }

    let mut estimated = statement.estimated;
    let response = row(ui, "Estimates", |ui| {
        ui.checkbox(&mut estimated, "analyst's estimates")
            .on_hover_text(
                "Stance, range and salience are the analyst's judgement, not the party's words",
            )
    });
    if response.changed() {
        form.step(|s| s.estimated = estimated);
    }
}

fn conditions_ui(ui: &mut Ui, workspace: &Workspace, form: &mut StatementForm<'_>) {
    ui.label(RichText::new("Conditions").strong());
    let at = form.path("conditions");
    for (index, condition) in form.original.conditions.iter().enumerate() {
        let mut path = at.clone();
        path.push(PathSegment::Index(index));
        let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            form_grid(("condition", index)).show(ui, |ui| {
                condition_ui(ui, workspace, form, index, condition);
            });
            if ui.small_button("Remove condition").clicked() {
                form.step(|s| {
                    if index < s.conditions.len() {
                        s.conditions.remove(index);
                    }
                });
            }
        });
        field_problems_ui(
            ui,
            &frame.response,
            &problems_at(form.problems.iter().copied(), &path),
        );
    }
    if ui.button("Add condition").clicked() {
        form.step(|s| {
            s.conditions.push(Condition {
                text: String::new(),
                waits_on: None,
            });
        });
    }
}

/// One condition: its words, and whose action on which issue it waits for.
fn condition_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    form: &mut StatementForm<'_>,
    index: usize,
    condition: &Condition,
) {
    let mut text = condition.text.clone();
    let response = row(ui, "Condition", |ui| {
        ui.add(
            TextEdit::multiline(&mut text)
                .desired_rows(1)
                .desired_width(f32::INFINITY),
        )
    });
    if response.changed() {
        form.change(&format!("condition {index}"), |s| {
            if let Some(condition) = s.conditions.get_mut(index) {
                condition.text = text;
            }
        });
    }
    form.end_typing(&response);

    let waits_on = condition.waits_on.clone();
    let mut party = waits_on.as_ref().map(|w| w.party.clone());
    row(ui, "Waits on", |ui| {
        party_choice_ui(ui, workspace, index, &mut party)
    });
    let mut issue = waits_on
        .as_ref()
        .map_or_else(|| form.original.issue.clone(), |w| w.issue.clone());
    if waits_on.is_some() {
        row(ui, "On issue", |ui| {
            issue_choice_ui(ui, workspace, ("waits on issue", index), &mut issue)
        });
    }
    let chosen = party.map(|party| WaitsOn { party, issue });
    if chosen != waits_on {
        form.step(|s| {
            if let Some(condition) = s.conditions.get_mut(index) {
                condition.waits_on = chosen;
            }
        });
    }
}

/// The party a condition waits on, by name, or nobody in particular.
fn party_choice_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    index: usize,
    party: &mut Option<String>,
) -> Response {
    let nobody = "nobody in particular";
    let shown = party.as_deref().map_or_else(
        || nobody.to_owned(),
        |id| {
            workspace
                .negotiation
                .party_index(id)
                .and_then(|p| workspace.negotiation.party(p))
                .map_or_else(|| id.to_owned(), |file| file.party.name.clone())
        },
    );
    ComboBox::from_id_salt(("waits on party", index))
        .selected_text(shown)
        .width(ui.available_width())
        .truncate()
        .show_ui(ui, |ui| {
            ui.selectable_value(party, None, nobody);
            for loaded in &workspace.negotiation.parties {
                let id = loaded.data.party.id.clone();
                ui.selectable_value(party, Some(id), &loaded.data.party.name);
            }
        })
        .response
}

fn sources_ui(ui: &mut Ui, form: &mut StatementForm<'_>) {
    ui.label(RichText::new("Sources").strong());
    let at = form.path("sources");
    for (index, source) in form.original.sources.iter().enumerate() {
        let mut path = at.clone();
        path.push(PathSegment::Index(index));
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            form_grid(("source", index)).show(ui, |ui| {
                source_ui(ui, form, index, source, &path);
            });
            if ui.small_button("Remove source").clicked() {
                form.step(|s| {
                    if index < s.sources.len() {
                        s.sources.remove(index);
                    }
                });
            }
        });
    }
    if ui.button("Add source").clicked() {
        let date = form
            .original
            .sources
            .last()
            .map(|source| source.date.clone())
            .unwrap_or_default();
        form.step(|s| {
            s.sources.push(Source {
                quote: String::new(),
                speaker: String::new(),
                date,
                reference: String::new(),
            });
        });
    }
}

/// One source: the quote, who said it, when, and where it was published.
fn source_ui(
    ui: &mut Ui,
    form: &mut StatementForm<'_>,
    index: usize,
    source: &Source,
    path: &[PathSegment],
) {
    type Field = fn(&mut Source) -> &mut String;
    let fields: [(&str, &str, Field, bool); 4] = [
        ("Quote", "quote", |s| &mut s.quote, true),
        ("Speaker", "speaker", |s| &mut s.speaker, false),
        ("Date", "date", |s| &mut s.date, false),
        ("Reference", "reference", |s| &mut s.reference, true),
    ];
    for (label, field, get, multiline) in fields {
        let mut text = get(&mut source.clone()).clone();
        let response = text_row(ui, label, &mut text, multiline);
        if response.changed() {
            form.change(&format!("source {index} {field}"), |s| {
                if let Some(source) = s.sources.get_mut(index) {
                    *get(source) = text;
                }
            });
        }
        form.end_typing(&response);
        let mut field_path = path.to_vec();
        field_path.push(PathSegment::Field(field.to_owned()));
        field_problems_ui(
            ui,
            &response,
            &problems_at(form.problems.iter().copied(), &field_path),
        );
    }
}
