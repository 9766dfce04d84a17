//! Where the open negotiation came from: the built-in example or files and folders on disk.

use std::path::PathBuf;

use common_ground_core::example::EXAMPLE_FOLDER;
use serde::{Deserialize, Serialize};

/// Where the open negotiation came from, so it can be reloaded and reopened next time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    Example,
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

    /// Whether the origin can be remembered: settings are saved as text, and a path that is
    /// not valid Unicode would make the whole save fail.
    pub fn is_storable(&self) -> bool {
        match self {
            Origin::Example => true,
            Origin::Paths(paths) => paths.iter().all(|path| path.to_str().is_some()),
        }
    }

    /// A stable key for per-negotiation settings.
    pub fn key(&self) -> String {
        match self {
            Origin::Example => EXAMPLE_FOLDER.to_owned(),
            Origin::Paths(paths) => paths
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// `true` when none of the paths exist any more, so reopening would show nothing.
    pub fn is_gone(&self) -> bool {
        match self {
            Origin::Example => false,
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
    fn an_origin_whose_paths_are_all_gone_is_gone() {
        assert!(Origin::Paths(vec!["/no/such/folder/anywhere".into()]).is_gone());
        assert!(!Origin::Example.is_gone());
        assert!(!Origin::Paths(vec![std::env::temp_dir()]).is_gone());
    }
}
