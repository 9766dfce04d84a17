//! One statement in its party's column: a coloured bar, its kind, firmness, problems,
//! salience and whether it is conditional (on a line of their own when narrow), then its
//! summary, with a matching quote while
//! searching. A click selects it, a double click edits it, a right-click offers more.

use egui::text::TextFormat;
use egui::{CornerRadius, FontId, Painter, Pos2, Rect, Sense, Stroke, StrokeKind, Ui};
use egui::{Vec2, WidgetInfo};

use common_ground_core::edit::Edit;
use common_ground_core::model::{Party, Statement};
use common_ground_core::negotiation::StatementKey;
use common_ground_core::problem::Problem;

use super::{Board, CARD_MARGIN};
use crate::command::{Command, Commands};
use crate::style::party_colour;
use crate::views::widgets::{
    CARD_TEXT, PANEL_TEXT, SalienceMark, clipped, highlighted_text, paint_firmness, paint_kind_tag,
};

pub(super) fn card_ui(
    ui: &Ui,
    cell: Rect,
    board: &Board<'_>,
    key: StatementKey,
    commands: &mut Commands,
) {
    let workspace = board.workspace;
    let (Some(statement), Some(file)) = (
        workspace.statement(key),
        workspace.negotiation.party(key.party),
    ) else {
        return;
    };
    let party = &file.party;
    let rect = cell.shrink(CARD_MARGIN);
    let id = ui.scope_id().with(("statement", key.party, key.statement));
    let response = ui.interact(rect, id, Sense::click());
    // A statement just added is blank by design: it is flagged once it has been edited.
    let problems: Vec<&Problem> = if board.view.fresh == Some(key) {
        Vec::new()
    } else {
        workspace.problems_of(key).collect()
    };
    let flag = problem_flag(&problems);
    response.widget_info(|| {
        let mut label = format!(
            "{}, {}: {}",
            party.short_name,
            statement.kind.label(),
            clipped(&statement.summary, PANEL_TEXT)
        );
        // What the card shows besides the summary, so that a screen reader hears it too.
        let mut marks = Vec::new();
        if !statement.conditions.is_empty() {
            marks.push("conditional".to_owned());
        }
        marks.extend(flag.clone());
        if !marks.is_empty() {
            label.push_str(&format!(" ({})", marks.join("; ")));
        }
        WidgetInfo::labeled(egui::Role::Button, true, label)
    });
    let painter = ui.painter_at(rect.expand(2.0));
    paint_frame(
        ui,
        &painter,
        rect,
        party,
        board.view.selected == Some(key),
        response.hovered(),
    );
    let inner = rect.shrink2(Vec2::new(10.0, 6.0));
    let tags_y = inner.top() + 8.0;
    let mut summary_area = inner;
    let (text_top, summary_rows) = if board.compact {
        let text_top = tags_y + 11.0;
        let summary_y = text_top + ui.text_style_height(&egui::TextStyle::Body) / 2.0;
        summary_area.min.x = paint_compact_marks(
            ui,
            &painter,
            inner,
            (tags_y, summary_y),
            statement,
            &problems,
        );
        (text_top, 1)
    } else if paint_marks(
        ui,
        &painter,
        inner,
        tags_y,
        statement,
        &problems,
        flag.as_deref(),
    ) {
        (tags_y + 11.0 + MARKS_LINE, 1)
    } else {
        (tags_y + 11.0, 2)
    };
    paint_texts(
        ui,
        &painter,
        summary_area,
        (text_top, summary_rows),
        statement,
        &board.view.filters.needle(),
    );

    let response = response.on_hover_ui(|ui| card_details_ui(ui, party, statement, &problems));
    if response.clicked() {
        commands.push(Command::Select(key));
    }
    if response.double_clicked() {
        commands.push(Command::SetEditing(true));
    }
    response.context_menu(|ui| card_menu_ui(ui, key, commands));
}

/// The card's right-click menu.
fn card_menu_ui(ui: &mut Ui, key: StatementKey, commands: &mut Commands) {
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
}

