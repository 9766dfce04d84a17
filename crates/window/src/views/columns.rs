//! The side-by-side view: one column per shown party, rows aligned by agenda issue, with the
//! party headers and the current issue's title kept in view while scrolling. Only the rows
//! in view are built, so thousands of statements stay fluid.

use egui::text::TextFormat;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Response, ScrollArea, Sense, Shape, Stroke,
    StrokeKind, TextStyle, Ui, Vec2, WidgetInfo,
};

use crate::command::{Command, Commands};
use crate::layout::{ColumnLayout, IssueBlock, Row, RowHeights};
use crate::registry::UserCommand;
use crate::style::{party_colour, status_colour, wash};
use crate::view_state::ViewState;
use common_ground_core::analysis::{Analysis, Status};
use common_ground_core::edit::Edit;
use common_ground_core::model::PartyFile;
use common_ground_core::negotiation::FileId;
use common_ground_core::negotiation::Loaded;
use common_ground_core::negotiation::StatementKey;
use common_ground_core::problem::Problem;
use common_ground_document::workspace::Workspace;

use super::issue_chart::status_words;
use super::widgets::{SalienceMark, highlighted_text, paint_firmness, paint_kind_tag};

/// Narrower than this, a statement's tags and two lines of summary no longer fit.
const MIN_COLUMN_WIDTH: f32 = 250.0;
const CARD_MARGIN: f32 = 4.0;

/// Row heights for the current text size.
pub fn row_heights(ui: &Ui) -> RowHeights {
    let body = ui.text_style_height(&TextStyle::Body);
    RowHeights {
        header: (body + 16.0).round(),
        line: (2.0 * body + 38.0).round(),
        empty: (body + 12.0).round(),
    }
}

fn party_header_height(ui: &Ui) -> f32 {
    let body = ui.text_style_height(&TextStyle::Body);
    let heading = ui.text_style_height(&TextStyle::Heading);
    (heading + 3.0 * body + 26.0).round()
}

/// A column being dragged to a new place.
#[derive(Debug, Clone)]
struct ColumnDrag {
    party: String,
}

