//! What a change touched, so that what is derived from the data (the analysis) can be worked
//! out again for those issues alone: typing into one statement of 16,000 then re-analyses the
//! one or two issues it is on, not all sixty.

use std::collections::BTreeSet;

use super::{Change, FileData, Replaced};

/// The issues a change may have changed the analysis of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// Only these issues, by id: statements on them changed, nothing else did.
    Issues(BTreeSet<String>),
    /// Anything: the agenda, a party's details (its capability weighs on every prediction),
    /// statements added, removed or moved (the indices of the others shift), a file added.
    Everything,
}

impl Touched {
    pub fn nothing() -> Touched {
        Touched::Issues(BTreeSet::new())
    }

    /// What this and `other` touched together.
    #[must_use]
    pub fn and(self, other: Touched) -> Touched {
        match (self, other) {
            (Touched::Issues(mut these), Touched::Issues(those)) => {
                these.extend(those);
                Touched::Issues(these)
            }
            _ => Touched::Everything,
        }
    }
}

impl Change {
    /// What the change touched; the same whether it is done or undone.
    pub fn touched(&self) -> Touched {
        let (before, after) = match &self.replaced {
            Replaced::Statement { before, after, .. } => {
                return Touched::Issues(if before == after {
                    BTreeSet::new()
                } else {
                    BTreeSet::from([before.issue.clone(), after.issue.clone()])
                });
            }
            Replaced::File {
                before: FileData::Party(Some(before)),
                after: FileData::Party(Some(after)),
            } => (before, after),
            Replaced::File { .. } => return Touched::Everything,
        };
        let (old, new) = (&before.data, &after.data);
        let same_file = before.path == after.path
            && old.format == new.format
            && old.party == new.party
            && old.as_of == new.as_of
            && old.summary == new.summary
            && old.statements.len() == new.statements.len();
        if !same_file {
            return Touched::Everything;
        }
        Touched::Issues(
            old.statements
                .iter()
                .zip(&new.statements)
                .filter(|(was, is)| was != is)
                .flat_map(|(was, is)| [was.issue.clone(), is.issue.clone()])
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, apply};
    use crate::example::load_example;
    use crate::negotiation::StatementKey;

    #[test]
    fn a_statement_moved_to_another_issue_touches_both_and_a_new_party_name_everything() {
        let mut negotiation = load_example().negotiation;
        let key = StatementKey {
            party: 0,
            statement: 0,
        };
        let mut statement = negotiation.parties[0].data.statements[0].clone();
        let was = statement.issue.clone();
        statement.issue = "arms-control".into();
        let change = apply(
            &mut negotiation,
            Edit::Statement { key, statement },
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            change.touched(),
            Touched::Issues(BTreeSet::from([was, "arms-control".to_owned()]))
        );

        let file = &negotiation.parties[0].data;
        let mut details = file.party.clone();
        details.name = "Renamed".into();
        let edit = Edit::PartyDetails {
            party: 0,
            details,
            as_of: file.as_of.clone(),
            summary: file.summary.clone(),
        };
        let change = apply(&mut negotiation, edit, None, None);
        assert_eq!(
            change.map(|change| change.touched()).ok(),
            Some(Touched::Everything)
        );
        assert_eq!(
            Touched::nothing().and(Touched::Everything),
            Touched::Everything
        );
    }
}
