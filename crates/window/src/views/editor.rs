//! The forms that edit a statement, a party's details and an agenda issue, in the inspector.
//! Each widget edits a copy of what is on file; a change becomes a [`Command::Edit`] carrying
//! the whole edited item, applied and recorded for undo after the frame. What validation finds
//! wrong is shown under the field it concerns, and nothing is blocked by it.

use egui::{ComboBox, DragValue, Grid, Response, RichText, Slider, TextEdit, Ui};

use crate::command::{Command, Commands};
use crate::style::party_colour;
use common_ground_core::edit::Edit;
use common_ground_core::model::{
    AgendaIssue, Anchor, Condition, Firmness, Kind, Party, Range, SCALE_MAX, SCALE_MIN, Source,
    Statement, WaitsOn,
};
use common_ground_core::negotiation::StatementKey;
use common_ground_core::problem::{FieldPath, PathSegment, Problem};
use common_ground_document::workspace::Workspace;

use super::scale::scale_ui;

/// Width of the label column, the same in every part of a form, so the fields line up.
const LABEL_WIDTH: f32 = 92.0;

/// A form's grid: labels on the left, fields on the right.
fn form_grid(id: impl std::hash::Hash + std::fmt::Debug) -> Grid {
    Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 6.0])
        .min_col_width(LABEL_WIDTH)
}

/// A labelled row: the label, then the field, which is named by the label for screen readers.
fn row(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui) -> Response) -> Response {
    let label = ui.label(label);
    let response = add(ui).labelled_by(label.id);
    ui.end_row();
    response
}

/// A labelled text field the width of the form; `multiline` for prose such as quotes.
fn text_row(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) -> Response {
    row(ui, label, |ui| {
        let edit = if multiline {
            TextEdit::multiline(text).desired_rows(2)
        } else {
            TextEdit::singleline(text)
        };
        ui.add(edit.desired_width(f32::INFINITY))
    })
}

/// The problems validation found at `field` (and below it) of the item at `prefix`.
fn problems_at<'a>(
    problems: impl Iterator<Item = &'a Problem>,
    prefix: &[PathSegment],
) -> Vec<&'a Problem> {
    problems
        .filter(|problem| {
            problem
                .path
                .as_ref()
                .is_some_and(|path| path.0.starts_with(prefix))
        })
        .collect()
}

fn problems_ui(ui: &mut Ui, problems: &[&Problem]) {
    for problem in problems {
        let colour = if problem.is_error() {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.label(RichText::new(&problem.message).color(colour).size(12.0));
    }
}

/// Outlines a field that has problems, in red for an error, and says what they are on hover.
/// The form does not move as problems come and go: they are listed in words at its foot.
fn field_problems_ui(ui: &Ui, field: &Response, problems: &[&Problem]) {
    if problems.is_empty() {
        return;
    }
    let visuals = ui.visuals();
    let colour = if problems.iter().any(|problem| problem.is_error()) {
        visuals.error_fg_color
    } else {
        visuals.warn_fg_color
    };
    ui.painter().rect_stroke(
        field.rect.expand(2.0),
        egui::CornerRadius::same(3),
        egui::Stroke::new(1.5, colour),
        egui::StrokeKind::Outside,
    );
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    field.clone().on_hover_text(messages.join("\n"));
}

/// Everything wrong with the item being edited, at the foot of its form.
fn to_fix_ui(ui: &mut Ui, problems: &[&Problem]) {
    if problems.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new("To fix").strong());
    problems_ui(ui, problems);
}

fn segments(path: FieldPath) -> Vec<PathSegment> {
    path.0
}

/// Edits to one statement: each pushes the whole statement with one field changed.
struct StatementForm<'a> {
    key: StatementKey,
    original: &'a Statement,
    commands: &'a mut Commands,
}

