//! The comparison on small hand-made negotiations, each expected value worked out by hand.

use super::*;
use crate::io::parse_ron;
use crate::model::PartyFile;
use crate::negotiation::Loaded;
use std::path::PathBuf;

/// `(id, issue, kind, stance, range, firmness)` of one statement.
type Line<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<f64>,
    Option<(f64, f64)>,
    &'a str,
);

/// A party file made of one-line statements.
fn party(id: &str, statements: &[Line<'_>]) -> Loaded<PartyFile> {
    let body: Vec<String> = statements
        .iter()
        .map(|(sid, issue, kind, stance, range, firmness)| {
            let stance = stance.map_or("None".into(), |s| format!("Some({s})"));
            let range = range.map_or("None".into(), |(a, b)| format!("Some((min: {a}, max: {b}))"));
            format!(
                "(id: \"{sid}\", issue: \"{issue}\", kind: {kind}, summary: \"s\", stance: {stance}, \
                 range: {range}, salience: 50, firmness: {firmness}, estimated: true)"
            )
        })
        .collect();
    let text = format!(
        "(format: 1, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", colour: \"#000000\"), \
         as_of: \"2022-01-26\", statements: [{}])",
        body.join(",")
    );
    Loaded {
        path: PathBuf::from(format!("{id}.ron")),
        data: parse_ron(&text).unwrap().value,
    }
}

fn key(party: usize, statement: usize) -> StatementKey {
    StatementKey { party, statement }
}

#[test]
fn overlapping_ranges_give_their_common_zone() {
    // A accepts 20–60, B 40–90, C 50–70: the zone is 50–60.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[(
                    "x",
                    "arms",
                    "Offer",
                    Some(30.0),
                    Some((20.0, 60.0)),
                    "Flexible",
                )],
            ),
            party(
                "b",
                &[("x", "arms", "Offer", None, Some((40.0, 90.0)), "Flexible")],
            ),
            party(
                "c",
                &[("x", "arms", "Concern", None, Some((50.0, 70.0)), "Firm")],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 2]);
    let arms = analysis.issue("arms").unwrap();
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 50.0,
            max: 60.0
        })
    );
    assert!(arms.gap.is_none() && arms.silent.is_empty());

    // Without C the zone widens to 40–60: choosing parties changes the finding.
    let analysis = analyse(&negotiation, &[0, 1]);
    assert_eq!(
        analysis.issue("arms").unwrap().zone,
        Some(Range {
            min: 40.0,
            max: 60.0
        })
    );
}

#[test]
fn a_deadlock_names_the_gap_and_the_limits_that_make_it() {
    // East demands 0–5; West and North reject anything below 90 and 80.
    // Lowest max 5 (East), highest min 90 (West): the gap is 5–90, width 85.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "east",
                &[(
                    "guarantee",
                    "membership",
                    "Demand",
                    Some(0.0),
                    Some((0.0, 5.0)),
                    "Firm",
                )],
            ),
            party(
                "west",
                &[
                    ("talk", "other", "Offer", None, None, "Flexible"),
                    (
                        "open-door",
                        "membership",
                        "Rejection",
                        Some(100.0),
                        Some((90.0, 100.0)),
                        "NonNegotiable",
                    ),
                ],
            ),
            party(
                "north",
                &[(
                    "door",
                    "membership",
                    "Rejection",
                    None,
                    Some((80.0, 100.0)),
                    "Firm",
                )],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 2]);
    let membership = analysis.issue("membership").unwrap();
    assert_eq!(membership.status, Status::Deadlock);
    let gap = membership.gap.as_ref().unwrap();
    assert_eq!((gap.from, gap.to, gap.width()), (5.0, 90.0, 85.0));
    assert_eq!(gap.low_side, [key(0, 0)]);
    assert_eq!(gap.high_side, [key(1, 1)]);
    // East's stance 0 lies outside both red lines.
    assert_eq!(
        membership.collisions,
        [
            Collision {
                demand: key(0, 0),
                rejection: key(1, 1)
            },
            Collision {
                demand: key(0, 0),
                rejection: key(2, 0)
            },
        ]
    );
    // Only West speaks to "other": unaddressed, with East and North silent.
    let other = analysis.issue("other").unwrap();
    assert_eq!(other.status, Status::Unaddressed);
    assert_eq!(other.silent, [0, 2]);
}

#[test]
fn a_party_range_is_the_common_part_of_its_statements() {
    // A's 10–60 and 40–80 give 40–60; against B's 55–100 the zone is 55–60.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[
                    ("one", "i", "Offer", None, Some((10.0, 60.0)), "Flexible"),
                    ("two", "i", "Demand", None, Some((40.0, 80.0)), "Firm"),
                ],
            ),
            party(
                "b",
                &[("x", "i", "Offer", None, Some((55.0, 100.0)), "Flexible")],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1]);
    let issue = analysis.issue("i").unwrap();
    assert_eq!(
        issue.stands[0].range,
        Some(Range {
            min: 40.0,
            max: 60.0
        })
    );
    assert_eq!(issue.stands[0].range_from, [0, 1]);
    assert_eq!(
        issue.zone,
        Some(Range {
            min: 55.0,
            max: 60.0
        })
    );
}

