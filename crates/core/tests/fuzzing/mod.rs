//! What the fuzz targets in `crates/core/fuzz` check, shared with `tests/fuzz_regressions.rs`,
//! which replays every kept crash input and the seed corpus under plain `cargo test`. Each
//! check takes the fuzzer's raw bytes, so a saved input replays exactly as it was found.
//!
//! - [`load_text`]: any bytes as one file of a small negotiation, read from disk as a user's
//!   file is; loading and validating must never panic, whatever the bytes.
//! - [`round_trip`]: an arbitrary negotiation written as the app saves it loads back equal,
//!   and writing it again gives the same bytes.
//! - [`analyse_and_report`]: an arbitrary negotiation validated, analysed for every round and
//!   written in every report and figure; the JSON must parse.

mod generate;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::Unstructured;
use common_ground_core::analysis::analyse_at;
use common_ground_core::blocs::{BlocMode, arranged, blocs, divergence_at};
use common_ground_core::diff::diff;
use common_ground_core::figure::{self, FigureKind, Theme};
use common_ground_core::io::{load, load_texts, to_canonical_ron};
use common_ground_core::negotiation::{Loaded, Negotiation};
use common_ground_core::report::{self, Changes};
use common_ground_core::rounds::Rounds;
use common_ground_core::validate::validate;

/// The small negotiation the fuzzed file joins: two issues, two rounds, two parties.
const AGENDA: &str = include_str!("context/agenda.ron");
const EAST: &str = include_str!("context/east.ron");
const WEST: &str = include_str!("context/west.ron");

/// Which file of the context the fuzzed bytes stand for, chosen by the first byte.
const ROLES: [(&str, &str); 3] = [
    ("agenda", "agenda.ron"),
    ("east", "east.ron"),
    ("extra", "north.ron"),
];

/// A folder per role, holding the other files of the context, written once per process.
fn folders() -> Option<&'static [PathBuf; 3]> {
    static FOLDERS: OnceLock<Option<(tempfile::TempDir, [PathBuf; 3])>> = OnceLock::new();
    FOLDERS
        .get_or_init(|| {
            // A RAM disk where there is one: the fuzzer writes a file per execution.
            let parent = Path::new("/dev/shm");
            let root = if parent.is_dir() {
                tempfile::tempdir_in(parent)
            } else {
                tempfile::tempdir()
            }
            .ok()?;
            let folders = ROLES.map(|(role, _)| root.path().join(role));
            for (folder, (role, _)) in folders.iter().zip(ROLES) {
                std::fs::create_dir(folder).ok()?;
                let context = [
                    ("agenda.ron", AGENDA),
                    ("east.ron", EAST),
                    ("west.ron", WEST),
                ];
                for (name, text) in context {
                    let replaced = (role == "agenda" && name == "agenda.ron")
                        || (role == "east" && name == "east.ron");
                    if !replaced {
                        std::fs::write(folder.join(name), text).ok()?;
                    }
                }
            }
            Some((root, folders))
        })
        .as_ref()
        .map(|(_, folders)| folders)
}

/// Any bytes as the agenda, a party file or an extra party file, loaded from disk.
pub(crate) fn load_text(data: &[u8]) {
    let Some((&role, bytes)) = data.split_first() else {
        return;
    };
    let Some(folders) = folders() else {
        panic!("no temporary folder for the fuzzed file");
    };
    let index = usize::from(role) % ROLES.len();
    let (Some(folder), Some((_, name))) = (folders.get(index), ROLES.get(index)) else {
        return;
    };
    let path = folder.join(name);
    if let Err(error) = std::fs::write(&path, bytes) {
        panic!("could not write {}: {error}", path.display());
    }
    let outcome = load(std::slice::from_ref(folder));
    let loaded =
        usize::from(outcome.negotiation.agenda.is_some()) + outcome.negotiation.parties.len();
    assert_eq!(
        loaded + outcome.negotiation.left_out.len(),
        outcome.files.len(),
        "every file is either loaded or said to be left out"
    );
    for problem in &outcome.problems {
        // Every message names a file, and no message is empty.
        assert!(!problem.message.is_empty());
    }
    let all: Vec<usize> = (0..outcome.negotiation.parties.len()).collect();
    analyse_at(&outcome.negotiation, &all, None);
}

