//! Sheets into a negotiation: the tables [`crate::tables`] writes, or an analyst's own, as long
//! as its header names the columns. Only a statements table is needed; what the other tables
//! would say is made up plainly (parties named by their ids, issues by theirs, a scale of 0 to
//! 100) and listed in [`Imported::notes`], so nothing is invented silently.
//!
//! A cell that cannot be read, and whatever validation finds wrong, is an error at the cell's
//! place; any error and nothing is imported. Validation's warnings come back as notes.

mod statements;
pub(crate) mod table;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use common_ground_core::edit::builders::PARTY_COLOURS;
use common_ground_core::edit::rounds::dashed_words;
use common_ground_core::io::AGENDA_FILE_NAME;
use common_ground_core::model::{
    Agenda, AgendaIssue, Anchor, FORMAT_VERSION, Party, PartyFile, Round, SCALE_MAX, SCALE_MIN,
};
use common_ground_core::negotiation::{Loaded, Negotiation};
use common_ground_core::problem::PathSegment;
use common_ground_core::validate::validate;

use crate::error::{CellError, Error};
use crate::sheet::{Place, Sheet};
use crate::tables::{
    ISSUE_COLUMNS, ISSUES, MATRIX, NEGOTIATION, NEGOTIATION_COLUMNS, PARTIES, PARTY_COLUMNS,
    ROUND_COLUMNS, ROUNDS, STATEMENT_COLUMNS, STATEMENTS,
};
use table::{Table, normalise};

/// A negotiation made from tables, ready to be written into a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub agenda: Agenda,
    /// Each party's file name in the folder, and its file.
    pub parties: Vec<(String, PartyFile)>,
    /// What the tables did not say and the import made up, what it left out, and validation's
    /// warnings.
    pub notes: Vec<String>,
}

impl Imported {
    /// The negotiation as it will be once written into `folder`.
    pub fn negotiation_in(&self, folder: &std::path::Path) -> Negotiation {
        Negotiation {
            agenda: Some(Loaded {
                path: folder.join(AGENDA_FILE_NAME),
                data: self.agenda.clone(),
            }),
            parties: self
                .parties
                .iter()
                .map(|(name, file)| Loaded {
                    path: folder.join(name),
                    data: file.clone(),
                })
                .collect(),
            left_out: Vec::new(),
        }
    }
}

/// Which table a sheet is, by its name, else by its header.
fn table_of(sheet: &Sheet) -> Option<&'static str> {
    let name = normalise(&sheet.name);
    let by_name = [STATEMENTS, MATRIX, PARTIES, ISSUES, ROUNDS, NEGOTIATION]
        .into_iter()
        .find(|table| name == *table || name.trim_end_matches('s') == table.trim_end_matches('s'));
    if by_name.is_some() {
        return by_name;
    }
    let header: HashSet<String> = sheet
        .rows
        .iter()
        .find(|row| row.iter().any(|cell| !cell.is_blank()))
        .map(|row| row.iter().map(|cell| normalise(&cell.to_text())).collect())
        .unwrap_or_default();
    let has = |column: &str| header.contains(column);
    if has("kind") && has("summary") {
        Some(STATEMENTS)
    } else if has("field") && has("value") {
        Some(NEGOTIATION)
    } else if has("round") && has("date") {
        Some(ROUNDS)
    } else if has("party") && (has("short name") || has("colour") || has("color")) {
        Some(PARTIES)
    } else if has("issue") && (has("scale at") || has("category") || has("description")) {
        Some(ISSUES)
    } else {
        None
    }
}

/// Where a value came from, so validation's findings can be put back on the cell.
#[derive(Debug, Clone)]
pub(crate) struct RowsOf {
    /// One place per column the row has, keyed by column.
    pub columns: HashMap<&'static str, Place>,
    /// The row's first cell.
    pub first: Place,
    /// The rows of its list entries in order: an issue's scale points, a statement's sources
    /// and conditions, each in the column it was read from.
    pub anchors: Vec<Place>,
    pub sources: Vec<Place>,
    pub conditions: Vec<Place>,
}

