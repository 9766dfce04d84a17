//! DECIDE input tables, the delimited text of the exchange model of Stokman and others:
//! `#A` actors, `#P` issues, `#M` points of an issue's scale, `#D` an actor's position,
//! salience and power on an issue; `#0`, `#/` (and `#O`) are comments.
//!
//! In ([`import_decide`]): an actor is a party, its power (0–1) its capability; an issue is an
//! agenda issue whose scale runs between its lowest and highest `#M` point (0–100 when it has
//! none), drawn on Common Ground's 0–100 scale; a `#D` record is an estimated demand at the
//! position, with the salience times 100. A cell left empty stays empty: no stance, no
//! capability. What the table cannot say — quotes, ranges, firmness, dates — is listed in the
//! notes. Out ([`write_decide`], in `write.rs`): the reverse, one `#D` record a party and
//! issue.

mod read;
mod write;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use common_ground_core::model::{
    Agenda, AgendaIssue, Anchor, FORMAT_VERSION, Firmness, Kind, Party, PartyFile, SCALE_MAX,
    SCALE_MIN, Statement,
};

use crate::csv_files::read_table_file;
use crate::error::{CellError, Error};
use crate::import::{
    Imported, Places, RowsOf, fold_missing_sources, palette_colour, tidy, unique, validated,
};
pub(crate) use read::looks_like_decide;
use read::{Datum, Named, Point, Records};
pub use write::write_decide;

/// Makes a negotiation of the DECIDE table at `path`. `fallback_name` names it (the table has
/// no name of its own); `today` dates the parties, as the table has no dates either.
pub fn import_decide(path: &Path, fallback_name: &str, today: &str) -> Result<Imported, Error> {
    let bytes = read_table_file(path)?;
    let mut errors = Vec::new();
    let records = read::records(path, &bytes, &mut errors)?;
    if records.actors.is_empty() && records.data.is_empty() && errors.is_empty() {
        return Err(Error::Unreadable {
            path: path.to_owned(),
            message: "no #A actor and no #D position: this is not a DECIDE table".to_owned(),
        });
    }
    let mut notes = Vec::new();
    let mut places = Places::default();
    let issues = issues(&records, &mut places, &mut errors, &mut notes);
    let mut parties = parties(&records, &mut places, &mut errors, &mut notes, today);
    positions(
        &records,
        &issues,
        &mut parties,
        &mut places,
        &mut errors,
        &mut notes,
    );
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    let file = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let mut description = format!("Imported from the DECIDE table {file}.");
    if !records.comments.is_empty() {
        description.push_str(" Its comments: ");
        description.push_str(&records.comments.join(" / "));
    }
    notes.insert(
        0,
        format!(
            "The DECIDE table has no name; the negotiation is called “{fallback_name}”, and \
             every party is dated today, {today}, as the table has no dates."
        ),
    );
    let statements: usize = parties.iter().map(|(_, file)| file.statements.len()).sum();
    let imported = Imported {
        agenda: Agenda {
            format: FORMAT_VERSION,
            name: fallback_name.to_owned(),
            description,
            issues: issues.into_iter().map(|issue| issue.agenda).collect(),
            rounds: Vec::new(),
        },
        parties,
        notes,
    };
    let mut imported = validated(imported, &places)?;
    // A table of numbers has no quotes: one note for all, not a warning a statement.
    fold_missing_sources(
        &mut imported,
        &format!(
            "None of the {statements} statements has a source: DECIDE tables hold no quotes. \
             Every one is marked estimated, a demand at the table's position with no range of \
             what the party could accept, and flexible, as the exchange model lets every actor \
             move; `common-ground check` lists each until a quote is added."
        ),
    );
    Ok(imported)
}

/// An issue as imported: its agenda entry and the bounds of its DECIDE scale.
struct Issue {
    key: String,
    agenda: AgendaIssue,
    low: f64,
    high: f64,
}

