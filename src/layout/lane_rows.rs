//! Packs the labels of a timeline lane into sub-rows so that no two overlap:
//! the labels of higher [`Priority`] (the selected events, then those the
//! selection draws out) are packed before the others, and each label goes
//! into the first row where it fits, or, with every row taken, where it fits
//! cut short (it and the labels before it keep at least [`MIN_LABEL_WIDTH`];
//! a label is cut short only for one of at least its priority). Labels that
//! find no row within the limit are marked hidden: their marks are still
//! drawn, where they cut the least short of the labels they stand on (never
//! one of a higher priority, while there is another place), and those
//! labels end before them (or are hidden, with too little left), so that no
//! mark is drawn over another event's label. A label cut short at its cap
//! may run on into the room its row leaves free. A label goes before its
//! marker where its row leaves room there: whole, one that after it would
//! run past the plot's end; at least [`MIN_LABEL_WIDTH`] of one that found
//! no room after it.

use super::timeline_dimensions::MIN_LABEL_WIDTH;

/// The room an item's label may take before its marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBefore {
    /// The earliest it may begin: the plot's start.
    pub earliest: f32,
    /// Where it ends: as far from its marks as it would begin after them.
    pub end: f32,
    /// Its whole title's width.
    pub width: f32,
    /// Whether after its marks it would run past the plot's end.
    pub cut_after: bool,
}

/// Which labels are placed before the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    #[default]
    Other,
    /// An event the selection (or the story's step) draws out.
    DrawnOut,
    /// A selected event.
    Selected,
}

/// The horizontal extent, in pixels, that an item, its marks and its label occupy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelExtent {
    pub start: f32,
    /// Where its marks (marker, band, bar) end; a label-less item's marks end at `end`.
    pub marks_end: f32,
    /// Where its label begins.
    pub label_start: f32,
    pub end: f32,
    /// Which labels it is placed before.
    pub priority: Priority,
    /// The room its label may take before its marks (a point event's).
    pub before: Option<LabelBefore>,
    /// What its marks take while its label is hidden: its marker alone, for
    /// its bar or its dates' band are then drawn slim along the row's foot,
    /// beneath the labels; nothing at all for a span.
    pub slim: Option<(f32, f32)>,
}

impl LabelExtent {
    /// An item drawn with no label (a cluster's badge and markers).
    pub fn marks_only(start: f32, end: f32) -> Self {
        Self {
            start,
            marks_end: end,
            label_start: end,
            end,
            priority: Priority::Other,
            before: None,
            slim: Some((start, end)),
        }
    }
}

/// Where an item went: its row, whether its label is drawn, and how far it may run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowAssignment {
    pub row: usize,
    pub label_shown: bool,
    /// Where its label begins if it is drawn before its marks (it ends at [`LabelBefore::end`]).
    pub label_before: Option<f32>,
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

    /// What it takes of its row at the least beside `newcomer`: with its label
    /// cut to [`MIN_LABEL_WIDTH`], unless `newcomer` is of a lower priority.
    fn least_beside(&self, newcomer: &LabelExtent) -> Option<(f32, f32)> {
        if self.label_shown && newcomer.priority >= self.extent.priority {
            Some(least_range(&self.extent))
        } else {
            self.range()
        }
    }
}

