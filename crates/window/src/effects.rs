//! What the window does outside itself: file dialogs on their own thread, screenshots for an
//! image export, writing exports, the window title. The document never sees any of it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use common_ground_core::analysis::analyse;
use common_ground_core::io::write_atomically;
use common_ground_core::report;
use common_ground_document::{Notice, Workspace};
use egui::ViewportCommand;

use crate::dialogs::{DialogAnswer, DialogError, DialogKind, DialogRunner, FileDialogs};
use crate::export;

/// What the open file dialog is for, so its answer goes to the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DialogPurpose {
    Open,
    ExportBrief,
    ExportImage,
    SaveAs,
}

/// What a closed dialog asks the app to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chosen {
    Open(Vec<PathBuf>),
    /// The folder for Save as, or `None` when the dialog was cancelled.
    SaveFolder(Option<PathBuf>),
    /// The brief's file, chosen; the brief is written from the data as it is now.
    BriefFile(PathBuf),
    Told(Notice),
}

/// A screenshot asked of eframe for an image export, and what to keep of it.
struct PendingScreenshot {
    path: PathBuf,
    view: egui::Rect,
    pixels_per_point: f32,
    receiver: Receiver<Arc<egui::ColorImage>>,
}

/// The window's dealings with the system, kept out of the app's own state.
pub(crate) struct Effects {
    dialogs: DialogRunner,
    purpose: DialogPurpose,
    /// Where the screenshot asked of eframe is to be saved when it arrives.
    screenshot: Option<PendingScreenshot>,
    /// Where the main view was drawn last frame: what an image export keeps.
    pub page_rect: egui::Rect,
    title: String,
    /// The document said to close the window.
    pub close_window: bool,
}

impl Effects {
    pub(crate) fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        Effects {
            dialogs: DialogRunner::new(dialogs),
            purpose: DialogPurpose::Open,
            screenshot: None,
            page_rect: egui::Rect::NOTHING,
            title: String::new(),
            close_window: false,
        }
    }

    pub(crate) fn dialog_open(&self) -> bool {
        self.dialogs.is_open()
    }

    /// Opens a file dialog; `Err` says in words why none could be.
    pub(crate) fn open_dialog(
        &mut self,
        ctx: &egui::Context,
        kind: DialogKind,
        purpose: DialogPurpose,
    ) -> Result<(), Notice> {
        let ctx = ctx.clone();
        match self.dialogs.open(kind, move || ctx.request_repaint()) {
            Ok(()) => {
                self.purpose = purpose;
                Ok(())
            }
            Err(DialogError::AlreadyOpen) => Err(Notice::warning("A file dialog is already open.")),
            Err(DialogError::NoThread(error)) => Err(Notice::warning(format!(
                "The file dialog could not be started ({error}). Drag files onto the window or \
                 use File › Open path… instead."
            ))),
        }
    }

    /// The open dialog's answer, once it has closed.
    pub(crate) fn poll_dialog(&mut self, ui: &egui::Ui) -> Option<Chosen> {
        let picked = match self.dialogs.poll()? {
            DialogAnswer::Picked(paths) => paths,
            DialogAnswer::Cancelled => {
                return (self.purpose == DialogPurpose::SaveAs).then_some(Chosen::SaveFolder(None));
            }
            DialogAnswer::Unavailable => {
                return Some(Chosen::Told(Notice::warning(
                    "No file dialog could be shown on this system (it needs a desktop portal or \
                     zenity). Drag files or a folder onto the window, use File › Open path…, or \
                     start the app with paths: common-ground FOLDER",
                )));
            }
        };
        let first = picked.first().cloned();
        match self.purpose {
            DialogPurpose::Open => Some(Chosen::Open(picked)),
            DialogPurpose::SaveAs => Some(Chosen::SaveFolder(first)),
            DialogPurpose::ExportBrief => {
                first.map(|path| Chosen::BriefFile(with_extension(path, "md")))
            }
            DialogPurpose::ExportImage => {
                let path = first?;
                self.ask_for_screenshot(ui, with_extension(path, "png"));
                None
            }
        }
    }

    /// Asks eframe for a screenshot, taken on a later frame once the dialog has gone.
    fn ask_for_screenshot(&mut self, ui: &egui::Ui, path: PathBuf) {
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ui.ctx().clone();
        ui.request_screenshot(move |image| {
            // The window may have closed meanwhile; then nobody waits for the image.
            if sender.send(image).is_ok() {
                ctx.request_repaint();
            }
        });
        self.screenshot = Some(PendingScreenshot {
            path,
            view: self.page_rect,
            pixels_per_point: ui.pixels_per_point(),
            receiver,
        });
    }

    /// Saves the screenshot for an image export once it has arrived; what happened, in words.
    pub(crate) fn take_screenshot(&mut self) -> Option<Notice> {
        let pending = self.screenshot.as_ref()?;
        let image = match pending.receiver.try_recv() {
            Ok(image) => image,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                self.screenshot = None;
                return Some(Notice::warning(
                    "The view could not be captured as an image on this system.",
                ));
            }
        };
        let image = export::crop(&image, pending.view, pending.pixels_per_point);
        let path = pending.path.clone();
        self.screenshot = None;
        let written = export::encode_png(&image)
            .and_then(|png| write_atomically(&path, &png).map_err(|e| e.to_string()));
        Some(match written {
            Ok(()) => Notice::info(format!("The view was saved as {}.", path.display())),
            Err(error) => Notice::warning(format!(
                "The image could not be saved to {}: {error}",
                path.display()
            )),
        })
    }

    /// Keeps the window's title in step with the negotiation and its unsaved state.
    pub(crate) fn update_title(&mut self, ui: &egui::Ui, workspace: &Workspace) {
        let unsaved = if workspace.is_dirty() { "*" } else { "" };
        let title = format!(
            "{unsaved}{} — {} — Common Ground",
            workspace.name(),
            workspace.origin.place()
        );
        if title != self.title {
            ui.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Writes the brief of the parties shown, worked out afresh: the data may have changed while
/// the dialog was open.
pub(crate) fn write_brief(
    workspace: &Workspace,
    shown: &[usize],
    path: &std::path::Path,
) -> Notice {
    let analysis = analyse(&workspace.negotiation, shown);
    let brief = report::markdown(&workspace.negotiation, &analysis);
    match write_atomically(path, brief.as_bytes()) {
        Ok(()) => Notice::info(format!("The brief was saved as {}.", path.display())),
        Err(error) => Notice::warning(format!("The brief could not be saved: {error}")),
    }
}

/// The files and folders dropped onto the window this frame.
pub(crate) fn dropped_files(ui: &egui::Ui) -> Vec<PathBuf> {
    ui.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_path_buf())
            // Only files from the web lack a path.
            .filter(|path| !path.as_os_str().is_empty())
            .collect()
    })
}

/// `path` with `extension` added when it has none: not every save dialog adds it.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}
