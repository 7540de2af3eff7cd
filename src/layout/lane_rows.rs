//! Packs the labels of a timeline lane into sub-rows so that no two overlap:
//! greedy interval packing, left to right, each label into the first row it
//! fits. Labels that find no row within the limit are marked hidden: their
//! marks are still drawn, on the row that frees up first, and the label they
//! fall on is cut short before them (or hidden, with too little left), so
//! that no mark is drawn over another event's label. Once packed, a label
//! cut short may run on into the room its row leaves free.

use super::timeline_dimensions::MIN_LABEL_WIDTH;

/// The horizontal extent, in pixels, that an item, its marks and its label occupy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelExtent {
    pub start: f32,
    /// Where its marks (marker, band, bar) end; a label-less item's marks end at `end`.
    pub marks_end: f32,
    /// Where its label begins.
    pub label_start: f32,
    pub end: f32,
}

impl LabelExtent {
    /// An item drawn with no label (a cluster's badge and markers).
    pub fn marks_only(start: f32, end: f32) -> Self {
        Self { start, marks_end: end, label_start: end, end }
    }
}

/// Where an item went: its row, whether its label is drawn, and how far it may run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowAssignment {
    pub row: usize,
    pub label_shown: bool,
    /// Where its label must end: where the next item of its row begins, less
    /// the gap (infinity for the last of a row). Its label may run on to it,
    /// and is cut short before it where a hidden neighbour's mark stands.
    pub label_end: f32,
}

/// Assigns each extent a row among at most `max_rows` (at least one), leaving
/// `gap` pixels between neighbours. Returns one assignment per extent, in the
/// order given, and the number of rows used.
pub fn pack_rows(extents: &[LabelExtent], max_rows: usize, gap: f32) -> (Vec<RowAssignment>, usize) {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| extents[a].start.total_cmp(&extents[b].start).then(a.cmp(&b)));
    let mut row_ends: Vec<f32> = Vec::new();
    let mut assignments = vec![RowAssignment { row: 0, label_shown: false, label_end: f32::INFINITY }; extents.len()];
    for index in order {
        let extent = extents[index];
        let free_row = row_ends.iter().position(|&end| end + gap <= extent.start);
        let (row, label_shown) = match free_row {
            Some(row) => {
                row_ends[row] = extent.end;
                (row, true)
            }
            None if row_ends.len() < max_rows => {
                row_ends.push(extent.end);
                (row_ends.len() - 1, true)
            }
            None => {
                // No room for the label: the marks go on the row that frees up first, cutting
                // short the label they stand on, and keep their place in the row.
                let Some((row, end)) = row_ends.iter_mut().enumerate().min_by(|a, b| a.1.total_cmp(b.1)) else {
                    continue;
                };
                *end = end.max(extent.marks_end);
                (row, false)
            }
        };
        assignments[index] = RowAssignment { row, label_shown, label_end: f32::INFINITY };
    }
    let label_ends = room_after(extents, &assignments, gap);
    for ((assignment, extent), label_end) in assignments.iter_mut().zip(extents).zip(label_ends) {
        assignment.label_end = label_end;
        let least = MIN_LABEL_WIDTH.min(extent.end - extent.label_start);
        assignment.label_shown &= label_end - extent.label_start >= least;
    }
    (assignments, row_ends.len().max(1))
}

/// For each packed extent, where the next item of its row begins, less
/// `gap`: how far its label may run on (infinity for the last of a row).
/// Items whose labels are hidden still count: their marks are drawn.
fn room_after(extents: &[LabelExtent], rows: &[RowAssignment], gap: f32) -> Vec<f32> {
    let mut order: Vec<usize> = (0..extents.len().min(rows.len())).collect();
    order.sort_by(|&a, &b| rows[a].row.cmp(&rows[b].row).then(extents[a].start.total_cmp(&extents[b].start)));
    let mut room = vec![f32::INFINITY; extents.len()];
    for pair in order.windows(2) {
        let [this, next] = [pair[0], pair[1]];
        if rows[this].row == rows[next].row {
            room[this] = extents[next].start - gap;
        }
    }
    room
}

