//! Files that could not be read: one that loads again joins the others, keeping their
//! edits; one that still does not says what is wrong with it now.

use std::path::Path;

use common_ground_core::io::LoadOutcome;
use common_ground_core::negotiation::FileId;
use common_ground_core::problem::{Problem, sort_problems};
use common_ground_core::validate::validate;

use super::{Workspace, problem_key};

impl Workspace {
    /// Takes in a file that had failed to load and now does, from `outcome`, a load of just
    /// that file; the other files and their edits stay as they are. `None` when it still
    /// does not load, or was not left out.
    pub fn take_in_left_out(&mut self, path: &Path, outcome: LoadOutcome) -> Option<FileId> {
        if !self.unreadable.iter().any(|file| file.path == path) {
            return None;
        }
        // Checks of the file alone find what the whole negotiation may not (a party it
        // waits on that another file holds): only what loading itself found is kept.
        let validated_alone = validate(&outcome.negotiation);
        let LoadOutcome {
            negotiation,
            problems,
            ..
        } = outcome;
        let file = if let Some(agenda) = negotiation.agenda.filter(|agenda| agenda.path == path) {
            self.baseline_agenda = Some(agenda.data.clone());
            self.negotiation.agenda = Some(agenda);
            FileId::Agenda
        } else {
            let party = negotiation
                .parties
                .into_iter()
                .find(|party| party.path == path)?;
            let index = self.negotiation.parties.len();
            self.baseline_parties.resize(index, None);
            self.baseline_parties.push(Some(party.data.clone()));
            self.negotiation.parties.push(party);
            FileId::Party(index)
        };
        self.unreadable.retain(|file| file.path != path);
        // What loading found in it before (the error that left it out) gives way to what
        // loading finds now.
        self.load_problems.retain(|problem| problem.file != path);
        let revalidated = validate(&self.negotiation);
        let same = |a: &Problem, b: &Problem| {
            a.file == b.file && a.path == b.path && a.message == b.message
        };
        for problem in problems.into_iter().filter(|problem| problem.file == path) {
            if revalidated.iter().any(|p| same(p, &problem)) {
                if let Some(position) = problem.position {
                    self.positions.insert(problem_key(&problem), position);
                }
            } else if problem.follows_from.is_none()
                && !validated_alone.iter().any(|p| same(p, &problem))
            {
                self.load_problems.push(problem);
            }
        }
        self.refresh();
        Some(file)
    }

    /// A file that did not load was tried again and still does not: its reason and its
    /// problems become what this try found.
    pub fn still_unreadable(&mut self, path: &Path, outcome: &LoadOutcome) {
        let now = common_ground_core::io::left_out(
            &outcome.files,
            &outcome.negotiation,
            &outcome.problems,
        );
        for file in &mut self.unreadable {
            if let Some(found) = now.iter().find(|found| found.path == file.path) {
                file.reason.clone_from(&found.reason);
            }
        }
        self.load_problems.retain(|problem| problem.file != path);
        self.load_problems.extend(
            outcome
                .problems
                .iter()
                .filter(|problem| problem.file == path && problem.is_error())
                .cloned(),
        );
        sort_problems(&mut self.load_problems);
        self.refresh();
    }
}
