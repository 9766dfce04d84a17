//! File, Edit, View and Help menus, made from the command registry: each item's label,
//! tooltip and shortcut are the registry's, and only what is special (recent negotiations,
//! themes, pages, panels, parties) is drawn here.

use common_ground_core::rounds::Rounds;
use egui::{Button, Ui};

use common_ground_document::Origin;

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::registry::UserCommand;
use crate::settings::{Page, THEMES};

/// One entry of a menu.
#[derive(Debug, Clone, Copy)]
enum Item {
    Command(UserCommand),
    Separator,
    /// File › Open recent.
    Recent,
    /// View › Theme.
    Themes,
    /// View: the three main views.
    Pages,
    /// View: the side panels, each a tick box.
    Panels,
    /// View › Parties.
    Parties,
    /// View: compact columns, a tick box.
    Compact,
}

use Item::{Command as Cmd, Separator};
use UserCommand as C;

const FILE: &[Item] = &[
    Cmd(C::OpenFiles),
    Cmd(C::OpenFolder),
    Cmd(C::OpenPath),
    Item::Recent,
    Separator,
    Cmd(C::Save),
    Cmd(C::SaveAll),
    Cmd(C::SaveAs),
    Separator,
    Cmd(C::Reload),
    Separator,
    Cmd(C::ImportTables),
    Cmd(C::ExportBrief),
    Cmd(C::ExportFigure),
    Cmd(C::ExportTables),
    Separator,
    Cmd(C::Quit),
];

const EDIT: &[Item] = &[
    Cmd(C::Undo),
    Cmd(C::Redo),
    Separator,
    Cmd(C::ToggleEditing),
    Cmd(C::AddStatementHere),
    Cmd(C::DeleteStatement),
    Cmd(C::EditPartyDetails),
    Separator,
    Cmd(C::NewPartyFile),
    Cmd(C::AddAgendaIssue),
    Cmd(C::NewRound),
];

const VIEW: &[Item] = &[
    Item::Themes,
    Cmd(C::ZoomIn),
    Cmd(C::ZoomOut),
    Cmd(C::ZoomReset),
    Separator,
    Item::Pages,
    Cmd(C::EarlierRound),
    Cmd(C::LaterRound),
    Separator,
    Item::Panels,
    Separator,
    Item::Parties,
    Item::Compact,
    Cmd(C::ExpandAllIssues),
    Cmd(C::CollapseAllIssues),
    Cmd(C::ClearFilters),
];

const HELP: &[Item] = &[
    Cmd(C::ShowShortcuts),
    Cmd(C::OpenExample),
    Cmd(C::OpenRoundsExample),
    Separator,
    Cmd(C::About),
];

pub(crate) fn menu_bar_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for (title, items) in [
                ("File", FILE),
                ("Edit", EDIT),
                ("View", VIEW),
                ("Help", HELP),
            ] {
                ui.menu_button(title, |ui| items_ui(ui, cx, items, commands));
            }
        });
    });
}

fn items_ui(ui: &mut Ui, cx: &ViewContext<'_>, items: &[Item], commands: &mut Commands) {
    for item in items {
        match *item {
            Item::Command(command) => command_item_ui(ui, cx, command, commands),
            Item::Separator => {
                ui.separator();
            }
            Item::Recent => recent_ui(ui, cx, commands),
            Item::Themes => themes_ui(ui, cx, commands),
            Item::Pages => pages_ui(ui, cx, commands),
            Item::Panels => panels_ui(ui, cx, commands),
            Item::Parties => {
                ui.menu_button("Parties", |ui| parties_menu_ui(ui, cx, commands));
            }
            Item::Compact => super::columns::compact_columns_toggle_ui(ui, cx, commands),
        }
    }
}

/// A registry command as a menu item, with its shortcut, greyed out when it cannot be given.
pub(crate) fn command_item_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    command: UserCommand,
    commands: &mut Commands,
) {
    let mut button = Button::new(label(cx, command));
    if let Some(shortcut) = command.shortcuts(ui.os()).first() {
        button = button.shortcut_text(ui.format_shortcut(shortcut));
    }
    if ui
        .add_enabled(enabled(cx, command), button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        commands.run(command);
    }
}

/// The item's words, where they depend on the state: "Undo edit range", "Stop editing".
fn label(cx: &ViewContext<'_>, command: UserCommand) -> String {
    match command {
        C::Undo => cx
            .history
            .undo_label()
            .map_or_else(|| command.label().to_owned(), |what| format!("Undo {what}")),
        C::Redo => cx
            .history
            .redo_label()
            .map_or_else(|| command.label().to_owned(), |what| format!("Redo {what}")),
        C::ToggleEditing if cx.view.editing => "Stop editing".to_owned(),
        _ => command.label().to_owned(),
    }
}

