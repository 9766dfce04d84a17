//! The command line as a user runs it: messages, exit codes and files on disk.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

#[path = "cli/help_and_fmt.rs"]
mod help_and_fmt;
#[path = "cli/predictions.rs"]
mod predictions;
#[path = "cli/rounds.rs"]
mod rounds;
#[path = "cli/tables.rs"]
mod tables;

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

const AGENDA: &str = "data/ukraine-2022/agenda.ron";
const DATA: &str = "data/ukraine-2022";

fn common_ground() -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("common-ground");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// `check` on one fixture beside the bundled agenda: its output and exit code.
fn check_fixture(name: &str) -> (String, i32) {
    let output = common_ground()
        .args(["check", AGENDA, &format!("tests/fixtures/{name}")])
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn check_passes_the_bundled_data() {
    common_ground()
        .args(["check", DATA])
        .assert()
        .code(0)
        .stdout("checked 4 files: 0 errors, 0 warnings\n");
}

#[test]
fn a_truncated_file_names_the_line_and_column_where_it_stops() {
    let (stdout, code) = check_fixture("truncated.ron");
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "tests/fixtures/truncated.ron:28:247: error: this text is missing its closing double \
         quote: it opens at line 28, column 227, and runs to the end of the file\n\
         checked 2 files: 1 error, 0 warnings\n"
    );
}

#[test]
fn a_wrong_type_says_what_was_expected_and_found() {
    let (stdout, code) = check_fixture("wrong-types.ron");
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with(
            "tests/fixtures/wrong-types.ron:14:23: error: expected a number here, but found `\"high\"`\n"
        ),
        "{stdout}"
    );
}

#[test]
fn unknown_fields_are_warnings_at_their_place() {
    let (stdout, code) = check_fixture("unknown-fields.ron");
    assert_eq!(code, 0, "warnings alone do not fail a check");
    assert_eq!(
        stdout,
        "tests/fixtures/unknown-fields.ron:3:93: warning: unknown field `motto` is ignored, and would be dropped if the app saved this file\n\
         tests/fixtures/unknown-fields.ron:17:13: warning: unknown field `mood` is ignored, and would be dropped if the app saved this file\n\
         checked 2 files: 0 errors, 2 warnings\n"
    );
}

#[test]
fn validation_reports_every_problem_in_a_file_at_once() {
    let (stdout, code) = check_fixture("unknown-issue.ron");
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "tests/fixtures/unknown-issue.ron:9:13: error: unknown issue id `nato-membrship`: it is not in the agenda; did you mean `nato-membership`?\n\
         tests/fixtures/unknown-issue.ron:26:13: error: range min 60 is above its max 40\n\
         tests/fixtures/unknown-issue.ron:31:24: error: the quote is empty\n\
         checked 2 files: 3 errors, 0 warnings\n"
    );
}

#[test]
fn empty_binary_and_non_utf8_files_get_plain_errors() {
    for (name, message) in [
        (
            "empty.ron",
            "tests/fixtures/empty.ron: error: the file is empty",
        ),
        (
            "binary.ron",
            "tests/fixtures/binary.ron: error: this looks like a binary file, not RON text (it contains zero bytes)",
        ),
        (
            "not-utf8.ron",
            "tests/fixtures/not-utf8.ron:3:35: error: the file is not UTF-8 text; save it as UTF-8 in your editor",
        ),
    ] {
        let (stdout, code) = check_fixture(name);
        assert_eq!(code, 1, "{name}");
        assert_eq!(stdout.lines().next(), Some(message), "{name}");
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_whole() {
    let (stdout, code) = check_fixture("newer-format.ron");
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with(
            "tests/fixtures/newer-format.ron: error: this file uses format 3, written by a newer version of Common Ground"
        ),
        "{stdout}"
    );
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: 64 MiB and one byte on paper, nothing on disk.
    fs::File::create(&path)
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    common_ground()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "huge.ron: error: the file is 67108865 bytes, over the 64 MiB limit for position files",
        ));
}

