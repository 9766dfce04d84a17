//! [`App`]: draws the document and carries out what the user asks. The document's life is
//! the [`Session`]'s; what is remembered between runs is [`Settings`]; what the window shows
//! and forgets is [`ViewState`]. Views draw from these and push [`Command`]s, applied after the
//! frame ([`crate::apply`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use common_ground_core::analysis::{Analysis, analyse_again, analyse_at};
use common_ground_core::blocs::{Bloc, BlocMode, Divergence, blocs, divergence_at};
use common_ground_core::diff::{Diff, diff_analyses};
use common_ground_core::edit::Touched;
use common_ground_core::figure;
use common_ground_core::negotiation::Negotiation;
use common_ground_core::rounds::Spans;
use common_ground_document::disk::{StartWatcher, Waker, watch_the_disk};
use common_ground_document::recovery::{RecoveryStore, write_aside_on_panic};
use common_ground_document::{Notice, Session};
use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};

use crate::command::Commands;
use crate::dialogs::{FileDialogs, NativeDialogs};
use crate::effects::Effects;
use crate::layout::{ColumnLayout, RowHeights};
use crate::settings::Settings;
use crate::view_state::ViewState;
use crate::views::{self, ViewContext};
use crate::{keyboard, style};

/// The key the settings are stored under in eframe's storage.
const SETTINGS_KEY: &str = "common-ground-settings";
pub(crate) const APP_ID: &str = "common-ground";

/// What the app needs from the system; tests and benches put in their own.
pub struct Platform {
    pub dialogs: Arc<dyn FileDialogs>,
    /// Where unsaved edits are written aside; `None` writes nothing aside.
    pub recovery: Option<RecoveryStore>,
    /// How changes other programs make to the open files are noticed.
    pub watcher: StartWatcher,
}

impl Platform {
    /// The system's dialogs, recovery in the app's data folder, the file system watched.
    pub fn native() -> Self {
        Platform {
            dialogs: Arc::new(NativeDialogs),
            recovery: eframe::storage_dir(APP_ID)
                .map(|folder| RecoveryStore::new(folder.join("recovery"))),
            watcher: watch_the_disk(),
        }
    }

    /// Given dialogs, nothing written aside, the file system watched.
    pub fn with_dialogs(dialogs: Arc<dyn FileDialogs>) -> Self {
        Platform {
            dialogs,
            recovery: None,
            watcher: watch_the_disk(),
        }
    }
}

/// Derived from the document and the view; rebuilt only when they change.
#[derive(Default)]
pub(crate) struct Derived {
    built_for: Option<(u64, u64, RowHeights)>,
    pub(crate) layout: ColumnLayout,
    /// The round shown and the round compared with, as the rows were built for.
    round: Option<usize>,
    compared: Option<usize>,
    rounds: RoundCache,
    /// The rounds each statement holds in, for the session version they were made of.
    spans_for: Option<u64>,
    spans: Spans,
    /// Every declared bloc, how it is shown, and its members' divergence at the round shown.
    pub(crate) blocs: Vec<BlocShown>,
}

/// A bloc as the window shows it.
pub(crate) struct BlocShown {
    pub(crate) bloc: Bloc,
    pub(crate) mode: BlocMode,
    pub(crate) divergence: Vec<Divergence>,
}

impl Derived {
    /// The analysis at the round shown.
    pub(crate) fn analysis(&self) -> Option<&Analysis> {
        self.rounds.analyses.get(&self.round)
    }

    /// The analysis at the round compared with, for the ghosted ranges.
    pub(crate) fn earlier(&self) -> Option<&Analysis> {
        self.compared
            .and_then(|compared| self.rounds.analyses.get(&Some(compared)))
    }

    /// What changed between the round compared with and the round shown.
    pub(crate) fn changes(&self) -> Option<&Diff> {
        self.rounds.diffs.get(&(self.compared?, self.round?))
    }
}

/// The analyses and diffs of the rounds visited, kept while the data and the parties shown
/// stay the same: stepping back and forth along the timeline works each out once.
#[derive(Default)]
struct RoundCache {
    made_for: Option<(u64, Vec<usize>)>,
    analyses: HashMap<Option<usize>, Analysis>,
    diffs: HashMap<(usize, usize), Diff>,
}

/// More diffs than this and the oldest choices are forgotten: each pair of rounds compared
/// keeps one.
const DIFFS_KEPT: usize = 32;

