//! Tables as CSV files: one file a sheet, `brief.csv` holding the statements and
//! `brief-issues.csv`, `brief-parties.csv` … beside it, so each opens in any spreadsheet and
//! the set comes back in whole.

use std::fs;
use std::path::{Path, PathBuf};

use common_ground_core::io::write_atomically;

use crate::error::{CellError, Error};
use crate::sheet::{Cell, Origin, Sheet};
use crate::tables::{SHEETS, STATEMENTS};

/// Tables larger than this are refused before they are read: a position matrix is text a
/// person keeps, and reading a runaway file whole would only exhaust memory.
pub const MAX_TABLE_SIZE: u64 = 64 * 1024 * 1024;

/// The file a sheet goes to when `statements` go to `to`: `brief.csv` → `brief-issues.csv`.
pub fn file_of_sheet(to: &Path, sheet: &str) -> PathBuf {
    if sheet == STATEMENTS {
        return to.to_owned();
    }
    let stem = to
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    to.with_file_name(format!("{stem}-{sheet}.csv"))
}

/// Writes each sheet to its file, atomically; returns the files written.
pub fn write(sheets: &[Sheet], to: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut written = Vec::new();
    for sheet in sheets {
        let path = file_of_sheet(to, &sheet.name);
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for row in &sheet.rows {
            let fields: Vec<String> = row.iter().map(Cell::to_text).collect();
            // An empty record would be skipped by readers; one empty field keeps the line.
            let record = if fields.is_empty() {
                vec![String::new()]
            } else {
                fields
            };
            writer
                .write_record(&record)
                .map_err(|error| write_error(&path, &error))?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|error| write_error(&path, &error.into_error()))?;
        write_atomically(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

fn write_error(path: &Path, error: &dyn std::fmt::Display) -> Error {
    Error::Write {
        path: path.to_owned(),
        source: std::io::Error::other(error.to_string()),
    }
}

/// `path` and the other sheets exported beside it (`brief-issues.csv` …) that exist.
pub fn with_siblings(path: &Path) -> Vec<PathBuf> {
    let mut paths = vec![path.to_owned()];
    paths.extend(
        SHEETS
            .iter()
            .filter(|sheet| **sheet != STATEMENTS)
            .map(|sheet| file_of_sheet(path, sheet))
            .filter(|sibling| sibling != path && sibling.is_file()),
    );
    paths
}

/// Reads one CSV file as a sheet. The delimiter is sniffed (comma, semicolon or tab, as
/// spreadsheets in different locales write them) and a byte-order mark is skipped.
pub fn read(path: &Path) -> Result<Sheet, Error> {
    parse(path, &read_table_file(path)?)
}

/// A table file's bytes, refused unread when it is over [`MAX_TABLE_SIZE`].
pub(crate) fn read_table_file(path: &Path) -> Result<Vec<u8>, Error> {
    let unreadable = |message: String| Error::Unreadable {
        path: path.to_owned(),
        message,
    };
    let size = fs::metadata(path)
        .map_err(|error| unreadable(format!("could not read it: {error}")))?
        .len();
    if size > MAX_TABLE_SIZE {
        return Err(unreadable(format!(
            "the file is {size} bytes, over the {} MiB limit for tables",
            MAX_TABLE_SIZE / 1024 / 1024
        )));
    }
    fs::read(path).map_err(|error| unreadable(format!("could not read it: {error}")))
}

/// Reads CSV bytes as the sheet of `path`.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Sheet, Error> {
    let bytes = delimited_text(path, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let origin = Origin::of_file(path.to_owned());
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let record = record.map_err(|error| Error::Unreadable {
            path: path.to_owned(),
            message: format!("row {}: {error}", index + 1),
        })?;
        let mut row = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(text) => row.push(Cell::text(text)),
                Err(_not_utf8) => {
                    errors.push(CellError::new(
                        origin.at(index, column),
                        "this cell is not UTF-8 text; save the file as CSV in UTF-8",
                    ));
                    row.push(Cell::Empty);
                }
            }
        }
        rows.push(row);
    }
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    Ok(Sheet {
        name: sheet_name(path),
        rows,
        origin,
    })
}

/// The bytes of delimited text without its byte-order mark; UTF-16 and binary files refused.
pub(crate) fn delimited_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a [u8], Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::Unreadable {
            path: path.to_owned(),
            message: "the file is UTF-16 text; save it as CSV in UTF-8".to_owned(),
        });
    }
    if bytes.contains(&0) {
        return Err(Error::Unreadable {
            path: path.to_owned(),
            message: "this is not a CSV file (it contains zero bytes); for a workbook, give \
                      a .xlsx or .ods file"
                .to_owned(),
        });
    }
    Ok(bytes)
}

/// The table a file's name says it holds (`brief-issues.csv` → `issues`), else its stem.
fn sheet_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    SHEETS
        .iter()
        .find(|sheet| stem == **sheet || stem.ends_with(&format!("-{sheet}")))
        .map_or(stem.clone(), |sheet| (*sheet).to_owned())
}

/// The delimiter that splits the first line most: a comma, a semicolon or a tab, counted
/// outside quotes.
pub(crate) fn delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in bytes {
        if byte == b'\n' && !quoted {
            break;
        }
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in &mut counts {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b',', |(delimiter, _)| *delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_the_header_uses() {
        assert_eq!(delimiter(b"party;issue;kind\nus;a,b;c"), b';');
        assert_eq!(delimiter(b"party\tissue\n"), b'\t');
        assert_eq!(delimiter(b"\"a;b;c\",d,e\n"), b',');
        assert_eq!(delimiter(b"party\n"), b',');
    }

    #[test]
    fn sheets_are_named_by_the_file_they_came_from() {
        assert_eq!(sheet_name(Path::new("x/brief-issues.csv")), "issues");
        assert_eq!(sheet_name(Path::new("statements.csv")), "statements");
        assert_eq!(
            sheet_name(Path::new("russia positions.csv")),
            "russia positions"
        );
        assert_eq!(
            file_of_sheet(Path::new("out/brief.csv"), "parties"),
            Path::new("out/brief-parties.csv")
        );
    }

    #[test]
    fn a_cell_that_is_not_utf8_is_named_by_row_and_column() {
        let Err(Error::Cells(errors)) = parse(Path::new("t.csv"), b"a,b\nc,\xff\n") else {
            panic!("bytes that are not UTF-8 were read");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].place.to_string(), "t.csv:2:2");
    }
}
