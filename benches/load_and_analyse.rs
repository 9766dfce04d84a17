//! Loading, validating and analysing a large negotiation: 8 party files of 2,000 statements
//! each (about 14 MB of RON), against `ron::from_str` alone on the same bytes.

use std::hint::black_box;
use std::path::Path;

use common_ground::analysis::analyse;
use common_ground::io::{AGENDA_FILE_NAME, SaveMode, load, save_agenda, save_party};
use common_ground::model::{
    Agenda, AgendaIssue, Anchor, Condition, Firmness, Kind, Party, PartyFile, Range, Source,
    Statement, WaitsOn,
};
use criterion::{Criterion, criterion_group, criterion_main};

const PARTIES: usize = 8;
const STATEMENTS: usize = 2_000;
const ISSUES: usize = 60;

/// A small deterministic generator, so every run measures the same files.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn agenda() -> Agenda {
    Agenda {
        format: 1,
        name: "Generated negotiation".into(),
        description: "Eight parties, sixty issues, for benchmarks.".into(),
        issues: (0..ISSUES)
            .map(|i| AgendaIssue {
                id: format!("issue-{i}"),
                title: format!("Issue number {i}"),
                category: format!("Category {}", i % 6),
                description: "A generated issue with a scale from nothing to everything.".into(),
                scale: vec![
                    Anchor {
                        at: 0.0,
                        meaning: "Nothing at all".into(),
                    },
                    Anchor {
                        at: 50.0,
                        meaning: "Half of it".into(),
                    },
                    Anchor {
                        at: 100.0,
                        meaning: "Everything".into(),
                    },
                ],
            })
            .collect(),
    }
}

fn party(index: usize, rng: &mut Lcg) -> PartyFile {
    let kinds = Kind::ALL;
    let statements = (0..STATEMENTS)
        .map(|s| {
            let issue = rng.below(ISSUES as u64) as usize;
            // Each party keeps a consistent band per issue, as real files do, so the ranges of
            // its statements on one issue overlap.
            let band = ((index * 31 + issue * 17) % 70) as f64;
            let min = band + rng.below(6) as f64;
            let max = band + 25.0 + rng.below(6) as f64;
            Statement {
                id: format!("statement-{s}"),
                issue: format!("issue-{issue}"),
                kind: kinds[rng.below(kinds.len() as u64) as usize],
                summary: "The party wants the outcome to stay within the range it states here".into(),
                stance: Some((min + max) / 2.0),
                range: Some(Range { min, max }),
                salience: rng.below(101) as f64,
                firmness: [Firmness::NonNegotiable, Firmness::Firm, Firmness::Flexible]
                    [rng.below(3) as usize],
                estimated: true,
                conditions: vec![Condition {
                    text: "as long as the other side moves first on the related issue".into(),
                    waits_on: Some(WaitsOn {
                        party: format!("party-{}", (index + 1) % PARTIES),
                        issue: format!("issue-{}", rng.below(ISSUES as u64)),
                    }),
                }],
                sources: vec![Source {
                    quote: "We will not move on this until we see real movement from the other side of the table".into(),
                    speaker: "A spokesperson for the party".into(),
                    date: "2022-01-26".into(),
                    reference: "Generated source for benchmarks, page 12".into(),
                }],
            }
        })
        .collect();
    PartyFile {
        format: 1,
        party: Party {
            id: format!("party-{index}"),
            name: format!("Party number {index}"),
            short_name: format!("P{index}"),
            colour: "#336699".into(),
            capability: Some(0.5),
        },
        as_of: "2022-01-26".into(),
        summary: "A generated party for benchmarks.".into(),
        statements,
    }
}

/// Writes the generated negotiation into `dir` and returns the party files' texts.
fn generate(dir: &Path) -> Vec<String> {
    let mut rng = Lcg(42);
    save_agenda(&dir.join(AGENDA_FILE_NAME), &agenda(), SaveMode::AcceptLoss).unwrap();
    (0..PARTIES)
        .map(|i| {
            let path = dir.join(format!("party-{i}.ron"));
            save_party(&path, &party(i, &mut rng), SaveMode::AcceptLoss).unwrap();
            std::fs::read_to_string(&path).unwrap()
        })
        .collect()
}

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
        })
    });
    group.bench_function("load and validate", |b| b.iter(|| black_box(load(&paths))));
    let all: Vec<usize> = (0..PARTIES).collect();
    group.bench_function("analyse", |b| {
        b.iter(|| black_box(analyse(&outcome.negotiation, &all)))
    });
    group.finish();
}

criterion_group!(load_and_analyse, benches);
criterion_main!(load_and_analyse);
