//! Every row of the validation tables in `docs/format.md`, section 6, asserted: one small
//! change to a valid negotiation per case, and the exact problems it must give — file, line
//! and column, severity, field path and message, and nothing else. A row added to the
//! document without a case here fails `every_documented_rule_has_a_case`.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common_ground_core::io::load;

#[path = "format_rules/cases.rs"]
mod cases;

use cases::{ALL, Case, Change};

/// A valid agenda; the line numbers in the cases count from its first line.
pub(crate) const AGENDA: &str = r##"(
    format: 2,
    name: "Fictional test talks",
    issues: [
        (
            id: "membership",
            title: "Membership",
            scale: [
                (at: 0, meaning: "never"),
                (at: 100, meaning: "open door"),
            ],
        ),
    ],
)
"##;

/// A valid party file of a fictional party.
pub(crate) const EAST: &str = r##"(
    format: 2,
    party: (
        id: "east",
        name: "East",
        short_name: "E",
        colour: "#0072b2",
        capability: Some(0.5),
    ),
    as_of: "2022-01-26",
    statements: [
        (
            id: "join",
            issue: "membership",
            kind: Demand,
            summary: "Wants in",
            stance: Some(80),
            range: Some((min: 60, max: 100)),
            salience: 90,
            firmness: Firm,
            estimated: true,
            conditions: [
                (text: "if West agrees", waits_on: Some((party: "west", issue: "membership"))),
            ],
            sources: [
                (quote: "We want in", speaker: "East's minister", date: "2022-01-26", reference: "Fictional Times"),
            ],
        ),
    ],
)
"##;

/// The other party, so that East's condition waits on someone who is there.
pub(crate) const WEST: &str = r##"(
    format: 2,
    party: (
        id: "west",
        name: "West",
        short_name: "W",
        colour: "#e69f00",
    ),
    as_of: "2022-01-26",
    statements: [
        (
            id: "door",
            issue: "membership",
            kind: Offer,
            summary: "Keeps the door open",
            range: Some((min: 50, max: 100)),
            salience: 70,
            firmness: Flexible,
            estimated: true,
            sources: [
                (quote: "The door stays open", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times"),
            ],
        ),
    ],
)
"##;

/// The case's folder: the three valid files, changed as the case says; `None` when the case
/// cannot be made here (root reads what has no permissions).
fn folder_for(case: &Case) -> Option<(tempfile::TempDir, Vec<PathBuf>)> {
    let folder = tempfile::tempdir().unwrap();
    let mut files = vec![
        ("agenda.ron", AGENDA.as_bytes().to_vec()),
        ("east.ron", EAST.as_bytes().to_vec()),
        ("west.ron", WEST.as_bytes().to_vec()),
    ];
    let mut paths = vec![folder.path().to_owned()];
    let mut unreadable = Vec::new();
    for change in case.changes {
        match change {
            Change::Replace { file, from, to } => {
                let (_, bytes) = files.iter_mut().find(|(name, _)| name == file).unwrap();
                let text = String::from_utf8(bytes.clone()).unwrap();
                assert_eq!(text.matches(from).count(), 1, "{}: {from}", case.row);
                *bytes = text.replacen(from, to, 1).into_bytes();
            }
            Change::Bytes { file, bytes } => {
                files.retain(|(name, _)| name != file);
                files.push((file, bytes.to_vec()));
            }
            Change::Large { file, len } => {
                let large = std::fs::File::create(folder.path().join(file)).unwrap();
                large.set_len(*len).unwrap();
            }
            Change::Remove { file } => files.retain(|(name, _)| name != file),
            Change::Folder { name } => std::fs::create_dir(folder.path().join(name)).unwrap(),
            Change::Unreadable { name } => unreadable.push(folder.path().join(name)),
            Change::Paths(names) => {
                paths = names.iter().map(|name| folder.path().join(name)).collect();
            }
        }
    }
    for (name, bytes) in &files {
        let path = folder.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    for path in &unreadable {
        if !take_permissions(path) {
            // CI runs these cases again as a user without that privilege, and asks that none
            // be skipped there.
            assert!(
                std::env::var_os("COMMON_GROUND_REQUIRE_PERMISSIONS").is_none(),
                "this user reads files without permission: {}",
                case.row
            );
            eprintln!(
                "skipped, as this user reads files without permission: {}",
                case.row
            );
            return None;
        }
    }
    Some((folder, paths))
}

/// Takes every permission away from `path`; false when it can still be read all the same.
#[cfg(unix)]
fn take_permissions(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if path.is_dir() {
        std::fs::read_dir(path).is_err()
    } else {
        std::fs::read(path).is_err()
    }
}

#[cfg(not(unix))]
fn take_permissions(_: &Path) -> bool {
    false
}

/// Gives the permissions back, so that the temporary folder can be removed.
#[cfg(unix)]
fn give_permissions_back(folder: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let all = |path: &Path| std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755));
    all(folder).unwrap();
    for entry in std::fs::read_dir(folder).unwrap() {
        all(&entry.unwrap().path()).unwrap();
    }
}

