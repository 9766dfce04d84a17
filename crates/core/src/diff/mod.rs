//! What changed between two rounds: for each party and issue whether it hardened, softened,
//! came new, dropped out or stayed as it was, and for each issue how its zone of possible
//! agreement moved. `docs/format.md` ("What changed") defines each word; the rules below follow
//! it line by line.

use crate::analysis::{Analysis, IssueAnalysis, Stand, Status, analyse_at};
use crate::model::{Firmness, Range, Statement};
use crate::negotiation::{Negotiation, StatementKey};

#[cfg(test)]
mod tests;

/// Two numbers closer than this are the same: files are edited by hand, and 40.0 typed as
/// 40.04 is not a move.
pub const SAME: f64 = 0.05;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    Hardened,
    Softened,
    New,
    Dropped,
    Unchanged,
}

impl Change {
    pub const ALL: [Change; 5] = [
        Change::Hardened,
        Change::Softened,
        Change::New,
        Change::Dropped,
        Change::Unchanged,
    ];

    /// The word used in JSON and the command line.
    pub fn id(self) -> &'static str {
        match self {
            Change::Hardened => "hardened",
            Change::Softened => "softened",
            Change::New => "new",
            Change::Dropped => "dropped",
            Change::Unchanged => "unchanged",
        }
    }
}

/// Where a party stood on an issue at one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// Its acceptable range (a stance alone counts as a point), as the analysis works it out.
    pub range: Option<Range>,
    /// The stance of its firmest statement that states one.
    pub stance: Option<f64>,
    /// The firmest of its statements' firmness.
    pub firmness: Firmness,
    /// Its statements on the issue at that round.
    pub statements: Vec<StatementKey>,
}

/// One party's change on one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyChange {
    pub party: usize,
    pub issue: String,
    pub change: Change,
    /// `None` when the party said nothing on the issue at that round.
    pub from: Option<Position>,
    pub to: Option<Position>,
    /// How far the middle of its range moved, up the scale positive; `None` unless both
    /// rounds place it.
    pub moved: Option<f64>,
    /// The parties placed at the later round that the move brought it closer to, and those it
    /// moved away from.
    pub towards: Vec<usize>,
    pub away_from: Vec<usize>,
    /// Which rule decided the change, in words, for the reader who asks "why?".
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZoneChange {
    Opened,
    Closed,
    Widened,
    Narrowed,
    /// Same width, another place on the scale.
    Shifted,
    Unchanged,
    /// No zone at either round.
    None,
}

impl ZoneChange {
    pub fn id(self) -> &'static str {
        match self {
            ZoneChange::Opened => "opened",
            ZoneChange::Closed => "closed",
            ZoneChange::Widened => "widened",
            ZoneChange::Narrowed => "narrowed",
            ZoneChange::Shifted => "shifted",
            ZoneChange::Unchanged => "unchanged",
            ZoneChange::None => "none",
        }
    }
}

/// How one issue's finding changed.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueChange {
    pub issue: String,
    pub zone: ZoneChange,
    pub from_status: Status,
    pub to_status: Status,
    pub from_zone: Option<Range>,
    pub to_zone: Option<Range>,
}

/// Everything that changed between round `from` and round `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub from: usize,
    pub to: usize,
    pub parties: Vec<usize>,
    /// Issue by issue in agenda order, party by party in the order compared; unchanged ones
    /// included, so that nothing looks as if it were not looked at.
    pub changes: Vec<PartyChange>,
    pub issues: Vec<IssueChange>,
}

impl Diff {
    pub fn count(&self, change: Change) -> usize {
        self.changes.iter().filter(|c| c.change == change).count()
    }

    pub fn changes_on<'a>(&'a self, issue: &'a str) -> impl Iterator<Item = &'a PartyChange> {
        self.changes.iter().filter(move |c| c.issue == issue)
    }

    pub fn issue(&self, issue: &str) -> Option<&IssueChange> {
        self.issues.iter().find(|c| c.issue == issue)
    }
}

/// Compares the parties at `parties` between round `from` and round `to` (indices into the
/// agenda's rounds; either order works, and the same round twice gives no change).
pub fn diff(negotiation: &Negotiation, parties: &[usize], from: usize, to: usize) -> Diff {
    let before = analyse_at(negotiation, parties, Some(from));
    let after = analyse_at(negotiation, parties, Some(to));
    diff_analyses(negotiation, &before, &after, from, to)
}

