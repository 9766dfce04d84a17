//! The negotiation that is open, with what the views need worked out once per change: issue
//! groups, statements by issue, search text, problems by statement, and which files are unsaved.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use common_ground_core::edit::FileData;
use common_ground_core::example::{load_example, load_rounds_example};
use common_ground_core::io::{LoadOutcome, load};
use common_ground_core::model::{Agenda, AgendaIssue, PartyFile, Statement};
use common_ground_core::negotiation::{FileId, LeftOut, Negotiation, StatementKey};
use common_ground_core::problem::{PathSegment, Position, Problem, sort_problems};
use common_ground_core::validate::{Checked, validate};

use crate::origin::Origin;
use crate::problem_rows::rows_in_order;

/// An agenda issue, or an issue id that statements use but the agenda lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueGroup {
    pub id: String,
    pub title: String,
    pub category: String,
    /// Index into the agenda's issues; `None` for ids not on the agenda.
    pub agenda_index: Option<usize>,
}

/// Whether the issue groups and the statements by issue are worked out again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regroup {
    Yes,
    /// Only a statement's details changed, not which issue it is on.
    No,
}

/// The open negotiation.
#[derive(Debug)]
pub struct Workspace {
    pub origin: Origin,
    pub negotiation: Negotiation,
    /// Every problem: those found while loading that edits cannot change (a file that did not
    /// parse, say), then what validating the data as it is now finds.
    pub problems: Vec<Problem>,
    pub files: Vec<PathBuf>,
    /// Agenda issues in agenda order, then issue ids found only in statements.
    pub issues: Vec<IssueGroup>,
    /// Each file's data as it is on disk, as last loaded or saved; a file whose data differs
    /// is unsaved. `None` for a file not on disk: a new party, or one another program removed.
    baseline_agenda: Option<Agenda>,
    baseline_parties: Vec<Option<PartyFile>>,
    /// Files another program removed from disk; they count as unsaved until written again
    /// or until they reappear.
    missing: BTreeSet<FileId>,
    /// Files another program rewrote while the user kept their own version: what is on disk
    /// is neither the baseline nor what is open, so they count as unsaved until written again,
    /// even when undo brings back the baseline.
    overwritten: BTreeSet<FileId>,
    /// The files whose data differs from the baseline.
    dirty: BTreeSet<FileId>,
    load_problems: Vec<Problem>,
    /// The files asked for that could not be read, as last tried. Those not loaded now (a
    /// recovered copy may stand in for one) are the negotiation's `left_out`.
    unreadable: Vec<LeftOut>,
    /// Where each problem found at load time sat in its file, so the same problem keeps its
    /// line and column while the file is unchanged.
    positions: HashMap<(PathBuf, String, String), Position>,
    /// What validation last found in each party file, so that an edit re-checks one file.
    checked: Checked,
    /// Per party, per statement: summary and quotes in lower case, for search.
    search_text: Vec<Vec<String>>,
    /// Per issue group, per party: the party's statements on that issue, in file order.
    by_issue: Vec<Vec<Vec<usize>>>,
    /// The problems inside each statement, as indices into `problems`.
    statement_problems: HashMap<StatementKey, Vec<usize>>,
    /// Each problem as the problems panel lists it, worked out once per change.
    pub problem_rows: Vec<ProblemRow>,
    error_count: usize,
    /// Worked out once: without an agenda it asks the file system for the folder's name.
    name: String,
}

mod left_out;

pub use crate::problem_rows::{ProblemRow, located_message};

impl Workspace {
    pub fn open(origin: Origin) -> Self {
        let outcome = match &origin {
            Origin::Example => load_example(),
            Origin::RoundsExample => load_rounds_example(),
            Origin::Paths(paths) => load(paths),
        };
        Self::from_outcome(origin, outcome)
    }

    pub fn from_outcome(origin: Origin, outcome: LoadOutcome) -> Self {
        let LoadOutcome {
            negotiation,
            problems,
            files,
        } = outcome;
        let mut workspace = Workspace {
            origin,
            baseline_agenda: negotiation.agenda.as_ref().map(|a| a.data.clone()),
            baseline_parties: negotiation
                .parties
                .iter()
                .map(|p| Some(p.data.clone()))
                .collect(),
            negotiation,
            missing: BTreeSet::new(),
            overwritten: BTreeSet::new(),
            problems: Vec::new(),
            files,
            issues: Vec::new(),
            dirty: BTreeSet::new(),
            load_problems: Vec::new(),
            unreadable: Vec::new(),
            positions: HashMap::new(),
            checked: Checked::default(),
            search_text: Vec::new(),
            by_issue: Vec::new(),
            statement_problems: HashMap::new(),
            problem_rows: Vec::new(),
            error_count: 0,
            name: String::new(),
        };
        workspace.unreadable = workspace.negotiation.left_out.clone();
        workspace.set_load_problems(problems);
        workspace.refresh();
        workspace
    }