/// Shares `budget` rows among lanes that each `need` some: every lane gets
/// at least one, no lane more than it needs, and spare rows go to the lanes
/// that need the most (water-filling).
pub fn share_rows(needs: &[usize], budget: usize) -> Vec<usize> {
    let mut shares = vec![1usize; needs.len()];
    let mut left = budget.saturating_sub(needs.len());
    while left > 0 {
        let hungriest = shares
            .iter()
            .zip(needs)
            .enumerate()
            .filter(|(_, (share, need))| share < need)
            .max_by_key(|(index, (share, need))| (**need - **share, std::cmp::Reverse(*index)));
        let Some((index, _)) = hungriest else { break };
        shares[index] += 1;
        left -= 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_where_they_are_needed() {
        assert_eq!(share_rows(&[1, 4, 2], 10), [1, 4, 2]);
        assert_eq!(share_rows(&[1, 4, 3], 6), [1, 3, 2]);
        assert_eq!(share_rows(&[5, 5], 1), [1, 1]);
        assert!(share_rows(&[], 5).is_empty());
    }

    /// An event whose marker takes 10 pixels, its label the rest.
    fn extent(start: f32, end: f32) -> LabelExtent {
        LabelExtent { start, marks_end: start + 10.0, label_start: start + 10.0, end }
    }

    #[test]
    fn labels_that_overlap_go_to_separate_rows() {
        let extents = [extent(0.0, 100.0), extent(50.0, 150.0), extent(120.0, 200.0), extent(160.0, 250.0)];
        let (rows, used) = pack_rows(&extents, 4, 4.0);
        assert_eq!(used, 2);
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [0, 1, 0, 1]);
        assert!(rows.iter().all(|r| r.label_shown));
    }

    #[test]
    fn shown_labels_never_overlap_within_a_row() {
        let extents: Vec<LabelExtent> =
            (0..200).map(|i| extent((i * 37 % 500) as f32, (i * 37 % 500) as f32 + 80.0)).collect();
        let (rows, _) = pack_rows(&extents, 3, 2.0);
        for (a, ra) in rows.iter().enumerate() {
            for (b, rb) in rows.iter().enumerate().skip(a + 1) {
                if ra.label_shown && rb.label_shown && ra.row == rb.row {
                    let (x, y) = (extents[a], extents[b]);
                    assert!(x.end + 2.0 <= y.start || y.end + 2.0 <= x.start, "{a} and {b} overlap");
                }
            }
        }
        assert!(rows.iter().any(|r| !r.label_shown), "200 labels cannot fit 3 rows");
    }

    #[test]
    fn a_label_may_run_on_to_the_next_item_of_its_row() {
        let extents = [extent(0.0, 100.0), extent(50.0, 150.0), extent(300.0, 400.0), extent(170.0, 250.0)];
        let (rows, _) = pack_rows(&extents, 2, 10.0);
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [0, 1, 0, 0]);
        assert_eq!(rows.iter().map(|r| r.label_end).collect::<Vec<_>>(), [160.0, f32::INFINITY, f32::INFINITY, 290.0]);
    }

    #[test]
    fn a_hidden_label_s_marker_cuts_the_label_it_falls_on_short_and_keeps_its_place() {
        // One row: the second event's label is hidden; its marker (100..110) stands on the first one's label.
        let extents = [extent(0.0, 150.0), extent(100.0, 200.0), extent(160.0, 260.0)];
        let (rows, used) = pack_rows(&extents, 1, 10.0);
        assert_eq!(used, 1);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, false, true]);
        assert_eq!(rows[0].label_end, 90.0, "the first label ends before the hidden marker");
        // A hidden span's bar (100..300) keeps later labels off it.
        let hidden_span = LabelExtent { start: 100.0, marks_end: 300.0, label_start: 106.0, end: 300.0 };
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), hidden_span, extent(200.0, 260.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, false, false]);
    }

    #[test]
    fn a_label_left_too_little_room_by_a_marker_is_hidden() {
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), extent(30.0, 200.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, false]);
    }

    proptest::proptest! {
        #[test]
        fn no_mark_stands_on_another_item_s_shown_label(
            items in proptest::collection::vec((0.0f32..2_000.0, 1.0f32..300.0, 0.0f32..20.0, 0.0f32..300.0), 0..80),
            max_rows in 1usize..5,
        ) {
            let extents: Vec<LabelExtent> = items
                .iter()
                .map(|&(start, marks, offset, label)| {
                    let label_start = start + offset;
                    LabelExtent { start, marks_end: start + marks, label_start, end: (label_start + label).max(start + marks) }
                })
                .collect();
            let (rows, _) = pack_rows(&extents, max_rows, 4.0);
            for (a, row_a) in rows.iter().enumerate().filter(|(_, row)| row.label_shown) {
                for (b, row_b) in rows.iter().enumerate().filter(|&(b, row)| b != a && row.row == row_a.row) {
                    let (label, marks) = ((extents[a].label_start, row_a.label_end), (extents[b].start, extents[b].marks_end));
                    proptest::prop_assert!(label.1 <= marks.0 || marks.1 <= label.0, "{b}'s marks {marks:?} on {a}'s label {label:?} ({row_b:?})");
                }
            }
        }
    }

    #[test]
    fn nothing_to_pack_uses_one_row() {
        assert_eq!(pack_rows(&[], 0, 1.0), (vec![], 1));
    }
}
