//! The comparison as JSON, for other tools: `left_out: [{ file, reason }]` and `issues: [{ id,
//! title, status, zone, gap, parties, collisions, conditional_offers, silent, awaited,
//! no_stake }]`.

use serde::Serialize;

use super::View;
use crate::analysis::{Analysis, IssueAnalysis};
use crate::model::{Range, Round, Source, WaitsOn};
use crate::negotiation::{Negotiation, StatementKey};

#[derive(Serialize)]
struct JsonReport<'a> {
    negotiation: String,
    /// The round the findings are for, when the agenda has rounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<JsonRound<'a>>,
    parties: Vec<JsonParty<'a>>,
    /// Files asked for that did not load: the findings leave them out.
    left_out: Vec<JsonLeftOut<'a>>,
    issues: Vec<JsonIssue<'a>>,
}

#[derive(Serialize)]
pub(super) struct JsonRound<'a> {
    id: &'a str,
    name: &'a str,
    date: &'a str,
}

impl<'a> JsonRound<'a> {
    pub(super) fn of(round: &'a Round) -> JsonRound<'a> {
        JsonRound {
            id: &round.id,
            name: &round.name,
            date: &round.date,
        }
    }
}

#[derive(Serialize)]
pub(super) struct JsonLeftOut<'a> {
    file: String,
    reason: &'a str,
}

/// The files asked for that did not load.
pub(super) fn left_out(negotiation: &Negotiation) -> Vec<JsonLeftOut<'_>> {
    negotiation
        .left_out
        .iter()
        .map(|file| JsonLeftOut {
            file: file.path.display().to_string(),
            reason: &file.reason,
        })
        .collect()
}

#[derive(Serialize)]
struct JsonParty<'a> {
    id: &'a str,
    name: &'a str,
    short_name: &'a str,
}

#[derive(Serialize)]
struct JsonIssue<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    zone: Option<Range>,
    gap: Option<JsonGap<'a>>,
    parties: Vec<JsonStand<'a>>,
    collisions: Vec<JsonCollision<'a>>,
    conditional_offers: Vec<JsonConditionalOffer<'a>>,
    silent: Vec<&'a str>,
    /// The parties with a stake that are not placed: an untested zone waits on them.
    awaited: Vec<&'a str>,
    no_stake: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonGap<'a> {
    from: f64,
    to: f64,
    width: f64,
    low_side: Vec<JsonStatement<'a>>,
    high_side: Vec<JsonStatement<'a>>,
}

#[derive(Serialize)]
struct JsonStand<'a> {
    party: &'a str,
    range: Option<Range>,
    statements: Vec<JsonStatement<'a>>,
}

#[derive(Serialize)]
struct JsonStatement<'a> {
    party: &'a str,
    id: &'a str,
    kind: &'static str,
    summary: &'a str,
    firmness: &'static str,
    stance: Option<f64>,
    range: Option<Range>,
    salience: f64,
    estimated: bool,
    sources: &'a [Source],
}

#[derive(Serialize)]
struct JsonCollision<'a> {
    demand: JsonStatement<'a>,
    rejection: JsonStatement<'a>,
}

#[derive(Serialize)]
struct JsonConditionalOffer<'a> {
    offer: JsonStatement<'a>,
    condition: &'a str,
    waits_on: Option<&'a WaitsOn>,
}

pub fn json(negotiation: &Negotiation, analysis: &Analysis) -> serde_json::Result<String> {
    let view = View {
        negotiation,
        analysis,
        changes: None,
    };
    let report = JsonReport {
        negotiation: negotiation.name(),
        round: negotiation
            .agenda
            .as_ref()
            .and_then(|agenda| agenda.data.rounds.last())
            .map(JsonRound::of),
        parties: analysis
            .parties
            .iter()
            .filter_map(|&p| {
                let party = &negotiation.party(p)?.party;
                Some(JsonParty {
                    id: &party.id,
                    name: &party.name,
                    short_name: &party.short_name,
                })
            })
            .collect(),
        left_out: left_out(negotiation),
        issues: analysis
            .issues
            .iter()
            .map(|issue| json_issue(&view, issue))
            .collect(),
    };
    serde_json::to_string_pretty(&report)
}

fn json_statement<'a>(view: &View<'a>, key: StatementKey) -> Option<JsonStatement<'a>> {
    let s = view.statement(key)?;
    Some(JsonStatement {
        party: view.party_id(key.party),
        id: &s.id,
        kind: s.kind.label(),
        summary: &s.summary,
        firmness: s.firmness.label(),
        stance: s.stance,
        range: s.range,
        salience: s.salience,
        estimated: s.estimated,
        sources: &s.sources,
    })
}

fn json_issue<'a>(view: &View<'a>, issue: &'a IssueAnalysis) -> JsonIssue<'a> {
    let statement = |key: StatementKey| json_statement(view, key);
    let ids =
        |parties: &[usize]| -> Vec<&'a str> { parties.iter().map(|&p| view.party_id(p)).collect() };
    JsonIssue {
        id: &issue.issue,
        title: view.title(&issue.issue),
        status: issue.status.id(),
        zone: issue.zone,
        gap: issue.gap.as_ref().map(|gap| JsonGap {
            from: gap.from,
            to: gap.to,
            width: gap.width(),
            low_side: gap.low_side.iter().filter_map(|&k| statement(k)).collect(),
            high_side: gap.high_side.iter().filter_map(|&k| statement(k)).collect(),
        }),
        parties: issue
            .stands
            .iter()
            .map(|stand| JsonStand {
                party: view.party_id(stand.party),
                range: stand.range,
                statements: stand
                    .statements
                    .iter()
                    .filter_map(|&i| {
                        statement(StatementKey {
                            party: stand.party,
                            statement: i,
                        })
                    })
                    .collect(),
            })
            .collect(),
        collisions: issue
            .collisions
            .iter()
            .filter_map(|c| {
                Some(JsonCollision {
                    demand: statement(c.demand)?,
                    rejection: statement(c.rejection)?,
                })
            })
            .collect(),
        conditional_offers: issue
            .conditional_offers
            .iter()
            .filter_map(|offer| {
                let condition = view
                    .statement(offer.offer)?
                    .conditions
                    .get(offer.condition)?;
                Some(JsonConditionalOffer {
                    offer: statement(offer.offer)?,
                    condition: &condition.text,
                    waits_on: condition.waits_on.as_ref(),
                })
            })
            .collect(),
        silent: ids(&issue.silent),
        awaited: ids(&issue.awaited),
        no_stake: ids(&issue.no_stake),
    }
}
