//! Reading one sheet as a table: its header row names the columns, in any order and spelling
//! a person would type (`Range min`, `range_min`), and each cell is read as the type its column
//! holds, a bad one becoming a [`CellError`] that names its place.

use std::collections::HashMap;

use common_ground_core::edit::builders::date_from_days;
use common_ground_core::model::{Firmness, Kind};

use crate::error::CellError;
use crate::sheet::{Cell, Place, Sheet};

/// A column name as compared: lower case, words apart by one space, `_` and `-` as spaces.
pub(crate) fn normalise(name: &str) -> String {
    name.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Other names people give a column.
fn canonical(name: &str) -> &str {
    match name {
        "color" => "colour",
        "id" | "statement id" => "statement",
        "issue id" => "issue",
        "party id" => "party",
        "round id" => "round",
        "short" | "abbreviation" => "short name",
        "min" | "minimum" => "range min",
        "max" | "maximum" => "range max",
        "position" => "stance",
        "asof" => "as of",
        other => other,
    }
}

pub(crate) struct Table<'a> {
    pub(crate) sheet: &'a Sheet,
    /// The index in `sheet.rows` of the header.
    header: usize,
    columns: HashMap<&'static str, usize>,
    /// Header cells that name no column this table reads.
    pub(crate) unknown: Vec<String>,
}

impl<'a> Table<'a> {
    /// The table of `sheet` with the columns in `known`; a missing `required` column is an
    /// error at the header. `None` when the sheet is empty or lacks a required column.
    pub(crate) fn new(
        sheet: &'a Sheet,
        known: &[&'static str],
        required: &[&'static str],
        errors: &mut Vec<CellError>,
    ) -> Option<Table<'a>> {
        let header = sheet
            .rows
            .iter()
            .position(|row| row.iter().any(|cell| !cell.is_blank()))?;
        let mut columns = HashMap::new();
        let mut unknown = Vec::new();
        for (index, cell) in sheet.rows.get(header)?.iter().enumerate() {
            let name = normalise(&cell.to_text());
            if name.is_empty() {
                continue;
            }
            match known.iter().find(|known| **known == canonical(&name)) {
                Some(known) => {
                    if columns.insert(*known, index).is_some() {
                        errors.push(CellError::new(
                            sheet.origin.at(header, index),
                            format!("a second “{known}” column; keep one"),
                        ));
                    }
                }
                None => unknown.push(cell.to_text()),
            }
        }
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|column| !columns.contains_key(column))
            .collect();
        if !missing.is_empty() {
            errors.push(CellError::new(
                sheet.origin.at(header, 0),
                format!(
                    "the header has no {} column (it needs {})",
                    quoted(&missing),
                    quoted(required)
                ),
            ));
            return None;
        }
        Some(Table {
            sheet,
            header,
            columns,
            unknown,
        })
    }

    /// The rows below the header that hold anything.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.sheet
            .rows
            .iter()
            .enumerate()
            .skip(self.header + 1)
            .filter(|(_, cells)| cells.iter().any(|cell| !cell.is_blank()))
            .map(|(index, cells)| Row {
                table: self,
                index,
                cells,
            })
    }
}

fn quoted(columns: &[&str]) -> String {
    let named: Vec<String> = columns.iter().map(|column| format!("“{column}”")).collect();
    named.join(", ")
}

pub(crate) struct Row<'a> {
    table: &'a Table<'a>,
    index: usize,
    cells: &'a [Cell],
}

const EMPTY: Cell = Cell::Empty;

