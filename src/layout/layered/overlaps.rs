//! Clearing overlaps with fixed boxes: each movable box in turn (in reading
//! order: across, then along) is pushed along the layers past whatever it
//! overlaps, fixed or already placed. A uniform grid finds the neighbours,
//! so the cost grows with the boxes, not their pairs.

use std::collections::HashMap;

/// The side of a grid cell, in canvas units: about one card.
const CELL: f32 = 256.0;

/// A rectangle in the layout's frame: `.0` along the layers, `.1` across.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    pub low: (f32, f32),
    pub high: (f32, f32),
}

impl Extent {
    pub fn around(centre: (f32, f32), breadth: f32, depth: f32) -> Self {
        Self {
            low: (centre.0 - breadth / 2.0, centre.1 - depth / 2.0),
            high: (centre.0 + breadth / 2.0, centre.1 + depth / 2.0),
        }
    }

    pub fn union(&self, other: &Self) -> Self {
        Self {
            low: (self.low.0.min(other.low.0), self.low.1.min(other.low.1)),
            high: (self.high.0.max(other.high.0), self.high.1.max(other.high.1)),
        }
    }

    /// Along the layers.
    pub fn length(&self) -> f32 {
        self.high.0 - self.low.0
    }

    /// Across the layers.
    pub fn thickness(&self) -> f32 {
        self.high.1 - self.low.1
    }

    pub fn centre(&self) -> (f32, f32) {
        ((self.low.0 + self.high.0) / 2.0, (self.low.1 + self.high.1) / 2.0)
    }

    /// Whether the two are closer than `gap` both along and across.
    fn crowds(&self, other: &Self, gap: f32) -> bool {
        self.low.0 < other.high.0 + gap
            && other.low.0 < self.high.0 + gap
            && self.low.1 < other.high.1 + gap
            && other.low.1 < self.high.1 + gap
    }

    fn cells(&self, gap: f32) -> impl Iterator<Item = (i64, i64)> {
        let cell = |value: f32| (value / CELL).floor() as i64;
        let (first_along, last_along) = (cell(self.low.0 - gap), cell(self.high.0 + gap));
        let (first_across, last_across) = (cell(self.low.1 - gap), cell(self.high.1 + gap));
        (first_along..=last_along).flat_map(move |a| (first_across..=last_across).map(move |b| (a, b)))
    }
}

/// The extents with every movable one (`fixed[i]` false) pushed along until
/// it keeps `gap` from all others; fixed ones are left as they are.
pub fn clear_overlaps(mut extents: Vec<Extent>, fixed: &[bool], gap: f32) -> Vec<Extent> {
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let insert = |grid: &mut HashMap<(i64, i64), Vec<usize>>, index: usize, extent: &Extent| {
        for cell in extent.cells(0.0) {
            grid.entry(cell).or_default().push(index);
        }
    };
    for (index, extent) in extents.iter().enumerate().filter(|&(i, _)| fixed[i]) {
        insert(&mut grid, index, extent);
    }
    let mut movable: Vec<usize> = (0..extents.len()).filter(|&i| !fixed[i]).collect();
    movable.sort_by(|&a, &b| {
        let (a_extent, b_extent) = (&extents[a], &extents[b]);
        a_extent.low.1.total_cmp(&b_extent.low.1).then(a_extent.low.0.total_cmp(&b_extent.low.0)).then(a.cmp(&b))
    });
    for index in movable {
        let mut extent = extents[index];
        loop {
            let blocking_end = extent
                .cells(gap)
                .filter_map(|cell| grid.get(&cell))
                .flatten()
                .filter(|&&other| extents[other].crowds(&extent, gap))
                .map(|&other| extents[other].high.0)
                .fold(f32::NEG_INFINITY, f32::max);
            if blocking_end == f32::NEG_INFINITY {
                break;
            }
            let push = blocking_end + gap - extent.low.0;
            extent.low.0 += push;
            extent.high.0 += push;
        }
        extents[index] = extent;
        insert(&mut grid, index, &extent);
    }
    extents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_movable_box_is_pushed_past_a_fixed_one() {
        let fixed = Extent::around((0.0, 0.0), 100.0, 50.0);
        let movable = Extent::around((20.0, 10.0), 100.0, 50.0);
        let cleared = clear_overlaps(vec![fixed, movable], &[true, false], 10.0);
        assert_eq!(cleared[0], fixed);
        assert_eq!(cleared[1].low.0, 60.0);
        assert_eq!(cleared[1].low.1, movable.low.1);
    }

    #[test]
    fn pushed_boxes_push_the_next() {
        let extents = vec![
            Extent::around((0.0, 0.0), 100.0, 50.0),
            Extent::around((0.0, 0.0), 100.0, 50.0),
            Extent::around((120.0, 0.0), 100.0, 50.0),
        ];
        let cleared = clear_overlaps(extents, &[true, false, false], 10.0);
        assert_eq!(cleared[1].low.0, 60.0);
        assert_eq!(cleared[2].low.0, 170.0);
    }

    #[test]
    fn boxes_far_apart_stay() {
        let extents = vec![Extent::around((0.0, 0.0), 10.0, 10.0), Extent::around((500.0, 900.0), 10.0, 10.0)];
        assert_eq!(clear_overlaps(extents.clone(), &[true, false], 10.0), extents);
    }
}
