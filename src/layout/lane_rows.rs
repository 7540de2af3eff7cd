//! Packs the labels of a timeline lane into sub-rows so that no two overlap:
//! the labels that come first (the events a selection draws out) are packed
//! before the others, and each label goes into the first row where it fits.
//! Labels that find no row within the limit are marked hidden: their marks
//! are still drawn, where they cut the least short of the labels they stand
//! on (never one that comes first, while there is another place), and those
//! labels end before them (or are hidden, with too little left), so that no
//! mark is drawn over another event's label. A label cut short at its cap
//! may run on into the room its row leaves free.

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
    /// Whether its label is placed before the others' (an event the selection draws out).
    pub first: bool,
    /// What its marks take while its label is hidden: its marker alone, for
    /// its bar or its dates' band are then drawn slim along the row's foot,
    /// beneath the labels; nothing at all for a span.
    pub slim: Option<(f32, f32)>,
}

impl LabelExtent {
    /// An item drawn with no label (a cluster's badge and markers).
    pub fn marks_only(start: f32, end: f32) -> Self {
        Self { start, marks_end: end, label_start: end, end, first: false, slim: Some((start, end)) }
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

/// What an item takes in its row: all of its extent with its label, or only its marks.
#[derive(Clone, Copy)]
struct Taken {
    extent: LabelExtent,
    label_shown: bool,
}

impl Taken {
    /// What it takes of its row, if anything.
    fn range(&self) -> Option<(f32, f32)> {
        if self.label_shown { Some((self.extent.start, self.extent.end)) } else { self.extent.slim }
    }

    /// What its marks take of its row.
    fn marks(&self) -> Option<(f32, f32)> {
        if self.label_shown { Some((self.extent.start, self.extent.marks_end)) } else { self.extent.slim }
    }
}

/// Whether `a` and `b` come nearer than `gap`.
fn near(a: (f32, f32), b: (f32, f32), gap: f32) -> bool {
    a.0 < b.1 + gap && b.0 < a.1 + gap
}

/// Assigns each extent a row among at most `max_rows` (at least one), leaving
/// `gap` pixels between neighbours. Returns one assignment per extent, in the
/// order given, and the number of rows used.
pub fn pack_rows(extents: &[LabelExtent], max_rows: usize, gap: f32) -> (Vec<RowAssignment>, usize) {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| {
        let (a_extent, b_extent) = (&extents[a], &extents[b]);
        b_extent.first.cmp(&a_extent.first).then(a_extent.start.total_cmp(&b_extent.start)).then(a.cmp(&b))
    });
    let mut rows: Vec<Vec<Taken>> = Vec::new();
    let mut assignments = vec![RowAssignment { row: 0, label_shown: false, label_end: f32::INFINITY }; extents.len()];
    for index in order {
        let extent = extents[index];
        let whole = (extent.start, extent.end);
        let free_row =
            rows.iter().position(|row| row.iter().filter_map(Taken::range).all(|taken| !near(taken, whole, gap)));
        let (row, label_shown) = match free_row {
            Some(row) => (row, true),
            None if rows.len() < max_rows => {
                rows.push(Vec::new());
                (rows.len() - 1, true)
            }
            None => {
                // No room for the label: the marks go where they harm the labels they stand on least.
                let harm = |row: &Vec<Taken>| extent.slim.map_or((false, false, 0.0), |slim| harm(row, slim, gap));
                let best = rows
                    .iter()
                    .enumerate()
                    .min_by(|a, b| harm(a.1).partial_cmp(&harm(b.1)).unwrap_or(std::cmp::Ordering::Equal));
                let Some((row, _)) = best else { continue };
                (row, false)
            }
        };
        if let Some(taken) = rows.get_mut(row) {
            taken.push(Taken { extent, label_shown });
        }
        assignments[index] = RowAssignment { row, label_shown, label_end: f32::INFINITY };
    }
    cut_labels_short(extents, &mut assignments, gap);
    (assignments, rows.len().max(1))
}

/// How much harm marks whose label is hidden, taking `marks`, would do in
/// `row`: whether they stand on a label that comes first, whether they stand
/// on other marks, and how much of the labels they stand on would be lost.
fn harm(row: &[Taken], marks: (f32, f32), gap: f32) -> (bool, bool, f32) {
    let mut harm = (false, false, 0.0);
    for taken in row {
        harm.1 |= taken.marks().is_some_and(|other| near(other, marks, gap));
        if taken.label_shown && near((taken.extent.label_start, taken.extent.end), marks, gap) {
            harm.0 |= taken.extent.first;
            harm.2 += taken.extent.end - (marks.0 - gap).max(taken.extent.label_start);
        }
    }
    harm
}

/// Ends each label where the next item of its row begins, less `gap`
/// (infinity for the last of a row), and hides a label that marks before it
/// stand on or that is left narrower than [`MIN_LABEL_WIDTH`] (unless it is
/// whole). Items whose labels are hidden count: their marks are drawn. A
/// hidden label that now has room (the label it would have stood on was
/// left too narrow) is shown after all, where its marks stay as they are.
fn cut_labels_short(extents: &[LabelExtent], rows: &mut [RowAssignment], gap: f32) {
    let marks = |index: usize| {
        let taken = Taken { extent: extents[index], label_shown: rows[index].label_shown };
        taken.marks().map(|marks| (rows[index].row, marks, index))
    };
    let mut order: Vec<(usize, (f32, f32), usize)> = (0..extents.len().min(rows.len())).filter_map(marks).collect();
    order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.0.total_cmp(&b.1.0)));
    let mut marks_end_before = f32::NEG_INFINITY;
    for (at, &(row, (_, marks_end), this)) in order.iter().enumerate() {
        let next = order.get(at + 1).filter(|next| next.0 == row);
        let extent = &extents[this];
        let label_end = next.map_or(f32::INFINITY, |next| next.1.0 - gap);
        let least = MIN_LABEL_WIDTH.min(extent.end - extent.label_start);
        let assignment = &mut rows[this];
        assignment.label_end = label_end;
        let marks_stay = extent.slim == Some((extent.start, extent.marks_end));
        assignment.label_shown = (assignment.label_shown || marks_stay)
            && label_end - extent.label_start >= least
            && marks_end_before + gap <= extent.label_start;
        marks_end_before = if next.is_some() { marks_end_before.max(marks_end) } else { f32::NEG_INFINITY };
    }
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
        LabelExtent {
            start,
            marks_end: start + 10.0,
            label_start: start + 10.0,
            end,
            first: false,
            slim: Some((start, start + 10.0)),
        }
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
        // A hidden span's bar (100..300) runs beneath the labels: it takes no room, and cuts nothing short.
        let span =
            LabelExtent { start: 100.0, marks_end: 300.0, label_start: 106.0, end: 300.0, first: false, slim: None };
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), span, extent(200.0, 260.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, false, true]);
        assert_eq!(rows[0].label_end, 190.0);
    }

    #[test]
    fn the_label_of_an_event_drawn_out_comes_first() {
        let drawn_out = LabelExtent { first: true, ..extent(60.0, 200.0) };
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), drawn_out], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn a_hidden_label_is_shown_after_all_where_the_label_it_stood_on_was_left_too_narrow() {
        // Both drawn out, one row: the second's marker leaves the first 30 points, and the second has room.
        let first = |start, end| LabelExtent { first: true, ..extent(start, end) };
        let (rows, _) = pack_rows(&[first(0.0, 150.0), first(50.0, 200.0), extent(400.0, 500.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true, true]);
        assert_eq!(rows[1].label_end, 390.0);
    }

    #[test]
    fn a_label_left_too_little_room_by_a_marker_is_hidden() {
        // The second one's marker leaves the first 10 points; the second then has the row to itself.
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), extent(30.0, 200.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    proptest::proptest! {
        #[test]
        fn no_mark_stands_on_another_item_s_shown_label(
            items in proptest::collection::vec(
                (0.0f32..2_000.0, 1.0f32..300.0, 0.0f32..20.0, 0.0f32..300.0, proptest::bool::weighted(0.2), 0.0f32..30.0),
                0..80,
            ),
            max_rows in 1usize..5,
        ) {
            let extents: Vec<LabelExtent> = items
                .iter()
                .map(|&(start, marks, offset, label, first, slim)| {
                    let (label_start, marks_end) = (start + offset, start + marks);
                    // Some take nothing while hidden (spans), some a marker, some all their marks.
                    let slim = (slim >= 10.0).then(|| (start, marks_end.min(start + slim)));
                    LabelExtent { start, marks_end, label_start, end: (label_start + label).max(marks_end), first, slim }
                })
                .collect();
            let (rows, _) = pack_rows(&extents, max_rows, 4.0);
            for (a, row_a) in rows.iter().enumerate().filter(|(_, row)| row.label_shown) {
                for (b, row_b) in rows.iter().enumerate().filter(|&(b, row)| b != a && row.row == row_a.row) {
                    let marks = if row_b.label_shown { Some((extents[b].start, extents[b].marks_end)) } else { extents[b].slim };
                    let Some(marks) = marks else { continue };
                    let label = (extents[a].label_start, row_a.label_end);
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
