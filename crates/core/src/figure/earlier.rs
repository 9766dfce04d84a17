//! A party's range at an earlier round, for the charts that draw it ghosted beside the range
//! now.

use super::chart::Lane;
use crate::analysis::IssueAnalysis;

/// Gives each lane its range at an earlier round, from that round's analysis of the issue,
/// where it differs from the range now.
pub fn with_earlier(lanes: &mut [Lane<'_>], earlier: Option<&IssueAnalysis>) {
    let Some(earlier) = earlier else {
        return;
    };
    for lane in lanes {
        lane.was = earlier
            .stands
            .iter()
            .find(|stand| stand.party == lane.party)
            .and_then(|stand| stand.range)
            .filter(|was| Some(*was) != lane.range);
    }
}
