//! Everything a user can do in the window, as values. Views only push commands; the app
//! applies them after the frame, in one place, which is where undo and saving hook in later.

use std::path::PathBuf;

use egui::ThemePreference;

use crate::analysis::StatementKey;
use crate::edit::{Edit, FileId};
use crate::model::Kind;

use super::layout::Step;
use super::settings::Page;
use super::workspace::Origin;

#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful of commands live for one frame; boxing edits would buy nothing"
)]
pub enum Command {
    /// Open files and folders, or the built-in example.
    Open(Origin),
    Reload,
    ShowOpenFilesDialog,
    ShowOpenFolderDialog,
    ShowOpenPathPrompt,
    /// The path prompt's text as the user types it.
    SetTypedPath(String),
    /// Open the paths typed into the prompt.
    OpenTypedPath(String),
    ForgetRecent,

    /// Select a statement and scroll it into view.
    Select(StatementKey),
    /// Go to a statement a link points at (a condition, a problem), remembering where from.
    Follow(StatementKey),
    /// Return to the statement selected before the last link was followed.
    Back,
    ClearSelection,
    /// Select an issue and bring it into view in the columns.
    SelectIssue(String),
    /// Move the selection to the next statement in a direction, as the arrow keys do.
    SelectNext(Step),

    SetPartyShown {
        party: String,
        shown: bool,
    },
    /// Move a party's column to `to`, counted among all parties in the current order.
    MoveParty {
        party: String,
        to: usize,
    },
    SetIssueCollapsed {
        issue: String,
        collapsed: bool,
    },
    SetAllIssuesCollapsed(bool),

    SetKindShown {
        kind: Kind,
        shown: bool,
    },
    ShowAllKinds,
    SetCategory(Option<String>),
    SetSearch(String),
    FocusSearch,
    ClearFilters,

    /// Change the data. `field` names the field typed into, so that a burst of typing in it
    /// is undone as one step.
    Edit {
        edit: Edit,
        field: Option<String>,
    },
    /// The field being typed into was left: the next edit is an undo step of its own.
    EndTyping,
    Undo,
    Redo,
    /// Show the editor in the inspector, or the read-only view.
    SetEditing(bool),
    /// Edit a party's name, colour, date and summary in the inspector.
    EditParty(usize),
    /// Save the file being worked on: the selected statement's or party's, else all.
    Save,
    SaveAll,
    /// Save every file of the negotiation into a folder the user picks, and go on there.
    SaveAs,
    /// What to do about unsaved changes before going on with something that would drop them.
    SaveThen(Then),
    DiscardThen(Then),
    /// Save a file although that drops its comments or what the app cannot read.
    AcceptLoss,
    /// A file changed on disk while it had edits here: take the disk's version, or keep ours.
    ReloadFile(FileId),
    KeepMine,
    RestoreRecovery,
    DiscardRecovery,

    SetTheme(ThemePreference),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetProblemsShown(bool),
    SetInspectorShown(bool),
    SetCommonGroundShown(bool),
    SetPage(Page),
    /// Save the comparison of the shown parties as a Markdown brief, through a save dialog.
    ExportBrief,
    /// Save the window as it looks now as a PNG image, through a save dialog.
    ExportImage,
    ShowAbout,
    ShowShortcuts,
    CloseModal,
    DismissNotice,
    Quit,
}

/// What was about to happen when unsaved changes got in the way.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Quit,
    Open(Origin),
    Reload,
}

/// Commands pushed while the frame is built, applied after it.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }

    /// Opens files and folders the user picked or dropped.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            self.push(Command::Open(Origin::paths(paths)));
        }
    }
}
