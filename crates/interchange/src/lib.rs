//! Common Ground's negotiations in and out of the tables analysts already keep: spreadsheets
//! (CSV, XLSX, ODS). Knows nothing of the window; the command line and the window call the
//! same functions.
//!
//! Out: [`tables::workbook`] lays a negotiation out as sheets, which [`csv_files::write`] or
//! [`workbook::write_xlsx`] write. In: [`read_tables`] reads files as sheets,
//! [`import::import_sheets`] makes a negotiation of them, [`folder::write_folder`] writes it.

pub mod csv_files;
pub mod error;
pub mod folder;
pub mod import;
pub mod sheet;
pub mod tables;
pub mod workbook;

use std::path::{Path, PathBuf};

pub use error::{CellError, Error};
pub use import::{Imported, import_sheets};
pub use sheet::Sheet;

/// A spreadsheet format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
    Ods,
}

impl TableFormat {
    /// The format a file's name or first bytes say: a workbook is a zip archive, which CSV
    /// text never starts with.
    pub fn sniff(path: &Path) -> TableFormat {
        let extension = path
            .extension()
            .map(|extension| extension.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("xlsx" | "xlsm" | "xls" | "xlsb") => TableFormat::Xlsx,
            Some("ods") => TableFormat::Ods,
            Some("csv" | "tsv" | "txt") => TableFormat::Csv,
            _ => {
                let mut start = [0u8; 4];
                let zipped = std::fs::File::open(path)
                    .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut start))
                    .is_ok()
                    && start == *b"PK\x03\x04";
                if zipped {
                    TableFormat::Xlsx
                } else {
                    TableFormat::Csv
                }
            }
        }
    }
}

/// Reads the tables in `paths`: CSV files (with the sheets exported beside each), workbooks,
/// and folders of them. `format`, when given, overrides what each file's name says.
pub fn read_tables(paths: &[PathBuf], format: Option<TableFormat>) -> Result<Vec<Sheet>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|error| Error::Unreadable {
                    path: path.clone(),
                    message: format!("the folder could not be read: {error}"),
                })?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|file| {
                    file.extension().is_some_and(|extension| {
                        ["csv", "tsv", "xlsx", "ods"]
                            .contains(&extension.to_string_lossy().to_lowercase().as_str())
                    })
                })
                .collect();
            inside.sort();
            if inside.is_empty() {
                return Err(Error::Unreadable {
                    path: path.clone(),
                    message: "the folder holds no .csv, .xlsx or .ods file".to_owned(),
                });
            }
            files.extend(inside);
        } else if format.unwrap_or_else(|| TableFormat::sniff(path)) == TableFormat::Csv {
            files.extend(csv_files::with_siblings(path));
        } else {
            files.push(path.clone());
        }
    }
    files.dedup();
    let mut seen = std::collections::HashSet::new();
    let mut sheets = Vec::new();
    for file in files.into_iter().filter(|file| seen.insert(file.clone())) {
        match format.unwrap_or_else(|| TableFormat::sniff(&file)) {
            TableFormat::Csv => sheets.push(csv_files::read(&file)?),
            TableFormat::Xlsx | TableFormat::Ods => sheets.extend(workbook::read(&file)?),
        }
    }
    Ok(sheets)
}
