//! A negotiation as the sheets of a spreadsheet: the negotiation, its issues, rounds and
//! parties, every statement with its conditions and sources, and the issues × parties matrix.
//!
//! A statement with several sources or conditions takes several rows: the first carries the
//! statement, each further one only its party and id and the next source or condition. The
//! importer (`crate::import`) reads the same columns back, so everything but the matrix, which
//! is derived, goes out and comes back.

use common_ground_core::model::{AgendaIssue, PartyFile, Statement};
use common_ground_core::negotiation::Negotiation;
use common_ground_core::rounds::Rounds;

use crate::sheet::{Cell, Origin, Sheet};

/// The sheets, in the order a workbook lists them. The statements come first: they are what
/// a reader opens the file for.
pub const STATEMENTS: &str = "statements";
pub const MATRIX: &str = "matrix";
pub const PARTIES: &str = "parties";
pub const ISSUES: &str = "issues";
pub const ROUNDS: &str = "rounds";
pub const NEGOTIATION: &str = "negotiation";
pub const SHEETS: [&str; 6] = [STATEMENTS, MATRIX, PARTIES, ISSUES, ROUNDS, NEGOTIATION];

pub const STATEMENT_COLUMNS: [&str; 21] = [
    "party",
    "statement",
    "issue",
    "kind",
    "summary",
    "stance",
    "range min",
    "range max",
    "salience",
    "firmness",
    "estimated",
    "from",
    "until",
    "notes",
    "condition",
    "waits on party",
    "waits on issue",
    "quote",
    "speaker",
    "date",
    "reference",
];
pub const PARTY_COLUMNS: [&str; 9] = [
    "party",
    "name",
    "short name",
    "colour",
    "capability",
    "as of",
    "summary",
    "notes",
    "file",
];
pub const ISSUE_COLUMNS: [&str; 8] = [
    "issue",
    "title",
    "category",
    "description",
    "notes",
    "no stake",
    "scale at",
    "scale meaning",
];
pub const ROUND_COLUMNS: [&str; 4] = ["round", "name", "date", "description"];
pub const NEGOTIATION_COLUMNS: [&str; 2] = ["field", "value"];

/// Every sheet of `negotiation`, all statements of every round. The origins name no file:
/// the writer gives them theirs.
pub fn workbook(negotiation: &Negotiation) -> Vec<Sheet> {
    let sheet = |name: &str, rows| Sheet {
        name: name.to_owned(),
        rows,
        origin: Origin::of_file(std::path::PathBuf::new()),
    };
    vec![
        sheet(STATEMENTS, statements(negotiation)),
        sheet(MATRIX, matrix(negotiation)),
        sheet(PARTIES, parties(negotiation)),
        sheet(ISSUES, issues(negotiation)),
        sheet(ROUNDS, rounds(negotiation)),
        sheet(NEGOTIATION, about(negotiation)),
    ]
}

fn header(columns: &[&str]) -> Vec<Cell> {
    columns.iter().map(|column| Cell::text(*column)).collect()
}

fn statements(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let mut rows = vec![header(&STATEMENT_COLUMNS)];
    for party in &negotiation.parties {
        for statement in &party.data.statements {
            rows.extend(statement_rows(&party.data, statement));
        }
    }
    rows
}

/// A statement's rows: one, or one per source or condition when it has several.
fn statement_rows(party: &PartyFile, statement: &Statement) -> Vec<Vec<Cell>> {
    let count = statement
        .sources
        .len()
        .max(statement.conditions.len())
        .max(1);
    (0..count)
        .map(|index| {
            let first = index == 0;
            let own = |cell: Cell| if first { cell } else { Cell::Empty };
            let condition = statement.conditions.get(index);
            let waits_on = condition.and_then(|condition| condition.waits_on.as_ref());
            let source = statement.sources.get(index);
            let range = statement.range;
            vec![
                Cell::text(party.party.id.as_str()),
                Cell::text(statement.id.as_str()),
                own(Cell::text(statement.issue.as_str())),
                own(Cell::text(statement.kind.label())),
                own(Cell::text(statement.summary.as_str())),
                own(Cell::number(statement.stance)),
                own(Cell::number(range.map(|range| range.min))),
                own(Cell::number(range.map(|range| range.max))),
                own(Cell::Number(statement.salience)),
                own(Cell::text(statement.firmness.label())),
                own(Cell::Bool(statement.estimated)),
                own(Cell::text(statement.from.clone().unwrap_or_default())),
                own(Cell::text(statement.until.clone().unwrap_or_default())),
                own(Cell::text(statement.notes.as_str())),
                condition.map_or(Cell::Empty, |condition| Cell::text(condition.text.as_str())),
                waits_on.map_or(Cell::Empty, |waits| Cell::text(waits.party.as_str())),
                waits_on.map_or(Cell::Empty, |waits| Cell::text(waits.issue.as_str())),
                source.map_or(Cell::Empty, |source| Cell::text(source.quote.as_str())),
                source.map_or(Cell::Empty, |source| Cell::text(source.speaker.as_str())),
                source.map_or(Cell::Empty, |source| Cell::text(source.date.as_str())),
                source.map_or(Cell::Empty, |source| Cell::text(source.reference.as_str())),
            ]
        })
        .collect()
}

