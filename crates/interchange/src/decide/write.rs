//! A negotiation as a DECIDE input table, in the form the DECIDE program saves: tab-separated,
//! text in single quotes, numbers bare. A DECIDE table holds one position a party and issue;
//! what it cannot hold is said in the notes returned, so nobody takes the table for the whole.

use std::collections::HashSet;
use std::path::Path;

use common_ground_core::analysis::strongest;
use common_ground_core::io::write_atomically;
use common_ground_core::model::{PartyFile, SCALE_MAX};
use common_ground_core::negotiation::Negotiation;
use common_ground_core::rounds::Rounds;

use crate::error::Error;

/// Writes `negotiation` to `to` as a DECIDE table, atomically. Each `#D` record is the party's
/// statement on the issue that the overview matrix shows (the hardest of those that place the
/// party), as the parties stand at the latest round: its stance, else the middle of its
/// range; its salience over 100; the party's capability as its power, empty when it has none.
/// Returns notes on what the table leaves out.
pub fn write_decide(negotiation: &Negotiation, to: &Path) -> Result<Vec<String>, Error> {
    let rounds = Rounds::of(negotiation);
    let latest = rounds.latest();
    let keys = actor_keys(negotiation);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut comment = format!("Written by Common Ground from “{}”", negotiation.name());
    if let Some(round) = latest.and_then(|latest| rounds.get(latest)) {
        comment.push_str(&format!(
            ", as the parties stood at the round “{}” ({})",
            round.name, round.date
        ));
    }
    rows.push(vec!["#/".to_owned(), format!("{comment}.")]);
    for (party, key) in negotiation.parties.iter().zip(&keys) {
        rows.push(vec![
            "#A".to_owned(),
            key.clone(),
            party.data.party.name.clone(),
            party.data.party.notes.clone(),
        ]);
    }
    let issues = negotiation
        .agenda
        .as_ref()
        .map_or(&[][..], |agenda| agenda.data.issues.as_slice());
    for issue in issues {
        rows.push(vec![
            "#P".to_owned(),
            issue.id.clone(),
            issue.title.clone(),
            issue.description.clone(),
        ]);
        for anchor in &issue.scale {
            rows.push(vec![
                "#M".to_owned(),
                issue.id.clone(),
                anchor.at.to_string(),
                anchor.meaning.clone(),
            ]);
        }
    }
    let mut left = Left::default();
    rows.extend(positions(negotiation, &keys, &mut left));
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote(b'\'')
        .quote_style(csv::QuoteStyle::NonNumeric)
        .flexible(true)
        .from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).map_err(|error| Error::Write {
            path: to.to_owned(),
            source: std::io::Error::other(error.to_string()),
        })?;
    }
    let bytes = writer.into_inner().map_err(|error| Error::Write {
        path: to.to_owned(),
        source: error.into_error(),
    })?;
    write_atomically(to, &bytes)?;
    Ok(left.notes(negotiation))
}

/// The `#D` records: a party and issue each, as the parties stand at the latest round.
fn positions(negotiation: &Negotiation, keys: &[String], left: &mut Left) -> Vec<Vec<String>> {
    let rounds = Rounds::of(negotiation);
    let latest = rounds.latest();
    let issues = negotiation
        .agenda
        .as_ref()
        .map_or(&[][..], |agenda| agenda.data.issues.as_slice());
    let mut rows = Vec::new();
    for issue in issues {
        for (party, key) in negotiation.parties.iter().zip(keys) {
            let data: &PartyFile = &party.data;
            let holding: Vec<usize> = data
                .statements
                .iter()
                .enumerate()
                .filter(|(_, s)| s.issue == issue.id && rounds.holds(s, latest))
                .map(|(index, _)| index)
                .collect();
            let placed: Vec<usize> = holding
                .iter()
                .copied()
                .filter(|&index| {
                    data.statements
                        .get(index)
                        .is_some_and(|s| s.stance.is_some() || s.range.is_some())
                })
                .collect();
            let Some(statement) =
                strongest(&data.statements, &placed).and_then(|index| data.statements.get(index))
            else {
                left.unplaced += usize::from(!holding.is_empty());
                continue;
            };
            left.several += usize::from(holding.len() > 1);
            let position = statement.stance.or_else(|| {
                left.midpoints += 1;
                statement
                    .range
                    .map(|range| f64::midpoint(range.min, range.max))
            });
            rows.push(vec![
                "#D".to_owned(),
                key.clone(),
                issue.id.clone(),
                position.map_or_else(String::new, |x| x.to_string()),
                crate::import::tidy(statement.salience / SCALE_MAX).to_string(),
                data.party
                    .capability
                    .map_or_else(String::new, |c| c.to_string()),
            ]);
        }
    }
    rows
}

/// What the table could not hold, counted as it is written.
#[derive(Default)]
struct Left {
    /// Party–issue pairs with more than one statement: only one goes in.
    several: usize,
    /// Pairs whose statements place the party nowhere (no stance, no range): no record.
    unplaced: usize,
    /// Records whose position is the middle of a range, for want of a stance.
    midpoints: usize,
}

impl Left {
    fn notes(&self, negotiation: &Negotiation) -> Vec<String> {
        let statements: usize = negotiation
            .parties
            .iter()
            .map(|party| party.data.statements.len())
            .sum();
        let mut notes = vec![format!(
            "A DECIDE table holds a position, a salience and a power: the quotes, ranges, \
             firmness, conditions and notes of the {statements} statements are not in it."
        )];
        if self.several > 0 {
            notes.push(format!(
                "{} party–issue pairs have more than one statement; each record is the hardest \
                 that places the party, as the overview matrix shows.",
                self.several
            ));
        }
        if self.unplaced > 0 {
            notes.push(format!(
                "{} party–issue pairs have statements with neither a stance nor a range; they \
                 have no record, as a party silent on the issue has none.",
                self.unplaced
            ));
        }
        if self.midpoints > 0 {
            notes.push(format!(
                "{} records give the middle of the acceptable range as the position, for want \
                 of a stance.",
                self.midpoints
            ));
        }
        let powerless: Vec<&str> = negotiation
            .parties
            .iter()
            .filter(|party| party.data.party.capability.is_none())
            .map(|party| party.data.party.short_name.as_str())
            .collect();
        if !powerless.is_empty() {
            notes.push(format!(
                "No capability is recorded for {}: the power of their records is empty.",
                powerless.join(", ")
            ));
        }
        notes
    }
}

/// Each party's key in the table: its short name, or its id when the short name is empty or
/// another party's too.
fn actor_keys(negotiation: &Negotiation) -> Vec<String> {
    let mut seen = HashSet::new();
    let repeated: HashSet<&str> = negotiation
        .parties
        .iter()
        .map(|party| party.data.party.short_name.as_str())
        .filter(|name| !seen.insert(*name))
        .collect();
    negotiation
        .parties
        .iter()
        .map(|party| {
            let short = party.data.party.short_name.trim();
            if short.is_empty() || repeated.contains(party.data.party.short_name.as_str()) {
                party.data.party.id.clone()
            } else {
                short.to_owned()
            }
        })
        .collect()
}
