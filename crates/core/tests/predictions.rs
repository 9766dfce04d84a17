//! Predicted outcomes, trades and blocs, against numbers others published and numbers worked out by
//! hand. Each published figure names where it comes from; each hand-worked one shows the sum.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use common_ground_core::analysis::{
    Analysis, Move, Predicted, Trade, Trades, analyse, analyse_again,
};
use common_ground_core::blocs::{
    Bloc, BlocMode, arranged, blocs, counted, counted_twice, divergence,
};
use common_ground_core::edit::Touched;
use common_ground_core::model::{Firmness, Kind, Party, PartyFile, Range, Statement};
use common_ground_core::negotiation::{Loaded, Negotiation};
use common_ground_core::validate::validate;

/// One party's row: id, capability, and per issue (issue, position, salience 0–100).
type Row<'a> = (&'a str, Option<f64>, &'a [(&'a str, f64, f64)]);

fn statement(
    issue: &str,
    kind: Kind,
    stance: Option<f64>,
    range: Option<Range>,
    salience: f64,
) -> Statement {
    Statement {
        id: format!("on-{issue}-{}", kind.label().replace(' ', "-")),
        issue: issue.to_owned(),
        kind,
        summary: "s".to_owned(),
        stance,
        range,
        salience,
        firmness: Firmness::Firm,
        estimated: true,
        conditions: Vec::new(),
        sources: Vec::new(),
        notes: String::new(),
        from: None,
        until: None,
    }
}

fn party_file(id: &str, capability: Option<f64>, statements: Vec<Statement>) -> Loaded<PartyFile> {
    Loaded {
        path: PathBuf::from(format!("{id}.ron")),
        data: PartyFile {
            format: 2,
            party: Party {
                members: Vec::new(),
                id: id.to_owned(),
                name: id.to_owned(),
                short_name: id.to_owned(),
                colour: "#336699".to_owned(),
                capability,
                notes: String::new(),
            },
            as_of: "2022-01-26".to_owned(),
            summary: String::new(),
            statements,
        },
    }
}

/// A negotiation of stances only, as expected-utility tables give them.
fn table(rows: &[Row<'_>]) -> Negotiation {
    Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: rows
            .iter()
            .map(|(id, capability, cells)| {
                let statements = cells
                    .iter()
                    .map(|&(issue, x, s)| statement(issue, Kind::Demand, Some(x), None, s))
                    .collect();
                party_file(id, *capability, statements)
            })
            .collect(),
    }
}

fn all(negotiation: &Negotiation) -> Vec<usize> {
    (0..negotiation.parties.len()).collect()
}

fn close(actual: f64, expected: f64, decimals: i32) -> bool {
    (actual - expected).abs() < 0.5 * 10f64.powi(-decimals)
}

#[test]
fn bueno_de_mesquitas_european_example_gives_the_published_mean() {
    // The example actors of Bueno de Mesquita's model as Scholz, Calbert and Smith (2011,
    // "Unravelling Bueno De Mesquita's group decision model", Journal of Theoretical Politics
    // 23(4)) give them, in github.com/dmasad/BDM_DecisionModel_Replication, ExampleActors.csv;
    // its Testing.ipynb prints the mean voter position 7.389955686853767.
    let rows: [Row<'_>; 10] = [
        ("netherlands", Some(0.08), &[("emissions", 7.0, 40.0)]),
        ("belgium", Some(0.08), &[("emissions", 4.0, 80.0)]),
        ("luxembourg", Some(0.03), &[("emissions", 4.0, 20.0)]),
        ("germany", Some(0.16), &[("emissions", 4.0, 80.0)]),
        ("france", Some(0.16), &[("emissions", 10.0, 60.0)]),
        ("italy", Some(0.16), &[("emissions", 10.0, 60.0)]),
        ("uk", Some(0.16), &[("emissions", 10.0, 90.0)]),
        ("ireland", Some(0.05), &[("emissions", 7.0, 10.0)]),
        ("denmark", Some(0.05), &[("emissions", 4.0, 100.0)]),
        ("greece", Some(0.08), &[("emissions", 7.0, 70.0)]),
    ];
    let negotiation = table(&rows);
    let analysis = analyse(&negotiation, &all(&negotiation));
    let prediction = analysis
        .issue("emissions")
        .unwrap()
        .prediction
        .as_ref()
        .unwrap();
    assert!(
        close(prediction.weighted_mean, 7.39, 2),
        "{}",
        prediction.weighted_mean
    );
    assert!((prediction.weighted_mean - 7.389_955_686_853_767).abs() < 1e-12);
    // By hand, weights c·s: at 4, 6.4 + 0.6 + 12.8 + 5 = 24.8; at 7, 3.2 + 0.5 + 5.6 = 9.3;
    // at 10, 9.6 + 9.6 + 14.4 = 33.6; of 67.7 in all. Half is 33.85: 24.8 at 4 falls short,
    // 34.1 at 7 reaches it, so the median is 7, without a tie.
    assert_eq!(prediction.weighted_median, 7.0);
    assert_eq!(prediction.median_tied_to, None);
    assert!(!prediction.equal_capability);
    // The UK's weight, 14.4 of 67.7, is the largest: its move shifts the mean furthest.
    assert_eq!(
        negotiation.parties[prediction.mean_moved_most_by]
            .data
            .party
            .id,
        "uk"
    );
}

