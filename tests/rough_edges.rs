//! What a new analyst tripped on, each checked as they would do it: adding a statement,
//! undoing one change at a time, notices that do not move what is under the pointer, a
//! mistyped path, what the dialogs ask, a new party's colour, file and place.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

#[path = "rough_edges/readme_features.rs"]
mod readme_features;
mod support;

use std::sync::Arc;

use common_ground_core::negotiation::StatementKey;
use common_ground_document::watch::FileChange;
use common_ground_window::{App, Settings};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::*;

fn folder_window() -> (tempfile::TempDir, Harness<'static, App>) {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let harness = window(vec![folder.path().to_owned()]);
    (folder, harness)
}

fn range_min(harness: &Harness<'static, App>, key: StatementKey) -> Option<f64> {
    let workspace = harness.state().session().workspace();
    workspace
        .statement(key)
        .unwrap()
        .range
        .map(|range| range.min)
}

fn edit_menu(harness: &mut Harness<'static, App>, item: &str) {
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn a_statement_added_from_an_issue_s_menu_waits_for_its_summary_unflagged() {
    let (_folder, mut harness) = folder_window();
    harness
        .get_by_label("Issue: Military exercises in Eastern Europe")
        .click_secondary();
    harness.run();
    harness.get_by_label("Add a statement by Russia").click();
    harness.run();
    let view = harness.state().view();
    let key = view.selected.expect("the new statement is selected");
    assert!(view.editing && !view.show_problems);
    // The keyboard is in its summary, and nothing is flagged before anything is typed.
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Summary")
            .is_focused()
    );
    assert!(
        harness
            .query_by_label_contains("the statement has no summary")
            .is_none()
    );
    harness.get_by_label("Russia, demand: ");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text("Limits on exercises near its borders");
    harness.run();
    let workspace = harness.state().session().workspace();
    assert_eq!(
        workspace.statement(key).unwrap().summary,
        "Limits on exercises near its borders"
    );
}

#[test]
fn one_undo_takes_back_one_change_even_to_the_same_range() {
    let (_folder, mut harness) = folder_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    let key = harness.state().view().selected.unwrap();
    assert_eq!(range_min(&harness, key), Some(90.0));
    // A number typed into the field beside the slider, then the slider moved by a key.
    harness
        .get_by_role_and_label(Role::SpinButton, "Accepts from")
        .set_value_accesskit(80.0);
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Accepts from")
        .focus();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(range_min(&harness, key), Some(81.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(range_min(&harness, key), Some(80.0), "only the slider step");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(range_min(&harness, key), Some(90.0));
}

#[test]
fn deleting_says_what_went_and_offers_undo_there() {
    let (_folder, mut harness) = folder_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    edit_menu(&mut harness, "Delete statement");
    assert!(harness.query_by_label_contains(US_RED_LINE_CARD).is_none());
    harness.get_by_label(&format!(
        "Deleted US's red line \u{201c}{US_RED_LINE}\u{201d}."
    ));
    harness.get_by_role_and_label(Role::Button, "Undo").click();
    harness.run();
    harness.get_by_label_contains(US_RED_LINE_CARD);
    assert!(harness.query_by_label_contains("Deleted US's").is_none());
    // Undone another way, the offer goes too: its Undo would now undo something else.
    edit_menu(&mut harness, "Delete statement");
    harness.get_by_label_contains("Deleted US's");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.query_by_label_contains("Deleted US's").is_none());
}

#[test]
fn a_notice_does_not_move_what_is_under_the_pointer() {
    let (_folder, mut harness) = folder_window();
    let title = "Issue: Offensive missile placement in Eastern Europe";
    let before = harness.get_by_label(title).rect();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text(" (edited)");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Saved");
    assert_eq!(harness.get_by_label(title).rect(), before);
}

#[test]
fn a_save_error_is_not_pushed_out_by_the_watcher_s_news_in_the_same_frame() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text(" (edited)");
    harness.run();
    let us = folder.path().join("us.ron");
    std::fs::remove_dir_all(folder.path()).unwrap();
    // The save fails and the watcher reports the deletion before the next frame is drawn.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    disk.report(FileChange::Removed(us));
    harness.run();
    harness.get_by_label_contains("Not saved.");
    harness.get_by_label_contains("was deleted or moved by another program");
    assert!(harness.state().session().workspace().is_dirty());
}

