//! Over the selected statement: the rounds it holds in, and, at a later round, the two ways
//! of recording a move without losing what was said before: change it from this round on
//! (the old one ends, a copy to edit begins), or drop it from this round on.

use egui::{RichText, Ui};

use common_ground_core::edit::rounds::{change_from_round, drop_from_round};
use common_ground_core::model::Statement;
use common_ground_core::negotiation::StatementKey;
use common_ground_core::rounds::Rounds;
use common_ground_document::workspace::Workspace;

use crate::command::{Command, Commands};
use crate::view_state::ViewState;

pub(crate) fn statement_rounds_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    key: StatementKey,
    statement: &Statement,
    commands: &mut Commands,
) {
    let negotiation = &workspace.negotiation;
    let rounds = Rounds::of(negotiation);
    let Some(shown) = view.shown_round(workspace) else {
        return;
    };
    let name = |index: usize| rounds.get(index).map_or("?", |round| round.name.as_str());
    let span = rounds.span(statement);
    let holds = match span {
        Some((from, until)) if from == 0 && Some(until) == rounds.latest() => {
            "Holds in every round".to_owned()
        }
        Some((from, until)) if from == until => format!("Holds in {} only", name(from)),
        Some((from, until)) => format!("Holds from {} to {}", name(from), name(until)),
        None => "Holds in no round: its rounds are not in the agenda".to_owned(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(holds).strong());
        if !rounds.holds(statement, Some(shown)) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("· not at the round shown, {}", name(shown)),
            );
        }
    });
    let change = change_from_round(negotiation, key, shown);
    let drop = drop_from_round(negotiation, key, shown);
    if change.is_none() && drop.is_none() {
        ui.add_space(4.0);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(edit) = change
            && ui
                .button("Change from this round on")
                .on_hover_text(format!(
                    "Keep this statement as it was until {}, and edit a copy that holds from {} \
                     on",
                    name(shown.saturating_sub(1)),
                    name(shown)
                ))
                .clicked()
        {
            commands.push(Command::Edit { edit, field: None });
            commands.push(Command::SetEditing(true));
        }
        if let Some(edit) = drop
            && ui
                .button("Drop from this round on")
                .on_hover_text(format!(
                    "The party no longer says this from {} on; it stays on record until {}",
                    name(shown),
                    name(shown.saturating_sub(1))
                ))
                .clicked()
        {
            commands.push(Command::Edit { edit, field: None });
        }
    });
    ui.add_space(4.0);
}
