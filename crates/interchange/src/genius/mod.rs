//! GENIUS scenarios (XML) and GeniusWeb scenarios (JSON), the research tools' negotiations: a
//! domain of issues and their values, and one profile per party giving each issue a weight and
//! each value a utility, with a reservation value below which the party prefers no deal.
//!
//! Both are read into one [`Scenario`] (`xml.rs`, `json.rs`) and mapped the same way
//! (`map.rs`): issues become agenda issues whose values are scale anchors, weights become
//! salience, the best value a demand, and the reservation value each issue's acceptable range.
//! Everything derived is marked estimated, and what could not be mapped is listed in the notes.

mod demand;
mod json;
mod map;
mod xml;

use std::path::{Path, PathBuf};

use crate::Imported;
use crate::csv_files::read_table_file;
use crate::error::{CellError, Error};
use crate::sheet::Place;

/// The two formats of the GENIUS family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioFormat {
    /// GENIUS: XML domain and profiles.
    Genius,
    /// GeniusWeb: JSON domain and profiles.
    GeniusWeb,
}

/// A domain and its profiles, as either format gives them.
pub(crate) struct Scenario {
    pub name: String,
    /// "GENIUS" or "GeniusWeb", for messages.
    pub format: &'static str,
    pub domain_file: PathBuf,
    pub issues: Vec<DomainIssue>,
    pub profiles: Vec<Profile>,
}

pub(crate) struct DomainIssue {
    pub name: String,
    pub place: Place,
    pub values: Values,
}

pub(crate) enum Values {
    /// The values in the domain's order.
    Discrete(Vec<String>),
    /// A number between two bounds (GENIUS's integer issue, GeniusWeb's number range).
    Number { low: f64, high: f64 },
}

pub(crate) struct Profile {
    pub name: String,
    pub file: PathBuf,
    pub place: Place,
    /// Per issue: the weight and where it is written.
    pub weights: Vec<(String, f64, Place)>,
    /// Per issue: where its utilities are written, and what they are.
    pub utilities: Vec<(String, Place, Utility)>,
    pub reservation: Reservation,
    pub discount: Option<f64>,
}

pub(crate) enum Utility {
    /// Each value's utility (0–1) and where it is written.
    Discrete(Vec<(String, f64, Place)>),
    /// Linear from `low_utility` at `low` to `high_utility` at `high`, held to 0–1.
    Linear {
        low: f64,
        low_utility: f64,
        high: f64,
        high_utility: f64,
    },
}

pub(crate) enum Reservation {
    None,
    /// GENIUS: the utility below which no deal is better.
    Value(f64),
    /// GeniusWeb: the package no deal is worth; its utility is the reservation value.
    Bid(Vec<(String, BidValue)>, Place),
}

pub(crate) enum BidValue {
    Text(String),
    Number(f64),
}

/// Offsets in a file's text as places: line and column, both from 1.
pub(crate) struct Lines<'a> {
    path: &'a Path,
    text: &'a str,
    /// The offset of each line's first byte.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(path: &'a Path, text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Lines { path, text, starts }
    }

    pub(crate) fn place(&self, offset: usize) -> Place {
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(1, |before| before.chars().count() + 1);
        Place {
            file: self.path.to_owned(),
            sheet: None,
            row: line.max(1),
            column,
        }
    }

    /// Where `"key":` is written at or after `from`; `from` when it is not found as written
    /// (a key with escapes in it, say).
    pub(crate) fn offset_of(&self, from: usize, key: &str) -> usize {
        let quoted = format!("\"{key}\"");
        let mut at = from;
        while let Some(found) = self.text.get(at..).and_then(|rest| rest.find(&quoted)) {
            let end = at + found + quoted.len();
            let is_key = self
                .text
                .get(end..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'));
            if is_key {
                return at + found;
            }
            at = end;
        }
        from
    }

    pub(crate) fn key(&self, from: usize, key: &str) -> Place {
        self.place(self.offset_of(from, key))
    }
}

/// The files of `paths`, folders opened (their files with `extension`, in name order).
fn files(paths: &[PathBuf], extension: &str) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(crate::files_in(path, &[extension])?);
        } else {
            files.push(path.clone());
        }
    }
    files.dedup();
    Ok(files)
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|found| found.to_string_lossy().eq_ignore_ascii_case(extension))
}

