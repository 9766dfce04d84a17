//! A GENIUS or GeniusWeb scenario as a negotiation.
//!
//! - An issue is an agenda issue. A discrete issue's values are its scale anchors, spread
//!   evenly over 0–100 in the domain's order (the analyst can move them); a value called
//!   “No agreement” marks no deal, not a position, and is left off the scale. A number issue
//!   runs from its lowest value at 0 to its highest at 100.
//! - A profile is a party, and on each issue a demand: the stance is the value of highest
//!   utility, the salience the issue's weight × 100.
//! - The acceptable range comes from the reservation value `r`, which holds for the whole
//!   package, not one issue: a value `v` of issue `i` is acceptable when some package holding it
//!   can still reach `r`, that is when `wᵢ·uᵢ(v) + Σⱼ≠ᵢ wⱼ·maxⱼ ≥ r` (the best of every other
//!   issue, as GENIUS adds a package's utility up: `Σ wⱼ·uⱼ`). The range runs from the lowest
//!   to the highest acceptable position; values inside it that are not acceptable are named in
//!   the statement's notes. GeniusWeb's reservation bid gives `r` as its utility; no
//!   reservation at all is `r = 0`, as in GENIUS.
//!
//! Nothing here is anything a party said: every statement is marked estimated.

use std::collections::{HashMap, HashSet};

use common_ground_core::model::{
    Agenda, AgendaIssue, Anchor, FORMAT_VERSION, Party, PartyFile, SCALE_MAX, SCALE_MIN,
};

use super::demand::{quoted_list, statement};
use super::{BidValue, DomainIssue, Profile, Reservation, Scenario, Utility, Values};
use crate::error::{CellError, Error};
use crate::import::{
    Imported, Places, RowsOf, fold_missing_sources, palette_colour, tidy, unique, validated,
};

/// How far the weights may sum from 1 before they are refused (files round to 5 decimals).
const WEIGHT_TOLERANCE: f64 = 0.001;

/// Whether a discrete value marks no deal rather than a position.
fn is_no_agreement(value: &str) -> bool {
    let words = value
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(words.as_str(), "noagreement" | "nodeal")
}

/// What every profile must give before anything is mapped: a weight and utilities for every
/// issue of the domain, weights that sum to 1, values the domain knows.
pub(super) fn check(scenario: &Scenario, errors: &mut Vec<CellError>) {
    for profile in &scenario.profiles {
        for issue in &scenario.issues {
            for (what, given) in [
                (
                    "weight",
                    profile.weights.iter().any(|(i, ..)| i == &issue.name),
                ),
                (
                    "utilities",
                    profile.utilities.iter().any(|(i, ..)| i == &issue.name),
                ),
            ] {
                if !given {
                    errors.push(CellError::new(
                        profile.place.clone(),
                        format!("the profile gives issue “{}” no {what}", issue.name),
                    ));
                }
            }
        }
        for (issue, weight, place) in &profile.weights {
            if !scenario.issues.iter().any(|known| &known.name == issue) {
                errors.push(CellError::new(
                    place.clone(),
                    format!("a weight for “{issue}”, which is not an issue of the domain"),
                ));
            } else if *weight < 0.0 {
                errors.push(CellError::new(
                    place.clone(),
                    format!("the weight of “{issue}” is {weight}, below 0"),
                ));
            }
        }
        let sum: f64 = profile.weights.iter().map(|(_, weight, _)| weight).sum();
        if !profile.weights.is_empty() && (sum - 1.0).abs() > WEIGHT_TOLERANCE {
            let place = profile
                .weights
                .first()
                .map_or_else(|| profile.place.clone(), |(_, _, place)| place.clone());
            errors.push(CellError::new(
                place,
                format!(
                    "the weights sum to {}, not 1: a package's utility is the sum of weight × \
                     utility, so weights that do not sum to 1 make the reservation value \
                     meaningless; correct them in the profile",
                    tidy(sum)
                ),
            ));
        }
        check_values(scenario, profile, errors);
    }
}

fn check_values(scenario: &Scenario, profile: &Profile, errors: &mut Vec<CellError>) {
    for (issue, _, utility) in &profile.utilities {
        let (Some(known), Utility::Discrete(values)) = (
            scenario.issues.iter().find(|known| &known.name == issue),
            utility,
        ) else {
            continue;
        };
        let Values::Discrete(listed) = &known.values else {
            continue;
        };
        for (value, utility, place) in values {
            if !listed.contains(value) {
                errors.push(CellError::new(
                    place.clone(),
                    format!("“{value}” is not a value of issue “{issue}” in the domain"),
                ));
            } else if scenario.format == "GeniusWeb" && !(0.0..=1.0).contains(utility) {
                errors.push(CellError::new(
                    place.clone(),
                    format!("the utility {utility} of “{value}” is outside 0–1"),
                ));
            }
        }
    }
    if let Reservation::Bid(values, place) = &profile.reservation {
        for (issue, value) in values {
            let fits = scenario
                .issues
                .iter()
                .find(|known| &known.name == issue)
                .map(|known| match (&known.values, value) {
                    (Values::Discrete(listed), BidValue::Text(text)) => listed.contains(text),
                    (Values::Number { low, high }, BidValue::Number(x)) => {
                        (*low..=*high).contains(x)
                    }
                    _ => false,
                });
            if fits != Some(true) {
                errors.push(CellError::new(
                    place.clone(),
                    format!("the reservation bid's value for “{issue}” is not one of the domain's"),
                ));
            }
        }
    }
}

