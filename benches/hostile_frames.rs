//! Frames of the window with every bad file of `tests/fixtures` open beside the example, whose
//! US file has a party summary and a statement summary of 10 MB each, in one line: the promise
//! is that no frame takes over 100 ms. Criterion measures the steady frames; a scripted visit
//! of every page, scrolling, a search and the selection of every US statement prints the
//! slowest single frame it met, and opening (load and first frame) is timed on its own.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]
#![expect(
    clippy::print_stdout,
    reason = "a bench prints the figures criterion does not measure"
)]

#[path = "support/window.rs"]
mod window;

use std::path::Path;
use std::time::{Duration, Instant};

use common_ground_core::negotiation::StatementKey;
use common_ground_window::{App, Command, Page, Settings};
use criterion::{Criterion, criterion_group, criterion_main};
use window::{frame, platform, scroll};

const TEN_MEGABYTES: usize = 10_000_000;

/// The fixtures and the example in one folder, the US file's summaries made huge.
fn hostile_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for source in ["tests/fixtures", "data/ukraine-2022"] {
        for entry in std::fs::read_dir(root.join(source)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let us = folder.path().join("us.ron");
    let huge = "word ".repeat(TEN_MEGABYTES / 5);
    let text = std::fs::read_to_string(&us).unwrap();
    // The first summary is the party's, the second its first statement's.
    let text = text.replacen("summary: \"", &format!("summary: \"{huge}"), 2);
    std::fs::write(&us, text).unwrap();
    folder
}

fn open(folder: &Path) -> App {
    App::new(Settings::default(), vec![folder.to_owned()], platform())
}

fn us_statements(app: &App) -> Vec<StatementKey> {
    let negotiation = &app.session().workspace().negotiation;
    let party = negotiation.party_index("us").unwrap();
    let count = negotiation.party(party).unwrap().statements.len();
    (0..count)
        .map(|statement| StatementKey { party, statement })
        .collect()
}

/// Every page, scrolled, searched, and each US statement selected in turn: the slowest frame.
fn slowest_frame(app: &mut App, ctx: &egui::Context) -> (Duration, String) {
    let mut slowest = (Duration::ZERO, String::new());
    let mut timed = |app: &mut App, what: String, events| {
        let start = Instant::now();
        frame(ctx, app, events);
        let took = start.elapsed();
        if took > slowest.0 {
            slowest = (took, what);
        }
    };
    for page in Page::ALL {
        app.push(Command::SetPage(page));
        timed(app, format!("switching to {}", page.label()), Vec::new());
        for step in 0..20 {
            let by = if step < 10 { -300.0 } else { 300.0 };
            timed(app, format!("scrolling {}", page.label()), scroll(by));
        }
        app.push(Command::SetSearch("word".into()));
        timed(app, format!("a search on {}", page.label()), Vec::new());
        app.push(Command::SetSearch(String::new()));
        timed(
            app,
            format!("clearing the search on {}", page.label()),
            Vec::new(),
        );
        for key in us_statements(app) {
            app.push(Command::Select(key));
            timed(
                app,
                format!("selecting US statement {}", key.statement),
                Vec::new(),
            );
        }
    }
    slowest
}

fn benches(c: &mut Criterion) {
    let folder = hostile_folder();

    let start = Instant::now();
    let mut app = open(folder.path());
    let loaded = start.elapsed();
    let ctx = egui::Context::default();
    let start = Instant::now();
    frame(&ctx, &mut app, Vec::new());
    let first = start.elapsed();
    let (slowest, what) = slowest_frame(&mut app, &ctx);
    println!(
        "hostile files: opening {:.1} ms, first frame {:.1} ms, slowest later frame {:.1} ms ({what})",
        loaded.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        slowest.as_secs_f64() * 1e3,
    );

    let mut group = c.benchmark_group("window, bad files and a 10 MB summary");
    group.sample_size(10);
    group.bench_function("opening and the first frame", |b| {
        b.iter(|| {
            let mut app = open(folder.path());
            frame(&egui::Context::default(), &mut app, Vec::new());
        });
    });
    app.push(Command::SetPage(Page::Columns));
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    group.bench_function("idle frame", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()));
    });
    let keys = us_statements(&app);
    let mut flip = false;
    group.bench_function("frame after selecting the statement of 10 MB", |b| {
        b.iter(|| {
            flip = !flip;
            app.push(Command::Select(keys[usize::from(flip)]));
            frame(&ctx, &mut app, Vec::new());
        });
    });
    group.finish();
}

criterion_group!(hostile_frames, benches);
criterion_main!(hostile_frames);