/// An arbitrary negotiation, saved as the app saves and loaded back, is the same negotiation.
pub(crate) fn round_trip(data: &[u8]) {
    let Ok(generated) = generate::negotiation(&mut Unstructured::new(data)) else {
        return;
    };
    let mut files = Vec::new();
    if let Some(agenda) = &generated.agenda {
        files.push((agenda.path.clone(), written(&agenda.data)));
    }
    for party in &generated.parties {
        files.push((party.path.clone(), written(&party.data)));
    }
    let texts: Vec<(PathBuf, &str)> = files
        .iter()
        .map(|(path, text)| (path.clone(), text.as_str()))
        .collect();
    let outcome = load_texts(&texts);
    assert!(
        outcome.negotiation.left_out.is_empty(),
        "a saved file did not load: {:?}\n{texts:#?}",
        outcome.negotiation.left_out
    );
    // Debug text compares NaN with NaN and tells -0 from 0, as the saved bytes do.
    assert_eq!(
        format!("{:?}", outcome.negotiation.agenda),
        format!("{:?}", generated.agenda),
        "the agenda changed on its way through a file"
    );
    assert_eq!(
        format!("{:?}", outcome.negotiation.parties),
        format!("{:?}", generated.parties),
        "a party file changed on its way through a file"
    );
    for ((_, text), party) in files
        .iter()
        .skip(usize::from(generated.agenda.is_some()))
        .zip(&outcome.negotiation.parties)
    {
        assert_eq!(
            &written(&party.data),
            text,
            "saving what was loaded gave other bytes"
        );
    }
}

fn written<T: serde::Serialize>(value: &T) -> String {
    match to_canonical_ron(value) {
        Ok(text) => text,
        Err(error) => panic!("could not write a negotiation as RON: {error}"),
    }
}

/// An arbitrary negotiation through validation, the analysis at every round, every report
/// and every figure.
pub(crate) fn analyse_and_report(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(negotiation) = generate::negotiation(&mut u) else {
        return;
    };
    validate(&negotiation);
    let chosen = generate::shown_parties(&mut u, negotiation.parties.len());
    // Blocs as the window arranges them, each whole or by its members as the input says.
    let modes: Vec<bool> = (0..negotiation.parties.len())
        .map(|_| u.arbitrary().unwrap_or(false))
        .collect();
    let parties = arranged(
        &negotiation,
        &chosen,
        |bloc| match modes.get(bloc) {
            Some(true) => BlocMode::Members,
            _ => BlocMode::Whole,
        },
        |party| party % 2 == 0 || chosen.contains(&party),
    );
    // One round and one theme an execution, chosen by the input: the fuzzer reaches them
    // all, and each execution stays cheap enough for millions of them.
    let rounds = Rounds::of(&negotiation).len();
    let round = u.int_in_range(0..=rounds).unwrap_or(0).checked_sub(1);
    let theme = if u.arbitrary().unwrap_or(false) {
        Theme::Dark
    } else {
        Theme::Light
    };
    let analysis = analyse_at(&negotiation, &parties, round);
    let earlier = match (round, u.arbitrary::<u8>()) {
        (Some(round), Ok(back)) => Some(usize::from(back) % (round + 1)),
        _ => None,
    };
    let difference = earlier
        .zip(round)
        .map(|(from, to)| diff(&negotiation, &parties, from, to));
    let changes = difference.as_ref().map(|diff| Changes {
        negotiation: &negotiation,
        diff,
    });
    for bloc in blocs(&negotiation) {
        divergence_at(&negotiation, &bloc, round);
    }
    every_report(&negotiation, &analysis, changes, theme);
}

fn every_report(
    negotiation: &Negotiation,
    analysis: &common_ground_core::analysis::Analysis,
    changes: Option<Changes<'_>>,
    theme: Theme,
) {
    report::text(negotiation, analysis);
    report::markdown_brief(negotiation, analysis, changes);
    let json = report::json(negotiation, analysis)
        .unwrap_or_else(|error| panic!("the JSON report failed: {error}"));
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the JSON report does not parse: {error}\n{json}");
    }
    if let Some(changes) = changes {
        report::changes_text(changes);
        report::changes_markdown(changes);
        let json = report::changes_json(changes)
            .unwrap_or_else(|error| panic!("the changes' JSON failed: {error}"));
        if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
            panic!("the changes' JSON does not parse: {error}\n{json}");
        }
    }
    report::html_brief(negotiation, analysis, changes, theme);
    let mut kinds = vec![
        FigureKind::Scales,
        FigureKind::Matrix,
        FigureKind::Issue("not-an-issue".to_owned()),
    ];
    kinds.extend(
        analysis
            .issues
            .iter()
            .map(|issue| FigureKind::Issue(issue.issue.clone())),
    );
    for kind in kinds {
        let drawn = figure::figure(negotiation, analysis, &kind, theme);
        if let (FigureKind::Issue(id), Err(_)) = (&kind, &drawn) {
            assert!(
                analysis.issue(id).is_none(),
                "the chart of a compared issue failed"
            );
        }
    }
}

/// Gives a generated file the path it would have in a folder.
fn at<T>(name: &str, data: T) -> Loaded<T> {
    Loaded {
        path: PathBuf::from("fuzzed").join(name),
        data,
    }
}