pub fn columns_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    layout: &ColumnLayout,
    analysis: Option<&Analysis>,
    commands: &mut Commands,
) {
    if workspace.negotiation.parties.is_empty() {
        nothing_open_ui(ui, workspace, commands);
        return;
    }
    if layout.parties.is_empty() {
        centred_message_ui(ui, "Every party is hidden.", |ui| {
            if ui.button("Show all parties").clicked() {
                for party in &workspace.negotiation.parties {
                    commands.push(Command::SetPartyShown {
                        party: party.data.party.id.clone(),
                        shown: true,
                    });
                }
            }
        });
        return;
    }

    let heights = row_heights(ui);
    let header_height = party_header_height(ui);
    let columns = layout.parties.len() as f32;
    let column_width = ((ui.available_width() - 2.0) / columns)
        .max(MIN_COLUMN_WIDTH)
        .floor();
    let content_width = column_width * columns;

    ScrollArea::both()
        .id_salt("columns")
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_size(Vec2::new(
                content_width,
                header_height + layout.height().max(heights.line),
            ));
            let origin = ui.max_rect().min;
            let geometry = Geometry {
                origin,
                header_height,
                column_width,
                content_width,
            };

            if let Some(key) = view.scroll_to
                && let Some(row) = layout.row_of(key)
            {
                // Leave room above the row for the sticky party headers and issue title.
                let column = layout
                    .parties
                    .iter()
                    .position(|&p| p == key.party)
                    .unwrap_or(0);
                let mut rect = geometry.cell_rect(geometry.row_rect(layout, row), column);
                rect.min.y -= header_height + heights.header;
                ui.scroll_to_rect(rect, None);
            }
            if let Some(issue) = &view.scroll_to_issue
                && let Some(row) = layout
                    .blocks
                    .iter()
                    .position(|block| workspace.issues[block.group].id == *issue)
                    .and_then(|block| layout.header_row(block))
            {
                // The title goes just under the sticky party headers.
                let mut rect = geometry.row_rect(layout, row);
                rect.min.y -= header_height;
                ui.scroll_to_rect(rect, Some(egui::Align::TOP));
            }

            if layout.rows.is_empty() {
                let top = origin + Vec2::new(0.0, header_height);
                let rect = Rect::from_min_size(top, Vec2::new(viewport.width(), 80.0));
                ui.scope_builder(egui::UiBuilder::new().max_rect(rect.shrink(16.0)), |ui| {
                    ui.label("Nothing matches the filters.");
                    if ui.button("Clear filters").clicked() {
                        commands.run(UserCommand::ClearFilters);
                    }
                });
            }

            let visible = layout.rows_between(viewport.min.y, viewport.max.y - header_height);
            let pinned = layout.pinned_header(viewport.min.y, heights.header);
            paint_column_rules(ui, &geometry, layout, viewport);
            for row in visible {
                let rect = geometry.row_rect(layout, row);
                match layout.rows[row] {
                    // The pinned copy of this title is drawn instead, over the rows.
                    Row::Header(block) if pinned.is_some_and(|(b, _)| b == block) => {}
                    Row::Header(block) => {
                        issue_header_ui(
                            ui, rect, workspace, view, layout, block, analysis, commands,
                        );
                    }
                    Row::Line { block, line } => {
                        for column in 0..layout.parties.len() {
                            let cell = geometry.cell_rect(rect, column);
                            match layout.cell(block, line, column) {
                                Some(key) => card_ui(ui, cell, workspace, view, key, commands),
                                // A blank cell would leave the reader wondering; say why.
                                None if line == 0 => {
                                    let group = layout.blocks[block].group;
                                    let party = layout.parties[column];
                                    let why = if workspace.statements_on(group, party).is_empty() {
                                        "no statement on this issue"
                                    } else {
                                        "none match the filters"
                                    };
                                    ui.painter().text(
                                        cell.left_top() + Vec2::new(16.0, 14.0),
                                        Align2::LEFT_CENTER,
                                        why,
                                        FontId::proportional(12.0),
                                        ui.visuals().weak_text_color(),
                                    );
                                }
                                None => {}
                            }
                        }
                    }
                    Row::Empty(_) => {
                        ui.painter().text(
                            rect.left_center() + Vec2::new(16.0, 0.0),
                            Align2::LEFT_CENTER,
                            "No statement from the parties shown",
                            FontId::proportional(12.0),
                            ui.visuals().weak_text_color(),
                        );
                    }
                }
            }

            if let Some((block, top)) = pinned {
                let rect = Rect::from_min_size(
                    geometry.origin + Vec2::new(0.0, geometry.header_height + top),
                    Vec2::new(geometry.content_width, heights.header),
                );
                ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
                issue_header_ui(ui, rect, workspace, view, layout, block, analysis, commands);
            }
            party_headers_ui(ui, &geometry, workspace, view, layout, viewport, commands);
        });
}

/// Where things are in the scrolled content, in screen coordinates.
struct Geometry {
    origin: Pos2,
    header_height: f32,
    column_width: f32,
    content_width: f32,
}

impl Geometry {
    fn row_rect(&self, layout: &ColumnLayout, row: usize) -> Rect {
        Rect::from_min_size(
            self.origin + Vec2::new(0.0, self.header_height + layout.top(row)),
            Vec2::new(self.content_width, layout.row_height(row)),
        )
    }

    fn cell_rect(&self, row: Rect, column: usize) -> Rect {
        Rect::from_min_size(
            Pos2::new(self.origin.x + column as f32 * self.column_width, row.top()),
            Vec2::new(self.column_width, row.height()),
        )
    }
}

