//! Seeing where the parties could meet: the common-ground panel, the scale charts, the
//! overview matrix and the exports, clicked through as a person would, plus snapshots of the
//! charts drawn by a software GPU.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests fail loudly on what they did not expect"
)]

#[path = "comparison/blocs.rs"]
mod blocs;
#[path = "comparison/predictions.rs"]
mod predictions;
#[path = "comparison/rounds.rs"]
mod rounds;
mod support;
#[path = "comparison/tables.rs"]
mod tables;

use std::path::PathBuf;
use std::sync::Arc;

use common_ground_window::{App, Settings};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::*;

const AGREEMENT_ISSUES: [&str; 3] = [
    "Offensive missile placement in Eastern Europe",
    "Military exercises in Eastern Europe",
    "Broad arms control agreements",
];
/// The US and NATO overlap on these, but Russia has not answered: not agreements.
const UNTESTED_ISSUES: [&str; 2] = [
    "Military communications and incident avoidance",
    "Inflammatory rhetoric",
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
    let mut harness = example_window();
    for issue in AGREEMENT_ISSUES {
        harness.get_by_label(&format!("Possible agreement: {issue}"));
        assert!(
            harness
                .query_by_label(&format!("Deadlock: {issue}"))
                .is_none()
        );
    }
    for issue in UNTESTED_ISSUES {
        harness.get_by_label(&format!("Untested: {issue}"));
        assert!(
            harness
                .query_by_label(&format!("Possible agreement: {issue}"))
                .is_none()
        );
    }
    harness.get_by_label("Untested (2)");
    // The badge over the issue in the columns says so too, with who is silent.
    harness.get_by_label("untested: overlap 50–100 · 1 silent");
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
    // Each finding gives its predicted outcome, in warning words when a red line refuses it.
    harness.get_by_label("predicted 63.14 (mean) / 60 (median)");
    // The collisions sit further down, below the deadlocks' predictions.
    scroll_findings(&mut harness, -500.0);
    // Once under its deadlock and once under its collision.
    let refused =
        harness.get_all_by_label("predicted 66.07 (mean) / 100 (median), outside a red line");
    assert_eq!(refused.count(), 2);
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
        app(
            Settings::default(),
            Vec::new(),
            Arc::new(ScriptedDialogs::default()),
        ),
        Vec2::new(1280.0, 700.0),
    );
    // The last issue on the agenda starts below the fold.
    let title = "Issue: Inflammatory rhetoric";
    assert!(!in_view(&harness, title));
    // The finding sits low in the panel: scroll to it as a person would, then click it.
    scroll_findings(&mut harness, -400.0);
    harness
        .get_by_label("Untested: Inflammatory rhetoric")
        .scroll_to_me();
    harness.run();
    assert!(
        !in_view(&harness, title),
        "scrolling the panel moves no column"
    );
    harness
        .get_by_label("Untested: Inflammatory rhetoric")
        .click();
    harness.run();
    assert_eq!(
        harness.state().view().selected_issue.as_deref(),
        Some("rhetoric")
    );
    assert!(in_view(&harness, title));
    // The inspector charts every party on the issue.
    harness.get_by_label_contains("Scale chart of Inflammatory rhetoric: untested: overlap 0–20");
}

#[test]
fn hiding_a_party_recomputes_the_findings_for_the_others() {
    let mut harness = example_window();
    let incidents = "Military communications and incident avoidance";
    harness.get_by_label(&format!("Untested: {incidents}"));
    harness.get_by_label("NATO").click();
    harness.run();
    // Without NATO only the US places itself on incident avoidance: nothing to compare yet.
    assert!(
        harness
            .query_by_label(&format!("Untested: {incidents}"))
            .is_none()
    );
    // The panel draws only the findings in view: scroll down to the unaddressed ones.
    assert!(
        harness
            .query_by_label(&format!("Unaddressed: {incidents}"))
            .is_none()
    );
    scroll_findings(&mut harness, -3000.0);
    harness.get_by_label(&format!("Unaddressed: {incidents}"));
    scroll_findings(&mut harness, 3000.0);
    harness.get_by_label("Comparing Russia, US");
    harness.get_by_label("NATO").click();
    harness.run();
    // Hiding Russia, whose silence held it back, leaves the two allies agreeing.
    harness.get_by_label("Russia").click();
    harness.run();
    harness.get_by_label(&format!("Possible agreement: {incidents}"));
    harness.get_by_label("Comparing NATO, US");
}

#[test]
fn hovering_a_party_on_a_scale_chart_names_its_statement_and_clicking_selects_it() {
    let mut harness = example_window();
    show_page(&mut harness, "All scales");
    // Every range in the example is the analyst's estimate from the quotes, and says so.
    let lane = "Russia on NATO membership for Ukraine and other ex-Soviet states: accepts 0–5, \
                salience 95 (estimates)";
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
    let workspace = harness.state().session().workspace();
    let statement = workspace.statement(selected).unwrap();
    assert_eq!(statement.id, "never-admit-ukraine");
    assert_eq!(
        workspace.negotiation.parties[selected.party].data.party.id,
        "russia"
    );
}

#[test]
fn every_issue_has_its_chart_on_the_scales_sheet() {
    // Tall enough for every row: only the rows in view are built.
    let app = app(
        Settings::default(),
        Vec::new(),
        Arc::new(ScriptedDialogs::default()),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 2400.0));
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
        common_ground_window::Page::Columns
    );
    assert_eq!(selected_statement(&harness).summary, US_RED_LINE);
    harness.get_by_label_contains(US_RED_LINE_CARD);
}