#[test]
fn the_greek_debt_example_gives_the_published_median() {
    // github.com/muratk3n/thirdwave, en/2015/07/mesquita-game-theory.md: eleven stakeholders
    // in the 2015 Greek debt talks, clout on 0–100 (here 0–1), position, salience; its code
    // prints "weighted mode 100.0" (the c·s-weighted median) and "mean voter 82", the mean
    // cut to an integer by Python 2's division: by hand 3,700,000 / 45,000 = 82.22.
    let rows: [Row<'_>; 11] = [
        ("greece", Some(1.0), &[("debt", 40.0, 100.0)]),
        ("usa", Some(0.3), &[("debt", 60.0, 100.0)]),
        ("imf", Some(0.2), &[("debt", 70.0, 100.0)]),
        ("juncker", Some(0.1), &[("debt", 80.0, 100.0)]),
        ("germany", Some(1.0), &[("debt", 100.0, 80.0)]),
        ("france", Some(0.7), &[("debt", 100.0, 100.0)]),
        ("dijsselbloem", Some(0.7), &[("debt", 100.0, 40.0)]),
        ("tusk", Some(0.7), &[("debt", 100.0, 40.0)]),
        ("italy", Some(0.5), &[("debt", 100.0, 100.0)]),
        ("ecb", Some(0.2), &[("debt", 100.0, 70.0)]),
        ("spain", Some(0.2), &[("debt", 100.0, 100.0)]),
    ];
    let negotiation = table(&rows);
    let analysis = analyse(&negotiation, &all(&negotiation));
    let prediction = analysis.issue("debt").unwrap().prediction.as_ref().unwrap();
    assert!(close(prediction.weighted_median, 100.0, 2));
    assert!(
        close(prediction.weighted_mean, 82.22, 2),
        "{}",
        prediction.weighted_mean
    );
    assert_eq!(prediction.weighted_mean.trunc(), 82.0);
    // Greece holds 100 × 100 of the 4,500 × 10 weight: a move across the scale by it alone
    // moves the mean from 82.22 − 40·(2/9) = 73.33 to 82.22 + 60·(2/9) = 95.56.
    let greece = &prediction.sensitivity[0];
    assert!(close(greece.share, 2.0 / 9.0, 6));
    assert!(close(greece.mean_range.min, 73.33, 2));
    assert!(close(greece.mean_range.max, 95.56, 2));
    assert_eq!(
        negotiation.parties[prediction.mean_moved_most_by]
            .data
            .party
            .id,
        "greece"
    );
}

