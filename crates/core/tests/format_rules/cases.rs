//! The cases of `format_rules.rs`: for each row of `docs/format.md` section 6, changes to the
//! valid negotiation, and every problem they must give. Cases that give no problem pin the
//! edge of a rule: the value just inside it.

pub(crate) enum Change {
    /// Replaces the one place `from` occurs in `file` with `to`.
    Replace {
        file: &'static str,
        from: &'static str,
        to: &'static str,
    },
    /// Writes these bytes as `file`, a new one or in place of the valid one.
    Bytes {
        file: &'static str,
        bytes: &'static [u8],
    },
    /// A file of `len` zero bytes (sparse where the file system allows).
    Large { file: &'static str, len: u64 },
    /// Leaves `file` out of the folder.
    Remove { file: &'static str },
    /// Makes a folder of this name in the negotiation's folder.
    Folder { name: &'static str },
    /// Takes every permission away from this file or folder (`.`: the negotiation's folder).
    /// Root reads it anyway; the case is then skipped, and says so.
    Unreadable { name: &'static str },
    /// Loads these paths in the folder instead of the folder itself.
    Paths(&'static [&'static str]),
}

pub(crate) struct Case {
    /// The first cell of the row in docs/format.md, exactly.
    pub(crate) row: &'static str,
    pub(crate) changes: &'static [Change],
    /// `file:line:col severity path: message`, every problem the change gives.
    pub(crate) expect: &'static [&'static str],
}

mod agenda;
mod loading;
mod parties;
mod statements;

/// Every case, in the order of the rows in docs/format.md.
pub(crate) const ALL: [&[Case]; 4] = [
    loading::CASES,
    agenda::CASES,
    parties::CASES,
    statements::CASES,
];
