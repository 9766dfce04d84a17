//! The party headers over the columns: name (or short name), date, number of statements,
//! unsaved mark and summary, with Edit and Hide. Dragging a header onto another reorders the
//! columns.

use egui::text::TextFormat;
use egui::{
    Color32, CornerRadius, FontId, Pos2, Rect, Response, Sense, Stroke, StrokeKind, TextStyle, Ui,
    Vec2, WidgetInfo,
};

use common_ground_core::model::PartyFile;
use common_ground_core::negotiation::{FileId, Loaded};

use super::{Board, CARD_MARGIN};
use crate::command::{Command, Commands};
use crate::style::{party_colour, wash};
use crate::views::blocs::{HeaderBloc, bloc_button, header_bloc};
use crate::views::widgets::{CARD_TEXT, PANEL_TEXT, clipped, highlighted_text};

/// A column being dragged to a new place.
#[derive(Debug, Clone)]
struct ColumnDrag {
    party: String,
}

pub(super) fn party_headers_ui(
    ui: &mut Ui,
    board: &Board<'_>,
    viewport: Rect,
    commands: &mut Commands,
) {
    let Board {
        workspace,
        view,
        layout,
        geometry,
        ..
    } = board;
    let top = geometry.origin.y + viewport.min.y;
    let band = Rect::from_min_size(
        Pos2::new(geometry.origin.x, top),
        Vec2::new(geometry.content_width, geometry.header_height),
    );
    ui.painter().rect_filled(band, 0.0, ui.visuals().panel_fill);
    let order = view.columns.ordered(workspace);
    for (column, &party_index) in layout.parties.iter().enumerate() {
        let Some(party_file) = workspace.negotiation.parties.get(party_index) else {
            continue;
        };
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
        let header = Header {
            file: party_file,
            index: party_index,
            bloc: header_bloc(workspace, board.blocs, party_index),
            position,
            dirty: workspace.is_file_dirty(FileId::Party(party_index)),
            held: view
                .shown_round(workspace)
                .and(layout.held.get(column).copied()),
        };
        party_header_ui(ui, rect, &header, commands);
    }
    let rule = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    ui.painter().hline(band.x_range(), band.bottom(), rule);
}

/// One party's header: its file, its index in the negotiation, its place among the columns.
struct Header<'a> {
    file: &'a Loaded<PartyFile>,
    index: usize,
    /// The bloc it stands for, collapsed, or the expanded bloc it is a member of.
    bloc: Option<HeaderBloc>,
    position: usize,
    dirty: bool,
    /// How many of its statements hold at the round shown; `None` without rounds.
    held: Option<usize>,
}

fn party_header_ui(ui: &mut Ui, rect: Rect, header: &Header<'_>, commands: &mut Commands) {
    let file = &header.file.data;
    let party = &file.party;
    // By position, not id: two files may carry the same party id (validation says so).
    let id = ui.scope_id().with(("party header", header.position));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(egui::Role::ColumnHeader, true, &party.name);
        // The painted "unsaved" mark, for screen readers too.
        if header.dirty {
            info.current_text_value = Some("unsaved".to_owned());
        }
        info
    });
    paint_background(ui, rect, &party.colour);
    drag_and_drop(ui, &response, rect, header, commands);
    let inner = rect.shrink2(Vec2::new(10.0, 8.0));
    let summary_top = paint_texts(ui, inner, header);
    buttons_ui(ui, inner, header, commands);
    if let Some(bloc) = &header.bloc {
        bloc_line_ui(ui, inner, summary_top, bloc, commands);
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(380.0);
        ui.strong(&party.name);
        if !file.summary.is_empty() {
            ui.label(clipped(&file.summary, PANEL_TEXT));
        }
        ui.weak(header.file.path.display().to_string());
        if header.dirty {
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

/// A wash of the party's colour with a band of it along the top.
fn paint_background(ui: &Ui, rect: Rect, colour: &str) {
    let colour = party_colour(colour);
    let painter = ui.painter();
    painter.rect_filled(rect, CornerRadius::same(4), wash(colour, ui.visuals()));
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
}

/// Picks the header up, shows where another can be dropped, and moves a dropped one here.
fn drag_and_drop(
    ui: &Ui,
    response: &Response,
    rect: Rect,
    header: &Header<'_>,
    commands: &mut Commands,
) {
    let party = &header.file.data.party;
    if response.drag_started() {
        response.dnd_set_drag_payload(ColumnDrag {
            party: party.id.clone(),
        });
    }
    if let Some(dragged) = response.dnd_hover_payload::<ColumnDrag>()
        && dragged.party != party.id
    {
        ui.painter().rect_stroke(
            rect,
            CornerRadius::same(4),
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    if let Some(dropped) = response.dnd_release_payload::<ColumnDrag>()
        && dropped.party != party.id
    {
        commands.push(Command::MoveParty {
            party: dropped.party.clone(),
            to: header.position,
        });
    }
}

/// The name, the date and count (and "unsaved"), and two lines of summary.
/// Returns where the summary starts, which a bloc's line takes instead.
fn paint_texts(ui: &Ui, inner: Rect, header: &Header<'_>) -> f32 {
    let file = &header.file.data;
    let party = &file.party;
    let visuals = ui.visuals();
    let painter = ui.painter();
    // Leave room for the Edit and Hide buttons; a name too long for it gives way to the short
    // name, cut short if need be, and is shown whole on hover.
    let name_width = (inner.width() - 92.0).max(40.0);
    let heading = TextStyle::Heading.resolve(ui.style());
    let full_name_fits = painter
        .layout_no_wrap(party.name.clone(), heading.clone(), Color32::PLACEHOLDER)
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
                font_id: heading,
                color: visuals.strong_text_color(),
                ..TextFormat::default()
            },
            visuals,
            name_width,
            1,
        ))
    });
    let name = {
        let rect = Rect::from_min_size(Pos2::new(inner.left(), inner.top() + 4.0), name.size());
        painter.galley(rect.min, name, visuals.strong_text_color());
        rect
    };
    let y = name.bottom() + 3.0;
    let meta = paint_meta(ui, Pos2::new(inner.left(), y), inner.width(), header);
    let summary_top = meta.bottom() + 4.0;
    // A bloc's or member's line says more than the summary, which the header's hover shows.
    if header.bloc.is_some() {
        return summary_top;
    }
    let summary = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            &clipped(&file.summary, CARD_TEXT),
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
    painter.galley(
        Pos2::new(inner.left(), summary_top),
        summary,
        visuals.text_color(),
    );
    summary_top
}

