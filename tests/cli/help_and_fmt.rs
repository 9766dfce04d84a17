//! What `--help` says, word for word where it matters, and what `fmt` writes, byte for byte.

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;

fn common_ground() -> assert_cmd::Command {
    cargo_bin_cmd!("common-ground")
}

#[test]
fn help_lists_every_command_with_what_it_does_and_how_the_window_opens() {
    let output = common_ground()
        .arg("--help")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let help = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = help.lines().collect();
    // How to start it, both ways.
    assert!(lines.contains(&"Usage: common-ground [PATH]..."), "{help}");
    assert!(lines.contains(&"       common-ground <COMMAND>"), "{help}");
    // Every command, each with the start of its description.
    for (command, says) in [
        (
            "check",
            "Validate files and print every problem as `file:line:col: error|warning: message`",
        ),
        (
            "compare",
            "Compare the parties issue by issue: possible agreement, untested",
        ),
        (
            "diff",
            "What changed between two rounds, party by party and issue by issue",
        ),
        (
            "fmt",
            "Rewrite files in the canonical form the app saves, atomically",
        ),
    ] {
        let line = lines
            .iter()
            .find(|line| line.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("{command} is not listed:\n{help}"));
        assert!(line.contains(says), "{command}: {line}");
    }
    assert!(
        lines.contains(
            &"Without a command, the window opens on the PATHs given, else on the last \
              negotiation, else on the built-in example."
        ),
        "{help}"
    );
    assert!(
        help.contains("Try: common-ground compare data/ukraine-2022"),
        "{help}"
    );
}

/// `tests/fixtures/unknown-issue.ron` as `fmt` must write it: format 2, one field a line,
/// ranges spelt out, sources one a line, nothing of the data changed or lost.
const CANONICAL: &str = r##"(
    format: 2,
    party: (
        id: "east",
        name: "East",
        short_name: "E",
        colour: "#123456",
        capability: None,
    ),
    as_of: "2022-01-26",
    summary: "A party file naming an issue the agenda lacks, with a broken range.",
    statements: [
        (
            id: "guarantee",
            issue: "nato-membrship",
            kind: Demand,
            summary: "A guarantee",
            stance: Some(0.0),
            range: Some((
                min: 0.0,
                max: 5.0,
            )),
            salience: 90.0,
            firmness: Firm,
            estimated: true,
            conditions: [],
            sources: [
                (quote: "a quote", speaker: "someone", date: "2022-01-26", reference: "test"),
            ],
        ),
        (
            id: "limits",
            issue: "missile-placement",
            kind: Offer,
            summary: "Limits",
            stance: Some(70.0),
            range: Some((
                min: 60.0,
                max: 40.0,
            )),
            salience: 50.0,
            firmness: Flexible,
            estimated: true,
            conditions: [],
            sources: [
                (quote: "", speaker: "someone", date: "2022-01-26", reference: "test"),
            ],
        ),
    ],
)
"##;

#[test]
fn fmt_rewrites_to_canonical_form_and_check_mode_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("east.ron");
    let messy = fs::read_to_string("tests/fixtures/unknown-issue.ron").unwrap();
    fs::write(&path, &messy).unwrap();

    common_ground()
        .arg("fmt")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(format!("would reformat {}\n", path.display()));
    assert_eq!(fs::read_to_string(&path).unwrap(), messy);

    common_ground()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(format!("reformatted {}\n", path.display()));
    assert_eq!(fs::read_to_string(&path).unwrap(), CANONICAL);
    // Once canonical, it stays so: nothing to say, nothing written.
    common_ground()
        .arg("fmt")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    common_ground()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(fs::read_to_string(&path).unwrap(), CANONICAL);
    // The bundled data is already canonical.
    common_ground()
        .args([
            "fmt",
            "--check",
            "data/ukraine-2022",
            "data/fictional-river-talks",
        ])
        .assert()
        .code(0)
        .stdout("");
}
