//! The main area: tabs for the three ways of looking at the parties, then the chosen one.

use egui::Ui;

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::settings::Page;

use super::issue_chart::Charted;
use super::{changes_page, columns, matrix, scales_page, widgets};

/// Draws the tabs and the chosen view; returns where the view is, for image exports.
pub(crate) fn pages_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let ViewContext {
        workspace,
        view,
        layout,
        analysis,
        ..
    } = *cx;
    let page = cx.settings.page;
    // Wrapped, so that in a narrow window the export buttons go below the tabs rather than
    // over them.
    ui.horizontal_wrapped(|ui| {
        for tab in Page::ALL {
            if ui.selectable_label(page == tab, tab.label()).clicked() && page != tab {
                commands.push(Command::SetPage(tab));
            }
        }
        ui.separator();
        let can_export = !workspace.negotiation.parties.is_empty() && !cx.view.exporting;
        if ui
            .add_enabled(
                can_export,
                egui::Button::new(UserCommand::ExportBrief.label()),
            )
            .on_hover_text(
                "Save the comparison of the parties shown as a Markdown or HTML brief, every \
                 quote cited",
            )
            .clicked()
        {
            commands.run(UserCommand::ExportBrief);
        }
        if ui
            .add_enabled(
                can_export,
                egui::Button::new(UserCommand::ExportFigure.label()),
            )
            .on_hover_text(
                "Save an issue's chart, every scale or the matrix as an SVG or PNG figure",
            )
            .clicked()
        {
            commands.run(UserCommand::ExportFigure);
        }
    });
    ui.separator();
    // The columns give a file that did not load a column of its own, and the common-ground
    // panel names it over the findings; without that panel, the other pages do.
    if page != Page::Columns && !cx.settings.show_common_ground {
        widgets::left_out_banner_ui(ui, &workspace.negotiation, commands);
    }
    // The columns also explain an empty negotiation or hidden parties.
    let charted = analysis.filter(|_| !layout.parties.is_empty());
    if page == Page::Changes {
        changes_page::changes_page_ui(ui, cx, commands);
        return;
    }
    match (page, charted) {
        (Page::Scales, Some(analysis)) => {
            let charted = Charted {
                now: analysis,
                earlier: cx.earlier,
            };
            scales_page::scales_page_ui(ui, workspace, view, charted, commands);
        }
        (Page::Matrix, Some(analysis)) => {
            matrix::matrix_ui(ui, workspace, view, analysis, commands);
        }
        _ => columns::columns_ui(ui, cx, commands),
    }
}
