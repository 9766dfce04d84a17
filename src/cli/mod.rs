//! The headless command line: `check`, `compare`, `diff`, `fmt`, `import` and `export`, each a
//! thin layer over the libraries, so the terminal and the window always agree.

mod compare;
mod diff;
mod tables;

use compare::{CompareArgs, compare};
use diff::{DiffArgs, run_diff};
use tables::{ExportArgs, ImportArgs, export, import};

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common_ground_core::io;

#[derive(Debug, Parser)]
#[command(
    name = "common-ground",
    version,
    about = "Compare the negotiating positions of several parties and find where they could meet",
    args_conflicts_with_subcommands = true,
    after_help = "Without a command, the window opens on the PATHs given, else on the last \
                  negotiation, else on the built-in example.\n\nPATH is a negotiation folder \
                  (agenda.ron and one .ron file per party) or single .ron files. Try: \
                  common-ground compare data/ukraine-2022"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folders and files to open in the window.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate files and print every problem as `file:line:col: error|warning: message`.
    /// Exits 0 when there are no errors, 1 when there are.
    Check {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Compare the parties issue by issue: possible agreement, untested (an overlap a silent
    /// party has not joined), deadlock, collisions, conditional offers and silent parties.
    /// Files that could not be read are named first; they make it exit 1.
    Compare(CompareArgs),
    /// What changed between two rounds, party by party and issue by issue: hardened,
    /// softened, new, dropped or unchanged, and the zones that opened, closed, widened or
    /// narrowed. The first and the last round unless --from and --to name others.
    Diff(DiffArgs),
    /// Rewrite files in the canonical form the app saves, atomically; files of an older
    /// format are migrated to the newest.
    Fmt {
        /// Change nothing; exit 1 if any file is not in canonical form.
        #[arg(long)]
        check: bool,
        /// Rewrite files even when that drops their comments or unknown fields.
        #[arg(long)]
        force: bool,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Make a new negotiation folder from spreadsheet tables (CSV, XLSX, ODS): a statements
    /// table at least, and the parties, issues, rounds and negotiation tables `export` writes
    /// when there are. A bad cell is named by file, row and column, and nothing is written.
    Import(ImportArgs),
    /// Write a negotiation's statements, parties, issues, rounds and its issues × parties
    /// matrix as spreadsheet tables, for `import` to read back.
    Export(ExportArgs),
}

/// Exit code for bad usage, as clap uses for its own usage errors.
pub(crate) const USAGE_ERROR: u8 = 2;

/// Runs a subcommand, writing its results to `out` and problems to `err`.
pub(crate) fn run(
    command: Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check { paths } => check(&paths, out),
        Command::Compare(args) => compare(&args, out, err),
        Command::Diff(args) => run_diff(&args, out, err),
        Command::Fmt {
            check,
            force,
            paths,
        } => fmt(&paths, check, force, out, err),
        Command::Import(args) => import(&args, out, err),
        Command::Export(args) => export(&args, out, err),
    }
}

pub(crate) fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn check(paths: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let outcome = io::load(paths);
    for problem in &outcome.problems {
        writeln!(out, "{problem}")?;
    }
    let errors = outcome.problems.iter().filter(|p| p.is_error()).count();
    let warnings = outcome.problems.len() - errors;
    let files = outcome.files.len();
    writeln!(
        out,
        "checked {files} {}: {errors} {}, {warnings} {}",
        plural(files, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    )?;
    Ok(exit_code(errors > 0))
}

pub(crate) fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

fn fmt(
    paths: &[PathBuf],
    check_only: bool,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (files, problems) = io::expand_paths(paths);
    let mut failed = false;
    for problem in problems {
        writeln!(err, "{problem}")?;
        failed = true;
    }
    for path in files {
        let plan = match io::plan_reformat(&path) {
            Ok(plan) => plan,
            Err(problem) => {
                writeln!(err, "{problem}")?;
                failed = true;
                continue;
            }
        };
        let Some(canonical) = plan.canonical else {
            continue;
        };
        if check_only {
            writeln!(out, "would reformat {}", path.display())?;
            failed = true;
            continue;
        }
        if !force && !plan.losses.is_empty() {
            let what: Vec<String> = plan.losses.iter().map(ToString::to_string).collect();
            writeln!(
                err,
                "{}: warning: not reformatted, because that would drop {}; use --force to drop them",
                path.display(),
                what.join(" and ")
            )?;
            failed = true;
            continue;
        }
        match io::write_atomically(&path, canonical.as_bytes()) {
            Ok(()) => writeln!(out, "reformatted {}", path.display())?,
            Err(error) => {
                writeln!(err, "error: {error}")?;
                failed = true;
            }
        }
    }
    Ok(exit_code(failed))
}

/// Parses the command line and runs it; with no subcommand, opens the window.
pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        // A mistyped command reads as a path; a window on nothing would not tell the user so.
        if !cli.paths.is_empty() && cli.paths.iter().all(|path| !path.exists()) {
            let named: Vec<String> = cli
                .paths
                .iter()
                .map(|path| path.display().to_string())
                .collect();
            eprintln!(
                "error: {} is neither a command nor a file or folder. The commands are check, \
                 compare, diff, fmt, import and export; see --help.",
                named.join(", ")
            );
            return ExitCode::from(2);
        }
        return match common_ground_window::run(cli.paths) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                eprintln!(
                    "The commands check, compare, diff, fmt, import and export work without a \
                     window; see --help."
                );
                ExitCode::FAILURE
            }
        };
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    match run(command, &mut stdout, &mut stderr) {
        Ok(code) => code,
        Err(error) => {
            // A closed pipe (`common-ground compare … | head`) is not worth a message.
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            match writeln!(stderr, "error: {error:#}") {
                Ok(()) => ExitCode::FAILURE,
                // Nowhere is left to say it: the exit code alone tells.
                Err(_unwritable) => ExitCode::FAILURE,
            }
        }
    }
}
