//! A tolerant walk over RON text that ron itself does not offer: where each field and list
//! item starts (so validation problems get a line and column), whether the file has comments
//! (which a save would drop), and the `format` number of a file that does not parse.
//!
//! It only runs on files that have problems or a `/` in them, so the common clean load pays
//! nothing for it.

use std::collections::HashMap;

use crate::problem::{FieldPath, Position};

/// Deeper nesting than any position file needs; stops hostile input from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// The byte offsets at which each field and list item of a file starts.
pub(super) struct Locations {
    starts: HashMap<FieldPath, usize>,
    /// Byte offsets of line starts, so a file with thousands of problems is not rescanned for
    /// each one.
    line_starts: Vec<usize>,
}

impl Locations {
    pub(super) fn of(text: &str) -> Self {
        let mut walker = Walker::new(text, true);
        walker.top_level();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locations {
            starts: walker.starts,
            line_starts,
        }
    }

    /// The line and column of `path`, or of its nearest enclosing field that is in the file
    /// (a missing field points at the block it is missing from).
    pub(super) fn position(&self, text: &str, path: &FieldPath) -> Option<Position> {
        let offset = (0..=path.0.len()).rev().find_map(|len| {
            let prefix = FieldPath(path.0[..len].to_vec());
            self.starts.get(&prefix).copied()
        })?;
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        Some(Position {
            line,
            col: 1 + text
                .get(line_start..offset)
                .map_or(0, |s| s.chars().count()),
        })
    }
}

/// True when the text has a `//` or `/* */` comment outside strings.
pub fn has_comments(text: &str) -> bool {
    if !text.contains('/') {
        return false;
    }
    let mut walker = Walker::new(text, false);
    walker.top_level();
    walker.saw_comment
}

/// What a file's top-level `format:` field holds, read without parsing the rest, so a file
/// from a newer version can be recognised even when this version cannot parse it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum FormatField {
    /// A whole number; one too large to hold counts as the largest.
    Version(u64),
    /// Something else (`-1`, `1.0`, `"one"`), starting at this byte offset.
    NotAWholeNumber(usize),
}

