//! Pages built around one issue's chart: the one-issue figure, the compact chart the HTML
//! brief sets beside each finding, and the words a screen reader gets for either.

use super::chart::{
    ChartArea, ChartSize, anchors, draw, draw_anchors, issue_title, lane_label, lanes, status_words,
};
use super::page::{MARGIN, Page};
use super::palette::{Palette, Theme};
use super::predicted::prediction_short;
use super::svg::{Anchor, Style, Svg, Text};
use super::text::Weight;
use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::model::Anchor as ScaleAnchor;
use crate::negotiation::Negotiation;

/// The figure of one issue: its chart in full, with the scale's meanings, a legend and the
/// sources. `None` when the issue is not among those compared.
pub(crate) fn issue_figure(
    negotiation: &Negotiation,
    analysis: &Analysis,
    issue_id: &str,
    theme: Theme,
) -> Option<String> {
    let issue = analysis.issue(issue_id)?;
    let mut page = Page::new(negotiation, analysis, theme, 760.0);
    let title = issue_title(negotiation, issue).to_owned();
    page.header(&title);
    let status = page.palette.status(issue.status);
    page.paragraph(&status_words(issue), 13.0, Weight::Bold, status);
    if let Some(prediction) = &issue.prediction {
        let colour = if prediction.refused.is_empty() {
            page.palette.weak
        } else {
            page.palette.status(Status::Deadlock)
        };
        page.paragraph(&prediction_short(prediction), 12.0, Weight::Regular, colour);
    }
    page.y += 10.0;
    let area = ChartArea {
        negotiation,
        analysis,
        issue,
        palette: page.palette,
        left: MARGIN,
        top: page.y,
        width: page.content_width(),
        size: ChartSize::Full,
    };
    page.y += draw(&mut page.svg, &area) + 6.0;
    let width = page.content_width();
    let (palette, y) = (page.palette, page.y);
    page.y = draw_anchors(
        &mut page.svg,
        anchors(negotiation, issue),
        (MARGIN, y),
        width,
        palette,
    );
    page.y += 10.0;
    page.chart_legend();
    page.footer(Some(issue));
    let figure_title = format!("{}: {}", negotiation.name(), title);
    let description = figure_description(negotiation, analysis, &[issue]);
    Some(page.finish(&figure_title, &description))
}

/// The figure in words: each issue's finding and every party's place on it.
pub(crate) fn figure_description(
    negotiation: &Negotiation,
    analysis: &Analysis,
    issues: &[&IssueAnalysis],
) -> String {
    let sentences: Vec<String> = issues
        .iter()
        .map(|issue| {
            let title = issue_title(negotiation, issue);
            let lanes: Vec<String> = lanes(negotiation, analysis, issue)
                .iter()
                .map(|lane| {
                    let label = lane_label(lane, title);
                    label
                        .strip_prefix(&format!("{} on {title}: ", lane.name))
                        .map_or(label.clone(), |rest| format!("{} {rest}", lane.name))
                })
                .collect();
            format!("{title}: {}; {}.", status_words(issue), lanes.join("; "))
        })
        .collect();
    sentences.join(" ")
}

/// An issue's compact chart with the ends of its scale, to sit beside its finding in the HTML
/// brief. Its last line names the figure, so a reader (and the print test) can tell where it
/// ends.
pub(crate) fn inline_chart(
    negotiation: &Negotiation,
    analysis: &Analysis,
    issue: &IssueAnalysis,
    theme: Theme,
    figure_number: usize,
) -> String {
    const WIDTH: f64 = 520.0;
    let palette = Palette::of(theme);
    let mut svg = Svg::new();
    svg.rect(
        0.0,
        0.0,
        WIDTH,
        10_000.0,
        &Style::filled(palette.background),
    );
    let area = ChartArea {
        negotiation,
        analysis,
        issue,
        palette,
        left: 4.0,
        top: 4.0,
        width: WIDTH - 8.0,
        size: ChartSize::Compact,
    };
    let mut y = 4.0 + draw(&mut svg, &area) + 2.0;
    let all = anchors(negotiation, issue);
    let ends: Vec<ScaleAnchor> = match (all.first(), all.last()) {
        (Some(low), Some(high)) if all.len() > 1 => vec![low.clone(), high.clone()],
        _ => all.to_vec(),
    };
    y = draw_anchors(&mut svg, &ends, (6.0, y), WIDTH - 12.0, palette);
    y += 15.0;
    svg.text(&Text {
        x: WIDTH - 6.0,
        y: y - 3.0,
        size: 10.0,
        weight: Weight::Regular,
        fill: palette.weak,
        anchor: Anchor::End,
        content: &format!("Figure {figure_number}"),
    });
    let label = figure_description(negotiation, analysis, &[issue]);
    svg.inline(WIDTH, y.ceil(), &label)
}
