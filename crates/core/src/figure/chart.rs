//! One issue's 0–100 scale with every party compared on it: each party's acceptable range as
//! a band in its colour (thicker the more the issue matters to it), its stances as dots, and
//! the zone where all ranges meet or the gap that keeps them apart. [`lanes`] is what the
//! window's chart draws too; the SVG here draws it for figures and the HTML brief.

use super::page::paragraph;
use super::palette::{Palette, Rgb};
use super::predicted;
use super::svg::{self, Anchor, Style, Svg, Text};
use super::text::{self, Weight};
use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::model::{Anchor as ScaleAnchor, Range, SCALE_MAX, SCALE_MIN};
use crate::negotiation::{Negotiation, StatementKey};
use crate::report::{number, range_text};

/// Above the lanes: the zone or gap label.
pub const LABEL_HEIGHT: f64 = 18.0;
/// Below the lanes: the axis, its ticks and numbers.
pub const AXIS_HEIGHT: f64 = 24.0;
/// The axis's ticks.
pub const TICKS: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];
/// Written after the name of a party that says nothing on the issue.
pub const SILENT: &str = "(silent)";
/// Written after the name of a party the agenda says has no stake in the issue.
pub const NO_STAKE: &str = "(no stake)";

/// The full chart (the inspector, a one-issue figure) or the small one (a sheet of all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartSize {
    Full,
    Compact,
}

impl ChartSize {
    pub fn lane_height(self) -> f64 {
        match self {
            ChartSize::Full => 30.0,
            ChartSize::Compact => 20.0,
        }
    }

    pub fn name_size(self) -> f64 {
        match self {
            ChartSize::Full => 13.0,
            ChartSize::Compact => 11.5,
        }
    }

    /// Room at the right for the salience figure, which the compact chart leaves to the
    /// band's thickness.
    pub fn salience_width(self) -> f64 {
        match self {
            ChartSize::Full => 44.0,
            ChartSize::Compact => 10.0,
        }
    }

    pub fn dot_radius(self) -> f64 {
        match self {
            ChartSize::Full => 5.5,
            ChartSize::Compact => 4.0,
        }
    }

    /// The chart's height with this many lanes (one at least, so an empty chart has a row).
    pub fn height(self, lanes: usize) -> f64 {
        LABEL_HEIGHT + lanes.max(1) as f64 * self.lane_height() + AXIS_HEIGHT
    }

    /// How thick a range's band is drawn for a salience: thin for an issue the party cares
    /// little about.
    pub fn band_thickness(self, salience: f64) -> f64 {
        let room = self.lane_height() - 6.0;
        3.0 + (room - 3.0) * (salience / 100.0).clamp(0.0, 1.0)
    }
}

/// What a party's lane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A range, a stance or both.
    Placed,
    /// It speaks on the issue, but without a place on the scale.
    NoPosition,
    Silent,
    /// The agenda says the issue does not concern it, and it says nothing.
    NoStake,
}

impl Place {
    /// The name a figure's data attribute gives it.
    pub fn id(self) -> &'static str {
        match self {
            Place::Placed => "placed",
            Place::NoPosition => "no-position",
            Place::Silent => "silent",
            Place::NoStake => "no-stake",
        }
    }
}

/// One party's lane on an issue's chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane<'a> {
    pub party: usize,
    pub name: &'a str,
    pub colour: Rgb,
    pub place: Place,
    pub range: Option<Range>,
    /// Statement index and stance, for each stance on the scale.
    pub stances: Vec<(usize, f64)>,
    /// The highest salience among its statements on the issue.
    pub salience: f64,
    /// A range or stance it is drawn with is the analyst's estimate.
    pub estimated: bool,
    /// Its range at the round compared with, when that differs from `range`: drawn ghosted,
    /// with an arrow to where it is now.
    pub was: Option<Range>,
}