#[test]
fn decides_own_test_of_the_nash_bargaining_solution() {
    // github.com/foarsitter/decide-exchange-model, decide/model/test/test_calculations.py:
    // a at 0, b and c at 100, all with salience and power 1: the NBS of a and b is 50, of all
    // three 200/3. Without capabilities the parties count equally, and the prediction says so.
    let negotiation = table(&[
        ("a", None, &[("p", 0.0, 100.0)]),
        ("b", None, &[("p", 100.0, 100.0)]),
        ("c", None, &[("p", 100.0, 100.0)]),
    ]);
    let two = analyse(&negotiation, &[0, 1]);
    let two = two.issue("p").unwrap().prediction.as_ref().unwrap();
    assert_eq!(two.weighted_mean, 50.0);
    // Weight splits exactly in half at 0: every point from 0 to 100 wins as many votes.
    assert_eq!(
        (two.weighted_median, two.median_tied_to),
        (0.0, Some(100.0))
    );
    assert!(two.equal_capability);
    assert_eq!(two.without_capability, vec![0, 1]);
    let three = analyse(&negotiation, &all(&negotiation));
    let three = three.issue("p").unwrap().prediction.as_ref().unwrap();
    assert!((three.weighted_mean - 200.0 / 3.0).abs() < 1e-12);
    assert_eq!((three.weighted_median, three.median_tied_to), (100.0, None));
}

#[test]
fn a_party_without_a_stance_counts_at_the_middle_of_its_range_and_a_red_line_is_flagged() {
    // West argues for 20 (salience 80, capability 0.5): weight 40. East states no stance but
    // accepts 60–100 with a red line, salience 60, capability 1: weight 60, position 80.
    // Mean (40·20 + 60·80) / 100 = 56, outside East's red line of 60–100; the median is 80
    // (60 of 100 at or below 80, 40 below half at 20), inside it.
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party_file(
                "west",
                Some(0.5),
                vec![statement("arms", Kind::Demand, Some(20.0), None, 80.0)],
            ),
            party_file(
                "east",
                Some(1.0),
                vec![statement(
                    "arms",
                    Kind::Rejection,
                    None,
                    Some(Range {
                        min: 60.0,
                        max: 100.0,
                    }),
                    60.0,
                )],
            ),
        ],
    };
    let analysis = analyse(&negotiation, &[0, 1]);
    let prediction = analysis.issue("arms").unwrap().prediction.as_ref().unwrap();
    assert_eq!(prediction.weighted_mean, 56.0);
    assert_eq!(prediction.weighted_median, 80.0);
    let east = prediction.input(1).unwrap();
    assert_eq!(
        (east.position, east.from_stance, east.weight),
        (80.0, false, 60.0)
    );
    assert_eq!(prediction.refused.len(), 1);
    assert_eq!(prediction.refused[0].prediction, Predicted::Mean);
    assert_eq!(prediction.refused[0].rejection.party, 1);
    // One party placed is no prediction.
    let alone = analyse(&negotiation, &[0]);
    assert_eq!(alone.issue("arms").unwrap().prediction, None);
}

/// The trade between two named parties, in either order.
fn trade_between<'a>(negotiation: &Negotiation, trades: &'a Trades, a: &str, b: &str) -> &'a Trade {
    let id = |party: usize| negotiation.parties[party].data.party.id.as_str();
    trades
        .iter()
        .find(|t| {
            let pair = (id(t.first.party), id(t.second.party));
            pair == (a, b) || pair == (b, a)
        })
        .unwrap()
}

/// The moves of the parties `a` and `b` in a trade between them.
fn moves_of(negotiation: &Negotiation, trade: &Trade, a: &str, b: &str) -> (Move, Move) {
    let id = |party: usize| negotiation.parties[party].data.party.id.as_str();
    if id(trade.first.party) == a {
        assert_eq!(id(trade.second.party), b);
        (trade.first, trade.second)
    } else {
        assert_eq!((id(trade.second.party), id(trade.first.party)), (a, b));
        (trade.second, trade.first)
    }
}

