//! DECIDE input tables in and out, on tables nobody here wrote (the Copenhagen data kept in
//! `tests/fixtures/decide/`, see its ORIGIN.md) and on hand-typed ones whose numbers are worked
//! out below: what is mapped to what, what is left empty, what is wrong and where.
#![expect(
    clippy::unwrap_used,
    reason = "a test helper fails loudly on what it did not expect"
)]

use std::fs;
use std::path::{Path, PathBuf};

use common_ground_core::model::{Firmness, Kind, PartyFile, Statement};
use common_ground_interchange::decide::{import_decide, write_decide};
use common_ground_interchange::{Error, Imported, is_decide_table};

const TODAY: &str = "2026-12-04";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/decide")
        .join(name)
}

fn party<'a>(imported: &'a Imported, key: &str) -> &'a PartyFile {
    imported
        .parties
        .iter()
        .map(|(_, file)| file)
        .find(|file| file.party.short_name == key)
        .unwrap_or_else(|| panic!("no party {key}"))
}

fn on<'a>(file: &'a PartyFile, issue: &str) -> Option<&'a Statement> {
    file.statements
        .iter()
        .find(|statement| statement.issue == issue)
}

fn cell_errors(result: Result<Imported, Error>) -> Vec<String> {
    match result {
        Err(Error::Cells(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected bad fields, got {other:?}"),
    }
}

/// A table typed into a temporary file.
fn table(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.csv");
    fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn the_copenhagen_table_as_decide_saves_it_becomes_a_negotiation() {
    let path = fixture("copenhagen.csv");
    assert!(is_decide_table(&path));
    let imported = import_decide(&path, "copenhagen", TODAY).unwrap();
    assert_eq!(imported.parties.len(), 11);
    assert_eq!(imported.agenda.issues.len(), 7);
    // 11 actors on 7 issues, but Russia has no record on Commitments or Extra.
    let statements: usize = imported
        .parties
        .iter()
        .map(|(_, f)| f.statements.len())
        .sum();
    assert_eq!(statements, 75);

    // '#D' 'USA' 'Newtreaty' 10.0 0.9 0.26 (line 33).
    let usa = party(&imported, "USA");
    assert_eq!(usa.party.id, "usa");
    assert_eq!(usa.party.capability, Some(0.26));
    assert_eq!(usa.as_of, TODAY);
    let treaty = on(usa, "newtreaty").unwrap();
    assert_eq!(treaty.stance, Some(10.0));
    assert_eq!(treaty.salience, 90.0);
    assert_eq!(treaty.range, None);
    assert_eq!(treaty.kind, Kind::Demand);
    assert_eq!(treaty.firmness, Firmness::Flexible);
    assert!(treaty.estimated);
    assert!(treaty.sources.is_empty());
    assert_eq!(
        treaty.notes,
        "From the DECIDE table copenhagen.csv, line 33: position 10, salience 0.9, power 0.26."
    );
    // '#D' 'Least Developed Countries' 'Domestred' 75.0 0.9 0.078.
    let ldc = party(&imported, "Least Developed Countries");
    assert_eq!(ldc.party.id, "least-developed-countries");
    assert_eq!(ldc.party.capability, Some(0.078));
    assert_eq!(on(ldc, "domestred").unwrap().stance, Some(75.0));
    assert_eq!(
        party(&imported, "EU (incl Norway)").party.id,
        "eu-incl-norway"
    );
    // Missing records stay missing: Russia is silent on two issues.
    let russia = party(&imported, "Russia");
    assert_eq!(russia.statements.len(), 5);
    assert!(on(russia, "commitments").is_none());
    assert!(on(russia, "extra").is_none());
    assert_eq!(on(russia, "domestred").unwrap().stance, Some(0.0));

    // The scale: #M 0 and 100 without descriptions, named as unnamed.
    let issue = &imported.agenda.issues[0];
    assert_eq!(
        (issue.id.as_str(), issue.title.as_str()),
        ("newtreaty", "Newtreaty")
    );
    let scale: Vec<(f64, &str)> = issue
        .scale
        .iter()
        .map(|anchor| (anchor.at, anchor.meaning.as_str()))
        .collect();
    assert_eq!(
        scale,
        [
            (0.0, "The lowest point (not named in the table)"),
            (100.0, "The highest point (not named in the table)")
        ]
    );
    // What the table could not say is said once, not 75 times.
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.contains("“copenhagen”"))
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.starts_with("None of the 75 statements has a source"))
    );
    assert!(
        !imported
            .notes
            .iter()
            .any(|note| note.contains("the statement has no source")),
        "{:#?}",
        imported.notes
    );
}

