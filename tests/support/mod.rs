//! What the window tests share: a window over the example or given files, dialogs that
//! answer as the test says, and waiting for work done on other threads.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]
// Each test file uses some of these, and each is compiled on its own.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use common_ground_core::model::Statement;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::disk::ScriptedWatcher;
use common_ground_document::recovery::RecoveryStore;
use common_ground_window::{
    App, DialogAnswer, FileDialogs, PickRequest, Platform, SaveRequest, Settings,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

pub(crate) const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ukraine-2022");
pub(crate) const US_RED_LINE: &str =
    "No change to NATO's open door; no permanent ban on Ukraine joining";
/// The US red line's card: its summary alone also appears in the common-ground panel.
pub(crate) const US_RED_LINE_CARD: &str =
    "US, red line: No change to NATO's open door; no permanent ban on Ukraine joining";
pub(crate) const US_MISSILE_OFFER: &str =
    "Potential negotiations over offensive missile placement in Eastern Europe";

/// Dialogs that answer with whatever the test set, at once, or once the test lets them; by
/// default, as on a system without a desktop portal or zenity, that no dialog can be shown.
/// Each dialog's title and starting folder are kept, for tests of what the dialogs ask.
#[derive(Default)]
pub(crate) struct ScriptedDialogs {
    answer: Mutex<Option<Vec<PathBuf>>>,
    /// Answers for the dialogs to come, one each, before `answer`.
    in_turn: Mutex<std::collections::VecDeque<Vec<PathBuf>>>,
    asked: Mutex<Vec<(String, Option<PathBuf>)>>,
    /// While true, a dialog stays open: as a person still choosing, however long they take.
    held: Mutex<bool>,
    released: Condvar,
}

impl ScriptedDialogs {
    pub(crate) fn answering(paths: Vec<PathBuf>) -> Arc<Self> {
        Arc::new(ScriptedDialogs {
            answer: Mutex::new(Some(paths)),
            ..ScriptedDialogs::default()
        })
    }

    /// Dialogs that answer each with the next of `answers`, in turn: the files to import,
    /// then the folder for them.
    pub(crate) fn answering_in_turn(answers: Vec<Vec<PathBuf>>) -> Arc<Self> {
        Arc::new(ScriptedDialogs {
            in_turn: Mutex::new(answers.into()),
            ..ScriptedDialogs::default()
        })
    }

    /// Dialogs that stay open, answering `paths` only after [`ScriptedDialogs::release`].
    pub(crate) fn holding(paths: Vec<PathBuf>) -> Arc<Self> {
        Arc::new(ScriptedDialogs {
            answer: Mutex::new(Some(paths)),
            held: Mutex::new(true),
            ..ScriptedDialogs::default()
        })
    }

    /// Lets every held dialog answer.
    pub(crate) fn release(&self) {
        *self.held.lock().unwrap() = false;
        self.released.notify_all();
    }

    /// The title and starting folder of every dialog shown so far.
    pub(crate) fn asked(&self) -> Vec<(String, Option<PathBuf>)> {
        self.asked
            .lock()
            .map(|asked| asked.clone())
            .unwrap_or_default()
    }

    fn answer(&self, title: &str, directory: Option<&PathBuf>) -> DialogAnswer {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push((title.to_owned(), directory.cloned()));
        }
        let mut held = self.held.lock().unwrap();
        while *held {
            held = self.released.wait(held).unwrap();
        }
        drop(held);
        if let Some(next) = self
            .in_turn
            .lock()
            .ok()
            .and_then(|mut turn| turn.pop_front())
        {
            return DialogAnswer::Picked(next);
        }
        match self.answer.lock().ok().and_then(|answer| answer.clone()) {
            Some(paths) => DialogAnswer::Picked(paths),
            None => DialogAnswer::Unavailable,
        }
    }
}

/// Lets held dialogs answer when dropped, so that a test that fails while one is open ends
/// rather than waiting on it for ever.
pub(crate) struct ReleaseOnDrop(pub(crate) Arc<ScriptedDialogs>);