    /// Splits what a load found into what validation will find again after each edit, and
    /// what only loading can find.
    fn set_load_problems(&mut self, problems: Vec<Problem>) {
        let revalidated = validate(&self.negotiation);
        self.positions.clear();
        self.load_problems.clear();
        for problem in problems {
            let again = revalidated.iter().any(|p| {
                p.file == problem.file && p.path == problem.path && p.message == problem.message
            });
            if again {
                if let Some(position) = problem.position {
                    self.positions.insert(problem_key(&problem), position);
                }
            } else {
                self.load_problems.push(problem);
            }
        }
    }

    /// Works out everything derived from the data again, after a load or an edit.
    pub fn refresh(&mut self) {
        self.search_text = self
            .negotiation
            .parties
            .iter()
            .map(|party| party.data.statements.iter().map(search_text).collect())
            .collect();
        self.dirty = self.changed_files();
        self.rederive(None, Regroup::Yes);
    }

    /// [`Self::refresh`] after a change to one file: only that file's search text and saved
    /// state are worked out again, which on large files is most of the time a keystroke takes.
    pub fn refresh_file(&mut self, file: FileId) {
        let same_parties = self.search_text.len() == self.negotiation.parties.len();
        match file {
            FileId::Party(index) if same_parties => {
                if let Some(party) = self.negotiation.parties.get(index) {
                    self.search_text[index] =
                        party.data.statements.iter().map(search_text).collect();
                }
            }
            FileId::Agenda => {}
            // A party added or taken away: everything moves.
            FileId::Party(_) => return self.refresh(),
        }
        self.note_saved_state(file);
        let edited = match file {
            FileId::Party(index) => Some(index),
            FileId::Agenda => None,
        };
        self.rederive(edited, Regroup::Yes);
    }

    /// [`Self::refresh_file`] after a change to the one statement at `key`, made in place:
    /// only its search text is worked out again, and while it stays on its issue the issue
    /// groups and the statements by issue stay as they are.
    pub fn refresh_statement(&mut self, key: StatementKey) {
        let file = FileId::Party(key.party);
        let Some(statement) = self.statement(key) else {
            return self.refresh_file(file);
        };
        let text = search_text(statement);
        let on_same_issue = self
            .issues
            .iter()
            .position(|group| group.id == statement.issue)
            .and_then(|group| self.by_issue.get(group)?.get(key.party))
            .is_some_and(|listed| listed.binary_search(&key.statement).is_ok());
        let slot = self
            .search_text
            .get_mut(key.party)
            .and_then(|texts| texts.get_mut(key.statement));
        match slot {
            Some(slot) if on_same_issue => *slot = text,
            _ => return self.refresh_file(file),
        }
        self.note_saved_state(file);
        self.rederive(Some(key.party), Regroup::No);
    }

    /// Whether `file` now differs from what is on disk.
    fn note_saved_state(&mut self, file: FileId) {
        if self.is_changed(file) {
            self.dirty.insert(file);
        } else {
            self.dirty.remove(&file);
        }
    }

