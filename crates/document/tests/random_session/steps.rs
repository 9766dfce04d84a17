//! The commands of the random session and how each is given. A command names what it acts
//! on by a number taken modulo what is there at that moment, so every command applies to
//! whatever the session holds by then; one that finds nothing to act on does nothing.

use common_ground_core::edit::{Edit, builders};
use common_ground_core::io::to_canonical_ron;
use common_ground_core::model::{Firmness, Kind, Range};
use common_ground_core::negotiation::{FileId, StatementKey};
use common_ground_document::watch::FileChange;
use common_ground_document::{Answer, Question};
use proptest::prelude::*;

use super::Run;

/// A field of a statement and what is typed or chosen into it.
#[derive(Debug, Clone)]
pub(crate) enum Field {
    Summary(String),
    Notes(String),
    Quote(String),
    Issue(u8),
    Kind(u8),
    Firmness(u8),
    Stance(Option<f64>),
    Range(Option<(f64, f64)>),
    Salience(f64),
    Estimated(bool),
}

#[derive(Debug, Clone)]
pub(crate) enum Step {
    /// Types into a field of a statement; `typing` keeps the burst going as one undo step.
    EditStatement {
        at: u16,
        field: Field,
        typing: bool,
    },
    EditParty {
        at: u16,
        name: String,
        summary: String,
    },
    EditAgenda {
        name: String,
    },
    EditIssueTitle {
        at: u16,
        title: String,
    },
    Duplicate(u16),
    NewStatement {
        party: u16,
        issue: u16,
    },
    Remove(u16),
    Move {
        at: u16,
        to: u16,
    },
    NewIssue(u16),
    RemoveIssue(u16),
    NewParty,
    EndTyping,
    Undo,
    Redo,
    SaveAll,
    SaveOne(u16),
    Reload,
    /// Another program rewrites a file: a summary of its first statement, or the agenda's name.
    ChangeOnDisk {
        file: u16,
        text: String,
    },
    /// Unsaved edits are written aside, as every few seconds in the window.
    Tick,
    Crash,
}

/// Words a person types, with quotes, apostrophes, backslashes and other scripts among them.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z ,.']{0,12}",
        1 => r#"["\\'\n\t]{1,4}"#,
        1 => "\\PC{0,8}",
    ]
}

fn point() -> impl Strategy<Value = f64> {
    prop_oneof![4 => (0u8..=100).prop_map(f64::from), 1 => -10.0..110.0f64]
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        typed().prop_map(Field::Summary),
        typed().prop_map(Field::Notes),
        typed().prop_map(Field::Quote),
        any::<u8>().prop_map(Field::Issue),
        any::<u8>().prop_map(Field::Kind),
        any::<u8>().prop_map(Field::Firmness),
        proptest::option::of(point()).prop_map(Field::Stance),
        proptest::option::of((point(), point())).prop_map(Field::Range),
        point().prop_map(Field::Salience),
        any::<bool>().prop_map(Field::Estimated),
    ]
}

pub(crate) fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (any::<u16>(), field(), any::<bool>())
            .prop_map(|(at, field, typing)| Step::EditStatement { at, field, typing }),
        1 => (any::<u16>(), typed(), typed())
            .prop_map(|(at, name, summary)| Step::EditParty { at, name, summary }),
        1 => typed().prop_map(|name| Step::EditAgenda { name }),
        1 => (any::<u16>(), typed()).prop_map(|(at, title)| Step::EditIssueTitle { at, title }),
        2 => any::<u16>().prop_map(Step::Duplicate),
        2 => (any::<u16>(), any::<u16>()).prop_map(|(party, issue)| Step::NewStatement { party, issue }),
        2 => any::<u16>().prop_map(Step::Remove),
        2 => (any::<u16>(), any::<u16>()).prop_map(|(at, to)| Step::Move { at, to }),
        1 => any::<u16>().prop_map(Step::NewIssue),
        1 => any::<u16>().prop_map(Step::RemoveIssue),
        1 => Just(Step::NewParty),
        2 => Just(Step::EndTyping),
        6 => Just(Step::Undo),
        3 => Just(Step::Redo),
        3 => Just(Step::SaveAll),
        2 => any::<u16>().prop_map(Step::SaveOne),
        1 => Just(Step::Reload),
        2 => (any::<u16>(), typed()).prop_map(|(file, text)| Step::ChangeOnDisk { file, text }),
        2 => Just(Step::Tick),
        1 => Just(Step::Crash),
    ]
}

/// Every statement open, in order, so a number can pick one.
fn statement_keys(run: &mut Run) -> Vec<StatementKey> {
    let negotiation = &run.session().workspace().negotiation;
    negotiation
        .parties
        .iter()
        .enumerate()
        .flat_map(|(party, file)| {
            (0..file.data.statements.len()).map(move |statement| StatementKey { party, statement })
        })
        .collect()
}

