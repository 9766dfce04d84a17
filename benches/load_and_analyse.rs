//! Loading, validating and analysing a large negotiation: 8 party files of 2,000 statements
//! each (about 14 MB of RON), against `ron::from_str` alone on the same bytes; then what its
//! exports cost (the figures and the HTML brief).
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

#[path = "support/generated.rs"]
mod generated;

use std::hint::black_box;

use common_ground_core::analysis::{analyse, analyse_at};
use common_ground_core::diff::diff;
use common_ground_core::figure::{self, Theme};
use common_ground_core::io::load;
use common_ground_core::model::PartyFile;
use common_ground_core::report;
use criterion::{Criterion, criterion_group, criterion_main};
use generated::{PARTIES, generate, generate_in_rounds};

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let texts = generate(dir.path());
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("generated {PARTIES} party files, {bytes} bytes of RON");
    let paths = vec![dir.path().to_owned()];
    let outcome = load(&paths);
    assert!(
        !outcome.problems.iter().any(|p| p.is_error()),
        "{:?}",
        &outcome.problems[..1]
    );
    assert_eq!(outcome.negotiation.parties.len(), PARTIES);

    let mut group = c.benchmark_group("8x2000");
    group.sample_size(20);
    group.bench_function("ron::from_str alone", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(ron::from_str::<PartyFile>(text).unwrap());
            }
        });
    });
    group.bench_function("load and validate", |b| b.iter(|| black_box(load(&paths))));
    let all: Vec<usize> = (0..PARTIES).collect();
    group.bench_function("analyse", |b| {
        b.iter(|| black_box(analyse(&outcome.negotiation, &all)));
    });
    group.finish();

    // In five rounds: one round's analysis, and what changed between two of them.
    let in_rounds = tempfile::tempdir().unwrap();
    generate_in_rounds(in_rounds.path());
    let rounds = load(&[in_rounds.path().to_owned()]);
    assert!(!rounds.problems.iter().any(|p| p.is_error()));
    let mut group = c.benchmark_group("8x2000 in 5 rounds");
    group.sample_size(20);
    group.bench_function("analyse one round", |b| {
        b.iter(|| black_box(analyse_at(&rounds.negotiation, &all, Some(2))));
    });
    group.bench_function("diff of two rounds", |b| {
        b.iter(|| black_box(diff(&rounds.negotiation, &all, 1, 3)));
    });
    group.finish();

    // What an export costs: the Markdown brief (the export there was before), the sheet of
    // all 60 issues, the HTML brief with its 16,000 statements and their quotes, and the
    // sheet as a PNG.
    let analysis = analyse(&outcome.negotiation, &all);
    let negotiation = &outcome.negotiation;
    let mut group = c.benchmark_group("8x2000 exports");
    group.sample_size(10);
    group.bench_function("Markdown brief", |b| {
        b.iter(|| black_box(report::markdown(negotiation, &analysis)));
    });
    group.bench_function("all-scales SVG", |b| {
        b.iter(|| black_box(figure::scales_sheet(negotiation, &analysis, Theme::Light)));
    });
    group.bench_function("HTML brief", |b| {
        b.iter(|| black_box(report::html(negotiation, &analysis, Theme::Light)));
    });
    let sheet = figure::scales_sheet(negotiation, &analysis, Theme::Light);
    group.bench_function("all-scales PNG at 1x", |b| {
        b.iter(|| black_box(figure::png(&sheet, 1.0).unwrap()));
    });
    group.finish();
}

criterion_group!(load_and_analyse, benches);
criterion_main!(load_and_analyse);
