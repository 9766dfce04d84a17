//! The version of the data, and what the last few changes touched: what is derived from the
//! data (the window's analyses) asks what changed since the version it was made of, and works
//! out again only those issues when it can.

use std::collections::VecDeque;

use common_ground_core::edit::Touched;

/// Changes remembered; what was made of an older version is made afresh.
const REMEMBERED: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct Versions {
    now: u64,
    /// The version each change made, and what it touched, oldest first.
    recent: VecDeque<(u64, Touched)>,
}

impl Versions {
    pub(crate) fn now(&self) -> u64 {
        self.now
    }

    /// The data changed; `touched` says where.
    pub(crate) fn changed(&mut self, touched: Touched) {
        self.now += 1;
        if self.recent.len() == REMEMBERED {
            self.recent.pop_front();
        }
        self.recent.push_back((self.now, touched));
    }

    /// What the changes after `version` touched together; everything when they are not all
    /// remembered (or `version` is not one this made).
    pub(crate) fn touched_since(&self, version: u64) -> Touched {
        if version == self.now {
            return Touched::nothing();
        }
        let oldest_remembered = self.recent.front().map_or(self.now + 1, |(made, _)| *made);
        if version > self.now || version + 1 < oldest_remembered {
            return Touched::Everything;
        }
        self.recent
            .iter()
            .filter(|(made, _)| *made > version)
            .fold(Touched::nothing(), |all, (_, touched)| {
                all.and(touched.clone())
            })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn issues(ids: &[&str]) -> Touched {
        Touched::Issues(
            ids.iter()
                .map(|id| (*id).to_owned())
                .collect::<BTreeSet<_>>(),
        )
    }

    #[test]
    fn what_changed_since_a_version_is_every_later_change_together_and_everything_once_forgotten() {
        let mut versions = Versions::default();
        versions.changed(issues(&["a"]));
        versions.changed(issues(&["b"]));
        versions.changed(issues(&["a", "c"]));
        assert_eq!(versions.now(), 3);
        assert_eq!(versions.touched_since(3), Touched::nothing());
        assert_eq!(versions.touched_since(2), issues(&["a", "c"]));
        assert_eq!(versions.touched_since(0), issues(&["a", "b", "c"]));
        assert_eq!(versions.touched_since(4), Touched::Everything);

        versions.changed(Touched::Everything);
        versions.changed(issues(&["d"]));
        assert_eq!(versions.touched_since(3), Touched::Everything);
        assert_eq!(versions.touched_since(4), issues(&["d"]));

        for _ in 0..REMEMBERED {
            versions.changed(issues(&["e"]));
        }
        // Version 5's change (to "d") is forgotten: since 4 is unknown, since 5 is not.
        assert_eq!(versions.touched_since(4), Touched::Everything);
        assert_eq!(versions.touched_since(5), issues(&["e"]));
    }
}
