//! Arbitrary negotiations from the fuzzer's bytes. Ids, dates and numbers are drawn mostly
//! from small sets that meet each other (statements on the agenda's issues, conditions on
//! loaded parties, rounds that exist, numbers on the scale), so the analysis has something
//! to compare, and otherwise from anything at all, so validation and the reports meet every
//! kind of nonsense a hand-edited file can hold.

use arbitrary::{Result, Unstructured};
use common_ground_core::model::{
    Agenda, AgendaIssue, Anchor, Condition, FORMAT_VERSION, Firmness, Kind, Party, PartyFile,
    Range, Round, Source, Statement, WaitsOn,
};
use common_ground_core::negotiation::Negotiation;

use super::at;

const IDS: [&str; 6] = ["membership", "troops", "east", "west", "first", "second"];
const DATES: [&str; 4] = ["2022-01-26", "2022-01-10", "2024-02-29", "2022-13-01"];
const POINTS: [f64; 8] = [0.0, 100.0, 50.0, 40.0, 60.0, 40.5, -1.0, 101.0];

/// Mostly one of `common`, sometimes any string at all.
fn word(u: &mut Unstructured<'_>, common: &[&str]) -> Result<String> {
    if u.ratio(1, 4)? {
        u.arbitrary()
    } else {
        Ok((*u.choose(common)?).to_owned())
    }
}

/// Mostly a point of the scale that others share, sometimes any number, NaN and ±∞ included.
fn point(u: &mut Unstructured<'_>) -> Result<f64> {
    if u.ratio(1, 5)? {
        u.arbitrary()
    } else if u.ratio(1, 2)? {
        Ok(*u.choose(&POINTS)?)
    } else {
        Ok(f64::from(u.int_in_range(0..=100u8)?))
    }
}

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    word(
        u,
        &[
            "",
            "Wants in",
            "if West agrees",
            "line one\nline two",
            "\"quoted\" & <b>",
            r"NATO's \' reply",
        ],
    )
}

fn list<T>(
    u: &mut Unstructured<'_>,
    most: usize,
    each: impl Fn(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = u.int_in_range(0..=most)?;
    (0..count).map(|_| each(u)).collect()
}

pub(super) fn negotiation(u: &mut Unstructured<'_>) -> Result<Negotiation> {
    let agenda = if u.ratio(9, 10)? {
        Some(at("agenda.ron", agenda(u)?))
    } else {
        None
    };
    let parties = list(u, 4, party_file)?
        .into_iter()
        .enumerate()
        .map(|(index, party)| at(&format!("party-{index}.ron"), party))
        .collect();
    Ok(Negotiation {
        agenda,
        parties,
        left_out: Vec::new(),
    })
}

/// Which parties are shown, in which order: any of them, possibly repeated or out of range.
pub(super) fn shown_parties(u: &mut Unstructured<'_>, count: usize) -> Vec<usize> {
    let all: Vec<usize> = (0..count).collect();
    match u.ratio(1, 3) {
        Ok(true) => list(u, count + 1, |u| u.int_in_range(0..=count)).unwrap_or(all),
        _ => all,
    }
}

fn agenda(u: &mut Unstructured<'_>) -> Result<Agenda> {
    Ok(Agenda {
        format: FORMAT_VERSION,
        name: text(u)?,
        description: text(u)?,
        issues: list(u, 4, |u| {
            Ok(AgendaIssue {
                id: word(u, &IDS)?,
                title: text(u)?,
                category: word(u, &["", "security"])?,
                description: text(u)?,
                scale: list(u, 4, |u| {
                    Ok(Anchor {
                        at: point(u)?,
                        meaning: text(u)?,
                    })
                })?,
                no_stake: list(u, 2, |u| word(u, &IDS))?,
                notes: text(u)?,
            })
        })?,
        rounds: list(u, 3, |u| {
            Ok(Round {
                id: word(u, &IDS)?,
                name: text(u)?,
                date: word(u, &DATES)?,
                description: text(u)?,
            })
        })?,
    })
}

fn party_file(u: &mut Unstructured<'_>) -> Result<PartyFile> {
    Ok(PartyFile {
        format: FORMAT_VERSION,
        party: Party {
            // From the same ids as the parties: members loaded, missing, repeated, itself.
            members: list(u, 3, |u| word(u, &IDS))?,
            id: word(u, &IDS)?,
            name: text(u)?,
            short_name: text(u)?,
            colour: word(u, &["#0072b2", "#e69f00", "#E69F00", "red"])?,
            capability: if u.arbitrary()? {
                Some(point(u)? / 100.0)
            } else {
                None
            },
            notes: text(u)?,
        },
        as_of: word(u, &DATES)?,
        summary: text(u)?,
        statements: list(u, 5, statement)?,
    })
}

fn statement(u: &mut Unstructured<'_>) -> Result<Statement> {
    let optional_point = |u: &mut Unstructured<'_>| -> Result<Option<f64>> {
        if u.arbitrary()? {
            Ok(Some(point(u)?))
        } else {
            Ok(None)
        }
    };
    let range = if u.ratio(2, 3)? {
        Some(Range {
            min: point(u)?,
            max: point(u)?,
        })
    } else {
        None
    };
    Ok(Statement {
        id: word(u, &["join", "no-entry", "pull-back", ""])?,
        issue: word(u, &IDS)?,
        kind: *u.choose(&Kind::ALL)?,
        summary: text(u)?,
        stance: optional_point(u)?,
        range,
        salience: point(u)?,
        firmness: *u.choose(&[Firmness::NonNegotiable, Firmness::Firm, Firmness::Flexible])?,
        estimated: u.arbitrary()?,
        conditions: list(u, 2, |u| {
            let waits_on = if u.arbitrary()? {
                Some(WaitsOn {
                    party: word(u, &IDS)?,
                    issue: word(u, &IDS)?,
                })
            } else {
                None
            };
            Ok(Condition {
                text: text(u)?,
                waits_on,
            })
        })?,
        sources: list(u, 2, |u| {
            Ok(Source {
                quote: text(u)?,
                speaker: text(u)?,
                date: word(u, &DATES)?,
                reference: text(u)?,
            })
        })?,
        notes: text(u)?,
        from: if u.arbitrary()? {
            Some(word(u, &IDS)?)
        } else {
            None
        },
        until: if u.arbitrary()? {
            Some(word(u, &IDS)?)
        } else {
            None
        },
    })
}
