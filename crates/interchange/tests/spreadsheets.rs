//! Spreadsheets in and out, as a user meets them: the bundled negotiations exported and
//! imported again come back byte for byte; an analyst's own table, with only the columns
//! they keep, becomes a negotiation whose made-up parts are said; bad cells are named by file,
//! row and column, and nothing is written; an ODS workbook built here is read like any other.
#![expect(
    clippy::unwrap_used,
    reason = "a test helper fails loudly on what it did not expect"
)]

use std::fs;
use std::path::{Path, PathBuf};

use common_ground_core::io::load;
use common_ground_core::model::{Firmness, Kind, Range};
use common_ground_interchange::folder::write_folder;
use common_ground_interchange::{
    Error, Imported, csv_files, import_sheets, read_tables, tables, workbook,
};

fn imported_from(paths: &[PathBuf]) -> Result<Imported, Error> {
    let sheets = read_tables(paths, None)?;
    import_sheets(&sheets, "fallback", "2026-12-04")
}

fn cell_errors(result: Result<Imported, Error>) -> Vec<String> {
    match result {
        Err(Error::Cells(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected bad cells, got {other:?}"),
    }
}

#[test]
fn every_bundled_negotiation_comes_back_byte_for_byte_through_csv_and_xlsx() {
    for folder in ["data/ukraine-2022", "data/fictional-river-talks"] {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(folder);
        let outcome = load(std::slice::from_ref(&folder));
        assert!(outcome.negotiation.left_out.is_empty());
        let sheets = tables::workbook(&outcome.negotiation);
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("tables.csv");
        let written = csv_files::write(&sheets, &csv).unwrap();
        assert_eq!(written.len(), 6, "a file per sheet: {written:?}");
        let xlsx = workbook::write_xlsx(&sheets, &dir.path().join("tables.xlsx")).unwrap();
        for (format, input) in [("csv", csv), ("xlsx", xlsx)] {
            let imported = imported_from(&[input]).unwrap();
            assert!(
                imported.notes.iter().all(|note| note.contains("warning")),
                "{:?}",
                imported.notes
            );
            let target = dir.path().join(format!("back-{format}"));
            let files = write_folder(&imported, &target).unwrap();
            assert_eq!(files.len(), outcome.negotiation.parties.len() + 1);
            for file in files {
                let name = file.file_name().unwrap();
                assert_eq!(
                    fs::read_to_string(&file).unwrap(),
                    fs::read_to_string(folder.join(name)).unwrap(),
                    "{format}: {} changed on its way through the tables",
                    name.to_string_lossy()
                );
            }
        }
    }
}

/// A table as an analyst keeps one: their own column order and spelling, one sheet, no ids.
const OWN_TABLE: &str = "\
Party;Issue;Kind;Summary;Min;Max;Salience;Firmness;Quote;Speaker;Date
east;water;Red line;Never below half;50;100;90;non-negotiable;\"We will not, ever\";East's minister;2031-03-02
east;water;;;;;;;Said again;East's minister;2031-04-01
west;water;demand;All of it;80;100;70,5;Firm;;;
";

#[test]
fn an_analysts_own_table_is_imported_and_what_was_made_up_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("positions.csv");
    fs::write(&path, OWN_TABLE).unwrap();
    let imported = imported_from(&[path]).unwrap();
    assert_eq!(imported.agenda.name, "fallback");
    assert_eq!(imported.agenda.issues.len(), 1);
    assert_eq!(imported.agenda.issues[0].id, "water");
    let names: Vec<&str> = imported
        .parties
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names, ["east.ron", "west.ron"]);
    let east = &imported.parties[0].1;
    assert_eq!(east.as_of, "2031-04-01", "dated by its latest source");
    assert_eq!(
        east.statements.len(),
        1,
        "the second row only adds a source"
    );
    let red_line = &east.statements[0];
    assert_eq!(red_line.id, "water-red-line");
    assert_eq!(red_line.kind, Kind::Rejection);
    assert_eq!(red_line.firmness, Firmness::NonNegotiable);
    assert_eq!(
        red_line.range,
        Some(Range {
            min: 50.0,
            max: 100.0
        })
    );
    assert_eq!(red_line.sources.len(), 2);
    assert_eq!(red_line.sources[0].quote, "We will not, ever");
    let west = &imported.parties[1].1;
    assert_eq!(west.as_of, "2026-12-04", "no source: dated today");
    assert!(
        (west.statements[0].salience - 70.5).abs() < 1e-12,
        "a decimal comma reads"
    );
    let notes = imported.notes.join("\n");
    for said in [
        "no name in the tables",
        "No parties table: 2 parties made from the statements",
        "No issues table: 1 issue made",
        "2 statements had no id and were given one",
        "Party “west” has no “as of” date",
    ] {
        assert!(notes.contains(said), "{said:?} not in:\n{notes}");
    }
}

