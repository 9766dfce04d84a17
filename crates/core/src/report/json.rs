//! The comparison as JSON, for other tools: `left_out: [{ file, reason }]`, `issues: [{ id,
//! title, status, zone, gap, parties, collisions, conditional_offers, silent, awaited,
//! no_stake, prediction }]`, `trades: [{ gain, first, second }]` and `blocs: [{ bloc, members,
//! counted_twice, issues }]`.

use serde::Serialize;

use super::View;
use crate::analysis::{Analysis, IssueAnalysis, Move, Prediction};
use crate::blocs::{blocs, counted_twice, divergence};
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
    /// Every exchange of positions the DECIDE rule finds, best first.
    trades: Vec<JsonTrade<'a>>,
    /// The parties that declare members, with how the members diverge.
    blocs: Vec<JsonBloc<'a>>,
}

#[derive(Serialize)]
struct JsonBloc<'a> {
    bloc: &'a str,
    members: Vec<&'a str>,
    /// True when the bloc and members of it are both compared: counted twice.
    counted_twice: bool,
    issues: Vec<JsonDivergence<'a>>,
}

#[derive(Serialize)]
struct JsonDivergence<'a> {
    issue: String,
    spread: Range,
    breaks_ranks: Vec<&'a str>,
    silent: Vec<&'a str>,
}

/// `compare --trades --format json`: the trades alone, with who was compared.
#[derive(Serialize)]
struct JsonTrades<'a> {
    negotiation: String,
    parties: Vec<JsonParty<'a>>,
    left_out: Vec<JsonLeftOut<'a>>,
    trades: Vec<JsonTrade<'a>>,
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
    /// Where the issue would land if settled today; null with fewer than two placed.
    prediction: Option<JsonPrediction<'a>>,
}

#[derive(Serialize)]
struct JsonPrediction<'a> {
    weighted_mean: f64,
    weighted_median: f64,
    /// When the weight splits exactly in half: any point from the median to this one ties.
    median_tied_to: Option<f64>,
    /// Always true: a model's estimate from the analyst's numbers.
    estimate: bool,
    /// True when a placed party has no capability, so all count with capability 1.
    equal_capability: bool,
    without_capability: Vec<&'a str>,
    /// The placed parties, with what each counts for.
    weights: Vec<JsonWeight<'a>>,
    moved_most_by: JsonMovedMostBy<'a>,
    /// The red lines a prediction lies outside: warnings, not agreements.
    outside_red_lines: Vec<JsonRefused<'a>>,
}

#[derive(Serialize)]
struct JsonWeight<'a> {
    party: &'a str,
    position: f64,
    /// "stance", or "range-middle" when the party states no stance.
    position_from: &'static str,
    salience: f64,
    capability: f64,
    weight: f64,
    share: f64,
    /// The predictions with this party at 0 and at 100, the others where they stand.
    weighted_mean_range: Range,
    weighted_median_range: Range,
}

#[derive(Serialize)]
struct JsonMovedMostBy<'a> {
    weighted_mean: &'a str,
    weighted_median: &'a str,
}

#[derive(Serialize)]
struct JsonRefused<'a> {
    prediction: &'static str,
    red_line: JsonStatement<'a>,
}

#[derive(Serialize)]
struct JsonTrade<'a> {
    /// What each party gains by the rule, equal for both.
    gain: f64,
    first: JsonMove<'a>,
    second: JsonMove<'a>,
}

#[derive(Serialize)]
struct JsonMove<'a> {
    party: &'a str,
    issue: &'a str,
    from: f64,
    to: f64,
    /// How far the issue's weighted mean moves with it.
    outcome_shift: f64,
    /// True when the party's own red line stops it short of the other's position.
    held_by_red_line: bool,
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
        parties: json_parties(negotiation, analysis),
        left_out: left_out(negotiation),
        issues: analysis
            .issues
            .iter()
            .map(|issue| json_issue(&view, issue))
            .collect(),
        trades: json_trades(&view),
        blocs: json_blocs(&view),
    };
    serde_json::to_string_pretty(&report)
}

