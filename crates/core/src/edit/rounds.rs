//! Ready-made edits for rounds: a new round, and a statement that changes or ends from a
//! round on. Positions carry into a new round by themselves (a statement without `until`
//! holds to the last round), so a new round copies nothing and the analyst edits only what
//! moved.

use super::Edit;
use super::builders::unique_id;
use crate::model::Round;
use crate::negotiation::{Negotiation, StatementKey};
use crate::rounds::Rounds;

/// "Geneva draft" → "geneva-draft"; "round" when nothing of the name makes an id.
pub fn id_from_name(name: &str) -> String {
    let id = dashed_words(name, true);
    if id.is_empty() {
        "round".to_owned()
    } else {
        id
    }
}

/// Letters and digits of `name` in lower case, every other run of characters one dash:
/// an id (`ascii`) or a file name. Empty when nothing is left.
pub fn dashed_words(name: &str, ascii: bool) -> String {
    let mut words = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || (!ascii && c.is_alphanumeric()) {
            words.extend(c.to_lowercase());
        } else if !words.is_empty() && !words.ends_with('-') {
            words.push('-');
        }
    }
    words.trim_end_matches('-').to_owned()
}

fn round(name: &str, date: &str, taken: &[Round]) -> Round {
    Round {
        id: unique_id(
            &id_from_name(name),
            taken.iter().map(|round| round.id.as_str()),
        ),
        name: name.trim().to_owned(),
        date: date.trim().to_owned(),
        description: String::new(),
    }
}

/// The agenda's rounds with a new one, `name` on `date`, at the end. A negotiation without
/// rounds first gets `first` (name, date) for the positions recorded so far, so that they
/// stay a round of their own. `None` without an agenda.
pub fn new_round(
    negotiation: &Negotiation,
    name: &str,
    date: &str,
    first: Option<(&str, &str)>,
) -> Option<Edit> {
    let mut rounds = negotiation.agenda.as_ref()?.data.rounds.clone();
    if rounds.is_empty()
        && let Some((first_name, first_date)) = first
    {
        let opening = round(first_name, first_date, &rounds);
        rounds.push(opening);
    }
    let added = round(name, date, &rounds);
    rounds.push(added);
    Some(Edit::Rounds(rounds))
}

/// The span of rounds of the statement at `key`, if it starts before `round` and still holds
/// at it: only then can it change or end from `round` on.
fn changeable(negotiation: &Negotiation, key: StatementKey, round: usize) -> Option<()> {
    let rounds = Rounds::of(negotiation);
    let (from, until) = rounds.span(negotiation.statement(key)?)?;
    (from < round && round <= until).then_some(())
}

/// The statement at `key` ends at the round before `round`, and a copy, to be edited, holds
/// from `round` on. `None` when the statement does not hold both before and at `round`.
pub fn change_from_round(
    negotiation: &Negotiation,
    key: StatementKey,
    round: usize,
) -> Option<Edit> {
    changeable(negotiation, key, round)?;
    let rounds = Rounds::of(negotiation);
    let statement = negotiation.statement(key)?;
    let party = negotiation.party(key.party)?;
    Some(Edit::SplitStatement {
        key,
        until: rounds.get(round.checked_sub(1)?)?.id.clone(),
        from: rounds.get(round)?.id.clone(),
        new_id: unique_id(
            &statement.id,
            party.statements.iter().map(|s| s.id.as_str()),
        ),
    })
}

/// The statement at `key` no longer holds from `round` on: it ends at the round before.
pub fn drop_from_round(negotiation: &Negotiation, key: StatementKey, round: usize) -> Option<Edit> {
    changeable(negotiation, key, round)?;
    let rounds = Rounds::of(negotiation);
    let mut statement = negotiation.statement(key)?.clone();
    statement.until = Some(rounds.get(round.checked_sub(1)?)?.id.clone());
    Some(Edit::Statement { key, statement })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::edit::{History, apply};
    use crate::example::load_example;
    use crate::io::load;

    fn river() -> Negotiation {
        load(&[PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/fictional-river-talks"
        ))])
        .negotiation
    }

    #[test]
    fn a_first_round_for_a_negotiation_without_rounds_keeps_its_positions_in_both() {
        let mut negotiation = load_example().negotiation;
        let edit = new_round(
            &negotiation,
            "Reply to the replies",
            "2022-02-17",
            Some(("Written replies", "2022-01-26")),
        )
        .unwrap();
        let mut history = History::default();
        history.record(apply(&mut negotiation, edit, None, None).unwrap());
        let rounds = &negotiation.agenda.as_ref().unwrap().data.rounds;
        let ids: Vec<&str> = rounds.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["written-replies", "reply-to-the-replies"]);
        // Every statement holds at both rounds: copied forward without a line copied.
        let all: Vec<usize> = (0..negotiation.parties.len()).collect();
        let diff = crate::diff::diff(&negotiation, &all, 0, 1);
        assert!(
            diff.changes
                .iter()
                .all(|c| c.change == crate::diff::Change::Unchanged)
        );
        // One undo takes both rounds away.
        history.undo(&mut negotiation).unwrap();
        assert!(negotiation.agenda.as_ref().unwrap().data.rounds.is_empty());
    }

    #[test]
    fn changing_a_statement_from_a_round_on_ends_the_old_and_copies_it_below() {
        let mut negotiation = river();
        // Upland's summer flow statement holds in all three rounds.
        let key = StatementKey {
            party: 1,
            statement: 0,
        };
        assert_eq!(
            negotiation.statement(key).unwrap().id,
            "keep-most-summer-flow"
        );
        let edit = change_from_round(&negotiation, key, 2).unwrap();
        let selected = apply(&mut negotiation, edit, None, None)
            .unwrap()
            .select_after;
        let statements = &negotiation.parties[1].data.statements;
        assert_eq!(statements[0].until.as_deref(), Some("geneva-draft"));
        assert_eq!(statements[1].id, "keep-most-summer-flow-2");
        assert_eq!(statements[1].from.as_deref(), Some("summit-communique"));
        assert_eq!(statements[1].until, None);
        assert_eq!(
            selected,
            Some(StatementKey {
                party: 1,
                statement: 1
            })
        );
        // A statement that starts at the round cannot be split there, nor one from round 0.
        assert!(
            change_from_round(
                &negotiation,
                StatementKey {
                    party: 1,
                    statement: 1
                },
                2
            )
            .is_none()
        );
        assert!(change_from_round(&negotiation, key, 0).is_none());
    }

    #[test]
    fn dropping_from_a_round_on_ends_the_statement_the_round_before() {
        let negotiation = river();
        let key = StatementKey {
            party: 1,
            statement: 0,
        };
        let Some(Edit::Statement { statement, .. }) = drop_from_round(&negotiation, key, 1) else {
            panic!("expected an edit of the statement");
        };
        assert_eq!(statement.until.as_deref(), Some("opening-letters"));
    }

    #[test]
    fn round_ids_come_from_their_names() {
        assert_eq!(
            id_from_name("Summit communiqué, 2031"),
            "summit-communiqu-2031"
        );
        assert_eq!(id_from_name("  ?? "), "round");
    }
}