fn paint_column_rules(ui: &Ui, geometry: &Geometry, layout: &ColumnLayout, viewport: Rect) {
    let stroke = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    let top = geometry.origin.y + viewport.min.y;
    let bottom = geometry.origin.y + viewport.max.y;
    for column in 1..layout.parties.len() {
        let x = geometry.origin.x + column as f32 * geometry.column_width;
        ui.painter().vline(x, top..=bottom, stroke);
    }
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
            .parties
            .get(party)
            .map_or("?", |p| p.data.party.name.as_str())
    };
    ui.set_max_width(420.0);
    ui.strong(match issue.status {
        Status::PossibleAgreement => {
            "Possible agreement: every party shown that has a position accepts the zone"
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
    ui.weak("Ranges are the analyst's estimates; hidden parties are left out.");
}

#[expect(
    clippy::too_many_arguments,
    reason = "a header draws from every part of the state"
)]
fn issue_header_ui(
    ui: &mut Ui,
    rect: Rect,
    workspace: &Workspace,
    view: &ViewState,
    layout: &ColumnLayout,
    block_index: usize,
    analysis: Option<&Analysis>,
    commands: &mut Commands,
) {
    let block = &layout.blocks[block_index];
    let group = &workspace.issues[block.group];
    let id = ui.scope_id().with(("issue header", &group.id));
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Button, true, format!("Issue: {}", group.title))
    });
    let visuals = ui.visuals();
    let fill = if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.widgets.noninteractive.weak_bg_fill
    };
    let band = rect.shrink2(Vec2::new(0.0, 2.0));
    let painter = ui.painter();
    painter.rect_filled(band, CornerRadius::same(3), fill);
    if view.selected_issue.as_deref() == Some(group.id.as_str()) && view.selected.is_none() {
        painter.rect_stroke(
            band,
            CornerRadius::same(3),
            visuals.selection.stroke,
            StrokeKind::Inside,
        );
    }

    // When the columns scroll sideways, the title and status stay in the visible part.
    let visible = Rect::from_x_y_ranges(
        band.left().max(ui.clip_rect().left())..=band.right().min(ui.clip_rect().right()),
        band.y_range(),
    );
    let band = visible;
    let centre_y = band.center().y;
    paint_disclosure(
        painter,
        Pos2::new(band.left() + 12.0, centre_y),
        !block.collapsed,
        visuals.strong_text_color(),
    );
    // The status matters most: it keeps its place at the right; the title is cut short
    // before it would push the status out of view, and the details give way first.
    let status = status_text(analysis, &group.id).map(|(status, text)| {
        let colour = status_colour(status, ui.visuals());
        let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(12.5), colour);
        (colour, text, galley)
    });
    let status_width = status
        .as_ref()
        .map_or(0.0, |(_, _, galley)| galley.size().x + 28.0);
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
    let title_galley = painter.layout_job(job);
    let title = Rect::from_min_size(
        Pos2::new(title_left, centre_y - title_galley.size().y / 2.0),
        title_galley.size(),
    );
    painter.galley(title.min, title_galley, visuals.strong_text_color());
    let mut details = if group.agenda_index.is_none() {
        "not on the agenda".to_owned()
    } else {
        group.category.clone()
    };
    let count = counted(block);
    if !details.is_empty() {
        details.push_str("  ·  ");
    }
    details.push_str(&count);
    let mut room_right = band.right() - 10.0;
    if let Some((colour, text, galley)) = status {
        let right = room_right.max(title.right() + 16.0 + galley.size().x);
        let min = Pos2::new(right - galley.size().x, centre_y - galley.size().y / 2.0);
        let outline = Rect::from_min_size(min, galley.size()).expand2(Vec2::new(6.0, 2.0));
        painter.rect_stroke(
            outline,
            CornerRadius::same(8),
            Stroke::new(1.2, colour),
            StrokeKind::Outside,
        );
        painter.galley(min, galley, colour);
        room_right = outline.left() - 10.0;
        if let Some(analysis) = analysis {
            let badge = ui.interact(outline, id.with("status"), Sense::hover());
            badge.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &text));
            badge.on_hover_ui(|ui| status_details_ui(ui, workspace, analysis, &group.id));
        }
    }
    let details = painter.layout_no_wrap(
        details,
        FontId::proportional(12.0),
        visuals.weak_text_color(),
    );
    if title.right() + 12.0 + details.size().x <= room_right {
        let min = Pos2::new(title.right() + 12.0, centre_y - details.size().y / 2.0);
        painter.galley(min, details, visuals.weak_text_color());
    }
    if response.clicked() {
        commands.push(Command::SetIssueCollapsed {
            issue: group.id.clone(),
            collapsed: !block.collapsed,
        });
    }
    response.context_menu(|ui| {
        for &party in &layout.parties {
            let Some(file) = workspace.negotiation.party(party) else {
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

fn card_ui(
    ui: &mut Ui,
    cell: Rect,
    workspace: &Workspace,
    view: &ViewState,
    key: StatementKey,
    commands: &mut Commands,
) {
    let Some(statement) = workspace.statement(key) else {
        return;
    };
    let party = &workspace.negotiation.parties[key.party].data.party;
    let rect = cell.shrink(CARD_MARGIN);
    let id = ui.scope_id().with(("statement", key.party, key.statement));
    let response = ui.interact(rect, id, Sense::click());
    let problems: Vec<&Problem> = workspace.problems_of(key).collect();
    let flag = problem_flag(&problems);
    response.widget_info(|| {
        let mut label = format!(
            "{}, {}: {}",
            party.short_name,
            statement.kind.label(),
            statement.summary
        );
        if let Some(flag) = &flag {
            label.push_str(&format!(" ({flag})"));
        }
        WidgetInfo::labeled(egui::Role::Button, true, label)
    });
    let selected = view.selected == Some(key);
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect.expand(2.0));
    let fill = if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.faint_bg_color
    };
    painter.rect_filled(rect, CornerRadius::same(4), fill);
    let outline = if selected {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect_stroke(rect, CornerRadius::same(4), outline, StrokeKind::Inside);
    let bar = Rect::from_min_size(rect.min, Vec2::new(4.0, rect.height()));
    painter.rect_filled(
        bar,
        CornerRadius {
            nw: 4,
            sw: 4,
            ne: 0,
            se: 0,
        },
        party_colour(&party.colour),
    );

    let inner = rect.shrink2(Vec2::new(10.0, 6.0));
    let tags_y = inner.top() + 8.0;
    let tag = paint_kind_tag(
        &painter,
        Pos2::new(inner.left(), tags_y),
        statement.kind,
        visuals,
    );
    let mut x = paint_firmness(
        &painter,
        Pos2::new(tag.right() + 8.0, tags_y),
        statement.firmness,
        visuals,
    );
    // Marks beyond kind and firmness are shown by importance, as far as the width allows:
    // a problem with the statement, then salience, then whether it is conditional.
    let place = |x: &mut f32, text: &str, colour: Color32, right: f32| {
        let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(11.0), colour);
        if *x + 8.0 + galley.size().x <= right {
            let top = tags_y - galley.size().y / 2.0;
            painter.galley(Pos2::new(*x + 8.0, top), galley.clone(), colour);
            *x += 8.0 + galley.size().x;
        }
    };
    if let Some(flag) = &flag {
        let colour = if problems.iter().any(|p| p.is_error()) {
            visuals.error_fg_color
        } else {
            visuals.warn_fg_color
        };
        place(&mut x, flag, colour, inner.right());
    }
    let salience = SalienceMark::new(&painter, statement.salience, visuals);
    let mut right = inner.right();
    if x + 12.0 + salience.width() <= right {
        right -= salience.width() + 8.0;
        salience.paint(&painter, Pos2::new(inner.right(), tags_y), visuals);
    }
    if !statement.conditions.is_empty() {
        place(&mut x, "conditional", visuals.text_color(), right);
    }

    let needle = view.filters.needle();
    let format = TextFormat {
        font_id: FontId::proportional(13.0),
        color: visuals.text_color(),
        ..TextFormat::default()
    };
    let quote = (!needle.is_empty() && !statement.summary.to_lowercase().contains(&needle))
        .then(|| quote_snippet(statement, &needle))
        .flatten();
    let summary_rows = if quote.is_some() { 1 } else { 2 };
    let summary = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            &statement.summary,
            &needle,
            format.clone(),
            visuals,
            inner.width(),
            summary_rows,
        ))
    });
    let text_top = tags_y + 11.0;
    let summary_height = summary.size().y;
    painter.galley(
        Pos2::new(inner.left(), text_top),
        summary,
        visuals.text_color(),
    );
    if let Some(snippet) = quote {
        let mut italic = format;
        italic.italics = true;
        italic.color = visuals.weak_text_color();
        let galley = ui.fonts_mut(|fonts| {
            fonts.layout_job(highlighted_text(
                &snippet,
                &needle,
                italic,
                visuals,
                inner.width(),
                1,
            ))
        });
        painter.galley(
            Pos2::new(inner.left(), text_top + summary_height + 2.0),
            galley,
            visuals.text_color(),
        );
    }

    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.strong(format!("{} · {}", party.name, statement.kind.label()));
        ui.label(&statement.summary);
        for problem in &problems {
            let colour = if problem.is_error() {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            ui.colored_label(colour, &problem.message);
        }
        ui.weak(format!(
            "{} · salience {:.0}{} · click to inspect",
            statement.firmness.label(),
            statement.salience,
            if statement.estimated {
                " (estimate)"
            } else {
                ""
            }
        ));
    });
    if response.clicked() {
        commands.push(Command::Select(key));
    }
    if response.double_clicked() {
        commands.push(Command::SetEditing(true));
    }
    response.context_menu(|ui| {
        if ui.button("Edit").clicked() {
            commands.push(Command::Select(key));
            commands.push(Command::SetEditing(true));
        }
        if ui.button("Duplicate").clicked() {
            commands.push(Command::Duplicate(key));
        }
        if ui.button("Delete").clicked() {
            commands.push(Command::Edit {
                edit: Edit::RemoveStatement(key),
                field: None,
            });
        }
    });
}

