//! Every problem found while loading, as `file:line:col: message`; those that point inside a
//! statement select it when clicked. Only the rows in view are built: a file with thousands
//! of warnings must not slow every frame.

use egui::{RichText, ScrollArea, TextStyle, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use common_ground_document::workspace::{ProblemRow, Workspace};

pub(crate) fn problems_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, shown) = (cx.workspace, cx.view.show_problems);
    let mut open = shown;
    egui::Panel::bottom("problems")
        .resizable(true)
        .default_size(130.0)
        .size_range(60.0..=480.0)
        .show_collapsible(ui, &mut open, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.strong("Problems");
                ui.weak(counts(workspace));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("Hide").clicked() {
                        commands.push(Command::SetProblemsShown(false));
                    }
                });
            });
            ui.separator();
            if workspace.problem_rows.is_empty() {
                ui.weak(format!(
                    "No problems in the {} files loaded.",
                    workspace.files.len()
                ));
                return;
            }
            let row_height = ui.text_style_height(&TextStyle::Body) + 6.0;
            let lines = visible_lines(ui, &workspace.problem_rows);
            ScrollArea::vertical()
                .id_salt("problems")
                .auto_shrink(false)
                .show_rows(ui, row_height, lines.len(), |ui, range| {
                    for line in lines.get(range).unwrap_or_default() {
                        match *line {
                            Line::Problem(index) => {
                                if let Some(row) = workspace.problem_rows.get(index) {
                                    problem_row_ui(ui, row, row_height, commands);
                                }
                            }
                            Line::Fold { cause, open } => {
                                if let Some(row) = workspace.problem_rows.get(cause) {
                                    fold_ui(ui, row, open, row_height);
                                }
                            }
                        }
                    }
                });
        });
    if open != shown {
        commands.push(Command::SetProblemsShown(open));
    }
}

/// A line of the panel: a problem, or the fold that hides the warnings following from an
/// error.
enum Line {
    Problem(usize),
    Fold { cause: usize, open: bool },
}

/// Whether the warnings that follow from an error are shown: folded at first, since they
/// say again what the error says.
fn fold_id(row: &ProblemRow) -> egui::Id {
    egui::Id::unique(("knock-on warnings", &row.text))
}

/// The lines in view: each error, a fold line under one with knock-on warnings, and those
/// warnings only when it is open.
fn visible_lines(ui: &Ui, rows: &[ProblemRow]) -> Vec<Line> {
    let mut lines = Vec::with_capacity(rows.len());
    let mut open_causes = std::collections::HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        if let Some(cause) = row.caused_by {
            if open_causes.contains(&cause) {
                lines.push(Line::Problem(index));
            }
            continue;
        }
        lines.push(Line::Problem(index));
        if row.knock_ons > 0 {
            let open = ui.data(|data| data.get_temp(fold_id(row)).unwrap_or(false));
            if open {
                open_causes.insert(index);
            }
            lines.push(Line::Fold { cause: index, open });
        }
    }
    lines
}

/// "Show the 11 warnings that follow from this error": a click shows or hides them.
fn fold_ui(ui: &mut Ui, cause: &ProblemRow, open: bool, height: f32) {
    ui.horizontal(|ui| {
        ui.set_height(height);
        ui.add_space(62.0);
        let count = cause.knock_ons;
        let warnings = if count == 1 {
            "the warning that follows".to_owned()
        } else {
            format!("the {count} warnings that follow")
        };
        let text = format!(
            "{} {warnings} from this error",
            if open { "Hide" } else { "Show" }
        );
        let response = ui
            .add(
                egui::Label::new(
                    RichText::new(text)
                        .color(ui.visuals().hyperlink_color)
                        .underline(),
                )
                .sense(egui::Sense::click()),
            )
            .on_hover_text("Each of them goes away once the file loads");
        if response.clicked() {
            ui.data_mut(|data| data.insert_temp(fold_id(cause), !open));
        }
    });
}

fn counts(workspace: &Workspace) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}",
        plural(workspace.error_count(), "error"),
        plural(workspace.warning_count(), "warning")
    )
}

/// One line per problem, cut short at the panel's edge; the whole text shows on hover and can
/// be copied.
fn problem_row_ui(ui: &mut Ui, row: &ProblemRow, height: f32, commands: &mut Commands) {
    ui.horizontal(|ui| {
        ui.set_height(height);
        let (word, colour) = if row.is_error {
            ("error", ui.visuals().error_fg_color)
        } else {
            ("warning", ui.visuals().warn_fg_color)
        };
        ui.add_sized(
            [58.0, height],
            egui::Label::new(RichText::new(word).color(colour).strong()),
        );
        let response = match row.statement {
            Some(key) => {
                let link = ui
                    .add(
                        egui::Label::new(
                            RichText::new(&row.text)
                                .color(ui.visuals().hyperlink_color)
                                .underline(),
                        )
                        .sense(egui::Sense::click())
                        .truncate(),
                    )
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                if link.clicked() {
                    commands.push(Command::Follow(key));
                }
                link.on_hover_text(format!("{}\n\nClick to show this statement.", row.text))
            }
            // A label cut short shows its whole text on hover by itself.
            None => ui.add(egui::Label::new(&row.text).truncate()),
        };
        response.context_menu(|ui| copy_button_ui(ui, &row.text));
    });
}

/// Right-click › Copy, so a path or message can go into an editor or a bug report.
fn copy_button_ui(ui: &mut Ui, text: &str) {
    if ui.button("Copy").clicked() {
        ui.copy_text(text.to_owned());
        ui.close();
    }
}
