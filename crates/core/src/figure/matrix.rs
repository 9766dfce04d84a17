//! Issues × parties: each cell the party's hardest statement on the issue, from red line to
//! offer, or that it is silent, beside the issue's finding.

use super::chart::{self, Place};
use super::page::{MARGIN, Page, paragraph};
use super::palette::{Rgb, Theme};
use super::svg::{Anchor, Style, Text};
use super::text::{self, Weight};
use crate::analysis::{Analysis, IssueAnalysis, strongest};
use crate::negotiation::Negotiation;

const TITLE_WIDTH: f64 = 300.0;
const STATUS_WIDTH: f64 = 210.0;
const CELL_WIDTH: f64 = 150.0;
const SPACING: f64 = 8.0;
const ROW_PADDING: f64 = 6.0;

pub fn matrix(negotiation: &Negotiation, analysis: &Analysis, theme: Theme) -> String {
    let parties = analysis.parties.len() as f64;
    let table_width = TITLE_WIDTH + STATUS_WIDTH + parties * (CELL_WIDTH + SPACING) + SPACING;
    let width = (table_width + 2.0 * MARGIN).max(760.0);
    let mut page = Page::new(negotiation, analysis, theme, width);
    page.header("Issues × parties: each party's hardest statement on each issue");
    page.kind_legend();
    page.status_legend();
    header_row(&mut page);
    for (index, issue) in analysis.issues.iter().enumerate() {
        row(&mut page, issue, index % 2 == 1);
    }
    page.footer(None);
    let title = format!("{}: issues × parties", negotiation.name());
    let description = description(negotiation, analysis);
    page.finish(&title, &description)
}

fn cell_left(column: usize) -> f64 {
    MARGIN + TITLE_WIDTH + STATUS_WIDTH + SPACING + column as f64 * (CELL_WIDTH + SPACING)
}

fn header_row(page: &mut Page<'_>) {
    let (text_colour, y) = (page.palette.text, page.y + 16.0);
    for (x, label) in [(MARGIN, "Issue"), (MARGIN + TITLE_WIDTH, "Status")] {
        page.svg.text(&Text {
            x,
            y,
            size: 12.5,
            weight: Weight::Bold,
            fill: text_colour,
            anchor: Anchor::Start,
            content: label,
        });
    }
    for (column, &party) in page.analysis.parties.iter().enumerate() {
        let Some(file) = page.negotiation.party(party) else {
            continue;
        };
        let left = cell_left(column);
        page.svg.rect(
            left,
            y - 10.0,
            10.0,
            10.0,
            &Style::filled(Rgb::of_party(&file.party.colour)),
        );
        let name = text::truncate(
            &file.party.short_name,
            12.5,
            Weight::Bold,
            CELL_WIDTH - 16.0,
        );
        page.svg.text(&Text {
            x: left + 15.0,
            y,
            size: 12.5,
            weight: Weight::Bold,
            fill: text_colour,
            anchor: Anchor::Start,
            content: &name,
        });
    }
    page.y += 24.0;
    let rule = page.palette.rule;
    let right = page.width - MARGIN;
    page.svg.line((MARGIN, page.y), (right, page.y), rule, 1.0);
}

/// A row's title and finding wrap; its cells sit in the middle of it.
fn row(page: &mut Page<'_>, issue: &IssueAnalysis, striped: bool) {
    let palette = page.palette;
    let title = chart::issue_title(page.negotiation, issue);
    let words = chart::status_words(issue);
    let title_lines = text::wrap(title, 12.5, Weight::Regular, TITLE_WIDTH - SPACING).len();
    let status_lines = text::wrap(&words, 12.0, Weight::Regular, STATUS_WIDTH - SPACING).len();
    let lines = title_lines.max(status_lines) as f64;
    let height = (lines * 12.5 * 1.3 + 2.0 * ROW_PADDING).max(36.0);
    let top = page.y;
    if striped {
        let stripe = palette.background.mix(palette.text, 0.05);
        let width = page.width - 2.0 * MARGIN;
        page.svg
            .rect(MARGIN, top, width, height, &Style::filled(stripe));
    }
    let text_top = top + ROW_PADDING - 3.0;
    paragraph(
        &mut page.svg,
        title,
        (MARGIN + 2.0, text_top),
        TITLE_WIDTH - SPACING,
        12.5,
        Weight::Regular,
        palette.text,
    );
    paragraph(
        &mut page.svg,
        &words,
        (MARGIN + TITLE_WIDTH, text_top),
        STATUS_WIDTH - SPACING,
        12.0,
        Weight::Regular,
        palette.status(issue.status),
    );
    let lanes = chart::lanes(page.negotiation, page.analysis, issue);
    for (column, lane) in lanes.iter().enumerate() {
        cell(
            page,
            issue,
            lane,
            (cell_left(column), top + height / 2.0),
            title,
        );
    }
    page.y += height;
}

/// What a cell says: "RED LINE +2", "silent" or "no stake".
fn cell_text(page: &Page<'_>, issue: &IssueAnalysis, party: usize) -> Option<(String, Rgb)> {
    let stand = issue.stands.iter().find(|stand| stand.party == party)?;
    let statements = page.negotiation.party(party)?.statements.as_slice();
    let hardest = statements.get(strongest(statements, &stand.statements)?)?;
    let mut text = hardest.kind.label().to_uppercase();
    if stand.statements.len() > 1 {
        text.push_str(&format!("  +{}", stand.statements.len() - 1));
    }
    Some((text, page.palette.kind(hardest.kind)))
}

fn cell(
    page: &mut Page<'_>,
    issue: &IssueAnalysis,
    lane: &chart::Lane<'_>,
    centre: (f64, f64),
    issue_title: &str,
) {
    let palette = page.palette;
    let (left, centre_y) = centre;
    let width = CELL_WIDTH;
    let found = cell_text(page, issue, lane.party);
    let label = match &found {
        Some((text, _)) => format!("{} on {issue_title}: {}", lane.name, text.to_lowercase()),
        None => chart::lane_label(lane, issue_title),
    };
    page.svg.open_group("cell", &label, &[]);
    match found {
        Some((text, colour)) => {
            let style = Style {
                fill: Some(palette.wash(colour)),
                stroke: Some((colour, 1.0)),
                corner: 3.0,
                ..Style::default()
            };
            page.svg.rect(left, centre_y - 12.0, width, 24.0, &style);
            let text = text::truncate(&text, 11.5, Weight::Bold, width - 8.0);
            page.svg.text(&Text {
                x: left + width / 2.0,
                y: centre_y + 4.0,
                size: 11.5,
                weight: Weight::Bold,
                fill: colour,
                anchor: Anchor::Middle,
                content: &text,
            });
        }
        None => {
            let words = if lane.place == Place::NoStake {
                "no stake"
            } else {
                "silent"
            };
            page.svg.text(&Text {
                x: left + width / 2.0,
                y: centre_y + 4.0,
                size: 11.5,
                weight: Weight::Regular,
                fill: palette.weak,
                anchor: Anchor::Middle,
                content: words,
            });
        }
    }
    page.svg.close_group();
}

fn description(negotiation: &Negotiation, analysis: &Analysis) -> String {
    let rows: Vec<String> = analysis
        .issues
        .iter()
        .map(|issue| {
            format!(
                "{}: {}",
                chart::issue_title(negotiation, issue),
                chart::status_words(issue)
            )
        })
        .collect();
    format!(
        "Each issue's finding and each party's hardest statement on it. {}.",
        rows.join("; ")
    )
}
