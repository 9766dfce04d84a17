//! The edges of the comparison's rules, each on a negotiation small enough to work out by hand:
//! ranges that meet at one point, ties, statements that place nobody, a party against itself.

use super::*;
use crate::io::parse_ron;
use crate::model::PartyFile;
use crate::negotiation::Loaded;
use std::path::PathBuf;

/// One statement on the issue `arms`, in RON: `kind`, then the fields that differ.
fn line(id: &str, kind: &str, fields: &str) -> String {
    format!(
        "(id: \"{id}\", issue: \"arms\", kind: {kind}, summary: \"s\", estimated: true, {fields})"
    )
}

fn party(id: &str, statements: &[String]) -> Loaded<PartyFile> {
    let text = format!(
        "(format: 2, party: (id: \"{id}\", name: \"{id}\", short_name: \"{id}\", \
         colour: \"#000000\"), as_of: \"2022-01-26\", statements: [{}])",
        statements.join(", ")
    );
    Loaded {
        path: PathBuf::from(format!("{id}.ron")),
        data: parse_ron(&text).unwrap().value,
    }
}

fn of(parties: Vec<Loaded<PartyFile>>) -> Negotiation {
    Negotiation {
        agenda: None,
        parties,
        left_out: Vec::new(),
    }
}

fn on_arms(negotiation: &Negotiation) -> IssueAnalysis {
    let all: Vec<usize> = (0..negotiation.parties.len()).collect();
    analyse(negotiation, &all).issue("arms").unwrap().clone()
}

fn key(party: usize, statement: usize) -> StatementKey {
    StatementKey { party, statement }
}

const FIRM: &str = "salience: 50, firmness: Firm";

#[test]
fn ranges_that_touch_at_one_point_agree_on_that_point() {
    // A accepts 20–40, B 40–70: they share 40 and nothing else.
    let touching = of(vec![
        party(
            "a",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 20, max: 40)), {FIRM}"),
            )],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 40, max: 70)), {FIRM}"),
            )],
        ),
    ]);
    let arms = on_arms(&touching);
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 40.0,
            max: 40.0
        })
    );
    assert_eq!(arms.gap, None);
    // A hair apart, 40 against 40.5: a deadlock with a gap of half a point.
    let apart = of(vec![
        party(
            "a",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 20, max: 40)), {FIRM}"),
            )],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 40.5, max: 70)), {FIRM}"),
            )],
        ),
    ]);
    let arms = on_arms(&apart);
    assert_eq!(arms.status, Status::Deadlock);
    let gap = arms.gap.unwrap();
    assert_eq!((gap.from, gap.to, gap.width()), (40.0, 40.5, 0.5));
    assert_eq!(gap.low_side, [key(0, 0)]);
    assert_eq!(gap.high_side, [key(1, 0)]);
}

#[test]
fn one_range_inside_another_gives_the_inner_one_as_the_zone() {
    let nested = of(vec![
        party(
            "a",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 10, max: 90)), {FIRM}"),
            )],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 30, max: 50)), {FIRM}"),
            )],
        ),
    ]);
    let arms = on_arms(&nested);
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 30.0,
            max: 50.0
        })
    );
}

#[test]
fn a_contradiction_inside_one_party_falls_back_to_its_firmest_statement() {
    // A says 0–30 (flexible, salience 90) and 60–100 (non-negotiable, salience 10): they do
    // not meet, so its non-negotiable statement stands, whatever the salience. B at 70–80
    // then overlaps with A in 70–80; with A's flexible range it would be a deadlock.
    let negotiation = of(vec![
        party(
            "a",
            &[
                line(
                    "soft",
                    "Offer",
                    "range: Some((min: 0, max: 30)), salience: 90, firmness: Flexible",
                ),
                line(
                    "hard",
                    "Demand",
                    "range: Some((min: 60, max: 100)), salience: 10, firmness: NonNegotiable",
                ),
            ],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 70, max: 80)), {FIRM}"),
            )],
        ),
    ]);
    let arms = on_arms(&negotiation);
    let a = &arms.stands[0];
    assert_eq!(
        a.range,
        Some(Range {
            min: 60.0,
            max: 100.0
        })
    );
    assert_eq!(a.range_from, [1]);
    assert_eq!(arms.status, Status::PossibleAgreement);
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 70.0,
            max: 80.0
        })
    );
}