fn pick<T: Copy>(items: &[T], at: u16) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(at) % items.len()])
}

fn edit_statement(run: &mut Run, at: u16, field: &Field, typing: bool) {
    let Some(key) = pick(&statement_keys(run), at) else {
        return;
    };
    let workspace = run.session().workspace();
    let Some(mut statement) = workspace.statement(key).cloned() else {
        return;
    };
    let issues: Vec<String> = workspace
        .negotiation
        .agenda
        .iter()
        .flat_map(|agenda| agenda.data.issues.iter().map(|issue| issue.id.clone()))
        .collect();
    let name = match field {
        Field::Summary(text) => {
            statement.summary.clone_from(text);
            "summary"
        }
        Field::Notes(text) => {
            statement.notes.clone_from(text);
            "notes"
        }
        Field::Quote(text) => {
            let Some(source) = statement.sources.first_mut() else {
                return;
            };
            source.quote.clone_from(text);
            "quote"
        }
        Field::Issue(index) => {
            let Some(issue) = issues.get(usize::from(*index) % issues.len().max(1)) else {
                return;
            };
            statement.issue.clone_from(issue);
            "issue"
        }
        Field::Kind(index) => {
            statement.kind = Kind::ALL[usize::from(*index) % Kind::ALL.len()];
            "kind"
        }
        Field::Firmness(index) => {
            let all = [Firmness::NonNegotiable, Firmness::Firm, Firmness::Flexible];
            statement.firmness = all[usize::from(*index) % all.len()];
            "firmness"
        }
        Field::Stance(stance) => {
            statement.stance = *stance;
            "stance"
        }
        Field::Range(range) => {
            statement.range = range.map(|(min, max)| Range { min, max });
            "range"
        }
        Field::Salience(salience) => {
            statement.salience = *salience;
            "salience"
        }
        Field::Estimated(estimated) => {
            statement.estimated = *estimated;
            "estimated"
        }
    };
    let path = format!("{}/{}/{name}", key.party, key.statement);
    let session = run.session();
    session.edit(
        Edit::Statement { key, statement },
        typing.then_some(path.as_str()),
        Some(key),
    );
}

fn party_count(run: &mut Run) -> usize {
    run.session().workspace().negotiation.parties.len()
}

fn issue_count(run: &mut Run) -> usize {
    run.session()
        .workspace()
        .negotiation
        .agenda
        .as_ref()
        .map_or(0, |agenda| agenda.data.issues.len())
}

fn edit_party(run: &mut Run, at: u16, name: &str, summary: &str) {
    let count = party_count(run);
    let Some(party) = pick(&(0..count).collect::<Vec<_>>(), at) else {
        return;
    };
    let Some(file) = run.session().workspace().negotiation.party(party).cloned() else {
        return;
    };
    let mut details = file.party;
    details.name = name.to_owned();
    run.session().edit(
        Edit::PartyDetails {
            party,
            details,
            as_of: file.as_of,
            summary: summary.to_owned(),
        },
        None,
        None,
    );
}

fn edit_issue_title(run: &mut Run, at: u16, title: &str) {
    let count = issue_count(run);
    let Some(index) = pick(&(0..count).collect::<Vec<_>>(), at) else {
        return;
    };
    let Some(mut issue) = run
        .session()
        .workspace()
        .negotiation
        .agenda
        .as_ref()
        .and_then(|agenda| agenda.data.issues.get(index))
        .cloned()
    else {
        return;
    };
    issue.title = title.to_owned();
    run.session()
        .edit(Edit::AgendaIssue { index, issue }, None, None);
}

/// Another program rewrites a file as the app would, with one thing changed, and the watcher
/// reports it.
fn change_on_disk(run: &mut Run, file: u16, text: &str) {
    let negotiation = &run.session().workspace().negotiation;
    let files = 1 + negotiation.parties.len();
    let which = usize::from(file) % files;
    let written = if which == 0 {
        negotiation.agenda.as_ref().map(|agenda| {
            let mut data = agenda.data.clone();
            data.name = format!("{} {text}", data.name);
            (agenda.path.clone(), to_canonical_ron(&data))
        })
    } else {
        negotiation.parties.get(which - 1).map(|party| {
            let mut data = party.data.clone();
            if let Some(first) = data.statements.first_mut() {
                first.summary = format!("{} {text}", first.summary);
            }
            (party.path.clone(), to_canonical_ron(&data))
        })
    };
    let Some((path, Ok(written))) = written else {
        return;
    };
    // A file added here and never saved is not on disk for another program to change.
    if !path.exists() {
        return;
    }
    std::fs::write(&path, written).unwrap();
    run.disk().report(FileChange::Modified(path));
    run.session().poll_disk(true);
}

