//! Unsaved edits written aside while the user works, and offered back after a crash.

use std::time::{Duration, Instant};

use common_ground_core::edit::{self, FileData};
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
            .due(self.workspace.is_dirty(), self.version, now)
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
                if let Err(error) = self.recovery.write(&snapshot, self.version, now) {
                    self.notice(Notice::warning(format!(
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
        let mut restored = Vec::new();
        if let Some(agenda) = recovered.agenda {
            restored.push((FileId::Agenda, FileData::Agenda(Some(agenda))));
        }
        let mut next_new = self.workspace.negotiation.parties.len();
        for party in recovered.parties {
            let open = self
                .workspace
                .negotiation
                .parties
                .iter()
                .position(|p| p.path == party.path);
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
        // Files left out at load that recovery brought back are no longer left out.
        let negotiation = &mut self.workspace.negotiation;
        let loaded: Vec<_> = negotiation.parties.iter().map(|p| p.path.clone()).collect();
        negotiation
            .left_out
            .retain(|file| !loaded.contains(&file.path));
        self.workspace.refresh();
        if let Some(file) = last {
            self.version += 1;
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
                differing(&was.issues, &agenda.data.issues)
                    + usize::from(
                        was.name != agenda.data.name || was.description != agenda.data.description,
                    )
            });
            files.push(RecoveredFile {
                name: file_name(&agenda.path),
                changes,
                new: false,
            });
        }
    }
    for party in &recovered.parties {
        let was = open.parties.iter().find(|p| p.path == party.path);
        match was {
            Some(was) if was.data == party.data => {}
            Some(was) => files.push(RecoveredFile {
                name: file_name(&party.path),
                changes: differing(&was.data.statements, &party.data.statements)
                    + usize::from(
                        was.data.party != party.data.party
                            || was.data.as_of != party.data.as_of
                            || was.data.summary != party.data.summary,
                    ),
                new: false,
            }),
            None => files.push(RecoveredFile {
                name: file_name(&party.path),
                changes: party.data.statements.len(),
                new: true,
            }),
        }
    }
    files
}

/// How many entries differ between two lists: those changed in place, and those added or
/// removed at the end.
fn differing<T: PartialEq>(was: &[T], now: &[T]) -> usize {
    let changed = was.iter().zip(now).filter(|(a, b)| a != b).count();
    changed + was.len().abs_diff(now.len())
}
