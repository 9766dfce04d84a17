//! The comparison: for each issue and a chosen set of parties, where their acceptable ranges
//! overlap (possible agreement), where they do not (deadlock, and whose limits cause it), which
//! demands run into another party's red line, and which offers wait on another party.
//!
//! A party's acceptable range on an issue is the common part of the ranges of its statements
//! there; when those contradict each other, the range of its firmest statement is used
//! (non-negotiable before firm before flexible, then higher salience, then file order). A party
//! that states no range but a stance is taken to accept just that point (its firmest stance),
//! so a known position is never treated as silence.
//! The results hold indices into the [`Negotiation`], not copies, so the window can select
//! what a finding points at and reports can cite the statements in full.

use std::collections::{HashMap, HashSet};

use crate::io::Negotiation;
use crate::model::{Kind, Range, Statement};
use crate::validate::is_usable_range;

/// A statement: the index of its party file and its index in that file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatementKey {
    pub party: usize,
    pub statement: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// At least two parties are placed on the scale, and all their ranges overlap.
    PossibleAgreement,
    /// At least two parties are placed on the scale, and their ranges do not all overlap.
    Deadlock,
    /// Fewer than two parties are placed on the scale.
    Unaddressed,
}

impl Status {
    /// The name used in JSON and reports.
    pub fn id(self) -> &'static str {
        match self {
            Status::PossibleAgreement => "possible-agreement",
            Status::Deadlock => "deadlock",
            Status::Unaddressed => "unaddressed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::PossibleAgreement => "possible agreement",
            Status::Deadlock => "deadlock",
            Status::Unaddressed => "unaddressed",
        }
    }
}

/// One party's stand on one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct Stand {
    pub party: usize,
    /// All its statements on the issue, in file order.
    pub statements: Vec<usize>,
    /// Its acceptable range: from its statements' ranges, or a single point when it states only
    /// a stance.
    pub range: Option<Range>,
    /// The statements whose ranges make up `range`.
    pub range_from: Vec<usize>,
}

/// The space between the lowest upper limit and the highest lower limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub from: f64,
    pub to: f64,
    /// The statements that hold the low side down (their range ends at `from`).
    pub low_side: Vec<StatementKey>,
    /// The statements that hold the high side up (their range starts at `to`).
    pub high_side: Vec<StatementKey>,
}

impl Gap {
    pub fn width(&self) -> f64 {
        self.to - self.from
    }
}

/// A demand that falls in the area another party rejects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collision {
    pub demand: StatementKey,
    pub rejection: StatementKey,
}

/// An offer with a condition that waits on another party's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionalOffer {
    pub offer: StatementKey,
    /// Index into the offer's `conditions`.
    pub condition: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IssueAnalysis {
    pub issue: String,
    pub status: Status,
    pub zone: Option<Range>,
    pub gap: Option<Gap>,
    /// The chosen parties that say something on the issue, in the order chosen.
    pub stands: Vec<Stand>,
    pub collisions: Vec<Collision>,
    pub conditional_offers: Vec<ConditionalOffer>,
    /// The chosen parties that say nothing on the issue.
    pub silent: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The parties compared, as indices into the negotiation's parties.
    pub parties: Vec<usize>,
    /// Agenda issues in agenda order, then issues statements name that the agenda lacks.
    pub issues: Vec<IssueAnalysis>,
}

impl Analysis {
    pub fn issue(&self, id: &str) -> Option<&IssueAnalysis> {
        self.issues.iter().find(|issue| issue.issue == id)
    }
}