    /// Issue groups, problems and names, from the data, the search text and the saved state;
    /// `edited` is the one party file changed since the last time, if only one was.
    fn rederive(&mut self, edited: Option<usize>, regroup: Regroup) {
        let loaded = |negotiation: &Negotiation, path: &Path| {
            negotiation
                .agenda
                .as_ref()
                .is_some_and(|agenda| agenda.path == path)
                || negotiation.parties.iter().any(|party| party.path == path)
        };
        self.negotiation.left_out = self
            .unreadable
            .iter()
            .filter(|file| !loaded(&self.negotiation, &file.path))
            .cloned()
            .collect();
        if regroup == Regroup::Yes {
            self.issues = issue_groups(&self.negotiation);
            self.by_issue = statements_by_issue(&self.negotiation, &self.issues);
        }
        // A file that could not be read but is open all the same (its edits were recovered)
        // no longer has the error that kept it out.
        let mut problems: Vec<Problem> = self
            .load_problems
            .iter()
            .filter(|problem| {
                !(self.unreadable.iter().any(|file| file.path == problem.file)
                    && loaded(&self.negotiation, &problem.file))
            })
            .cloned()
            .collect();
        for mut problem in self.checked.validate(&self.negotiation, edited) {
            let file_unchanged = self
                .file_of_path(&problem.file)
                .is_some_and(|file| !self.dirty.contains(&file));
            if file_unchanged {
                problem.position = self.positions.get(&problem_key(&problem)).copied();
            }
            problems.push(problem);
        }
        sort_problems(&mut problems);
        self.problems = problems;
        self.statement_problems.clear();
        for (index, problem) in self.problems.iter().enumerate() {
            if let Some(key) = self.problem_statement(problem) {
                self.statement_problems.entry(key).or_default().push(index);
            }
        }
        self.problem_rows = rows_in_order(&self.problems, &self.negotiation, |problem| {
            self.problem_statement(problem)
        });
        self.error_count = self.problems.iter().filter(|p| p.is_error()).count();
        self.name = if self.negotiation.agenda.is_none() && self.negotiation.parties.is_empty() {
            "Nothing open".to_owned()
        } else {
            self.negotiation.name()
        };
    }

    /// The file at `path`, if it is one of the negotiation's.
    pub fn file_of_path(&self, path: &Path) -> Option<FileId> {
        if self
            .negotiation
            .agenda
            .as_ref()
            .is_some_and(|agenda| agenda.path == path)
        {
            return Some(FileId::Agenda);
        }
        self.negotiation
            .parties
            .iter()
            .position(|party| party.path == path)
            .map(FileId::Party)
    }

    pub fn path_of(&self, file: FileId) -> Option<&Path> {
        match file {
            FileId::Agenda => self.negotiation.agenda.as_ref().map(|a| a.path.as_path()),
            FileId::Party(index) => self
                .negotiation
                .parties
                .get(index)
                .map(|p| p.path.as_path()),
        }
    }