#[test]
fn the_copenhagen_table_typed_by_hand_is_refused_at_its_two_planted_errors() {
    let path = fixture("copenhagen_with_errors.csv");
    assert!(is_decide_table(&path));
    let errors = cell_errors(import_decide(&path, "copenhagen", TODAY));
    let file = path.display();
    assert_eq!(
        errors,
        [
            format!("{file}:86:4: error: position 160 is outside the scale of “Control”, 0 to 100"),
            format!("{file}:87:6: error: the power -0.247 is outside 0–1"),
        ]
    );
}

#[test]
fn the_hand_typed_copenhagen_table_without_its_errors_keeps_its_names_and_comments() {
    let text = fs::read_to_string(fixture("copenhagen_with_errors.csv"))
        .unwrap()
        .replace("Control\t160\t", "Control\t60\t")
        .replace("-0.247", "0.247");
    let (_dir, path) = table(&text);
    let imported = import_decide(&path, "copenhagen", TODAY).unwrap();
    assert_eq!(imported.parties.len(), 11);
    let issue = &imported.agenda.issues[0];
    assert_eq!(issue.title, "Copenhagen new treaty vs extension of Kyoto");
    // No #M rows: 0 to 100, as DECIDE takes it, and said.
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.starts_with("Issue “Newtreaty” has no #M points"))
    );
    assert!(
        imported.agenda.description.contains(
            "Data collected on 27 and 28 Oct 2009. Clarisse Siebert and Richard Klein (SEI)"
        ),
        "{}",
        imported.agenda.description
    );
    assert_eq!(
        on(party(&imported, "Russia"), "control").unwrap().stance,
        Some(60.0)
    );
}

#[test]
fn a_scale_of_its_own_is_drawn_on_0_to_100_and_empty_cells_stay_empty() {
    // Semicolons, double quotes and decimal commas, as a Dutch spreadsheet writes them.
    let (_dir, path) = table(
        "\"#A\";\"west\";\"The West\";\"a bloc\"\n\
         \"#A\";\"east\";\"The East\";\"\"\n\
         \"#P\";\"sanctions\";\"Sanctions\";\"how hard\"\n\
         \"#M\";\"sanctions\";-7;\"Lift them all\"\n\
         \"#M\";\"sanctions\";0;\"\"\n\
         \"#M\";\"sanctions\";7;\"Total embargo\"\n\
         \"#P\";\"talks\";\"Talks\";\"\"\n\
         \"#D\";\"west\";\"sanctions\";3,5;0,8;0,6\n\
         \"#D\";\"west\";\"talks\";40;0,5;0,4\n\
         \"#D\";\"east\";\"sanctions\";-7;1;\n\
         \"#D\";\"east\";\"talks\";;0,25;\n",
    );
    assert!(is_decide_table(&path));
    let imported = import_decide(&path, "typed", TODAY).unwrap();
    let sanctions = &imported.agenda.issues[0];
    // −7 … 7 on 0 … 100: x ↦ (x + 7) × 100 / 14, so 0 ↦ 50 and 3.5 ↦ 75.
    let scale: Vec<(f64, &str)> = sanctions
        .scale
        .iter()
        .map(|anchor| (anchor.at, anchor.meaning.as_str()))
        .collect();
    assert_eq!(
        scale,
        [
            (0.0, "Lift them all"),
            (50.0, "Position 0 (not named in the table)"),
            (100.0, "Total embargo")
        ]
    );
    assert_eq!(sanctions.description, "how hard");
    let west = party(&imported, "west");
    assert_eq!(west.party.name, "The West");
    assert_eq!(west.party.notes, "a bloc");
    assert_eq!(on(west, "sanctions").unwrap().stance, Some(75.0));
    assert_eq!(on(west, "sanctions").unwrap().salience, 80.0);
    // Its power differs by issue: the capability is the mean, 0.5, and that is said.
    assert_eq!(west.party.capability, Some(0.5));
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.starts_with("Actor “west” has a different power"))
    );
    let east = party(&imported, "east");
    assert_eq!(east.party.capability, None, "no power given");
    assert_eq!(on(east, "sanctions").unwrap().stance, Some(0.0));
    let talks = on(east, "talks").unwrap();
    assert_eq!(talks.stance, None, "no position given");
    assert_eq!(talks.salience, 25.0);
    assert!(
        imported
            .notes
            .iter()
            .any(|note| note.starts_with("Issue “sanctions” runs from -7 to 7"))
    );
}

