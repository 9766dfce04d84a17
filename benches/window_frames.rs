//! Frames of the main window, built headless with egui's `Context::run_ui` and tessellated,
//! as eframe does before handing them to the GPU: on the bundled example, on 8 parties of
//! 2,000 statements each, and on 30 parties of 300 each, in compact columns and in full ones.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

#[path = "support/generated.rs"]
mod generated;
#[path = "support/window.rs"]
mod window;

use common_ground_core::edit::Edit;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::recovery::RecoveryStore;
use common_ground_window::{App, Command, Page, Platform, Settings};
use criterion::{Criterion, criterion_group, criterion_main};
use window::{frame, platform, scroll};

/// Typing a letter and taking it back: the data changes every frame, so the problems, rows
/// and analysis are all worked out again.
fn bench_keystroke(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &egui::Context,
    app: &mut App,
) {
    let mut flip = false;
    group.bench_function("frame after a keystroke in the editor", |b| {
        let key = StatementKey {
            party: 0,
            statement: 0,
        };
        let Some(original) = app.session().workspace().statement(key).cloned() else {
            return;
        };
        b.iter(|| {
            flip = !flip;
            let mut statement = original.clone();
            if flip {
                statement.summary.push('x');
            }
            app.push(Command::Edit {
                edit: Edit::Statement { key, statement },
                field: Some("summary".into()),
            });
            frame(ctx, app, Vec::new());
        });
    });
}

fn bench_app(c: &mut Criterion, name: &str, mut app: App) {
    let ctx = egui::Context::default();
    // Settle fonts, layout and panel sizes before measuring.
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group(name);
    group.bench_function("idle frame", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()));
    });
    let mut step = 0u32;
    group.bench_function("scrolling frame", |b| {
        b.iter(|| {
            // Down for a while, then back up, so every frame shows rows it did not show before.
            step += 1;
            let by = if (step / 40).is_multiple_of(2) {
                -120.0
            } else {
                120.0
            };
            frame(&ctx, &mut app, scroll(by));
        });
    });
    bench_keystroke(&mut group, &ctx, &mut app);
    for page in [Page::Scales, Page::Matrix] {
        app.push(Command::SetPage(page));
        frame(&ctx, &mut app, Vec::new());
        group.bench_function(format!("idle frame, {}", page.label()), |b| {
            b.iter(|| frame(&ctx, &mut app, Vec::new()));
        });
    }
    app.push(Command::SetPage(Page::Columns));
    let mut flip = false;
    group.bench_function("frame after a search changes", |b| {
        b.iter(|| {
            flip = !flip;
            app.push(Command::SetSearch(if flip {
                "the".into()
            } else {
                String::new()
            }));
            frame(&ctx, &mut app, Vec::new());
        });
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let example = App::new(Settings::default(), Vec::new(), platform());
    bench_app(c, "window, bundled example", example);

    let dir = tempfile::tempdir().unwrap();
    generated::generate(dir.path());
    let mut large = App::new(Settings::default(), vec![dir.path().to_owned()], platform());
    // Select a statement so the inspector is drawn too.
    large.push(Command::Select(StatementKey {
        party: 0,
        statement: 0,
    }));
    bench_app(c, "window, 8x2000", large);

    // Many parties: thirty columns over the sixty issues, compact (as a reader of that many
    // would use them) and full width, which only scrolls sideways further.
    let many = tempfile::tempdir().unwrap();
    generated::generate_sized(many.path(), 30, 300);
    for (name, compact) in [
        ("window, 30x300, compact columns", true),
        ("window, 30x300", false),
    ] {
        let settings = Settings {
            compact_columns: compact,
            ..Settings::default()
        };
        let mut app = App::new(settings, vec![many.path().to_owned()], platform());
        app.push(Command::Select(StatementKey {
            party: 0,
            statement: 0,
        }));
        bench_app(c, name, app);
    }

    // As in the app, with a recovery store: every edit also keeps the unsaved file for the
    // panic hook to write aside.
    let recovery = tempfile::tempdir().unwrap();
    let with_recovery = Platform {
        recovery: Some(RecoveryStore::new(recovery.path())),
        ..platform()
    };
    let mut app = App::new(
        Settings::default(),
        vec![dir.path().to_owned()],
        with_recovery,
    );
    app.push(Command::Select(StatementKey {
        party: 0,
        statement: 0,
    }));
    let ctx = egui::Context::default();
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("window, 8x2000, with recovery");
    bench_keystroke(&mut group, &ctx, &mut app);
    group.finish();

    // In five rounds: a frame after stepping to another round redoes the rows, the analysis
    // at that round and at the one before (for the ghosts), and what changed between them.
    let in_rounds = tempfile::tempdir().unwrap();
    generated::generate_in_rounds(in_rounds.path());
    let mut app = App::new(
        Settings::default(),
        vec![in_rounds.path().to_owned()],
        platform(),
    );
    let ctx = egui::Context::default();
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("window, 8x2000 in 5 rounds");
    for page in [Page::Columns, Page::Scales, Page::Changes] {
        app.push(Command::SetPage(page));
        frame(&ctx, &mut app, Vec::new());
        group.bench_function(format!("idle frame, {}", page.label()), |b| {
            b.iter(|| frame(&ctx, &mut app, Vec::new()));
        });
        let mut round = 1;
        group.bench_function(
            format!("frame after switching rounds, {}", page.label()),
            |b| {
                b.iter(|| {
                    round = if round == 1 { 3 } else { 1 };
                    app.push(Command::ShowRound(round));
                    frame(&ctx, &mut app, Vec::new());
                });
            },
        );
    }
    group.finish();
}

criterion_group!(window_frames, benches);
criterion_main!(window_frames);
