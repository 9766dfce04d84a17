//! The recovery files: unsaved edits written aside, one file per negotiation, so that a crash,
//! a kill or a power cut loses at most the seconds since the last write.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use common_ground_core::io::{SaveError, write_atomically};
use common_ground_core::model::{Agenda, PartyFile};
use common_ground_core::negotiation::{FileId, Loaded, Negotiation};

#[derive(Debug, Error)]
pub enum RecoveryError {
    #[error("the recovery file could not be written: {0}")]
    Write(#[from] SaveError),
    #[error("the recovery file {} could not be read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the recovery folder {} could not be made: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the recovery file {} could not be removed: {source}", path.display())]
    Remove {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the recovery file {} is damaged: {message}", path.display())]
    Damaged { path: PathBuf, message: String },
    #[error("the recovery data could not be written out: {0}")]
    Serialize(#[from] ron::Error),
}

/// The files of a negotiation that had unsaved edits, as they were when written aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Which negotiation this belongs to (the window's key for its origin).
    pub origin: String,
    /// Seconds since 1970, to tell the user how old the edits are.
    pub written_at: u64,
    pub agenda: Option<(PathBuf, Agenda)>,
    pub parties: Vec<(PathBuf, PartyFile)>,
}

impl Snapshot {
    /// The files of `negotiation` that `changed` names. Only those are kept: the others are as
    /// on disk, where another program may yet change them.
    pub fn of(origin: &str, negotiation: &Negotiation, changed: &BTreeSet<FileId>) -> Self {
        Snapshot {
            origin: origin.to_owned(),
            written_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_secs()),
            agenda: negotiation
                .agenda
                .as_ref()
                .filter(|_| changed.contains(&FileId::Agenda))
                .map(|agenda| (agenda.path.clone(), agenda.data.clone())),
            parties: negotiation
                .parties
                .iter()
                .enumerate()
                .filter(|(index, _)| changed.contains(&FileId::Party(*index)))
                .map(|(_, party)| (party.path.clone(), party.data.clone()))
                .collect(),
        }
    }

    pub fn negotiation(&self) -> Negotiation {
        Negotiation {
            agenda: self
                .agenda
                .clone()
                .map(|(path, data)| Loaded { path, data }),
            parties: self
                .parties
                .iter()
                .cloned()
                .map(|(path, data)| Loaded { path, data })
                .collect(),
            // Recovery holds what was edited; which files are unreadable is the disk's to say.
            left_out: Vec::new(),
        }
    }
}

/// A folder of recovery files, one per negotiation.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    folder: PathBuf,
}

impl RecoveryStore {
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        RecoveryStore {
            folder: folder.into(),
        }
    }

    /// Where the recovery files are, to tell the user.
    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }

    /// The file for a negotiation: named by a hash of its key, which may be long paths.
    pub fn path_for(&self, origin: &str) -> PathBuf {
        self.folder
            .join(format!("recovery-{:016x}.ron", fnv1a(origin.as_bytes())))
    }

    pub fn write(&self, snapshot: &Snapshot) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(&self.folder).map_err(|source| RecoveryError::Folder {
            path: self.folder.clone(),
            source,
        })?;
        let text = ron::ser::to_string_pretty(snapshot, ron::ser::PrettyConfig::default())?;
        write_atomically(&self.path_for(&snapshot.origin), text.as_bytes())?;
        Ok(())
    }

    /// The snapshot left for a negotiation, if any.
    pub fn read(&self, origin: &str) -> Result<Option<Snapshot>, RecoveryError> {
        let path = self.path_for(origin);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(RecoveryError::Read { path, source }),
        };
        let snapshot: Snapshot = ron::from_str(&text).map_err(|error| RecoveryError::Damaged {
            path: path.clone(),
            message: error.to_string(),
        })?;
        // Two keys with the same hash must not hand one negotiation's edits to the other.
        Ok((snapshot.origin == origin).then_some(snapshot))
    }

    /// Removes a negotiation's recovery file; one that is not there is already gone.
    pub fn discard(&self, origin: &str) -> Result<(), RecoveryError> {
        let path = self.path_for(origin);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Remove { path, source }),
        }
    }
}

/// FNV-1a: a stable hash, unlike std's, whose output may change between Rust releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use common_ground_core::example::load_example;

    #[test]
    fn a_snapshot_reads_back_equal_and_is_gone_once_discarded() {
        let folder = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(folder.path().join("recovery"));
        let mut negotiation = load_example().negotiation;
        negotiation.parties[1].data.statements[0].summary = "Edited, not saved".to_owned();
        let changed = BTreeSet::from([FileId::Party(1)]);
        let snapshot = Snapshot::of("/data/ukraine", &negotiation, &changed);
        store.write(&snapshot).unwrap();

        let read = store.read("/data/ukraine").unwrap().unwrap();
        assert_eq!(read, snapshot);
        // Only the edited file is kept.
        let recovered = read.negotiation();
        assert_eq!(recovered.agenda, None);
        assert_eq!(recovered.parties, [negotiation.parties[1].clone()]);
        assert_eq!(store.read("/data/other").unwrap(), None);

        store.discard("/data/ukraine").unwrap();
        assert_eq!(store.read("/data/ukraine").unwrap(), None);
        store.discard("/data/ukraine").unwrap();
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_not_trusted() {
        let folder = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(folder.path());
        std::fs::write(store.path_for("x"), "(origin: \"x\", written_at: ").unwrap();
        assert!(matches!(
            store.read("x"),
            Err(RecoveryError::Damaged { .. })
        ));
    }

    #[test]
    fn file_names_are_stable_hashes_of_the_key() {
        let store = RecoveryStore::new("/r");
        // FNV-1a of the empty string is its offset basis.
        assert_eq!(
            store.path_for(""),
            PathBuf::from("/r/recovery-cbf29ce484222325.ron")
        );
        assert_ne!(store.path_for("a"), store.path_for("b"));
    }
}
