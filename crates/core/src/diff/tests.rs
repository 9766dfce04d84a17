//! The rules of "What changed" on small negotiations, each expected value worked out by hand.

use std::path::PathBuf;

use super::*;
use crate::io::parse_ron;
use crate::model::{Agenda, PartyFile};
use crate::negotiation::Loaded;

/// `(statement id, range, firmness, from, until)`, all on issue `arms`.
type Line<'a> = (
    &'a str,
    (f64, f64),
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
);

fn party(id: &str, lines: &[Line<'_>]) -> Loaded<PartyFile> {
    let body: Vec<String> = lines
        .iter()
        .map(|(sid, (min, max), firmness, from, until)| {
            let from = from.map_or(String::new(), |r| format!(", from: \"{r}\""));
            let until = until.map_or(String::new(), |r| format!(", until: \"{r}\""));
            format!(
                "(id: \"{sid}\", issue: \"arms\", kind: Demand, summary: \"s\", stance: None, \
                 range: Some((min: {min}, max: {max})), salience: 50, firmness: {firmness}, \
                 estimated: true{from}{until})"
            )
        })
        .collect();
    let text = format!(
        "(format: 2, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", colour: \
         \"#000000\"), as_of: \"2030-01-01\", statements: [{}])",
        body.join(",")
    );
    Loaded {
        path: PathBuf::from(format!("{id}.ron")),
        data: parse_ron(&text).unwrap().value,
    }
}

/// An agenda with the one issue `arms` and rounds `r1` and `r2`.
fn negotiation(parties: Vec<Loaded<PartyFile>>) -> Negotiation {
    let text = "(format: 2, name: \"n\", issues: [(id: \"arms\", title: \"Arms\", scale: [(at: 0, \
                meaning: \"none\"), (at: 100, meaning: \"all\")])], rounds: [(id: \"r1\", name: \
                \"One\", date: \"2030-01-01\"), (id: \"r2\", name: \"Two\", date: \"2030-02-01\")])";
    let agenda: Agenda = parse_ron(text).unwrap().value;
    Negotiation {
        agenda: Some(Loaded {
            path: PathBuf::from("agenda.ron"),
            data: agenda,
        }),
        parties,
        left_out: Vec::new(),
    }
}

/// Party 0's change between r1 and r2, with party 1 (when given) placed at 70–90 throughout.
fn change_of(lines: &[Line<'_>], other: bool) -> PartyChange {
    let mut parties = vec![party("a", lines)];
    if other {
        parties.push(party("b", &[("b1", (70.0, 90.0), "Firm", None, None)]));
    }
    let negotiation = negotiation(parties);
    let all: Vec<usize> = (0..negotiation.parties.len()).collect();
    let diff = diff(&negotiation, &all, 0, 1);
    diff.changes
        .into_iter()
        .find(|change| change.party == 0)
        .unwrap()
}

#[test]
fn a_range_that_accepts_more_has_softened() {
    // 20–40 then 20–60: all of 20–40 and more. The middle moves 30 → 40, towards b's 80.
    let change = change_of(
        &[
            ("old", (20.0, 40.0), "Firm", None, Some("r1")),
            ("new", (20.0, 60.0), "Firm", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(change.change, Change::Softened);
    assert_eq!(change.moved, Some(10.0));
    assert_eq!(change.towards, vec![1]);
    assert_eq!(
        change.to.unwrap().statements,
        vec![StatementKey {
            party: 0,
            statement: 1
        }]
    );
}

#[test]
fn a_range_that_accepts_part_of_what_it_did_has_hardened() {
    // 20–60 then 30–50: a part of it, the middle stays at 40.
    let change = change_of(
        &[
            ("old", (20.0, 60.0), "Flexible", None, Some("r1")),
            ("new", (30.0, 50.0), "Flexible", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(change.change, Change::Hardened);
    assert_eq!(change.moved, Some(0.0));
    assert!(change.towards.is_empty() && change.away_from.is_empty());
}

#[test]
fn the_same_range_held_more_firmly_has_hardened_and_less_firmly_softened() {
    let firmer = change_of(
        &[
            ("old", (20.0, 40.0), "Flexible", None, Some("r1")),
            ("new", (20.0, 40.0), "NonNegotiable", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(firmer.change, Change::Hardened);
    assert_eq!(
        firmer.reason,
        "held more firmly: non-negotiable where it was flexible"
    );
    let looser = change_of(
        &[
            ("old", (20.0, 40.0), "Firm", None, Some("r1")),
            ("new", (20.0, 40.0), "Flexible", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(looser.change, Change::Softened);
}

#[test]
fn a_range_that_moves_is_judged_by_whom_it_moves_towards() {
    // 10–30 then 30–50, b at 70–90 (middle 80): distance 60 → 40, softened by 20 points.
    let towards = change_of(
        &[
            ("old", (10.0, 30.0), "Firm", None, Some("r1")),
            ("new", (30.0, 50.0), "Firm", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(towards.change, Change::Softened);
    assert_eq!(towards.moved, Some(20.0));
    assert_eq!(towards.towards, vec![1]);
    // The reverse: distance 40 → 60, hardened, away from b.
    let away = change_of(
        &[
            ("old", (30.0, 50.0), "Firm", None, Some("r1")),
            ("new", (10.0, 30.0), "Firm", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(away.change, Change::Hardened);
    assert_eq!(away.moved, Some(-20.0));
    assert_eq!(away.away_from, vec![1]);
    // Alone on the issue, an equal-width move cannot be judged: it stays unchanged, said why.
    let alone = change_of(
        &[
            ("old", (10.0, 30.0), "Firm", None, Some("r1")),
            ("new", (30.0, 50.0), "Firm", Some("r2"), None),
        ],
        false,
    );
    assert_eq!(alone.change, Change::Unchanged);
    assert_eq!(alone.moved, Some(20.0));
    assert!(
        alone.reason.contains("no other party placed"),
        "{}",
        alone.reason
    );
}

#[test]
fn speaking_up_is_new_falling_silent_dropped_and_holding_on_unchanged() {
    let new = change_of(&[("late", (20.0, 40.0), "Firm", Some("r2"), None)], true);
    assert_eq!(new.change, Change::New);
    assert!(new.from.is_none() && new.to.is_some());
    let dropped = change_of(&[("early", (20.0, 40.0), "Firm", None, Some("r1"))], true);
    assert_eq!(dropped.change, Change::Dropped);
    let kept = change_of(&[("both", (20.0, 40.0), "Firm", None, None)], true);
    assert_eq!(kept.change, Change::Unchanged);
    assert_eq!(kept.moved, Some(0.0));
    // A typing slip under 0.05 points is not a move.
    let slip = change_of(
        &[
            ("old", (20.0, 40.0), "Firm", None, Some("r1")),
            ("new", (20.04, 40.0), "Firm", Some("r2"), None),
        ],
        true,
    );
    assert_eq!(slip.change, Change::Unchanged);
}

#[test]
fn zones_open_close_widen_and_narrow() {
    // b stays at 50–70. a goes 20–40 (gap 40–50) → 20–60 (zone 50–60): opened.
    let zone = |a_then: (f64, f64), a_now: (f64, f64)| {
        let negotiation = negotiation(vec![
            party(
                "a",
                &[
                    ("old", a_then, "Firm", None, Some("r1")),
                    ("new", a_now, "Firm", Some("r2"), None),
                ],
            ),
            party("b", &[("b1", (50.0, 70.0), "Firm", None, None)]),
        ]);
        diff(&negotiation, &[0, 1], 0, 1).issues.remove(0)
    };
    let opened = zone((20.0, 40.0), (20.0, 60.0));
    assert_eq!(opened.zone, ZoneChange::Opened);
    assert_eq!(opened.from_status, Status::Deadlock);
    assert_eq!(
        opened.to_zone,
        Some(Range {
            min: 50.0,
            max: 60.0
        })
    );
    assert_eq!(zone((20.0, 60.0), (20.0, 40.0)).zone, ZoneChange::Closed);
    // 50–60 → 50–65: widened; the reverse narrowed; 50–55 → 60–65 shifted.
    assert_eq!(zone((20.0, 60.0), (20.0, 65.0)).zone, ZoneChange::Widened);
    assert_eq!(zone((20.0, 65.0), (20.0, 60.0)).zone, ZoneChange::Narrowed);
    assert_eq!(zone((20.0, 55.0), (60.0, 65.0)).zone, ZoneChange::Shifted);
    assert_eq!(zone((20.0, 60.0), (20.0, 60.0)).zone, ZoneChange::Unchanged);
}

#[test]
fn a_round_compared_with_itself_changes_nothing() {
    let negotiation = negotiation(vec![
        party("a", &[("x", (20.0, 40.0), "Firm", None, Some("r1"))]),
        party("b", &[("y", (50.0, 70.0), "Firm", Some("r2"), None)]),
    ]);
    let same = diff(&negotiation, &[0, 1], 1, 1);
    // a is silent at r2 both times; b unchanged.
    assert!(
        same.changes
            .iter()
            .all(|change| change.change == Change::Unchanged)
    );
    assert_eq!(same.issues[0].zone, ZoneChange::None);
}
