//! Unsaved edits written aside while the user works, and offered back after a crash.

use std::time::{Duration, Instant};

use common_ground_core::negotiation::Negotiation;

use super::{Replaced, Session, file_name};
use crate::question::{Notice, Question};
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
                let recovered = snapshot.negotiation();
                let files: Vec<String> = recovered
                    .agenda
                    .iter()
                    .map(|agenda| file_name(&agenda.path))
                    .chain(recovered.parties.iter().map(|party| file_name(&party.path)))
                    .filter(|name| self.differs_from_open(&recovered, name))
                    .collect();
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

    /// Whether the recovered file named `name` holds other data than the one open.
    fn differs_from_open(&self, recovered: &Negotiation, name: &str) -> bool {
        let open = &self.workspace.negotiation;
        if let Some(agenda) = &recovered.agenda
            && file_name(&agenda.path) == name
        {
            return open.agenda.as_ref().map(|a| &a.data) != Some(&agenda.data);
        }
        recovered
            .parties
            .iter()
            .filter(|party| file_name(&party.path) == name)
            .any(|party| {
                !open
                    .parties
                    .iter()
                    .any(|p| p.path == party.path && p.data == party.data)
            })
    }

    /// Puts the recovered edits into the open negotiation, as unsaved changes.
    pub(super) fn restore_recovery(&mut self, snapshot: &Snapshot) {
        if snapshot.origin != self.workspace.origin.key() {
            return;
        }
        let recovered = snapshot.negotiation();
        let negotiation = &mut self.workspace.negotiation;
        if let Some(agenda) = recovered.agenda {
            match &mut negotiation.agenda {
                Some(open) => open.data = agenda.data,
                None => negotiation.agenda = Some(agenda),
            }
        }
        for party in recovered.parties {
            match negotiation
                .parties
                .iter_mut()
                .find(|p| p.path == party.path)
            {
                Some(open) => open.data = party.data,
                // A party file added in the lost session and never saved.
                None => negotiation.parties.push(party),
            }
        }
        self.workspace.refresh();
        self.replace(Replaced::Restored);
        self.notice(Notice::info(
            "The unsaved edits were restored. Save to keep them.",
        ));
    }
}
