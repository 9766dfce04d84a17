//! Loading a negotiation from files and folders, and saving it back safely.
//!
//! Loading never fails as a whole: every file that can be read is kept, and everything that is
//! wrong is reported as a [`Problem`] naming the file, line and column.

mod parse;
mod read;
mod save;
mod scan;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::model::{Agenda, FORMAT_VERSION, PartyFile};
use crate::negotiation::{LeftOut, Loaded, Negotiation};
use crate::problem::{FieldPath, FollowsFrom, Position, Problem, sort_problems};
use crate::validate::validate;

pub use parse::{ParseFailure, Parsed, parse_ron};
use read::read_text;
pub use save::{
    Loss, SaveError, SaveMode, save_agenda, save_party, to_canonical_ron, write_atomically,
};
pub use scan::has_comments;

/// The agenda's file name inside a negotiation folder; every other `.ron` file is a party.
pub const AGENDA_FILE_NAME: &str = "agenda.ron";

/// What [`load`] found: the files that loaded and every problem, sorted by file and line.
#[derive(Debug, Clone, Default)]
pub struct LoadOutcome {
    pub negotiation: Negotiation,
    pub problems: Vec<Problem>,
    /// Every file that was tried, loaded or not, so it can be reloaded.
    pub files: Vec<PathBuf>,
}

