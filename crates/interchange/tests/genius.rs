//! GENIUS and GeniusWeb scenarios in: scenarios nobody here wrote, kept in
//! `tests/fixtures/genius/` and `tests/fixtures/geniusweb/` (see each ORIGIN.md), and a
//! fictional shop typed below; every expected number is worked out by hand from the files' own
//! evaluations, weights and reservation values, as `src/genius/map.rs` documents the mapping.
#![expect(
    clippy::unwrap_used,
    reason = "a test helper fails loudly on what it did not expect"
)]

use std::fs;
use std::path::{Path, PathBuf};

use common_ground_core::model::{Kind, PartyFile, Range, Statement};
use common_ground_interchange::genius::{
    ScenarioFormat, import_genius, import_geniusweb, scenario_format,
};
use common_ground_interchange::{Error, Imported};

const TODAY: &str = "2026-12-04";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A fictional shop: the price (three prices and a “No agreement” item) and the days to
/// deliver (1 to 5).
const DOMAIN: &str = r#"<negotiation_template>
<agent utility_space="" name="" class=""></agent>
<utility_space number_of_issues="2">
<objective index="0" name="root" type="objective" etype="objective">
<issue index="1" name="Price" type="discrete" etype="discrete" vtype="discrete">
<item index="1" value="Low" cost="0"></item>
<item index="2" value="Medium"></item>
<item index="3" value="High"></item>
<item index="4" value="No agreement"></item>
</issue>
<issue index="2" name="Delivery" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
</objective>
</utility_space>
</negotiation_template>
"#;

/// The buyer: evaluations 10, 2, 6 (utilities 1, 0.2, 0.6); a day's delay costs 0.25
/// (utility 1 at 1 day, 0 at 5); weights 0.6 and 0.4; reservation 0.75.
const BUYER: &str = r#"<utility_space number_of_issues="2">
<reservation value="0.75"/>
<objective index="0" name="root" type="objective" etype="objective">
<issue index="1" name="Price" type="discrete" etype="discrete" vtype="discrete">
<item index="1" value="Low" evaluation="10"/>
<item index="2" value="Medium" evaluation="2"/>
<item index="3" value="High" evaluation="6"/>
<item index="4" value="No agreement" evaluation="0"/>
</issue>
<issue index="2" name="Delivery" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5">
<evaluator ftype="linear" slope="-0.25" offset="1"/>
</issue>
<weight index="1" value="0.6"/>
<weight index="2" value="0.4"/>
</objective>
</utility_space>
"#;

/// The seller: evaluations 1, 4, 8 (utilities 0.125, 0.5, 1); utility 0 at 1 day, 1 at 5;
/// weights 0.5 and 0.5; reservation 0.6; a discount factor.
const SELLER: &str = r#"<utility_space number_of_issues="2">
<objective index="0" name="root" type="objective" etype="objective">
<issue index="1" name="Price" type="discrete" etype="discrete" vtype="discrete">
<item index="1" value="Low" evaluation="1"/>
<item index="2" value="Medium" evaluation="4"/>
<item index="3" value="High" evaluation="8"/>
<item index="4" value="No agreement" evaluation="0"/>
</issue>
<issue index="2" name="Delivery" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5">
<evaluator ftype="linear" slope="0.25" offset="0"/>
</issue>
<weight index="1" value="0.5"/>
<weight index="2" value="0.5"/>
</objective>
<discount_factor value="0.9"/>
<reservation value="0.6"/>
</utility_space>
"#;

/// Files typed into a temporary folder.
fn folder(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            fs::write(&path, text).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn party<'a>(imported: &'a Imported, name: &str) -> &'a PartyFile {
    imported
        .parties
        .iter()
        .map(|(_, file)| file)
        .find(|file| file.party.name == name)
        .unwrap_or_else(|| panic!("no party {name}"))
}

fn on<'a>(file: &'a PartyFile, issue: &str) -> &'a Statement {
    file.statements
        .iter()
        .find(|statement| statement.issue == issue)
        .unwrap_or_else(|| panic!("no statement on {issue}"))
}

fn range(min: f64, max: f64) -> Range {
    Range { min, max }
}

