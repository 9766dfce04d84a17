//! Where an issue would land if it were settled today: the two predictions of the
//! expected-utility tradition, computed from the parties placed on the issue.
//!
//! Each placed party has a position x (its stance, or the middle of its acceptable range when it
//! states none), a salience s (the highest salience it gives any of its statements on the
//! issue) and a capability c (its file's `capability`). Its weight is w = c·s.
//!
//! - The **weighted mean** Σ wᵢxᵢ / Σ wᵢ is the outcome the DECIDE exchange model (Stokman and
//!   Van Oosten 1994) calls the Nash bargaining solution.
//! - The **weighted median** is the position that beats every other in pairwise votes in which
//!   each party gives its weight to the nearer of the two (Bueno de Mesquita's median-voter
//!   prediction, 1994). It is the lowest position at or below which at least half of the weight
//!   stands; when exactly half stands at or below it, every point up to the next position wins
//!   as many votes, and the tie is said.
//!
//! When any placed party has no capability, all count with equal capability, and the
//! prediction says so: mixing stated and missing capabilities would invent one.

use crate::model::{Kind, Range, SCALE_MAX, SCALE_MIN, Statement};
use crate::negotiation::{Negotiation, StatementKey};
use crate::validate::is_usable_range;

use super::Stand;

/// How far past a range's end a computed value may fall and still count as on it: sums of
/// products carry rounding a few ulps wide.
const EDGE: f64 = 1e-9;

/// One placed party as the predictions count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighted {
    pub party: usize,
    /// Its stance, or the middle of its acceptable range.
    pub position: f64,
    /// True when `position` is a stated stance, false when it is the middle of a range.
    pub from_stance: bool,
    /// The highest salience among its statements on the issue, 0–100.
    pub salience: f64,
    /// Its capability as counted: its own, or 1 when equal capabilities are used.
    pub capability: f64,
    /// capability × salience.
    pub weight: f64,
    /// What its red lines on the issue leave it free to accept (the whole scale without one):
    /// a trade never moves it outside.
    pub limits: Range,
}

/// How far each prediction could go if one party moved anywhere on the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub party: usize,
    /// Its share of the total weight, 0–1.
    pub share: f64,
    /// The weighted mean with the party at 0 and at 100, the others where they stand.
    pub mean_range: Range,
    /// The weighted median likewise.
    pub median_range: Range,
}

/// Which of the two predictions a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicted {
    Mean,
    Median,
}

impl Predicted {
    pub fn id(self) -> &'static str {
        match self {
            Predicted::Mean => "weighted_mean",
            Predicted::Median => "weighted_median",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Predicted::Mean => "weighted mean",
            Predicted::Median => "weighted median",
        }
    }
}

/// A prediction that falls outside what a party's red line accepts: a warning, not an
/// agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub prediction: Predicted,
    pub rejection: StatementKey,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub weighted_mean: f64,
    pub weighted_median: f64,
    /// When the weight splits exactly in half at the median: every point from
    /// `weighted_median` up to this one wins as many votes.
    pub median_tied_to: Option<f64>,
    /// The placed parties in the order chosen, with what each counts for.
    pub inputs: Vec<Weighted>,
    /// True when equal capabilities are used because a placed party has none.
    pub equal_capability: bool,
    /// The placed parties without a capability.
    pub without_capability: Vec<usize>,
    /// One per input, in the same order.
    pub sensitivity: Vec<Sensitivity>,
    /// The party whose move would shift the mean furthest, and the median.
    pub mean_moved_most_by: usize,
    pub median_moved_most_by: usize,
    /// Red lines the predictions fall outside.
    pub refused: Vec<Refused>,
    /// True when any input is an analyst's estimate (every capability is one).
    pub estimated: bool,
}

impl Prediction {
    pub fn value(&self, which: Predicted) -> f64 {
        match which {
            Predicted::Mean => self.weighted_mean,
            Predicted::Median => self.weighted_median,
        }
    }

    pub fn input(&self, party: usize) -> Option<&Weighted> {
        self.inputs.iter().find(|input| input.party == party)
    }
}

