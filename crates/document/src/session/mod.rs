//! [`Session`]: the open negotiation's life, without a window. It opens and replaces the data
//! (one reset path, [`Session::replace`]), edits with undo, saves ([`saving`]), takes in what
//! other programs change on disk ([`disk_changes`]) and writes unsaved edits aside
//! ([`recovering`]). It asks the user through one [`Question`] at a time and tells the window
//! what happened through [`Event`]s, which the window turns into what it shows.

mod disk_changes;
mod recovering;
mod saving;
#[cfg(test)]
mod tests;
mod versions;

use std::path::Path;

use common_ground_core::edit::{self, Edit, History, Touched};
use common_ground_core::negotiation::{FileId, StatementKey};

pub use saving::SaveState;

use crate::disk::{DiskSync, StartWatcher, Waker};
use crate::origin::Origin;
use crate::question::{Answer, Notice, Question, Then};
use crate::recovery::{EmergencyCopy, Recovery, RecoveryStore, Snapshot};
use crate::workspace::Workspace;
use versions::Versions;

/// What the window must know or do after the session acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Tell the user.
    Notice(Notice),
    /// The data was replaced; what the window shows of it starts afresh accordingly.
    Replaced(Replaced),
    /// An edit, undo or redo changed `file`; select `select` afterwards.
    Edited {
        select: Option<StatementKey>,
        file: FileId,
        /// The edit made more errors than there were, which is worth seeing where they are.
        more_errors: bool,
    },
    /// Ask the user for the folder to save the negotiation into, then call
    /// [`Session::folder_chosen`].
    ChooseSaveFolder,
    /// Close the window: nothing unsaved is left, or the user chose to drop it.
    Close,
}

/// How much of the data was replaced, which decides what else starts afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replaced {
    /// Another negotiation, or the same one opened anew.
    Negotiation,
    /// Every file read again from disk.
    Files,
    /// One file read again from disk.
    File(FileId),
    /// The same data, now at other paths: saved into a folder, or a new file written. What
    /// was kept under the old key (settings, recovery) follows it.
    Moved { old_key: String },
}

/// The open negotiation and everything about its life.
pub struct Session {
    workspace: Workspace,
    history: History,
    /// Counts changes to the data, so that what is derived from it knows when to start again,
    /// and remembers what the last ones touched.
    versions: Versions,
    question: Option<Question>,
    save: saving::SaveFlow,
    disk: DiskSync,
    recovery: Recovery,
    /// The unsaved files as they are now, for a panic hook to write aside at once.
    emergency: EmergencyCopy,
    /// The user chose to close with unsaved changes, or saved them first: nothing more is
    /// asked, or written aside.
    closing: bool,
    events: Vec<Event>,
}

impl Session {
    /// Opens `origin`. Changes on disk are noticed through `watcher`, which `wake` lets wake
    /// the window; unsaved edits are written aside into `recovery`, and what an earlier session
    /// left there for this negotiation is offered back.
    pub fn new(
        origin: Origin,
        recovery: Option<RecoveryStore>,
        watcher: StartWatcher,
        wake: Waker,
    ) -> Self {
        let mut session = Session {
            // Replaced at once below; no paths means no recovery file to mistake for its own.
            workspace: Workspace::from_outcome(Origin::Paths(Vec::new()), Default::default()),
            history: History::default(),
            versions: Versions::default(),
            question: None,
            save: saving::SaveFlow::default(),
            disk: DiskSync::new(watcher, wake),
            recovery: Recovery::new(recovery),
            emergency: EmergencyCopy::default(),
            closing: false,
            events: Vec::new(),
        };
        session.open_now(origin);
        session
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Changes whenever the data does.
    pub fn version(&self) -> u64 {
        self.versions.now()
    }

    /// What the changes since `version` touched: the issues whose analysis may differ, or
    /// everything.
    pub fn touched_since(&self, version: u64) -> Touched {
        self.versions.touched_since(version)
    }

    /// The question waiting for an answer.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    pub fn save_state(&self) -> &SaveState {
        self.save.state()
    }