#[test]
fn decides_training_example_gives_the_published_exchange() {
    // github.com/foarsitter/decide-exchange-model, data/input/sample_data.txt (the DECIDE
    // training case of February 2017) and decide/model/test/test_calculations.py,
    // test_by_absolute_move: when Willems moves all the way to Wcentr on extra-investering,
    // the outcome there shifts 13.1579; equal gain makes the shift on tolheffing-binnenstad
    // 10.3878, which takes Wcentr 61.0512 points towards Willems.
    let rows: [Row<'_>; 10] = [
        (
            "willems",
            Some(1.0),
            &[("toll", 100.0, 95.0), ("investment", 25.0, 60.0)],
        ),
        (
            "pvda",
            Some(1.0),
            &[("toll", 50.0, 80.0), ("investment", 25.0, 50.0)],
        ),
        (
            "gl",
            Some(0.6),
            &[("toll", 100.0, 95.0), ("investment", 50.0, 40.0)],
        ),
        (
            "vvd",
            Some(0.5),
            &[("toll", 0.0, 90.0), ("investment", 50.0, 80.0)],
        ),
        (
            "sp",
            Some(0.4),
            &[("toll", 75.0, 70.0), ("investment", 0.0, 30.0)],
        ),
        (
            "cda",
            Some(0.5),
            &[("toll", 25.0, 80.0), ("investment", 25.0, 50.0)],
        ),
        (
            "d66",
            Some(0.2),
            &[("toll", 25.0, 50.0), ("investment", 25.0, 50.0)],
        ),
        (
            "cu",
            Some(0.2),
            &[("toll", 75.0, 70.0), ("investment", 50.0, 50.0)],
        ),
        (
            "kvk",
            Some(0.6),
            &[("toll", 25.0, 80.0), ("investment", 50.0, 50.0)],
        ),
        (
            "wcentr",
            Some(0.9),
            &[("toll", 0.0, 95.0), ("investment", 100.0, 90.0)],
        ),
    ];
    let negotiation = table(&rows);
    let analysis = analyse(&negotiation, &all(&negotiation));
    let trade = trade_between(&negotiation, &analysis.trades, "willems", "wcentr");
    let (willems, wcentr) = moves_of(&negotiation, trade, "willems", "wcentr");
    // Willems cares relatively more about the toll (0.95/0.6 against 0.95/0.9): it moves on
    // the investment, all the way from 25 to Wcentr's 100.
    assert_eq!(analysis.issues[willems.issue].issue, "investment");
    assert_eq!((willems.from, willems.to), (25.0, 100.0));
    assert!(close(willems.shift, 13.157_894_736_842_1, 3));
    assert!(close(wcentr.shift, 10.387_811_634_349_03, 3));
    assert_eq!(wcentr.from, 0.0);
    assert!(close(wcentr.to, 61.051_173_640_472_37, 3));
    // Each gains 0.95 · 10.3878 − 0.6 · 13.1579 = 1.9737.
    assert!(close(trade.gain, 1.9737, 4));
}

#[test]
fn the_paris_climate_talks_give_decides_first_exchange() {
    // github.com/foarsitter/decide-exchange-model, data/input/CoP21.csv (positions, saliences
    // and powers for the 2015 Paris talks, "consolidated on 2 Oct 2015") and
    // data/input/CoP21.compare.csv, the exchanges of the original DECIDE program for it. Its
    // first line, the best exchange: the USA moves on ex-ante assessment from 100 by −100,
    // China on finance volume from 100 by −89.2139, each gaining 2.19072.
    let eaa: [(&str, f64, f64, f64); 15] = [
        ("african-group", 100.0, 0.55, 0.25),
        ("ailac", 100.0, 0.45, 0.35),
        ("alba", 0.0, 0.55, 0.05),
        ("aosis", 100.0, 0.65, 0.5),
        ("arab-states", 0.0, 0.6, 0.4),
        ("ldcs", 90.0, 0.45, 0.5),
        ("brazil", 90.0, 0.35, 0.7),
        ("china", 0.0, 0.65, 1.0),
        ("eig", 100.0, 0.45, 0.35),
        ("eu28", 100.0, 0.5, 0.75),
        ("india", 0.0, 0.6, 0.6),
        ("umbrella-min", 60.0, 0.4, 0.4),
        ("japan", 60.0, 0.4, 0.6),
        ("russia", 0.0, 0.3, 0.6),
        ("usa", 100.0, 0.4, 1.0),
    ];
    let finance_volume: [(f64, f64); 15] = [
        (100.0, 0.8),
        (20.0, 0.55),
        (100.0, 0.9),
        (100.0, 0.85),
        (100.0, 0.35),
        (100.0, 0.85),
        (50.0, 0.45),
        (100.0, 0.5),
        (20.0, 0.5),
        (0.0, 0.65),
        (100.0, 0.65),
        (0.0, 0.65),
        (0.0, 0.65),
        (0.0, 0.5),
        (0.0, 0.7),
    ];
    let negotiation = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: eaa
            .iter()
            .zip(finance_volume)
            .map(|(&(id, x, s, c), (fx, fs))| {
                party_file(
                    id,
                    Some(c),
                    vec![
                        statement("eaa", Kind::Demand, Some(x), None, s * 100.0),
                        statement("finance-volume", Kind::Demand, Some(fx), None, fs * 100.0),
                    ],
                )
            })
            .collect(),
    };
    let analysis = analyse(&negotiation, &all(&negotiation));
    let best = analysis.trades.first().unwrap();
    let (usa, china) = moves_of(&negotiation, best, "usa", "china");
    assert_eq!(analysis.issues[usa.issue].issue, "eaa");
    assert_eq!((usa.from, usa.to), (100.0, 0.0));
    assert_eq!(analysis.issues[china.issue].issue, "finance-volume");
    assert!(close(china.from - china.to, 89.2139, 4));
    assert!(close(best.gain, 2.19072, 5), "{}", best.gain);
}