/// The lanes of an issue's chart, in the order the parties were compared (the column order).
pub fn lanes<'a>(
    negotiation: &'a Negotiation,
    analysis: &Analysis,
    issue: &IssueAnalysis,
) -> Vec<Lane<'a>> {
    analysis
        .parties
        .iter()
        .filter_map(|&party| {
            let file = negotiation.party(party)?;
            let mut lane = Lane {
                party,
                name: file.party.short_name.as_str(),
                colour: Rgb::of_party(&file.party.colour),
                place: Place::Silent,
                range: None,
                stances: Vec::new(),
                salience: 0.0,
                estimated: false,
                was: None,
            };
            let Some(stand) = issue.stands.iter().find(|stand| stand.party == party) else {
                if issue.no_stake.contains(&party) {
                    lane.place = Place::NoStake;
                }
                return Some(lane);
            };
            let statement = |index: usize| {
                negotiation.statement(StatementKey {
                    party,
                    statement: index,
                })
            };
            lane.salience = stand
                .statements
                .iter()
                .filter_map(|&index| statement(index))
                .map(|statement| statement.salience)
                .fold(0.0_f64, f64::max);
            lane.range = stand.range;
            lane.stances = stand
                .statements
                .iter()
                .filter_map(|&index| {
                    let stance = statement(index)?.stance?;
                    (SCALE_MIN..=SCALE_MAX)
                        .contains(&stance)
                        .then_some((index, stance))
                })
                .collect();
            lane.estimated = stand
                .range_from
                .iter()
                .chain(lane.stances.iter().map(|(index, _)| index))
                .filter_map(|&index| statement(index))
                .any(|statement| statement.estimated);
            lane.place = if lane.range.is_some() || !lane.stances.is_empty() {
                Place::Placed
            } else {
                Place::NoPosition
            };
            Some(lane)
        })
        .collect()
}

/// The status in words with its figures: "possible agreement 35–45", "deadlock: gap 20–60".
pub fn status_words(issue: &IssueAnalysis) -> String {
    match (issue.status, &issue.zone, &issue.gap) {
        (Status::PossibleAgreement, Some(zone), _) => {
            format!("possible agreement {}", range_text(*zone))
        }
        (Status::Untested, Some(zone), _) => format!("untested: overlap {}", range_text(*zone)),
        (Status::Deadlock, _, Some(gap)) => {
            format!("deadlock: gap {}–{}", number(gap.from), number(gap.to))
        }
        (status, _, _) => status.label().to_owned(),
    }
}

/// The label over the zone: "zone 35–45", or "overlap 50–100 so far" while it is untested.
pub fn zone_label(issue: &IssueAnalysis) -> Option<String> {
    let zone = issue.zone?;
    Some(if issue.status == Status::Untested {
        format!("overlap {} so far", range_text(zone))
    } else {
        format!("zone {}", range_text(zone))
    })
}

/// The label over the gap: "gap 20–60".
pub fn gap_label(issue: &IssueAnalysis) -> Option<String> {
    let gap = issue.gap.as_ref()?;
    Some(format!("gap {}–{}", number(gap.from), number(gap.to)))
}

/// "Russia on Broad arms control agreements: accepts 40–100, salience 55".
pub fn lane_label(lane: &Lane<'_>, issue_title: &str) -> String {
    let name = lane.name;
    let estimated = if lane.estimated { " (estimates)" } else { "" };
    let was = lane
        .was
        .map(|was| format!(", was {}", range_text(was)))
        .unwrap_or_default();
    match (lane.place, lane.range) {
        (Place::Placed, Some(range)) => format!(
            "{name} on {issue_title}: accepts {}{was}, salience {}{estimated}",
            range_text(range),
            number(lane.salience)
        ),
        (Place::Silent, _) => format!("{name} on {issue_title}: silent{was}"),
        (Place::NoStake, _) => format!("{name} on {issue_title}: no stake"),
        _ => format!("{name} on {issue_title}: no place on the scale"),
    }
}

/// The issue's title, or its id when the agenda lacks it.
pub fn issue_title<'a>(negotiation: &'a Negotiation, issue: &'a IssueAnalysis) -> &'a str {
    negotiation
        .agenda_issue(&issue.issue)
        .map_or(issue.issue.as_str(), |agenda| agenda.title.as_str())
}

/// The issue's scale anchors; none when the agenda lacks it.
pub fn anchors<'a>(negotiation: &'a Negotiation, issue: &IssueAnalysis) -> &'a [ScaleAnchor] {
    negotiation
        .agenda_issue(&issue.issue)
        .map_or(&[], |agenda| agenda.scale.as_slice())
}

/// The chart in words, for screen readers and tests: "Scale chart of X: deadlock: gap 20–60;
/// 0 means …, 100 means …".
pub fn description(negotiation: &Negotiation, issue: &IssueAnalysis) -> String {
    let mut text = format!(
        "Scale chart of {}: {}",
        issue_title(negotiation, issue),
        status_words(issue)
    );
    let anchors = anchors(negotiation, issue);
    if let (Some(first), Some(last)) = (anchors.first(), anchors.last()) {
        text.push_str(&format!(
            "; {} means {}, {} means {}",
            number(first.at),
            first.meaning,
            number(last.at),
            last.meaning
        ));
    }
    text
}

