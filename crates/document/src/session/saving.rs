//! Saving: the file being edited, every file, or the whole negotiation into another folder.
//! A save writes files one by one; it stops to ask before dropping what a person wrote by hand,
//! before overwriting what another program wrote, and on the first error, which keeps the
//! edits. [`SaveState`] names where a save stands between frames.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use common_ground_core::io::{AGENDA_FILE_NAME, SaveError, SaveMode, save_agenda, save_party};
use common_ground_core::negotiation::FileId;

use super::{Event, Replaced, Session};
use crate::origin::Origin;
use crate::question::{Notice, Question, Then};

/// Files still to write, and what to do once all are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveJob {
    files: VecDeque<FileId>,
    then: Option<Then>,
}

/// Where a save stands between frames.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SaveState {
    /// No save under way.
    #[default]
    Idle,
    /// Stopped at a file whose comments (or unreadable text) saving would drop, until the
    /// user says whether they may go ([`Question::ConfirmLoss`]).
    AwaitingConsent(SaveJob),
    /// Waiting for the user to choose the folder to save the negotiation into.
    ChoosingFolder { then: Option<Then> },
}

/// The save under way, and the files whose hand-written parts the user agreed to drop.
#[derive(Debug, Default)]
pub(super) struct SaveFlow {
    state: SaveState,
    /// Asked once per file while the negotiation is open.
    accepted_loss: HashSet<PathBuf>,
}

impl SaveFlow {
    pub(super) fn state(&self) -> &SaveState {
        &self.state
    }

    /// The save stops; nothing more is written.
    pub(super) fn cancel(&mut self) {
        self.state = SaveState::Idle;
    }
}

/// How writing the files of a job ended.
enum Written {
    /// Every file is written; `saved` counts them.
    All { saved: usize },
    /// A question was asked, or an error told; the job waits or is over.
    Stopped,
}

impl Session {
    /// Saves the file being worked on when it has changes, else every file with changes.
    pub fn save(&mut self, current: Option<FileId>) {
        match current.filter(|&file| self.workspace.is_file_dirty(file)) {
            Some(file) => self.start_saving(vec![file], None),
            None => self.save_all(),
        }
    }

    pub fn save_all(&mut self) {
        self.save_all_then(None);
    }

    pub(super) fn save_all_then(&mut self, then: Option<Then>) {
        let files = self.workspace.dirty_files().collect();
        self.start_saving(files, then);
    }

    /// Saves every file of the negotiation into a folder the user chooses, and goes on there.
    pub fn save_as(&mut self) {
        self.choose_folder(None);
    }

    fn choose_folder(&mut self, then: Option<Then>) {
        self.save.state = SaveState::ChoosingFolder { then };
        self.events.push(Event::ChooseSaveFolder);
    }

    fn start_saving(&mut self, files: Vec<FileId>, then: Option<Then>) {
        if self.workspace.origin.is_example() && self.workspace.is_dirty() {
            // The example lives inside the app; a copy on disk is what can be saved.
            self.choose_folder(then);
            return;
        }
        if files.is_empty() && then.is_none() {
            self.notice(Notice::info(if self.workspace.origin.is_example() {
                "Nothing to save: the built-in example is unchanged. File › Save as… writes a \
                 copy of it into a folder."
            } else {
                "Nothing to save: every file is as it is on disk."
            }));
            return;
        }
        self.go_on_saving(SaveJob {
            files: files.into(),
            then,
        });
    }

    /// The user agreed to drop what `path` holds that saving cannot keep.
    pub(super) fn save_anyway(&mut self, path: PathBuf) {
        self.save.accepted_loss.insert(path);
        if let SaveState::AwaitingConsent(job) = std::mem::take(&mut self.save.state) {
            self.go_on_saving(job);
        }
    }

    fn go_on_saving(&mut self, mut job: SaveJob) {
        self.save.state = SaveState::Idle;
        let written = self.write_job(&mut job);
        // What was saved no longer needs writing aside.
        self.keep_emergency_copy();
        let Written::All { saved } = written else {
            return;
        };
        if saved > 0 {
            self.notice(Notice::info(if saved == 1 {
                "Saved 1 file.".to_owned()
            } else {
                format!("Saved {saved} files.")
            }));
        }
        if let Some(then) = job.then {
            self.go_on(then);
        }
    }