/// "error", "warning" or "3 problems" for a statement's problems, if it has any.
fn problem_flag(problems: &[&Problem]) -> Option<String> {
    match problems {
        [] => None,
        [one] if one.is_error() => Some("error".to_owned()),
        [_] => Some("warning".to_owned()),
        many => Some(format!("{} problems", many.len())),
    }
}

/// A stretch of the first quote that matches, with the match near its start.
fn quote_snippet(statement: &common_ground_core::model::Statement, needle: &str) -> Option<String> {
    statement.sources.iter().find_map(|source| {
        let found = crate::filter::find_matches(&source.quote, needle)
            .into_iter()
            .next()?;
        // Some thirty characters of lead-in, starting at a word.
        let lead_in = source.quote[..found.start]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(at, _)| at);
        let start = source.quote[lead_in..found.start]
            .find(' ')
            .map_or(found.start, |space| lead_in + space + 1);
        let start = if lead_in == 0 { 0 } else { start };
        let prefix = if start > 0 { "…" } else { "" };
        Some(format!("“{prefix}{}”", &source.quote[start..]))
    })
}

fn party_headers_ui(
    ui: &mut Ui,
    geometry: &Geometry,
    workspace: &Workspace,
    view: &ViewState,
    layout: &ColumnLayout,
    viewport: Rect,
    commands: &mut Commands,
) {
    let top = geometry.origin.y + viewport.min.y;
    let band = Rect::from_min_size(
        Pos2::new(geometry.origin.x, top),
        Vec2::new(geometry.content_width, geometry.header_height),
    );
    ui.painter().rect_filled(band, 0.0, ui.visuals().panel_fill);
    let order = view.columns.ordered(workspace);
    for (column, &party_index) in layout.parties.iter().enumerate() {
        let rect = Rect::from_min_size(
            Pos2::new(
                geometry.origin.x + column as f32 * geometry.column_width,
                top,
            ),
            Vec2::new(geometry.column_width, geometry.header_height),
        )
        .shrink2(Vec2::new(CARD_MARGIN, 3.0));
        let position = order
            .iter()
            .position(|&p| p == party_index)
            .unwrap_or(column);
        let dirty = workspace.is_file_dirty(FileId::Party(party_index));
        party_header_ui(
            ui,
            rect,
            &workspace.negotiation.parties[party_index],
            (party_index, position),
            dirty,
            commands,
        );
    }
    let rule = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    ui.painter().hline(band.x_range(), band.bottom(), rule);
}

