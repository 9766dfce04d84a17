//! Changes other programs make to the open files: how they are noticed ([`WatchFiles`], with
//! [`crate::watch::FileWatcher`] on the real file system and [`ScriptedWatcher`] in tests),
//! and [`DiskSync`], which holds them back while a question is on screen.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::watch::{FileChange, FileWatcher, WatchError};

/// Something that reports changes to a set of files.
pub trait WatchFiles {
    /// Replaces the set of files watched.
    fn watch(&mut self, files: &[PathBuf]) -> Result<(), WatchError>;
    /// What changed since the last call; never blocks.
    fn poll(&mut self) -> Vec<FileChange>;
    /// The app itself just wrote or read `path`: that is not a change to report.
    fn acknowledge(&mut self, path: &Path);
}

impl WatchFiles for FileWatcher {
    fn watch(&mut self, files: &[PathBuf]) -> Result<(), WatchError> {
        FileWatcher::watch(self, files)
    }

    fn poll(&mut self) -> Vec<FileChange> {
        FileWatcher::poll(self)
    }

    fn acknowledge(&mut self, path: &Path) {
        FileWatcher::acknowledge(self, path);
    }
}

/// Wakes whoever polls the document (the window repaints) when a change may have arrived.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Starts watching; called when the first files are to be watched.
pub type StartWatcher = Box<dyn Fn(Waker) -> Result<Box<dyn WatchFiles>, WatchError>>;

/// Watches the real file system through notify.
pub fn watch_the_disk() -> StartWatcher {
    Box::new(|wake| {
        let watcher = FileWatcher::new(move || wake())?;
        Ok(Box::new(watcher) as Box<dyn WatchFiles>)
    })
}

/// Reports what a test says changed, when it says so: tests of the document and the window
/// decide the order of events instead of racing a watcher thread.
#[derive(Debug, Clone, Default)]
pub struct ScriptedWatcher {
    changes: Arc<Mutex<Vec<FileChange>>>,
    watched: Arc<Mutex<Vec<PathBuf>>>,
}

impl ScriptedWatcher {
    /// A watcher to hand to the document, and this handle to feed it changes.
    pub fn start(&self) -> StartWatcher {
        let script = self.clone();
        Box::new(move |_wake| Ok(Box::new(script.clone()) as Box<dyn WatchFiles>))
    }

    /// Reports `change` at the document's next poll.
    pub fn report(&self, change: FileChange) {
        self.changes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(change);
    }

