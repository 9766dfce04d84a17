//! What the window exports, through the same functions as `common-ground compare` and
//! `export`: the brief (Markdown or self-contained HTML) and the figures (an issue's chart,
//! every scale, the matrix; SVG or PNG), drawn whole from the analysis rather than grabbed
//! from the screen; and the negotiation's tables (CSV, XLSX, a DECIDE table).

use std::path::{Path, PathBuf};

use common_ground_core::analysis::analyse;
use common_ground_core::diff::diff;
use common_ground_core::edit::rounds::dashed_words;
use common_ground_core::figure::{self, FigureKind, Theme};
use common_ground_core::io::write_atomically;
use common_ground_core::negotiation::Negotiation;
use common_ground_core::report::{self, Changes};
use common_ground_document::Notice;
use common_ground_interchange::{TargetFormat, export_tables};

use crate::dialogs::SaveRequest;

/// A brief's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefFormat {
    Markdown,
    Html,
}

/// A figure's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    Svg,
    Png,
}

/// What is exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    Brief(BriefFormat),
    Figure(FigureKind, FigureFormat),
    /// Every party's statements, every round: the data, not a view of it.
    Tables(TargetFormat),
}

/// Everything the export dialog asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    pub exported: Exported,
    /// The colours of a figure or an HTML brief.
    pub theme: Theme,
    /// Pixels per point of a PNG.
    pub scale: u8,
}

impl ExportChoice {
    pub(crate) fn brief(theme: Theme) -> ExportChoice {
        ExportChoice {
            exported: Exported::Brief(BriefFormat::Markdown),
            theme,
            scale: 2,
        }
    }

    pub(crate) fn figure(kind: FigureKind, theme: Theme) -> ExportChoice {
        ExportChoice {
            exported: Exported::Figure(kind, FigureFormat::Svg),
            theme,
            scale: 2,
        }
    }

    pub(crate) fn tables(theme: Theme) -> ExportChoice {
        ExportChoice {
            exported: Exported::Tables(TargetFormat::Xlsx),
            theme,
            scale: 2,
        }
    }

    fn extension(&self) -> &'static str {
        match self.exported {
            Exported::Tables(format) => format.extension(),
            Exported::Brief(BriefFormat::Markdown) => "md",
            Exported::Brief(BriefFormat::Html) => "html",
            Exported::Figure(_, FigureFormat::Svg) => "svg",
            Exported::Figure(_, FigureFormat::Png) => "png",
        }
    }

    /// The save dialog for this export, suggesting a name made from the negotiation's.
    pub(crate) fn request(&self, negotiation: &str, directory: Option<PathBuf>) -> SaveRequest {
        let stem = file_stem(negotiation);
        let extension = self.extension();
        let (title, file_name, filter_name) = match &self.exported {
            Exported::Brief(format) => (
                "Export the comparison as a brief",
                format!("{stem}-brief.{extension}"),
                match format {
                    BriefFormat::Markdown => "Markdown",
                    BriefFormat::Html => "HTML page",
                },
            ),
            Exported::Figure(kind, format) => (
                "Export a figure",
                format!("{stem}-{}.{extension}", file_stem(kind.file_word())),
                match format {
                    FigureFormat::Svg => "SVG image",
                    FigureFormat::Png => "PNG image",
                },
            ),
            Exported::Tables(format) => (
                "Export the negotiation as tables",
                match format {
                    TargetFormat::Csv => format!("{stem}-statements.{extension}"),
                    TargetFormat::Xlsx => format!("{stem}.{extension}"),
                    TargetFormat::Decide => format!("{stem}-decide.{extension}"),
                },
                match format {
                    TargetFormat::Csv => "CSV table",
                    TargetFormat::Xlsx => "Excel workbook",
                    TargetFormat::Decide => "DECIDE table",
                },
            ),
        };
        SaveRequest {
            title: title.to_owned(),
            directory,
            file_name,
            filter_name: filter_name.to_owned(),
            extension: extension.to_owned(),
        }
    }

    /// `path` with this export's extension added when it has none: not every save dialog adds
    /// it.
    pub(crate) fn with_extension(&self, path: PathBuf) -> PathBuf {
        if path.extension().is_some() {
            path
        } else {
            path.with_extension(self.extension())
        }
    }
}

/// A file name made from the negotiation's name: letters and digits kept, the rest dashes.
fn file_stem(name: &str) -> String {
    let stem = dashed_words(name, false);
    if stem.is_empty() {
        "negotiation".to_owned()
    } else {
        stem
    }
}

/// The round an export shows, and the one its brief compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExportRounds {
    pub shown: Option<usize>,
    pub compared: Option<usize>,
}

