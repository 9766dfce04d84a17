//! Common Ground: compare the negotiating positions of several parties, issue by issue.
//!
//! The library holds everything but the user interface: the file format ([`model`]), loading,
//! validation and safe saving ([`io`], [`validate`]), the comparison ([`analysis`]) and its
//! reports ([`report`]), edits with their undo history ([`edit`]), the recovery of unsaved
//! work ([`recovery`]) and noticing files changed by other programs ([`watch`]). The command line ([`cli`]) and the window ([`app`]) are thin layers
//! over it; only [`app`] knows egui.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod edit;
pub mod example;
pub mod io;
pub mod model;
pub mod problem;
pub mod recovery;
pub mod report;
pub mod validate;
pub mod watch;
