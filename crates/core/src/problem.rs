//! What loading and validation report: problems that point at a file, a line and column when
//! the text is at hand, and a field path so the window can select the statement concerned.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    pub fn at_offset(text: &str, offset: usize) -> Position {
        let before = &text.as_bytes()[..offset.min(text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Count characters rather than bytes so editors agree on the column.
        let col = 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        Position { line, col }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum PathSegment {
    Field(String),
    Index(usize),
}

/// Where in a file's data a problem sits, e.g. `statements[3].range.min`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct FieldPath(pub Vec<PathSegment>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    pub fn field(mut self, name: &str) -> Self {
        self.0.push(PathSegment::Field(name.to_owned()));
        self
    }

    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathSegment::Index(index));
        self
    }

    pub fn statement(index: usize) -> Self {
        FieldPath::root().field("statements").index(index)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => write!(f, "{name}")?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: PathBuf,
    /// Filled in when the file's text is at hand; edits made in the window have none.
    pub position: Option<Position>,
    /// Where in the file's data the problem is; `None` for problems with the file as a whole.
    pub path: Option<FieldPath>,
    pub message: String,
    /// What this problem follows from, when it would go away once a file that did not load
    /// loads: the window folds it under that file's error.
    #[serde(skip)]
    pub follows_from: Option<Box<FollowsFrom>>,
}

/// A file whose absence a problem follows from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FollowsFrom {
    /// The party with this id is named, but no loaded file is its.
    MissingParty(String),
    /// No agenda loaded.
    MissingAgenda,
}

impl Problem {
    pub fn error(file: &Path, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            position: None,
            path: None,
            message: message.into(),
            follows_from: None,
        }
    }

    pub fn warning(file: &Path, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, message)
        }
    }

    pub fn at_path(mut self, path: FieldPath) -> Self {
        self.path = Some(path);
        self
    }

    pub fn following_from(mut self, cause: FollowsFrom) -> Self {
        // Boxed: most problems have no cause, and every problem stays small.
        self.follows_from = Some(Box::new(cause));
        self
    }

    pub fn at_position(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `file:line:col: error: message`, the form compilers use, so editors and terminals can
/// jump to it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(Position { line, col }) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}: ", self.severity)?;
        // Messages quote the file's own text; a newline or escape sequence in it must not
        // start a line of its own that looks like another message.
        for c in self.message.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// Sorts problems by file, then position, errors before warnings at the same place.
pub fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.file, a.position, a.severity, &a.message)
            .cmp(&(&b.file, b.position, b.severity, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters_from_one() {
        let text = "ab\ncé d\n";
        assert_eq!(Position::at_offset(text, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::at_offset(text, 3), Position { line: 2, col: 1 });
        // "é" is two bytes but one column.
        let d = text.find('d').unwrap();
        assert_eq!(Position::at_offset(text, d), Position { line: 2, col: 4 });
    }

    #[test]
    fn field_paths_read_like_code() {
        let path = FieldPath::statement(3).field("range").field("min");
        assert_eq!(path.to_string(), "statements[3].range.min");
    }

    #[test]
    fn problems_print_like_compiler_messages() {
        let problem = Problem::error(Path::new("data/us.ron"), "unknown issue `x`")
            .at_position(Position { line: 4, col: 7 });
        assert_eq!(
            problem.to_string(),
            "data/us.ron:4:7: error: unknown issue `x`"
        );
        let whole_file = Problem::warning(Path::new("a.ron"), "no agenda");
        assert_eq!(whole_file.to_string(), "a.ron: warning: no agenda");
        let sneaky = Problem::error(Path::new("a.ron"), "unknown id `x\nb.ron:1:1: error: y`");
        assert_eq!(
            sneaky.to_string(),
            "a.ron: error: unknown id `x\\nb.ron:1:1: error: y`"
        );
    }
}
