//! `common-ground import` and `export`: a negotiation into and out of spreadsheets.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use common_ground_core::io;
use common_ground_interchange::{
    Error, TableFormat, csv_files, folder, import_sheets, read_tables, tables, workbook,
};

use super::{exit_code, plural};

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Tables to read: CSV files (the sheets exported beside one are read with it), XLSX or
    /// ODS workbooks, or folders of them.
    #[arg(required = true, value_name = "FILE|FOLDER")]
    paths: Vec<PathBuf>,
    /// The new negotiation folder to write; it must not exist yet, or be empty.
    #[arg(long, value_name = "FOLDER")]
    to: PathBuf,
    /// The format of the tables; by default each file's name (or its first bytes) says.
    #[arg(long, value_enum, value_name = "FORMAT")]
    from: Option<ImportFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    Csv,
    Xlsx,
    Ods,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The negotiation: a folder, or its .ron files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// csv writes the statements to FILE and each other sheet beside it (FILE-issues.csv …);
    /// xlsx writes one workbook.
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
}

pub(crate) fn import(
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let format = args.from.map(|format| match format {
        ImportFormat::Csv => TableFormat::Csv,
        ImportFormat::Xlsx => TableFormat::Xlsx,
        ImportFormat::Ods => TableFormat::Ods,
    });
    let fallback_name = args.to.file_name().map_or_else(
        || "Imported negotiation".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let imported = read_tables(&args.paths, format).and_then(|sheets| {
        import_sheets(&sheets, &fallback_name, &common_ground_document::today())
    });
    let imported = match imported {
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

fn refused(error: &Error, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    writeln!(err, "{error}")?;
    writeln!(err, "Nothing was written.")?;
    Ok(ExitCode::FAILURE)
}

pub(crate) fn export(
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let outcome = io::load(&args.paths);
    for problem in &outcome.problems {
        writeln!(err, "{problem}")?;
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
    let sheets = tables::workbook(negotiation);
    let written = match args.format {
        ExportFormat::Csv => csv_files::write(&sheets, &args.to),
        ExportFormat::Xlsx => workbook::write_xlsx(&sheets, &args.to).map(|file| vec![file]),
    };
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
