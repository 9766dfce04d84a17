//! Editing in the window, and never losing work: typed like a person would, saved to
//! temporary folders and read back.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

mod support;

use std::path::Path;
use std::sync::Arc;

use common_ground_core::analysis::analyse_at;
use common_ground_core::io::load;
use common_ground_document::Origin;
use common_ground_document::disk::ScriptedWatcher;
use common_ground_document::recovery::RecoveryStore;
use common_ground_document::watch::FileChange;
use common_ground_window::{App, Platform, Settings};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::*;

#[test]
fn a_summary_and_a_range_are_edited_undone_redone_and_saved_to_disk() {
    let (folder, mut harness) = folder_window();
    let key = edit_us_red_line(&mut harness);
    let original = statement(&harness, key);
    // F2 puts the keyboard in the summary, ready to type.
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Summary")
            .is_focused()
    );

    retype(&mut harness, "Summary", "The open door stays open");
    harness.get_by_label_contains("US, red line: The open door stays open");
    set_number(&mut harness, "Accepts from", 80.0);
    let edited = statement(&harness, key);
    assert_eq!(edited.summary, "The open door stays open");
    assert_eq!(edited.range.map(|r| (r.min, r.max)), Some((80.0, 100.0)));
    assert!(harness.state().session().workspace().is_dirty());
    harness.get_by_label("1 file unsaved");

    // The Edit menu names what Ctrl+Z will undo: the range, then the whole summary at once.
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo edit range");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(statement(&harness, key).range, original.range);
    assert_eq!(statement(&harness, key).summary, "The open door stays open");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(statement(&harness, key), original);
    assert!(!harness.state().session().workspace().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(statement(&harness, key), edited);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().session().workspace().is_dirty());
    harness.get_by_label_contains("Saved 1 file.");
    let reloaded = load(&[folder.path().to_owned()]);
    assert!(!reloaded.has_errors(), "{:?}", reloaded.problems);
    assert_eq!(
        reloaded.negotiation,
        harness.state().session().workspace().negotiation
    );
}

/// What the window shows is what analysing the data afresh finds.
fn assert_analysis_is_fresh(harness: &Harness<'static, App>) {
    let app = harness.state();
    let shown = app.analysis_shown().expect("an analysis is shown");
    let workspace = app.session().workspace();
    let round = app.view().shown_round(workspace);
    let fresh = analyse_at(&workspace.negotiation, &shown.parties, round);
    assert_eq!(*shown, fresh);
}

#[test]
fn after_every_edit_undo_and_redo_the_analysis_shown_is_the_analysis_of_the_data() {
    let (_folder, mut harness) = folder_window();
    edit_us_red_line(&mut harness);
    assert_analysis_is_fresh(&harness);
    // Only the issues an edit touched are analysed again: the rest must still be right.
    set_number(&mut harness, "Accepts from", 80.0);
    assert_analysis_is_fresh(&harness);
    retype(&mut harness, "Summary", "Typed over");
    assert_analysis_is_fresh(&harness);
    set_number(&mut harness, "Accepts to", 20.0);
    assert_analysis_is_fresh(&harness);
    harness.get_by_label_contains("Deadlock: NATO membership for Ukraine");
    for _ in 0..3 {
        harness.key_press(Key::Escape);
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_analysis_is_fresh(&harness);
    }
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_analysis_is_fresh(&harness);
}