/// Issues down, parties across; each cell the party's statements on the issue that hold at
/// the latest round, one a line: `red line 0–20, non-negotiable`.
fn matrix(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let rounds = Rounds::of(negotiation);
    let latest = rounds.latest();
    let mut top = vec![Cell::text("issue"), Cell::text("title")];
    top.extend(
        negotiation
            .parties
            .iter()
            .map(|party| Cell::text(party.data.party.short_name.as_str())),
    );
    let mut rows = vec![top];
    for issue in agenda_issues(negotiation) {
        let mut row = vec![
            Cell::text(issue.id.as_str()),
            Cell::text(issue.title.as_str()),
        ];
        for party in &negotiation.parties {
            let lines: Vec<String> = party
                .data
                .statements
                .iter()
                .filter(|statement| statement.issue == issue.id && rounds.holds(statement, latest))
                .map(position_in_words)
                .collect();
            row.push(Cell::text(lines.join("\n")));
        }
        rows.push(row);
    }
    if let Some(round) = latest.and_then(|latest| rounds.get(latest)) {
        rows.push(Vec::new());
        rows.push(vec![Cell::text(format!(
            "As they stood at the round “{}” ({}).",
            round.name, round.date
        ))]);
    }
    rows
}

/// `demand: stance 80, range 70–100, firm (estimated)`.
pub fn position_in_words(statement: &Statement) -> String {
    let mut parts = Vec::new();
    if let Some(stance) = statement.stance {
        parts.push(format!("stance {stance}"));
    }
    if let Some(range) = statement.range {
        parts.push(format!("range {}–{}", range.min, range.max));
    }
    parts.push(statement.firmness.label().to_owned());
    let mut words = format!("{}: {}", statement.kind.label(), parts.join(", "));
    if statement.estimated {
        words.push_str(" (estimated)");
    }
    words
}

fn agenda_issues(negotiation: &Negotiation) -> &[AgendaIssue] {
    negotiation
        .agenda
        .as_ref()
        .map_or(&[], |agenda| agenda.data.issues.as_slice())
}

fn parties(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let mut rows = vec![header(&PARTY_COLUMNS)];
    for party in &negotiation.parties {
        let file = &party.data;
        let file_name = party
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push(vec![
            Cell::text(file.party.id.as_str()),
            Cell::text(file.party.name.as_str()),
            Cell::text(file.party.short_name.as_str()),
            Cell::text(file.party.colour.as_str()),
            Cell::number(file.party.capability),
            Cell::text(file.as_of.as_str()),
            Cell::text(file.summary.as_str()),
            Cell::text(file.party.notes.as_str()),
            Cell::text(file_name),
        ]);
    }
    rows
}

fn issues(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let mut rows = vec![header(&ISSUE_COLUMNS)];
    for issue in agenda_issues(negotiation) {
        for index in 0..issue.scale.len().max(1) {
            let first = index == 0;
            let own = |cell: Cell| if first { cell } else { Cell::Empty };
            let anchor = issue.scale.get(index);
            rows.push(vec![
                Cell::text(issue.id.as_str()),
                own(Cell::text(issue.title.as_str())),
                own(Cell::text(issue.category.as_str())),
                own(Cell::text(issue.description.as_str())),
                own(Cell::text(issue.notes.as_str())),
                own(Cell::text(issue.no_stake.join(", "))),
                Cell::number(anchor.map(|anchor| anchor.at)),
                anchor.map_or(Cell::Empty, |anchor| Cell::text(anchor.meaning.as_str())),
            ]);
        }
    }
    rows
}

fn rounds(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let mut rows = vec![header(&ROUND_COLUMNS)];
    let list = negotiation
        .agenda
        .as_ref()
        .map_or(&[][..], |agenda| agenda.data.rounds.as_slice());
    for round in list {
        rows.push(vec![
            Cell::text(round.id.as_str()),
            Cell::text(round.name.as_str()),
            Cell::text(round.date.as_str()),
            Cell::text(round.description.as_str()),
        ]);
    }
    rows
}

fn about(negotiation: &Negotiation) -> Vec<Vec<Cell>> {
    let (name, description) = negotiation.agenda.as_ref().map_or_else(
        || (negotiation.name(), String::new()),
        |agenda| (agenda.data.name.clone(), agenda.data.description.clone()),
    );
    vec![
        header(&NEGOTIATION_COLUMNS),
        vec![Cell::text("name"), Cell::text(name)],
        vec![Cell::text("description"), Cell::text(description)],
    ]
}
