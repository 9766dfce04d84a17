//! An imported negotiation written into a new folder all at once: every file goes into a
//! hidden temporary folder beside the target, which is renamed into place only when all of
//! them are written and flushed. A failure leaves no folder, never half of one.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use common_ground_core::io::{AGENDA_FILE_NAME, to_canonical_ron};

use crate::error::Error;
use crate::import::Imported;

/// Writes `imported` as `to/agenda.ron` and a file per party. `to` must not exist or be an
/// empty folder. Returns the files, agenda first.
pub fn write_folder(imported: &Imported, to: &Path) -> Result<Vec<PathBuf>, Error> {
    let write_error = |path: &Path, source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let empty_folder = match fs::read_dir(to) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Error::FolderNotEmpty {
                    path: to.to_owned(),
                });
            }
            true
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(_not_a_folder) if to.exists() => {
            return Err(Error::FolderNotEmpty {
                path: to.to_owned(),
            });
        }
        Err(error) => return Err(write_error(to, error)),
    };
    let parent = match to.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent).map_err(|error| write_error(parent, error))?;
    let temporary = tempfile::Builder::new()
        .prefix(".common-ground-import-")
        .tempdir_in(parent)
        .map_err(|error| write_error(parent, error))?;
    let mut files = vec![(
        AGENDA_FILE_NAME.to_owned(),
        to_canonical_ron(&imported.agenda)?,
    )];
    for (name, party) in &imported.parties {
        files.push((name.clone(), to_canonical_ron(party)?));
    }
    for (name, text) in &files {
        let path = temporary.path().join(name);
        let mut file =
            fs::File::create(&path).map_err(|error| write_error(&to.join(name), error))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|error| write_error(&to.join(name), error))?;
    }
    if empty_folder {
        // Renaming onto an empty folder works on Unix but not on Windows; it holds nothing.
        fs::remove_dir(to).map_err(|error| write_error(to, error))?;
    }
    fs::rename(temporary.path(), to).map_err(|error| write_error(to, error))?;
    // The folder is in place: it is no longer temporary, and must not be removed.
    let kept = temporary.keep();
    drop(kept);
    Ok(files.iter().map(|(name, _)| to.join(name)).collect())
}
