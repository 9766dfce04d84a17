//! What the document tells the user ([`Notice`]) and asks them ([`Question`]), and the answers
//! it takes ([`Answer`]). The window draws them; their meaning lives here.

use std::path::PathBuf;

use common_ground_core::negotiation::FileId;

use crate::origin::Origin;
use crate::recovery::Snapshot;

/// A message for the user, shown until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
}

/// How much a notice matters, which decides what may push it off the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// News of what was done ("Saved 2 files."): the next news replaces it.
    Info,
    /// Something the user should know, such as a file changed or deleted by another program.
    Warning,
    /// What the user asked for failed, and why ("Not saved. … Your edits are kept."): nothing
    /// of lesser level pushes it out before it is dismissed.
    Error,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            level: Level::Info,
        }
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            level: Level::Warning,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            level: Level::Error,
        }
    }

    /// A warning or an error: it stays until dismissed.
    pub fn stays(&self) -> bool {
        self.level > Level::Info
    }
}

/// What was about to happen when unsaved changes got in the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Quit,
    Open(Origin),
    Reload,
}

/// A question the document waits on: nothing it holds back goes on until it is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Save, discard or cancel before something that would drop unsaved changes.
    Unsaved { then: Then, files: Vec<String> },
    /// Saving would drop a file's comments (or text this app cannot read).
    ConfirmLoss { path: PathBuf, what: String },
    /// A file with edits here was changed on disk by another program.
    ExternalChange { file: FileId, path: PathBuf },
    /// Unsaved edits from an earlier session were found.
    Recover {
        snapshot: Box<Snapshot>,
        files: Vec<RecoveredFile>,
    },
}

/// One file that recovery would put back, and how much of it differs from the open one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveredFile {
    /// "us.ron".
    pub name: String,
    /// Statements (or agenda issues) added, removed or changed, and the file's own details
    /// counted as one when they changed.
    pub changes: usize,
    /// A party file made in the lost session and never saved.
    pub new: bool,
    /// A file on disk that cannot be read now (a crash may have cut it short): the
    /// recovered copy is all there is of it.
    pub unreadable: bool,
}

impl Question {
    /// Whether closing the question without an answer is allowed (it then means "cancel").
    /// Edits left by a crash, or a file another program changed, need a decision.
    pub fn may_be_dismissed(&self) -> bool {
        !matches!(
            self,
            Question::Recover { .. } | Question::ExternalChange { .. }
        )
    }
}

/// An answer to the [`Question`] on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Unsaved: save, then go on.
    Save,
    /// Unsaved: drop the changes, then go on.
    Discard,
    /// Any question that may be dismissed: do nothing, go back to work.
    Cancel,
    /// ConfirmLoss: save although that drops what was written by hand.
    SaveAnyway,
    /// ExternalChange: take the other program's version.
    ReloadFromDisk,
    /// ExternalChange: keep the version here; saving will replace the other one.
    KeepMine,
    /// Recover: put the edits back.
    Restore,
    /// Recover: throw them away.
    DiscardRecovered,
}
