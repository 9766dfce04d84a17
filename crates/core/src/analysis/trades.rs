//! What could be traded for what: the exchanges of positions of the DECIDE exchange model
//! (Stokman and Van Oosten 1994; the equal-gain rule of Dijkstra, Van Assen and Stokman 2008,
//! "Outcomes of collective decisions with externalities predicted", Journal of Theoretical
//! Politics 20(4)), computed from the expected outcomes of [`super::predict`].
//!
//! For issues p and q and parties i and j placed on both, with weights w = c·s and each issue's
//! expected outcome O = Σ wx / Σ w (the weighted mean):
//!
//! 1. They can trade when they stand on opposite sides of the expected outcome on both issues,
//!    and care about them in different proportions. Say i cares relatively more about p
//!    (sᵢₚ/sᵢq > sⱼₚ/sⱼq): then j moves on p towards i, and i moves on q towards j.
//! 2. A move of Δx by a party k on issue d shifts its expected outcome by Δx·wₖ/Σw.
//! 3. Each party's gain is its salience-weighted shift of the outcome in its favour less the
//!    shift against it: i gains sᵢₚ·δp − sᵢq·δq, j gains sⱼq·δq − sⱼₚ·δp. Equal gain makes
//!    δq = δp·(sᵢₚ + sⱼₚ)/(sᵢq + sⱼq).
//! 4. The larger of the two moves that keeps both within bounds is taken: nobody moves past the
//!    other's position, and no outcome is pushed past the position of the party it is moved
//!    for. DECIDE knows no red lines; here nobody moves outside its own red lines on the issue
//!    either, and a move they stop short says so.
//!
//! Saliences count as fractions (0–1) here, as in DECIDE's own tables, so gains compare with
//! that program's. The list is every possible exchange as things stand, not a sequence: once
//! one is made, the others change.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use super::IssueAnalysis;
use crate::model::Range;

/// Below this a gain or a move is rounding, not a trade.
const NOTHING: f64 = 1e-9;

/// One party's side of an exchange: the move it makes on the issue it cares less about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    pub party: usize,
    /// Index into the analysis' issues.
    pub issue: usize,
    pub from: f64,
    pub to: f64,
    /// How far the issue's expected outcome (the weighted mean) moves with it.
    pub shift: f64,
    /// True when the party's own red line stops it short of the other's position.
    pub held_by_red_line: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trade {
    /// The party that cares relatively more about `second.issue`: it moves on `first.issue`.
    pub first: Move,
    /// The other party: it moves on `first`'s party's favourite, `second.issue`.
    pub second: Move,
    /// What each gains by the rule (equal for both).
    pub gain: f64,
}

/// One party placed on one issue, as the exchange rule counts it.
#[derive(Clone, Copy)]
struct Placed {
    party: usize,
    position: f64,
    /// 0–1.
    salience: f64,
    weight: f64,
    limits: Range,
}

impl Placed {
    /// How far it can move towards `to` without leaving its red lines, and whether they stop it.
    fn room_towards(&self, to: f64) -> (f64, bool) {
        let wanted = (to - self.position).abs();
        let free = if to < self.position {
            self.position - self.limits.min
        } else {
            self.limits.max - self.position
        };
        let room = wanted.min(free.max(0.0));
        (room, room < wanted - NOTHING)
    }
}

struct Issue {
    index: usize,
    outcome: f64,
    total: f64,
    placed: Vec<Placed>,
}

impl Issue {
    fn of(&self, party: usize) -> Option<&Placed> {
        self.placed.iter().find(|p| p.party == party)
    }
}

/// Every exchange the rule finds between the issues' placed parties, kept by pair of issues so
/// that a change to a few issues redoes only their pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trades {
    /// The pairs of issues with at least one trade, by their indices (lower first) in order,
    /// each pair's trades best first.
    pairs: Vec<Pair>,
    len: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct Pair {
    issues: (usize, usize),
    // Shared so that an analysis brought up to date keeps the untouched pairs without copying.
    trades: Arc<[Trade]>,
}

