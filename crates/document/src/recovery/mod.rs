//! Unsaved edits written aside every few seconds, so that a crash, a kill or a power cut loses
//! at most those seconds, and offered back on the next start. [`store`] keeps the files;
//! [`Recovery`] decides when to write and when to remove them; [`emergency`] writes them at
//! once when the app panics.

pub mod emergency;
pub mod store;

use std::time::{Duration, Instant};

pub use emergency::{EmergencyCopy, write_aside_on_panic};
pub use store::{RecoveryError, RecoveryStore, Snapshot};

/// Unsaved edits are written aside at most this often.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(2);

/// What was last written aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// Nothing of this negotiation's is in the store (or it was removed).
    Nothing,
    /// The data at `version` was written at `at`.
    At { version: u64, at: Instant },
    /// An earlier session left a file for this negotiation; it goes once nothing is unsaved.
    Left,
}

/// What the schedule asks for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Nothing to do; with a time, ask again after it.
    Nothing(Option<Duration>),
    /// Write the unsaved edits aside.
    Write,
    /// The edits were saved or discarded: remove what was written aside.
    Remove,
}

/// The recovery store, if there is one, and what was last written into it.
#[derive(Debug)]
pub struct Recovery {
    store: Option<RecoveryStore>,
    written: Written,
}

impl Recovery {
    /// Without a store nothing is written aside, as in tests that do not ask for it.
    pub fn new(store: Option<RecoveryStore>) -> Self {
        Recovery {
            store,
            written: Written::Nothing,
        }
    }

    pub fn store(&self) -> Option<&RecoveryStore> {
        self.store.as_ref()
    }

    /// What to do at `now`, with data at `version` that is unsaved or not.
    pub fn due(&self, unsaved: bool, version: u64, now: Instant) -> Due {
        if self.store.is_none() {
            return Due::Nothing(None);
        }
        match (unsaved, self.written) {
            (false, Written::Nothing) => Due::Nothing(None),
            (false, Written::At { .. } | Written::Left) => Due::Remove,
            (true, Written::Nothing | Written::Left) => Due::Write,
            (
                true,
                Written::At {
                    version: written, ..
                },
            ) if written == version => Due::Nothing(None),
            (true, Written::At { at, .. }) => {
                let waited = now.saturating_duration_since(at);
                if waited >= RECOVERY_INTERVAL {
                    Due::Write
                } else {
                    Due::Nothing(Some(RECOVERY_INTERVAL.saturating_sub(waited)))
                }
            }
        }
    }

    /// Writes the snapshot of the data at `version` aside.
    pub fn write(
        &mut self,
        snapshot: &Snapshot,
        version: u64,
        now: Instant,
    ) -> Result<(), RecoveryError> {
        // Tried again only after the interval, even when the write fails: a full disk is not
        // worth retrying every frame.
        self.written = Written::At { version, at: now };
        match &self.store {
            Some(store) => store.write(snapshot),
            None => Ok(()),
        }
    }

    /// Removes what was written aside for the negotiation `key`.
    pub fn remove(&mut self, key: &str) -> Result<(), RecoveryError> {
        self.written = Written::Nothing;
        match &self.store {
            Some(store) => store.discard(key),
            None => Ok(()),
        }
    }

    /// A file an earlier session left was found: it is this session's to replace or remove.
    pub fn found_left(&mut self) {
        self.written = Written::Left;
    }

    /// The negotiation moved or was replaced: the next edit writes afresh.
    pub fn forget(&mut self) {
        self.written = Written::Nothing;
    }

    /// What an earlier session left for the negotiation `key`.
    pub fn read(&self, key: &str) -> Result<Option<Snapshot>, RecoveryError> {
        match &self.store {
            Some(store) => store.read(key),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_store() -> (tempfile::TempDir, Recovery) {
        let folder = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(Some(RecoveryStore::new(folder.path())));
        (folder, recovery)
    }

    fn snapshot() -> Snapshot {
        Snapshot {
            origin: "key".to_owned(),
            written_at: 0,
            agenda: None,
            parties: Vec::new(),
        }
    }

    #[test]
    fn unsaved_edits_are_written_at_once_then_at_most_every_interval() {
        let (_folder, mut recovery) = with_store();
        let start = Instant::now();
        assert_eq!(recovery.due(false, 1, start), Due::Nothing(None));
        assert_eq!(recovery.due(true, 1, start), Due::Write);
        recovery.write(&snapshot(), 1, start).unwrap();
        // The same data needs no second write, however long it waits.
        assert_eq!(
            recovery.due(true, 1, start + Duration::from_secs(60)),
            Due::Nothing(None)
        );
        // Newer data waits out the interval from the last write.
        let half = start + Duration::from_millis(500);
        assert_eq!(
            recovery.due(true, 2, half),
            Due::Nothing(Some(Duration::from_millis(1500)))
        );
        assert_eq!(recovery.due(true, 2, start + RECOVERY_INTERVAL), Due::Write);
    }

    #[test]
    fn what_was_written_is_removed_once_nothing_is_unsaved() {
        let (_folder, mut recovery) = with_store();
        let now = Instant::now();
        recovery.write(&snapshot(), 1, now).unwrap();
        assert!(recovery.read("key").unwrap().is_some());
        assert_eq!(recovery.due(false, 2, now), Due::Remove);
        recovery.remove("key").unwrap();
        assert!(recovery.read("key").unwrap().is_none());
        assert_eq!(recovery.due(false, 2, now), Due::Nothing(None));
    }

    #[test]
    fn a_file_left_by_an_earlier_session_goes_once_nothing_is_unsaved() {
        let (_folder, mut recovery) = with_store();
        let now = Instant::now();
        recovery.found_left();
        assert_eq!(recovery.due(true, 1, now), Due::Write);
        recovery.found_left();
        assert_eq!(recovery.due(false, 1, now), Due::Remove);
    }

    #[test]
    fn without_a_store_nothing_is_ever_due() {
        let recovery = Recovery::new(None);
        assert_eq!(recovery.due(true, 1, Instant::now()), Due::Nothing(None));
        assert!(recovery.read("key").unwrap().is_none());
    }
}
