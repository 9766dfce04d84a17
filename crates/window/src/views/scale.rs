//! An issue's 0–100 scale with its anchors, a stance as a marker and a range as a band.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2,
};

use common_ground_core::model::{Anchor, Range, SCALE_MAX, SCALE_MIN};

const HEIGHT: f32 = 58.0;
const SIDE_PADDING: f32 = 12.0;

/// Draws the scale the width of `ui`, with the anchors listed under it.
pub(crate) fn scale_ui(
    ui: &mut Ui,
    anchors: &[Anchor],
    stance: Option<f64>,
    range: Option<&Range>,
    colour: Color32,
) {
    let width = ui.available_width().max(160.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, HEIGHT), Sense::hover());
    let description = describe_position(stance, range);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let left = rect.left() + SIDE_PADDING;
    let right = rect.right() - SIDE_PADDING;
    let to_x = |value: f64| {
        let t = ((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)).clamp(0.0, 1.0) as f32;
        left + t * (right - left)
    };
    let axis_y = rect.top() + 26.0;
    let axis = Stroke::new(1.5, visuals.weak_text_color());
    painter.hline(left..=right, axis_y, axis);
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = to_x(tick);
        painter.vline(x, axis_y - 3.0..=axis_y + 3.0, axis);
        painter.text(
            Pos2::new(x, axis_y + 16.0),
            Align2::CENTER_CENTER,
            format!("{tick:.0}"),
            FontId::monospace(10.0),
            visuals.weak_text_color(),
        );
    }
    for anchor in anchors {
        let x = to_x(anchor.at);
        painter.vline(
            x,
            axis_y - 7.0..=axis_y + 7.0,
            Stroke::new(2.0, visuals.text_color()),
        );
    }
    if let Some(range) = range {
        let band = Rect::from_x_y_ranges(
            to_x(range.min)..=to_x(range.max).max(to_x(range.min) + 2.0),
            axis_y - 7.0..=axis_y + 7.0,
        );
        painter.rect_filled(band, CornerRadius::same(3), colour.gamma_multiply(0.45));
        painter.rect_stroke(
            band,
            CornerRadius::same(3),
            Stroke::new(1.5, colour),
            StrokeKind::Inside,
        );
    }
    if let Some(stance) = stance {
        let centre = Pos2::new(to_x(stance), axis_y);
        painter.circle(
            centre,
            6.5,
            colour,
            Stroke::new(2.0, visuals.strong_text_color()),
        );
        painter.text(
            centre - Vec2::new(0.0, 13.0),
            Align2::CENTER_BOTTOM,
            format!("{stance:.0}"),
            FontId::proportional(11.0),
            visuals.strong_text_color(),
        );
    }
    response.on_hover_text(description);

    anchors_ui(ui, anchors);
}

/// What each named point of the scale means, one per line.
pub(crate) fn anchors_ui(ui: &mut Ui, anchors: &[Anchor]) {
    if anchors.is_empty() {
        return;
    }
    egui::Grid::new("scale anchors")
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for anchor in anchors {
                ui.monospace(format!("{:>3.0}", anchor.at));
                ui.add(egui::Label::new(&anchor.meaning).wrap());
                ui.end_row();
            }
        });
}

pub(crate) fn describe_position(stance: Option<f64>, range: Option<&Range>) -> String {
    match (stance, range) {
        (Some(stance), Some(range)) => format!(
            "Stance {stance:.0}, acceptable range {:.0}–{:.0}",
            range.min, range.max
        ),
        (Some(stance), None) => format!("Stance {stance:.0}, no acceptable range given"),
        (None, Some(range)) => format!(
            "No stance given, acceptable range {:.0}–{:.0}",
            range.min, range.max
        ),
        (None, None) => "No stance or range given".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_says_what_is_drawn() {
        let range = Range {
            min: 35.0,
            max: 45.0,
        };
        assert_eq!(
            describe_position(Some(40.0), Some(&range)),
            "Stance 40, acceptable range 35–45"
        );
        assert_eq!(
            describe_position(None, Some(&range)),
            "No stance given, acceptable range 35–45"
        );
        assert_eq!(
            describe_position(Some(5.0), None),
            "Stance 5, no acceptable range given"
        );
        assert_eq!(describe_position(None, None), "No stance or range given");
    }
}
