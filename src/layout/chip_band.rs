//! Where evidence chips without a place of their own go, for the window and
//! the figures alike: in a band under the claims, each as near as it can be
//! to the middle of the claims it bears on, in rows no wider than the claims
//! (a full row continues in a new row below), so that a map with thousands of
//! unplaced chips stays as wide as its claims.

/// Between neighbouring chips of a row, and between rows.
const CHIP_GAP: f32 = 20.0;
/// Rows are at least this wide, however narrow the claims above.
const MIN_ROW_WIDTH: f32 = 2_400.0;

/// A chip to place: `index` is the caller's, `wanted_x` the middle of the claims it bears on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnplacedChip {
    pub index: usize,
    pub wanted_x: f32,
    pub width: f32,
    pub height: f32,
}

/// The top-left corner of each chip, as `(index, left, top)`, left to right
/// then row by row. The band starts at `band_top`; its rows run from `left`
/// to `right` (widened to `MIN_ROW_WIDTH`).
pub fn place_in_band(mut chips: Vec<UnplacedChip>, band_top: f32, left: f32, right: f32) -> Vec<(usize, f32, f32)> {
    chips.sort_by(|a, b| a.wanted_x.total_cmp(&b.wanted_x).then(a.index.cmp(&b.index)));
    let right = right.max(left + MIN_ROW_WIDTH);
    // For each row: where its next chip may start, and its tallest chip.
    let mut rows: Vec<(f32, f32)> = Vec::new();
    let mut placed: Vec<(usize, f32, usize)> = Vec::with_capacity(chips.len());
    for chip in chips {
        // Never past the row's right end; a chip wider than the whole row starts at its left end.
        let wanted_left = (chip.wanted_x - chip.width / 2.0).min((right - chip.width).max(left));
        let fits = |&(next_free, _): &(f32, f32)| wanted_left.max(next_free) + chip.width <= right;
        let row = match rows.iter().position(fits) {
            Some(row) => row,
            None => {
                rows.push((f32::NEG_INFINITY, 0.0));
                rows.len() - 1
            }
        };
        let (next_free, tallest) = &mut rows[row];
        let chip_left = wanted_left.max(*next_free);
        *next_free = chip_left + chip.width + CHIP_GAP;
        *tallest = tallest.max(chip.height);
        placed.push((chip.index, chip_left, row));
    }
    let mut row_tops = Vec::with_capacity(rows.len());
    let mut top = band_top;
    for &(_, tallest) in &rows {
        row_tops.push(top);
        top += tallest + CHIP_GAP;
    }
    placed.into_iter().map(|(index, chip_left, row)| (index, chip_left, row_tops[row])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chip(index: usize, wanted_x: f32) -> UnplacedChip {
        UnplacedChip { index, wanted_x, width: 200.0, height: 50.0 + index as f32 }
    }

    fn overlap(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> bool {
        a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
    }

    #[test]
    fn a_few_chips_sit_in_one_row_under_their_claims() {
        let placed = place_in_band(vec![chip(0, 500.0), chip(1, 100.0), chip(2, 1_500.0)], 300.0, 0.0, 2_000.0);
        assert_eq!(placed, vec![(1, 0.0, 300.0), (0, 400.0, 300.0), (2, 1_400.0, 300.0)]);
    }

    #[test]
    fn thousands_of_chips_wrap_into_rows_no_wider_than_the_claims_and_never_overlap() {
        let chips: Vec<UnplacedChip> = (0..2_000).map(|i| chip(i, (i % 37) as f32 * 100.0)).collect();
        let placed = place_in_band(chips.clone(), 1_000.0, 0.0, 4_000.0);
        assert_eq!(placed.len(), 2_000);
        let rects: Vec<(f32, f32, f32, f32)> =
            placed.iter().map(|&(index, left, top)| (left, top, chips[index].width, chips[index].height)).collect();
        assert!(rects.iter().all(|r| r.0 >= -100.0 && r.0 + r.2 <= 4_000.0 && r.1 >= 1_000.0), "inside the band");
        for (i, a) in rects.iter().enumerate() {
            assert!(rects[i + 1..].iter().all(|b| !overlap(*a, *b)), "chip {i} overlaps another");
        }
    }

    #[test]
    fn a_narrow_map_still_gets_rows_of_a_readable_width() {
        let chips: Vec<UnplacedChip> = (0..30).map(|i| chip(i, 0.0)).collect();
        let placed = place_in_band(chips, 0.0, 0.0, 200.0);
        let widest = placed.iter().map(|&(_, left, _)| left + 200.0).fold(0.0, f32::max);
        assert!(widest > 2_000.0 && widest <= MIN_ROW_WIDTH, "{widest}");
    }
}