/// `place` is the party's index in the negotiation and its position among the columns.
fn party_header_ui(
    ui: &mut Ui,
    rect: Rect,
    party_file: &Loaded<PartyFile>,
    (party_index, position): (usize, usize),
    dirty: bool,
    commands: &mut Commands,
) {
    let file = &party_file.data;
    let party = &file.party;
    let colour = party_colour(&party.colour);
    // By position, not id: two files may carry the same party id (validation says so).
    let id = ui.scope_id().with(("party header", position));
    let response: Response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::ColumnHeader, true, &party.name));
    if response.drag_started() {
        response.dnd_set_drag_payload(ColumnDrag {
            party: party.id.clone(),
        });
    }
    let visuals = ui.visuals();
    let painter = ui.painter();
    painter.rect_filled(rect, CornerRadius::same(4), wash(colour, visuals));
    painter.rect_filled(
        Rect::from_min_size(rect.min, Vec2::new(rect.width(), 5.0)),
        CornerRadius {
            nw: 4,
            ne: 4,
            sw: 0,
            se: 0,
        },
        colour,
    );
    if let Some(dragged) = response.dnd_hover_payload::<ColumnDrag>()
        && dragged.party != party.id
    {
        painter.rect_stroke(
            rect,
            CornerRadius::same(4),
            Stroke::new(2.0, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    if let Some(dropped) = response.dnd_release_payload::<ColumnDrag>()
        && dropped.party != party.id
    {
        commands.push(Command::MoveParty {
            party: dropped.party.clone(),
            to: position,
        });
    }

    let inner = rect.shrink2(Vec2::new(10.0, 8.0));
    let mut y = inner.top() + 4.0;
    // Leave room for the Edit and Hide buttons; a name too long for it gives way to the short
    // name, cut short if need be, and is shown whole on hover.
    let name_width = (inner.width() - 92.0).max(40.0);
    let heading = TextStyle::Heading.resolve(ui.style());
    let full_name_fits = painter
        .layout_no_wrap(party.name.clone(), heading, Color32::PLACEHOLDER)
        .size()
        .x
        <= name_width;
    let shown_name = if full_name_fits {
        &party.name
    } else {
        &party.short_name
    };
    let name = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            shown_name,
            "",
            TextFormat {
                font_id: TextStyle::Heading.resolve(ui.style()),
                color: visuals.strong_text_color(),
                ..TextFormat::default()
            },
            visuals,
            name_width,
            1,
        ))
    });
    let name = {
        let rect = Rect::from_min_size(Pos2::new(inner.left(), y), name.size());
        painter.galley(rect.min, name, visuals.strong_text_color());
        rect
    };
    y = name.bottom() + 3.0;
    let meta = painter.text(
        Pos2::new(inner.left(), y),
        Align2::LEFT_TOP,
        format!(
            "as of {}  ·  {} statements",
            file.as_of,
            file.statements.len()
        ),
        FontId::proportional(12.0),
        visuals.weak_text_color(),
    );
    if dirty {
        painter.text(
            Pos2::new(meta.right() + 8.0, y),
            Align2::LEFT_TOP,
            "·  unsaved",
            FontId::proportional(12.0),
            visuals.warn_fg_color,
        );
    }
    y = meta.bottom() + 4.0;
    let summary = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            &file.summary,
            "",
            TextFormat {
                font_id: FontId::proportional(12.5),
                color: visuals.text_color(),
                ..TextFormat::default()
            },
            visuals,
            inner.width(),
            2,
        ))
    });
    painter.galley(Pos2::new(inner.left(), y), summary, visuals.text_color());

    let edit = Rect::from_min_size(
        Pos2::new(inner.right() - 84.0, inner.top()),
        Vec2::new(38.0, 18.0),
    );
    let edit = ui
        .put(
            edit,
            egui::Button::new("Edit")
                .small()
                .wrap_mode(egui::TextWrapMode::Extend),
        )
        .on_hover_text(format!(
            "Edit the {} file's name, colour, date and summary",
            party.short_name
        ));
    edit.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Edit {} details", party.short_name),
        )
    });
    if edit.clicked() {
        commands.push(Command::EditParty(party_index));
    }
    let hide = Rect::from_min_size(
        Pos2::new(inner.right() - 40.0, inner.top()),
        Vec2::new(40.0, 18.0),
    );
    if ui
        .put(
            hide,
            egui::Button::new("Hide")
                .small()
                .wrap_mode(egui::TextWrapMode::Extend),
        )
        .on_hover_text(format!(
            "Hide the {} column (View › Parties brings it back)",
            party.short_name
        ))
        .clicked()
    {
        commands.push(Command::SetPartyShown {
            party: party.id.clone(),
            shown: false,
        });
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(380.0);
        ui.strong(&party.name);
        if !file.summary.is_empty() {
            ui.label(&file.summary);
        }
        ui.weak(party_file.path.display().to_string());
        if dirty {
            ui.colored_label(ui.visuals().warn_fg_color, "Unsaved changes (Ctrl+S saves)");
        }
        ui.weak("Drag onto another column to reorder");
    });
    if response.dragged() {
        ui.set_cursor_icon(egui::CursorIcon::Grabbing);
    } else if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::Grab);
    }
}

fn nothing_open_ui(ui: &mut Ui, workspace: &Workspace, commands: &mut Commands) {
    centred_message_ui(ui, "No party positions are open.", |ui| {
        if !workspace.problems.is_empty() {
            ui.label("The files given could not be loaded: see Problems below.");
        }
        ui.label("Open a negotiation folder or position files, or drop them onto this window.");
        ui.horizontal(|ui| {
            if ui.button("Open files…").clicked() {
                commands.run(UserCommand::OpenFiles);
            }
            if ui.button("Open folder…").clicked() {
                commands.run(UserCommand::OpenFolder);
            }
            if ui.button("Open the example").clicked() {
                commands.push(Command::Open(common_ground_document::Origin::Example));
            }
        });
    });
}

fn centred_message_ui(ui: &mut Ui, heading: &str, add: impl FnOnce(&mut Ui)) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.3).max(16.0));
        ui.heading(heading);
        ui.add_space(8.0);
        add(ui);
    });
}