/// What `common-ground compare DATA ARGS…` writes to standard output.
fn cli_output(args: &[&str]) -> Vec<u8> {
    let output = assert_cmd::cargo::cargo_bin_cmd!("common-ground")
        .args(["compare", DATA])
        .args(args)
        .output()
        .unwrap();
    output.stdout
}

/// The window on the example with the export dialog opened by the toolbar button `button`
/// on `page`, and a save dialog that will answer `file` in a new folder.
fn export_dialog(
    button: &str,
    page: Option<&str>,
    file: &str,
) -> (Harness<'static, App>, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let app = app(
        Settings::default(),
        vec![PathBuf::from(DATA)],
        ScriptedDialogs::answering(vec![folder.path().join(file)]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    if let Some(page) = page {
        show_page(&mut harness, page);
    }
    harness.get_by_label(button).click();
    harness.run();
    (harness, folder)
}

/// Clicks Export… and returns what was written to `written` in `folder`.
fn finish_export(
    mut harness: Harness<'static, App>,
    folder: &tempfile::TempDir,
    written: &str,
) -> Vec<u8> {
    let target = folder.path().join(written);
    harness.get_by_label("Export…").click();
    // Written and finished: while the export runs, the status bar's spinner keeps drawing.
    step_until(&mut harness, |app| target.exists() && !app.view().exporting);
    std::fs::read(&target).unwrap()
}

/// Exports through the toolbar button `button`, choosing `choices` in the export dialog (by
/// their labels) and then Export…; returns the file written.
fn export_through_the_dialog(
    button: &str,
    page: Option<&str>,
    choices: &[&str],
    file: &str,
) -> Vec<u8> {
    let (mut harness, folder) = export_dialog(button, page, file);
    for choice in choices {
        harness.get_by_label(choice).click();
        harness.run();
    }
    finish_export(harness, &folder, file)
}

#[test]
fn the_exported_brief_is_the_text_of_compare_as_markdown() {
    let exported = export_through_the_dialog("Export brief…", None, &[], "brief.md");
    assert_eq!(exported, cli_output(&["--format", "markdown"]));
    let text = String::from_utf8(exported).unwrap();
    assert!(text.contains("as long as Russia withdraws its troops from the Ukrainian border"));
}

#[test]
fn the_html_brief_exported_in_dark_colours_is_the_one_compare_writes() {
    let exported =
        export_through_the_dialog("Export brief…", None, &["HTML page", "Dark"], "brief.html");
    assert_eq!(
        exported,
        cli_output(&["--format", "html", "--theme", "dark"])
    );
}

#[test]
fn a_figure_exported_from_the_matrix_page_is_the_matrix_compare_draws() {
    // The matrix page starts the dialog on the matrix; PNG at 1× in light colours.
    let exported = export_through_the_dialog(
        "Export figure…",
        Some("Overview matrix"),
        &["PNG", "1×", "Light"],
        "matrix.png",
    );
    let folder = tempfile::tempdir().unwrap();
    let drawn = folder.path().join("matrix.png");
    let drawn_arg = drawn.to_str().unwrap();
    cli_output(&[
        "--format", "png", "--figure", "matrix", "--scale", "1", "-o", drawn_arg,
    ]);
    let expected = std::fs::read(&drawn).unwrap();
    assert_eq!(&exported[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(exported, expected);
}

#[test]
fn one_issue_s_chart_is_picked_in_the_export_dialog_and_saved_as_svg() {
    let (mut harness, folder) = export_dialog("Export figure…", Some("All scales"), "chart");
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "One issue's chart:")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "One issue's chart:")
        .click();
    harness.run();
    // The issue in the list, not its card's link on the page behind the dialog.
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            "Broad arms control agreements",
        )
        .click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    // A name without an extension gets the format's.
    let exported = finish_export(harness, &folder, "chart.svg");
    let expected = cli_output(&["--format", "svg", "--figure", "arms-control"]);
    assert_eq!(
        String::from_utf8(exported).unwrap(),
        String::from_utf8(expected).unwrap()
    );
}

#[test]
fn an_export_that_cannot_be_written_says_why_and_leaves_nothing_behind() {
    let folder = tempfile::tempdir().unwrap();
    // A folder the save dialog offers that is gone by the time the file is written.
    let gone = folder.path().join("gone").join("brief.html");
    let app = app(
        Settings::default(),
        vec![PathBuf::from(DATA)],
        ScriptedDialogs::answering(vec![gone.clone()]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    harness.get_by_label("Export brief…").click();
    harness.run();
    harness.get_by_label("HTML page").click();
    harness.run();
    harness.get_by_label("Export…").click();
    step_until(&mut harness, |app| {
        app.view()
            .notices
            .iter()
            .any(|shown| shown.notice.text.contains("could not be saved"))
    });
    let notice = &harness.state().view().notices[0].notice;
    assert!(
        notice.text.starts_with(&format!(
            "The brief could not be saved: {}: could not save, the file on disk is unchanged",
            gone.display()
        )),
        "{}",
        notice.text
    );
    // The file is named once.
    let named = notice.text.matches(&gone.display().to_string()).count();
    assert_eq!(named, 1, "{}", notice.text);
    assert!(!gone.exists());
    // Once it has finished, the toolbar offers exports again.
    assert!(!harness.state().view().exporting);
}

/// The window on the example at a fixed size, drawn by a software GPU for snapshots.
fn snapshot_window(theme: egui::ThemePreference) -> Harness<'static, App> {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let app = app(settings, Vec::new(), Arc::new(ScriptedDialogs::default()));
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
