//! The two bundled examples, built into the binary so that they open from any folder: the
//! January 2022 exchange over Ukraine (on first start and from Help › Open example) and the
//! fictional river talks in three rounds.

use std::path::PathBuf;

use crate::io::{LoadOutcome, load_texts};

/// The folder the example's files are shown under; it is not read from disk.
pub const EXAMPLE_FOLDER: &str = "example/ukraine-2022";

const FILES: [(&str, &str); 4] = [
    (
        "agenda.ron",
        include_str!("../../../data/ukraine-2022/agenda.ron"),
    ),
    (
        "nato.ron",
        include_str!("../../../data/ukraine-2022/nato.ron"),
    ),
    (
        "russia.ron",
        include_str!("../../../data/ukraine-2022/russia.ron"),
    ),
    ("us.ron", include_str!("../../../data/ukraine-2022/us.ron")),
];

/// The folder the fictional example's files are shown under.
pub const ROUNDS_EXAMPLE_FOLDER: &str = "example/fictional-river-talks";

const ROUNDS_FILES: [(&str, &str); 3] = [
    (
        "agenda.ron",
        include_str!("../../../data/fictional-river-talks/agenda.ron"),
    ),
    (
        "lowland.ron",
        include_str!("../../../data/fictional-river-talks/lowland.ron"),
    ),
    (
        "upland.ron",
        include_str!("../../../data/fictional-river-talks/upland.ron"),
    ),
];

/// Loads the built-in example, exactly as `data/ukraine-2022` loads from disk.
pub fn load_example() -> LoadOutcome {
    load_files(EXAMPLE_FOLDER, &FILES)
}

/// Loads the fictional example in rounds, exactly as `data/fictional-river-talks` loads.
pub fn load_rounds_example() -> LoadOutcome {
    load_files(ROUNDS_EXAMPLE_FOLDER, &ROUNDS_FILES)
}

fn load_files(folder: &str, files: &[(&str, &str)]) -> LoadOutcome {
    let files: Vec<(PathBuf, &str)> = files
        .iter()
        .map(|(name, text)| (PathBuf::from(folder).join(name), *text))
        .collect();
    load_texts(&files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load;

    #[test]
    fn the_built_in_example_is_the_bundled_folder() {
        let built_in = load_example();
        let on_disk = load(&[PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/ukraine-2022"
        ))]);
        assert!(built_in.problems.is_empty(), "{:?}", built_in.problems);
        assert_eq!(
            built_in
                .negotiation
                .agenda
                .as_ref()
                .map(|agenda| &agenda.data),
            on_disk
                .negotiation
                .agenda
                .as_ref()
                .map(|agenda| &agenda.data)
        );
        let parties = |outcome: &LoadOutcome| -> Vec<_> {
            outcome
                .negotiation
                .parties
                .iter()
                .map(|party| party.data.clone())
                .collect()
        };
        assert_eq!(parties(&built_in), parties(&on_disk));
        assert_eq!(built_in.files.len(), 4);
    }

    #[test]
    fn the_built_in_rounds_example_is_the_bundled_folder() {
        let built_in = load_rounds_example();
        let on_disk = load(&[PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/fictional-river-talks"
        ))]);
        assert!(built_in.problems.is_empty(), "{:?}", built_in.problems);
        let data = |outcome: &LoadOutcome| {
            (
                outcome.negotiation.agenda.as_ref().map(|a| a.data.clone()),
                outcome
                    .negotiation
                    .parties
                    .iter()
                    .map(|p| p.data.clone())
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(data(&built_in), data(&on_disk));
    }
}
