//! Native file dialogs, run off the UI thread so the window keeps drawing while one is open
//! (rfd's dialogs block, and on Linux may be zenity in another process).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A dialog that answers faster than this was never shown: no person cancels that quickly.
const UNAVAILABLE_WITHIN: Duration = Duration::from_millis(250);

/// What can ask the user for files; tests put in one that answers at once.
pub trait FileDialogs: Send + Sync + 'static {
    fn pick_files(&self) -> Option<Vec<PathBuf>>;
    fn pick_folder(&self) -> Option<PathBuf>;
    fn save_file(&self, request: &SaveRequest) -> Option<PathBuf>;
}

/// What a save dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    /// The name the dialog suggests.
    pub file_name: String,
    pub filter_name: String,
    /// Without the dot.
    pub extension: String,
}

/// The platform's dialogs through rfd.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Open position files")
            .add_filter("Position files (RON)", &["ron"])
            .add_filter("All files", &["*"])
            .pick_files()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a negotiation folder")
            .pick_folder()
    }

    fn save_file(&self, request: &SaveRequest) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(&request.title)
            .set_file_name(&request.file_name)
            .add_filter(&request.filter_name, &[&request.extension])
            .save_file()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    Files,
    Folder,
    Save(SaveRequest),
}

#[derive(Debug, thiserror::Error)]
pub enum DialogError {
    #[error("a file dialog is already open")]
    AlreadyOpen,
    #[error("no thread could be started for the dialog: {0}")]
    NoThread(std::io::Error),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
    /// The dialog returned before anyone could have seen it: there is no portal or zenity.
    Unavailable,
}

/// The open dialog: its answer arrives with how long it was open.
struct Pending {
    receiver: Receiver<(Option<Vec<PathBuf>>, Duration)>,
}

/// Runs at most one dialog at a time on its own thread.
pub struct DialogRunner {
    dialogs: Arc<dyn FileDialogs>,
    pending: Option<Pending>,
}

impl DialogRunner {
    pub fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        DialogRunner {
            dialogs,
            pending: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Opens a dialog unless one is open already; `repaint` wakes the window when it closes.
    pub fn open(
        &mut self,
        kind: DialogKind,
        repaint: impl Fn() + Send + 'static,
    ) -> Result<(), DialogError> {
        if self.is_open() {
            return Err(DialogError::AlreadyOpen);
        }
        let (sender, receiver) = channel();
        let dialogs = Arc::clone(&self.dialogs);
        let started = Instant::now();
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let picked = match kind {
                    DialogKind::Files => dialogs.pick_files(),
                    DialogKind::Folder => dialogs.pick_folder().map(|folder| vec![folder]),
                    DialogKind::Save(request) => dialogs.save_file(&request).map(|file| vec![file]),
                };
                // The window may have closed meanwhile; then nobody needs the answer.
                let _ = sender.send((picked, started.elapsed()));
                repaint();
            });
        spawned.map_err(DialogError::NoThread)?;
        self.pending = Some(Pending { receiver });
        Ok(())
    }

    /// The dialog's answer once it has closed.
    pub fn poll(&mut self) -> Option<DialogOutcome> {
        let pending = self.pending.as_ref()?;
        let outcome = match pending.receiver.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok((Some(paths), _)) if !paths.is_empty() => DialogOutcome::Picked(paths),
            Ok((_, open_for)) if open_for < UNAVAILABLE_WITHIN => DialogOutcome::Unavailable,
            Ok(_) => DialogOutcome::Cancelled,
            Err(TryRecvError::Disconnected) => DialogOutcome::Unavailable,
        };
        self.pending = None;
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::mpsc::Sender;

    /// Answers each dialog with what the test sends it, when the test sends it.
    struct Scripted(Mutex<Receiver<Option<Vec<PathBuf>>>>);

    impl FileDialogs for Scripted {
        fn pick_files(&self) -> Option<Vec<PathBuf>> {
            self.0.lock().ok()?.recv().ok()?
        }
        fn pick_folder(&self) -> Option<PathBuf> {
            self.pick_files()?.into_iter().next()
        }
        fn save_file(&self, _: &SaveRequest) -> Option<PathBuf> {
            self.pick_folder()
        }
    }

    fn runner() -> (DialogRunner, Sender<Option<Vec<PathBuf>>>) {
        let (sender, receiver) = channel();
        (
            DialogRunner::new(Arc::new(Scripted(Mutex::new(receiver)))),
            sender,
        )
    }

    fn wait(runner: &mut DialogRunner) -> DialogOutcome {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(outcome) = runner.poll() {
                return outcome;
            }
            assert!(Instant::now() < deadline, "the dialog never answered");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn only_one_dialog_opens_at_a_time_and_its_answer_arrives() {
        let (mut runner, answer) = runner();
        assert!(runner.open(DialogKind::Files, || {}).is_ok());
        assert!(matches!(
            runner.open(DialogKind::Folder, || {}),
            Err(DialogError::AlreadyOpen)
        ));
        assert!(runner.is_open());
        assert_eq!(runner.poll(), None);
        answer.send(Some(vec!["a.ron".into()])).unwrap();
        assert_eq!(
            wait(&mut runner),
            DialogOutcome::Picked(vec!["a.ron".into()])
        );
        assert!(!runner.is_open());
        assert!(runner.open(DialogKind::Folder, || {}).is_ok());
    }

    #[test]
    fn an_instant_empty_answer_means_no_dialog_could_be_shown() {
        let (mut runner, answer) = runner();
        answer.send(None).unwrap();
        runner.open(DialogKind::Files, || {}).unwrap();
        assert_eq!(wait(&mut runner), DialogOutcome::Unavailable);
    }

    #[test]
    fn a_slow_empty_answer_is_a_cancel() {
        let (mut runner, answer) = runner();
        runner.open(DialogKind::Folder, || {}).unwrap();
        std::thread::sleep(UNAVAILABLE_WITHIN + Duration::from_millis(50));
        answer.send(None).unwrap();
        assert_eq!(wait(&mut runner), DialogOutcome::Cancelled);
    }
}
