//! The statements table: a row a statement, and further rows for its further sources and
//! conditions, which repeat its party and id and leave its other columns empty (or repeat
//! them exactly, as a table with a row per source does).

use common_ground_core::edit::builders::unique_id;
use common_ground_core::model::{
    AgendaIssue, Condition, FORMAT_VERSION, Party, PartyFile, Range, Source, Statement, WaitsOn,
};

use super::table::{Row, Table};
use super::{Places, RowsOf, note_unknown, open_scale, palette_colour, row_places};
use crate::error::CellError;
use crate::sheet::Sheet;
use crate::tables::STATEMENT_COLUMNS;

/// The columns a statements table cannot do without.
const REQUIRED: [&str; 6] = ["party", "issue", "kind", "summary", "salience", "firmness"];

/// A statement's own columns, `issue` to `notes`: empty on the rows that only add a source
/// or a condition.
fn own_columns() -> &'static [&'static str] {
    STATEMENT_COLUMNS.get(2..14).unwrap_or_default()
}

pub(crate) struct Context<'a> {
    /// Whether an issues table was given: if not, the statements' issues make the agenda.
    pub issues_given: bool,
    /// Likewise parties.
    pub parties_given: bool,
    pub today: &'a str,
}

pub(crate) fn read(
    sheets: &[&Sheet],
    context: &Context<'_>,
    issues: &mut Vec<AgendaIssue>,
    parties: &mut Vec<(String, PartyFile)>,
    places: &mut Places,
    errors: &mut Vec<CellError>,
    notes: &mut Vec<String>,
) {
    let mut made = Made::default();
    for sheet in sheets {
        let Some(table) = Table::new(sheet, &STATEMENT_COLUMNS, &REQUIRED, errors) else {
            continue;
        };
        note_unknown(&table, notes);
        // The statement the row before added to, which a further row may continue.
        let mut last: Option<(usize, usize)> = None;
        for row in table.rows() {
            let party_id = row.word("party");
            if party_id.is_empty() {
                errors.push(row.error("party", "a statement needs its party's id here"));
                last = None;
                continue;
            }
            let Some(party) =
                party_of(&row, &party_id, context, parties, places, &mut made, errors)
            else {
                last = None;
                continue;
            };
            let id = row.word("statement");
            // A row of the statement above: its id again, or no id and none of its columns.
            // (A table with a row per source repeats the issue with the party.)
            let above = last.and_then(|(last_party, last_statement)| {
                let statement = parties.get(last_party)?.1.statements.get(last_statement)?;
                (last_party == party).then_some((last_statement, statement))
            });
            let only_lists = own_columns()
                .iter()
                .filter(|column| **column != "issue")
                .all(|column| row.is_blank(column))
                && (row.is_blank("issue")
                    || above.is_some_and(|(_, statement)| statement.issue == row.word("issue")));
            let continues = above
                .filter(|(_, statement)| {
                    (id.is_empty() && only_lists) || (!id.is_empty() && statement.id == id)
                })
                .map(|(index, _)| (party, index));
            let Some((_, file)) = parties.get_mut(party) else {
                continue;
            };
            let Some(party_places) = places.parties.get_mut(party).map(|(_, list)| list) else {
                continue;
            };
            if let Some((_, index)) = continues {
                let (Some(statement), Some(rows_of)) =
                    (file.statements.get_mut(index), party_places.get_mut(index))
                else {
                    continue;
                };
                let repeated = only_lists
                    || statement_of(&row, &mut Vec::new())
                        .is_some_and(|again| same_but_lists(&again, statement));
                if repeated {
                    add_lists(&row, statement, rows_of, errors);
                } else {
                    errors.push(row.error(
                        "statement",
                        format!(
                            "statement “{id}” of {party_id} is here again with other values; \
                             give it its own id, or leave its columns empty on a row that only \
                             adds a source or a condition"
                        ),
                    ));
                }
                continue;
            }
            let Some(mut statement) = statement_of(&row, errors) else {
                last = None;
                continue;
            };
            if !context.issues_given
                && !statement.issue.is_empty()
                && !issues.iter().any(|issue| issue.id == statement.issue)
            {
                made.issues.push(statement.issue.clone());
                issues.push(made_issue(&statement.issue));
            }
            if statement.id.is_empty() {
                let base = format!("{}-{}", statement.issue, statement.kind.label());
                let base = base.replace(' ', "-");
                statement.id = unique_id(&base, file.statements.iter().map(|s| s.id.as_str()));
                made.ids += 1;
            }
            let mut rows_of = row_places(&row, &STATEMENT_COLUMNS);
            add_lists(&row, &mut statement, &mut rows_of, errors);
            file.statements.push(statement);
            party_places.push(rows_of);
            last = Some((party, file.statements.len() - 1));
        }
    }
    date_parties(parties, context.today, notes);
    made.tell(notes);
}

