//! The forms that edit a statement, a party's details and an agenda issue, in the inspector.
//! Each widget edits a copy of what is on file; a change becomes a [`Command::Edit`] carrying
//! the whole edited item, applied and recorded for undo after the frame. What validation finds
//! wrong is shown under the field it concerns, and nothing is blocked by it.

mod issue;
mod party;
mod statement;

use egui::{DragValue, Grid, Response, RichText, Slider, TextEdit, Ui};

use common_ground_core::model::{SCALE_MAX, SCALE_MIN};
use common_ground_core::problem::{FieldPath, PathSegment, Problem};

pub(crate) use issue::issue_editor_ui;
pub(crate) use party::party_editor_ui;
pub(crate) use statement::statement_editor_ui;

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

/// The problems whose field path ends at a field of this name: `name` for `party.name`,
/// `title` for `issues[3].title`.
fn problems_named<'a>(problems: &[&'a Problem], field: &str) -> Vec<&'a Problem> {
    problems
        .iter()
        .copied()
        .filter(|problem| {
            problem.path.as_ref().is_some_and(
                |path| matches!(path.0.last(), Some(PathSegment::Field(name)) if name == field),
            )
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
