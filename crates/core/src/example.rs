//! The January 2022 exchange over Ukraine, built into the binary so that it opens from any
//! folder, on first start and from Help › Open example.

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

/// Loads the built-in example, exactly as `data/ukraine-2022` loads from disk.
pub fn load_example() -> LoadOutcome {
    let files: Vec<(PathBuf, &str)> = FILES
        .iter()
        .map(|(name, text)| (PathBuf::from(EXAMPLE_FOLDER).join(name), *text))
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
}