/// The places of everything imported, by what validation calls it.
#[derive(Debug, Default)]
pub(crate) struct Places {
    pub issues: Vec<RowsOf>,
    pub rounds: Vec<RowsOf>,
    pub name: Option<Place>,
    /// Per party: the party's row, then its statements'.
    pub parties: Vec<(Option<RowsOf>, Vec<RowsOf>)>,
}

/// Makes a negotiation of `sheets`. `fallback_name` names it when no sheet does (the file's
/// name); `today` is the `as_of` of parties whose date nothing gives.
pub fn import_sheets(
    sheets: &[Sheet],
    fallback_name: &str,
    today: &str,
) -> Result<Imported, Error> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut places = Places::default();
    let of = |wanted: &str| -> Vec<&Sheet> {
        sheets
            .iter()
            .filter(|sheet| table_of(sheet) == Some(wanted))
            .collect()
    };
    for sheet in sheets.iter().filter(|sheet| table_of(sheet).is_none()) {
        notes.push(format!(
            "{}: not imported: its columns are not those of any table Common Ground reads",
            sheet_name(sheet)
        ));
    }
    let (name, description) = negotiation_fields(&of(NEGOTIATION), &mut places, &mut errors);
    let name = name.unwrap_or_else(|| {
        notes.push(format!(
            "The negotiation has no name in the tables; it is called “{fallback_name}”."
        ));
        fallback_name.to_owned()
    });
    let rounds = rounds(&of(ROUNDS), &mut places, &mut errors, &mut notes);
    let mut issues = issues(&of(ISSUES), &mut places, &mut errors, &mut notes);
    let issues_given = !of(ISSUES).is_empty();
    let mut parties = parties(&of(PARTIES), &mut places, &mut errors, &mut notes);
    let parties_given = !of(PARTIES).is_empty();
    let statement_sheets = of(STATEMENTS);
    if statement_sheets.is_empty() {
        let path = sheets.first().map(|sheet| sheet.origin.file.clone());
        return Err(Error::Unreadable {
            path: path.unwrap_or_default(),
            message: "no statements table: a sheet whose header has at least the columns \
                      “party”, “issue”, “kind”, “summary”, “salience” and “firmness”"
                .to_owned(),
        });
    }
    let context = statements::Context {
        issues_given,
        parties_given,
        today,
    };
    statements::read(
        &statement_sheets,
        &context,
        &mut issues,
        &mut parties,
        &mut places,
        &mut errors,
        &mut notes,
    );
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    let imported = Imported {
        agenda: Agenda {
            format: FORMAT_VERSION,
            name,
            description,
            issues,
            rounds,
        },
        parties,
        notes,
    };
    validated(imported, &places)
}

fn sheet_name(sheet: &Sheet) -> String {
    match &sheet.origin.sheet {
        Some(name) => format!("{} (sheet “{name}”)", sheet.origin.file.display()),
        None => sheet.origin.file.display().to_string(),
    }
}

/// A row's places, by column.
fn row_places(row: &table::Row<'_>, columns: &[&'static str]) -> RowsOf {
    RowsOf {
        columns: columns
            .iter()
            .map(|column| (*column, row.place(column)))
            .collect(),
        first: row.place(""),
        anchors: Vec::new(),
        sources: Vec::new(),
        conditions: Vec::new(),
    }
}

fn negotiation_fields(
    sheets: &[&Sheet],
    places: &mut Places,
    errors: &mut Vec<CellError>,
) -> (Option<String>, String) {
    let (mut name, mut description) = (None, String::new());
    for sheet in sheets {
        let Some(table) = Table::new(sheet, &NEGOTIATION_COLUMNS, &NEGOTIATION_COLUMNS, errors)
        else {
            continue;
        };
        for row in table.rows() {
            match normalise(&row.word("field")).as_str() {
                "name" => {
                    places.name = Some(row.place("value"));
                    name = Some(row.text("value"));
                }
                "description" => description = row.text("value"),
                other => errors.push(row.error(
                    "field",
                    format!(
                        "“{other}” is not a field of a negotiation; they are name and description"
                    ),
                )),
            }
        }
    }
    (name, description)
}

