//! Validation again after an edit: a party file's own checks depend only on it, the agenda
//! and the parties' ids, so an edit to one party file re-checks that file alone and keeps
//! what the others' checks found. Typing into a negotiation of 16,000 statements then
//! checks 2,000 of them a keystroke, not all.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::model::Agenda;
use crate::negotiation::Negotiation;
use crate::problem::Problem;

use super::{assemble, party_problems};

/// What the last validation found in each party file, and what it was checked against.
#[derive(Debug, Default)]
pub struct Checked {
    basis: Option<Basis>,
    /// Each party file's own problems, by party index.
    parties: Vec<Vec<Problem>>,
}

/// All a party file's own checks read besides the file: the agenda, and each party's path
/// (its problems name it) and id.
#[derive(Debug, PartialEq)]
struct Basis {
    agenda: Option<Agenda>,
    parties: Vec<(PathBuf, String)>,
}

impl Basis {
    fn of(negotiation: &Negotiation) -> Basis {
        Basis {
            agenda: negotiation
                .agenda
                .as_ref()
                .map(|agenda| agenda.data.clone()),
            parties: negotiation
                .parties
                .iter()
                .map(|party| (party.path.clone(), party.data.party.id.clone()))
                .collect(),
        }
    }
}

impl Checked {
    /// Every problem in `negotiation`, exactly as [`super::validate`] lists them. `edited`
    /// names the one party file changed since the last call; `None` when anything may have
    /// changed. Whatever `edited` says, a changed agenda or a party's id or path changed
    /// re-checks every file.
    pub fn validate(&mut self, negotiation: &Negotiation, edited: Option<usize>) -> Vec<Problem> {
        let basis = Basis::of(negotiation);
        let issue_ids: Option<HashSet<&str>> = negotiation.agenda.as_ref().map(|agenda| {
            agenda
                .data
                .issues
                .iter()
                .map(|issue| issue.id.as_str())
                .collect()
        });
        let party_ids: HashSet<&str> = negotiation
            .parties
            .iter()
            .map(|party| party.data.party.id.as_str())
            .collect();
        let check = |party| party_problems(negotiation, party, issue_ids.as_ref(), &party_ids);
        let same_basis = self.basis.as_ref() == Some(&basis);
        match edited {
            Some(index) if same_basis => {
                if let (Some(party), Some(problems)) =
                    (negotiation.parties.get(index), self.parties.get_mut(index))
                {
                    *problems = check(party);
                }
            }
            _ => self.parties = negotiation.parties.iter().map(check).collect(),
        }
        self.basis = Some(basis);
        assemble(negotiation, &party_ids, |index| {
            self.parties.get(index).map_or(&[], Vec::as_slice)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::load_example;

    fn example() -> Negotiation {
        load_example().negotiation
    }

    /// Hand-made faults, each in one file, found again after an edit re-checks that file only,
    /// and the result always what a full validation finds.
    #[test]
    fn an_edit_to_one_file_rechecks_it_and_keeps_the_others_problems() {
        let mut negotiation = example();
        let mut checked = Checked::default();
        assert_eq!(
            checked.validate(&negotiation, None),
            validate_all(&negotiation)
        );

        // An unknown issue in the first party's first statement: one error more.
        let before = validate_all(&negotiation).len();
        negotiation.parties[0].data.statements[0].issue = "no-such-issue".into();
        let after = checked.validate(&negotiation, Some(0));
        assert_eq!(after, validate_all(&negotiation));
        assert_eq!(after.len(), before + 1);

        // A second party's statement given a salience off the scale.
        negotiation.parties[1].data.statements[0].salience = 140.0;
        let after = checked.validate(&negotiation, Some(1));
        assert_eq!(after, validate_all(&negotiation));
        assert!(
            after
                .iter()
                .any(|problem| problem.message.contains("salience 140")),
            "{after:?}"
        );
        // The first party's error is still there although its file was not checked again.
        assert!(
            after
                .iter()
                .any(|problem| problem.message.contains("no-such-issue"))
        );
    }

    /// A party's id changed: other files' checks (members, conditions naming parties) may
    /// change too, so every file is checked again, whatever `edited` says.
    #[test]
    fn a_changed_id_or_agenda_rechecks_every_file() {
        let mut negotiation = example();
        let mut checked = Checked::default();
        checked.validate(&negotiation, None);
        let second_id = negotiation.parties[1].data.party.id.clone();
        negotiation.parties[0].data.party.id = second_id;
        let after = checked.validate(&negotiation, Some(1));
        assert_eq!(after, validate_all(&negotiation));
        assert!(
            after
                .iter()
                .any(|problem| problem.message.contains("already used by"))
        );

        if let Some(agenda) = negotiation.agenda.as_mut() {
            agenda.data.issues.clear();
        }
        assert_eq!(
            checked.validate(&negotiation, Some(0)),
            validate_all(&negotiation)
        );
    }

    fn validate_all(negotiation: &Negotiation) -> Vec<Problem> {
        super::super::validate(negotiation)
    }
}
