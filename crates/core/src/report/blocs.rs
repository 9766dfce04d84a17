//! Blocs in words, shared by the reports: who is a bloc of whom, how far its members stand
//! apart on each issue and who breaks ranks, and a warning when a bloc and members of it are
//! compared together, since the predictions and trades then count them twice.

use super::{Inline, View, range_text};
use crate::analysis::Analysis;
use crate::blocs::{Divergence, blocs, counted_twice, divergence};
use crate::negotiation::Negotiation;

/// How a bloc's members stand on one issue, in the reports' words, for the window to show.
pub fn divergence_words(
    negotiation: &Negotiation,
    analysis: &Analysis,
    divergence: &Divergence,
) -> String {
    View {
        negotiation,
        analysis,
        changes: None,
    }
    .divergence_words(divergence)
}

/// One bloc: "NATO, a bloc of US, UK", then a line per issue its members are placed on.
pub(super) struct BlocWords {
    pub heading: String,
    pub issues: Vec<String>,
}

impl View<'_> {
    /// Every declared bloc with its members' divergence, issue by issue.
    pub(super) fn bloc_words(&self) -> Vec<BlocWords> {
        blocs(self.negotiation)
            .iter()
            .map(|bloc| {
                let heading = if bloc.members.is_empty() {
                    format!(
                        "{}, a bloc none of whose members is loaded",
                        Inline(self.party_name(bloc.bloc))
                    )
                } else {
                    format!(
                        "{}, a bloc of {}",
                        Inline(self.party_name(bloc.bloc)),
                        self.names(&bloc.members)
                    )
                };
                let issues = divergence(self.negotiation, bloc)
                    .iter()
                    .map(|d| {
                        format!(
                            "{}: {}",
                            Inline(self.title(&d.issue)),
                            self.divergence_words(d)
                        )
                    })
                    .collect();
                BlocWords { heading, issues }
            })
            .collect()
    }

    /// "members at 10–70; breaks ranks (outside the bloc's range): b; silent: c".
    fn divergence_words(&self, d: &Divergence) -> String {
        let mut line = format!("members at {}", range_text(d.spread));
        if d.breaks_ranks.is_empty() {
            line.push_str("; nobody breaks ranks");
        } else {
            line.push_str(&format!(
                "; breaks ranks (outside the bloc's range): {}",
                self.names(&d.breaks_ranks)
            ));
        }
        if !d.silent.is_empty() {
            line.push_str(&format!("; silent: {}", self.names(&d.silent)));
        }
        line
    }

    /// A warning for each bloc compared together with members of it.
    pub(super) fn counted_twice_lines(&self) -> Vec<String> {
        counted_twice(self.negotiation, self.analysis)
            .iter()
            .map(|(bloc, members)| {
                format!(
                    "{} and its members {} are compared together: the predictions and trades \
                     count their weight twice (compare --blocs whole or --blocs members counts \
                     each once)",
                    Inline(self.party_name(*bloc)),
                    self.names(members)
                )
            })
            .collect()
    }
}
