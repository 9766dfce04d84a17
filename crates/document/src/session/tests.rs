//! The document's life without a window: opening, the save flow, changes on disk and recovery,
//! each driven step by step. Changes on disk are reported by a scripted watcher, so the order of
//! events is the test's, not a watcher thread's.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common_ground_core::edit::Edit;
use common_ground_core::io::load;
use common_ground_core::negotiation::{FileId, StatementKey};

use super::*;
use crate::disk::ScriptedWatcher;
use crate::question::{Level, RecoveredFile};
use crate::watch::FileChange;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ukraine-2022");
const FILES: [&str; 4] = ["agenda.ron", "nato.ron", "russia.ron", "us.ron"];

fn copy_of_the_example() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for name in FILES {
        std::fs::copy(Path::new(DATA).join(name), folder.path().join(name)).unwrap();
    }
    folder
}

struct Opened {
    session: Session,
    disk: ScriptedWatcher,
}

fn open(origin: Origin, recovery: Option<RecoveryStore>) -> Opened {
    let disk = ScriptedWatcher::default();
    let mut session = Session::new(origin, recovery, disk.start(), Arc::new(|| {}));
    // The first frame starts watching.
    session.poll_disk(true);
    Opened { session, disk }
}

fn open_folder(folder: &Path) -> Opened {
    open(Origin::paths(vec![folder.to_owned()]), None)
}

fn us(session: &Session) -> usize {
    session.workspace().negotiation.party_index("us").unwrap()
}

/// Retypes the summary of the US's first statement.
fn edit_us_summary(session: &mut Session, text: &str) -> StatementKey {
    let key = StatementKey {
        party: us(session),
        statement: 0,
    };
    let mut statement = session.workspace().statement(key).unwrap().clone();
    statement.summary = text.to_owned();
    session.edit(
        Edit::Statement { key, statement },
        Some("0/0/summary"),
        Some(key),
    );
    key
}

fn summary(session: &Session, key: StatementKey) -> String {
    session.workspace().statement(key).unwrap().summary.clone()
}

fn notices(session: &mut Session) -> Vec<Notice> {
    session
        .take_events()
        .into_iter()
        .filter_map(|event| match event {
            Event::Notice(notice) => Some(notice),
            _ => None,
        })
        .collect()
}

fn on_disk(folder: &Path, name: &str) -> String {
    std::fs::read_to_string(folder.join(name)).unwrap()
}

#[test]
fn opening_starts_afresh_and_asks_before_dropping_unsaved_changes() {
    let folder = copy_of_the_example();
    let Opened { mut session, .. } = open_folder(folder.path());
    assert_eq!(
        session.take_events(),
        [Event::Replaced(Replaced::Negotiation)]
    );
    let key = edit_us_summary(&mut session, "Edited");
    assert!(session.history().undo_label().is_some());

    session.open(Origin::Example);
    let Some(Question::Unsaved { then, files }) = session.question() else {
        panic!(
            "expected the unsaved question, got {:?}",
            session.question()
        );
    };
    assert_eq!(
        (then, files.as_slice()),
        (&Then::Open(Origin::Example), &["us.ron".to_owned()][..])
    );
    session.answer(Answer::Cancel);
    assert_eq!(summary(&session, key), "Edited");
    assert_eq!(
        session.workspace().origin,
        Origin::paths(vec![folder.path().to_owned()])
    );

    session.open(Origin::Example);
    session.answer(Answer::Discard);
    assert_eq!(session.workspace().origin, Origin::Example);
    assert!(!session.workspace().is_dirty());
    // The one reset path: the old undo steps are gone with the old data.
    assert!(session.history().undo_label().is_none());
}

#[test]
fn saving_the_file_being_edited_writes_it_and_says_so() {
    let folder = copy_of_the_example();
    let Opened { mut session, .. } = open_folder(folder.path());
    let key = edit_us_summary(&mut session, "Saved words");
    session.take_events();
    session.save(Some(FileId::Party(key.party)));
    assert_eq!(notices(&mut session), [Notice::info("Saved 1 file.")]);
    assert!(!session.workspace().is_dirty());
    assert!(on_disk(folder.path(), "us.ron").contains("Saved words"));
    let reloaded = load(&[folder.path().to_owned()]);
    assert_eq!(reloaded.negotiation, session.workspace().negotiation);
}

