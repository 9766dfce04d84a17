//! Every command the user can give by name: its label, tooltip, shortcuts on each operating
//! system, and whether it may fire while a text field, slider or menu has the keyboard. The
//! menus, the keyboard handler and the F1 list are made from this one table, so a shortcut
//! is declared once and a clash is a failing test.

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user gives from a menu, a key or a button, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserCommand {
    OpenFiles,
    OpenFolder,
    OpenPath,
    Reload,
    Save,
    SaveAll,
    SaveAs,
    ImportTables,
    ExportBrief,
    ExportFigure,
    ExportTables,
    Quit,

    Undo,
    Redo,
    ToggleEditing,
    AddStatementHere,
    DeleteStatement,
    EditPartyDetails,
    NewPartyFile,
    AddAgendaIssue,
    NewRound,

    EarlierRound,
    LaterRound,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ExpandAllIssues,
    CollapseAllIssues,
    ClearFilters,

    Find,
    SelectUp,
    SelectDown,
    SelectLeft,
    SelectRight,
    Back,
    ClearSearchOrSelection,

    ShowShortcuts,
    OpenExample,
    OpenRoundsExample,
    About,
}

/// Where the keyboard may be when a command's shortcut fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Anywhere, taken before any field sees the key: saving, undo (one history for the
    /// whole window, not one per field), the function keys.
    Anywhere,
    /// Only while no field, slider or menu has the keyboard; otherwise the key is theirs.
    OutsideFields,
    /// Anywhere, and the key is left for the field too: Esc clears the search and also lets
    /// the field go.
    AlongsideFields,
}

use UserCommand as C;

impl UserCommand {
    /// Every command, in the order the F1 list shows them.
    pub const ALL: [UserCommand; 40] = [
        C::OpenFiles,
        C::OpenFolder,
        C::OpenPath,
        C::Reload,
        C::Save,
        C::SaveAll,
        C::SaveAs,
        C::ImportTables,
        C::ExportBrief,
        C::ExportFigure,
        C::ExportTables,
        C::Quit,
        C::Undo,
        C::Redo,
        C::ToggleEditing,
        C::AddStatementHere,
        C::DeleteStatement,
        C::EditPartyDetails,
        C::NewPartyFile,
        C::AddAgendaIssue,
        C::NewRound,
        C::EarlierRound,
        C::LaterRound,
        C::ZoomIn,
        C::ZoomOut,
        C::ZoomReset,
        C::ExpandAllIssues,
        C::CollapseAllIssues,
        C::ClearFilters,
        C::Find,
        C::SelectUp,
        C::SelectDown,
        C::SelectLeft,
        C::SelectRight,
        C::Back,
        C::ClearSearchOrSelection,
        C::ShowShortcuts,
        C::OpenExample,
        C::OpenRoundsExample,
        C::About,
    ];

