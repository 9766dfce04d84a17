//! A long random session: thousands of commands a person could give — edit any field, add,
//! delete and move statements and issues, add a party, undo, redo, save, reload, a change made
//! on disk by another program, a crash and the recovery after it — each followed by an answer
//! to whatever the document asks. After every step:
//!
//! - nothing panicked;
//! - undoing everything (on a copy of the history) gives back, byte for byte, the files as they
//!   were when the history last started — on opening, the bytes on disk — and redoing as many
//!   steps gives back what is open;
//! - when nothing is unsaved, what is on disk loads back equal to what is open (so every save
//!   wrote what was open);
//! - after a crash, what recovery restores equals what was unsaved when it was written aside.
//!
//! Changes on disk are reported by a scripted watcher and time is a counter, so a run depends
//! on its commands alone.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

#[path = "random_session/steps.rs"]
mod steps;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common_ground_core::io::{load, to_canonical_ron};
use common_ground_core::negotiation::Negotiation;
use common_ground_core::problem::Problem;
use common_ground_core::validate::validate;
use common_ground_document::disk::ScriptedWatcher;
use common_ground_document::recovery::RecoveryStore;
use common_ground_document::{Answer, Event, Origin, Question, Session};
use proptest::prelude::*;
use steps::{apply, step};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ukraine-2022");

/// Each file as the app writes it, in the order open: what "the same bytes" means.
fn texts(negotiation: &Negotiation) -> Vec<(PathBuf, String)> {
    let agenda = negotiation
        .agenda
        .iter()
        .map(|agenda| (agenda.path.clone(), to_canonical_ron(&agenda.data).unwrap()));
    let parties = negotiation
        .parties
        .iter()
        .map(|party| (party.path.clone(), to_canonical_ron(&party.data).unwrap()));
    agenda.chain(parties).collect()
}

/// The same files by path, for comparisons where the order of parties may differ (a folder
/// loads in name order; a party added in the window comes last).
fn by_path(negotiation: &Negotiation) -> BTreeMap<PathBuf, String> {
    texts(negotiation).into_iter().collect()
}

/// One run: a folder holding a copy of the example, its recovery store, the open session.
pub(crate) struct Run {
    folder: tempfile::TempDir,
    store_folder: tempfile::TempDir,
    disk: ScriptedWatcher,
    session: Session,
    /// The files when the undo history last started afresh.
    baseline: Vec<(PathBuf, String)>,
    /// A clock that only moves when a step says so.
    now: Instant,
}

/// A RAM disk where there is one: the run saves hundreds of times, each flushed to disk.
fn temporary_folder() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
}

