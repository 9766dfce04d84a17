//! A negotiation of many parties in the window: the parties are picked from one list that
//! keeps the toolbar short, and compact columns fit more of them on the screen.
#![expect(
    clippy::unwrap_used,
    reason = "tests fail loudly on what they did not expect"
)]

mod support;

use std::path::Path;
use std::sync::Arc;

use common_ground_core::io::{SaveMode, save_party};
use common_ground_core::model::PartyFile;
use common_ground_window::{App, Settings};
use egui::accesskit::{Role, Toggled};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::*;

const PARTIES: usize = 12;

/// The example's agenda with twelve fictional copies of the United States' file, each a party
/// of its own ("Copy 0" to "Copy 11", short names C0 to C11).
fn twelve_parties(folder: &Path) {
    std::fs::copy(
        Path::new(DATA).join("agenda.ron"),
        folder.join("agenda.ron"),
    )
    .unwrap();
    let us: PartyFile =
        ron::from_str(&std::fs::read_to_string(Path::new(DATA).join("us.ron")).unwrap()).unwrap();
    for index in 0..PARTIES {
        let mut copy = us.clone();
        copy.party.id = format!("copy-{index}");
        copy.party.name = format!("Copy {index}");
        copy.party.short_name = format!("C{index}");
        // Zero-padded, so the files load in the order of their numbers.
        let path = folder.join(format!("copy-{index:02}.ron"));
        save_party(&path, &copy, SaveMode::AcceptLoss).unwrap();
    }
}

fn toggle_shown(harness: &Harness<'static, App>, short_name: &str) -> bool {
    let toggle = harness.get_by_role_and_label(Role::Button, short_name);
    toggle.accesskit_node().toggled() == Some(Toggled::True)
}

/// The party list in the toolbar, checked to say `in_columns`, e.g. "12 of 12 in columns".
fn party_list<'h>(harness: &'h Harness<'static, App>, in_columns: &str) -> egui_kittest::Node<'h> {
    let list = harness.get_by_role_and_label(Role::ComboBox, "Parties");
    assert_eq!(list.value().as_deref(), Some(in_columns));
    list
}

fn header_width(harness: &Harness<'static, App>, name: &str) -> f32 {
    harness
        .get_by_role_and_label(Role::ColumnHeader, name)
        .rect()
        .width()
}

#[test]
fn many_parties_are_picked_from_one_list_that_stays_open_while_ticking() {
    let folder = tempfile::tempdir().unwrap();
    twelve_parties(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    assert_eq!(column_headers(&harness).len(), PARTIES);
    // No toggle per party in the toolbar: one list says how many have a column.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "C3")
            .is_none()
    );
    party_list(&harness, "12 of 12 in columns").click();
    harness.run();
    assert!(toggle_shown(&harness, "C3"));

    harness.get_by_role_and_label(Role::Button, "C3").click();
    harness.run();
    let headers = column_headers(&harness);
    assert_eq!(headers.len(), PARTIES - 1);
    assert!(!headers.contains(&"Copy 3".to_owned()), "{headers:?}");
    // Still open for the next party, and the count follows.
    assert!(!toggle_shown(&harness, "C3"));
    harness.get_by_role_and_label(Role::Button, "C5").click();
    harness.run();
    assert_eq!(column_headers(&harness).len(), PARTIES - 2);
    party_list(&harness, "10 of 12 in columns");

    harness
        .get_by_role_and_label(Role::Button, "Show all")
        .click();
    harness.run();
    assert_eq!(column_headers(&harness).len(), PARTIES);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "C3")
            .is_none(),
        "Esc closed the list"
    );
    party_list(&harness, "12 of 12 in columns");
}

#[test]
fn a_few_parties_keep_their_toggles_in_the_toolbar() {
    let harness = example_window();
    for short_name in ["NATO", "Russia", "US"] {
        assert!(toggle_shown(&harness, short_name), "{short_name}");
    }
    assert!(
        harness
            .query_by_role_and_label(Role::ComboBox, "Parties")
            .is_none()
    );
}

#[test]
fn compact_columns_are_narrower_and_their_cards_lower_and_the_setting_is_kept() {
    let folder = tempfile::tempdir().unwrap();
    twelve_parties(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    let full_width = header_width(&harness, "Copy 0");
    let label = harness
        .get_all_by_role(Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .find(|label| label.starts_with("C0, red line"))
        .unwrap();
    let card = |harness: &Harness<'static, App>| harness.get_by_label(&label).rect();
    let full_card = card(&harness);

    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Compact columns")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().settings().compact_columns);

    // Twelve columns do not fit at 1600 points either way: each takes its least width, 220
    // points full and 170 compact; a card loses one line of summary, a body line of height.
    let compact_width = header_width(&harness, "Copy 0");
    assert_eq!((full_width, compact_width), (220.0 - 8.0, 170.0 - 8.0));
    let compact_card = card(&harness);
    assert!(
        compact_card.height() < full_card.height() - 10.0,
        "{compact_card:?} against {full_card:?}"
    );
    assert_eq!(compact_card.width(), compact_width);

    // The tick box in the party list says the same and turns it off again.
    party_list(&harness, "12 of 12 in columns").click();
    harness.run();
    let tick = harness.get_by_role_and_label(Role::CheckBox, "Compact columns");
    assert_eq!(
        tick.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    tick.click();
    harness.run();
    assert!(!harness.state().settings().compact_columns);
    assert_eq!(header_width(&harness, "Copy 0"), full_width);
}

/// The overview matrix builds only the rows in view: at 900 × 600 the last issue's row is not
/// built until it is scrolled to; then it is, the first row is not, and its cells still go to
/// the party's statement.
#[test]
fn the_matrix_builds_the_rows_in_view_and_scrolls_to_the_rest() {
    let folder = tempfile::tempdir().unwrap();
    twelve_parties(folder.path());
    let app = app(
        Settings::default(),
        vec![folder.path().to_owned()],
        Arc::new(ScriptedDialogs::default()),
    );
    let mut harness = harness_for(app, Vec2::new(900.0, 600.0));
    harness.get_by_label("Overview matrix").click();
    harness.run();
    let first = "C0 on NATO membership for Ukraine and other ex-Soviet states";
    let last = "C0 on The diplomatic path and its pace";
    let built = |harness: &Harness<'static, App>, cell: &str| {
        harness.query_all_by_label_contains(cell).count() > 0
    };
    assert!(built(&harness, first) && !built(&harness, last));
    let inside = harness.get_by_label_contains(first).rect().center();
    harness.hover_at(inside);
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        // A set number of frames: the pointer rests on a cell, whose tooltip keeps asking
        // for more.
        harness.run_steps(4);
    }
    assert!(built(&harness, last) && !built(&harness, first));
    harness.get_by_label_contains(last).click();
    harness.run();
    assert_eq!(
        harness.state().settings().page,
        common_ground_window::Page::Columns
    );
    assert_eq!(selected_statement(&harness).issue, "diplomatic-track");
}
