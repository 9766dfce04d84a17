//! What can go wrong bringing a table in or writing one out, each said once, in plain words,
//! with the file and, for a cell, its row and column.

use std::fmt;
use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::sheet::Place;

/// One bad cell: `statements.csv:12:9: “high” in the “salience” column is not a number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub place: Place,
    pub message: String,
}

impl CellError {
    pub fn new(place: Place, message: impl Into<String>) -> CellError {
        CellError {
            place,
            message: message.into(),
        }
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.place, self.message)
    }
}

/// How many bad cells a message lists before it says how many more there are.
const LISTED: usize = 50;

#[derive(Debug, Error)]
pub enum Error {
    /// The table was read but some of its cells are wrong; nothing was written.
    #[error("{}", cell_list(.0))]
    Cells(Vec<CellError>),
    /// A file could not be read as a table at all.
    #[error("{}: error: {message}", path.display())]
    Unreadable { path: PathBuf, message: String },
    #[error("{}: error: could not write it: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{}: error: this folder already holds files; import into a new folder or an empty one, \
         so nothing in it is overwritten",
        path.display()
    )]
    FolderNotEmpty { path: PathBuf },
    #[error("{}: error: {message}", path.display())]
    Xlsx { path: PathBuf, message: String },
    /// A file could not be saved; the message names it.
    #[error("error: {0}")]
    Save(#[from] common_ground_core::io::SaveError),
}

fn cell_list(errors: &[CellError]) -> String {
    let mut lines: Vec<String> = errors
        .iter()
        .take(LISTED)
        .map(ToString::to_string)
        .collect();
    if errors.len() > LISTED {
        lines.push(format!(
            "… and {} more problems in the table",
            errors.len() - LISTED
        ));
    }
    lines.join("\n")
}