fn cell_errors(result: Result<Imported, Error>) -> Vec<String> {
    match result {
        Err(Error::Cells(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected bad places, got {other:?}"),
    }
}

#[test]
fn a_genius_scenario_maps_best_values_weights_and_reservations_as_worked_out() {
    let (dir, _) = folder(&[
        ("fictional_shop_domain.xml", DOMAIN),
        ("buyer.xml", BUYER),
        ("seller.xml", SELLER),
    ]);
    assert_eq!(
        scenario_format(&[dir.path().to_owned()]),
        Some(ScenarioFormat::Genius)
    );
    let imported = import_genius(&[dir.path().to_owned()], TODAY).unwrap();
    assert_eq!(imported.agenda.name, "fictional_shop_domain");
    let ids: Vec<&str> = imported
        .agenda
        .issues
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["price", "delivery"]);
    // Three prices spread over 0–100; “No agreement” is no position.
    let price = &imported.agenda.issues[0];
    let anchors: Vec<(f64, &str)> = price
        .scale
        .iter()
        .map(|a| (a.at, a.meaning.as_str()))
        .collect();
    assert_eq!(anchors, [(0.0, "Low"), (50.0, "Medium"), (100.0, "High")]);
    let delivery = &imported.agenda.issues[1];
    assert_eq!(
        delivery.scale[0].meaning,
        "1, the lowest value in the domain"
    );
    assert_eq!(delivery.scale[1].at, 100.0);

    // The buyer: the best of both issues is worth 0.6 + 0.4 = 1. On price, 0.6·u must reach
    // 0.75 − 0.4 = 0.35, so u ≥ 0.583: Low (1) and High (0.6), not Medium (0.2).
    let buyer = party(&imported, "buyer");
    assert_eq!(buyer.party.id, "buyer");
    let on_price = on(buyer, "price");
    assert_eq!(on_price.kind, Kind::Demand);
    assert!(on_price.estimated);
    assert_eq!(on_price.stance, Some(0.0));
    assert_eq!(on_price.salience, 60.0);
    assert_eq!(on_price.range, Some(range(0.0, 100.0)));
    assert!(
        on_price
            .notes
            .contains("Inside the range but not acceptable on their own: “Medium”"),
        "{}",
        on_price.notes
    );
    assert_eq!(
        on_price.summary,
        "Prefers “Low”; could accept “Low” to “High”"
    );
    // On delivery, 0.4·u must reach 0.75 − 0.6 = 0.15, so u ≥ 0.375: u = 1 − p/100 on the
    // scale, so p ≤ 62.5, which is 1 + 4 × 0.625 = 3.5 days.
    let on_delivery = on(buyer, "delivery");
    assert_eq!(on_delivery.stance, Some(0.0));
    assert_eq!(on_delivery.salience, 40.0);
    assert_eq!(on_delivery.range, Some(range(0.0, 62.5)));
    assert_eq!(on_delivery.summary, "Prefers 1; could accept 1 to 3.5");
    assert!(buyer.party.notes.contains("reservation value 0.75"));

    // The seller: 0.5·u must reach 0.6 − 0.5 = 0.1 on either issue, so u ≥ 0.2: Medium and
    // High on price; p ≥ 20 on delivery.
    let seller = party(&imported, "seller");
    assert_eq!(on(seller, "price").stance, Some(100.0));
    assert_eq!(on(seller, "price").range, Some(range(50.0, 100.0)));
    assert_eq!(on(seller, "delivery").stance, Some(100.0));
    assert_eq!(on(seller, "delivery").range, Some(range(20.0, 100.0)));
    assert!(seller.party.notes.contains("Discount factor 0.9: not used"));

    let notes = imported.notes.join("\n");
    assert!(notes.contains("“No agreement” marks no deal"), "{notes}");
    assert!(
        notes.contains("None of the 4 statements has a source"),
        "{notes}"
    );
}

/// The same shop in GeniusWeb's JSON, each profile in one of the two spellings.
const WEB_DOMAIN: &str = r#"{
  "name": "fictional_shop",
  "issuesValues": {
    "Price": {"values": ["Low", "Medium", "High"]},
    "Delivery": {"range": {"low": 1, "high": 5, "step": 1}}
  }
}"#;