/// What an extent takes with its label cut to [`MIN_LABEL_WIDTH`] (or whole, if shorter).
fn least_range(extent: &LabelExtent) -> (f32, f32) {
    let least_label = MIN_LABEL_WIDTH.min(extent.end - extent.label_start);
    (extent.start, (extent.label_start + least_label).max(extent.marks_end))
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
        b_extent.priority.cmp(&a_extent.priority).then(a_extent.start.total_cmp(&b_extent.start)).then(a.cmp(&b))
    });
    let mut rows: Vec<Vec<Taken>> = Vec::new();
    let unplaced = RowAssignment { row: 0, label_shown: false, label_before: None, label_end: f32::INFINITY };
    let mut assignments = vec![unplaced; extents.len()];
    for index in order {
        let extent = extents[index];
        let whole = (extent.start, extent.end);
        let free_row =
            rows.iter().position(|row| row.iter().filter_map(Taken::range).all(|taken| !near(taken, whole, gap)));
        let least = least_range(&extent);
        let room_cut_short = || {
            rows.iter().position(|row| {
                row.iter().filter_map(|taken| taken.least_beside(&extent)).all(|taken| !near(taken, least, gap))
            })
        };
        let (row, label_shown) = match free_row {
            Some(row) => (row, true),
            None if rows.len() < max_rows => {
                rows.push(Vec::new());
                (rows.len() - 1, true)
            }
            None if let Some(row) = room_cut_short() => (row, true),
            None => {
                // No room for the label: the marks go where they harm the labels they stand on least.
                let harm = |row: &Vec<Taken>| {
                    extent.slim.map_or((Priority::Other, 0, false, 0.0), |slim| harm(row, slim, gap))
                };
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
        assignments[index] = RowAssignment { row, label_shown, label_before: None, label_end: f32::INFINITY };
    }
    cut_labels_short(extents, &mut assignments, gap);
    move_labels_before(extents, &mut assignments, gap);
    (assignments, rows.len().max(1))
}

/// How much harm marks whose label is hidden, taking `marks`, would do in
/// `row`: the highest priority of the labels they stand on, how many of those
/// they would leave too narrow to show, whether they stand on other marks,
/// and how much of the labels they stand on would be lost.
fn harm(row: &[Taken], marks: (f32, f32), gap: f32) -> (Priority, usize, bool, f32) {
    let mut harm = (Priority::Other, 0, false, 0.0);
    for taken in row {
        harm.2 |= taken.marks().is_some_and(|other| near(other, marks, gap));
        let extent = &taken.extent;
        if taken.label_shown && stands_on(marks, (extent.label_start, extent.end), gap) {
            harm.0 = harm.0.max(extent.priority);
            let left = marks.0 - gap - extent.label_start;
            harm.1 += usize::from(left < MIN_LABEL_WIDTH.min(extent.end - extent.label_start));
            harm.3 += extent.end - (marks.0 - gap).max(extent.label_start);
        }
    }
    harm
}

/// Whether `marks` stand on `label`, or come nearer its end than `gap`
/// (marks that end where a label begins, as its own marker does, stand beside it).
fn stands_on(marks: (f32, f32), label: (f32, f32), gap: f32) -> bool {
    marks.1 > label.0 && marks.0 < label.1 + gap
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
    // Where marks begin together, those of a hidden label come first: a hidden
    // marker on a shown one's place stands beside that label, not after it.
    let shown = |at: &(usize, (f32, f32), usize)| rows[at.2].label_shown;
    order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.0.total_cmp(&b.1.0)).then(shown(a).cmp(&shown(b))));
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
            && marks_end_before <= extent.label_start;
        marks_end_before = if next.is_some() { marks_end_before.max(marks_end) } else { f32::NEG_INFINITY };
    }
}

