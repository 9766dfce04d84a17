//! The window never lets a conclusion look surer than the data: a silent party leaves an
//! overlap untested, and a file that did not load is named wherever findings are shown.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

mod support;

use std::path::Path;

use common_ground_document::watch::FileChange;
use egui::accesskit::Role;
use egui::{Key, Vec2};
use egui_kittest::kittest::Queryable;
use support::*;

/// A copy of the bundled folder with `russia.ron` cut in half, and the whole text.
fn folder_with_truncated_russia() -> (tempfile::TempDir, String) {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let russia = folder.path().join("russia.ron");
    let whole = std::fs::read_to_string(&russia).unwrap();
    std::fs::write(&russia, &whole[..whole.len() / 2]).unwrap();
    (folder, whole)
}

fn restore(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_file_that_did_not_load_is_named_over_the_findings_and_in_a_column_of_its_own() {
    let (folder, whole) = folder_with_truncated_russia();
    let russia = folder.path().join("russia.ron");
    let (mut harness, disk) = watched_window(vec![folder.path().to_owned()]);
    harness.get_by_label("russia.ron could not be read: these conclusions leave it out.");
    harness.get_by_label("Could not be read: this party is left out of every finding.");
    // Without Russia nothing the allies share is called an agreement.
    harness.get_by_label("Possible agreement (0)");
    harness.get_by_label("Untested (8)");
    // The error comes first in the problems panel, the warnings it causes folded under it.
    harness.get_by_label_contains("russia.ron:83:292: expected a block opened with");
    let knock_on = "the condition waits on party `russia`, which is not among the loaded files";
    assert!(harness.query_by_label_contains(knock_on).is_none());
    harness
        .get_by_label("Show the 11 warnings that follow from this error")
        .click();
    harness.run();
    // The panel builds only the rows in view; the first of the eleven is right under the fold.
    assert!(harness.query_all_by_label_contains(knock_on).count() >= 1);
    let rows = &harness.state().session().workspace().problem_rows;
    assert!(rows[0].is_error && rows[0].knock_ons == 11);
    assert!(rows[1..12].iter().all(|row| row.caused_by == Some(0)));
    harness.get_by_label("Hide the 11 warnings that follow from this error");

    // The file is watched like the others: fixed in an editor, Russia comes back by itself.
    assert!(disk.watched().contains(&russia));
    restore(&russia, &whole);
    disk.report(FileChange::Modified(russia.clone()));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("could not be read")
            .is_none()
    );
    harness.get_by_role_and_label(Role::ColumnHeader, "Russian Federation");
    harness.get_by_label("Possible agreement (3)");
    harness.get_by_label_contains("russia.ron now loads");
}

#[test]
fn retry_reads_the_file_again_and_says_when_it_still_fails() {
    let (folder, whole) = folder_with_truncated_russia();
    let russia = folder.path().join("russia.ron");
    let mut harness = window(vec![folder.path().to_owned()]);
    // Two Retry buttons, over the findings and in the column: either will do.
    harness.get_all_by_label("Retry").next().unwrap().click();
    harness.run();
    harness.get_by_label_contains("russia.ron still cannot be read");
    restore(&russia, &whole);
    harness.get_all_by_label("Retry").last().unwrap().click();
    harness.run();
    assert!(harness.query_by_label("Retry").is_none());
    harness.get_by_role_and_label(Role::ColumnHeader, "Russian Federation");
}

#[test]
fn recording_that_a_party_has_no_stake_turns_an_untested_overlap_into_an_agreement() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = harness_for(
        app(
            common_ground_window::Settings::default(),
            vec![folder.path().to_owned()],
            std::sync::Arc::new(ScriptedDialogs::default()),
        ),
        Vec2::new(1600.0, 1000.0),
    );
    let incidents = "Military communications and incident avoidance";
    harness
        .get_by_label(&format!("Untested: {incidents}"))
        .click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    // The issue editor lists the parties; ticking one records it has no stake.
    harness
        .get_by_role_and_label(Role::CheckBox, "Russian Federation")
        .click();
    harness.run();
    harness.get_by_label(&format!("Possible agreement: {incidents}"));
    let agenda = harness.state().session().workspace();
    let agenda = &agenda.negotiation.agenda.as_ref().unwrap().data;
    let issue = agenda
        .issues
        .iter()
        .find(|issue| issue.id == "incident-avoidance")
        .unwrap();
    assert_eq!(issue.no_stake, ["russia"]);
    // Undo puts the silence back, and with it the doubt.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label(&format!("Untested: {incidents}"));
}