    /// The unsaved edits as they are after every change, for
    /// [`crate::recovery::write_aside_on_panic`] to write aside when anything panics.
    pub fn emergency_copy(&self) -> EmergencyCopy {
        self.emergency.clone()
    }

    /// Brings the emergency copy up to date; only with a recovery store to write it into, as
    /// it costs a copy of the unsaved files.
    fn keep_emergency_copy(&self) {
        if self.recovery.store().is_none() {
            return;
        }
        let unsaved = self.workspace.is_dirty() && !self.closing;
        self.emergency.keep(unsaved.then(|| {
            Snapshot::of(
                &self.workspace.origin.key(),
                &self.workspace.negotiation,
                self.workspace.changed(),
            )
        }));
    }

    /// What happened since the last call, oldest first.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    fn notice(&mut self, notice: Notice) {
        self.events.push(Event::Notice(notice));
    }

    /// Starts again from new data, in the one place that knows what goes with the old: the
    /// undo history always (its steps would put the old data back), and more the more was
    /// replaced.
    fn replace(&mut self, replaced: Replaced) {
        self.history.clear();
        self.versions.changed(Touched::Everything);
        match &replaced {
            Replaced::Negotiation => {
                self.save = saving::SaveFlow::default();
                self.recovery.forget();
                self.disk.rewatch();
            }
            Replaced::Files => self.disk.rewatch(),
            Replaced::Moved { old_key } => {
                self.disk.rewatch();
                if *old_key != self.workspace.origin.key() {
                    self.recovery.forget();
                    self.remove_recovery(old_key);
                }
            }
            Replaced::File(_) => {}
        }
        self.keep_emergency_copy();
        self.events.push(Event::Replaced(replaced));
    }

    /// Opens another negotiation, asking first when that would drop unsaved changes.
    pub fn open(&mut self, origin: Origin) {
        if self.workspace.is_dirty() {
            self.ask_about_unsaved(Then::Open(origin));
        } else {
            self.open_now(origin);
        }
    }

    fn open_now(&mut self, origin: Origin) {
        // A clean negotiation's recovery file, if one is left, holds nothing worth offering;
        // unless it is being offered right now, in which case it waits for the next time.
        let offered = matches!(self.question, Some(Question::Recover { .. }));
        if !self.workspace.is_dirty() && !offered {
            let key = self.workspace.origin.key();
            self.remove_recovery(&key);
        }
        self.question = None;
        self.workspace = Workspace::open(origin);
        self.replace(Replaced::Negotiation);
        self.offer_recovery();
    }

    /// Reads every file again, asking first when that would drop unsaved changes.
    pub fn reload(&mut self) {
        if self.workspace.is_dirty() {
            self.ask_about_unsaved(Then::Reload);
        } else {
            self.reload_now();
        }
    }

    fn reload_now(&mut self) {
        self.workspace = Workspace::open(self.workspace.origin.clone());
        self.replace(Replaced::Files);
    }

    fn ask_about_unsaved(&mut self, then: Then) {
        let files = self
            .workspace
            .dirty_files()
            .filter_map(|file| self.workspace.path_of(file))
            .map(file_name)
            .collect();
        self.question = Some(Question::Unsaved { then, files });
    }

    /// Changes the data; `field` names the field typed into, so that a burst of typing is
    /// undone as one step, and the Edit menu can say what it will undo.
    pub fn edit(&mut self, edit: Edit, field: Option<&str>, selected: Option<StatementKey>) {
        let label = field.map(|field| format!("edit {}", field_name(field)));
        let merge_key = field.map(|field| format!("{}/{field}", edit.label()));
        match edit::apply(&mut self.workspace.negotiation, edit, merge_key, selected) {
            Ok(mut change) => {
                if let Some(label) = label {
                    change.label = label;
                }
                let (select, file, touched) = (change.select_after, change.file, change.touched());
                let in_place = change.in_place();
                self.history.record(change);
                self.edited(select, file, touched, in_place);
            }
            Err(error) => self.notice(Notice::error(format!(
                "That edit could not be made: {error}."
            ))),
        }
    }

    /// The field being typed into was left: the next edit is an undo step of its own.
    pub fn end_typing(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) {
        let undone = self
            .history
            .undo(&mut self.workspace.negotiation)
            .map(|change| {
                let file = change.file;
                (
                    change.select_before,
                    file,
                    change.touched(),
                    change.in_place(),
                )
            });
        if let Some((select, file, touched, in_place)) = undone {
            self.edited(select, file, touched, in_place);
        }
    }

    pub fn redo(&mut self) {
        let redone = self
            .history
            .redo(&mut self.workspace.negotiation)
            .map(|change| {
                let file = change.file;
                (
                    change.select_after,
                    file,
                    change.touched(),
                    change.in_place(),
                )
            });
        if let Some((select, file, touched, in_place)) = redone {
            self.edited(select, file, touched, in_place);
        }
    }

    /// Brings what is derived from the data up to date after an edit, undo or redo;
    /// `in_place` is the one statement it changed, when that is all it changed.
    fn edited(
        &mut self,
        select: Option<StatementKey>,
        file: FileId,
        touched: Touched,
        in_place: Option<StatementKey>,
    ) {
        let errors_before = self.workspace.error_count();
        match in_place {
            Some(key) => self.workspace.refresh_statement(key),
            None => self.workspace.refresh_file(file),
        }
        self.versions.changed(touched);
        self.keep_emergency_copy();
        self.events.push(Event::Edited {
            select,
            file,
            more_errors: self.workspace.error_count() > errors_before,
        });
    }

    /// The user asked to quit: ask about unsaved changes first, unless that was answered.
    pub fn quit(&mut self) {
        if self.workspace.is_dirty() && !self.closing {
            self.ask_about_unsaved(Then::Quit);
        } else {
            self.events.push(Event::Close);
        }
    }

    /// The window is asked to close (its close button, the system): `false` holds it open
    /// and asks about the unsaved changes.
    pub fn may_close(&mut self) -> bool {
        if self.workspace.is_dirty() && !self.closing {
            self.ask_about_unsaved(Then::Quit);
            return false;
        }
        true
    }

    /// Answers the question on screen; an answer that does not fit it changes nothing.
    pub fn answer(&mut self, answer: Answer) {
        let Some(question) = self.question.take() else {
            return;
        };
        match (question, answer) {
            (Question::Unsaved { then, .. }, Answer::Save) => self.save_all_then(Some(then)),
            (Question::Unsaved { then, .. }, Answer::Discard) => {
                let key = self.workspace.origin.key();
                self.remove_recovery(&key);
                // Dropped on purpose: not to be written aside by a crash either.
                self.emergency.keep(None);
                self.go_on(then);
            }
            (Question::ConfirmLoss { path, .. }, Answer::SaveAnyway) => self.save_anyway(path),
            (Question::ConfirmLoss { .. }, Answer::Cancel) => self.save.cancel(),
            (Question::ExternalChange { file, .. }, Answer::ReloadFromDisk) => {
                self.reload_file(file);
            }
            (Question::ExternalChange { file, .. }, Answer::KeepMine) => {
                // The disk now holds the other program's version: what is open stays unsaved
                // until written, even if undo brings back what was last saved.
                self.workspace.mark_overwritten(file);
            }
            (Question::Unsaved { .. }, Answer::Cancel) => {}
            (Question::Recover { snapshot, .. }, Answer::Restore) => {
                self.restore_recovery(&snapshot);
            }
            (Question::Recover { snapshot, .. }, Answer::DiscardRecovered) => {
                self.remove_recovery(&snapshot.origin);
            }
            (question, _) => self.question = Some(question),
        }
    }

    /// Carries on with what unsaved changes held up, once they are saved or discarded.
    fn go_on(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.closing = true;
                self.events.push(Event::Close);
            }
            Then::Open(origin) => self.open_now(origin),
            Then::Reload => self.reload_now(),
        }
    }
}

/// A file's name for messages: "us.ron".
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The field's name in the Edit menu's words: "summary" of "0/3/summary", "name" of
/// "party 0 name", "anchor 1 meaning" of "issue 3 anchor 1 meaning".
fn field_name(field: &str) -> &str {
    match field.rsplit_once('/') {
        Some((_, name)) => name,
        None => field.splitn(3, ' ').nth(2).unwrap_or(field),
    }
}
