//! Edits, undo and redo, and the builders, on the example.

use std::path::{Path, PathBuf};

use super::builders::{date_from_days, new_party};
use super::*;
use crate::example::load_example;

fn example() -> Negotiation {
    load_example().negotiation
}

fn key(party: usize, statement: usize) -> StatementKey {
    StatementKey { party, statement }
}

fn summary_edit(negotiation: &Negotiation, at: StatementKey, text: &str) -> Edit {
    let mut statement = negotiation.parties[at.party].data.statements[at.statement].clone();
    statement.summary = text.to_owned();
    Edit::Statement { key: at, statement }
}

#[test]
fn an_edit_undoes_and_redoes_to_the_exact_data() {
    let mut negotiation = example();
    let original = negotiation.clone();
    let mut history = History::default();
    let edit = summary_edit(&negotiation, key(0, 0), "Changed");
    let change = apply(&mut negotiation, edit, None, None).unwrap();
    history.record(change);
    assert_eq!(negotiation.parties[0].data.statements[0].summary, "Changed");
    let edited = negotiation.clone();
    assert_eq!(history.undo_label(), Some("edit statement"));

    history.undo(&mut negotiation).unwrap();
    assert_eq!(negotiation, original);
    assert_eq!(history.undo_label(), None);
    assert_eq!(history.redo_label(), Some("edit statement"));
    history.redo(&mut negotiation).unwrap();
    assert_eq!(negotiation, edited);
}

#[test]
fn typing_into_one_field_is_one_step_until_the_field_is_left() {
    let mut negotiation = example();
    let original = negotiation.clone();
    let mut history = History::default();
    let field = Some("summary".to_owned());
    for text in ["C", "Ch", "Cha"] {
        let edit = summary_edit(&negotiation, key(0, 0), text);
        history.record(apply(&mut negotiation, edit, field.clone(), None).unwrap());
    }
    history.seal();
    let edit = summary_edit(&negotiation, key(0, 0), "Chat");
    history.record(apply(&mut negotiation, edit, field, None).unwrap());

    history.undo(&mut negotiation);
    assert_eq!(negotiation.parties[0].data.statements[0].summary, "Cha");
    history.undo(&mut negotiation);
    assert_eq!(negotiation, original);
    assert!(history.undo(&mut negotiation).is_none());
}

/// A step of typing keeps the one statement typed into, and a burst that moves on to another
/// statement (the same field, never left) becomes two steps that undo in turn.
#[test]
fn typing_keeps_one_statement_per_step_and_another_statement_is_another_step() {
    let mut negotiation = example();
    let original = negotiation.clone();
    let mut history = History::default();
    let field = Some("edit statement/summary".to_owned());
    let edit = summary_edit(&negotiation, key(0, 0), "First");
    let change = apply(&mut negotiation, edit, field.clone(), None).unwrap();
    assert_eq!(change.in_place(), Some(key(0, 0)));
    history.record(change);
    let after_first = negotiation.clone();
    for text in ["S", "Se", "Second"] {
        let edit = summary_edit(&negotiation, key(0, 2), text);
        history.record(apply(&mut negotiation, edit, field.clone(), None).unwrap());
    }
    assert_eq!(negotiation.parties[0].data.statements[2].summary, "Second");

    history.undo(&mut negotiation);
    assert_eq!(negotiation, after_first);
    history.undo(&mut negotiation);
    assert_eq!(negotiation, original);
    assert!(history.undo(&mut negotiation).is_none());
    history.redo(&mut negotiation);
    history.redo(&mut negotiation);
    assert_eq!(negotiation.parties[0].data.statements[2].summary, "Second");
    assert_eq!(negotiation.parties[0].data.statements[0].summary, "First");
}

#[test]
fn a_new_edit_after_undo_drops_the_redo() {
    let mut negotiation = example();
    let mut history = History::default();
    let edit = summary_edit(&negotiation, key(0, 0), "One");
    history.record(apply(&mut negotiation, edit, None, None).unwrap());
    history.undo(&mut negotiation);
    let edit = summary_edit(&negotiation, key(0, 1), "Two");
    history.record(apply(&mut negotiation, edit, None, None).unwrap());
    assert_eq!(history.redo_label(), None);
}

