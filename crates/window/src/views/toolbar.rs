//! Search, filters and party toggles above the columns.

use egui::{Button, RichText, TextEdit, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::style::{kind_colour, party_colour};
use crate::view_state::ViewState;
use common_ground_core::model::Kind;
use common_ground_document::workspace::Workspace;

pub(crate) fn toolbar_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, view) = (cx.workspace, cx.view);
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            search_ui(ui, view, commands);
            ui.separator();
            category_ui(ui, workspace, view, commands);
            ui.separator();
            kinds_ui(ui, view, commands);
            ui.separator();
            parties_ui(ui, workspace, view, commands);
        });
        ui.add_space(2.0);
    });
}

fn search_ui(ui: &mut Ui, view: &ViewState, commands: &mut Commands) {
    let label = ui.label("Search");
    let mut text = view.filters.search.clone();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .hint_text(format!(
                    "summaries and quotes ({})",
                    UserCommand::Find.shortcut_text(ui.ctx())
                ))
                .desired_width(230.0),
        )
        .labelled_by(label.id);
    if view.focus_search {
        response.request_focus();
    }
    if response.changed() {
        commands.push(Command::SetSearch(text));
    }
    // Always there, so typing does not shift the rest of the toolbar.
    let clear = ui
        .add_enabled(
            !view.filters.search.is_empty(),
            Button::new("Clear").small(),
        )
        .on_hover_text("Clear the search (Esc)");
    if clear.clicked() {
        commands.push(Command::SetSearch(String::new()));
    }
}

fn category_ui(ui: &mut Ui, workspace: &Workspace, view: &ViewState, commands: &mut Commands) {
    let mut categories: Vec<&str> = Vec::new();
    for group in &workspace.issues {
        if !group.category.is_empty() && !categories.contains(&group.category.as_str()) {
            categories.push(&group.category);
        }
    }
    let label = ui.label("Category");
    let selected = view.filters.category.as_deref().unwrap_or("All categories");
    let combo = egui::ComboBox::from_id_salt("category_filter")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(view.filters.category.is_none(), "All categories")
                .clicked()
            {
                commands.push(Command::SetCategory(None));
            }
            for category in categories {
                let chosen = view.filters.category.as_deref() == Some(category);
                if ui.selectable_label(chosen, category).clicked() {
                    commands.push(Command::SetCategory(Some(category.to_owned())));
                }
            }
        });
    combo.response.labelled_by(label.id);
}

fn kinds_ui(ui: &mut Ui, view: &ViewState, commands: &mut Commands) {
    ui.label("Kinds");
    for kind in Kind::ALL {
        let on = view.filters.kinds.contains(&kind);
        // On the selection colour, the kind's own colour would be hard to read.
        let colour = if on {
            ui.visuals().strong_text_color()
        } else {
            kind_colour(kind, ui.visuals())
        };
        let response = ui
            .add(
                Button::new(RichText::new(kind.label()).color(colour))
                    .selected(on)
                    .small(),
            )
            .on_hover_text(if on {
                format!("Stop showing only {}s", kind.label())
            } else {
                format!("Show {}s (with any other kinds picked)", kind.label())
            });
        if response.clicked() {
            commands.push(Command::SetKindShown { kind, shown: !on });
        }
    }
    let all = ui
        .add_enabled(
            !view.filters.kinds.is_empty(),
            Button::new("All kinds").small(),
        )
        .on_hover_text("Show statements of every kind");
    if all.clicked() {
        commands.push(Command::ShowAllKinds);
    }
}

fn parties_ui(ui: &mut Ui, workspace: &Workspace, view: &ViewState, commands: &mut Commands) {
    ui.label("Parties");
    for index in view.columns.ordered(workspace) {
        let Some(party) = workspace.negotiation.party(index).map(|file| &file.party) else {
            continue;
        };
        let shown = !view.columns.hidden.contains(&party.id);
        // One widget per party, so the toolbar wraps between parties, never inside one; the
        // leading spaces leave room for the colour mark painted over the button.
        let text = format!("     {}", party.short_name);
        let response = ui.add(Button::new(text).selected(shown).small());
        let mark = egui::Rect::from_center_size(
            response.rect.left_center() + egui::vec2(10.0, 0.0),
            egui::vec2(9.0, 9.0),
        );
        let colour = party_colour(&party.colour);
        if shown {
            ui.painter().rect_filled(mark, 2.0, colour);
        } else {
            ui.painter().rect_stroke(
                mark,
                2.0,
                egui::Stroke::new(1.5, colour),
                egui::StrokeKind::Inside,
            );
        }
        // Named without the colour mark, which a screen reader would only stumble over.
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, shown, &party.short_name)
        });
        let response = response.on_hover_text(if shown {
            format!("Hide {}", party.name)
        } else {
            format!("Show {}", party.name)
        });
        if response.clicked() {
            commands.push(Command::SetPartyShown {
                party: party.id.clone(),
                shown: !shown,
            });
        }
    }
}