impl Trades {
    /// How many trades there are in all.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every trade, best (largest gain) first: the pairs' lists merged, so the first few cost
    /// little however many there are.
    pub fn iter(&self) -> BestFirst<'_> {
        let heads = self
            .pairs
            .iter()
            .filter_map(|pair| {
                pair.trades.first().map(|trade| Head {
                    trade,
                    rest: pair.trades.get(1..).unwrap_or_default(),
                })
            })
            .collect();
        BestFirst { heads }
    }

    /// The best trade, if any.
    pub fn first(&self) -> Option<&Trade> {
        self.iter().next()
    }
}

impl<'a> IntoIterator for &'a Trades {
    type Item = &'a Trade;
    type IntoIter = BestFirst<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The trades best first, merged from each pair's list ([`Trades::iter`]).
pub struct BestFirst<'a> {
    heads: BinaryHeap<Head<'a>>,
}

/// The best trade a pair has not yet given, and the ones after it.
struct Head<'a> {
    trade: &'a Trade,
    rest: &'a [Trade],
}

impl PartialEq for Head<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head<'_> {}

impl PartialOrd for Head<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head<'_> {
    /// The heap gives its greatest first, so the better trade is the greater.
    fn cmp(&self, other: &Self) -> Ordering {
        better_first(other.trade, self.trade)
    }
}

impl<'a> Iterator for BestFirst<'a> {
    type Item = &'a Trade;

    fn next(&mut self) -> Option<&'a Trade> {
        let head = self.heads.pop()?;
        if let Some((next, rest)) = head.rest.split_first() {
            self.heads.push(Head { trade: next, rest });
        }
        Some(head.trade)
    }
}

/// The order of trades: the largest gain first; ties fall to issue and party order, so the
/// order is total and the same however the list was put together.
fn better_first(x: &Trade, y: &Trade) -> Ordering {
    y.gain
        .total_cmp(&x.gain)
        .then(x.first.issue.cmp(&y.first.issue))
        .then(x.second.issue.cmp(&y.second.issue))
        .then(x.first.party.cmp(&y.first.party))
        .then(x.second.party.cmp(&y.second.party))
}

/// Every exchange the rule finds between the issues' placed parties.
pub(super) fn trades(issues: &[Arc<IssueAnalysis>]) -> Trades {
    find(issues, None)
}

/// The trades of `issues` after a change that touched the issues at the indices `touched`:
/// the pairs of two untouched issues are taken from `previous`, the trades of the same issues
/// before the change; the others are found again.
pub(super) fn trades_again(
    issues: &[Arc<IssueAnalysis>],
    previous: &Trades,
    touched: &[usize],
) -> Trades {
    find(issues, Some((previous, touched)))
}

/// The trades of `issues`, with the trades before a change and the issues it touched, if any.
fn find(issues: &[Arc<IssueAnalysis>], before: Option<(&Trades, &[usize])>) -> Trades {
    let issues: Vec<Issue> = issues
        .iter()
        .enumerate()
        .filter_map(|(index, issue)| {
            let prediction = issue.prediction.as_ref()?;
            let placed: Vec<Placed> = prediction
                .inputs
                .iter()
                .map(|input| Placed {
                    party: input.party,
                    position: input.position,
                    salience: input.salience / 100.0,
                    weight: input.weight,
                    limits: input.limits,
                })
                .collect();
            Some(Issue {
                index,
                outcome: prediction.weighted_mean,
                total: placed.iter().map(|p| p.weight).sum(),
                placed,
            })
        })
        .collect();
    let mut pairs = Vec::new();
    for (a, p) in issues.iter().enumerate() {
        for q in issues.iter().skip(a + 1) {
            let key = (p.index, q.index);
            if let Some((previous, touched)) = before
                && !touched.contains(&p.index)
                && !touched.contains(&q.index)
            {
                // An untouched pair that had no trades before still has none.
                if let Ok(at) = previous
                    .pairs
                    .binary_search_by_key(&key, |pair| pair.issues)
                {
                    pairs.extend(previous.pairs.get(at).cloned());
                }
                continue;
            }
            let mut found = pair_trades(p, q);
            if found.is_empty() {
                continue;
            }
            // The order is total, so an unstable sort is as repeatable as a stable one.
            found.sort_unstable_by(better_first);
            pairs.push(Pair {
                issues: key,
                trades: found.into(),
            });
        }
    }
    let len = pairs.iter().map(|pair| pair.trades.len()).sum();
    Trades { pairs, len }
}

