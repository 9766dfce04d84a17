//! The window, driven like a person would drive it: headless egui_kittest, no GPU.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common_ground::app::{App, FileDialogs, Origin, SaveRequest, Settings};
use egui::{Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ukraine-2022");
const US_RED_LINE: &str = "No change to NATO's open door; no permanent ban on Ukraine joining";
/// The US red line's card: its summary alone also appears in the common-ground panel.
const US_RED_LINE_CARD: &str =
    "US, red line: No change to NATO's open door; no permanent ban on Ukraine joining";
const US_MISSILE_OFFER: &str =
    "Potential negotiations over offensive missile placement in Eastern Europe";

/// Dialogs that answer with whatever the test set, at once.
#[derive(Default)]
struct ScriptedDialogs {
    answer: Mutex<Option<Vec<PathBuf>>>,
}

impl ScriptedDialogs {
    fn answering(paths: Vec<PathBuf>) -> Arc<Self> {
        Arc::new(ScriptedDialogs {
            answer: Mutex::new(Some(paths)),
        })
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        self.answer.lock().ok()?.clone()
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        self.pick_files()?.into_iter().next()
    }
    fn save_file(&self, _: &SaveRequest) -> Option<PathBuf> {
        self.pick_folder()
    }
}

fn harness_for(app: App, size: Vec2) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn window(paths: Vec<PathBuf>) -> Harness<'static, App> {
    let app = App::with_settings(
        Settings::default(),
        paths,
        Arc::new(ScriptedDialogs::default()),
    );
    harness_for(app, Vec2::new(1600.0, 1000.0))
}

fn example_window() -> Harness<'static, App> {
    window(Vec::new())
}

/// Steps the window until `done` holds, for work that finishes on another thread.
fn step_until(harness: &mut Harness<'static, App>, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "the window never got there");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

fn copy_example_to(folder: &Path) {
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        std::fs::copy(Path::new(DATA).join(name), folder.join(name)).unwrap();
    }
}

#[test]
fn the_example_opens_with_a_column_per_party_and_labelled_statements() {
    let harness = example_window();
    for name in [
        "North Atlantic Treaty Organization",
        "Russian Federation",
        "United States",
    ] {
        harness.get_by_label(name);
    }
    harness.get_by_label_contains(US_RED_LINE_CARD);
    assert_eq!(harness.state().workspace().origin, Origin::Example);
    harness.get_by_label("3 of 3 parties shown");
    harness.get_by_label("4 files loaded");
}

#[test]
fn selecting_a_statement_shows_its_quotes_in_the_inspector() {
    let mut harness = example_window();
    assert!(
        harness
            .query_by_label_contains("There is no change, there will be no change")
            .is_none()
    );
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.get_by_label_contains("There is no change, there will be no change");
    harness.get_by_label("— Antony Blinken, US Secretary of State, 2022-01-26");
    // The scale is drawn (and described to screen readers), and written out under it.
    harness.get_by_role_and_label(egui::Role::Image, "Stance 100, acceptable range 90–100");
    harness.get_by_role_and_label(egui::Role::Label, "Stance 100, acceptable range 90–100");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("There is no change, there will be no change")
            .is_none()
    );
}

#[test]
fn hiding_a_party_removes_its_column_and_showing_it_brings_it_back() {
    let mut harness = example_window();
    harness.get_by_label("NATO").click();
    harness.run();
    assert!(
        harness
            .query_by_label("North Atlantic Treaty Organization")
            .is_none()
    );
    harness.get_by_label("2 of 3 parties shown");
    harness.get_by_label("NATO").click();
    harness.run();
    harness.get_by_label("North Atlantic Treaty Organization");
}

