//! Saving: canonical, deterministic RON written atomically, refusing to silently drop what a
//! person wrote by hand (comments, fields this version does not know).

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde::de::DeserializeOwned;
use thiserror::Error;

use super::read::ReadError;
use super::{parse, read_text, scan};
use crate::model::{Agenda, PartyFile};

/// Whether a save may overwrite a file whose comments or unknown fields it would drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// Stop with [`SaveError::WouldLose`] so the user can be asked first.
    RefuseLoss,
    /// The user has agreed to lose them.
    AcceptLoss,
}

/// Something in the file on disk that a save cannot carry over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loss {
    Comments,
    UnknownFields(Vec<String>),
    /// The file on disk is not something this app can read, say because it was edited by hand
    /// into a broken state; saving would replace whatever it holds.
    Unreadable(String),
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loss::Comments => f.write_str("its comments"),
            Loss::UnknownFields(fields) => {
                write!(f, "the unknown fields `{}`", fields.join("`, `"))
            }
            Loss::Unreadable(why) => {
                write!(f, "what it now holds, which this app cannot read: {why}")
            }
        }
    }
}

#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{}: the file is read-only; nothing was written", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{}: the folder {} is read-only; nothing was written", path.display(), folder.display())]
    ReadOnlyFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: could not save, the file on disk is unchanged: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{}: saving would drop {}, which this app cannot keep; nothing was written",
        path.display(),
        losses.iter().map(ToString::to_string).collect::<Vec<_>>().join(" and ")
    )]
    WouldLose { path: PathBuf, losses: Vec<Loss> },
    #[error("the data could not be written as RON: {0}")]
    Serialize(#[from] ron::Error),
}

/// The one way files are written: stable field order, four-space indents, one block per
/// statement, a final newline. Saving the same data twice gives the same bytes.
pub fn to_canonical_ron<T: Serialize>(value: &T) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .enumerate_arrays(false)
        // Small blocks (a range, a source, a condition) stay on one line each.
        .depth_limit(4);
    let text = ron::ser::to_string_pretty(value, config)?;
    // ron escapes every apostrophe (`NATO\'s`), which is valid but makes quotes hard to read
    // and compare with their source. Only escapes produce `\'`, since a literal backslash is
    // written `\\`, so replacing the pair is exact.
    let mut text = text.replace("\\'", "'");
    text.push('\n');
    Ok(text)
}

/// What overwriting the file at `path` with data of type `T` would lose. A file that does not
/// exist or does not parse loses nothing that a save could have kept.
pub(super) fn losses_on_overwrite<T: DeserializeOwned>(path: &Path) -> Vec<Loss> {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(ReadError::NotFound) => return Vec::new(),
        // Text this app cannot read may still be someone's work: never replace it unasked.
        Err(error) => return vec![Loss::Unreadable(error.to_string())],
    };
    let mut losses = Vec::new();
    if scan::has_comments(&text) {
        losses.push(Loss::Comments);
    }
    match parse::parse_ron::<T>(&text) {
        Ok(parsed) if !parsed.unknown_fields.is_empty() => {
            let fields = parsed
                .unknown_fields
                .iter()
                .map(ToString::to_string)
                .collect();
            losses.push(Loss::UnknownFields(fields));
        }
        Ok(_) => {}
        Err(failure) => losses.push(Loss::Unreadable(format!(
            "it does not parse ({}:{}: {})",
            failure.position.line, failure.position.col, failure.message
        ))),
    }
    losses
}

pub fn save_party(path: &Path, party: &PartyFile, mode: SaveMode) -> Result<(), SaveError> {
    save_as::<PartyFile>(path, party, mode)
}

pub fn save_agenda(path: &Path, agenda: &Agenda, mode: SaveMode) -> Result<(), SaveError> {
    save_as::<Agenda>(path, agenda, mode)
}

