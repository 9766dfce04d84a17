//! Rounds in the window, clicked and typed as a person would: the timeline and the keys that
//! step along it, every view following the round shown, the ghosted ranges, What changed, a
//! new round with undo, and a statement changed from a round on.

use std::path::PathBuf;

use crate::support::*;
use common_ground_window::App;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const RIVER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/fictional-river-talks");
/// Lowland's summer-flow statements at the first, second and third round.
const FIRST: &str = "At least three fifths of the summer flow must reach Lowland";
const SECOND: &str = "Lowland would accept between two fifths and seven tenths of the summer flow";
const THIRD: &str = "Lowland offers to accept from about a third of the summer flow";

fn river_window() -> (tempfile::TempDir, Harness<'static, App>) {
    let folder = tempfile::tempdir().unwrap();
    for name in ["agenda.ron", "lowland.ron", "upland.ron"] {
        std::fs::copy(PathBuf::from(RIVER).join(name), folder.path().join(name)).unwrap();
    }
    let harness = window(vec![folder.path().to_owned()]);
    (folder, harness)
}

/// Replaces the text of the one-line field labelled `label`, as a person would.
fn retype_line(harness: &Harness<'static, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
}

fn shows(harness: &Harness<'static, App>, summary: &str) -> bool {
    harness.query_by_label_contains(summary).is_some()
}

#[test]
fn the_timeline_chooses_the_round_every_view_shows_and_keys_step_along_it() {
    let (_folder, mut harness) = river_window();
    // The latest round, as things stand now.
    harness.get_by_label("Summit communiqué · 2031-07-20 (latest)");
    assert!(shows(&harness, THIRD) && !shows(&harness, FIRST));
    harness.get_by_label("Possible agreement: Summer flow left to Lowland");

    harness.get_by_label("Opening letters · 2031-03-02").click();
    harness.run();
    assert_eq!(harness.state().view().round, Some(0));
    assert!(shows(&harness, FIRST) && !shows(&harness, THIRD));
    // At the opening letters the parties are 15 points apart on the flow.
    harness.get_by_label("Deadlock: Summer flow left to Lowland");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert!(shows(&harness, SECOND) && !shows(&harness, FIRST));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    // Back at the latest, the view follows the latest again.
    assert_eq!(harness.state().view().round, None);
    assert!(shows(&harness, THIRD));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    harness.run();
    assert_eq!(harness.state().view().round, Some(1));
}

#[test]
fn the_charts_draw_the_earlier_range_ghosted_and_say_so() {
    let (_folder, mut harness) = river_window();
    harness.get_by_label("All scales").click();
    harness.run();
    // Compared with the round before (the Geneva draft): Lowland widened 40–70 to 35–70.
    harness
        .get_by_label_contains("Lowland on Summer flow left to Lowland: accepts 35–70, was 40–70");
    // Upland's flow range did not move: no ghost.
    harness.get_by_label_contains("Upland on Summer flow left to Lowland: accepts 10–45, salience");
    assert!(
        harness
            .query_by_label_contains("Upland on Summer flow left to Lowland: accepts 10–45, was")
            .is_none()
    );
    // Compared with the opening letters instead, the ghost is Lowland's first range.
    harness
        .get_by_role_and_label(Role::ComboBox, "Compared with")
        .click();
    harness.run();
    harness.get_by_label("Opening letters").click();
    harness.run();
    harness
        .get_by_label_contains("Lowland on Summer flow left to Lowland: accepts 35–70, was 60–90");
    harness.get_by_label_contains("Dashed outlines: where each party stood at Opening letters");
}

#[test]
fn what_changed_lists_each_move_and_leads_to_its_statement() {
    let (_folder, mut harness) = river_window();
    harness.get_by_label("What changed").click();
    harness.run();
    harness
        .get_by_label("What changed: Geneva draft (2031-05-14) → Summit communiqué (2031-07-20)");
    harness.get_by_label("hardened 0 · softened 2 · new 0 · dropped 1 · unchanged 3");
    harness.get_by_label("zone widened: 40–45 → 35–45 (possible agreement → possible agreement)");
    harness.get_by_label("zone closed: 50–60 → none (possible agreement → unaddressed)");
    let link = "40–70 firm → 35–70 firm; moved 2.5 points down, towards Upland";
    harness.get_by_label(link).click();
    harness.run();
    let statement = selected_statement(&harness);
    assert_eq!(statement.id, "share-summer-flow-wider");
}

#[test]
fn a_new_round_carries_every_position_forward_and_undo_takes_it_away() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    let statements = |harness: &Harness<'static, App>| -> usize {
        harness
            .state()
            .session()
            .workspace()
            .negotiation
            .parties
            .iter()
            .map(|party| party.data.statements.len())
            .sum()
    };
    let before = statements(&harness);
    // Without rounds there is no timeline; the Edit menu adds the first.
    assert!(harness.query_by_label_contains("(latest)").is_none());
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness.get_by_label("New round…").click();
    harness.run();
    retype_line(&harness, "First round's name", "Written replies");
    retype_line(&harness, "Name", "Reply to the replies");
    retype_line(&harness, "Date", "2022-01-01");
    harness.run();
    harness.get_by_label("Add round").click();
    harness.run();
    // Before the positions' own round: refused, and said why.
    harness.get_by_label_contains("Rounds go oldest first");
    retype_line(&harness, "Date", "2022-02-17");
    harness.run();
    harness.get_by_label("Add round").click();
    harness.run();
    harness.get_by_label("Reply to the replies · 2022-02-17 (latest)");
    harness.get_by_label("Written replies · 2022-01-26");
    // Every position carried forward without a statement copied.
    assert_eq!(statements(&harness), before);
    harness.get_by_label("What changed").click();
    harness.run();
    harness.get_by_label_contains("hardened 0 · softened 0 · new 0 · dropped 0 · unchanged");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let rounds = &harness
        .state()
        .session()
        .workspace()
        .negotiation
        .agenda
        .as_ref()
        .unwrap()
        .data
        .rounds;
    assert!(rounds.is_empty());
    assert!(harness.query_by_label_contains("(latest)").is_none());
}

#[test]
fn a_statement_changed_from_a_round_on_keeps_the_earlier_one_on_record() {
    let (_folder, mut harness) = river_window();
    // Upland's summer flow holds in every round; change it from the summit on.
    harness
        .get_by_label_contains("Upland keeps most of the summer flow")
        .click();
    harness.run();
    harness.get_by_label("Holds in every round");
    harness.get_by_label("Change from this round on").click();
    harness.run();
    let workspace = harness.state().session().workspace();
    let upland = workspace.negotiation.party_index("upland").unwrap();
    let statements = &workspace.negotiation.parties[upland].data.statements;
    assert_eq!(statements[0].until.as_deref(), Some("geneva-draft"));
    assert_eq!(statements[1].id, "keep-most-summer-flow-2");
    assert_eq!(statements[1].from.as_deref(), Some("summit-communique"));
    // The copy is selected, in the editor.
    let selected = harness.state().view().selected.unwrap();
    assert_eq!(selected.statement, 1);
    assert!(harness.state().view().editing);
    harness.get_by_label("Holds in Summit communiqué only");
}
