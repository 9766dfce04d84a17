//! The last unsaved edits, kept where a panic hook can reach them: whatever panics (the app,
//! or a library under it such as the windowing system's), the edits are written aside at
//! once rather than at the next scheduled write, so a crash loses nothing that was typed.

use std::sync::{Arc, Mutex, PoisonError, TryLockError};

use super::{RecoveryStore, Snapshot};

/// The unsaved files as they are now, shared with the panic hook.
#[derive(Debug, Clone, Default)]
pub struct EmergencyCopy(Arc<Mutex<Option<Snapshot>>>);

impl EmergencyCopy {
    /// Keeps `snapshot` as the edits to write if the app panics; `None` when nothing is
    /// unsaved.
    pub fn keep(&self, snapshot: Option<Snapshot>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = snapshot;
    }

    /// Writes the kept edits into `store`. Never blocks: a panic raised while the copy is
    /// being updated finds it locked, and then the last scheduled write is what remains.
    pub fn write_now(&self, store: &RecoveryStore) -> Result<bool, String> {
        let kept = match self.0.try_lock() {
            Ok(kept) => kept,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return Ok(false),
        };
        match kept.as_ref() {
            Some(snapshot) => store
                .write(snapshot)
                .map(|()| true)
                .map_err(|error| error.to_string()),
            None => Ok(false),
        }
    }
}

/// Makes every panic write the kept edits into `store` before the usual panic message, then
/// carry on as panics do.
pub fn write_aside_on_panic(store: RecoveryStore, copy: EmergencyCopy) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        match copy.write_now(&store) {
            Ok(true) => eprintln!(
                "common-ground: something failed inside the app; the unsaved edits were written \
                 aside in {}, and the next start offers them back.",
                store.folder().display()
            ),
            Ok(false) => {}
            Err(error) => eprintln!(
                "common-ground: something failed inside the app, and the unsaved edits could \
                 not be written aside: {error}"
            ),
        }
        previous(info);
    }));
}
