//! File › Import…: spreadsheets, a DECIDE table or a GENIUS or GeniusWeb scenario into a new
//! negotiation folder, through the same function as `common-ground import`, on its own thread;
//! the folder then opens like any other.

use std::path::{Path, PathBuf};

use common_ground_document::{Notice, today};
use common_ground_interchange::{folder::write_folder, import_paths};

/// How many of the import's notes a notice lists before it counts the rest.
const LISTED_NOTES: usize = 6;

/// What an import did: the folder it wrote and what to tell, or why nothing was written.
pub(crate) type ImportOutcome = Result<(PathBuf, Notice), Notice>;

/// Imports `sources` into `chosen` when it is empty, else into a new folder inside it named
/// after the first source: a folder picked in a dialog usually exists and holds other things,
/// and an import never writes among them.
pub(crate) fn import_into(sources: &[PathBuf], chosen: &Path) -> ImportOutcome {
    let folder = destination(sources, chosen);
    let name = folder.file_name().map_or_else(
        || "Imported negotiation".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let refused =
        |error: &dyn std::fmt::Display| Notice::error(format!("Nothing was imported: {error}"));
    let imported = import_paths(sources, None, &name, &today()).map_err(|e| refused(&e))?;
    write_folder(&imported, &folder).map_err(|e| refused(&e))?;
    let statements: usize = imported
        .parties
        .iter()
        .map(|(_, party)| party.statements.len())
        .sum();
    let mut text = format!(
        "Imported {} parties, {} issues and {statements} statements into {}.",
        imported.parties.len(),
        imported.agenda.issues.len(),
        folder.display()
    );
    // What the files did not say and the import made up is told, not hidden.
    for note in imported.notes.iter().take(LISTED_NOTES) {
        text.push('\n');
        text.push_str(note);
    }
    if imported.notes.len() > LISTED_NOTES {
        text.push_str(&format!(
            "\n… and {} more notes; the problems panel lists what is still missing.",
            imported.notes.len() - LISTED_NOTES
        ));
    }
    Ok((folder, Notice::info(text)))
}

/// `chosen` itself when it is empty or does not exist yet; otherwise a folder inside it named
/// after the first source (its stem, or the folder's name), with `-2`, `-3` … when taken.
fn destination(sources: &[PathBuf], chosen: &Path) -> PathBuf {
    let empty = std::fs::read_dir(chosen).map_or(true, |mut entries| entries.next().is_none());
    if empty {
        return chosen.to_owned();
    }
    let stem = sources
        .first()
        .and_then(|source| {
            if source.is_dir() {
                source.file_name()
            } else {
                source.file_stem()
            }
        })
        .map_or_else(
            || "imported".to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        );
    std::iter::once(chosen.join(&stem))
        .chain((2..).map(|n| chosen.join(format!("{stem}-{n}"))))
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| chosen.join(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_goes_into_an_empty_folder_or_a_new_one_beside_what_is_there() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let sources = [PathBuf::from("/somewhere/travel")];
        assert_eq!(destination(&sources, dir.path()), dir.path());
        std::fs::write(dir.path().join("other.txt"), "kept").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(destination(&sources, dir.path()), dir.path().join("travel"));
        std::fs::create_dir(dir.path().join("travel")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            destination(&[PathBuf::from("/x/travel.csv")], dir.path()),
            dir.path().join("travel-2")
        );
    }
}