#[test]
fn a_mistyped_path_keeps_what_is_open_and_says_why_in_the_dialog() {
    let mut harness = example_window();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label("Open path…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text("/no/such/negotiation");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    harness.get_by_label("/no/such/negotiation does not exist.");
    harness.get_by_role_and_label(Role::ColumnHeader, "Russian Federation");
    assert!(harness.state().view().modal.is_some());
}

#[test]
fn dialogs_are_titled_and_start_in_the_negotiation_s_folder() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let dialogs = Arc::new(ScriptedDialogs::default());
    let mut harness = harness_for(
        app(
            Settings::default(),
            vec![folder.path().to_owned()],
            dialogs.clone(),
        ),
        Vec2::new(1400.0, 900.0),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    step_until(&mut harness, |app| !app.view().notices.is_empty());
    harness
        .get_by_role_and_label(Role::Button, "Export brief…")
        .click();
    harness.run();
    harness.get_by_label("Export…").click();
    step_until(&mut harness, |_| dialogs.asked().len() == 2);
    let start = Some(std::path::absolute(folder.path()).unwrap());
    assert_eq!(
        dialogs.asked(),
        [
            ("Open position files".to_owned(), start.clone()),
            ("Export the comparison as a brief".to_owned(), start),
        ]
    );
    // The status bar says where the negotiation is.
    harness.get_by_label(&folder.path().display().to_string());
}

#[test]
fn saving_the_built_in_example_says_it_becomes_a_new_folder_before_asking_where() {
    let dialogs = Arc::new(ScriptedDialogs::default());
    let mut harness = harness_for(
        app(Settings::default(), Vec::new(), dialogs.clone()),
        Vec2::new(1400.0, 900.0),
    );
    harness.get_by_label("built-in example");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Nothing to save: the built-in example is unchanged.");
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text(" (edited)");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    // The folder dialog answers on its own thread, whenever it does: a fixed number of frames
    // (the save applied, its notice drawn) rather than `run`, which would wait to settle.
    harness.run_steps(2);
    harness.get_by_label_contains("The built-in example cannot be changed in place");
    step_until(&mut harness, |_| !dialogs.asked().is_empty());
    assert_eq!(
        dialogs.asked(),
        [(
            "Save the example as a new folder: choose an empty folder".to_owned(),
            None
        )]
    );
}

#[test]
fn a_new_party_gets_a_free_colour_a_file_named_from_its_id_and_keeps_its_column() {
    let (folder, mut harness) = folder_window();
    edit_menu(&mut harness, "New party file");
    let workspace = harness.state().session().workspace();
    let new = workspace.negotiation.parties.last().unwrap();
    // The example uses the first three colours of the palette; the fourth is free.
    assert_eq!(new.data.party.colour, "#cc79a7");
    harness.get_by_role_and_label(Role::TextInput, "Id").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Id")
        .type_text("china");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(folder.path().join("china.ron").is_file());
    assert!(!folder.path().join("new-party.ron").exists());
    // Read again, the files come back sorted by name, but the new column stays last.
    harness.key_press(Key::F5);
    harness.run();
    let headers = column_headers(&harness);
    assert_eq!(
        headers.last().map(String::as_str),
        Some("New party"),
        "{headers:?}"
    );
}

#[test]
fn escape_closes_an_open_menu_and_keeps_the_selection() {
    let mut harness = example_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    let selected = harness.state().view().selected;
    assert!(selected.is_some());
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Common ground")
            .is_some(),
        "the View menu is open"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Common ground")
            .is_none(),
        "Esc closed it"
    );
    harness.run();
    assert_eq!(harness.state().view().selected, selected);
    // The menu is gone: a second Esc is the window's, and clears the selection.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().view().selected, None);
}

