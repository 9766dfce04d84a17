//! A large generated negotiation for benchmarks: 8 party files of 2,000 statements each, on
//! 60 issues, written the way the app saves them; or as many parties and statements as asked.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests and benches fail loudly on what they did not expect"
)]

use std::path::Path;

use common_ground_core::io::{AGENDA_FILE_NAME, SaveMode, save_agenda, save_party};
use common_ground_core::model::{
    Agenda, AgendaIssue, Anchor, Condition, FORMAT_VERSION, Firmness, Kind, Party, PartyFile,
    Range, Round, Source, Statement, WaitsOn,
};

pub(crate) const PARTIES: usize = 8;
pub(crate) const STATEMENTS: usize = 2_000;
/// Rounds of the negotiation in rounds.
pub(crate) const ROUNDS: usize = 5;
const ISSUES: usize = 60;

/// A small deterministic generator, so every run measures the same files.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn agenda() -> Agenda {
    Agenda {
        format: FORMAT_VERSION,
        name: "Generated negotiation".into(),
        description: "Many parties, sixty issues, for benchmarks.".into(),
        issues: (0..ISSUES)
            .map(|i| AgendaIssue {
                id: format!("issue-{i}"),
                title: format!("Issue number {i}"),
                category: format!("Category {}", i % 6),
                description: "A generated issue with a scale from nothing to everything.".into(),
                scale: vec![
                    Anchor {
                        at: 0.0,
                        meaning: "Nothing at all".into(),
                    },
                    Anchor {
                        at: 50.0,
                        meaning: "Half of it".into(),
                    },
                    Anchor {
                        at: 100.0,
                        meaning: "Everything".into(),
                    },
                ],
                no_stake: Vec::new(),
                notes: String::new(),
            })
            .collect(),
        rounds: Vec::new(),
    }
}

fn party(index: usize, (parties, statements): (usize, usize), rng: &mut Lcg) -> PartyFile {
    let kinds = Kind::ALL;
    let statements = (0..statements)
        .map(|s| {
            let issue = rng.below(ISSUES as u64) as usize;
            // Each party keeps a consistent band per issue, as real files do, so the ranges of
            // its statements on one issue overlap.
            let band = ((index * 31 + issue * 17) % 70) as f64;
            let min = band + rng.below(6) as f64;
            let max = band + 25.0 + rng.below(6) as f64;
            Statement {
                id: format!("statement-{s}"),
                issue: format!("issue-{issue}"),
                kind: kinds[rng.below(kinds.len() as u64) as usize],
                summary: "The party wants the outcome to stay within the range it states here".into(),
                stance: Some((min + max) / 2.0),
                range: Some(Range { min, max }),
                salience: rng.below(101) as f64,
                firmness: [Firmness::NonNegotiable, Firmness::Firm, Firmness::Flexible]
                    [rng.below(3) as usize],
                estimated: true,
                conditions: vec![Condition {
                    text: "as long as the other side moves first on the related issue".into(),
                    waits_on: Some(WaitsOn {
                        party: format!("party-{}", (index + 1) % parties),
                        issue: format!("issue-{}", rng.below(ISSUES as u64)),
                    }),
                }],
                sources: vec![Source {
                    quote: "We will not move on this until we see real movement from the other side of the table".into(),
                    speaker: "A spokesperson for the party".into(),
                    date: "2022-01-26".into(),
                    reference: "Generated source for benchmarks, page 12".into(),
                }],
                notes: String::new(),
                from: None,
                until: None,
            }
        })
        .collect();
    PartyFile {
        format: FORMAT_VERSION,
        party: Party {
            members: Vec::new(),
            id: format!("party-{index}"),
            name: format!("Party number {index}"),
            short_name: format!("P{index}"),
            colour: "#336699".into(),
            capability: Some(0.5),
            notes: String::new(),
        },
        as_of: "2022-01-26".into(),
        summary: "A generated party for benchmarks.".into(),
        statements,
    }
}

/// Writes the generated negotiation into `dir` and returns the party files' texts.
pub(crate) fn generate(dir: &Path) -> Vec<String> {
    generate_sized(dir, PARTIES, STATEMENTS)
}

/// Writes a generated negotiation of `parties` files of `statements` each into `dir` and
/// returns the party files' texts.
pub(crate) fn generate_sized(dir: &Path, parties: usize, statements: usize) -> Vec<String> {
    let mut rng = Lcg(42);
    save_agenda(&dir.join(AGENDA_FILE_NAME), &agenda(), SaveMode::AcceptLoss).unwrap();
    (0..parties)
        .map(|i| {
            let path = dir.join(format!("party-{i}.ron"));
            let file = party(i, (parties, statements), &mut rng);
            save_party(&path, &file, SaveMode::AcceptLoss).unwrap();
            std::fs::read_to_string(&path).unwrap()
        })
        .collect()
}

/// The same negotiation in five rounds: each statement holds from one round to a later one,
/// as a party that moves now and then would leave them.
pub(crate) fn generate_in_rounds(dir: &Path) {
    let mut rng = Lcg(42);
    let mut agenda = agenda();
    agenda.rounds = (0..ROUNDS)
        .map(|r| Round {
            id: format!("round-{r}"),
            name: format!("Round {r}"),
            date: format!("2022-0{}-01", r + 1),
            description: String::new(),
        })
        .collect();
    save_agenda(&dir.join(AGENDA_FILE_NAME), &agenda, SaveMode::AcceptLoss).unwrap();
    for i in 0..PARTIES {
        let mut file = party(i, (PARTIES, STATEMENTS), &mut rng);
        for (s, statement) in file.statements.iter_mut().enumerate() {
            let from = s % ROUNDS;
            let until = (from + 1 + s % 3).min(ROUNDS - 1);
            statement.from = (from > 0).then(|| format!("round-{from}"));
            statement.until = (until < ROUNDS - 1).then(|| format!("round-{until}"));
        }
        let path = dir.join(format!("party-{i}.ron"));
        save_party(&path, &file, SaveMode::AcceptLoss).unwrap();
    }
}
