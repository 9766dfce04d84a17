//! Blocs: a party whose file lists `members` (NATO and its members, the EU and its states).
//! The analysis can count a bloc as one actor or its members one by one, never both without
//! saying so; and on each issue a bloc's members may diverge: how far apart they stand, and
//! who breaks ranks — a member whose acceptable range does not meet the bloc's.

use crate::analysis::{Analysis, analyse};
use crate::model::Range;
use crate::negotiation::Negotiation;

/// How the parties chosen count a bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlocMode {
    /// The bloc as one actor: its members are left out of the comparison.
    Whole,
    /// The members one by one: the bloc itself is left out.
    Members,
}

/// A bloc and the members of it that are loaded, as indices into the negotiation's parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bloc {
    pub bloc: usize,
    pub members: Vec<usize>,
}

/// Every party that declares members, with those of them that are loaded, in file order.
pub fn blocs(negotiation: &Negotiation) -> Vec<Bloc> {
    negotiation
        .parties
        .iter()
        .enumerate()
        .filter(|(_, file)| !file.data.party.members.is_empty())
        .map(|(bloc, file)| Bloc {
            bloc,
            members: file
                .data
                .party
                .members
                .iter()
                .filter_map(|id| negotiation.party_index(id))
                .filter(|&member| member != bloc)
                .collect(),
        })
        .collect()
}

/// The parties `chosen` with each bloc among them counted as `mode` says: `Whole` drops the
/// members of every chosen bloc, `Members` replaces each chosen bloc by its loaded members.
pub fn counted(negotiation: &Negotiation, chosen: &[usize], mode: BlocMode) -> Vec<usize> {
    let blocs = blocs(negotiation);
    let chosen_bloc = |party: usize| {
        blocs
            .iter()
            .find(|b| b.bloc == party && chosen.contains(&party))
    };
    let mut counted: Vec<usize> = Vec::new();
    for &party in chosen {
        match mode {
            BlocMode::Whole => {
                let inside_a_chosen_bloc = blocs
                    .iter()
                    .any(|b| chosen.contains(&b.bloc) && b.members.contains(&party));
                if !inside_a_chosen_bloc {
                    counted.push(party);
                }
            }
            BlocMode::Members => match chosen_bloc(party) {
                Some(bloc) => counted.extend(bloc.members.iter().copied()),
                None => counted.push(party),
            },
        }
    }
    let mut seen = std::collections::HashSet::new();
    counted.retain(|p| seen.insert(*p));
    counted
}

/// The blocs compared alongside members of theirs: their positions are counted twice in the
/// predictions and trades.
pub fn counted_twice(negotiation: &Negotiation, analysis: &Analysis) -> Vec<(usize, Vec<usize>)> {
    blocs(negotiation)
        .into_iter()
        .filter(|b| analysis.parties.contains(&b.bloc))
        .map(|b| {
            let members: Vec<usize> = b
                .members
                .into_iter()
                .filter(|m| analysis.parties.contains(m))
                .collect();
            (b.bloc, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// How a bloc's members stand on one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    pub issue: String,
    /// From the lowest to the highest member's position (stance, or middle of its range).
    pub spread: Range,
    /// Members whose acceptable range does not meet the bloc's own.
    pub breaks_ranks: Vec<usize>,
    /// Members with a stake that say nothing on the issue.
    pub silent: Vec<usize>,
}

/// On each issue where at least one member is placed, the members' spread and who breaks
/// ranks with the bloc, as things stand at the latest round.
pub fn divergence(negotiation: &Negotiation, bloc: &Bloc) -> Vec<Divergence> {
    let mut parties = vec![bloc.bloc];
    parties.extend(bloc.members.iter().copied());
    let analysis = analyse(negotiation, &parties);
    analysis
        .issues
        .iter()
        .filter_map(|issue| {
            let positions: Vec<f64> = issue
                .stands
                .iter()
                .filter(|stand| bloc.members.contains(&stand.party))
                .filter_map(|stand| {
                    let range = stand.range?;
                    let stance = issue
                        .prediction
                        .as_ref()
                        .and_then(|p| p.input(stand.party))
                        .map(|input| input.position);
                    Some(stance.unwrap_or(f64::midpoint(range.min, range.max)))
                })
                .collect();
            let low = positions.iter().copied().fold(f64::INFINITY, f64::min);
            let high = positions.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if positions.is_empty() || !low.is_finite() || !high.is_finite() {
                return None;
            }
            let bloc_range = issue
                .stands
                .iter()
                .find(|stand| stand.party == bloc.bloc)
                .and_then(|stand| stand.range);
            let breaks_ranks = bloc_range.map_or_else(Vec::new, |accepted| {
                issue
                    .stands
                    .iter()
                    .filter(|stand| bloc.members.contains(&stand.party))
                    .filter(|stand| {
                        stand
                            .range
                            .is_some_and(|r| r.intersect(&accepted).is_none())
                    })
                    .map(|stand| stand.party)
                    .collect()
            });
            Some(Divergence {
                issue: issue.issue.clone(),
                spread: Range {
                    min: low,
                    max: high,
                },
                breaks_ranks,
                silent: issue
                    .silent
                    .iter()
                    .copied()
                    .filter(|p| bloc.members.contains(p))
                    .collect(),
            })
        })
        .collect()
}
