//! Packs the labels of a timeline lane into sub-rows so that no two overlap:
//! greedy interval packing, left to right, each label into the first row it
//! fits. Labels that find no row within the limit are marked hidden (their
//! markers are still drawn; hovering shows them). Once packed, a label cut
//! short may run on into the room its row leaves free ([`room_after`]).

/// The horizontal extent, in pixels, that an item and its label occupy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelExtent {
    pub start: f32,
    pub end: f32,
}

/// Where an item went: its row, and whether its label has room to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowAssignment {
    pub row: usize,
    pub label_shown: bool,
}

/// Assigns each extent a row among at most `max_rows` (at least one), leaving
/// `gap` pixels between neighbours. Returns one assignment per extent, in the
/// order given, and the number of rows used.
pub fn pack_rows(extents: &[LabelExtent], max_rows: usize, gap: f32) -> (Vec<RowAssignment>, usize) {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| extents[a].start.total_cmp(&extents[b].start).then(a.cmp(&b)));
    let mut row_ends: Vec<f32> = Vec::new();
    let mut assignments = vec![RowAssignment { row: 0, label_shown: false }; extents.len()];
    for index in order {
        let extent = extents[index];
        let free_row = row_ends.iter().position(|&end| end + gap <= extent.start);
        let assignment = match free_row {
            Some(row) => {
                row_ends[row] = extent.end;
                RowAssignment { row, label_shown: true }
            }
            None if row_ends.len() < max_rows => {
                row_ends.push(extent.end);
                RowAssignment { row: row_ends.len() - 1, label_shown: true }
            }
            None => {
                // No room: keep the marker on the row that frees up first, label hidden.
                let row = row_ends.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(row, _)| row);
                RowAssignment { row, label_shown: false }
            }
        };
        assignments[index] = assignment;
    }
    (assignments, row_ends.len().max(1))
}

/// For each packed extent, where the next item of its row begins, less
/// `gap`: how far its label may run on (infinity for the last of a row).
/// Items whose labels are hidden still count: their markers are drawn.
pub fn room_after(extents: &[LabelExtent], rows: &[RowAssignment], gap: f32) -> Vec<f32> {
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

    fn extent(start: f32, end: f32) -> LabelExtent {
        LabelExtent { start, end }
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
        assert_eq!(room_after(&extents, &rows, 10.0), [160.0, f32::INFINITY, f32::INFINITY, 290.0]);
    }

    #[test]
    fn nothing_to_pack_uses_one_row() {
        assert_eq!(pack_rows(&[], 0, 1.0), (vec![], 1));
    }
}
