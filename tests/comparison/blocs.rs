//! Blocs in the window: the fictional Coastal League (Nordmark, Westhaven, Skerry) collapsed
//! into one column or expanded into its members, counted as shown, and its members'
//! divergence in the headers, the findings and the inspector.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use super::support::*;

fn fishing_talks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/fictional-fishing-alliance")
}

#[test]
fn a_bloc_starts_collapsed_and_expands_into_its_members() {
    let mut harness = window(vec![fishing_talks()]);
    // Collapsed: the League stands for its three members, who have no columns of their own,
    // and the analysis counts the League once, the members not at all.
    assert_eq!(
        column_headers(&harness),
        [
            "Distant-water fleet (fictional)",
            "Coastal League (fictional)"
        ]
    );
    harness.get_by_label("Comparing Fleet, League");
    harness.get_by_label(
        "League counts as one actor for Nordmark, Westhaven, Skerry (Expand on its column shows \
         them)",
    );
    // Westhaven's range misses the League's on both issues (0–3 against 5–25; 20–45 against
    // 60–90): the header says so.
    harness
        .get_by_label_contains("Bloc of 3, ranks broken on 2 issues: Nordmark, Westhaven, Skerry");

    harness.get_by_label("Expand").click();
    harness.run();
    // Expanded: the members in the League's place, in the order its file lists them, each
    // counted one by one; the League itself is not counted twice.
    assert_eq!(
        column_headers(&harness),
        [
            "Distant-water fleet (fictional)",
            "Nordmark (fictional)",
            "Westhaven (fictional)",
            "Skerry Isles (fictional)"
        ]
    );
    harness.get_by_label("Comparing Fleet, Nordmark, Westhaven, Skerry");
    assert!(
        harness
            .query_by_label_contains("counts as one actor")
            .is_none()
    );
    harness.get_by_label("Breaks ranks with League on 2 issues");
    assert_eq!(harness.get_all_by_label("Member of League").count(), 2);
    assert_eq!(harness.get_all_by_label("Collapse").count(), 3);
    // Remembered with the negotiation's columns.
    assert!(harness.state().view().columns.expanded.contains("league"));

    // Any member's Collapse folds them back.
    harness.get_all_by_label("Collapse").next().unwrap().click();
    harness.run();
    assert_eq!(
        column_headers(&harness),
        [
            "Distant-water fleet (fictional)",
            "Coastal League (fictional)"
        ]
    );
    assert!(harness.state().view().columns.expanded.is_empty());
}

#[test]
fn a_member_in_the_toolbar_expands_its_bloc() {
    let mut harness = window(vec![fishing_talks()]);
    // The toolbar's Skerry is not a column of its own while the League is collapsed: a click
    // shows the League's members rather than Skerry beside its bloc, counted twice.
    harness.get_by_label("Skerry").click();
    harness.run();
    assert!(harness.state().view().columns.expanded.contains("league"));
    assert!(column_headers(&harness).contains(&"Skerry Isles (fictional)".to_owned()));
    // Now the League is the one without a column; its click collapses it again.
    harness.get_by_label("League").click();
    harness.run();
    assert!(harness.state().view().columns.expanded.is_empty());
}

#[test]
fn the_findings_and_the_inspector_show_who_breaks_ranks() {
    let mut harness = window(vec![fishing_talks()]);
    // Counted as one actor, the League's 5–25 meets the fleet's 20–60 on the cod quota: a
    // possible agreement, which its members do not all share. They stand at 0 (Westhaven)
    // and 25 (Nordmark); Skerry says nothing; Westhaven's 0–3 misses the League's 5–25.
    harness.get_by_label("League's members at 0–25, Westhaven breaks ranks");
    harness
        .get_by_label("Possible agreement: The fleet's cod quota")
        .click();
    harness.run();
    harness.get_by_label("Inside League (counted as one actor)");
    harness.get_by_label(
        "Members at 0–25; breaks ranks (outside the bloc's range): Westhaven; silent: Skerry",
    );
    // Counted by its members, Westhaven's red line makes the same issue a deadlock.
    harness.get_by_label("Expand").click();
    harness.run();
    harness.get_by_label("Inside League (its members counted one by one)");
    harness.get_by_label_contains("Deadlock: The fleet's cod quota");
}

#[test]
fn selecting_a_folded_members_statement_expands_its_bloc() {
    let mut harness = window(vec![fishing_talks()]);
    let workspace = harness.state().session().workspace();
    let skerry = workspace.negotiation.party_index("skerry").unwrap();
    let key = common_ground_core::negotiation::StatementKey {
        party: skerry,
        statement: 0,
    };
    harness
        .state_mut()
        .push(common_ground_window::Command::Select(key));
    harness.run();
    assert_eq!(harness.state().view().selected, Some(key));
    assert!(harness.state().view().columns.expanded.contains("league"));
    harness.get_by_label_contains("League shown by its members now, to show Skerry's statement.");
}

#[test]
fn view_parties_chooses_how_each_bloc_counts() {
    let mut harness = window(vec![fishing_talks()]);
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Parties")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "League: its members one by one")
        .click();
    harness.run();
    assert!(harness.state().view().columns.expanded.contains("league"));
    assert!(
        harness
            .query_by_role_and_label(Role::ColumnHeader, "Coastal League (fictional)")
            .is_none()
    );
    harness.get_by_role_and_label(Role::ColumnHeader, "Westhaven (fictional)");
}
