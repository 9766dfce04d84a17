//! An issue's title bar in the columns: its title, category and count, and its status for the
//! parties shown, which explains itself on hover. A click folds the issue; a right-click adds
//! a statement or edits the issue.

use egui::text::TextFormat;
use egui::{
    Color32, CornerRadius, FontId, Galley, Pos2, Rect, Response, Sense, Shape, Stroke, StrokeKind,
    Ui, Vec2, WidgetInfo,
};
use std::sync::Arc;

use common_ground_core::analysis::{Analysis, Status};
use common_ground_core::negotiation::StatementKey;
use common_ground_document::Workspace;
use common_ground_document::workspace::IssueGroup;

use super::Board;
use crate::command::{Command, Commands};
use crate::layout::IssueBlock;
use crate::style::status_colour;
use crate::views::issue_chart::status_words;

pub(super) fn issue_header_ui(
    ui: &Ui,
    rect: Rect,
    board: &Board<'_>,
    block_index: usize,
    commands: &mut Commands,
) {
    let Some(block) = board.layout.blocks.get(block_index) else {
        return;
    };
    let Some(group) = board.workspace.issues.get(block.group) else {
        return;
    };
    let id = ui.scope_id().with(("issue header", &group.id));
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Button, true, format!("Issue: {}", group.title))
    });
    let band = paint_band(ui, rect, board, group, &response);
    // When the columns scroll sideways, the title and status stay in the visible part.
    let band = Rect::from_x_y_ranges(
        band.left().max(ui.clip_rect().left())..=band.right().min(ui.clip_rect().right()),
        band.y_range(),
    );
    let centre_y = band.center().y;
    let visuals = ui.visuals();
    let painter = ui.painter();
    paint_disclosure(
        painter,
        Pos2::new(band.left() + 12.0, centre_y),
        !block.collapsed,
        visuals.strong_text_color(),
    );
    // The status matters most: it keeps its place at the right; the title is cut short
    // before it would push the status out of view, and the details give way first.
    let status = status_text(board.analysis, &group.id).map(|(status, text)| {
        let colour = status_colour(status, ui.visuals());
        let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(12.5), colour);
        (colour, text, galley)
    });
    let status_width = status
        .as_ref()
        .map_or(0.0, |(_, _, galley)| galley.size().x + 28.0);
    let title = paint_title(ui, band, group, status_width);
    let mut room_right = band.right() - 10.0;
    if let Some((colour, text, galley)) = status {
        let right = room_right.max(title.right() + 16.0 + galley.size().x);
        let outline = paint_status(ui, right, centre_y, colour, galley);
        room_right = outline.left() - 10.0;
        if let Some(analysis) = board.analysis {
            let badge = ui.interact(outline, id.with("status"), Sense::hover());
            badge.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &text));
            badge.on_hover_ui(|ui| status_details_ui(ui, board.workspace, analysis, &group.id));
        }
    }
    paint_details(ui, group, block, title, room_right);
    if response.clicked() {
        commands.push(Command::SetIssueCollapsed {
            issue: group.id.clone(),
            collapsed: !block.collapsed,
        });
    }
    issue_menu(&response, board, group, commands);
}

/// The bar behind the title, outlined when the issue itself is selected.
fn paint_band(
    ui: &Ui,
    rect: Rect,
    board: &Board<'_>,
    group: &IssueGroup,
    response: &Response,
) -> Rect {
    let visuals = ui.visuals();
    let fill = if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.widgets.noninteractive.weak_bg_fill
    };
    let band = rect.shrink2(Vec2::new(0.0, 2.0));
    let painter = ui.painter();
    painter.rect_filled(band, CornerRadius::same(3), fill);
    let view = board.view;
    if view.selected_issue.as_deref() == Some(group.id.as_str()) && view.selected.is_none() {
        painter.rect_stroke(
            band,
            CornerRadius::same(3),
            visuals.selection.stroke,
            StrokeKind::Inside,
        );
    }
    band
}

