//! What the window shows that is not saved between runs: the columns, filters and folded
//! issues, the selection and where links were followed from, the editor, the window's own
//! dialogs and the notice. [`Settings`](crate::settings::Settings) holds what is remembered.

use std::collections::BTreeSet;

use common_ground_core::blocs::blocs;
use common_ground_core::negotiation::{FileId, StatementIds, StatementKey};
use common_ground_core::rounds::Rounds;
use common_ground_document::{Notice, Replaced, Workspace};

use crate::export::ExportChoice;
use crate::filter::Filters;
use crate::settings::Columns;

/// A dialog of the window's own, over the main view. The document's questions are the
/// session's ([`common_ground_document::Question`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    About,
    Shortcuts,
    /// Type a path, for when no file dialog can be shown.
    OpenPath {
        text: String,
        /// Why the path last tried could not be opened.
        error: Option<String>,
    },
    /// What to export, and how, before the save dialog asks where.
    Export(ExportChoice),
    /// The name and date of a new round.
    NewRound(NewRoundForm),
}

/// The New round dialog's fields as the user types them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewRoundForm {
    pub name: String,
    pub date: String,
    /// For a negotiation without rounds: the round the positions recorded so far belong to.
    pub first: Option<(String, String)>,
    /// Why the fields as they stand cannot make a round.
    pub error: Option<String>,
}

/// How many warnings and errors wait at once; of too many, the oldest of the lowest level goes.
const MAX_WAITING: usize = 4;

/// A notice on screen, and what its button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownNotice {
    pub notice: Notice,
    pub action: NoticeAction,
}

/// A button a notice carries besides Dismiss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    None,
    /// Undo what the notice reports.
    Undo,
}

#[derive(Debug, Default)]
pub struct ViewState {
    pub columns: Columns,
    pub filters: Filters,
    pub collapsed: BTreeSet<String>,
    pub selected: Option<StatementKey>,
    /// The selected statement's ids, to find it again after a reload moved it.
    selected_ids: Option<StatementIds>,
    /// The issue the selection is on, or an issue chosen from the findings or the matrix.
    pub selected_issue: Option<String>,
    /// The agenda entry of the selected issue, which the issue editor edits: by place, as its
    /// id is one of the things being edited.
    pub edited_issue: Option<usize>,
    /// A statement to bring into view on the next frame.
    pub scroll_to: Option<StatementKey>,
    /// An issue to bring into view on the next frame.
    pub scroll_to_issue: Option<String>,
    pub focus_search: bool,
    /// Put the keyboard in the editor's first field on the next frame.
    pub focus_editor: bool,
    pub modal: Option<Modal>,
    /// What the window has to tell, oldest first: every warning until it is dismissed, and
    /// only the latest piece of news, so that no error is ever pushed out unseen.
    pub notices: Vec<ShownNotice>,
    pub dialog_open: bool,
    /// An export is being drawn and written on its own thread.
    pub exporting: bool,
    /// Files are being imported into a new folder on their own thread.
    pub importing: bool,
    /// The folder an import wrote and what it said, told again once that folder has opened
    /// (opening a negotiation clears the notices of the one before).
    pub(crate) imported: Option<(std::path::PathBuf, common_ground_document::Notice)>,
    /// Opened by itself when a load finds problems.
    pub show_problems: bool,
    /// Statements selected before links were followed, the latest last.
    pub back: Vec<StatementKey>,
    /// The inspector shows the editor rather than the read-only view.
    pub editing: bool,
    /// A statement just added, not yet typed into: what it lacks (a summary, say) is not
    /// flagged until the user has had a chance to fill it in.
    pub fresh: Option<StatementKey>,
    /// The party whose details the inspector edits.
    pub edited_party: Option<usize>,
    /// The round chosen on the timeline, as an index into the agenda's rounds; `None`
    /// follows the latest, also when a new round is added.
    pub round: Option<usize>,
    /// The round the one shown is compared with; `None`: the round before it.
    pub compare_with: Option<usize>,
    /// Counts changes to what the rows depend on: filters, folded issues, columns.
    generation: u64,
    /// The column order or hidden parties changed, and the settings should remember them.
    columns_changed: bool,
}