fn save_as<T: Serialize + DeserializeOwned>(
    path: &Path,
    value: &T,
    mode: SaveMode,
) -> Result<(), SaveError> {
    let text = to_canonical_ron(value)?;
    if mode == SaveMode::RefuseLoss {
        let losses = losses_on_overwrite::<T>(path);
        if !losses.is_empty() {
            return Err(SaveError::WouldLose {
                path: path.to_owned(),
                losses,
            });
        }
    }
    write_atomically(path, text.as_bytes())
}

/// Writes `contents` to a temporary file in the target's folder, flushes it to disk and renames
/// it over the target, so a crash or a full disk leaves either the old file or the new one,
/// never half of one. A read-only target is refused rather than replaced.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    let write_error = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    // Renaming over a symbolic link would replace the link, not the file it points to.
    let target = match fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(error) if error.kind() == io::ErrorKind::NotFound => path.to_owned(),
        Err(error) => return Err(write_error(error)),
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Checked rather than left to the system, which lets an administrator write anyway: a
    // folder someone marked read-only is meant to stay as it is. (Windows uses the read-only
    // attribute of folders for other things, and ignores it when writing.)
    #[cfg(unix)]
    if fs::metadata(folder).is_ok_and(|metadata| metadata.permissions().readonly()) {
        return Err(SaveError::ReadOnlyFolder {
            path: path.to_owned(),
            folder: folder.to_owned(),
        });
    }
    let existing_permissions = match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(write_error(io::Error::new(
                io::ErrorKind::IsADirectory,
                "a folder has this name",
            )));
        }
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(SaveError::ReadOnly {
                path: path.to_owned(),
            });
        }
        Ok(metadata) => Some(metadata.permissions()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(write_error(error)),
    };
    let mut builder = tempfile::Builder::new();
    // A short fixed name, so that a file whose own name is near the length limit still saves.
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if existing_permissions.is_none() {
        // A new file gets the usual rw-rw-rw- less the umask, not the temporary file's
        // owner-only mode.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder).map_err(write_error)?;
    temp.write_all(contents).map_err(write_error)?;
    if let Some(permissions) = existing_permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(write_error)?;
    }
    temp.as_file().sync_all().map_err(write_error)?;
    // On failure the temporary file is dropped, which deletes it.
    temp.persist(&target)
        .map_err(|error| write_error(error.error))?;
    sync_folder(folder);
    remove_stale_temporaries(folder, SystemTime::now());
    Ok(())
}

const TEMP_PREFIX: &str = ".common-ground-";
const TEMP_SUFFIX: &str = ".tmp";

/// A save still writing its temporary file is never this old; one older was left by a save
/// that was killed before it could rename or delete it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Removes what saves killed mid-write (a crash, a power cut) left in `folder`: our own
/// temporary files, and only those older than [`STALE_AFTER`], so that another window saving
/// into the same folder at this moment keeps its own. A folder that cannot be listed, or a
/// file that cannot be removed, is left as it is: the save itself has succeeded.
fn remove_stale_temporaries(folder: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|name| name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX));
        let stale = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| {
                now.duration_since(modified)
                    .is_ok_and(|age| age > STALE_AFTER)
            });
        if ours && stale {
            match fs::remove_file(entry.path()) {
                Ok(()) => {}
                // Left for the next save to try; nothing the user needs is in it.
                Err(_left) => {}
            }
        }
    }
}