/// The line under the name: the date, the number of statements and the unsaved mark.
/// Returns where it was painted.
fn paint_meta(ui: &Ui, at: Pos2, width: f32, header: &Header<'_>) -> Rect {
    let file = &header.file.data;
    let visuals = ui.visuals();
    let painter = ui.painter();
    let y = at.y;
    // The unsaved mark is laid out first: when the column is narrow the date and count give
    // way, cut short, never the mark.
    let unsaved = header.dirty.then(|| {
        painter.layout_no_wrap(
            "·  unsaved".to_owned(),
            FontId::proportional(12.0),
            visuals.warn_fg_color,
        )
    });
    let unsaved_width = unsaved.as_ref().map_or(0.0, |mark| mark.size().x + 8.0);
    let meta_text = match header.held {
        Some(held) => format!(
            "as of {}  ·  {held} of {} statements at this round",
            file.as_of,
            file.statements.len()
        ),
        None => format!(
            "as of {}  ·  {} statements",
            file.as_of,
            file.statements.len()
        ),
    };
    let meta = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            &meta_text,
            "",
            TextFormat {
                font_id: FontId::proportional(12.0),
                color: visuals.weak_text_color(),
                ..TextFormat::default()
            },
            visuals,
            (width - unsaved_width).max(40.0),
            1,
        ))
    });
    let meta = {
        let rect = Rect::from_min_size(at, meta.size());
        painter.galley(rect.min, meta, visuals.weak_text_color());
        rect
    };
    if let Some(mark) = unsaved {
        painter.galley(
            Pos2::new(meta.right() + 8.0, y),
            mark,
            visuals.warn_fg_color,
        );
    }
    meta
}

/// In the summary's place: "Bloc of …" or "Member of …", and Expand or Collapse.
fn bloc_line_ui(ui: &mut Ui, inner: Rect, top: f32, bloc: &HeaderBloc, commands: &mut Commands) {
    let line = ui.text_style_height(&TextStyle::Body);
    let button_width = 62.0;
    let button = Rect::from_min_size(
        Pos2::new(inner.right() - button_width, top),
        Vec2::new(button_width, line),
    );
    let colour = if bloc.breaks_ranks {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().text_color()
    };
    // Two lines at most, beside the button: a long list of members is cut short, and the
    // whole text is the label's hover.
    let width = (inner.width() - button_width - 6.0).max(20.0);
    let mut job =
        egui::text::LayoutJob::simple(bloc.text.clone(), FontId::proportional(12.0), colour, width);
    job.wrap.max_rows = 2;
    let text = Rect::from_min_size(Pos2::new(inner.left(), top), Vec2::new(width, 2.0 * line));
    // Left-aligned in its place, as the summary it stands for; `put` would centre it.
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(text)
            .layout(egui::Layout::top_down(egui::Align::LEFT)),
        |ui| ui.add(egui::Label::new(job)).on_hover_text(&bloc.text),
    );
    let response = ui.put(button, bloc_button(bloc)).on_hover_text(&bloc.hover);
    if response.clicked() {
        commands.push(bloc.command.clone());
    }
}

/// Edit (the party's details in the inspector) and Hide (the column).
fn buttons_ui(ui: &mut Ui, inner: Rect, header: &Header<'_>, commands: &mut Commands) {
    let party = &header.file.data.party;
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
        commands.push(Command::EditParty(header.index));
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
}
