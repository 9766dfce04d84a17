//! What the window does outside itself: file dialogs, exports and imports on their own
//! threads, the files dropped onto it, the window title. The document never sees any of it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use common_ground_core::negotiation::Negotiation;
use common_ground_document::{Notice, Workspace};
use egui::ViewportCommand;

use crate::dialogs::{DialogAnswer, DialogError, DialogKind, DialogRunner, FileDialogs};
use crate::export::{self, ExportChoice, ExportRounds};
use crate::import::{ImportOutcome, import_into};

/// What the open file dialog is for, so its answer goes to the right place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DialogPurpose {
    Open,
    Export(ExportChoice),
    SaveAs,
    /// The files File › Import… reads.
    ImportFrom,
    /// The folder the files picked go into.
    ImportInto(Vec<PathBuf>),
}

/// What a closed dialog asks the app to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chosen {
    Open(Vec<PathBuf>),
    /// The folder for Save as, or `None` when the dialog was cancelled.
    SaveFolder(Option<PathBuf>),
    /// The file to export to, chosen; the export is made from the data as it is now.
    ExportFile(PathBuf, ExportChoice),
    /// The files to import, chosen; next, where to.
    ImportFrom(Vec<PathBuf>),
    /// The files to import and the folder chosen for them.
    ImportInto(Vec<PathBuf>, PathBuf),
    Told(Notice),
}

/// The window's dealings with the system, kept out of the app's own state.
pub(crate) struct Effects {
    dialogs: DialogRunner,
    purpose: DialogPurpose,
    /// What the export drawn on its own thread said when it finished.
    export: Option<Receiver<Notice>>,
    /// What the import on its own thread did, when it finished.
    import: Option<Receiver<ImportOutcome>>,
    title: String,
    /// The document said to close the window.
    pub close_window: bool,
}

impl Effects {
    pub(crate) fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        Effects {
            dialogs: DialogRunner::new(dialogs),
            purpose: DialogPurpose::Open,
            export: None,
            import: None,
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
    pub(crate) fn poll_dialog(&mut self) -> Option<Chosen> {
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
        match &self.purpose {
            DialogPurpose::Open => Some(Chosen::Open(picked)),
            DialogPurpose::SaveAs => Some(Chosen::SaveFolder(first)),
            DialogPurpose::Export(choice) => {
                first.map(|path| Chosen::ExportFile(choice.with_extension(path), choice.clone()))
            }
            DialogPurpose::ImportFrom => Some(Chosen::ImportFrom(picked)),
            DialogPurpose::ImportInto(sources) => {
                first.map(|folder| Chosen::ImportInto(sources.clone(), folder))
            }
        }
    }

    /// Draws and writes an export on its own thread: a brief or a PNG of a large negotiation
    /// takes a second, which the window should not stand still for. `negotiation` is a copy
    /// taken when the file was chosen.
    pub(crate) fn start_export(
        &mut self,
        ctx: &egui::Context,
        negotiation: Negotiation,
        (shown, rounds): (Vec<usize>, ExportRounds),
        choice: ExportChoice,
        path: PathBuf,
    ) -> Result<(), Notice> {
        if self.export.is_some() {
            return Err(Notice::warning(
                "An export is still being written; export again once it has finished.",
            ));
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let notice = export::write_export(&negotiation, (&shown, rounds), &choice, &path);
                // The window may have closed meanwhile; then nobody waits for the news.
                if sender.send(notice).is_ok() {
                    ctx.request_repaint();
                }
            })
            .map_err(|error| {
                Notice::error(format!("The export could not be started ({error})."))
            })?;
        self.export = Some(receiver);
        Ok(())
    }

    pub(crate) fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// What the export said, once it has finished.
    pub(crate) fn poll_export(&mut self) -> Option<Notice> {
        let notice = match self.export.as_ref()?.try_recv() {
            Ok(notice) => notice,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                Notice::error("The export stopped before it was written; nothing was saved.")
            }
        };
        self.export = None;
        Some(notice)
    }

    /// Imports `sources` into `folder` on its own thread: a large workbook or scenario takes a
    /// while to read and check, which the window should not stand still for.
    pub(crate) fn start_import(
        &mut self,
        ctx: &egui::Context,
        sources: Vec<PathBuf>,
        folder: PathBuf,
    ) -> Result<(), Notice> {
        if self.import.is_some() {
            return Err(Notice::warning(
                "An import is still running; import again once it has finished.",
            ));
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(move || {
                let outcome = import_into(&sources, &folder);
                // The window may have closed meanwhile; then nobody waits for the news.
                if sender.send(outcome).is_ok() {
                    ctx.request_repaint();
                }
            })
            .map_err(|error| {
                Notice::error(format!("The import could not be started ({error})."))
            })?;
        self.import = Some(receiver);
        Ok(())
    }

    pub(crate) fn importing(&self) -> bool {
        self.import.is_some()
    }

    /// What the import did, once it has finished.
    pub(crate) fn poll_import(&mut self) -> Option<ImportOutcome> {
        let outcome = match self.import.as_ref()?.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(Notice::error(
                "The import stopped before it finished; no folder was written.",
            )),
        };
        self.import = None;
        Some(outcome)
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
