//! One issue's 0–100 scale with every shown party on it: each party's acceptable range as a
//! band in its colour (thicker the more the issue matters to it), its stances as markers, and
//! the zone where all ranges meet or the gap that keeps them apart. Hovering a party's lane
//! names the statement under the pointer; clicking selects it.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo,
};

use crate::command::{Command, Commands};
use crate::style::{colour, status_colour};
use common_ground_core::analysis::{Analysis, IssueAnalysis, Stand, Status};
use common_ground_core::figure::chart::{
    self, AXIS_HEIGHT, LABEL_HEIGHT, Lane, NO_STAKE, Place, SILENT, TICKS, gap_label, lane_label,
    lanes, zone_label,
};
pub(crate) use common_ground_core::figure::chart::{ChartSize, status_words};
use common_ground_core::figure::earlier::with_earlier;
use common_ground_core::figure::predicted::{weight_figure, weight_heading};
use common_ground_core::model::{Anchor, Range};
use common_ground_core::negotiation::StatementKey;
use common_ground_document::workspace::Workspace;

use super::prediction::paint_predictions;
use super::scale::describe_position;
use super::widgets::kind_tag_ui;

/// The anchors of an issue on the agenda; none for an issue the agenda lacks.
pub(crate) fn anchors_of<'a>(workspace: &'a Workspace, issue_id: &str) -> &'a [Anchor] {
    workspace
        .agenda_issue(issue_id)
        .map_or(&[], |issue| issue.scale.as_slice())
}

/// Draws the chart the width of `ui`, from the same [`lanes`] as the exported figures, so
/// the two agree on every number. Parties are drawn in the order the analysis compared them,
/// which is the column order.
/// The analysis a chart draws, and the one at the round compared with, whose ranges it
/// draws ghosted.
#[derive(Clone, Copy)]
pub(crate) struct Charted<'a> {
    pub now: &'a Analysis,
    pub earlier: Option<&'a Analysis>,
}

pub(crate) fn issue_chart_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    charted: Charted<'_>,
    issue_id: &str,
    selected: Option<StatementKey>,
    size: ChartSize,
    commands: &mut Commands,
) {
    let Some(issue) = charted.now.issue(issue_id) else {
        ui.weak("This issue is not in the comparison.");
        return;
    };
    let negotiation = &workspace.negotiation;
    let mut lanes = lanes(negotiation, charted.now, issue);
    with_earlier(
        &mut lanes,
        charted.earlier.and_then(|earlier| earlier.issue(issue_id)),
    );
    let width = ui.available_width().max(180.0);
    let height = size.height(lanes.len()) as f32;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let name_width = name_column_width(ui, &lanes, size);
    let scale = ScaleX {
        left: rect.left() + name_width,
        right: rect.right() - size.salience_width() as f32 - 6.0,
    };
    let lanes_rect = Rect::from_x_y_ranges(
        scale.left..=scale.right,
        rect.top() + LABEL_HEIGHT as f32..=rect.bottom() - AXIS_HEIGHT as f32,
    );
    let painter = ui.painter_at(rect.expand(2.0));
    let visuals = ui.visuals().clone();
    let chart = Chart {
        issue,
        lanes: &lanes,
        scale: &scale,
        lanes_rect,
        rect,
        size,
    };

    // The zone and gap go under everything else, across all lanes.
    let status = status_colour(issue.status, &visuals);
    paint_zone(&painter, &chart, status);
    if let (Some(gap), Some(label)) = (&issue.gap, gap_label(issue)) {
        let band = Rect::from_x_y_ranges(scale.x(gap.from)..=scale.x(gap.to), lanes_rect.y_range());
        paint_hatching(&painter, band, status.gamma_multiply(0.55));
        painter.vline(band.left(), band.y_range(), Stroke::new(1.5, status));
        painter.vline(band.right(), band.y_range(), Stroke::new(1.5, status));
        label_above(&painter, band, &label, status, rect);
    }

    paint_axis(&painter, &scale, lanes_rect.bottom(), &visuals);
    if size == ChartSize::Full {
        // Names the column of figures at the right of each lane.
        painter.text(
            Pos2::new(rect.right() - 2.0, lanes_rect.top() - 3.0),
            Align2::RIGHT_BOTTOM,
            weight_heading(issue),
            FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
    }
    let anchor_stroke = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.5));
    for anchor in anchors_of(workspace, issue_id) {
        painter.vline(scale.x(anchor.at), lanes_rect.y_range(), anchor_stroke);
    }

    let title = chart::issue_title(negotiation, issue);
    for (index, lane) in lanes.iter().enumerate() {
        let top = lanes_rect.top() + index as f32 * size.lane_height() as f32;
        let lane_rect = Rect::from_x_y_ranges(
            rect.left()..=rect.right(),
            top..=top + size.lane_height() as f32,
        );
        let place = LanePlace {
            title,
            issue: issue_id,
            rect: lane_rect,
            selected,
        };
        lane_ui(ui, &painter, &chart, &place, lane, workspace, commands);
    }
    paint_predictions(ui, &painter, issue, |value| scale.x(value), lanes_rect);

    let description = chart::description(negotiation, issue);
    let response = ui.interact(
        rect,
        ui.scope_id().with(("chart", issue_id)),
        Sense::hover(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &description));
}

