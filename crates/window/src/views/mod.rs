//! One file per part of the window. Each `thing_ui` draws from a [`ViewContext`] it only
//! reads and pushes [`Command`](crate::command::Command)s for what the user does.

pub(crate) mod blocs;
mod changes_page;
pub(crate) mod columns;
pub(crate) mod common_ground;
pub(crate) mod drop_overlay;
pub(crate) mod editor;
mod export_dialog;
pub(crate) mod inspector;
pub(crate) mod issue_chart;
pub(crate) mod matrix;
pub(crate) mod menu_bar;
pub(crate) mod modals;
mod new_round_dialog;
pub(crate) mod notices;
pub(crate) mod pages;
mod prediction;
pub(crate) mod problems;
pub(crate) mod scale;
pub(crate) mod scales_page;
pub(crate) mod statement_rounds;
pub(crate) mod status_bar;
mod timeline;
pub(crate) mod toolbar;
mod trades;
pub(crate) mod widgets;

use common_ground_core::analysis::Analysis;
use common_ground_core::diff::Diff;
use common_ground_core::edit::History;
use common_ground_document::{Question, Workspace};

use crate::app::BlocShown;
use crate::command::Commands;
use crate::layout::ColumnLayout;
use crate::settings::Settings;
use crate::view_state::ViewState;

/// What every view reads, for one frame: the document, and the window's own state.
pub(crate) struct ViewContext<'a> {
    pub workspace: &'a Workspace,
    pub history: &'a History,
    /// The document's question waiting for an answer.
    pub question: Option<&'a Question>,
    pub settings: &'a Settings,
    pub view: &'a ViewState,
    pub layout: &'a ColumnLayout,
    /// At the round shown (the latest unless another is chosen).
    pub analysis: Option<&'a Analysis>,
    /// At the round compared with, for the ghosted ranges; and what changed since.
    pub earlier: Option<&'a Analysis>,
    pub changes: Option<&'a Diff>,
    /// Every declared bloc, how it is shown, and its members' divergence at the round shown.
    pub blocs: &'a [BlocShown],
}

/// The whole window: menus and bars, the side panels, the main view, then what goes over it.
pub(crate) fn window_ui(ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    menu_bar::menu_bar_ui(ui, cx, commands);
    toolbar::toolbar_ui(ui, cx, commands);
    timeline::timeline_ui(ui, cx, commands);
    status_bar::status_bar_ui(ui, cx, commands);
    problems::problems_ui(ui, cx, commands);
    if cx.settings.show_common_ground {
        common_ground::common_ground_ui(ui, cx, commands);
    }
    if cx.settings.show_inspector {
        inspector::inspector_ui(ui, cx, commands);
    }
    let page = egui::CentralPanel::default().show(ui, |ui| pages::pages_ui(ui, cx, commands));
    notices::notices_ui(ui, cx, page.response.rect, commands);
    modals::modals_ui(ui, cx, commands);
    drop_overlay::drop_overlay_ui(ui);
}
