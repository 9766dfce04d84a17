//! Rounds: the dated versions of a negotiation. The agenda lists them oldest first; a statement
//! holds from its `from` round (the first when unnamed) to its `until` round, inclusive (the
//! last when unnamed). A negotiation without rounds has one implicit round in which every
//! statement holds.

use std::collections::HashMap;

use crate::model::{Round, Statement};
use crate::negotiation::Negotiation;

/// The agenda's rounds by id, built once and asked many times.
#[derive(Debug, Clone, Default)]
pub struct Rounds<'a> {
    pub list: &'a [Round],
    index_of: HashMap<&'a str, usize>,
}

impl<'a> Rounds<'a> {
    pub fn of(negotiation: &'a Negotiation) -> Rounds<'a> {
        let list = negotiation
            .agenda
            .as_ref()
            .map_or(&[][..], |agenda| agenda.data.rounds.as_slice());
        Rounds::from_list(list)
    }

    pub fn from_list(list: &'a [Round]) -> Rounds<'a> {
        let mut index_of = HashMap::new();
        for (index, round) in list.iter().enumerate() {
            // The first of two rounds with one id wins; validation reports the second.
            index_of.entry(round.id.as_str()).or_insert(index);
        }
        Rounds { list, index_of }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.index_of.get(id).copied()
    }

    pub fn get(&self, index: usize) -> Option<&'a Round> {
        self.list.get(index)
    }

    /// The latest round, the one a negotiation is shown at unless another is chosen.
    pub fn latest(&self) -> Option<usize> {
        self.list.len().checked_sub(1)
    }

    /// The rounds a statement holds in, as an inclusive span of indices; `None` when it names
    /// a round the agenda lacks, or ends before it starts (validation reports both).
    pub fn span(&self, statement: &Statement) -> Option<(usize, usize)> {
        let last = self.latest().unwrap_or(0);
        let from = match &statement.from {
            Some(id) => self.index(id)?,
            None => 0,
        };
        let until = match &statement.until {
            Some(id) => self.index(id)?,
            None => last,
        };
        (from <= until).then_some((from, until))
    }

    /// Whether `statement` holds at round `round`; `None` means "as things stand now" (the
    /// latest round). Without rounds every statement holds; a statement whose rounds cannot be
    /// worked out holds in none, so that a broken reference never passes for a position.
    pub fn holds(&self, statement: &Statement, round: Option<usize>) -> bool {
        if self.is_empty() {
            return true;
        }
        let Some(round) = round.or(self.latest()) else {
            return true;
        };
        self.span(statement)
            .is_some_and(|(from, until)| from <= round && round <= until)
    }

    /// "Written replies (2030-03-04)", or "round 3" for an index the agenda lacks.
    pub fn label(&self, index: usize) -> String {
        self.get(index).map_or_else(
            || format!("round {}", index + 1),
            |round| format!("{} ({})", round.name, round.date),
        )
    }
}

impl Negotiation {
    /// The negotiation as it stood at `round` (`None`: the latest), as if later rounds had not
    /// happened yet: the agenda lists the rounds up to that one, and the parties only the
    /// statements that held then. For reports, figures and the command line, which do not edit;
    /// the window keeps the whole negotiation and asks [`Rounds::holds`] instead, so that
    /// statement keys stay true.
    pub fn at_round(&self, round: Option<usize>) -> Negotiation {
        let rounds = Rounds::of(self);
        let mut copy = self.clone();
        let Some(round) = round.or(rounds.latest()) else {
            return copy;
        };
        for party in &mut copy.parties {
            party
                .data
                .statements
                .retain(|statement| rounds.holds(statement, Some(round)));
            for statement in &mut party.data.statements {
                // It held at `round`, so it holds to the end of the shortened list.
                if statement
                    .until
                    .as_deref()
                    .and_then(|id| rounds.index(id))
                    .is_some_and(|until| until > round)
                {
                    statement.until = None;
                }
            }
        }
        if let Some(agenda) = &mut copy.agenda {
            agenda.data.rounds.truncate(round + 1);
        }
        copy
    }