/// The exchanges between every two parties placed on both p and q.
fn pair_trades(p: &Issue, q: &Issue) -> Vec<Trade> {
    let mut found = Vec::new();
    for (b, i) in p.placed.iter().enumerate() {
        let Some(iq) = q.of(i.party) else { continue };
        for j in p.placed.iter().skip(b + 1) {
            let Some(jq) = q.of(j.party) else { continue };
            if let Some(trade) = exchange(p, q, (i, iq), (j, jq)) {
                found.push(trade);
            }
        }
    }
    found
}

/// The exchange between two parties on issues p and q, each given as (on p, on q).
fn exchange(p: &Issue, q: &Issue, x: (&Placed, &Placed), y: (&Placed, &Placed)) -> Option<Trade> {
    let left = |placed: &Placed, issue: &Issue| placed.position < issue.outcome;
    // Opposite sides of the expected outcome on both issues.
    if left(x.0, p) == left(y.0, p) || left(x.1, q) == left(y.1, q) {
        return None;
    }
    // i is the one that cares relatively more about p: sᵢₚ·sⱼq > sⱼₚ·sᵢq.
    let x_prefers_p = x.0.salience * y.1.salience;
    let y_prefers_p = y.0.salience * x.1.salience;
    let (i, j) = if x_prefers_p > y_prefers_p {
        (x, y)
    } else if y_prefers_p > x_prefers_p {
        (y, x)
    } else {
        return None;
    };
    // Now i demands p and supplies q; j supplies p and demands q.
    let ((ip, iq), (jp, jq)) = (i, j);
    if jp.weight <= 0.0 || iq.weight <= 0.0 || p.total <= 0.0 || q.total <= 0.0 {
        return None;
    }
    // The largest outcome shifts each side's move allows.
    let (j_room, j_held) = jp.room_towards(ip.position);
    let (i_room, i_held) = iq.room_towards(jq.position);
    let most_p = (j_room * jp.weight / p.total).min((ip.position - p.outcome).abs());
    let most_q = (i_room * iq.weight / q.total).min((jq.position - q.outcome).abs());
    let ratio = (ip.salience + jp.salience) / (iq.salience + jq.salience);
    if !ratio.is_finite() || ratio <= 0.0 {
        return None;
    }
    let shift_p = most_p.min(most_q / ratio);
    let shift_q = shift_p * ratio;
    let gain = ip.salience * shift_p - iq.salience * shift_q;
    if !gain.is_finite() || gain <= NOTHING || shift_p <= NOTHING {
        return None;
    }
    // A move all the way lands on the other's position, not a rounding short of it.
    let towards = |from: f64, to: f64, by: f64| {
        if by >= (to - from).abs() - NOTHING {
            to
        } else if to < from {
            from - by
        } else {
            from + by
        }
    };
    let j_moves = shift_p * p.total / jp.weight;
    let i_moves = shift_q * q.total / iq.weight;
    // Held means the red line, not the equal-gain rule, is what ends the move.
    let held = |room: f64, moves: f64, held: bool| held && moves >= room - NOTHING;
    Some(Trade {
        first: Move {
            party: iq.party,
            issue: q.index,
            from: iq.position,
            to: towards(iq.position, jq.position, i_moves),
            shift: shift_q,
            held_by_red_line: held(i_room, i_moves, i_held),
        },
        second: Move {
            party: jp.party,
            issue: p.index,
            from: jp.position,
            to: towards(jp.position, ip.position, j_moves),
            shift: shift_p,
            held_by_red_line: held(j_room, j_moves, j_held),
        },
        gain,
    })
}