    /// The words on the menu item or button.
    pub fn label(self) -> &'static str {
        match self {
            C::OpenFiles => "Open files…",
            C::OpenFolder => "Open folder…",
            C::OpenPath => "Open path…",
            C::Reload => "Reload",
            C::Save => "Save",
            C::SaveAll => "Save all",
            C::SaveAs => "Save as…",
            C::ExportBrief => "Export brief…",
            C::ExportFigure => "Export figure…",
            C::ImportTables => "Import…",
            C::ExportTables => "Export tables…",
            C::Quit => "Quit",
            C::Undo => "Undo",
            C::Redo => "Redo",
            C::ToggleEditing => "Edit the selection",
            C::AddStatementHere => "Add a statement here",
            C::DeleteStatement => "Delete statement",
            C::EditPartyDetails => "Edit party details",
            C::NewPartyFile => "New party file",
            C::AddAgendaIssue => "Add an agenda issue",
            C::NewRound => "New round…",
            C::EarlierRound => "Earlier round",
            C::LaterRound => "Later round",
            C::ZoomIn => "Zoom in",
            C::ZoomOut => "Zoom out",
            C::ZoomReset => "Actual size",
            C::ExpandAllIssues => "Expand all issues",
            C::CollapseAllIssues => "Collapse all issues",
            C::ClearFilters => "Clear filters",
            C::Find => "Search",
            C::SelectUp => "Statement above",
            C::SelectDown => "Statement below",
            C::SelectLeft => "Statement to the left",
            C::SelectRight => "Statement to the right",
            C::Back => "Back",
            C::ClearSearchOrSelection => "Clear",
            C::ShowShortcuts => "Keyboard shortcuts",
            C::OpenExample => "Open example",
            C::OpenRoundsExample => "Open example in rounds (fictional)",
            C::About => "About Common Ground",
        }
    }

    /// What the command does, in a sentence: the menu's tooltip and the F1 list's text.
    pub fn tooltip(self) -> &'static str {
        match self {
            C::OpenFiles => "Open position files and an agenda",
            C::OpenFolder => "Open a negotiation folder",
            C::OpenPath => "Type the path of a folder or file",
            C::Reload => "Read every file again from disk",
            C::Save => "Save the file being edited, or every file with changes",
            C::SaveAll => "Save every file with changes",
            C::SaveAs => "Save every file of the negotiation into a folder, and go on there",
            C::ExportBrief => {
                "The comparison of the parties shown, as Markdown or a self-contained HTML page, \
                 every quote cited"
            }
            C::ExportFigure => {
                "An issue's chart, every scale or the matrix, drawn whole as SVG or PNG"
            }
            C::ImportTables => {
                "Spreadsheets (CSV, XLSX, ODS), a DECIDE table, or a GENIUS or GeniusWeb \
                 scenario, into a new negotiation folder that then opens"
            }
            C::ExportTables => {
                "Every statement and the matrix as CSV or one XLSX workbook, or a DECIDE table"
            }
            C::Quit => "Close the window, asking first about unsaved changes",
            C::Undo => "Undo the last edit",
            C::Redo => "Make the last undone edit again",
            C::ToggleEditing => "Edit the selection, or stop editing",
            C::AddStatementHere => "A new statement by the same party on the same issue",
            C::DeleteStatement => "Remove the selected statement (Undo brings it back)",
            C::EditPartyDetails => "The name, colour, date and summary of the selection's party",
            C::NewPartyFile => "Add a party to the negotiation; it is saved beside the others",
            C::AddAgendaIssue => "A new issue at the end of the agenda",
            C::NewRound => {
                "A new dated round: every position carries into it, so that you edit only what \
                 moved (Undo takes it away)"
            }
            C::EarlierRound => "Show the negotiation as it stood at the round before",
            C::LaterRound => "Show the negotiation as it stood at the round after",
            C::ZoomIn => "Make everything larger",
            C::ZoomOut => "Make everything smaller",
            C::ZoomReset => "Back to the normal size",
            C::ExpandAllIssues => "Show the statements of every issue",
            C::CollapseAllIssues => "Fold every issue to its title",
            C::ClearFilters => "Show every category, kind and statement again",
            C::Find => "Search summaries and quotes",
            C::SelectUp => "Select the statement above",
            C::SelectDown => "Select the statement below",
            C::SelectLeft => "Select the next party's statement to the left",
            C::SelectRight => "Select the next party's statement to the right",
            C::Back => "Back to the statement a link was followed from",
            C::ClearSearchOrSelection => "Clear the search, then the selection",
            C::ShowShortcuts => "This list",
            C::OpenExample => "The January 2022 exchange between the US, NATO and Russia",
            C::OpenRoundsExample => {
                "An invented negotiation in three rounds, to see positions move over time"
            }
            C::About => "The version, and where the example comes from",
        }
    }

    /// The keys that give the command on `os`, the one menus show first. `Modifiers::COMMAND`
    /// is Ctrl on Linux and Windows and ⌘ on macOS.
    pub fn shortcuts(self, os: OperatingSystem) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        let mac = os == OperatingSystem::Mac;
        match self {
            C::OpenFiles => vec![command(Key::O)],
            C::OpenFolder => vec![command_shift(Key::O)],
            C::Reload => vec![plain(Key::F5)],
            C::Save => vec![command(Key::S)],
            C::SaveAll => vec![command_shift(Key::S)],
            C::Quit => vec![command(Key::Q)],
            C::Undo => vec![command(Key::Z)],
            // ⌘⇧Z is the Mac's redo; Ctrl+Y is the Windows habit, and Linux programs take both.
            C::Redo if mac => vec![command_shift(Key::Z)],
            C::Redo => vec![command_shift(Key::Z), command(Key::Y)],
            C::ToggleEditing => vec![plain(Key::F2)],
            // Cmd+= is zoom in too: on many keyboards + is Shift and =.
            C::ZoomIn => vec![command(Key::Plus), command(Key::Equals)],
            C::ZoomOut => vec![command(Key::Minus)],
            C::ZoomReset => vec![command(Key::Num0)],
            C::Find => vec![command(Key::F)],
            C::SelectUp => vec![plain(Key::ArrowUp)],
            C::SelectDown => vec![plain(Key::ArrowDown)],
            C::SelectLeft => vec![plain(Key::ArrowLeft)],
            C::SelectRight => vec![plain(Key::ArrowRight)],
            // ⌥← moves the cursor a word left on the Mac; ⌘[ is its Back, as in Safari.
            C::Back if mac => vec![command(Key::OpenBracket)],
            C::Back => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
            C::ClearSearchOrSelection => vec![plain(Key::Escape)],
            C::ShowShortcuts => vec![plain(Key::F1)],
            C::EarlierRound => vec![command(Key::PageUp)],
            C::LaterRound => vec![command(Key::PageDown)],
            C::OpenPath
            | C::SaveAs
            | C::ImportTables
            | C::ExportBrief
            | C::ExportFigure
            | C::ExportTables
            | C::AddStatementHere
            | C::DeleteStatement
            | C::EditPartyDetails
            | C::NewPartyFile
            | C::AddAgendaIssue
            | C::ExpandAllIssues
            | C::CollapseAllIssues
            | C::ClearFilters
            | C::NewRound
            | C::OpenExample
            | C::OpenRoundsExample
            | C::About => Vec::new(),
        }
    }

    /// The first shortcut as this system writes it ("Ctrl+F", "⌘F"), for tooltips and hints.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts(ctx.os())
            .first()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .unwrap_or_default()
    }

    pub fn focus(self) -> Focus {
        match self {
            C::SelectUp
            | C::SelectDown
            | C::SelectLeft
            | C::SelectRight
            | C::Back
            | C::EarlierRound
            | C::LaterRound => Focus::OutsideFields,
            C::ClearSearchOrSelection => Focus::AlongsideFields,
            _ => Focus::Anywhere,
        }
    }
}