/// Makes the rename itself durable. The new file is already complete and in place, so a
/// folder that cannot be synced (some file systems refuse) is not a failed save.
fn sync_folder(folder: &Path) {
    match fs::File::open(folder).and_then(|handle| handle.sync_all()) {
        Ok(()) => {}
        // Some systems refuse to open or sync a folder (Windows, some network file systems).
        // The file itself was synced before the rename and is in place: the save stands.
        Err(_refused) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_removes_what_killed_saves_left_but_not_a_save_in_progress() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".common-ground-AbC123.tmp");
        let in_progress = dir.path().join(".common-ground-XyZ789.tmp");
        let theirs = dir.path().join("notes.tmp");
        for path in [&stale, &in_progress, &theirs] {
            fs::write(path, b"half a file").unwrap();
        }
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for path in [&stale, &theirs] {
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomically(&dir.path().join("a.ron"), b"saved").unwrap();
        assert!(!stale.exists());
        assert!(in_progress.exists(), "a minute has not passed");
        assert!(theirs.exists(), "not ours");
        // Exactly at the limit it is not yet stale.
        let written = fs::metadata(&in_progress).unwrap().modified().unwrap();
        remove_stale_temporaries(dir.path(), written + STALE_AFTER);
        assert!(in_progress.exists());
        remove_stale_temporaries(dir.path(), written + STALE_AFTER + Duration::from_secs(1));
        assert!(!in_progress.exists());
    }

    #[test]
    fn writes_new_and_replaces_existing_files_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file may be left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_save_leaves_the_file_as_it_was() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, "original").unwrap();

        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(matches!(
            write_atomically(&path, b"new"),
            Err(SaveError::ReadOnly { .. })
        ));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();

        let missing_folder = dir.path().join("gone").join("a.ron");
        let error = write_atomically(&missing_folder, b"new").unwrap_err();
        assert!(matches!(error, SaveError::Write { .. }), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "original");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_writes_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_like_any_file_and_old_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ron");
        write_atomically(&path, b"x").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Linux reports the process's umask here; a new file should get 0666 less it.
        let umask = fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|line| line.starts_with("Umask:"))?;
                u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
            });
        if let Some(umask) = umask {
            assert_eq!(mode, 0o666 & !umask, "mode {mode:o}, umask {umask:o}");
        }
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"y").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_refused_even_for_an_administrator() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        fs::create_dir(&folder).unwrap();
        let path = folder.join("us.ron");
        fs::write(&path, "before").unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
        let result = write_atomically(&path, b"after");
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        assert!(
            matches!(result, Err(SaveError::ReadOnlyFolder { .. })),
            "{result:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"before");
    }

    #[test]
    fn a_file_with_a_name_near_the_length_limit_still_saves() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.ron", "n".repeat(250)));
        write_atomically(&path, b"x").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }

    #[test]
    fn a_file_on_disk_this_app_cannot_read_is_not_replaced_unasked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agenda.ron");
        fs::write(&path, "(format: 1, name: \"n\", issues: [").unwrap();
        let losses = losses_on_overwrite::<Agenda>(&path);
        assert!(
            matches!(losses.as_slice(), [Loss::Unreadable(_)]),
            "{losses:?}"
        );
        fs::write(&path, b"\xff\xfe").unwrap();
        let losses = losses_on_overwrite::<Agenda>(&path);
        assert!(
            matches!(losses.as_slice(), [Loss::Unreadable(_)]),
            "{losses:?}"
        );
    }

    #[test]
    fn refuses_to_drop_comments_and_unknown_fields_unless_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agenda.ron");
        let hand_written = "// kept by hand\n(format: 1, name: \"n\", issues: [], owner: \"me\")\n";
        fs::write(&path, hand_written).unwrap();
        let agenda = Agenda {
            format: 1,
            name: "n".into(),
            description: String::new(),
            issues: Vec::new(),
            rounds: Vec::new(),
        };
        match save_agenda(&path, &agenda, SaveMode::RefuseLoss) {
            Err(SaveError::WouldLose { losses, .. }) => assert_eq!(
                losses,
                [Loss::Comments, Loss::UnknownFields(vec!["owner".into()])]
            ),
            other => panic!("expected WouldLose, got {other:?}"),
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), hand_written);

        save_agenda(&path, &agenda, SaveMode::AcceptLoss).unwrap();
        let saved = fs::read_to_string(&path).unwrap();
        assert!(!saved.contains("//") && !saved.contains("owner"));
        // Once canonical, saving again needs no permission.
        save_agenda(&path, &agenda, SaveMode::RefuseLoss).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), saved);
    }
}
