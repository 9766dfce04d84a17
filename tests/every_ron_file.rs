//! Every `.ron` file in the repository still loads to the same data as the day its snapshot
//! was taken: a new format version must not change what an old file means. The snapshot leaves
//! out each file's `format` number, which `fmt` raises when it migrates a file.
//! `tests/old-formats/` keeps files as older versions wrote them, never migrated.
#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot read its own files should stop there"
)]

use std::fs;
use std::path::{Path, PathBuf};

use common_ground_core::io::load;
use serde_json::{Value, json};

const SNAPSHOT: &str = "tests/snapshots/every-ron-file.json";

fn ron_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ron_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "ron") {
            found.push(path);
        }
    }
}

/// What one file loads to: its data without the format number, or the errors that kept it out.
fn loaded(path: &Path) -> Value {
    let outcome = load(&[path.to_owned()]);
    let negotiation = &outcome.negotiation;
    let mut data = if path.file_name().is_some_and(|name| name == "agenda.ron") {
        negotiation
            .agenda
            .as_ref()
            .filter(|agenda| agenda.path == path)
            .map(|agenda| serde_json::to_value(&agenda.data).unwrap())
    } else {
        negotiation
            .parties
            .iter()
            .find(|party| party.path == path)
            .map(|party| serde_json::to_value(&party.data).unwrap())
    };
    if let Some(Value::Object(fields)) = &mut data {
        fields.remove("format");
    }
    let errors: Vec<String> = outcome
        .problems
        .iter()
        .filter(|problem| problem.is_error() && problem.file == path)
        .map(|problem| problem.message.clone())
        .collect();
    json!({ "data": data, "errors": errors })
}

#[test]
fn every_ron_file_in_the_repository_loads_to_the_same_data_as_before() {
    let mut files = Vec::new();
    for folder in ["data", "tests/fixtures", "tests/old-formats"] {
        ron_files(Path::new(folder), &mut files);
    }
    assert!(files.len() >= 12, "found only {files:?}");
    let now: serde_json::Map<String, Value> = files
        .iter()
        .map(|path| (path.display().to_string(), loaded(path)))
        .collect();
    let now = Value::Object(now);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let mut text = serde_json::to_string_pretty(&now).unwrap();
        text.push('\n');
        fs::write(SNAPSHOT, text).unwrap();
        return;
    }
    let before: Value = serde_json::from_str(&fs::read_to_string(SNAPSHOT).unwrap()).unwrap();
    let Value::Object(before) = before else {
        panic!("{SNAPSHOT} is not an object");
    };
    for (path, was) in &before {
        assert_eq!(now.get(path), Some(was), "{path} loads differently now");
    }
    for path in now.as_object().unwrap().keys() {
        assert!(
            before.contains_key(path),
            "{path} has no snapshot: run with UPDATE_SNAPSHOTS=1 and check the diff"
        );
    }
}