    fn write_job(&mut self, job: &mut SaveJob) -> Written {
        let mut saved = 0;
        while let Some(file) = job.files.front().copied() {
            if self.workspace.is_new(file) {
                self.workspace.name_new_file_after_its_party(file);
            }
            let Some(path) = self.workspace.path_of(file).map(Path::to_path_buf) else {
                job.files.pop_front();
                continue;
            };
            // What another program wrote must not be overwritten unseen: ask first.
            if self.disk.take_modified(&path) {
                self.question = Some(Question::ExternalChange { file, path });
                return Written::Stopped;
            }
            let mode = if self.save.accepted_loss.contains(&path) {
                SaveMode::AcceptLoss
            } else {
                SaveMode::RefuseLoss
            };
            let first_save = self.workspace.is_new(file);
            let old_key = self.workspace.origin.key();
            match self.write_file(file, &path, mode) {
                Ok(()) => {
                    job.files.pop_front();
                    self.workspace.mark_saved(file);
                    self.disk.acknowledge(&path);
                    if first_save {
                        // A new file joined the negotiation; undoing its creation would leave
                        // it on disk, unseen.
                        self.replace(Replaced::Moved { old_key });
                    }
                    saved += 1;
                }
                Err(SaveError::WouldLose { losses, .. }) => {
                    let what = losses
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" and ");
                    self.question = Some(Question::ConfirmLoss { path, what });
                    self.save.state = SaveState::AwaitingConsent(std::mem::take(job));
                    return Written::Stopped;
                }
                Err(error) => {
                    // The edits stay, unsaved, and the file on disk is as it was.
                    self.notice(Notice::error(format!(
                        "Not saved. {error}. Your edits are kept."
                    )));
                    return Written::Stopped;
                }
            }
        }
        Written::All { saved }
    }

    fn write_file(&self, file: FileId, path: &Path, mode: SaveMode) -> Result<(), SaveError> {
        let negotiation = &self.workspace.negotiation;
        match file {
            FileId::Agenda => match &negotiation.agenda {
                Some(agenda) => save_agenda(path, &agenda.data, mode),
                None => Ok(()),
            },
            FileId::Party(index) => match negotiation.party(index) {
                Some(party) => save_party(path, party, mode),
                None => Ok(()),
            },
        }
    }

    /// The folder the user chose for Save as, or `None` when they cancelled.
    pub fn folder_chosen(&mut self, folder: Option<&Path>) {
        let SaveState::ChoosingFolder { then } = std::mem::take(&mut self.save.state) else {
            return;
        };
        if let Some(folder) = folder {
            self.save_into(folder, then);
        }
    }

    /// Writes every file into `folder` under its own name, then works on from there.
    fn save_into(&mut self, folder: &Path, then: Option<Then>) {
        let targets = self.targets_in(folder);
        let same_place = targets
            .iter()
            .all(|(file, target)| self.workspace.path_of(*file) == Some(target.as_path()));
        if same_place && !self.workspace.origin.is_example() {
            // The folder the files are in: an ordinary save, comments question and all.
            self.save_all_then(then);
            return;
        }
        let clash = targets.iter().find(|(file, target)| {
            target.exists() && self.workspace.path_of(**file) != Some(target.as_path())
        });
        if let Some((_, target)) = clash {
            self.notice(Notice::error(format!(
                "Not saved: {} already exists. Choose an empty folder, or one holding this \
                 negotiation.",
                target.display()
            )));
            return;
        }
        let mut files: Vec<(FileId, &PathBuf)> = targets.iter().map(|(f, p)| (*f, p)).collect();
        files.sort();
        for (file, target) in files {
            if let Err(error) = self.write_file(file, target, SaveMode::AcceptLoss) {
                self.notice(Notice::error(format!(
                    "Not saved. {error}. Your edits are kept."
                )));
                return;
            }
        }
        let old_key = self.workspace.origin.key();
        self.workspace
            .move_to(Origin::paths(vec![folder.to_owned()]), &targets);
        for file in targets.keys() {
            self.workspace.mark_saved(*file);
        }
        self.replace(Replaced::Moved { old_key });
        self.notice(Notice::info(format!("Saved into {}.", folder.display())));
        if let Some(then) = then {
            self.go_on(then);
        }
    }

    /// Where each file goes in `folder`: under its own name, or its party's id for a file
    /// without one.
    fn targets_in(&self, folder: &Path) -> HashMap<FileId, PathBuf> {
        let negotiation = &self.workspace.negotiation;
        let mut targets = HashMap::new();
        if negotiation.agenda.is_some() {
            targets.insert(FileId::Agenda, folder.join(AGENDA_FILE_NAME));
        }
        for (index, party) in negotiation.parties.iter().enumerate() {
            let name = party
                .path
                .file_name()
                .map_or_else(|| format!("{}.ron", party.data.party.id).into(), Into::into);
            targets.insert(FileId::Party(index), folder.join::<PathBuf>(name));
        }
        targets
    }
}
