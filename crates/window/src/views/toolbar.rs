//! Search, filters and party toggles above the columns.

use egui::{Button, PopupCloseBehavior, RichText, TextEdit, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::style::{kind_colour, party_colour};
use crate::view_state::ViewState;
use common_ground_core::blocs::BlocMode;
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
            parties_ui(ui, cx, commands);
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

/// More parties than this and their toggles go into one picker, so that they do not fill
/// the toolbar.
const TOGGLES_IN_THE_TOOLBAR: usize = 10;

/// One toggle per party, in the toolbar or, for many parties, in a picker it opens.
fn parties_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let order = cx.view.columns.ordered(cx.workspace);
    if order.len() <= TOGGLES_IN_THE_TOOLBAR {
        ui.label("Parties");
        for &index in &order {
            party_toggle_ui(ui, cx, index, false, commands);
        }
        return;
    }
    let in_columns = order
        .iter()
        .filter(|&&index| cx.layout.parties.contains(&index))
        .count();
    // In one piece, so that the toolbar never wraps between the word and its list.
    ui.horizontal(|ui| {
        let label = ui.label("Parties");
        // Open while parties are ticked on and off; a click outside closes it.
        let combo = egui::ComboBox::from_id_salt("party_picker")
            .selected_text(format!("{in_columns} of {} in columns", order.len()))
            .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
            .height((ui.ctx().content_rect().height() * 0.7).max(160.0))
            .show_ui(ui, |ui| party_picker_ui(ui, cx, &order, commands));
        combo
            .response
            .labelled_by(label.id)
            .on_hover_text("Choose the parties that have a column");
    });
}

/// The picker for many parties: show all, compact columns, then every party's toggle with
/// its full name (the combo box's list scrolls).
fn party_picker_ui(ui: &mut Ui, cx: &ViewContext<'_>, order: &[usize], commands: &mut Commands) {
    ui.horizontal(|ui| {
        let any_hidden = !cx.view.columns.hidden.is_empty();
        if ui
            .add_enabled(any_hidden, Button::new("Show all").small())
            .clicked()
        {
            for &index in order {
                if let Some(file) = cx.workspace.negotiation.party(index) {
                    commands.push(Command::SetPartyShown {
                        party: file.party.id.clone(),
                        shown: true,
                    });
                }
            }
        }
        super::columns::compact_columns_toggle_ui(ui, cx, commands);
    });
    ui.separator();
    for &index in order {
        party_toggle_ui(ui, cx, index, true, commands);
    }
}

/// A party's toggle: shown or hidden. A party standing in a bloc's place (a member folded
/// into its collapsed bloc, or a bloc its members replace) says so, and its click expands or
/// collapses that bloc, since showing it any other way would count it twice.
fn party_toggle_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    index: usize,
    full_name: bool,
    commands: &mut Commands,
) {
    let (workspace, view) = (cx.workspace, cx.view);
    let in_columns = &cx.layout.parties;
    let Some(party) = workspace.negotiation.party(index).map(|file| &file.party) else {
        return;
    };
    let not_hidden = !view.columns.hidden.contains(&party.id);
    let shown = not_hidden && in_columns.contains(&index);
    // One widget per party, so the toolbar wraps between parties, never inside one; the
    // leading spaces leave room for the colour mark painted over the button.
    let text = if full_name {
        format!("     {}  {}", party.short_name, party.name)
    } else {
        format!("     {}", party.short_name)
    };
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
    let in_a_bloc = (not_hidden && !shown)
        .then(|| bloc_in_the_way(cx, index))
        .flatten();
    let bloc_party = |bloc: usize| workspace.negotiation.party(bloc).map(|file| &file.party);
    let (hover, command) = match in_a_bloc {
        Some((bloc, Folded::IntoBloc)) if let Some(bloc) = bloc_party(bloc) => (
            format!(
                "In {name}'s column: {name} counts as one actor. Click to show {name}'s \
                 members one by one",
                name = bloc.short_name
            ),
            Command::SetBlocExpanded {
                bloc: bloc.id.clone(),
                expanded: true,
            },
        ),
        Some((_, Folded::ByMembers)) => (
            format!(
                "Shown by its members, one column each. Click to show {} as one column",
                party.short_name
            ),
            Command::SetBlocExpanded {
                bloc: party.id.clone(),
                expanded: false,
            },
        ),
        _ => (
            if shown {
                format!("Hide {}", party.name)
            } else {
                format!("Show {}", party.name)
            },
            Command::SetPartyShown {
                party: party.id.clone(),
                shown: !not_hidden,
            },
        ),
    };
    if response.on_hover_text(hover).clicked() {
        commands.push(command);
    }
}

enum Folded {
    /// A member inside its collapsed bloc's column.
    IntoBloc,
    /// A bloc whose members stand in its place.
    ByMembers,
}

/// Why a party that is not hidden has no column: the bloc concerned, and how.
fn bloc_in_the_way(cx: &ViewContext<'_>, party: usize) -> Option<(usize, Folded)> {
    let in_columns = |index: usize| cx.layout.parties.contains(&index);
    if cx
        .blocs
        .iter()
        .any(|b| b.bloc.bloc == party && b.mode == BlocMode::Members)
        && !in_columns(party)
    {
        return Some((party, Folded::ByMembers));
    }
    let holder = cx
        .blocs
        .iter()
        .find(|b| b.bloc.members.contains(&party) && in_columns(b.bloc.bloc))?;
    Some((holder.bloc.bloc, Folded::IntoBloc))
}
