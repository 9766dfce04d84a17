//! The predicted outcomes and the trades in words, shared by every report so the terminal, the
//! Markdown and the HTML brief say the same thing.

use super::{Inline, View, number, range_text};
use crate::analysis::{Analysis, IssueAnalysis, Move, Prediction, Trade};
use crate::negotiation::Negotiation;

/// How many trades a brief lists; the JSON and `compare --trades` give them all.
pub const TRADES_IN_BRIEF: usize = 10;

/// What comes before a list of trades.
pub const TRADES_PREAMBLE: &str = "Exchanges of positions by the DECIDE exchange rule, best \
     first: each party moves on the issue it cares less about, towards the other, so that the \
     expected outcomes shift in its favour on the issue it cares more about; each gain is the \
     salience-weighted shift, equal for both. Model estimates from the weighted means, not \
     commitments";

/// One issue's prediction in words, as every report says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictionWords {
    /// "weighted mean 56, weighted median 80 (model estimate)".
    pub summary: String,
    /// Each placed party's position and weight, equal capabilities, who is not counted.
    pub basis: String,
    /// Who would move each prediction most.
    pub sensitivity: String,
    /// One per red line a prediction falls outside.
    pub warnings: Vec<String>,
}

/// The words for `issue`'s prediction, `None` when it has none.
pub fn prediction_words(
    negotiation: &Negotiation,
    analysis: &Analysis,
    issue: &IssueAnalysis,
) -> Option<PredictionWords> {
    let view = View {
        negotiation,
        analysis,
        changes: None,
    };
    let prediction = issue.prediction.as_ref()?;
    Some(PredictionWords {
        summary: View::prediction_summary(prediction),
        basis: view.prediction_basis(issue, prediction),
        sensitivity: view.prediction_sensitivity(prediction),
        warnings: view.prediction_warnings(prediction),
    })
}

/// "Russia moves on Missiles (80 → 62) and NATO on Exercises (20 → 45): each gains 1.97".
pub fn trade_words(negotiation: &Negotiation, analysis: &Analysis, trade: &Trade) -> String {
    View {
        negotiation,
        analysis,
        changes: None,
    }
    .trade_words(trade)
}

impl View<'_> {
    /// "weighted mean 56, weighted median 80 (model estimate)", with a tie said.
    pub(super) fn prediction_summary(prediction: &Prediction) -> String {
        let median = match prediction.median_tied_to {
            Some(to) => format!(
                "weighted median {} (tied: any point {}–{} wins as many votes)",
                number(prediction.weighted_median),
                number(prediction.weighted_median),
                number(to)
            ),
            None => format!("weighted median {}", number(prediction.weighted_median)),
        };
        format!(
            "weighted mean {}, {median} (model estimate)",
            number(prediction.weighted_mean)
        )
    }

    /// What the prediction is made of: each placed party's capability × salience, the equal
    /// capabilities when some are missing, and who is not placed.
    pub(super) fn prediction_basis(
        &self,
        issue: &IssueAnalysis,
        prediction: &Prediction,
    ) -> String {
        let weights: Vec<String> = prediction
            .inputs
            .iter()
            .map(|input| {
                let at = if input.from_stance {
                    format!("at {}", number(input.position))
                } else {
                    format!("at {} (middle of its range)", number(input.position))
                };
                format!(
                    "{} {at}, weight {}",
                    Inline(self.party_name(input.party)),
                    number(input.weight)
                )
            })
            .collect();
        let mut basis = format!("capability × salience: {}", weights.join("; "));
        if prediction.equal_capability {
            basis.push_str(&format!(
                ". Equal capabilities used: none stated for {}",
                self.names(&prediction.without_capability)
            ));
        }
        let unplaced: Vec<usize> = issue
            .awaited
            .iter()
            .copied()
            .filter(|&party| prediction.input(party).is_none())
            .collect();
        if !unplaced.is_empty() {
            basis.push_str(&format!(
                ". Not counted, not placed: {}",
                self.names(&unplaced)
            ));
        }
        let unread: Vec<String> = self
            .negotiation
            .left_out
            .iter()
            .filter(|file| file.is_party_file())
            .map(|file| Inline(&file.file_name()).to_string())
            .collect();
        if !unread.is_empty() {
            basis.push_str(&format!(
                ". Not counted, did not load: {}",
                unread.join(", ")
            ));
        }
        basis
    }

    /// "Russia moves the mean most (25–62 as it crosses the scale); NATO the median (22.5–40)".
    pub(super) fn prediction_sensitivity(&self, prediction: &Prediction) -> String {
        let of = |party: usize| prediction.sensitivity.iter().find(|s| s.party == party);
        let mean = of(prediction.mean_moved_most_by).map(|s| {
            format!(
                "{} moves the mean most ({} as it crosses the scale)",
                Inline(self.party_name(s.party)),
                range_text(s.mean_range)
            )
        });
        let median = of(prediction.median_moved_most_by).map(|s| {
            if s.median_range.max - s.median_range.min <= 0.0 {
                "no one party's move alone shifts the median".to_owned()
            } else {
                format!(
                    "{} the median ({})",
                    Inline(self.party_name(s.party)),
                    range_text(s.median_range)
                )
            }
        });
        let parts: Vec<String> = mean.into_iter().chain(median).collect();
        parts.join("; ")
    }

    /// One warning per red line a prediction falls outside.
    pub(super) fn prediction_warnings(&self, prediction: &Prediction) -> Vec<String> {
        prediction
            .refused
            .iter()
            .filter_map(|refused| {
                let red_line = self.statement(refused.rejection)?;
                let accepted = red_line.range?;
                Some(format!(
                    "the {} ({}) lies outside {}'s red line ({}): a warning, not an agreement",
                    refused.prediction.label(),
                    number(prediction.value(refused.prediction)),
                    Inline(self.party_name(refused.rejection.party)),
                    range_text(accepted)
                ))
            })
            .collect()
    }

    /// The summary cell: "56 / 80", with "!" when a red line refuses either.
    pub(super) fn prediction_cell(issue: &IssueAnalysis) -> String {
        issue.prediction.as_ref().map_or_else(
            || "–".to_owned(),
            |p| {
                let refused = if p.refused.is_empty() {
                    ""
                } else {
                    " (outside a red line)"
                };
                format!(
                    "{} / {}{refused}",
                    number(p.weighted_mean),
                    number(p.weighted_median)
                )
            },
        )
    }

    /// "Russia moves on Missiles (80 → 62) and NATO on Exercises (20 → 45): each gains 1.97".
    pub(super) fn trade_words(&self, trade: &Trade) -> String {
        let side = |side: &Move| {
            let title = self
                .analysis
                .issues
                .get(side.issue)
                .map_or("?", |issue| self.title(&issue.issue));
            let held = if side.held_by_red_line {
                ", as far as its red line allows"
            } else {
                ""
            };
            format!(
                "{} moves on {} ({} → {}{held})",
                Inline(self.party_name(side.party)),
                Inline(title),
                number(side.from),
                number(side.to)
            )
        };
        format!(
            "{} and {}: each gains {:.2}",
            side(&trade.first),
            side(&trade.second),
            trade.gain
        )
    }
}
