//! Native file dialogs, run off the UI thread so the window keeps drawing while one is open
//! (rfd's dialogs block, and on Linux may be zenity in another process).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A dialog that answers faster than this was never shown: no person cancels that quickly.
const UNAVAILABLE_WITHIN: Duration = Duration::from_millis(250);

/// How a dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    Picked(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown: there is no desktop portal or zenity.
    Unavailable,
}

/// What can ask the user for files; tests put in one that answers as they say.
pub trait FileDialogs: Send + Sync + 'static {
    fn pick_files(&self, request: &PickRequest) -> DialogAnswer;
    fn pick_folder(&self, request: &PickRequest) -> DialogAnswer;
    fn save_file(&self, request: &SaveRequest) -> DialogAnswer;
}

/// What an open or folder dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRequest {
    pub title: String,
    /// Where it starts: the open negotiation's folder, when it has one.
    pub directory: Option<PathBuf>,
    /// The files a files dialog offers first.
    pub files: PickedFiles,
}

/// What kind of files a dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickedFiles {
    /// Position files and agendas.
    Negotiation,
    /// What File › Import… reads: spreadsheets, DECIDE tables, GENIUS and GeniusWeb files.
    ImportSources,
}

/// What a save dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    /// Where it starts: the open negotiation's folder, when it has one.
    pub directory: Option<PathBuf>,
    /// The name the dialog suggests.
    pub file_name: String,
    pub filter_name: String,
    /// Without the dot.
    pub extension: String,
}

/// The platform's dialogs through rfd.
pub(crate) struct NativeDialogs;

impl NativeDialogs {
    /// rfd says `None` both when the user cancels and when no dialog could be shown; only the
    /// time it took tells them apart.
    fn answer(picked: Option<Vec<PathBuf>>, open_for: Duration) -> DialogAnswer {
        match picked {
            Some(paths) if !paths.is_empty() => DialogAnswer::Picked(paths),
            _ if open_for < UNAVAILABLE_WITHIN => DialogAnswer::Unavailable,
            _ => DialogAnswer::Cancelled,
        }
    }