/// An issue of the agenda and where its values sit on 0–100.
pub(super) struct Mapped<'a> {
    pub(super) domain: &'a DomainIssue,
    pub(super) agenda: AgendaIssue,
    /// Discrete: each value on the scale, “No agreement” without a position.
    positions: Vec<(&'a str, Option<f64>)>,
}

impl Mapped<'_> {
    fn position_of_number(&self, x: f64) -> f64 {
        match self.domain.values {
            Values::Number { low, high } => {
                tidy(SCALE_MIN + (x - low) * (SCALE_MAX - SCALE_MIN) / (high - low))
            }
            Values::Discrete(_) => SCALE_MIN,
        }
    }
}

fn mapped_issues<'a>(scenario: &'a Scenario, notes: &mut Vec<String>) -> Vec<Mapped<'a>> {
    let mut taken = HashSet::new();
    scenario
        .issues
        .iter()
        .map(|issue| {
            let (positions, scale) = match &issue.values {
                Values::Discrete(values) => discrete_scale(issue, values, notes),
                Values::Number { low, high } => (
                    Vec::new(),
                    vec![
                        Anchor {
                            at: SCALE_MIN,
                            meaning: format!("{low}, the lowest value in the domain"),
                        },
                        Anchor {
                            at: SCALE_MAX,
                            meaning: format!("{high}, the highest value in the domain"),
                        },
                    ],
                ),
            };
            let kind = match &issue.values {
                Values::Discrete(values) => format!("{} values", values.len()),
                Values::Number { low, high } => format!("a number from {low} to {high}"),
            };
            Mapped {
                domain: issue,
                agenda: AgendaIssue {
                    id: unique(&issue.name, "issue", &mut taken),
                    title: issue.name.clone(),
                    category: String::new(),
                    description: String::new(),
                    scale,
                    no_stake: Vec::new(),
                    notes: format!(
                        "{} issue “{}”: {kind}. The scale is spread evenly in the domain's \
                         order; move the anchors where the values really lie.",
                        scenario.format, issue.name
                    ),
                },
                positions,
            }
        })
        .collect()
}

fn discrete_scale<'a>(
    issue: &DomainIssue,
    values: &'a [String],
    notes: &mut Vec<String>,
) -> (Vec<(&'a str, Option<f64>)>, Vec<Anchor>) {
    let placed: Vec<&String> = values.iter().filter(|v| !is_no_agreement(v)).collect();
    for value in values.iter().filter(|v| is_no_agreement(v)) {
        notes.push(format!(
            "Issue “{}”: “{value}” marks no deal, not a position; it is left off the scale.",
            issue.name
        ));
    }
    let step = |index: usize| {
        #[expect(
            clippy::cast_precision_loss,
            reason = "a count of values, far below 2^52"
        )]
        let (index, last) = (index as f64, placed.len().saturating_sub(1) as f64);
        if last == 0.0 {
            (SCALE_MIN + SCALE_MAX) / 2.0
        } else {
            tidy(SCALE_MIN + index * (SCALE_MAX - SCALE_MIN) / last)
        }
    };
    let mut anchors: Vec<Anchor> = placed
        .iter()
        .enumerate()
        .map(|(index, value)| Anchor {
            at: step(index),
            meaning: (*value).clone(),
        })
        .collect();
    if let [only] = anchors.as_slice() {
        // A scale needs two ends; a single value sits in the middle of an open one.
        let meaning = only.meaning.clone();
        anchors = crate::import::open_scale();
        anchors.insert(
            1,
            Anchor {
                at: step(0),
                meaning,
            },
        );
    }
    let positions = values
        .iter()
        .map(|value| {
            let position = placed
                .iter()
                .position(|p| *p == value)
                .map(step)
                .filter(|_| !is_no_agreement(value));
            (value.as_str(), position)
        })
        .collect();
    (positions, anchors)
}

/// One party's view of one issue: the utility of each placed value, or a line.
pub(super) enum Curve {
    /// Position, value, utility.
    Points(Vec<(f64, String, f64)>),
    /// Utility at 0 and at 100 on the scale, held to 0–1, and before it was held (where the
    /// line crosses a threshold is found on the line itself).
    Line {
        at_min: f64,
        at_max: f64,
        raw_min: f64,
        raw_max: f64,
    },
}