/// The same, from two analyses already made of the same parties.
pub fn diff_analyses(
    negotiation: &Negotiation,
    before: &Analysis,
    after: &Analysis,
    from: usize,
    to: usize,
) -> Diff {
    let mut changes = Vec::new();
    let mut issues = Vec::new();
    for then in &before.issues {
        let Some(now) = after.issue(&then.issue) else {
            continue;
        };
        for &party in &after.parties {
            let was = position(negotiation, then, party);
            let is = position(negotiation, now, party);
            let others = placed_others(now, party);
            changes.push(judge(party, &then.issue, was, is, &others));
        }
        issues.push(zone_change(then, now));
    }
    Diff {
        from,
        to,
        parties: after.parties.clone(),
        changes,
        issues,
    }
}

fn position(negotiation: &Negotiation, issue: &IssueAnalysis, party: usize) -> Option<Position> {
    let stand: &Stand = issue.stands.iter().find(|stand| stand.party == party)?;
    let statements: &[Statement] = negotiation
        .party(party)
        .map_or(&[], |file| file.statements.as_slice());
    let firmness = stand
        .statements
        .iter()
        .filter_map(|&index| statements.get(index))
        .map(|statement| statement.firmness)
        .min()?;
    // The firmest statement that states a stance; of equally firm ones, the more salient, then
    // the first in the file.
    let stance = stand
        .statements
        .iter()
        .filter_map(|&index| statements.get(index))
        .filter(|statement| statement.stance.is_some())
        .min_by(|a, b| {
            a.firmness
                .cmp(&b.firmness)
                .then(b.salience.total_cmp(&a.salience))
        })
        .and_then(|statement| statement.stance);
    Some(Position {
        range: stand.range,
        stance,
        firmness,
        statements: stand
            .statements
            .iter()
            .map(|&statement| StatementKey { party, statement })
            .collect(),
    })
}

/// The middle of each other party's range at the later round.
fn placed_others(issue: &IssueAnalysis, party: usize) -> Vec<(usize, f64)> {
    issue
        .stands
        .iter()
        .filter(|stand| stand.party != party)
        .filter_map(|stand| Some((stand.party, middle(&stand.range?))))
        .collect()
}

fn middle(range: &Range) -> f64 {
    (range.min + range.max) / 2.0
}

fn width(range: &Range) -> f64 {
    range.max - range.min
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < SAME
}

fn same_range(a: &Range, b: &Range) -> bool {
    same(a.min, b.min) && same(a.max, b.max)
}

/// `outer` holds all of `inner`.
fn holds_all_of(outer: &Range, inner: &Range) -> bool {
    outer.min <= inner.min + SAME && inner.max <= outer.max + SAME
}

/// The rules of docs/format.md, "What changed", in their order.
fn judge(
    party: usize,
    issue: &str,
    from: Option<Position>,
    to: Option<Position>,
    others: &[(usize, f64)],
) -> PartyChange {
    let mut change = PartyChange {
        party,
        issue: issue.to_owned(),
        change: Change::Unchanged,
        from: None,
        to: None,
        moved: None,
        towards: Vec::new(),
        away_from: Vec::new(),
        reason: String::new(),
    };
    let (was, is) = match (from, to) {
        (None, None) => {
            change.reason = "silent at both rounds".to_owned();
            return change;
        }
        (None, Some(is)) => {
            change.change = Change::New;
            change.reason = "says nothing at the earlier round".to_owned();
            change.to = Some(is);
            return change;
        }
        (Some(was), None) => {
            change.change = Change::Dropped;
            change.reason = "says nothing at the later round".to_owned();
            change.from = Some(was);
            return change;
        }
        (Some(was), Some(is)) => (was, is),
    };
    let (verdict, reason) = judge_placed(&was, &is, others, &mut change);
    change.change = verdict;
    change.reason = reason;
    change.from = Some(was);
    change.to = Some(is);
    change
}

