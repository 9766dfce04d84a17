//! One issue's 0–100 scale with every shown party on it: each party's acceptable range as a
//! band in its colour (thicker the more the issue matters to it), its stances as markers, and
//! the zone where all ranges meet or the gap that keeps them apart. Hovering a party's lane
//! names the statement under the pointer; clicking selects it.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo,
};

use crate::command::{Command, Commands};
use crate::style::{party_colour, status_colour};
use common_ground_core::analysis::{Analysis, IssueAnalysis, Stand, Status};
use common_ground_core::model::{Anchor, Range, SCALE_MAX, SCALE_MIN};
use common_ground_core::negotiation::StatementKey;
use common_ground_document::workspace::Workspace;

use super::scale::describe_position;
use super::widgets::kind_tag_ui;

/// The full chart for the inspector, or the small one for the sheet of all issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChartSize {
    Full,
    Compact,
}

impl ChartSize {
    fn lane_height(self) -> f32 {
        match self {
            ChartSize::Full => 30.0,
            ChartSize::Compact => 20.0,
        }
    }

    fn name_font(self) -> FontId {
        FontId::proportional(match self {
            ChartSize::Full => 13.0,
            ChartSize::Compact => 11.5,
        })
    }

    /// Room at the right for the salience figure, which the compact chart leaves to the
    /// band's thickness and the tooltip.
    fn salience_width(self) -> f32 {
        match self {
            ChartSize::Full => 44.0,
            ChartSize::Compact => 10.0,
        }
    }
}

/// Above the lanes: the zone or gap label.
const LABEL_HEIGHT: f32 = 18.0;
/// Below the lanes: the axis, its ticks and numbers.
const AXIS_HEIGHT: f32 = 24.0;

/// The anchors of an issue on the agenda; none for an issue the agenda lacks.
pub(crate) fn anchors_of<'a>(workspace: &'a Workspace, issue_id: &str) -> &'a [Anchor] {
    workspace
        .agenda_issue(issue_id)
        .map_or(&[], |issue| issue.scale.as_slice())
}

/// The status in words with its figures: "possible agreement 35–45", "deadlock: gap 20–60".
pub(crate) fn status_words(issue: &IssueAnalysis) -> String {
    match (issue.status, &issue.zone, &issue.gap) {
        (Status::PossibleAgreement, Some(zone), _) => {
            format!("possible agreement {:.0}–{:.0}", zone.min, zone.max)
        }
        (Status::Untested, Some(zone), _) => {
            format!("untested: overlap {:.0}–{:.0}", zone.min, zone.max)
        }
        (Status::Deadlock, _, Some(gap)) => format!("deadlock: gap {:.0}–{:.0}", gap.from, gap.to),
        (status, _, _) => status.label().to_owned(),
    }
}

