//! Small marks drawn in several views: kind tags, firmness blocks, salience bars, swatches,
//! text with search matches highlighted, and the banner naming files left out.

use std::borrow::Cow;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2,
    Visuals,
};

use crate::command::{Command, Commands};
use crate::filter::find_matches;
use crate::style::{firmness_level, kind_colour, kind_tag, match_background};
use common_ground_core::model::{Firmness, Kind};
use common_ground_core::negotiation::Negotiation;

pub(crate) fn colour_swatch(ui: &mut Ui, colour: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    response
}

/// Paints a kind's tag with its left edge at `left_centre`; returns the tag's rectangle.
pub(crate) fn paint_kind_tag(
    painter: &Painter,
    left_centre: Pos2,
    kind: Kind,
    visuals: &Visuals,
) -> Rect {
    let colour = kind_colour(kind, visuals);
    let galley = painter.layout_no_wrap(
        kind_tag(kind),
        FontId::proportional(10.5),
        if visuals.dark_mode {
            Color32::BLACK
        } else {
            Color32::WHITE
        },
    );
    let size = galley.size() + Vec2::new(10.0, 3.0);
    let rect = Rect::from_min_size(left_centre - Vec2::new(0.0, size.y / 2.0), size);
    painter.rect_filled(rect, CornerRadius::same(3), colour);
    painter.galley(rect.min + Vec2::new(5.0, 1.5), galley, Color32::PLACEHOLDER);
    rect
}

/// A kind tag as a widget, for places laid out by egui rather than painted.
pub(crate) fn kind_tag_ui(ui: &mut Ui, kind: Kind) -> egui::Response {
    let galley_width = ui
        .painter()
        .layout_no_wrap(kind_tag(kind), FontId::proportional(10.5), Color32::WHITE)
        .size();
    let size = galley_width + Vec2::new(10.0, 3.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    paint_kind_tag(ui.painter(), rect.left_center(), kind, ui.visuals());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, kind.label()));
    response
}

/// Three blocks, filled from flexible (one) to non-negotiable (three), then the word unless
/// room is short. Returns the right edge.
pub(crate) fn paint_firmness(
    painter: &Painter,
    left_centre: Pos2,
    (firmness, with_word): (Firmness, bool),
    visuals: &Visuals,
) -> f32 {
    let colour = visuals.strong_text_color();
    let block = Vec2::new(5.0, 9.0);
    let mut x = left_centre.x;
    for level in 1..=3 {
        let rect = Rect::from_center_size(Pos2::new(x + block.x / 2.0, left_centre.y), block);
        if level <= firmness_level(firmness) {
            painter.rect_filled(rect, 1.0, colour);
        } else {
            painter.rect_stroke(
                rect,
                1.0,
                Stroke::new(1.0, colour.gamma_multiply(0.6)),
                egui::StrokeKind::Inside,
            );
        }
        x += block.x + 2.0;
    }
    if !with_word {
        return x - 2.0;
    }
    let text = painter.text(
        Pos2::new(x + 3.0, left_centre.y),
        Align2::LEFT_CENTER,
        firmness.label(),
        FontId::proportional(11.0),
        visuals.text_color(),
    );
    text.right()
}

const SALIENCE_BAR_WIDTH: f32 = 30.0;

/// The word "salience", a short bar filled to the salience (0–100) and the number, laid out
/// so their width is known before they are painted.
pub(crate) struct SalienceMark {
    /// `None` once dropped for room: the bar and the number still say it, and a card's
    /// tooltip names it.
    word: Option<std::sync::Arc<egui::Galley>>,
    number: std::sync::Arc<egui::Galley>,
    salience: f64,
}

impl SalienceMark {
    pub(crate) fn new(painter: &Painter, salience: f64, visuals: &Visuals) -> Self {
        SalienceMark {
            word: Some(painter.layout_no_wrap(
                "salience".to_owned(),
                FontId::proportional(10.5),
                visuals.weak_text_color(),
            )),
            number: painter.layout_no_wrap(
                format!("{salience:.0}"),
                FontId::monospace(10.5),
                visuals.text_color(),
            ),
            salience,
        }
    }

    pub(crate) fn width(&self) -> f32 {
        let word = self.word.as_ref().map_or(0.0, |word| word.size().x + 4.0);
        word + SALIENCE_BAR_WIDTH + 4.0 + self.number.size().x
    }

    /// The mark without the word, where room is short.
    pub(crate) fn without_word(mut self) -> Self {
        self.word = None;
        self
    }