#[test]
fn the_hide_button_on_a_column_hides_that_party() {
    let mut harness = example_window();
    harness
        .get_by_label_contains("Russia, demand: Guarantees that NATO will never admit Ukraine")
        .click();
    harness.run();
    assert!(harness.state().view().selected.is_some());
    let russia = harness
        .get_by_role_and_label(egui::Role::ColumnHeader, "Russian Federation")
        .rect();
    let hide = harness
        .get_all_by_label("Hide")
        .find(|button| russia.contains_rect(button.rect()))
        .expect("a Hide button in Russia's header");
    hide.click();
    harness.run();
    assert!(harness.query_by_label("Russian Federation").is_none());
    assert!(harness.query_by_label_contains("Russia, demand:").is_none());
    // The inspector does not keep showing a statement of a hidden party.
    assert_eq!(harness.state().view().selected, None);
}

#[test]
fn filtering_by_kind_shows_only_that_kind() {
    let mut harness = example_window();
    assert!(harness.query_all_by_label_contains(", offer:").count() > 0);
    harness.get_by_label("red line").click();
    harness.run();
    assert!(harness.query_all_by_label_contains(", red line:").count() >= 4);
    for other in [", offer:", ", demand:", ", concern:", ", warning:"] {
        assert_eq!(
            harness.query_all_by_label_contains(other).count(),
            0,
            "{other}"
        );
    }
    harness.get_by_label_contains("match the filters");
}

#[test]
fn searching_keeps_matching_statements_and_escape_clears_it() {
    let mut harness = example_window();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = harness.get_by_label("Search");
    assert!(
        search.is_focused(),
        "Ctrl+F puts the cursor in the search field"
    );
    search.type_text("missile");
    harness.run();
    harness.get_by_label_contains(US_MISSILE_OFFER);
    assert!(harness.query_by_label_contains(US_RED_LINE_CARD).is_none());
    // A match inside a quote counts too: the US arms-control offer's quote mentions missiles.
    harness.get_by_label_contains("US, offer: Potential for broad arms control agreements");
    assert_eq!(harness.query_all_by_label_contains("US, ").count(), 3);

    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label_contains(US_RED_LINE_CARD);
}

#[test]
fn collapsing_an_issue_hides_its_statements() {
    let mut harness = example_window();
    harness
        .get_by_label("Issue: NATO membership for Ukraine and other ex-Soviet states")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains(US_RED_LINE_CARD).is_none());
    harness.get_by_label_contains(US_MISSILE_OFFER);
}

#[test]
fn a_condition_leads_to_the_statement_it_waits_on() {
    let mut harness = example_window();
    harness.get_by_label_contains(US_MISSILE_OFFER).click();
    harness.run();
    // Russia says nothing on rhetoric: that condition leads nowhere and is not a link.
    harness.get_by_label(
        "Waits on Russian Federation: Inflammatory rhetoric (no statement from Russian \
         Federation on it is open)",
    );
    harness
        .get_by_label("Waits on Russian Federation: Russian forces near Ukraine's border")
        .click();
    harness.run();
    let app = harness.state();
    let key = app.view().selected.expect("a statement is selected");
    let statement = app.workspace().statement(key).unwrap();
    assert_eq!(
        app.workspace().negotiation.parties[key.party].data.party.id,
        "russia"
    );
    assert_eq!(statement.issue, "russian-forces-border");
}

#[test]
fn a_broken_file_shows_where_it_broke_and_the_good_files_stay_usable() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let russia = std::fs::read_to_string(folder.path().join("russia.ron")).unwrap();
    // Cut the file off in the middle of its third statement.
    let cut = russia.match_indices("(\n            id:").nth(2).unwrap().0 + 40;
    std::fs::write(folder.path().join("russia.ron"), &russia[..cut]).unwrap();

    let mut harness = window(vec![folder.path().to_owned()]);
    let problem = harness.get_by_label_contains("russia.ron:");
    let label = format!("{problem:?}");
    let line_col = regex_like_line_col(&label);
    assert!(line_col, "expected file:line:col in {label}");
    assert_eq!(harness.state().workspace().error_count(), 1);
    harness.get_by_label("3 of 4 files loaded");
    // In the status bar and atop the problems panel.
    assert_eq!(harness.query_all_by_label_contains("1 error, ").count(), 2);
    harness.get_by_label("United States");
    harness.get_by_label("North Atlantic Treaty Organization");
    assert!(harness.query_by_label("Russian Federation").is_none());
    // The files that loaded work as usual.
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.get_by_label_contains("There is no change, there will be no change");
}

