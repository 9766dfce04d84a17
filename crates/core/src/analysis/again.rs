//! The analysis worked out again after a change that touched a few issues: those issues are
//! analysed afresh, the others kept, and so are the trades between two untouched issues; the
//! trades that involve a touched issue are found again. The outcome is what [`analyse_at`]
//! finds; only the time differs.

use crate::edit::Touched;
use crate::negotiation::Negotiation;
use crate::rounds::Rounds;

use std::collections::HashSet;
use std::sync::Arc;

use super::{
    Analysis, IssueAnalysis, Stand, acceptable_range, analyse_at, analyse_issue, statements_of,
    trades,
};

/// `previous`, the analysis of the same parties at `round` before a change that touched
/// `touched`, brought up to date.
pub fn analyse_again(
    negotiation: &Negotiation,
    previous: &Analysis,
    touched: &Touched,
    round: Option<usize>,
) -> Analysis {
    let full = || analyse_at(negotiation, &previous.parties, round);
    let parties_there = previous
        .parties
        .iter()
        .all(|&party| party < negotiation.parties.len());
    let Touched::Issues(touched) = touched else {
        return full();
    };
    if !parties_there {
        return full();
    }
    let touched_at: Vec<usize> = previous
        .issues
        .iter()
        .enumerate()
        .filter(|(_, issue)| touched.contains(&issue.issue))
        .map(|(index, _)| index)
        .collect();
    // A touched issue the analysis lacks is one a statement moved to: the issues change.
    let Some(issue_of) = (touched_at.len() == touched.len())
        .then(|| issues_of_statements(negotiation, previous, &touched_at))
        .flatten()
        .filter(|issue_of| same_issue_order(negotiation, previous, issue_of))
    else {
        return full();
    };
    let rounds = Rounds::of(negotiation);
    let issues: Vec<Arc<IssueAnalysis>> = previous
        .issues
        .iter()
        .enumerate()
        .map(|(at, issue)| {
            if !touched_at.contains(&at) {
                return Arc::clone(issue);
            }
            let stands = stands_on(negotiation, previous, &issue_of, at, &rounds, round);
            Arc::new(analyse_issue(
                negotiation,
                &previous.parties,
                &issue.issue,
                stands,
            ))
        })
        .collect();
    let trades = trades::trades_again(&issues, &previous.trades, &touched_at);
    Analysis {
        parties: previous.parties.clone(),
        issues,
        trades,
        issue_of,
    }
}

/// Which issue each statement is on now, from which it was on before: only a statement that
/// was on a touched issue (at `touched_at`) can have moved, and only to another touched one,
/// since any statement that changed touched the issues it was on before and after. `None`
/// when that does not hold: a file's statements came or went, or one moved to an issue the
/// analysis lacks.
fn issues_of_statements(
    negotiation: &Negotiation,
    previous: &Analysis,
    touched_at: &[usize],
) -> Option<Vec<Vec<usize>>> {
    let mut issue_of = previous.issue_of.clone();
    for (&party, party_issue_of) in previous.parties.iter().zip(&mut issue_of) {
        let statements = statements_of(negotiation, party);
        if statements.len() != party_issue_of.len() {
            return None;
        }
        for (index, slot) in party_issue_of.iter_mut().enumerate() {
            if !touched_at.contains(slot) {
                continue;
            }
            let issue = &statements.get(index)?.issue;
            *slot = touched_at
                .iter()
                .copied()
                .find(|&at| previous.issues.get(at).is_some_and(|i| i.issue == *issue))?;
        }
    }
    Some(issue_of)
}

/// Whether the issues still come in the order [`super::issue_order`] gives them: the
/// agenda's, then the others in the order statements first name them, none of them gone.
fn same_issue_order(
    negotiation: &Negotiation,
    previous: &Analysis,
    issue_of: &[Vec<usize>],
) -> bool {
    let mut agenda_ids = HashSet::new();
    let on_agenda = negotiation
        .agenda
        .iter()
        .flat_map(|agenda| &agenda.data.issues);
    let agenda_count = on_agenda
        .filter(|issue| agenda_ids.insert(issue.id.as_str()))
        .count();
    let mut seen = vec![false; previous.issues.len()];
    seen.iter_mut()
        .take(agenda_count)
        .for_each(|seen| *seen = true);
    let mut next = agenda_count;
    for &at in issue_of.iter().flatten() {
        match seen.get_mut(at) {
            Some(seen) if *seen => {}
            Some(seen) if at == next => {
                *seen = true;
                next += 1;
            }
            // An issue named before the one that came first: the order changed.
            _ => return false,
        }
    }
    next == previous.issues.len()
}