#[test]
fn a_file_with_comments_is_saved_only_after_one_save_anyway() {
    let folder = copy_of_the_example();
    let us_file = folder.path().join("us.ron");
    let text = std::fs::read_to_string(&us_file).unwrap();
    std::fs::write(&us_file, format!("// Checked by hand.\n{text}")).unwrap();
    let Opened { mut session, .. } = open_folder(folder.path());
    edit_us_summary(&mut session, "First");
    session.save_all();
    assert!(matches!(
        session.question(),
        Some(Question::ConfirmLoss { what, .. }) if what == "its comments"
    ));
    assert!(matches!(
        session.save_state(),
        SaveState::AwaitingConsent(_)
    ));
    assert!(on_disk(folder.path(), "us.ron").starts_with("// Checked"));

    session.answer(Answer::SaveAnyway);
    assert_eq!(session.save_state(), &SaveState::Idle);
    assert!(on_disk(folder.path(), "us.ron").contains("First"));
    edit_us_summary(&mut session, "Second");
    session.save_all();
    assert!(session.question().is_none(), "asked once per file");
    assert!(on_disk(folder.path(), "us.ron").contains("Second"));
}

#[test]
fn cancelling_the_comments_question_stops_the_save() {
    let folder = copy_of_the_example();
    let us_file = folder.path().join("us.ron");
    let text = std::fs::read_to_string(&us_file).unwrap();
    std::fs::write(&us_file, format!("// Checked by hand.\n{text}")).unwrap();
    let Opened { mut session, .. } = open_folder(folder.path());
    edit_us_summary(&mut session, "Not yet");
    session.save_all();
    session.answer(Answer::Cancel);
    assert_eq!(session.save_state(), &SaveState::Idle);
    assert!(session.workspace().is_dirty());
    assert!(!on_disk(folder.path(), "us.ron").contains("Not yet"));
}

#[test]
fn a_save_into_a_folder_that_was_deleted_says_why_and_keeps_the_edit() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("talks");
    std::fs::create_dir(&folder).unwrap();
    for name in FILES {
        std::fs::copy(Path::new(DATA).join(name), folder.join(name)).unwrap();
    }
    let Opened { mut session, .. } = open_folder(&folder);
    let key = edit_us_summary(&mut session, "Written before the folder went");
    session.take_events();
    std::fs::remove_dir_all(&folder).unwrap();
    session.save_all();
    let told = notices(&mut session);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].level, Level::Error);
    assert!(told[0].text.starts_with("Not saved."), "{}", told[0].text);
    assert!(
        told[0].text.ends_with("Your edits are kept."),
        "{}",
        told[0].text
    );
    assert_eq!(summary(&session, key), "Written before the folder went");
    assert!(session.workspace().is_dirty());
    assert!(!folder.exists());
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_says_why_keeps_the_edit_and_leaves_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = copy_of_the_example();
    let before = on_disk(folder.path(), "us.ron");
    let Opened { mut session, .. } = open_folder(folder.path());
    let key = edit_us_summary(&mut session, "Kept although not saved");
    session.take_events();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    session.save_all();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let told = notices(&mut session);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].level, Level::Error);
    assert!(
        told[0].text.contains("is read-only; nothing was written"),
        "{}",
        told[0].text
    );
    assert_eq!(session.save_state(), &SaveState::Idle);
    assert_eq!(summary(&session, key), "Kept although not saved");
    assert!(session.workspace().is_dirty());
    assert_eq!(on_disk(folder.path(), "us.ron"), before);
}

#[test]
fn what_another_program_wrote_is_never_overwritten_unseen() {
    let folder = copy_of_the_example();
    let Opened { mut session, disk } = open_folder(folder.path());
    edit_us_summary(&mut session, "Mine");
    let theirs = on_disk(folder.path(), "us.ron").replace("Ukraine", "Ukraina");
    std::fs::write(folder.path().join("us.ron"), &theirs).unwrap();
    disk.report(FileChange::Modified(folder.path().join("us.ron")));
    // Saving before the change was taken in still stops to ask.
    session.save_all();
    assert!(matches!(
        session.question(),
        Some(Question::ExternalChange { .. })
    ));
    assert_eq!(on_disk(folder.path(), "us.ron"), theirs);
    session.answer(Answer::ReloadFromDisk);
    assert!(!session.workspace().is_dirty());
    let reloaded = load(&[folder.path().to_owned()]);
    assert_eq!(reloaded.negotiation, session.workspace().negotiation);
}

