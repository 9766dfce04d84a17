//! Edits to an open negotiation, and their undo history. Each edit replaces one file's data
//! and remembers the file as it was, so undoing is putting the old data back; no edit needs its
//! own inverse. The window turns what the user does into [`Edit`]s; nothing here knows egui.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::analysis::StatementKey;
use crate::io::{Loaded, Negotiation};
use crate::model::{Agenda, AgendaIssue, Party, PartyFile, Statement};

/// How many edits can be undone; the oldest are forgotten first.
const HISTORY_LIMIT: usize = 300;

/// One of a negotiation's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileId {
    Agenda,
    Party(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace a statement with an edited copy.
    Statement {
        key: StatementKey,
        statement: Statement,
    },
    InsertStatement {
        party: usize,
        index: usize,
        statement: Statement,
    },
    RemoveStatement(StatementKey),
    /// Move a statement to another place in its file.
    MoveStatement {
        key: StatementKey,
        to: usize,
    },
    PartyDetails {
        party: usize,
        details: Party,
        as_of: String,
        summary: String,
    },
    AgendaDetails {
        name: String,
        description: String,
    },
    AgendaIssue {
        index: usize,
        issue: AgendaIssue,
    },
    InsertAgendaIssue {
        index: usize,
        issue: AgendaIssue,
    },
    RemoveAgendaIssue(usize),
    /// A new party file, saved to `path` when the negotiation is saved.
    AddParty {
        path: PathBuf,
        file: PartyFile,
    },
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("there is no such statement any more")]
    NoStatement,
    #[error("there is no such party any more")]
    NoParty,
    #[error("there is no agenda to edit")]
    NoAgenda,
    #[error("there is no such issue on the agenda any more")]
    NoIssue,
}

/// A file's data at one moment; `None` when the file did not exist (a party added later).
#[derive(Debug, Clone, PartialEq)]
pub enum FileData {
    Agenda(Option<Loaded<Agenda>>),
    Party(Option<Loaded<PartyFile>>),
}

/// One undoable step: a file before and after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the Edit menu calls it: "Undo edit summary".
    pub label: String,
    pub file: FileId,
    pub before: FileData,
    pub after: FileData,
    /// The statement to select once the change is undone, and once it is done.
    pub select_before: Option<StatementKey>,
    pub select_after: Option<StatementKey>,
    /// Consecutive changes with the same key, such as the keystrokes typed into one field,
    /// are undone together.
    merge_key: Option<String>,
}

impl Edit {
    /// What the edit does, in the words of the Edit menu.
    pub fn label(&self) -> &'static str {
        match self {
            Edit::Statement { .. } => "edit statement",
            Edit::InsertStatement { .. } => "add statement",
            Edit::RemoveStatement(_) => "delete statement",
            Edit::MoveStatement { .. } => "move statement",
            Edit::PartyDetails { .. } => "edit party",
            Edit::AgendaDetails { .. } => "edit agenda",
            Edit::AgendaIssue { .. } => "edit issue",
            Edit::InsertAgendaIssue { .. } => "add issue",
            Edit::RemoveAgendaIssue(_) => "delete issue",
            Edit::AddParty { .. } => "add party",
        }
    }

    fn file(&self, negotiation: &Negotiation) -> FileId {
        match self {
            Edit::Statement { key, .. }
            | Edit::RemoveStatement(key)
            | Edit::MoveStatement { key, .. } => FileId::Party(key.party),
            Edit::InsertStatement { party, .. } | Edit::PartyDetails { party, .. } => {
                FileId::Party(*party)
            }
            Edit::AgendaDetails { .. }
            | Edit::AgendaIssue { .. }
            | Edit::InsertAgendaIssue { .. }
            | Edit::RemoveAgendaIssue(_) => FileId::Agenda,
            Edit::AddParty { .. } => FileId::Party(negotiation.parties.len()),
        }
    }
}

/// The data of one file now.
pub fn file_data(negotiation: &Negotiation, file: FileId) -> FileData {
    match file {
        FileId::Agenda => FileData::Agenda(negotiation.agenda.clone()),
        FileId::Party(index) => FileData::Party(negotiation.parties.get(index).cloned()),
    }
}