impl ViewState {
    /// The round shown: the chosen one while the agenda still has it, else the latest;
    /// `None` without rounds.
    pub fn shown_round(&self, workspace: &Workspace) -> Option<usize> {
        let latest = Rounds::of(&workspace.negotiation).latest()?;
        Some(
            self.round
                .filter(|&round| round <= latest)
                .unwrap_or(latest),
        )
    }

    /// A party's statements on an issue group that hold at the round shown.
    pub fn held_on(&self, workspace: &Workspace, group: usize, party: usize) -> Vec<usize> {
        let rounds = Rounds::of(&workspace.negotiation);
        let round = self.shown_round(workspace);
        workspace
            .statements_on(group, party)
            .iter()
            .copied()
            .filter(|&statement| {
                workspace
                    .statement(StatementKey { party, statement })
                    .is_some_and(|s| rounds.holds(s, round))
            })
            .collect()
    }

    /// The round the shown one is compared with: the chosen one when it is earlier, else the
    /// round before; `None` at the first round.
    pub fn compared_round(&self, workspace: &Workspace) -> Option<usize> {
        let shown = self.shown_round(workspace)?;
        self.compare_with
            .filter(|&round| round < shown)
            .or(shown.checked_sub(1))
    }

    /// Marks the rows out of date.
    pub fn changed(&mut self) {
        self.generation += 1;
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The columns changed: the rows follow, and the settings are to remember them.
    pub fn columns_changed(&mut self) {
        self.columns_changed = true;
        self.changed();
    }

    /// Whether the columns changed since the last call.
    pub fn take_columns_changed(&mut self) -> bool {
        std::mem::take(&mut self.columns_changed)
    }

    /// The views have brought into view and focused what they were asked to.
    pub fn drawn(&mut self) {
        self.scroll_to = None;
        self.scroll_to_issue = None;
        self.focus_search = false;
        self.focus_editor = false;
    }

    /// The frame is over: remember the selection by its ids, to find it after a reload.
    pub fn frame_done(&mut self, workspace: &Workspace) {
        self.selected_ids = self
            .selected
            .and_then(|key| workspace.negotiation.statement_ids(key));
    }

    /// Starts afresh from data that replaced what was shown, in the one place that knows
    /// what goes with it. `columns` are the remembered ones of a negotiation newly open.
    pub fn replaced(&mut self, replaced: &Replaced, workspace: &Workspace, columns: Columns) {
        // Indices into the old data mean nothing in the new.
        self.back.clear();
        match replaced {
            Replaced::Negotiation => {
                *self = ViewState {
                    columns,
                    show_problems: !workspace.problems.is_empty(),
                    generation: self.generation,
                    ..ViewState::default()
                };
            }
            Replaced::Files | Replaced::File(_) => {
                if matches!(replaced, Replaced::Files) {
                    self.edited_party = None;
                    if !workspace.problems.is_empty() {
                        self.show_problems = true;
                    }
                }
                // Statements may have moved in the files: find the selected one by its ids.
                self.selected = self
                    .selected_ids
                    .as_ref()
                    .and_then(|ids| workspace.negotiation.find_statement(ids));
            }
            Replaced::Moved { .. } => {}
        }
        self.changed();
    }

    /// Follows an edit, undo or redo: select what it selects, keep the issue being edited.
    pub fn edited(
        &mut self,
        select: Option<StatementKey>,
        more_errors: bool,
        workspace: &Workspace,
    ) {
        // A new error is worth seeing where it is listed; fixing one needs no panel opened.
        if more_errors {
            self.show_problems = true;
        }
        self.fresh = None;
        let before = (self.selected, self.selected_issue.clone());
        self.selected = select.filter(|&key| workspace.statement(key).is_some());
        // The issue being edited keeps its selection when its id is retyped or put back.
        if self.selected.is_none()
            && let Some(index) = self.edited_issue
        {
            let agenda = workspace.negotiation.agenda.as_ref();
            let issue = agenda.and_then(|agenda| agenda.data.issues.get(index));
            self.edited_issue = issue.map(|_| index);
            if let Some(issue) = issue {
                self.selected_issue = Some(issue.id.clone());
            }
        }
        if let Some(key) = self.selected {
            self.selected_issue = workspace.statement(key).map(|s| s.issue.clone());
            // Typing leaves the view where the user put it; a statement added, moved to
            // another place or issue, or brought back by undo is brought into view.
            if before != (Some(key), self.selected_issue.clone()) {
                self.scroll_to = Some(key);
            }
        }
        if self
            .edited_party
            .is_some_and(|party| party >= workspace.negotiation.parties.len())
        {
            self.edited_party = None;
        }
        self.back.clear();
        self.changed();
    }

    /// The file the user is working on: the party being edited, or the selection's.
    pub fn current_file(&self) -> Option<FileId> {
        self.edited_party
            .or(self.selected.map(|key| key.party))
            .map(FileId::Party)
    }

    pub fn set_editing(&mut self, editing: bool) {
        self.editing = editing;
        self.focus_editor = editing;
        if !editing {
            self.edited_party = None;
        }
    }

    pub fn edit_party(&mut self, party: usize) {
        self.focus_editor = true;
        self.edited_party = Some(party);
        self.selected = None;
        self.editing = true;
    }

    /// Shows a notice. News replaces older news; a warning or an error waits until it is
    /// dismissed. Of too many that wait, the oldest of the lowest level goes: a failed save
    /// ("Not saved. … Your edits are kept.") is never pushed out by the watcher's warnings
    /// that follow it, nor by news.
    pub fn tell(&mut self, notice: Notice) {
        self.tell_with(notice, NoticeAction::None);
    }

    /// Shows a notice with a button that acts on it, such as Undo after a deletion.
    pub fn tell_with(&mut self, notice: Notice, action: NoticeAction) {
        if !notice.stays() {
            self.notices.retain(|shown| shown.notice.stays());
        }
        let waiting = self
            .notices
            .iter()
            .filter(|shown| shown.notice.stays())
            .count();
        if notice.stays() && waiting >= MAX_WAITING {
            // The lowest level waiting, and of that the oldest; never one above the newcomer.
            let lowest = self
                .notices
                .iter()
                .enumerate()
                .filter(|(_, shown)| shown.notice.stays())
                .min_by_key(|(index, shown)| (shown.notice.level, *index))
                .map(|(index, shown)| (index, shown.notice.level));
            match lowest {
                Some((index, level)) if level <= notice.level => {
                    self.notices.remove(index);
                }
                // Everything waiting matters more than this: the newcomer is the one left out.
                _ => return,
            }
        }
        self.notices.push(ShownNotice { notice, action });
    }

    pub fn dismiss_notice(&mut self, index: usize) {
        if index < self.notices.len() {
            self.notices.remove(index);
        }
    }

    pub fn clear_selection(&mut self) {
        self.selected = None;
        self.selected_issue = None;
        self.edited_issue = None;
    }

    /// Selects a statement and brings it into view, clearing a filter, showing a party or
    /// unfolding an issue that hides it.
    pub fn select(&mut self, key: StatementKey, workspace: &Workspace) {
        let Some(statement) = workspace.statement(key) else {
            return;
        };
        if self.fresh != Some(key) {
            self.fresh = None;
        }
        let Some(party) = workspace.negotiation.party(key.party) else {
            return;
        };
        let issue = statement.issue.clone();
        let filtered_out = !self
            .filters
            .shows_statement(statement.kind, workspace.search_text(key))
            || workspace
                .issue_group(&issue)
                .is_some_and(|group| !self.filters.shows_category(&group.category));
        if filtered_out {
            self.filters = Filters::default();
            self.tell(Notice::info(
                "The filters hid that statement, so they were cleared.",
            ));
            self.changed();
        }
        if self.columns.hidden.remove(&party.party.id) {
            self.columns_changed();
        }
        self.unfold_blocs_around(key.party, workspace);
        if self.collapsed.remove(&issue) {
            self.changed();
        }
        self.selected = Some(key);
        self.edited_issue = workspace
            .issue_group(&issue)
            .and_then(|group| group.agenda_index);
        self.selected_issue = Some(issue);
        self.scroll_to = Some(key);
    }

    /// Goes to a statement a link points at, remembering where from for Back.
    pub fn follow(&mut self, key: StatementKey, workspace: &Workspace) {
        if let Some(from) = self.selected.filter(|&from| from != key) {
            self.back.push(from);
        }
        self.select(key, workspace);
    }

    pub fn go_back(&mut self, workspace: &Workspace) {
        if let Some(key) = self.back.pop() {
            self.select(key, workspace);
        }
    }

    /// Selects an issue and brings it into view in the columns, which must show it.
    pub fn select_issue(&mut self, issue: String, workspace: &Workspace) {
        let Some(group) = workspace.issue_group(&issue) else {
            return;
        };
        if !self.filters.shows_category(&group.category) {
            self.filters.category = None;
            self.changed();
        }
        if self.collapsed.remove(&issue) {
            self.changed();
        }
        let selection_elsewhere = self
            .selected
            .and_then(|key| workspace.statement(key))
            .is_some_and(|statement| statement.issue != issue);
        if selection_elsewhere {
            self.selected = None;
        }
        self.edited_issue = group.agenda_index;
        self.selected_issue = Some(issue.clone());
        self.scroll_to_issue = Some(issue);
    }

    /// Shows a bloc by its members or collapses it; a selection the columns no longer show
    /// is let go, as when its party is hidden.
    pub fn set_bloc_expanded(&mut self, bloc: String, expanded: bool, workspace: &Workspace) {
        if expanded {
            self.columns.expanded.insert(bloc);
        } else {
            self.columns.expanded.remove(&bloc);
        }
        let shown = self.columns.shown(workspace);
        if self.selected.is_some_and(|key| !shown.contains(&key.party)) {
            self.selected = None;
        }
        self.columns_changed();
    }

    /// Brings a party folded into a collapsed bloc, or an expanded bloc, back into the
    /// columns by expanding or collapsing the bloc, and says so.
    fn unfold_blocs_around(&mut self, party: usize, workspace: &Workspace) {
        let negotiation = &workspace.negotiation;
        if self.columns.shown(workspace).contains(&party) {
            return;
        }
        let Some(file) = negotiation.party(party) else {
            return;
        };
        let text = if self.columns.expanded.remove(&file.party.id) {
            format!(
                "{} is shown as one column again, to show that statement.",
                file.party.short_name
            )
        } else {
            let holders: Vec<&common_ground_core::model::Party> = blocs(negotiation)
                .into_iter()
                .filter(|bloc| bloc.members.contains(&party))
                .filter_map(|bloc| negotiation.party(bloc.bloc).map(|file| &file.party))
                .collect();
            if holders.is_empty() {
                return;
            }
            for holder in &holders {
                self.columns.expanded.insert(holder.id.clone());
            }
            let names: Vec<&str> = holders.iter().map(|p| p.short_name.as_str()).collect();
            format!(
                "{} shown by its members now, to show {}'s statement.",
                names.join(", "),
                file.party.short_name
            )
        };
        self.tell(Notice::info(text));
        self.columns_changed();
    }

    pub fn set_party_shown(&mut self, party: String, shown: bool, workspace: &Workspace) {
        if shown {
            self.columns.hidden.remove(&party);
        } else {
            // The inspector shows only what the columns show.
            let selected_party = self
                .selected
                .and_then(|key| workspace.negotiation.party(key.party));
            if selected_party.is_some_and(|file| file.party.id == party) {
                self.selected = None;
            }
            self.columns.hidden.insert(party);
        }
        self.columns_changed();
    }

    /// The filters, to change: the rows follow.
    pub fn filters_mut(&mut self) -> &mut Filters {
        self.changed();
        &mut self.filters
    }

    pub fn set_collapsed(&mut self, issue: String, collapsed: bool) {
        if collapsed {
            self.collapsed.insert(issue);
        } else {
            self.collapsed.remove(&issue);
        }
        self.changed();
    }

    /// Folds every issue to its title, or unfolds them all.
    pub fn set_all_collapsed(&mut self, collapsed: bool, workspace: &Workspace) {
        self.collapsed = if collapsed {
            workspace.issues.iter().map(|g| g.id.clone()).collect()
        } else {
            BTreeSet::new()
        };
        self.changed();
    }

    /// Esc: clears the search, else the selection.
    pub fn clear_search_or_selection(&mut self) {
        if !self.filters.search.is_empty() {
            self.filters.search.clear();
            self.changed();
        } else if self.selected.is_some() {
            self.selected = None;
            self.selected_issue = None;
            self.edited_issue = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(view: &ViewState) -> Vec<&str> {
        view.notices
            .iter()
            .map(|shown| shown.notice.text.as_str())
            .collect()
    }

    #[test]
    fn news_replaces_news_but_never_a_warning() {
        let mut view = ViewState::default();
        view.tell(Notice::info("Saved 1 file."));
        view.tell(Notice::warning("Not saved. The folder is gone."));
        view.tell(Notice::info("us.ron was reloaded."));
        view.tell(Notice::info("Saved 2 files."));
        assert_eq!(
            texts(&view),
            ["Not saved. The folder is gone.", "Saved 2 files."]
        );
    }

    #[test]
    fn a_failed_save_outlasts_the_warnings_that_follow_it() {
        let mut view = ViewState::default();
        view.tell(Notice::warning("nato.ron was deleted"));
        view.tell(Notice::error(
            "Not saved. The folder is gone. Your edits are kept.",
        ));
        for n in 1..=MAX_WAITING + 2 {
            view.tell(Notice::warning(format!("watcher {n}")));
        }
        view.tell(Notice::info("Saved nothing."));
        assert_eq!(
            texts(&view),
            [
                "Not saved. The folder is gone. Your edits are kept.",
                "watcher 4",
                "watcher 5",
                "watcher 6",
                "Saved nothing."
            ]
        );
        // Errors only: the oldest error gives way to a new one, and a warning waits outside.
        for n in 1..=MAX_WAITING {
            view.tell(Notice::error(format!("error {n}")));
        }
        view.tell(Notice::warning("one warning too many"));
        assert_eq!(
            texts(&view),
            ["Saved nothing.", "error 1", "error 2", "error 3", "error 4"]
        );
    }

    #[test]
    fn a_flood_of_warnings_keeps_the_latest_and_news_pushes_none_out() {
        let mut view = ViewState::default();
        for n in 1..=MAX_WAITING + 1 {
            view.tell(Notice::warning(format!("warning {n}")));
        }
        assert_eq!(
            texts(&view),
            ["warning 2", "warning 3", "warning 4", "warning 5"]
        );
        view.tell(Notice::info("news"));
        assert_eq!(
            texts(&view),
            ["warning 2", "warning 3", "warning 4", "warning 5", "news"]
        );
        view.dismiss_notice(0);
        view.dismiss_notice(99);
        assert_eq!(
            texts(&view),
            ["warning 3", "warning 4", "warning 5", "news"]
        );
    }
}