    /// The files with edits not yet saved, agenda first.
    pub fn dirty_files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.dirty.iter().copied()
    }

    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty()
    }

    pub fn is_file_dirty(&self, file: FileId) -> bool {
        self.dirty.contains(&file)
    }

    /// Records that a file now holds on disk what it holds here. A file saved for the first
    /// time joins the files that are reloaded and watched.
    pub fn mark_saved(&mut self, file: FileId) {
        self.missing.remove(&file);
        self.overwritten.remove(&file);
        match file {
            FileId::Agenda => {
                self.baseline_agenda = self.negotiation.agenda.as_ref().map(|a| a.data.clone());
            }
            FileId::Party(index) => {
                let Some(party) = self.negotiation.parties.get(index) else {
                    return;
                };
                if self.baseline_parties.len() <= index {
                    self.baseline_parties.resize(index + 1, None);
                }
                if let Some(baseline) = self.baseline_parties.get_mut(index) {
                    *baseline = Some(party.data.clone());
                }
            }
        }
        if let Some(path) = self.path_of(file).map(Path::to_path_buf)
            && !self.files.contains(&path)
        {
            // Origins hold absolute paths, so that they reopen from anywhere.
            let absolute = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
            if let Origin::Paths(paths) = &mut self.origin
                && !paths.iter().any(|given| absolute.starts_with(given))
            {
                paths.push(absolute);
            }
            self.files.push(path);
        }
        self.refresh();
    }

    /// Records that a file is no longer on disk, so that saving writes it again.
    pub fn mark_missing(&mut self, file: FileId) {
        self.missing.insert(file);
        self.refresh_file(file);
    }

    /// Records that another program rewrote a file and the user kept what is open here.
    pub fn mark_overwritten(&mut self, file: FileId) {
        self.overwritten.insert(file);
        self.refresh_file(file);
    }

    /// Records that a removed file is back on disk.
    pub fn mark_present(&mut self, file: FileId) {
        if self.missing.remove(&file) {
            self.refresh_file(file);
        }
    }

    /// A party file made in the window and never saved takes its name from its party's id
    /// (`china.ron` for `china`), when that is a fit file name that nothing else uses.
    pub fn name_new_file_after_its_party(&mut self, file: FileId) {
        let FileId::Party(index) = file else {
            return;
        };
        let Some(party) = self.negotiation.parties.get(index) else {
            return;
        };
        let id = party.data.party.id.as_str();
        let fit = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let wanted = party.path.with_file_name(format!("{id}.ron"));
        let taken = wanted.exists()
            || self.files.contains(&wanted)
            || self
                .negotiation
                .parties
                .iter()
                .any(|other| other.path == wanted)
            || wanted
                .file_name()
                .is_some_and(|name| name == common_ground_core::io::AGENDA_FILE_NAME);
        // A file on disk keeps its name: it may be one that could not be read, whose
        // recovered edits are to be saved over it.
        if fit && !taken && wanted != party.path && !party.path.exists() {
            if let Some(party) = self.negotiation.parties.get_mut(index) {
                party.path = wanted;
            }
            self.refresh();
        }
    }

    /// Whether the file was made in the window and has never been saved.
    pub fn is_new(&self, file: FileId) -> bool {
        match file {
            FileId::Agenda => self.baseline_agenda.is_none(),
            FileId::Party(index) => self.baseline_parties.get(index).is_none_or(Option::is_none),
        }
    }

    /// The files whose data differs from what is on disk.
    fn changed_files(&self) -> BTreeSet<FileId> {
        let agenda = self.negotiation.agenda.iter().map(|_| FileId::Agenda);
        let parties = (0..self.negotiation.parties.len()).map(FileId::Party);
        agenda
            .chain(parties)
            .filter(|&file| self.is_changed(file))
            .collect()
    }

    fn is_changed(&self, file: FileId) -> bool {
        if self.missing.contains(&file) || self.overwritten.contains(&file) {
            return true;
        }
        match file {
            FileId::Agenda => self
                .negotiation
                .agenda
                .as_ref()
                .is_some_and(|agenda| self.baseline_agenda.as_ref() != Some(&agenda.data)),
            FileId::Party(index) => self.negotiation.parties.get(index).is_some_and(|party| {
                self.baseline_parties.get(index).and_then(Option::as_ref) != Some(&party.data)
            }),
        }
    }

    /// The files with unsaved edits.
    pub fn changed(&self) -> &BTreeSet<FileId> {
        &self.dirty
    }

    /// Takes a file as it now is on disk, dropping any edits to it here.
    pub fn replace_file(&mut self, file: FileId, data: FileData) {
        self.missing.remove(&file);
        self.overwritten.remove(&file);
        match (file, data) {
            (FileId::Agenda, FileData::Agenda(Some(agenda))) => {
                self.baseline_agenda = Some(agenda.data.clone());
                self.negotiation.agenda = Some(agenda);
            }
            (FileId::Party(index), FileData::Party(Some(party))) => {
                let (Some(slot), Some(base)) = (
                    self.negotiation.parties.get_mut(index),
                    self.baseline_parties.get_mut(index),
                ) else {
                    return;
                };
                *base = Some(party.data.clone());
                *slot = party;
            }
            _ => return,
        }
        self.refresh();
    }

    /// Gives every file a new path, as after saving the negotiation into another folder.
    pub fn move_to(&mut self, origin: Origin, paths: &HashMap<FileId, PathBuf>) {
        if let (Some(agenda), Some(path)) =
            (&mut self.negotiation.agenda, paths.get(&FileId::Agenda))
        {
            agenda.path = path.clone();
        }
        for (index, party) in self.negotiation.parties.iter_mut().enumerate() {
            if let Some(path) = paths.get(&FileId::Party(index)) {
                party.path = path.clone();
            }
        }
        self.files = paths.values().cloned().collect();
        self.files.sort();
        self.origin = origin;
        // Problems found at load name the old paths.
        self.load_problems.clear();
        self.positions.clear();
        self.refresh();
    }

    /// The problems found inside a statement.
    pub fn problems_of(&self, key: StatementKey) -> impl Iterator<Item = &Problem> {
        self.statement_problems
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|&index| self.problems.get(index))
    }

    /// How many of the files tried loaded.
    pub fn loaded_file_count(&self) -> usize {
        // A party file made in the window counts once it is saved and so among `files`.
        let agenda = self.negotiation.agenda.iter().map(|agenda| &agenda.path);
        let parties = self.negotiation.parties.iter().map(|party| &party.path);
        agenda
            .chain(parties)
            .filter(|path| self.files.contains(path))
            .count()
    }

    /// A party's statements on an issue group, in file order.
    pub fn statements_on(&self, group: usize, party: usize) -> &[usize] {
        self.by_issue
            .get(group)
            .and_then(|parties| parties.get(party))
            .map_or(&[], Vec::as_slice)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn statement(&self, key: StatementKey) -> Option<&Statement> {
        self.negotiation
            .parties
            .get(key.party)?
            .data
            .statements
            .get(key.statement)
    }

    pub fn issue_group(&self, id: &str) -> Option<&IssueGroup> {
        self.issues.iter().find(|group| group.id == id)
    }

    /// The agenda's entry for an issue; `None` for an issue the agenda lacks.
    pub fn agenda_issue(&self, id: &str) -> Option<&AgendaIssue> {
        let index = self.issue_group(id)?.agenda_index?;
        self.negotiation.agenda.as_ref()?.data.issues.get(index)
    }

    /// The statement's summary and quotes in lower case.
    pub fn search_text(&self, key: StatementKey) -> &str {
        self.search_text
            .get(key.party)
            .and_then(|party| party.get(key.statement))
            .map_or("", String::as_str)
    }

    pub fn error_count(&self) -> usize {
        self.error_count
    }

    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }

    /// The statement a problem points at, when it points inside one of a loaded party's
    /// statements.
    fn problem_statement(&self, problem: &Problem) -> Option<StatementKey> {
        let party = self
            .negotiation
            .parties
            .iter()
            .position(|party| party.path == problem.file)?;
        let segments = &problem.path.as_ref()?.0;
        let [PathSegment::Field(field), PathSegment::Index(statement), ..] = segments.as_slice()
        else {
            return None;
        };
        let key = StatementKey {
            party,
            statement: *statement,
        };
        (field == "statements" && self.statement(key).is_some()).then_some(key)
    }
}