fn rounds(
    sheets: &[&Sheet],
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) -> Vec<Round> {
    let mut rounds = Vec::new();
    for sheet in sheets {
        let Some(table) = Table::new(sheet, &ROUND_COLUMNS, &["round", "date"], errors) else {
            continue;
        };
        note_unknown(&table, notes);
        for row in table.rows() {
            let id = row.word("round");
            if id.is_empty() {
                errors.push(row.error("round", "a round needs an id here"));
                continue;
            }
            let name = row.text("name");
            places.rounds.push(row_places(&row, &ROUND_COLUMNS));
            rounds.push(Round {
                name: if name.trim().is_empty() {
                    id.clone()
                } else {
                    name
                },
                id,
                date: row.date("date"),
                description: row.text("description"),
            });
        }
    }
    rounds
}

fn issues(
    sheets: &[&Sheet],
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) -> Vec<AgendaIssue> {
    let mut issues: Vec<AgendaIssue> = Vec::new();
    let own_columns = ["title", "category", "description", "notes", "no stake"];
    for sheet in sheets {
        let Some(table) = Table::new(sheet, &ISSUE_COLUMNS, &["issue"], errors) else {
            continue;
        };
        note_unknown(&table, notes);
        for row in table.rows() {
            let id = row.word("issue");
            if id.is_empty() {
                errors.push(row.error("issue", "an issue needs an id here"));
                continue;
            }
            let anchor = match row.number("scale at", errors) {
                Some(at) => Some(Anchor {
                    at,
                    meaning: row.text("scale meaning"),
                }),
                None if !row.is_blank("scale meaning") => {
                    errors.push(row.error(
                        "scale at",
                        "a scale meaning needs its point on the scale in “scale at”",
                    ));
                    None
                }
                None => None,
            };
            // A further row of the issue above: one more point of its scale.
            if let Some(last) = issues.last_mut().filter(|last| last.id == id)
                && own_columns.iter().all(|column| row.is_blank(column))
            {
                if let (Some(place), Some(anchor)) = (places.issues.last_mut(), anchor) {
                    place.anchors.push(row.place("scale at"));
                    last.scale.push(anchor);
                }
                continue;
            }
            let title = row.text("title");
            let mut rows_of = row_places(&row, &ISSUE_COLUMNS);
            if anchor.is_some() {
                rows_of.anchors.push(row.place("scale at"));
            }
            places.issues.push(rows_of);
            issues.push(AgendaIssue {
                title: if title.trim().is_empty() {
                    id.clone()
                } else {
                    title
                },
                id,
                category: row.text("category"),
                description: row.text("description"),
                scale: anchor.into_iter().collect(),
                no_stake: row
                    .word("no stake")
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect(),
                notes: row.text("notes"),
            });
        }
    }
    for issue in issues.iter_mut().filter(|issue| issue.scale.is_empty()) {
        notes.push(format!(
            "Issue “{}” has no scale in the tables; it is given one from 0 to 100 whose ends \
             are still to be named (its anchors say so).",
            issue.id
        ));
        issue.scale = open_scale();
    }
    issues
}

/// A scale of 0 to 100 whose ends the analyst is still to name, and which says so.
pub(crate) fn open_scale() -> Vec<Anchor> {
    [
        (SCALE_MIN, "The lowest point (not named in the table)"),
        (SCALE_MAX, "The highest point (not named in the table)"),
    ]
    .map(|(at, meaning)| Anchor {
        at,
        meaning: meaning.to_owned(),
    })
    .to_vec()
}

