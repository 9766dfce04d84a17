//! Edits to an open negotiation, and their undo history ([`History`]). Each edit replaces one
//! file's data, or one statement of it, and remembers what was there, so undoing is putting
//! the old data back; no edit needs its own inverse. The window turns what the user does into [`Edit`]s, often made
//! by the [`builders`]; nothing here knows egui.

pub mod builders;
mod history;
pub mod rounds;
#[cfg(test)]
mod tests;
mod touched;

use std::path::PathBuf;

use thiserror::Error;

pub use history::History;
pub use touched::Touched;

use crate::model::{Agenda, AgendaIssue, Party, PartyFile, Round, Statement};
use crate::negotiation::{FileId, Loaded, Negotiation, StatementKey};

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
    /// Replace the agenda's rounds: a new round, a renamed or redated one.
    Rounds(Vec<Round>),
    /// A statement changes from round `from` on: it ends at `until` (the round before) and
    /// a copy with the id `new_id`, holding from `from`, goes in just below it, selected.
    SplitStatement {
        key: StatementKey,
        until: String,
        from: String,
        new_id: String,
    },
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

/// What one step replaced, and with what.
#[derive(Debug, Clone, PartialEq)]
pub enum Replaced {
    /// A whole file's data.
    File { before: FileData, after: FileData },
    /// One statement, in place: the file's other statements and details stayed as they were.
    /// Typing into one statement of 2,000 then copies that statement for undo, not the file.
    Statement {
        key: StatementKey,
        before: Statement,
        after: Statement,
    },
}