impl StatementForm<'_> {
    fn change(&mut self, field: &str, change: impl FnOnce(&mut Statement)) {
        let mut statement = self.original.clone();
        change(&mut statement);
        if statement != *self.original {
            self.commands.push(Command::Edit {
                edit: Edit::Statement {
                    key: self.key,
                    statement,
                },
                field: Some(format!("{}/{}/{field}", self.key.party, self.key.statement)),
            });
        }
    }

    /// A change that is an undo step of its own, such as a choice from a list or a click.
    fn step(&mut self, change: impl FnOnce(&mut Statement)) {
        let mut statement = self.original.clone();
        change(&mut statement);
        if statement != *self.original {
            self.commands.push(Command::Edit {
                edit: Edit::Statement {
                    key: self.key,
                    statement,
                },
                field: None,
            });
        }
    }

    /// Leaving a field, or letting go of a slider, ends one undo step.
    fn end_typing(&mut self, response: &Response) {
        if response.lost_focus() || response.drag_stopped() {
            self.commands.push(Command::EndTyping);
        }
    }
}

pub fn statement_editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    key: StatementKey,
    statement: &Statement,
    focus: bool,
    commands: &mut Commands,
) {
    let party = &workspace.negotiation.parties[key.party].data;
    let colour = party_colour(&party.party.colour);
    let problems: Vec<&Problem> = workspace.problems_of(key).collect();
    let at = |field: &str| -> Vec<PathSegment> {
        segments(FieldPath::statement(key.statement).field(field))
    };
    let count = party.statements.len();

    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Duplicate")
            .on_hover_text("Add a copy of this statement below it")
            .clicked()
        {
            commands.push(Command::Duplicate(key));
        }
        if ui
            .add_enabled(key.statement > 0, egui::Button::new("Move up"))
            .on_hover_text("Earlier in the party's file and its column")
            .clicked()
        {
            commands.push(Command::Edit {
                edit: Edit::MoveStatement {
                    key,
                    to: key.statement - 1,
                },
                field: None,
            });
        }
        if ui
            .add_enabled(key.statement + 1 < count, egui::Button::new("Move down"))
            .on_hover_text("Later in the party's file and its column")
            .clicked()
        {
            commands.push(Command::Edit {
                edit: Edit::MoveStatement {
                    key,
                    to: key.statement + 1,
                },
                field: None,
            });
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
    ui.add_space(6.0);

    let mut form = StatementForm {
        key,
        original: statement,
        commands,
    };
    form_grid(("statement form", key.party, key.statement)).show(ui, |ui| {
        let mut id = statement.id.clone();
        let response = row(ui, "Id", |ui| {
            ui.add(TextEdit::singleline(&mut id).desired_width(f32::INFINITY))
        });
        if response.changed() {
            form.change("id", |s| s.id = id);
        }
        form.end_typing(&response);
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("id")),
        );

        let mut issue = statement.issue.clone();
        let response = row(ui, "Issue", |ui| {
            let title = workspace
                .issue_group(&issue)
                .map_or(issue.clone(), |group| group.title.clone());
            ComboBox::from_id_salt("statement issue")
                .selected_text(title)
                .width(ui.available_width())
                .truncate()
                .show_ui(ui, |ui| {
                    for group in &workspace.issues {
                        ui.selectable_value(&mut issue, group.id.clone(), &group.title);
                    }
                })
                .response
        });
        if issue != statement.issue {
            form.step(|s| s.issue = issue);
        }
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("issue")),
        );

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
        let response = row(ui, "Summary", |ui| {
            ui.add(
                TextEdit::multiline(&mut summary)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
        });
        if focus {
            response.request_focus();
        }
        if response.changed() {
            form.change("summary", |s| s.summary = summary);
        }
        form.end_typing(&response);
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("summary")),
        );
    });

    ui.add_space(6.0);
    ui.label(RichText::new("Place on the scale").strong());
    let anchors = workspace
        .agenda_issue(&statement.issue)
        .map_or(&[][..], |issue| issue.scale.as_slice());
    scale_ui(ui, &[], statement.stance, statement.range.as_ref(), colour);
    form_grid(("position form", key.party, key.statement)).show(ui, |ui| {
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
        if toggled.changed() {
            form.step(|s| s.stance = has_stance.then_some(stance));
        } else if response.changed() {
            form.change("stance", |s| s.stance = has_stance.then_some(stance));
        }
        form.end_typing(&response);
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("stance")),
        );

        let mut has_range = statement.range.is_some();
        let mut range = statement.range.unwrap_or(Range {
            min: SCALE_MIN,
            max: SCALE_MAX,
        });
        let from = ui.label("Accepts from");
        let (toggled, mut response) = ui
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
        response |= ui
            .horizontal(|ui| {
                ui.add_space(checkbox_width(ui));
                scale_value_ui(ui, to.id, &mut range.max, has_range)
            })
            .inner;
        ui.end_row();
        if toggled.changed() {
            form.step(|s| s.range = has_range.then_some(range));
        } else if response.changed() {
            form.change("range", |s| s.range = has_range.then_some(range));
        }
        form.end_typing(&response);
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("range")),
        );

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
        if response.changed() {
            form.change("salience", |s| s.salience = salience);
        }
        form.end_typing(&response);
        field_problems_ui(
            ui,
            &response,
            &problems_at(problems.iter().copied(), &at("salience")),
        );

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
    });
    if !anchors.is_empty() {
        ui.collapsing("What the scale means", |ui| {
            super::scale::anchors_ui(ui, anchors)
        });
    }

    ui.add_space(6.0);
    conditions_ui(ui, workspace, &mut form, &problems, &at("conditions"));
    ui.add_space(6.0);
    sources_ui(ui, &mut form, &problems, &at("sources"));
    to_fix_ui(ui, &problems);
}

