//! The window: a thin layer over the library's model, loading and analysis.
//!
//! Persisted state ([`Settings`]) is kept apart from what lives only while the window is open
//! ([`ViewState`]). Views draw from both and push [`Command`]s; [`App::apply`] carries them out
//! after the frame.

mod command;
mod dialogs;
mod export;
mod filter;
mod layout;
mod settings;
mod style;
mod views;
mod workspace;

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference, ViewportCommand};

use crate::analysis::{Analysis, StatementKey, analyse};
use crate::edit::{FileData, FileId, History};
use crate::io::{AGENDA_FILE_NAME, SaveError, SaveMode, load, save_agenda, save_party};
use crate::recovery::{RecoveryStore, Snapshot};
use crate::watch::{FileChange, FileWatcher};

pub use command::{Command, Commands, Then};
pub use dialogs::{
    DialogError, DialogKind, DialogOutcome, DialogRunner, FileDialogs, NativeDialogs, SaveRequest,
};
pub use filter::Filters;
pub use layout::{ColumnLayout, Row, RowHeights, Step};
pub use settings::{Columns, Page, Recent, Settings};
pub use workspace::{IssueGroup, Origin, Workspace};

/// The zoom factors egui's own zoom keys stay within.
const MIN_ZOOM: f32 = 0.2;
const MAX_ZOOM: f32 = 5.0;

/// Unsaved edits are written aside at most this often.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(2);

/// The key the settings are stored under in eframe's storage.
const SETTINGS_KEY: &str = "common-ground-settings";
const APP_ID: &str = "common-ground";

pub mod shortcuts {
    use super::{Key, KeyboardShortcut, Modifiers};

    pub const OPEN_FILES: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    pub const OPEN_FOLDER: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
    pub const RELOAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
    pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
    pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
    pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
    pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
    pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
    pub const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
    pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    pub const SAVE_ALL: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    pub const REDO: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    pub const EDIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F2);
}

/// A message shown under the toolbar until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_warning: bool,
}

/// A window over the main view.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    About,
    Shortcuts,
    /// Type a path, for when no file dialog can be shown.
    OpenPath {
        text: String,
    },
    /// Save, discard or cancel before something that would drop unsaved changes.
    Unsaved {
        then: Then,
        files: Vec<String>,
    },
    /// Saving would drop a file's comments (or text this app cannot read).
    ConfirmLoss {
        path: PathBuf,
        what: String,
    },
    /// A file with edits here was changed on disk by another program.
    ExternalChange {
        file: FileId,
        path: PathBuf,
    },
    /// Unsaved edits from an earlier session were found.
    Recover {
        snapshot: Box<Snapshot>,
        files: Vec<String>,
    },
}

/// What the window shows that is not saved between runs.
#[derive(Debug, Default)]
pub struct ViewState {
    pub columns: Columns,
    pub filters: Filters,
    pub collapsed: BTreeSet<String>,
    pub selected: Option<StatementKey>,
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
    pub notice: Option<Notice>,
    pub dialog_open: bool,
    /// Opened by itself when a load finds problems.
    pub show_problems: bool,
    /// Statements selected before links were followed, the latest last.
    pub back: Vec<StatementKey>,
    /// The inspector shows the editor rather than the read-only view.
    pub editing: bool,
    /// The party whose details the inspector edits.
    pub edited_party: Option<usize>,
}

/// What the open file dialog is for, so its answer goes to the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DialogPurpose {
    Open,
    ExportBrief,
    ExportImage,
    SaveAs,
}

/// A save in progress: the files still to write, and what to do once all are written.
#[derive(Debug, Default)]
struct SaveQueue {
    files: VecDeque<FileId>,
    then: Option<Then>,
}

/// A screenshot asked of eframe for an image export, and what to keep of it.
struct PendingScreenshot {
    path: PathBuf,
    view: egui::Rect,
    pixels_per_point: f32,
    receiver: std::sync::mpsc::Receiver<Arc<egui::ColorImage>>,
}

/// Derived from the workspace and view state; rebuilt only when they change.
#[derive(Default)]
struct Derived {
    /// Counts changes to anything the rows depend on.
    generation: u64,
    /// Counts loads; the analysis depends only on the data and the parties shown.
    loads: u64,
    built_for: Option<(u64, RowHeights)>,
    layout: ColumnLayout,
    analysed_for: Option<(u64, Vec<usize>)>,
    analysis: Option<Analysis>,
}

pub struct App {
    settings: Settings,
    workspace: Workspace,
    view: ViewState,
    commands: Commands,
    dialogs: DialogRunner,
    dialog_purpose: DialogPurpose,
    /// Where the screenshot asked of eframe is to be saved when it arrives.
    pending_screenshot: Option<PendingScreenshot>,
    /// Where the main view was drawn last frame: what an image export keeps.
    page_rect: egui::Rect,
    derived: Derived,
    title: String,
    /// Set once the theme and zoom from the settings have been given to egui.
    style_applied: bool,
    history: History,
    /// Files waiting to be saved while the user is asked about dropping comments.
    saving: SaveQueue,
    /// Files whose comments the user agreed to drop.
    accepted_loss: HashSet<PathBuf>,
    /// Set when the user chose to close with unsaved changes, or saved them first.
    allow_close: bool,
    /// Notices other programs' changes to the open files; started with the first frame.
    watcher: Option<FileWatcher>,
    rewatch: bool,
    recovery: Option<RecoveryStore>,
    /// The data version last written aside, and when.
    recovery_written: Option<(u64, Instant)>,
    /// Changes on disk noticed while a question was on screen, taken in once it is answered.
    deferred_changes: Vec<FileChange>,
    /// For waking the window from other threads; the real one arrives with the first frame.
    ctx: egui::Context,
}

impl App {
    /// The app as eframe starts it: settings from storage, then the given paths, else the
    /// last negotiation, else the example.
    pub fn new(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let recovery =
            eframe::storage_dir(APP_ID).map(|folder| RecoveryStore::new(folder.join("recovery")));
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        Self::build(settings, paths, Arc::new(NativeDialogs), recovery)
    }

    /// The app with the settings a previous run saved in `storage`, if any.
    pub fn restore(
        storage: Option<&dyn eframe::Storage>,
        paths: Vec<PathBuf>,
        dialogs: Arc<dyn FileDialogs>,
    ) -> Self {
        // Unreadable settings (say, from a newer version) are not worth refusing to start.
        let settings: Settings = storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(settings, paths, dialogs)
    }