fn parties(
    sheets: &[&Sheet],
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) -> Vec<(String, PartyFile)> {
    let mut parties: Vec<(String, PartyFile)> = Vec::new();
    for sheet in sheets {
        let Some(table) = Table::new(sheet, &PARTY_COLUMNS, &["party"], errors) else {
            continue;
        };
        note_unknown(&table, notes);
        for row in table.rows() {
            let id = row.word("party");
            if id.is_empty() {
                errors.push(row.error("party", "a party needs an id here"));
                continue;
            }
            let name = row.text("name");
            let name = if name.trim().is_empty() {
                id.clone()
            } else {
                name
            };
            let short_name = row.text("short name");
            let colour = row.word("colour");
            let colour = if colour.is_empty() {
                notes.push(format!(
                    "Party “{id}” has no colour in the tables; it is given one."
                ));
                palette_colour(parties.len()).to_owned()
            } else {
                colour
            };
            let file = row.word("file");
            let file = if file.is_empty() {
                format!("{id}.ron")
            } else {
                file
            };
            if !is_plain_file_name(&file) || file == AGENDA_FILE_NAME {
                errors.push(row.error(
                    "file",
                    format!(
                        "“{file}” cannot be a party's file: it is a name ending in .ron, in no \
                         folder, and not {AGENDA_FILE_NAME}"
                    ),
                ));
            } else if parties.iter().any(|(taken, _)| *taken == file) {
                errors.push(row.error("file", format!("a second party in the file “{file}”")));
            }
            places
                .parties
                .push((Some(row_places(&row, &PARTY_COLUMNS)), Vec::new()));
            parties.push((
                file,
                PartyFile {
                    format: FORMAT_VERSION,
                    party: Party {
                        members: Vec::new(),
                        short_name: if short_name.trim().is_empty() {
                            name.clone()
                        } else {
                            short_name
                        },
                        name,
                        id,
                        colour,
                        capability: row.number("capability", errors),
                        notes: row.text("notes"),
                    },
                    as_of: row.date("as of"),
                    summary: row.text("summary"),
                    statements: Vec::new(),
                },
            ));
        }
    }
    parties
}

pub(crate) fn palette_colour(index: usize) -> &'static str {
    PARTY_COLOURS
        .get(index % PARTY_COLOURS.len())
        .copied()
        .unwrap_or("#0072b2")
}

fn is_plain_file_name(name: &str) -> bool {
    let path = std::path::Path::new(name);
    name.ends_with(".ron")
        && name.len() > ".ron".len()
        && path.file_name().is_some_and(|file| file == name)
        && !name.starts_with('.')
}

fn note_unknown(table: &Table<'_>, notes: &mut Vec<String>) {
    if !table.unknown.is_empty() {
        notes.push(format!(
            "{}: not imported, no such column in this table: {}",
            sheet_name(table.sheet),
            table.unknown.join(", ")
        ));
    }
}