#[test]
fn parties_on_the_same_side_or_caring_alike_do_not_trade() {
    // Both below the outcome on p: nothing to give each other there.
    let negotiation = table(&[
        ("a", Some(1.0), &[("p", 10.0, 90.0), ("q", 10.0, 10.0)]),
        ("b", Some(1.0), &[("p", 20.0, 10.0), ("q", 90.0, 90.0)]),
        ("c", Some(1.0), &[("p", 90.0, 50.0), ("q", 50.0, 50.0)]),
    ]);
    let analysis = analyse(&negotiation, &[0, 1]);
    // Only a and b: on p the outcome (10·90 + 20·10)/100 = 11 has a below and b above, on q
    // (10·10 + 90·90)/100 = 82 likewise: they trade. a cares more about p, so it gives on q.
    let trade = analysis.trades.first().unwrap();
    assert_eq!((trade.first.party, trade.second.party), (0, 1));
    // With c, p's outcome is (900 + 200 + 4500)/150 = 37.3: a and b both below, no trade.
    let with_c = analyse(&negotiation, &all(&negotiation));
    assert!(!with_c.trades.iter().any(|t| (
        t.first.party.min(t.second.party),
        t.first.party.max(t.second.party)
    ) == (0, 1)));
    // Equal proportions of salience: no gain to share.
    let alike = table(&[
        ("a", Some(1.0), &[("p", 0.0, 50.0), ("q", 0.0, 50.0)]),
        ("b", Some(1.0), &[("p", 100.0, 50.0), ("q", 100.0, 50.0)]),
    ]);
    assert!(analyse(&alike, &[0, 1]).trades.is_empty());
}

/// Eight parties on six issues, positions and saliences spread by a fixed rule: many trades
/// over many pairs of issues. They come best first as one list sorted whole would give them;
/// after a party's stance on one issue moves, the trades brought up to date (the pairs of two
/// other issues kept, the rest found again) are those of a fresh analysis, and differ.
#[test]
fn the_trades_of_many_pairs_come_best_first_and_stay_true_after_an_edit() {
    let issues = ["i0", "i1", "i2", "i3", "i4", "i5"];
    let cells: Vec<Vec<(&str, f64, f64)>> = (0..8u32)
        .map(|party| {
            issues
                .iter()
                .zip(0u32..)
                .map(|(&issue, at)| {
                    let stance = f64::from((party * 37 + at * 53) % 101);
                    let salience = f64::from(10 + (party * 29 + at * 17) % 90);
                    (issue, stance, salience)
                })
                .collect()
        })
        .collect();
    let ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    let rows: Vec<Row<'_>> = ids
        .iter()
        .zip(&cells)
        .zip(1u32..)
        .map(|((id, cells), n)| (*id, Some(f64::from(n) / 10.0), cells.as_slice()))
        .collect();
    let mut negotiation = table(&rows);
    let parties = all(&negotiation);
    let before = analyse(&negotiation, &parties);
    let listed: Vec<&Trade> = before.trades.iter().collect();
    assert_eq!(listed.len(), before.trades.len());
    assert!(listed.len() > 40, "only {} trades", listed.len());
    let issue_pairs: BTreeSet<(usize, usize)> = listed
        .iter()
        .map(|t| {
            (
                t.first.issue.min(t.second.issue),
                t.first.issue.max(t.second.issue),
            )
        })
        .collect();
    assert!(issue_pairs.len() > 5, "trades on {issue_pairs:?} only");
    for (better, worse) in listed.iter().zip(listed.iter().skip(1)) {
        let key = |t: &Trade| (t.first.issue, t.second.issue, t.first.party, t.second.party);
        assert!(
            better.gain > worse.gain || (better.gain == worse.gain && key(better) < key(worse)),
            "{better:?} listed before {worse:?}"
        );
    }

    let moved = &mut negotiation.parties[3].data.statements[2];
    assert_eq!(moved.issue, "i2");
    moved.stance = Some(100.0 - moved.stance.unwrap());
    let touched = Touched::Issues(BTreeSet::from(["i2".to_owned()]));
    let again = analyse_again(&negotiation, &before, &touched, None);
    let fresh = analyse(&negotiation, &parties);
    assert_eq!(again, fresh);
    assert_ne!(fresh.trades, before.trades);
    let first = |analysis: &Analysis| analysis.trades.iter().take(5).copied().collect::<Vec<_>>();
    assert_eq!(first(&again), first(&fresh));
}