/// Draws the chart the width of `ui`. Parties are drawn in the order the analysis compared
/// them, which is the column order.
pub(crate) fn issue_chart_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    analysis: &Analysis,
    issue_id: &str,
    selected: Option<StatementKey>,
    size: ChartSize,
    commands: &mut Commands,
) {
    let Some(issue) = analysis.issue(issue_id) else {
        ui.weak("This issue is not in the comparison.");
        return;
    };
    let lanes = analysis.parties.len().max(1) as f32;
    let width = ui.available_width().max(180.0);
    let height = LABEL_HEIGHT + lanes * size.lane_height() + AXIS_HEIGHT;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let name_width = name_column_width(ui, workspace, analysis, issue, size);
    let scale = ScaleX {
        left: rect.left() + name_width,
        right: rect.right() - size.salience_width() - 6.0,
    };
    let lanes_rect = Rect::from_x_y_ranges(
        scale.left..=scale.right,
        rect.top() + LABEL_HEIGHT..=rect.bottom() - AXIS_HEIGHT,
    );
    let painter = ui.painter_at(rect.expand(2.0));
    let visuals = ui.visuals().clone();

    // The zone and gap go under everything else, across all lanes.
    let status = status_colour(issue.status, &visuals);
    if let Some(zone) = issue.zone {
        let zone_chart = ZoneChart {
            analysis,
            issue,
            scale: &scale,
            lanes: lanes_rect,
            chart: rect,
            size,
        };
        paint_zone(&painter, &zone_chart, zone, status);
    }
    if let Some(gap) = &issue.gap {
        let band = Rect::from_x_y_ranges(scale.x(gap.from)..=scale.x(gap.to), lanes_rect.y_range());
        paint_hatching(&painter, band, status.gamma_multiply(0.55));
        painter.vline(band.left(), band.y_range(), Stroke::new(1.5, status));
        painter.vline(band.right(), band.y_range(), Stroke::new(1.5, status));
        label_above(
            &painter,
            band,
            &format!("gap {:.0}–{:.0}", gap.from, gap.to),
            status,
            rect,
        );
    }

    paint_axis(&painter, &scale, lanes_rect.bottom(), &visuals);
    if size == ChartSize::Full {
        // Names the column of figures at the right of each lane.
        painter.text(
            Pos2::new(rect.right() - 2.0, lanes_rect.top() - 3.0),
            Align2::RIGHT_BOTTOM,
            "salience",
            FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
    }
    let anchor_stroke = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.5));
    for anchor in anchors_of(workspace, issue_id) {
        painter.vline(scale.x(anchor.at), lanes_rect.y_range(), anchor_stroke);
    }

    for (lane, &party) in analysis.parties.iter().enumerate() {
        let top = lanes_rect.top() + lane as f32 * size.lane_height();
        let lane_rect =
            Rect::from_x_y_ranges(rect.left()..=rect.right(), top..=top + size.lane_height());
        let stand = issue.stands.iter().find(|stand| stand.party == party);
        let lane = Lane {
            workspace,
            issue_id,
            party,
            chart: rect,
            rect: lane_rect,
            scale: &scale,
            selected,
            size,
        };
        lane_ui(ui, &painter, &lane, stand, commands);
    }

    let description = chart_description(workspace, issue, anchors_of(workspace, issue_id));
    let response = ui.interact(
        rect,
        ui.scope_id().with(("chart", issue_id)),
        Sense::hover(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &description));
}

/// What the zone is drawn across.
struct ZoneChart<'a> {
    analysis: &'a Analysis,
    issue: &'a IssueAnalysis,
    scale: &'a ScaleX,
    lanes: Rect,
    chart: Rect,
    size: ChartSize,
}

/// The zone across the lanes, with its label; an untested overlap only across the lanes of
/// the parties placed.
fn paint_zone(painter: &egui::Painter, chart: &ZoneChart<'_>, zone: Range, status: Color32) {
    let x_range = chart.scale.x(zone.min) - 1.5..=chart.scale.x(zone.max) + 1.5;
    let band = Rect::from_x_y_ranges(x_range.clone(), chart.lanes.y_range());
    if chart.issue.status == Status::Untested {
        // Only across the lanes of the parties placed: a silent party is not in it.
        for (lane, party) in chart.analysis.parties.iter().enumerate() {
            let placed = chart
                .issue
                .stands
                .iter()
                .any(|stand| stand.party == *party && stand.range.is_some());
            if !placed {
                continue;
            }
            let top = chart.lanes.top() + lane as f32 * chart.size.lane_height();
            let lane_band =
                Rect::from_x_y_ranges(x_range.clone(), top..=top + chart.size.lane_height());
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
    let label = if chart.issue.status == Status::Untested {
        format!("overlap {:.0}–{:.0} so far", zone.min, zone.max)
    } else {
        format!("zone {:.0}–{:.0}", zone.min, zone.max)
    };
    label_above(painter, band, &label, status, chart.chart);
}

/// As wide as the longest short name, with "(silent)" after it when that party is silent,
/// so that the scale gets all the room that is left.
fn name_column_width(
    ui: &Ui,
    workspace: &Workspace,
    analysis: &Analysis,
    issue: &IssueAnalysis,
    size: ChartSize,
) -> f32 {
    let painter = ui.painter();
    let widest = analysis
        .parties
        .iter()
        .filter_map(|&party| {
            let name = &workspace
                .negotiation
                .parties
                .get(party)?
                .data
                .party
                .short_name;
            let mut width = painter
                .layout_no_wrap(name.clone(), size.name_font(), Color32::PLACEHOLDER)
                .size()
                .x;
            if issue.silent.contains(&party) {
                width += 4.0
                    + painter
                        .layout_no_wrap(
                            SILENT.to_owned(),
                            FontId::proportional(10.0),
                            Color32::PLACEHOLDER,
                        )
                        .size()
                        .x;
            }
            Some(width)
        })
        .fold(0.0, f32::max);
    // Room for a stance dot at 0, with its selection ring, to sit clear of the name. A very
    // long short name is cut rather than squeezing the scale away.
    let dot = if size == ChartSize::Full { 9.0 } else { 7.5 };
    (widest + 12.0 + dot).min(ui.available_width() * 0.35)
}

const SILENT: &str = "(silent)";

/// Where a point of the 0–100 scale is drawn.
struct ScaleX {
    left: f32,
    right: f32,
}

impl ScaleX {
    fn x(&self, value: f64) -> f32 {
        let t = ((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)).clamp(0.0, 1.0) as f32;
        self.left + t * (self.right - self.left)
    }
}

fn label_above(painter: &egui::Painter, band: Rect, text: &str, colour: Color32, chart: Rect) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(11.5), colour);
    // Kept inside the chart even when the band sits at an end of the scale.
    let half = galley.size().x / 2.0;
    let x = band
        .center()
        .x
        .clamp(chart.left() + half, chart.right() - half);
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
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
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

/// What a lane's statements put on the scale: stance markers and the band they make up.
struct LaneMarks {
    band: Option<(f32, f32)>,
    /// Statement index and where its stance marker is drawn.
    stances: Vec<(usize, f32)>,
}

/// One party's lane on an issue's chart, and what it is drawn with.
struct Lane<'a> {
    workspace: &'a Workspace,
    issue_id: &'a str,
    party: usize,
    /// The whole chart, under which a lane's tooltip goes so it hides no other lane.
    chart: Rect,
    rect: Rect,
    scale: &'a ScaleX,
    selected: Option<StatementKey>,
    size: ChartSize,
}

