//! Predicted outcomes and trades in the window, as a person finds and clicks them.

use egui_kittest::kittest::Queryable;

use super::support::*;

#[test]
fn a_trade_in_the_panel_brings_its_issue_into_view() {
    let mut harness = example_window();
    // The trades come after the collisions: scroll down to them as a person would.
    for _ in 0..6 {
        if harness.query_by_label_contains("Trades (").is_some() {
            break;
        }
        scroll_findings(&mut harness, -600.0);
    }
    // The count is the CLI's (`compare --trades` lists the same 29).
    harness.get_by_label("Trades (29)");
    // The best: Russia gives on its forces near the border, NATO on missile placement.
    harness.get_by_label("1. each gains 0.49");
    let link = "Trade 1: NATO moves on Offensive missile placement in Eastern Europe: 40 → 22.5";
    harness.get_by_label(link).scroll_to_me();
    harness.run();
    harness.get_by_label(link).click();
    harness.run();
    assert_eq!(
        harness.state().view().selected_issue.as_deref(),
        Some("missile-placement")
    );
    // The inspector says what the prediction is made of and who would move it.
    harness.get_by_label_contains("Predicted: weighted mean 33.55, weighted median 40");
    harness.get_by_label_contains("Equal capabilities used: none stated for NATO, Russia, US");
    harness.get_by_label_contains("Russia moves the mean most (25.26–62.11");
}

#[test]
fn the_inspector_warns_when_a_prediction_lies_outside_a_red_line() {
    let mut harness = example_window();
    harness
        .get_by_label("Deadlock: NATO membership for Ukraine and other ex-Soviet states")
        .click();
    harness.run();
    harness.get_by_label_contains(
        "the weighted mean (66.07) lies outside NATO's red line (90–100): a warning, not an \
         agreement",
    );
    // Its mark on the chart's axis names it when hovered.
    harness.get_by_label_contains("Predicted: weighted median 100");
}
