//! Notices when another program changes or removes one of the app's open files.
//!
//! Folders are watched rather than files: atomic savers replace a file by renaming
//! a sibling over it, which would silently orphan a watch on the file itself.
//! Changes are judged by a hash of the contents, so touches, identical rewrites and
//! the app's own (acknowledged) saves are not reported.

use std::collections::HashSet;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// What happened to a watched file since it was last recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// The file's contents differ from the recorded ones (or it reappeared after removal).
    Modified(PathBuf),
    /// The file was recorded as present and is now gone.
    Removed(PathBuf),
}

/// Why watching could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The platform's file-notification service could not be started.
    #[error("cannot start file watching: {0}")]
    Init(#[source] notify::Error),
    /// The folder of a watched file does not exist or cannot be resolved.
    #[error("cannot find folder {path}: {source}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A folder no longer needed could not be let go of; the new set is watched all the same.
    #[error("cannot stop watching {path}: {source}")]
    Unwatch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
    /// The platform refused to watch a folder (e.g. out of inotify watches).
    #[error("cannot watch {path}: {source}")]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
}

/// Contents identity; only compared within one run, so std's hasher is good enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    hash: u64,
}

struct WatchedFile {
    path: PathBuf,
    /// Canonical parent folder, the form in which the OS reports event paths.
    folder: PathBuf,
    /// `None` means the file was missing (or unreadable) when last recorded.
    recorded: Option<Fingerprint>,
}

/// Watches a set of files and reports external changes to their contents.
pub struct FileWatcher {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    folders: HashSet<PathBuf>,
    files: Vec<WatchedFile>,
}

impl FileWatcher {
    /// Starts the platform watcher. `wake` is called from notify's thread whenever
    /// something may have changed, so a GUI can repaint and then call [`Self::poll`].
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Result<Self, WatchError> {
        let (tx, events) = channel();
        let watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
            // inotify reports opens; without this filter our own reads in `poll`
            // would wake the GUI, which polls and reads again, forever.
            if res
                .as_ref()
                .is_ok_and(|ev| !ev.need_rescan() && !may_change(&ev.kind))
            {
                return;
            }
            // Sending only fails once the FileWatcher is dropped; nobody is listening then, and
            // there is nobody to wake.
            if tx.send(res).is_ok() {
                wake();
            }
        })
        .map_err(WatchError::Init)?;
        Ok(Self {
            watcher,
            events,
            folders: HashSet::new(),
            files: Vec::new(),
        })
    }

    /// Replaces the set of watched files, watching each one's folder non-recursively.
    ///
    /// Newly added files get their current contents recorded (missing files are
    /// recorded as missing). Files that stay in the set keep their recorded
    /// fingerprint, so a change not yet seen by [`Self::poll`] is still reported.
    /// When a folder cannot be watched, the previous set of files stays in effect.
    pub fn watch(&mut self, files: &[PathBuf]) -> Result<(), WatchError> {
        let mut next: Vec<WatchedFile> = Vec::with_capacity(files.len());
        for path in files {
            if next.iter().any(|w| w.path == *path) {
                continue;
            }
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let folder = parent.canonicalize().map_err(|source| WatchError::Folder {
                path: parent.to_path_buf(),
                source,
            })?;
            next.push(WatchedFile {
                path: path.clone(),
                folder,
                recorded: None,
            });
        }
        let wanted: HashSet<PathBuf> = next.iter().map(|w| w.folder.clone()).collect();

        let new_folders: Vec<PathBuf> = wanted.difference(&self.folders).cloned().collect();
        for folder in new_folders {
            if let Err(source) = self.watcher.watch(&folder, RecursiveMode::NonRecursive) {
                // The folders watched so far stay in `folders`, so the next call lets go of
                // those not wanted; their events meanwhile match no watched file.
                return Err(WatchError::Watch {
                    path: folder,
                    source,
                });
            }
            self.folders.insert(folder);
        }
        let mut unwatch_failed = None;
        let old_folders: Vec<PathBuf> = self.folders.difference(&wanted).cloned().collect();
        for folder in old_folders {
            match self.watcher.unwatch(&folder) {
                Ok(()) => {
                    self.folders.remove(&folder);
                }
                // A deleted folder already took its watch with it.
                Err(_) if !folder.exists() => {
                    self.folders.remove(&folder);
                }
                // Kept, to be let go of next time; its events match no watched file.
                Err(source) => {
                    unwatch_failed.get_or_insert(WatchError::Unwatch {
                        path: folder,
                        source,
                    });
                }
            }
        }

        // Fingerprint only after the folder watches exist, so no change can slip
        // between recording and watching.
        for w in &mut next {
            w.recorded = match self.files.iter().find(|old| old.path == w.path) {
                Some(old) => old.recorded,
                None => fingerprint(&w.path).ok().flatten(),
            };
        }
        self.files = next;
        unwatch_failed.map_or(Ok(()), Err)
    }

    /// Re-records a file's fingerprint from disk now, e.g. right after the app saved
    /// or reloaded it, so that change is not reported. Unwatched paths are ignored.
    pub fn acknowledge(&mut self, path: &Path) {
        if let Some(w) = self.files.iter_mut().find(|w| w.path == path) {
            w.recorded = fingerprint(path).ok().flatten();
        }
    }

    /// Non-blocking. Drains pending events and returns each watched file whose
    /// contents now differ from the recorded fingerprint, recording the new one so
    /// every change is reported once. Only folders that had events are re-read.
    pub fn poll(&mut self) -> Vec<FileChange> {
        let mut dirty: HashSet<PathBuf> = HashSet::new();
        let mut everything = false;
        while let Ok(res) = self.events.try_recv() {
            match res {
                Ok(ev) if !ev.need_rescan() && !ev.paths.is_empty() => {
                    dirty.extend(ev.paths.iter().filter_map(|p| self.folder_of(p)));
                }
                // Overflow, rescan requests and errors mean events were lost.
                _ => everything = true,
            }
        }
        if !everything && dirty.is_empty() {
            return Vec::new();
        }

        let mut changes = Vec::new();
        for w in &mut self.files {
            if !everything && !dirty.contains(&w.folder) {
                continue;
            }
            // An unreadable file (e.g. locked mid-write on Windows) is left as
            // recorded; the writer's next event brings us back here.
            let Ok(now) = fingerprint(&w.path) else {
                continue;
            };
            if now == w.recorded {
                continue;
            }
            w.recorded = now;
            changes.push(match now {
                Some(_) => FileChange::Modified(w.path.clone()),
                None => FileChange::Removed(w.path.clone()),
            });
        }
        changes
    }

    /// The watched (canonical) folder an event path belongs to, if any.
    fn folder_of(&self, event_path: &Path) -> Option<PathBuf> {
        // The event may be about the folder itself (deleted, moved away).
        if self.folders.contains(event_path) {
            return Some(event_path.to_path_buf());
        }
        let parent = event_path.parent()?;
        if self.folders.contains(parent) {
            return Some(parent.to_path_buf());
        }
        // Some backends report paths through a different spelling of the folder.
        let canonical = parent.canonicalize().ok()?;
        self.folders.contains(&canonical).then_some(canonical)
    }
}