#[test]
fn between_equally_firm_statements_higher_salience_wins_then_the_earlier_one() {
    let contradicting = |first_salience: u32, second_salience: u32| {
        of(vec![party(
            "a",
            &[
                line(
                    "low",
                    "Demand",
                    &format!(
                        "range: Some((min: 0, max: 30)), salience: {first_salience}, firmness: Firm"
                    ),
                ),
                line(
                    "high",
                    "Demand",
                    &format!(
                        "range: Some((min: 60, max: 100)), salience: {second_salience}, firmness: Firm"
                    ),
                ),
            ],
        )])
    };
    // The second is more salient: its range stands.
    let arms_of = |n: &Negotiation| on_arms(n).stands[0].clone();
    let stand = arms_of(&contradicting(40, 80));
    assert_eq!(
        stand.range,
        Some(Range {
            min: 60.0,
            max: 100.0
        })
    );
    assert_eq!(stand.range_from, [1]);
    // The first is: its range stands.
    let stand = arms_of(&contradicting(80, 40));
    assert_eq!(
        stand.range,
        Some(Range {
            min: 0.0,
            max: 30.0
        })
    );
    assert_eq!(stand.range_from, [0]);
    // Equal: the earlier in the file.
    let stand = arms_of(&contradicting(60, 60));
    assert_eq!(
        stand.range,
        Some(Range {
            min: 0.0,
            max: 30.0
        })
    );
    assert_eq!(stand.range_from, [0]);
}

#[test]
fn the_strongest_of_two_alike_is_the_more_salient_then_the_earlier() {
    let file = party(
        "a",
        &[
            line("first", "Demand", "salience: 40, firmness: Firm"),
            line("second", "Demand", "salience: 70, firmness: Firm"),
            line("third", "Demand", "salience: 70, firmness: Firm"),
        ],
    );
    let statements = &file.data.statements;
    assert_eq!(strongest(statements, &[0, 1]), Some(1));
    assert_eq!(strongest(statements, &[0, 1, 2]), Some(1));
    assert_eq!(strongest(statements, &[2, 1]), Some(1));
    assert_eq!(strongest(statements, &[0, 2]), Some(2));
}

#[test]
fn without_ranges_the_firmest_stance_places_the_party() {
    // Two stances and no range: the non-negotiable one's point, not the more salient one's.
    let negotiation = of(vec![party(
        "a",
        &[
            line(
                "wish",
                "Demand",
                "stance: Some(20), salience: 90, firmness: Flexible",
            ),
            line(
                "line",
                "Demand",
                "stance: Some(75), salience: 10, firmness: NonNegotiable",
            ),
        ],
    )]);
    let stand = on_arms(&negotiation).stands[0].clone();
    assert_eq!(
        stand.range,
        Some(Range {
            min: 75.0,
            max: 75.0
        })
    );
    assert_eq!(stand.range_from, [1]);
}

#[test]
fn a_demand_with_neither_stance_nor_range_places_nobody_and_collides_with_nothing() {
    let negotiation = of(vec![
        party("a", &[line("ask", "Demand", FIRM)]),
        party(
            "b",
            &[line(
                "never",
                "Rejection",
                &format!("range: Some((min: 90, max: 100)), {FIRM}"),
            )],
        ),
        party(
            "c",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 80, max: 100)), {FIRM}"),
            )],
        ),
    ]);
    let arms = on_arms(&negotiation);
    assert_eq!(arms.stands[0].range, None);
    assert!(arms.collisions.is_empty());
    // A speaks without a place on the scale: awaited, not silent, and B and C's overlap
    // (90–100) is untested until it says where it stands.
    assert_eq!(arms.awaited, [0]);
    assert!(arms.silent.is_empty());
    assert_eq!(arms.status, Status::Untested);
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 90.0,
            max: 100.0
        })
    );
}

#[test]
fn a_red_line_without_a_usable_range_rejects_nothing() {
    for range in [
        "None",
        "Some((min: 70, max: 20))",
        "Some((min: -10, max: 20))",
    ] {
        let negotiation = of(vec![
            party(
                "a",
                &[line("ask", "Demand", &format!("stance: Some(50), {FIRM}"))],
            ),
            party(
                "b",
                &[line(
                    "never",
                    "Rejection",
                    &format!("range: {range}, {FIRM}"),
                )],
            ),
        ]);
        let arms = on_arms(&negotiation);
        assert!(arms.collisions.is_empty(), "{range}");
        // Nor does it place B: one placed party leaves the issue unaddressed.
        assert_eq!(arms.stands[1].range, None, "{range}");
        assert_eq!(arms.status, Status::Unaddressed, "{range}");
    }
}

