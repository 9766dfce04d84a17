//! A column for each party file that did not load, where its party would be: the file's
//! name, why it could not be read and Retry, so that the columns beside it never look like
//! the whole negotiation.

use egui::{Align2, FontId, Rect, RichText, Stroke, Ui, Vec2};

use common_ground_core::negotiation::LeftOut;
use common_ground_document::Workspace;

use super::{Board, CARD_MARGIN};
use crate::command::{Command, Commands};

/// The party files among the files left out; the agenda's absence is told elsewhere.
pub(super) fn left_out_parties(workspace: &Workspace) -> Vec<&LeftOut> {
    workspace
        .negotiation
        .left_out
        .iter()
        .filter(|file| file.is_party_file())
        .collect()
}

/// Draws the columns of the files left out after the party columns, over the visible part
/// of the board.
pub(super) fn left_out_columns_ui(
    ui: &mut Ui,
    board: &Board<'_>,
    viewport: Rect,
    files: &[&LeftOut],
    commands: &mut Commands,
) {
    let geometry = &board.geometry;
    let top = geometry.origin.y + viewport.min.y;
    let bottom = geometry.origin.y + viewport.max.y;
    for (i, file) in files.iter().enumerate() {
        let column = board.layout.parties.len() + i;
        let left = geometry.origin.x + column as f32 * geometry.column_width;
        let rect = Rect::from_x_y_ranges(left..=left + geometry.column_width, top..=bottom)
            .shrink2(Vec2::new(CARD_MARGIN, 3.0));
        let visuals = ui.visuals();
        let error = visuals.error_fg_color;
        ui.painter()
            .rect_filled(rect, 6.0, error.gamma_multiply(0.08));
        ui.painter().rect_stroke(
            rect,
            6.0,
            Stroke::new(1.0, error.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
        let inner = rect.shrink(10.0);
        let name = file.file_name();
        // The party's name is not known: the file's stands for it.
        ui.painter().text(
            inner.left_top(),
            Align2::LEFT_TOP,
            &name,
            FontId::proportional(17.0),
            visuals.strong_text_color(),
        );
        let body = Rect::from_min_max(inner.left_top() + Vec2::new(0.0, 26.0), inner.max);
        ui.scope_builder(egui::UiBuilder::new().max_rect(body), |ui| {
            ui.label(
                RichText::new("Could not be read: this party is left out of every finding.")
                    .color(error)
                    .strong(),
            );
            ui.add(egui::Label::new(RichText::new(&file.reason).size(12.0)).wrap());
            ui.add_space(4.0);
            if ui
                .button("Retry")
                .on_hover_text(format!(
                    "Read {name} again; fixing it in an editor brings it back by itself"
                ))
                .clicked()
            {
                commands.push(Command::Retry(file.path.clone()));
            }
        });
    }
}