#[test]
fn every_bad_field_is_named_by_line_and_column_and_nothing_is_imported() {
    let (_dir, path) = table(
        "#A\tus\tUnited States\n\
         #A\tus\tAgain\n\
         #P\ttrade\tTrade\n\
         #P\tsolo\tSolo\n\
         #M\tsolo\t10\n\
         #M\tnowhere\t0\n\
         #D\tus\ttrade\thigh\t0.5\t0.5\n\
         #D\tus\ttrade\t20\t0.5\t0.5\n\
         #D\tus\ttrade\t30\t0.5\t0.5\n\
         #D\tthem\ttrade\t20\t0.5\t0.5\n\
         #D\tus\tfarming\t20\t0.5\t0.5\n\
         #D\tus\ttrade\t20\t1.5\t0.5\n\
         #X\twhat\n",
    );
    let file = path.display();
    let errors = cell_errors(import_decide(&path, "typed", TODAY));
    assert_eq!(
        errors,
        [
            format!("{file}:7:4: error: the position “high” is not a number"),
            format!(
                "{file}:13:1: error: “#X” is not a DECIDE record: each line starts with #A (an \
                 actor), #P (an issue), #M (a point of its scale), #D (a position), or #0 or #/ \
                 (a comment)"
            ),
            format!("{file}:6:2: error: no #P issue has the key “nowhere”"),
            format!(
                "{file}:5:3: error: issue “solo” has one #M point; its scale needs two, its \
                 lowest and its highest, or none for 0 to 100"
            ),
            format!("{file}:2:2: error: a second actor with the key “us” (the first is on line 1)"),
            format!(
                "{file}:8:1: error: a second position of “us” on “trade” (the first is on line 7)"
            ),
            format!(
                "{file}:9:1: error: a second position of “us” on “trade” (the first is on line 7)"
            ),
            format!("{file}:10:2: error: no #A actor has the key “them”"),
            format!("{file}:11:3: error: no #P issue has the key “farming”"),
            format!(
                "{file}:12:1: error: a second position of “us” on “trade” (the first is on line 7)"
            ),
        ]
    );
}

#[test]
fn what_is_not_a_decide_table_is_told_apart() {
    let (_dir, path) = table("party,issue,kind,summary\nus,a,demand,x\n");
    assert!(!is_decide_table(&path));
    let (_dir, empty) = table("\n\n");
    assert!(!is_decide_table(&empty));
    match import_decide(&empty, "typed", TODAY) {
        Err(Error::Unreadable { message, .. }) => {
            assert_eq!(
                message,
                "no #A actor and no #D position: this is not a DECIDE table"
            );
        }
        other => panic!("an empty file was read as a table: {other:?}"),
    }
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.csv");
    fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    match import_decide(&huge, "huge", TODAY) {
        Err(error @ Error::Unreadable { .. }) => {
            assert!(
                error.to_string().contains("over the 64 MiB limit"),
                "{error}"
            );
        }
        other => panic!("a 100 MB file was read: {other:?}"),
    }
}

/// A party's key and capability, an issue, the stance and the salience there.
type Numbers = (String, Option<f64>, String, Option<f64>, f64);

#[test]
fn out_to_decide_and_back_keeps_every_position_salience_and_power() {
    let first = import_decide(&fixture("copenhagen.csv"), "copenhagen", TODAY).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let negotiation = first.negotiation_in(dir.path());
    let out = dir.path().join("out.csv");
    let notes = write_decide(&negotiation, &out).unwrap();
    assert!(notes[0].starts_with("A DECIDE table holds a position, a salience and a power"));
    let text = fs::read_to_string(&out).unwrap();
    // As DECIDE saves it: tabs, text in single quotes, numbers bare.
    assert!(
        text.lines()
            .any(|line| line == "'#D'\t'USA'\t'newtreaty'\t10\t0.9\t0.26"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|line| line.starts_with("'#A'\t'EU (incl Norway)'\t"))
    );
    assert_eq!(
        text.lines().filter(|line| line.starts_with("'#D'")).count(),
        75
    );

    let second = import_decide(&out, "copenhagen", TODAY).unwrap();
    let numbers = |imported: &Imported| {
        let mut all: Vec<Numbers> = Vec::new();
        for (_, file) in &imported.parties {
            for statement in &file.statements {
                all.push((
                    file.party.short_name.clone(),
                    file.party.capability,
                    statement.issue.clone(),
                    statement.stance,
                    statement.salience,
                ));
            }
        }
        all.sort_by(|a, b| (&a.0, &a.2).cmp(&(&b.0, &b.2)));
        all
    };
    assert_eq!(numbers(&second), numbers(&first));
    let titles = |imported: &Imported| -> Vec<String> {
        imported
            .agenda
            .issues
            .iter()
            .map(|issue| issue.title.clone())
            .collect()
    };
    assert_eq!(titles(&second), titles(&first));
}