/// Compares the parties at `parties` (indices into `negotiation.parties`) issue by issue.
pub fn analyse(negotiation: &Negotiation, parties: &[usize]) -> Analysis {
    let mut parties: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&p| p < negotiation.parties.len())
        .collect();
    // A party chosen twice would have its statements counted twice.
    let mut seen = HashSet::new();
    parties.retain(|p| seen.insert(*p));
    let issue_ids = issue_order(negotiation, &parties);
    let position_of: HashMap<&str, usize> = issue_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();

    // One pass over all statements, grouping them by issue and party.
    let mut by_issue: Vec<Vec<Stand>> = vec![Vec::new(); issue_ids.len()];
    for &party in &parties {
        for (index, statement) in negotiation.parties[party]
            .data
            .statements
            .iter()
            .enumerate()
        {
            let Some(&slot) = position_of.get(statement.issue.as_str()) else {
                continue;
            };
            let stands = &mut by_issue[slot];
            match stands.last_mut() {
                Some(stand) if stand.party == party => stand.statements.push(index),
                _ => stands.push(Stand {
                    party,
                    statements: vec![index],
                    range: None,
                    range_from: Vec::new(),
                }),
            }
        }
    }

    let issues = issue_ids
        .iter()
        .zip(by_issue)
        .map(|(id, mut stands)| {
            for stand in &mut stands {
                let statements = &negotiation.parties[stand.party].data.statements;
                (stand.range, stand.range_from) = acceptable_range(statements, &stand.statements);
            }
            analyse_issue(negotiation, &parties, id, stands)
        })
        .collect();
    Analysis { parties, issues }
}

/// How hard a kind of statement holds its ground, from the red line (0) to the offer (6); the
/// overview matrix shows each party's hardest statement on an issue. A warning threatens what
/// happens if a demand is ignored, so it ranks between the red line and the demand; a condition
/// is a demand attached to something given in return; a concern asks for nothing yet.
pub fn hardness(kind: Kind) -> u8 {
    match kind {
        Kind::Rejection => 0,
        Kind::Warning => 1,
        Kind::Demand => 2,
        Kind::Condition => 3,
        Kind::Concern => 4,
        Kind::OpenToTalks => 5,
        Kind::Offer => 6,
    }
}

/// The hardest of the statements at `indices`: by [`hardness`], then firmness, then salience,
/// then file order. `None` when there are none: the party is silent on the issue.
pub fn strongest(statements: &[Statement], indices: &[usize]) -> Option<usize> {
    indices
        .iter()
        .copied()
        .filter(|&index| index < statements.len())
        .min_by(|&a, &b| {
            let (x, y) = (&statements[a], &statements[b]);
            hardness(x.kind)
                .cmp(&hardness(y.kind))
                .then(x.firmness.cmp(&y.firmness))
                .then(y.salience.total_cmp(&x.salience))
                .then(a.cmp(&b))
        })
}

fn issue_order<'a>(negotiation: &'a Negotiation, parties: &[usize]) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    if let Some(agenda) = &negotiation.agenda {
        for issue in &agenda.data.issues {
            if seen.insert(issue.id.as_str()) {
                ids.push(&issue.id);
            }
        }
    }
    for &party in parties {
        for statement in &negotiation.parties[party].data.statements {
            if seen.insert(statement.issue.as_str()) {
                ids.push(&statement.issue);
            }
        }
    }
    ids
}

/// Where one statement places its party: its range, or else its stance as a point.
fn placement(statement: &Statement) -> Option<Range> {
    statement.range.filter(is_usable_range).or_else(|| {
        let stance = statement.stance?;
        let point = Range {
            min: stance,
            max: stance,
        };
        is_usable_range(&point).then_some(point)
    })
}

