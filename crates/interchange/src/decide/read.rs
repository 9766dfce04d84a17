//! A DECIDE input table's records, read and checked one by one: each field keeps its line and
//! column, so whatever is wrong is named where it is.

use std::path::Path;

use crate::csv_files::{delimited_text, delimiter};
use crate::error::{CellError, Error};
use crate::import::table::parse_number;
use crate::sheet::Place;

/// A field of a record: its text without the spaces around it, and where it is.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub text: String,
    pub place: Place,
}

/// An actor (`#A`) or an issue (`#P`): key, name, comment.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub key: Field,
    pub name: String,
    pub comment: String,
    /// The record's first field, for what is about the record as a whole.
    pub place: Place,
}

/// A point of an issue's scale (`#M`): issue, position, description.
#[derive(Debug, Clone)]
pub(super) struct Point {
    pub issue: Field,
    pub at: f64,
    pub at_place: Place,
    pub description: String,
}

/// One number of a `#D` record, if the cell holds one.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub value: Option<f64>,
    pub place: Place,
}

/// A position (`#D`): actor, issue, position, salience, power.
#[derive(Debug, Clone)]
pub(super) struct Datum {
    pub actor: Field,
    pub issue: Field,
    pub position: Number,
    pub salience: Number,
    pub power: Number,
    pub place: Place,
}

/// Every record of the table, in order of kind.
#[derive(Debug, Default)]
pub(super) struct Records {
    pub actors: Vec<Named>,
    pub issues: Vec<Named>,
    pub points: Vec<Point>,
    pub data: Vec<Datum>,
    /// The text of the comment records (`#0`, `#/`, `#O`), kept so nothing of the file is lost.
    pub comments: Vec<String>,
}

/// The first field of a record that starts a DECIDE table, quoted or not.
const KINDS: [&str; 7] = ["#A", "#P", "#M", "#D", "#0", "#/", "#O"];

/// Whether `bytes` look like a DECIDE table: the first field of the first record that is not
/// blank is one of its record kinds.
pub(crate) fn looks_like_decide(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes.get(..4096.min(bytes.len())).unwrap_or_default());
    let text = text.trim_start_matches('\u{feff}');
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .is_some_and(|line| {
            let first = line
                .split(['\t', ';', ','])
                .next()
                .unwrap_or_default()
                .trim()
                .trim_matches(['\'', '"']);
            KINDS.contains(&first)
        })
}

/// Reads the records of the table at `path` from its `bytes`. Fields may be quoted with single
/// or double quotes and split by tabs, semicolons or commas; bad fields are errors in `errors`.
pub(super) fn records(
    path: &Path,
    bytes: &[u8],
    errors: &mut Vec<CellError>,
) -> Result<Records, Error> {
    let bytes = delimited_text(path, bytes)?;
    let first = bytes
        .iter()
        .copied()
        .find(|byte| !byte.is_ascii_whitespace());
    let quote = if first == Some(b'\'') { b'\'' } else { b'"' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .quote(quote)
        .from_reader(bytes);
    let mut records = Records::default();
    for record in reader.byte_records() {
        let record = record.map_err(|error| Error::Unreadable {
            path: path.to_owned(),
            message: error.to_string(),
        })?;
        let line = record
            .position()
            .map_or(0, |position| usize::try_from(position.line()).unwrap_or(0));
        let place = |column: usize| Place {
            file: path.to_owned(),
            sheet: None,
            row: line,
            column: column + 1,
        };
        let mut fields = Vec::with_capacity(record.len());
        for (column, bytes) in record.iter().enumerate() {
            match std::str::from_utf8(bytes) {
                Ok(text) => fields.push(Field {
                    text: text.trim().to_owned(),
                    place: place(column),
                }),
                Err(_not_utf8) => {
                    errors.push(CellError::new(
                        place(column),
                        "this field is not UTF-8 text; save the table in UTF-8",
                    ));
                    fields.push(Field {
                        text: String::new(),
                        place: place(column),
                    });
                }
            }
        }
        take_record(&fields, &place(0), &mut records, errors);
    }
    Ok(records)
}

/// The field at `index`, or an empty one placed where it would be.
fn field(fields: &[Field], index: usize, record: &Place) -> Field {
    fields.get(index).cloned().unwrap_or_else(|| Field {
        text: String::new(),
        place: Place {
            column: index + 1,
            ..record.clone()
        },
    })
}

fn take_record(
    fields: &[Field],
    place: &Place,
    records: &mut Records,
    errors: &mut Vec<CellError>,
) {
    if fields.iter().all(|field| field.text.is_empty()) {
        return;
    }
    let at = |index| field(fields, index, place);
    let kind = at(0).text.to_uppercase();
    match kind.as_str() {
        "#A" | "#P" => {
            let named = Named {
                key: at(1),
                name: at(2).text,
                comment: at(3).text,
                place: place.clone(),
            };
            if named.key.text.is_empty() {
                let what = if kind == "#A" { "an actor" } else { "an issue" };
                errors.push(CellError::new(
                    named.key.place.clone(),
                    format!("{what} needs its key here"),
                ));
            } else if kind == "#A" {
                records.actors.push(named);
            } else {
                records.issues.push(named);
            }
        }
        "#M" => {
            let issue = at(1);
            let position = at(2);
            match parse_number(&position.text) {
                Some(value) => records.points.push(Point {
                    issue,
                    at: value,
                    at_place: position.place,
                    description: at(3).text,
                }),
                None => errors.push(CellError::new(
                    position.place,
                    format!(
                        "“{}” is not a position: an #M record is the issue, a number on its \
                         scale and what that number means",
                        position.text
                    ),
                )),
            }
        }
        "#D" => {
            let mut number = |index: usize, name: &str| {
                let cell = at(index);
                let value = if cell.text.is_empty() {
                    None
                } else {
                    let value = parse_number(&cell.text);
                    if value.is_none() {
                        errors.push(CellError::new(
                            cell.place.clone(),
                            format!("the {name} “{}” is not a number", cell.text),
                        ));
                    }
                    value
                };
                Number {
                    value,
                    place: cell.place,
                }
            };
            let position = number(3, "position");
            let salience = number(4, "salience");
            let power = number(5, "power");
            records.data.push(Datum {
                actor: at(1),
                issue: at(2),
                position,
                salience,
                power,
                place: place.clone(),
            });
        }
        "#0" | "#/" | "#O" => {
            let text: Vec<&str> = fields
                .iter()
                .skip(1)
                .map(|field| field.text.as_str())
                .filter(|text| !text.is_empty())
                .collect();
            if !text.is_empty() {
                records.comments.push(text.join(" "));
            }
        }
        other => errors.push(CellError::new(
            at(0).place,
            format!(
                "“{other}” is not a DECIDE record: each line starts with #A (an actor), #P (an \
                 issue), #M (a point of its scale), #D (a position), or #0 or #/ (a comment)"
            ),
        )),
    }
}