impl LoadOutcome {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// The files a set of command-line or dialog paths stands for.
#[derive(Debug, Default)]
struct FileSet {
    agendas: Vec<PathBuf>,
    parties: Vec<PathBuf>,
}

/// Loads folders (an agenda and every party file in them) and single files. Without an agenda
/// among the paths, the `agenda.ron` beside the first party file is used when there is one.
pub fn load(paths: &[PathBuf]) -> LoadOutcome {
    let mut problems = Vec::new();
    let mut files = collect_files(paths, &mut problems);
    if files.agendas.is_empty() {
        let beside_first_party = files
            .parties
            .first()
            .map(|party| party.with_file_name(AGENDA_FILE_NAME))
            .filter(|agenda| agenda.is_file());
        files.agendas.extend(beside_first_party);
    }

    let agendas: Vec<FileLoad<Agenda>> = files.agendas.iter().map(|path| load_file(path)).collect();
    let parties = load_all(&files.parties);
    assemble(
        agendas,
        parties,
        problems,
        files.agendas.into_iter().chain(files.parties).collect(),
    )
}

/// Loads a negotiation from texts held in memory, such as the example built into the app.
/// Each file is named by the path it is shown under; nothing is read from disk.
pub fn load_texts(files: &[(PathBuf, &str)]) -> LoadOutcome {
    let (agendas, parties): (Vec<_>, Vec<_>) =
        files.iter().partition(|(path, _)| is_agenda_path(path));
    assemble(
        agendas
            .iter()
            .map(|(path, text)| parse_file(path, text.to_string()))
            .collect(),
        parties
            .iter()
            .map(|(path, text)| parse_file(path, text.to_string()))
            .collect(),
        Vec::new(),
        files.iter().map(|(path, _)| path.clone()).collect(),
    )
}

/// Puts the loaded files together: the first agenda and every party, then validates them.
fn assemble(
    agendas: Vec<FileLoad<Agenda>>,
    parties: Vec<FileLoad<PartyFile>>,
    mut problems: Vec<Problem>,
    files: Vec<PathBuf>,
) -> LoadOutcome {
    let agenda_given = !agendas.is_empty();
    let mut texts = HashMap::new();
    let mut negotiation = Negotiation::default();
    let mut agendas = agendas.into_iter();
    if let Some(first) = agendas.next() {
        let first_path = first.path.clone();
        negotiation.agenda = first.keep(&mut texts, &mut problems);
        for extra in agendas {
            problems.push(Problem::error(
                &extra.path,
                format!(
                    "more than one agenda was given; only {} is used",
                    first_path.display()
                ),
            ));
        }
    }
    for party in parties {
        negotiation
            .parties
            .extend(party.keep(&mut texts, &mut problems));
    }
    if negotiation.agenda.is_none()
        && let Some(first) = negotiation.parties.first()
    {
        let why = if agenda_given {
            "the agenda did not load".to_owned()
        } else {
            format!("no {AGENDA_FILE_NAME} beside the party files")
        };
        let warning = Problem::warning(
            &first.path,
            format!("{why}: issues are shown by their ids and cannot be checked against an agenda"),
        );
        problems.push(warning.following_from(FollowsFrom::MissingAgenda));
    }

    let mut checked = validate(&negotiation);
    locate(&mut checked, &texts);
    problems.append(&mut checked);
    sort_problems(&mut problems);
    negotiation.left_out = left_out(&files, &negotiation, &problems);
    LoadOutcome {
        negotiation,
        problems,
        files,
    }
}

/// The files among `files` that did not load, each with its first error.
pub fn left_out(
    files: &[PathBuf],
    negotiation: &Negotiation,
    problems: &[Problem],
) -> Vec<LeftOut> {
    let loaded = |path: &Path| {
        negotiation
            .agenda
            .as_ref()
            .is_some_and(|agenda| agenda.path == path)
            || negotiation.parties.iter().any(|party| party.path == path)
    };
    files
        .iter()
        .filter(|path| !loaded(path))
        .map(|path| {
            let reason = problems
                .iter()
                .find(|problem| problem.is_error() && problem.file == *path)
                .map_or_else(
                    || "it could not be read".to_owned(),
                    |problem| match problem.position {
                        Some(Position { line, col }) => {
                            format!("{line}:{col}: {}", problem.message)
                        }
                        None => problem.message.clone(),
                    },
                );
            LeftOut {
                path: path.clone(),
                reason,
            }
        })
        .collect()
}

fn collect_files(paths: &[PathBuf], problems: &mut Vec<Problem>) -> FileSet {
    let mut files = FileSet::default();
    // A file named twice, say as `data/us.ron` and inside `data/`, is loaded once.
    let mut seen = HashSet::new();
    let mut add = |path: PathBuf, files: &mut FileSet| {
        if !seen.insert(std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())) {
            return;
        }
        if is_agenda_path(&path) {
            files.agendas.push(path);
        } else {
            files.parties.push(path);
        }
    };
    for path in paths {
        if path.is_dir() {
            match ron_files_in(path) {
                Ok(found) if found.is_empty() => problems.push(Problem::error(
                    path,
                    "this folder has no .ron files to open",
                )),
                Ok(found) => found.into_iter().for_each(|file| add(file, &mut files)),
                Err(error) => problems.push(Problem::error(
                    path,
                    format!("the folder could not be read: {error}"),
                )),
            }
        } else {
            add(path.clone(), &mut files);
        }
    }
    files
}

/// The files that `paths` name: the paths that are files, and the `.ron` files inside those
/// that are folders. Nothing is added beside them.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut problems = Vec::new();
    let files = collect_files(paths, &mut problems);
    (
        files.agendas.into_iter().chain(files.parties).collect(),
        problems,
    )
}

/// What rewriting one file in canonical form would do, for `fmt`.
#[derive(Debug)]
pub struct Reformat {
    /// The canonical text, or `None` when the file on disk already is it, byte for byte.
    pub canonical: Option<String>,
    /// What the rewrite would drop that the file holds now.
    pub losses: Vec<Loss>,
}