#[test]
fn a_trade_stops_at_a_partys_own_red_line() {
    // a: p at 0 (salience 90), q at 0 (salience 10) with a red line accepting only 0–30.
    // b: p at 100 (10), q at 100 (90). Capabilities 1. Outcomes: p (90·0 + 10·100)/100 = 10,
    // q (10·0 + 90·100)/100 = 90; a below both, b above both. a cares more about p, so a gives
    // on q. Its red line leaves it 30 points: the shift on q is at most 30·10/100 = 3, so equal
    // gain (ratio (0.9 + 0.1)/(0.1 + 0.9) = 1) makes the shift on p 3, b's move 3·100/10 = 30,
    // and the gain 0.9·3 − 0.1·3 = 2.4. Without the red line a would go all the way (gain 8).
    let red_lined = Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            party_file(
                "a",
                Some(1.0),
                vec![
                    statement("p", Kind::Demand, Some(0.0), None, 90.0),
                    statement("q", Kind::Demand, Some(0.0), None, 10.0),
                    statement(
                        "q",
                        Kind::Rejection,
                        None,
                        Some(Range {
                            min: 0.0,
                            max: 30.0,
                        }),
                        10.0,
                    ),
                ],
            ),
            party_file(
                "b",
                Some(1.0),
                vec![
                    statement("p", Kind::Demand, Some(100.0), None, 10.0),
                    statement("q", Kind::Demand, Some(100.0), None, 90.0),
                ],
            ),
        ],
    };
    let analysis = analyse(&red_lined, &[0, 1]);
    let trades: Vec<&Trade> = analysis.trades.iter().collect();
    let [trade] = trades.as_slice() else {
        panic!("one trade expected: {:?}", analysis.trades)
    };
    let (a, b) = moves_of(&red_lined, trade, "a", "b");
    assert_eq!((a.from, a.to, a.held_by_red_line), (0.0, 30.0, true));
    assert!(close(b.to, 70.0, 9) && !b.held_by_red_line);
    assert!(close(trade.gain, 2.4, 9));

    let free = table(&[
        ("a", Some(1.0), &[("p", 0.0, 90.0), ("q", 0.0, 10.0)]),
        ("b", Some(1.0), &[("p", 100.0, 10.0), ("q", 100.0, 90.0)]),
    ]);
    let analysis = analyse(&free, &[0, 1]);
    let best = analysis.trades.first().unwrap();
    let (a, _) = moves_of(&free, best, "a", "b");
    assert_eq!((a.to, a.held_by_red_line), (100.0, false));
    assert!(close(best.gain, 8.0, 9));
}