#[test]
fn a_folder_where_a_file_is_expected_and_a_missing_file_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(AGENDA),
        dir.path().join("agenda.ron"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("russia.ron")).unwrap();
    common_ground()
        .arg("check")
        .arg(dir.path())
        .arg(dir.path().join("missing.ron"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "russia.ron: error: this is a folder; a .ron file was expected here",
        ))
        .stdout(predicate::str::contains(
            "missing.ron: error: no such file or folder",
        ));
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let output = common_ground()
        .args([
            "compare",
            DATA,
            "tests/fixtures/wrong-types.ron",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "load errors make compare fail"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("wrong-types.ron:14:23: error"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["parties"].as_array().unwrap().len(), 3);
    assert_eq!(
        report["left_out"],
        serde_json::json!([{
            "file": "tests/fixtures/wrong-types.ron",
            "reason": "14:23: expected a number here, but found `\"high\"`"
        }])
    );
}

/// The bundled folder with `russia.ron` cut short, as a failed copy or sync leaves it.
fn folder_with_truncated_russia() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for name in ["agenda.ron", "nato.ron", "us.ron"] {
        fs::copy(Path::new(DATA).join(name), folder.path().join(name)).unwrap();
    }
    let russia = fs::read_to_string(Path::new(DATA).join("russia.ron")).unwrap();
    fs::write(
        folder.path().join("russia.ron"),
        &russia[..russia.len() / 2],
    )
    .unwrap();
    folder
}

