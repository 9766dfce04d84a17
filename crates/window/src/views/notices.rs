//! What the window has to tell, floating over the bottom of the main view: it never pushes
//! the layout about, so a click aimed at an issue title lands on that title even as a notice
//! appears. Each notice stays until dismissed; a warning is never pushed out by news.

use egui::{Align2, RichText, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::view_state::NoticeAction;

pub(crate) fn notices_ui(ui: &Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    if cx.view.notices.is_empty() {
        return;
    }
    let width = (ui.ctx().content_rect().width() * 0.6).clamp(280.0, 720.0);
    egui::Area::new(egui::Id::unique("notices"))
        .anchor(Align2::CENTER_BOTTOM, [0.0, -36.0])
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            ui.set_width(width);
            for (index, shown) in cx.view.notices.iter().enumerate() {
                let notice = &shown.notice;
                let visuals = ui.visuals();
                let (accent, word) = if notice.is_warning {
                    (visuals.warn_fg_color, "Warning")
                } else {
                    (visuals.selection.stroke.color, "Note")
                };
                egui::Frame::popup(ui.style())
                    .stroke(egui::Stroke::new(1.5, accent))
                    .inner_margin(egui::Margin::symmetric(10, 6))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(word).strong().color(accent));
                            ui.add(egui::Label::new(&notice.text).wrap());
                        });
                        ui.horizontal(|ui| {
                            if shown.action == NoticeAction::Undo
                                && ui.small_button("Undo").clicked()
                            {
                                commands.run(UserCommand::Undo);
                                commands.push(Command::DismissNotice(index));
                            }
                            if ui.small_button("Dismiss").clicked() {
                                commands.push(Command::DismissNotice(index));
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
}
