//! The export dialog: what to export (the brief, or which figure), in which format and
//! colours, before the save dialog asks where.

use egui::Ui;

use common_ground_core::figure::{FigureKind, Theme, chart};

use super::ViewContext;
use crate::command::{Command, Commands};
use common_ground_interchange::TargetFormat;

use crate::export::{BriefFormat, ExportChoice, Exported, FigureFormat};

pub(crate) fn export_dialog_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    choice: &ExportChoice,
    commands: &mut Commands,
) {
    ui.set_min_width(440.0);
    let mut changed = choice.clone();
    match &mut changed.exported {
        Exported::Brief(format) => {
            ui.heading("Export brief");
            ui.label("The comparison of the parties shown, every quote cited.");
            ui.add_space(6.0);
            ui.radio_value(format, BriefFormat::Markdown, "Markdown")
                .on_hover_text("Plain text with light markup: for editing, e-mail or a wiki");
            ui.radio_value(format, BriefFormat::Html, "HTML page")
                .on_hover_text(
                    "One file that opens offline in any browser and prints, with a chart \
                     beside each finding",
                );
        }
        Exported::Figure(kind, format) => {
            ui.heading("Export figure");
            ui.label("Drawn whole from the analysis, with a title, legend and sources.");
            ui.add_space(6.0);
            figure_choice_ui(ui, cx, kind);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label("Format:");
                ui.radio_value(format, FigureFormat::Svg, "SVG")
                    .on_hover_text("Vector with real text: prints sharp at any size");
                ui.radio_value(format, FigureFormat::Png, "PNG")
                    .on_hover_text("An image for slides and documents");
            });
            if *format == FigureFormat::Png {
                ui.horizontal(|ui| {
                    ui.label("Size:");
                    ui.radio_value(&mut changed.scale, 1, "1×");
                    ui.radio_value(&mut changed.scale, 2, "2× (print, sharp screens)");
                });
            }
        }
        Exported::Tables(format) => {
            ui.heading("Export tables");
            ui.label(
                "Every party's statements in every round, with their sources, and the matrix \
                 of issues × parties: the data itself, whatever the window shows.",
            );
            ui.add_space(6.0);
            ui.radio_value(format, TargetFormat::Xlsx, "Excel workbook (XLSX)")
                .on_hover_text("One file, a sheet per table; opens in Excel and LibreOffice");
            ui.radio_value(format, TargetFormat::Csv, "CSV files")
                .on_hover_text("The statements in the file you name, each other table beside it");
            ui.radio_value(format, TargetFormat::Decide, "DECIDE table")
                .on_hover_text(
                    "The DECIDE exchange model's input: a position, salience and power per \
                     party and issue; what it cannot hold is listed after",
                );
        }
    }
    let themed = !matches!(
        changed.exported,
        Exported::Brief(BriefFormat::Markdown) | Exported::Tables(_)
    );
    if themed {
        ui.horizontal(|ui| {
            ui.label("Colours:");
            ui.radio_value(&mut changed.theme, Theme::Light, "Light");
            ui.radio_value(&mut changed.theme, Theme::Dark, "Dark");
        });
    }
    if changed != *choice {
        commands.push(Command::SetExportChoice(changed.clone()));
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            commands.push(Command::Export(changed.clone()));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::CloseModal);
        }
    });
}

/// Which figure: one issue's chart (picked from the issues compared), every scale, or the
/// matrix.
fn figure_choice_ui(ui: &mut Ui, cx: &ViewContext<'_>, kind: &mut FigureKind) {
    let issues: Vec<(&str, &str)> = cx.analysis.map_or_else(Vec::new, |analysis| {
        analysis
            .issues
            .iter()
            .map(|issue| {
                (
                    issue.issue.as_str(),
                    chart::issue_title(&cx.workspace.negotiation, issue),
                )
            })
            .collect()
    });
    ui.radio_value(kind, FigureKind::Scales, "Every issue's scale on one sheet");
    ui.radio_value(kind, FigureKind::Matrix, "The matrix of issues × parties");
    let chosen_issue = match kind {
        FigureKind::Issue(id) => Some(id.clone()),
        _ => None,
    };
    let first = issues.first().map(|(id, _)| (*id).to_owned());
    ui.horizontal(|ui| {
        let on_issue = chosen_issue.is_some();
        let radio = ui.radio(on_issue, "One issue's chart:");
        if radio.clicked()
            && !on_issue
            && let Some(first) = &first
        {
            *kind = FigureKind::Issue(first.clone());
        }
        let shown = chosen_issue.as_deref().or(first.as_deref()).unwrap_or("");
        let title = issues
            .iter()
            .find(|(id, _)| *id == shown)
            .map_or(shown, |(_, title)| *title);
        egui::ComboBox::from_id_salt("export issue")
            .selected_text(title)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (id, title) in &issues {
                    if ui.selectable_label(shown == *id, *title).clicked() {
                        *kind = FigureKind::Issue((*id).to_owned());
                    }
                }
            })
            .response
            .labelled_by(radio.id);
    });
}