    /// The round a negotiation shows, its latest, for headings: "Geneva draft (2031-05-14)".
    pub fn round_shown(&self) -> Option<String> {
        let rounds = Rounds::of(self);
        rounds.latest().map(|latest| rounds.label(latest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Firmness, Kind};

    fn round(id: &str) -> Round {
        Round {
            id: id.to_owned(),
            name: id.to_owned(),
            date: "2030-01-01".to_owned(),
            description: String::new(),
        }
    }

    fn statement(from: Option<&str>, until: Option<&str>) -> Statement {
        Statement {
            id: "s".to_owned(),
            issue: "i".to_owned(),
            kind: Kind::Demand,
            summary: String::new(),
            stance: None,
            range: None,
            salience: 50.0,
            firmness: Firmness::Firm,
            estimated: false,
            conditions: Vec::new(),
            sources: Vec::new(),
            notes: String::new(),
            from: from.map(str::to_owned),
            until: until.map(str::to_owned),
        }
    }

    #[test]
    fn a_statement_holds_from_its_first_round_to_its_last_inclusive() {
        let list = [round("a"), round("b"), round("c")];
        let rounds = Rounds::from_list(&list);
        let middle = statement(Some("b"), Some("b"));
        assert_eq!(
            [0, 1, 2].map(|r| rounds.holds(&middle, Some(r))),
            [false, true, false]
        );
        let open = statement(Some("b"), None);
        assert_eq!(
            [0, 1, 2].map(|r| rounds.holds(&open, Some(r))),
            [false, true, true]
        );
        let ended = statement(None, Some("a"));
        assert_eq!(
            [0, 1, 2].map(|r| rounds.holds(&ended, Some(r))),
            [true, false, false]
        );
        // Unnamed round: the latest.
        assert!(rounds.holds(&open, None));
        assert!(!rounds.holds(&ended, None));
    }

    #[test]
    fn a_negotiation_at_an_earlier_round_is_as_if_later_rounds_had_not_happened() {
        use crate::model::Agenda;
        use crate::negotiation::Loaded;
        use std::path::PathBuf;
        let agenda = Agenda {
            format: 2,
            name: "n".to_owned(),
            description: String::new(),
            issues: Vec::new(),
            rounds: vec![round("a"), round("b"), round("c")],
        };
        let party: crate::model::PartyFile = crate::io::parse_ron(
            "(format: 2, party: (id: \"p\", name: \"p\", short_name: \"p\", colour: \"#000000\"), \
             as_of: \"2030-01-01\", statements: [])",
        )
        .unwrap()
        .value;
        let mut negotiation = Negotiation {
            agenda: Some(Loaded {
                path: PathBuf::from("agenda.ron"),
                data: agenda,
            }),
            parties: vec![Loaded {
                path: PathBuf::from("p.ron"),
                data: party,
            }],
            left_out: Vec::new(),
        };
        negotiation.parties[0].data.statements = vec![
            statement(None, Some("a")),
            statement(Some("b"), Some("c")),
            statement(Some("c"), None),
        ];
        let at_b = negotiation.at_round(Some(1));
        let kept = &at_b.parties[0].data.statements;
        // Only the second held at b; its `until: c` points past the shortened list.
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].from.as_deref(), Some("b"));
        assert_eq!(kept[0].until, None);
        assert_eq!(at_b.agenda.as_ref().unwrap().data.rounds.len(), 2);
        assert_eq!(at_b.round_shown().as_deref(), Some("b (2030-01-01)"));
        // Analysed again at its own latest round, the copy keeps what it kept.
        assert!(Rounds::of(&at_b).holds(&kept[0], None));
        // At the latest round c, the second (b to c) and the third (from c) hold.
        assert_eq!(
            negotiation.at_round(None).parties[0].data.statements.len(),
            2
        );
    }

    #[test]
    fn a_broken_reference_holds_nowhere_and_no_rounds_means_always() {
        let list = [round("a"), round("b")];
        let rounds = Rounds::from_list(&list);
        assert!(!rounds.holds(&statement(Some("gone"), None), Some(0)));
        assert!(!rounds.holds(&statement(Some("b"), Some("a")), Some(1)));
        let none = Rounds::from_list(&[]);
        assert!(none.holds(&statement(Some("gone"), Some("x")), None));
    }
}