/// Whether `text` holds `russia.ron:<line>:<col>:`.
fn regex_like_line_col(text: &str) -> bool {
    let Some(at) = text.find("russia.ron:") else {
        return false;
    };
    let rest = &text[at + "russia.ron:".len()..];
    let mut parts = rest.splitn(3, ':');
    let numeric = |part: Option<&str>| {
        part.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    numeric(parts.next()) && numeric(parts.next())
}

#[test]
fn clicking_a_problem_in_a_statement_selects_that_statement() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let us_path = folder.path().join("us.ron");
    let us = std::fs::read_to_string(&us_path).unwrap();
    std::fs::write(
        &us_path,
        us.replacen("salience: 90.0", "salience: 900.0", 1),
    )
    .unwrap();

    let mut harness = window(vec![folder.path().to_owned()]);
    harness
        .get_by_label_contains("salience 900 is outside 0–100")
        .click();
    harness.run();
    let app = harness.state();
    let key = app
        .view()
        .selected
        .expect("the problem selected its statement");
    assert_eq!(app.workspace().statement(key).unwrap().salience, 900.0);
    harness.get_by_label_contains("salience 900/100");
    // The inspector says what is wrong with it.
    harness.get_by_label("Error: salience 900 is outside 0–100");
}

#[test]
fn ctrl_o_opens_what_the_dialog_picked_without_blocking_the_window() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    std::fs::remove_file(folder.path().join("nato.ron")).unwrap();
    let picked = vec![
        folder.path().join("us.ron"),
        folder.path().join("russia.ron"),
    ];
    let app = App::with_settings(
        Settings::default(),
        Vec::new(),
        ScriptedDialogs::answering(picked.clone()),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    step_until(&mut harness, |app| {
        app.workspace().origin == Origin::Paths(picked.clone())
    });
    harness.get_by_label("United States");
    assert!(
        harness
            .query_by_label("North Atlantic Treaty Organization")
            .is_none()
    );
    // The agenda beside the picked files is found and used.
    harness.get_by_label("Issue: NATO membership for Ukraine and other ex-Soviet states");
}

#[test]
fn when_no_dialog_can_be_shown_the_window_says_how_else_to_open_files() {
    let mut harness = example_window();
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::O);
    step_until(&mut harness, |app| app.view().notice.is_some());
    harness.get_by_label_contains("No file dialog could be shown");
    harness.get_by_label_contains("Drag files or a folder onto the window");
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn dropping_a_folder_onto_the_window_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = example_window();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(folder.path().to_owned())));
    harness.run();
    assert_eq!(
        harness.state().workspace().origin,
        Origin::Paths(vec![folder.path().to_owned()])
    );
    harness.get_by_label("Russian Federation");
}

#[test]
fn dragging_a_column_header_onto_another_reorders_the_columns() {
    let mut harness = example_window();
    let x_of =
        |harness: &Harness<'static, App>, name: &str| harness.get_by_label(name).rect().center().x;
    assert!(x_of(&harness, "North Atlantic Treaty Organization") < x_of(&harness, "United States"));
    let from = harness.get_by_label("United States").rect().center();
    let to = harness
        .get_by_label("North Atlantic Treaty Organization")
        .rect()
        .center();
    harness.drag_at(from);
    harness.step();
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
    assert!(x_of(&harness, "United States") < x_of(&harness, "North Atlantic Treaty Organization"));
}