impl Issue {
    /// A position on the DECIDE scale, on Common Ground's 0–100.
    #[expect(
        clippy::float_cmp_const,
        reason = "bounds read from the table are exactly 0 and 100 or not; then nothing moves"
    )]
    fn scaled(&self, position: f64) -> f64 {
        if self.low == SCALE_MIN && self.high == SCALE_MAX {
            return position;
        }
        SCALE_MIN + (position - self.low) * (SCALE_MAX - SCALE_MIN) / (self.high - self.low)
    }
}

fn second_key(named: &Named, all: &[Named], what: &str) -> Option<CellError> {
    let first = all.iter().find(|other| other.key.text == named.key.text)?;
    (!std::ptr::eq(first, named)).then(|| {
        CellError::new(
            named.key.place.clone(),
            format!(
                "a second {what} with the key “{}” (the first is on line {})",
                named.key.text, first.place.row
            ),
        )
    })
}

fn issues(
    records: &Records,
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) -> Vec<Issue> {
    let keys: HashSet<&str> = records.issues.iter().map(|i| i.key.text.as_str()).collect();
    for point in records
        .points
        .iter()
        .filter(|p| !keys.contains(p.issue.text.as_str()))
    {
        errors.push(CellError::new(
            point.issue.place.clone(),
            format!("no #P issue has the key “{}”", point.issue.text),
        ));
    }
    let mut taken = HashSet::new();
    let mut issues = Vec::new();
    for named in &records.issues {
        if let Some(error) = second_key(named, &records.issues, "issue") {
            errors.push(error);
            continue;
        }
        let points: Vec<&Point> = records
            .points
            .iter()
            .filter(|point| point.issue.text == named.key.text)
            .collect();
        let (low, high) = match points.as_slice() {
            [] => (SCALE_MIN, SCALE_MAX),
            [only] => {
                errors.push(CellError::new(
                    only.at_place.clone(),
                    format!(
                        "issue “{}” has one #M point; its scale needs two, its lowest and its \
                         highest, or none for 0 to 100",
                        named.key.text
                    ),
                ));
                continue;
            }
            _ => points
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                    (lo.min(p.at), hi.max(p.at))
                }),
        };
        if low >= high {
            if let Some(point) = points.first() {
                errors.push(CellError::new(
                    point.at_place.clone(),
                    format!("the #M points of issue “{}” are all {low}", named.key.text),
                ));
            }
            continue;
        }
        let id = unique(&named.key.text, "issue", &mut taken);
        let mut issue = Issue {
            key: named.key.text.clone(),
            agenda: AgendaIssue {
                title: if named.name.is_empty() {
                    named.key.text.clone()
                } else {
                    named.name.clone()
                },
                id,
                category: String::new(),
                description: named.comment.clone(),
                scale: Vec::new(),
                no_stake: Vec::new(),
                notes: format!("DECIDE key “{}”, scale {low} to {high}.", named.key.text),
            },
            low,
            high,
        };
        if points.is_empty() {
            notes.push(format!(
                "Issue “{}” has no #M points; as DECIDE does, its scale runs from 0 to 100, \
                 with both ends still to be named.",
                named.key.text
            ));
        } else if (low, high) != (SCALE_MIN, SCALE_MAX) {
            notes.push(format!(
                "Issue “{}” runs from {low} to {high} in the table; its positions are drawn on \
                 Common Ground's scale of 0 to 100 (position − {low}) × 100 / {}.",
                named.key.text,
                high - low
            ));
        }
        issue.agenda.scale = scale(&issue, &points);
        places.issues.push(RowsOf {
            columns: HashMap::from([("issue", named.key.place.clone())]),
            first: named.place.clone(),
            anchors: points.iter().map(|point| point.at_place.clone()).collect(),
            sources: Vec::new(),
            conditions: Vec::new(),
        });
        issues.push(issue);
    }
    issues
}