/// The common part of the usable ranges among `indices`, or the firmest one's range when they
/// contradict each other; without any range, the firmest stance as a single point.
fn acceptable_range(statements: &[Statement], indices: &[usize]) -> (Option<Range>, Vec<usize>) {
    let ranged: Vec<(usize, Range)> = indices
        .iter()
        .filter_map(|&i| statements[i].range.filter(is_usable_range).map(|r| (i, r)))
        .collect();
    let firmest = |candidates: &[(usize, Range)]| {
        candidates.iter().copied().min_by(|(a, _), (b, _)| {
            let (a, b) = (&statements[*a], &statements[*b]);
            a.firmness
                .cmp(&b.firmness)
                .then(b.salience.total_cmp(&a.salience))
        })
    };
    let Some(&(_, first)) = ranged.first() else {
        let stances: Vec<(usize, Range)> = indices
            .iter()
            .filter_map(|&i| placement(&statements[i]).map(|point| (i, point)))
            .collect();
        return match firmest(&stances) {
            Some((statement, point)) => (Some(point), vec![statement]),
            None => (None, Vec::new()),
        };
    };
    let common = ranged
        .iter()
        .try_fold(first, |so_far, (_, range)| so_far.intersect(range));
    match (common, firmest(&ranged)) {
        (Some(range), _) => (Some(range), ranged.iter().map(|(i, _)| *i).collect()),
        (None, Some((statement, range))) => (Some(range), vec![statement]),
        (None, None) => (None, Vec::new()),
    }
}

fn analyse_issue(
    negotiation: &Negotiation,
    parties: &[usize],
    id: &str,
    stands: Vec<Stand>,
) -> IssueAnalysis {
    let ranged: Vec<(&Stand, Range)> = stands
        .iter()
        .filter_map(|stand| stand.range.map(|range| (stand, range)))
        .collect();
    let (status, zone, gap) = if ranged.len() < 2 {
        (Status::Unaddressed, None, None)
    } else {
        let highest_min = ranged.iter().map(|(_, r)| r.min).fold(f64::MIN, f64::max);
        let lowest_max = ranged.iter().map(|(_, r)| r.max).fold(f64::MAX, f64::min);
        if highest_min <= lowest_max {
            let zone = Range {
                min: highest_min,
                max: lowest_max,
            };
            (Status::PossibleAgreement, Some(zone), None)
        } else {
            let side = |bound: fn(&Range) -> f64, value: f64| -> Vec<StatementKey> {
                ranged
                    .iter()
                    .filter(|(_, range)| bound(range) == value)
                    .flat_map(|(stand, _)| {
                        let statements = &negotiation.parties[stand.party].data.statements;
                        stand
                            .range_from
                            .iter()
                            .filter(move |&&i| {
                                placement(&statements[i]).is_some_and(|r| bound(&r) == value)
                            })
                            .map(|&statement| StatementKey {
                                party: stand.party,
                                statement,
                            })
                    })
                    .collect()
            };
            let gap = Gap {
                from: lowest_max,
                to: highest_min,
                low_side: side(|r| r.max, lowest_max),
                high_side: side(|r| r.min, highest_min),
            };
            (Status::Deadlock, None, Some(gap))
        }
    };

    let silent = parties
        .iter()
        .copied()
        .filter(|party| !stands.iter().any(|stand| stand.party == *party))
        .collect();
    IssueAnalysis {
        issue: id.to_owned(),
        status,
        zone,
        gap,
        collisions: collisions(negotiation, &stands),
        conditional_offers: conditional_offers(negotiation, &stands),
        stands,
        silent,
    }
}

/// Demands of one party whose stance (or, without one, whole range) lies outside the range
/// another party's red line accepts.
fn collisions(negotiation: &Negotiation, stands: &[Stand]) -> Vec<Collision> {
    let of_kind = |stand: &Stand, kind: Kind| -> Vec<(StatementKey, &Statement)> {
        let statements = &negotiation.parties[stand.party].data.statements;
        stand
            .statements
            .iter()
            .filter(|&&i| statements[i].kind == kind)
            .map(|&i| {
                let key = StatementKey {
                    party: stand.party,
                    statement: i,
                };
                (key, &statements[i])
            })
            .collect()
    };
    let mut found = Vec::new();
    for demanding in stands {
        for (demand_key, demand) in of_kind(demanding, Kind::Demand) {
            for rejecting in stands.iter().filter(|s| s.party != demanding.party) {
                for (rejection_key, rejection) in of_kind(rejecting, Kind::Rejection) {
                    let Some(accepted) = rejection.range.filter(is_usable_range) else {
                        continue;
                    };
                    let stance = demand.stance.filter(|&stance| {
                        is_usable_range(&Range {
                            min: stance,
                            max: stance,
                        })
                    });
                    let outside = match (stance, demand.range.filter(is_usable_range)) {
                        (Some(stance), _) => !accepted.contains(stance),
                        (None, Some(range)) => range.intersect(&accepted).is_none(),
                        (None, None) => false,
                    };
                    if outside {
                        found.push(Collision {
                            demand: demand_key,
                            rejection: rejection_key,
                        });
                    }
                }
            }
        }
    }
    found
}