#[test]
fn a_file_that_failed_to_load_is_named_in_every_report() {
    let folder = folder_with_truncated_russia();
    let run = |format: &str| {
        let output = common_ground()
            .args([
                "compare",
                folder.path().to_str().unwrap(),
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "a file left out fails compare"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let report: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let left_out = report["left_out"].as_array().unwrap();
    assert_eq!(left_out.len(), 1);
    assert!(
        left_out[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("russia.ron"),
        "{left_out:?}"
    );
    let reason = left_out[0]["reason"].as_str().unwrap();
    assert!(reason.contains(':'), "the reason says where: {reason}");
    let parties: Vec<&str> = report["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|party| party["id"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["nato", "us"]);

    let text = run("text");
    let third_line = text.lines().nth(2).unwrap();
    assert!(
        third_line.starts_with("LEFT OUT: russia.ron could not be read (")
            && third_line.ends_with("): these conclusions leave it out."),
        "{text}"
    );
    let brief = run("markdown");
    // Russia is unheard everywhere: what the allies share is untested, never an agreement.
    let issues = report["issues"].as_array().unwrap();
    assert!(
        issues
            .iter()
            .all(|issue| issue["status"] != "possible-agreement")
    );
    let incidents = issues
        .iter()
        .find(|issue| issue["id"] == "incident-avoidance")
        .unwrap();
    assert_eq!(incidents["status"], "untested");
    assert!(
        text.contains("untested: waits on russia.ron (did not load)"),
        "{text}"
    );
    // The predictions of the allies alone say whom they leave out.
    assert!(
        text.contains("Not counted, did not load: russia.ron"),
        "{text}"
    );
    // Among the opening lines, before any finding.
    let warned = brief
        .find("> **Left out:** russia.ron could not be read (")
        .unwrap();
    assert!(warned < brief.find("## Summary").unwrap(), "{brief}");
}

#[test]
fn compare_as_json_gives_each_issue_its_status() {
    let output = common_ground()
        .args(["compare", DATA, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let issue = |id: &str| {
        report["issues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|issue| issue["id"] == id)
            .unwrap()
            .clone()
    };
    let arms = issue("arms-control");
    assert_eq!(arms["status"], "possible-agreement");
    assert_eq!(arms["zone"]["min"], 40.0);
    assert_eq!(arms["zone"]["max"], 100.0);
    let membership = issue("nato-membership");
    assert_eq!(membership["status"], "deadlock");
    assert_eq!(membership["gap"]["from"], 5.0);
    assert_eq!(membership["gap"]["to"], 90.0);
    assert_eq!(membership["gap"]["low_side"][0]["party"], "russia");
    assert_eq!(membership["collisions"].as_array().unwrap().len(), 2);
    let missiles = issue("missile-placement");
    let offers = missiles["conditional_offers"].as_array().unwrap();
    assert!(offers.iter().any(|offer| offer["offer"]["party"] == "us"
        && offer["condition"]
            == "as long as Russia withdraws its troops from the Ukrainian border"
        && offer["waits_on"]["party"] == "russia"));
    assert_eq!(issue("russian-forces-abroad")["status"], "unaddressed");
    // The US and NATO overlap on incident avoidance, but Russia has said nothing about it.
    let incidents = issue("incident-avoidance");
    assert_eq!(incidents["status"], "untested");
    assert_eq!(incidents["zone"]["min"], 50.0);
    assert_eq!(incidents["awaited"], serde_json::json!(["russia"]));
    assert_eq!(incidents["silent"], serde_json::json!(["russia"]));
    assert_eq!(report["left_out"], serde_json::json!([]));
    // Every issue carries the documented keys, null where they do not apply.
    for issue in report["issues"].as_array().unwrap() {
        // serde_json's map lists keys sorted.
        let keys: Vec<&str> = issue
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "awaited",
                "collisions",
                "conditional_offers",
                "gap",
                "id",
                "no_stake",
                "parties",
                "prediction",
                "silent",
                "status",
                "title",
                "zone"
            ]
        );
    }
}

#[test]
fn compare_can_leave_parties_out() {
    let output = common_ground()
        .args([
            "compare",
            DATA,
            "--parties",
            "us,russia",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let parties: Vec<&str> = report["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["us", "russia"]);
    let incidents = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|issue| issue["id"] == "incident-avoidance")
        .unwrap();
    assert_eq!(incidents["status"], "unaddressed");
}

#[test]
fn an_unknown_party_or_missing_path_is_bad_usage() {
    common_ground()
        .args(["compare", DATA, "--parties", "us,china"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown party `china` in --parties; the loaded parties are: nato, russia, us",
        ));
    common_ground().arg("check").assert().code(2);
    // Not a command, and not a path either: no window opens on nothing.
    common_ground()
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: frobnicate is neither a command nor a file or folder",
        ));
    common_ground()
        .args(["compare", DATA, "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn markdown_brief_cites_the_quotes() {
    common_ground()
        .args(["compare", DATA, "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "# Common ground: US, NATO and Russia on European security, January 2022",
        ))
        .stdout(predicate::str::contains(
            "> \"There is no change, there will be no change\"  \n  > — Antony Blinken, US Secretary of State, 2022-01-26 [1]\n",
        ))
        .stdout(predicate::str::contains(
            "| Broad arms control agreements | possible agreement | zone 40–100 | 63.14 / 60 | – |",
        ))
        .stdout(predicate::str::contains(
            "| Inflammatory rhetoric | untested: waits on Russia (silent) | zone 0–20 among the \
             parties placed | 0 / 0 | Russia |",
        ))
        .stdout(predicate::str::contains("\n## Untested\n"))
        .stdout(predicate::str::contains(
            "(red line, non-negotiable, est. range 90–100, stance 100, salience 90)",
        ))
        .stdout(predicate::str::ends_with(
            "## Sources\n\n1. \"US offers no concessions in response to Russia on Ukraine\", syndicated wire story published by The Federal\n",
        ));
}

#[test]
fn text_report_groups_issues_by_status() {
    common_ground()
        .args(["compare", DATA])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("POSSIBLE AGREEMENT (3)"))
        .stdout(predicate::str::contains("UNTESTED (2)"))
        .stdout(predicate::str::contains(
            "Inflammatory rhetoric [rhetoric]: zone 0–20 among the parties placed\n    \
             ranges: NATO 0–20, US 0–20\n    \
             predicted: weighted mean 0, weighted median 0 (model estimate)\n      \
             capability × salience: NATO at 0, weight 45; US at 0, weight 45. Equal \
             capabilities used: none stated for NATO, US. Not counted, not placed: Russia\n      \
             NATO moves the mean most (0–50 as it crosses the scale); no one party's move alone \
             shifts the median\n    untested: waits on Russia (silent)\n",
        ))
        .stdout(predicate::str::contains("DEADLOCK (3)"))
        .stdout(predicate::str::contains(
            "NATO membership for Ukraine and other ex-Soviet states [nato-membership]: gap 5–90 (85 points)",
        ));
}

#[test]
fn without_a_display_the_window_fails_with_a_message_not_a_panic() {
    let home = tempfile::tempdir().unwrap();
    common_ground()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .arg("data/ukraine-2022")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: the window could not be opened",
        ))
        .stderr(predicate::str::contains(
            "check, compare, diff, fmt, import and export work without a window",
        ))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn fmt_will_not_drop_comments_or_unknown_fields_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("east.ron");
    let hand_written = format!(
        "// notes kept by hand\n{}",
        fs::read_to_string("tests/fixtures/unknown-fields.ron").unwrap()
    );
    fs::write(&path, &hand_written).unwrap();
    common_ground()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "not reformatted, because that would drop its comments and the unknown fields `party.motto`, `statements[0].mood`; use --force to drop them",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), hand_written);

    common_ground()
        .arg("fmt")
        .arg("--force")
        .arg(&path)
        .assert()
        .code(0);
    let forced = fs::read_to_string(&path).unwrap();
    assert!(!forced.contains("//") && !forced.contains("motto"));
}

/// The `ron` blocks of docs/format.md, in order.
fn format_doc_examples() -> Vec<String> {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md")).unwrap();
    doc.split("```ron\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_example_in_the_format_document_is_canonical_and_checks_as_it_says() {
    let examples = format_doc_examples();
    assert_eq!(examples.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("agenda.ron"), &examples[0]).unwrap();
    fs::write(dir.path().join("north.ron"), &examples[1]).unwrap();
    common_ground()
        .args(["fmt", "--check"])
        .arg(dir.path())
        .assert()
        .code(0);
    let output = common_ground()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "north.ron:45:90: warning: the condition waits on party `south`, which is not among the loaded files"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("checked 2 files: 0 errors, 1 warning\n"),
        "{stdout}"
    );
}

#[test]
fn fmt_removes_a_byte_order_mark_and_check_mode_notices_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("us.ron");
    let canonical = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(DATA)
            .join("us.ron"),
    )
    .unwrap();
    fs::write(&path, [b"\xEF\xBB\xBF".as_slice(), &canonical].concat()).unwrap();
    common_ground()
        .arg("fmt")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("would reformat"));
    common_ground().arg("fmt").arg(&path).assert().code(0);
    assert_eq!(fs::read(&path).unwrap(), canonical);
}