#[test]
fn a_change_on_disk_reloads_quietly_without_edits_and_asks_with_them() {
    let folder = copy_of_the_example();
    let Opened { mut session, disk } = open_folder(folder.path());
    let nato = folder.path().join("nato.ron");
    let text = on_disk(folder.path(), "nato.ron").replace("open door", "front door");
    std::fs::write(&nato, text).unwrap();
    disk.report(FileChange::Modified(nato.clone()));
    session.take_events();
    session.poll_disk(true);
    let events = session.take_events();
    assert!(
        events.contains(&Event::Replaced(Replaced::Files)),
        "{events:?}"
    );
    assert!(events.contains(&Event::Notice(Notice::info(
        "nato.ron was changed by another program and has been reloaded."
    ))));

    let key = edit_us_summary(&mut session, "Mine");
    let us_file = folder.path().join("us.ron");
    let theirs = on_disk(folder.path(), "us.ron").replace("Ukraine", "Ukraina");
    std::fs::write(&us_file, theirs).unwrap();
    disk.report(FileChange::Modified(us_file));
    session.poll_disk(true);
    assert!(matches!(
        session.question(),
        Some(Question::ExternalChange { file: FileId::Party(p), .. }) if *p == key.party
    ));
    session.answer(Answer::KeepMine);
    assert_eq!(summary(&session, key), "Mine");
    assert!(session.workspace().is_dirty());
    // Undo brings back what was last saved, but the disk holds theirs now: still unsaved, and
    // saving writes what is open over theirs.
    session.undo();
    assert_ne!(summary(&session, key), "Mine");
    assert!(session.workspace().is_dirty());
    session.save_all();
    assert!(!session.workspace().is_dirty());
    let reloaded = load(&[folder.path().to_owned()]);
    assert_eq!(reloaded.negotiation, session.workspace().negotiation);
}

#[test]
fn changes_on_disk_wait_while_a_question_is_on_screen() {
    let folder = copy_of_the_example();
    let Opened { mut session, disk } = open_folder(folder.path());
    let nato = folder.path().join("nato.ron");
    let text = on_disk(folder.path(), "nato.ron").replace("open door", "front door");
    std::fs::write(&nato, text).unwrap();
    disk.report(FileChange::Modified(nato));
    let before = session.version();
    // The window shows a question of its own.
    session.poll_disk(false);
    assert_eq!(session.version(), before);
    session.poll_disk(true);
    assert!(session.version() > before);
}

#[test]
fn a_file_deleted_by_another_program_stays_open_as_unsaved_until_it_is_back() {
    let folder = copy_of_the_example();
    let Opened { mut session, disk } = open_folder(folder.path());
    let nato = folder.path().join("nato.ron");
    let text = on_disk(folder.path(), "nato.ron");
    std::fs::remove_file(&nato).unwrap();
    disk.report(FileChange::Removed(nato.clone()));
    session.poll_disk(true);
    assert!(session.workspace().is_dirty());
    std::fs::write(&nato, text).unwrap();
    disk.report(FileChange::Modified(nato));
    session.poll_disk(true);
    assert!(!session.workspace().is_dirty());
    assert!(session.question().is_none());
}

#[test]
fn unsaved_edits_written_aside_are_offered_back_and_restored() {
    let folder = copy_of_the_example();
    let store_folder = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(store_folder.path());
    let origin = Origin::paths(vec![folder.path().to_owned()]);
    let Opened { mut session, .. } = open(origin.clone(), Some(store.clone()));
    let key = edit_us_summary(&mut session, "Typed before the crash");
    let now = Instant::now();
    assert_eq!(session.tick(now), None);
    let written = store.path_for(&origin.key());
    assert!(written.exists());
    // Another keystroke waits out the interval.
    edit_us_summary(&mut session, "Typed before the crash, again");
    assert!(session.tick(now + Duration::from_millis(500)).is_some());
    drop(session);

    let Opened { mut session, .. } = open(origin, Some(store));
    let Some(Question::Recover { files, .. }) = session.question() else {
        panic!(
            "expected the recovery question, got {:?}",
            session.question()
        );
    };
    // It says which file and how much: one statement's summary was retyped.
    assert_eq!(
        files,
        &[RecoveredFile {
            name: "us.ron".to_owned(),
            changes: 1,
            new: false,
            unreadable: false,
        }]
    );
    assert!(!session.question().is_some_and(Question::may_be_dismissed));
    session.answer(Answer::Cancel);
    assert!(session.question().is_some(), "the question needs an answer");
    session.answer(Answer::Restore);
    assert_eq!(summary(&session, key), "Typed before the crash");
    assert!(session.workspace().is_dirty());
    // What was restored is an edit like any other: Undo takes it back out, Redo again.
    assert_eq!(
        session.history().undo_label(),
        Some("restore the edits to us.ron")
    );
    session.undo();
    assert_ne!(summary(&session, key), "Typed before the crash");
    assert!(!session.workspace().is_dirty());
    session.redo();
    assert_eq!(summary(&session, key), "Typed before the crash");
    session.save_all();
    session.tick(Instant::now());
    assert!(!written.exists(), "saved edits are not offered again");
}

