//! File › Import… and File › Export tables… in the window, clicked as a person would: the same
//! functions as `common-ground import` and `export`, run off the UI thread, the imported folder
//! opening by itself.

use std::path::PathBuf;

use crate::support::*;
use common_ground_window::{App, Settings};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const TRAVEL: &str = "crates/interchange/tests/fixtures/genius/travel";

/// Clicks `item` in the File menu, leaving the frames after to the caller: a dialog answers
/// from its own thread whenever it does.
fn file_menu(harness: &mut Harness<'static, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.step();
}

#[test]
fn a_genius_scenario_imported_from_the_file_menu_opens_in_a_new_folder() {
    let parent = tempfile::tempdir().unwrap();
    // The folder chosen holds something already: the import makes a folder of its own in it.
    std::fs::write(parent.path().join("notes.txt"), "mine").unwrap();
    let sources: Vec<PathBuf> = ["travel_domain.xml", "travel_chox.xml", "travel_fanny.xml"]
        .iter()
        .map(|name| PathBuf::from(TRAVEL).join(name))
        .collect();
    let dialogs = ScriptedDialogs::answering_in_turn(vec![sources, vec![parent.path().into()]]);
    let app = app(
        Settings::default(),
        vec![PathBuf::from(DATA)],
        dialogs.clone(),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    file_menu(&mut harness, "Import…");
    let made = parent.path().join("travel_domain");
    step_until(&mut harness, |app| {
        app.session().workspace().negotiation.parties.len() == 2 && !app.view().importing
    });
    let workspace = harness.state().session().workspace();
    let names: Vec<&str> = workspace
        .negotiation
        .parties
        .iter()
        .map(|party| party.data.party.name.as_str())
        .collect();
    assert_eq!(names, ["travel_chox", "travel_fanny"]);
    assert!(made.join("agenda.ron").is_file());
    assert_eq!(
        std::fs::read_to_string(parent.path().join("notes.txt")).unwrap(),
        "mine"
    );
    let notice = harness
        .state()
        .view()
        .notices
        .iter()
        .find(|shown| shown.notice.text.starts_with("Imported 2 parties"))
        .map(|shown| shown.notice.text.clone())
        .unwrap_or_default();
    assert!(
        notice.contains("Every statement is estimated from utilities"),
        "{notice}"
    );
    // Both dialogs asked what they are for.
    let asked: Vec<String> = dialogs
        .asked()
        .into_iter()
        .map(|(title, _)| title)
        .collect();
    assert!(asked[0].starts_with("Import spreadsheets"), "{asked:?}");
    assert!(
        asked[1].starts_with("Choose a folder for the imported"),
        "{asked:?}"
    );
}

#[test]
fn a_file_that_is_not_a_table_is_refused_and_no_folder_is_made() {
    let parent = tempfile::tempdir().unwrap();
    let bad = parent.path().join("notes.xml");
    std::fs::write(&bad, "<not closed").unwrap();
    let into = parent.path().join("new");
    let dialogs = ScriptedDialogs::answering_in_turn(vec![vec![bad.clone()], vec![into.clone()]]);
    let app = app(Settings::default(), vec![PathBuf::from(DATA)], dialogs);
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    file_menu(&mut harness, "Import…");
    step_until(&mut harness, |app| {
        app.view()
            .notices
            .iter()
            .any(|shown| shown.notice.text.starts_with("Nothing was imported"))
    });
    let notice = &harness.state().view().notices[0].notice.text;
    assert!(notice.contains(&bad.display().to_string()), "{notice}");
    assert!(!into.exists());
    // The example is still what is open.
    assert_eq!(
        harness
            .state()
            .session()
            .workspace()
            .negotiation
            .parties
            .len(),
        3
    );
}

#[test]
fn the_tables_exported_from_the_file_menu_are_those_the_command_line_writes() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("example-decide.csv");
    let app = app(
        Settings::default(),
        vec![PathBuf::from(DATA)],
        ScriptedDialogs::answering(vec![target.clone()]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    file_menu(&mut harness, "Export tables…");
    harness.run();
    harness.get_by_label("DECIDE table").click();
    harness.run();
    harness.get_by_label("Export…").click();
    step_until(&mut harness, |app| target.exists() && !app.view().exporting);
    let from_window = std::fs::read(&target).unwrap();
    let by_hand = folder.path().join("cli.csv");
    let status = assert_cmd::cargo::cargo_bin_cmd!("common-ground")
        .args(["export", DATA, "--format", "decide", "--to"])
        .arg(&by_hand)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert_eq!(from_window, std::fs::read(&by_hand).unwrap());
    // What a DECIDE table cannot hold is said.
    let notice = &harness.state().view().notices[0].notice.text;
    assert!(notice.starts_with("The tables were saved as"), "{notice}");
    assert!(
        notice.contains("A DECIDE table holds a position"),
        "{notice}"
    );
}