/// Reads and parses `path` once, as an agenda or a party file by its name, and works out its
/// canonical form. `Err` when it cannot be read or parsed, or comes from a newer version.
pub fn plan_reformat(path: &Path) -> Result<Reformat, Problem> {
    fn plan<T: DeserializeOwned + Versioned + serde::Serialize>(
        path: &Path,
    ) -> Result<Reformat, Problem> {
        let FileLoad {
            path: _,
            loaded,
            text,
            problems,
            unknown_fields,
        } = load_file::<T>(path);
        let (Some(loaded), Some(text)) = (loaded, text) else {
            return Err(problems
                .into_iter()
                .find(Problem::is_error)
                .unwrap_or_else(|| Problem::error(path, "the file could not be read")));
        };
        let canonical = to_canonical_ron(&loaded.data)
            .map_err(|error| Problem::error(path, error.to_string()))?;
        let mut losses = Vec::new();
        if has_comments(&text) {
            losses.push(Loss::Comments);
        }
        if !unknown_fields.is_empty() {
            losses.push(Loss::UnknownFields(
                unknown_fields.iter().map(ToString::to_string).collect(),
            ));
        }
        // The text was read without its byte-order mark, which canonical files do not have.
        let unchanged = text == canonical && !starts_with_byte_order_mark(path);
        Ok(Reformat {
            canonical: (!unchanged).then_some(canonical),
            losses,
        })
    }
    if is_agenda_path(path) {
        plan::<Agenda>(path)
    } else {
        plan::<PartyFile>(path)
    }
}

fn starts_with_byte_order_mark(path: &Path) -> bool {
    let mut start = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut start))
        .is_ok_and(|()| start == *b"\xEF\xBB\xBF")
}

fn is_agenda_path(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name == AGENDA_FILE_NAME)
}

/// The `.ron` entries of a folder, sorted so parties always load in the same order. Entries
/// that are folders are kept, so that loading them reports "this is a folder".
fn ron_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// One file's outcome: its data if it loaded, its text (kept to locate validation problems),
/// and its own problems.
struct FileLoad<T> {
    path: PathBuf,
    loaded: Option<Loaded<T>>,
    text: Option<String>,
    problems: Vec<Problem>,
    /// Fields the model does not know, which a save would drop.
    unknown_fields: Vec<FieldPath>,
}

impl<T> FileLoad<T> {
    fn failed(problem: Problem) -> Self {
        FileLoad {
            path: problem.file.clone(),
            loaded: None,
            text: None,
            problems: vec![problem],
            unknown_fields: Vec::new(),
        }
    }

    /// Moves the text and problems into the whole load's, and returns the data.
    fn keep(
        self,
        texts: &mut HashMap<PathBuf, String>,
        problems: &mut Vec<Problem>,
    ) -> Option<Loaded<T>> {
        problems.extend(self.problems);
        if let (Some(loaded), Some(text)) = (&self.loaded, self.text) {
            texts.insert(loaded.path.clone(), text);
        }
        self.loaded
    }
}

