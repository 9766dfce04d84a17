//! Parsing RON text into the model, collecting unknown fields instead of stopping at them, and
//! turning ron's errors into sentences an analyst can act on.

use serde::de::DeserializeOwned;

use crate::problem::{FieldPath, PathSegment, Position};

/// A parse that stopped: where, and what was expected there, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub position: Position,
    pub message: String,
}

/// A successful parse and the fields the model does not know, which were skipped.
pub struct Parsed<T> {
    pub value: T,
    pub unknown_fields: Vec<FieldPath>,
}

pub fn parse_ron<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, ParseFailure> {
    let failure = |error: ron::error::SpannedError| {
        let position = Position {
            line: error.span.start.line,
            col: error.span.start.col,
        };
        let mut message = describe(&error.code);
        // ron points at the whitespace before what it could not use; point at the thing itself.
        let position = skip_blanks(text, position);
        if says_what_was_expected(&error.code) {
            match token_at(text, position) {
                Some(found) => message.push_str(&format!(", but found `{found}`")),
                None if rest_is_blank(text, position) => {
                    message.push_str(", but the file ends here: is the rest of it missing?");
                }
                None => {}
            }
        }
        // A file cut short is best shown where its text stops, which is where an editor
        // should go to see what is missing; an open quote says where it began.
        let end = Position::at_offset(text, text.trim_end().len());
        let position = match error.code {
            ron::Error::Eof => end,
            ron::Error::ExpectedStringEnd => {
                message.push_str(&format!(
                    ": it opens at line {}, column {}, and runs to the end of the file",
                    position.line, position.col
                ));
                end
            }
            _ if rest_is_blank(text, position) => end,
            _ => position,
        };
        ParseFailure { position, message }
    };
    let mut deserializer = ron::Deserializer::from_str(text).map_err(failure)?;
    let mut unknown_fields = Vec::new();
    let value = serde_ignored::deserialize(&mut deserializer, |path| {
        unknown_fields.push(field_path(&path));
    })
    .map_err(|code| failure(deserializer.span_error(code)))?;
    deserializer
        .end()
        .map_err(|code| failure(deserializer.span_error(code)))?;
    Ok(Parsed {
        value,
        unknown_fields,
    })
}

fn field_path(path: &serde_ignored::Path<'_>) -> FieldPath {
    use serde_ignored::Path;
    match path {
        Path::Root => FieldPath::root(),
        Path::Seq { parent, index } => field_path(parent).index(*index),
        Path::Map { parent, key } => field_path(parent).field(key),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => field_path(parent),
    }
}

/// The last field name of a path, for messages like "unknown field `colour`".
pub(super) fn last_field(path: &FieldPath) -> &str {
    path.0
        .iter()
        .rev()
        .find_map(|segment| match segment {
            PathSegment::Field(name) => Some(name.as_str()),
            PathSegment::Index(_) => None,
        })
        .unwrap_or("?")
}

/// Errors that say what was expected but not what was there instead.
fn says_what_was_expected(code: &ron::Error) -> bool {
    use ron::Error as E;
    matches!(
        code,
        E::ExpectedArray
            | E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedString
            | E::ExpectedFloat
            | E::ExpectedInteger
            | E::ExpectedBoolean
            | E::ExpectedOption
            | E::ExpectedIdentifier
            | E::ExpectedComma
            | E::ExpectedMapColon
    )
}

/// The byte offset of a 1-based line and column, if the text has them.
fn offset_of(text: &str, position: Position) -> Option<usize> {
    let line_start = if position.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(position.line - 2)?.0 + 1
    };
    let line = &text[line_start..];
    let in_line = line
        .char_indices()
        .nth(position.col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + in_line)
}

fn skip_blanks(text: &str, position: Position) -> Position {
    let Some(offset) = offset_of(text, position) else {
        return position;
    };
    let blanks = text[offset..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    Position {
        line: position.line,
        col: position.col + blanks,
    }
}

fn rest_is_blank(text: &str, position: Position) -> bool {
    offset_of(text, position).is_some_and(|offset| text[offset..].trim().is_empty())
}

/// The word or string that starts at `position`, shortened, to show what the parser met.
fn token_at(text: &str, position: Position) -> Option<String> {
    let line = text.lines().nth(position.line.checked_sub(1)?)?;
    let rest: String = line.chars().skip(position.col.saturating_sub(1)).collect();
    let token: String = if let Some(inside) = rest.strip_prefix('"') {
        let end = inside.find('"').map_or(rest.len(), |i| i + 2);
        rest[..end].to_owned()
    } else {
        rest.chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ')' | ']'))
            .collect()
    };
    let token: String = token.chars().take(40).collect();
    (!token.is_empty()).then_some(token)
}