impl RoundCache {
    /// Brings the cache up to the data at `version`; `touched_since` says what changed since
    /// an earlier version, so that an edit to a few issues re-analyses those alone.
    fn update(
        &mut self,
        negotiation: &Negotiation,
        (version, parties): (u64, &[usize]),
        touched_since: impl Fn(u64) -> Touched,
        (round, compared): (Option<usize>, Option<usize>),
    ) {
        match &self.made_for {
            Some((made, shown)) if *made == version && shown == parties => {}
            Some((made, shown)) if shown == parties => {
                let touched = touched_since(*made);
                for (at, analysis) in &mut self.analyses {
                    *analysis = analyse_again(negotiation, analysis, &touched, *at);
                }
                self.diffs.clear();
            }
            _ => {
                self.analyses.clear();
                self.diffs.clear();
            }
        }
        self.made_for = Some((version, parties.to_vec()));
        for at in [Some(round), compared.map(Some)].into_iter().flatten() {
            self.analyses
                .entry(at)
                .or_insert_with(|| analyse_at(negotiation, parties, at));
        }
        let (Some(from), Some(to)) = (compared, round) else {
            return;
        };
        if self.diffs.contains_key(&(from, to)) {
            return;
        }
        if self.diffs.len() >= DIFFS_KEPT {
            self.diffs.clear();
        }
        if let (Some(before), Some(after)) =
            (self.analyses.get(&Some(from)), self.analyses.get(&Some(to)))
        {
            let diff = diff_analyses(negotiation, before, after, from, to);
            self.diffs.insert((from, to), diff);
        }
    }
}

pub struct App {
    pub(crate) settings: Settings,
    pub(crate) session: Session,
    pub(crate) view: ViewState,
    pub(crate) commands: Commands,
    pub(crate) effects: Effects,
    pub(crate) derived: Derived,
    /// The egui context, once the first frame brings it, for waking the window from the
    /// watcher's thread.
    context: Arc<OnceLock<egui::Context>>,
}

