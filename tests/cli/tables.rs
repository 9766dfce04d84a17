//! `import` and `export` as a user runs them: the example out to a workbook and CSV files and
//! back into a new folder whose comparison is the example's; a bad cell named by file, row and
//! column, with nothing written; an export that would leave a party out refused; a DECIDE
//! table nobody here wrote in and out, and one with errors refused at them.

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

const DATA: &str = "data/ukraine-2022";

fn common_ground() -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("common-ground");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn compare_json(path: &str) -> String {
    let output = common_ground()
        .args(["compare", path, "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "compare {path} failed");
    // The comparison names no folder, so the two can be compared whole.
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_example_goes_out_to_spreadsheets_and_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [("xlsx", "example.xlsx"), ("csv", "example.csv")] {
        let to = dir.path().join(file);
        common_ground()
            .args(["export", DATA, "--format", format, "--to"])
            .arg(&to)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("wrote {}", to.display())));
        let back = dir.path().join(format!("back-{format}"));
        common_ground()
            .arg("import")
            .arg(&to)
            .arg("--to")
            .arg(&back)
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "imported 3 parties, 11 issues and 32 statements",
            ));
        assert_eq!(
            compare_json(back.to_str().unwrap()),
            compare_json(DATA),
            "{format}: the comparison changed on the way"
        );
    }
    // The CSV export is a file a sheet, the statements under the name asked for.
    for sheet in [
        "",
        "-matrix",
        "-parties",
        "-issues",
        "-rounds",
        "-negotiation",
    ] {
        assert!(
            dir.path().join(format!("example{sheet}.csv")).is_file(),
            "{sheet}"
        );
    }
}

#[test]
fn a_bad_cell_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("positions.csv");
    fs::write(
        &table,
        "party,issue,kind,summary,salience,firmness\neast,water,demand,x,very,firm\n",
    )
    .unwrap();
    let to = dir.path().join("new");
    common_ground()
        .arg("import")
        .arg(&table)
        .arg("--to")
        .arg(&to)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:2:5: error: “very” in the “salience” column is not a number",
            table.display()
        )))
        .stderr(predicate::str::contains("Nothing was written."));
    assert!(!to.exists());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary folder is left"
    );
}

#[test]
fn an_export_without_a_party_that_did_not_load_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["agenda.ron", "us.ron", "nato.ron"] {
        fs::copy(format!("{DATA}/{file}"), dir.path().join(file)).unwrap();
    }
    fs::write(dir.path().join("russia.ron"), "(format: 2, party: (").unwrap();
    let to = dir.path().join("out.xlsx");
    common_ground()
        .arg("export")
        .arg(dir.path())
        .args(["--format", "xlsx", "--to"])
        .arg(&to)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: russia.ron did not load, and a table without it would look complete",
        ));
    assert!(!to.exists());
}

const DECIDE: &str = "crates/interchange/tests/fixtures/decide";

#[test]
fn a_decide_table_comes_in_sniffed_and_goes_out_again() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("copenhagen");
    common_ground()
        .arg("import")
        .arg(format!("{DECIDE}/copenhagen.csv"))
        .arg("--to")
        .arg(&to)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "imported 11 parties, 7 issues and 75 statements",
        ))
        .stderr(predicate::str::contains(
            "note: None of the 75 statements has a source: DECIDE tables hold no quotes.",
        ));
    assert!(to.join("least-developed-countries.ron").is_file());
    let out = dir.path().join("out.csv");
    common_ground()
        .arg("export")
        .arg(&to)
        .args(["--format", "decide", "--to"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("wrote {}", out.display())))
        .stderr(predicate::str::contains(
            "75 warnings; `common-ground check` lists them.",
        ))
        .stderr(predicate::str::contains(
            "note: A DECIDE table holds a position, a salience and a power: the quotes, ranges, \
             firmness, conditions and notes of the 75 statements are not in it.",
        ));
    let text = fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("'#D'\t'Russia'\t'domestred'\t0\t0.9\t0.013\n"),
        "{text}"
    );
    // The bundled example goes out too, saying what a DECIDE table cannot hold of it.
    let example = dir.path().join("example.csv");
    common_ground()
        .args(["export", DATA, "--format", "decide", "--to"])
        .arg(&example)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "party–issue pairs have more than one statement",
        ));
}

#[test]
fn a_decide_table_with_errors_is_refused_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("new");
    common_ground()
        .arg("import")
        .arg(format!("{DECIDE}/copenhagen_with_errors.csv"))
        .args(["--from", "decide", "--to"])
        .arg(&to)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{DECIDE}/copenhagen_with_errors.csv:86:4: error: position 160 is outside the scale \
             of “Control”, 0 to 100"
        )))
        .stderr(predicate::str::contains(format!(
            "{DECIDE}/copenhagen_with_errors.csv:87:6: error: the power -0.247 is outside 0–1"
        )))
        .stderr(predicate::str::contains("Nothing was written."));
    assert!(!to.exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

const GENIUS: &str = "crates/interchange/tests/fixtures/genius";

#[test]
fn a_genius_scenario_folder_comes_in_sniffed_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("travel");
    common_ground()
        .arg("import")
        .arg(format!("{GENIUS}/travel"))
        .arg("--to")
        .arg(&to)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "imported 2 parties, 7 issues and 14 statements",
        ))
        .stderr(predicate::str::contains(
            "note: Every statement is estimated from utilities, not from anything a party said",
        ))
        .stderr(predicate::str::contains(
            "note: None of the 14 statements has a source: GENIUS profiles hold utilities",
        ));
    assert!(to.join("travel-chox.ron").is_file());
    assert!(to.join("travel-fanny.ron").is_file());
    // What was written is a negotiation like any other.
    common_ground()
        .arg("compare")
        .arg(&to)
        .assert()
        .success()
        .stdout(predicate::str::contains("Atmosphere"));
}

#[test]
fn a_genius_profile_without_its_domain_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("new");
    common_ground()
        .arg("import")
        .arg(format!("{GENIUS}/travel/travel_chox.xml"))
        .args(["--from", "genius", "--to"])
        .arg(&to)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{GENIUS}/travel/travel_chox.xml: error: no domain file"
        )))
        .stderr(predicate::str::contains("Nothing was written."));
    assert!(!to.exists());
}
