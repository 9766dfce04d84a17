//! The fuzz checks under plain `cargo test`, so they run on stable and in CI whether or not
//! cargo-fuzz can be installed: every input a fuzzer ever crashed on (kept in
//! `crates/core/fuzz/regressions/<target>/`), the seed corpus (`data/` and `tests/fixtures/`,
//! as each file of the negotiation), and a few thousand inputs from a fixed pseudo-random
//! sequence. `.ci/fuzz` runs the same checks under libFuzzer for millions of executions.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "fuzzing/mod.rs"]
mod fuzzing;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 3] = [
    ("load_text", fuzzing::load_text),
    ("round_trip", fuzzing::round_trip),
    ("analyse_and_report", fuzzing::analyse_and_report),
];

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", folder.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap_or_else(|error| panic!("{error}")).path())
        .filter(|path| path.is_file() && path.file_name().is_some_and(|name| name != ".keep"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The seed corpus `.ci/fuzz` starts from: each file as each role, the role byte first.
fn seeds() -> Vec<Vec<u8>> {
    let root = repository();
    let mut files = files_in(&root.join("tests/fixtures"));
    for example in ["data/ukraine-2022", "data/fictional-river-talks"] {
        files.extend(files_in(&root.join(example)));
    }
    assert!(files.len() >= 15, "the seed corpus lost files: {files:?}");
    files
        .iter()
        .flat_map(|file| {
            let bytes = read(file);
            (0..3u8).map(move |role| [vec![role], bytes.clone()].concat())
        })
        .collect()
}

#[test]
fn every_kept_crash_input_replays_without_a_failure() {
    for (target, check) in TARGETS {
        // files_in fails when a target's folder is gone, so none is skipped unseen.
        let folder = repository()
            .join("crates/core/fuzz/regressions")
            .join(target);
        for file in files_in(&folder) {
            check(&read(&file));
        }
    }
}

#[test]
fn the_seed_corpus_passes_every_check() {
    for seed in seeds() {
        for (_, check) in TARGETS {
            check(&seed);
        }
    }
}

/// A fixed xorshift sequence: the same inputs on every run, so a failure here reproduces.
fn pseudo_random_inputs(count: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let length = usize::try_from(next() % 600).unwrap_or(0);
        (0..length).map(|_| next().to_le_bytes()[0]).collect()
    })
}

#[test]
fn structured_checks_pass_on_a_fixed_pseudo_random_sequence() {
    for input in pseudo_random_inputs(1000) {
        fuzzing::round_trip(&input);
        fuzzing::analyse_and_report(&input);
    }
}
