//! `import` and `export` as a user runs them: the example out to a workbook and CSV files and
//! back into a new folder whose comparison is the example's; a bad cell named by file, row and
//! column, with nothing written; an export that would leave a party out refused.

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