/// Loads files on all cores, keeping their order: parsing dominates loading, and files are
/// independent until validation.
fn load_all<T: DeserializeOwned + Versioned + Send>(paths: &[PathBuf]) -> Vec<FileLoad<T>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len());
    if workers <= 1 {
        return paths.iter().map(|path| load_file(path)).collect();
    }
    let per_worker = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(per_worker)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().map(|path| load_file(path)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Reads and parses one file. Unknown fields are warned about; a file from a newer version of
/// the app is refused whole.
fn load_file<T: DeserializeOwned + Versioned>(path: &Path) -> FileLoad<T> {
    match read_text(path) {
        Ok(text) => parse_file(path, text),
        Err(error) => {
            let mut problem = Problem::error(path, error.to_string());
            problem.position = error.position();
            FileLoad::failed(problem)
        }
    }
}

/// Parses one file's text; `path` names it in problems.
fn parse_file<T: DeserializeOwned + Versioned>(path: &Path, text: String) -> FileLoad<T> {
    let mut parsed = match parse_ron::<T>(&text) {
        Ok(parsed) => parsed,
        Err(failure) => {
            return FileLoad::failed(match scan::probe_format_field(&text) {
                Some(scan::FormatField::Version(version))
                    if version > u64::from(FORMAT_VERSION) =>
                {
                    Problem::error(path, newer_format_message(version))
                }
                Some(scan::FormatField::NotAWholeNumber(offset)) => Problem::error(
                    path,
                    format!(
                        "`format` must be a whole number, the version of the file format; this \
                         version of the app writes `format: {FORMAT_VERSION}`"
                    ),
                )
                .at_position(Position::at_offset(&text, offset)),
                _ => Problem::error(path, failure.message).at_position(failure.position),
            });
        }
    };
    let version = parsed.value.format_version();
    if version > FORMAT_VERSION {
        return FileLoad::failed(Problem::error(
            path,
            newer_format_message(u64::from(version)),
        ));
    }
    if version == 0 {
        let at = FieldPath::root().field("format");
        let mut problem = Problem::error(
            path,
            format!(
                "`format: 0` is not a format version; this version of the app writes format \
                 {FORMAT_VERSION}"
            ),
        );
        problem.position = scan::Locations::of(&text).position(&text, &at);
        return FileLoad::failed(problem.at_path(at));
    }
    // Every older format means the same in this one: lifting the number in memory is the whole
    // migration, and it makes any save, and `fmt`, write the newest format.
    parsed.value.lift_format();
    parsed.value.shrink_to_fit();
    let mut problems = Vec::new();
    if !parsed.unknown_fields.is_empty() {
        let locations = scan::Locations::of(&text);
        for field in &parsed.unknown_fields {
            let mut problem = Problem::warning(
                path,
                format!(
                    "unknown field `{}` is ignored, and would be dropped if the app saved this \
                     file",
                    parse::last_field(field)
                ),
            );
            problem.position = locations.position(&text, field);
            problems.push(problem.at_path(field.clone()));
        }
    }
    FileLoad {
        path: path.to_owned(),
        loaded: Some(Loaded {
            path: path.to_owned(),
            data: parsed.value,
        }),
        text: Some(text),
        problems,
        unknown_fields: parsed.unknown_fields,
    }
}

fn newer_format_message(version: u64) -> String {
    format!(
        "this file uses format {version}, written by a newer version of Common Ground; this \
         version reads format {FORMAT_VERSION} and will not open it half-read. Update the app."
    )
}

/// Files that carry a `format` number.
trait Versioned {
    fn format_version(&self) -> u32;
    /// Migrates a file of an older format this build reads to [`FORMAT_VERSION`].
    fn lift_format(&mut self);
    /// Gives back what parsing reserved and did not use: a list grows by doubling while it is
    /// read, so a statement's one source would keep room for four, which on large files is
    /// most of what the data takes in memory.
    fn shrink_to_fit(&mut self) {}
}

impl Versioned for Agenda {
    fn format_version(&self) -> u32 {
        self.format
    }
    fn lift_format(&mut self) {
        self.format = FORMAT_VERSION;
    }
}

impl Versioned for PartyFile {
    fn format_version(&self) -> u32 {
        self.format
    }
    fn lift_format(&mut self) {
        self.format = FORMAT_VERSION;
    }
    fn shrink_to_fit(&mut self) {
        self.statements.shrink_to_fit();
        for statement in &mut self.statements {
            statement.conditions.shrink_to_fit();
            statement.sources.shrink_to_fit();
        }
    }
}

/// Gives validation problems the line and column of the field they point at.
fn locate(problems: &mut [Problem], texts: &HashMap<PathBuf, String>) {
    let mut locations: HashMap<&Path, scan::Locations> = HashMap::new();
    for problem in problems.iter_mut() {
        let (Some(path), Some((file, text))) = (&problem.path, texts.get_key_value(&problem.file))
        else {
            continue;
        };
        let file_locations = locations
            .entry(file.as_path())
            .or_insert_with(|| scan::Locations::of(text));
        problem.position = file_locations.position(text, path);
    }
}