/// The chart being drawn.
struct Chart<'a> {
    issue: &'a IssueAnalysis,
    lanes: &'a [Lane<'a>],
    scale: &'a ScaleX,
    lanes_rect: Rect,
    /// The whole chart, under which a lane's tooltip goes so it hides no other lane.
    rect: Rect,
    size: ChartSize,
}

/// The zone across the lanes, with its label; an untested overlap only across the lanes of
/// the parties placed.
fn paint_zone(painter: &egui::Painter, chart: &Chart<'_>, status: Color32) {
    let (Some(zone), Some(label)) = (chart.issue.zone, zone_label(chart.issue)) else {
        return;
    };
    let x_range = chart.scale.x(zone.min) - 1.5..=chart.scale.x(zone.max) + 1.5;
    let band = Rect::from_x_y_ranges(x_range.clone(), chart.lanes_rect.y_range());
    let lane_height = chart.size.lane_height() as f32;
    if chart.issue.status == Status::Untested {
        // Only across the lanes of the parties placed: a silent party is not in it.
        for (index, lane) in chart.lanes.iter().enumerate() {
            if lane.range.is_none() {
                continue;
            }
            let top = chart.lanes_rect.top() + index as f32 * lane_height;
            let lane_band = Rect::from_x_y_ranges(x_range.clone(), top..=top + lane_height);
            painter.rect_filled(lane_band, CornerRadius::ZERO, status.gamma_multiply(0.18));
        }
        painter.rect_stroke(
            band,
            CornerRadius::ZERO,
            Stroke::new(1.0, status.gamma_multiply(0.6)),
            StrokeKind::Inside,
        );
    } else {
        painter.rect_filled(band, CornerRadius::ZERO, status.gamma_multiply(0.18));
        painter.rect_stroke(
            band,
            CornerRadius::ZERO,
            Stroke::new(1.0, status),
            StrokeKind::Inside,
        );
    }
    label_above(painter, band, &label, status, chart.rect);
}

/// As wide as the longest short name, with "(silent)" or "(no stake)" after it when it says
/// nothing, so that the scale gets all the room that is left.
fn name_column_width(ui: &Ui, lanes: &[Lane<'_>], size: ChartSize) -> f32 {
    let painter = ui.painter();
    let measure = |text: &str, font: FontId| {
        painter
            .layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER)
            .size()
            .x
    };
    let widest = lanes
        .iter()
        .map(|lane| {
            let mut width = measure(lane.name, name_font(size));
            if let Some(note) = place_note(lane.place) {
                width += 4.0 + measure(note, FontId::proportional(10.0));
            }
            width
        })
        .fold(0.0, f32::max);
    // Room for a stance dot at 0, with its selection ring, to sit clear of the name. A very
    // long short name is cut rather than squeezing the scale away.
    let dot = if size == ChartSize::Full { 9.0 } else { 7.5 };
    (widest + 12.0 + dot).min(ui.available_width() * 0.35)
}

