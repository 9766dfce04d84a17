//! Says what will happen while files are dragged over the window.

use egui::{Align2, Color32, FontId, LayerId, Order, Ui};

pub(crate) fn drop_overlay_ui(ui: &Ui) {
    let hovering = ui.input(|i| i.raw.hovered_files.len());
    if hovering == 0 {
        return;
    }
    let painter = ui.layer_painter(LayerId::new(
        Order::Foreground,
        egui::Id::unique("drop overlay"),
    ));
    let screen = ui.content_rect();
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        "Drop to open these files and folders",
        FontId::proportional(24.0),
        Color32::WHITE,
    );
}
