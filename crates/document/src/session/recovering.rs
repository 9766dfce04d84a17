//! Unsaved edits written aside while the user works, and offered back after a crash.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use common_ground_core::edit::{self, FileData, Touched};
use common_ground_core::negotiation::{FileId, Negotiation};

use super::{Event, Session, file_name};
use crate::question::{Notice, Question, RecoveredFile};
use crate::recovery::{Due, Snapshot};

impl Session {
    /// Writes unsaved edits aside when they are due, and removes them once saved. Returns how
    /// long until it has something to do again, when it is waiting for the interval to pass.
    pub fn tick(&mut self, now: Instant) -> Option<Duration> {
        // The user chose to close without these edits; they are not to be offered back.
        if self.closing {
            return None;
        }
        let key = self.workspace.origin.key();
        match self
            .recovery
            .due(self.workspace.is_dirty(), self.versions.now(), now)
        {
            Due::Nothing(wait) => wait,
            Due::Remove => {
                // A file left behind would offer back edits that were saved or discarded.
                self.remove_recovery(&key);
                None
            }
            Due::Write => {
                let snapshot =
                    Snapshot::of(&key, &self.workspace.negotiation, self.workspace.changed());
                if let Err(error) = self.recovery.write(&snapshot, self.versions.now(), now) {
                    self.notice(Notice::error(format!(
                        "Unsaved edits could not be written aside for recovery: {error}"
                    )));
                }
                None
            }
        }
    }

    /// Removes what was written aside for the negotiation `key`, saying so when it cannot.
    pub(super) fn remove_recovery(&mut self, key: &str) {
        if let Err(error) = self.recovery.remove(key) {
            self.notice(Notice::warning(format!(
                "{error}. The next start may offer these edits back; discard them then."
            )));
        }
    }

    /// Offers back edits an earlier session left unsaved for the negotiation now open.
    pub(super) fn offer_recovery(&mut self) {
        let key = self.workspace.origin.key();
        match self.recovery.read(&key) {
            Ok(Some(snapshot)) => {
                self.recovery.found_left();
                let files = recovered_files(&self.workspace.negotiation, &snapshot.negotiation());
                if files.is_empty() {
                    self.remove_recovery(&key);
                } else {
                    self.question = Some(Question::Recover {
                        snapshot: Box::new(snapshot),
                        files,
                    });
                }
            }
            Ok(None) => {}
            Err(error) => self.notice(Notice::warning(format!(
                "Edits left from an earlier session cannot be offered: {error}"
            ))),
        }
    }

    /// Puts back what was written aside, as edits that Undo takes back out, one file a step.
    pub(super) fn restore_recovery(&mut self, snapshot: &Snapshot) {
        if snapshot.origin != self.workspace.origin.key() {
            return;
        }
        let recovered = snapshot.negotiation();
        let open = &self.workspace.negotiation;
        let mut restored = Vec::new();
        if let Some(agenda) = recovered
            .agenda
            .filter(|agenda| open.agenda.as_ref().map(|a| &a.data) != Some(&agenda.data))
        {
            restored.push((FileId::Agenda, FileData::Agenda(Some(agenda))));
        }
        let mut next_new = self.workspace.negotiation.parties.len();
        for party in recovered.parties {
            let open = open.parties.iter().position(|p| p.path == party.path);
            // A file recovered as it is open needs no step of its own.
            if open
                .and_then(|index| self.workspace.negotiation.parties.get(index))
                .is_some_and(|p| p.data == party.data)
            {
                continue;
            }
            // A party file added in the lost session and never saved joins at the end.
            let index = open.unwrap_or_else(|| {
                next_new += 1;
                next_new - 1
            });
            restored.push((FileId::Party(index), FileData::Party(Some(party))));
        }
        let mut last = None;
        for (file, data) in restored {
            let name = match &data {
                FileData::Agenda(Some(loaded)) => file_name(&loaded.path),
                FileData::Party(Some(loaded)) => file_name(&loaded.path),
                _ => String::new(),
            };
            let change = edit::replace_file(
                &mut self.workspace.negotiation,
                file,
                &data,
                format!("restore the edits to {name}"),
            );
            self.history.record(change);
            // Each file is a step of its own.
            self.history.seal();
            last = Some(file);
        }
        // A file that could not be read and is now restored is no longer left out; undone,
        // it is again (the workspace works that out from what is loaded).
        self.workspace.refresh();
        if let Some(file) = last {
            self.versions.changed(Touched::Everything);
            self.keep_emergency_copy();
            self.events.push(Event::Edited {
                select: None,
                file,
                more_errors: false,
            });
        }
        self.notice(Notice::info(
            "The unsaved edits were restored. Save to keep them; Undo takes them back out.",
        ));
    }
}

/// The recovered files that differ from the open ones, each with how much.
fn recovered_files(open: &Negotiation, recovered: &Negotiation) -> Vec<RecoveredFile> {
    let mut files = Vec::new();
    if let Some(agenda) = &recovered.agenda {
        let was = open.agenda.as_ref().map(|a| &a.data);
        if was != Some(&agenda.data) {
            let changes = was.map_or(agenda.data.issues.len(), |was| {
                differing(&was.issues, &agenda.data.issues, |issue| issue.id.as_str())
                    + usize::from(
                        was.name != agenda.data.name || was.description != agenda.data.description,
                    )
            });
            files.push(RecoveredFile {
                name: file_name(&agenda.path),
                changes,
                new: false,
                unreadable: open.left_out.iter().any(|file| file.path == agenda.path),
            });
        }
    }
    for party in &recovered.parties {
        let was = open.parties.iter().find(|p| p.path == party.path);
        match was {
            Some(was) if was.data == party.data => {}
            Some(was) => files.push(RecoveredFile {
                name: file_name(&party.path),
                changes: differing(&was.data.statements, &party.data.statements, |s| {
                    s.id.as_str()
                }) + usize::from(
                    was.data.party != party.data.party
                        || was.data.as_of != party.data.as_of
                        || was.data.summary != party.data.summary,
                ),
                new: false,
                unreadable: false,
            }),
            None => {
                let unreadable = open.left_out.iter().any(|file| file.path == party.path);
                files.push(RecoveredFile {
                    name: file_name(&party.path),
                    changes: party.data.statements.len(),
                    new: !unreadable,
                    unreadable,
                });
            }
        }
    }
    files
}

/// How many entries differ between two lists, matched by id: those changed, added or
/// removed. Moving one counts only if it also changed.
fn differing<T: PartialEq>(was: &[T], now: &[T], id: impl Fn(&T) -> &str) -> usize {
    let before: HashMap<&str, &T> = was.iter().map(|entry| (id(entry), entry)).collect();
    let after: HashMap<&str, &T> = now.iter().map(|entry| (id(entry), entry)).collect();
    let changed_or_added = after
        .iter()
        .filter(|(key, entry)| before.get(*key) != Some(*entry))
        .count();
    let removed = before
        .keys()
        .filter(|key| !after.contains_key(*key))
        .count();
    changed_or_added + removed
}