/// The issue's anchors: its `#M` points in order, a point without a description named as
/// such; both ends, unnamed, when it has none.
fn scale(issue: &Issue, points: &[&Point]) -> Vec<Anchor> {
    if points.is_empty() {
        return crate::import::open_scale();
    }
    let mut anchors: Vec<Anchor> = points
        .iter()
        .map(|point| {
            let meaning = if !point.description.is_empty() {
                point.description.clone()
            } else if point.at == issue.low {
                "The lowest point (not named in the table)".to_owned()
            } else if point.at == issue.high {
                "The highest point (not named in the table)".to_owned()
            } else {
                format!("Position {} (not named in the table)", point.at)
            };
            Anchor {
                at: tidy(issue.scaled(point.at)),
                meaning,
            }
        })
        .collect();
    anchors.sort_by(|a, b| a.at.total_cmp(&b.at));
    anchors
}

fn parties(
    records: &Records,
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
    today: &str,
) -> Vec<(String, PartyFile)> {
    let mut taken = HashSet::new();
    let mut parties = Vec::new();
    for named in &records.actors {
        if let Some(error) = second_key(named, &records.actors, "actor") {
            errors.push(error);
            continue;
        }
        let key = named.key.text.clone();
        let powers: Vec<&Datum> = records
            .data
            .iter()
            .filter(|datum| datum.actor.text == key && datum.power.value.is_some())
            .collect();
        let values: Vec<f64> = powers.iter().filter_map(|d| d.power.value).collect();
        let capability = match values.as_slice() {
            [] => None,
            [first, rest @ ..] if rest.iter().all(|value| value == first) => Some(*first),
            _ => {
                #[expect(
                    clippy::cast_precision_loss,
                    reason = "a count of records, far below 2^52"
                )]
                let mean = tidy(values.iter().sum::<f64>() / values.len() as f64);
                notes.push(format!(
                    "Actor “{key}” has a different power on different issues; its capability \
                     is their mean, {mean}, and each record's own power is in its statement's \
                     notes."
                ));
                Some(mean)
            }
        };
        let id = unique(&key, "party", &mut taken);
        let mut columns = HashMap::from([("party", named.key.place.clone())]);
        if let Some(first) = powers.first() {
            columns.insert("capability", first.power.place.clone());
        }
        places.parties.push((
            Some(RowsOf {
                columns,
                first: named.place.clone(),
                anchors: Vec::new(),
                sources: Vec::new(),
                conditions: Vec::new(),
            }),
            Vec::new(),
        ));
        parties.push((
            format!("{id}.ron"),
            PartyFile {
                format: FORMAT_VERSION,
                party: Party {
                    members: Vec::new(),
                    name: if named.name.is_empty() {
                        key.clone()
                    } else {
                        named.name.clone()
                    },
                    short_name: key,
                    colour: palette_colour(parties.len()).to_owned(),
                    id,
                    capability,
                    notes: named.comment.clone(),
                },
                as_of: today.to_owned(),
                summary: String::new(),
                statements: Vec::new(),
            },
        ));
    }
    parties
}