/// A slider over the 0–100 scale with the number beside it, both named by `label`.
fn scale_value_ui(ui: &mut Ui, label: egui::Id, value: &mut f64, enabled: bool) -> Response {
    ui.add_enabled_ui(enabled, |ui| {
        ui.spacing_mut().slider_width = (ui.available_width() - 70.0).max(60.0);
        // Values typed outside 0–100 are kept, so that validation can say what is wrong.
        let slider = ui
            .add(
                Slider::new(value, SCALE_MIN..=SCALE_MAX)
                    .show_value(false)
                    .step_by(1.0)
                    .clamping(egui::SliderClamping::Never),
            )
            .labelled_by(label);
        let number = ui
            .add(DragValue::new(value).speed(1.0).max_decimals(1))
            .labelled_by(label);
        slider | number
    })
    .inner
}

/// The room a checkbox takes, so rows without one line up with rows that have one.
fn checkbox_width(ui: &Ui) -> f32 {
    ui.spacing().icon_width + ui.spacing().item_spacing.x
}

fn conditions_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    form: &mut StatementForm<'_>,
    problems: &[&Problem],
    at: &[PathSegment],
) {
    ui.label(RichText::new("Conditions").strong());
    let conditions = &form.original.conditions;
    for (index, condition) in conditions.iter().enumerate() {
        let mut path = at.to_vec();
        path.push(PathSegment::Index(index));
        let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            form_grid(("condition", index)).show(ui, |ui| {
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
                        s.conditions[index].text = text
                    });
                }
                form.end_typing(&response);

                let mut waits_on = condition.waits_on.clone();
                let mut party = waits_on.as_ref().map(|w| w.party.clone());
                row(ui, "Waits on", |ui| {
                    let shown = party
                        .as_deref()
                        .map_or("nobody in particular".to_owned(), |id| {
                            workspace
                                .negotiation
                                .party_index(id)
                                .map_or(id.to_owned(), |p| {
                                    workspace.negotiation.parties[p].data.party.name.clone()
                                })
                        });
                    ComboBox::from_id_salt(("waits on party", index))
                        .selected_text(shown)
                        .width(ui.available_width())
                        .truncate()
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut party, None, "nobody in particular");
                            for loaded in &workspace.negotiation.parties {
                                let id = loaded.data.party.id.clone();
                                ui.selectable_value(&mut party, Some(id), &loaded.data.party.name);
                            }
                        })
                        .response
                });
                let mut issue = waits_on
                    .as_ref()
                    .map_or_else(|| form.original.issue.clone(), |w| w.issue.clone());
                if waits_on.is_some() {
                    row(ui, "On issue", |ui| {
                        let title = workspace
                            .issue_group(&issue)
                            .map_or(issue.clone(), |g| g.title.clone());
                        ComboBox::from_id_salt(("waits on issue", index))
                            .selected_text(title)
                            .width(ui.available_width())
                            .truncate()
                            .show_ui(ui, |ui| {
                                for group in &workspace.issues {
                                    ui.selectable_value(&mut issue, group.id.clone(), &group.title);
                                }
                            })
                            .response
                    });
                }
                let chosen = party.map(|party| WaitsOn { party, issue });
                if chosen != waits_on {
                    waits_on = chosen;
                    form.step(|s| {
                        s.conditions[index].waits_on = waits_on;
                    });
                }
            });
            if ui.small_button("Remove condition").clicked() {
                form.step(|s| {
                    s.conditions.remove(index);
                });
            }
        });
        field_problems_ui(
            ui,
            &frame.response,
            &problems_at(problems.iter().copied(), &path),
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

fn sources_ui(
    ui: &mut Ui,
    form: &mut StatementForm<'_>,
    problems: &[&Problem],
    at: &[PathSegment],
) {
    ui.label(RichText::new("Sources").strong());
    for (index, source) in form.original.sources.iter().enumerate() {
        let mut path = at.to_vec();
        path.push(PathSegment::Index(index));
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            form_grid(("source", index)).show(ui, |ui| {
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
                            *get(&mut s.sources[index]) = text;
                        });
                    }
                    form.end_typing(&response);
                    let mut field_path = path.clone();
                    field_path.push(PathSegment::Field(field.to_owned()));
                    field_problems_ui(
                        ui,
                        &response,
                        &problems_at(problems.iter().copied(), &field_path),
                    );
                }
            });
            if ui.small_button("Remove source").clicked() {
                form.step(|s| {
                    s.sources.remove(index);
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

pub fn party_editor_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    party: usize,
    focus: bool,
    commands: &mut Commands,
) {
    let Some(loaded) = workspace.negotiation.parties.get(party) else {
        return;
    };
    let file = &loaded.data;
    let push = |commands: &mut Commands,
                field: &str,
                change: &dyn Fn(&mut Party, &mut String, &mut String)| {
        let mut details = file.party.clone();
        let mut as_of = file.as_of.clone();
        let mut summary = file.summary.clone();
        change(&mut details, &mut as_of, &mut summary);
        if details != file.party || as_of != file.as_of || summary != file.summary {
            commands.push(Command::Edit {
                edit: Edit::PartyDetails {
                    party,
                    details,
                    as_of,
                    summary,
                },
                field: Some(format!("party {party} {field}")),
            });
        }
    };
    let problems: Vec<&Problem> = workspace
        .problems
        .iter()
        .filter(|problem| {
            problem.file == loaded.path
                && problem.path.as_ref().is_some_and(
                    |p| !matches!(p.0.first(), Some(PathSegment::Field(f)) if f == "statements"),
                )
        })
        .collect();
    ui.label(
        RichText::new(loaded.path.display().to_string())
            .weak()
            .size(11.0),
    );
    form_grid(("party form", party)).show(ui, |ui| {
        type Field = for<'a> fn(&'a mut Party, &'a mut String, &'a mut String) -> &'a mut String;
        let texts: [(&str, &str, Field, bool); 5] = [
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
        ];
        for (label, field, get, multiline) in texts {
            let (mut p, mut a, mut s) =
                (file.party.clone(), file.as_of.clone(), file.summary.clone());
            let mut text = get(&mut p, &mut a, &mut s).clone();
            let response = text_row(ui, label, &mut text, multiline);
            if focus && field == "name" {
                response.request_focus();
            }
            if response.changed() {
                push(commands, field, &|p, a, s| *get(p, a, s) = text.clone());
            }
            if response.lost_focus() {
                commands.push(Command::EndTyping);
            }
            let matching: Vec<&Problem> = problems
                .iter()
                .copied()
                .filter(|problem| {
                    problem
                        .path
                        .as_ref()
                        .is_some_and(|p| p.0.last() == Some(&PathSegment::Field(field.to_owned())))
                })
                .collect();
            field_problems_ui(ui, &response, &matching);
        }

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
            let hex = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
            push(commands, "colour", &|p, _, _| p.colour = hex.clone());
        }
        field_problems_ui(
            ui,
            &response,
            &problems_at(
                problems.iter().copied(),
                &segments(FieldPath::root().field("party").field("colour")),
            ),
        );
    });
    to_fix_ui(ui, &problems);
}