/// Every shortcut of every command on `os`, those with more modifiers first: egui matches
/// Ctrl+S for Ctrl+Shift+S too, so the shifted one must be tried before.
pub(crate) fn shortcut_table(os: OperatingSystem) -> Vec<(KeyboardShortcut, UserCommand)> {
    let mut table: Vec<(KeyboardShortcut, UserCommand)> = UserCommand::ALL
        .iter()
        .flat_map(|&command| {
            command
                .shortcuts(os)
                .into_iter()
                .map(move |shortcut| (shortcut, command))
        })
        .collect();
    table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    table
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.ctrl || modifiers.command)
        + u8::from(modifiers.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYSTEMS: [OperatingSystem; 3] = [
        OperatingSystem::Nix,
        OperatingSystem::Windows,
        OperatingSystem::Mac,
    ];

    /// The keys as they reach the app on `os`: "command" is Ctrl off the Mac and ⌘ on it.
    fn physical(shortcut: KeyboardShortcut, os: OperatingSystem) -> (bool, bool, bool, bool, Key) {
        let m = shortcut.modifiers;
        let (ctrl, cmd) = if os == OperatingSystem::Mac {
            (m.ctrl, m.command || m.mac_cmd)
        } else {
            (m.ctrl || m.command, false)
        };
        (ctrl, cmd, m.alt, m.shift, shortcut.logical_key)
    }

    #[test]
    fn no_two_commands_share_a_shortcut_on_any_system() {
        for os in SYSTEMS {
            let mut seen = std::collections::HashMap::new();
            for (shortcut, command) in shortcut_table(os) {
                if let Some(other) = seen.insert(physical(shortcut, os), command) {
                    panic!("{other:?} and {command:?} share a shortcut on {os:?}");
                }
            }
        }
    }

    /// The keys a focused text field or slider needs for itself: moving the cursor or the
    /// handle, selecting, copying, pasting, cutting, deleting words.
    fn needed_by_fields(key: (bool, bool, bool, bool, Key)) -> bool {
        let (ctrl, cmd, _alt, _shift, key) = key;
        let moves = matches!(
            key,
            Key::ArrowLeft
                | Key::ArrowRight
                | Key::ArrowUp
                | Key::ArrowDown
                | Key::Home
                | Key::End
                | Key::PageUp
                | Key::PageDown
                | Key::Backspace
                | Key::Delete
                | Key::Tab
                | Key::Enter
        );
        let clipboard = (ctrl || cmd) && matches!(key, Key::A | Key::C | Key::V | Key::X);
        // Ctrl+Z is taken on purpose, so there is one undo history and not one per field.
        moves || clipboard
    }

    #[test]
    fn no_command_takes_a_key_a_focused_field_needs() {
        for os in SYSTEMS {
            for (shortcut, command) in shortcut_table(os) {
                let key = physical(shortcut, os);
                if needed_by_fields(key) {
                    assert_eq!(
                        command.focus(),
                        Focus::OutsideFields,
                        "{command:?} would take {key:?} from a focused field on {os:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn back_is_alt_left_off_the_mac_and_command_bracket_on_it() {
        let alt_left = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
        assert_eq!(
            UserCommand::Back.shortcuts(OperatingSystem::Nix),
            [alt_left]
        );
        assert_eq!(
            UserCommand::Back.shortcuts(OperatingSystem::Mac),
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::OpenBracket)]
        );
        // Either way it waits until no field has the keyboard.
        assert_eq!(UserCommand::Back.focus(), Focus::OutsideFields);
    }

    #[test]
    fn shifted_shortcuts_are_tried_before_their_plain_twins() {
        let table = shortcut_table(OperatingSystem::Nix);
        let at = |command| table.iter().position(|(_, c)| *c == command).unwrap();
        assert!(at(UserCommand::SaveAll) < at(UserCommand::Save));
        assert!(at(UserCommand::OpenFolder) < at(UserCommand::OpenFiles));
        assert!(at(UserCommand::Redo) < at(UserCommand::Undo));
    }

    #[test]
    fn every_command_is_listed_once() {
        let unique: std::collections::HashSet<UserCommand> = UserCommand::ALL.into_iter().collect();
        assert_eq!(unique.len(), UserCommand::ALL.len());
        assert!(UserCommand::ALL.iter().all(|c| !c.label().is_empty()));
    }
}
