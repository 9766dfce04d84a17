//! A bare eframe window built with the same eframe, features and window options as Common
//! Ground, drawing one label: the baseline `.ci/startup` measures the app's start-up and
//! memory against.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare eframe window")
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare-eframe-window",
        options,
        Box::new(|_| Ok(Box::new(Bare))),
    )
}

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.label("A bare eframe window");
    }
}
