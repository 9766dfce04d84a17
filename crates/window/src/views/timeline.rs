//! The timeline above the views: the negotiation's rounds, the one shown, the one it is
//! compared with, and a new round. Drawn only when the agenda has rounds; New round… is in
//! the Edit menu for a negotiation without them.

use egui::{RichText, Ui};

use common_ground_core::rounds::Rounds;

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;

pub(crate) fn timeline_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let workspace = cx.workspace;
    let rounds = Rounds::of(&workspace.negotiation);
    let (Some(shown), Some(latest)) = (cx.view.shown_round(workspace), rounds.latest()) else {
        return;
    };
    let compared = cx.view.compared_round(workspace);
    egui::Panel::top("timeline").show(ui, |ui| {
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Rounds").strong());
            step_button_ui(ui, UserCommand::EarlierRound, "◀", shown > 0, commands);
            for (index, round) in rounds.list.iter().enumerate() {
                if index > 0 {
                    ui.weak("→");
                }
                let mut text = format!("{} · {}", round.name, round.date);
                if index == latest {
                    text.push_str(" (latest)");
                }
                let mut label = RichText::new(text);
                if Some(index) == compared {
                    label = label.italics();
                }
                let mut hover = if round.description.trim().is_empty() {
                    format!("Show the negotiation as it stood at {}", round.name)
                } else {
                    round.description.clone()
                };
                if Some(index) == compared {
                    hover.push_str("\nThe charts draw this round's ranges ghosted.");
                }
                if ui
                    .selectable_label(index == shown, label)
                    .on_hover_text(hover)
                    .clicked()
                    && index != shown
                {
                    commands.push(Command::ShowRound(index));
                }
            }
            step_button_ui(ui, UserCommand::LaterRound, "▶", shown < latest, commands);
            ui.separator();
            // Kept together, so that a narrow window wraps them as one.
            ui.horizontal(|ui| compare_with_ui(ui, &rounds, shown, compared, cx, commands));
            ui.separator();
            if ui
                .button(UserCommand::NewRound.label())
                .on_hover_text(UserCommand::NewRound.tooltip())
                .clicked()
            {
                commands.run(UserCommand::NewRound);
            }
        });
        ui.add_space(2.0);
    });
}

fn step_button_ui(
    ui: &mut Ui,
    command: UserCommand,
    arrow: &str,
    enabled: bool,
    commands: &mut Commands,
) {
    let hover = format!(
        "{} ({})",
        command.tooltip(),
        command.shortcut_text(ui.ctx())
    );
    let response = ui
        .add_enabled(enabled, egui::Button::new(arrow).small())
        .on_hover_text(&hover)
        .on_disabled_hover_text(&hover);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, command.label()));
    if response.clicked() {
        commands.run(command);
    }
}

/// Which earlier round the charts ghost and What changed compares with.
fn compare_with_ui(
    ui: &mut Ui,
    rounds: &Rounds<'_>,
    shown: usize,
    compared: Option<usize>,
    cx: &ViewContext<'_>,
    commands: &mut Commands,
) {
    let label = ui.label("Compared with");
    let Some(compared) = compared else {
        ui.weak("nothing: this is the first round");
        return;
    };
    let name = |index: usize| rounds.get(index).map_or("?", |round| round.name.as_str());
    let chosen = if cx.view.compare_with.is_some() {
        name(compared).to_owned()
    } else {
        format!("the round before ({})", name(compared))
    };
    egui::ComboBox::from_id_salt("compare with")
        .selected_text(chosen)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(cx.view.compare_with.is_none(), "the round before")
                .clicked()
            {
                commands.push(Command::CompareWith(None));
            }
            for index in 0..shown {
                if ui
                    .selectable_label(cx.view.compare_with == Some(index), name(index))
                    .clicked()
                {
                    commands.push(Command::CompareWith(Some(index)));
                }
            }
        })
        .response
        .labelled_by(label.id);
}