#[test]
fn discarding_on_quit_closes_and_leaves_nothing_to_recover() {
    let folder = copy_of_the_example();
    let store_folder = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(store_folder.path());
    let origin = Origin::paths(vec![folder.path().to_owned()]);
    let Opened { mut session, .. } = open(origin.clone(), Some(store.clone()));
    edit_us_summary(&mut session, "Thrown away");
    session.tick(Instant::now());
    assert!(!session.may_close());
    assert!(matches!(
        session.question(),
        Some(Question::Unsaved {
            then: Then::Quit,
            ..
        })
    ));
    session.take_events();
    session.answer(Answer::Discard);
    assert_eq!(session.take_events(), [Event::Close]);
    assert!(session.may_close());
    session.tick(Instant::now() + Duration::from_secs(5));
    assert!(!store.path_for(&origin.key()).exists());
}

#[test]
fn the_built_in_example_is_saved_into_a_folder_and_work_goes_on_there() {
    let Opened { mut session, .. } = open(Origin::Example, None);
    let key = edit_us_summary(&mut session, "Saved from the example");
    session.take_events();
    session.save(Some(FileId::Party(key.party)));
    assert_eq!(session.take_events(), [Event::ChooseSaveFolder]);
    assert!(matches!(
        session.save_state(),
        SaveState::ChoosingFolder { .. }
    ));

    let folder = tempfile::tempdir().unwrap();
    session.folder_chosen(Some(folder.path()));
    assert_eq!(
        session.workspace().origin,
        Origin::paths(vec![folder.path().to_owned()])
    );
    assert!(!session.workspace().is_dirty());
    assert!(
        session
            .take_events()
            .contains(&Event::Replaced(Replaced::Moved {
                old_key: Origin::Example.key()
            }))
    );
    for name in FILES {
        assert!(folder.path().join(name).is_file(), "{name} was not written");
    }
    assert!(on_disk(folder.path(), "us.ron").contains("Saved from the example"));
    // Undo cannot send later saves back: the history went with the old paths.
    assert!(session.history().undo_label().is_none());
}

#[test]
fn a_save_as_that_is_cancelled_writes_nothing() {
    let Opened { mut session, .. } = open(Origin::Example, None);
    edit_us_summary(&mut session, "Not saved");
    session.save_as();
    session.folder_chosen(None);
    assert_eq!(session.save_state(), &SaveState::Idle);
    assert!(session.workspace().is_dirty());
    assert_eq!(session.workspace().origin, Origin::Example);
}

#[test]
fn a_new_party_file_is_written_beside_the_others_and_the_origin_follows_it() {
    let parent = tempfile::tempdir().unwrap();
    let party_file = parent.path().join("us.ron");
    std::fs::copy(Path::new(DATA).join("us.ron"), &party_file).unwrap();
    std::fs::copy(
        Path::new(DATA).join("agenda.ron"),
        parent.path().join("agenda.ron"),
    )
    .unwrap();
    // Opened as one file: the new party's file is not under the origin's paths.
    let Opened { mut session, disk } = open(Origin::paths(vec![party_file.clone()]), None);
    let edit = common_ground_core::edit::builders::new_party(
        &session.workspace().negotiation,
        "2026-12-01",
        Path::exists,
    );
    session.edit(edit, None, None);
    let old_key = session.workspace().origin.key();
    session.take_events();
    session.save_all();
    let events = session.take_events();
    assert!(
        events.contains(&Event::Replaced(Replaced::Moved { old_key })),
        "{events:?}"
    );
    assert!(parent.path().join("new-party.ron").is_file());
    let Origin::Paths(paths) = &session.workspace().origin else {
        panic!("a folder's files");
    };
    assert!(paths.contains(&std::path::absolute(parent.path().join("new-party.ron")).unwrap()));
    session.poll_disk(true);
    assert!(
        disk.watched()
            .iter()
            .any(|p: &PathBuf| p.ends_with("new-party.ron"))
    );
}

