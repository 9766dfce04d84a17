//! The side-by-side view: one column per shown party, rows aligned by agenda issue, with the
//! party headers and the current issue's title kept in view while scrolling. Only the rows
//! in view are built, so thousands of statements stay fluid. Each issue's title bar is drawn
//! by [`issue_header`], each statement by [`card`], each party's header by [`party_header`].

mod card;
mod issue_header;
mod left_out;
mod party_header;

use egui::{Align2, FontId, Pos2, Rect, ScrollArea, Stroke, TextStyle, Ui, Vec2};

use common_ground_core::analysis::Analysis;
use common_ground_document::{Origin, Workspace};

use super::ViewContext;
use crate::app::BlocShown;
use crate::command::{Command, Commands};
use crate::layout::{ColumnLayout, Row, RowHeights};
use crate::registry::UserCommand;
use crate::view_state::ViewState;

/// Narrower than this, a statement's kind, firmness and marks no longer fit on two lines.
const MIN_COLUMN_WIDTH: f32 = 220.0;
/// Narrower than this, a compact card's kind and firmness blocks no longer fit on its first
/// line with a mark or two (marks that do not fit start the summary's line).
const MIN_COMPACT_COLUMN_WIDTH: f32 = 170.0;
const CARD_MARGIN: f32 = 4.0;

/// Row heights for the current text size; a compact card has one line of summary, not two.
pub(crate) fn row_heights(ui: &Ui, compact: bool) -> RowHeights {
    let body = ui.text_style_height(&TextStyle::Body);
    let summary_lines = if compact { 1.0 } else { 2.0 };
    RowHeights {
        header: (body + 16.0).round(),
        line: (summary_lines * body + 38.0).round(),
        empty: (body + 12.0).round(),
    }
}

fn party_header_height(ui: &Ui) -> f32 {
    let body = ui.text_style_height(&TextStyle::Body);
    let heading = ui.text_style_height(&TextStyle::Heading);
    (heading + 3.0 * body + 26.0).round()
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

/// What every part of the columns reads for one frame.
struct Board<'a> {
    workspace: &'a Workspace,
    view: &'a ViewState,
    layout: &'a ColumnLayout,
    analysis: Option<&'a Analysis>,
    blocs: &'a [BlocShown],
    geometry: Geometry,
    heights: RowHeights,
    /// Narrow columns of one-line cards.
    compact: bool,
}

pub(crate) fn columns_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, layout) = (cx.workspace, cx.layout);
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

    let compact = cx.settings.compact_columns;
    let heights = row_heights(ui, compact);
    let min_width = if compact {
        MIN_COMPACT_COLUMN_WIDTH
    } else {
        MIN_COLUMN_WIDTH
    };
    let header_height = party_header_height(ui);
    let left_out = left_out::left_out_parties(workspace);
    let columns = (layout.parties.len() + left_out.len()) as f32;
    // Solid scroll bars: a column cut at the edge must show that there is more to the right.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    // The vertical bar takes its width from the columns, or they would just overflow.
    let bar = ui.spacing().scroll.allocated_width();
    let column_width = ((ui.available_width() - 2.0 - bar) / columns)
        .max(min_width)
        .floor();
    // The rows span the party columns; the columns of files left out stand beside them.
    let content_width = column_width * layout.parties.len() as f32;

    ScrollArea::both()
        .id_salt("columns")
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_size(Vec2::new(
                column_width * columns,
                header_height + layout.height().max(heights.line),
            ));
            let board = Board {
                workspace,
                view: cx.view,
                layout,
                analysis: cx.analysis,
                blocs: cx.blocs,
                geometry: Geometry {
                    origin: ui.max_rect().min,
                    header_height,
                    column_width,
                    content_width,
                },
                heights,
                compact,
            };
            scroll_into_view(ui, &board);
            if layout.rows.is_empty() {
                nothing_matches_ui(ui, &board, viewport, commands);
            }
            rows_ui(ui, &board, viewport, commands);
            party_header::party_headers_ui(ui, &board, viewport, commands);
            left_out::left_out_columns_ui(ui, &board, viewport, &left_out, commands);
        });
}

/// The tick box for compact columns, in the View menu and in the toolbar's party picker.
pub(crate) fn compact_columns_toggle_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    commands: &mut Commands,
) {
    let mut compact = cx.settings.compact_columns;
    let response = ui.checkbox(&mut compact, "Compact columns").on_hover_text(
        "Narrow columns, one line of summary per statement; hover a card for all of it",
    );
    if response.changed() {
        commands.push(Command::SetCompactColumns(compact));
    }
}