/// West is a bloc of a, b and "ghost", whose file is not loaded. On p, West accepts 50–100,
/// a argues for 70 within 60–80, b for 10 within 0–20; on q only a speaks, at 40.
fn with_a_bloc() -> Negotiation {
    let range = |min: f64, max: f64| Some(Range { min, max });
    let mut west = party_file(
        "west",
        Some(1.0),
        vec![statement("p", Kind::Demand, None, range(50.0, 100.0), 80.0)],
    );
    west.data.party.members = vec!["a".into(), "b".into(), "ghost".into()];
    Negotiation {
        agenda: None,
        left_out: Vec::new(),
        parties: vec![
            west,
            party_file(
                "a",
                Some(0.5),
                vec![
                    statement("p", Kind::Demand, Some(70.0), range(60.0, 80.0), 60.0),
                    statement("q", Kind::Demand, Some(40.0), None, 50.0),
                ],
            ),
            party_file(
                "b",
                Some(0.5),
                vec![statement(
                    "p",
                    Kind::Demand,
                    Some(10.0),
                    range(0.0, 20.0),
                    60.0,
                )],
            ),
            party_file(
                "east",
                Some(1.0),
                vec![statement("p", Kind::Demand, Some(0.0), None, 90.0)],
            ),
        ],
    }
}

#[test]
fn a_bloc_counts_whole_or_by_its_members_and_shows_who_breaks_ranks() {
    let negotiation = with_a_bloc();
    let declared = blocs(&negotiation);
    // The member that is not loaded is left out of the bloc's members.
    assert_eq!(
        declared,
        vec![Bloc {
            bloc: 0,
            members: vec![1, 2]
        }]
    );
    let everyone = all(&negotiation);
    assert_eq!(
        counted(&negotiation, &everyone, BlocMode::Whole),
        vec![0, 3]
    );
    assert_eq!(
        counted(&negotiation, &everyone, BlocMode::Members),
        vec![1, 2, 3]
    );
    // Without the bloc among those chosen its members simply count.
    assert_eq!(counted(&negotiation, &[1, 3], BlocMode::Whole), vec![1, 3]);
    // Compared together, the bloc and its members are counted twice, and that is said.
    let analysis = analyse(&negotiation, &everyone);
    assert_eq!(
        counted_twice(&negotiation, &analysis),
        vec![(0, vec![1, 2])]
    );

    let diverging = divergence(&negotiation, &declared[0]);
    // On p the members stand at 70 and 10: b's 0–20 misses West's 50–100, a's 60–80 meets it.
    let p = diverging.iter().find(|d| d.issue == "p").unwrap();
    assert_eq!(
        p.spread,
        Range {
            min: 10.0,
            max: 70.0
        }
    );
    assert_eq!(p.breaks_ranks, vec![2]);
    // On q only a speaks; West states nothing there, so nobody can break its ranks.
    let q = diverging.iter().find(|d| d.issue == "q").unwrap();
    assert_eq!(
        q.spread,
        Range {
            min: 40.0,
            max: 40.0
        }
    );
    assert!(q.breaks_ranks.is_empty());
    assert_eq!(q.silent, vec![2]);
}

#[test]
fn the_window_arranges_each_bloc_collapsed_or_expanded_in_its_place() {
    let negotiation = with_a_bloc();
    // East first, then b, the bloc, a: members are drawn where their bloc stands.
    let chosen = [3, 2, 0, 1];
    let whole = |_| BlocMode::Whole;
    let members = |_| BlocMode::Members;
    assert_eq!(arranged(&negotiation, &chosen, whole, |_| true), vec![3, 0]);
    assert_eq!(
        arranged(&negotiation, &chosen, members, |_| true),
        vec![3, 1, 2]
    );
    // A member the user hid stays hidden; with every member hidden the bloc stays in view.
    assert_eq!(
        arranged(&negotiation, &chosen, members, |p| p != 1),
        vec![3, 2]
    );
    assert_eq!(
        arranged(&negotiation, &chosen, members, |_| false),
        vec![3, 0]
    );
    // The bloc hidden (not chosen), its members stand as themselves, in their own places.
    assert_eq!(
        arranged(&negotiation, &[2, 3, 1], whole, |_| true),
        vec![2, 3, 1]
    );
}

#[test]
fn members_are_checked_against_the_parties_loaded() {
    let mut negotiation = with_a_bloc();
    negotiation.parties[0]
        .data
        .party
        .members
        .push("west".into());
    let problems: Vec<String> = validate(&negotiation)
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("member"))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("warning")
            && problems[0].contains("member `ghost` is not among the parties loaded")
    );
    assert!(
        problems[1].contains("error")
            && problems[1].contains("`west` cannot be a member of itself")
    );
}