#[test]
fn a_broken_file_fixed_on_disk_brings_its_party_back_and_keeps_the_edits() {
    // NATO's offers wait on Russia and the US: checked alone, its file would say they are
    // missing, which they are not once it joins the others.
    let folder = copy_of_the_example();
    let nato = folder.path().join("nato.ron");
    let whole = on_disk(folder.path(), "nato.ron");
    std::fs::write(&nato, &whole[..whole.len() / 2]).unwrap();
    let Opened { mut session, disk } = open_folder(folder.path());
    let workspace = session.workspace();
    assert_eq!(workspace.negotiation.parties.len(), 2);
    assert_eq!(workspace.negotiation.left_out.len(), 1);
    assert_eq!(workspace.negotiation.left_out[0].path, nato);
    // The broken file is watched like the others.
    assert!(disk.watched().contains(&nato), "{:?}", disk.watched());
    let key = edit_us_summary(&mut session, "Kept while NATO comes back");
    session.take_events();

    // Retry before it is fixed: it says so and changes nothing.
    session.retry(&nato);
    let said = notices(&mut session);
    assert!(
        said.iter()
            .any(|notice| notice.text.contains("nato.ron still cannot be read")),
        "{said:?}"
    );
    assert_eq!(session.workspace().negotiation.parties.len(), 2);

    std::fs::write(&nato, &whole).unwrap();
    disk.report(FileChange::Modified(nato.clone()));
    session.poll_disk(true);
    let workspace = session.workspace();
    assert!(workspace.negotiation.left_out.is_empty());
    assert!(workspace.negotiation.party_index("nato").is_some());
    assert!(
        !workspace
            .problems
            .iter()
            .any(|problem| problem.file == nato),
        "nothing is wrong with it now: {:?}",
        workspace.problems
    );
    assert_eq!(summary(&session, key), "Kept while NATO comes back");
    assert!(session.workspace().is_dirty());
    let said = notices(&mut session);
    assert!(
        said.iter()
            .any(|notice| notice.text
                == "nato.ron now loads, and its party is back in the comparison."),
        "{said:?}"
    );
}

#[test]
fn edits_recovered_for_a_file_that_no_longer_loads_stand_in_for_it_until_undone() {
    let folder = copy_of_the_example();
    let store_folder = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(store_folder.path());
    let origin = Origin::paths(vec![folder.path().to_owned()]);
    let Opened { mut session, .. } = open(origin.clone(), Some(store.clone()));
    let key = edit_us_summary(&mut session, "Typed before the crash");
    assert_eq!(session.tick(Instant::now()), None);
    drop(session);
    // The crash left us.ron cut short.
    let us = folder.path().join("us.ron");
    let whole = on_disk(folder.path(), "us.ron");
    std::fs::write(&us, &whole[..whole.len() / 3]).unwrap();

    let Opened { mut session, .. } = open(origin, Some(store));
    assert_eq!(session.workspace().negotiation.left_out.len(), 1);
    let Some(Question::Recover { files, .. }) = session.question() else {
        panic!(
            "expected the recovery question, got {:?}",
            session.question()
        );
    };
    assert!(files[0].unreadable && !files[0].new, "{files:?}");
    session.answer(Answer::Restore);
    let workspace = session.workspace();
    assert!(workspace.negotiation.left_out.is_empty());
    assert!(
        !workspace
            .problems
            .iter()
            .any(|problem| problem.file == us && problem.is_error()),
        "the recovered copy stands in for the broken file: {:?}",
        workspace.problems
    );
    let us_index = workspace.negotiation.party_index("us").unwrap();
    let restored = StatementKey {
        party: us_index,
        statement: key.statement,
    };
    assert_eq!(summary(&session, restored), "Typed before the crash");
    // Undone, the file is left out again, and says so.
    session.undo();
    let workspace = session.workspace();
    assert_eq!(workspace.negotiation.left_out.len(), 1);
    assert_eq!(workspace.negotiation.left_out[0].path, us);
    // Redone and saved, the file on disk is whole again, under its own name.
    session.redo();
    session.save_all();
    // The broken file on disk is not overwritten unasked.
    assert!(matches!(
        session.question(),
        Some(Question::ConfirmLoss { what, .. }) if what.contains("cannot read")
    ));
    session.answer(Answer::SaveAnyway);
    let question = format!("{:?}", session.question());
    assert!(
        !session.workspace().is_dirty(),
        "{question} {:?}",
        notices(&mut session)
    );
    assert!(on_disk(folder.path(), "us.ron").contains("Typed before the crash"));
    assert!(load(std::slice::from_ref(&us)).negotiation.parties.len() == 1);
}