const WEB_BUYER: &str = r#"{
  "LinearAdditiveUtilitySpace": {
    "name": "buyer",
    "domain": {"name": "fictional_shop", "issuesValues": {}},
    "issueUtilities": {
      "Price": {"discreteutils": {"valueUtilities": {"Low": 1, "Medium": 0.2, "High": 0.6}}},
      "Delivery": {"NumberValueSetUtilities": {"lowValue": 1, "lowUtility": 1, "highValue": 5, "highUtility": 0}}
    },
    "issueWeights": {"Price": 0.6, "Delivery": 0.4},
    "reservationBid": {"issuevalues": {"Price": "High", "Delivery": 3}}
  }
}"#;

const WEB_SELLER: &str = r#"{
  "LinearAdditiveUtilitySpace": {
    "name": "seller",
    "issueUtilities": {
      "Price": {"DiscreteValueSetUtilities": {"valueUtilities": {"Low": 0.125, "Medium": 0.5, "High": 1}}},
      "Delivery": {"NumberValueSetUtilities": {"lowValue": 1, "lowUtility": 0, "highValue": 5, "highUtility": 1}}
    },
    "issueWeights": {"Price": 0.5, "Delivery": 0.5}
  }
}"#;

#[test]
fn a_geniusweb_scenario_in_either_spelling_maps_the_same_way() {
    let (_dir, paths) = folder(&[
        ("domain.json", WEB_DOMAIN),
        ("buyer.json", WEB_BUYER),
        ("seller.json", WEB_SELLER),
    ]);
    assert_eq!(scenario_format(&paths), Some(ScenarioFormat::GeniusWeb));
    let imported = import_geniusweb(&paths, TODAY).unwrap();
    assert_eq!(imported.agenda.name, "fictional_shop");
    // The file's order, not serde_json's alphabetical one.
    let ids: Vec<&str> = imported
        .agenda
        .issues
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["price", "delivery"]);
    // The buyer's reservation bid, High and 3 days, is worth 0.6 × 0.6 + 0.4 × 0.5 = 0.56.
    // On price 0.6·u must reach 0.56 − 0.4 = 0.16: u ≥ 0.267, Low and High again.
    let buyer = party(&imported, "buyer");
    assert!(
        buyer
            .party
            .notes
            .contains("reservation value 0.56, the utility of its reservation bid"),
        "{}",
        buyer.party.notes
    );
    assert_eq!(on(buyer, "price").range, Some(range(0.0, 100.0)));
    assert!(on(buyer, "price").notes.contains("“Medium”"));
    // On delivery 0.4·u must reach 0.56 − 0.6 = −0.04: every value.
    assert_eq!(on(buyer, "delivery").range, Some(range(0.0, 100.0)));
    assert_eq!(on(buyer, "delivery").stance, Some(0.0));
    // No reservation bid: 0, any deal beats none.
    let seller = party(&imported, "seller");
    assert!(seller.party.notes.contains("no reservation value, so 0"));
    assert_eq!(on(seller, "price").stance, Some(100.0));
    assert_eq!(on(seller, "price").range, Some(range(0.0, 100.0)));
    assert_eq!(on(seller, "delivery").salience, 50.0);
}

