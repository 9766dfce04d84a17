//! Everything a user can do in the window, as values. Views only push commands; the app
//! applies them after the frame, in one place. Commands given by name, from a menu or a key,
//! are [`UserCommand`]s from the registry; the rest carry what they act on.

use std::path::PathBuf;

use common_ground_core::edit::Edit;
use common_ground_core::model::Kind;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::{Answer, Origin};
use egui::ThemePreference;

use crate::export::ExportChoice;
use crate::layout::Step;
use crate::registry::UserCommand;
use crate::settings::Page;
use crate::view_state::NewRoundForm;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A command from the registry: a menu item, a shortcut, a toolbar button.
    User(UserCommand),

    /// Open files and folders, or the built-in example.
    Open(Origin),
    /// The path prompt's text as the user types it.
    SetTypedPath(String),
    /// Open the paths typed into the prompt.
    OpenTypedPath(String),
    ForgetRecent,
    /// Read again a file that did not load.
    Retry(std::path::PathBuf),

    /// Select a statement and scroll it into view.
    Select(StatementKey),
    /// Go to a statement a link points at (a condition, a problem), remembering where from.
    Follow(StatementKey),
    ClearSelection,
    /// Select an issue and bring it into view in the columns.
    SelectIssue(String),
    /// Move the selection to the next statement in a direction, as the arrow keys do.
    SelectNext(Step),

    SetPartyShown {
        party: String,
        shown: bool,
    },
    /// Show a bloc by its members, one column each and counted one by one, or collapse it
    /// into one column counted as one actor.
    SetBlocExpanded {
        bloc: String,
        expanded: bool,
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

    SetKindShown {
        kind: Kind,
        shown: bool,
    },
    ShowAllKinds,
    SetCategory(Option<String>),
    SetSearch(String),

    /// Change the data. `field` names the field typed into, so that a burst of typing in it
    /// is undone as one step.
    Edit {
        edit: Edit,
        field: Option<String>,
    },
    /// The field being typed into was left: the next edit is an undo step of its own.
    EndTyping,
    /// Show the editor in the inspector, or the read-only view.
    SetEditing(bool),
    /// Edit a party's name, colour, date and summary in the inspector.
    EditParty(usize),
    /// A new statement by `party` on `issue`, opened in the editor.
    AddStatement {
        party: usize,
        issue: String,
    },
    /// A copy of a statement just below it.
    Duplicate(StatementKey),
    /// A new agenda issue after the one at `after`, of the same category.
    AddIssueAfter(usize),

    /// The answer to the document's question on screen.
    Answer(Answer),

    SetTheme(ThemePreference),
    SetProblemsShown(bool),
    SetInspectorShown(bool),
    SetCommonGroundShown(bool),
    SetCompactColumns(bool),
    SetPage(Page),
    /// Close the window's own dialog (About, the shortcuts, the path prompt), or dismiss the
    /// document's question when it may be.
    CloseModal,
    /// Take the notice at this place off the screen.
    DismissNotice(usize),
    /// The export dialog's choices as the user changes them.
    SetExportChoice(ExportChoice),
    /// Ask where to export to, then export.
    Export(ExportChoice),

    /// Show the negotiation as it stood at a round, an index into the agenda's rounds.
    ShowRound(usize),
    /// Compare the round shown with this one; `None`: the round before it.
    CompareWith(Option<usize>),
    /// The New round dialog's fields as the user types them.
    SetNewRound(NewRoundForm),
    /// Add the round the dialog describes.
    AddRound(NewRoundForm),
}

/// Commands pushed while the frame is built, applied after it.
#[derive(Debug, Default)]
pub(crate) struct Commands(Vec<Command>);

impl Commands {
    pub(crate) fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    /// Pushes a command from the registry.
    pub(crate) fn run(&mut self, command: UserCommand) {
        self.push(Command::User(command));
    }

    pub(crate) fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }

    /// Opens files and folders the user picked or dropped.
    pub(crate) fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            self.push(Command::Open(Origin::paths(paths)));
        }
    }
}