/// A placed party before the weights are settled.
struct Placed {
    party: usize,
    position: f64,
    from_stance: bool,
    salience: f64,
    capability: Option<f64>,
    estimated: bool,
    limits: Range,
}

/// Where one stand places its party, `None` when it has no place on the scale.
fn placed(negotiation: &Negotiation, stand: &Stand) -> Option<Placed> {
    let file = negotiation.party(stand.party)?;
    let statements: Vec<&Statement> = stand
        .statements
        .iter()
        .filter_map(|&i| file.statements.get(i))
        .collect();
    let (position, from_stance) = position(&statements, stand.range?)?;
    let salience = statements
        .iter()
        .map(|s| s.salience)
        .filter(|s| s.is_finite())
        .fold(0.0, f64::max)
        .max(0.0);
    let capability = file.party.capability.filter(|c| c.is_finite());
    Some(Placed {
        party: stand.party,
        position,
        from_stance,
        salience,
        capability,
        estimated: capability.is_some() || statements.iter().any(|s| s.estimated),
        limits: limits(&statements, position),
    })
}

/// The predictions for one issue from its stands, `None` with fewer than two placed parties or
/// when every placed party's weight is zero.
pub(super) fn predict(negotiation: &Negotiation, stands: &[Stand]) -> Option<Prediction> {
    let placed: Vec<Placed> = stands
        .iter()
        .filter_map(|stand| placed(negotiation, stand))
        .collect();
    if placed.len() < 2 {
        return None;
    }
    let without_capability: Vec<usize> = placed
        .iter()
        .filter(|p| p.capability.is_none())
        .map(|p| p.party)
        .collect();
    let equal_capability = !without_capability.is_empty();
    let inputs: Vec<Weighted> = placed
        .iter()
        .map(|p| {
            let capability = if equal_capability {
                1.0
            } else {
                p.capability.unwrap_or(1.0).max(0.0)
            };
            Weighted {
                party: p.party,
                position: p.position,
                from_stance: p.from_stance,
                salience: p.salience,
                capability,
                weight: capability * p.salience,
                limits: p.limits,
            }
        })
        .collect();
    let points: Vec<(f64, f64)> = inputs.iter().map(|i| (i.position, i.weight)).collect();
    let weighted_mean = mean(&points)?;
    let (weighted_median, median_tied_to) = median(&points)?;
    let sensitivity = sensitivity(&inputs, &points, weighted_mean, weighted_median);
    let moved_most_by = |span: fn(&Sensitivity) -> f64| {
        sensitivity
            .iter()
            .fold(None::<&Sensitivity>, |best, s| match best {
                Some(b) if span(b) >= span(s) => Some(b),
                _ => Some(s),
            })
            .map_or(0, |s| s.party)
    };
    let mean_moved_most_by = moved_most_by(|s| s.mean_range.max - s.mean_range.min);
    let median_moved_most_by = moved_most_by(|s| s.median_range.max - s.median_range.min);

    Some(Prediction {
        weighted_mean,
        weighted_median,
        median_tied_to,
        refused: refused(negotiation, stands, weighted_mean, weighted_median),
        estimated: placed.iter().any(|p| p.estimated),
        inputs,
        equal_capability,
        without_capability,
        sensitivity,
        mean_moved_most_by,
        median_moved_most_by,
    })
}

/// For each input, the predictions with it at either end of the scale and the others where
/// they stand. The mean moves in proportion to the party's share; the median is recounted.
fn sensitivity(
    inputs: &[Weighted],
    points: &[(f64, f64)],
    weighted_mean: f64,
    weighted_median: f64,
) -> Vec<Sensitivity> {
    let total: f64 = points.iter().map(|p| p.1).sum();
    inputs
        .iter()
        .enumerate()
        .map(|(index, input)| {
            let share = input.weight / total;
            let median_at = |to: f64| {
                let mut moved = points.to_vec();
                if let Some(point) = moved.get_mut(index) {
                    point.0 = to;
                }
                median(&moved).map_or(weighted_median, |m| m.0)
            };
            let (median_low, median_high) = (median_at(SCALE_MIN), median_at(SCALE_MAX));
            Sensitivity {
                party: input.party,
                share,
                mean_range: Range {
                    min: weighted_mean + share * (SCALE_MIN - input.position),
                    max: weighted_mean + share * (SCALE_MAX - input.position),
                },
                median_range: Range {
                    min: median_low.min(median_high),
                    max: median_low.max(median_high),
                },
            }
        })
        .collect()
}