impl Curve {
    fn best(&self) -> f64 {
        match self {
            Curve::Points(points) => points.iter().map(|p| p.2).fold(f64::NEG_INFINITY, f64::max),
            Curve::Line { at_min, at_max, .. } => at_min.max(*at_max),
        }
    }
}

fn curve(issue: &Mapped<'_>, utility: &Utility, missing: &mut Vec<String>) -> Curve {
    match utility {
        Utility::Discrete(values) => Curve::Points(
            issue
                .positions
                .iter()
                .filter_map(|(value, position)| {
                    let position = (*position)?;
                    let utility = values
                        .iter()
                        .find(|(v, ..)| v == value)
                        .map(|(_, utility, _)| *utility);
                    if utility.is_none() {
                        missing.push((*value).to_owned());
                    }
                    Some((position, (*value).to_owned(), utility.unwrap_or(0.0)))
                })
                .collect(),
        ),
        Utility::Linear {
            low,
            low_utility,
            high,
            high_utility,
        } => {
            let at = |x: f64| {
                if high > low {
                    low_utility + (high_utility - low_utility) * (x - low) / (high - low)
                } else {
                    *low_utility
                }
            };
            let (from, to) = match issue.domain.values {
                Values::Number { low, high } => (low, high),
                Values::Discrete(_) => (*low, *high),
            };
            Curve::Line {
                at_min: at(from).clamp(0.0, 1.0),
                at_max: at(to).clamp(0.0, 1.0),
                raw_min: at(from),
                raw_max: at(to),
            }
        }
    }
}