#[test]
fn bad_cells_are_named_by_file_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    fs::write(
        &path,
        "party,issue,kind,summary,range min,range max,salience,firmness\n\
         east,water,threat,x,,,50,firm\n\
         east,water,demand,x,10,,high,firm\n\
         east,water,demand,x,30,20,50,solid\n",
    )
    .unwrap();
    let errors = cell_errors(imported_from(std::slice::from_ref(&path)));
    let at = |place: &str| {
        errors
            .iter()
            .find(|error| error.contains(place))
            .unwrap_or_else(|| panic!("nothing at {place}: {errors:#?}"))
            .clone()
    };
    let bad = path.display();
    assert!(at(&format!("{bad}:2:3: error:")).contains("“threat” is not a kind of statement"));
    assert!(at(&format!("{bad}:3:6: error:")).contains("a minimum but no maximum"));
    assert!(
        at(&format!("{bad}:3:7: error:"))
            .contains("“high” in the “salience” column is not a number")
    );
    assert!(at(&format!("{bad}:4:8: error:")).contains("“solid” is not a firmness"));
    assert_eq!(errors.len(), 4, "{errors:#?}");
    // Once every cell reads, validation's findings are put back on their cells: here a
    // range that runs backwards, in a table whose columns come in another order.
    fs::write(
        &path,
        "salience,firmness,party,issue,kind,summary,range max,range min\n\
         50,firm,east,water,demand,x,20,30\n",
    )
    .unwrap();
    let errors = cell_errors(imported_from(std::slice::from_ref(&path)));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("{bad}:2:8: error:")),
        "{errors:#?}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_missing_column_and_a_workbook_cell_are_named_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.csv");
    fs::write(&path, "party,issue,kind,summary\neast,water,demand,x\n").unwrap();
    let errors = cell_errors(imported_from(std::slice::from_ref(&path)));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains(":1:1: error: the header has no “salience”, “firmness” column"));
    // The same bad cell in a workbook names the sheet and the cell as a spreadsheet does.
    let sheets = vec![common_ground_interchange::Sheet {
        name: "My positions".to_owned(),
        rows: vec![
            ["party", "issue", "kind", "summary", "salience", "firmness"]
                .map(common_ground_interchange::sheet::Cell::text)
                .to_vec(),
            ["east", "water", "demand", "x", "lots", "firm"]
                .map(common_ground_interchange::sheet::Cell::text)
                .to_vec(),
        ],
        origin: common_ground_interchange::sheet::Origin::of_file(PathBuf::new()),
    }];
    let xlsx = workbook::write_xlsx(&sheets, &dir.path().join("own.xlsx")).unwrap();
    let errors = cell_errors(imported_from(std::slice::from_ref(&xlsx)));
    assert_eq!(
        errors,
        [format!(
            "{}:2:5 (sheet “My positions”, cell E2): error: “lots” in the “salience” column is not a number",
            xlsx.display()
        )]
    );
}

#[test]
fn files_that_are_not_tables_get_a_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.xlsx");
    fs::write(&fake, "party,issue\n").unwrap();
    let message = imported_from(&[fake]).unwrap_err().to_string();
    assert!(
        message.contains("fake.xlsx: error: this is not a workbook that can be read"),
        "{message}"
    );
    let binary = dir.path().join("binary.csv");
    fs::write(&binary, b"\x00\x01\x02").unwrap();
    let message = imported_from(&[binary]).unwrap_err().to_string();
    assert!(message.contains("contains zero bytes"), "{message}");
    let huge = dir.path().join("huge.csv");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let message = imported_from(&[huge]).unwrap_err().to_string();
    assert!(
        message.contains("over the 64 MiB limit for tables"),
        "{message}"
    );
    let no_statements = dir.path().join("rounds.csv");
    fs::write(&no_statements, "round,date\nr1,2031-01-01\n").unwrap();
    let message = imported_from(&[no_statements]).unwrap_err().to_string();
    assert!(message.contains("no statements table"), "{message}");
    let missing = dir.path().join("missing.csv");
    let message = imported_from(&[missing]).unwrap_err().to_string();
    assert!(
        message.contains("missing.csv: error: could not read it"),
        "{message}"
    );
}

