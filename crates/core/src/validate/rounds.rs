//! The rounds of the agenda and the rounds statements hold in.

use std::collections::{HashMap, HashSet};

use super::{Context, Place, check_id, is_date, is_usable_range};
use crate::model::{PartyFile, Range, Round};
use crate::negotiation::Loaded;
use crate::problem::{FieldPath, Problem};
use crate::rounds::Rounds;

/// Round ids kebab-case and unique, names given, dates real and in order.
pub(super) fn check_rounds(context: &Context<'_>, rounds: &[Round], problems: &mut Vec<Problem>) {
    let list = Place::Root.field("rounds");
    let mut seen = HashSet::new();
    let mut previous_date: Option<&str> = None;
    for (i, round) in rounds.iter().enumerate() {
        let at = list.index(i);
        check_id(context, at.field("id"), &round.id, "round", problems);
        if !round.id.is_empty() && !seen.insert(round.id.as_str()) {
            problems.push(context.error(
                at.field("id"),
                format!("round id `{}` is used twice in the agenda", round.id),
            ));
        }
        if round.name.trim().is_empty() {
            problems.push(context.error(at.field("name"), "the round has no name"));
        }
        if !is_date(&round.date) {
            problems.push(context.error(
                at.field("date"),
                format!(
                    "the round's date \"{}\" is not a date like \"2022-01-26\"",
                    round.date
                ),
            ));
            continue;
        }
        // Dates of the same form compare as text.
        if let Some(before) = previous_date
            && round.date.as_str() < before
        {
            problems.push(context.error(
                at.field("date"),
                format!(
                    "round `{}` on {} comes before the round listed above it ({before}); \
                     list rounds oldest first",
                    round.id, round.date
                ),
            ));
        }
        previous_date = Some(&round.date);
    }
}

/// `from` and `until` name rounds of the agenda, in order.
pub(super) fn check_statement_rounds(
    context: &Context<'_>,
    at: Place<'_>,
    statement: &crate::model::Statement,
    problems: &mut Vec<Problem>,
) {
    let mut span = [None, None];
    for (slot, field, id) in [(0, "from", &statement.from), (1, "until", &statement.until)] {
        let Some(id) = id else { continue };
        if context.rounds.is_empty() {
            problems.push(context.error(
                at.field(field),
                format!(
                    "`{field}: \"{id}\"` names a round, but the agenda lists no rounds; add \
                     the round to the agenda's `rounds` or remove `{field}`"
                ),
            ));
            continue;
        }
        match context.rounds.index(id) {
            Some(index) => span[slot] = Some(index),
            None => {
                let known: Vec<&str> = context
                    .rounds
                    .list
                    .iter()
                    .map(|round| round.id.as_str())
                    .collect();
                problems.push(context.error(
                    at.field(field),
                    format!(
                        "`{field}` names round `{id}`, which the agenda does not list (its \
                         rounds: {})",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    if let [Some(from), Some(until)] = span
        && until < from
    {
        problems.push(context.error(
            at.field("until"),
            format!(
                "the statement holds until round `{}`, which comes before its first round `{}`",
                statement.until.as_deref().unwrap_or_default(),
                statement.from.as_deref().unwrap_or_default()
            ),
        ));
    }
}

/// A party whose statements on one issue, holding in the same round, have ranges that do not
/// meet contradicts itself; the analysis then falls back to its firmest statement, and the
/// analyst should know. Statements of different rounds may disagree: that is a party moving.
pub(super) fn check_contradictions(
    party: &Loaded<PartyFile>,
    rounds: &Rounds<'_>,
    problems: &mut Vec<Problem>,
) {
    let statements = &party.data.statements;
    let spans: Vec<Option<(usize, usize)>> = statements
        .iter()
        .map(|statement| {
            if rounds.is_empty() {
                Some((0, 0))
            } else {
                rounds.span(statement)
            }
        })
        .collect();
    let mut warned = HashSet::new();
    for round in 0..rounds.len().max(1) {
        // The common part of the ranges seen so far on each issue in this round.
        let mut common: HashMap<&str, Range> = HashMap::new();
        for (i, statement) in statements.iter().enumerate() {
            let holds = spans
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|(from, until)| from <= round && round <= until);
            let Some(range) = statement.range.filter(is_usable_range) else {
                continue;
            };
            if !holds {
                continue;
            }
            let Some(so_far) = common.get_mut(statement.issue.as_str()) else {
                common.insert(&statement.issue, range);
                continue;
            };
            match so_far.intersect(&range) {
                Some(narrower) => *so_far = narrower,
                None if warned.insert(i) => {
                    let when = rounds
                        .get(round)
                        .map(|r| format!(" in round `{}`", r.id))
                        .unwrap_or_default();
                    problems.push(
                        Problem::warning(
                            &party.path,
                            format!(
                                "this range {}–{} does not meet {}–{}, what the party's earlier \
                                 statements on `{}` accept together{when}; the analysis uses \
                                 the firmest statement",
                                range.min, range.max, so_far.min, so_far.max, statement.issue
                            ),
                        )
                        .at_path(FieldPath::statement(i).field("range")),
                    );
                }
                None => {}
            }
        }
    }
}