/// The reservation utility of a profile, and how it was found.
fn reservation(profile: &Profile, issues: &[Mapped<'_>], curves: &[(f64, Curve)]) -> (f64, String) {
    match &profile.reservation {
        Reservation::Value(value) => (*value, format!("reservation value {value}")),
        Reservation::None => (
            0.0,
            "no reservation value, so 0, as GENIUS takes it: any deal beats none".to_owned(),
        ),
        Reservation::Bid(values, _) => {
            let mut total = 0.0;
            for (issue, value) in values {
                let Some(index) = issues.iter().position(|i| &i.domain.name == issue) else {
                    continue;
                };
                let (Some((weight, curve)), Some(mapped)) = (curves.get(index), issues.get(index))
                else {
                    continue;
                };
                let utility = match (curve, value) {
                    (Curve::Points(points), BidValue::Text(text)) => points
                        .iter()
                        .find(|(_, v, _)| v == text)
                        .map_or(0.0, |p| p.2),
                    (
                        Curve::Line {
                            raw_min, raw_max, ..
                        },
                        BidValue::Number(x),
                    ) => {
                        let p = mapped.position_of_number(*x) / SCALE_MAX;
                        (raw_min + (raw_max - raw_min) * p).clamp(0.0, 1.0)
                    }
                    _ => 0.0,
                };
                total += weight * utility;
            }
            let total = tidy(total);
            (
                total,
                format!("reservation value {total}, the utility of its reservation bid"),
            )
        }
    }
}

pub(super) fn imported(scenario: &Scenario, today: &str) -> Result<Imported, Error> {
    let mut notes = vec![format!(
        "Every statement is estimated from utilities, not from anything a party said: the \
         value of highest utility is the demand, the issue's weight × 100 its salience, and \
         the acceptable range the values with which the party can still reach its reservation \
         value, given the best of every other issue (weight × utility + Σ of the others' \
         weight × best utility ≥ reservation)."
    )];
    let issues = mapped_issues(scenario, &mut notes);
    let mut places = Places::default();
    for issue in &issues {
        places.issues.push(RowsOf {
            columns: HashMap::from([("issue", issue.domain.place.clone())]),
            first: issue.domain.place.clone(),
            anchors: vec![issue.domain.place.clone(); issue.agenda.scale.len()],
            sources: Vec::new(),
            conditions: Vec::new(),
        });
    }
    let mut taken = HashSet::new();
    let mut parties = Vec::new();
    for profile in &scenario.profiles {
        let party = party(scenario, profile, &issues, &mut places, &mut notes, today);
        let id = unique(&profile.name, "party", &mut taken);
        let mut file = party;
        file.party.id.clone_from(&id);
        file.party.colour = palette_colour(parties.len()).to_owned();
        parties.push((format!("{id}.ron"), file));
    }
    let file_name = |path: &std::path::Path| {
        path.file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
    };
    let profile_files: Vec<String> = scenario
        .profiles
        .iter()
        .map(|p| file_name(&p.file))
        .collect();
    let name = if scenario.name.is_empty() {
        file_name(&scenario.domain_file)
    } else {
        scenario.name.clone()
    };
    notes.insert(
        0,
        format!(
            "The {} scenario has no dates; every party is dated today, {today}.",
            scenario.format
        ),
    );
    let statements: usize = parties.iter().map(|(_, f)| f.statements.len()).sum();
    let imported = Imported {
        agenda: Agenda {
            format: FORMAT_VERSION,
            name,
            description: format!(
                "Imported from the {} scenario {} with the profiles {}.",
                scenario.format,
                file_name(&scenario.domain_file),
                profile_files.join(", ")
            ),
            issues: issues.into_iter().map(|issue| issue.agenda).collect(),
            rounds: Vec::new(),
        },
        parties,
        notes,
    };
    let mut imported = validated(imported, &places)?;
    fold_missing_sources(
        &mut imported,
        &format!(
            "None of the {statements} statements has a source: {} profiles hold utilities, not \
             quotes; `common-ground check` lists each until a quote is added.",
            scenario.format
        ),
    );
    Ok(imported)
}

fn party(
    scenario: &Scenario,
    profile: &Profile,
    issues: &[Mapped<'_>],
    places: &mut Places,
    notes: &mut Vec<String>,
    today: &str,
) -> PartyFile {
    let mut missing = Vec::new();
    let curves: Vec<(f64, Curve)> = issues
        .iter()
        .map(|issue| {
            let weight = weight_of(profile, &issue.domain.name);
            let utility = profile
                .utilities
                .iter()
                .find(|(name, ..)| name == &issue.domain.name)
                .map(|(_, _, utility)| utility);
            let curve = utility.map_or(Curve::Points(Vec::new()), |utility| {
                curve(issue, utility, &mut missing)
            });
            (weight, curve)
        })
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "{}: the profile gives no utility to {}; they count as 0.",
            profile.file.display(),
            quoted_list(&missing)
        ));
    }
    let (reservation, reservation_words) = reservation(profile, issues, &curves);
    let best_total: f64 = curves.iter().map(|(w, c)| w * c.best()).sum();
    if best_total < reservation {
        notes.push(format!(
            "{}: even the best package is worth {} to {}, below its {reservation_words}: no \
             value is acceptable and no statement has a range.",
            profile.file.display(),
            tidy(best_total),
            profile.name
        ));
    }
    let mut statements = Vec::new();
    let mut rows = Vec::new();
    for (issue, (weight, curve)) in issues.iter().zip(&curves) {
        let others = best_total - weight * curve.best();
        let statement = statement(
            scenario,
            profile,
            issue,
            *weight,
            curve,
            reservation - others,
        );
        rows.push(statement_places(profile, &issue.domain.name));
        statements.push(statement);
    }
    places.parties.push((
        Some(RowsOf {
            columns: HashMap::from([("party", profile.place.clone())]),
            first: profile.place.clone(),
            anchors: Vec::new(),
            sources: Vec::new(),
            conditions: Vec::new(),
        }),
        rows,
    ));
    let discount = match profile.discount {
        Some(discount) => format!(
            " Discount factor {discount}: not used, as Common Ground does not model how \
             utilities shrink with time."
        ),
        None => String::new(),
    };
    PartyFile {
        format: FORMAT_VERSION,
        party: Party {
            members: Vec::new(),
            id: String::new(),
            name: profile.name.clone(),
            short_name: profile.name.clone(),
            colour: String::new(),
            capability: None,
            notes: format!(
                "{} profile {}: {reservation_words}.{discount}",
                scenario.format,
                profile
                    .file
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            ),
        },
        as_of: today.to_owned(),
        summary: String::new(),
        statements,
    }
}

/// Where a statement's values come from: its issue's utilities, and its weight for salience.
fn statement_places(profile: &Profile, issue: &str) -> RowsOf {
    let utilities = profile
        .utilities
        .iter()
        .find(|(name, ..)| name == issue)
        .map_or_else(|| profile.place.clone(), |(_, place, _)| place.clone());
    let weight = profile
        .weights
        .iter()
        .find(|(name, ..)| name == issue)
        .map_or_else(|| profile.place.clone(), |(_, _, place)| place.clone());
    RowsOf {
        columns: HashMap::from([
            ("party", profile.place.clone()),
            ("issue", utilities.clone()),
            ("stance", utilities.clone()),
            ("range min", utilities.clone()),
            ("range max", utilities.clone()),
            ("salience", weight),
        ]),
        first: utilities,
        anchors: Vec::new(),
        sources: Vec::new(),
        conditions: Vec::new(),
    }
}

fn weight_of(profile: &Profile, issue: &str) -> f64 {
    profile
        .weights
        .iter()
        .find(|(name, ..)| name == issue)
        .map_or(0.0, |(_, weight, _)| *weight)
}
