//! Rounds: the dated versions of a negotiation. The agenda lists them oldest first; a statement
//! holds from its `from` round (the first when unnamed) to its `until` round, inclusive (the
//! last when unnamed). A negotiation without rounds has one implicit round in which every
//! statement holds.

use crate::model::{Round, Statement};
use crate::negotiation::{Negotiation, StatementKey};

/// The agenda's rounds, asked which round an id names and which rounds a statement holds in.
/// A negotiation has a handful of rounds, so an id is found by comparing it with each: faster
/// than hashing it, which matters when a frame asks for every one of 16,000 statements.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rounds<'a> {
    pub list: &'a [Round],
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
        Rounds { list }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The first round with this id; validation reports a second.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.list.iter().position(|round| round.id == id)
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

/// The rounds each statement holds in, worked out once for a whole negotiation: the window
/// asks for all 16,000 statements of a large one whenever another round is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    latest: Option<usize>,
    /// By party, then statement; `None` for one whose rounds cannot be worked out.
    spans: Vec<Vec<Option<(usize, usize)>>>,
}

impl Spans {
    pub fn of(negotiation: &Negotiation) -> Spans {
        let rounds = Rounds::of(negotiation);
        if rounds.is_empty() {
            return Spans::default();
        }
        Spans {
            latest: rounds.latest(),
            spans: negotiation
                .parties
                .iter()
                .map(|party| {
                    party
                        .data
                        .statements
                        .iter()
                        .map(|statement| rounds.span(statement))
                        .collect()
                })
                .collect(),
        }
    }

    /// As [`Rounds::holds`], for the statement at `key` of the negotiation these were made of.
    pub fn holds(&self, key: StatementKey, round: Option<usize>) -> bool {
        // Without rounds every statement holds, whatever round is asked for.
        let Some(latest) = self.latest else {
            return true;
        };
        let round = round.unwrap_or(latest);
        self.spans
            .get(key.party)
            .and_then(|party| party.get(key.statement))
            .copied()
            .flatten()
            .is_some_and(|(from, until)| from <= round && round <= until)
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
    fn spans_worked_out_once_answer_as_the_rounds_do() {
        let negotiation = crate::io::load(&[std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/fictional-river-talks"
        ))])
        .negotiation;
        let rounds = Rounds::of(&negotiation);
        let spans = Spans::of(&negotiation);
        let mut held = 0;
        for (party, file) in negotiation.parties.iter().enumerate() {
            for (index, statement) in file.data.statements.iter().enumerate() {
                for round in [None, Some(0), Some(1), Some(2), Some(3)] {
                    let key = StatementKey {
                        party,
                        statement: index,
                    };
                    assert_eq!(spans.holds(key, round), rounds.holds(statement, round));
                    held += usize::from(spans.holds(key, round));
                }
            }
        }
        // The opening letters: Upland 3, Lowland 2; the Geneva draft 3 and 3; the summit (asked
        // twice, as None and as Some(2)) 2 and 3; none at a fourth round the agenda lacks.
        assert_eq!(held, 5 + 6 + 5 + 5);
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
