//! `common-ground compare`: the comparison as a report, a brief or a figure.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use common_ground_core::analysis::analyse;
use common_ground_core::blocs::{BlocMode, counted};
use common_ground_core::diff::diff;
use common_ground_core::figure::{self, FigureKind, Theme};
use common_ground_core::io;
use common_ground_core::negotiation::Negotiation;
use common_ground_core::report::{self, Changes};
use common_ground_core::rounds::Rounds;

use super::{USAGE_ERROR, exit_code};

#[derive(Debug, Args)]
pub(crate) struct CompareArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Only these parties, by id (e.g. `us,russia`); all loaded parties by default.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    parties: Vec<String>,
    /// The negotiation as it stood at this round, by id; the latest by default. Markdown and
    /// HTML briefs then say what changed since the round before.
    #[arg(long, value_name = "ROUND")]
    round: Option<String>,
    /// text, markdown and json are reports; html is a self-contained brief with a chart per
    /// issue; svg and png draw a figure (see --figure).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The figure svg and png draw: `scales` (every issue's scale), `matrix` (issues ×
    /// parties), or an issue's id for its chart alone.
    #[arg(long, default_value = "scales", value_name = "FIGURE")]
    figure: String,
    /// The colours of figures and of the HTML brief.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Light)]
    theme: ThemeChoice,
    /// Pixels per point of a PNG: 1, or 2 for print and sharp screens.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=4))]
    scale: u8,
    /// How a bloc (a party whose file lists `members`) counts: `whole`, one actor, its
    /// members left out; or `members`, one by one, the bloc left out. Without it the parties
    /// count as chosen, and a bloc compared with members of it is said to count twice.
    #[arg(long, value_enum, value_name = "HOW")]
    blocs: Option<BlocChoice>,
    /// List every trade (exchange of positions) instead of the report, as text or (with
    /// --format json) JSON.
    #[arg(long)]
    trades: bool,
    /// Write to this file (atomically) instead of standard output. Needed for png.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
    Svg,
    Png,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BlocChoice {
    Whole,
    Members,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ThemeChoice {
    Light,
    Dark,
}

impl From<ThemeChoice> for Theme {
    fn from(choice: ThemeChoice) -> Theme {
        match choice {
            ThemeChoice::Light => Theme::Light,
            ThemeChoice::Dark => Theme::Dark,
        }
    }
}

pub(crate) fn compare(
    args: &CompareArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if let Some(problem) = usage_problem(args) {
        writeln!(err, "error: {problem}")?;
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let outcome = io::load(&args.paths);
    let negotiation = &outcome.negotiation;
    // Problems go to stderr so that stdout stays a clean report (or JSON) for other tools.
    for problem in &outcome.problems {
        writeln!(err, "{problem}")?;
    }
    // The report is still written, so that it (and the JSON's `left_out`) says which files
    // are missing and why.
    if negotiation.parties.is_empty() {
        writeln!(
            err,
            "error: no party file could be loaded, so there is nothing to compare"
        )?;
    }
    let chosen = match chosen_parties(negotiation, &args.parties) {
        Ok(chosen) => chosen,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    let round = match chosen_round(negotiation, args.round.as_deref(), "--round") {
        Ok(round) => round,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    let chosen = match args.blocs {
        Some(BlocChoice::Whole) => counted(negotiation, &chosen, BlocMode::Whole),
        Some(BlocChoice::Members) => counted(negotiation, &chosen, BlocMode::Members),
        None => chosen,
    };
    let rounds = Rounds::of(negotiation);
    let round = round.or(rounds.latest());
    let since_previous = round
        .and_then(|round| Some((round.checked_sub(1)?, round)))
        .map(|(before, now)| diff(negotiation, &chosen, before, now));
    let changes = since_previous
        .as_ref()
        .map(|diff| Changes { negotiation, diff });
    // Reports show the negotiation as it stood then; the changes point into the whole of it.
    let whole = negotiation;
    let negotiation = &whole.at_round(round);
    let analysis = analyse(negotiation, &chosen);
    let theme = Theme::from(args.theme);
    let figure_kind = match args.figure.as_str() {
        "scales" => FigureKind::Scales,
        "matrix" => FigureKind::Matrix,
        issue => FigureKind::Issue(issue.to_owned()),
    };
    let bytes = match args.format {
        Format::Text if args.trades => report::trades_text(negotiation, &analysis).into_bytes(),
        Format::Json if args.trades => report::trades_json(negotiation, &analysis)
            .context("writing the JSON trades")?
            .into_bytes(),
        Format::Text => report::text(negotiation, &analysis).into_bytes(),
        Format::Markdown => report::markdown_brief(negotiation, &analysis, changes).into_bytes(),
        Format::Json => report::json(negotiation, &analysis)
            .context("writing the JSON report")?
            .into_bytes(),
        Format::Html => report::html_brief(negotiation, &analysis, changes, theme).into_bytes(),
        Format::Svg | Format::Png => {
            let svg = match figure::figure(negotiation, &analysis, &figure_kind, theme) {
                Ok(svg) => svg,
                Err(error) => {
                    let ids: Vec<&str> = analysis.issues.iter().map(|i| i.issue.as_str()).collect();
                    writeln!(
                        err,
                        "error: {error}; --figure takes `scales`, `matrix` or one of: {}",
                        ids.join(", ")
                    )?;
                    return Ok(ExitCode::from(USAGE_ERROR));
                }
            };
            if args.format == Format::Png {
                figure::png(&svg, f32::from(args.scale)).context("drawing the PNG")?
            } else {
                svg.into_bytes()
            }
        }
    };
    match &args.output {
        // The message names the file and says it is unchanged; its cause is in it already.
        Some(path) => {
            if let Err(error) = io::write_atomically(path, &bytes) {
                writeln!(err, "error: {error}")?;
                return Ok(ExitCode::FAILURE);
            }
        }
        None => {
            out.write_all(&bytes)?;
            if !bytes.ends_with(b"\n") {
                writeln!(out)?;
            }
        }
    }
    Ok(exit_code(outcome.has_errors() || whole.parties.is_empty()))
}

/// What is wrong with a combination of options, before anything is read.
fn usage_problem(args: &CompareArgs) -> Option<&'static str> {
    if args.format == Format::Png && args.output.is_none() {
        return Some("a PNG is binary; name the file to write with --output FILE");
    }
    if args.trades && !matches!(args.format, Format::Text | Format::Json) {
        return Some(
            "--trades lists the trades as text or json; the Markdown and HTML briefs carry the \
             best of them already",
        );
    }
    None
}

/// The round named by `flag`, as an index into the agenda's rounds; `None` when none is
/// named. `Err` names an unknown id and the known ones.
pub(crate) fn chosen_round(
    negotiation: &Negotiation,
    id: Option<&str>,
    flag: &str,
) -> Result<Option<usize>, String> {
    let Some(id) = id else {
        return Ok(None);
    };
    let rounds = Rounds::of(negotiation);
    if rounds.is_empty() {
        return Err(format!(
            "{flag} {id}: this negotiation's agenda lists no rounds"
        ));
    }
    rounds.index(id).map(Some).ok_or_else(|| {
        let known: Vec<&str> = rounds.list.iter().map(|round| round.id.as_str()).collect();
        format!(
            "unknown round `{id}` in {flag}; the agenda's rounds are: {}",
            known.join(", ")
        )
    })
}

/// The parties named by `--parties`, or all of them; `Err` names an unknown id and the known.
pub(crate) fn chosen_parties(
    negotiation: &Negotiation,
    ids: &[String],
) -> Result<Vec<usize>, String> {
    if ids.is_empty() {
        return Ok((0..negotiation.parties.len()).collect());
    }
    ids.iter()
        .map(|id| {
            negotiation.party_index(id).ok_or_else(|| {
                let known: Vec<&str> = negotiation
                    .parties
                    .iter()
                    .map(|p| p.data.party.id.as_str())
                    .collect();
                format!(
                    "unknown party `{id}` in --parties; the loaded parties are: {}",
                    known.join(", ")
                )
            })
        })
        .collect()
}