fn problem_key(problem: &Problem) -> (PathBuf, String, String) {
    (
        problem.file.clone(),
        problem
            .path
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        problem.message.clone(),
    )
}

fn search_text(statement: &Statement) -> String {
    let length = statement.summary.len()
        + statement
            .sources
            .iter()
            .map(|source| source.quote.len() + 1)
            .sum::<usize>();
    // Lower case is most often as long; growing by doubling would keep twice the room.
    let mut text = String::with_capacity(length);
    text.push_str(&statement.summary.to_lowercase());
    for source in &statement.sources {
        text.push('\n');
        text.push_str(&source.quote.to_lowercase());
    }
    text
}

fn issue_groups(negotiation: &Negotiation) -> Vec<IssueGroup> {
    let mut groups: Vec<IssueGroup> = negotiation
        .agenda
        .iter()
        .flat_map(|agenda| agenda.data.issues.iter().enumerate())
        .map(|(index, issue)| IssueGroup {
            id: issue.id.clone(),
            title: issue.title.clone(),
            category: issue.category.clone(),
            agenda_index: Some(index),
        })
        .collect();
    // A set, not a search of `groups`: large negotiations have thousands of statements.
    let mut known: std::collections::HashSet<&str> = negotiation
        .agenda
        .iter()
        .flat_map(|agenda| &agenda.data.issues)
        .map(|issue| issue.id.as_str())
        .collect();
    for statement in negotiation
        .parties
        .iter()
        .flat_map(|party| &party.data.statements)
    {
        if known.insert(statement.issue.as_str()) {
            groups.push(IssueGroup {
                id: statement.issue.clone(),
                title: statement.issue.clone(),
                category: String::new(),
                agenda_index: None,
            });
        }
    }
    groups
}

fn statements_by_issue(negotiation: &Negotiation, issues: &[IssueGroup]) -> Vec<Vec<Vec<usize>>> {
    let group_of: HashMap<&str, usize> = issues
        .iter()
        .enumerate()
        .map(|(index, group)| (group.id.as_str(), index))
        .collect();
    let mut by_issue = vec![vec![Vec::new(); negotiation.parties.len()]; issues.len()];
    for (party, loaded) in negotiation.parties.iter().enumerate() {
        for (index, statement) in loaded.data.statements.iter().enumerate() {
            // Every issue id has a group: `issue_groups` adds the ones the agenda lacks.
            if let Some(&group) = group_of.get(statement.issue.as_str()) {
                by_issue[group][party].push(index);
            }
        }
    }
    by_issue
}

#[cfg(test)]
mod tests;
