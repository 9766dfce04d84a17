//! The problems panel's rows, worked out once per change: errors first, each followed by the
//! warnings that follow from it (a party a condition waits on, missing because its file did
//! not load), then the other warnings.

use std::path::{Path, PathBuf};

use common_ground_core::negotiation::{Negotiation, StatementKey};
use common_ground_core::problem::{FollowsFrom, Position, Problem};

/// A problem as a line of the problems panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemRow {
    /// `file:line:col: message`.
    pub text: String,
    pub is_error: bool,
    /// The statement it is inside, if any.
    pub statement: Option<StatementKey>,
    /// For a warning that follows from a file that did not load: the row of that file's
    /// error, under which the panel folds it.
    pub caused_by: Option<usize>,
    /// For an error: how many rows right after it follow from it.
    pub knock_ons: usize,
}

/// `file:line:col: message`, the form editors and terminals jump to.
pub fn located_message(problem: &Problem) -> String {
    let mut text = problem.file.display().to_string();
    if let Some(Position { line, col }) = problem.position {
        text.push_str(&format!(":{line}:{col}"));
    }
    text.push_str(": ");
    text.push_str(&problem.message);
    text
}

/// The problems as the panel lists them: errors first, each followed by the warnings that
/// follow from it (a party a condition waits on, missing because its file did not load),
/// then the other warnings.
pub(crate) fn rows_in_order(
    problems: &[Problem],
    negotiation: &Negotiation,
    statement_of: impl Fn(&Problem) -> Option<StatementKey>,
) -> Vec<ProblemRow> {
    let left_out = &negotiation.left_out;
    let agenda_path = agenda_path(negotiation);
    // The error that a problem follows from: the first error of the file that did not load.
    let cause_file = |problem: &Problem| -> Option<&Path> {
        let parties = || {
            left_out
                .iter()
                .filter(|file| agenda_path.as_deref() != Some(file.path.as_path()))
        };
        match problem.follows_from.as_deref()? {
            FollowsFrom::MissingAgenda => agenda_path
                .as_deref()
                .filter(|path| left_out.iter().any(|file| file.path == *path)),
            // The file named after the party: any other party id may just be mistyped, and
            // would not go away when some other file loads.
            FollowsFrom::MissingParty(id) => parties()
                .find(|file| {
                    file.path
                        .file_stem()
                        .is_some_and(|stem| stem == id.as_str())
                })
                .map(|file| file.path.as_path()),
        }
    };
    let row = |problem: &Problem, caused_by: Option<usize>| ProblemRow {
        text: located_message(problem),
        is_error: problem.is_error(),
        statement: statement_of(problem),
        caused_by,
        knock_ons: 0,
    };
    let causes: Vec<Option<&Path>> = problems.iter().map(cause_file).collect();
    let mut rows = Vec::with_capacity(problems.len());
    let mut placed = vec![false; problems.len()];
    let mut files_with_an_error = std::collections::HashSet::new();
    for (index, problem) in problems.iter().enumerate() {
        if !problem.is_error() {
            continue;
        }
        let at = rows.len();
        rows.push(row(problem, None));
        if let Some(done) = placed.get_mut(index) {
            *done = true;
        }
        // Knock-on warnings go under the first error of their file only.
        if !files_with_an_error.insert(problem.file.as_path()) {
            continue;
        }
        for (other, cause) in causes.iter().enumerate() {
            if *cause == Some(problem.file.as_path())
                && let Some(knock_on) = problems.get(other)
                && !knock_on.is_error()
            {
                rows.push(row(knock_on, Some(at)));
                if let Some(done) = placed.get_mut(other) {
                    *done = true;
                }
            }
        }
        let knock_ons = rows.len() - at - 1;
        if let Some(cause) = rows.get_mut(at) {
            cause.knock_ons = knock_ons;
        }
    }
    for (index, problem) in problems.iter().enumerate() {
        if !placed.get(index).copied().unwrap_or(false) {
            rows.push(row(problem, None));
        }
    }
    rows
}

/// Where the agenda was to come from: the loaded one's path, or a left-out `agenda.ron`.
fn agenda_path(negotiation: &Negotiation) -> Option<PathBuf> {
    if let Some(agenda) = &negotiation.agenda {
        return Some(agenda.path.clone());
    }
    negotiation
        .left_out
        .iter()
        .find(|file| {
            file.path
                .file_name()
                .is_some_and(|name| name == common_ground_core::io::AGENDA_FILE_NAME)
        })
        .map(|file| file.path.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use common_ground_core::negotiation::LeftOut;

    #[test]
    fn errors_come_first_with_the_warnings_they_cause_folded_under_them() {
        let negotiation = Negotiation {
            left_out: vec![LeftOut {
                path: PathBuf::from("russia.ron"),
                reason: "83:292: cut short".to_owned(),
            }],
            ..Negotiation::default()
        };
        let waits = |file: &str| {
            Problem::warning(Path::new(file), "waits on `russia`")
                .following_from(FollowsFrom::MissingParty("russia".to_owned()))
        };
        // A party id that no file left out is named after is likely mistyped: not folded.
        let mistyped = Problem::warning(Path::new("us.ron"), "waits on `rusia`")
            .following_from(FollowsFrom::MissingParty("rusia".to_owned()));
        // Sorted by file, as loading leaves them.
        let problems = vec![
            Problem::warning(Path::new("nato.ron"), "no sources"),
            waits("nato.ron"),
            Problem::error(Path::new("russia.ron"), "cut short"),
            Problem::error(Path::new("us.ron"), "bad range"),
            waits("us.ron"),
            mistyped,
        ];
        let rows = rows_in_order(&problems, &negotiation, |_| None);
        let order: Vec<(&str, Option<usize>, usize)> = rows
            .iter()
            .map(|row| (row.text.as_str(), row.caused_by, row.knock_ons))
            .collect();
        assert_eq!(
            order,
            [
                ("russia.ron: cut short", None, 2),
                ("nato.ron: waits on `russia`", Some(0), 0),
                ("us.ron: waits on `russia`", Some(0), 0),
                ("us.ron: bad range", None, 0),
                ("nato.ron: no sources", None, 0),
                ("us.ron: waits on `rusia`", None, 0),
            ]
        );
    }
}