/// Puts a file's data back as it was at some moment.
fn restore(negotiation: &mut Negotiation, file: FileId, data: &FileData) {
    match (file, data) {
        // Only the data goes back: where the file lives is not an edit.
        (FileId::Agenda, FileData::Agenda(agenda)) => match (&mut negotiation.agenda, agenda) {
            (Some(open), Some(agenda)) => open.data = agenda.data.clone(),
            (open, agenda) => *open = agenda.clone(),
        },
        (FileId::Party(index), FileData::Party(party)) => match party {
            Some(party) if index < negotiation.parties.len() => {
                negotiation.parties[index].data = party.data.clone();
            }
            // Only a party added last is ever created or removed by undo and redo.
            Some(party) if index == negotiation.parties.len() => {
                negotiation.parties.push(party.clone());
            }
            Some(_) => {}
            None => {
                if index + 1 == negotiation.parties.len() {
                    negotiation.parties.pop();
                }
            }
        },
        // A file id and data of another kind are never recorded together.
        _ => {}
    }
}

/// Carries out an edit and returns the change that undoes it. `merge_key` names the field
/// being typed into, so a burst of typing becomes one step.
pub fn apply(
    negotiation: &mut Negotiation,
    edit: Edit,
    merge_key: Option<String>,
    selected: Option<StatementKey>,
) -> Result<Change, EditError> {
    let label = edit.label().to_owned();
    let file = edit.file(negotiation);
    let before = file_data(negotiation, file);
    let select_after = apply_to(negotiation, edit, selected)?;
    Ok(Change {
        label,
        file,
        before,
        after: file_data(negotiation, file),
        select_before: selected,
        select_after,
        merge_key,
    })
}

fn party_mut(negotiation: &mut Negotiation, party: usize) -> Result<&mut PartyFile, EditError> {
    negotiation
        .parties
        .get_mut(party)
        .map(|loaded| &mut loaded.data)
        .ok_or(EditError::NoParty)
}

fn agenda_mut(negotiation: &mut Negotiation) -> Result<&mut Agenda, EditError> {
    negotiation
        .agenda
        .as_mut()
        .map(|loaded| &mut loaded.data)
        .ok_or(EditError::NoAgenda)
}

/// Changes the data; returns what to select afterwards.
fn apply_to(
    negotiation: &mut Negotiation,
    edit: Edit,
    selected: Option<StatementKey>,
) -> Result<Option<StatementKey>, EditError> {
    match edit {
        Edit::Statement { key, statement } => {
            let slot = party_mut(negotiation, key.party)?
                .statements
                .get_mut(key.statement)
                .ok_or(EditError::NoStatement)?;
            *slot = statement;
            Ok(Some(key))
        }
        Edit::InsertStatement {
            party,
            index,
            statement,
        } => {
            let statements = &mut party_mut(negotiation, party)?.statements;
            let index = index.min(statements.len());
            statements.insert(index, statement);
            Ok(Some(StatementKey {
                party,
                statement: index,
            }))
        }
        Edit::RemoveStatement(key) => {
            let statements = &mut party_mut(negotiation, key.party)?.statements;
            if key.statement >= statements.len() {
                return Err(EditError::NoStatement);
            }
            statements.remove(key.statement);
            Ok(None)
        }
        Edit::MoveStatement { key, to } => {
            let statements = &mut party_mut(negotiation, key.party)?.statements;
            if key.statement >= statements.len() {
                return Err(EditError::NoStatement);
            }
            let statement = statements.remove(key.statement);
            let to = to.min(statements.len());
            statements.insert(to, statement);
            Ok(Some(StatementKey {
                party: key.party,
                statement: to,
            }))
        }
        Edit::PartyDetails {
            party,
            details,
            as_of,
            summary,
        } => {
            let file = party_mut(negotiation, party)?;
            file.party = details;
            file.as_of = as_of;
            file.summary = summary;
            Ok(selected)
        }
        Edit::AgendaDetails { name, description } => {
            let agenda = agenda_mut(negotiation)?;
            agenda.name = name;
            agenda.description = description;
            Ok(selected)
        }
        Edit::AgendaIssue { index, issue } => {
            let slot = agenda_mut(negotiation)?
                .issues
                .get_mut(index)
                .ok_or(EditError::NoIssue)?;
            *slot = issue;
            Ok(selected)
        }
        Edit::InsertAgendaIssue { index, issue } => {
            let issues = &mut agenda_mut(negotiation)?.issues;
            let index = index.min(issues.len());
            issues.insert(index, issue);
            Ok(selected)
        }
        Edit::RemoveAgendaIssue(index) => {
            let issues = &mut agenda_mut(negotiation)?.issues;
            if index >= issues.len() {
                return Err(EditError::NoIssue);
            }
            issues.remove(index);
            Ok(selected)
        }
        Edit::AddParty { path, file } => {
            negotiation.parties.push(Loaded { path, data: file });
            Ok(selected)
        }
    }
}