#[test]
fn contradictory_ranges_fall_back_to_the_firmest_statement() {
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![party(
            "a",
            &[
                ("loose", "i", "Offer", None, Some((0.0, 10.0)), "Flexible"),
                (
                    "red-line",
                    "i",
                    "Rejection",
                    None,
                    Some((70.0, 100.0)),
                    "NonNegotiable",
                ),
            ],
        )],
    };
    let analysis = analyse(&negotiation, &[0]);
    let stand = &analysis.issue("i").unwrap().stands[0];
    assert_eq!(
        stand.range,
        Some(Range {
            min: 70.0,
            max: 100.0
        })
    );
    assert_eq!(stand.range_from, [1]);
}

#[test]
fn a_stance_without_a_range_places_the_party_at_that_point() {
    // A demands 0–20; B states only a stance of 100 (its firmest), C says nothing placed.
    // B counts as accepting just 100, so the gap is 20–100.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[(
                    "withdraw",
                    "i",
                    "Demand",
                    Some(0.0),
                    Some((0.0, 20.0)),
                    "Firm",
                )],
            ),
            party(
                "b",
                &[
                    ("soft", "i", "Concern", Some(80.0), None, "Flexible"),
                    ("posture", "i", "Warning", Some(100.0), None, "Firm"),
                ],
            ),
            party("c", &[("worry", "i", "Concern", None, None, "Firm")]),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 2]);
    let issue = analysis.issue("i").unwrap();
    assert_eq!(
        issue.stands[1].range,
        Some(Range {
            min: 100.0,
            max: 100.0
        })
    );
    assert_eq!(issue.stands[1].range_from, [1]);
    assert_eq!(issue.stands[2].range, None);
    assert_eq!(issue.status, Status::Deadlock);
    let gap = issue.gap.as_ref().unwrap();
    assert_eq!((gap.from, gap.to), (20.0, 100.0));
    assert_eq!(gap.high_side, [key(1, 1)]);
    assert!(issue.silent.is_empty(), "a party that speaks is not silent");
}

#[test]
fn an_off_scale_stance_is_ignored_and_a_party_chosen_twice_counts_once() {
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[(
                    "x",
                    "i",
                    "Demand",
                    Some(f64::NAN),
                    Some((90.0, 95.0)),
                    "Firm",
                )],
            ),
            party(
                "b",
                &[("line", "i", "Rejection", None, Some((85.0, 100.0)), "Firm")],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 0]);
    let issue = analysis.issue("i").unwrap();
    // The demand's range 90–95 lies inside 85–100: no collision despite the NaN stance.
    assert_eq!(issue.collisions, []);
    assert_eq!(analysis.parties, [0, 1]);
    assert_eq!(issue.stands.len(), 2);
    assert_eq!(issue.stands[0].statements, [0]);
}

#[test]
fn a_demand_inside_the_accepted_range_is_no_collision() {
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[
                    (
                        "inside",
                        "i",
                        "Demand",
                        Some(95.0),
                        Some((90.0, 100.0)),
                        "Firm",
                    ),
                    ("range-only", "i", "Demand", None, Some((0.0, 10.0)), "Firm"),
                ],
            ),
            party(
                "b",
                &[("line", "i", "Rejection", None, Some((85.0, 100.0)), "Firm")],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1]);
    // Only the range-only demand, 0–10, falls wholly outside 85–100.
    assert_eq!(
        analysis.issue("i").unwrap().collisions,
        [Collision {
            demand: key(0, 1),
            rejection: key(1, 0)
        }]
    );
}

#[test]
fn the_strongest_statement_is_the_hardest_kind_then_the_firmest() {
    let file = party(
        "a",
        &[
            ("offer", "i", "Offer", None, None, "NonNegotiable"),
            ("flexible-demand", "i", "Demand", None, None, "Flexible"),
            ("firm-demand", "i", "Demand", None, None, "Firm"),
            ("talks", "i", "OpenToTalks", None, None, "Firm"),
        ],
    );
    let statements = &file.data.statements;
    // Two demands outrank the offer and the opening; the firm one outranks the flexible.
    assert_eq!(strongest(statements, &[0, 1, 2, 3]), Some(2));
    assert_eq!(strongest(statements, &[0, 3]), Some(3));
    assert_eq!(strongest(statements, &[0]), Some(0));
    // Silence, and indices that point nowhere, give nothing.
    assert_eq!(strongest(statements, &[]), None);
    assert_eq!(strongest(statements, &[9]), None);
    assert!(hardness(Kind::Rejection) < hardness(Kind::Demand));
    assert!(hardness(Kind::Demand) < hardness(Kind::OpenToTalks));
    assert!(hardness(Kind::OpenToTalks) < hardness(Kind::Offer));
}