/// Each `#D` record as a statement of its actor, checked against the table's own bounds.
fn positions(
    records: &Records,
    issues: &[Issue],
    parties: &mut [(String, PartyFile)],
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) {
    let file = records_file(records);
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for datum in &records.data {
        let Some(party) = parties
            .iter()
            .position(|(_, file)| file.party.short_name == datum.actor.text)
        else {
            errors.push(CellError::new(
                datum.actor.place.clone(),
                format!("no #A actor has the key “{}”", datum.actor.text),
            ));
            continue;
        };
        let Some(issue) = issues.iter().find(|issue| issue.key == datum.issue.text) else {
            if !records
                .issues
                .iter()
                .any(|i| i.key.text == datum.issue.text)
            {
                errors.push(CellError::new(
                    datum.issue.place.clone(),
                    format!("no #P issue has the key “{}”", datum.issue.text),
                ));
            }
            continue;
        };
        let first = *seen
            .entry((&datum.actor.text, &datum.issue.text))
            .or_insert(datum.place.row);
        if first != datum.place.row {
            let line = first;
            errors.push(CellError::new(
                datum.place.clone(),
                format!(
                    "a second position of “{}” on “{}” (the first is on line {line})",
                    datum.actor.text, datum.issue.text
                ),
            ));
            continue;
        }
        check(datum, issue, errors);
        let (None, None, None) = (
            datum.position.value,
            datum.salience.value,
            datum.power.value,
        ) else {
            let statement = statement(datum, issue, &file, notes);
            if let (Some((_, party_file)), Some((_, rows))) =
                (parties.get_mut(party), places.parties.get_mut(party))
            {
                party_file.statements.push(statement);
                rows.push(RowsOf {
                    columns: HashMap::from([
                        ("party", datum.actor.place.clone()),
                        ("issue", datum.issue.place.clone()),
                        ("stance", datum.position.place.clone()),
                        ("salience", datum.salience.place.clone()),
                    ]),
                    first: datum.place.clone(),
                    anchors: Vec::new(),
                    sources: Vec::new(),
                    conditions: Vec::new(),
                });
            }
            continue;
        };
        notes.push(format!(
            "{}: not imported: the #D record of “{}” on “{}” holds no position, salience or \
             power",
            datum.place, datum.actor.text, datum.issue.text
        ));
    }
}

fn records_file(records: &Records) -> String {
    records
        .actors
        .first()
        .map(|actor| &actor.place.file)
        .or(records.data.first().map(|datum| &datum.place.file))
        .and_then(|file| file.file_name())
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

/// The table's own bounds: the position on the issue's scale, salience and power within 0–1.
fn check(datum: &Datum, issue: &Issue, errors: &mut Vec<CellError>) {
    if let Some(position) = datum.position.value
        && !(issue.low..=issue.high).contains(&position)
    {
        errors.push(CellError::new(
            datum.position.place.clone(),
            format!(
                "position {position} is outside the scale of “{}”, {} to {}",
                issue.key, issue.low, issue.high
            ),
        ));
    }
    for (number, name) in [(&datum.salience, "salience"), (&datum.power, "power")] {
        if let Some(value) = number.value
            && !(0.0..=1.0).contains(&value)
        {
            errors.push(CellError::new(
                number.place.clone(),
                format!("the {name} {value} is outside 0–1"),
            ));
        }
    }
}

fn statement(datum: &Datum, issue: &Issue, file: &str, notes: &mut Vec<String>) -> Statement {
    let in_words = |number: &read::Number| {
        number
            .value
            .map_or_else(|| "empty".to_owned(), |value| value.to_string())
    };
    let salience = datum.salience.value.map_or_else(
        || {
            notes.push(format!(
                "{}: the salience of “{}” on “{}” is empty; it is set to 50, the middle, an \
                 estimate of nobody's",
                datum.salience.place, datum.actor.text, issue.key
            ));
            50.0
        },
        |salience| tidy(salience * 100.0),
    );
    Statement {
        id: issue.agenda.id.clone(),
        issue: issue.agenda.id.clone(),
        kind: Kind::Demand,
        summary: datum.position.value.map_or_else(
            || format!("No position on {} in the DECIDE table", issue.agenda.title),
            |position| format!("Position {position} on {}", issue.agenda.title),
        ),
        stance: datum
            .position
            .value
            .map(|position| tidy(issue.scaled(position))),
        range: None,
        salience,
        firmness: Firmness::Flexible,
        estimated: true,
        conditions: Vec::new(),
        sources: Vec::new(),
        notes: format!(
            "From the DECIDE table {file}, line {}: position {}, salience {}, power {}.",
            datum.place.row,
            in_words(&datum.position),
            in_words(&datum.salience),
            in_words(&datum.power)
        ),
        from: None,
        until: None,
    }
}