#[test]
fn bad_scenarios_are_named_by_file_line_and_column_and_nothing_is_imported() {
    // Weights of 0.6 and 0.5 sum to 1.1: refused at the first weight.
    let heavy = BUYER.replace(
        r#"<weight index="2" value="0.4"/>"#,
        r#"<weight index="2" value="0.5"/>"#,
    );
    let (dir, paths) = folder(&[("domain.xml", DOMAIN), ("buyer.xml", &heavy)]);
    let errors = cell_errors(import_genius(&paths, TODAY));
    let buyer = dir.path().join("buyer.xml");
    assert_eq!(
        errors,
        [format!(
            "{}:13:1: error: the weights sum to 1.1, not 1: a package's utility is the sum of \
             weight × utility, so weights that do not sum to 1 make the reservation value \
             meaningless; correct them in the profile",
            buyer.display()
        )]
    );

    // An issue the domain does not have, on line 3 of the profile.
    let unknown = BUYER.replace(r#"name="Price""#, r#"name="Cost""#);
    let (dir, paths) = folder(&[("domain.xml", DOMAIN), ("buyer.xml", &unknown)]);
    let errors = cell_errors(import_genius(&paths, TODAY));
    let buyer = dir.path().join("buyer.xml").display().to_string();
    assert!(
        errors.contains(&format!(
            "{buyer}:4:1: error: issue “Cost” is not in the domain file"
        )),
        "{errors:?}"
    );
    assert!(errors.contains(&format!(
        "{buyer}:1:1: error: the profile gives issue “Price” no utilities"
    )));

    // XML cut short inside an element.
    let cut = &BUYER[..BUYER.find("<weight").unwrap()];
    let (dir, paths) = folder(&[("domain.xml", DOMAIN), ("buyer.xml", cut)]);
    let errors = cell_errors(import_genius(&paths, TODAY));
    let buyer = dir.path().join("buyer.xml").display().to_string();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{buyer}:")), "{errors:?}");

    // Malformed JSON: serde_json's line and column.
    let broken = WEB_SELLER.replace(r#""Price": 0.5,"#, r#""Price": 0.5"#);
    let (dir, paths) = folder(&[("domain.json", WEB_DOMAIN), ("seller.json", &broken)]);
    let errors = cell_errors(import_geniusweb(&paths, TODAY));
    let seller = dir.path().join("seller.json").display().to_string();
    assert_eq!(
        errors,
        [format!(
            "{seller}:8:35: error: this is not well-formed JSON: expected `,` or `}}`"
        )]
    );

    // A utility for a value the domain does not list, found again in the text.
    let stray = WEB_SELLER.replace(r#""High": 1}"#, r#""Top": 1}"#);
    let (dir, paths) = folder(&[("domain.json", WEB_DOMAIN), ("seller.json", &stray)]);
    let errors = cell_errors(import_geniusweb(&paths, TODAY));
    let seller = dir.path().join("seller.json").display().to_string();
    assert_eq!(
        errors,
        [format!(
            "{seller}:5:95: error: “Top” is not a value of issue “Price” in the domain"
        )]
    );
}

#[test]
fn a_domain_alone_an_empty_folder_and_a_huge_file_are_refused_in_plain_words() {
    let (dir, paths) = folder(&[("domain.xml", DOMAIN)]);
    let message = import_genius(&paths, TODAY).unwrap_err().to_string();
    assert!(
        message.contains("no profile: a GENIUS scenario is its domain and one profile per party"),
        "{message}"
    );
    assert!(message.starts_with(&dir.path().join("domain.xml").display().to_string()));

    let (_dir, paths) = folder(&[("buyer.xml", BUYER)]);
    let message = import_genius(&paths, TODAY).unwrap_err().to_string();
    assert!(message.contains("no domain file"), "{message}");

    let empty = tempfile::tempdir().unwrap();
    let message = import_geniusweb(&[empty.path().to_owned()], TODAY)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("the folder holds no .json file"),
        "{message}"
    );

    // 100 MB, sparse: refused by its size before a byte is read.
    let (dir, _) = folder(&[("domain.xml", DOMAIN)]);
    let huge = dir.path().join("huge.xml");
    fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let message = import_genius(&[dir.path().to_owned()], TODAY)
        .unwrap_err()
        .to_string();
    assert!(message.contains("huge.xml"), "{message}");
    assert!(message.contains("over the 64 MiB limit"), "{message}");
}

const WHOLE_SCALE: Option<Range> = Some(Range {
    min: 0.0,
    max: 100.0,
});

#[test]
fn the_anac_2010_travel_scenario_becomes_two_parties_on_seven_issues() {
    let folder = fixture("genius/travel");
    assert_eq!(
        scenario_format(std::slice::from_ref(&folder)),
        Some(ScenarioFormat::Genius)
    );
    let imported = import_genius(&[folder], TODAY).unwrap();
    let issues: Vec<&str> = imported
        .agenda
        .issues
        .iter()
        .map(|issue| issue.title.as_str())
        .collect();
    assert_eq!(
        issues,
        [
            "Atmosphere",
            "Amusement",
            "Culinary",
            "Shopping",
            "Culture",
            "Sport",
            "Environment"
        ]
    );
    // Atmosphere's seven values sit 100/6 apart in the domain's order.
    let atmosphere = &imported.agenda.issues[0];
    assert_eq!(atmosphere.scale.len(), 7);
    assert_eq!(atmosphere.scale[5].meaning, "Turistic activities");
    assert_eq!(atmosphere.scale[5].at, 83.333_333_333);
    assert_eq!(imported.parties.len(), 2);

    // chox: Hospitality has the largest evaluation, 0.929…, so utility 1 at the last place;
    // the weight 0.3704517173416688 is a salience of 37.045171734. The reservation value is
    // −0.11, below anything a package can be worth: every value is acceptable.
    let chox = party(&imported, "travel_chox");
    let on_atmosphere = on(chox, "atmosphere");
    assert_eq!(on_atmosphere.stance, Some(100.0));
    assert_eq!(on_atmosphere.salience, 37.045_171_734);
    assert_eq!(on_atmosphere.range, WHOLE_SCALE);
    assert!(
        chox.party
            .notes
            .contains("reservation value -0.11061716193909855")
    );
    assert!(chox.party.notes.contains("Discount factor 0: not used"));
    // Culinary: Local cuisine, the first of four, has the largest evaluation (1.317…).
    assert_eq!(on(chox, "culinary").stance, Some(0.0));

    // fanny: Turistic activities' 478 is the largest of Atmosphere's evaluations; Cultural
    // heritage's 52 is a utility of 52/478 = 0.108786611. Reservation 0.
    let fanny = party(&imported, "travel_fanny");
    let on_atmosphere = on(fanny, "atmosphere");
    assert_eq!(on_atmosphere.stance, Some(83.333_333_333));
    assert!(
        on_atmosphere
            .notes
            .contains("“Cultural heritage” 0.108786611"),
        "{}",
        on_atmosphere.notes
    );
    assert_eq!(on_atmosphere.range, WHOLE_SCALE);
    // Culinary: Lunch facilities and International cuisine tie at 353; the first is the
    // demand, and the tie is said.
    let on_culinary = on(fanny, "culinary");
    assert_eq!(on_culinary.stance, Some(33.333_333_333));
    assert!(
        on_culinary
            .notes
            .contains("As good as “Lunch facilities”, the first listed: “International cuisine”"),
        "{}",
        on_culinary.notes
    );
    assert_eq!(on(fanny, "environment").salience, 37.130_497_531);
    assert!(fanny.statements.iter().all(|statement| statement.estimated));
}

#[test]
fn the_anl_2023_domain00_profiles_become_two_parties_with_or_without_the_domain_file() {
    let folder = fixture("geniusweb/domain00");
    assert_eq!(
        scenario_format(std::slice::from_ref(&folder)),
        Some(ScenarioFormat::GeniusWeb)
    );
    let imported = import_geniusweb(std::slice::from_ref(&folder), TODAY).unwrap();
    assert_eq!(imported.agenda.name, "domain00");
    assert_eq!(imported.agenda.issues.len(), 5);
    // issueE lists 15 values: 100/14 apart.
    let issue_e = &imported.agenda.issues[4];
    assert_eq!(issue_e.scale.len(), 15);
    assert_eq!(issue_e.scale[9].meaning, "valueJ");
    assert_eq!(issue_e.scale[9].at, 64.285_714_286);

    // profileA: valueH (utility 1.0) is the 8th of issueD's 9 values, 7 × 100/8 = 87.5;
    // weight 0.70691. No reservation bid: any deal beats none, every value acceptable.
    let a = party(&imported, "profileA");
    assert_eq!(on(a, "issued").stance, Some(87.5));
    assert_eq!(on(a, "issued").salience, 70.691);
    assert_eq!(on(a, "issued").range, WHOLE_SCALE);
    // valueE, the 5th of issueB's 8: 4 × 100/7.
    assert_eq!(on(a, "issueb").stance, Some(57.142_857_143));
    assert!(a.party.notes.contains("no reservation value, so 0"));
    // profileB: valueI, the last of issueD's; valueJ on issueE.
    let b = party(&imported, "profileB");
    assert_eq!(on(b, "issued").stance, Some(100.0));
    assert_eq!(on(b, "issuee").stance, Some(64.285_714_286));
    assert_eq!(on(b, "issueb").salience, 26.999);

    // Each profile holds its domain: the profiles alone give the same negotiation.
    let alone = import_geniusweb(
        &[folder.join("profileA.json"), folder.join("profileB.json")],
        TODAY,
    )
    .unwrap();
    assert_eq!(alone.agenda.issues, imported.agenda.issues);
    assert_eq!(alone.parties, imported.parties);
}

#[test]
fn integer_issues_with_linear_evaluators_and_no_agreement_items_map_as_worked_out() {
    // IntegerDomain: price and otherprice run from −5 to 5; both profiles give slope 0.1,
    // offset 0, so utility 0 at −5 and 1 at 5: the demand is 5, at the top of the scale.
    let imported = import_genius(&[fixture("genius/integer_domain")], TODAY).unwrap();
    let price = &imported.agenda.issues[0];
    assert_eq!(price.scale[0].meaning, "-5, the lowest value in the domain");
    let first = party(&imported, "IntegerDomain-prof1");
    let on_price = on(first, "price");
    assert_eq!(on_price.stance, Some(100.0));
    assert_eq!(on_price.salience, 75.0);
    assert_eq!(on_price.range, WHOLE_SCALE);
    assert_eq!(on_price.summary, "Prefers 5; could accept -5 to 5");
    assert!(
        on_price
            .notes
            .contains("utility 0 at -5 and 1 at 5, linear between")
    );
    assert_eq!(
        on(party(&imported, "IntegerDomain-prof2"), "price").salience,
        25.0
    );

    // QODomain: “No agreement” is a third item of Leased Car; off the scale, the two cars sit
    // at 0 and 100. Side B evaluates them 3 and 2 (utilities 1 and 0.667): it wants none.
    let imported = import_genius(&[fixture("genius/qodomain")], TODAY).unwrap();
    let car = imported
        .agenda
        .issues
        .iter()
        .find(|issue| issue.id == "leased-car")
        .unwrap();
    let meanings: Vec<&str> = car.scale.iter().map(|a| a.meaning.as_str()).collect();
    assert_eq!(meanings, ["Without leased car", "With leased car"]);
    let side_b = party(&imported, "Side_B_utility");
    let on_car = on(side_b, "leased-car");
    assert_eq!(on_car.stance, Some(0.0));
    assert_eq!(on_car.salience, 10.219_433_774);
    assert!(
        on_car
            .notes
            .contains("“Without leased car” 1, “With leased car” 0.666666667"),
        "{}",
        on_car.notes
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.contains("Issue “Leased Car”: “No agreement” marks no deal"))
    );
}

#[test]
fn the_jobs_profiles_reservation_bids_leave_the_ranges_worked_out() {
    let imported = import_geniusweb(&[fixture("geniusweb/jobs")], TODAY).unwrap();
    assert_eq!(imported.parties.len(), 2);
    // jobs2's reservation bid (3000, 0.8, 0, no, no, medium) is worth 0.2 × 0.5 + 0.165 ×
    // 0.636… + 0.245 × 1 + 0.08 × 1 + 0.21 × 1 + 0.1 × 0.5 = 0.79.
    let jobs2 = party(&imported, "jobs2");
    assert!(
        jobs2
            .party
            .notes
            .contains("reservation value 0.79, the utility of its reservation bid"),
        "{}",
        jobs2.party.notes
    );
    // Working from home (weight 0.245) must give 0.79 − 0.755 = 0.035, a utility of at least
    // 0.143: 0 days (1) and 1 day (0.5) do, 2 days (0) does not. The three sit at 0, 50, 100.
    let from_home = on(jobs2, "work-from-home");
    assert_eq!(from_home.stance, Some(0.0));
    assert_eq!(from_home.range, Some(range(0.0, 50.0)));
    assert_eq!(from_home.summary, "Prefers “0”; could accept “0” to “1”");
    // A permanent contract (0.21) must give 0.79 − 0.79 = 0: both answers do.
    assert_eq!(on(jobs2, "permanent-contract").range, WHOLE_SCALE);
    // jobs1's bid (3500, 0.8, 1, no, yes, medium) is worth 0.18 + 0.24 + 0.12 + 0 + 0.16 +
    // 0.02 = 0.72; the highest salary, 4000, is the last of five.
    let jobs1 = party(&imported, "jobs1");
    assert!(jobs1.party.notes.contains("reservation value 0.72"));
    assert_eq!(on(jobs1, "salary").stance, Some(100.0));
    assert_eq!(on(jobs1, "salary").salience, 24.0);
}