/// The title, cut short so that `status_width` is left at the right; returns where it went.
fn paint_title(ui: &Ui, band: Rect, group: &IssueGroup, status_width: f32) -> Rect {
    let visuals = ui.visuals();
    let title_left = band.left() + 24.0;
    let title_room = (band.right() - 10.0 - status_width - title_left).max(80.0);
    let mut job = egui::text::LayoutJob::single_section(
        group.title.clone(),
        TextFormat {
            font_id: FontId::proportional(15.0),
            color: visuals.strong_text_color(),
            ..TextFormat::default()
        },
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(title_room);
    let painter = ui.painter();
    let title_galley = painter.layout_job(job);
    let title = Rect::from_min_size(
        Pos2::new(title_left, band.center().y - title_galley.size().y / 2.0),
        title_galley.size(),
    );
    painter.galley(title.min, title_galley, visuals.strong_text_color());
    title
}

/// The status badge, ending at `right`; returns its outline.
fn paint_status(ui: &Ui, right: f32, centre_y: f32, colour: Color32, galley: Arc<Galley>) -> Rect {
    let min = Pos2::new(right - galley.size().x, centre_y - galley.size().y / 2.0);
    let outline = Rect::from_min_size(min, galley.size()).expand2(Vec2::new(6.0, 2.0));
    let painter = ui.painter();
    painter.rect_stroke(
        outline,
        CornerRadius::same(8),
        Stroke::new(1.2, colour),
        StrokeKind::Outside,
    );
    painter.galley(min, galley, colour);
    outline
}

/// Category (or "not on the agenda") and how many statements are shown, where there is room.
fn paint_details(ui: &Ui, group: &IssueGroup, block: &IssueBlock, title: Rect, room_right: f32) {
    let mut details = if group.agenda_index.is_none() {
        "not on the agenda".to_owned()
    } else {
        group.category.clone()
    };
    if !details.is_empty() {
        details.push_str("  ·  ");
    }
    details.push_str(&counted(block));
    let visuals = ui.visuals();
    let details = ui.painter().layout_no_wrap(
        details,
        FontId::proportional(12.0),
        visuals.weak_text_color(),
    );
    if title.right() + 12.0 + details.size().x <= room_right {
        let min = Pos2::new(
            title.right() + 12.0,
            title.center().y - details.size().y / 2.0,
        );
        ui.painter().galley(min, details, visuals.weak_text_color());
    }
}

/// Right-click: add a statement by any party shown, or edit the issue.
fn issue_menu(response: &Response, board: &Board<'_>, group: &IssueGroup, commands: &mut Commands) {
    response.context_menu(|ui| {
        for &party in &board.layout.parties {
            let Some(file) = board.workspace.negotiation.party(party) else {
                continue;
            };
            let name = &file.party.short_name;
            if ui.button(format!("Add a statement by {name}")).clicked() {
                commands.push(Command::AddStatement {
                    party,
                    issue: group.id.clone(),
                });
            }
        }
        if group.agenda_index.is_some() {
            ui.separator();
            if ui.button("Edit issue").clicked() {
                commands.push(Command::SelectIssue(group.id.clone()));
                commands.push(Command::SetEditing(true));
            }
        }
    });
}

/// The status of an issue for the shown parties, in words: "possible agreement 35–45".
fn status_text(analysis: Option<&Analysis>, issue: &str) -> Option<(Status, String)> {
    let issue = analysis?.issue(issue)?;
    let text = status_words(issue);
    let text = match issue.silent.len() {
        0 => text,
        1 => format!("{text} · 1 silent"),
        n => format!("{text} · {n} silent"),
    };
    // What else an untested overlap waits on: parties that speak without a place on the
    // scale, and party files that did not load.
    let mut text = text;
    let unplaced = issue.awaited.len().saturating_sub(issue.silent.len());
    if unplaced > 0 {
        text.push_str(&format!(" · {unplaced} without a position"));
    }
    if issue.status == Status::Untested && issue.awaited.is_empty() {
        text.push_str(" · file missing");
    }
    Some((issue.status, text))
}

/// What the status rests on: each party's acceptable range, who holds a gap open, who is
/// silent.
fn status_details_ui(ui: &mut Ui, workspace: &Workspace, analysis: &Analysis, issue_id: &str) {
    let Some(issue) = analysis.issue(issue_id) else {
        return;
    };
    let name = |party: usize| {
        workspace
            .negotiation
            .party(party)
            .map_or("?", |file| file.party.name.as_str())
    };
    ui.set_max_width(420.0);
    ui.strong(match issue.status {
        Status::PossibleAgreement => {
            "Possible agreement: every party shown that has a position accepts the zone"
        }
        Status::Untested => {
            "Untested: the ranges of the parties placed overlap, but a party shown with a stake \
             has not said where it stands; silence is not agreement"
        }
        Status::Deadlock => "Deadlock: the acceptable ranges do not overlap",
        Status::Unaddressed => {
            "Unaddressed: no party shown has placed a stance or range on this issue's scale"
        }
    });
    for stand in &issue.stands {
        match stand.range {
            Some(range) => ui.label(format!(
                "{} accepts {:.0}–{:.0}",
                name(stand.party),
                range.min,
                range.max
            )),
            None => ui.label(format!(
                "{} speaks to it without a place on the scale",
                name(stand.party)
            )),
        };
    }
    if let Some(gap) = &issue.gap {
        let holders = |keys: &[StatementKey]| {
            let mut names: Vec<&str> = keys.iter().map(|key| name(key.party)).collect();
            names.dedup();
            names.join(", ")
        };
        ui.label(format!(
            "The gap {:.0}–{:.0} lies between {} below and {} above",
            gap.from,
            gap.to,
            holders(&gap.low_side),
            holders(&gap.high_side)
        ));
    }
    if !issue.silent.is_empty() {
        let silent: Vec<&str> = issue.silent.iter().map(|&party| name(party)).collect();
        ui.label(format!("Silent: {}", silent.join(", ")));
    }
    if !issue.no_stake.is_empty() {
        let names: Vec<&str> = issue.no_stake.iter().map(|&party| name(party)).collect();
        ui.label(format!(
            "No stake, as the agenda records: {}",
            names.join(", ")
        ));
    }
    ui.weak("Ranges are the analyst's estimates; hidden parties are left out.");
}

fn counted(block: &IssueBlock) -> String {
    let shown = block.shown();
    let plural = |n: usize| if n == 1 { "statement" } else { "statements" };
    if block.collapsed {
        format!("{} {} hidden", block.total, plural(block.total))
    } else if shown < block.total {
        format!("{shown} of {} {}", block.total, plural(block.total))
    } else {
        format!("{shown} {}", plural(shown))
    }
}

/// A triangle pointing right when closed and down when open.
fn paint_disclosure(painter: &egui::Painter, centre: Pos2, open: bool, colour: Color32) {
    let r = 4.5;
    let points = if open {
        vec![
            centre + Vec2::new(-r, -r * 0.6),
            centre + Vec2::new(r, -r * 0.6),
            centre + Vec2::new(0.0, r * 0.8),
        ]
    } else {
        vec![
            centre + Vec2::new(-r * 0.6, -r),
            centre + Vec2::new(r * 0.8, 0.0),
            centre + Vec2::new(-r * 0.6, r),
        ]
    };
    painter.add(Shape::convex_polygon(points, colour, Stroke::NONE));
}