/// One agenda issue, `arms`, whose `no_stake` names `no_stake`.
fn agenda_with_no_stake(no_stake: &[&str]) -> Loaded<crate::model::Agenda> {
    let names: Vec<String> = no_stake.iter().map(|id| format!("\"{id}\"")).collect();
    let text = format!(
        "(format: 1, name: \"n\", issues: [(id: \"arms\", title: \"Arms\", scale: [(at: 0, \
         meaning: \"none\"), (at: 100, meaning: \"all\")], no_stake: [{}])])",
        names.join(", ")
    );
    Loaded {
        path: PathBuf::from("agenda.ron"),
        data: parse_ron(&text).unwrap().value,
    }
}

/// The worked example of docs/format.md §7: six parties on `arms`; A 20–60, B 40–90, C 30–70
/// and D 45–80 overlap in 45–60; E and F say nothing.
fn six_parties(no_stake: &[&str]) -> Negotiation {
    let ranged = |id: &str, min: f64, max: f64| {
        party(
            id,
            &[("x", "arms", "Offer", None, Some((min, max)), "Flexible")],
        )
    };
    Negotiation {
        agenda: Some(agenda_with_no_stake(no_stake)),
        parties: vec![
            ranged("a", 20.0, 60.0),
            ranged("b", 40.0, 90.0),
            ranged("c", 30.0, 70.0),
            ranged("d", 45.0, 80.0),
            party("e", &[("x", "other", "Offer", Some(10.0), None, "Firm")]),
            party("f", &[]),
        ],
        left_out: Vec::new(),
    }
}

#[test]
fn silence_leaves_an_overlap_untested_and_the_speakers_alone_agree() {
    let negotiation = six_parties(&[]);
    let all = analyse(&negotiation, &[0, 1, 2, 3, 4, 5]);
    let arms = all.issue("arms").unwrap();
    assert_eq!(arms.status, Status::Untested);
    // The zone is still worked out from the four who are placed: max(20,40,30,45)–min(60,90,70,80).
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 45.0,
            max: 60.0
        })
    );
    assert_eq!(arms.silent, vec![4, 5]);
    assert_eq!(arms.awaited, vec![4, 5]);
    assert_eq!(Status::Untested.id(), "untested");

    let speakers = analyse(&negotiation, &[0, 1, 2, 3]);
    let arms = speakers.issue("arms").unwrap();
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert!(arms.silent.is_empty() && arms.awaited.is_empty());
}

#[test]
fn a_party_with_no_stake_does_not_hold_an_agreement_back() {
    let negotiation = six_parties(&["e", "f"]);
    let arms = analyse(&negotiation, &[0, 1, 2, 3, 4, 5]);
    let arms = arms.issue("arms").unwrap();
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert_eq!(arms.no_stake, vec![4, 5]);
    assert!(arms.silent.is_empty());
    // Only one of the two recorded: the other still keeps it untested.
    let negotiation = six_parties(&["e"]);
    let analysis = analyse(&negotiation, &[0, 1, 2, 3, 4, 5]);
    let arms = analysis.issue("arms").unwrap();
    assert_eq!(arms.status, Status::Untested);
    assert_eq!(arms.awaited, vec![5]);
}

#[test]
fn a_party_that_speaks_without_a_position_is_awaited_but_not_silent() {
    // A 20–60 and B 40–90 overlap; C voices a concern with no stance or range.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[("x", "arms", "Offer", None, Some((20.0, 60.0)), "Flexible")],
            ),
            party(
                "b",
                &[("x", "arms", "Offer", None, Some((40.0, 90.0)), "Flexible")],
            ),
            party("c", &[("x", "arms", "Concern", None, None, "Firm")]),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 2]);
    let arms = analysis.issue("arms").unwrap();
    assert_eq!(arms.status, Status::Untested);
    assert!(arms.silent.is_empty());
    assert_eq!(arms.awaited, vec![2]);
}

#[test]
fn silence_does_not_soften_a_deadlock_and_one_placed_party_is_unaddressed() {
    // A 10–20 and B 70–90 stand apart; C is silent: still a deadlock, gap 20–70.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party(
                "a",
                &[("x", "arms", "Demand", None, Some((10.0, 20.0)), "Firm")],
            ),
            party(
                "b",
                &[("x", "arms", "Demand", None, Some((70.0, 90.0)), "Firm")],
            ),
            party("c", &[]),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1, 2]);
    let arms = analysis.issue("arms").unwrap();
    assert_eq!(arms.status, Status::Deadlock);
    assert_eq!(
        arms.gap.as_ref().map(|g| (g.from, g.to)),
        Some((20.0, 70.0))
    );
    assert_eq!(arms.silent, vec![2]);
    let alone = analyse(&negotiation, &[0, 2]);
    assert_eq!(alone.issue("arms").unwrap().status, Status::Unaddressed);
}