/// One undoable step: what it replaced in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the Edit menu calls it: "Undo edit summary".
    pub label: String,
    pub file: FileId,
    pub replaced: Replaced,
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
            Edit::Rounds(_) => "edit rounds",
            Edit::SplitStatement { .. } => "change from this round on",
            Edit::AddParty { .. } => "add party",
        }
    }

    fn file(&self, negotiation: &Negotiation) -> FileId {
        match self {
            Edit::Statement { key, .. }
            | Edit::RemoveStatement(key)
            | Edit::MoveStatement { key, .. }
            | Edit::SplitStatement { key, .. } => FileId::Party(key.party),
            Edit::InsertStatement { party, .. } | Edit::PartyDetails { party, .. } => {
                FileId::Party(*party)
            }
            Edit::AgendaDetails { .. }
            | Edit::AgendaIssue { .. }
            | Edit::InsertAgendaIssue { .. }
            | Edit::RemoveAgendaIssue(_)
            | Edit::Rounds(_) => FileId::Agenda,
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

impl Change {
    /// The one statement the change replaced in place, if that is all it did.
    pub fn in_place(&self) -> Option<StatementKey> {
        match &self.replaced {
            Replaced::Statement { key, .. } => Some(*key),
            Replaced::File { .. } => None,
        }
    }

    /// Puts back what the change replaced.
    fn undo(&self, negotiation: &mut Negotiation) {
        match &self.replaced {
            Replaced::File { before, .. } => restore(negotiation, self.file, before),
            Replaced::Statement { key, before, .. } => put_statement(negotiation, *key, before),
        }
    }

    /// Makes the change again.
    fn redo(&self, negotiation: &mut Negotiation) {
        match &self.replaced {
            Replaced::File { after, .. } => restore(negotiation, self.file, after),
            Replaced::Statement { key, after, .. } => put_statement(negotiation, *key, after),
        }
    }

    /// Folds `later`, made just after this change to the same file, into this one; gives
    /// `later` back when the two replaced different things and cannot be one step.
    fn absorb(&mut self, later: Change) -> Option<Change> {
        match (&mut self.replaced, later.replaced) {
            (Replaced::File { after, .. }, Replaced::File { after: newer, .. }) => *after = newer,
            (
                Replaced::Statement { key, after, .. },
                Replaced::Statement {
                    key: newer_key,
                    after: newer,
                    ..
                },
            ) if *key == newer_key => *after = newer,
            (_, replaced) => return Some(Change { replaced, ..later }),
        }
        self.select_after = later.select_after;
        None
    }
}

/// Puts a statement back in its place. The history undoes steps in order, so the statement's
/// place holds what the step left there.
fn put_statement(negotiation: &mut Negotiation, key: StatementKey, statement: &Statement) {
    if let Some(slot) = negotiation
        .parties
        .get_mut(key.party)
        .and_then(|party| party.data.statements.get_mut(key.statement))
    {
        slot.clone_from(statement);
    }
}

/// Puts a file's data back as it was at some moment.
fn restore(negotiation: &mut Negotiation, file: FileId, data: &FileData) {
    let count = negotiation.parties.len();
    match (file, data) {
        // Only the data goes back: where the file lives is not an edit.
        (FileId::Agenda, FileData::Agenda(agenda)) => match (&mut negotiation.agenda, agenda) {
            (Some(open), Some(agenda)) => open.data = agenda.data.clone(),
            (open, agenda) => *open = agenda.clone(),
        },
        (FileId::Party(index), FileData::Party(party)) => match party {
            Some(party) => match negotiation.parties.get_mut(index) {
                Some(open) => open.data = party.data.clone(),
                // Only a party added last is ever created or removed by undo and redo.
                None if index == count => {
                    negotiation.parties.push(party.clone());
                }
                None => {}
            },
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

/// Puts `data` in place of a file's (or adds it, as the next party), as restoring edits left
/// by a crash does, and returns the change that undoes it.
pub fn replace_file(
    negotiation: &mut Negotiation,
    file: FileId,
    data: &FileData,
    label: String,
) -> Change {
    let before = file_data(negotiation, file);
    restore(negotiation, file, data);
    Change {
        label,
        file,
        replaced: Replaced::File {
            before,
            after: file_data(negotiation, file),
        },
        select_before: None,
        select_after: None,
        merge_key: None,
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
    let (replaced, select_after) = if let Edit::Statement { key, statement } = edit {
        let before = replace_statement(negotiation, key, statement.clone())?;
        let replaced = Replaced::Statement {
            key,
            before,
            after: statement,
        };
        (replaced, Some(key))
    } else {
        let before = file_data(negotiation, file);
        let select_after = apply_to(negotiation, edit, selected)?;
        let after = file_data(negotiation, file);
        (Replaced::File { before, after }, select_after)
    };
    Ok(Change {
        label,
        file,
        replaced,
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

/// Puts `statement` at `key`; returns the statement that was there.
fn replace_statement(
    negotiation: &mut Negotiation,
    key: StatementKey,
    statement: Statement,
) -> Result<Statement, EditError> {
    let slot = party_mut(negotiation, key.party)?
        .statements
        .get_mut(key.statement)
        .ok_or(EditError::NoStatement)?;
    Ok(std::mem::replace(slot, statement))
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
            replace_statement(negotiation, key, statement)?;
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
        Edit::Rounds(rounds) => {
            agenda_mut(negotiation)?.rounds = rounds;
            Ok(selected)
        }
        Edit::SplitStatement {
            key,
            until,
            from,
            new_id,
        } => split_statement(negotiation, key, until, from, new_id),
        Edit::AddParty { path, file } => {
            negotiation.parties.push(Loaded { path, data: file });
            Ok(selected)
        }
    }
}

fn split_statement(
    negotiation: &mut Negotiation,
    key: StatementKey,
    until: String,
    from: String,
    new_id: String,
) -> Result<Option<StatementKey>, EditError> {
    let statements = &mut party_mut(negotiation, key.party)?.statements;
    let old = statements
        .get_mut(key.statement)
        .ok_or(EditError::NoStatement)?;
    let mut new = old.clone();
    old.until = Some(until);
    new.id = new_id;
    new.from = Some(from);
    let index = key.statement + 1;
    statements.insert(index, new);
    Ok(Some(StatementKey {
        party: key.party,
        statement: index,
    }))
}