fn json_blocs<'a>(view: &View<'a>) -> Vec<JsonBloc<'a>> {
    let ids =
        |parties: &[usize]| -> Vec<&'a str> { parties.iter().map(|&p| view.party_id(p)).collect() };
    let twice = counted_twice(view.negotiation, view.analysis);
    blocs(view.negotiation)
        .iter()
        .map(|bloc| JsonBloc {
            bloc: view.party_id(bloc.bloc),
            members: ids(&bloc.members),
            counted_twice: twice.iter().any(|(b, _)| *b == bloc.bloc),
            issues: divergence(view.negotiation, bloc)
                .into_iter()
                .map(|d| JsonDivergence {
                    breaks_ranks: ids(&d.breaks_ranks),
                    silent: ids(&d.silent),
                    issue: d.issue,
                    spread: d.spread,
                })
                .collect(),
        })
        .collect()
}

/// The trades alone as JSON, for `compare --trades`.
pub fn trades_json(negotiation: &Negotiation, analysis: &Analysis) -> serde_json::Result<String> {
    let view = View {
        negotiation,
        analysis,
        changes: None,
    };
    serde_json::to_string_pretty(&JsonTrades {
        negotiation: negotiation.name(),
        parties: json_parties(negotiation, analysis),
        left_out: left_out(negotiation),
        trades: json_trades(&view),
    })
}

fn json_parties<'a>(negotiation: &'a Negotiation, analysis: &Analysis) -> Vec<JsonParty<'a>> {
    analysis
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
        .collect()
}

fn json_trades<'a>(view: &View<'a>) -> Vec<JsonTrade<'a>> {
    let side = |m: &Move| JsonMove {
        party: view.party_id(m.party),
        issue: view
            .analysis
            .issues
            .get(m.issue)
            .map_or("", |issue| issue.issue.as_str()),
        from: m.from,
        to: m.to,
        outcome_shift: m.shift,
        held_by_red_line: m.held_by_red_line,
    };
    view.analysis
        .trades
        .iter()
        .map(|trade| JsonTrade {
            gain: trade.gain,
            first: side(&trade.first),
            second: side(&trade.second),
        })
        .collect()
}

fn json_prediction<'a>(view: &View<'a>, prediction: &'a Prediction) -> JsonPrediction<'a> {
    let ids =
        |parties: &[usize]| -> Vec<&'a str> { parties.iter().map(|&p| view.party_id(p)).collect() };
    JsonPrediction {
        weighted_mean: prediction.weighted_mean,
        weighted_median: prediction.weighted_median,
        median_tied_to: prediction.median_tied_to,
        estimate: true,
        equal_capability: prediction.equal_capability,
        without_capability: ids(&prediction.without_capability),
        weights: prediction
            .inputs
            .iter()
            .zip(&prediction.sensitivity)
            .map(|(input, sensitivity)| JsonWeight {
                party: view.party_id(input.party),
                position: input.position,
                position_from: if input.from_stance {
                    "stance"
                } else {
                    "range-middle"
                },
                salience: input.salience,
                capability: input.capability,
                weight: input.weight,
                share: sensitivity.share,
                weighted_mean_range: sensitivity.mean_range,
                weighted_median_range: sensitivity.median_range,
            })
            .collect(),
        moved_most_by: JsonMovedMostBy {
            weighted_mean: view.party_id(prediction.mean_moved_most_by),
            weighted_median: view.party_id(prediction.median_moved_most_by),
        },
        outside_red_lines: prediction
            .refused
            .iter()
            .filter_map(|refused| {
                Some(JsonRefused {
                    prediction: refused.prediction.id(),
                    red_line: json_statement(view, refused.rejection)?,
                })
            })
            .collect(),
    }
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
        prediction: issue
            .prediction
            .as_ref()
            .map(|prediction| json_prediction(view, prediction)),
    }
}