/// The card itself: its fill, its outline (strong when selected) and the party's bar.
fn paint_frame(
    ui: &Ui,
    painter: &Painter,
    rect: Rect,
    party: &Party,
    selected: bool,
    hovered: bool,
) {
    let visuals = ui.visuals();
    let fill = if hovered {
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
}

/// The kind's tag, then the firmness blocks, with their word on a full card. Returns the
/// right edge.
fn paint_kind_and_firmness(
    painter: &Painter,
    left_centre: Pos2,
    statement: &Statement,
    with_word: bool,
    visuals: &egui::Visuals,
) -> f32 {
    let tag = paint_kind_tag(painter, left_centre, statement.kind, visuals);
    let gap = if with_word { 8.0 } else { 6.0 };
    paint_firmness(
        painter,
        Pos2::new(tag.right() + gap, left_centre.y),
        (statement.firmness, with_word),
        visuals,
    )
}

/// The colour of a statement's problem mark: an error's if any is one.
fn problem_colour(problems: &[&Problem], visuals: &egui::Visuals) -> egui::Color32 {
    if problems.iter().any(|p| p.is_error()) {
        visuals.error_fg_color
    } else {
        visuals.warn_fg_color
    }
}

/// The height of the line the marks take when they do not fit beside the kind.
const MARKS_LINE: f32 = 16.0;

/// Kind and firmness, then a problem with the statement, whether it is conditional and its
/// salience. What does not fit beside the kind goes on a line of its own, never away: a
/// conditional offer must not look unconditional. Returns whether it took that line.
fn paint_marks(
    ui: &Ui,
    painter: &Painter,
    inner: Rect,
    tags_y: f32,
    statement: &Statement,
    problems: &[&Problem],
    flag: Option<&str>,
) -> bool {
    let visuals = ui.visuals();
    let after_kind = paint_kind_and_firmness(
        painter,
        Pos2::new(inner.left(), tags_y),
        statement,
        true,
        visuals,
    );
    let mut marks = Vec::new();
    if let Some(flag) = flag {
        let colour = problem_colour(problems, visuals);
        marks.push((flag.to_owned(), colour));
    }
    if !statement.conditions.is_empty() {
        marks.push(("conditional".to_owned(), visuals.text_color()));
    }
    let galleys: Vec<_> = marks
        .into_iter()
        .map(|(text, colour)| {
            (
                painter.layout_no_wrap(text, FontId::proportional(11.0), colour),
                colour,
            )
        })
        .collect();
    let marks_width: f32 = galleys.iter().map(|(g, _)| 8.0 + g.size().x).sum();
    let fits = |salience: &SalienceMark| {
        after_kind + marks_width + 12.0 + salience.width() <= inner.right()
    };
    // Short of room, the word "salience" goes first; then the marks take a line of their
    // own, where there is room for the word again.
    let mut salience = SalienceMark::new(painter, statement.salience, visuals);
    if !fits(&salience) {
        salience = salience.without_word();
    }
    let wrapped = !fits(&salience);
    if wrapped {
        salience = SalienceMark::new(painter, statement.salience, visuals);
    }
    let (mut x, y) = if wrapped {
        (inner.left() - 8.0, tags_y + MARKS_LINE)
    } else {
        (after_kind, tags_y)
    };
    for (galley, colour) in galleys {
        let size = galley.size();
        painter.galley(Pos2::new(x + 8.0, y - size.y / 2.0), galley, colour);
        x += 8.0 + size.x;
    }
    salience.paint(painter, Pos2::new(inner.right(), y), visuals);
    wrapped
}

/// The marks of a compact card, on one line: the kind, the firmness in blocks alone, a
/// problem as a warning sign (with their number when there are several) and "cond." for a
/// conditional statement, then the salience where room is left. The warning and the
/// condition always stay, at the start of the summary's line when the first is full: a
/// conditional offer must not look unconditional. The words are on the card's hover.
/// Returns where the summary's line starts.
fn paint_compact_marks(
    ui: &Ui,
    painter: &Painter,
    inner: Rect,
    (tags_y, summary_y): (f32, f32),
    statement: &Statement,
    problems: &[&Problem],
) -> f32 {
    let visuals = ui.visuals();
    let after_kind = paint_kind_and_firmness(
        painter,
        Pos2::new(inner.left(), tags_y),
        statement,
        false,
        visuals,
    );
    let mut marks = Vec::new();
    if !problems.is_empty() {
        let colour = problem_colour(problems, visuals);
        let sign = match problems.len() {
            1 => "⚠".to_owned(),
            many => format!("⚠{many}"),
        };
        marks.push((sign, colour));
    }
    if !statement.conditions.is_empty() {
        marks.push(("cond.".to_owned(), visuals.text_color()));
    }
    let galleys: Vec<_> = marks
        .into_iter()
        .map(|(text, colour)| {
            let galley = painter.layout_no_wrap(text, FontId::proportional(11.0), colour);
            (galley, colour)
        })
        .collect();
    let marks_width: f32 = galleys.iter().map(|(g, _)| 6.0 + g.size().x).sum();
    let on_first_line = after_kind + marks_width <= inner.right();
    let (mut x, y) = if on_first_line {
        (after_kind, tags_y)
    } else {
        (inner.left() - 6.0, summary_y)
    };
    for (galley, colour) in galleys {
        let size = galley.size();
        painter.galley(Pos2::new(x + 6.0, y - size.y / 2.0), galley, colour);
        x += 6.0 + size.x;
    }
    let salience = SalienceMark::new(painter, statement.salience, visuals).without_word();
    let first_line_end = if on_first_line { x } else { after_kind };
    if first_line_end + 8.0 + salience.width() <= inner.right() {
        salience.paint(painter, Pos2::new(inner.right(), tags_y), visuals);
    }
    if on_first_line { inner.left() } else { x + 6.0 }
}

/// The summary, with the search's matches marked; while searching, a matching stretch of a
/// quote when the summary itself does not match.
fn paint_texts(
    ui: &Ui,
    painter: &Painter,
    inner: Rect,
    (text_top, rows): (f32, usize),
    statement: &Statement,
    needle: &str,
) {
    let visuals = ui.visuals();
    let format = TextFormat {
        font_id: FontId::proportional(13.0),
        color: visuals.text_color(),
        ..TextFormat::default()
    };
    // A matching quote takes the summary's second row; without one to spare, it is left to
    // the inspector.
    let quote =
        (rows > 1 && !needle.is_empty() && !statement.summary.to_lowercase().contains(needle))
            .then(|| quote_snippet(statement, needle))
            .flatten();
    let summary_rows = if quote.is_some() { 1 } else { rows };
    let summary = ui.fonts_mut(|fonts| {
        fonts.layout_job(highlighted_text(
            &clipped(&statement.summary, CARD_TEXT),
            needle,
            format.clone(),
            visuals,
            inner.width(),
            summary_rows,
        ))
    });
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
                needle,
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
}

/// The card on hover: the whole summary and every problem.
fn card_details_ui(ui: &mut Ui, party: &Party, statement: &Statement, problems: &[&Problem]) {
    ui.set_max_width(360.0);
    ui.strong(format!("{} · {}", party.name, statement.kind.label()));
    ui.label(clipped(&statement.summary, PANEL_TEXT));
    // A compact card shows a condition only as "cond.": here it is spelled out.
    for condition in &statement.conditions {
        ui.label(format!(
            "Conditional: {}",
            clipped(&condition.text, CARD_TEXT)
        ));
    }
    for problem in problems {
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
fn quote_snippet(statement: &Statement, needle: &str) -> Option<String> {
    statement.sources.iter().find_map(|source| {
        let quote = source.quote.as_str();
        let found = crate::filter::find_matches(quote, needle)
            .into_iter()
            .next()?;
        let before = quote.get(..found.start)?;
        // Some thirty characters of lead-in, starting at a word.
        let lead_in = before.char_indices().rev().nth(30).map_or(0, |(at, _)| at);
        let start = before
            .get(lead_in..)
            .and_then(|lead| lead.find(' '))
            .map_or(found.start, |space| lead_in + space + 1);
        let start = if lead_in == 0 { 0 } else { start };
        let prefix = if start > 0 { "…" } else { "" };
        Some(format!("“{prefix}{}”", quote.get(start..)?))
    })
}