impl Drop for ReleaseOnDrop {
    fn drop(&mut self) {
        self.0.release();
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_files(&self, request: &PickRequest) -> DialogAnswer {
        self.answer(&request.title, request.directory.as_ref())
    }
    fn pick_folder(&self, request: &PickRequest) -> DialogAnswer {
        match self.answer(&request.title, request.directory.as_ref()) {
            DialogAnswer::Picked(paths) => {
                DialogAnswer::Picked(paths.into_iter().take(1).collect())
            }
            other => other,
        }
    }
    fn save_file(&self, request: &SaveRequest) -> DialogAnswer {
        match self.answer(&request.title, request.directory.as_ref()) {
            DialogAnswer::Picked(paths) => {
                DialogAnswer::Picked(paths.into_iter().take(1).collect())
            }
            other => other,
        }
    }
}

pub(crate) fn harness_for(app: App, size: Vec2) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

/// What the window is given in tests: these dialogs, nothing written aside, and changes on
/// disk reported only when a test says so, through `disk`.
pub(crate) fn platform(dialogs: Arc<dyn FileDialogs>, disk: &ScriptedWatcher) -> Platform {
    Platform {
        dialogs,
        recovery: None,
        watcher: disk.start(),
    }
}

/// The app over `paths`, its file changes scripted by a watcher nobody feeds.
pub(crate) fn app(settings: Settings, paths: Vec<PathBuf>, dialogs: Arc<dyn FileDialogs>) -> App {
    App::new(
        settings,
        paths,
        platform(dialogs, &ScriptedWatcher::default()),
    )
}

/// The app writing unsaved edits aside into `store`.
pub(crate) fn app_with_recovery(
    settings: Settings,
    paths: Vec<PathBuf>,
    dialogs: Arc<dyn FileDialogs>,
    store: RecoveryStore,
) -> App {
    let platform = Platform {
        recovery: Some(store),
        ..platform(dialogs, &ScriptedWatcher::default())
    };
    App::new(settings, paths, platform)
}

pub(crate) fn window(paths: Vec<PathBuf>) -> Harness<'static, App> {
    let app = app(
        Settings::default(),
        paths,
        Arc::new(ScriptedDialogs::default()),
    );
    harness_for(app, Vec2::new(1600.0, 1000.0))
}

/// A window whose changes on disk the test reports through the watcher returned.
pub(crate) fn watched_window(paths: Vec<PathBuf>) -> (Harness<'static, App>, ScriptedWatcher) {
    let disk = ScriptedWatcher::default();
    let app = App::new(
        Settings::default(),
        paths,
        platform(Arc::new(ScriptedDialogs::default()), &disk),
    );
    (harness_for(app, Vec2::new(1600.0, 1000.0)), disk)
}

pub(crate) fn example_window() -> Harness<'static, App> {
    window(Vec::new())
}

/// Steps the window until `done` holds, for work that finishes on another thread.
pub(crate) fn step_until(harness: &mut Harness<'static, App>, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "the window never got there");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

pub(crate) fn copy_example_to(folder: &Path) {
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        std::fs::copy(Path::new(DATA).join(name), folder.join(name)).unwrap();
    }
}

/// The rectangle of the central view, between the toolbar and the status bar.
pub(crate) fn in_view(harness: &Harness<'static, App>, label: &str) -> bool {
    // Rows out of view are not built at all.
    let Some(card) = harness.query_by_label_contains(label) else {
        return false;
    };
    let card = card.rect();
    let window = harness.ctx.content_rect();
    card.top() >= 0.0 && card.bottom() <= window.bottom() && card.left() >= 0.0
}

/// Turns the mouse wheel over the common-ground panel: negative `by` scrolls down.
pub(crate) fn scroll_findings(harness: &mut Harness<'static, App>, by: f32) {
    let panel = harness.get_by_label_contains("Comparing").rect().center();
    harness.hover_at(panel);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, by),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // Scrolling this far glides over several frames.
    harness.run_steps(20);
    harness.run();
}

/// The column headers' labels, left to right as the user reads them.
pub(crate) fn column_headers(harness: &Harness<'static, App>) -> Vec<String> {
    let mut headers: Vec<(f32, String)> = harness
        .get_all_by_role(Role::ColumnHeader)
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            (node.rect().left(), label)
        })
        .collect();
    headers.sort_by(|a, b| a.0.total_cmp(&b.0));
    headers.into_iter().map(|(_, label)| label).collect()
}

/// The US red line, chosen and opened in the editor.
pub(crate) fn edit_us_red_line(harness: &mut Harness<'static, App>) -> StatementKey {
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    assert!(harness.state().view().editing);
    harness
        .state()
        .view()
        .selected
        .expect("a statement is selected")
}

pub(crate) fn statement(
    harness: &Harness<'static, App>,
    key: StatementKey,
) -> common_ground_core::model::Statement {
    harness
        .state()
        .session()
        .workspace()
        .statement(key)
        .unwrap()
        .clone()
}

/// Replaces the text of the multi-line field labelled `label`, as a person would: click into
/// it, select all, type.
pub(crate) fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(text);
    harness.run();
}

pub(crate) fn set_number(harness: &mut Harness<'static, App>, label: &str, value: f64) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .set_value_accesskit(value);
    harness.run();
}

pub(crate) fn folder_window() -> (tempfile::TempDir, Harness<'static, App>) {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let harness = window(vec![folder.path().to_owned()]);
    (folder, harness)
}

/// The statement selected in the window: a test fails here when none is.
pub(crate) fn selected_statement(harness: &Harness<'static, App>) -> Statement {
    let selected = harness
        .state()
        .view()
        .selected
        .expect("a statement is selected");
    harness
        .state()
        .session()
        .workspace()
        .statement(selected)
        .expect("the selected statement exists")
        .clone()
}