    fn timed(show: impl FnOnce() -> Option<Vec<PathBuf>>) -> DialogAnswer {
        let started = Instant::now();
        let picked = show();
        Self::answer(picked, started.elapsed())
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_files(&self, request: &PickRequest) -> DialogAnswer {
        Self::timed(|| {
            let dialog = starting_in(rfd::FileDialog::new(), request.directory.as_ref())
                .set_title(&request.title);
            match request.files {
                PickedFiles::Negotiation => dialog.add_filter("Position files (RON)", &["ron"]),
                PickedFiles::ImportSources => dialog.add_filter(
                    "Spreadsheets, DECIDE tables, GENIUS and GeniusWeb scenarios",
                    &["csv", "tsv", "txt", "xlsx", "ods", "xml", "json"],
                ),
            }
            .add_filter("All files", &["*"])
            .pick_files()
        })
    }

    fn pick_folder(&self, request: &PickRequest) -> DialogAnswer {
        Self::timed(|| {
            starting_in(rfd::FileDialog::new(), request.directory.as_ref())
                .set_title(&request.title)
                .pick_folder()
                .map(|folder| vec![folder])
        })
    }

    fn save_file(&self, request: &SaveRequest) -> DialogAnswer {
        Self::timed(|| {
            starting_in(rfd::FileDialog::new(), request.directory.as_ref())
                .set_title(&request.title)
                .set_file_name(&request.file_name)
                .add_filter(&request.filter_name, &[&request.extension])
                .save_file()
                .map(|file| vec![file])
        })
    }
}

/// A dialog that starts in `directory`, when there is one and it still exists.
fn starting_in(dialog: rfd::FileDialog, directory: Option<&PathBuf>) -> rfd::FileDialog {
    match directory.filter(|directory| directory.is_dir()) {
        Some(directory) => dialog.set_directory(directory),
        None => dialog,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DialogKind {
    Files(PickRequest),
    Folder(PickRequest),
    Save(SaveRequest),
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum DialogError {
    #[error("a file dialog is already open")]
    AlreadyOpen,
    #[error("no thread could be started for the dialog: {0}")]
    NoThread(std::io::Error),
}

/// Runs at most one dialog at a time on its own thread.
pub(crate) struct DialogRunner {
    dialogs: Arc<dyn FileDialogs>,
    pending: Option<Receiver<DialogAnswer>>,
}

impl DialogRunner {
    pub(crate) fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        DialogRunner {
            dialogs,
            pending: None,
        }
    }

    pub(crate) fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Opens a dialog unless one is open already; `repaint` wakes the window when it closes.
    pub(crate) fn open(
        &mut self,
        kind: DialogKind,
        repaint: impl Fn() + Send + 'static,
    ) -> Result<(), DialogError> {
        if self.is_open() {
            return Err(DialogError::AlreadyOpen);
        }
        let (sender, receiver) = channel();
        let dialogs = Arc::clone(&self.dialogs);
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let answer = match kind {
                    DialogKind::Files(request) => dialogs.pick_files(&request),
                    DialogKind::Folder(request) => dialogs.pick_folder(&request),
                    DialogKind::Save(request) => dialogs.save_file(&request),
                };
                // The window may have closed meanwhile; then nobody waits for the answer.
                if sender.send(answer).is_ok() {
                    repaint();
                }
            });
        spawned.map_err(DialogError::NoThread)?;
        self.pending = Some(receiver);
        Ok(())
    }

    /// The dialog's answer once it has closed.
    pub(crate) fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = match self.pending.as_ref()?.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(answer) => answer,
            // The dialog's thread ended without an answer: it could not show one.
            Err(TryRecvError::Disconnected) => DialogAnswer::Unavailable,
        };
        self.pending = None;
        Some(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::mpsc::Sender;

    /// Answers each dialog with what the test sends it, when the test sends it.
    struct Scripted(Mutex<Receiver<DialogAnswer>>);

    impl FileDialogs for Scripted {
        fn pick_files(&self, _: &PickRequest) -> DialogAnswer {
            self.0
                .lock()
                .ok()
                .and_then(|answers| answers.recv().ok())
                .unwrap_or(DialogAnswer::Unavailable)
        }
        fn pick_folder(&self, request: &PickRequest) -> DialogAnswer {
            self.pick_files(request)
        }
        fn save_file(&self, request: &SaveRequest) -> DialogAnswer {
            self.pick_files(&PickRequest {
                title: request.title.clone(),
                directory: None,
                files: PickedFiles::Negotiation,
            })
        }
    }

    fn request() -> PickRequest {
        PickRequest {
            title: "Open".to_owned(),
            directory: None,
            files: PickedFiles::Negotiation,
        }
    }

    fn runner() -> (DialogRunner, Sender<DialogAnswer>) {
        let (sender, receiver) = channel();
        (
            DialogRunner::new(Arc::new(Scripted(Mutex::new(receiver)))),
            sender,
        )
    }

    /// Waits for the answer: it comes from another thread, in its own time.
    fn wait(runner: &mut DialogRunner) -> DialogAnswer {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(answer) = runner.poll() {
                return answer;
            }
            assert!(Instant::now() < deadline, "the dialog never answered");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn only_one_dialog_opens_at_a_time_and_its_answer_arrives() {
        let (mut runner, answer) = runner();
        assert!(runner.open(DialogKind::Files(request()), || {}).is_ok());
        assert!(matches!(
            runner.open(DialogKind::Folder(request()), || {}),
            Err(DialogError::AlreadyOpen)
        ));
        assert!(runner.is_open());
        // The test has not answered yet, so the dialog is still open.
        assert_eq!(runner.poll(), None);
        let picked = DialogAnswer::Picked(vec!["a.ron".into()]);
        answer.send(picked.clone()).unwrap();
        assert_eq!(wait(&mut runner), picked);
        assert!(!runner.is_open());
        assert!(runner.open(DialogKind::Folder(request()), || {}).is_ok());
    }

    #[test]
    fn a_dialog_whose_thread_ends_without_answering_could_not_be_shown() {
        let (mut runner, answer) = runner();
        drop(answer);
        runner.open(DialogKind::Files(request()), || {}).unwrap();
        assert_eq!(wait(&mut runner), DialogAnswer::Unavailable);
    }

    #[test]
    fn an_empty_answer_is_a_cancel_only_after_someone_could_have_seen_the_dialog() {
        let quick = UNAVAILABLE_WITHIN / 2;
        let slow = UNAVAILABLE_WITHIN * 2;
        assert_eq!(
            NativeDialogs::answer(None, quick),
            DialogAnswer::Unavailable
        );
        assert_eq!(NativeDialogs::answer(None, slow), DialogAnswer::Cancelled);
        assert_eq!(
            NativeDialogs::answer(Some(Vec::new()), slow),
            DialogAnswer::Cancelled
        );
        let picked = vec![PathBuf::from("a.ron")];
        assert_eq!(
            NativeDialogs::answer(Some(picked.clone()), quick),
            DialogAnswer::Picked(picked)
        );
    }
}