/// A new, empty party file beside the others, with an id and a file name that no open party
/// uses and for which `exists` says no file is on disk. `today` is the `as_of` date.
pub fn new_party(negotiation: &Negotiation, today: &str, exists: impl Fn(&Path) -> bool) -> Edit {
    let folder = negotiation
        .agenda
        .as_ref()
        .map(|agenda| agenda.path.as_path())
        .or(negotiation
            .parties
            .first()
            .map(|party| party.path.as_path()))
        .and_then(|path| path.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let taken = |id: &str| {
        negotiation.parties.iter().any(|party| {
            party.data.party.id == id || party.path.file_stem().is_some_and(|stem| stem == id)
        })
    };
    let id = std::iter::once("new-party".to_owned())
        .chain((2..).map(|n| format!("new-party-{n}")))
        .find(|id| !taken(id) && !exists(&folder.join(format!("{id}.ron"))))
        .unwrap_or_else(|| "new-party".to_owned());
    Edit::AddParty {
        path: folder.join(format!("{id}.ron")),
        file: PartyFile {
            format: crate::model::FORMAT_VERSION,
            party: Party {
                id,
                name: "New party".to_owned(),
                short_name: "New".to_owned(),
                colour: "#999999".to_owned(),
                capability: None,
            },
            as_of: today.to_owned(),
            summary: String::new(),
            statements: Vec::new(),
        },
    }
}

/// The date `days` days after 1970-01-01, as `YYYY-MM-DD` (the proleptic Gregorian calendar,
/// by Howard Hinnant's `civil_from_days`).
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The edits that can be undone and redone.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Set when the field being typed into loses focus, so the next burst is a step of its own.
    sealed: bool,
}

impl History {
    /// Records a change just made. Typing on in the same field extends the last step.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        if !self.sealed
            && change.merge_key.is_some()
            && let Some(last) = self.undo.last_mut()
            && last.merge_key == change.merge_key
            && last.file == change.file
        {
            last.after = change.after;
            last.select_after = change.select_after;
            return;
        }
        self.sealed = false;
        self.undo.push(change);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current burst of typing.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Puts back the file as it was before the last change; returns that change.
    pub fn undo(&mut self, negotiation: &mut Negotiation) -> Option<&Change> {
        let change = self.undo.pop()?;
        restore(negotiation, change.file, &change.before);
        self.sealed = true;
        self.redo.push(change);
        self.redo.last()
    }

    /// Makes the last undone change again; returns it.
    pub fn redo(&mut self, negotiation: &mut Negotiation) -> Option<&Change> {
        let change = self.redo.pop()?;
        restore(negotiation, change.file, &change.after);
        self.sealed = true;
        self.undo.push(change);
        self.undo.last()
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|change| change.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|change| change.label.as_str())
    }

    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
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
        let copy = negotiation.parties[1].data.statements[2].clone();
        let insert = Edit::InsertStatement {
            party: 1,
            index: 3,
            statement: copy.clone(),
        };
        let change = apply(&mut negotiation, insert, None, Some(key(1, 2))).unwrap();
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
}
