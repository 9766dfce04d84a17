//! Everything a user can do in the window, as values. Views only push commands; the app
//! applies them after the frame, in one place, which is where undo and saving hook in later.

use std::path::PathBuf;

use egui::ThemePreference;

use crate::analysis::StatementKey;
use crate::model::Kind;

use super::layout::Step;
use super::settings::Page;
use super::workspace::Origin;

#[derive(Debug, Clone, PartialEq)]
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