#[test]
fn inserting_moving_and_removing_statements_select_and_undo_in_order() {
    let mut negotiation = example();
    let original = negotiation.clone();
    let count = negotiation.parties[1].data.statements.len();
    let mut history = History::default();
    let copy = negotiation.parties[0].data.statements[2].clone();
    let insert = Edit::InsertStatement {
        party: 1,
        index: 3,
        statement: copy.clone(),
    };
    let change = apply(&mut negotiation, insert, None, Some(key(0, 2))).unwrap();
    assert_eq!(change.select_after, Some(key(1, 3)));
    history.record(change);
    let moved = Edit::MoveStatement {
        key: key(1, 3),
        to: 0,
    };
    let change = apply(&mut negotiation, moved, None, Some(key(1, 3))).unwrap();
    assert_eq!(change.select_after, Some(key(1, 0)));
    history.record(change);
    assert_eq!(negotiation.parties[1].data.statements[0], copy);
    assert_eq!(negotiation.parties[1].data.statements.len(), count + 1);
    let removed = Edit::RemoveStatement(key(1, 0));
    history.record(apply(&mut negotiation, removed, None, Some(key(1, 0))).unwrap());
    assert_eq!(negotiation.parties[1].data.statements.len(), count);

    let undone = history.undo(&mut negotiation).unwrap();
    assert_eq!(undone.select_before, Some(key(1, 0)));
    history.undo(&mut negotiation);
    history.undo(&mut negotiation);
    assert_eq!(negotiation, original);
}

#[test]
fn an_added_party_goes_away_on_undo_and_comes_back_on_redo() {
    let mut negotiation = example();
    let parties = negotiation.parties.len();
    let mut file = negotiation.parties[0].data.clone();
    file.party.id = "eu".to_owned();
    let mut history = History::default();
    let add = Edit::AddParty {
        path: PathBuf::from("eu.ron"),
        file,
    };
    history.record(apply(&mut negotiation, add, None, None).unwrap());
    assert_eq!(negotiation.parties.len(), parties + 1);
    history.undo(&mut negotiation);
    assert_eq!(negotiation.parties.len(), parties);
    history.redo(&mut negotiation);
    assert_eq!(negotiation.parties[parties].data.party.id, "eu");
}

#[test]
fn dates_count_from_1970_through_leap_days() {
    assert_eq!(date_from_days(0), "1970-01-01");
    assert_eq!(date_from_days(11_016), "2000-02-29");
    assert_eq!(date_from_days(19_018), "2022-01-26");
    assert_eq!(date_from_days(-1), "1969-12-31");
}

#[test]
fn a_new_party_gets_a_free_id_and_a_file_beside_the_agenda() {
    let mut negotiation = example();
    let first = new_party(&negotiation, "2026-11-28", |_| false);
    let Edit::AddParty { path, file } = &first else {
        panic!("{first:?}");
    };
    assert_eq!(path, &PathBuf::from("example/ukraine-2022/new-party.ron"));
    assert_eq!(file.party.id, "new-party");
    assert_eq!(file.as_of, "2026-11-28");
    apply(&mut negotiation, first, None, None).unwrap();
    let Edit::AddParty { path, file } = new_party(&negotiation, "2026-11-28", |_| false) else {
        panic!("a party");
    };
    assert_eq!(file.party.id, "new-party-2");
    assert_eq!(path, PathBuf::from("example/ukraine-2022/new-party-2.ron"));
    // A file of that name on disk, not opened, is never overwritten.
    let on_disk = |path: &Path| path.ends_with("new-party-2.ron");
    let Edit::AddParty { path, .. } = new_party(&negotiation, "2026-11-28", on_disk) else {
        panic!("a party");
    };
    assert_eq!(path, PathBuf::from("example/ukraine-2022/new-party-3.ron"));
}

#[test]
fn an_edit_of_something_gone_is_refused_and_changes_nothing() {
    let mut negotiation = example();
    let original = negotiation.clone();
    let statement = negotiation.parties[0].data.statements[0].clone();
    let gone = Edit::Statement {
        key: key(0, 999),
        statement,
    };
    assert_eq!(
        apply(&mut negotiation, gone, None, None),
        Err(EditError::NoStatement)
    );
    assert_eq!(
        apply(&mut negotiation, Edit::RemoveAgendaIssue(999), None, None),
        Err(EditError::NoIssue)
    );
    assert_eq!(negotiation, original);
}