/// Where a point of the 0–100 scale is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleX {
    pub left: f64,
    pub right: f64,
}

impl ScaleX {
    /// A value off the scale is drawn at its nearer end; one that is not a number (which
    /// validation reports) at 0.
    pub fn x(&self, value: f64) -> f64 {
        let t = ((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)).clamp(0.0, 1.0);
        let t = if t.is_nan() { 0.0 } else { t };
        self.left + t * (self.right - self.left)
    }
}

/// What a chart is drawn with and where.
pub(crate) struct ChartArea<'a> {
    pub negotiation: &'a Negotiation,
    pub analysis: &'a Analysis,
    pub issue: &'a IssueAnalysis,
    pub palette: Palette,
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub size: ChartSize,
}

/// Draws the chart of `area.issue`; returns its height.
pub(crate) fn draw(svg: &mut Svg, area: &ChartArea<'_>) -> f64 {
    let lanes = lanes(area.negotiation, area.analysis, area.issue);
    let size = area.size;
    let height = size.height(lanes.len());
    let scale = ScaleX {
        left: area.left + name_column_width(&lanes, size, area.width),
        right: area.left + area.width - size.salience_width() - 6.0,
    };
    let lanes_top = area.top + LABEL_HEIGHT;
    let lanes_bottom = area.top + height - AXIS_HEIGHT;
    let palette = area.palette;
    let title = issue_title(area.negotiation, area.issue);
    let mut data = vec![
        ("issue", area.issue.issue.clone()),
        ("status", area.issue.status.id().to_owned()),
        (
            "scale",
            format!("{} {}", number(scale.left), number(scale.right)),
        ),
    ];
    data.extend(predicted::prediction_data(area.issue));
    svg.open_group("chart", &description(area.negotiation, area.issue), &data);
    draw_zone(svg, area, &lanes, &scale);
    draw_gap(svg, area, lanes.len(), &scale);
    draw_axis(svg, &scale, lanes_bottom, palette);
    if size == ChartSize::Full {
        svg.text(&Text {
            x: area.left + area.width - 2.0,
            y: lanes_top - 3.0,
            size: 10.0,
            weight: Weight::Regular,
            fill: palette.weak,
            anchor: Anchor::End,
            content: predicted::weight_heading(area.issue),
        });
    }
    let anchor_colour = palette.background.mix(palette.weak, 0.5);
    for anchor in anchors(area.negotiation, area.issue) {
        let x = scale.x(anchor.at);
        svg.line((x, lanes_top), (x, lanes_bottom), anchor_colour, 1.0);
    }
    for (index, lane) in lanes.iter().enumerate() {
        let top = lanes_top + index as f64 * size.lane_height();
        draw_lane(svg, area, lane, &scale, top, title);
    }
    predicted::draw_predictions(svg, area, &scale, (lanes_top, lanes_bottom));
    svg.close_group();
    height
}

/// The top and bottom of the lanes of a chart drawn in `area` with `lanes` lanes.
fn lanes_span(area: &ChartArea<'_>, lanes: usize) -> (f64, f64) {
    let top = area.top + LABEL_HEIGHT;
    (top, area.top + area.size.height(lanes) - AXIS_HEIGHT)
}

/// The zone across the lanes, with its label; an untested overlap only across the lanes of
/// the parties placed.
fn draw_zone(svg: &mut Svg, area: &ChartArea<'_>, lanes: &[Lane<'_>], scale: &ScaleX) {
    let (palette, size) = (area.palette, area.size);
    let status = palette.status(area.issue.status);
    // Labels stay clear of the salience column and its heading.
    let label_room = (
        area.left,
        area.left + area.width - area.size.salience_width(),
    );
    let (lanes_top, lanes_bottom) = lanes_span(area, lanes.len());
    if let (Some(zone), Some(label)) = (area.issue.zone, zone_label(area.issue)) {
        let from = scale.x(zone.min) - 1.5;
        let to = scale.x(zone.max) + 1.5;
        let fill = palette.background.mix(status, 0.18);
        if area.issue.status == Status::Untested {
            // Only across the lanes of the parties placed: a silent party is not in it.
            for (index, lane) in lanes.iter().enumerate() {
                if lane.range.is_some() {
                    let top = lanes_top + index as f64 * size.lane_height();
                    svg.rect(
                        from,
                        top,
                        to - from,
                        size.lane_height(),
                        &Style::filled(fill),
                    );
                }
            }
            let outline = palette.background.mix(status, 0.6);
            let style = Style {
                stroke: Some((outline, 1.0)),
                ..Style::default()
            };
            svg.rect(from, lanes_top, to - from, lanes_bottom - lanes_top, &style);
        } else {
            let style = Style {
                fill: Some(fill),
                stroke: Some((status, 1.0)),
                ..Style::default()
            };
            svg.rect(from, lanes_top, to - from, lanes_bottom - lanes_top, &style);
        }
        label_above(
            svg,
            ((from + to) / 2.0, lanes_top),
            &label,
            status,
            label_room,
        );
    }
}

