//! Shares a timeline's rows among its lanes: how many rows a lane needs to
//! show the labels of each [`Priority`] (packed by [`pack_rows`]), and the
//! rows each lane gets of those the timeline's height holds.

use super::lane_rows::{LabelExtent, Priority, pack_rows};

/// How many rows a lane needs to show the labels of each [`Priority`] and above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowNeed {
    /// Indexed by priority: `[Other]` is what all its labels need.
    by_priority: [usize; 3],
}

impl RowNeed {
    /// What the items of a lane, `extents`, need among at most `max_rows`,
    /// `gap` apart: for each priority, the fewest rows in which every label
    /// of that priority and above is shown (and not stood on by others' marks).
    pub fn of(extents: &[LabelExtent], max_rows: usize, gap: f32) -> Self {
        let all = pack_rows(extents, max_rows, gap).1;
        let shows_all_of = |priority: Priority, rows: usize| {
            let (assignments, _) = pack_rows(extents, rows, gap);
            assignments
                .iter()
                .zip(extents)
                .all(|(assignment, extent)| extent.priority < priority || assignment.label_shown)
        };
        // The fewest rows (by halving: more rows show no fewer labels) in
        // which every label of `priority` and above is shown; `all` at most.
        let need = |priority: Priority| {
            if !extents.iter().any(|extent| extent.priority >= priority) {
                return 0;
            }
            let (mut fewest, mut enough) = (1, all);
            while fewest < enough {
                let rows = (fewest + enough) / 2;
                if shows_all_of(priority, rows) { enough = rows } else { fewest = rows + 1 }
            }
            enough
        };
        let selected = need(Priority::Selected);
        // Without labels drawn out, those of that priority and above are the selected ones.
        let drawn_out = if extents.iter().any(|extent| extent.priority == Priority::DrawnOut) {
            need(Priority::DrawnOut)
        } else {
            selected
        };
        Self { by_priority: [all, drawn_out, selected] }
    }

    /// What all its labels need.
    pub fn all(&self) -> usize {
        self.by_priority[Priority::Other as usize]
    }
}

/// Shares `budget` rows among lanes that each need some: every lane gets at
/// least one and no more than it needs; spare rows go first to the lanes
/// whose selected events' labels want rows, then to those whose labels drawn
/// out do, then to the rest, each time to the lanes that want the most
/// (water-filling).
pub fn share_rows(needs: &[RowNeed], budget: usize) -> Vec<usize> {
    let mut shares = vec![1usize; needs.len()];
    let mut left = budget.saturating_sub(needs.len());
    for priority in [Priority::Selected, Priority::DrawnOut, Priority::Other] {
        let wanted = |need: &RowNeed| need.by_priority[priority as usize].min(need.all());
        while left > 0 {
            let hungriest = shares
                .iter()
                .zip(needs.iter().map(wanted))
                .enumerate()
                .filter(|(_, (share, need))| **share < *need)
                .max_by_key(|(index, (share, need))| (*need - **share, std::cmp::Reverse(*index)));
            let Some((index, _)) = hungriest else { break };
            shares[index] += 1;
            left -= 1;
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::lane_rows::tests::extent;

    fn needs(all: &[usize]) -> Vec<RowNeed> {
        all.iter().map(|&all| RowNeed { by_priority: [all, 0, 0] }).collect()
    }

    #[test]
    fn rows_go_where_they_are_needed() {
        assert_eq!(share_rows(&needs(&[1, 4, 2]), 10), [1, 4, 2]);
        assert_eq!(share_rows(&needs(&[1, 4, 3]), 6), [1, 3, 2]);
        assert_eq!(share_rows(&needs(&[5, 5]), 1), [1, 1]);
        assert!(share_rows(&[], 5).is_empty());
    }

    #[test]
    fn rows_go_to_the_selected_labels_then_to_those_drawn_out_then_to_the_others() {
        let need = |all, drawn_out, selected| RowNeed { by_priority: [all, drawn_out, selected] };
        let needs = [need(5, 1, 1), need(3, 3, 2), need(2, 0, 0)];
        assert_eq!(share_rows(&needs, 4), [1, 2, 1]);
        assert_eq!(share_rows(&needs, 5), [1, 3, 1]);
        assert_eq!(share_rows(&needs, 7), [3, 3, 1], "then to the lane that wants the most");
    }

    #[test]
    fn a_lane_needs_rows_for_its_labels_of_each_priority_and_for_all() {
        let with = |priority, start, end| LabelExtent { priority, ..extent(start, end) };
        let extents = [
            with(Priority::Selected, 0.0, 100.0),
            extent(20.0, 120.0),
            with(Priority::DrawnOut, 50.0, 150.0),
            extent(60.0, 160.0),
        ];
        // In one row the others' markers stand on the selected label; in two on the one drawn out.
        assert_eq!(RowNeed::of(&extents, 10, 4.0), RowNeed { by_priority: [4, 3, 2] });
        assert_eq!(RowNeed::of(&extents[1..2], 10, 4.0), RowNeed { by_priority: [1, 0, 0] });
        // Two rows show the selected label, but in one the other's marker stands on it.
        let close = [with(Priority::Selected, 0.0, 300.0), extent(30.0, 100.0)];
        assert_eq!(RowNeed::of(&close, 10, 4.0), RowNeed { by_priority: [2, 2, 2] });
    }
}