/// Whether an event kind can mean different contents; opens and reads cannot.
fn may_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// `Ok(None)` if the file is missing; `Err` if it exists but cannot be read.
fn fingerprint(path: &Path) -> std::io::Result<Option<Fingerprint>> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let mut hasher = DefaultHasher::new();
            bytes.hash(&mut hasher);
            Ok(Some(Fingerprint {
                len: bytes.len() as u64,
                hash: hasher.finish(),
            }))
        }
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    const TICK: Duration = Duration::from_millis(20);

    /// Polls until something is reported and returns that first batch. notify reports from its
    /// own thread, so this waits for the change to arrive, however busy the machine is, up to a
    /// minute.
    fn next_changes(w: &mut FileWatcher) -> Vec<FileChange> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            let changes = w.poll();
            if !changes.is_empty() {
                return changes;
            }
            std::thread::sleep(TICK);
        }
        Vec::new()
    }

    /// Everything reported over 500 ms, long enough for pending events to arrive.
    fn quiet(w: &mut FileWatcher) -> Vec<FileChange> {
        let deadline = Instant::now() + Duration::from_millis(500);
        let mut all = Vec::new();
        while Instant::now() < deadline {
            all.extend(w.poll());
            std::thread::sleep(TICK);
        }
        all
    }

    fn setup(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf, FileWatcher) {
        setup_with_wake(name, contents, || {})
    }

    fn setup_with_wake(
        name: &str,
        contents: &str,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> (tempfile::TempDir, PathBuf, FileWatcher) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs::write(&path, contents).unwrap();
        let mut w = FileWatcher::new(wake).unwrap();
        w.watch(std::slice::from_ref(&path)).unwrap();
        (dir, path, w)
    }

    /// Writes over the file's bytes in one call, without truncating it first: a truncating
    /// write could be read half-done, empty, by a poll in between, and reported twice.
    fn overwrite_in_place(path: &Path, contents: &str) {
        use std::io::Write as _;
        let mut file = fs::File::options().write(true).open(path).unwrap();
        assert_eq!(fs::metadata(path).unwrap().len(), contents.len() as u64);
        file.write_all(contents.as_bytes()).unwrap();
    }

    fn atomic_write(path: &Path, contents: &str) {
        let tmp = path.with_extension("ron.tmp");
        fs::write(&tmp, contents).unwrap();
        fs::rename(&tmp, path).unwrap();
    }

    #[test]
    fn in_place_write_reported_once() {
        let (_dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        overwrite_in_place(&path, "(a: 2)");
        assert_eq!(
            next_changes(&mut w),
            vec![FileChange::Modified(path.clone())]
        );
        assert_eq!(w.poll(), vec![]);
        assert_eq!(quiet(&mut w), vec![]);
    }

    #[test]
    fn atomic_replace_reported() {
        let (_dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        atomic_write(&path, "(a: 2)");
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn identical_contents_not_reported() {
        let (_dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        overwrite_in_place(&path, "(a: 1)");
        atomic_write(&path, "(a: 1)");
        let file = fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(std::time::SystemTime::now()).unwrap();
        drop(file);
        assert_eq!(quiet(&mut w), vec![]);
        // The watcher was listening all along: a real change is seen.
        fs::write(&path, "(a: 2)").unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn acknowledged_save_not_reported() {
        let (_dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        atomic_write(&path, "(a: 2)");
        w.acknowledge(&path);
        assert_eq!(quiet(&mut w), vec![]);
        atomic_write(&path, "(a: 3)");
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn removed_then_recreated() {
        let (_dir, path, mut w) = setup("party.ron", "(p: 1)");
        fs::remove_file(&path).unwrap();
        assert_eq!(
            next_changes(&mut w),
            vec![FileChange::Removed(path.clone())]
        );
        fs::write(&path, "(p: 2)").unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn unwatched_sibling_ignored() {
        let (dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        fs::write(dir.path().join("other.ron"), "x").unwrap();
        atomic_write(&dir.path().join("notes.ron"), "y");
        assert_eq!(quiet(&mut w), vec![]);
        fs::write(&path, "(a: 2)").unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn watch_replaces_previous_set() {
        let (_dir, old, mut w) = setup("agenda.ron", "(a: 1)");
        let dir2 = tempfile::tempdir().unwrap();
        let new = dir2.path().join("party.ron");
        fs::write(&new, "(p: 1)").unwrap();
        w.watch(std::slice::from_ref(&new)).unwrap();
        fs::write(&old, "(a: 2)").unwrap();
        assert_eq!(quiet(&mut w), vec![]);
        fs::write(&new, "(p: 2)").unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(new)]);
    }

    #[test]
    fn watch_keeps_unreported_change_of_retained_file() {
        let (dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        fs::write(&path, "(a: 2)").unwrap();
        let party = dir.path().join("party.ron");
        w.watch(&[path.clone(), party]).unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(path)]);
    }

    #[test]
    fn a_change_wakes_the_window() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let (_dir, path, mut w) = setup_with_wake("agenda.ron", "(a: 1)", move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        fs::write(&path, "(a: 2)").unwrap();
        assert_eq!(
            next_changes(&mut w),
            vec![FileChange::Modified(path.clone())]
        );
        // The wake comes from notify's thread just after the event: wait for it.
        let deadline = Instant::now() + Duration::from_secs(60);
        while wakes.load(Ordering::SeqCst) == 0 {
            assert!(Instant::now() < deadline, "the window was never woken");
            std::thread::sleep(TICK);
        }
    }

    /// Reading the files in `poll` must not itself wake the window, or it would poll and read
    /// again, forever: opening and reading are not changes.
    #[test]
    fn reads_and_opens_are_not_changes() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RemoveKind};
        assert!(!may_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!may_change(&EventKind::Access(AccessKind::Read)));
        assert!(!may_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(may_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(may_change(&EventKind::Modify(ModifyKind::Any)));
        assert!(may_change(&EventKind::Create(CreateKind::File)));
        assert!(may_change(&EventKind::Remove(RemoveKind::File)));
        // And what the app reads itself is never reported as changed.
        let (_dir, path, mut w) = setup("agenda.ron", "(a: 1)");
        w.acknowledge(&path);
        assert_eq!(quiet(&mut w), vec![]);
    }

    /// One folder reached by two spellings must map events back to each given path.
    #[cfg(unix)]
    #[test]
    fn symlinked_folder_maps_back_to_given_paths() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (agenda, party) = (link.join("agenda.ron"), real.join("party.ron"));
        fs::write(&agenda, "(a: 1)").unwrap();
        fs::write(&party, "(p: 1)").unwrap();
        let mut w = FileWatcher::new(|| {}).unwrap();
        w.watch(&[agenda.clone(), party.clone()]).unwrap();
        atomic_write(&real.join("agenda.ron"), "(a: 2)");
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(agenda)]);
        fs::write(link.join("party.ron"), "(p: 2)").unwrap();
        assert_eq!(next_changes(&mut w), vec![FileChange::Modified(party)]);
    }
}