/// Brings the statement or issue the view asked for under the sticky headers.
fn scroll_into_view(ui: &Ui, board: &Board<'_>) {
    let Board {
        view,
        layout,
        geometry,
        heights,
        ..
    } = board;
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
        rect.min.y -= geometry.header_height + heights.header;
        ui.scroll_to_rect(rect, None);
    }
    if let Some(issue) = &view.scroll_to_issue
        && let Some(row) = layout
            .blocks
            .iter()
            .position(|block| {
                board
                    .workspace
                    .issues
                    .get(block.group)
                    .is_some_and(|group| group.id == *issue)
            })
            .and_then(|block| layout.header_row(block))
    {
        // The title goes just under the sticky party headers.
        let mut rect = geometry.row_rect(layout, row);
        rect.min.y -= geometry.header_height;
        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
    }
}

fn nothing_matches_ui(ui: &mut Ui, board: &Board<'_>, viewport: Rect, commands: &mut Commands) {
    let top = board.geometry.origin + Vec2::new(0.0, board.geometry.header_height);
    let rect = Rect::from_min_size(top, Vec2::new(viewport.width(), 80.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect.shrink(16.0)), |ui| {
        ui.label("Nothing matches the filters.");
        if ui.button("Clear filters").clicked() {
            commands.run(UserCommand::ClearFilters);
        }
    });
}

/// The rows in view: issue titles, lines of statements, and issues nobody shown speaks to.
fn rows_ui(ui: &Ui, board: &Board<'_>, viewport: Rect, commands: &mut Commands) {
    let Board {
        layout,
        geometry,
        heights,
        ..
    } = board;
    let visible = layout.rows_between(viewport.min.y, viewport.max.y - geometry.header_height);
    let pinned = layout.pinned_header(viewport.min.y, heights.header);
    paint_column_rules(ui, geometry, layout, viewport);
    for row in visible {
        let rect = geometry.row_rect(layout, row);
        match layout.rows.get(row) {
            // The pinned copy of this title is drawn instead, over the rows.
            Some(Row::Header(block)) if pinned.is_some_and(|(b, _)| b == *block) => {}
            Some(Row::Header(block)) => {
                issue_header::issue_header_ui(ui, rect, board, *block, commands);
            }
            Some(&Row::Line { block, line }) => line_ui(ui, board, rect, block, line, commands),
            Some(Row::Empty(_)) => {
                ui.painter().text(
                    rect.left_center() + Vec2::new(16.0, 0.0),
                    Align2::LEFT_CENTER,
                    "No statement from the parties shown",
                    FontId::proportional(12.0),
                    ui.visuals().weak_text_color(),
                );
            }
            None => {}
        }
    }
    if let Some((block, top)) = pinned {
        let rect = Rect::from_min_size(
            geometry.origin + Vec2::new(0.0, geometry.header_height + top),
            Vec2::new(geometry.content_width, heights.header),
        );
        ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
        issue_header::issue_header_ui(ui, rect, board, block, commands);
    }
}

/// One line of an issue: each column's statement on it, or why its first line is empty.
fn line_ui(
    ui: &Ui,
    board: &Board<'_>,
    rect: Rect,
    block: usize,
    line: usize,
    commands: &mut Commands,
) {
    let (workspace, layout) = (board.workspace, board.layout);
    for (column, &party) in layout.parties.iter().enumerate() {
        let cell = board.geometry.cell_rect(rect, column);
        match layout.cell(block, line, column) {
            Some(key) => card::card_ui(ui, cell, board, key, commands),
            // A blank cell would leave the reader wondering; say why.
            None if line == 0 => {
                let group = layout.blocks.get(block).map(|block| block.group);
                let silent = group
                    .is_none_or(|group| board.view.held_on(workspace, group, party).is_empty());
                let why = if silent {
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

fn paint_column_rules(ui: &Ui, geometry: &Geometry, layout: &ColumnLayout, viewport: Rect) {
    let stroke = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    let top = geometry.origin.y + viewport.min.y;
    let bottom = geometry.origin.y + viewport.max.y;
    for column in 1..layout.parties.len() {
        let x = geometry.origin.x + column as f32 * geometry.column_width;
        ui.painter().vline(x, top..=bottom, stroke);
    }
}

fn nothing_open_ui(ui: &mut Ui, workspace: &Workspace, commands: &mut Commands) {
    centred_message_ui(ui, "No party positions are open.", |ui| {
        ui.set_max_width(520.0);
        crate::views::widgets::left_out_banner_ui(ui, &workspace.negotiation, commands);
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
                commands.push(Command::Open(Origin::Example));
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