/// The gap, hatched between the two lines that bound it, with its label.
fn draw_gap(svg: &mut Svg, area: &ChartArea<'_>, lanes: usize, scale: &ScaleX) {
    let palette = area.palette;
    let status = palette.status(area.issue.status);
    // Labels stay clear of the salience column and its heading.
    let label_room = (
        area.left,
        area.left + area.width - area.size.salience_width(),
    );
    let (lanes_top, lanes_bottom) = lanes_span(area, lanes);
    if let (Some(gap), Some(label)) = (&area.issue.gap, gap_label(area.issue)) {
        let (from, to) = (scale.x(gap.from), scale.x(gap.to));
        let band_height = lanes_bottom - lanes_top;
        svg.hatch(
            from,
            lanes_top,
            to - from,
            band_height,
            palette.background.mix(status, 0.55),
        );
        svg.line((from, lanes_top), (from, lanes_bottom), status, 1.5);
        svg.line((to, lanes_top), (to, lanes_bottom), status, 1.5);
        label_above(
            svg,
            ((from + to) / 2.0, lanes_top),
            &label,
            status,
            label_room,
        );
    }
}

/// As wide as the longest name with what follows it, so that the scale gets all the room
/// left; a very long name is cut rather than squeezing the scale away.
fn name_column_width(lanes: &[Lane<'_>], size: ChartSize, width: f64) -> f64 {
    let widest = lanes
        .iter()
        .map(|lane| {
            let mut width = text::width(lane.name, size.name_size(), Weight::Regular);
            if let Some(note) = place_note(lane.place) {
                width += 4.0 + text::width(note, 10.0, Weight::Regular);
            }
            width
        })
        .fold(0.0, f64::max);
    // Room for a stance dot at 0 to sit clear of the name.
    let dot = if size == ChartSize::Full { 9.0 } else { 7.5 };
    (widest + 12.0 + dot).min(width * 0.35)
}

fn place_note(place: Place) -> Option<&'static str> {
    match place {
        Place::Silent => Some(SILENT),
        Place::NoStake => Some(NO_STAKE),
        Place::Placed | Place::NoPosition => None,
    }
}

/// A label centred over `at`, kept inside the chart when the band sits at an end of the scale.
fn label_above(svg: &mut Svg, at: (f64, f64), label: &str, colour: Rgb, room: (f64, f64)) {
    let half = text::width(label, 11.5, Weight::Regular) / 2.0;
    let x =
        at.0.clamp(room.0 + half, (room.1 - half).max(room.0 + half));
    svg.text(&Text {
        x,
        y: at.1 - 5.0,
        size: 11.5,
        weight: Weight::Regular,
        fill: colour,
        anchor: Anchor::Middle,
        content: label,
    });
}

fn draw_axis(svg: &mut Svg, scale: &ScaleX, y: f64, palette: Palette) {
    svg.line(
        (scale.left, y + 3.0),
        (scale.right, y + 3.0),
        palette.weak,
        1.0,
    );
    for tick in TICKS {
        let x = scale.x(tick);
        svg.line((x, y), (x, y + 6.0), palette.weak, 1.0);
        svg.text(&Text {
            x,
            y: y + 18.0,
            size: 10.5,
            weight: Weight::Regular,
            fill: palette.weak,
            anchor: Anchor::Middle,
            content: &number(tick),
        });
    }
}

