//! Killed mid-save: a child process saves a party file, the agenda or a recovery file over
//! and over, and is killed with SIGKILL at a random moment, 510 times in all. Afterwards the
//! file on disk is always the whole old version or the whole new one, and it loads.
//!
//! The child is this test binary run again with `CRASH_CHILD` set; it says "saving" once its
//! first save is done, so that every kill falls inside the loop of saves.
#![cfg(unix)]
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common_ground_core::example::load_example;
use common_ground_core::io::{
    SaveMode, load, parse_ron, save_agenda, save_party, to_canonical_ron,
};
use common_ground_core::model::{Agenda, PartyFile};
use common_ground_core::negotiation::{FileId, Negotiation};
use common_ground_document::recovery::{RecoveryStore, Snapshot};

const KILLS_PER_KIND: usize = 170;
const ORIGIN: &str = "crash-test";

/// The bundled example, and the same with every summary and the name changed, so that the
/// two versions of each file differ throughout.
fn versions() -> (Negotiation, Negotiation) {
    let old = load_example().negotiation;
    let mut new = old.clone();
    for party in &mut new.parties {
        for statement in &mut party.data.statements {
            statement.summary = format!("{} (the new version)", statement.summary);
        }
    }
    if let Some(agenda) = &mut new.agenda {
        agenda.data.name = format!("{} (the new version)", agenda.data.name);
        for issue in &mut agenda.data.issues {
            issue.title = format!("{} (the new version)", issue.title);
        }
    }
    (old, new)
}

/// Every file of `negotiation`, as edited files a recovery snapshot keeps.
fn every_file(negotiation: &Negotiation) -> BTreeSet<FileId> {
    (0..negotiation.parties.len())
        .map(FileId::Party)
        .chain([FileId::Agenda])
        .collect()
}

/// The child: saves the new and the old version in turn until it is killed.
#[test]
#[ignore = "the child half of the crash tests, run by them"]
fn child_saves_until_killed() {
    let (Some(kind), Some(path)) = (
        std::env::var_os("CRASH_CHILD"),
        std::env::var_os("CRASH_PATH"),
    ) else {
        return;
    };
    let path = PathBuf::from(path);
    let (old, new) = versions();
    let mut said = false;
    for turn in 0_u64.. {
        let version = if turn % 2 == 0 { &new } else { &old };
        match kind.to_str().unwrap() {
            "party" => save_party(&path, &version.parties[0].data, SaveMode::AcceptLoss).unwrap(),
            "agenda" => save_agenda(
                &path,
                &version.agenda.as_ref().unwrap().data,
                SaveMode::AcceptLoss,
            )
            .unwrap(),
            _ => RecoveryStore::new(&path)
                .write(&Snapshot::of(ORIGIN, version, &every_file(version)))
                .unwrap(),
        }
        if !said {
            // Line-buffered: the parent reads it as soon as it is written.
            writeln!(std::io::stdout(), "saving").unwrap();
            said = true;
        }
    }
}

/// Runs the child for `kind` on `path` `KILLS_PER_KIND` times, killing it at a moment picked
/// from a fixed sequence of waits, and calls `check` after each kill.
fn kill_while_saving(kind: &str, path: &Path, mut check: impl FnMut(usize)) {
    let exe = std::env::current_exe().unwrap();
    // A fixed sequence of waits between 0 and 3 ms: a save of the example takes about as long.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for kill in 0..KILLS_PER_KIND {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_saves_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env("CRASH_CHILD", kind)
            .env("CRASH_PATH", path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // The test harness prints its own lines first; wait for the child's.
        for line in BufReader::new(stdout).lines() {
            if line.unwrap() == "saving" {
                break;
            }
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 3_000));
        child.kill().unwrap();
        child.wait().unwrap();
        check(kill);
    }
}

#[test]
fn a_party_file_killed_mid_save_is_the_old_or_the_new_version_whole() {
    let (old, new) = versions();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nato.ron");
    save_party(&path, &old.parties[0].data, SaveMode::AcceptLoss).unwrap();
    let versions = [
        to_canonical_ron(&old.parties[0].data).unwrap(),
        to_canonical_ron(&new.parties[0].data).unwrap(),
    ];
    kill_while_saving("party", &path, |kill| {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(versions.contains(&text), "kill {kill}: a part of a version");
        let party: PartyFile = parse_ron(&text).unwrap().value;
        assert!(party == old.parties[0].data || party == new.parties[0].data);
    });
    let outcome = load(std::slice::from_ref(&path));
    assert!(!outcome.has_errors(), "{:?}", outcome.problems);
    // What the kills left are the temporary files they were writing; once they are a minute
    // old, the next save removes them.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(folder.path()).unwrap() {
        let leftover = entry.unwrap().path();
        if leftover != path {
            let file = std::fs::File::options()
                .write(true)
                .open(&leftover)
                .unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    }
    save_party(&path, &old.parties[0].data, SaveMode::AcceptLoss).unwrap();
    let left: Vec<PathBuf> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(left, [path]);
}

#[test]
fn an_agenda_killed_mid_save_is_the_old_or_the_new_version_whole() {
    let (old, new) = versions();
    let (old, new) = (old.agenda.unwrap().data, new.agenda.unwrap().data);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("agenda.ron");
    save_agenda(&path, &old, SaveMode::AcceptLoss).unwrap();
    let versions = [
        to_canonical_ron(&old).unwrap(),
        to_canonical_ron(&new).unwrap(),
    ];
    kill_while_saving("agenda", &path, |kill| {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(versions.contains(&text), "kill {kill}: a part of a version");
        let agenda: Agenda = parse_ron(&text).unwrap().value;
        assert!(agenda == old || agenda == new);
    });
}

#[test]
fn a_recovery_file_killed_mid_write_still_offers_one_version_whole() {
    let (old, new) = versions();
    let folder = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(folder.path());
    store
        .write(&Snapshot::of(ORIGIN, &old, &every_file(&old)))
        .unwrap();
    kill_while_saving("recovery", folder.path(), |kill| {
        let snapshot = store.read(ORIGIN).unwrap().unwrap();
        let restored = snapshot.negotiation();
        let parties = |n: &Negotiation| -> Vec<PartyFile> {
            n.parties.iter().map(|p| p.data.clone()).collect()
        };
        let agenda = |n: &Negotiation| n.agenda.as_ref().map(|a| a.data.clone());
        let whole = |version: &Negotiation| {
            parties(&restored) == parties(version) && agenda(&restored) == agenda(version)
        };
        assert!(
            whole(&old) || whole(&new),
            "kill {kill}: neither version whole"
        );
        assert_eq!(restored.parties.len(), 3);
    });
}
