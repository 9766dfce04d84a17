//! What every figure has around its drawing: the heading (the negotiation, what the figure
//! shows, the parties compared, the date of their positions, the files left out), a legend,
//! and the foot (where the positions come from, which numbers are estimates).

use super::palette::{Palette, Rgb, Theme};
use super::predicted::mark_points;
use super::svg::{Anchor, Style, Svg, Text};
use super::text::{self, Weight};
use crate::analysis::{Analysis, IssueAnalysis, Predicted, Status, hardness};
use crate::model::Kind;
use crate::negotiation::{Negotiation, StatementKey};

pub(crate) const MARGIN: f64 = 24.0;
/// Lines are this many times their font size apart.
const LEADING: f64 = 1.3;

/// A figure being laid out from the top down.
pub(crate) struct Page<'a> {
    pub svg: Svg,
    pub palette: Palette,
    pub width: f64,
    /// Where the next thing goes.
    pub y: f64,
    pub negotiation: &'a Negotiation,
    pub analysis: &'a Analysis,
}

impl<'a> Page<'a> {
    pub(crate) fn new(
        negotiation: &'a Negotiation,
        analysis: &'a Analysis,
        theme: Theme,
        width: f64,
    ) -> Page<'a> {
        Page {
            svg: Svg::new(),
            palette: Palette::of(theme),
            width,
            y: MARGIN,
            negotiation,
            analysis,
        }
    }

    pub(crate) fn content_width(&self) -> f64 {
        self.width - 2.0 * MARGIN
    }

    /// A wrapped paragraph across the page.
    pub(crate) fn paragraph(&mut self, content: &str, size: f64, weight: Weight, fill: Rgb) {
        let width = self.content_width();
        self.y = paragraph(
            &mut self.svg,
            content,
            (MARGIN, self.y),
            width,
            size,
            weight,
            fill,
        );
    }

    /// The negotiation, what the figure shows, who is compared and as of when, and every file
    /// that did not load: a figure never hides that a party is missing.
    pub(crate) fn header(&mut self, subject: &str) {
        let (text, weak) = (self.palette.text, self.palette.weak);
        let name = format!("Common ground: {}", self.negotiation.name());
        self.paragraph(&name, 18.0, Weight::Bold, text);
        self.paragraph(subject, 14.0, Weight::Bold, text);
        self.y += 2.0;
        let meta = meta_line(self.negotiation, self.analysis);
        self.paragraph(&meta, 12.0, Weight::Regular, weak);
        let warning = self.palette.status(Status::Deadlock);
        for file in &self.negotiation.left_out {
            let line = format!(
                "Left out: {} could not be read ({}); these findings do not include it.",
                file.file_name(),
                file.reason
            );
            self.paragraph(&line, 12.0, Weight::Bold, warning);
        }
        self.y += 8.0;
    }

    /// What the colours and marks of a chart mean, each in words.
    pub(crate) fn chart_legend(&mut self) {
        let weak = self.palette.weak;
        let mut items = self.status_items();
        items.extend([
            (
                Swatch::Band(weak),
                "band: a party's acceptable range, thicker the more it matters",
            ),
            (Swatch::Dot(weak), "dot: a stance"),
            (
                Swatch::Dashed(weak),
                "dashed outline: the analyst's estimate",
            ),
            (
                Swatch::Mark(Predicted::Mean, self.palette.text),
                "predicted: capability × salience weighted mean",
            ),
            (
                Swatch::Mark(Predicted::Median, self.palette.text),
                "weighted median (model estimates; in the deadlock colour when a red line refuses them)",
            ),
        ]);
        self.legend(&items);
    }

    /// What each status's colour means, as the matrix's column of findings shows them.
    pub(crate) fn status_legend(&mut self) {
        let items = self.status_items();
        self.legend(&items);
    }

    fn status_items(&self) -> Vec<(Swatch, &'static str)> {
        let palette = self.palette;
        vec![
            (
                Swatch::Filled(palette.status(Status::PossibleAgreement)),
                "possible agreement: zone where every range meets",
            ),
            (
                Swatch::Filled(palette.status(Status::Untested)),
                "untested: overlap so far, not every party placed",
            ),
            (
                Swatch::Hatched(palette.status(Status::Deadlock)),
                "deadlock: gap between ranges",
            ),
            (
                Swatch::Outline(palette.weak),
                "unaddressed: fewer than two parties placed",
            ),
        ]
    }

    /// The kinds, hardest first, as the matrix's cells show them.
    pub(crate) fn kind_legend(&mut self) {
        let mut kinds = Kind::ALL.to_vec();
        kinds.sort_by_key(|&kind| hardness(kind));
        let labels: Vec<(Swatch, String)> = kinds
            .iter()
            .map(|&kind| {
                (
                    Swatch::Tag(self.palette.kind(kind)),
                    kind.label().to_uppercase(),
                )
            })
            .collect();
        self.paragraph(
            "Each cell shows the party's hardest statement on the issue, from red line to \
             offer; +N counts its other statements there.",
            11.5,
            Weight::Regular,
            self.palette.weak,
        );
        self.y += 4.0;
        let items: Vec<(Swatch, &str)> = labels
            .iter()
            .map(|(swatch, label)| (*swatch, label.as_str()))
            .collect();
        self.legend(&items);
    }

    /// Legend items in a row, wrapping onto more rows when they do not fit.
    fn legend(&mut self, items: &[(Swatch, &str)]) {
        const SIZE: f64 = 11.5;
        const ROW: f64 = 20.0;
        let mut x = MARGIN;
        let mut row_top = self.y;
        for (swatch, label) in items {
            let label_width = text::width(label, SIZE, swatch.weight());
            let item_width = 22.0 + label_width;
            if x > MARGIN && x + item_width > self.width - MARGIN {
                x = MARGIN;
                row_top += ROW;
            }
            let centre_y = row_top + ROW / 2.0;
            swatch.draw(&mut self.svg, x, centre_y, self.palette);
            self.svg.text(&Text {
                x: x + 20.0,
                y: centre_y + SIZE * 0.36,
                size: SIZE,
                weight: swatch.weight(),
                fill: swatch.label_colour(self.palette),
                anchor: Anchor::Start,
                content: label,
            });
            x += item_width + 16.0;
        }
        self.y = row_top + ROW + 8.0;
    }

    /// Where the positions come from, and which numbers are the analyst's.
    /// `only`: the issue a one-issue figure shows; its estimates and sources alone are named.
    pub(crate) fn footer(&mut self, only: Option<&IssueAnalysis>) {
        self.y += 6.0;
        self.svg.line(
            (MARGIN, self.y),
            (self.width - MARGIN, self.y),
            self.palette.rule,
            1.0,
        );
        self.y += 4.0;
        let weak = self.palette.weak;
        let issues: Vec<&IssueAnalysis> = match only {
            Some(issue) => vec![issue],
            None => self.analysis.issues.iter().map(AsRef::as_ref).collect(),
        };
        let (estimated, placed) = estimates(self.negotiation, &issues);
        let scale = "Each issue is scored 0–100 between the meanings named at its ends.";
        let estimates = match (estimated, placed) {
            (_, 0) => String::new(),
            (0, _) => " Every range and stance was stated by the parties.".to_owned(),
            (e, p) if e == p => " Every range and stance is the analyst's estimate from the \
                                 quoted statements, not a number a party stated."
                .to_owned(),
            (e, p) => {
                format!(" {e} of the {p} statements placed on a scale are the analyst's estimates.")
            }
        };
        self.paragraph(&format!("{scale}{estimates}"), 11.0, Weight::Regular, weak);
        let sources = sources_line(self.negotiation, &issues);
        self.paragraph(&sources, 11.0, Weight::Regular, weak);
    }

    pub(crate) fn finish(mut self, title: &str, description: &str) -> String {
        self.y += MARGIN;
        let background = self.palette.background;
        self.svg
            .finish(self.width, self.y.ceil(), background, title, description)
    }
}

