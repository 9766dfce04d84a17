//! Blocs: a party whose file lists `members` (NATO and its members, the EU and its states).
//! The analysis can count a bloc as one actor or its members one by one, never both without
//! saying so; and on each issue a bloc's members may diverge: how far apart they stand, and
//! who breaks ranks — a member whose acceptable range does not meet the bloc's.

use crate::analysis::{Analysis, analyse_at};
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
    arranged(negotiation, chosen, |_| mode, |_| true)
}

/// The parties `chosen`, each chosen bloc counted as `mode_of` says for it: taken whole, its
/// members are folded into it wherever they stand; taken by its members, it gives way to
/// those of them `may_show` allows, in its place and in file order (itself, when it allows
/// none, so that a bloc never vanishes with nobody in its stead). A bloc that is a member of
/// another is, inside that one, simply a member.
pub fn arranged(
    negotiation: &Negotiation,
    chosen: &[usize],
    mode_of: impl Fn(usize) -> BlocMode,
    may_show: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let chosen_blocs: Vec<(Bloc, BlocMode)> = blocs(negotiation)
        .into_iter()
        .filter(|b| chosen.contains(&b.bloc))
        .map(|b| {
            let mode = mode_of(b.bloc);
            (b, mode)
        })
        .collect();
    // A member's place is its bloc's, whichever way the bloc counts.
    let inside_a_chosen_bloc = |party: usize| {
        chosen_blocs
            .iter()
            .any(|(b, _)| b.bloc != party && b.members.contains(&party))
    };
    let mut arranged: Vec<usize> = Vec::new();
    for &party in chosen {
        if inside_a_chosen_bloc(party) {
            continue;
        }
        match chosen_blocs.iter().find(|(b, _)| b.bloc == party) {
            Some((bloc, BlocMode::Members)) => {
                let shown: Vec<usize> = bloc
                    .members
                    .iter()
                    .copied()
                    .filter(|&member| may_show(member))
                    .collect();
                if shown.is_empty() {
                    arranged.push(party);
                } else {
                    arranged.extend(shown);
                }
            }
            _ => arranged.push(party),
        }
    }
    let mut seen = std::collections::HashSet::new();
    arranged.retain(|p| seen.insert(*p));
    arranged
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
    divergence_at(negotiation, bloc, None)
}

/// [`divergence`] as things stood at `round` (`None`: the latest).
pub fn divergence_at(
    negotiation: &Negotiation,
    bloc: &Bloc,
    round: Option<usize>,
) -> Vec<Divergence> {
    let mut parties = vec![bloc.bloc];
    parties.extend(bloc.members.iter().copied());
    let analysis = analyse_at(negotiation, &parties, round);
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
