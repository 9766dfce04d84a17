//! No input may panic the program: random bytes, mangled valid files, special files.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

use std::fs;
use std::path::PathBuf;

use common_ground_core::io::{has_comments, load, parse_ron};
use common_ground_core::model::{Agenda, PartyFile};
use proptest::prelude::*;

fn bundled_party_text() -> String {
    fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/ukraine-2022/us.ron"
    ))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_in_a_file_give_problems_not_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("party.ron");
        fs::write(&path, &bytes).unwrap();
        let outcome = load(&[path]);
        prop_assert!(outcome.negotiation.parties.len() + outcome.problems.len() > 0);
    }

    #[test]
    fn a_valid_file_cut_and_corrupted_anywhere_never_panics(
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        // Anywhere in the whole file, its last bytes included.
        let mut bytes = bundled_party_text().into_bytes();
        let at = at.index(bytes.len());
        if let Some(place) = bytes.get_mut(at) {
            *place = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let text = String::from_utf8_lossy(&bytes);
        // A parse that fails points at a place in the text, never past its last line.
        let lines = text.lines().count().max(1) + 1;
        let failures = [
            parse_ron::<PartyFile>(&text).err(),
            parse_ron::<Agenda>(&text).err(),
        ];
        for failure in failures.into_iter().flatten() {
            prop_assert!((1..=lines).contains(&failure.position.line), "{:?}", failure.position);
        }
        std::hint::black_box(has_comments(&text));
        let (_dir, outcome) = load_bytes(&bytes);
        // Whatever happened, every problem names the file it is about.
        for problem in &outcome.problems {
            prop_assert!(problem.file.ends_with("party.ron"));
        }
    }

    #[test]
    fn a_whole_file_with_one_bad_byte_is_refused_at_that_byte_or_still_reads(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = bundled_party_text().into_bytes();
        let at = at.index(bytes.len());
        if let Some(place) = bytes.get_mut(at) {
            *place = byte;
        }
        // The raw bytes, not a repaired copy: the loader sees what a broken editor wrote.
        let (_dir, outcome) = load_bytes(&bytes);
        match std::str::from_utf8(&bytes) {
            Err(bad) => {
                // Not UTF-8: one error, at the line and column of the first bad byte.
                let before = &bytes[..bad.valid_up_to()];
                let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
                let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let col = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
                prop_assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
                let problem = &outcome.problems[0];
                prop_assert!(problem.message.contains("not UTF-8"), "{}", problem.message);
                prop_assert_eq!(problem.position.map(|p| (p.line, p.col)), Some((line, col)));
                prop_assert!(outcome.negotiation.parties.is_empty());
            }
            Ok(text) => {
                // Still text: it loads, or every error points inside the file.
                let lines = text.lines().count() + 1;
                let errors: Vec<_> = outcome.problems.iter().filter(|p| p.is_error()).collect();
                prop_assert!(
                    !errors.is_empty() || outcome.negotiation.parties.len() == 1,
                    "{:?}", outcome.problems
                );
                for error in errors {
                    if let Some(position) = error.position {
                        prop_assert!((1..=lines).contains(&position.line), "{error}");
                    }
                }
            }
        }
    }
}

/// Loads `bytes` as a party file in a folder of its own.
fn load_bytes(bytes: &[u8]) -> (tempfile::TempDir, common_ground_core::io::LoadOutcome) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("party.ron");
    fs::write(&path, bytes).unwrap();
    let outcome = load(&[path]);
    (dir, outcome)
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read() {
    let outcome = load(&[PathBuf::from("/dev/zero")]);
    assert!(outcome.negotiation.parties.is_empty());
    assert_eq!(
        outcome.problems[0].to_string(),
        "/dev/zero: error: this is not a regular file (a device, pipe or socket?)"
    );
}

#[test]
fn deeply_nested_text_is_an_error_not_a_stack_overflow() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.ron");
    fs::write(&path, text).unwrap();
    let outcome = load(&[path]);
    assert_eq!(outcome.problems.len(), 1);
    assert!(outcome.problems[0].is_error());
}

#[test]
fn a_second_agenda_is_reported_and_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ukraine-2022"));
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::copy(data.join("agenda.ron"), other.join("agenda.ron")).unwrap();
    let outcome = load(&[data.clone(), other.join("agenda.ron")]);
    assert_eq!(
        outcome.negotiation.agenda.as_ref().unwrap().path,
        data.join("agenda.ron")
    );
    assert_eq!(outcome.negotiation.parties.len(), 3);
    let messages: Vec<String> = outcome.problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        messages,
        [format!(
            "more than one agenda was given; only {} is used",
            data.join("agenda.ron").display()
        )]
    );
}

#[test]
fn an_empty_folder_says_there_is_nothing_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let outcome = load(&[dir.path().to_owned()]);
    assert_eq!(outcome.problems.len(), 1);
    assert_eq!(
        outcome.problems[0].message,
        "this folder has no .ron files to open"
    );
}

#[test]
fn a_file_named_twice_loads_once() {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ukraine-2022"));
    let outcome = load(&[
        data.join("us.ron"),
        data.clone(),
        data.join(".").join("us.ron"),
    ]);
    assert_eq!(outcome.problems, []);
    assert_eq!(outcome.negotiation.parties.len(), 3);
    assert_eq!(outcome.files.len(), 4);
}
