//! Rounds on the command line as a user runs it: `diff`, `compare --round`, and `fmt`
//! migrating a format 1 file. Expected changes are worked out by hand from the fictional
//! example's files (docs/format.md, "What changed").

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const RIVER: &str = "data/fictional-river-talks";

fn common_ground() -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("common-ground");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn diff_json(args: &[&str]) -> Value {
    let output = common_ground()
        .args(["diff", RIVER, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `(party, issue, change)` of every change, sorted.
fn verdicts(report: &Value) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            (
                change["party"].as_str().unwrap().to_owned(),
                change["issue"].as_str().unwrap().to_owned(),
                change["change"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn diff_compares_the_first_and_the_last_round_by_default() {
    let report = diff_json(&[]);
    assert_eq!(report["from"]["id"], "opening-letters");
    assert_eq!(report["to"]["id"], "summit-communique");
    // Lowland: summer flow 60–90 → 35–70, its middle 75 → 52.5, nearer Upland's 27.5;
    // filling 60–100 firm → 20–100 flexible, all of it and more. Upland: the same flow
    // statement throughout; filling flexible → non-negotiable; monitoring said, then not.
    assert_eq!(
        verdicts(&report),
        owned(&[
            ("lowland", "monitoring", "new"),
            ("lowland", "reservoir-filling", "softened"),
            ("lowland", "summer-flow", "softened"),
            ("upland", "monitoring", "dropped"),
            ("upland", "reservoir-filling", "hardened"),
            ("upland", "summer-flow", "unchanged"),
        ])
    );
    let lowland_flow = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["party"] == "lowland" && c["issue"] == "summer-flow")
        .unwrap();
    assert_eq!(lowland_flow["moved"], -22.5);
    assert_eq!(lowland_flow["towards"], serde_json::json!(["upland"]));
    assert_eq!(
        lowland_flow["from"]["statements"],
        serde_json::json!(["most-of-summer-flow"])
    );
    assert_eq!(
        lowland_flow["to"]["statements"],
        serde_json::json!(["share-summer-flow-wider"])
    );
    let zones: Vec<(&str, &str)> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["issue"].as_str().unwrap(), i["zone"].as_str().unwrap()))
        .collect();
    assert_eq!(
        zones,
        [
            ("summer-flow", "opened"),
            ("reservoir-filling", "opened"),
            ("monitoring", "none")
        ]
    );
}

#[test]
fn diff_between_named_rounds_sees_zones_widen_and_close() {
    let report = diff_json(&["--from", "geneva-draft", "--to", "summit-communique"]);
    assert_eq!(
        verdicts(&report),
        owned(&[
            ("lowland", "monitoring", "unchanged"),
            ("lowland", "reservoir-filling", "softened"),
            ("lowland", "summer-flow", "softened"),
            ("upland", "monitoring", "dropped"),
            ("upland", "reservoir-filling", "unchanged"),
            ("upland", "summer-flow", "unchanged"),
        ])
    );
    // Summer flow: 40–45 (Upland 10–45 with Lowland 40–70) → 35–45. Monitoring: 50–60, then
    // Upland falls silent.
    let issue = |id: &str| {
        report["issues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["issue"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(issue("summer-flow")["zone"], "widened");
    assert_eq!(
        issue("summer-flow")["from_zone"],
        serde_json::json!({"min": 40.0, "max": 45.0})
    );
    assert_eq!(issue("monitoring")["zone"], "closed");
    assert_eq!(issue("reservoir-filling")["zone"], "opened");
}

#[test]
fn diff_as_text_and_markdown_says_each_change_and_why() {
    common_ground()
        .args(["diff", RIVER])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "What changed: Opening letters (2031-03-02) → Summit communiqué (2031-07-20)",
        ))
        .stdout(predicate::str::contains(
            "hardened 1 · softened 2 · new 1 · dropped 1 · unchanged 1",
        ))
        .stdout(predicate::str::contains(
            "Lowland    softened  60–90 firm → 35–70 firm; moved 22.5 points down, towards Upland",
        ))
        .stdout(predicate::str::contains(
            "zone opened: none → 35–45 (deadlock → possible agreement)",
        ));
    common_ground()
        .args(["diff", RIVER, "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "| Summer flow left to Lowland | zone opened: none → 35–45 (deadlock → possible agreement) | Lowland | **softened** |",
        ));
}

#[test]
fn diff_without_rounds_or_with_an_unknown_round_is_bad_usage() {
    common_ground()
        .args(["diff", "data/ukraine-2022"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "the agenda lists no rounds, so there is nothing to compare over time",
        ));
    common_ground()
        .args(["diff", RIVER, "--from", "first"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown round `first` in --from; the agenda's rounds are: opening-letters, \
             geneva-draft, summit-communique",
        ));
}

#[test]
fn compare_at_a_round_shows_the_negotiation_as_it_stood_then() {
    // At the opening letters the flow is deadlocked (Upland 10–45, Lowland 60–90).
    let output = common_ground()
        .args([
            "compare",
            RIVER,
            "--round",
            "opening-letters",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["round"]["id"], "opening-letters");
    let flow = &report["issues"][0];
    assert_eq!(flow["id"], "summer-flow");
    assert_eq!(flow["status"], "deadlock");
    // By default, the latest round: 35–45.
    let output = common_ground()
        .args(["compare", RIVER, "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["round"]["id"], "summit-communique");
    assert_eq!(
        report["issues"][0]["zone"],
        serde_json::json!({"min": 35.0, "max": 45.0})
    );
    // The brief of a later round says what changed since the round before.
    common_ground()
        .args([
            "compare",
            RIVER,
            "--round",
            "geneva-draft",
            "--format",
            "markdown",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "At round: Geneva draft (2031-05-14).",
        ))
        .stdout(predicate::str::contains(
            "## What changed: Opening letters (2031-03-02) → Geneva draft (2031-05-14)",
        ));
    common_ground()
        .args([
            "compare",
            RIVER,
            "--round",
            "opening-letters",
            "--format",
            "markdown",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("What changed").not());
}

#[test]
fn fmt_migrates_a_format_1_file_by_its_number_alone() {
    let dir = tempfile::tempdir().unwrap();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/old-formats/format-1");
    for name in ["agenda.ron", "us.ron"] {
        fs::copy(old.join(name), dir.path().join(name)).unwrap();
    }
    common_ground()
        .args(["fmt", "--check"])
        .arg(dir.path())
        .assert()
        .code(1);
    common_ground().arg("fmt").arg(dir.path()).assert().code(0);
    for name in ["agenda.ron", "us.ron"] {
        let before = fs::read_to_string(old.join(name)).unwrap();
        let after = fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(
            after,
            before.replacen("    format: 1,\n", "    format: 2,\n", 1),
            "{name}"
        );
    }
}

#[test]
fn a_statement_naming_a_round_the_agenda_lacks_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let river = Path::new(env!("CARGO_MANIFEST_DIR")).join(RIVER);
    fs::copy(river.join("agenda.ron"), dir.path().join("agenda.ron")).unwrap();
    let upland = fs::read_to_string(river.join("upland.ron"))
        .unwrap()
        .replacen("from: \"geneva-draft\"", "from: \"geneva-drafts\"", 1);
    fs::write(dir.path().join("upland.ron"), &upland).unwrap();
    let line = upland
        .lines()
        .position(|line| line.contains("geneva-drafts"))
        .unwrap()
        + 1;
    common_ground()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "upland.ron:{line}:13: error: `from` names round `geneva-drafts`, which the agenda \
             does not list (its rounds: opening-letters, geneva-draft, summit-communique)"
        )));
}
