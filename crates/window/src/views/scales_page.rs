//! Every issue's scale chart on one sheet, small, so a reader sees all the zones of agreement
//! and all the gaps in one scroll.

use egui::{Frame, Margin, RichText, ScrollArea, Ui, Vec2};

use crate::command::{Command, Commands};
use crate::style::status_colour;
use crate::view_state::ViewState;
use common_ground_core::analysis::IssueAnalysis;
use common_ground_core::rounds::Rounds;
use common_ground_document::workspace::Workspace;

use super::issue_chart::{ChartSize, Charted, anchors_of, issue_chart_ui, status_words};

/// A chart narrower than this cannot tell its bands apart.
const MIN_CHART_WIDTH: f32 = 340.0;
const GAP: f32 = 12.0;

pub(crate) fn scales_page_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    charted: Charted<'_>,
    commands: &mut Commands,
) {
    let analysis = charted.now;
    let issues: Vec<&IssueAnalysis> = analysis
        .issues
        .iter()
        .map(AsRef::as_ref)
        .filter(|issue| {
            workspace
                .issue_group(&issue.issue)
                .is_none_or(|group| view.filters.shows_category(&group.category))
        })
        .collect();
    if issues.is_empty() {
        ui.weak("No issue in this category.");
        return;
    }
    if charted.earlier.is_some()
        && let Some(compared) = view.compared_round(workspace)
    {
        let rounds = Rounds::of(&workspace.negotiation);
        ui.weak(format!(
            "Dashed outlines: where each party stood at {}; arrows: how far it moved since.",
            rounds.label(compared)
        ));
    }
    // Large negotiations have many issues: once the height of a row is known, only the rows
    // in view are built.
    let available = ui.available_width() - ui.spacing().scroll.bar_width;
    let per_row = ((available + GAP) / (MIN_CHART_WIDTH + GAP))
        .floor()
        .max(1.0) as usize;
    let width = ((available + GAP) / per_row as f32 - GAP).floor();
    let rows: Vec<&[&IssueAnalysis]> = issues.chunks(per_row).collect();
    // Cards differ in height only when a title wraps or an issue lacks anchors: a row is as
    // tall as the tallest drawn so far at this width and filter, and rows drawn taller raise it.
    let height_id = ui.scope_id().with((
        "scales row height",
        width as i32,
        analysis.parties.len(),
        &view.filters.category,
    ));
    let known_height: Option<f32> = ui.data(|data| data.get_temp(height_id));
    let mut row_ui = |ui: &mut Ui, row: &[&IssueAnalysis], min_height: f32| -> f32 {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            ui.set_min_height(min_height);
            for issue in row {
                let layout = egui::Layout::top_down(egui::Align::Min);
                ui.allocate_ui_with_layout(Vec2::new(width, 0.0), layout, |ui| {
                    ui.set_width(width);
                    card_ui(ui, workspace, view, charted, &issue.issue, commands);
                });
            }
        })
        .response
        .rect
        .height()
    };
    let scroll = ScrollArea::vertical()
        .id_salt("scales page")
        .auto_shrink(false);
    let tallest = match known_height {
        Some(height) => {
            // `show_rows` adds the item spacing to each row; the rows here have none.
            let row_height = height + GAP - ui.spacing().item_spacing.y;
            scroll
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    let mut tallest: f32 = height;
                    for row in &rows[range] {
                        tallest = tallest.max(row_ui(ui, row, height));
                        ui.add_space(GAP);
                    }
                    tallest
                })
                .inner
        }
        None => {
            scroll
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    let mut tallest: f32 = 0.0;
                    for row in &rows {
                        tallest = tallest.max(row_ui(ui, row, 0.0));
                        ui.add_space(GAP);
                    }
                    tallest
                })
                .inner
        }
    };
    if known_height.is_none_or(|height| tallest > height + 0.5) {
        ui.data_mut(|data| data.insert_temp(height_id, tallest));
        ui.request_repaint();
    }
}

fn card_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    charted: Charted<'_>,
    issue_id: &str,
    commands: &mut Commands,
) {
    let Some(issue) = charted.now.issue(issue_id) else {
        return;
    };
    let title = workspace
        .issue_group(issue_id)
        .map_or(issue_id, |group| group.title.as_str());
    let selected = view.selected_issue.as_deref() == Some(issue_id);
    let visuals = ui.visuals();
    let stroke = if selected {
        visuals.selection.stroke
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let link = ui
                .link(RichText::new(title).strong().size(14.0))
                .on_hover_text("Show this issue in the columns");
            if link.clicked() {
                commands.push(Command::SelectIssue(issue_id.to_owned()));
            }
            ui.label(
                RichText::new(status_words(issue))
                    .size(12.0)
                    .color(status_colour(issue.status, ui.visuals())),
            );
            issue_chart_ui(
                ui,
                workspace,
                charted,
                issue_id,
                view.selected,
                ChartSize::Compact,
                commands,
            );
            // The ends of the scale, so the bands can be read without the inspector.
            let anchors = anchors_of(workspace, issue_id);
            if let (Some(low), Some(high)) = (anchors.first(), anchors.last()) {
                for anchor in [low, high] {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("{:.0}: {}", anchor.at, anchor.meaning))
                                .size(11.0)
                                .weak(),
                        )
                        .truncate(),
                    );
                }
            }
        });
}
