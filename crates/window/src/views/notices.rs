//! What the window has to tell, floating over the bottom of the main view: it never pushes
//! the layout about, so a click aimed at an issue title lands on that title even as a notice
//! appears. Each notice stays until dismissed; a warning is never pushed out by news. A
//! deletion's notice, with its Undo, goes where the statement was shown: the inspector.

use common_ground_document::Level;
use egui::{Align2, RichText, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::view_state::{NoticeAction, ShownNotice};

/// Draws the notices at the foot of `main`, the main view, so that they cover neither the
/// problems panel nor the status bar they may be about.
pub(crate) fn notices_ui(ui: &Ui, cx: &ViewContext<'_>, main: egui::Rect, commands: &mut Commands) {
    let floating: Vec<(usize, &ShownNotice)> = cx
        .view
        .notices
        .iter()
        .enumerate()
        .filter(|(_, shown)| !(shown.action == NoticeAction::Undo && cx.settings.show_inspector))
        .collect();
    if floating.is_empty() {
        return;
    }
    let width = (main.width() * 0.9).clamp(240.0, 720.0);
    egui::Area::new(egui::Id::unique("notices"))
        .pivot(Align2::CENTER_BOTTOM)
        .fixed_pos(main.center_bottom() - egui::vec2(0.0, 12.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            ui.set_width(width);
            for (index, shown) in floating {
                notice_ui(ui, index, shown, commands);
                ui.add_space(4.0);
            }
        });
}

/// The notices that carry an Undo, for the inspector to show where the statement was.
pub(crate) fn undo_notices_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    for (index, shown) in cx.view.notices.iter().enumerate() {
        if shown.action == NoticeAction::Undo {
            notice_ui(ui, index, shown, commands);
            ui.add_space(4.0);
        }
    }
}

/// One notice: what kind, what it says, its button and Dismiss.
fn notice_ui(ui: &mut Ui, index: usize, shown: &ShownNotice, commands: &mut Commands) {
    let notice = &shown.notice;
    let visuals = ui.visuals();
    let (accent, word) = match notice.level {
        Level::Error => (visuals.error_fg_color, "Error"),
        Level::Warning => (visuals.warn_fg_color, "Warning"),
        Level::Info => (visuals.selection.stroke.color, "Note"),
    };
    egui::Frame::popup(ui.style())
        .stroke(egui::Stroke::new(1.5, accent))
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(word).strong().color(accent));
                ui.add(egui::Label::new(&notice.text).wrap());
            });
            ui.horizontal(|ui| {
                // Any change to the history, this undo included, takes the notice away.
                if shown.action == NoticeAction::Undo && ui.small_button("Undo").clicked() {
                    commands.run(UserCommand::Undo);
                }
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::DismissNotice(index));
                }
            });
        });
}