#[test]
fn an_invalid_range_is_shown_at_the_field_in_the_problems_and_in_the_analysis() {
    let (_folder, mut harness) = folder_window();
    let key = edit_us_red_line(&mut harness);
    set_number(&mut harness, "Accepts from", 100.0);
    set_number(&mut harness, "Accepts to", 20.0);
    // Listed at the foot of the form, and in the problems panel with the file it is in.
    let message = "range min 100 is above its max 20";
    assert_eq!(harness.get_all_by_label_contains(message).count(), 2);
    harness.get_by_label_contains(&format!("us.ron: {message}"));
    // The field itself is outlined, and says what is wrong when the pointer rests on it.
    harness
        .get_by_role_and_label(Role::SpinButton, "Accepts to")
        .hover();
    harness.run();
    assert_eq!(harness.get_all_by_label_contains(message).count(), 3);
    // The status bar and the problems panel both count it.
    assert_eq!(harness.get_all_by_label("1 error, 0 warnings").count(), 2);
    // Everything else goes on: other fields still edit, and the analysis leaves the US's
    // unusable range out rather than stopping.
    retype(&mut harness, "Summary", "Still editable");
    assert_eq!(statement(&harness, key).summary, "Still editable");
    harness.get_by_label_contains("Deadlock: NATO membership for Ukraine");
    // The finding says it rests on a statement with an error: under Deadlock and Collisions.
    // The panel draws only the findings in view; Collisions comes further down.
    let caveat = "1 statement here has an error; what it gets wrong is left out";
    harness.get_by_label(caveat);
    let collision = "Collision: NATO membership for Ukraine and other ex-Soviet states";
    for _ in 0..10 {
        if harness.query_by_label(collision).is_some() {
            break;
        }
        scroll_findings(&mut harness, -300.0);
    }
    let collision = harness.get_by_label(collision).rect();
    assert!(
        harness
            .get_all_by_label(caveat)
            .any(|node| node.rect().top() > collision.top())
    );
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window_and_the_edit() {
    let (_folder, mut harness) = folder_window();
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Unsaved words");

    // The window's close button, then Ctrl+Q, each ask first.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled_close = harness.output().viewport_output.values().any(|output| {
        output
            .commands
            .contains(&egui::ViewportCommand::CancelClose)
    });
    assert!(cancelled_close, "the close was not held back");
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save your changes?").is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save your changes?").is_none());
    assert_eq!(statement(&harness, key).summary, "Unsaved words");
    assert!(harness.state().session().workspace().is_dirty());
}

#[test]
fn opening_another_negotiation_or_reloading_asks_and_discard_drops_the_edit() {
    let (_folder, mut harness) = folder_window();
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "About to be dropped");
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label_contains("which reloading from disk would lose");
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(statement(&harness, key).summary, US_RED_LINE);
    assert!(!harness.state().session().workspace().is_dirty());
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_says_why_and_keeps_the_edit() {
    use std::os::unix::fs::PermissionsExt;
    let (folder, mut harness) = folder_window();
    let before = std::fs::read(folder.path().join("us.ron")).unwrap();
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Kept although not saved");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    harness.get_by_label_contains("is read-only; nothing was written");
    harness.get_by_label_contains("Your edits are kept.");
    assert_eq!(statement(&harness, key).summary, "Kept although not saved");
    assert!(harness.state().session().workspace().is_dirty());
    assert_eq!(std::fs::read(folder.path().join("us.ron")).unwrap(), before);
}

#[test]
fn saving_a_file_with_comments_warns_once_before_dropping_them() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let us = folder.path().join("us.ron");
    let text = std::fs::read_to_string(&us).unwrap();
    std::fs::write(&us, format!("// Checked against the wire copy.\n{text}")).unwrap();
    let mut harness = window(vec![folder.path().to_owned()]);
    edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "First edit");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Drop what was written by hand?");
    harness.get_by_label_contains("which drops its comments");
    assert!(
        std::fs::read_to_string(&us)
            .unwrap()
            .starts_with("// Checked")
    );
    harness.get_by_label("Save anyway").click();
    harness.run();
    assert!(!std::fs::read_to_string(&us).unwrap().contains("// Checked"));

    retype(&mut harness, "Summary", "Second edit");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness
            .query_by_label("Drop what was written by hand?")
            .is_none()
    );
    assert!(
        std::fs::read_to_string(&us)
            .unwrap()
            .contains("Second edit")
    );
}

#[test]
fn edits_left_by_a_crash_are_offered_back_on_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let recovery = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(recovery.path());
    let start = || {
        let app = app_with_recovery(
            Settings::default(),
            vec![folder.path().to_owned()],
            Arc::new(ScriptedDialogs::default()),
            store.clone(),
        );
        harness_for(app, Vec2::new(1600.0, 1000.0))
    };
    let mut harness = start();
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Typed just before the crash");
    let written = store.path_for(&Origin::paths(vec![folder.path().to_owned()]).key());
    step_until(&mut harness, |_| written.exists());
    // A crash: the window goes without saving or closing.
    drop(harness);

    let mut harness = start();
    harness.get_by_label("Recover unsaved edits?");
    harness.get_by_label_contains("without saving these edits:");
    // Which file, how much, and when (the date and time in UTC).
    harness.get_by_label("• us.ron: 1 change");
    harness.get_by_label_contains(" UTC)");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        statement(&harness, key).summary,
        "Typed just before the crash"
    );
    // Undo takes the restored edits back out, and Redo puts them back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_ne!(
        statement(&harness, key).summary,
        "Typed just before the crash"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        statement(&harness, key).summary,
        "Typed just before the crash"
    );
    assert!(harness.state().session().workspace().is_dirty());
    // Saved, the recovery file has done its work and goes.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(!harness.state().session().workspace().is_dirty());
    assert!(!written.exists());
}

