//! A GENIUS profile's demand on one issue: the stance it prefers and the range that can still
//! reach its reservation value, worked out from the issue's utility curve (see `map.rs` for
//! the rule).

use common_ground_core::model::{Firmness, Kind, Range, SCALE_MAX, SCALE_MIN, Statement};

use super::map::{Curve, Mapped};
use super::{Profile, Scenario, Values};
use crate::import::tidy;

pub(super) fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("“{value}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The demand on one issue. `needed` is what `weight × utility` must reach on this issue for
/// the package to reach the reservation value with the best of every other issue.
pub(super) fn statement(
    scenario: &Scenario,
    profile: &Profile,
    issue: &Mapped<'_>,
    weight: f64,
    curve: &Curve,
    needed: f64,
) -> Statement {
    // A hair of slack, so a value exactly at the reservation counts as reaching it.
    let reaches = |utility: f64| weight * utility >= needed - 1e-12;
    let (stance, range, summary, detail) = match curve {
        Curve::Points(points) => discrete_demand(points, &reaches),
        Curve::Line {
            at_min,
            at_max,
            raw_min,
            raw_max,
        } => line_demand(
            issue,
            (*at_min, *at_max),
            (*raw_min, *raw_max),
            weight,
            needed,
            &reaches,
        ),
    };
    Statement {
        id: issue.agenda.id.clone(),
        issue: issue.agenda.id.clone(),
        kind: Kind::Demand,
        summary,
        stance,
        range,
        salience: tidy(weight * SCALE_MAX),
        firmness: Firmness::Flexible,
        estimated: true,
        conditions: Vec::new(),
        sources: Vec::new(),
        notes: format!(
            "From the {} profile {}: weight {weight}; {detail}",
            scenario.format,
            profile
                .file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        ),
        from: None,
        until: None,
    }
}

type Demand = (Option<f64>, Option<Range>, String, String);

fn discrete_demand(points: &[(f64, String, f64)], reaches: &dyn Fn(f64) -> bool) -> Demand {
    let best = points
        .iter()
        .fold(None::<&(f64, String, f64)>, |best, point| match best {
            Some(b) if b.2 >= point.2 => Some(b),
            _ => Some(point),
        });
    let utilities = points
        .iter()
        .map(|(_, value, utility)| format!("“{value}” {}", tidy(*utility)))
        .collect::<Vec<_>>()
        .join(", ");
    let acceptable: Vec<&(f64, String, f64)> = points.iter().filter(|p| reaches(p.2)).collect();
    let low = acceptable.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let high = acceptable
        .iter()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let range = (low <= high).then_some(Range {
        min: low,
        max: high,
    });
    let name_at = |at: f64| {
        points
            .iter()
            .find(|p| p.0 == at)
            .map_or_else(String::new, |p| p.1.clone())
    };
    let summary = match (best, &range) {
        (Some(best), Some(range)) if range.min < range.max => format!(
            "Prefers “{}”; could accept “{}” to “{}”",
            best.1,
            name_at(range.min),
            name_at(range.max)
        ),
        (Some(best), Some(_)) => format!("Prefers “{}” and accepts nothing else", best.1),
        (Some(best), None) => format!("Prefers “{}”; no value reaches its reservation", best.1),
        (None, _) => "No value has a utility".to_owned(),
    };
    let gaps: Vec<String> = range.as_ref().map_or_else(Vec::new, |range| {
        points
            .iter()
            .filter(|p| range.contains(p.0) && !reaches(p.2))
            .map(|p| p.1.clone())
            .collect()
    });
    let mut detail = format!("utilities {utilities}.");
    if let Some(best) = best {
        let ties: Vec<String> = points
            .iter()
            .filter(|p| p.2 >= best.2 && p.1 != best.1)
            .map(|p| p.1.clone())
            .collect();
        if !ties.is_empty() {
            detail.push_str(&format!(
                " As good as “{}”, the first listed: {}.",
                best.1,
                quoted_list(&ties)
            ));
        }
    }
    if !gaps.is_empty() {
        detail.push_str(&format!(
            " Inside the range but not acceptable on their own: {}.",
            quoted_list(&gaps)
        ));
    }
    (best.map(|b| b.0), range, summary, detail)
}

fn line_demand(
    issue: &Mapped<'_>,
    (at_min, at_max): (f64, f64),
    (raw_min, raw_max): (f64, f64),
    weight: f64,
    needed: f64,
    reaches: &dyn Fn(f64) -> bool,
) -> Demand {
    let (low, high) = match issue.domain.values {
        Values::Number { low, high } => (low, high),
        Values::Discrete(_) => (SCALE_MIN, SCALE_MAX),
    };
    let value_at = |position: f64| tidy(low + (high - low) * position / SCALE_MAX);
    let detail = format!(
        "utility {} at {low} and {} at {high}, linear between.",
        tidy(at_min),
        tidy(at_max)
    );
    #[expect(
        clippy::float_cmp,
        reason = "a flat line has the same utility, exactly, at both ends"
    )]
    if at_min == at_max {
        let range = reaches(at_min).then_some(Range {
            min: SCALE_MIN,
            max: SCALE_MAX,
        });
        return (
            None,
            range,
            format!("Every value of {} is worth the same", issue.domain.name),
            detail,
        );
    }
    let stance = if at_max > at_min {
        SCALE_MAX
    } else {
        SCALE_MIN
    };
    let range = if reaches(at_min.min(at_max)) {
        Some(Range {
            min: SCALE_MIN,
            max: SCALE_MAX,
        })
    } else if reaches(at_min.max(at_max)) {
        // Where weight × utility meets what is needed: utility = needed / weight.
        let threshold = needed / weight;
        let crossing = tidy(SCALE_MAX * (threshold - raw_min) / (raw_max - raw_min))
            .clamp(SCALE_MIN, SCALE_MAX);
        Some(if at_max > at_min {
            Range {
                min: crossing,
                max: SCALE_MAX,
            }
        } else {
            Range {
                min: SCALE_MIN,
                max: crossing,
            }
        })
    } else {
        None
    };
    let summary = match &range {
        Some(range) => format!(
            "Prefers {}; could accept {} to {}",
            value_at(stance),
            value_at(range.min),
            value_at(range.max)
        ),
        None => format!(
            "Prefers {}; no value reaches its reservation",
            value_at(stance)
        ),
    };
    (Some(stance), range, summary, detail)
}