/// A wrapped paragraph with its first line's top at `at`; returns the y below it.
pub(crate) fn paragraph(
    svg: &mut Svg,
    content: &str,
    at: (f64, f64),
    width: f64,
    size: f64,
    weight: Weight,
    fill: Rgb,
) -> f64 {
    let mut y = at.1;
    for line in text::wrap(content, size, weight, width) {
        y += size * LEADING;
        svg.text(&Text {
            x: at.0,
            y: y - size * 0.3,
            size,
            weight,
            fill,
            anchor: Anchor::Start,
            content: &line,
        });
    }
    y
}

/// A legend's mark.
#[derive(Debug, Clone, Copy)]
enum Swatch {
    Filled(Rgb),
    Hatched(Rgb),
    Band(Rgb),
    Dot(Rgb),
    Outline(Rgb),
    Dashed(Rgb),
    /// A kind: its tag, written in its colour.
    Tag(Rgb),
    /// A prediction's mark on the axis.
    Mark(Predicted, Rgb),
}

impl Swatch {
    fn weight(self) -> Weight {
        match self {
            Swatch::Tag(_) => Weight::Bold,
            _ => Weight::Regular,
        }
    }

    fn label_colour(self, palette: Palette) -> Rgb {
        match self {
            Swatch::Tag(colour) => colour,
            _ => palette.text,
        }
    }