/// What the tables did not give and the import made up.
#[derive(Default)]
struct Made {
    parties: Vec<String>,
    issues: Vec<String>,
    ids: usize,
}

impl Made {
    fn tell(&self, notes: &mut Vec<String>) {
        if !self.parties.is_empty() {
            notes.push(format!(
                "No parties table: {} made from the statements, named by their ids and given \
                 colours: {}.",
                count(self.parties.len(), "party", "parties"),
                self.parties.join(", ")
            ));
        }
        if !self.issues.is_empty() {
            notes.push(format!(
                "No issues table: {} made from the statements, titled by their ids, on a scale of \
                 0 to 100 whose ends are still to be named: {}.",
                count(self.issues.len(), "issue", "issues"),
                self.issues.join(", ")
            ));
        }
        if self.ids > 0 {
            notes.push(format!(
                "{} no id and {} given one.",
                count(self.ids, "statement had", "statements had"),
                if self.ids == 1 { "was" } else { "were" }
            ));
        }
    }
}

/// The index of the row's party, made from the row when no parties table was given.
fn party_of(
    row: &Row<'_>,
    party_id: &str,
    context: &Context<'_>,
    parties: &mut Vec<(String, PartyFile)>,
    places: &mut Places,
    made: &mut Made,
    errors: &mut Vec<CellError>,
) -> Option<usize> {
    if let Some(index) = parties
        .iter()
        .position(|(_, file)| file.party.id == party_id)
    {
        return Some(index);
    }
    if context.parties_given {
        errors.push(row.error(
            "party",
            format!("party “{party_id}” is not in the parties table"),
        ));
        return None;
    }
    parties.push(made_party(party_id, parties.len()));
    places.parties.push((None, Vec::new()));
    made.parties.push(party_id.to_owned());
    Some(parties.len() - 1)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A statement's own columns; its sources and conditions come from [`add_lists`].
fn statement_of(row: &Row<'_>, errors: &mut Vec<CellError>) -> Option<Statement> {
    let before = errors.len();
    let issue = row.word("issue");
    if issue.is_empty() {
        errors.push(row.error("issue", "a statement needs the id of its issue here"));
    }
    let kind = row.kind("kind", errors);
    let firmness = row.firmness("firmness", errors);
    let stance = row.number("stance", errors);
    let min = row.number("range min", errors);
    let max = row.number("range max", errors);
    let range = match (min, max) {
        (Some(min), Some(max)) => Some(Range { min, max }),
        (None, None) => None,
        (Some(_), None) => {
            errors.push(row.error("range max", "the range has a minimum but no maximum"));
            None
        }
        (None, Some(_)) => {
            errors.push(row.error("range min", "the range has a maximum but no minimum"));
            None
        }
    };
    let salience = row.number("salience", errors);
    if salience.is_none() && row.is_blank("salience") {
        errors.push(row.error(
            "salience",
            "the salience is missing: how much the issue matters to the party, 0–100",
        ));
    }
    let estimated = row.yes_no("estimated", errors);
    let round = |column: &str| Some(row.word(column)).filter(|id| !id.is_empty());
    if errors.len() > before {
        return None;
    }
    Some(Statement {
        id: row.word("statement"),
        issue,
        kind: kind?,
        summary: row.text("summary"),
        stance,
        range,
        salience: salience?,
        firmness: firmness?,
        estimated,
        conditions: Vec::new(),
        sources: Vec::new(),
        notes: row.text("notes"),
        from: round("from"),
        until: round("until"),
    })
}

fn same_but_lists(again: &Statement, statement: &Statement) -> bool {
    let bare = |statement: &Statement| Statement {
        conditions: Vec::new(),
        sources: Vec::new(),
        ..statement.clone()
    };
    bare(again) == bare(statement)
}

/// The source and the condition a row adds to its statement, if it has them.
fn add_lists(
    row: &Row<'_>,
    statement: &mut Statement,
    rows_of: &mut RowsOf,
    errors: &mut Vec<CellError>,
) {
    let text = row.text("condition");
    let (party, issue) = (row.word("waits on party"), row.word("waits on issue"));
    let waits_on = match (party.is_empty(), issue.is_empty()) {
        (true, true) => None,
        (false, false) => Some(WaitsOn { party, issue }),
        (true, false) => {
            errors.push(row.error(
                "waits on party",
                "the condition waits on an issue but names no party",
            ));
            None
        }
        (false, true) => {
            errors.push(row.error(
                "waits on issue",
                "the condition waits on a party but names no issue",
            ));
            None
        }
    };
    if !text.trim().is_empty() {
        rows_of.conditions.push(row.place("condition"));
        statement.conditions.push(Condition { text, waits_on });
    } else if waits_on.is_some() {
        errors.push(row.error(
            "condition",
            "the condition waits on a party but its words are missing",
        ));
    }
    let source_columns = ["quote", "speaker", "date", "reference"];
    if source_columns.iter().any(|column| !row.is_blank(column)) {
        rows_of.sources.push(row.place("quote"));
        statement.sources.push(Source {
            quote: row.text("quote"),
            speaker: row.text("speaker"),
            date: row.date("date"),
            reference: row.text("reference"),
        });
    }
}

fn made_party(id: &str, index: usize) -> (String, PartyFile) {
    (
        format!("{id}.ron"),
        PartyFile {
            format: FORMAT_VERSION,
            party: Party {
                members: Vec::new(),
                id: id.to_owned(),
                name: id.to_owned(),
                short_name: id.to_owned(),
                colour: palette_colour(index).to_owned(),
                capability: None,
                notes: String::new(),
            },
            as_of: String::new(),
            summary: String::new(),
            statements: Vec::new(),
        },
    )
}

fn made_issue(id: &str) -> AgendaIssue {
    AgendaIssue {
        id: id.to_owned(),
        title: id.to_owned(),
        category: String::new(),
        description: String::new(),
        scale: open_scale(),
        no_stake: Vec::new(),
        notes: String::new(),
    }
}

/// A party whose date no table gives is dated by its latest source, else today.
fn date_parties(parties: &mut [(String, PartyFile)], today: &str, notes: &mut Vec<String>) {
    for (_, file) in parties.iter_mut().filter(|(_, file)| file.as_of.is_empty()) {
        let latest = file
            .statements
            .iter()
            .flat_map(|statement| &statement.sources)
            .map(|source| source.date.as_str())
            .filter(|date| common_ground_core::validate::is_date(date))
            .max();
        let (date, from) = match latest {
            Some(date) => (date.to_owned(), "its latest source"),
            None => (today.to_owned(), "today"),
        };
        notes.push(format!(
            "Party “{}” has no “as of” date in the tables; it is dated {date}, {from}.",
            file.party.id
        ));
        file.as_of = date;
    }
}