/// Settings as eframe keeps them between runs.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_next_start_reopens_the_negotiation_with_its_columns_and_theme() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    harness.get_by_label("NATO").click();
    harness.run();
    harness
        .state_mut()
        .push(common_ground::app::Command::SetTheme(
            egui::ThemePreference::Dark,
        ));
    harness.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let app = App::restore(
        Some(&storage),
        Vec::new(),
        Arc::new(ScriptedDialogs::default()),
    );
    assert_eq!(app.settings().theme, egui::ThemePreference::Dark);
    let harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    assert_eq!(
        harness.state().workspace().origin,
        Origin::Paths(vec![folder.path().to_owned()])
    );
    assert!(
        harness
            .query_by_label("North Atlantic Treaty Organization")
            .is_none()
    );
    harness.get_by_label("United States");
    assert_eq!(harness.state().settings().recent.len(), 1);
}

#[test]
fn a_last_negotiation_that_is_gone_falls_back_to_the_example_and_says_so() {
    let settings = Settings {
        last: Some(Origin::Paths(vec!["/no/such/negotiation".into()])),
        ..Settings::default()
    };
    let app = App::with_settings(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
    let harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    assert_eq!(harness.state().workspace().origin, Origin::Example);
    harness.get_by_label_contains("/no/such/negotiation could not be found any more");
}

#[test]
fn the_window_is_usable_at_900_by_600() {
    let app = App::with_settings(
        Settings::default(),
        Vec::new(),
        Arc::new(ScriptedDialogs::default()),
    );
    let mut harness = harness_for(app, Vec2::new(900.0, 600.0));
    harness.get_by_label("North Atlantic Treaty Organization");
    harness.get_by_label("Search");
    harness.get_by_label_contains("parties shown");
    let card = harness.get_by_label_contains("NATO, red line: No compromise on the open door");
    card.click();
    harness.run();
    harness.get_by_label("No compromise on the open door: nations choose their own path");
    harness.get_by_role_and_label(egui::Role::Image, "Stance 100, acceptable range 90–100");
}

/// The rectangle of the central view, between the toolbar and the status bar.
fn in_view(harness: &Harness<'static, App>, label: &str) -> bool {
    // Rows out of view are not built at all.
    let Some(card) = harness.query_by_label_contains(label) else {
        return false;
    };
    let card = card.rect();
    let window = harness.ctx.content_rect();
    card.top() >= 0.0 && card.bottom() <= window.bottom() && card.left() >= 0.0
}

#[test]
fn a_statement_chosen_from_the_problems_is_scrolled_into_view() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let us_path = folder.path().join("us.ron");
    let us = std::fs::read_to_string(&us_path).unwrap();
    // The US's last statement, far below the first screen at 900×600.
    let lavrov = "Blinken hopes to speak with Lavrov about the response in the coming days";
    let at = us.find(lavrov).unwrap();
    let salience = at + us[at..].find("salience: 60.0").unwrap();
    let broken = format!("{}salience: 600.0{}", &us[..salience], &us[salience + 14..]);
    std::fs::write(&us_path, broken).unwrap();

    let app = App::with_settings(
        Settings::default(),
        vec![folder.path().to_owned()],
        Arc::new(ScriptedDialogs::default()),
    );
    let mut harness = harness_for(app, Vec2::new(900.0, 600.0));
    assert!(
        harness.query_by_label_contains(lavrov).is_none() || !in_view(&harness, lavrov),
        "the statement starts out of view"
    );
    harness
        .get_by_label_contains("salience 600 is outside 0–100")
        .click();
    harness.run();
    assert!(in_view(&harness, &format!("US, open to talks: {lavrov}")));
}