fn rewrite(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Whether any statement open in the window has this summary.
fn has_summary(app: &App, summary: &str) -> bool {
    app.session()
        .workspace()
        .negotiation
        .parties
        .iter()
        .flat_map(|party| &party.data.statements)
        .any(|statement| statement.summary == summary)
}

/// Another program changed `path`: the watcher says so at the next frame.
fn changed_on_disk(harness: &mut Harness<'static, App>, disk: &ScriptedWatcher, path: &Path) {
    disk.report(FileChange::Modified(path.to_owned()));
    harness.run();
}

#[test]
fn a_file_changed_by_another_program_reloads_silently_or_asks_when_it_has_edits() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    let nato_summary = "No compromise on the open door: nations choose their own path";
    let nato = folder.path().join("nato.ron");
    rewrite(&nato, nato_summary, "Changed in another editor");
    changed_on_disk(&mut harness, &disk, &nato);
    assert!(has_summary(harness.state(), "Changed in another editor"));
    harness.get_by_label_contains("was changed by another program and has been reloaded");

    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "My version");
    let us = folder.path().join("us.ron");
    rewrite(&us, US_RED_LINE, "Their version");
    changed_on_disk(&mut harness, &disk, &us);
    harness.get_by_label("Changed by another program");
    harness.get_by_label("Reload from disk").click();
    harness.run();
    assert_eq!(statement(&harness, key).summary, "Their version");
    assert!(!harness.state().session().workspace().is_dirty());
}

#[test]
fn keeping_my_version_keeps_the_edit_and_the_next_save_replaces_theirs() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "My version");
    let us = folder.path().join("us.ron");
    rewrite(&us, US_RED_LINE, "Their version");
    changed_on_disk(&mut harness, &disk, &us);
    harness.get_by_label("Keep my version").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Changed by another program")
            .is_none()
    );
    assert_eq!(statement(&harness, key).summary, "My version");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let written = std::fs::read_to_string(&us).unwrap();
    assert!(written.contains("My version") && !written.contains("Their version"));
}

/// The real watcher, on the real file system: the change arrives from notify's thread, so the
/// test waits for the state it expects rather than for a time.
#[test]
fn the_real_watcher_notices_a_change_made_by_another_program() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let app = App::new(
        Settings::default(),
        vec![folder.path().to_owned()],
        Platform::with_dialogs(Arc::new(ScriptedDialogs::default())),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    // The first frames start watching.
    harness.run();
    let nato_summary = "No compromise on the open door: nations choose their own path";
    rewrite(
        &folder.path().join("nato.ron"),
        nato_summary,
        "Changed in another editor",
    );
    step_until(&mut harness, |app| {
        has_summary(app, "Changed in another editor")
    });
    // Taken in whole: every statement, no problem, nothing of the old text left.
    let workspace = harness.state().session().workspace();
    assert_eq!(workspace.negotiation.parties[0].data.statements.len(), 10);
    assert!(workspace.problems.is_empty(), "{:?}", workspace.problems);
    assert!(!has_summary(harness.state(), nato_summary));
}

#[test]
fn a_new_party_file_gets_a_column_and_is_written_beside_the_others() {
    let (folder, mut harness) = folder_window();
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label_contains("New party file").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::ColumnHeader, "New party");
    retype(&mut harness, "Summary", "Joins the talks in February");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let written = std::fs::read_to_string(folder.path().join("new-party.ron")).unwrap();
    assert!(written.contains("Joins the talks in February"));
    assert!(!harness.state().session().workspace().is_dirty());
}

#[test]
fn discarding_on_quit_closes_the_window_without_asking_again() {
    let (_folder, mut harness) = folder_window();
    edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Not wanted after all");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Discard").click();
    let mut closed = false;
    for _ in 0..4 {
        harness.step();
        closed |= harness
            .output()
            .viewport_output
            .values()
            .any(|output| output.commands.contains(&egui::ViewportCommand::Close));
    }
    assert!(closed, "the window was not closed");
    assert!(harness.query_by_label("Save your changes?").is_none());
}