    /// Paints the mark right-aligned at `right_centre`.
    pub(crate) fn paint(self, painter: &Painter, right_centre: Pos2, visuals: &Visuals) {
        let y = right_centre.y;
        let number_left = right_centre.x - self.number.size().x;
        let track = Rect::from_min_max(
            Pos2::new(number_left - 4.0 - SALIENCE_BAR_WIDTH, y - 3.0),
            Pos2::new(number_left - 4.0, y + 3.0),
        );
        painter.rect_filled(track, 2.0, visuals.extreme_bg_color);
        painter.rect_stroke(
            track,
            2.0,
            Stroke::new(1.0, visuals.weak_text_color()),
            egui::StrokeKind::Inside,
        );
        let filled = (self.salience.clamp(0.0, 100.0) / 100.0) as f32 * SALIENCE_BAR_WIDTH;
        painter.rect_filled(
            Rect::from_min_size(track.min, Vec2::new(filled, track.height())),
            2.0,
            visuals.strong_text_color(),
        );
        if let Some(word) = self.word {
            let word_left = track.left() - 4.0 - word.size().x;
            painter.galley(
                Pos2::new(word_left, y - word.size().y / 2.0),
                word,
                visuals.weak_text_color(),
            );
        }
        painter.galley(
            Pos2::new(number_left, y - self.number.size().y / 2.0),
            self.number,
            visuals.text_color(),
        );
    }
}

/// `text` laid out to `width`, at most `max_rows` rows (0 for no limit), with every match
/// of `needle` (lower case) highlighted.
pub(crate) fn highlighted_text(
    text: &str,
    needle: &str,
    format: TextFormat,
    visuals: &Visuals,
    width: f32,
    max_rows: usize,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut highlight = format.clone();
    highlight.background = match_background(visuals);
    if visuals.dark_mode {
        highlight.color = Color32::WHITE;
    } else {
        highlight.color = Color32::BLACK;
    }
    let mut at = 0;
    for found in find_matches(text, needle) {
        job.append(&text[at..found.start], 0.0, format.clone());
        job.append(&text[found.clone()], 0.0, highlight.clone());
        at = found.end;
    }
    job.append(&text[at..], 0.0, format);
    job.wrap = TextWrapping {
        max_width: width,
        max_rows: if max_rows == 0 { usize::MAX } else { max_rows },
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    job
}

/// Over the findings: each file that did not load, why, and Retry, so that no conclusion
/// drawn without it looks whole. Nothing when every file loaded.
pub(crate) fn left_out_banner_ui(ui: &mut Ui, negotiation: &Negotiation, commands: &mut Commands) {
    for file in &negotiation.left_out {
        let visuals = ui.visuals();
        egui::Frame::new()
            .fill(visuals.error_fg_color.gamma_multiply(0.06))
            .stroke(egui::Stroke::new(1.0, visuals.error_fg_color))
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let name = file.file_name();
                ui.label(
                    RichText::new(format!(
                        "{name} could not be read: these conclusions leave it out."
                    ))
                    .strong()
                    .color(ui.visuals().error_fg_color),
                );
                ui.add(egui::Label::new(RichText::new(&file.reason).size(12.0)).wrap());
                if ui
                    .small_button("Retry")
                    .on_hover_text(format!("Read {name} again"))
                    .clicked()
                {
                    commands.push(Command::Retry(file.path.clone()));
                }
            });
        ui.add_space(4.0);
    }
}

/// Draws `add` only while the space it took when last drawn is in view; out of view, it only
/// takes that space again. A long list in a scroll area (the findings of sixty issues) then
/// costs what its visible part costs, even in the frame after every text in it changed, as
/// when another round is shown. An entry out of view keeps the height it had when last drawn
/// until it scrolls back in, so the scroll bar may be a few points off until then.
pub(crate) fn in_view_ui(ui: &mut Ui, id: egui::Id, add: impl FnOnce(&mut Ui)) {
    let width = ui.available_width();
    let last = ui.data(|data| data.get_temp::<Vec2>(id));
    if let Some(size) = last.filter(|size| size.x == width) {
        let rect = Rect::from_min_size(ui.cursor().min, size);
        if !ui.is_rect_visible(rect) {
            ui.allocate_space(size);
            return;
        }
    }
    let drawn = ui.scope(add).response.rect;
    ui.data_mut(|data| data.insert_temp(id, Vec2::new(width, drawn.height())));
}

/// Text of a size a line or a card shows: a card's two rows hold far less than this.
pub(crate) const CARD_TEXT: usize = 600;
/// Text of a size a panel shows whole: a few screens of it.
pub(crate) const PANEL_TEXT: usize = 5_000;

/// `text` cut to its first `max_chars` characters, saying how much is left out; whole when it
/// is shorter. A summary of ten megabytes in one line would otherwise be laid out glyph by
/// glyph in every place that shows it, and the window would stand still for seconds.
pub(crate) fn clipped(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => {
            let left_out = text[end..].chars().count();
            Cow::Owned(format!(
                "{}… ({left_out} more characters, in the file and the editor)",
                &text[..end]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_at_a_character_and_says_how_much_is_left_out() {
        assert_eq!(clipped("short", 5), "short");
        assert_eq!(
            clipped("café au lait", 4),
            "café… (8 more characters, in the file and the editor)"
        );
        assert!(matches!(clipped("", 0), Cow::Borrowed("")));
    }
}