    /// The app with given settings and dialogs, as tests and benchmarks build it.
    pub fn with_settings(
        settings: Settings,
        paths: Vec<PathBuf>,
        dialogs: Arc<dyn FileDialogs>,
    ) -> Self {
        Self::build(settings, paths, dialogs, None)
    }

    /// Unsaved edits are written aside into `store`, and any left there for the negotiation
    /// that opens, say by a crash, are offered back.
    pub fn with_recovery(
        settings: Settings,
        paths: Vec<PathBuf>,
        dialogs: Arc<dyn FileDialogs>,
        store: RecoveryStore,
    ) -> Self {
        Self::build(settings, paths, dialogs, Some(store))
    }

    fn build(
        settings: Settings,
        paths: Vec<PathBuf>,
        dialogs: Arc<dyn FileDialogs>,
        recovery: Option<RecoveryStore>,
    ) -> Self {
        let mut settings = settings;
        // The settings file is the user's to edit; egui would not survive a zoom of 0 or NaN.
        if !(settings.zoom.is_finite() && (MIN_ZOOM..=MAX_ZOOM).contains(&settings.zoom)) {
            settings.zoom = 1.0;
        }
        let mut notice = None;
        let origin = if !paths.is_empty() {
            Origin::paths(paths)
        } else {
            match settings.last.clone() {
                Some(last) if last.is_gone() => {
                    notice = Some(Notice {
                        text: format!(
                            "{} could not be found any more, so the example is shown instead.",
                            last.key().replace('\n', ", ")
                        ),
                        is_warning: true,
                    });
                    Origin::Example
                }
                Some(last) => last,
                None => Origin::Example,
            }
        };
        let mut app = App {
            settings,
            // Replaced at once by `open` below; an origin of no paths has no recovery file that
            // opening could mistake for its own.
            workspace: Workspace::from_outcome(Origin::Paths(Vec::new()), Default::default()),
            view: ViewState::default(),
            commands: Commands::default(),
            dialogs: DialogRunner::new(dialogs),
            dialog_purpose: DialogPurpose::Open,
            pending_screenshot: None,
            page_rect: egui::Rect::NOTHING,
            derived: Derived::default(),
            title: String::new(),
            style_applied: false,
            history: History::default(),
            saving: SaveQueue::default(),
            accepted_loss: HashSet::new(),
            allow_close: false,
            watcher: None,
            rewatch: true,
            recovery,
            recovery_written: None,
            deferred_changes: Vec::new(),
            ctx: egui::Context::default(),
        };
        app.open(origin);
        if notice.is_some() {
            app.view.notice = notice;
        }
        app
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// Queues a command as if a view had pushed it.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if !self.style_applied {
            self.ctx = ui.ctx().clone();
            style::raise_text_contrast(ui);
            ui.set_theme(self.settings.theme);
            ui.set_zoom_factor(self.settings.zoom);
            self.style_applied = true;
        }
        self.guard_close(ui);
        self.keyboard(ui);
        self.watch_files(ui);
        self.poll_dialog(ui);
        self.take_screenshot();
        self.take_dropped_files(ui);
        self.update_title(ui);
        self.rebuild_derived(ui);

        let Self {
            settings,
            workspace,
            view,
            commands,
            derived,
            ..
        } = self;
        view.dialog_open = self.dialogs.is_open();
        views::menu_bar::menu_bar_ui(ui, workspace, &self.history, settings, view, commands);
        views::toolbar::toolbar_ui(ui, workspace, view, commands);
        views::status_bar::status_bar_ui(ui, workspace, view, &derived.layout, commands);
        views::problems::problems_ui(ui, workspace, view.show_problems, commands);
        let analysis = derived.analysis.as_ref();
        if settings.show_common_ground {
            views::common_ground::common_ground_ui(ui, workspace, view, analysis, commands);
        }
        if settings.show_inspector {
            views::inspector::inspector_ui(ui, workspace, view, analysis, commands);
        }
        let page_rect = egui::CentralPanel::default().show(ui, |ui| {
            views::pages::pages_ui(
                ui,
                workspace,
                settings.page,
                view,
                &derived.layout,
                analysis,
                commands,
            )
        });
        self.page_rect = page_rect.inner;
        let Self { view, commands, .. } = self;
        views::modals::modals_ui(ui, view, commands);
        views::drop_overlay::drop_overlay_ui(ui);
        // The view has scrolled to it by now.
        view.scroll_to = None;
        view.scroll_to_issue = None;
        view.focus_search = false;
        view.focus_editor = false;

        for command in self.commands.take() {
            self.apply(ui, command);
        }
        // egui's own Ctrl +/− changes the zoom too; remember whatever it is now.
        self.settings.zoom = ui.zoom_factor();
        self.write_recovery(ui);
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Stops the window closing over unsaved changes, and asks instead.
    fn guard_close(&mut self, ui: &egui::Ui) {
        if ui.input(|i| i.viewport().close_requested())
            && self.workspace.is_dirty()
            && !self.allow_close
        {
            ui.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_about_unsaved(Then::Quit);
        }
    }

    fn ask_about_unsaved(&mut self, then: Then) {
        let files = self
            .workspace
            .dirty_files()
            .filter_map(|file| self.workspace.path_of(file))
            .map(file_name)
            .collect();
        self.view.modal = Some(Modal::Unsaved { then, files });
    }

    /// Watches the open files, and takes in what other programs changed.
    fn watch_files(&mut self, ui: &egui::Ui) {
        if self.rewatch {
            self.rewatch = false;
            self.start_watching(ui);
        }
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        self.deferred_changes.extend(watcher.poll());
        // A question already on screen is answered first; changes wait their turn.
        if self.view.modal.is_some() {
            return;
        }
        let changes = std::mem::take(&mut self.deferred_changes);
        let mut changes = changes.into_iter();
        while let Some(change) = changes.next() {
            if self.view.modal.is_some() {
                self.deferred_changes.push(change);
                self.deferred_changes.extend(changes);
                return;
            }
            match change {
                FileChange::Modified(path) => self.changed_on_disk(&path),
                FileChange::Removed(path) => {
                    let Some(file) = self.workspace.file_of_path(&path) else {
                        continue;
                    };
                    if path.exists() {
                        continue;
                    }
                    self.workspace.mark_missing(file);
                    self.view.notice = Some(Notice {
                        text: format!(
                            "{} was deleted or moved by another program. What is open here is \
                             kept, as unsaved; saving writes it back.",
                            path.display()
                        ),
                        is_warning: true,
                    });
                }
            }
        }
    }

