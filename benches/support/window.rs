//! What the window benches share: a frame built headless and tessellated as eframe does,
//! input for it, and a platform with no dialogs and a scripted watcher.

use std::hint::black_box;
use std::sync::Arc;

use common_ground_document::disk::ScriptedWatcher;
use common_ground_window::{App, DialogAnswer, FileDialogs, PickRequest, Platform, SaveRequest};
use egui::{Event, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, Vec2};

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_files(&self, _: &PickRequest) -> DialogAnswer {
        DialogAnswer::Unavailable
    }
    fn pick_folder(&self, _: &PickRequest) -> DialogAnswer {
        DialogAnswer::Unavailable
    }
    fn save_file(&self, _: &SaveRequest) -> DialogAnswer {
        DialogAnswer::Unavailable
    }
}

const SIZE: Vec2 = Vec2::new(1600.0, 1000.0);

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
        events,
        ..RawInput::default()
    }
}

/// One frame: build the UI, then tessellate it.
pub(crate) fn frame(ctx: &egui::Context, app: &mut App, events: Vec<Event>) {
    let output = ctx.run_ui(input(events), |ui| app.show(ui));
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

pub(crate) fn scroll(by: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(Pos2::new(500.0, 500.0)),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, by),
            phase: TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// No dialogs and nothing written aside; the files are watched as in the app, but nothing
/// changes them.
pub(crate) fn platform() -> Platform {
    Platform {
        dialogs: Arc::new(NoDialogs),
        recovery: None,
        watcher: ScriptedWatcher::default().start(),
    }
}