#[test]
fn the_analyst_s_notes_are_cited_in_the_brief_and_kept_by_fmt() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        fs::copy(Path::new(DATA).join(name), folder.path().join(name)).unwrap();
    }
    let us = folder.path().join("us.ron");
    let text = fs::read_to_string(&us).unwrap();
    let text = text
        .replacen(
            "        capability: None,\n",
            "        capability: None,\n        notes: \"Speaks for the administration.\",\n",
            1,
        )
        .replacen(
            "            estimated: true,\n",
            "            estimated: true,\n            notes: \"Range read from the open-door wording.\",\n",
            1,
        );
    fs::write(&us, text).unwrap();
    let agenda = folder.path().join("agenda.ron");
    let text = fs::read_to_string(&agenda).unwrap().replacen(
        "            title: \"Inflammatory rhetoric\",\n",
        "            title: \"Inflammatory rhetoric\",\n            notes: \"Hard to score: words, not deeds.\",\n",
        1,
    );
    fs::write(&agenda, text).unwrap();

    let output = common_ground()
        .args([
            "compare",
            folder.path().to_str().unwrap(),
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let brief = String::from_utf8(output.stdout).unwrap();
    for note in [
        "*Analyst's note on US:* Speaks for the administration.",
        "  *Analyst's note:* Range read from the open-door wording.",
        "*Analyst's note:* Hard to score: words, not deeds.",
    ] {
        assert!(brief.contains(note), "{note} missing from:\n{brief}");
    }
    // The canonical form keeps every note: fmt --check finds nothing to change once fmt ran.
    common_ground()
        .args(["fmt", folder.path().to_str().unwrap()])
        .assert()
        .code(0);
    let formatted = fs::read_to_string(&us).unwrap();
    assert!(formatted.contains("notes: \"Range read from the open-door wording.\""));
    assert!(formatted.contains("notes: \"Speaks for the administration.\""));
    // And files without notes are written without the field, as before.
    let nato = fs::read_to_string(folder.path().join("nato.ron")).unwrap();
    assert!(!nato.contains("notes:"));
}

#[test]
fn no_stake_and_the_parties_chosen_decide_between_untested_and_agreement() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        fs::copy(Path::new(DATA).join(name), folder.path().join(name)).unwrap();
    }
    let agenda = folder.path().join("agenda.ron");
    let text = fs::read_to_string(&agenda).unwrap().replacen(
        "            title: \"Military communications and incident avoidance\",\n",
        "            title: \"Military communications and incident avoidance\",\n            no_stake: [\"russia\"],\n",
        1,
    );
    fs::write(&agenda, text).unwrap();
    let json = |extra: &[&str]| -> serde_json::Value {
        let output = common_ground()
            .args([
                "compare",
                folder.path().to_str().unwrap(),
                "--format",
                "json",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let issue = |report: &serde_json::Value, id: &str| {
        report["issues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|issue| issue["id"] == id)
            .unwrap()
            .clone()
    };
    let all = json(&[]);
    // Recorded as having no stake, Russia's silence no longer holds incident avoidance back.
    let incidents = issue(&all, "incident-avoidance");
    assert_eq!(incidents["status"], "possible-agreement");
    assert_eq!(incidents["no_stake"], serde_json::json!(["russia"]));
    assert_eq!(incidents["silent"], serde_json::json!([]));
    // Rhetoric still waits on Russia, unless only the two who spoke are compared.
    assert_eq!(issue(&all, "rhetoric")["status"], "untested");
    let allies = json(&["--parties", "us,nato"]);
    assert_eq!(issue(&allies, "rhetoric")["status"], "possible-agreement");
    // The text report says so in words.
    let output = common_ground()
        .args(["compare", folder.path().to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("    no stake: Russia\n"), "{text}");
}
