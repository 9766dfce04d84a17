//! The window, driven like a person would drive it: headless egui_kittest, no GPU.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common_ground_document::Origin;
use common_ground_document::disk::ScriptedWatcher;
use common_ground_window::{App, Settings};
use egui::{Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::*;

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
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::Example
    );
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
    let statement = app.session().workspace().statement(key).unwrap();
    assert_eq!(
        app.session().workspace().negotiation.parties[key.party]
            .data
            .party
            .id,
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
    assert_eq!(harness.state().session().workspace().error_count(), 1);
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
    assert_eq!(
        app.session().workspace().statement(key).unwrap().salience,
        900.0
    );
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
    let dialogs = ScriptedDialogs::holding(picked.clone());
    let _answers_in_the_end = ReleaseOnDrop(dialogs.clone());
    let app = app(Settings::default(), Vec::new(), dialogs.clone());
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    // The dialog is open, and stays open until the test lets it answer: the window goes on.
    // A search still filters the columns, and a second Ctrl+O says a dialog is open.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("missile");
    harness.run();
    harness.get_by_label_contains(US_MISSILE_OFFER);
    assert!(harness.query_by_label_contains(US_RED_LINE_CARD).is_none());
    harness.key_press(egui::Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label_contains("A file dialog is already open.");
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::Example
    );
    dialogs.release();
    step_until(&mut harness, |app| {
        app.session().workspace().origin == Origin::Paths(picked.clone())
    });
    assert_eq!(dialogs.asked().len(), 1, "{:?}", dialogs.asked());
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
    step_until(&mut harness, |app| !app.view().notices.is_empty());
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
        harness.state().session().workspace().origin,
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
        .push(common_ground_window::Command::MoveParty {
            party: "us".to_owned(),
            to: 0,
        });
    harness
        .state_mut()
        .push(common_ground_window::Command::SetTheme(
            egui::ThemePreference::Dark,
        ));
    harness.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let app = App::restore(
        Some(&storage),
        Vec::new(),
        platform(
            Arc::new(ScriptedDialogs::default()),
            &ScriptedWatcher::default(),
        ),
    );
    assert_eq!(app.settings().theme, egui::ThemePreference::Dark);
    let harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::Paths(vec![folder.path().to_owned()])
    );
    assert!(
        harness
            .query_by_label("North Atlantic Treaty Organization")
            .is_none()
    );
    harness.get_by_label("United States");
    // The US column moved first stays first.
    let workspace = harness.state().session().workspace();
    assert_eq!(harness.state().view().columns.ordered(workspace), [2, 0, 1]);
    assert_eq!(harness.state().settings().recent.len(), 1);
}

#[test]
fn a_last_negotiation_that_is_gone_falls_back_to_the_example_and_says_so() {
    let settings = Settings {
        last: Some(Origin::Paths(vec!["/no/such/negotiation".into()])),
        ..Settings::default()
    };
    let app = app(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
    let harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::Example
    );
    harness.get_by_label_contains("/no/such/negotiation could not be found any more");
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

    let app = app(
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
fn the_zoom_is_restored_and_a_broken_one_is_ignored() {
    for (saved, expected) in [(1.5, 1.5), (f32::NAN, 1.0), (0.0, 1.0), (1e9, 1.0)] {
        let settings = Settings {
            zoom: saved,
            ..Settings::default()
        };
        let app = app(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
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
    assert!(harness.state().session().workspace().error_count() >= 6);
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
        app.session()
            .workspace()
            .statement(key)
            .unwrap()
            .summary
            .clone()
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
        harness.state().session().workspace().origin,
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
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::Example
    );

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness
        .get_by_label("US, NATO and Russia on European security, January 2022")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session().workspace().origin,
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
    harness.get_by_label("untested: overlap 50–100 · 1 silent");

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
    assert_eq!(
        app.session().workspace().statement(key).unwrap().summary,
        deployments
    );
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

#[test]
fn f1_lists_every_shortcut_from_the_registry() {
    let mut harness = example_window();
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    for (keys, what) in [
        (
            "Ctrl+S",
            "Save the file being edited, or every file with changes",
        ),
        ("Alt+Left", "Back to the statement a link was followed from"),
        ("Ctrl+Shift+Z, Ctrl+Y", "Make the last undone edit again"),
        ("F1", "This list"),
    ] {
        harness.get_by_label(keys);
        harness.get_by_label(what);
    }
}

#[test]
fn the_zoom_keys_zoom_in_out_and_back_once_per_press() {
    let mut harness = example_window();
    let zoom = |harness: &Harness<'static, App>| harness.state().settings().zoom;
    assert_eq!(zoom(&harness), 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    let larger = zoom(&harness);
    assert!(larger > 1.0, "{larger}");
    // One press is one step, though the registry and egui could both have heard it.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Minus);
    harness.run();
    assert!((zoom(&harness) - 1.0).abs() < 1e-4, "{}", zoom(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    assert_eq!(zoom(&harness), larger);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert_eq!(zoom(&harness), 1.0);
}