fn draw_lane(
    svg: &mut Svg,
    area: &ChartArea<'_>,
    lane: &Lane<'_>,
    scale: &ScaleX,
    top: f64,
    title: &str,
) {
    let size = area.size;
    let palette = area.palette;
    let centre_y = top + size.lane_height() / 2.0;
    let party_id = area
        .negotiation
        .party(lane.party)
        .map_or("", |file| file.party.id.as_str());
    let mut data = vec![
        ("party", party_id.to_owned()),
        ("place", lane.place.id().to_owned()),
        ("salience", svg::number(lane.salience)),
    ];
    // The data attributes are numbers a program reads back, whatever the file held.
    if let Some(range) = lane.range {
        data.push((
            "range",
            format!("{} {}", svg::number(range.min), svg::number(range.max)),
        ));
    }
    if !lane.stances.is_empty() {
        let stances: Vec<String> = lane.stances.iter().map(|(_, s)| svg::number(*s)).collect();
        data.push(("stances", stances.join(" ")));
    }
    svg.open_group("lane", &lane_label(lane, title), &data);
    let name_room = scale.left - 4.0 - (area.left + 2.0);
    let note = place_note(lane.place);
    let name_colour = if note.is_some() {
        palette.weak
    } else {
        palette.text
    };
    let name_size = size.name_size();
    // A cut name leaves room for the note after it.
    let note_room = note.map_or(0.0, |note| 4.0 + text::width(note, 10.0, Weight::Regular));
    let name = text::truncate(
        lane.name,
        name_size,
        Weight::Regular,
        (name_room - note_room).max(0.0),
    );
    svg.text(&Text {
        x: area.left + 2.0,
        y: centre_y + name_size * 0.36,
        size: name_size,
        weight: Weight::Regular,
        fill: name_colour,
        anchor: Anchor::Start,
        content: &name,
    });
    if let Some(note) = note {
        svg.text(&Text {
            x: area.left + 2.0 + text::width(&name, name_size, Weight::Regular) + 4.0,
            y: centre_y + 3.6,
            size: 10.0,
            weight: Weight::Regular,
            fill: palette.weak,
            anchor: Anchor::Start,
            content: note,
        });
        svg.close_group();
        return;
    }
    draw_marks(svg, area, lane, scale, centre_y);
    svg.close_group();
}

/// Where a band from `from` to `to` is drawn: at least 3 wide, so that a range of one point
/// shows, and centred on that point.
pub fn band_ends(from: f64, to: f64) -> (f64, f64) {
    if to - from >= 3.0 {
        (from, to)
    } else {
        let middle = (from + to) / 2.0;
        (middle - 1.5, middle + 1.5)
    }
}

/// The band, the stance dots and, in a full chart, the salience figure.
fn draw_marks(svg: &mut Svg, area: &ChartArea<'_>, lane: &Lane<'_>, scale: &ScaleX, centre_y: f64) {
    let (size, palette) = (area.size, area.palette);
    if let Some(range) = lane.range {
        let thickness = size.band_thickness(lane.salience);
        let (from, to) = band_ends(scale.x(range.min), scale.x(range.max));
        // A range the analyst estimated is outlined in dashes, as the legend says.
        let style = Style {
            fill: Some(palette.background.mix(lane.colour, 0.55)),
            stroke: Some((lane.colour, 1.2)),
            corner: 2.0,
            dashed: lane.estimated,
            ..Style::default()
        };
        svg.rect(
            from,
            centre_y - thickness / 2.0,
            to - from,
            thickness,
            &style,
        );
    } else if lane.stances.is_empty() {
        svg.text(&Text {
            x: scale.left + 4.0,
            y: centre_y + 4.0,
            size: 11.0,
            weight: Weight::Regular,
            fill: palette.weak,
            anchor: Anchor::Start,
            content: "no place on the scale",
        });
    }
    for &(_, stance) in &lane.stances {
        let style = Style {
            fill: Some(lane.colour),
            stroke: Some((palette.text, 1.5)),
            ..Style::default()
        };
        svg.circle((scale.x(stance), centre_y), size.dot_radius(), &style);
    }
    if size == ChartSize::Full {
        svg.text(&Text {
            x: area.left + area.width - 2.0,
            y: centre_y + 4.0,
            size: 11.0,
            weight: Weight::Regular,
            fill: palette.weak,
            anchor: Anchor::End,
            content: &predicted::weight_figure(area.issue, lane),
        });
    }
}

/// The anchors of an issue as lines under its chart: "0 = no further expansion of NATO".
pub(crate) fn draw_anchors(
    svg: &mut Svg,
    anchors: &[ScaleAnchor],
    at: (f64, f64),
    width: f64,
    palette: Palette,
) -> f64 {
    let mut y = at.1;
    for anchor in anchors {
        let line = format!("{} = {}", number(anchor.at), anchor.meaning);
        y = paragraph(
            svg,
            &line,
            (at.0, y),
            width,
            11.0,
            Weight::Regular,
            palette.weak,
        );
    }
    y
}