#[test]
fn selecting_a_statement_the_filters_hide_clears_them_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let us_path = folder.path().join("us.ron");
    let us = std::fs::read_to_string(&us_path).unwrap();
    std::fs::write(
        &us_path,
        us.replacen("salience: 90.0", "salience: 900.0", 1),
    )
    .unwrap();
    let mut harness = window(vec![folder.path().to_owned()]);
    let search = harness.get_by_label("Search");
    search.focus();
    search.type_text("missile");
    harness.run();
    assert!(harness.query_by_label_contains(US_RED_LINE_CARD).is_none());
    harness
        .get_by_label_contains("salience 900 is outside 0–100")
        .click();
    harness.run();
    harness.get_by_label_contains("The filters hid that statement, so they were cleared.");
    harness.get_by_label_contains(US_RED_LINE_CARD);
    assert!(harness.state().view().filters.search.is_empty());
}

#[test]
fn scrolling_part_way_into_an_issue_pins_its_title_once() {
    let mut harness = example_window();
    let title = "Issue: NATO membership for Ukraine and other ex-Soviet states";
    let columns = harness
        .get_by_label_contains(US_RED_LINE_CARD)
        .rect()
        .center();
    harness.hover_at(columns);
    // A few points at a time: the title is part scrolled off, then gone, then pinned.
    for _ in 0..12 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -8.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        harness.run();
        assert_eq!(harness.query_all_by_label(title).count(), 1);
    }
}

#[test]
fn the_zoom_is_restored_and_a_broken_one_is_ignored() {
    for (saved, expected) in [(1.5, 1.5), (f32::NAN, 1.0), (0.0, 1.0), (1e9, 1.0)] {
        let settings = Settings {
            zoom: saved,
            ..Settings::default()
        };
        let app = App::with_settings(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
        let harness = harness_for(app, Vec2::new(1600.0, 1000.0));
        assert_eq!(harness.ctx.zoom_factor(), expected, "saved {saved}");
        harness.get_by_label("United States");
    }
}

#[test]
fn the_window_survives_every_kind_of_bad_file() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths.push(Path::new(DATA).join("agenda.ron"));
    let mut harness = window(paths);
    harness.get_by_label("Problems");
    assert!(harness.state().workspace().error_count() >= 6);
    // Every bad file is named in the problems panel.
    for name in [
        "binary.ron",
        "empty.ron",
        "newer-format.ron",
        "not-utf8.ron",
        "truncated.ron",
    ] {
        assert!(
            harness.query_all_by_label_contains(name).count() > 0,
            "{name} is listed"
        );
    }
    // The files that did load can be used.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert!(harness.state().view().selected.is_some());
}

#[test]
fn arrow_keys_move_the_selection_between_statements() {
    let mut harness = example_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    let selected = |harness: &Harness<'static, App>| {
        let app = harness.state();
        let key = app.view().selected.expect("a selection");
        app.workspace().statement(key).unwrap().summary.clone()
    };
    assert_eq!(selected(&harness), US_RED_LINE);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        selected(&harness),
        "Guarantees that NATO will never admit Ukraine and other ex-Soviet nations as members"
    );
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(
        selected(&harness),
        "The alliance rolls back troop deployments in former Soviet bloc nations"
    );
    // The inspector follows: it shows the summary on its own.
    harness.get_by_label("The alliance rolls back troop deployments in former Soviet bloc nations");

    // While typing in the search field, arrows move the text cursor instead.
    harness.get_by_label("Search").focus();
    harness.run();
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(
        selected(&harness),
        "The alliance rolls back troop deployments in former Soviet bloc nations"
    );
}

#[test]
fn a_typed_path_opens_from_the_file_menu() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = example_window();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open path…").click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&folder.path().display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().workspace().origin,
        Origin::Paths(vec![folder.path().to_owned()])
    );
    assert!(
        harness.query_by_label("Path").is_none(),
        "the prompt closed"
    );
}