#[test]
fn save_as_writes_every_file_into_the_new_folder_and_work_goes_on_there() {
    let first = tempfile::tempdir().unwrap();
    copy_example_to(first.path());
    let original_us = std::fs::read(first.path().join("us.ron")).unwrap();
    let second = tempfile::tempdir().unwrap();
    let copy = second.path().join("round-two");
    std::fs::create_dir(&copy).unwrap();
    let app = app(
        Settings::default(),
        vec![first.path().to_owned()],
        ScriptedDialogs::answering(vec![copy.clone()]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Second round");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save as…").click();
    step_until(&mut harness, |app| !app.session().workspace().is_dirty());
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        assert!(copy.join(name).is_file(), "{name} was not written");
    }
    assert_eq!(
        harness.state().session().workspace().origin,
        Origin::paths(vec![copy.clone()])
    );
    // Undo cannot send later saves back to the first folder.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(statement(&harness, key).summary, "Second round");
    retype(&mut harness, "Summary", "Second round, revised");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        std::fs::read_to_string(copy.join("us.ron"))
            .unwrap()
            .contains("Second round, revised")
    );
    assert_eq!(
        std::fs::read(first.path().join("us.ron")).unwrap(),
        original_us
    );
}

#[test]
fn discarded_edits_are_not_offered_back_on_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let recovery = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(recovery.path());
    let app = app_with_recovery(
        Settings::default(),
        vec![folder.path().to_owned()],
        Arc::new(ScriptedDialogs::default()),
        store.clone(),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Thrown away");
    let written = store.path_for(&Origin::paths(vec![folder.path().to_owned()]).key());
    step_until(&mut harness, |_| written.exists());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Discard").click();
    for _ in 0..4 {
        harness.step();
    }
    assert!(
        !written.exists(),
        "the discarded edits were kept for recovery"
    );
}

#[test]
fn a_typed_path_over_unsaved_changes_asks_first() {
    let (_folder, mut harness) = folder_window();
    edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Not yet saved");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Open path…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(DATA);
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label_contains("which opening another negotiation would lose");
}

#[test]
fn a_save_into_a_folder_that_was_deleted_says_why_and_keeps_the_edit() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("talks");
    std::fs::create_dir(&folder).unwrap();
    copy_example_to(&folder);
    let (mut harness, disk) = watched_window(vec![folder.clone()]);
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Written before the folder went");
    std::fs::remove_dir_all(&folder).unwrap();
    // The watcher tells of the files gone first, as it would before the user reaches Save.
    let gone = ["agenda.ron", "nato.ron", "russia.ron", "us.ron"].map(|name| folder.join(name));
    for path in &gone {
        disk.report(FileChange::Removed(path.clone()));
    }
    harness.run();
    harness.get_by_label_contains("nato.ron was deleted or moved by another program");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let why = "Your edits are kept.";
    harness.get_by_label_contains("Not saved.");
    harness.get_by_label_contains(why);
    // A second try, and more news from the watcher in the same frame and after it: both
    // errors stay on screen, and only the warnings make room for each other.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    for path in gone.iter().cycle().take(8) {
        disk.report(FileChange::Removed(path.clone()));
    }
    harness.run();
    assert_eq!(harness.get_all_by_label_contains(why).count(), 2);
    assert_eq!(harness.get_all_by_label("Error").count(), 2);
    assert_eq!(
        statement(&harness, key).summary,
        "Written before the folder went"
    );
    assert!(harness.state().session().workspace().is_dirty());
    assert!(!folder.exists());
}

#[test]
fn edits_to_the_built_in_example_are_offered_back_after_a_crash_too() {
    let recovery = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(recovery.path());
    let start = || {
        let app = app_with_recovery(
            Settings::default(),
            Vec::new(),
            Arc::new(ScriptedDialogs::default()),
            store.clone(),
        );
        harness_for(app, Vec2::new(1600.0, 1000.0))
    };
    let mut harness = start();
    let key = edit_us_red_line(&mut harness);
    retype(&mut harness, "Summary", "Edited in the example");
    let written = store.path_for(&Origin::Example.key());
    step_until(&mut harness, |_| written.exists());
    drop(harness);

    let mut harness = start();
    harness.get_by_label("Recover unsaved edits?").hover();
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(statement(&harness, key).summary, "Edited in the example");
}