/// A small tmpfs mounted over a temporary folder, for faults a real disk rarely shows on
/// demand: full, read-only. `None` (and a message) where mounting is not allowed.
#[cfg(target_os = "linux")]
struct SmallDisk {
    folder: tempfile::TempDir,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let folder = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(folder.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("skipped: a tmpfs cannot be mounted here (it needs root)");
            return None;
        }
        Some(SmallDisk { folder })
    }

    /// A 1 MiB disk holding a copy of the example.
    fn with_the_example() -> Option<SmallDisk> {
        let disk = SmallDisk::mount("1m")?;
        for name in FILES {
            std::fs::copy(Path::new(DATA).join(name), disk.path().join(name)).unwrap();
        }
        Some(disk)
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    fn remount(&self, option: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{option}")])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Unmounted before the folder under it is removed; a failure leaves a mount behind
        // in /tmp, not a wrong result.
        match std::process::Command::new("umount")
            .arg(self.path())
            .status()
        {
            Ok(_) | Err(_) => {}
        }
    }
}

/// A save that failed: one error notice that says so and that the edits are kept, the edit
/// still open and unsaved, and `us.ron` on disk as it was.
fn assert_not_saved(session: &mut Session, folder: &Path, before: &str, key: StatementKey) {
    let told = notices(session);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].level, Level::Error);
    assert!(told[0].text.starts_with("Not saved."), "{}", told[0].text);
    assert!(
        told[0].text.ends_with("Your edits are kept."),
        "{}",
        told[0].text
    );
    assert!(session.workspace().is_dirty());
    assert!(summary(session, key).starts_with("Typed onto"));
    assert_eq!(
        std::fs::read_to_string(folder.join("us.ron")).unwrap(),
        before
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_onto_a_full_disk_says_so_keeps_the_edit_and_leaves_the_file() {
    let Some(disk) = SmallDisk::with_the_example() else {
        return;
    };
    // Fill what is left of the disk.
    let filler = disk.path().join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0_u8; 4096];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    drop(file);
    let before = on_disk(disk.path(), "us.ron");
    let Opened { mut session, .. } = open_folder(disk.path());
    let key = edit_us_summary(
        &mut session,
        &format!("Typed onto a full disk {}", "x".repeat(8000)),
    );
    session.take_events();
    session.save_all();
    assert_not_saved(&mut session, disk.path(), &before, key);
    // Room again: the same save goes through.
    std::fs::remove_file(&filler).unwrap();
    session.save_all();
    assert!(!session.workspace().is_dirty());
    assert!(on_disk(disk.path(), "us.ron").contains("Typed onto a full disk"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_onto_a_disk_remounted_read_only_says_so_and_keeps_the_edit() {
    let Some(disk) = SmallDisk::with_the_example() else {
        return;
    };
    let before = on_disk(disk.path(), "us.ron");
    let Opened { mut session, .. } = open_folder(disk.path());
    let key = edit_us_summary(&mut session, "Typed onto a disk that went read-only");
    session.take_events();
    disk.remount("ro");
    session.save_all();
    assert_not_saved(&mut session, disk.path(), &before, key);
    disk.remount("rw");
    session.save_all();
    assert!(!session.workspace().is_dirty());
}

#[test]
fn a_save_onto_a_file_replaced_by_a_folder_says_so_and_keeps_the_edit() {
    let folder = copy_of_the_example();
    let Opened { mut session, .. } = open_folder(folder.path());
    let key = edit_us_summary(&mut session, "Typed onto a file that became a folder");
    session.take_events();
    let us_path = folder.path().join("us.ron");
    std::fs::remove_file(&us_path).unwrap();
    std::fs::create_dir(&us_path).unwrap();
    session.save_all();
    // First it asks, as for any file it cannot read back; saving anyway then fails, and says
    // why.
    assert!(matches!(
        session.question(),
        Some(Question::ConfirmLoss { what, .. }) if what.contains("this is a folder")
    ));
    session.answer(Answer::SaveAnyway);
    let told = notices(&mut session);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].level, Level::Error);
    assert!(
        told[0].text.contains("a folder has this name"),
        "{}",
        told[0].text
    );
    assert!(
        told[0].text.ends_with("Your edits are kept."),
        "{}",
        told[0].text
    );
    assert!(session.workspace().is_dirty());
    assert!(summary(&session, key).starts_with("Typed onto"));
    assert!(us_path.is_dir());
}
