//! Every problem found while loading, as `file:line:col: message`; those that point inside a
//! statement select it when clicked.

use egui::{RichText, ScrollArea, Ui};

use crate::app::workspace::Workspace;
use crate::app::{Command, Commands};
use crate::problem::{Position, Problem};

pub fn problems_ui(ui: &mut Ui, workspace: &Workspace, shown: bool, commands: &mut Commands) {
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
            ScrollArea::vertical()
                .id_salt("problems")
                .auto_shrink(false)
                .show(ui, |ui| {
                    if workspace.problems.is_empty() {
                        ui.weak(format!(
                            "No problems in the {} files loaded.",
                            workspace.files.len()
                        ));
                    }
                    for problem in &workspace.problems {
                        problem_row_ui(ui, workspace, problem, commands);
                    }
                });
        });
    if open != shown {
        commands.push(Command::SetProblemsShown(open));
    }
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

/// `file:line:col: message`, the form editors and terminals jump to.
pub fn located_message(problem: &Problem) -> String {
    let mut text = problem.file.display().to_string();
    if let Some(Position { line, col }) = problem.position {
        text.push_str(&format!(":{line}:{col}"));
    }
    text.push_str(": ");
    text.push_str(&problem.message);
    text
}

fn problem_row_ui(ui: &mut Ui, workspace: &Workspace, problem: &Problem, commands: &mut Commands) {
    ui.horizontal_top(|ui| {
        let (word, colour) = if problem.is_error() {
            ("error", ui.visuals().error_fg_color)
        } else {
            ("warning", ui.visuals().warn_fg_color)
        };
        ui.add_sized(
            [58.0, 16.0],
            egui::Label::new(RichText::new(word).color(colour).strong()),
        );
        let text = located_message(problem);
        match workspace.problem_statement(problem) {
            Some(key) => {
                let link = ui.add(
                    egui::Label::new(
                        RichText::new(text.clone())
                            .color(ui.visuals().hyperlink_color)
                            .underline(),
                    )
                    .sense(egui::Sense::click())
                    .wrap(),
                );
                let link = link.on_hover_cursor(egui::CursorIcon::PointingHand);
                link.context_menu(|ui| copy_button_ui(ui, &text));
                if link.on_hover_text("Show this statement").clicked() {
                    commands.push(Command::Select(key));
                }
            }
            None => {
                ui.add(egui::Label::new(text.clone()).wrap())
                    .context_menu(|ui| copy_button_ui(ui, &text));
            }
        }
    });
}

/// Right-click › Copy, so a path or message can go into an editor or a bug report.
fn copy_button_ui(ui: &mut Ui, text: &str) {
    if ui.button("Copy").clicked() {
        ui.copy_text(text.to_owned());
        ui.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_located_message_reads_file_line_column_message() {
        let problem = Problem::error(
            std::path::Path::new("data/us.ron"),
            "a closing bracket is missing",
        )
        .at_position(Position { line: 12, col: 5 });
        assert_eq!(
            located_message(&problem),
            "data/us.ron:12:5: a closing bracket is missing"
        );
        let whole_file = Problem::warning(std::path::Path::new("x.ron"), "no agenda");
        assert_eq!(located_message(&whole_file), "x.ron: no agenda");
    }
}
