//! Common Ground's negotiations in and out of the tables analysts already keep: spreadsheets
//! (CSV, XLSX, ODS), DECIDE input tables, and GENIUS and GeniusWeb scenarios (in only). Knows nothing of the window; the command line and
//! the window call the same functions.
//!
//! Out: [`tables::workbook`] lays a negotiation out as sheets, which [`csv_files::write`] or
//! [`workbook::write_xlsx`] write; [`decide::write_decide`] writes a DECIDE table. In:
//! [`read_tables`] reads files as sheets, [`import::import_sheets`] makes a negotiation of
//! them, as [`decide::import_decide`] does of a DECIDE table and
//! [`genius::import_genius`] and [`genius::import_geniusweb`] of a scenario; [`folder::write_folder`] writes
//! it.

pub mod csv_files;
pub mod decide;
pub mod error;
pub mod folder;
pub mod genius;
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

/// Every format a negotiation is imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Table(TableFormat),
    Decide,
    Scenario(genius::ScenarioFormat),
}

/// Makes a negotiation of the files and folders in `paths`, read as `from` or, when it is
/// `None`, as their names and first bytes say: a GENIUS (.xml) or GeniusWeb (.json) scenario,
/// a DECIDE table, else spreadsheets. `fallback_name` names a negotiation its files do not
/// name; `today` dates the parties nothing dates. The command line and the window both import
/// through this.
pub fn import_paths(
    paths: &[PathBuf],
    from: Option<SourceFormat>,
    fallback_name: &str,
    today: &str,
) -> Result<Imported, Error> {
    let from = from.or_else(|| genius::scenario_format(paths).map(SourceFormat::Scenario));
    let decide = match from {
        Some(SourceFormat::Decide) => true,
        Some(_) => false,
        None => paths
            .iter()
            .any(|path| path.is_file() && is_decide_table(path)),
    };
    match from {
        Some(SourceFormat::Scenario(genius::ScenarioFormat::Genius)) => {
            return genius::import_genius(paths, today);
        }
        Some(SourceFormat::Scenario(genius::ScenarioFormat::GeniusWeb)) => {
            return genius::import_geniusweb(paths, today);
        }
        _ => {}
    }
    if decide {
        return match paths {
            // The table's own file names the negotiation better than the folder it goes to.
            [path] => {
                let name = path.file_stem().map_or_else(
                    || fallback_name.to_owned(),
                    |stem| stem.to_string_lossy().into_owned(),
                );
                decide::import_decide(path, &name, today)
            }
            _ => Err(Error::Unreadable {
                path: paths.first().cloned().unwrap_or_default(),
                message: "a DECIDE table is one file; import it on its own".to_owned(),
            }),
        };
    }
    let format = match from {
        Some(SourceFormat::Table(format)) => Some(format),
        _ => None,
    };
    read_tables(paths, format).and_then(|sheets| import_sheets(&sheets, fallback_name, today))
}

/// Every format a negotiation is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetFormat {
    /// The statements at `to`, every other sheet beside it.
    Csv,
    Xlsx,
    Decide,
}

impl TargetFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TargetFormat::Csv | TargetFormat::Decide => "csv",
            TargetFormat::Xlsx => "xlsx",
        }
    }
}

/// What an export wrote, and what the format could not hold of the negotiation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
}

/// Writes `negotiation` to `to` as `format`; the command line and the window both export
/// through this.
pub fn export_tables(
    negotiation: &common_ground_core::negotiation::Negotiation,
    format: TargetFormat,
    to: &Path,
) -> Result<Exported, Error> {
    match format {
        TargetFormat::Csv => {
            csv_files::write(&tables::workbook(negotiation), to).map(|files| Exported {
                files,
                notes: Vec::new(),
            })
        }
        TargetFormat::Xlsx => {
            workbook::write_xlsx(&tables::workbook(negotiation), to).map(|file| Exported {
                files: vec![file],
                notes: Vec::new(),
            })
        }
        TargetFormat::Decide => decide::write_decide(negotiation, to).map(|notes| Exported {
            files: vec![to.to_owned()],
            notes,
        }),
    }
}

/// Whether the file at `path` is a DECIDE table: its first record is `#A`, `#P`, `#M`, `#D`
/// or a comment (`#0`, `#/`), quoted or not.
pub fn is_decide_table(path: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(4096).read_to_end(&mut start))
        .is_ok()
        && decide::looks_like_decide(&start)
}

/// Reads the tables in `paths`: CSV files (with the sheets exported beside each), workbooks,
/// and folders of them. `format`, when given, overrides what each file's name says.
pub fn read_tables(paths: &[PathBuf], format: Option<TableFormat>) -> Result<Vec<Sheet>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(files_in(path, &["csv", "tsv", "xlsx", "ods"])?);
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

/// The files in `folder` whose extension is one of `extensions` (in lower case), in name
/// order; an error when it holds none.
pub(crate) fn files_in(folder: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, Error> {
    let mut inside: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|error| Error::Unreadable {
            path: folder.to_owned(),
            message: format!("the folder could not be read: {error}"),
        })?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| {
            file.extension().is_some_and(|extension| {
                extensions.contains(&extension.to_string_lossy().to_lowercase().as_str())
            })
        })
        .collect();
    inside.sort();
    if inside.is_empty() {
        let listed: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        let listed = match listed.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => listed.concat(),
        };
        return Err(Error::Unreadable {
            path: folder.to_owned(),
            message: format!("the folder holds no {listed} file"),
        });
    }
    Ok(inside)
}