/// A party's position on the issue: the stance of its firmest statement that states one
/// (non-negotiable before firm before flexible, then higher salience, then file order), or else
/// the middle of its acceptable range.
fn position(statements: &[&Statement], range: Range) -> Option<(f64, bool)> {
    let stance = statements
        .iter()
        .enumerate()
        .filter_map(|(order, s)| {
            let stance = s.stance?;
            is_usable_range(&Range {
                min: stance,
                max: stance,
            })
            .then_some((order, *s, stance))
        })
        .min_by(|(a, x, _), (b, y, _)| {
            x.firmness
                .cmp(&y.firmness)
                .then(y.salience.total_cmp(&x.salience))
                .then(a.cmp(b))
        })
        .map(|(_, _, stance)| stance);
    match stance {
        Some(stance) => Some((stance, true)),
        None => {
            let middle = f64::midpoint(range.min, range.max);
            middle.is_finite().then_some((middle, false))
        }
    }
}

/// The common part of a party's red lines, or the whole scale without one; when they
/// contradict each other, or leave out its own position, it is held where it stands.
fn limits(statements: &[&Statement], position: f64) -> Range {
    let whole = Range {
        min: SCALE_MIN,
        max: SCALE_MAX,
    };
    statements
        .iter()
        .filter(|s| s.kind == Kind::Rejection)
        .filter_map(|s| s.range.filter(is_usable_range))
        .try_fold(whole, |so_far, range| so_far.intersect(&range))
        .filter(|limits| limits.contains(position))
        .unwrap_or(Range {
            min: position,
            max: position,
        })
}

/// Σ wx / Σ w over `(x, w)`; `None` when the weights sum to nothing.
pub fn mean(points: &[(f64, f64)]) -> Option<f64> {
    let total: f64 = points.iter().map(|p| p.1).sum();
    (total > 0.0).then(|| points.iter().map(|(x, w)| x * w).sum::<f64>() / total)
}

/// The weighted median of `(x, w)` and, when the weight splits exactly in half there, the next
/// position up to which the tie runs; `None` when the weights sum to nothing.
pub fn median(points: &[(f64, f64)]) -> Option<(f64, Option<f64>)> {
    let total: f64 = points.iter().map(|p| p.1).sum();
    if total <= 0.0 {
        return None;
    }
    let mut sorted: Vec<(f64, f64)> = points.iter().copied().filter(|p| p.1 > 0.0).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = total / 2.0;
    // Sums of a few weights of up to 100 each: a relative tolerance keeps an exact half a tie.
    let tolerance = total * 1e-12;
    let mut below = 0.0;
    for (index, &(x, w)) in sorted.iter().enumerate() {
        below += w;
        if below >= half - tolerance {
            let next = sorted.get(index + 1).map(|p| p.0).filter(|&next| next > x);
            let tied = (below - half).abs() <= tolerance;
            return Some((x, next.filter(|_| tied)));
        }
    }
    sorted.last().map(|p| (p.0, None))
}

/// The red lines among the stands that refuse the mean or the median.
fn refused(negotiation: &Negotiation, stands: &[Stand], mean: f64, median: f64) -> Vec<Refused> {
    let mut found = Vec::new();
    for stand in stands {
        let Some(file) = negotiation.party(stand.party) else {
            continue;
        };
        for &index in &stand.statements {
            let Some(accepted) = file
                .statements
                .get(index)
                .filter(|s| s.kind == Kind::Rejection)
                .and_then(|s| s.range.filter(is_usable_range))
            else {
                continue;
            };
            let rejection = StatementKey {
                party: stand.party,
                statement: index,
            };
            for (prediction, value) in [(Predicted::Mean, mean), (Predicted::Median, median)] {
                // A prediction computed to sit on a red line's edge is inside it.
                if value < accepted.min - EDGE || value > accepted.max + EDGE {
                    found.push(Refused {
                        prediction,
                        rejection,
                    });
                }
            }
        }
    }
    found
}