#[cfg(not(unix))]
fn give_permissions_back(_: &Path) {}

/// `east.ron:18:20 error statements[0].range: message`, with the folder's path left out.
fn problems_of(folder: &Path, paths: &[PathBuf]) -> Vec<String> {
    let outcome = load(paths);
    let mut found: Vec<String> = outcome
        .problems
        .iter()
        .map(|problem| {
            let file = problem
                .file
                .strip_prefix(folder)
                .unwrap_or(&problem.file)
                .display()
                .to_string();
            let at = problem
                .position
                .map(|p| format!(":{}:{}", p.line, p.col))
                .unwrap_or_default();
            let path = problem
                .path
                .as_ref()
                .map(|path| format!(" {path}"))
                .unwrap_or_default();
            let message = problem
                .message
                .replace(&folder.display().to_string(), "FOLDER");
            format!("{file}{at} {}{path}: {message}", problem.severity)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn the_valid_negotiation_has_no_problems() {
    let case = Case {
        row: "",
        changes: &[],
        expect: &[],
    };
    let (folder, paths) = folder_for(&case).unwrap();
    assert_eq!(problems_of(folder.path(), &paths), Vec::<String>::new());
}

#[test]
fn each_rule_gives_exactly_its_problem() {
    let mut failures = Vec::new();
    for case in ALL.iter().copied().flatten() {
        let Some((folder, paths)) = folder_for(case) else {
            continue;
        };
        let found = problems_of(folder.path(), &paths);
        give_permissions_back(folder.path());
        let mut expected: Vec<String> = case.expect.iter().map(|e| (*e).to_owned()).collect();
        expected.sort();
        if found != expected {
            failures.push(format!(
                "{}\n  expected: {expected:#?}\n  found:    {found:#?}",
                case.row
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The first cell of every row of section 6's tables.
fn documented_rules() -> BTreeSet<String> {
    let format =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/format.md"))
            .unwrap();
    let start = format.find("## 6. Validation").unwrap();
    let end = format.find("## 7.").unwrap();
    format[start..end]
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|row| row.split(" | ").next())
        .filter(|check| *check != "Check")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_documented_rule_has_a_case() {
    let documented = documented_rules();
    assert!(documented.len() > 40, "{documented:#?}");
    let tested: BTreeSet<String> = ALL
        .iter()
        .copied()
        .flatten()
        .map(|case| case.row.to_owned())
        .collect();
    let untested: Vec<&String> = documented.difference(&tested).collect();
    assert!(untested.is_empty(), "rows without a case: {untested:#?}");
    let stale: Vec<&String> = tested.difference(&documented).collect();
    assert!(
        stale.is_empty(),
        "cases of rows no longer documented: {stale:#?}"
    );
}
