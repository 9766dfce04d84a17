//! Where the open negotiation came from: the built-in example or files and folders on disk.

use std::path::PathBuf;

use common_ground_core::example::{EXAMPLE_FOLDER, ROUNDS_EXAMPLE_FOLDER};
use serde::{Deserialize, Serialize};

/// Where the open negotiation came from, so it can be reloaded and reopened next time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// The January 2022 example.
    Example,
    /// The fictional example in rounds.
    RoundsExample,
    Paths(Vec<PathBuf>),
}

impl Origin {
    /// Files and folders, made absolute so that reopening them later, from another working
    /// folder, finds the same ones.
    pub fn paths(paths: Vec<PathBuf>) -> Self {
        Origin::Paths(
            paths
                .into_iter()
                .map(|path| std::path::absolute(&path).unwrap_or(path))
                .collect(),
        )
    }

    /// One of the built-in examples, which cannot be saved in place.
    pub fn is_example(&self) -> bool {
        matches!(self, Origin::Example | Origin::RoundsExample)
    }

    /// Whether the origin can be remembered: settings are saved as text, and a path that is
    /// not valid Unicode would make the whole save fail.
    pub fn is_storable(&self) -> bool {
        match self {
            Origin::Example | Origin::RoundsExample => true,
            Origin::Paths(paths) => paths.iter().all(|path| path.to_str().is_some()),
        }
    }

    /// A stable key for per-negotiation settings.
    pub fn key(&self) -> String {
        match self {
            Origin::Example => EXAMPLE_FOLDER.to_owned(),
            Origin::RoundsExample => ROUNDS_EXAMPLE_FOLDER.to_owned(),
            Origin::Paths(paths) => paths
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The folder the negotiation lives in, where dialogs start: the first path if it is a
    /// folder, else the folder of that file. `None` for the built-in example.
    pub fn folder(&self) -> Option<PathBuf> {
        let Origin::Paths(paths) = self else {
            return None;
        };
        let first = paths.first()?;
        if first.is_dir() {
            Some(first.clone())
        } else {
            first.parent().map(PathBuf::from)
        }
    }

    /// Where it is, in words for the title and status bars: "built-in example", or the folder
    /// with the home folder written `~`.
    pub fn place(&self) -> String {
        let Some(folder) = self.folder() else {
            return match self {
                Origin::Example | Origin::RoundsExample => "built-in example".to_owned(),
                Origin::Paths(_) => "no folder".to_owned(),
            };
        };
        let home = std::env::var_os("HOME").map(PathBuf::from);
        match home
            .as_ref()
            .and_then(|home| folder.strip_prefix(home).ok())
        {
            Some(inside) if inside.as_os_str().is_empty() => "~".to_owned(),
            Some(inside) => format!("~/{}", inside.display()),
            None => folder.display().to_string(),
        }
    }

    /// The same files and folders, however they were written: recent negotiations list each
    /// place once.
    pub fn same_place(&self, other: &Origin) -> bool {
        let canonical = |origin: &Origin| -> Option<Vec<PathBuf>> {
            let Origin::Paths(paths) = origin else {
                return None;
            };
            let mut paths: Vec<PathBuf> = paths
                .iter()
                .map(|path| std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
                .collect();
            paths.sort();
            paths.dedup();
            Some(paths)
        };
        self == other || canonical(self) == canonical(other)
    }

    /// `true` when none of the paths exist any more, so reopening would show nothing.
    pub fn is_gone(&self) -> bool {
        match self {
            Origin::Example | Origin::RoundsExample => false,
            Origin::Paths(paths) => !paths.iter().any(|path| path.exists()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_absolute() {
        let Origin::Paths(paths) = Origin::paths(vec!["data/ukraine-2022".into()]) else {
            panic!("paths stay paths");
        };
        assert!(paths[0].is_absolute());
        assert!(paths[0].ends_with("data/ukraine-2022"));
    }

    #[test]
    fn the_folder_is_the_first_folder_or_the_first_file_s_folder() {
        let folder = std::env::temp_dir();
        assert_eq!(
            Origin::Paths(vec![folder.clone()]).folder(),
            Some(folder.clone())
        );
        let file = folder.join("no-such-file.ron");
        assert_eq!(Origin::Paths(vec![file]).folder(), Some(folder));
        assert_eq!(Origin::Example.folder(), None);
    }

    #[test]
    fn one_folder_written_two_ways_is_one_place() {
        let folder = std::env::temp_dir();
        let dotted = folder.join(".");
        assert!(Origin::Paths(vec![folder.clone()]).same_place(&Origin::Paths(vec![dotted])));
        assert!(!Origin::Paths(vec![folder]).same_place(&Origin::Example));
        assert_eq!(Origin::Example.place(), "built-in example");
    }

    #[test]
    fn an_origin_whose_paths_are_all_gone_is_gone() {
        assert!(Origin::Paths(vec!["/no/such/folder/anywhere".into()]).is_gone());
        assert!(!Origin::Example.is_gone());
        assert!(!Origin::Paths(vec![std::env::temp_dir()]).is_gone());
    }
}
