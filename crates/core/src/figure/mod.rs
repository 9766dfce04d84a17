//! The comparison drawn for people who will never open the app: one issue's chart, every
//! issue's scale on one sheet, and the issues × parties matrix, as SVG (vector, real text, a
//! title and description for screen readers) and, with the `png` feature, as PNG rasterised
//! from the same SVG. Each figure is whole (every issue, never the part in view) and carries
//! the negotiation's name, the parties compared, the date of their positions, a legend, the
//! files left out and the sources, in the window's colours and with its words beside them.
//!
//! The window draws its charts with egui's painter from the same [`chart::lanes`], so the two
//! agree on every number.

pub mod chart;
pub mod earlier;
pub(crate) mod issue_page;
mod matrix;
pub(crate) mod page;
pub mod palette;
#[cfg(feature = "png")]
mod png;
pub mod predicted;
mod sheet;
pub(crate) mod svg;
#[cfg(test)]
mod tests;
mod text;

pub use matrix::matrix;
pub use palette::{Palette, Rgb, Theme};
#[cfg(feature = "png")]
pub use png::{PngError, REGULAR as DEJAVU_SANS, png};
pub use sheet::scales_sheet;

use crate::analysis::Analysis;
use crate::negotiation::Negotiation;

/// Which figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureKind {
    /// One issue's chart, by its id.
    Issue(String),
    /// Every issue's scale on one sheet.
    Scales,
    /// Issues × parties, each cell the party's hardest statement.
    Matrix,
}

impl FigureKind {
    /// A word for file names: the issue's id, "scales" or "matrix".
    pub fn file_word(&self) -> &str {
        match self {
            FigureKind::Issue(id) => id,
            FigureKind::Scales => "scales",
            FigureKind::Matrix => "matrix",
        }
    }
}

/// A figure that could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    #[error("there is no issue `{0}` among the issues compared")]
    UnknownIssue(String),
}

/// The SVG of a figure of the comparison of `analysis`'s parties.
pub fn figure(
    negotiation: &Negotiation,
    analysis: &Analysis,
    kind: &FigureKind,
    theme: Theme,
) -> Result<String, FigureError> {
    match kind {
        FigureKind::Issue(id) => issue_page::issue_figure(negotiation, analysis, id, theme)
            .ok_or_else(|| FigureError::UnknownIssue(id.clone())),
        FigureKind::Scales => Ok(scales_sheet(negotiation, analysis, theme)),
        FigureKind::Matrix => Ok(matrix(negotiation, analysis, theme)),
    }
}
