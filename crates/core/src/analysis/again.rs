//! The analysis worked out again after a change that touched a few issues: those issues are
//! analysed afresh, the others kept, and so are the trades between two untouched issues; the
//! trades that involve a touched issue are found again. The outcome is what [`analyse_at`]
//! finds; only the time differs.

use crate::edit::Touched;
use crate::negotiation::Negotiation;
use crate::rounds::Rounds;

use super::{
    Analysis, IssueAnalysis, Stand, acceptable_range, analyse_at, analyse_issue, issue_order,
    statements_of, trades,
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
    let Touched::Issues(touched) = touched else {
        return full();
    };
    // An issue that appeared or went (one named only by statements) reorders the issues.
    let order = issue_order(negotiation, &previous.parties);
    let same_issues = order.len() == previous.issues.len()
        && order
            .iter()
            .zip(&previous.issues)
            .all(|(id, issue)| *id == issue.issue);
    let parties_there = previous
        .parties
        .iter()
        .all(|&party| party < negotiation.parties.len());
    if !same_issues || !parties_there {
        return full();
    }
    let rounds = Rounds::of(negotiation);
    let issues: Vec<IssueAnalysis> = previous
        .issues
        .iter()
        .map(|issue| {
            if !touched.contains(&issue.issue) {
                return issue.clone();
            }
            let stands = stands_on(negotiation, &previous.parties, &issue.issue, &rounds, round);
            analyse_issue(negotiation, &previous.parties, &issue.issue, stands)
        })
        .collect();
    let touched_at: Vec<usize> = issues
        .iter()
        .enumerate()
        .filter(|(_, issue)| touched.contains(&issue.issue))
        .map(|(index, _)| index)
        .collect();
    let trades = trades::trades_again(&issues, &previous.trades, &touched_at);
    Analysis {
        parties: previous.parties.clone(),
        issues,
        trades,
    }
}

/// The stands of `parties` on the issue `id` at `round`, as [`analyse_at`]'s pass over all
/// statements groups them: by party in the order given, statements in file order.
fn stands_on(
    negotiation: &Negotiation,
    parties: &[usize],
    id: &str,
    rounds: &Rounds<'_>,
    round: Option<usize>,
) -> Vec<Stand> {
    parties
        .iter()
        .filter_map(|&party| {
            let statements = statements_of(negotiation, party);
            let on_issue: Vec<usize> = statements
                .iter()
                .enumerate()
                .filter(|(_, statement)| statement.issue == id && rounds.holds(statement, round))
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
}
