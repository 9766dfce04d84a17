//! The workspace on small files made for each test, and on the example.

use super::*;

#[test]
fn the_example_has_its_agenda_issues_in_order() {
    let workspace = Workspace::open(Origin::Example);
    let ids: Vec<&str> = workspace.issues.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids.len(), 11);
    assert_eq!(ids[0], "nato-membership");
    assert!(workspace.issues.iter().all(|g| g.agenda_index.is_some()));
}

/// A workspace over one party file "a.ron" with these statements, and no agenda.
fn one_party(statements: &str) -> (tempfile::TempDir, Workspace) {
    let folder = tempfile::tempdir().unwrap();
    let text = format!(
        r##"(format: 1, party: (id: "a", name: "A", short_name: "A", colour: "#112233"),
           as_of: "2022-01-26", statements: [{statements}])"##
    );
    std::fs::write(folder.path().join("a.ron"), text).unwrap();
    let workspace = Workspace::open(Origin::Paths(vec![folder.path().to_owned()]));
    (folder, workspace)
}

#[test]
fn issues_missing_from_the_agenda_are_grouped_after_it() {
    let (_folder, workspace) = one_party(
        r#"
             (id: "s1", issue: "zeta", kind: Demand, summary: "Z", salience: 10,
              firmness: Firm, estimated: true),
             (id: "s2", issue: "alpha", kind: Offer, summary: "A", salience: 10,
              firmness: Firm, estimated: true),
             (id: "s3", issue: "zeta", kind: Offer, summary: "Z2", salience: 10,
              firmness: Firm, estimated: true)"#,
    );
    let ids: Vec<&str> = workspace.issues.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["zeta", "alpha"]);
}

#[test]
fn a_problem_inside_a_statement_points_at_it() {
    let (_folder, workspace) = one_party(
        r#"
             (id: "s1", issue: "x", kind: Demand, summary: "fine", salience: 10,
              firmness: Firm, estimated: true),
             (id: "s2", issue: "x", kind: Offer, summary: "bad", salience: 500,
              firmness: Firm, estimated: true)"#,
    );
    let salience = workspace
        .problems
        .iter()
        .find(|p| p.message.contains("salience"))
        .expect("the salience problem");
    assert_eq!(
        workspace.problem_statement(salience),
        Some(StatementKey {
            party: 0,
            statement: 1
        })
    );
    let no_agenda = workspace
        .problems
        .iter()
        .find(|p| p.message.contains("agenda"))
        .expect("the missing agenda warning");
    assert_eq!(workspace.problem_statement(no_agenda), None);
}

#[test]
fn a_statement_knows_its_problems() {
    let (_folder, workspace) = one_party(
        r#"
             (id: "s1", issue: "x", kind: Demand, summary: "fine", salience: 10,
              firmness: Firm, estimated: true),
             (id: "s2", issue: "x", kind: Offer, summary: "bad", salience: 500,
              firmness: Firm, estimated: true, range: Some((min: 60, max: 40)))"#,
    );
    let key = |statement| StatementKey {
        party: 0,
        statement,
    };
    let messages: Vec<&str> = workspace
        .problems_of(key(1))
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("has no source")));
    assert!(messages.iter().any(|m| m.contains("salience 500")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("min 60 is above its max 40"))
    );
    // The first statement lacks only a source.
    assert_eq!(workspace.problems_of(key(0)).count(), 1);
    // One party file loaded of the one tried; there is no agenda.
    assert_eq!(
        (workspace.loaded_file_count(), workspace.files.len()),
        (1, 1)
    );
}

#[test]
fn a_located_message_reads_file_line_column_message() {
    let problem = Problem::error(
        std::path::Path::new("data/us.ron"),
        "a closing bracket is missing",
    )
    .at_position(Position { line: 12, col: 5 });
    assert_eq!(
        located_message(&problem),
        "data/us.ron:12:5: a closing bracket is missing"
    );
    let whole_file = Problem::warning(std::path::Path::new("x.ron"), "no agenda");
    assert_eq!(located_message(&whole_file), "x.ron: no agenda");
}

#[test]
fn search_text_holds_summary_and_quotes_in_lower_case() {
    let workspace = Workspace::open(Origin::Example);
    let us = workspace.negotiation.party_index("us").unwrap();
    let text = workspace.search_text(StatementKey {
        party: us,
        statement: 0,
    });
    assert!(!text.is_empty());
    assert_eq!(text, text.to_lowercase());
}

/// Everything a refresh works out, to compare one way of working it out with another.
fn derived(workspace: &Workspace) -> impl PartialEq + std::fmt::Debug + use<> {
    let mut statement_problems: Vec<_> = workspace.statement_problems.clone().into_iter().collect();
    statement_problems.sort_unstable();
    (
        workspace.issues.clone(),
        workspace.by_issue.clone(),
        workspace.search_text.clone(),
        workspace.problems.clone(),
        workspace.problem_rows.clone(),
        statement_problems,
        workspace.dirty.clone(),
        workspace.error_count,
    )
}

/// Each statement of the example changed in place in three ways (its summary, its issue to
/// another agenda issue, its issue to one the agenda lacks, which adds an issue group):
/// refreshing that one statement gives what refreshing everything gives.
#[test]
fn refreshing_one_statement_gives_what_refreshing_everything_gives() {
    let original = Workspace::open(Origin::Example);
    let mut tried = 0;
    for (party, file) in original.negotiation.parties.iter().enumerate() {
        for (index, statement) in file.data.statements.iter().enumerate() {
            let key = StatementKey {
                party,
                statement: index,
            };
            let other_issue = if statement.issue == "nato-membership" {
                "missile-placement"
            } else {
                "nato-membership"
            };
            for change in ["summary", other_issue, "an-issue-of-its-own"] {
                let mut workspace = Workspace::open(Origin::Example);
                let edited = &mut workspace.negotiation.parties[party].data.statements[index];
                if change == "summary" {
                    edited.summary.push_str(" Disputed.");
                } else {
                    edited.issue = change.to_owned();
                }
                workspace.refresh_statement(key);
                let one = derived(&workspace);
                workspace.refresh();
                assert_eq!(
                    one,
                    derived(&workspace),
                    "{change} of statement {index} of party {party}"
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 60, "only {tried} changes tried");
}
