//! Reading a file as RON text, with every way that can go wrong turned into a plain message.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

use crate::problem::Position;

/// Position files are text a person edits; anything this large is a mistake, and reading it
/// whole would only exhaust memory.
pub(super) const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Error)]
pub(super) enum ReadError {
    #[error("no such file or folder")]
    NotFound,
    #[error("this is a folder; a .ron file was expected here")]
    IsFolder,
    #[error("this is not a regular file (a device, pipe or socket?)")]
    NotAFile,
    #[error("permission denied: the file cannot be read")]
    PermissionDenied,
    #[error(
        "the file is {size} bytes, over the {} MiB limit for position files",
        MAX_FILE_SIZE / 1024 / 1024
    )]
    TooLarge { size: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("this looks like a binary file, not RON text (it contains zero bytes)")]
    Binary,
    #[error("the file is not UTF-8 text; save it as UTF-8 in your editor")]
    NotUtf8 { position: Position },
    #[error("the file is UTF-16 text; save it as UTF-8 in your editor")]
    Utf16,
    #[error("the file could not be read: {0}")]
    Io(#[source] io::Error),
}

impl ReadError {
    fn from_io(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            io::ErrorKind::IsADirectory => ReadError::IsFolder,
            _ => ReadError::Io(error),
        }
    }

    /// Where in the file the problem was found, when it is one place.
    pub(super) fn position(&self) -> Option<Position> {
        match self {
            ReadError::NotUtf8 { position } => Some(*position),
            _ => None,
        }
    }
}

/// Reads `path` as UTF-8 text, refusing folders, special files, oversized, empty and binary
/// files. A leading byte-order mark is dropped.
pub(super) fn read_text(path: &Path) -> Result<String, ReadError> {
    let metadata = fs::metadata(path).map_err(ReadError::from_io)?;
    if metadata.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge {
            size: metadata.len(),
        });
    }
    let file = fs::File::open(path).map_err(ReadError::from_io)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The file may grow between the size check and the read.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::from_io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    text_from_bytes(bytes)
}

fn text_from_bytes(mut bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // UTF-16 starts with its byte-order mark; its zero bytes would otherwise read as binary.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ReadError::Utf16);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.utf8_error().valid_up_to();
        let bytes = error.into_bytes();
        // The valid prefix decodes, so the position is counted in characters like any other.
        let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
        ReadError::NotUtf8 {
            position: Position::at_offset(&prefix, prefix.len()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_utf8_text() {
        assert!(matches!(
            text_from_bytes(b" \n\t".to_vec()),
            Err(ReadError::Empty)
        ));
        assert!(matches!(
            text_from_bytes(b"(a\0b)".to_vec()),
            Err(ReadError::Binary)
        ));
        match text_from_bytes(b"(\n  name: \"caf\xE9\")".to_vec()) {
            Err(ReadError::NotUtf8 { position }) => {
                assert_eq!(position, Position { line: 2, col: 13 });
            }
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn names_utf16_for_what_it_is() {
        let utf16: Vec<u8> = "\u{feff}(format: 1)"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(text_from_bytes(utf16), Err(ReadError::Utf16)));
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let text = text_from_bytes(b"\xEF\xBB\xBF(format: 1)".to_vec()).unwrap();
        assert_eq!(text, "(format: 1)");
    }

    #[test]
    fn refuses_folders_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_text(dir.path()), Err(ReadError::IsFolder)));
        assert!(matches!(
            read_text(&dir.path().join("missing.ron")),
            Err(ReadError::NotFound)
        ));
    }
}
