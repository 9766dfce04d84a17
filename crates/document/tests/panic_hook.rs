//! A panic anywhere writes the unsaved edits aside at once, not at the next scheduled write.
//! A test binary of its own: the panic hook is global to the process.

use std::path::Path;
use std::sync::Arc;

use common_ground_core::edit::Edit;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::disk::ScriptedWatcher;
use common_ground_document::recovery::{RecoveryStore, write_aside_on_panic};
use common_ground_document::{Origin, Session};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ukraine-2022");

#[test]
fn a_panic_writes_the_unsaved_edits_aside_before_the_schedule_would() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        std::fs::copy(Path::new(DATA).join(name), folder.path().join(name)).unwrap();
    }
    let store = RecoveryStore::new(folder.path().join("recovery"));
    let origin = Origin::paths(vec![folder.path().to_owned()]);
    let disk = ScriptedWatcher::default();
    let mut session = Session::new(
        origin.clone(),
        Some(store.clone()),
        disk.start(),
        Arc::new(|| {}),
    );
    write_aside_on_panic(store.clone(), session.emergency_copy());

    let us = session.workspace().negotiation.party_index("us").unwrap();
    let key = StatementKey {
        party: us,
        statement: 0,
    };
    let mut statement = session.workspace().statement(key).unwrap().clone();
    statement.summary = "Typed a moment before the crash".to_owned();
    session.edit(
        Edit::Statement { key, statement },
        Some("0/0/summary"),
        Some(key),
    );
    // The schedule has not run (no tick): nothing is written aside yet.
    assert!(store.read(&origin.key()).unwrap().is_none());

    let crashed = std::thread::spawn(|| panic!("a library under the window gave up")).join();
    assert!(crashed.is_err());

    let snapshot = store
        .read(&origin.key())
        .unwrap()
        .expect("written at the panic");
    let (path, party) = snapshot.parties.first().unwrap();
    assert!(path.ends_with("us.ron"));
    assert_eq!(
        party.statements[0].summary,
        "Typed a moment before the crash"
    );
}