    /// The files the document asked to watch last.
    pub fn watched(&self) -> Vec<PathBuf> {
        self.watched
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl WatchFiles for ScriptedWatcher {
    fn watch(&mut self, files: &[PathBuf]) -> Result<(), WatchError> {
        *self.watched.lock().unwrap_or_else(PoisonError::into_inner) = files.to_vec();
        Ok(())
    }

    fn poll(&mut self) -> Vec<FileChange> {
        std::mem::take(&mut *self.changes.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn acknowledge(&mut self, _path: &Path) {}
}

/// Whether the watched set matches the open files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WatchState {
    /// The open files changed (opened, reloaded, saved elsewhere): watch them at the next poll.
    Stale,
    /// Watching the open files, or nothing to watch.
    Current,
}

/// The watcher and the changes it reported that wait for a question to be answered.
pub struct DiskSync {
    start: StartWatcher,
    wake: Waker,
    watcher: Option<Box<dyn WatchFiles>>,
    state: WatchState,
    /// Changes noticed while a question was on screen, taken in once it is answered.
    waiting: Vec<FileChange>,
}

impl DiskSync {
    pub fn new(start: StartWatcher, wake: Waker) -> Self {
        DiskSync {
            start,
            wake,
            watcher: None,
            state: WatchState::Stale,
            waiting: Vec::new(),
        }
    }

    /// The open files are others now: watch those, and forget changes to the old ones.
    pub fn rewatch(&mut self) {
        self.state = WatchState::Stale;
        self.waiting.clear();
    }

    /// Brings the watched set up to date with `files`, worked out only when it is stale; `Err`
    /// says why changes will not be noticed.
    pub fn sync(&mut self, files: impl FnOnce() -> Vec<PathBuf>) -> Result<(), WatchError> {
        if self.state == WatchState::Current {
            return Ok(());
        }
        self.state = WatchState::Current;
        let files = files();
        if files.is_empty() {
            self.watcher = None;
            return Ok(());
        }
        let watcher = match &mut self.watcher {
            Some(watcher) => watcher,
            none => none.insert((self.start)(Arc::clone(&self.wake))?),
        };
        watcher.watch(&files)
    }

    /// Takes in what the watcher reported since the last call.
    pub fn collect(&mut self) {
        if let Some(watcher) = &mut self.watcher {
            self.waiting.extend(watcher.poll());
        }
    }

    /// The changes collected so far, to be taken in now.
    pub fn take(&mut self) -> Vec<FileChange> {
        std::mem::take(&mut self.waiting)
    }

    /// Puts changes back to wait for the next chance.
    pub fn hold(&mut self, changes: impl IntoIterator<Item = FileChange>) {
        let later = std::mem::take(&mut self.waiting);
        self.waiting.extend(changes);
        self.waiting.extend(later);
    }

    /// Whether another program wrote `path` since it was last seen; the change is taken.
    pub fn take_modified(&mut self, path: &Path) -> bool {
        self.collect();
        let at = self
            .waiting
            .iter()
            .position(|change| matches!(change, FileChange::Modified(p) if p == path));
        at.map(|at| self.waiting.remove(at)).is_some()
    }

    pub fn acknowledge(&mut self, path: &Path) {
        if let Some(watcher) = &mut self.watcher {
            watcher.acknowledge(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sync_with(script: &ScriptedWatcher) -> DiskSync {
        DiskSync::new(script.start(), Arc::new(|| {}))
    }

    #[test]
    fn the_open_files_are_watched_once_until_they_change() {
        let script = ScriptedWatcher::default();
        let mut disk = sync_with(&script);
        let files = vec![PathBuf::from("/n/a.ron"), PathBuf::from("/n/b.ron")];
        disk.sync(|| files.clone()).unwrap();
        assert_eq!(script.watched(), files);
        // Current: another sync asks nothing of the watcher.
        disk.sync(Vec::new).unwrap();
        assert_eq!(script.watched(), files);
        disk.rewatch();
        disk.sync(|| files[..1].to_vec()).unwrap();
        assert_eq!(script.watched(), files[..1]);
    }

    #[test]
    fn changes_held_back_come_first_and_a_rewatch_forgets_them() {
        let script = ScriptedWatcher::default();
        let mut disk = sync_with(&script);
        disk.sync(|| vec![PathBuf::from("/n/a.ron")]).unwrap();
        let a = FileChange::Modified("/n/a.ron".into());
        let b = FileChange::Removed("/n/b.ron".into());
        script.report(a.clone());
        disk.collect();
        let taken = disk.take();
        script.report(b.clone());
        disk.collect();
        disk.hold(taken);
        assert_eq!(disk.take(), [a.clone(), b]);
        script.report(a.clone());
        disk.collect();
        disk.rewatch();
        assert_eq!(disk.take(), []);
    }

    #[test]
    fn a_modification_is_found_and_taken_before_a_save() {
        let script = ScriptedWatcher::default();
        let mut disk = sync_with(&script);
        disk.sync(|| vec![PathBuf::from("/n/a.ron")]).unwrap();
        script.report(FileChange::Removed("/n/a.ron".into()));
        script.report(FileChange::Modified("/n/a.ron".into()));
        assert!(disk.take_modified(Path::new("/n/a.ron")));
        assert!(!disk.take_modified(Path::new("/n/a.ron")));
        assert_eq!(disk.take(), [FileChange::Removed("/n/a.ron".into())]);
    }
}