/// Offers and openings with a condition that names another party as the one to act.
fn conditional_offers(negotiation: &Negotiation, stands: &[Stand]) -> Vec<ConditionalOffer> {
    let mut found = Vec::new();
    for stand in stands {
        let file = &negotiation.parties[stand.party].data;
        for &i in &stand.statements {
            let statement = &file.statements[i];
            if !statement.kind.is_opening() {
                continue;
            }
            for (condition, c) in statement.conditions.iter().enumerate() {
                if c.waits_on
                    .as_ref()
                    .is_some_and(|w| w.party != file.party.id)
                {
                    found.push(ConditionalOffer {
                        offer: StatementKey {
                            party: stand.party,
                            statement: i,
                        },
                        condition,
                    });
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Loaded, parse_ron};
    use crate::model::PartyFile;
    use std::path::PathBuf;

    /// `(id, issue, kind, stance, range, firmness)` of one statement.
    type Line<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<f64>,
        Option<(f64, f64)>,
        &'a str,
    );

    /// A party file made of one-line statements.
    fn party(id: &str, statements: &[Line]) -> Loaded<PartyFile> {
        let body: Vec<String> = statements
            .iter()
            .map(|(sid, issue, kind, stance, range, firmness)| {
                let stance = stance.map_or("None".into(), |s| format!("Some({s})"));
                let range = range.map_or("None".into(), |(a, b)| format!("Some((min: {a}, max: {b}))"));
                format!(
                    "(id: \"{sid}\", issue: \"{issue}\", kind: {kind}, summary: \"s\", stance: {stance}, \
                     range: {range}, salience: 50, firmness: {firmness}, estimated: true)"
                )
            })
            .collect();
        let text = format!(
            "(format: 1, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", colour: \"#000000\"), \
             as_of: \"2022-01-26\", statements: [{}])",
            body.join(",")
        );
        Loaded {
            path: PathBuf::from(format!("{id}.ron")),
            data: parse_ron(&text).unwrap().value,
        }
    }

    fn key(party: usize, statement: usize) -> StatementKey {
        StatementKey { party, statement }
    }

    #[test]
    fn overlapping_ranges_give_their_common_zone() {
        // A accepts 20–60, B 40–90, C 50–70: the zone is 50–60.
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "a",
                    &[(
                        "x",
                        "arms",
                        "Offer",
                        Some(30.0),
                        Some((20.0, 60.0)),
                        "Flexible",
                    )],
                ),
                party(
                    "b",
                    &[("x", "arms", "Offer", None, Some((40.0, 90.0)), "Flexible")],
                ),
                party(
                    "c",
                    &[("x", "arms", "Concern", None, Some((50.0, 70.0)), "Firm")],
                ),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1, 2]);
        let arms = analysis.issue("arms").unwrap();
        assert_eq!(arms.status, Status::PossibleAgreement);
        assert_eq!(
            arms.zone,
            Some(Range {
                min: 50.0,
                max: 60.0
            })
        );
        assert!(arms.gap.is_none() && arms.silent.is_empty());

        // Without C the zone widens to 40–60: choosing parties changes the finding.
        let analysis = analyse(&negotiation, &[0, 1]);
        assert_eq!(
            analysis.issue("arms").unwrap().zone,
            Some(Range {
                min: 40.0,
                max: 60.0
            })
        );
    }

    #[test]
    fn a_deadlock_names_the_gap_and_the_limits_that_make_it() {
        // East demands 0–5; West and North reject anything below 90 and 80.
        // Lowest max 5 (East), highest min 90 (West): the gap is 5–90, width 85.
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "east",
                    &[(
                        "guarantee",
                        "membership",
                        "Demand",
                        Some(0.0),
                        Some((0.0, 5.0)),
                        "Firm",
                    )],
                ),
                party(
                    "west",
                    &[
                        ("talk", "other", "Offer", None, None, "Flexible"),
                        (
                            "open-door",
                            "membership",
                            "Rejection",
                            Some(100.0),
                            Some((90.0, 100.0)),
                            "NonNegotiable",
                        ),
                    ],
                ),
                party(
                    "north",
                    &[(
                        "door",
                        "membership",
                        "Rejection",
                        None,
                        Some((80.0, 100.0)),
                        "Firm",
                    )],
                ),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1, 2]);
        let membership = analysis.issue("membership").unwrap();
        assert_eq!(membership.status, Status::Deadlock);
        let gap = membership.gap.as_ref().unwrap();
        assert_eq!((gap.from, gap.to, gap.width()), (5.0, 90.0, 85.0));
        assert_eq!(gap.low_side, [key(0, 0)]);
        assert_eq!(gap.high_side, [key(1, 1)]);
        // East's stance 0 lies outside both red lines.
        assert_eq!(
            membership.collisions,
            [
                Collision {
                    demand: key(0, 0),
                    rejection: key(1, 1)
                },
                Collision {
                    demand: key(0, 0),
                    rejection: key(2, 0)
                },
            ]
        );
        // Only West speaks to "other": unaddressed, with East and North silent.
        let other = analysis.issue("other").unwrap();
        assert_eq!(other.status, Status::Unaddressed);
        assert_eq!(other.silent, [0, 2]);
    }

    #[test]
    fn a_party_range_is_the_common_part_of_its_statements() {
        // A's 10–60 and 40–80 give 40–60; against B's 55–100 the zone is 55–60.
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "a",
                    &[
                        ("one", "i", "Offer", None, Some((10.0, 60.0)), "Flexible"),
                        ("two", "i", "Demand", None, Some((40.0, 80.0)), "Firm"),
                    ],
                ),
                party(
                    "b",
                    &[("x", "i", "Offer", None, Some((55.0, 100.0)), "Flexible")],
                ),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1]);
        let issue = analysis.issue("i").unwrap();
        assert_eq!(
            issue.stands[0].range,
            Some(Range {
                min: 40.0,
                max: 60.0
            })
        );
        assert_eq!(issue.stands[0].range_from, [0, 1]);
        assert_eq!(
            issue.zone,
            Some(Range {
                min: 55.0,
                max: 60.0
            })
        );
    }

    #[test]
    fn contradictory_ranges_fall_back_to_the_firmest_statement() {
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![party(
                "a",
                &[
                    ("loose", "i", "Offer", None, Some((0.0, 10.0)), "Flexible"),
                    (
                        "red-line",
                        "i",
                        "Rejection",
                        None,
                        Some((70.0, 100.0)),
                        "NonNegotiable",
                    ),
                ],
            )],
        };
        let analysis = analyse(&negotiation, &[0]);
        let stand = &analysis.issue("i").unwrap().stands[0];
        assert_eq!(
            stand.range,
            Some(Range {
                min: 70.0,
                max: 100.0
            })
        );
        assert_eq!(stand.range_from, [1]);
    }

    #[test]
    fn a_stance_without_a_range_places_the_party_at_that_point() {
        // A demands 0–20; B states only a stance of 100 (its firmest), C says nothing placed.
        // B counts as accepting just 100, so the gap is 20–100.
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "a",
                    &[(
                        "withdraw",
                        "i",
                        "Demand",
                        Some(0.0),
                        Some((0.0, 20.0)),
                        "Firm",
                    )],
                ),
                party(
                    "b",
                    &[
                        ("soft", "i", "Concern", Some(80.0), None, "Flexible"),
                        ("posture", "i", "Warning", Some(100.0), None, "Firm"),
                    ],
                ),
                party("c", &[("worry", "i", "Concern", None, None, "Firm")]),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1, 2]);
        let issue = analysis.issue("i").unwrap();
        assert_eq!(
            issue.stands[1].range,
            Some(Range {
                min: 100.0,
                max: 100.0
            })
        );
        assert_eq!(issue.stands[1].range_from, [1]);
        assert_eq!(issue.stands[2].range, None);
        assert_eq!(issue.status, Status::Deadlock);
        let gap = issue.gap.as_ref().unwrap();
        assert_eq!((gap.from, gap.to), (20.0, 100.0));
        assert_eq!(gap.high_side, [key(1, 1)]);
        assert!(issue.silent.is_empty(), "a party that speaks is not silent");
    }

    #[test]
    fn an_off_scale_stance_is_ignored_and_a_party_chosen_twice_counts_once() {
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "a",
                    &[(
                        "x",
                        "i",
                        "Demand",
                        Some(f64::NAN),
                        Some((90.0, 95.0)),
                        "Firm",
                    )],
                ),
                party(
                    "b",
                    &[("line", "i", "Rejection", None, Some((85.0, 100.0)), "Firm")],
                ),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1, 0]);
        let issue = analysis.issue("i").unwrap();
        // The demand's range 90–95 lies inside 85–100: no collision despite the NaN stance.
        assert_eq!(issue.collisions, []);
        assert_eq!(analysis.parties, [0, 1]);
        assert_eq!(issue.stands.len(), 2);
        assert_eq!(issue.stands[0].statements, [0]);
    }

    #[test]
    fn a_demand_inside_the_accepted_range_is_no_collision() {
        let negotiation = Negotiation {
            agenda: None,
            parties: vec![
                party(
                    "a",
                    &[
                        (
                            "inside",
                            "i",
                            "Demand",
                            Some(95.0),
                            Some((90.0, 100.0)),
                            "Firm",
                        ),
                        ("range-only", "i", "Demand", None, Some((0.0, 10.0)), "Firm"),
                    ],
                ),
                party(
                    "b",
                    &[("line", "i", "Rejection", None, Some((85.0, 100.0)), "Firm")],
                ),
            ],
        };
        let analysis = analyse(&negotiation, &[0, 1]);
        // Only the range-only demand, 0–10, falls wholly outside 85–100.
        assert_eq!(
            analysis.issue("i").unwrap().collisions,
            [Collision {
                demand: key(0, 1),
                rejection: key(1, 0)
            }]
        );
    }

    #[test]
    fn the_strongest_statement_is_the_hardest_kind_then_the_firmest() {
        let file = party(
            "a",
            &[
                ("offer", "i", "Offer", None, None, "NonNegotiable"),
                ("flexible-demand", "i", "Demand", None, None, "Flexible"),
                ("firm-demand", "i", "Demand", None, None, "Firm"),
                ("talks", "i", "OpenToTalks", None, None, "Firm"),
            ],
        );
        let statements = &file.data.statements;
        // Two demands outrank the offer and the opening; the firm one outranks the flexible.
        assert_eq!(strongest(statements, &[0, 1, 2, 3]), Some(2));
        assert_eq!(strongest(statements, &[0, 3]), Some(3));
        assert_eq!(strongest(statements, &[0]), Some(0));
        // Silence, and indices that point nowhere, give nothing.
        assert_eq!(strongest(statements, &[]), None);
        assert_eq!(strongest(statements, &[9]), None);
        assert!(hardness(Kind::Rejection) < hardness(Kind::Demand));
        assert!(hardness(Kind::Demand) < hardness(Kind::OpenToTalks));
        assert!(hardness(Kind::OpenToTalks) < hardness(Kind::Offer));
    }
}