    fn start_watching(&mut self, ui: &egui::Ui) {
        let files: Vec<PathBuf> = match &self.workspace.origin {
            Origin::Example => Vec::new(),
            Origin::Paths(_) => self.workspace.files.clone(),
        };
        if files.is_empty() {
            self.watcher = None;
            return;
        }
        if self.watcher.is_none() {
            let ctx = ui.ctx().clone();
            match FileWatcher::new(move || ctx.request_repaint()) {
                Ok(watcher) => self.watcher = Some(watcher),
                // The app works without it; changes on disk are then seen on reload.
                Err(error) => {
                    self.view.notice = Some(Notice {
                        text: format!(
                            "Changes other programs make to the open files will not be noticed: \
                             {error}"
                        ),
                        is_warning: true,
                    });
                    return;
                }
            }
        }
        if let Some(watcher) = &mut self.watcher
            && let Err(error) = watcher.watch(&files)
        {
            self.view.notice = Some(Notice {
                text: format!(
                    "Changes other programs make to the open files will not be noticed: {error}"
                ),
                is_warning: true,
            });
        }
    }

    /// Another program changed an open file: take it in, unless that would drop edits here.
    fn changed_on_disk(&mut self, path: &Path) {
        let Some(file) = self.workspace.file_of_path(path) else {
            return;
        };
        // Deleted and written again, as version control does: back, and maybe unchanged.
        self.workspace.mark_present(file);
        if self.workspace.is_file_dirty(file) {
            self.view.modal = Some(Modal::ExternalChange {
                file,
                path: path.to_owned(),
            });
        } else if !self.workspace.is_dirty() {
            self.reload();
            self.view.notice = Some(Notice {
                text: format!(
                    "{} was changed by another program and has been reloaded.",
                    file_name(path)
                ),
                is_warning: false,
            });
        } else {
            self.reload_file(file);
        }
    }

    /// Takes one file as it is on disk, keeping the edits to the others.
    fn reload_file(&mut self, file: FileId) {
        let Some(path) = self.workspace.path_of(file).map(Path::to_path_buf) else {
            return;
        };
        let outcome = load(std::slice::from_ref(&path));
        let data = match file {
            FileId::Agenda => outcome
                .negotiation
                .agenda
                .map(|agenda| FileData::Agenda(Some(agenda))),
            FileId::Party(_) => outcome
                .negotiation
                .parties
                .into_iter()
                .find(|party| party.path == path)
                .map(|party| FileData::Party(Some(party))),
        };
        let Some(data) = data else {
            let why = outcome
                .problems
                .first()
                .map_or_else(String::new, |problem| format!(": {}", problem.message));
            self.view.notice = Some(Notice {
                text: format!(
                    "{} was changed by another program but cannot be read{why}. What is open \
                     here is kept.",
                    file_name(&path)
                ),
                is_warning: true,
            });
            return;
        };
        let selected = self.view.selected.and_then(|key| self.statement_ids(key));
        self.workspace.replace_file(file, data);
        // Steps recorded against the old text would put it back.
        self.history.clear();
        self.view.back.clear();
        self.view.selected = selected.and_then(|ids| self.find_statement(&ids));
        if let Some(watcher) = &mut self.watcher {
            watcher.acknowledge(&path);
        }
        self.view.notice = Some(Notice {
            text: format!(
                "{} was changed by another program and has been reloaded.",
                file_name(&path)
            ),
            is_warning: false,
        });
        self.loaded();
    }

    /// Writes unsaved edits aside every few seconds, and removes them once saved.
    fn write_recovery(&mut self, ui: &egui::Ui) {
        let Some(store) = &self.recovery else {
            return;
        };
        // The user chose to close without these edits; they are not to be offered back.
        if self.allow_close {
            return;
        }
        let key = self.workspace.origin.key();
        if !self.workspace.is_dirty() {
            if self.recovery_written.take().is_some() {
                // A stale file would offer back edits that were saved or discarded.
                let _ = store.discard(&key);
            }
            return;
        }
        let version = self.derived.loads;
        let due = match self.recovery_written {
            Some((written, _)) if written == version => return,
            Some((_, at)) => at.elapsed() >= RECOVERY_INTERVAL,
            None => true,
        };
        if !due {
            ui.request_repaint_after(RECOVERY_INTERVAL);
            return;
        }
        let snapshot = Snapshot::of(&key, &self.workspace.negotiation, self.workspace.changed());
        if let Err(error) = store.write(&snapshot) {
            self.view.notice = Some(Notice {
                text: format!("Unsaved edits could not be written aside for recovery: {error}"),
                is_warning: true,
            });
        }
        self.recovery_written = Some((version, Instant::now()));
    }

    /// Offers back edits an earlier session left unsaved for the negotiation now open.
    fn offer_recovery(&mut self) {
        let Some(store) = &self.recovery else {
            return;
        };
        match store.read(&self.workspace.origin.key()) {
            Ok(Some(snapshot)) => {
                let recovered = snapshot.negotiation();
                let files: Vec<String> = recovered
                    .agenda
                    .iter()
                    .map(|agenda| file_name(&agenda.path))
                    .chain(recovered.parties.iter().map(|party| file_name(&party.path)))
                    .filter(|name| self.differs_from_open(&recovered, name))
                    .collect();
                if files.is_empty() {
                    let _ = store.discard(&self.workspace.origin.key());
                } else {
                    self.view.modal = Some(Modal::Recover {
                        snapshot: Box::new(snapshot),
                        files,
                    });
                }
            }
            Ok(None) => {}
            Err(error) => {
                self.view.notice = Some(Notice {
                    text: format!("Edits left from an earlier session cannot be offered: {error}"),
                    is_warning: true,
                });
            }
        }
    }

    /// Whether the recovered file named `name` holds other data than the one open.
    fn differs_from_open(&self, recovered: &crate::io::Negotiation, name: &str) -> bool {
        let open = &self.workspace.negotiation;
        if let Some(agenda) = &recovered.agenda
            && file_name(&agenda.path) == name
        {
            return open.agenda.as_ref().map(|a| &a.data) != Some(&agenda.data);
        }
        recovered
            .parties
            .iter()
            .filter(|party| file_name(&party.path) == name)
            .any(|party| {
                !open
                    .parties
                    .iter()
                    .any(|p| p.path == party.path && p.data == party.data)
            })
    }

