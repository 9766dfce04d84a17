//! `compare` with predicted outcomes and trades, as a user runs it.

use std::fs;

use super::{DATA, common_ground};

/// A fictional two-party negotiation whose numbers are worked by hand in the tests.
fn two_parties() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let issue = |id: &str| {
        format!(
            "(id: \"{id}\", title: \"Issue {id}\", scale: [(at: 0.0, meaning: \"none\"), \
             (at: 100.0, meaning: \"all\")])"
        )
    };
    fs::write(
        dir.path().join("agenda.ron"),
        format!(
            "(format: 2, name: \"Fictional: two parties\", issues: [{}, {}])",
            issue("p"),
            issue("q")
        ),
    )
    .unwrap();
    let statement = |id: &str, issue: &str, kind: &str, stance: &str, range: &str, s: u32| {
        format!(
            "(id: \"{id}\", issue: \"{issue}\", kind: {kind}, summary: \"{id}\", stance: {stance}, \
             range: {range}, salience: {s}.0, firmness: Firm, estimated: true, sources: \
             [(quote: \"fictional\", speaker: \"nobody\", date: \"2031-01-01\", reference: \
             \"fictional\")])"
        )
    };
    let party = |id: &str, statements: &[String]| {
        format!(
            "(format: 2, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", colour: \
             \"#336699\", capability: Some(1.0)), as_of: \"2031-01-01\", statements: [{}])",
            statements.join(", ")
        )
    };
    fs::write(
        dir.path().join("a.ron"),
        party(
            "a",
            &[
                statement("a-p", "p", "Demand", "Some(0.0)", "None", 90),
                statement("a-q", "q", "Demand", "Some(0.0)", "None", 10),
                statement(
                    "a-q-line",
                    "q",
                    "Rejection",
                    "None",
                    "Some((min: 0.0, max: 30.0))",
                    10,
                ),
            ],
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("b.ron"),
        party(
            "b",
            &[
                statement("b-p", "p", "Demand", "Some(100.0)", "None", 10),
                statement("b-q", "q", "Demand", "Some(100.0)", "None", 90),
            ],
        ),
    )
    .unwrap();
    dir
}