/// What ron's error means for someone editing a position file by hand.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early: a closing `)` or `]` is probably missing".into(),
        E::ExpectedArray => "expected a list here, opened with `[`".into(),
        E::ExpectedArrayEnd => {
            "expected `]` to close this list, or a comma before the next item".into()
        }
        E::ExpectedComma => "expected a comma between these two items".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected a block opened with `(` here".into()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            "expected `)` to close this block, or a comma before the next field".into()
        }
        E::ExpectedString => "expected text in double quotes here, like \"...\"".into(),
        E::ExpectedStringEnd => "this text is missing its closing double quote".into(),
        E::ExpectedFloat | E::ExpectedInteger => "expected a number here".into(),
        E::ExpectedBoolean => "expected `true` or `false` here".into(),
        E::ExpectedOption => {
            "expected `Some(...)` or `None` here (optional values are wrapped, like \
             `stance: Some(50)`)"
                .into()
        }
        E::ExpectedIdentifier => "expected a field name here".into(),
        E::ExpectedMapColon => "expected `:` after the field name".into(),
        E::InvalidValueForType { expected, found } => {
            format!("expected {}, but found {found}", plain_expected(expected))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a valid {}; use one of: {}",
            outer.as_deref().map_or("choice", plain_type_name),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => format!(
            "this {} is missing the field `{field}`",
            outer.as_deref().map_or("block", plain_type_name)
        ),
        E::DuplicateStructField { field, .. } => {
            format!("the field `{field}` appears twice in this block")
        }
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "`{found}` is not a known field here; known fields: {}",
            expected.join(", ")
        ),
        E::UnclosedBlockComment => "a `/*` comment is never closed with `*/`".into(),
        E::TrailingCharacters => {
            "there is more text after the end of the data: is there an extra closing bracket?"
                .into()
        }
        E::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        E::IntegerOutOfBounds => "this number is too large".into(),
        E::ExceededRecursionLimit => "the data is nested too deeply".into(),
        E::Message(message) => message.clone(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars.next().map_or(text.clone(), |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// serde's names for what it expected ("f64", "struct Statement") in everyday words.
fn plain_expected(expected: &str) -> String {
    match expected {
        "f32" | "f64" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            "a whole number".into()
        }
        "a sequence" => "a list in `[ ]`".into(),
        "option" => "`Some(...)` or `None`".into(),
        "a boolean" => "`true` or `false`".into(),
        _ => match expected.strip_prefix("struct ") {
            Some(name) => format!("a `( )` block for a {}", plain_type_name(name)),
            None => expected.to_owned(),
        },
    }
}

fn plain_type_name(name: &str) -> &str {
    match name {
        "PartyFile" => "party file",
        "Agenda" => "agenda",
        "AgendaIssue" => "agenda issue",
        "Anchor" => "scale anchor",
        "Party" => "party",
        "Statement" => "statement",
        "Range" => "range",
        "Condition" => "condition",
        "WaitsOn" => "waits_on reference",
        "Source" => "source",
        "Kind" => "kind",
        "Firmness" => "firmness",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Statement};

    fn statement_text(body: &str) -> String {
        format!(
            "(id: \"a\", issue: \"b\", kind: Demand, summary: \"s\", salience: 5, \
             firmness: Firm, estimated: true{body})"
        )
    }

    #[test]
    fn parses_and_collects_unknown_fields() {
        let text = statement_text(", colour: \"red\", extra: (x: 1)");
        let parsed = parse_ron::<Statement>(&text).unwrap();
        assert_eq!(parsed.value.kind, Kind::Demand);
        // Whole numbers are accepted where the model keeps decimals.
        assert_eq!(parsed.value.salience, 5.0);
        let unknown: Vec<String> = parsed
            .unknown_fields
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(unknown, ["colour", "extra"]);
    }

    #[test]
    fn explains_a_wrong_kind_in_words() {
        let text = statement_text("").replace("Demand", "Demnd");
        let failure = parse_ron::<Statement>(&text).err().unwrap();
        assert_eq!(
            failure.message,
            "`Demnd` is not a valid kind; use one of: Demand, Rejection, Offer, OpenToTalks, \
             Condition, Concern, Warning"
        );
        assert_eq!(failure.position.line, 1);
    }

    #[test]
    fn explains_a_wrong_type_and_a_missing_field() {
        let text = statement_text("").replace("salience: 5", "salience: \"high\"");
        let failure = parse_ron::<Statement>(&text).err().unwrap();
        assert_eq!(
            failure.message,
            "expected a number here, but found `\"high\"`"
        );

        let text = statement_text("").replace("summary: \"s\", ", "");
        let failure = parse_ron::<Statement>(&text).err().unwrap();
        assert_eq!(
            failure.message,
            "this statement is missing the field `summary`"
        );
    }

    #[test]
    fn points_at_the_line_of_a_truncated_file() {
        let failure = parse_ron::<Statement>("(\n  id: \"a\",\n  issue: ")
            .err()
            .unwrap();
        // Right after the last thing written, where the text stops.
        assert_eq!(failure.position, Position { line: 3, col: 9 });
        assert_eq!(
            failure.message,
            "expected text in double quotes here, like \"...\", but the file ends here: is the \
             rest of it missing?"
        );
    }

    #[test]
    fn an_unclosed_quote_is_shown_at_the_end_and_says_where_it_opened() {
        let failure = parse_ron::<Statement>("(\n  id: \"a\",\n  issue: \"nato-mem")
            .err()
            .unwrap();
        assert_eq!(failure.position, Position { line: 3, col: 19 });
        assert_eq!(
            failure.message,
            "this text is missing its closing double quote: it opens at line 3, column 10, and \
             runs to the end of the file"
        );
    }
}