    fn restore_recovery(&mut self, snapshot: &Snapshot) {
        let recovered = snapshot.negotiation();
        let negotiation = &mut self.workspace.negotiation;
        if let Some(agenda) = recovered.agenda {
            match &mut negotiation.agenda {
                Some(open) => open.data = agenda.data,
                None => negotiation.agenda = Some(agenda),
            }
        }
        for party in recovered.parties {
            match negotiation
                .parties
                .iter_mut()
                .find(|p| p.path == party.path)
            {
                Some(open) => open.data = party.data,
                // A party file added in the lost session and never saved.
                None => negotiation.parties.push(party),
            }
        }
        self.history.clear();
        self.workspace.refresh();
        self.view.selected = None;
        self.view.notice = Some(Notice {
            text: "The unsaved edits were restored. Save to keep them.".to_owned(),
            is_warning: false,
        });
        self.loaded();
    }

    fn keyboard(&mut self, ui: &egui::Ui) {
        use shortcuts::*;
        let pressed = |shortcut: KeyboardShortcut| ui.input_mut(|i| i.consume_shortcut(&shortcut));
        // The shifted shortcuts first: the plain ones would also match them. Undo and redo are
        // taken before any text field sees them, so there is one history, not one per field.
        if pressed(SAVE_ALL) {
            self.commands.push(Command::SaveAll);
        }
        if pressed(SAVE) {
            self.commands.push(Command::Save);
        }
        if pressed(REDO) || pressed(REDO_Y) {
            self.commands.push(Command::Redo);
        }
        if pressed(UNDO) {
            self.commands.push(Command::Undo);
        }
        if pressed(EDIT) {
            self.commands.push(Command::SetEditing(!self.view.editing));
        }
        if pressed(OPEN_FOLDER) {
            self.commands.push(Command::ShowOpenFolderDialog);
        }
        if pressed(OPEN_FILES) {
            self.commands.push(Command::ShowOpenFilesDialog);
        }
        if pressed(RELOAD) {
            self.commands.push(Command::Reload);
        }
        if pressed(FIND) {
            self.commands.push(Command::FocusSearch);
        }
        if pressed(HELP) {
            self.commands.push(Command::ShowShortcuts);
        }
        if pressed(QUIT) {
            self.commands.push(Command::Quit);
        }
        if pressed(BACK) {
            self.commands.push(Command::Back);
        }
        // Arrow keys move the selection unless a text field or a menu wants them.
        if self.view.modal.is_none() && !ui.text_edit_focused() && !egui::Popup::is_any_open(ui) {
            for (key, step) in [
                (Key::ArrowUp, Step::Up),
                (Key::ArrowDown, Step::Down),
                (Key::ArrowLeft, Step::Left),
                (Key::ArrowRight, Step::Right),
            ] {
                if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                    self.commands.push(Command::SelectNext(step));
                }
            }
        }
        // egui zooms with Ctrl +/−/0 itself; the menu offers the same.
        if self.view.modal.is_none() && ui.input(|i| i.key_pressed(Key::Escape)) {
            if !self.view.filters.search.is_empty() {
                self.commands.push(Command::SetSearch(String::new()));
            } else if self.view.selected.is_some() {
                self.commands.push(Command::ClearSelection);
            }
        }
    }

    fn poll_dialog(&mut self, ui: &egui::Ui) {
        match self.dialogs.poll() {
            None => {}
            Some(DialogOutcome::Cancelled) => self.saving = SaveQueue::default(),
            Some(DialogOutcome::Picked(paths)) => match self.dialog_purpose {
                DialogPurpose::Open => self.commands.open_paths(paths),
                DialogPurpose::ExportBrief => {
                    if let Some(path) = paths.into_iter().next() {
                        self.export_brief(with_extension(path, "md"));
                    }
                }
                DialogPurpose::SaveAs => {
                    if let Some(folder) = paths.into_iter().next() {
                        self.save_into(&folder);
                    }
                }
                DialogPurpose::ExportImage => {
                    if let Some(path) = paths.into_iter().next() {
                        // Taken on a later frame, once the dialog has gone from the screen.
                        let (sender, receiver) = std::sync::mpsc::channel();
                        let ctx = ui.ctx().clone();
                        ui.request_screenshot(move |image| {
                            // The window may have closed meanwhile; then nobody needs it.
                            let _ = sender.send(image);
                            ctx.request_repaint();
                        });
                        self.pending_screenshot = Some(PendingScreenshot {
                            path: with_extension(path, "png"),
                            view: self.page_rect,
                            pixels_per_point: ui.pixels_per_point(),
                            receiver,
                        });
                    }
                }
            },
            Some(DialogOutcome::Unavailable) => {
                self.view.notice = Some(Notice {
                    text: "No file dialog could be shown on this system (it needs a desktop \
                           portal or zenity). Drag files or a folder onto the window, use File › \
                           Open path…, or start the app with paths: common-ground FOLDER"
                        .to_owned(),
                    is_warning: true,
                });
            }
        }
    }

    /// Saves the screenshot eframe took for an image export, once it has arrived.
    fn take_screenshot(&mut self) {
        let Some(pending) = &self.pending_screenshot else {
            return;
        };
        let image = match pending.receiver.try_recv() {
            Ok(image) => image,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.view.notice = Some(Notice {
                    text: "The view could not be captured as an image on this system.".to_owned(),
                    is_warning: true,
                });
                self.pending_screenshot = None;
                return;
            }
        };
        let path = pending.path.clone();
        let image = export::crop(&image, pending.view, pending.pixels_per_point);
        self.pending_screenshot = None;
        let written = export::encode_png(&image)
            .and_then(|png| crate::io::write_atomically(&path, &png).map_err(|e| e.to_string()));
        self.view.notice = Some(match written {
            Ok(()) => Notice {
                text: format!("The view was saved as {}.", path.display()),
                is_warning: false,
            },
            Err(error) => Notice {
                text: format!(
                    "The image could not be saved to {}: {error}",
                    path.display()
                ),
                is_warning: true,
            },
        });
    }

    fn export_brief(&mut self, path: PathBuf) {
        // Worked out afresh: the data may have changed while the dialog was open.
        let shown = self.view.columns.shown(&self.workspace);
        let analysis = analyse(&self.workspace.negotiation, &shown);
        let brief = crate::report::markdown(&self.workspace.negotiation, &analysis);
        self.view.notice = Some(match crate::io::write_atomically(&path, brief.as_bytes()) {
            Ok(()) => Notice {
                text: format!("The brief was saved as {}.", path.display()),
                is_warning: false,
            },
            Err(error) => Notice {
                text: format!("The brief could not be saved: {error}"),
                is_warning: true,
            },
        });
    }

    fn take_dropped_files(&mut self, ui: &egui::Ui) {
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                // Only files from the web lack a path.
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        self.commands.open_paths(dropped);
    }

    fn update_title(&mut self, ui: &egui::Ui) {
        let unsaved = if self.workspace.is_dirty() { "*" } else { "" };
        let title = format!("{unsaved}{} — Common Ground", self.workspace.name());
        if title != self.title {
            ui.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Rebuilds the rows and the analysis when what they depend on changed.
    fn rebuild_derived(&mut self, ui: &egui::Ui) {
        let heights = views::columns::row_heights(ui);
        let key = (self.derived.generation, heights);
        if self.derived.built_for == Some(key) {
            return;
        }
        let shown = self.view.columns.shown(&self.workspace);
        self.derived.layout = ColumnLayout::build(
            &self.workspace,
            &shown,
            &self.view.filters,
            &self.view.collapsed,
            heights,
        );
        self.derived.built_for = Some(key);
        let analysis_key = Some((self.derived.loads, shown));
        if self.derived.analysed_for != analysis_key {
            self.derived.analysis = Some(analyse(
                &self.workspace.negotiation,
                &self.derived.layout.parties,
            ));
            self.derived.analysed_for = analysis_key;
        }
    }

    /// Marks the derived rows out of date.
    fn changed(&mut self) {
        self.derived.generation += 1;
    }

    /// Marks everything derived from the data out of date.
    fn loaded(&mut self) {
        self.derived.loads += 1;
        self.changed();
    }

    fn open(&mut self, origin: Origin) {
        // A clean negotiation's recovery file, if one is left, holds nothing worth offering;
        // unless it is being offered right now, in which case it waits for the next time.
        let offered = matches!(self.view.modal, Some(Modal::Recover { .. }));
        if let Some(store) = &self.recovery
            && !self.workspace.is_dirty()
            && !offered
        {
            let _ = store.discard(&self.workspace.origin.key());
        }
        self.view.modal = None;
        self.deferred_changes.clear();
        self.workspace = Workspace::open(origin);
        self.history.clear();
        self.accepted_loss.clear();
        self.recovery_written = None;
        self.rewatch = true;
        self.view.editing = false;
        self.view.edited_party = None;
        let origin = &self.workspace.origin;
        self.view.columns = self.settings.columns_for(origin);
        self.view.filters = Filters::default();
        self.view.collapsed.clear();
        self.view.selected = None;
        self.view.selected_issue = None;
        self.view.edited_issue = None;
        self.view.back.clear();
        self.view.notice = None;
        let loaded_something = self.workspace.negotiation.agenda.is_some()
            || !self.workspace.negotiation.parties.is_empty();
        if loaded_something {
            self.settings.remember(origin, self.workspace.name());
        }
        self.view.show_problems = !self.workspace.problems.is_empty();
        self.loaded();
        self.offer_recovery();
    }

    /// A statement's party id and its own id, which survive reloads that move it.
    fn statement_ids(&self, key: StatementKey) -> Option<(String, String)> {
        let party = &self.workspace.negotiation.parties.get(key.party)?.data;
        Some((
            party.party.id.clone(),
            party.statements.get(key.statement)?.id.clone(),
        ))
    }

    fn find_statement(&self, (party_id, statement_id): &(String, String)) -> Option<StatementKey> {
        let party = self.workspace.negotiation.party_index(party_id)?;
        let statement = self.workspace.negotiation.parties[party]
            .data
            .statements
            .iter()
            .position(|statement| &statement.id == statement_id)?;
        Some(StatementKey { party, statement })
    }

    fn reload(&mut self) {
        // Statements may have moved in the files: find the selected one again by its ids.
        let selected = self.view.selected.and_then(|key| self.statement_ids(key));
        self.workspace = Workspace::open(self.workspace.origin.clone());
        self.history.clear();
        self.rewatch = true;
        self.deferred_changes.clear();
        // Indices into the old files mean nothing in the new ones.
        self.view.back.clear();
        self.view.edited_party = None;
        self.view.selected = selected.and_then(|ids| self.find_statement(&ids));
        if !self.workspace.problems.is_empty() {
            self.view.show_problems = true;
        }
        self.loaded();
    }

    fn edit(&mut self, edit: crate::edit::Edit, field: Option<String>) {
        // The Edit menu names the field: "Undo edit summary" says more than "edit statement".
        let label = field.as_deref().map(|field| {
            let name = match field.rsplit_once('/') {
                Some((_, name)) => name,
                // "party 0 name", "issue 3 anchor 1 meaning": the words after the index.
                None => field.splitn(3, ' ').nth(2).unwrap_or(field),
            };
            format!("edit {name}")
        });
        let merge_key = field.map(|field| format!("{edit_kind}/{field}", edit_kind = edit.label()));
        match crate::edit::apply(
            &mut self.workspace.negotiation,
            edit,
            merge_key,
            self.view.selected,
        ) {
            Ok(mut change) => {
                if let Some(label) = label {
                    change.label = label;
                }
                let (selected, file) = (change.select_after, change.file);
                self.history.record(change);
                self.after_edit(selected, file);
            }
            Err(error) => {
                self.view.notice = Some(Notice {
                    text: format!("That edit could not be made: {error}."),
                    is_warning: true,
                });
            }
        }
    }

    /// Brings everything derived from the data up to date after an edit, undo or redo.
    fn after_edit(&mut self, selected: Option<StatementKey>, file: FileId) {
        let errors_before = self.workspace.error_count();
        self.workspace.refresh_file(file);
        // A new error is worth seeing where it is listed; fixing one needs no panel opened.
        if self.workspace.error_count() > errors_before {
            self.view.show_problems = true;
        }
        let exists = |key: StatementKey| self.workspace.statement(key).is_some();
        let before = (self.view.selected, self.view.selected_issue.clone());
        self.view.selected = selected.filter(|&key| exists(key));
        // The issue being edited keeps its selection when its id is retyped or put back.
        if self.view.selected.is_none()
            && let Some(index) = self.view.edited_issue
        {
            let agenda = self.workspace.negotiation.agenda.as_ref();
            let issue = agenda.and_then(|agenda| agenda.data.issues.get(index));
            self.view.edited_issue = issue.map(|_| index);
            if let Some(issue) = issue {
                self.view.selected_issue = Some(issue.id.clone());
            }
        }
        if let Some(key) = self.view.selected {
            self.view.selected_issue = self.workspace.statement(key).map(|s| s.issue.clone());
            // Typing leaves the view where the user put it; a statement added, moved to
            // another place or issue, or brought back by undo is brought into view.
            if before != (Some(key), self.view.selected_issue.clone()) {
                self.view.scroll_to = Some(key);
            }
        }
        if self
            .view
            .edited_party
            .is_some_and(|party| party >= self.workspace.negotiation.parties.len())
        {
            self.view.edited_party = None;
        }
        self.view.back.clear();
        self.loaded();
    }

    fn save_all(&mut self, then: Option<Then>) {
        let files = self.workspace.dirty_files().collect();
        self.save(files, then);
    }

    /// Saves files one by one; stops to ask before dropping comments, and on the first error.
    fn save(&mut self, files: Vec<FileId>, then: Option<Then>) {
        if self.workspace.origin == Origin::Example && self.workspace.is_dirty() {
            // The example lives inside the app; a copy on disk is what can be saved.
            self.save_as(then);
            return;
        }
        self.saving = SaveQueue {
            files: files.into(),
            then,
        };
        self.continue_saving();
    }

    fn continue_saving(&mut self) {
        let mut saved = 0;
        let origin_key = self.workspace.origin.key();
        // What another program wrote must not be overwritten unseen: ask first.
        if let Some(watcher) = &mut self.watcher {
            self.deferred_changes.extend(watcher.poll());
        }
        while let Some(file) = self.saving.files.front().copied() {
            let Some(path) = self.workspace.path_of(file).map(Path::to_path_buf) else {
                self.saving.files.pop_front();
                continue;
            };
            let changed_there = self
                .deferred_changes
                .iter()
                .position(|change| change == &FileChange::Modified(path.clone()));
            if let Some(at) = changed_there {
                self.deferred_changes.remove(at);
                self.saving = SaveQueue::default();
                self.view.modal = Some(Modal::ExternalChange { file, path });
                return;
            }
            let mode = if self.accepted_loss.contains(&path) {
                SaveMode::AcceptLoss
            } else {
                SaveMode::RefuseLoss
            };
            let first_save = self.workspace.is_new(file);
            match self.write_file(file, &path, mode) {
                Ok(()) => {
                    self.saving.files.pop_front();
                    self.workspace.mark_saved(file);
                    if first_save {
                        // Undoing the file's creation would leave it on disk, unseen.
                        self.history.clear();
                        self.rewatch = true;
                        self.origin_grew(&origin_key);
                    }
                    if let Some(watcher) = &mut self.watcher {
                        watcher.acknowledge(&path);
                    }
                    saved += 1;
                }
                Err(SaveError::WouldLose { losses, .. }) => {
                    let what = losses
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" and ");
                    self.view.modal = Some(Modal::ConfirmLoss { path, what });
                    return;
                }
                Err(error) => {
                    // The edits stay, unsaved, and the file on disk is as it was.
                    self.saving = SaveQueue::default();
                    self.view.notice = Some(Notice {
                        text: format!("Not saved. {error}. Your edits are kept."),
                        is_warning: true,
                    });
                    return;
                }
            }
        }
        if saved > 0 {
            self.view.notice = Some(Notice {
                text: if saved == 1 {
                    "Saved 1 file.".to_owned()
                } else {
                    format!("Saved {saved} files.")
                },
                is_warning: false,
            });
        }
        if let Some(then) = self.saving.then.take() {
            self.go_on(then);
        }
    }

    /// A new file joined the negotiation: remember it for the next start, and move what was
    /// kept under the old key (column settings, recovery) to the new one.
    fn origin_grew(&mut self, old_key: &str) {
        let origin = self.workspace.origin.clone();
        if origin.key() == old_key {
            return;
        }
        if let Some(store) = &self.recovery {
            let _ = store.discard(old_key);
        }
        self.recovery_written = None;
        self.settings
            .set_columns(&origin, self.view.columns.clone());
        self.settings.remember(&origin, self.workspace.name());
    }

    fn write_file(&self, file: FileId, path: &Path, mode: SaveMode) -> Result<(), SaveError> {
        let negotiation = &self.workspace.negotiation;
        match file {
            FileId::Agenda => match &negotiation.agenda {
                Some(agenda) => save_agenda(path, &agenda.data, mode),
                None => Ok(()),
            },
            FileId::Party(index) => match negotiation.parties.get(index) {
                Some(party) => save_party(path, &party.data, mode),
                None => Ok(()),
            },
        }
    }

    fn save_as(&mut self, then: Option<Then>) {
        self.saving = SaveQueue {
            files: VecDeque::new(),
            then,
        };
        let ctx = self.ctx.clone();
        match self
            .dialogs
            .open(DialogKind::Folder, move || ctx.request_repaint())
        {
            Ok(()) => self.dialog_purpose = DialogPurpose::SaveAs,
            Err(error) => {
                self.view.notice = Some(Notice {
                    text: format!("The folder dialog could not be opened: {error}"),
                    is_warning: true,
                });
            }
        }
    }

    /// Writes every file into `folder` under its own name, then works on from there.
    fn save_into(&mut self, folder: &Path) {
        let negotiation = &self.workspace.negotiation;
        let mut targets: HashMap<FileId, PathBuf> = HashMap::new();
        if negotiation.agenda.is_some() {
            targets.insert(FileId::Agenda, folder.join(AGENDA_FILE_NAME));
        }
        for (index, party) in negotiation.parties.iter().enumerate() {
            let name = party
                .path
                .file_name()
                .map_or_else(|| format!("{}.ron", party.data.party.id).into(), Into::into);
            targets.insert(FileId::Party(index), folder.join::<PathBuf>(name));
        }
        let same_place = targets
            .iter()
            .all(|(file, target)| self.workspace.path_of(*file) == Some(target.as_path()));
        if same_place && self.workspace.origin != Origin::Example {
            // The folder the files are in: that is an ordinary save, comments question and all.
            let then = self.saving.then.take();
            self.save_all(then);
            return;
        }
        let clash = targets.iter().find(|(file, target)| {
            target.exists() && self.workspace.path_of(**file) != Some(target.as_path())
        });
        if let Some((_, target)) = clash {
            self.saving = SaveQueue::default();
            self.view.notice = Some(Notice {
                text: format!(
                    "Not saved: {} already exists. Choose an empty folder, or one holding this \
                     negotiation.",
                    target.display()
                ),
                is_warning: true,
            });
            return;
        }
        let mut files: Vec<FileId> = targets.keys().copied().collect();
        files.sort();
        for file in files {
            if let Err(error) = self.write_file(file, &targets[&file], SaveMode::AcceptLoss) {
                self.saving = SaveQueue::default();
                self.view.notice = Some(Notice {
                    text: format!("Not saved. {error}. Your edits are kept."),
                    is_warning: true,
                });
                return;
            }
        }
        if let Some(store) = &self.recovery {
            let _ = store.discard(&self.workspace.origin.key());
        }
        self.recovery_written = None;
        let origin = Origin::paths(vec![folder.to_owned()]);
        self.workspace.move_to(origin, &targets);
        // Undo would put back data with the old folder's paths.
        self.history.clear();
        for file in targets.keys() {
            self.workspace.mark_saved(*file);
        }
        self.settings
            .remember(&self.workspace.origin, self.workspace.name());
        self.rewatch = true;
        self.view.notice = Some(Notice {
            text: format!("Saved into {}.", folder.display()),
            is_warning: false,
        });
        self.loaded();
        if let Some(then) = self.saving.then.take() {
            self.go_on(then);
        }
    }

    /// Carries on with what unsaved changes held up, once they are saved or discarded.
    fn go_on(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.allow_close = true;
                self.commands.push(Command::Quit);
            }
            Then::Open(origin) => self.open(origin),
            Then::Reload => self.reload(),
        }
    }

    fn save_columns(&mut self) {
        let columns = self.view.columns.clone();
        self.settings.set_columns(&self.workspace.origin, columns);
        self.changed();
    }

    fn select(&mut self, key: StatementKey) {
        let Some(statement) = self.workspace.statement(key) else {
            return;
        };
        let party_id = self.workspace.negotiation.parties[key.party]
            .data
            .party
            .id
            .clone();
        let issue = statement.issue.clone();
        let search_text = self.workspace.search_text(key);
        let filtered_out = !self
            .view
            .filters
            .shows_statement(statement.kind, search_text)
            || self
                .workspace
                .issue_group(&issue)
                .is_some_and(|group| !self.view.filters.shows_category(&group.category));
        if filtered_out {
            self.view.filters = Filters::default();
            self.view.notice = Some(Notice {
                text: "The filters hid that statement, so they were cleared.".to_owned(),
                is_warning: false,
            });
            self.changed();
        }
        if self.view.columns.hidden.remove(&party_id) {
            self.save_columns();
        }
        if self.view.collapsed.remove(&issue) {
            self.changed();
        }
        self.view.selected = Some(key);
        self.view.edited_issue = self
            .workspace
            .issue_group(&issue)
            .and_then(|group| group.agenda_index);
        self.view.selected_issue = Some(issue);
        self.view.scroll_to = Some(key);
    }

    /// Selects an issue and brings it into view in the columns, which must show it.
    fn select_issue(&mut self, issue: String) {
        let Some(group) = self.workspace.issue_group(&issue) else {
            return;
        };
        if !self.view.filters.shows_category(&group.category) {
            self.view.filters.category = None;
            self.changed();
        }
        if self.view.collapsed.remove(&issue) {
            self.changed();
        }
        let selection_elsewhere = self
            .view
            .selected
            .and_then(|key| self.workspace.statement(key))
            .is_some_and(|statement| statement.issue != issue);
        if selection_elsewhere {
            self.view.selected = None;
        }
        self.settings.page = Page::Columns;
        self.view.edited_issue = self
            .workspace
            .issue_group(&issue)
            .and_then(|group| group.agenda_index);
        self.view.selected_issue = Some(issue.clone());
        self.view.scroll_to_issue = Some(issue);
    }

    fn open_dialog(&mut self, ui: &egui::Ui, kind: DialogKind, purpose: DialogPurpose) {
        let ctx = ui.ctx().clone();
        let text = match self.dialogs.open(kind, move || ctx.request_repaint()) {
            Ok(()) => {
                self.dialog_purpose = purpose;
                return;
            }
            Err(DialogError::AlreadyOpen) => "A file dialog is already open.".to_owned(),
            Err(DialogError::NoThread(error)) => format!(
                "The file dialog could not be started ({error}). Drag files onto the window or \
                 use File › Open path… instead."
            ),
        };
        self.view.notice = Some(Notice {
            text,
            is_warning: true,
        });
    }

    /// Carries out one command.
    pub fn apply(&mut self, ui: &egui::Ui, command: Command) {
        match command {
            Command::Open(origin) if self.workspace.is_dirty() => {
                self.ask_about_unsaved(Then::Open(origin));
            }
            Command::Open(origin) => self.open(origin),
            Command::Reload if self.workspace.is_dirty() => self.ask_about_unsaved(Then::Reload),
            Command::Reload => self.reload(),
            Command::Edit { edit, field } => self.edit(edit, field),
            Command::EndTyping => self.history.seal(),
            Command::Undo => {
                let undone = self
                    .history
                    .undo(&mut self.workspace.negotiation)
                    .map(|change| (change.select_before, change.file));
                if let Some((selected, file)) = undone {
                    self.after_edit(selected, file);
                }
            }
            Command::Redo => {
                let redone = self
                    .history
                    .redo(&mut self.workspace.negotiation)
                    .map(|change| (change.select_after, change.file));
                if let Some((selected, file)) = redone {
                    self.after_edit(selected, file);
                }
            }
            Command::SetEditing(editing) => {
                self.view.editing = editing;
                self.view.focus_editor = editing;
                if !editing {
                    self.view.edited_party = None;
                }
            }
            Command::EditParty(party) => {
                self.view.focus_editor = true;
                self.view.edited_party = Some(party);
                self.view.selected = None;
                self.view.editing = true;
            }
            Command::Save => {
                let current = self
                    .view
                    .edited_party
                    .map(FileId::Party)
                    .or(self.view.selected.map(|key| FileId::Party(key.party)))
                    .filter(|&file| self.workspace.is_file_dirty(file));
                match current {
                    Some(file) => self.save(vec![file], None),
                    None => self.save_all(None),
                }
            }
            Command::SaveAll => self.save_all(None),
            Command::SaveAs => self.save_as(None),
            Command::SaveThen(then) => {
                self.view.modal = None;
                self.save_all(Some(then));
            }
            Command::DiscardThen(then) => {
                self.view.modal = None;
                if let Some(store) = &self.recovery {
                    let _ = store.discard(&self.workspace.origin.key());
                }
                self.recovery_written = None;
                self.go_on(then);
            }
            Command::AcceptLoss => {
                if let Some(Modal::ConfirmLoss { path, .. }) = self.view.modal.take() {
                    self.accepted_loss.insert(path);
                }
                self.continue_saving();
            }
            Command::ReloadFile(file) => {
                self.view.modal = None;
                self.reload_file(file);
            }
            Command::KeepMine => self.view.modal = None,
            Command::RestoreRecovery => {
                if let Some(Modal::Recover { snapshot, .. }) = self.view.modal.take()
                    && snapshot.origin == self.workspace.origin.key()
                {
                    self.restore_recovery(&snapshot);
                }
            }
            Command::DiscardRecovery => {
                if let Some(Modal::Recover { snapshot, .. }) = self.view.modal.take()
                    && let Some(store) = &self.recovery
                {
                    let _ = store.discard(&snapshot.origin);
                }
            }
            Command::ShowOpenFilesDialog => {
                self.open_dialog(ui, DialogKind::Files, DialogPurpose::Open);
            }
            Command::ShowOpenFolderDialog => {
                self.open_dialog(ui, DialogKind::Folder, DialogPurpose::Open);
            }
            Command::ExportBrief => {
                let request = export::brief_request(self.workspace.name());
                self.open_dialog(ui, DialogKind::Save(request), DialogPurpose::ExportBrief);
            }
            Command::ExportImage => {
                let request = export::image_request(self.workspace.name(), self.settings.page);
                self.open_dialog(ui, DialogKind::Save(request), DialogPurpose::ExportImage);
            }
            Command::ShowOpenPathPrompt => {
                self.view.modal = Some(Modal::OpenPath {
                    text: String::new(),
                });
            }
            Command::SetTypedPath(text) => {
                if let Some(Modal::OpenPath { text: typed }) = &mut self.view.modal {
                    *typed = text;
                }
            }
            Command::OpenTypedPath(text) => {
                self.view.modal = None;
                let path = PathBuf::from(text.trim());
                if path.as_os_str().is_empty() {
                    return;
                }
                // Through the guard on unsaved changes, as every other way of opening.
                self.commands.push(Command::Open(Origin::paths(vec![path])));
            }
            Command::ForgetRecent => self.settings.recent.clear(),
            Command::Select(key) => self.select(key),
            Command::Follow(key) => {
                if let Some(from) = self.view.selected.filter(|&from| from != key) {
                    self.view.back.push(from);
                }
                self.select(key);
            }
            Command::Back => {
                if let Some(key) = self.view.back.pop() {
                    self.select(key);
                }
            }
            Command::ClearSelection => {
                self.view.selected = None;
                self.view.selected_issue = None;
                self.view.edited_issue = None;
            }
            Command::SelectIssue(issue) => self.select_issue(issue),
            Command::SelectNext(step) => {
                if let Some(next) = self.derived.layout.neighbour(self.view.selected, step) {
                    self.select(next);
                }
            }
            Command::SetPartyShown { party, shown } => {
                if shown {
                    self.view.columns.hidden.remove(&party);
                } else {
                    // The inspector shows only what the columns show.
                    if self.view.selected.is_some_and(|key| {
                        self.workspace.negotiation.parties[key.party].data.party.id == party
                    }) {
                        self.view.selected = None;
                    }
                    self.view.columns.hidden.insert(party);
                }
                self.save_columns();
            }
            Command::MoveParty { party, to } => {
                self.view.columns.move_party(&self.workspace, &party, to);
                self.save_columns();
            }
            Command::SetIssueCollapsed { issue, collapsed } => {
                if collapsed {
                    self.view.collapsed.insert(issue);
                } else {
                    self.view.collapsed.remove(&issue);
                }
                self.changed();
            }
            Command::SetAllIssuesCollapsed(collapsed) => {
                self.view.collapsed = if collapsed {
                    self.workspace.issues.iter().map(|g| g.id.clone()).collect()
                } else {
                    BTreeSet::new()
                };
                self.changed();
            }
            Command::SetKindShown { kind, shown } => {
                if shown {
                    self.view.filters.kinds.insert(kind);
                } else {
                    self.view.filters.kinds.remove(&kind);
                }
                self.changed();
            }
            Command::ShowAllKinds => {
                self.view.filters.kinds.clear();
                self.changed();
            }
            Command::SetCategory(category) => {
                self.view.filters.category = category;
                self.changed();
            }
            Command::SetSearch(text) => {
                self.view.filters.search = text;
                self.changed();
            }
            Command::FocusSearch => self.view.focus_search = true,
            Command::ClearFilters => {
                self.view.filters = Filters::default();
                self.changed();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ui.set_theme(theme);
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ui),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ui),
            Command::ZoomReset => ui.set_zoom_factor(1.0),
            Command::SetProblemsShown(shown) => self.view.show_problems = shown,
            Command::SetInspectorShown(shown) => self.settings.show_inspector = shown,
            Command::SetCommonGroundShown(shown) => self.settings.show_common_ground = shown,
            Command::SetPage(page) => self.settings.page = page,
            Command::ShowAbout => self.view.modal = Some(Modal::About),
            Command::ShowShortcuts => self.view.modal = Some(Modal::Shortcuts),
            Command::CloseModal => {
                // Closing the question about dropping comments cancels the save.
                if matches!(self.view.modal, Some(Modal::ConfirmLoss { .. })) {
                    self.saving = SaveQueue::default();
                }
                self.view.modal = None;
            }
            Command::DismissNotice => self.view.notice = None,
            Command::Quit if self.workspace.is_dirty() && !self.allow_close => {
                self.ask_about_unsaved(Then::Quit);
            }
            Command::Quit => ui.send_viewport_cmd(ViewportCommand::Close),
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Opens the window on `paths`, or on the last negotiation when there are none.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Common Ground")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 420.0]);
    // A window without its icon is still the app.
    match window_icon() {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(error) => eprintln!("common-ground: the window icon could not be read: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(|cc| Ok(Box::new(App::new(cc, paths)))),
    )
    .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))
}

/// The window icon, rendered from `assets/icon.svg`.
fn window_icon() -> Result<egui::IconData, String> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png"))
        .map_err(|error| error.to_string())
}

/// A file's name for messages: "us.ron".
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// `path` with `extension` added when it has none: not every save dialog adds it.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// The theme choices the View menu offers, in order.
pub const THEMES: [(ThemePreference, &str); 3] = [
    (ThemePreference::System, "Follow the system"),
    (ThemePreference::Light, "Light"),
    (ThemePreference::Dark, "Dark"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_decodes() {
        let icon = window_icon().expect("the bundled icon is a valid PNG");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