pub fn issue_editor_ui(
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
    if index >= agenda.data.issues.len() {
        return;
    }
    let issue = &agenda.data.issues[index];
    let edit_issue =
        |commands: &mut Commands, field: Option<&str>, edit: &dyn Fn(&mut AgendaIssue)| {
            let mut edited = issue.clone();
            edit(&mut edited);
            if edited != *issue {
                commands.push(Command::Edit {
                    edit: Edit::AgendaIssue {
                        index,
                        issue: edited,
                    },
                    field: field.map(|field| format!("issue {index} {field}")),
                });
            }
        };
    // Typing into a field is one undo step; adding or removing an anchor is one of its own.
    let change = |commands: &mut Commands, field: &str, edit: &dyn Fn(&mut AgendaIssue)| {
        edit_issue(commands, Some(field), edit);
    };
    let step = |commands: &mut Commands, edit: &dyn Fn(&mut AgendaIssue)| {
        edit_issue(commands, None, edit);
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
    form_grid(("issue form", index)).show(ui, |ui| {
        type Field = fn(&mut AgendaIssue) -> &mut String;
        let texts: [(&str, &str, Field, bool); 4] = [
            ("Id", "id", |i| &mut i.id, false),
            ("Title", "title", |i| &mut i.title, false),
            ("Category", "category", |i| &mut i.category, false),
            ("Description", "description", |i| &mut i.description, true),
        ];
        for (label, field, get, multiline) in texts {
            let mut text = get(&mut issue.clone()).clone();
            let response = text_row(ui, label, &mut text, multiline);
            if focus && field == "title" {
                response.request_focus();
            }
            if response.changed() {
                change(commands, field, &|i| *get(i) = text.clone());
            }
            if response.lost_focus() {
                commands.push(Command::EndTyping);
            }
            let matching: Vec<&Problem> = problems
                .iter()
                .copied()
                .filter(|problem| {
                    problem
                        .path
                        .as_ref()
                        .is_some_and(|p| p.0.get(2) == Some(&PathSegment::Field(field.to_owned())))
                })
                .collect();
            field_problems_ui(ui, &response, &matching);
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new("Scale anchors").strong());
    ui.weak("What points of the 0–100 scale mean; 0 and 100 must be named.");
    // Measured before the grid: inside it, a width taken from what is available would grow
    // the column a little more every frame.
    let meaning_width = (ui.available_width() - 170.0).max(100.0);
    Grid::new(("anchors form", index))
        .num_columns(3)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (at, anchor) in issue.scale.iter().enumerate() {
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
                    change(commands, &format!("anchor {at} at"), &|i| {
                        i.scale[at].at = point
                    });
                }
                ui.horizontal(|ui| {
                    let mut meaning = anchor.meaning.clone();
                    let response = ui
                        .add(TextEdit::singleline(&mut meaning).desired_width(meaning_width))
                        .labelled_by(label.id);
                    if response.changed() {
                        change(commands, &format!("anchor {at} meaning"), &|i| {
                            i.scale[at].meaning = meaning.clone()
                        });
                    }
                    if response.lost_focus() {
                        commands.push(Command::EndTyping);
                    }
                    if ui.small_button("Remove").clicked() {
                        step(commands, &|i| {
                            i.scale.remove(at);
                        });
                    }
                });
                ui.end_row();
            }
        });
    if ui.button("Add anchor").clicked() {
        step(commands, &|i| {
            i.scale.push(Anchor {
                at: 50.0,
                meaning: String::new(),
            });
            i.scale.sort_by(|a, b| a.at.total_cmp(&b.at));
        });
    }
    to_fix_ui(ui, &problems);
}