/// Writes the export of the parties shown, worked out afresh from the data as it was when the
/// file was chosen; what happened, in words.
pub(crate) fn write_export(
    whole: &Negotiation,
    (shown, rounds): (&[usize], ExportRounds),
    choice: &ExportChoice,
    path: &Path,
) -> Notice {
    // As it stood at the round shown; a brief says what changed since the round compared.
    let negotiation = &whole.at_round(rounds.shown);
    let analysis = analyse(negotiation, shown);
    let since = rounds
        .compared
        .zip(rounds.shown)
        .map(|(from, to)| diff(whole, shown, from, to));
    let changes = since.as_ref().map(|diff| Changes {
        negotiation: whole,
        diff,
    });
    let bytes = match &choice.exported {
        Exported::Brief(BriefFormat::Markdown) => {
            Ok(report::markdown_brief(negotiation, &analysis, changes).into_bytes())
        }
        Exported::Brief(BriefFormat::Html) => {
            Ok(report::html_brief(negotiation, &analysis, changes, choice.theme).into_bytes())
        }
        // The data itself, not a drawing of the round shown.
        Exported::Tables(format) => return write_tables(whole, *format, path),
        Exported::Figure(kind, format) => {
            figure::figure(negotiation, &analysis, kind, choice.theme)
                .map_err(|error| error.to_string())
                .and_then(|svg| match format {
                    FigureFormat::Svg => Ok(svg.into_bytes()),
                    FigureFormat::Png => figure::png(&svg, f32::from(choice.scale))
                        .map_err(|error| error.to_string()),
                })
        }
    };
    let what = match choice.exported {
        Exported::Brief(_) => "brief",
        Exported::Figure(..) => "figure",
        Exported::Tables(_) => "tables",
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            return Notice::error(format!(
                "The {what} could not be saved to {}: {error}",
                path.display()
            ));
        }
    };
    // A failed write names the file and says it is unchanged.
    match write_atomically(path, &bytes) {
        Ok(()) => Notice::info(format!("The {what} was saved as {}.", path.display())),
        Err(error) => Notice::error(format!("The {what} could not be saved: {error}")),
    }
}

/// Writes the whole negotiation as tables: every party and round, as `common-ground export`
/// does, whatever the window shows; refused when a file did not load, as a table without it
/// would look complete.
fn write_tables(negotiation: &Negotiation, format: TargetFormat, path: &Path) -> Notice {
    if !negotiation.left_out.is_empty() {
        let names: Vec<String> = negotiation
            .left_out
            .iter()
            .map(|file| file.file_name())
            .collect();
        return Notice::error(format!(
            "The tables were not written: {} did not load, and tables without it would look \
             complete. Fix it (the problems panel says how) and export again.",
            names.join(", ")
        ));
    }
    match export_tables(negotiation, format, path) {
        Ok(exported) => {
            let files: Vec<String> = exported
                .files
                .iter()
                .map(|file| file.display().to_string())
                .collect();
            let mut text = format!("The tables were saved as {}.", files.join(", "));
            // What the format cannot hold is said, so nobody takes the table for the whole.
            for note in &exported.notes {
                text.push('\n');
                text.push_str(note);
            }
            Notice::info(text)
        }
        Err(error) => Notice::error(format!("The tables could not be saved: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_negotiation_and_the_figure() {
        let name = "US, NATO and Russia on European security (January 2022)";
        assert_eq!(
            ExportChoice::brief(Theme::Light)
                .request(name, None)
                .file_name,
            "us-nato-and-russia-on-european-security-january-2022-brief.md"
        );
        let html = ExportChoice {
            exported: Exported::Brief(BriefFormat::Html),
            ..ExportChoice::brief(Theme::Dark)
        };
        assert_eq!(html.request("", None).file_name, "negotiation-brief.html");
        let matrix = ExportChoice::figure(FigureKind::Matrix, Theme::Light);
        assert_eq!(
            matrix.request("Été 2024", None).file_name,
            "été-2024-matrix.svg"
        );
        let chart = ExportChoice {
            exported: Exported::Figure(FigureKind::Issue("arms-control".into()), FigureFormat::Png),
            ..matrix
        };
        let request = chart.request("Talks", Some(PathBuf::from("/data")));
        assert_eq!(request.file_name, "talks-arms-control.png");
        assert_eq!(request.extension, "png");
        assert_eq!(request.directory, Some(PathBuf::from("/data")));
    }

    #[test]
    fn a_chosen_file_gets_the_extension_only_when_it_has_none() {
        let choice = ExportChoice::figure(FigureKind::Scales, Theme::Light);
        assert_eq!(
            choice.with_extension(PathBuf::from("/tmp/sheet")),
            PathBuf::from("/tmp/sheet.svg")
        );
        assert_eq!(
            choice.with_extension(PathBuf::from("/tmp/sheet.image")),
            PathBuf::from("/tmp/sheet.image")
        );
    }
}
