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
use std::sync::Arc;

mod again;
mod predict;
mod trades;

pub use again::analyse_again;

pub use predict::{Predicted, Prediction, Refused, Sensitivity, Weighted, mean, median};
pub use trades::{BestFirst, Move, Trade, Trades};

use crate::model::{Kind, Range, Statement};
use crate::negotiation::{LeftOut, Negotiation, StatementKey};
use crate::rounds::Rounds;
use crate::validate::is_usable_range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Every chosen party with a stake in the issue is placed on the scale (at least two),
    /// and all their ranges overlap.
    PossibleAgreement,
    /// At least two parties are placed on the scale and their ranges overlap, but a chosen
    /// party with a stake is not placed (silent, or speaking without a position), or a party
    /// file did not load. Silence is not consent, so the zone is shown but not called an
    /// agreement.
    Untested,
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
            Status::Untested => "untested",
            Status::Deadlock => "deadlock",
            Status::Unaddressed => "unaddressed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::PossibleAgreement => "possible agreement",
            Status::Untested => "untested",
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
    /// The chosen parties with a stake that say nothing on the issue.
    pub silent: Vec<usize>,
    /// The chosen parties with a stake that are not placed on the scale (the silent ones and
    /// those that speak without a stance or range): an overlap waits on them.
    pub awaited: Vec<usize>,
    /// The chosen parties the agenda records as having no stake in the issue.
    pub no_stake: Vec<usize>,
    /// Where the issue would land if settled today, with at least two parties placed.
    pub prediction: Option<Prediction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The parties compared, as indices into the negotiation's parties.
    pub parties: Vec<usize>,
    /// Agenda issues in agenda order, then issues statements name that the agenda lacks.
    /// Shared, so that an analysis brought up to date keeps the untouched issues' analyses
    /// without copying them.
    pub issues: Vec<Arc<IssueAnalysis>>,
    /// The exchanges of positions the chosen parties could make, best first.
    pub trades: Trades,
    /// Per party compared (in the order of `parties`), per statement in file order: the index
    /// into `issues` of the issue it is on, whichever rounds it holds in. Kept so that bringing
    /// the analysis up to date after an edit finds a touched issue's statements without
    /// reading all the others.
    issue_of: Vec<Vec<usize>>,
}

impl Analysis {
    pub fn issue(&self, id: &str) -> Option<&IssueAnalysis> {
        self.issues
            .iter()
            .map(Arc::as_ref)
            .find(|issue| issue.issue == id)
    }
}

/// Compares the parties at `parties` (indices into `negotiation.parties`) issue by issue, as
/// things stand now: at the latest round.
pub fn analyse(negotiation: &Negotiation, parties: &[usize]) -> Analysis {
    analyse_at(negotiation, parties, None)
}

