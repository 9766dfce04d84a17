//! What the round commands do: step along the timeline, add a round, and give a statement
//! added at a round that round as its first.

use common_ground_core::edit::Edit;
use common_ground_core::edit::rounds::new_round;
use common_ground_core::rounds::Rounds;
use common_ground_core::validate::is_date;
use common_ground_document::{Notice, today};

use crate::app::App;
use crate::view_state::{Modal, NewRoundForm};

impl App {
    /// Shows the round `round`; choosing the latest follows the latest from then on, also
    /// when a round is added.
    pub(crate) fn show_round(&mut self, round: usize) {
        let latest = Rounds::of(&self.session.workspace().negotiation).latest();
        self.view.round = (Some(round) != latest).then_some(round);
        // A comparison with a round not before the one shown means "the round before".
        if self.view.compare_with.is_some_and(|with| with >= round) {
            self.view.compare_with = None;
        }
        self.view.changed();
    }

    /// One round earlier (`by` −1) or later (+1), stopping at the ends.
    pub(crate) fn step_round(&mut self, by: isize) {
        let workspace = self.session.workspace();
        let (Some(shown), Some(latest)) = (
            self.view.shown_round(workspace),
            Rounds::of(&workspace.negotiation).latest(),
        ) else {
            return;
        };
        let next = shown.saturating_add_signed(by).min(latest);
        if next != shown {
            self.show_round(next);
        }
    }

    pub(crate) fn open_new_round(&mut self) {
        let negotiation = &self.session.workspace().negotiation;
        let Some(agenda) = &negotiation.agenda else {
            return;
        };
        let today = today();
        // Without rounds, what is recorded so far becomes a round of its own, dated by the
        // latest date the party files give.
        let first = agenda.data.rounds.is_empty().then(|| {
            let latest_as_of = negotiation
                .parties
                .iter()
                .map(|party| party.data.as_of.clone())
                .filter(|date| is_date(date))
                .max()
                .unwrap_or_else(|| today.clone());
            ("Positions so far".to_owned(), latest_as_of)
        });
        let count = agenda.data.rounds.len().max(1) + 1;
        self.view.modal = Some(Modal::NewRound(NewRoundForm {
            name: format!("Round {count}"),
            date: today,
            first,
            error: None,
        }));
    }

    pub(crate) fn add_round(&mut self, form: NewRoundForm) {
        let negotiation = &self.session.workspace().negotiation;
        let last_date = negotiation
            .agenda
            .as_ref()
            .and_then(|agenda| agenda.data.rounds.last())
            .map(|round| round.date.clone())
            .or_else(|| form.first.as_ref().map(|(_, date)| date.clone()));
        let error = form_error(&form, last_date.as_deref());
        if let Some(error) = error {
            self.view.modal = Some(Modal::NewRound(NewRoundForm {
                error: Some(error),
                ..form
            }));
            return;
        }
        let first = form
            .first
            .as_ref()
            .map(|(name, date)| (name.as_str(), date.trim()));
        let Some(edit) = new_round(negotiation, &form.name, form.date.trim(), first) else {
            return;
        };
        self.view.modal = None;
        self.edit(edit, None);
        // The new round is the latest, and shown.
        self.view.round = None;
        self.view.compare_with = None;
        self.view.changed();
        self.view.tell(Notice::info(format!(
            "Added the round \u{201c}{}\u{201d}. Every position carries into it: change only \
             what moved, with \u{201c}Change from this round on\u{201d} in the editor. Undo \
             takes the round away.",
            form.name.trim()
        )));
    }

    /// A statement added while a later round is shown holds from that round.
    pub(crate) fn held_from_round_shown(&self, edit: Edit) -> Edit {
        let workspace = self.session.workspace();
        let rounds = Rounds::of(&workspace.negotiation);
        let round = self
            .view
            .shown_round(workspace)
            .filter(|&round| round > 0)
            .and_then(|round| rounds.get(round));
        match (edit, round) {
            (
                Edit::InsertStatement {
                    party,
                    index,
                    mut statement,
                },
                Some(round),
            ) => {
                statement.from = Some(round.id.clone());
                Edit::InsertStatement {
                    party,
                    index,
                    statement,
                }
            }
            (edit, _) => edit,
        }
    }
}

/// What keeps the dialog's fields from making a round, in words; `last` is the date of the
/// latest round there is (or will be, for a negotiation without rounds).
fn form_error(form: &NewRoundForm, last: Option<&str>) -> Option<String> {
    if form.name.trim().is_empty() {
        return Some("Give the round a name.".to_owned());
    }
    if !is_date(form.date.trim()) {
        return Some("The date must be a day like 2022-01-26.".to_owned());
    }
    if let Some((name, date)) = &form.first
        && (name.trim().is_empty() || !is_date(date.trim()))
    {
        return Some("The round for the positions so far needs a name and a date.".to_owned());
    }
    last.filter(|last| form.date.trim() < last.trim())
        .map(|last| format!("Rounds go oldest first: the new round cannot come before {last}."))
}