/// Rules 2 to 4: a party that speaks at both rounds. Fills in how far and towards whom it
/// moved.
fn judge_placed(
    was: &Position,
    is: &Position,
    others: &[(usize, f64)],
    change: &mut PartyChange,
) -> (Change, String) {
    // Firmness is ordered firmest first: `is` firmer than `was` when it is less.
    let firmer = is.firmness < was.firmness;
    let less_firm = is.firmness > was.firmness;
    let firmness_words = format!(
        "{} where it was {}",
        is.firmness.label(),
        was.firmness.label()
    );
    let by_firmness = |fallback: (Change, String)| {
        if firmer {
            (
                Change::Hardened,
                format!("held more firmly: {firmness_words}"),
            )
        } else if less_firm {
            (
                Change::Softened,
                format!("held less firmly: {firmness_words}"),
            )
        } else {
            fallback
        }
    };
    match (was.range, is.range) {
        (Some(a), Some(b)) => {
            change.moved = Some(middle(&b) - middle(&a));
            for &(other, centre) in others {
                let before = (middle(&a) - centre).abs();
                let after = (middle(&b) - centre).abs();
                if after < before - SAME {
                    change.towards.push(other);
                } else if after > before + SAME {
                    change.away_from.push(other);
                }
            }
            if same_range(&a, &b) {
                let stance_move = match (was.stance, is.stance) {
                    (Some(s), Some(t)) if !same(s, t) => Some((s, t)),
                    _ => None,
                };
                let by_stance = stance_move.map_or(
                    (Change::Unchanged, "the same range and firmness".to_owned()),
                    |(s, t)| closer(s, t, others, "the stance"),
                );
                by_firmness(by_stance)
            } else if holds_all_of(&b, &a) && !firmer {
                (
                    Change::Softened,
                    "accepts all it accepted before, and more".to_owned(),
                )
            } else if holds_all_of(&a, &b) && !less_firm {
                (
                    Change::Hardened,
                    "accepts only part of what it accepted before".to_owned(),
                )
            } else {
                let (verdict, reason) = closer(middle(&a), middle(&b), others, "the range");
                if verdict != Change::Unchanged {
                    (verdict, reason)
                } else if width(&b) > width(&a) + SAME {
                    (
                        Change::Softened,
                        "neither nearer the other parties nor further from them; the range widened"
                            .to_owned(),
                    )
                } else if width(&b) < width(&a) - SAME {
                    (
                        Change::Hardened,
                        "neither nearer the other parties nor further from them; the range narrowed".to_owned(),
                    )
                } else {
                    by_firmness((Change::Unchanged, reason))
                }
            }
        }
        (None, Some(_)) => by_firmness((
            Change::Unchanged,
            "now placed on the scale, where before it was not".to_owned(),
        )),
        (Some(_), None) => by_firmness((
            Change::Unchanged,
            "no longer placed on the scale".to_owned(),
        )),
        (None, None) => by_firmness((
            Change::Unchanged,
            "not placed on the scale at either round; the same firmness".to_owned(),
        )),
    }
}

/// A point that moved from `was` to `is`: towards the other parties (its mean distance to the
/// middles of their ranges shrank) is softening, away from them hardening.
fn closer(was: f64, is: f64, others: &[(usize, f64)], what: &str) -> (Change, String) {
    if others.is_empty() {
        return (
            Change::Unchanged,
            format!(
                "{what} moved, but with no other party placed there is nothing to say whether \
                 towards agreement or away from it"
            ),
        );
    }
    let count = others.len() as f64;
    let mean_distance =
        |point: f64| others.iter().map(|(_, c)| (point - c).abs()).sum::<f64>() / count;
    let before = mean_distance(was);
    let after = mean_distance(is);
    if after < before - SAME {
        (
            Change::Softened,
            format!("{what} moved towards the other parties"),
        )
    } else if after > before + SAME {
        (
            Change::Hardened,
            format!("{what} moved away from the other parties"),
        )
    } else {
        (
            Change::Unchanged,
            format!("{what} moved, but neither nearer the other parties nor further from them"),
        )
    }
}

fn zone_change(then: &IssueAnalysis, now: &IssueAnalysis) -> IssueChange {
    let zone = match (&then.zone, &now.zone) {
        (None, Some(_)) => ZoneChange::Opened,
        (Some(_), None) => ZoneChange::Closed,
        (None, None) => ZoneChange::None,
        (Some(a), Some(b)) if width(b) > width(a) + SAME => ZoneChange::Widened,
        (Some(a), Some(b)) if width(b) < width(a) - SAME => ZoneChange::Narrowed,
        (Some(a), Some(b)) if same_range(a, b) => ZoneChange::Unchanged,
        (Some(_), Some(_)) => ZoneChange::Shifted,
    };
    IssueChange {
        issue: then.issue.clone(),
        zone,
        from_status: then.status,
        to_status: now.status,
        from_zone: then.zone,
        to_zone: now.zone,
    }
}