pub(super) fn probe_format_field(text: &str) -> Option<FormatField> {
    let locations = Locations::of(text);
    let start = *locations.starts.get(&FieldPath::root().field("format"))?;
    let (key, rest) = text[start..].split_once(':')?;
    let value = rest.trim_start();
    let value_start = start + key.len() + 1 + (rest.len() - value.len());
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let ends_cleanly = value[digits..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ')' | '/'));
    if digits == 0 || !ends_cleanly {
        return Some(FormatField::NotAWholeNumber(value_start));
    }
    Some(FormatField::Version(
        value[..digits].parse().unwrap_or(u64::MAX),
    ))
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
    record: bool,
    starts: HashMap<FieldPath, usize>,
    saw_comment: bool,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str, record: bool) -> Self {
        Walker {
            bytes: text.as_bytes(),
            pos: 0,
            record,
            starts: HashMap::new(),
            saw_comment: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn top_level(&mut self) {
        self.skip_trivia();
        // `#![enable(...)]` extension attributes come before the value; they may hold comments.
        while self.peek() == Some(b'#') {
            self.pos += 1;
            loop {
                self.skip_trivia();
                match self.peek() {
                    None => break,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    Some(b'!' | b'[' | b'(' | b')' | b',') => self.pos += 1,
                    Some(_) => self.skip_token(),
                }
            }
            self.skip_trivia();
        }
        self.value(&FieldPath::root(), 0);
        // Keep looking for comments after a value that ended early.
        while self.pos < self.bytes.len() {
            self.skip_trivia();
            if self.pos < self.bytes.len() {
                self.skip_token();
            }
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    self.saw_comment = true;
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.saw_comment = true;
                    self.pos += 2;
                    // RON block comments nest.
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.bytes.len() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, path: &FieldPath, depth: usize) {
        self.skip_trivia();
        if depth > MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some(b'(') => self.sequence(path, depth, b')'),
            Some(b'[') => self.sequence(path, depth, b']'),
            Some(b'{') => self.map(depth),
            Some(b) if is_ident_start(b) && !self.at_string_literal() => {
                let name = self.identifier();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    if name == "Some" {
                        // serde sees through `Some(…)`: its content sits at the same path.
                        self.pos += 1;
                        self.value(path, depth + 1);
                        self.skip_trivia();
                        if self.peek() == Some(b')') {
                            self.pos += 1;
                        }
                    } else {
                        // `Name(…)`: a struct written with its type name.
                        self.sequence(path, depth, b')');
                    }
                }
            }
            Some(_) => self.skip_token(),
            None => {}
        }
    }

    /// `"…"`, `b"…"`, `r#"…"#` or `br"…"`; not a raw identifier like `r#name`.
    fn at_string_literal(&self) -> bool {
        let rest = &self.bytes[self.pos..];
        let rest = rest.strip_prefix(b"b").unwrap_or(rest);
        match rest {
            [b'"', ..] => true,
            [b'r', tail @ ..] => {
                let hashes = tail.iter().take_while(|&&b| b == b'#').count();
                tail.get(hashes) == Some(&b'"')
            }
            _ => false,
        }
    }

    fn identifier(&mut self) -> &'a str {
        let start = self.pos;
        // Raw identifiers `r#name`.
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        while self.peek().is_some_and(is_ident_continue) {
            self.pos += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("")
    }

    /// The items of `(…)` or `[…]`: in parentheses `name: value` fields or tuple members, in
    /// brackets list items.
    fn sequence(&mut self, path: &FieldPath, depth: usize, close: u8) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                // The end of the text, or a closer of another kind, ends the block too, so
                // broken text cannot trap the walk.
                None | Some(b')' | b']' | b'}') => return,
                _ => {}
            }
            let item_start = self.pos;
            let field = if close == b')' {
                self.field_name()
            } else {
                None
            };
            let item_path = match field {
                Some(name) => path.clone().field(name),
                None => {
                    index += 1;
                    path.clone().index(index - 1)
                }
            };
            self.record_start(&item_path, item_start);
            self.value(&item_path, depth + 1);
            self.ensure_progress(item_start);
        }
    }

    /// Consumes `name:` and returns the name, or consumes nothing.
    fn field_name(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) || self.at_string_literal() {
            return None;
        }
        let name = self.identifier();
        self.skip_trivia();
        if self.peek() == Some(b':') && self.peek_at(1) != Some(b':') {
            self.pos += 1;
            Some(name.strip_prefix("r#").unwrap_or(name))
        } else {
            self.pos = start;
            None
        }
    }

    /// Maps are walked for their comments only; position files have none.
    fn map(&mut self, depth: usize) {
        self.pos += 1;
        let ignored = FieldPath::root().field("\0map");
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                Some(b',' | b':') => {
                    self.pos += 1;
                    continue;
                }
                None | Some(b')' | b']') => return,
                _ => {}
            }
            let item_start = self.pos;
            self.value(&ignored, depth + 1);
            self.ensure_progress(item_start);
        }
    }

    fn record_start(&mut self, path: &FieldPath, offset: usize) {
        if self.record {
            self.starts.entry(path.clone()).or_insert(offset);
        }
    }

    /// Broken text can leave a value that consumes nothing; step over one byte so the walk
    /// always ends.
    fn ensure_progress(&mut self, start: usize) {
        if self.pos == start {
            self.pos += 1;
        }
    }

    /// Skips a string, char, number or other atom.
    fn skip_token(&mut self) {
        if self.at_string_literal() {
            if self.peek() == Some(b'b') {
                self.pos += 1;
            }
            if self.peek() == Some(b'r') {
                self.pos += 1;
                let hashes = self.bytes[self.pos..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                self.pos += hashes;
                self.skip_raw_string(hashes);
            } else {
                self.skip_quoted(b'"');
            }
            return;
        }
        match self.peek() {
            Some(b'"') => self.skip_quoted(b'"'),
            Some(b'\'') => self.skip_quoted(b'\''),
            Some(b) if is_atom_byte(b) => {
                while self.peek().is_some_and(is_atom_byte) {
                    self.pos += 1;
                }
            }
            Some(_) => self.pos += 1,
            None => {}
        }
    }

    fn skip_quoted(&mut self, quote: u8) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                return;
            }
        }
    }

    /// Raw strings have no escapes: they end at a quote followed by as many `#` as opened them.
    fn skip_raw_string(&mut self, hashes: usize) {
        self.pos += 1;
        while self.pos < self.bytes.len() {
            let closing_hashes = self.bytes[self.pos + 1..]
                .iter()
                .take(hashes)
                .take_while(|&&b| b == b'#')
                .count();
            if self.bytes[self.pos] == b'"' && closing_hashes == hashes {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Bytes of numbers, `true`, `None` and the like: anything that cannot end an atom.
fn is_atom_byte(b: u8) -> bool {
    !(b.is_ascii_whitespace()
        || matches!(
            b,
            b',' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b':' | b'"' | b'/'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"(
    format: 1,
    party: Party(id: "us", name: "a // not a comment"),
    statements: [
        (
            id: "x",
            range: Some((min: 1.0, max: 2.0)),
        ),
        (id: "y", sources: [(quote: r#"say "hi""#)]),
    ],
)"##;

    #[test]
    fn locates_fields_and_list_items() {
        let locations = Locations::of(SAMPLE);
        let position = |path: FieldPath| locations.position(SAMPLE, &path).unwrap();
        assert_eq!(
            position(FieldPath::root().field("format")),
            Position { line: 2, col: 5 }
        );
        assert_eq!(
            position(FieldPath::statement(0)),
            Position { line: 5, col: 9 }
        );
        assert_eq!(
            position(FieldPath::statement(0).field("range").field("max")),
            Position { line: 7, col: 36 }
        );
        assert_eq!(
            position(FieldPath::statement(1).field("sources").index(0)),
            Position { line: 9, col: 29 }
        );
        // A field that is not in the file points at its enclosing block.
        assert_eq!(
            position(FieldPath::statement(1).field("summary")),
            Position { line: 9, col: 9 }
        );
    }

    #[test]
    fn finds_comments_outside_strings_only() {
        assert!(!has_comments(SAMPLE));
        assert!(has_comments("(format: 1, // note\n)"));
        assert!(has_comments("/* a /* nested */ block */ (format: 1)"));
        assert!(!has_comments(r#"(url: "https://example.org")"#));
        assert!(has_comments(
            "#![enable(implicit_some /* keep */)]\n(format: 1)"
        ));
        assert!(!has_comments("#![enable(implicit_some)]\n(format: 1)"));
    }

    #[test]
    fn probes_the_format_of_text_that_does_not_parse() {
        assert_eq!(
            probe_format_field(
                "(party: (id: \"x\"), statements: [(kind: Pledge(by: 3))], format: 7, new: {1: 2})"
            ),
            Some(FormatField::Version(7))
        );
        assert_eq!(
            probe_format_field("(format: 99999999999999999999999)"),
            Some(FormatField::Version(u64::MAX))
        );
        assert_eq!(
            probe_format_field("(format: 1.0)"),
            Some(FormatField::NotAWholeNumber(9))
        );
        assert_eq!(
            probe_format_field("(format:-1)"),
            Some(FormatField::NotAWholeNumber(8))
        );
        assert_eq!(probe_format_field("(statements: [(format: 9)])"), None);
    }

    #[test]
    fn ends_on_any_garbage() {
        for text in [
            "(",
            "[[[[",
            "(a: \"unterminated",
            "r#\"",
            ")))]]}",
            "(x: r##\"a\"#",
        ] {
            std::hint::black_box(Locations::of(text));
            std::hint::black_box(has_comments(text));
        }
        let deep = "(".repeat(100_000);
        std::hint::black_box(Locations::of(&deep));
    }
}