#[test]
fn a_file_deleted_and_written_back_unchanged_needs_no_answer() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    let nato = folder.path().join("nato.ron");
    let text = std::fs::read_to_string(&nato).unwrap();
    std::fs::remove_file(&nato).unwrap();
    disk.report(FileChange::Removed(nato.clone()));
    harness.run();
    assert!(harness.state().session().workspace().is_dirty());
    harness.get_by_label_contains("was deleted or moved by another program");
    std::fs::write(&nato, text).unwrap();
    changed_on_disk(&mut harness, &disk, &nato);
    assert!(!harness.state().session().workspace().is_dirty());
    assert!(harness.state().session().question().is_none());
}

#[test]
fn an_agenda_issue_keeps_its_editor_while_its_id_is_retyped() {
    let (_folder, mut harness) = folder_window();
    harness
        .get_by_label("Possible agreement: Offensive missile placement in Eastern Europe")
        .click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Id").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Id")
        .type_text("missile-limits");
    harness.run();
    let workspace = harness.state().session().workspace();
    let agenda = &workspace.negotiation.agenda.as_ref().unwrap().data;
    assert_eq!(agenda.issues[2].id, "missile-limits");
    assert_eq!(
        harness.state().view().selected_issue.as_deref(),
        Some("missile-limits")
    );
    // Still the same form, on the same issue, and the Edit menu can put the id back.
    harness.get_by_role_and_label(Role::TextInput, "Title");
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo edit id");
}

/// The summary of the statement selected now.
fn selected_summary(harness: &Harness<'static, App>) -> String {
    let app = harness.state();
    let key = app.view().selected.expect("a statement is selected");
    statement(harness, key).summary
}

#[test]
fn alt_left_in_a_text_field_stays_with_the_field_and_goes_back_outside_it() {
    let (_folder, mut harness) = folder_window();
    harness.get_by_label_contains(US_MISSILE_OFFER).click();
    harness.run();
    harness
        .get_by_label("Waits on Russian Federation: Russian forces near Ukraine's border")
        .click();
    harness.run();
    let followed = selected_summary(&harness);
    assert_ne!(followed, US_MISSILE_OFFER);
    // F2 puts the keyboard in the summary; Alt+← there moves the cursor (a word left on the
    // Mac), and must not also go back to the offer.
    harness.key_press(Key::F2);
    harness.run();
    let summary = harness.get_by_role_and_label(Role::MultilineTextInput, "Summary");
    assert!(summary.is_focused());
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(selected_summary(&harness), followed);
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Summary")
            .is_focused()
    );
    // Out of the editor, with no field left to take them, the same keys go back.
    harness.key_press(Key::F2);
    harness.run();
    assert!(!harness.state().view().editing);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(selected_summary(&harness), US_MISSILE_OFFER);
}

#[test]
fn the_arrow_keys_move_a_focused_slider_and_not_the_selection() {
    let (_folder, mut harness) = folder_window();
    let key = edit_us_red_line(&mut harness);
    let before = statement(&harness, key).range.map(|r| r.min);
    assert_eq!(before, Some(90.0));
    harness
        .get_by_role_and_label(Role::Slider, "Accepts from")
        .focus();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view().selected, Some(key));
    assert_eq!(statement(&harness, key).range.map(|r| r.min), Some(92.0));
    // One undo step puts the range back as it was.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(statement(&harness, key).range.map(|r| r.min), Some(90.0));
}

#[test]
fn adding_an_agenda_issue_from_the_edit_menu_opens_it_in_the_editor() {
    let (_folder, mut harness) = folder_window();
    // A statement selected before: the new issue, not the statement, is what gets edited.
    edit_us_red_line(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label("Add an agenda issue").click();
    harness.run();
    let view = harness.state().view();
    assert_eq!(view.selected, None);
    assert_eq!(view.selected_issue.as_deref(), Some("new-issue"));
    assert!(view.editing);
    harness.get_by_label("Agenda issue");
    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    assert_eq!(title.value().as_deref(), Some("New issue"));
    harness.get_by_label_contains("Issue: New issue");
}

#[test]
fn a_new_party_file_opens_its_details_with_nothing_else_selected() {
    let (_folder, mut harness) = folder_window();
    edit_us_red_line(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label("New party file").click();
    harness.run();
    let view = harness.state().view();
    assert_eq!(view.selected, None);
    assert_eq!(view.edited_party, Some(3));
    harness.get_by_label("Party details");
}
