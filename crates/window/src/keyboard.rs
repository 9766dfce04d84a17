//! The keyboard: every shortcut in the registry, each fired only where its [`Focus`] allows,
//! so that a key a focused field or slider needs stays theirs.

use crate::command::Commands;
use crate::registry::{Focus, shortcut_table};

/// Turns this frame's key presses into commands. `blocked` is true while a dialog or question
/// is over the window: then only the shortcuts that work anywhere fire.
pub(crate) fn keyboard_ui(ui: &egui::Ui, blocked: bool, commands: &mut Commands) {
    // Any widget with the keyboard (a text field, a slider, a button reached with Tab) uses
    // the arrows itself, if only to move the focus on; and an open menu takes them too.
    let menu_open = egui::Popup::is_any_open(ui);
    let fields_have_keys = blocked || ui.memory(|memory| memory.focused().is_some()) || menu_open;
    for (shortcut, command) in shortcut_table(ui.os()) {
        let fires = match command.focus() {
            Focus::Anywhere => ui.input_mut(|i| i.consume_shortcut(&shortcut)),
            Focus::OutsideFields => {
                !fields_have_keys && ui.input_mut(|i| i.consume_shortcut(&shortcut))
            }
            // Seen, not consumed: Esc also lets the field go. With a menu open, Esc is the
            // menu's alone: it closes the menu and leaves the selection be.
            Focus::AlongsideFields => {
                !blocked
                    && !menu_open
                    && ui.input(|i| {
                        i.modifiers.matches_exact(shortcut.modifiers)
                            && i.key_pressed(shortcut.logical_key)
                    })
            }
        };
        if fires {
            commands.run(command);
        }
    }
}
