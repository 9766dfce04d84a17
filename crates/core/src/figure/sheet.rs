//! Every issue's scale on one sheet, two to a row, so a reader sees all the zones of agreement
//! and all the gaps at once: the figure the README shows and `compare --format svg` writes.

use super::chart::{self, ChartArea, ChartSize};
use super::page::{MARGIN, Page, paragraph};
use super::palette::Theme;
use super::predicted::prediction_short;
use super::svg::{Style, Svg};
use super::text::Weight;
use crate::analysis::{Analysis, IssueAnalysis, Status};
use crate::negotiation::Negotiation;

const WIDTH: f64 = 1200.0;
const COLUMNS: usize = 2;
const GAP: f64 = 16.0;
const PADDING: f64 = 10.0;

pub fn scales_sheet(negotiation: &Negotiation, analysis: &Analysis, theme: Theme) -> String {
    let mut page = Page::new(negotiation, analysis, theme, WIDTH);
    page.header("Every issue on its 0–100 scale");
    page.chart_legend();
    if analysis.issues.is_empty() {
        let weak = page.palette.weak;
        page.paragraph("No issue to compare.", 13.0, Weight::Regular, weak);
    }
    let card_width = (page.content_width() - GAP * (COLUMNS - 1) as f64) / COLUMNS as f64;
    let issues: Vec<&IssueAnalysis> = analysis.issues.iter().map(AsRef::as_ref).collect();
    for row in issues.chunks(COLUMNS) {
        // Cards in a row are as tall as the tallest: each is drawn into its own buffer first.
        let cards: Vec<(Svg, f64)> = row
            .iter()
            .enumerate()
            .map(|(column, issue)| {
                let left = MARGIN + column as f64 * (card_width + GAP);
                let mut card = Svg::new();
                let height = draw_card(&mut card, &page, issue, (left, page.y), card_width);
                (card, height)
            })
            .collect();
        let height = cards.iter().map(|(_, h)| *h).fold(0.0, f64::max);
        for (column, (card, _)) in cards.into_iter().enumerate() {
            let left = MARGIN + column as f64 * (card_width + GAP);
            let style = Style {
                stroke: Some((page.palette.rule, 1.0)),
                corner: 4.0,
                ..Style::default()
            };
            page.svg.rect(left, page.y, card_width, height, &style);
            page.svg.append(&card);
        }
        page.y += height + GAP;
    }
    page.footer(None);
    let title = format!("{}: every issue on its scale", negotiation.name());
    let description = super::issue_page::figure_description(negotiation, analysis, &issues);
    page.finish(&title, &description)
}

/// One issue's card: its title, its finding, the compact chart and the ends of its scale.
fn draw_card(
    svg: &mut Svg,
    page: &Page<'_>,
    issue: &IssueAnalysis,
    at: (f64, f64),
    width: f64,
) -> f64 {
    let palette = page.palette;
    let inner = width - 2.0 * PADDING;
    let left = at.0 + PADDING;
    let mut y = at.1 + PADDING - 4.0;
    let title = chart::issue_title(page.negotiation, issue);
    y = paragraph(
        svg,
        title,
        (left, y),
        inner,
        14.0,
        Weight::Bold,
        palette.text,
    );
    let status = palette.status(issue.status);
    let words = chart::status_words(issue);
    y = paragraph(svg, &words, (left, y), inner, 12.0, Weight::Regular, status);
    if let Some(prediction) = &issue.prediction {
        let colour = if prediction.refused.is_empty() {
            palette.weak
        } else {
            palette.status(Status::Deadlock)
        };
        let words = prediction_short(prediction);
        y = paragraph(svg, &words, (left, y), inner, 11.5, Weight::Regular, colour);
    }
    y += 4.0;
    let area = ChartArea {
        negotiation: page.negotiation,
        analysis: page.analysis,
        issue,
        palette,
        left,
        top: y,
        width: inner,
        size: ChartSize::Compact,
    };
    y += chart::draw(svg, &area) + 2.0;
    // The ends of the scale, so that the bands can be read without the agenda.
    let anchors = chart::anchors(page.negotiation, issue);
    let ends: Vec<_> = match (anchors.first(), anchors.last()) {
        (Some(low), Some(high)) if anchors.len() > 1 => vec![low.clone(), high.clone()],
        _ => anchors.to_vec(),
    };
    y = chart::draw_anchors(svg, &ends, (left, y), inner, palette);
    y + PADDING - at.1
}