/// The stands of the analysed parties on the issue at `at` at `round`, as [`analyse_at`]'s
/// pass over all statements groups them: by party in the order given, statements in file
/// order.
fn stands_on(
    negotiation: &Negotiation,
    previous: &Analysis,
    issue_of: &[Vec<usize>],
    at: usize,
    rounds: &Rounds<'_>,
    round: Option<usize>,
) -> Vec<Stand> {
    previous
        .parties
        .iter()
        .zip(issue_of)
        .filter_map(|(&party, party_issue_of)| {
            let statements = statements_of(negotiation, party);
            let on_issue: Vec<usize> = party_issue_of
                .iter()
                .enumerate()
                .filter(|&(index, &on)| {
                    on == at
                        && statements
                            .get(index)
                            .is_some_and(|statement| rounds.holds(statement, round))
                })
                .map(|(index, _)| index)
                .collect();
            if on_issue.is_empty() {
                return None;
            }
            let (range, range_from) = acceptable_range(statements, &on_issue);
            Some(Stand {
                party,
                statements: on_issue,
                range,
                range_from,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::example::load_example;
    use crate::model::Kind;

    /// Every statement of the example changed in turn (its stance moved, its kind made a red
    /// line, its range dropped), and the analysis brought up to date each time is exactly a
    /// fresh one, at every round; the changes really change something.
    #[test]
    fn each_statement_changed_in_turn_gives_what_a_fresh_analysis_gives() {
        let original = load_example().negotiation;
        let parties: Vec<usize> = (0..original.parties.len()).collect();
        let before = analyse_at(&original, &parties, None);
        let mut changed_something = 0;
        for (party, file) in original.parties.iter().enumerate() {
            for (index, statement) in file.data.statements.iter().enumerate() {
                let mut negotiation = original.clone();
                let edited = &mut negotiation.parties[party].data.statements[index];
                edited.stance = Some(statement.stance.map_or(10.0, |stance| 100.0 - stance));
                edited.kind = Kind::Rejection;
                edited.range = None;
                let touched = Touched::Issues(BTreeSet::from([statement.issue.clone()]));
                let again = analyse_again(&negotiation, &before, &touched, None);
                let fresh = analyse_at(&negotiation, &parties, None);
                assert_eq!(
                    again, fresh,
                    "after changing statement {index} of party {party}"
                );
                changed_something += usize::from(fresh != before);
            }
        }
        assert!(
            changed_something > 10,
            "only {changed_something} changes changed the analysis"
        );
    }

    /// A statement moved to an issue nobody else spoke on: with both issues touched the two
    /// agree; and a change said to touch everything is a fresh analysis.
    #[test]
    fn a_statement_moved_between_issues_and_everything_touched() {
        let original = load_example().negotiation;
        let parties: Vec<usize> = (0..original.parties.len()).collect();
        let before = analyse_at(&original, &parties, None);
        let mut negotiation = original.clone();
        let statement = &mut negotiation.parties[0].data.statements[0];
        let was = statement.issue.clone();
        statement.issue = "rhetoric".into();
        let touched = Touched::Issues(BTreeSet::from([was, "rhetoric".to_owned()]));
        let fresh = analyse_at(&negotiation, &parties, None);
        assert_eq!(analyse_again(&negotiation, &before, &touched, None), fresh);
        assert_ne!(fresh, before);
        assert_eq!(
            analyse_again(&negotiation, &before, &Touched::Everything, None),
            fresh
        );
    }

    /// Every statement moved in turn to every other issue, with and without the agenda (without
    /// it the issues come in the order statements first name them, so a move can reorder them
    /// or leave an issue with no statement), with one party left out of the comparison, at
    /// every round of the example with rounds: brought up to date, the analysis is exactly a
    /// fresh one.
    #[test]
    fn each_statement_moved_to_each_issue_gives_what_a_fresh_analysis_gives() {
        let with_rounds = crate::example::load_rounds_example().negotiation;
        let mut without_agenda = load_example().negotiation;
        without_agenda.agenda = None;
        let mut reordered = 0;
        for original in [load_example().negotiation, without_agenda, with_rounds] {
            let rounds = Rounds::of(&original).len();
            let mut parties: Vec<usize> = (0..original.parties.len()).collect();
            parties.rotate_left(1);
            parties.truncate(parties.len().max(3) - 1);
            for round in (0..rounds).map(Some).chain([None]) {
                let before = analyse_at(&original, &parties, round);
                let ids: Vec<String> = before.issues.iter().map(|i| i.issue.clone()).collect();
                for (party, file) in original.parties.iter().enumerate() {
                    for index in 0..file.data.statements.len() {
                        for id in &ids {
                            let mut negotiation = original.clone();
                            let statement = &mut negotiation.parties[party].data.statements[index];
                            let was = std::mem::replace(&mut statement.issue, id.clone());
                            let touched = Touched::Issues(BTreeSet::from([was, id.clone()]));
                            let again = analyse_again(&negotiation, &before, &touched, round);
                            let fresh = analyse_at(&negotiation, &parties, round);
                            assert_eq!(again, fresh, "statement {index} of party {party} to {id}");
                            let order = |a: &Analysis| {
                                a.issues.iter().map(|i| i.issue.clone()).collect::<Vec<_>>()
                            };
                            reordered += usize::from(order(&fresh) != ids);
                        }
                    }
                }
            }
        }
        assert!(
            reordered > 10,
            "only {reordered} moves reordered the issues"
        );
    }
}