impl App {
    /// The app as eframe starts it: settings from storage, then the given paths, else the
    /// last negotiation, else the example.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let platform = Platform::native();
        let store = platform.recovery.clone();
        let app = Self::restore(cc.storage, paths, platform);
        // Whatever panics from here on, in the app or in the windowing system under it, the
        // unsaved edits are written aside first. winit 0.30.13, the newest eframe 0.37 takes,
        // unwraps the X11 error of a window destroyed from outside (`inner_position_physical`;
        // winit#3686 is the nearest report upstream, and no release fixes it).
        if let Some(store) = store {
            write_aside_on_panic(store, app.session.emergency_copy());
        }
        app
    }

    /// The app with the settings a previous run saved in `storage`, if any.
    pub fn restore(
        storage: Option<&dyn eframe::Storage>,
        paths: Vec<PathBuf>,
        platform: Platform,
    ) -> Self {
        // Unreadable settings (say, from a newer version) are not worth refusing to start.
        let settings: Settings = storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        Self::new(settings, paths, platform)
    }

    /// The app with given settings, as tests and benchmarks build it.
    pub fn new(settings: Settings, paths: Vec<PathBuf>, platform: Platform) -> Self {
        let mut settings = settings.checked();
        let (origin, gone) = settings.origin_to_open(paths);
        let context: Arc<OnceLock<egui::Context>> = Arc::default();
        let wake: Waker = {
            let context = Arc::clone(&context);
            Arc::new(move || {
                if let Some(ctx) = context.get() {
                    ctx.request_repaint();
                }
            })
        };
        let session = Session::new(origin, platform.recovery, platform.watcher, wake);
        let mut app = App {
            settings: std::mem::take(&mut settings),
            session,
            view: ViewState::default(),
            commands: Commands::default(),
            effects: Effects::new(platform.dialogs),
            derived: Derived::default(),
            context,
        };
        app.handle_events();
        if let Some(gone) = gone {
            app.view.tell(Notice::warning(format!(
                "{gone} could not be found any more, so the example is shown instead."
            )));
        }
        app
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The analysis the columns and the findings show, as of the last frame.
    pub fn analysis_shown(&self) -> Option<&Analysis> {
        self.derived.analysis()
    }

    /// The egui context, from the first frame on.
    pub(crate) fn context(&self) -> Option<&egui::Context> {
        self.context.get()
    }

    /// Queues a command as if a view had pushed it.
    pub fn push(&mut self, command: crate::command::Command) {
        self.commands.push(command);
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.context.get().is_none() {
            self.first_frame(ui);
        }
        if ui.input(|i| i.viewport().close_requested()) && !self.session.may_close() {
            ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let blocked = self.view.modal.is_some() || self.session.question().is_some();
        keyboard::keyboard_ui(ui, blocked, &mut self.commands);
        self.session.poll_disk(self.view.modal.is_none());
        self.take_effects(ui);
        // What the disk or a dialog changed is drawn in this frame already.
        self.handle_events();
        self.effects.update_title(ui, self.session.workspace());
        self.rebuild_derived(ui);
        self.views_ui(ui);
        let commands = self.commands.take();
        let applied = !commands.is_empty();
        for command in commands {
            self.apply(ui, command);
            // Each command sees what the one before it did, as the user did them in turn.
            self.handle_events();
        }
        if applied {
            // The frame was drawn before these: draw it again.
            ui.request_repaint();
        }
        self.after_frame(ui);
    }

    fn first_frame(&self, ui: &egui::Ui) {
        // Only the first call sets it; there is no other.
        if self.context.set(ui.ctx().clone()).is_err() {
            return;
        }
        // egui's default font has no arrows (→) and few symbols; DejaVu Sans, bundled for PNG
        // figures, fills them in, so that no system font is needed for them. Added before any
        // text is laid out, it holds from this first frame on.
        ui.ctx().add_font(FontInsert::new(
            "DejaVu Sans",
            egui::FontData::from_static(figure::DEJAVU_SANS),
            vec![InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            }],
        ));
        // The registry's zoom keys are the only ones, so that menus and keys agree.
        ui.options_mut(|options| options.zoom_with_keyboard = false);
        style::raise_text_contrast(ui);
        ui.set_theme(self.settings.theme);
        ui.set_zoom_factor(self.settings.zoom);
    }

    /// Dialogs that closed, exports that finished, files dropped onto the window.
    fn take_effects(&mut self, ui: &egui::Ui) {
        if let Some(chosen) = self.effects.poll_dialog() {
            self.chosen(chosen);
        }
        if let Some(notice) = self.effects.poll_export() {
            self.view.tell(notice);
        }
        match self.effects.poll_import() {
            // The new folder opens as any other, asking first about unsaved changes.
            Some(Ok((folder, notice))) => {
                self.view.tell(notice.clone());
                self.view.imported = Some((folder.clone(), notice));
                self.commands.open_paths(vec![folder]);
            }
            Some(Err(notice)) => self.view.tell(notice),
            None => {}
        }
        self.commands.open_paths(crate::effects::dropped_files(ui));
    }

    fn views_ui(&mut self, ui: &mut egui::Ui) {
        self.view.dialog_open = self.effects.dialog_open();
        self.view.exporting = self.effects.exporting();
        self.view.importing = self.effects.importing();
        let cx = ViewContext {
            workspace: self.session.workspace(),
            history: self.session.history(),
            question: self.session.question(),
            settings: &self.settings,
            view: &self.view,
            layout: &self.derived.layout,
            analysis: self.derived.analysis(),
            earlier: self.derived.earlier(),
            changes: self.derived.changes(),
            blocs: &self.derived.blocs,
        };
        views::window_ui(ui, &cx, &mut self.commands);
        self.view.drawn();
    }

    fn after_frame(&mut self, ui: &egui::Ui) {
        self.view.frame_done(self.session.workspace());
        if self.view.take_columns_changed() {
            let origin = self.session.workspace().origin.clone();
            self.settings
                .set_columns(&origin, self.view.columns.clone());
        }
        // egui's own Ctrl +/− changes the zoom too; remember whatever it is now.
        self.settings.zoom = ui.zoom_factor();
        if let Some(wait) = self.session.tick(Instant::now()) {
            ui.request_repaint_after(wait);
        }
        if self.handle_events() {
            ui.request_repaint();
        }
        self.window_commands(ui);
    }

    /// Rebuilds the rows and the analysis when what they depend on changed.
    fn rebuild_derived(&mut self, ui: &egui::Ui) {
        let heights = views::columns::row_heights(ui, self.settings.compact_columns);
        let version = self.session.version();
        let key = (version, self.view.generation(), heights);
        if self.derived.built_for == Some(key) {
            return;
        }
        let workspace = self.session.workspace();
        let shown = self.view.columns.shown(workspace);
        let round = self.view.shown_round(workspace);
        let compared = self.view.compared_round(workspace);
        if self.derived.spans_for != Some(version) {
            self.derived.spans = Spans::of(&workspace.negotiation);
            self.derived.spans_for = Some(version);
        }
        self.derived.layout = ColumnLayout::build(
            workspace,
            &shown,
            &self.view.filters,
            &self.view.collapsed,
            (&self.derived.spans, round),
            heights,
        );
        self.derived.built_for = Some(key);
        self.derived.round = round;
        self.derived.compared = compared;
        self.derived.rounds.update(
            &workspace.negotiation,
            (version, &self.derived.layout.parties),
            |since| self.session.touched_since(since),
            (round, compared),
        );
        self.derived.blocs = blocs(&workspace.negotiation)
            .into_iter()
            .map(|bloc| BlocShown {
                mode: self.view.columns.bloc_mode(workspace, bloc.bloc),
                divergence: divergence_at(&workspace.negotiation, &bloc, round),
                bloc,
            })
            .collect();
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
        Box::new(|cc| Ok(Box::new(App::from_creation_context(cc, paths)))),
    )
    .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))
}

/// The window icon, rendered from `assets/icon.svg`.
fn window_icon() -> Result<egui::IconData, String> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../../assets/icon-256.png"))
        .map_err(|error| error.to_string())
}

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