/// Whether the command can be given now.
fn enabled(cx: &ViewContext<'_>, command: UserCommand) -> bool {
    let workspace = cx.workspace;
    let no_dialog = !cx.view.dialog_open;
    let selected = cx
        .view
        .selected
        .is_some_and(|key| workspace.statement(key).is_some());
    match command {
        C::OpenFiles | C::OpenFolder => no_dialog,
        C::ImportTables => no_dialog && !cx.view.importing,
        C::ExportBrief | C::ExportFigure | C::ExportTables => no_dialog && !cx.view.exporting,
        C::Save | C::SaveAll => workspace.is_dirty() && no_dialog,
        C::SaveAs => workspace.loaded_file_count() > 0 && no_dialog,
        C::Undo => cx.history.undo_label().is_some(),
        C::Redo => cx.history.redo_label().is_some(),
        C::AddStatementHere | C::DeleteStatement | C::EditPartyDetails => selected,
        C::AddAgendaIssue | C::NewRound => workspace.negotiation.agenda.is_some(),
        C::EarlierRound => cx
            .view
            .shown_round(workspace)
            .is_some_and(|round| round > 0),
        C::LaterRound => {
            let latest = Rounds::of(&workspace.negotiation).latest();
            cx.view.shown_round(workspace) < latest
        }
        C::ClearFilters => cx.view.filters.is_active(),
        _ => true,
    }
}

fn recent_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let recent = &cx.settings.recent;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for entry in recent {
                let paths = match &entry.origin {
                    Origin::Paths(paths) => paths
                        .iter()
                        .map(|path| path.display().to_string())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Origin::Example | Origin::RoundsExample => String::new(),
                };
                if ui.button(&entry.name).on_hover_text(paths).clicked() {
                    commands.push(Command::Open(entry.origin.clone()));
                }
            }
            ui.separator();
            if ui.button("Clear the list").clicked() {
                commands.push(Command::ForgetRecent);
            }
        });
    });
}

fn themes_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    ui.menu_button("Theme", |ui| {
        for (theme, label) in THEMES {
            if ui.radio(cx.settings.theme == theme, label).clicked() {
                commands.push(Command::SetTheme(theme));
            }
        }
    });
}

fn pages_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    for page in Page::ALL {
        if ui.radio(cx.settings.page == page, page.label()).clicked() {
            commands.push(Command::SetPage(page));
        }
    }
}

fn panels_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let mut common_ground = cx.settings.show_common_ground;
    if ui.checkbox(&mut common_ground, "Common ground").changed() {
        commands.push(Command::SetCommonGroundShown(common_ground));
    }
    let mut inspector = cx.settings.show_inspector;
    if ui.checkbox(&mut inspector, "Inspector").changed() {
        commands.push(Command::SetInspectorShown(inspector));
    }
    let mut problems = cx.view.show_problems;
    if ui.checkbox(&mut problems, "Problems").changed() {
        commands.push(Command::SetProblemsShown(problems));
    }
}

/// Show, hide and reorder the party columns.
fn parties_menu_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let order = cx.view.columns.ordered(cx.workspace);
    if order.is_empty() {
        ui.label("No parties are open.");
    }
    for (position, &index) in order.iter().enumerate() {
        let Some(file) = cx.workspace.negotiation.party(index) else {
            continue;
        };
        let party = &file.party;
        ui.horizontal(|ui| {
            let mut shown = !cx.view.columns.hidden.contains(&party.id);
            if ui.checkbox(&mut shown, &party.name).changed() {
                commands.push(Command::SetPartyShown {
                    party: party.id.clone(),
                    shown,
                });
            }
            let left = ui
                .add_enabled(position > 0, Button::new("Move left").small())
                .on_hover_text(format!("Move the {} column left", party.short_name));
            if left.clicked() {
                commands.push(Command::MoveParty {
                    party: party.id.clone(),
                    to: position.saturating_sub(1),
                });
            }
            let right = ui
                .add_enabled(
                    position + 1 < order.len(),
                    Button::new("Move right").small(),
                )
                .on_hover_text(format!("Move the {} column right", party.short_name));
            if right.clicked() {
                commands.push(Command::MoveParty {
                    party: party.id.clone(),
                    to: position + 1,
                });
            }
        });
    }
    super::blocs::blocs_menu_ui(ui, cx, commands);
}