#[test]
fn open_recent_reopens_an_earlier_negotiation_and_help_brings_back_the_example() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Open example").click();
    harness.run();
    assert_eq!(harness.state().workspace().origin, Origin::Example);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness
        .get_by_label("US, NATO and Russia on European security, January 2022")
        .click();
    harness.run();
    assert_eq!(
        harness.state().workspace().origin,
        Origin::Paths(vec![folder.path().to_owned()])
    );
}

#[test]
fn reload_picks_up_changes_on_disk_and_keeps_the_selection() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    let us = folder.path().join("us.ron");
    let text = std::fs::read_to_string(&us).unwrap();
    std::fs::write(&us, text.replace(US_RED_LINE, "The open door stays open")).unwrap();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.get_by_label_contains("US, red line: The open door stays open");
    assert!(harness.state().view().selected.is_some());
    harness.get_by_label("The open door stays open");
}

#[test]
fn an_issue_status_explains_itself_and_follows_the_parties_shown() {
    let mut harness = example_window();
    harness.get_by_label("deadlock: gap 5–90").hover();
    harness.run();
    harness.get_by_label("Deadlock: the acceptable ranges do not overlap");
    harness.get_by_label("Russian Federation accepts 0–5");
    harness.get_by_label_contains("The gap 5–90 lies between Russian Federation below and");
    harness.get_by_label("possible agreement 50–100 · 1 silent");

    // Without Russia, the allies agree on the open door.
    harness.get_by_label("Russia").click();
    harness.run();
    assert!(harness.query_by_label("deadlock: gap 5–90").is_none());
    harness.get_by_label("possible agreement 90–100");
}

#[test]
fn reload_follows_the_selected_statement_when_others_are_removed_above_it() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let deployments =
        "Allied deployments of troops and equipment in Eastern Europe are not negotiable";
    let mut harness = window(vec![folder.path().to_owned()]);
    harness
        .get_by_label_contains(&format!("US, red line: {deployments}"))
        .click();
    harness.run();

    // Delete the statement before it in the file, so its index changes.
    let us = folder.path().join("us.ron");
    let text = std::fs::read_to_string(&us).unwrap();
    let first = text
        .find("        (\n            id: \"open-door-unchanged\"")
        .unwrap();
    let second = first
        + 1
        + text[first + 1..]
            .find("        (\n            id:")
            .unwrap();
    std::fs::write(&us, format!("{}{}", &text[..first], &text[second..])).unwrap();
    harness.key_press(egui::Key::F5);
    harness.run();

    let app = harness.state();
    let key = app.view().selected.expect("still selected");
    assert_eq!(key.statement, 0);
    assert_eq!(app.workspace().statement(key).unwrap().summary, deployments);
}

#[test]
fn a_quote_can_be_copied_with_its_citation() {
    let mut harness = example_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness
        .get_all_by_label("Copy with citation")
        .nth(1)
        .unwrap()
        .click();
    harness.step();
    let copied: Vec<&egui::OutputCommand> =
        harness.output().platform_output.commands.iter().collect();
    assert!(
        copied.iter().any(|command| matches!(command,
            egui::OutputCommand::CopyText(text)
                if text.starts_with("“There is no change, there will be no change” — Antony Blinken, US Secretary of State, 2022-01-26, ")
        )),
        "{copied:?}"
    );
}

// Visual comparison: the common-ground panel, the scale charts, the matrix and exports.

const AGREEMENT_ISSUES: [&str; 4] = [
    "Offensive missile placement in Eastern Europe",
    "Military exercises in Eastern Europe",
    "Broad arms control agreements",
    "Military communications and incident avoidance",
];
const DEADLOCK_ISSUES: [&str; 2] = [
    "NATO membership for Ukraine and other ex-Soviet states",
    "Allied troops and equipment in Eastern Europe",
];

fn show_page(harness: &mut Harness<'static, App>, tab: &str) {
    harness.get_by_label(tab).click();
    harness.run();
}