/// Which of the two formats `paths` hold, by their names: `.xml` files (or folders of them)
/// are GENIUS, `.json` GeniusWeb; `None` when neither.
pub fn scenario_format(paths: &[PathBuf]) -> Option<ScenarioFormat> {
    let holds = |extension: &str| {
        paths.iter().all(|path| {
            if path.is_dir() {
                std::fs::read_dir(path).is_ok_and(|mut entries| {
                    entries.any(|entry| entry.is_ok_and(|e| has_extension(&e.path(), extension)))
                })
            } else {
                has_extension(path, extension)
            }
        })
    };
    if paths.is_empty() {
        None
    } else if holds("xml") {
        Some(ScenarioFormat::Genius)
    } else if holds("json") {
        Some(ScenarioFormat::GeniusWeb)
    } else {
        None
    }
}

fn text_of(path: &Path) -> Result<String, Error> {
    let bytes = read_table_file(path)?;
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        Error::Unreadable {
            path: path.to_owned(),
            message: format!("byte {at} is not UTF-8 text"),
        }
    })
}

fn no_profile(domain: &Path, format: &str, extension: &str) -> Error {
    Error::Unreadable {
        path: domain.to_owned(),
        message: format!(
            "no profile: a {format} scenario is its domain and one profile per party; give the \
             profiles' .{extension} files too, or the folder that holds them all"
        ),
    }
}

/// Makes a negotiation of a GENIUS scenario: its domain file and one profile per party, given
/// as files or as a folder holding them. `today` dates the parties (the files have no dates).
pub fn import_genius(paths: &[PathBuf], today: &str) -> Result<Imported, Error> {
    let mut domain = None;
    let mut profiles = Vec::new();
    let mut skipped = Vec::new();
    for path in files(paths, "xml")? {
        let root = xml::parse(&path, &text_of(&path)?)?;
        match xml::role(&root) {
            xml::Role::Domain if domain.is_none() => domain = Some((path, root)),
            xml::Role::Domain => {
                return Err(Error::Unreadable {
                    path,
                    message: "a second domain file: a scenario has one".to_owned(),
                });
            }
            xml::Role::Profile => profiles.push((path, root)),
            xml::Role::Neither => skipped.push(path),
        }
    }
    let Some((domain_path, domain_root)) = domain else {
        let path = profiles
            .first()
            .map(|(path, _)| path.clone())
            .or_else(|| skipped.first().cloned())
            .unwrap_or_default();
        return Err(Error::Unreadable {
            path,
            message: "no domain file (<negotiation_template>, or a <utility_space> without \
                      weights): give it with the profiles"
                .to_owned(),
        });
    };
    if profiles.is_empty() {
        return Err(no_profile(&domain_path, "GENIUS", "xml"));
    }
    let mut errors = Vec::new();
    let scenario = xml::scenario((&domain_path, &domain_root), &profiles, &mut errors);
    finish(&scenario, errors, &skipped, today)
}

/// Makes a negotiation of a GeniusWeb scenario: its domain file (optional: each profile holds
/// its domain too) and one profile per party, as files or a folder.
pub fn import_geniusweb(paths: &[PathBuf], today: &str) -> Result<Imported, Error> {
    let mut domain = None;
    let mut profiles = Vec::new();
    let mut skipped = Vec::new();
    for path in files(paths, "json")? {
        let file = json::parse(&path, text_of(&path)?)?;
        match json::role(&file) {
            json::Role::Domain if domain.is_none() => domain = Some(file),
            json::Role::Domain => {
                return Err(Error::Unreadable {
                    path,
                    message: "a second domain file: a scenario has one".to_owned(),
                });
            }
            json::Role::Profile => profiles.push(file),
            json::Role::Neither => skipped.push(path),
        }
    }
    if profiles.is_empty() {
        let path = domain
            .as_ref()
            .map(|file| file.path.clone())
            .or_else(|| skipped.first().cloned())
            .unwrap_or_default();
        return Err(no_profile(&path, "GeniusWeb", "json"));
    }
    let mut errors = Vec::new();
    let scenario = json::scenario(domain.as_ref(), &profiles, &mut errors);
    match scenario {
        Some(scenario) => finish(&scenario, errors, &skipped, today),
        None if !errors.is_empty() => Err(Error::Cells(errors)),
        None => Err(Error::Unreadable {
            path: profiles
                .first()
                .map(|file| file.path.clone())
                .unwrap_or_default(),
            message: "no domain: give the domain file, or profiles that hold theirs".to_owned(),
        }),
    }
}

fn finish(
    scenario: &Scenario,
    mut errors: Vec<CellError>,
    skipped: &[PathBuf],
    today: &str,
) -> Result<Imported, Error> {
    map::check(scenario, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    let mut imported = map::imported(scenario, today)?;
    for path in skipped {
        imported.notes.push(format!(
            "{}: not imported: it is neither a {} domain nor a profile",
            path.display(),
            scenario.format
        ));
    }
    Ok(imported)
}