/// Runs validation on what was made and puts each finding on the cell it is about: errors
/// refuse the import, warnings join the notes.
pub(crate) fn validated(mut imported: Imported, places: &Places) -> Result<Imported, Error> {
    let folder = PathBuf::new();
    let negotiation = imported.negotiation_in(&folder);
    let mut errors = Vec::new();
    for problem in validate(&negotiation) {
        let place = problem
            .path
            .as_ref()
            .and_then(|path| place_of(&negotiation, places, &problem.file, &path.0));
        match (problem.is_error(), place) {
            (true, Some(place)) => errors.push(CellError::new(place, problem.message)),
            (true, None) => errors.push(CellError::new(
                Place {
                    file: problem.file.clone(),
                    sheet: None,
                    row: 0,
                    column: 0,
                },
                problem.message,
            )),
            (false, Some(place)) => imported
                .notes
                .push(format!("{place}: warning: {}", problem.message)),
            (false, None) => imported.notes.push(problem.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(imported)
    } else {
        Err(Error::Cells(errors))
    }
}

/// Validation's warning that a statement has no source, once for all statements instead of
/// once each: `explanation` says why a format without quotes has none.
pub(crate) fn fold_missing_sources(imported: &mut Imported, explanation: &str) {
    let before = imported.notes.len();
    imported
        .notes
        .retain(|note| !note.ends_with("the statement has no source: add the quote it rests on"));
    if imported.notes.len() < before {
        imported.notes.push(explanation.to_owned());
    }
}

/// The cell a validation finding is about: the file it names and the field path within.
fn place_of(
    negotiation: &Negotiation,
    places: &Places,
    file: &std::path::Path,
    path: &[PathSegment],
) -> Option<Place> {
    fn field(segment: Option<&PathSegment>) -> Option<&str> {
        match segment {
            Some(PathSegment::Field(name)) => Some(name.as_str()),
            _ => None,
        }
    }
    fn index(segment: Option<&PathSegment>) -> Option<usize> {
        match segment {
            Some(PathSegment::Index(index)) => Some(*index),
            _ => None,
        }
    }
    if negotiation
        .agenda
        .as_ref()
        .is_some_and(|agenda| agenda.path == file)
    {
        let rows = match field(path.first()) {
            Some("issues") => places.issues.get(index(path.get(1))?)?,
            Some("rounds") => places.rounds.get(index(path.get(1))?)?,
            Some("name") => return places.name.clone(),
            _ => return None,
        };
        let column = match field(path.get(2)) {
            Some("id") if field(path.first()) == Some("issues") => "issue",
            Some("id") => "round",
            Some("scale") => {
                let anchor = index(path.get(3)).unwrap_or(0);
                return rows
                    .anchors
                    .get(anchor)
                    .cloned()
                    .or(Some(rows.first.clone()));
            }
            Some("no_stake") => "no stake",
            Some(other) => column_of(other),
            None => "",
        };
        return Some(cell_or_first(rows, column));
    }
    let party = negotiation
        .parties
        .iter()
        .position(|party| party.path == file)?;
    let (party_row, statements) = places.parties.get(party)?;
    match field(path.first()) {
        Some("statements") => {
            let rows = statements.get(index(path.get(1))?)?;
            let column = match field(path.get(2)) {
                Some("range") => match field(path.get(3)) {
                    Some("max") => "range max",
                    _ => "range min",
                },
                Some(list @ ("sources" | "conditions")) => {
                    let nth = index(path.get(3)).unwrap_or(0);
                    let entries = if list == "sources" {
                        &rows.sources
                    } else {
                        &rows.conditions
                    };
                    return entries.get(nth).cloned().or(Some(rows.first.clone()));
                }
                Some("id") => "statement",
                Some(other) => column_of(other),
                None => "",
            };
            Some(cell_or_first(rows, column))
        }
        _ => {
            let rows = party_row.as_ref().or(statements.first())?;
            let column = match path.last() {
                Some(PathSegment::Field(name)) if name == "id" => "party",
                Some(PathSegment::Field(name)) => column_of(name),
                _ => "",
            };
            Some(cell_or_first(rows, column))
        }
    }
}

fn cell_or_first(rows: &RowsOf, column: &str) -> Place {
    rows.columns
        .get(column)
        .cloned()
        .unwrap_or_else(|| rows.first.clone())
}

/// The column a file's field is read from: `short_name` → `short name`.
fn column_of(field: &str) -> &'static str {
    STATEMENT_COLUMNS
        .iter()
        .chain(PARTY_COLUMNS.iter())
        .chain(ISSUE_COLUMNS.iter())
        .chain(ROUND_COLUMNS.iter())
        .copied()
        .find(|column| *column == field.replace('_', " "))
        .unwrap_or("")
}

/// An id no other uses: `key` in lower case with dashes, then `-2`, `-3` … when taken.
pub(crate) fn unique(key: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let base = dashed_words(key, true);
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    };
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base);
    taken.insert(id.clone());
    id
}

/// `x` without the last bits a product of decimals leaves (0.07 × 100 is 7.000000000000001):
/// nine decimals are finer than any position or salience a person estimates.
pub(crate) fn tidy(x: f64) -> f64 {
    let tidied = (x * 1e9).round() / 1e9;
    if tidied.is_finite() { tidied } else { x }
}
