//! The edits that can be undone and redone: each a file's data, or one statement, before and
//! after.

use super::Change;
use crate::negotiation::Negotiation;

/// How many edits can be undone; the oldest are forgotten first.
const HISTORY_LIMIT: usize = 300;

/// The edits that can be undone and redone. Cloned by tests that undo everything on a copy.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Set when the field being typed into loses focus, so the next burst is a step of its own.
    sealed: bool,
}

impl History {
    /// Records a change just made. Typing on in the same field extends the last step.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        let change = match self.undo.last_mut() {
            Some(last)
                if !self.sealed
                    && change.merge_key.is_some()
                    && last.merge_key == change.merge_key
                    && last.file == change.file =>
            {
                match last.absorb(change) {
                    None => return,
                    Some(change) => change,
                }
            }
            _ => change,
        };
        self.sealed = false;
        self.undo.push(change);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current burst of typing.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Puts back the file as it was before the last change; returns that change.
    pub fn undo(&mut self, negotiation: &mut Negotiation) -> Option<&Change> {
        let change = self.undo.pop()?;
        change.undo(negotiation);
        self.sealed = true;
        self.redo.push(change);
        self.redo.last()
    }

    /// Makes the last undone change again; returns it.
    pub fn redo(&mut self, negotiation: &mut Negotiation) -> Option<&Change> {
        let change = self.redo.pop()?;
        change.redo(negotiation);
        self.sealed = true;
        self.undo.push(change);
        self.undo.last()
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|change| change.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|change| change.label.as_str())
    }

    pub fn clear(&mut self) {
        *self = History::default();
    }
}
