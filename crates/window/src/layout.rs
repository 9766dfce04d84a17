//! The rows of the side-by-side view, aligned by issue the way a diff viewer aligns lines:
//! each issue is a header row followed by as many lines as its busiest party has statements,
//! so the same issue lines up across all columns. Only the rows in view are ever built, so
//! the row positions are worked out here, once per change, without egui.

use std::collections::BTreeSet;

use common_ground_core::negotiation::StatementKey;
use common_ground_core::rounds::Spans;

use crate::filter::Filters;
use common_ground_document::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RowHeights {
    pub header: f32,
    pub line: f32,
    /// The line under an issue no shown party has spoken to.
    pub empty: f32,
}

/// One issue as the columns show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IssueBlock {
    /// Index into [`Workspace::issues`].
    pub group: usize,
    /// Per shown column, the statements shown, in file order.
    pub cells: Vec<Vec<usize>>,
    /// Statements the shown parties have on this issue, filtered out or not.
    pub total: usize,
    pub collapsed: bool,
}

impl IssueBlock {
    pub(crate) fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub(crate) fn shown(&self) -> usize {
        self.cells.iter().map(Vec::len).sum()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Row {
    /// An issue's title bar, by index into [`ColumnLayout::blocks`].
    Header(usize),
    /// The `line`th statement of each column under an issue.
    Line { block: usize, line: usize },
    /// The note under an issue that no shown party has addressed.
    Empty(usize),
}

impl Row {
    pub(crate) fn block(self) -> usize {
        match self {
            Row::Header(block) | Row::Line { block, .. } | Row::Empty(block) => block,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ColumnLayout {
    /// Party indices, one per column.
    pub parties: Vec<usize>,
    /// For each column, how many of its party's statements hold at the round shown.
    pub held: Vec<usize>,
    pub blocks: Vec<IssueBlock>,
    pub rows: Vec<Row>,
    /// Top of each row, from the top of the first; one more entry for the bottom.
    tops: Vec<f32>,
    /// The row of each block's header.
    header_rows: Vec<usize>,
}

impl ColumnLayout {
    pub(crate) fn build(
        workspace: &Workspace,
        parties: &[usize],
        filters: &Filters,
        collapsed: &BTreeSet<String>,
        (spans, round): (&Spans, Option<usize>),
        heights: RowHeights,
    ) -> Self {
        let held = parties
            .iter()
            .map(|&party| {
                let count = workspace
                    .negotiation
                    .party(party)
                    .map_or(0, |file| file.statements.len());
                (0..count)
                    .filter(|&statement| spans.holds(StatementKey { party, statement }, round))
                    .count()
            })
            .collect();
        let matcher = filters.statement_matcher();
        let mut blocks = Vec::new();
        for (group_index, group) in workspace.issues.iter().enumerate() {
            if !filters.shows_category(&group.category) {
                continue;
            }
            let mut total = 0;
            let cells: Vec<Vec<usize>> = parties
                .iter()
                .map(|&party| {
                    let statements = workspace
                        .negotiation
                        .party(party)
                        .map_or(&[][..], |file| file.statements.as_slice());
                    // Only what held at the round shown is there at all; the filters then
                    // hide some of it.
                    let on_issue: Vec<usize> = workspace
                        .statements_on(group_index, party)
                        .iter()
                        .copied()
                        .filter(|&statement| spans.holds(StatementKey { party, statement }, round))
                        .collect();
                    total += on_issue.len();
                    if matcher.matches_all() {
                        // Without reading 16,000 statements to learn that each one matches.
                        return on_issue;
                    }
                    on_issue
                        .into_iter()
                        .filter(|&statement| {
                            let key = StatementKey { party, statement };
                            statements.get(statement).is_some_and(|s| {
                                matcher.matches(s.kind, workspace.search_text(key))
                            })
                        })
                        .collect()
                })
                .collect();
            let block = IssueBlock {
                group: group_index,
                cells,
                total,
                collapsed: collapsed.contains(&group.id),
            };
            // While kinds or text are filtered, issues with nothing to show are left out;
            // otherwise every agenda issue stays, silent or not.
            let filtered_away =
                block.shown() == 0 && (!filters.kinds.is_empty() || !filters.needle().is_empty());
            if !filtered_away {
                blocks.push(block);
            }
        }

        let mut rows = Vec::new();
        let mut tops = vec![0.0];
        let mut push = |row: Row, height: f32| {
            rows.push(row);
            let top = tops.last().copied().unwrap_or(0.0);
            tops.push(top + height);
        };
        for (index, block) in blocks.iter().enumerate() {
            push(Row::Header(index), heights.header);
            if block.collapsed {
                continue;
            }
            match block.lines() {
                0 => push(Row::Empty(index), heights.empty),
                lines => {
                    (0..lines)
                        .for_each(|line| push(Row::Line { block: index, line }, heights.line));
                }
            }
        }
        let header_rows = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| matches!(row, Row::Header(_)))
            .map(|(index, _)| index)
            .collect();
        ColumnLayout {
            parties: parties.to_vec(),
            held,
            blocks,
            rows,
            tops,
            header_rows,
        }
    }

    pub(crate) fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    pub(crate) fn top(&self, row: usize) -> f32 {
        self.tops.get(row).copied().unwrap_or_else(|| self.height())
    }

    pub(crate) fn row_height(&self, row: usize) -> f32 {
        self.top(row + 1) - self.top(row)
    }

    /// The rows that overlap the band from `top` to `bottom`.
    pub(crate) fn rows_between(&self, top: f32, bottom: f32) -> std::ops::Range<usize> {
        let first = self
            .tops
            .partition_point(|&row_top| row_top <= top)
            .saturating_sub(1);
        let end = self.tops.partition_point(|&row_top| row_top < bottom);
        first.min(self.rows.len())..end.min(self.rows.len())
    }

    /// The row that shows a statement, if the layout shows it.
    pub(crate) fn row_of(&self, key: StatementKey) -> Option<usize> {
        let column = self.parties.iter().position(|&party| party == key.party)?;
        self.rows.iter().position(|row| match *row {
            Row::Line { block, line } => {
                self.blocks[block].cells[column].get(line) == Some(&key.statement)
            }
            _ => false,
        })
    }

    /// The header row of a block.
    pub(crate) fn header_row(&self, block: usize) -> Option<usize> {
        self.header_rows.get(block).copied()
    }

    /// The issue whose title stays pinned while its rows scroll under it, and the title's top,
    /// when the view is scrolled to `scroll_top`: the issue being read once its own title has
    /// gone past the top, pushed up by the next issue's title as that one arrives.
    pub(crate) fn pinned_header(
        &self,
        scroll_top: f32,
        header_height: f32,
    ) -> Option<(usize, f32)> {
        let reading = self.rows_between(scroll_top, scroll_top + 1.0).start;
        let block = self.rows.get(reading)?.block();
        if self.top(self.header_row(block)?) >= scroll_top {
            return None;
        }
        let top = match self.header_row(block + 1) {
            Some(next) => scroll_top.min(self.top(next) - header_height),
            None => scroll_top,
        };
        Some((block, top))
    }

    /// The statement shown in a column on a line, if any.
    pub(crate) fn cell(&self, block: usize, line: usize, column: usize) -> Option<StatementKey> {
        let statement = *self.blocks.get(block)?.cells.get(column)?.get(line)?;
        Some(StatementKey {
            party: *self.parties.get(column)?,
            statement,
        })
    }
}

/// A direction to move the selection in, as the arrow keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
}

impl ColumnLayout {
    /// The statement next to `from` in a direction: the nearest one above or below in the
    /// same column, or on the same line in the nearest column that has one there (else the
    /// nearest line of that column's issue). With nothing selected, the first statement.
    pub(crate) fn neighbour(&self, from: Option<StatementKey>, step: Step) -> Option<StatementKey> {
        let Some(from) = from else {
            return self.first_statement();
        };
        let row = self.row_of(from)?;
        let Row::Line { block, line } = self.rows[row] else {
            return None;
        };
        let column = self.parties.iter().position(|&party| party == from.party)?;
        match step {
            Step::Up => self.rows[..row]
                .iter()
                .rev()
                .find_map(|row| self.cell_in_row(*row, column)),
            Step::Down => self.rows[row + 1..]
                .iter()
                .find_map(|row| self.cell_in_row(*row, column)),
            Step::Left => (0..column)
                .rev()
                .find_map(|other| self.nearest_in_block(block, line, other)),
            Step::Right => (column + 1..self.parties.len())
                .find_map(|other| self.nearest_in_block(block, line, other)),
        }
    }

    fn first_statement(&self) -> Option<StatementKey> {
        self.rows.iter().find_map(|row| {
            (0..self.parties.len()).find_map(|column| self.cell_in_row(*row, column))
        })
    }

    fn cell_in_row(&self, row: Row, column: usize) -> Option<StatementKey> {
        match row {
            Row::Line { block, line } => self.cell(block, line, column),
            _ => None,
        }
    }

    /// The column's statement on `line` of an issue, or its last one above that line.
    fn nearest_in_block(&self, block: usize, line: usize, column: usize) -> Option<StatementKey> {
        let cell = self.blocks.get(block)?.cells.get(column)?;
        if cell.is_empty() {
            return None;
        }
        self.cell(block, line.min(cell.len() - 1), column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use common_ground_core::model::Kind;
    use common_ground_document::Origin;

    const HEIGHTS: RowHeights = RowHeights {
        header: 40.0,
        line: 60.0,
        empty: 20.0,
    };

    fn example() -> Workspace {
        Workspace::open(Origin::Example)
    }

    fn all(workspace: &Workspace) -> Vec<usize> {
        (0..workspace.negotiation.parties.len()).collect()
    }

    /// Every party in file order, nothing collapsed.
    fn filtered(workspace: &Workspace, filters: &Filters) -> ColumnLayout {
        ColumnLayout::build(
            workspace,
            &all(workspace),
            filters,
            &BTreeSet::new(),
            (&Spans::default(), None),
            HEIGHTS,
        )
    }

    fn unfiltered(workspace: &Workspace) -> ColumnLayout {
        filtered(workspace, &Filters::default())
    }

    fn block_of<'a>(layout: &'a ColumnLayout, workspace: &Workspace, id: &str) -> &'a IssueBlock {
        layout
            .blocks
            .iter()
            .find(|block| workspace.issues[block.group].id == id)
            .expect("issue shown")
    }

    #[test]
    fn each_issue_has_as_many_lines_as_its_busiest_party_has_statements() {
        let workspace = example();
        let parties = all(&workspace);
        let layout = unfiltered(&workspace);
        assert_eq!(layout.blocks.len(), workspace.issues.len());
        for block in &layout.blocks {
            let id = &workspace.issues[block.group].id;
            let busiest = parties
                .iter()
                .map(|&p| {
                    workspace.negotiation.parties[p]
                        .data
                        .statements
                        .iter()
                        .filter(|s| s.issue == *id)
                        .count()
                })
                .max()
                .unwrap();
            assert_eq!(block.lines(), busiest, "{id}");
        }
        // Every statement appears exactly once.
        let statements: usize = workspace
            .negotiation
            .parties
            .iter()
            .map(|p| p.data.statements.len())
            .sum();
        assert_eq!(
            layout.blocks.iter().map(IssueBlock::shown).sum::<usize>(),
            statements
        );
    }

    #[test]
    fn row_positions_add_up_and_find_the_rows_in_view() {
        let workspace = example();
        let layout = unfiltered(&workspace);
        let expected: f32 = layout
            .rows
            .iter()
            .map(|row| match row {
                Row::Header(_) => 40.0,
                Row::Line { .. } => 60.0,
                Row::Empty(_) => 20.0,
            })
            .sum();
        assert_eq!(layout.height(), expected);
        // The first issue's header is 0..40 and its first line 40..100.
        assert_eq!(layout.rows_between(0.0, 40.0), 0..1);
        assert_eq!(layout.rows_between(39.0, 41.0), 0..2);
        assert_eq!(layout.rows_between(45.0, 50.0), 1..2);
        assert_eq!(
            layout.rows_between(expected + 10.0, expected + 20.0).len(),
            0
        );
    }

    #[test]
    fn collapsed_issues_keep_only_their_header() {
        let workspace = example();
        let collapsed: BTreeSet<String> = ["nato-membership".to_owned()].into();
        let layout = ColumnLayout::build(
            &workspace,
            &all(&workspace),
            &Filters::default(),
            &collapsed,
            (&Spans::default(), None),
            HEIGHTS,
        );
        let block = layout
            .blocks
            .iter()
            .position(|b| workspace.issues[b.group].id == "nato-membership")
            .unwrap();
        assert!(layout.blocks[block].collapsed);
        assert_eq!(
            layout
                .rows
                .iter()
                .filter(|row| row.block() == block)
                .count(),
            1
        );
    }

    #[test]
    fn a_kind_filter_drops_other_kinds_and_issues_left_empty() {
        let workspace = example();
        let filters = Filters {
            kinds: [Kind::Rejection].into(),
            ..Filters::default()
        };
        let layout = filtered(&workspace, &filters);
        assert!(!layout.blocks.is_empty());
        for block in &layout.blocks {
            assert!(block.shown() > 0);
            for (column, cell) in block.cells.iter().enumerate() {
                for &statement in cell {
                    let party = &workspace.negotiation.parties[layout.parties[column]].data;
                    assert_eq!(party.statements[statement].kind, Kind::Rejection);
                }
            }
        }
        let rejections = workspace
            .negotiation
            .parties
            .iter()
            .flat_map(|p| &p.data.statements)
            .filter(|s| s.kind == Kind::Rejection)
            .count();
        assert_eq!(
            layout.blocks.iter().map(IssueBlock::shown).sum::<usize>(),
            rejections
        );
    }

    #[test]
    fn hidden_parties_have_no_column_and_silent_issues_get_an_empty_row() {
        let workspace = example();
        let russia = workspace.negotiation.party_index("russia").unwrap();
        let layout = ColumnLayout::build(
            &workspace,
            &[russia],
            &Filters::default(),
            &BTreeSet::new(),
            (&Spans::default(), None),
            HEIGHTS,
        );
        assert_eq!(layout.parties, [russia]);
        let silent = block_of(&layout, &workspace, "incident-avoidance");
        assert_eq!(silent.lines(), 0);
        let index = layout.blocks.iter().position(|b| b == silent).unwrap();
        assert!(layout.rows.contains(&Row::Empty(index)));
    }

    #[test]
    fn a_statement_is_found_on_its_row_and_cell() {
        let workspace = example();
        let parties = all(&workspace);
        let layout = unfiltered(&workspace);
        let us = workspace.negotiation.party_index("us").unwrap();
        for statement in 0..workspace.negotiation.parties[us].data.statements.len() {
            let key = StatementKey {
                party: us,
                statement,
            };
            let row = layout.row_of(key).expect("every statement has a row");
            let Row::Line { block, line } = layout.rows[row] else {
                panic!("statements sit on lines");
            };
            let column = parties.iter().position(|&p| p == us).unwrap();
            assert_eq!(layout.cell(block, line, column), Some(key));
        }
    }

    #[test]
    fn arrow_steps_move_through_columns_and_lines() {
        let workspace = example();
        let layout = unfiltered(&workspace);
        let first = layout
            .neighbour(None, Step::Down)
            .expect("a first statement");
        // The first statement is the first column's first statement on the first issue.
        assert_eq!(first, layout.cell(0, 0, 0).unwrap());
        // Right walks across the same line; past the last column there is nothing.
        let second = layout.neighbour(Some(first), Step::Right).unwrap();
        assert_eq!(second, layout.cell(0, 0, 1).unwrap());
        let third = layout.neighbour(Some(second), Step::Right).unwrap();
        assert_eq!(layout.neighbour(Some(third), Step::Right), None);
        assert_eq!(layout.neighbour(Some(third), Step::Left), Some(second));
        // Down from the first issue's only line goes to the next issue's first line.
        let below = layout.neighbour(Some(first), Step::Down).unwrap();
        assert_eq!(below, layout.cell(1, 0, 0).unwrap());
        assert_eq!(layout.neighbour(Some(below), Step::Up), Some(first));
        assert_eq!(layout.neighbour(Some(first), Step::Up), None);
    }

    #[test]
    fn a_step_sideways_into_a_shorter_cell_lands_on_its_last_statement() {
        let workspace = example();
        let layout = unfiltered(&workspace);
        // Find an issue where some column has more lines than its neighbour to the left.
        let (block, column) = layout
            .blocks
            .iter()
            .enumerate()
            .find_map(|(b, block)| {
                (1..block.cells.len())
                    .find(|&c| {
                        block.cells[c].len() > block.cells[c - 1].len()
                            && !block.cells[c - 1].is_empty()
                    })
                    .map(|c| (b, c))
            })
            .expect("the example has uneven cells");
        let deepest = layout.blocks[block].cells[column].len() - 1;
        let from = layout.cell(block, deepest, column).unwrap();
        let left_len = layout.blocks[block].cells[column - 1].len();
        assert_eq!(
            layout.neighbour(Some(from), Step::Left),
            layout.cell(block, left_len - 1, column - 1)
        );
    }

    #[test]
    fn the_title_of_the_issue_being_read_is_pinned_and_pushed_up_by_the_next() {
        let workspace = example();
        let layout = unfiltered(&workspace);
        // Issue 0: header 0..40, then its lines; issue 1's header starts at `next`.
        let next = layout.top(layout.header_row(1).unwrap());
        assert_eq!(
            layout.pinned_header(0.0, 40.0),
            None,
            "its own title is in view"
        );
        assert_eq!(layout.pinned_header(10.0, 40.0), Some((0, 10.0)));
        assert_eq!(
            layout.pinned_header(next - 60.0, 40.0),
            Some((0, next - 60.0))
        );
        // Within a title's height of the next issue, the pinned title slides up.
        assert_eq!(
            layout.pinned_header(next - 20.0, 40.0),
            Some((0, next - 40.0))
        );
        assert_eq!(
            layout.pinned_header(next + 5.0, 40.0),
            Some((1, next + 5.0))
        );
        assert_eq!(layout.pinned_header(layout.height() + 100.0, 40.0), None);
    }

    #[test]
    fn a_category_filter_keeps_only_that_category() {
        let workspace = example();
        let category = workspace.issues[0].category.clone();
        let filters = Filters {
            category: Some(category.clone()),
            ..Filters::default()
        };
        let layout = filtered(&workspace, &filters);
        assert!(!layout.blocks.is_empty());
        assert!(
            layout
                .blocks
                .iter()
                .all(|b| workspace.issues[b.group].category == category)
        );
        assert!(layout.blocks.len() < workspace.issues.len());
    }
}