impl Row<'_> {
    fn cell(&self, column: &str) -> &Cell {
        self.table
            .columns
            .get(column)
            .and_then(|index| self.cells.get(*index))
            .unwrap_or(&EMPTY)
    }

    /// The place of the cell in `column`, or of the row's first cell when the table has no
    /// such column.
    pub(crate) fn place(&self, column: &str) -> Place {
        let index = self.table.columns.get(column).copied().unwrap_or(0);
        self.table.sheet.origin.at(self.index, index)
    }

    pub(crate) fn error(&self, column: &str, message: impl Into<String>) -> CellError {
        CellError::new(self.place(column), message)
    }

    pub(crate) fn is_blank(&self, column: &str) -> bool {
        self.cell(column).is_blank()
    }

    /// The cell's text exactly as it is: summaries and quotes keep their spaces.
    pub(crate) fn text(&self, column: &str) -> String {
        self.cell(column).to_text()
    }

    /// An id, a name or a code: without the spaces around it.
    pub(crate) fn word(&self, column: &str) -> String {
        self.cell(column).to_text().trim().to_owned()
    }

    /// A number; an empty cell is `None`. `12,5` reads as 12.5, as many locales write it.
    pub(crate) fn number(&self, column: &str, errors: &mut Vec<CellError>) -> Option<f64> {
        let value = match self.cell(column) {
            Cell::Empty => return None,
            Cell::Number(value) => Some(*value),
            Cell::Bool(_) => None,
            Cell::Text(text) => {
                if text.trim().is_empty() {
                    return None;
                }
                parse_number(text)
            }
        };
        match value {
            Some(value) if value.is_finite() => Some(value),
            _ => {
                errors.push(self.error(
                    column,
                    format!(
                        "“{}” in the “{column}” column is not a number",
                        self.text(column).trim()
                    ),
                ));
                None
            }
        }
    }

    /// Yes or no; an empty cell is no.
    pub(crate) fn yes_no(&self, column: &str, errors: &mut Vec<CellError>) -> bool {
        match self.cell(column) {
            Cell::Empty => false,
            Cell::Bool(value) => *value,
            Cell::Number(value) if *value == 0.0 || *value == 1.0 => *value == 1.0,
            cell => match normalise(&cell.to_text()).as_str() {
                "" | "no" | "n" | "false" | "0" => false,
                "yes" | "y" | "true" | "1" | "x" | "estimated" => true,
                other => {
                    errors.push(self.error(
                        column,
                        format!("“{other}” in the “{column}” column is neither yes nor no"),
                    ));
                    false
                }
            },
        }
    }

    /// A date as `YYYY-MM-DD`. A workbook's date cell, or its serial day number, is turned
    /// into one; text is kept as written, for validation to judge.
    pub(crate) fn date(&self, column: &str) -> String {
        match self.cell(column) {
            Cell::Number(serial)
                if serial.fract() == 0.0 && (1.0..2_958_466.0).contains(serial) =>
            {
                // Spreadsheets count days from 1899-12-30; 1970-01-01 is day 25,569.
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a whole number of days within the range checked above"
                )]
                let days = *serial as i64 - 25_569;
                date_from_days(days)
            }
            _ => self.word(column),
        }
    }

    /// A statement's kind, by its label (`red line`) or its name in the files (`Rejection`).
    pub(crate) fn kind(&self, column: &str, errors: &mut Vec<CellError>) -> Option<Kind> {
        let written = self.word(column);
        let kind = match squeezed(&written).as_str() {
            "demand" => Some(Kind::Demand),
            "redline" | "rejection" => Some(Kind::Rejection),
            "offer" => Some(Kind::Offer),
            "opentotalks" => Some(Kind::OpenToTalks),
            "condition" => Some(Kind::Condition),
            "concern" => Some(Kind::Concern),
            "warning" => Some(Kind::Warning),
            _ => None,
        };
        if kind.is_none() {
            let labels: Vec<&str> = Kind::ALL.iter().map(|kind| kind.label()).collect();
            errors.push(self.error(
                column,
                if written.is_empty() {
                    format!("the kind is missing; it is one of {}", labels.join(", "))
                } else {
                    format!(
                        "“{written}” is not a kind of statement; it is one of {}",
                        labels.join(", ")
                    )
                },
            ));
        }
        kind
    }

    pub(crate) fn firmness(&self, column: &str, errors: &mut Vec<CellError>) -> Option<Firmness> {
        let written = self.word(column);
        let firmness = match squeezed(&written).as_str() {
            "nonnegotiable" => Some(Firmness::NonNegotiable),
            "firm" => Some(Firmness::Firm),
            "flexible" => Some(Firmness::Flexible),
            _ => None,
        };
        if firmness.is_none() {
            errors.push(self.error(
                column,
                if written.is_empty() {
                    "the firmness is missing; it is non-negotiable, firm or flexible".to_owned()
                } else {
                    format!("“{written}” is not a firmness; it is non-negotiable, firm or flexible")
                },
            ));
        }
        firmness
    }
}

/// A name as compared when only its letters matter: `Red line`, `red-line`, `RedLine` alike.
fn squeezed(written: &str) -> String {
    written
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// A number as a person types it; `12,5` reads as 12.5, as many locales write it. `None` for
/// anything else, and for what is not finite.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    text.parse::<f64>()
        .ok()
        .or_else(|| {
            (!text.contains('.') && text.matches(',').count() == 1)
                .then(|| text.replace(',', ".").parse::<f64>().ok())
                .flatten()
        })
        .filter(|value| value.is_finite())
}
