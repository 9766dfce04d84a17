//! The predicted outcomes of an issue: their marks on the issue's chart (a diamond at the
//! weighted mean, a triangle at the weighted median, in the deadlock colour when a red line
//! refuses them), and the inspector's section that says how they are made and who moves them.

use egui::{Color32, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui};

use crate::style::status_colour;
use common_ground_core::analysis::{Analysis, IssueAnalysis, Predicted, Prediction, Status};
use common_ground_core::report::{number, prediction_words};
use common_ground_document::workspace::Workspace;

/// The marks' half width on the axis, as in the exported figures.
const MARK: f32 = 6.0;

fn mark_colour(prediction: &Prediction, which: Predicted, ui: &Ui) -> Color32 {
    if prediction.refused.iter().any(|r| r.prediction == which) {
        status_colour(Status::Deadlock, ui.visuals())
    } else {
        ui.visuals().strong_text_color()
    }
}

fn mark_points(which: Predicted, x: f32, y: f32) -> Vec<Pos2> {
    match which {
        Predicted::Mean => vec![
            Pos2::new(x, y - MARK),
            Pos2::new(x + MARK, y),
            Pos2::new(x, y + MARK),
            Pos2::new(x - MARK, y),
        ],
        Predicted::Median => vec![
            Pos2::new(x - MARK, y - MARK),
            Pos2::new(x + MARK, y - MARK),
            Pos2::new(x, y + MARK),
        ],
    }
}

/// Paints both predictions of `issue` across `lanes`, their marks on the axis line below, and
/// names each when hovered. `x` places a point of the scale.
pub(crate) fn paint_predictions(
    ui: &Ui,
    painter: &egui::Painter,
    issue: &IssueAnalysis,
    x: impl Fn(f64) -> f32,
    lanes: Rect,
) {
    let Some(prediction) = &issue.prediction else {
        return;
    };
    let axis = lanes.bottom() + 3.0;
    for which in [Predicted::Mean, Predicted::Median] {
        let value = prediction.value(which);
        let at = x(value);
        let colour = mark_colour(prediction, which, ui);
        painter.vline(
            at,
            lanes.y_range(),
            Stroke::new(1.0, colour.gamma_multiply(0.45)),
        );
        painter.add(Shape::convex_polygon(
            mark_points(which, at, axis),
            colour,
            Stroke::new(1.0, ui.visuals().extreme_bg_color),
        ));
        let hit = Rect::from_center_size(Pos2::new(at, axis), egui::vec2(MARK * 3.0, MARK * 3.0));
        let id = ui.scope_id().with(("prediction", &issue.issue, which.id()));
        let refused = if prediction.refused.iter().any(|r| r.prediction == which) {
            " It lies outside a red line: a warning, not an agreement."
        } else {
            ""
        };
        let words = format!(
            "Predicted: {} {} (model estimate from capability × salience).{refused}",
            which.label(),
            number(value)
        );
        let response = ui.interact(hit, id, Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &words));
        response.on_hover_text(words);
    }
}

/// The inspector's account of an issue's prediction: the numbers, what they are made of, who
/// would move them, and every red line they fall outside.
pub(crate) fn prediction_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    analysis: &Analysis,
    issue: &IssueAnalysis,
) {
    let Some(words) = prediction_words(&workspace.negotiation, analysis, issue) else {
        ui.weak("No predicted outcome: fewer than two parties are placed on the scale.");
        return;
    };
    ui.label(RichText::new(format!("Predicted: {}", words.summary)).strong());
    ui.weak("On the chart's axis, the diamond is the weighted mean and the triangle the weighted median.");
    ui.add(egui::Label::new(RichText::new(&words.basis).weak()).wrap());
    ui.add(egui::Label::new(RichText::new(&words.sensitivity).weak()).wrap());
    let warning = status_colour(Status::Deadlock, ui.visuals());
    for line in &words.warnings {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {line}")).color(warning)).wrap());
    }
}

/// The findings' short form: "predicted 56 / 80", in the warning colour when refused.
pub(crate) fn prediction_fact(issue: &IssueAnalysis, ui: &Ui) -> Option<RichText> {
    let prediction = issue.prediction.as_ref()?;
    let text = format!(
        "predicted {} (mean) / {} (median)",
        number(prediction.weighted_mean),
        number(prediction.weighted_median)
    );
    Some(if prediction.refused.is_empty() {
        RichText::new(text).weak()
    } else {
        RichText::new(format!("{text}, outside a red line"))
            .color(status_colour(Status::Deadlock, ui.visuals()))
    })
}