fn new_statement(run: &mut Run, party: u16, issue: u16) {
    let parties = party_count(run);
    let issues = issue_count(run);
    let negotiation = &run.session().workspace().negotiation;
    let issue = negotiation
        .agenda
        .as_ref()
        .and_then(|agenda| agenda.data.issues.get(usize::from(issue) % issues.max(1)));
    let edit = issue.and_then(|issue| {
        builders::new_statement(negotiation, usize::from(party) % parties.max(1), &issue.id)
    });
    if let Some(edit) = edit {
        run.session().edit(edit, None, None);
    }
}

fn move_statement(run: &mut Run, at: u16, to: u16) {
    if let Some(key) = pick(&statement_keys(run), at) {
        let len = run
            .session()
            .workspace()
            .negotiation
            .party(key.party)
            .map_or(1, |file| file.statements.len());
        let to = usize::from(to) % len.max(1);
        run.session()
            .edit(Edit::MoveStatement { key, to }, None, Some(key));
    }
}

pub(crate) fn apply(run: &mut Run, step: &Step) {
    match step {
        Step::EditStatement { at, field, typing } => edit_statement(run, *at, field, *typing),
        Step::EditParty { at, name, summary } => edit_party(run, *at, name, summary),
        Step::EditAgenda { name } => {
            let description = run
                .session()
                .workspace()
                .negotiation
                .agenda
                .as_ref()
                .map(|agenda| agenda.data.description.clone());
            if let Some(description) = description {
                run.session().edit(
                    Edit::AgendaDetails {
                        name: name.clone(),
                        description,
                    },
                    None,
                    None,
                );
            }
        }
        Step::EditIssueTitle { at, title } => edit_issue_title(run, *at, title),
        Step::Duplicate(at) => {
            if let Some(key) = pick(&statement_keys(run), *at) {
                let edit = builders::duplicate(&run.session().workspace().negotiation, key);
                if let Some(edit) = edit {
                    run.session().edit(edit, None, None);
                }
            }
        }
        Step::NewStatement { party, issue } => new_statement(run, *party, *issue),
        Step::Remove(at) => {
            if let Some(key) = pick(&statement_keys(run), *at) {
                run.session().edit(Edit::RemoveStatement(key), None, None);
            }
        }
        Step::Move { at, to } => move_statement(run, *at, *to),
        Step::NewIssue(at) => {
            let index = usize::from(*at) % (issue_count(run) + 1);
            let edit =
                builders::new_agenda_issue(&run.session().workspace().negotiation, index, "");
            if let Some(edit) = edit {
                run.session().edit(edit, None, None);
            }
        }
        Step::RemoveIssue(at) => {
            let count = issue_count(run);
            if let Some(index) = pick(&(0..count).collect::<Vec<_>>(), *at) {
                run.session()
                    .edit(Edit::RemoveAgendaIssue(index), None, None);
            }
        }
        Step::NewParty => {
            let edit = builders::new_party(
                &run.session().workspace().negotiation,
                "2022-01-26",
                std::path::Path::exists,
            );
            run.session().edit(edit, None, None);
        }
        Step::EndTyping => run.session().end_typing(),
        Step::Undo => run.session().undo(),
        Step::Redo => run.session().redo(),
        Step::SaveAll => run.session().save_all(),
        Step::SaveOne(at) => {
            let count = party_count(run);
            let file = match usize::from(*at) % (count + 1) {
                0 => FileId::Agenda,
                party => FileId::Party(party - 1),
            };
            run.session().save(Some(file));
        }
        Step::Reload => run.session().reload(),
        Step::ChangeOnDisk { file, text } => change_on_disk(run, *file, text),
        Step::Tick => {
            let now = run.later();
            run.session().tick(now);
        }
        Step::Crash => run.crash_and_reopen(),
    }
    answer_whatever_is_asked(run, step);
}

/// Answers the question on screen, if any, with an answer that fits it, chosen by the step so
/// a run is the same each time. A question may lead to another (save first, then a file
/// changed on disk), so this answers up to a few in a row.
fn answer_whatever_is_asked(run: &mut Run, step: &Step) {
    let choice = format!("{step:?}").len();
    for round in 0..4 {
        let Some(question) = run.session().question() else {
            return;
        };
        let answers: &[Answer] = match question {
            Question::Unsaved { .. } => &[Answer::Save, Answer::Discard, Answer::Cancel],
            Question::ConfirmLoss { .. } => &[Answer::SaveAnyway, Answer::Cancel],
            Question::ExternalChange { .. } => &[Answer::ReloadFromDisk, Answer::KeepMine],
            Question::Recover { .. } => &[Answer::Restore, Answer::DiscardRecovered],
        };
        let answer = answers[(choice + round) % answers.len()];
        run.session().answer(answer);
        run.take_events();
    }
}