#[test]
fn compare_trades_lists_the_exchange_with_its_red_line() {
    // Worked in crates/core/tests/predictions.rs: a gives on q as far as its red line (0 → 30),
    // b on p (100 → 70), each gaining 0.9·3 − 0.1·3 = 2.4.
    let dir = two_parties();
    let output = common_ground()
        .args(["compare", "--trades"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("TRADES (1)"), "{text}");
    assert!(
        text.contains(
            "1. a moves on Issue q (0 → 30, as far as its red line allows) and b moves on \
             Issue p (100 → 70): each gains 2.40"
        ),
        "{text}"
    );
    let json = common_ground()
        .args(["compare", "--trades", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let trade = &value["trades"][0];
    assert!((trade["gain"].as_f64().unwrap() - 2.4).abs() < 1e-9);
    assert_eq!(trade["first"]["party"], "a");
    assert_eq!(trade["first"]["held_by_red_line"], true);
    assert_eq!(trade["second"]["issue"], "p");
}

#[test]
fn trades_are_not_a_figure() {
    common_ground()
        .args(["compare", DATA, "--trades", "--format", "svg"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--trades lists the trades as text or json",
        ));
}

#[test]
fn the_json_report_predicts_each_placed_issue_and_flags_red_lines() {
    let output = common_ground()
        .args(["compare", DATA, "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let issues = value["issues"].as_array().unwrap();
    let membership = issues
        .iter()
        .find(|i| i["id"] == "nato-membership")
        .unwrap();
    let prediction = &membership["prediction"];
    // No file states a capability: equal weights, the saliences. NATO at 100 (95), Russia at
    // 0 (95), the US at 100 (90): mean 18,500 / 280 = 66.07; half of 280 is 140, which Russia's
    // 95 at 0 does not reach, so the median is 100.
    assert!((prediction["weighted_mean"].as_f64().unwrap() - 18_500.0 / 280.0).abs() < 1e-9);
    assert_eq!(prediction["weighted_median"], 100.0);
    assert_eq!(prediction["equal_capability"], true);
    assert_eq!(prediction["estimate"], true);
    assert_eq!(
        prediction["without_capability"],
        serde_json::json!(["nato", "russia", "us"])
    );
    // The mean lies outside the NATO and US red lines (90–100): two warnings.
    let refused: Vec<(&str, &str)> = prediction["outside_red_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["prediction"].as_str().unwrap(),
                r["red_line"]["party"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        refused,
        vec![("weighted_mean", "nato"), ("weighted_mean", "us")]
    );
    // An issue with fewer than two parties placed has no prediction at all.
    let invasion = issues
        .iter()
        .find(|i| i["status"] == "unaddressed")
        .unwrap();
    assert!(invasion["prediction"].is_null());
    assert!(!value["trades"].as_array().unwrap().is_empty());
}

/// Fictional: "west" is a bloc of "a" and "b"; on p West accepts 50–100, a 60–80, b 0–20.
fn a_bloc() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("agenda.ron"),
        "(format: 2, name: \"Fictional: a bloc\", issues: [(id: \"p\", title: \"Issue p\", \
         scale: [(at: 0.0, meaning: \"none\"), (at: 100.0, meaning: \"all\")])])",
    )
    .unwrap();
    let party = |id: &str, members: &str, min: u32, max: u32| {
        format!(
            "(format: 2, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", colour: \
             \"#336699\", capability: Some(1.0), members: [{members}]), as_of: \"2031-01-01\", \
             statements: [(id: \"{id}-p\", issue: \"p\", kind: Demand, summary: \"s\", range: \
             Some((min: {min}.0, max: {max}.0)), salience: 50.0, firmness: Firm, estimated: \
             true, sources: [(quote: \"fictional\", speaker: \"nobody\", date: \"2031-01-01\", \
             reference: \"fictional\")])])"
        )
    };
    fs::write(
        dir.path().join("west.ron"),
        party("west", "\"a\", \"b\"", 50, 100),
    )
    .unwrap();
    fs::write(dir.path().join("a.ron"), party("a", "", 60, 80)).unwrap();
    fs::write(dir.path().join("b.ron"), party("b", "", 0, 20)).unwrap();
    dir
}

#[test]
fn a_bloc_is_counted_as_asked_and_its_divergence_reported() {
    let dir = a_bloc();
    common_ground()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0);
    // As chosen, the bloc and both members are compared: the report says they count twice,
    // and that b (0–20) breaks ranks with West (50–100) while a (60–80) does not.
    let output = common_ground()
        .arg("compare")
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("COUNTED TWICE: west and its members a, b are compared together"),
        "{text}"
    );
    assert!(text.contains("BLOCS (1)\n  west, a bloc of a, b\n    Issue p: members at 10–70; breaks ranks (outside the bloc's range): b\n"), "{text}");
    let parties = |how: &str| -> Vec<String> {
        let output = common_ground()
            .args(["compare", "--format", "json", "--blocs", how])
            .arg(dir.path())
            .output()
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(value["blocs"][0]["bloc"], "west");
        value["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(parties("whole"), ["west"]);
    assert_eq!(parties("members"), ["a", "b"]);

    // The brief says the same: the warning in its header, the bloc in a section of its own.
    let output = common_ground()
        .args(["compare", "--format", "html"])
        .arg(dir.path())
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(
        html.contains(
            "<strong>Counted twice:</strong> west and its members a, b are compared together"
        ),
        "{html}"
    );
    let section = html
        .split("<section id=\"blocs\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("no blocs section in {html}"));
    assert!(
        section.contains("<h3>west, a bloc of a, b</h3>"),
        "{section}"
    );
    assert!(
        section.contains(
            "<li>Issue p: members at 10–70; breaks ranks (outside the bloc&#39;s range): b</li>"
        ),
        "{section}"
    );
}
