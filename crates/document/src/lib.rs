//! The open negotiation's life, without a window: what is open and where it came from
//! ([`workspace`], [`origin`]), and the [`session`] that opens, edits, saves, watches the disk
//! ([`disk`], [`watch`]) and writes unsaved work aside ([`recovery`]), asking the user through
//! [`question`]s. The window draws a [`Session`] and hands it what the user does; tests drive
//! it directly.

pub mod disk;
pub mod origin;
mod problem_rows;
pub mod question;
pub mod recovery;
pub mod session;
pub mod watch;
pub mod workspace;

pub use origin::Origin;
pub use question::{Answer, Level, Notice, Question, RecoveredFile, Then};
pub use session::{Event, Replaced, SaveState, Session};
pub use workspace::Workspace;

/// Today's date, `YYYY-MM-DD`, for a new party file's `as_of`.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    common_ground_core::edit::builders::date_from_days(i64::try_from(days).unwrap_or(0))
}
