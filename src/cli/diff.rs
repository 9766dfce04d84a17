//! `common-ground diff`: what changed between two rounds.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use common_ground_core::diff::diff;
use common_ground_core::io;
use common_ground_core::report::{self, Changes};
use common_ground_core::rounds::Rounds;

use super::compare::{chosen_parties, chosen_round};
use super::{USAGE_ERROR, exit_code};

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The earlier round, by id; the first by default.
    #[arg(long, value_name = "ROUND")]
    from: Option<String>,
    /// The later round, by id; the last by default.
    #[arg(long, value_name = "ROUND")]
    to: Option<String>,
    /// Only these parties, by id (e.g. `upland,lowland`); all loaded parties by default.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    parties: Vec<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
}

pub(crate) fn run_diff(
    args: &DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let outcome = io::load(&args.paths);
    let negotiation = &outcome.negotiation;
    for problem in &outcome.problems {
        writeln!(err, "{problem}")?;
    }
    let usage = |err: &mut dyn Write, message: String| -> anyhow::Result<ExitCode> {
        writeln!(err, "error: {message}")?;
        Ok(ExitCode::from(USAGE_ERROR))
    };
    let rounds = Rounds::of(negotiation);
    if rounds.len() < 2 {
        let has = match rounds.len() {
            0 => "lists no rounds".to_owned(),
            _ => "lists one round".to_owned(),
        };
        return usage(
            err,
            format!(
                "the agenda {has}, so there is nothing to compare over time; add dated \
                 `rounds` to agenda.ron (see docs/format.md, section 10)"
            ),
        );
    }
    let chosen = match chosen_parties(negotiation, &args.parties) {
        Ok(chosen) => chosen,
        Err(message) => return usage(err, message),
    };
    let from = match chosen_round(negotiation, args.from.as_deref(), "--from") {
        Ok(from) => from.unwrap_or(0),
        Err(message) => return usage(err, message),
    };
    let to = match chosen_round(negotiation, args.to.as_deref(), "--to") {
        Ok(to) => to.or(rounds.latest()).unwrap_or(0),
        Err(message) => return usage(err, message),
    };
    if negotiation.parties.is_empty() {
        writeln!(
            err,
            "error: no party file could be loaded, so there is nothing to compare"
        )?;
    }
    let found = diff(negotiation, &chosen, from, to);
    let changes = Changes {
        negotiation,
        diff: &found,
    };
    let text = match args.format {
        DiffFormat::Text => report::changes_text(changes),
        DiffFormat::Markdown => report::changes_markdown(changes),
        DiffFormat::Json => report::changes_json(changes).context("writing the JSON report")?,
    };
    out.write_all(text.as_bytes())?;
    Ok(exit_code(
        outcome.has_errors() || negotiation.parties.is_empty(),
    ))
}
