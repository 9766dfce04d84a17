//! A loaded negotiation and the keys that point into it. Every lookup by key returns an
//! `Option`: a key outlives edits, reloads and undo, and may point at something gone.

use std::path::{Path, PathBuf};

use crate::model::{Agenda, AgendaIssue, PartyFile, Statement};

/// A file's data and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub data: T,
}

/// The agenda and party files that loaded, and those that were asked for but did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Negotiation {
    pub agenda: Option<Loaded<Agenda>>,
    pub parties: Vec<Loaded<PartyFile>>,
    /// Files that were asked for but could not be read: every conclusion drawn from the
    /// others leaves them out, and must say so.
    pub left_out: Vec<LeftOut>,
}

/// A file that was asked for but could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub path: PathBuf,
    /// The first error in it, with its line and column when known: `12:3: expected …`.
    pub reason: String,
}

impl LeftOut {
    /// Whether the file was to be a party's: any but the agenda.
    pub fn is_party_file(&self) -> bool {
        self.path
            .file_name()
            .is_none_or(|name| name != crate::io::AGENDA_FILE_NAME)
    }

    /// "russia.ron", for messages that sit beside the findings.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    }
}

/// A statement: the index of its party file and its index in that file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatementKey {
    pub party: usize,
    pub statement: usize,
}

/// One of a negotiation's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileId {
    Agenda,
    Party(usize),
}

/// A statement named by its party's id and its own, which survive reloads and edits that move
/// it to another place in its file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatementIds {
    pub party: String,
    pub statement: String,
}

impl Negotiation {
    /// The agenda's name, or the folder's when there is no agenda.
    pub fn name(&self) -> String {
        if let Some(agenda) = &self.agenda {
            return agenda.data.name.clone();
        }
        self.parties
            .first()
            .and_then(|party| party.path.parent())
            // `./us.ron` has the folder `.`, whose name is the current folder's.
            .and_then(|folder| std::fs::canonicalize(folder).ok())
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(
                || "Untitled negotiation".to_owned(),
                |name| name.to_string_lossy().into_owned(),
            )
    }

    /// The party file at `index`, in load order.
    pub fn party(&self, index: usize) -> Option<&PartyFile> {
        self.parties.get(index).map(|loaded| &loaded.data)
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties
            .iter()
            .position(|party| party.data.party.id == id)
    }

    pub fn statement(&self, key: StatementKey) -> Option<&Statement> {
        self.party(key.party)?.statements.get(key.statement)
    }

    /// The agenda's entry for an issue id; `None` without an agenda or for an id it lacks.
    pub fn agenda_issue(&self, id: &str) -> Option<&AgendaIssue> {
        self.agenda
            .as_ref()?
            .data
            .issues
            .iter()
            .find(|issue| issue.id == id)
    }

    /// The ids a statement is known by, to find it again after its place changed.
    pub fn statement_ids(&self, key: StatementKey) -> Option<StatementIds> {
        let party = self.party(key.party)?;
        Some(StatementIds {
            party: party.party.id.clone(),
            statement: party.statements.get(key.statement)?.id.clone(),
        })
    }

    /// Where the statement with these ids is now.
    pub fn find_statement(&self, ids: &StatementIds) -> Option<StatementKey> {
        let party = self.party_index(&ids.party)?;
        let statement = self
            .party(party)?
            .statements
            .iter()
            .position(|statement| statement.id == ids.statement)?;
        Some(StatementKey { party, statement })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::load_example;

    #[test]
    fn lookups_by_key_find_what_is_there_and_nothing_else() {
        let negotiation = load_example().negotiation;
        let us = negotiation
            .party_index("us")
            .expect("the example has the US");
        assert_eq!(
            negotiation.party(us).map(|p| p.party.id.as_str()),
            Some("us")
        );
        assert!(negotiation.party(99).is_none());
        let first = StatementKey {
            party: us,
            statement: 0,
        };
        assert!(negotiation.statement(first).is_some());
        let beyond = StatementKey {
            party: us,
            statement: 9999,
        };
        assert!(negotiation.statement(beyond).is_none());
        assert!(negotiation.agenda_issue("nato-membership").is_some());
        assert!(negotiation.agenda_issue("no-such-issue").is_none());
    }

    #[test]
    fn a_statement_is_found_again_by_its_ids_after_it_moved() {
        let mut negotiation = load_example().negotiation;
        let key = StatementKey {
            party: 0,
            statement: 2,
        };
        let ids = negotiation
            .statement_ids(key)
            .expect("the statement exists");
        negotiation.parties[0].data.statements.remove(0);
        assert_eq!(
            negotiation.find_statement(&ids),
            Some(StatementKey {
                party: 0,
                statement: 1
            })
        );
        negotiation.parties[0].data.statements.clear();
        assert_eq!(negotiation.find_statement(&ids), None);
    }
}