impl Run {
    fn new() -> Self {
        let folder = temporary_folder();
        for entry in std::fs::read_dir(DATA).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
        }
        let store_folder = temporary_folder();
        let disk = ScriptedWatcher::default();
        let session = open(folder.path(), store_folder.path(), &disk);
        let mut run = Run {
            folder,
            store_folder,
            disk,
            session,
            baseline: Vec::new(),
            now: Instant::now(),
        };
        run.take_events();
        // The history starts from the files on disk, byte for byte.
        for (path, text) in &run.baseline {
            assert_eq!(&std::fs::read_to_string(path).unwrap(), text);
        }
        run
    }

    pub(crate) fn session(&mut self) -> &mut Session {
        &mut self.session
    }

    pub(crate) fn disk(&self) -> &ScriptedWatcher {
        &self.disk
    }

    /// Moves the clock on, past the interval at which unsaved edits are written aside.
    pub(crate) fn later(&mut self) -> Instant {
        self.now += Duration::from_secs(60);
        self.now
    }

    /// Reads the events; a replacement of the data starts the undo history afresh.
    pub(crate) fn take_events(&mut self) {
        let events = self.session.take_events();
        if self.baseline.is_empty()
            || events
                .iter()
                .any(|event| matches!(event, Event::Replaced(_)))
        {
            self.baseline = texts(&self.session.workspace().negotiation);
        }
    }

    /// The process dies with what it held, just after writing unsaved edits aside; a new one
    /// opens the same folder and must offer back exactly those edits.
    pub(crate) fn crash_and_reopen(&mut self) {
        let now = self.later();
        self.session.tick(now);
        self.take_events();
        let unsaved = self
            .session
            .workspace()
            .is_dirty()
            .then(|| by_path(&self.session.workspace().negotiation));
        let disk = ScriptedWatcher::default();
        self.session = open(self.folder.path(), self.store_folder.path(), &disk);
        self.disk = disk;
        self.baseline = Vec::new();
        self.take_events();
        match (unsaved, self.session.question()) {
            (Some(unsaved), Some(Question::Recover { .. })) => {
                self.session.answer(Answer::Restore);
                self.take_events();
                assert_eq!(
                    by_path(&self.session.workspace().negotiation),
                    unsaved,
                    "what recovery restored is not what was unsaved"
                );
            }
            (None, None) => {}
            (unsaved, question) => panic!(
                "after a crash with {} unsaved, the question was {question:?}",
                if unsaved.is_some() {
                    "edits"
                } else {
                    "nothing"
                }
            ),
        }
    }

    /// The checks made after every step.
    fn check(&self, after: &str) {
        let workspace = self.session.workspace();
        let open = &workspace.negotiation;
        let mut history = self.session.history().clone();
        let mut copy = open.clone();
        let mut undone = 0;
        while history.undo(&mut copy).is_some() {
            undone += 1;
        }
        assert_eq!(
            texts(&copy),
            self.baseline,
            "undoing all {undone} steps did not give back the files as they were, after {after}"
        );
        // As many redos as undos: the history's own redo steps, if any, lie beyond what is open.
        for _ in 0..undone {
            assert!(
                history.redo(&mut copy).is_some(),
                "a step undone could not be redone"
            );
        }
        assert_eq!(
            texts(&copy),
            texts(open),
            "redoing what was undone did not give back what is open, after {after}"
        );

        // Validation after an edit re-checks only the edited file: what it shows must be what
        // checking every file finds. The files here are canonical, so nothing is found only
        // while loading.
        let problems = |problems: &[Problem]| {
            let mut listed: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {:?}: {}", p.file.display(), p.path, p.message))
                .collect();
            listed.sort();
            listed
        };
        assert_eq!(
            problems(&workspace.problems),
            problems(&validate(open)),
            "the problems shown are not what validating everything finds, after {after}"
        );

        if !workspace.is_dirty() {
            let on_disk = by_path(&load(&[self.folder.path().to_owned()]).negotiation);
            let open = by_path(open);
            let differing: Vec<String> = on_disk
                .iter()
                .filter(|(path, text)| open.get(*path) != Some(*text))
                .map(|(path, _)| format!("{} (on disk)", path.display()))
                .chain(
                    open.iter()
                        .filter(|(path, text)| on_disk.get(*path) != Some(*text))
                        .map(|(path, _)| format!("{} (open)", path.display())),
                )
                .collect();
            assert!(
                differing.is_empty(),
                "nothing is unsaved, yet what is on disk is not what is open ({}), after {after}",
                differing.join(", ")
            );
        }
    }
}

fn open(folder: &Path, store: &Path, disk: &ScriptedWatcher) -> Session {
    let mut session = Session::new(
        Origin::paths(vec![folder.to_owned()]),
        Some(RecoveryStore::new(store)),
        disk.start(),
        Arc::new(|| {}),
    );
    session.poll_disk(true);
    session
}

/// 16 runs of 100 to 160 steps, about two thousand commands, from a fixed seed so that
/// `cargo test` gives the same commands every time; `.ci/soak` sets `PROPTEST_CASES` and
/// `PROPTEST_RNG_SEED` to go further on new ones. Failures found either way are kept in
/// `random_session.proptest-regressions` and replayed first.
fn config() -> ProptestConfig {
    let from_environment = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            from_environment.cases
        } else {
            16
        },
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            from_environment.rng_seed
        } else {
            proptest::test_runner::RngSeed::Fixed(20_261_204)
        },
        ..from_environment
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_long_random_session_keeps_every_promise(steps in prop::collection::vec(step(), 100..160)) {
        let mut run = Run::new();
        run.check("opening");
        for (index, step) in steps.iter().enumerate() {
            apply(&mut run, step);
            run.take_events();
            run.check(&format!("step {index}, {step:?}"));
        }
        // At the end, on the session itself: everything undone is the files as they were.
        while run.session.history().undo_label().is_some() {
            run.session.undo();
        }
        run.take_events();
        prop_assert_eq!(texts(&run.session.workspace().negotiation), run.baseline.clone());
    }
}