#[test]
fn the_common_ground_panel_sorts_the_bundled_issues_into_agreement_and_deadlock() {
    let harness = example_window();
    for issue in AGREEMENT_ISSUES {
        harness.get_by_label(&format!("Possible agreement: {issue}"));
        assert!(
            harness
                .query_by_label(&format!("Deadlock: {issue}"))
                .is_none()
        );
    }
    for issue in DEADLOCK_ISSUES {
        harness.get_by_label(&format!("Deadlock: {issue}"));
        assert!(
            harness
                .query_by_label(&format!("Possible agreement: {issue}"))
                .is_none()
        );
    }
    // The US and NATO missile offers wait on Russia's withdrawal, and the panel says so.
    // The US and NATO offers on missiles and on exercises wait on the same withdrawal.
    let conditional = harness.get_all_by_label_contains(
        "NATO and US offer it on condition: \u{201c}as long as Russia withdraws its troops from the Ukrainian border\u{201d}",
    );
    assert_eq!(conditional.count(), 2);
    // A demand that runs into a red line is cited with the words of both sides.
    harness.get_by_label("Collision: NATO membership for Ukraine and other ex-Soviet states");
    harness.get_by_label_contains("Russia demands: Guarantees that NATO will never admit Ukraine");
    harness.get_by_label_contains(
        "“Moscow has demanded guarantees that NATO will never admit Ukraine",
    );
}

#[test]
fn clicking_a_finding_selects_its_issue_and_brings_it_into_view() {
    let mut harness = harness_for(
        App::with_settings(
            Settings::default(),
            Vec::new(),
            Arc::new(ScriptedDialogs::default()),
        ),
        Vec2::new(1280.0, 700.0),
    );
    // The last issue on the agenda starts below the fold.
    let title = "Issue: Inflammatory rhetoric";
    assert!(!in_view(&harness, title));
    harness
        .get_by_label("Possible agreement: Inflammatory rhetoric")
        .click();
    harness.run();
    assert_eq!(
        harness.state().view().selected_issue.as_deref(),
        Some("rhetoric")
    );
    assert!(in_view(&harness, title));
    // The inspector charts every party on the issue.
    harness.get_by_label_contains("Scale chart of Inflammatory rhetoric: possible agreement 0–20");
}

#[test]
fn hiding_a_party_recomputes_the_findings_for_the_others() {
    let mut harness = example_window();
    let incidents = "Military communications and incident avoidance";
    harness.get_by_label(&format!("Possible agreement: {incidents}"));
    harness.get_by_label("NATO").click();
    harness.run();
    // Without NATO only the US places itself on incident avoidance: nothing to agree on yet.
    assert!(
        harness
            .query_by_label(&format!("Possible agreement: {incidents}"))
            .is_none()
    );
    harness.get_by_label(&format!("Unaddressed: {incidents}"));
    harness.get_by_label("Comparing Russia, US");
    harness.get_by_label("NATO").click();
    harness.run();
    harness.get_by_label(&format!("Possible agreement: {incidents}"));
}

#[test]
fn hovering_a_party_on_a_scale_chart_names_its_statement_and_clicking_selects_it() {
    let mut harness = example_window();
    show_page(&mut harness, "All scales");
    let lane = "Russia on NATO membership for Ukraine and other ex-Soviet states: accepts 0–5, salience 95";
    harness.get_by_label(lane).hover();
    harness.run();
    harness.get_by_label(
        "Guarantees that NATO will never admit Ukraine and other ex-Soviet nations as members",
    );
    harness.get_by_label(lane).click();
    harness.run();
    let selected = harness
        .state()
        .view()
        .selected
        .expect("a statement is selected");
    let workspace = harness.state().workspace();
    let statement = workspace.statement(selected).unwrap();
    assert_eq!(statement.id, "never-admit-ukraine");
    assert_eq!(
        workspace.negotiation.parties[selected.party].data.party.id,
        "russia"
    );
}

