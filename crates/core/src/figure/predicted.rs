//! The predicted outcomes on a chart: a diamond on the axis at the weighted mean and a
//! triangle at the weighted median, each with a thin line up through the lanes, in the
//! deadlock colour when a red line refuses it; and the weight column that says what each
//! party counts for.

use super::chart::{ChartArea, Lane, ScaleX};
use super::palette::{Palette, Rgb};
use super::svg::{Style, Svg};
use crate::analysis::{IssueAnalysis, Predicted, Prediction, Status};
use crate::report::number;

/// The marks' half width on the axis.
const MARK: f64 = 6.0;

/// Which shape marks a prediction, for the chart and its legend alike.
pub(crate) fn mark_points(which: Predicted, x: f64, y: f64) -> Vec<(f64, f64)> {
    match which {
        Predicted::Mean => vec![(x, y - MARK), (x + MARK, y), (x, y + MARK), (x - MARK, y)],
        Predicted::Median => vec![(x - MARK, y - MARK), (x + MARK, y - MARK), (x, y + MARK)],
    }
}

/// The colour of a prediction's mark: a warning colour when a red line refuses it.
pub(crate) fn mark_colour(prediction: &Prediction, which: Predicted, palette: Palette) -> Rgb {
    if prediction.refused.iter().any(|r| r.prediction == which) {
        palette.status(Status::Deadlock)
    } else {
        palette.text
    }
}

/// Draws both predictions of `area.issue`, if it has them, between `lanes` (top, bottom), the
/// marks on the axis line below.
pub(crate) fn draw_predictions(
    svg: &mut Svg,
    area: &ChartArea<'_>,
    scale: &ScaleX,
    lanes: (f64, f64),
) {
    let Some(prediction) = &area.issue.prediction else {
        return;
    };
    let (top, bottom) = lanes;
    let axis = bottom + 3.0;
    for which in [Predicted::Mean, Predicted::Median] {
        let x = scale.x(prediction.value(which));
        let colour = mark_colour(prediction, which, area.palette);
        let faint = area.palette.background.mix(colour, 0.45);
        svg.line((x, top), (x, bottom), faint, 1.0);
        let style = Style {
            fill: Some(colour),
            stroke: Some((area.palette.background, 1.0)),
            ..Style::default()
        };
        svg.polygon(&mark_points(which, x, axis), &style);
    }
}

/// The data attributes a chart carries for its predictions, for programs that read it back.
pub(crate) fn prediction_data(issue: &IssueAnalysis) -> Vec<(&'static str, String)> {
    issue.prediction.as_ref().map_or_else(Vec::new, |p| {
        vec![
            ("mean", super::svg::number(p.weighted_mean)),
            ("median", super::svg::number(p.weighted_median)),
        ]
    })
}

/// "predicted: mean 56, median 80", said under a card's finding.
pub fn prediction_short(prediction: &Prediction) -> String {
    format!(
        "predicted: mean {}, median {}{}",
        number(prediction.weighted_mean),
        number(prediction.weighted_median),
        if prediction.refused.is_empty() {
            ""
        } else {
            " (outside a red line)"
        }
    )
}

/// The full chart's right-hand column: capability × salience when the prediction counts
/// stated capabilities, else salience alone (which is then the weight).
pub fn weight_heading(issue: &IssueAnalysis) -> &'static str {
    match &issue.prediction {
        Some(prediction) if !prediction.equal_capability => "c × s",
        _ => "salience",
    }
}

/// The figure in that column for one lane.
pub fn weight_figure(issue: &IssueAnalysis, lane: &Lane<'_>) -> String {
    match &issue.prediction {
        Some(prediction) if !prediction.equal_capability => prediction
            .input(lane.party)
            .map_or_else(|| "–".to_owned(), |input| number(input.weight)),
        _ => number(lane.salience),
    }
}