#[test]
fn a_note_typed_in_the_editor_shows_in_the_inspector_as_the_analyst_s() {
    let (_folder, mut harness) = folder_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Notes")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Notes")
        .type_text("Range read from the open-door wording");
    harness.run();
    // Back to reading: the note sits apart from the parties' own words.
    harness.get_by_label("Done editing").click();
    harness.run();
    harness.get_by_label("Analyst's notes");
    harness.get_by_label("Range read from the open-door wording");
    let key = harness.state().view().selected.unwrap();
    let workspace = harness.state().session().workspace();
    assert_eq!(
        workspace.statement(key).unwrap().notes,
        "Range read from the open-door wording"
    );
}

#[test]
fn a_card_tells_a_screen_reader_what_its_marks_show() {
    let harness = example_window();
    harness.get_by_label_contains(&format!("US, offer: {US_MISSILE_OFFER} (conditional)"));
    // A red line with no conditions and no problems has no marks to tell.
    harness.get_by_label(US_RED_LINE_CARD);
}

#[test]
fn the_window_is_usable_at_900_by_600() {
    let app = app(
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
    // All of it inside the window, not cut off at its edges: the toolbar's search, the first
    // column's header and card, the inspector's chart and the status bar.
    let window = harness.ctx.content_rect();
    for (role, label) in [
        (None, "Search"),
        (
            Some(Role::ColumnHeader),
            "North Atlantic Treaty Organization",
        ),
        (None, "NATO, red line: No compromise on the open door"),
        (Some(Role::Image), "Stance 100, acceptable range 90–100"),
        (None, "3 of 3 parties shown"),
    ] {
        let rect = match role {
            Some(role) => harness.get_by_role_and_label(role, label).rect(),
            None => harness.get_by_label_contains(label).rect(),
        };
        assert!(
            window.contains_rect(rect),
            "{label}: {rect:?} outside {window:?}"
        );
        assert!(
            rect.width() > 20.0 && rect.height() > 8.0,
            "{label}: {rect:?}"
        );
    }
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
    let card_at_first = harness.get_by_label_contains(US_RED_LINE_CARD).rect().top();
    let title_at_first = harness.get_by_label(title).rect().top();
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
    // The cards went up by the 96 points scrolled; the title, pinned at the top of the
    // columns, went up by less and stays above the card it names.
    let card = harness.get_by_label_contains(US_RED_LINE_CARD).rect();
    let pinned = harness.get_by_label(title).rect();
    let scrolled = card_at_first - card.top();
    assert!((90.0..=100.0).contains(&scrolled), "scrolled {scrolled}");
    let title_moved = title_at_first - pinned.top();
    assert!(
        title_moved < scrolled,
        "title moved {title_moved} of {scrolled}"
    );
    // Drawn over the cards that scroll under it.
    assert!(card.top() < pinned.bottom(), "{pinned:?} over {card:?}");
}

#[test]
fn a_file_caught_half_written_keeps_what_is_open_until_it_is_whole() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    let nato = folder.path().join("nato.ron");
    let whole = std::fs::read_to_string(&nato).unwrap().replace(
        "No compromise on the open door",
        "Changed in another editor",
    );
    let statements = |harness: &Harness<'static, App>| {
        harness.state().session().workspace().negotiation.parties[0]
            .data
            .statements
            .clone()
    };
    let before = statements(&harness);
    // Another editor has written half of the new version when the watcher reports it.
    std::fs::write(&nato, &whole.as_bytes()[..whole.len() / 2]).unwrap();
    disk.report(FileChange::Modified(nato.clone()));
    harness.run();
    assert_eq!(statements(&harness), before);
    harness.get_by_label_contains("nato.ron was changed by another program but cannot be read");
    assert!(!harness.state().session().workspace().is_dirty());
    // The rest arrives: now it is taken in, whole.
    std::fs::write(&nato, &whole).unwrap();
    disk.report(FileChange::Modified(nato.clone()));
    harness.run();
    let after = statements(&harness);
    assert_eq!(after.len(), before.len());
    assert!(after[0].summary.starts_with("Changed in another editor"));
    harness.get_by_label_contains("nato.ron was changed by another program and has been reloaded.");
    assert!(harness.state().session().workspace().problems.is_empty());
}
