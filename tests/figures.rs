//! The figures and the HTML brief as a user makes them with `common-ground compare`: the SVG
//! text of each figure against the copy kept in docs/figures (the README shows the sheet of
//! all scales from there), the PNGs against snapshots, and the window's charts against the
//! figures, number for number.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests fail loudly on what they did not expect"
)]

mod support;

use std::path::{Path, PathBuf};

use common_ground_window::{Page, Settings};
use egui::Vec2;
use egui_kittest::kittest::Queryable;
use support::*;

fn common_ground() -> assert_cmd::Command {
    assert_cmd::cargo::cargo_bin_cmd!("common-ground")
}

fn figures_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/figures")
}

/// `compare DATA ARGS…`'s standard output, which must succeed.
fn compare(args: &[&str]) -> String {
    let output = common_ground()
        .args(["compare", DATA])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Compares `svg` with the kept copy `name`; with UPDATE_SNAPSHOTS set, writes it instead.
fn assert_matches_kept_copy(svg: &str, name: &str) {
    let path = figures_folder().join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(figures_folder()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    if kept != svg {
        let new = path.with_extension("new.svg");
        std::fs::write(&new, svg).unwrap();
        panic!(
            "{} differs from what compare draws now (written to {}); if the change is meant, \
             run UPDATE_SNAPSHOTS=1 cargo test --test figures",
            path.display(),
            new.display()
        );
    }
}

#[test]
fn every_figure_is_drawn_as_the_kept_svg() {
    for (args, name) in [
        (&["--format", "svg"][..], "scales-light.svg"),
        (&["--format", "svg", "--theme", "dark"], "scales-dark.svg"),
        (
            &["--format", "svg", "--figure", "matrix"],
            "matrix-light.svg",
        ),
        (
            &["--format", "svg", "--figure", "missile-placement"],
            "chart-missile-placement-light.svg",
        ),
    ] {
        assert_matches_kept_copy(&compare(args), name);
    }
}

#[test]
fn the_sheet_of_all_scales_shows_every_issue_with_its_finding_and_its_sources() {
    let svg = compare(&["--format", "svg"]);
    // Eleven issues, each a chart of three lanes.
    assert_eq!(svg.matches("<g class=\"chart\"").count(), 11);
    assert_eq!(svg.matches("<g class=\"lane\"").count(), 33);
    for finding in [
        "deadlock: gap 5–90",
        "possible agreement 35–45",
        "possible agreement 40–100",
        "untested: overlap 50–100",
        "untested: overlap 0–20",
    ] {
        assert!(svg.contains(&format!(">{finding}</text>")), "{finding}");
    }
    assert!(svg.contains("Parties compared: NATO, Russia, US · positions as of 2022-01-26"));
    assert!(
        svg.contains("Source: &quot;US offers no concessions in response to Russia on Ukraine")
    );
    assert!(svg.contains("Every range and stance is the analyst&#39;s estimate"));
    assert!(svg.contains(
        "<title>Russia on Military communications and incident avoidance: silent</title>"
    ));
}

#[test]
fn figures_leave_out_the_parties_not_asked_for() {
    let svg = compare(&["--format", "svg", "--parties", "us,russia"]);
    assert!(svg.contains("Parties compared: US, Russia "));
    assert!(!svg.contains("data-party=\"nato\""));
}

#[test]
fn pngs_are_the_svg_rasterised_and_match_their_snapshots() {
    let folder = tempfile::tempdir().unwrap();
    let mut results = egui_kittest::SnapshotResults::new();
    for (args, name, size) in [
        (
            &["--figure", "scales", "--scale", "1"][..],
            "figure_scales_light",
            (1200, 1511),
        ),
        (
            &[
                "--figure",
                "arms-control",
                "--theme",
                "dark",
                "--scale",
                "2",
            ],
            "figure_arms_control_dark",
            (1520, 0),
        ),
    ] {
        let path = folder.path().join(format!("{name}.png"));
        common_ground()
            .args(["compare", DATA, "--format", "png", "-o"])
            .arg(&path)
            .args(args)
            .assert()
            .success()
            .stdout("");
        let image = image::open(&path).unwrap().to_rgba8();
        assert_eq!(image.width(), size.0, "{name}");
        if size.1 > 0 {
            assert_eq!(image.height(), size.1, "{name}");
        }
        results.add(egui_kittest::try_image_snapshot(&image, name));
    }
    results.unwrap();
}

#[test]
fn a_png_needs_a_file_and_an_unknown_figure_lists_the_issues() {
    common_ground()
        .args(["compare", DATA, "--format", "png"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "name the file to write with --output FILE",
        ));
    common_ground()
        .args(["compare", DATA, "--format", "svg", "--figure", "nato"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "there is no issue `nato` among the issues compared; --figure takes `scales`, \
             `matrix` or one of: nato-membership, troop-deployments,",
        ));
    // A file that cannot be written is said once, plainly, and nothing is left behind.
    let folder = tempfile::tempdir().unwrap();
    let gone = folder.path().join("gone").join("sheet.svg");
    let output = common_ground()
        .args(["compare", DATA, "--format", "svg", "-o"])
        .arg(&gone)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "error: {}: could not save, the file on disk is unchanged: No such file or directory",
            gone.display()
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!folder.path().join("gone").exists());
}

/// `(class, title)` of each group of an SVG, in order.
fn groups(svg: &str) -> Vec<(String, String)> {
    svg.split("<g class=\"")
        .skip(1)
        .filter_map(|group| {
            let class = group.split('"').next()?;
            let title = group.split("<title>").nth(1)?.split("</title>").next()?;
            Some((class.to_owned(), unescape(title)))
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn the_window_s_charts_are_labelled_with_the_figures_numbers() {
    let svg = compare(&["--format", "svg"]);
    let settings = Settings {
        page: Page::Scales,
        ..Settings::default()
    };
    let app = app(
        settings,
        vec![PathBuf::from(DATA)],
        std::sync::Arc::new(ScriptedDialogs::default()),
    );
    // Tall enough for every issue's chart to be drawn.
    let harness = harness_for(app, Vec2::new(1600.0, 3000.0));
    let groups = groups(&svg);
    let mut lanes = 0;
    for (class, title) in &groups {
        match class.as_str() {
            // "Scale chart of …: deadlock: gap 5–90; 0 means …, 100 means …".
            "chart" => {
                harness.get_by_label(title);
            }
            // Each lane with something on the scale is a button in the window, labelled with
            // the same range and salience: "NATO on …: accepts 90–100, salience 95 (estimates)".
            "lane" if !title.ends_with(": silent") && !title.ends_with(": no stake") => {
                harness.get_by_label(title);
                lanes += 1;
            }
            _ => {}
        }
    }
    // 33 lanes, 7 of them silent.
    assert_eq!(lanes, 26);
}