#[test]
fn an_import_never_writes_into_a_folder_that_holds_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("positions.csv");
    fs::write(&path, OWN_TABLE).unwrap();
    let imported = imported_from(&[path]).unwrap();
    let taken = dir.path().join("taken");
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("mine.txt"), "keep me").unwrap();
    let error = write_folder(&imported, &taken).unwrap_err();
    assert!(error.to_string().contains("already holds files"), "{error}");
    assert_eq!(fs::read_dir(&taken).unwrap().count(), 1);
    // An empty folder is filled; no temporary folder is left beside it.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    write_folder(&imported, &empty).unwrap();
    assert_eq!(fs::read_dir(&empty).unwrap().count(), 3);
    let hidden = fs::read_dir(dir.path())
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(hidden, 0);
    let outcome = load(&[empty]);
    assert!(
        outcome.problems.iter().all(|p| !p.is_error()),
        "{:?}",
        outcome.problems
    );
}

#[test]
fn text_too_long_for_a_workbook_cell_is_refused_whole_with_where_it_is() {
    let long = "x".repeat(40_000);
    let sheets = vec![common_ground_interchange::Sheet {
        name: "statements".to_owned(),
        rows: vec![
            vec![common_ground_interchange::sheet::Cell::text("summary")],
            vec![common_ground_interchange::sheet::Cell::text(long)],
        ],
        origin: common_ground_interchange::sheet::Origin::of_file(PathBuf::new()),
    }];
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("long.xlsx");
    let message = workbook::write_xlsx(&sheets, &to).unwrap_err().to_string();
    assert!(
        message.contains("sheet “statements”, cell A2: the text is 40000 characters"),
        "{message}"
    );
    assert!(!to.exists());
}

/// An OpenDocument spreadsheet, as LibreOffice writes one at its simplest: a zip of the
/// mimetype (first, stored) and `content.xml`, a table of text and number cells.
fn ods_file(path: &Path, rows: &[&[&str]]) {
    use std::io::Write;
    let cell = |text: &str| match text.parse::<f64>() {
        Ok(number) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{number}"><text:p>{text}</text:p></table:table-cell>"#
        ),
        Err(_) => format!(
            r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        ),
    };
    let body: String = rows
        .iter()
        .map(|row| {
            let cells: String = row.iter().map(|text| cell(text)).collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="statements">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn an_ods_workbook_is_read_with_its_numbers_and_its_bad_cells_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("positions.ods");
    ods_file(
        &path,
        &[
            &[
                "party", "issue", "kind", "summary", "stance", "salience", "firmness",
            ],
            &[
                "east",
                "water",
                "demand",
                "All the water",
                "80",
                "60",
                "firm",
            ],
            &[
                "west",
                "water",
                "offer",
                "Half of it",
                "50",
                "40.5",
                "flexible",
            ],
        ],
    );
    let imported = imported_from(std::slice::from_ref(&path)).unwrap();
    let east = &imported.parties[0].1;
    assert_eq!(east.party.id, "east");
    assert_eq!(east.statements[0].stance, Some(80.0));
    assert_eq!(east.statements[0].firmness, Firmness::Firm);
    let west = &imported.parties[1].1;
    assert_eq!(west.statements[0].kind, Kind::Offer);
    assert_eq!(west.statements[0].salience, 40.5);

    // A word where a number goes: named by row and column in its sheet.
    ods_file(
        &path,
        &[
            &["party", "issue", "kind", "summary", "salience", "firmness"],
            &["east", "water", "demand", "All the water", "high", "firm"],
        ],
    );
    let errors = cell_errors(imported_from(std::slice::from_ref(&path)));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "{}:2:5 (sheet “statements”, cell E2): error:",
            path.display()
        )),
        "{errors:?}"
    );
}