    fn draw(self, svg: &mut Svg, x: f64, centre_y: f64, palette: Palette) {
        match self {
            Swatch::Filled(colour) => svg.rect(
                x,
                centre_y - 7.0,
                14.0,
                14.0,
                &Style {
                    fill: Some(palette.background.mix(colour, 0.18)),
                    stroke: Some((colour, 1.0)),
                    ..Style::default()
                },
            ),
            Swatch::Hatched(colour) => {
                svg.hatch(x, centre_y - 7.0, 14.0, 14.0, colour);
                svg.rect(
                    x,
                    centre_y - 7.0,
                    14.0,
                    14.0,
                    &Style {
                        stroke: Some((colour, 1.5)),
                        ..Style::default()
                    },
                );
            }
            Swatch::Band(colour) => svg.rect(
                x,
                centre_y - 3.0,
                14.0,
                6.0,
                &Style {
                    fill: Some(colour),
                    corner: 2.0,
                    ..Style::default()
                },
            ),
            Swatch::Outline(colour) => svg.rect(
                x,
                centre_y - 7.0,
                14.0,
                14.0,
                &Style {
                    stroke: Some((colour, 1.0)),
                    ..Style::default()
                },
            ),
            Swatch::Dashed(colour) => svg.rect(
                x,
                centre_y - 4.0,
                14.0,
                8.0,
                &Style {
                    stroke: Some((colour, 1.2)),
                    corner: 2.0,
                    dashed: true,
                    ..Style::default()
                },
            ),
            Swatch::Dot(colour) => svg.circle(
                (x + 7.0, centre_y),
                5.0,
                &Style {
                    fill: Some(colour),
                    stroke: Some((palette.text, 1.5)),
                    ..Style::default()
                },
            ),
            Swatch::Tag(colour) => svg.rect(
                x,
                centre_y - 7.0,
                14.0,
                14.0,
                &Style {
                    fill: Some(palette.wash(colour)),
                    stroke: Some((colour, 1.0)),
                    corner: 2.0,
                    ..Style::default()
                },
            ),
            Swatch::Mark(which, colour) => svg.polygon(
                &mark_points(which, x + 7.0, centre_y),
                &Style::filled(colour),
            ),
        }
    }
}

/// "Parties compared: US, NATO, Russia · positions as of 2022-01-26".
pub(crate) fn meta_line(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let names: Vec<&str> = analysis
        .parties
        .iter()
        .filter_map(|&p| negotiation.party(p))
        .map(|file| file.party.short_name.as_str())
        .collect();
    let mut dates: Vec<&str> = analysis
        .parties
        .iter()
        .filter_map(|&p| negotiation.party(p))
        .map(|file| file.as_of.trim())
        .filter(|date| !date.is_empty())
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let mut parties = if names.is_empty() {
        "No party compared".to_owned()
    } else {
        format!("Parties compared: {}", names.join(", "))
    };
    if let Some(round) = negotiation.round_shown() {
        parties.push_str(&format!(" · at round {round}"));
    }
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first == last => {
            format!("{parties} · positions as of {first}")
        }
        (Some(first), Some(last)) => format!("{parties} · positions as of {first} to {last}"),
        _ => format!("{parties} · the files give no date"),
    }
}

/// Every statement the figure draws from, in agenda and column order.
fn statements_compared<'a>(
    negotiation: &'a Negotiation,
    issues: &'a [&'a IssueAnalysis],
) -> impl Iterator<Item = &'a crate::model::Statement> + 'a {
    issues.iter().flat_map(move |issue| {
        issue.stands.iter().flat_map(move |stand| {
            stand.statements.iter().filter_map(move |&statement| {
                negotiation.statement(StatementKey {
                    party: stand.party,
                    statement,
                })
            })
        })
    })
}

/// How many of the statements placed on a scale are estimates, and how many are placed.
fn estimates(negotiation: &Negotiation, issues: &[&IssueAnalysis]) -> (usize, usize) {
    statements_compared(negotiation, issues)
        .filter(|s| s.range.is_some() || s.stance.is_some())
        .fold((0, 0), |(estimated, placed), s| {
            (estimated + usize::from(s.estimated), placed + 1)
        })
}

/// "Source: …", or the first two of several and how many more.
fn sources_line(negotiation: &Negotiation, issues: &[&IssueAnalysis]) -> String {
    let mut references: Vec<&str> = Vec::new();
    for statement in statements_compared(negotiation, issues) {
        for source in &statement.sources {
            let reference = source.reference.trim();
            if !reference.is_empty() && !references.contains(&reference) {
                references.push(reference);
            }
        }
    }
    match references.as_slice() {
        [] => "Sources: none given in the files.".to_owned(),
        [one] => format!("Source: {one}."),
        [first, second] => format!("Sources: {first}; {second}."),
        [first, second, rest @ ..] => {
            format!("Sources: {first}; {second}; and {} more.", rest.len())
        }
    }
}