fn name_font(size: ChartSize) -> FontId {
    FontId::proportional(size.name_size() as f32)
}

fn place_note(place: Place) -> Option<&'static str> {
    match place {
        Place::Silent => Some(SILENT),
        Place::NoStake => Some(NO_STAKE),
        Place::Placed | Place::NoPosition => None,
    }
}

/// Where a point of the 0–100 scale is drawn: the core's scale in screen points.
struct ScaleX {
    left: f32,
    right: f32,
}

impl ScaleX {
    fn x(&self, value: f64) -> f32 {
        chart::ScaleX {
            left: f64::from(self.left),
            right: f64::from(self.right),
        }
        .x(value) as f32
    }
}

fn label_above(painter: &egui::Painter, band: Rect, text: &str, colour: Color32, chart: Rect) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(11.5), colour);
    // Kept inside the chart even when the band sits at an end of the scale.
    let half = galley.size().x / 2.0;
    // A label wider than the chart starts at its left edge.
    let x = band.center().x.clamp(
        chart.left() + half,
        (chart.right() - half).max(chart.left() + half),
    );
    let pos = Pos2::new(x - half, band.top() - galley.size().y - 2.0);
    painter.galley(pos, galley, colour);
}

/// Diagonal lines, so a gap reads as a gap without its colour.
fn paint_hatching(painter: &egui::Painter, band: Rect, colour: Color32) {
    let stroke = Stroke::new(1.0, colour);
    let clipped = painter.with_clip_rect(band);
    let step = 7.0;
    let mut x = band.left() - band.height();
    while x < band.right() {
        clipped.line_segment(
            [
                Pos2::new(x, band.bottom()),
                Pos2::new(x + band.height(), band.top()),
            ],
            stroke,
        );
        x += step;
    }
}

fn paint_axis(painter: &egui::Painter, scale: &ScaleX, y: f32, visuals: &egui::Visuals) {
    let stroke = Stroke::new(1.0, visuals.weak_text_color());
    painter.hline(scale.left..=scale.right, y + 3.0, stroke);
    for tick in TICKS {
        let x = scale.x(tick);
        painter.vline(x, y..=y + 6.0, stroke);
        painter.text(
            Pos2::new(x, y + 8.0),
            Align2::CENTER_TOP,
            format!("{tick:.0}"),
            FontId::proportional(10.5),
            visuals.weak_text_color(),
        );
    }
}

/// Where a lane is and what it belongs to.
struct LanePlace<'a> {
    title: &'a str,
    issue: &'a str,
    rect: Rect,
    selected: Option<StatementKey>,
}

