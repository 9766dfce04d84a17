//! Common Ground's core: everything but the user interface. The file format ([`model`]), a
//! loaded negotiation and its keys ([`negotiation`]), loading and safe saving ([`io`]),
//! validation ([`validate`]), the comparison ([`analysis`]), its reports ([`report`]) and figures
//! ([`figure`]),
//! edits with their undo history ([`edit`]) and the built-in example ([`example`]).
//!
//! Nothing here knows egui, a window or a file watcher, and the crate builds for
//! `wasm32-unknown-unknown`: the command line, the window and any later front end are thin
//! layers over these functions.

pub mod analysis;
pub mod blocs;
pub mod diff;
pub mod edit;
pub mod example;
pub mod figure;
pub mod io;
pub mod model;
pub mod negotiation;
pub mod problem;
pub mod report;
pub mod rounds;
pub mod validate;
