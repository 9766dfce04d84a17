//! `common-ground import` and `export`: a negotiation into and out of spreadsheets and DECIDE
//! tables, and in from GENIUS and GeniusWeb scenarios.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use common_ground_core::io;
use common_ground_interchange::{
    Error, Imported, SourceFormat, TableFormat, TargetFormat, export_tables, folder, genius,
    import_paths,
};

use super::{exit_code, plural};

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Tables to read: CSV files (the sheets exported beside one are read with it), XLSX or
    /// ODS workbooks, or folders of them; or one DECIDE input table; or a GENIUS (.xml) or
    /// GeniusWeb (.json) scenario: its domain and profile files, or the folder holding them.
    #[arg(required = true, value_name = "FILE|FOLDER")]
    paths: Vec<PathBuf>,
    /// The new negotiation folder to write; it must not exist yet, or be empty.
    #[arg(long, value_name = "FOLDER")]
    to: PathBuf,
    /// The format of the tables; by default each file's name (or its first bytes) says, and
    /// a file whose first record is #A, #P, #M, #D or a comment (#0, #/) is a DECIDE table,
    /// .xml files are a GENIUS scenario and .json files a GeniusWeb one.
    #[arg(long, value_enum, value_name = "FORMAT")]
    from: Option<ImportFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    Csv,
    Xlsx,
    Ods,
    Decide,
    Genius,
    Geniusweb,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The negotiation: a folder, or its .ron files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// csv writes the statements to FILE and each other sheet beside it (FILE-issues.csv …);
    /// xlsx writes one workbook; decide writes a DECIDE input table (#A, #P, #M, #D records).
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    to: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Csv,
    Xlsx,
    Decide,
}

pub(crate) fn import(
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let fallback_name = args.to.file_name().map_or_else(
        || "Imported negotiation".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let imported = match read(args, &fallback_name) {
        Ok(imported) => imported,
        Err(error) => return refused(&error, err),
    };
    for note in &imported.notes {
        writeln!(err, "note: {note}")?;
    }
    let files = match folder::write_folder(&imported, &args.to) {
        Ok(files) => files,
        Err(error) => return refused(&error, err),
    };
    let statements: usize = imported
        .parties
        .iter()
        .map(|(_, party)| party.statements.len())
        .sum();
    let (parties, issues) = (imported.parties.len(), imported.agenda.issues.len());
    writeln!(
        out,
        "imported {parties} {}, {issues} {} and {statements} {} into {}",
        plural(parties, "party", "parties"),
        plural(issues, "issue", "issues"),
        plural(statements, "statement", "statements"),
        args.to.display()
    )?;
    for file in &files {
        writeln!(out, "wrote {}", file.display())?;
    }
    // What was written is read back as any negotiation is: it must load as it was made.
    let outcome = io::load(std::slice::from_ref(&args.to));
    let errors = outcome.problems.iter().filter(|p| p.is_error()).count();
    for problem in outcome.problems.iter().filter(|p| p.is_error()) {
        writeln!(err, "{problem}")?;
    }
    Ok(exit_code(errors > 0))
}

/// The negotiation the files make, read as the format given or sniffed.
fn read(args: &ImportArgs, fallback_name: &str) -> Result<Imported, Error> {
    let from = args.from.map(|format| match format {
        ImportFormat::Csv => SourceFormat::Table(TableFormat::Csv),
        ImportFormat::Xlsx => SourceFormat::Table(TableFormat::Xlsx),
        ImportFormat::Ods => SourceFormat::Table(TableFormat::Ods),
        ImportFormat::Decide => SourceFormat::Decide,
        ImportFormat::Genius => SourceFormat::Scenario(genius::ScenarioFormat::Genius),
        ImportFormat::Geniusweb => SourceFormat::Scenario(genius::ScenarioFormat::GeniusWeb),
    });
    let today = common_ground_document::today();
    import_paths(&args.paths, from, fallback_name, &today)
}

fn refused(error: &Error, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    writeln!(err, "{error}")?;
    writeln!(err, "Nothing was written.")?;
    Ok(ExitCode::FAILURE)
}

/// How many warnings an export lists before it only counts them.
const LISTED_WARNINGS: usize = 5;

pub(crate) fn export(
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let outcome = io::load(&args.paths);
    // Every error is told; a long list of warnings (an imported table's missing quotes) is
    // counted, as `check` lists them and they do not change what is written.
    let warnings = outcome.problems.iter().filter(|p| !p.is_error()).count();
    for problem in &outcome.problems {
        if problem.is_error() || warnings <= LISTED_WARNINGS {
            writeln!(err, "{problem}")?;
        }
    }
    if warnings > LISTED_WARNINGS {
        writeln!(
            err,
            "{warnings} warnings; `common-ground check` lists them. They do not stop the export."
        )?;
    }
    let negotiation = &outcome.negotiation;
    // A table without a party that did not load would look complete; it is not written.
    if !negotiation.left_out.is_empty() {
        let names: Vec<String> = negotiation
            .left_out
            .iter()
            .map(|file| file.file_name())
            .collect();
        writeln!(
            err,
            "error: {} did not load, and a table without {} would look complete; \
             `common-ground check` says what to fix. Nothing was written.",
            names.join(", "),
            plural(names.len(), "it", "them"),
        )?;
        return Ok(ExitCode::FAILURE);
    }
    if negotiation.parties.is_empty() {
        writeln!(
            err,
            "error: no party file was found, so there is nothing to export"
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let format = match args.format {
        ExportFormat::Csv => TargetFormat::Csv,
        ExportFormat::Xlsx => TargetFormat::Xlsx,
        ExportFormat::Decide => TargetFormat::Decide,
    };
    let (written, notes) = match export_tables(negotiation, format, &args.to) {
        Ok(exported) => (Ok(exported.files), exported.notes),
        Err(error) => (Err(error), Vec::new()),
    };
    // What the format cannot hold is said, so nobody takes the table for the whole.
    for note in &notes {
        writeln!(err, "note: {note}")?;
    }
    match written {
        Ok(files) => {
            for file in files {
                writeln!(out, "wrote {}", file.display())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            writeln!(err, "{error}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}