/// Moves a label before its marks where its row leaves room there, free of
/// others' marks and of their labels as packed and at least `gap` from them:
/// whole, a shown label that after its marks would run past the plot's end;
/// at least [`MIN_LABEL_WIDTH`] of a hidden one whose marks stay as they are
/// (its marker), which is then shown. A label before it that ran on into
/// that room ends short of it (no shorter than packed). Labels of a higher
/// priority move first.
fn move_labels_before(extents: &[LabelExtent], rows: &mut [RowAssignment], gap: f32) {
    let count = extents.len().min(rows.len());
    let mut order: Vec<usize> = (0..count).filter(|&index| extents[index].before.is_some()).collect();
    order.sort_by(|&a, &b| {
        let (a_extent, b_extent) = (&extents[a], &extents[b]);
        b_extent.priority.cmp(&a_extent.priority).then(a_extent.start.total_cmp(&b_extent.start))
    });
    for this in order {
        let extent = extents[this];
        let Some(before) = extent.before else { continue };
        let assignment = rows[this];
        let moves = if assignment.label_shown {
            before.cut_after
        } else {
            extent.slim == Some((extent.start, extent.marks_end))
        };
        if !moves {
            continue;
        }
        let taken = |other: usize| match rows[other].label_before {
            Some(start) if rows[other].label_shown => Some((start, extents[other].marks_end)),
            _ => Taken { extent: extents[other], label_shown: rows[other].label_shown }.range(),
        };
        let row: Vec<usize> = (0..count).filter(|&other| other != this && rows[other].row == assignment.row).collect();
        let free_from = row
            .iter()
            .copied()
            .filter_map(taken)
            .filter(|range| range.0 < before.end)
            .fold(before.earliest, |free_from, range| free_from.max(range.1 + gap));
        let room = before.end - free_from;
        let enough = if assignment.label_shown { before.width } else { MIN_LABEL_WIDTH.min(before.width) };
        if room < enough {
            continue;
        }
        let start = free_from.max(before.end - before.width);
        rows[this].label_before = Some(start);
        rows[this].label_shown = true;
        for &other in &row {
            if rows[other].label_before.is_none() && extents[other].label_start < start {
                rows[other].label_end = rows[other].label_end.min(start - gap);
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An event whose marker takes 10 pixels, its label the rest.
    pub(in crate::layout) fn extent(start: f32, end: f32) -> LabelExtent {
        LabelExtent {
            start,
            marks_end: start + 10.0,
            label_start: start + 10.0,
            end,
            priority: Priority::Other,
            before: None,
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
        // A hidden span's bar (50..300) runs beneath the labels: it takes no room, and cuts nothing short.
        let span = LabelExtent {
            start: 50.0,
            marks_end: 300.0,
            label_start: 56.0,
            end: 300.0,
            slim: None,
            ..extent(0.0, 0.0)
        };
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), span, extent(200.0, 260.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, false, true]);
        assert_eq!(rows[0].label_end, 190.0);
    }

    #[test]
    fn the_label_of_an_event_drawn_out_comes_first() {
        let drawn_out = LabelExtent { priority: Priority::DrawnOut, ..extent(60.0, 200.0) };
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), drawn_out], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn a_hidden_label_is_shown_after_all_where_the_label_it_stood_on_was_left_too_narrow() {
        // Both drawn out, one row: the second's marker leaves the first 30 points, and the second has room.
        let first = |start, end| LabelExtent { priority: Priority::DrawnOut, ..extent(start, end) };
        let (rows, _) = pack_rows(&[first(0.0, 150.0), first(50.0, 200.0), extent(400.0, 500.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true, true]);
        assert_eq!(rows[1].label_end, 390.0);
    }

    #[test]
    fn a_hidden_marker_on_a_shown_one_s_place_leaves_its_label_whole() {
        let selected = LabelExtent { priority: Priority::Selected, ..extent(100.0, 300.0) };
        let (rows, _) = pack_rows(&[extent(100.0, 300.0), selected], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
        assert_eq!(rows[1].label_end, f32::INFINITY);
    }

    #[test]
    fn a_hidden_marker_goes_on_other_marks_rather_than_leave_a_label_too_narrow() {
        // Rows: [0..300], [60..200]; the third's marker (60..70) would leave the first label 40 points.
        let (rows, _) = pack_rows(&[extent(0.0, 300.0), extent(60.0, 200.0), extent(60.0, 250.0)], 2, 10.0);
        assert_eq!(rows.iter().map(|r| (r.row, r.label_shown)).collect::<Vec<_>>(), [(0, true), (1, true), (1, false)]);
    }

    fn before(end: f32, width: f32, cut_after: bool) -> Option<LabelBefore> {
        Some(LabelBefore { earliest: 0.0, end, width, cut_after })
    }

    #[test]
    fn a_label_that_would_run_past_the_plot_s_end_goes_whole_before_its_marks_where_that_room_is_free() {
        let near_the_end = LabelExtent { before: before(298.0, 118.0, true), ..extent(300.0, 500.0) };
        let (rows, _) = pack_rows(&[extent(0.0, 100.0), near_the_end], 1, 10.0);
        assert_eq!(
            rows.iter().map(|r| (r.label_shown, r.label_before)).collect::<Vec<_>>(),
            [(true, None), (true, Some(180.0))]
        );
        assert_eq!(rows[0].label_end, 170.0, "the label before it ends before its label");
        // The room before it taken: after its marks.
        let (rows, _) = pack_rows(&[extent(0.0, 250.0), near_the_end], 1, 10.0);
        assert_eq!(rows.iter().map(|r| (r.label_shown, r.label_before)).collect::<Vec<_>>(), [(true, None); 2]);
        // Room enough after it: it stays there.
        let room_after = LabelExtent { before: before(298.0, 118.0, false), ..extent(300.0, 500.0) };
        let (rows, _) = pack_rows(&[extent(0.0, 100.0), room_after], 1, 10.0);
        assert_eq!(rows[1].label_before, None);
    }

    #[test]
    fn a_label_with_no_room_after_its_marker_is_shown_before_it_where_there_is_room() {
        // One row: the second's label has no room after its marker (the third's marker), some before it.
        let hidden = LabelExtent { before: before(198.0, 300.0, false), ..extent(200.0, 500.0) };
        let (rows, _) = pack_rows(&[extent(0.0, 80.0), hidden, extent(230.0, 400.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true; 3]);
        assert_eq!(rows[1].label_before, Some(90.0), "cut to the room left after the first label");
        // Too little room before it: hidden.
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), hidden, extent(230.0, 400.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, false, true]);
    }

    #[test]
    fn a_label_left_too_little_room_by_a_marker_is_hidden() {
        // The second one's marker leaves the first 10 points; the second then has the row to itself.
        let (rows, _) = pack_rows(&[extent(0.0, 150.0), extent(30.0, 200.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn with_every_row_taken_a_label_goes_where_it_fits_cut_short() {
        // One row: the first label is cut to make room for the second, and both keep more than the least.
        let (rows, _) = pack_rows(&[extent(0.0, 300.0), extent(120.0, 400.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| (r.row, r.label_shown)).collect::<Vec<_>>(), [(0, true), (0, true)]);
        assert_eq!(rows[0].label_end, 110.0);
        // Too close for both to keep the least: the first is hidden, for the second's marker stands on it.
        let (rows, _) = pack_rows(&[extent(0.0, 300.0), extent(60.0, 400.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn a_label_that_comes_first_is_cut_short_only_for_another_that_comes_first() {
        // Two rows: the third would fit cut short beside the first, were that not drawn out; it goes to the second row.
        let first = |start, end| LabelExtent { priority: Priority::DrawnOut, ..extent(start, end) };
        let (rows, _) = pack_rows(&[first(0.0, 300.0), extent(100.0, 400.0), extent(120.0, 400.0)], 2, 10.0);
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [0, 1, 1]);
        assert_eq!(rows[0].label_end, f32::INFINITY, "the label drawn out is whole");
        let (rows, _) = pack_rows(&[extent(0.0, 300.0), extent(100.0, 400.0), extent(120.0, 400.0)], 2, 10.0);
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [0, 1, 0]);
        assert_eq!(rows[0].label_end, 110.0);
        let (rows, _) = pack_rows(&[first(0.0, 300.0), first(120.0, 400.0)], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [true, true]);
        // A selected label comes before one drawn out.
        let selected = LabelExtent { priority: Priority::Selected, ..extent(60.0, 200.0) };
        let (rows, _) = pack_rows(&[first(0.0, 150.0), selected], 1, 10.0);
        assert_eq!(rows.iter().map(|r| r.label_shown).collect::<Vec<_>>(), [false, true]);
    }

    proptest::proptest! {
        #[test]
        fn no_mark_stands_on_another_item_s_shown_label_nor_a_label_on_another(
            items in proptest::collection::vec(
                (
                    (0.0f32..2_000.0, 1.0f32..300.0, 0.0f32..20.0, 0.0f32..300.0),
                    (proptest::bool::weighted(0.2), 0.0f32..30.0, proptest::bool::weighted(0.3)),
                ),
                0..80,
            ),
            max_rows in 1usize..5,
        ) {
            let extents: Vec<LabelExtent> = items
                .iter()
                .map(|&((start, marks, offset, label), (drawn_out, slim, before))| {
                    let (label_start, marks_end) = (start + offset, start + marks);
                    // Some take nothing while hidden (spans), some a marker, some all their marks.
                    let slim = (slim >= 10.0).then(|| (start, marks_end.min(start + slim)));
                    let priority = if drawn_out { Priority::DrawnOut } else { Priority::Other };
                    let end = (label_start + label).max(marks_end);
                    let before = before.then_some(LabelBefore { earliest: 0.0, end: start - 2.0, width: label, cut_after: drawn_out });
                    LabelExtent { start, marks_end, label_start, end, priority, before, slim }
                })
                .collect();
            let (rows, _) = pack_rows(&extents, max_rows, 4.0);
            let label = |at: usize| match (extents[at].before, rows[at].label_before) {
                (Some(before), Some(start)) => (start, before.end),
                _ => (extents[at].label_start, rows[at].label_end),
            };
            for (a, row_a) in rows.iter().enumerate().filter(|(_, row)| row.label_shown) {
                for (b, row_b) in rows.iter().enumerate().filter(|&(b, row)| b != a && row.row == row_a.row) {
                    let marks = if row_b.label_shown { Some((extents[b].start, extents[b].marks_end)) } else { extents[b].slim };
                    let label_a = label(a);
                    if let Some(marks) = marks {
                        proptest::prop_assert!(label_a.1 <= marks.0 || marks.1 <= label_a.0, "{b}'s marks {marks:?} on {a}'s label {label_a:?} ({row_b:?})");
                    }
                    let label_b = label(b);
                    let apart = label_a.1 <= label_b.0 || label_b.1 <= label_a.0 || !row_b.label_shown;
                    proptest::prop_assert!(apart, "{b}'s label {label_b:?} on {a}'s label {label_a:?}");
                }
            }
        }
    }

    #[test]
    fn nothing_to_pack_uses_one_row() {
        assert_eq!(pack_rows(&[], 0, 1.0), (vec![], 1));
    }
}
