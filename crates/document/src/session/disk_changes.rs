//! What other programs change in the open files: a file without edits here is read again
//! quietly, one with edits asks whose version to keep, and a deleted one stays open as unsaved.

use std::path::Path;

use common_ground_core::edit::{FileData, Touched};
use common_ground_core::io::load;
use common_ground_core::negotiation::FileId;

use super::{Replaced, Session, file_name};
use crate::origin::Origin;
use crate::question::{Notice, Question};
use crate::watch::FileChange;

impl Session {
    /// Watches the open files and takes in what other programs changed. With `may_ask` false
    /// (the window shows a question of its own) or a question of the session's on screen,
    /// changes wait their turn.
    pub fn poll_disk(&mut self, may_ask: bool) {
        let workspace = &self.workspace;
        let files = || match &workspace.origin {
            Origin::Example | Origin::RoundsExample => Vec::new(),
            Origin::Paths(_) => workspace.files.clone(),
        };
        if let Err(error) = self.disk.sync(files) {
            // The app works without it; changes on disk are then seen on reload.
            self.notice(Notice::warning(format!(
                "Changes other programs make to the open files will not be noticed: {error}"
            )));
        }
        self.disk.collect();
        if !may_ask {
            return;
        }
        let mut changes = self.disk.take().into_iter();
        while self.question.is_none()
            && let Some(change) = changes.next()
        {
            match change {
                FileChange::Modified(path) => self.changed_on_disk(&path),
                FileChange::Removed(path) => self.removed_from_disk(&path),
            }
        }
        self.disk.hold(changes);
    }

    /// Another program changed an open file: take it in, unless that would drop edits here.
    fn changed_on_disk(&mut self, path: &Path) {
        let Some(file) = self.workspace.file_of_path(path) else {
            // Fixed in an editor, a file that did not load brings its party back.
            self.retry_quietly(path);
            return;
        };
        // Deleted and written again, as version control does: back, and maybe unchanged.
        self.workspace.mark_present(file);
        if self.workspace.is_file_dirty(file) {
            self.question = Some(Question::ExternalChange {
                file,
                path: path.to_owned(),
            });
        } else if !self.workspace.is_dirty() && loads_whole(path) {
            self.reload_now();
            self.notice(Notice::info(format!(
                "{} was changed by another program and has been reloaded.",
                file_name(path)
            )));
        } else {
            self.reload_file(file);
        }
    }

    fn removed_from_disk(&mut self, path: &Path) {
        let Some(file) = self.workspace.file_of_path(path) else {
            return;
        };
        if path.exists() {
            return;
        }
        self.workspace.mark_missing(file);
        self.versions.changed(Touched::Everything);
        self.notice(Notice::warning(format!(
            "{} was deleted or moved by another program. What is open here is kept, as unsaved; \
             saving writes it back.",
            path.display()
        )));
    }

    /// Reads a file that did not load again (the Retry beside it), saying what came of it.
    pub fn retry(&mut self, path: &Path) {
        if !self.retry_quietly(path)
            && let Some(left_out) = self
                .workspace
                .negotiation
                .left_out
                .iter()
                .find(|file| file.path == path)
        {
            let message = format!(
                "{} still cannot be read ({}); the conclusions still leave it out.",
                left_out.file_name(),
                left_out.reason
            );
            self.notice(Notice::warning(message));
        }
    }

    /// Reads a file that did not load again: if it loads now, it joins the others and the
    /// edits to them are kept. Whether it came back.
    fn retry_quietly(&mut self, path: &Path) -> bool {
        if !self
            .workspace
            .negotiation
            .left_out
            .iter()
            .any(|file| file.path == path)
        {
            return false;
        }
        let outcome = load(std::slice::from_ref(&path.to_path_buf()));
        if outcome
            .problems
            .iter()
            .any(|problem| problem.is_error() && problem.file == path)
        {
            // Still broken: the banner and the problems panel say what is wrong now.
            self.workspace.still_unreadable(path, &outcome);
            self.versions.changed(Touched::Everything);
            return false;
        }
        let Some(file) = self.workspace.take_in_left_out(path, outcome) else {
            return false;
        };
        self.disk.acknowledge(path);
        self.replace(Replaced::File(file));
        self.notice(Notice::info(format!(
            "{} now loads, and its party is back in the comparison.",
            file_name(path)
        )));
        true
    }

    /// Takes one file as it is on disk, keeping the edits to the others.
    pub(super) fn reload_file(&mut self, file: FileId) {
        let Some(path) = self.workspace.path_of(file).map(Path::to_path_buf) else {
            return;
        };
        let outcome = load(std::slice::from_ref(&path));
        let data = match file {
            FileId::Agenda => outcome
                .negotiation
                .agenda
                .map(|agenda| FileData::Agenda(Some(agenda))),
            FileId::Party(_) => outcome
                .negotiation
                .parties
                .into_iter()
                .find(|party| party.path == path)
                .map(|party| FileData::Party(Some(party))),
        };
        let Some(data) = data else {
            let why = outcome
                .problems
                .first()
                .map_or_else(String::new, |problem| format!(": {}", problem.message));
            self.notice(Notice::warning(format!(
                "{} was changed by another program but cannot be read{why}. What is open here \
                 is kept.",
                file_name(&path)
            )));
            return;
        };
        self.workspace.replace_file(file, data);
        self.disk.acknowledge(&path);
        self.replace(Replaced::File(file));
        self.notice(Notice::info(format!(
            "{} was changed by another program and has been reloaded.",
            file_name(&path)
        )));
    }
}

/// Whether the file at `path` reads without an error of its own. One caught half-written by
/// another program does not: what is open stays, rather than its party leaving the comparison
/// until the rest arrives.
fn loads_whole(path: &Path) -> bool {
    !load(std::slice::from_ref(&path.to_path_buf()))
        .problems
        .iter()
        .any(|problem| problem.is_error() && problem.file == path)
}