#[test]
fn every_issue_has_its_chart_on_the_scales_sheet() {
    let mut harness = example_window();
    show_page(&mut harness, "All scales");
    let chart_count = harness.get_all_by_label_contains("Scale chart of ").count();
    assert_eq!(chart_count, 11);
    harness.get_by_label_contains(
        "Scale chart of Broad arms control agreements: possible agreement 40–100",
    );
    harness.get_by_label_contains(
        "Scale chart of Allied troops and equipment in Eastern Europe: deadlock: gap 15–85",
    );
}

#[test]
fn a_matrix_cell_goes_to_the_partys_hardest_statement_in_the_columns() {
    let mut harness = example_window();
    show_page(&mut harness, "Overview matrix");
    // Russia says only a concern on missiles; the US has a red line on NATO membership.
    harness.get_by_label("Russia on Offensive missile placement in Eastern Europe: concern");
    harness.get_by_label("NATO on Response to a Russian invasion of Ukraine: silent");
    harness
        .get_by_label("US on NATO membership for Ukraine and other ex-Soviet states: red line")
        .click();
    harness.run();
    assert_eq!(
        harness.state().settings().page,
        common_ground::app::Page::Columns
    );
    let selected = harness
        .state()
        .view()
        .selected
        .expect("a statement is selected");
    let statement = harness.state().workspace().statement(selected).unwrap();
    assert_eq!(statement.summary, US_RED_LINE);
    harness.get_by_label_contains(US_RED_LINE_CARD);
}

#[test]
fn the_exported_brief_is_the_text_of_compare_as_markdown() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("brief");
    let app = App::with_settings(
        Settings::default(),
        vec![PathBuf::from(DATA)],
        ScriptedDialogs::answering(vec![target.clone()]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    harness.get_by_label("Export brief…").click();
    let written = target.with_extension("md");
    step_until(&mut harness, |_| written.exists());
    let exported = std::fs::read_to_string(&written).unwrap();
    let cli = assert_cmd::Command::cargo_bin("common-ground")
        .unwrap()
        .args(["compare", "--format", "markdown", DATA])
        .output()
        .unwrap();
    assert_eq!(exported, String::from_utf8(cli.stdout).unwrap());
    assert!(exported.contains("as long as Russia withdraws its troops from the Ukrainian border"));
}

#[test]
fn the_exported_image_is_a_png_of_the_window() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("view.png");
    let app = App::with_settings(
        Settings::default(),
        Vec::new(),
        ScriptedDialogs::answering(vec![target.clone()]),
    );
    let mut harness = Harness::builder()
        .with_size(Vec2::new(800.0, 600.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.get_by_label("Export image…").click();
    step_until(&mut harness, |_| target.exists());
    let png = std::fs::read(&target).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The width and height in the header are the window's, in physical pixels.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (800, 600));
}

/// The window on the example at a fixed size, drawn by a software GPU for snapshots.
fn snapshot_window(theme: egui::ThemePreference) -> Harness<'static, App> {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let app = App::with_settings(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

#[test]
fn snapshot_of_an_issue_chart_in_the_inspector() {
    let mut harness = snapshot_window(egui::ThemePreference::Light);
    harness
        .get_by_label("Possible agreement: Offensive missile placement in Eastern Europe")
        .click();
    harness.run();
    harness.snapshot("issue_chart_missiles_light");
}

#[test]
fn snapshot_of_every_scale_on_one_sheet() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name) in [
        (egui::ThemePreference::Dark, "scales_dark"),
        (egui::ThemePreference::Light, "scales_light"),
    ] {
        let mut harness = snapshot_window(theme);
        show_page(&mut harness, "All scales");
        results.add(harness.try_snapshot(name));
    }
    results.unwrap();
}

#[test]
fn snapshot_of_the_overview_matrix() {
    let mut harness = snapshot_window(egui::ThemePreference::Dark);
    show_page(&mut harness, "Overview matrix");
    harness.snapshot("matrix_dark");
}
