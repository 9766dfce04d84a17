//! Carrying out commands after the frame, and following what the document reports. Each arm
//! hands the command to the one part that owns it: the session for the data and its files,
//! the view state for what is shown, the settings for what is remembered, the effects for the
//! system.

use common_ground_core::edit::Edit;
use common_ground_core::edit::builders::{duplicate, new_agenda_issue, new_party, new_statement};
use common_ground_core::figure::{FigureKind, Theme};
use common_ground_core::io::expand_paths;
use common_ground_document::{Answer, Event, Notice, Origin, Question, Replaced, today};
use egui::ViewportCommand;

use crate::app::App;
use crate::command::Command;
use crate::dialogs::{DialogKind, PickRequest, PickedFiles};
use crate::effects::{Chosen, DialogPurpose};
use crate::export::{ExportChoice, ExportRounds};
use crate::layout::Step;
use crate::registry::UserCommand;
use crate::settings::Page;
use crate::view_state::{Modal, NoticeAction};

impl App {
    /// Carries out one command.
    pub fn apply(&mut self, ui: &egui::Ui, command: Command) {
        let workspace = self.session.workspace();
        match command {
            Command::User(command) => self.run(ui, command),
            Command::Open(origin) => self.session.open(origin),
            Command::SetTypedPath(text) => {
                if let Some(Modal::OpenPath { text: typed, error }) = &mut self.view.modal {
                    *typed = text;
                    *error = None;
                }
            }
            Command::OpenTypedPath(text) => self.open_typed_path(&text),
            Command::ForgetRecent => self.settings.recent.clear(),
            Command::Retry(path) => self.session.retry(&path),
            Command::Select(key) => self.view.select(key, workspace),
            Command::Follow(key) => self.view.follow(key, workspace),
            Command::ClearSelection => self.view.clear_selection(),
            Command::SelectIssue(issue) => {
                self.settings.page = Page::Columns;
                self.view.select_issue(issue, workspace);
            }
            Command::SelectNext(step) => self.select_next(step),
            Command::SetPartyShown { party, shown } => {
                self.view.set_party_shown(party, shown, workspace);
            }
            Command::SetBlocExpanded { bloc, expanded } => {
                self.view.set_bloc_expanded(bloc, expanded, workspace);
            }
            Command::MoveParty { party, to } => {
                self.view.columns.move_party(workspace, &party, to);
                self.view.columns_changed();
            }
            Command::SetIssueCollapsed { issue, collapsed } => {
                self.view.set_collapsed(issue, collapsed);
            }
            Command::SetKindShown { kind, shown } => self.view.filters_mut().set_kind(kind, shown),
            Command::ShowAllKinds => self.view.filters_mut().kinds.clear(),
            Command::SetCategory(category) => self.view.filters_mut().category = category,
            Command::SetSearch(text) => self.view.filters_mut().search = text,
            Command::Edit { edit, field } => self.edit(edit, field.as_deref()),
            Command::EndTyping => self.session.end_typing(),
            Command::SetEditing(editing) => self.view.set_editing(editing),
            Command::EditParty(party) => self.view.edit_party(party),
            Command::AddStatement { party, issue } => {
                if let Some(edit) = new_statement(&workspace.negotiation, party, &issue) {
                    let edit = self.held_from_round_shown(edit);
                    // A blank statement lacks a summary by design: that is no news worth
                    // opening the problems panel for.
                    let problems_shown = self.view.show_problems;
                    self.edit(edit, None);
                    self.view.show_problems = problems_shown;
                    self.view.set_editing(true);
                    self.view.fresh = self.view.selected;
                }
            }
            Command::Duplicate(key) => {
                if let Some(edit) = duplicate(&workspace.negotiation, key) {
                    self.edit(edit, None);
                }
            }
            Command::AddIssueAfter(index) => self.add_issue_after(index),
            Command::Answer(answer) => self.session.answer(answer),
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ui.set_theme(theme);
            }
            Command::SetProblemsShown(shown) => self.view.show_problems = shown,
            Command::SetInspectorShown(shown) => self.settings.show_inspector = shown,
            Command::SetCommonGroundShown(shown) => self.settings.show_common_ground = shown,
            Command::SetCompactColumns(compact) => self.settings.compact_columns = compact,
            Command::SetPage(page) => self.settings.page = page,
            Command::CloseModal => self.close_modal(),
            Command::DismissNotice(index) => self.view.dismiss_notice(index),
            Command::SetExportChoice(choice) => {
                if matches!(self.view.modal, Some(Modal::Export(_))) {
                    self.view.modal = Some(Modal::Export(choice));
                }
            }
            Command::Export(choice) => {
                self.view.modal = None;
                let request = choice.request(workspace.name(), workspace.origin.folder());
                self.open_dialog(DialogKind::Save(request), DialogPurpose::Export(choice));
            }
            Command::ShowRound(round) => self.show_round(round),
            Command::CompareWith(round) => {
                self.view.compare_with = round;
                // The ghosts and What changed are derived from it.
                self.view.changed();
            }
            Command::SetNewRound(form) => {
                if matches!(self.view.modal, Some(Modal::NewRound(_))) {
                    self.view.modal = Some(Modal::NewRound(form));
                }
            }
            Command::AddRound(form) => self.add_round(form),
        }
    }

    /// Carries out a command from the registry.
    fn run(&mut self, ui: &egui::Ui, command: UserCommand) {
        let workspace = self.session.workspace();
        match command {
            UserCommand::OpenFiles => {
                let request = self.pick_request("Open position files");
                self.open_dialog(DialogKind::Files(request), DialogPurpose::Open);
            }
            UserCommand::OpenFolder => {
                let request = self.pick_request("Open a negotiation folder");
                self.open_dialog(DialogKind::Folder(request), DialogPurpose::Open);
            }
            UserCommand::OpenPath => {
                self.view.modal = Some(Modal::OpenPath {
                    text: String::new(),
                    error: None,
                });
            }
            UserCommand::Reload => self.session.reload(),
            UserCommand::Save => self.session.save(self.view.current_file()),
            UserCommand::SaveAll => self.session.save_all(),
            UserCommand::SaveAs => self.session.save_as(),
            UserCommand::ExportBrief => {
                let choice = ExportChoice::brief(theme_of(ui));
                self.view.modal = Some(Modal::Export(choice));
            }
            UserCommand::ExportFigure => {
                let choice = ExportChoice::figure(self.figure_in_view(), theme_of(ui));
                self.view.modal = Some(Modal::Export(choice));
            }
            UserCommand::ExportTables => {
                self.view.modal = Some(Modal::Export(ExportChoice::tables(theme_of(ui))));
            }
            UserCommand::ImportTables => {
                let mut request = self.pick_request(
                    "Import spreadsheets, a DECIDE table, or a GENIUS or GeniusWeb scenario",
                );
                request.files = PickedFiles::ImportSources;
                self.open_dialog(DialogKind::Files(request), DialogPurpose::ImportFrom);
            }
            UserCommand::Quit => self.session.quit(),
            UserCommand::Undo => self.session.undo(),
            UserCommand::Redo => self.session.redo(),
            UserCommand::ToggleEditing => self.view.set_editing(!self.view.editing),
            UserCommand::AddStatementHere => {
                let here = self
                    .view
                    .selected
                    .and_then(|key| Some((key.party, workspace.statement(key)?.issue.clone())));
                if let Some((party, issue)) = here {
                    self.apply(ui, Command::AddStatement { party, issue });
                }
            }
            UserCommand::DeleteStatement => {
                if let Some(key) = self
                    .view
                    .selected
                    .filter(|&k| workspace.statement(k).is_some())
                {
                    self.edit(Edit::RemoveStatement(key), None);
                }
            }
            UserCommand::EditPartyDetails => {
                if let Some(key) = self.view.selected {
                    self.view.edit_party(key.party);
                }
            }
            UserCommand::NewPartyFile => self.new_party_file(),
            UserCommand::AddAgendaIssue => self.add_agenda_issue(),
            UserCommand::ZoomIn => egui::gui_zoom::zoom_in(ui),
            UserCommand::ZoomOut => egui::gui_zoom::zoom_out(ui),
            UserCommand::ZoomReset => ui.set_zoom_factor(1.0),
            UserCommand::ExpandAllIssues => self.view.set_all_collapsed(false, workspace),
            UserCommand::CollapseAllIssues => self.view.set_all_collapsed(true, workspace),
            UserCommand::ClearFilters => *self.view.filters_mut() = Default::default(),
            UserCommand::Find => self.view.focus_search = true,
            UserCommand::SelectUp => self.select_next(Step::Up),
            UserCommand::SelectDown => self.select_next(Step::Down),
            UserCommand::SelectLeft => self.select_next(Step::Left),
            UserCommand::SelectRight => self.select_next(Step::Right),
            UserCommand::Back => self.view.go_back(workspace),
            UserCommand::ClearSearchOrSelection => self.view.clear_search_or_selection(),
            UserCommand::ShowShortcuts => self.view.modal = Some(Modal::Shortcuts),
            UserCommand::OpenExample => self.session.open(Origin::Example),
            UserCommand::OpenRoundsExample => self.session.open(Origin::RoundsExample),
            UserCommand::NewRound => self.open_new_round(),
            UserCommand::EarlierRound => self.step_round(-1),
            UserCommand::LaterRound => self.step_round(1),
            UserCommand::About => self.view.modal = Some(Modal::About),
        }
    }

    /// Makes an edit, and follows it at once, so that a command after it in the same frame
    /// sees the selection the edit left.
    pub(crate) fn edit(&mut self, edit: Edit, field: Option<&str>) {
        let deleted = match &edit {
            Edit::RemoveStatement(key) => self.session.workspace().statement(*key).map(|s| {
                let party = self
                    .session
                    .workspace()
                    .negotiation
                    .party(key.party)
                    .map_or("", |file| file.party.short_name.as_str());
                format!(
                    "Deleted {party}'s {} \u{201c}{}\u{201d}.",
                    s.kind.label(),
                    s.summary
                )
            }),
            _ => None,
        };
        self.session.edit(edit, field, self.view.selected);
        self.handle_events();
        if let Some(text) = deleted {
            self.view.tell_with(Notice::info(text), NoticeAction::Undo);
        }
    }

    fn select_next(&mut self, step: Step) {
        if let Some(next) = self.derived.layout.neighbour(self.view.selected, step) {
            self.view.select(next, self.session.workspace());
        }
    }

    /// Opens a typed path; one that names nothing to open keeps the dialog, and what is
    /// open, with the reason.
    fn open_typed_path(&mut self, text: &str) {
        let path = std::path::PathBuf::from(text.trim());
        if path.as_os_str().is_empty() {
            return;
        }
        let (files, problems) = expand_paths(std::slice::from_ref(&path));
        let error = if !path.exists() {
            Some(format!("{} does not exist.", path.display()))
        } else if files.is_empty() {
            Some(problems.first().map_or_else(
                || format!("There is nothing to open in {}.", path.display()),
                |problem| format!("{}: {}.", path.display(), problem.message),
            ))
        } else {
            None
        };
        if let Some(error) = error {
            self.view.modal = Some(Modal::OpenPath {
                text: text.to_owned(),
                error: Some(error),
            });
            return;
        }
        self.view.modal = None;
        // Through the guard on unsaved changes, as every other way of opening.
        self.session.open(Origin::paths(vec![path]));
    }

    /// A new party file beside the others, opened in the party editor.
    fn new_party_file(&mut self) {
        let negotiation = &self.session.workspace().negotiation;
        let party = negotiation.parties.len();
        let edit = new_party(negotiation, &today(), std::path::Path::exists);
        self.edit(edit, None);
        self.view.edit_party(party);
    }

    /// A new agenda issue after the one at `after`, of its category.
    fn add_issue_after(&mut self, after: usize) {
        let negotiation = &self.session.workspace().negotiation;
        let category = negotiation
            .agenda
            .as_ref()
            .and_then(|agenda| agenda.data.issues.get(after))
            .map(|issue| issue.category.clone())
            .unwrap_or_default();
        if let Some(edit) = new_agenda_issue(negotiation, after + 1, &category) {
            self.edit(edit, None);
        }
    }

    /// A new issue at the end of the agenda, selected and open in the editor.
    fn add_agenda_issue(&mut self) {
        let negotiation = &self.session.workspace().negotiation;
        let Some(edit) = new_agenda_issue(negotiation, usize::MAX, "") else {
            return;
        };
        let Edit::InsertAgendaIssue { issue, .. } = &edit else {
            return;
        };
        let id = issue.id.clone();
        self.edit(edit, None);
        self.settings.page = Page::Columns;
        self.view.select_issue(id, self.session.workspace());
        self.view.set_editing(true);
    }

    fn close_modal(&mut self) {
        if self.view.modal.take().is_some() {
            return;
        }
        if self
            .session
            .question()
            .is_some_and(Question::may_be_dismissed)
        {
            self.session.answer(Answer::Cancel);
        }
    }

    /// An open or folder dialog titled `title`, starting in the open negotiation's folder.
    fn pick_request(&self, title: &str) -> PickRequest {
        PickRequest {
            title: title.to_owned(),
            directory: self.session.workspace().origin.folder(),
            files: PickedFiles::Negotiation,
        }
    }

    /// The figure Export figure… starts with: the page's own, or on the columns the chart of
    /// the issue selected.
    fn figure_in_view(&self) -> FigureKind {
        match (self.settings.page, &self.view.selected_issue) {
            (Page::Matrix, _) => FigureKind::Matrix,
            (Page::Columns, Some(issue)) => FigureKind::Issue(issue.clone()),
            _ => FigureKind::Scales,
        }
    }

    fn open_dialog(&mut self, kind: DialogKind, purpose: DialogPurpose) {
        let Some(ctx) = self.context().cloned() else {
            return;
        };
        let save_as = purpose == DialogPurpose::SaveAs;
        if let Err(notice) = self.effects.open_dialog(&ctx, kind, purpose) {
            self.view.tell(notice);
            if save_as {
                self.session.folder_chosen(None);
            }
        }
    }

    /// Follows a dialog that closed.
    pub(crate) fn chosen(&mut self, chosen: Chosen) {
        match chosen {
            Chosen::Open(paths) => self.commands.open_paths(paths),
            Chosen::SaveFolder(folder) => self.session.folder_chosen(folder.as_deref()),
            Chosen::ExportFile(path, choice) => {
                let workspace = self.session.workspace();
                let shown = self.view.columns.shown(workspace);
                let rounds = ExportRounds {
                    shown: self.view.shown_round(workspace),
                    compared: self.view.compared_round(workspace),
                };
                let negotiation = workspace.negotiation.clone();
                let Some(ctx) = self.context().cloned() else {
                    return;
                };
                if let Err(notice) =
                    self.effects
                        .start_export(&ctx, negotiation, (shown, rounds), choice, path)
                {
                    self.view.tell(notice);
                }
            }
            Chosen::ImportFrom(sources) => {
                let request = self.pick_request(
                    "Choose a folder for the imported negotiation (a new folder is made in it \
                     when it is not empty)",
                );
                self.open_dialog(
                    DialogKind::Folder(request),
                    DialogPurpose::ImportInto(sources),
                );
            }
            Chosen::ImportInto(sources, folder) => {
                let Some(ctx) = self.context().cloned() else {
                    return;
                };
                if let Err(notice) = self.effects.start_import(&ctx, sources, folder) {
                    self.view.tell(notice);
                }
            }
            Chosen::Told(notice) => self.view.tell(notice),
        }
    }

    /// Follows what the session did: notices, data replaced or edited, dialogs to open.
    /// Returns whether there was anything to follow.
    pub(crate) fn handle_events(&mut self) -> bool {
        let events = self.session.take_events();
        let any = !events.is_empty();
        for event in events {
            match event {
                Event::Notice(notice) => self.view.tell(notice),
                Event::Replaced(replaced) => {
                    // The history starts afresh: there is nothing left to undo.
                    self.view
                        .notices
                        .retain(|shown| shown.action != NoticeAction::Undo);
                    self.replaced(&replaced);
                }
                Event::Edited {
                    select,
                    more_errors,
                    ..
                } => {
                    // An offer to undo a deletion means another step once anything changed.
                    self.view
                        .notices
                        .retain(|shown| shown.action != NoticeAction::Undo);
                    self.view
                        .edited(select, more_errors, self.session.workspace());
                }
                Event::ChooseSaveFolder => {
                    let example = self.session.workspace().origin.is_example();
                    if example {
                        self.view.tell(Notice::info(
                            "The built-in example cannot be changed in place: it is saved as a \
                             new negotiation folder, one file per party and the agenda. Choose \
                             where.",
                        ));
                    }
                    let request = self.pick_request(if example {
                        "Save the example as a new folder: choose an empty folder"
                    } else {
                        "Save the negotiation into a folder: choose an empty folder"
                    });
                    self.open_dialog(DialogKind::Folder(request), DialogPurpose::SaveAs);
                }
                Event::Close => self.effects.close_window = true,
            }
        }
        if any && self.view.columns.settle_order(self.session.workspace()) {
            self.view.columns_changed();
        }
        any
    }

    fn replaced(&mut self, replaced: &Replaced) {
        let workspace = self.session.workspace();
        let origin = &workspace.origin;
        let columns = self.settings.columns_for(origin);
        let imported = self.view.imported.take();
        self.view.replaced(replaced, workspace, columns);
        match (replaced, imported) {
            (Replaced::Negotiation, Some((folder, notice))) => {
                if *origin == Origin::Paths(vec![folder]) {
                    self.view.tell(notice);
                }
            }
            (_, imported) => self.view.imported = imported,
        }
        let loaded_something =
            workspace.negotiation.agenda.is_some() || !workspace.negotiation.parties.is_empty();
        match replaced {
            Replaced::Negotiation if loaded_something => {
                self.settings.remember(origin, workspace.name());
            }
            // What was kept under the old key follows the negotiation to its new place.
            Replaced::Moved { .. } => {
                self.settings.set_columns(origin, self.view.columns.clone());
                self.settings.remember(origin, workspace.name());
            }
            _ => {}
        }
    }

    /// Sends what the window itself must do this frame.
    pub(crate) fn window_commands(&mut self, ui: &egui::Ui) {
        if std::mem::take(&mut self.effects.close_window) {
            ui.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// The theme the window is drawn in, which exports start with.
fn theme_of(ui: &egui::Ui) -> Theme {
    if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}