fn lane_ui(
    ui: &Ui,
    painter: &egui::Painter,
    chart: &Chart<'_>,
    place: &LanePlace<'_>,
    lane: &Lane<'_>,
    workspace: &Workspace,
    commands: &mut Commands,
) {
    let visuals = ui.visuals();
    let lane_rect = place.rect;
    let centre_y = lane_rect.center().y;
    let names = painter.with_clip_rect(Rect::from_x_y_ranges(
        lane_rect.left()..=chart.scale.left - 4.0,
        lane_rect.y_range(),
    ));
    let Some(stand) = chart
        .issue
        .stands
        .iter()
        .find(|stand| stand.party == lane.party)
    else {
        // Silent now: where it stood at the round compared with is still worth seeing.
        if let Some(was) = lane.was {
            paint_ghost(painter, chart, lane, was, centre_y, colour(lane.colour));
        }
        // A silent party's name is greyed and says so, in its own column, clear of any
        // zone or gap drawn across the lanes.
        let name = names.text(
            Pos2::new(lane_rect.left() + 2.0, centre_y),
            Align2::LEFT_CENTER,
            lane.name,
            name_font(chart.size),
            visuals.weak_text_color(),
        );
        names.text(
            Pos2::new(name.right() + 4.0, centre_y),
            Align2::LEFT_CENTER,
            place_note(lane.place).unwrap_or(SILENT),
            FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
        return;
    };
    names.text(
        Pos2::new(lane_rect.left() + 2.0, centre_y),
        Align2::LEFT_CENTER,
        lane.name,
        name_font(chart.size),
        visuals.strong_text_color(),
    );
    let marks = LaneMarks {
        band: lane
            .range
            .map(|range| (chart.scale.x(range.min), chart.scale.x(range.max))),
        stances: lane
            .stances
            .iter()
            .map(|&(index, stance)| (index, chart.scale.x(stance)))
            .collect(),
    };
    paint_marks(ui, painter, chart, place, lane, &marks);

    let id = ui.scope_id().with(("chart lane", place.issue, lane.party));
    let response = ui.interact(lane_rect, id, Sense::click());
    let label = lane_label(lane, place.title);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    let pointer_x = response.hover_pos().map(|pos| pos.x);
    let target = statement_at(stand, &marks, pointer_x);
    if let Some(index) = target {
        let key = StatementKey {
            party: lane.party,
            statement: index,
        };
        if response.clicked() {
            commands.push(Command::Select(key));
        }
        // Below the whole chart (or above it, near the bottom of the window), never over
        // the other parties' bands.
        let mut tooltip = egui::Tooltip::for_enabled(&response);
        tooltip.popup = tooltip
            .popup
            .anchor(chart.rect)
            .align(egui::RectAlign::BOTTOM_START)
            .align_alternatives(&[egui::RectAlign::TOP_START]);
        tooltip.show(|ui| hover_ui(ui, workspace, key, lane.salience));
    }
}

/// The party's range at the round compared with: a dashed outline in its colour, a little
/// taller than the band now so that it shows around it, and an arrow from the middle of the
/// one to the middle of the other.
fn paint_ghost(
    painter: &egui::Painter,
    chart: &Chart<'_>,
    lane: &Lane<'_>,
    was: Range,
    centre_y: f32,
    party_colour: Color32,
) {
    let thickness = chart.size.band_thickness(lane.salience.max(50.0)) as f32 + 6.0;
    let (from, to) = chart::band_ends(
        f64::from(chart.scale.x(was.min)),
        f64::from(chart.scale.x(was.max)),
    );
    let ghost = Rect::from_x_y_ranges(
        from as f32..=to as f32,
        centre_y - thickness / 2.0..=centre_y + thickness / 2.0,
    );
    painter.rect_filled(
        ghost,
        CornerRadius::same(2),
        party_colour.gamma_multiply(0.10),
    );
    let stroke = Stroke::new(1.2, party_colour.gamma_multiply(0.85));
    let corners = [
        ghost.left_top(),
        ghost.right_top(),
        ghost.right_bottom(),
        ghost.left_bottom(),
        ghost.left_top(),
    ];
    painter.extend(Shape::dashed_line(&corners, stroke, 4.0, 3.0));
    let Some(now) = lane.range else {
        return;
    };
    let start = chart.scale.x((was.min + was.max) / 2.0);
    let end = chart.scale.x((now.min + now.max) / 2.0);
    if (end - start).abs() < 6.0 {
        return;
    }
    // Above the lane's bands, with a head of one size whatever the distance.
    let y = ghost.top() - 3.0;
    let head = 5.0_f32.copysign(end - start);
    let arrow = Stroke::new(1.5, party_colour);
    painter.line_segment([Pos2::new(start, y), Pos2::new(end, y)], arrow);
    painter.line_segment([Pos2::new(end, y), Pos2::new(end - head, y - 3.5)], arrow);
    painter.line_segment([Pos2::new(end, y), Pos2::new(end - head, y + 3.5)], arrow);
}

/// What a lane's statements put on the scale, in screen points: the band and the stance
/// markers.
struct LaneMarks {
    band: Option<(f32, f32)>,
    /// Statement index and where its stance marker is drawn.
    stances: Vec<(usize, f32)>,
}

/// The party's acceptable range as a band, thicker the more the issue matters to it, its
/// stances as dots, and in a full chart the salience at the right.
fn paint_marks(
    ui: &Ui,
    painter: &egui::Painter,
    chart: &Chart<'_>,
    place: &LanePlace<'_>,
    lane: &Lane<'_>,
    marks: &LaneMarks,
) {
    let visuals = ui.visuals();
    let size = chart.size;
    let party_colour = colour(lane.colour);
    let centre_y = place.rect.center().y;
    if let Some(was) = lane.was {
        paint_ghost(painter, chart, lane, was, centre_y, party_colour);
    }
    if let Some((from, to)) = marks.band {
        // Thickness shows salience: a thin band is an issue the party cares little about.
        let thickness = size.band_thickness(lane.salience) as f32;
        let (from, to) = chart::band_ends(f64::from(from), f64::from(to));
        let band = Rect::from_x_y_ranges(
            from as f32..=to as f32,
            centre_y - thickness / 2.0..=centre_y + thickness / 2.0,
        );
        painter.rect_filled(
            band,
            CornerRadius::same(2),
            party_colour.gamma_multiply(0.55),
        );
        painter.rect_stroke(
            band,
            CornerRadius::same(2),
            Stroke::new(1.2, party_colour),
            StrokeKind::Inside,
        );
    } else if marks.stances.is_empty() {
        painter.text(
            Pos2::new(chart.scale.left + 4.0, centre_y),
            Align2::LEFT_CENTER,
            "no place on the scale",
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
    }
    let radius = size.dot_radius() as f32;
    for &(index, x) in &marks.stances {
        let key = StatementKey {
            party: lane.party,
            statement: index,
        };
        let centre = Pos2::new(x, centre_y);
        if place.selected == Some(key) {
            painter.circle_stroke(
                centre,
                radius + 3.5,
                Stroke::new(2.0, visuals.selection.stroke.color),
            );
        }
        painter.add(Shape::circle_filled(centre, radius, party_colour));
        painter.circle_stroke(
            centre,
            radius,
            Stroke::new(1.5, visuals.strong_text_color()),
        );
    }
    if size == ChartSize::Full {
        painter.text(
            Pos2::new(place.rect.right() - 2.0, centre_y),
            Align2::RIGHT_CENTER,
            weight_figure(chart.issue, lane),
            FontId::monospace(11.0),
            visuals.weak_text_color(),
        );
    }
}
/// The statement a pointer at `x` points at: a stance marker near it, else a statement that
/// makes up the band under it, else the party's first statement with a place on the scale,
/// so that anywhere on a lane leads somewhere.
fn statement_at(stand: &Stand, marks: &LaneMarks, x: Option<f32>) -> Option<usize> {
    const NEAR: f32 = 8.0;
    if let Some(x) = x {
        let nearest = marks
            .stances
            .iter()
            .map(|&(index, at)| (index, (at - x).abs()))
            .filter(|&(_, distance)| distance <= NEAR)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((index, _)) = nearest {
            return Some(index);
        }
        if let Some((from, to)) = marks.band
            && (from - NEAR..=to + NEAR).contains(&x)
        {
            return stand.range_from.first().copied();
        }
    }
    stand
        .range_from
        .first()
        .or(marks.stances.first().map(|(index, _)| index))
        .or(stand.statements.first())
        .copied()
}

fn hover_ui(ui: &mut Ui, workspace: &Workspace, key: StatementKey, salience: f64) {
    let Some(statement) = workspace.statement(key) else {
        return;
    };
    let Some(party) = workspace
        .negotiation
        .party(key.party)
        .map(|file| &file.party)
    else {
        return;
    };
    ui.set_max_width(360.0);
    ui.horizontal(|ui| {
        ui.strong(&party.name);
        kind_tag_ui(ui, statement.kind);
    });
    ui.label(super::widgets::clipped(
        &statement.summary,
        super::widgets::PANEL_TEXT,
    ));
    ui.weak(describe_position(
        statement.stance,
        statement.range.as_ref(),
    ));
    ui.weak(format!(
        "Salience on this issue {salience:.0}/100{}",
        if statement.estimated {
            " (estimates)"
        } else {
            ""
        }
    ));
    ui.weak("Click to select it.");
}