#[test]
fn a_demand_collides_only_outside_another_partys_red_line() {
    let with_stance = |stance: f64| {
        of(vec![
            party(
                "a",
                &[line(
                    "ask",
                    "Demand",
                    &format!("stance: Some({stance}), {FIRM}"),
                )],
            ),
            party(
                "b",
                &[line(
                    "never",
                    "Rejection",
                    &format!("range: Some((min: 40, max: 100)), {FIRM}"),
                )],
            ),
        ])
    };
    // At the red line's edge the demand is still acceptable to B.
    assert!(on_arms(&with_stance(40.0)).collisions.is_empty());
    assert_eq!(
        on_arms(&with_stance(39.0)).collisions,
        [Collision {
            demand: key(0, 0),
            rejection: key(1, 0)
        }]
    );
    // Without a stance the demand's range counts: touching B's range at 40 is no collision.
    let with_range = |max: f64| {
        of(vec![
            party(
                "a",
                &[line(
                    "ask",
                    "Demand",
                    &format!("range: Some((min: 0, max: {max})), {FIRM}"),
                )],
            ),
            party(
                "b",
                &[line(
                    "never",
                    "Rejection",
                    &format!("range: Some((min: 40, max: 100)), {FIRM}"),
                )],
            ),
        ])
    };
    assert!(on_arms(&with_range(40.0)).collisions.is_empty());
    assert_eq!(on_arms(&with_range(39.0)).collisions.len(), 1);
}

#[test]
fn a_partys_demand_against_its_own_red_line_is_no_collision() {
    // A demands 10 and draws a red line at 50–100: a contradiction for the validator to
    // report, not a collision between parties.
    let negotiation = of(vec![party(
        "a",
        &[
            line("ask", "Demand", &format!("stance: Some(10), {FIRM}")),
            line(
                "never",
                "Rejection",
                &format!("range: Some((min: 50, max: 100)), {FIRM}"),
            ),
        ],
    )]);
    assert!(on_arms(&negotiation).collisions.is_empty());
}

/// A party `a` whose statement of `kind` has one condition waiting on `party`.
fn waiting(kind: &str, party_waited_on: &str) -> Negotiation {
    let condition = format!(
        "conditions: [(text: \"if\", waits_on: Some((party: \"{party_waited_on}\", issue: \"arms\")))]"
    );
    of(vec![
        party(
            "a",
            &[line(
                "give",
                kind,
                &format!("range: Some((min: 0, max: 50)), {FIRM}, {condition}"),
            )],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 20, max: 80)), {FIRM}"),
            )],
        ),
    ])
}

#[test]
fn offers_and_openings_that_wait_on_another_party_are_conditional_offers() {
    let expected = [ConditionalOffer {
        offer: key(0, 0),
        condition: 0,
    }];
    assert_eq!(on_arms(&waiting("Offer", "b")).conditional_offers, expected);
    assert_eq!(
        on_arms(&waiting("OpenToTalks", "b")).conditional_offers,
        expected
    );
    // A demand or a condition with a condition offers nothing.
    assert!(
        on_arms(&waiting("Demand", "b"))
            .conditional_offers
            .is_empty()
    );
    assert!(
        on_arms(&waiting("Condition", "b"))
            .conditional_offers
            .is_empty()
    );
}

#[test]
fn an_offer_that_waits_on_the_party_itself_is_not_conditional_on_anyone() {
    assert!(
        on_arms(&waiting("Offer", "a"))
            .conditional_offers
            .is_empty()
    );
}

#[test]
fn only_parties_the_negotiation_has_are_compared_and_each_once() {
    let negotiation = of(vec![
        party(
            "a",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 0, max: 50)), {FIRM}"),
            )],
        ),
        party(
            "b",
            &[line(
                "x",
                "Offer",
                &format!("range: Some((min: 20, max: 80)), {FIRM}"),
            )],
        ),
    ]);
    // Index 2 is one past the last party; 7 is far past it; 0 is asked for twice.
    let analysis = analyse(&negotiation, &[0, 2, 1, 0, 7]);
    assert_eq!(analysis.parties, [0, 1]);
    let arms = analysis.issue("arms").unwrap();
    assert_eq!(
        arms.zone,
        Some(Range {
            min: 20.0,
            max: 50.0
        })
    );
}