/// Compares the parties as they stood at `round` (an index into the agenda's rounds; `None`:
/// the latest), counting only the statements that held then. Statement keys stay those of the
/// whole negotiation.
pub fn analyse_at(negotiation: &Negotiation, parties: &[usize], round: Option<usize>) -> Analysis {
    let rounds = Rounds::of(negotiation);
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
    let mut issue_of = Vec::with_capacity(parties.len());
    for &party in &parties {
        let statements = statements_of(negotiation, party);
        let mut party_issue_of = Vec::with_capacity(statements.len());
        for (index, statement) in statements.iter().enumerate() {
            // Every statement's issue is in `issue_ids`; past its end would mean none.
            let slot = position_of
                .get(statement.issue.as_str())
                .copied()
                .unwrap_or(issue_ids.len());
            party_issue_of.push(slot);
            if !rounds.holds(statement, round) {
                continue;
            }
            let Some(stands) = by_issue.get_mut(slot) else {
                continue;
            };
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
        issue_of.push(party_issue_of);
    }

    let issues: Vec<Arc<IssueAnalysis>> = issue_ids
        .iter()
        .zip(by_issue)
        .map(|(id, mut stands)| {
            for stand in &mut stands {
                let statements = statements_of(negotiation, stand.party);
                (stand.range, stand.range_from) = acceptable_range(statements, &stand.statements);
            }
            Arc::new(analyse_issue(negotiation, &parties, id, stands))
        })
        .collect();
    let trades = trades::trades(&issues);
    Analysis {
        parties,
        issues,
        trades,
        issue_of,
    }
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
        .filter_map(|&index| Some((index, statements.get(index)?)))
        .min_by(|&(a, x), &(b, y)| {
            hardness(x.kind)
                .cmp(&hardness(y.kind))
                .then(x.firmness.cmp(&y.firmness))
                .then(y.salience.total_cmp(&x.salience))
                .then(a.cmp(&b))
        })
        .map(|(index, _)| index)
}

/// A party's statements; none for a party index the negotiation does not have.
fn statements_of(negotiation: &Negotiation, party: usize) -> &[Statement] {
    negotiation
        .party(party)
        .map_or(&[], |file| file.statements.as_slice())
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
        for statement in statements_of(negotiation, party) {
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
    let chosen: Vec<(usize, &Statement)> = indices
        .iter()
        .filter_map(|&i| Some((i, statements.get(i)?)))
        .collect();
    let ranged: Vec<(usize, &Statement, Range)> = chosen
        .iter()
        .filter_map(|&(i, s)| s.range.filter(is_usable_range).map(|r| (i, s, r)))
        .collect();
    let firmest = |candidates: &[(usize, &Statement, Range)]| {
        candidates
            .iter()
            .min_by(|(_, a, _), (_, b, _)| {
                a.firmness
                    .cmp(&b.firmness)
                    .then(b.salience.total_cmp(&a.salience))
            })
            .map(|&(i, _, range)| (i, range))
    };
    let Some(&(_, _, first)) = ranged.first() else {
        let stances: Vec<(usize, &Statement, Range)> = chosen
            .iter()
            .filter_map(|&(i, s)| placement(s).map(|point| (i, s, point)))
            .collect();
        return match firmest(&stances) {
            Some((statement, point)) => (Some(point), vec![statement]),
            None => (None, Vec::new()),
        };
    };
    let common = ranged
        .iter()
        .try_fold(first, |so_far, (_, _, range)| so_far.intersect(range));
    match (common, firmest(&ranged)) {
        (Some(range), _) => (Some(range), ranged.iter().map(|(i, _, _)| *i).collect()),
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
    let no_stake: Vec<usize> = negotiation
        .agenda_issue(id)
        .map(|issue| {
            parties
                .iter()
                .copied()
                .filter(|&party| {
                    negotiation
                        .party(party)
                        .is_some_and(|file| issue.no_stake.contains(&file.party.id))
                })
                .collect()
        })
        .unwrap_or_default();
    let speaks = |party: usize| stands.iter().any(|stand| stand.party == party);
    let placed = |party: usize| {
        stands
            .iter()
            .any(|stand| stand.party == party && stand.range.is_some())
    };
    // A party with no stake counts only if it speaks all the same.
    let has_stake = |party: &usize| !no_stake.contains(party) || speaks(*party);
    let silent: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&party| has_stake(&party) && !speaks(party))
        .collect();
    let awaited: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&party| has_stake(&party) && !placed(party))
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
            // A party file that did not load is a party nobody has heard on any issue.
            let files_left_out = negotiation.left_out.iter().any(LeftOut::is_party_file);
            let status = if awaited.is_empty() && !files_left_out {
                Status::PossibleAgreement
            } else {
                Status::Untested
            };
            (status, Some(zone), None)
        } else {
            let side = |bound: fn(&Range) -> f64, value: f64| -> Vec<StatementKey> {
                ranged
                    .iter()
                    .filter(|(_, range)| bound(range) == value)
                    .flat_map(|(stand, _)| {
                        let statements = statements_of(negotiation, stand.party);
                        stand
                            .range_from
                            .iter()
                            .filter(move |&&i| {
                                statements
                                    .get(i)
                                    .and_then(placement)
                                    .is_some_and(|r| bound(&r) == value)
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

    let no_stake = no_stake.into_iter().filter(|&p| !speaks(p)).collect();
    IssueAnalysis {
        prediction: predict::predict(negotiation, &stands),
        issue: id.to_owned(),
        status,
        zone,
        gap,
        collisions: collisions(negotiation, &stands),
        conditional_offers: conditional_offers(negotiation, &stands),
        stands,
        silent,
        awaited,
        no_stake,
    }
}

/// Demands of one party whose stance (or, without one, whole range) lies outside the range
/// another party's red line accepts.
fn collisions(negotiation: &Negotiation, stands: &[Stand]) -> Vec<Collision> {
    let of_kind = |stand: &Stand, kind: Kind| -> Vec<(StatementKey, &Statement)> {
        let statements = statements_of(negotiation, stand.party);
        stand
            .statements
            .iter()
            .filter_map(|&i| {
                let statement = statements.get(i).filter(|s| s.kind == kind)?;
                let key = StatementKey {
                    party: stand.party,
                    statement: i,
                };
                Some((key, statement))
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
        let Some(file) = negotiation.party(stand.party) else {
            continue;
        };
        for &i in &stand.statements {
            let Some(statement) = file.statements.get(i).filter(|s| s.kind.is_opening()) else {
                continue;
            };
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
mod boundaries;
#[cfg(test)]
mod tests;