fn lane_ui(
    ui: &Ui,
    painter: &egui::Painter,
    lane_context: &Lane<'_>,
    stand: Option<&Stand>,
    commands: &mut Commands,
) {
    let lane = lane_context;
    let Lane {
        workspace,
        issue_id,
        party,
        rect: lane_rect,
        scale,
        size,
        ..
    } = *lane;
    let Some(loaded) = workspace.negotiation.parties.get(party) else {
        return;
    };
    let lane = lane_rect;
    let visuals = ui.visuals();
    let centre_y = lane.center().y;
    let name_font = size.name_font();
    let names = painter.with_clip_rect(Rect::from_x_y_ranges(
        lane.left()..=scale.left - 4.0,
        lane.y_range(),
    ));
    let statements = &loaded.data.statements;
    let Some(stand) = stand else {
        // A silent party's name is greyed and says so, in its own column, clear of any
        // zone or gap drawn across the lanes.
        let name = names.text(
            Pos2::new(lane.left() + 2.0, centre_y),
            Align2::LEFT_CENTER,
            &loaded.data.party.short_name,
            name_font,
            visuals.weak_text_color(),
        );
        names.text(
            Pos2::new(name.right() + 4.0, centre_y),
            Align2::LEFT_CENTER,
            SILENT,
            FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
        return;
    };
    names.text(
        Pos2::new(lane.left() + 2.0, centre_y),
        Align2::LEFT_CENTER,
        &loaded.data.party.short_name,
        name_font,
        visuals.strong_text_color(),
    );

    let salience = stand
        .statements
        .iter()
        .filter_map(|&index| statements.get(index))
        .map(|statement| statement.salience)
        .fold(0.0_f64, f64::max);
    let marks = LaneMarks {
        band: stand
            .range
            .map(|range| (scale.x(range.min), scale.x(range.max))),
        stances: stand
            .statements
            .iter()
            .filter_map(|&index| {
                let stance = statements.get(index)?.stance?;
                (SCALE_MIN..=SCALE_MAX)
                    .contains(&stance)
                    .then(|| (index, scale.x(stance)))
            })
            .collect(),
    };
    paint_marks(ui, painter, lane_context, &marks, salience);

    let id = ui.scope_id().with(("chart lane", issue_id, party));
    let response = ui.interact(lane, id, Sense::click());
    let label = lane_label(workspace, issue_id, party, stand, salience);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    let pointer_x = response.hover_pos().map(|pos| pos.x);
    let target = statement_at(stand, &marks, pointer_x);
    if let Some(index) = target {
        let key = StatementKey {
            party,
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
            .anchor(lane_context.chart)
            .align(egui::RectAlign::BOTTOM_START)
            .align_alternatives(&[egui::RectAlign::TOP_START]);
        tooltip.show(|ui| hover_ui(ui, workspace, key, salience));
    }
}

/// The party's acceptable range as a band, thicker the more the issue matters to it, its
/// stances as dots, and in a full chart the salience at the right.
fn paint_marks(
    ui: &Ui,
    painter: &egui::Painter,
    lane_context: &Lane<'_>,
    marks: &LaneMarks,
    salience: f64,
) {
    let Lane {
        workspace,
        party,
        rect: lane,
        scale,
        selected,
        size,
        ..
    } = *lane_context;
    let visuals = ui.visuals();
    let colour = workspace
        .negotiation
        .party(party)
        .map_or(visuals.text_color(), |file| {
            party_colour(&file.party.colour)
        });
    let centre_y = lane.center().y;
    if let Some((from, to)) = marks.band {
        // Thickness shows salience: a thin band is an issue the party cares little about.
        let room = size.lane_height() - 6.0;
        let thickness = 3.0 + (room - 3.0) * (salience / 100.0).clamp(0.0, 1.0) as f32;
        let band = Rect::from_x_y_ranges(
            from..=to.max(from + 3.0),
            centre_y - thickness / 2.0..=centre_y + thickness / 2.0,
        );
        painter.rect_filled(band, CornerRadius::same(2), colour.gamma_multiply(0.55));
        painter.rect_stroke(
            band,
            CornerRadius::same(2),
            Stroke::new(1.2, colour),
            StrokeKind::Inside,
        );
    } else if marks.stances.is_empty() {
        painter.text(
            Pos2::new(scale.left + 4.0, centre_y),
            Align2::LEFT_CENTER,
            "no place on the scale",
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
    }
    let radius = if size == ChartSize::Full { 5.5 } else { 4.0 };
    for &(index, x) in &marks.stances {
        let key = StatementKey {
            party,
            statement: index,
        };
        let centre = Pos2::new(x, centre_y);
        if selected == Some(key) {
            painter.circle_stroke(
                centre,
                radius + 3.5,
                Stroke::new(2.0, visuals.selection.stroke.color),
            );
        }
        painter.add(Shape::circle_filled(centre, radius, colour));
        painter.circle_stroke(
            centre,
            radius,
            Stroke::new(1.5, visuals.strong_text_color()),
        );
    }
    if size == ChartSize::Full {
        painter.text(
            Pos2::new(lane.right() - 2.0, centre_y),
            Align2::RIGHT_CENTER,
            format!("{salience:.0}"),
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

/// "Russia on Broad arms control agreements: accepts 40–100, salience 55".
fn lane_label(
    workspace: &Workspace,
    issue_id: &str,
    party: usize,
    stand: &Stand,
    salience: f64,
) -> String {
    let name = workspace
        .negotiation
        .party(party)
        .map_or("?", |file| file.party.short_name.as_str());
    let title = workspace
        .issue_group(issue_id)
        .map_or(issue_id, |group| group.title.as_str());
    match stand.range {
        Some(range) => format!(
            "{name} on {title}: accepts {:.0}–{:.0}, salience {salience:.0}",
            range.min, range.max
        ),
        None => format!("{name} on {title}: no place on the scale"),
    }
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
    ui.label(&statement.summary);
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

/// The chart in words, for screen readers and tests.
fn chart_description(workspace: &Workspace, issue: &IssueAnalysis, anchors: &[Anchor]) -> String {
    let title = workspace
        .issue_group(&issue.issue)
        .map_or(issue.issue.as_str(), |group| group.title.as_str());
    let mut text = format!("Scale chart of {title}: {}", status_words(issue));
    if let (Some(first), Some(last)) = (anchors.first(), anchors.last()) {
        text.push_str(&format!(
            "; {:.0} means {}, {:.0} means {}",
            first.at, first.meaning, last.at, last.meaning
        ));
    }
    text
}
