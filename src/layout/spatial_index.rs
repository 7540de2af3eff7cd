//! A uniform grid over the map's canvas, so that drawing and hit tests look
//! only at the items near a rectangle or a point instead of at every item.
//! Rectangles are filed in every cell they touch; line segments only in the
//! cells they pass through, so that a long link costs a strip of cells rather
//! than its whole bounding box. Built once per revision of the map — or, when
//! an edit moved only a few items, the previous grid is kept and the moved
//! items are looked at one by one beside it ([`SpatialIndex::rebuilt_with`]).
//! Queries answer exactly (the grid finds candidates, each is then tested), in
//! key order, each key once.

/// An axis-aligned rectangle (`min` ≤ `max` on both axes for a non-empty one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Bounds {
    pub fn new(min: [f32; 2], max: [f32; 2]) -> Self {
        Self { min, max }
    }

    fn is_finite(&self) -> bool {
        self.min.iter().chain(&self.max).all(|v| v.is_finite())
    }

    fn intersects(&self, other: &Bounds) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }

    fn contains(&self, point: [f32; 2]) -> bool {
        (self.min[0]..=self.max[0]).contains(&point[0]) && (self.min[1]..=self.max[1]).contains(&point[1])
    }

    fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    fn around(a: [f32; 2], b: [f32; 2]) -> Bounds {
        Bounds { min: [a[0].min(b[0]), a[1].min(b[1])], max: [a[0].max(b[0]), a[1].max(b[1])] }
    }
}

/// What an item occupies.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    Rect(Bounds),
    Segment([f32; 2], [f32; 2]),
}

impl Shape {
    fn bounds(&self) -> Bounds {
        match *self {
            Shape::Rect(bounds) => bounds,
            Shape::Segment(a, b) => Bounds::around(a, b),
        }
    }

    fn intersects(&self, area: &Bounds) -> bool {
        match *self {
            Shape::Rect(bounds) => bounds.intersects(area),
            Shape::Segment(a, b) => clip_segment(a, b, area).is_some(),
        }
    }
}

/// The part of the segment `a`–`b` inside `area`, as the range of the
/// parameter t (0 at `a`, 1 at `b`); `None` if it misses (Liang–Barsky).
pub fn clip_segment(a: [f32; 2], b: [f32; 2], area: &Bounds) -> Option<(f32, f32)> {
    let (mut enter, mut leave) = (0.0f32, 1.0f32);
    for axis in 0..2 {
        let delta = b[axis] - a[axis];
        for (p, q) in [(-delta, a[axis] - area.min[axis]), (delta, area.max[axis] - a[axis])] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else if p < 0.0 {
                enter = enter.max(q / p);
            } else {
                leave = leave.min(q / p);
            }
        }
    }
    (enter <= leave).then_some((enter, leave))
}

/// Collects the items of an index: rectangles and segments, each with a key.
pub struct SpatialIndexBuilder<K> {
    items: Vec<(K, Shape)>,
}

impl<K> Default for SpatialIndexBuilder<K> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<K: Copy + Ord> SpatialIndexBuilder<K> {
    /// Files the rectangle `bounds` under `key`. Items with a coordinate that
    /// is not finite are never drawn, and so never found.
    pub fn insert_rect(&mut self, key: K, bounds: Bounds) {
        self.items.push((key, Shape::Rect(bounds)));
    }

    /// Files the line segment from `a` to `b` under `key`.
    pub fn insert_segment(&mut self, key: K, a: [f32; 2], b: [f32; 2]) {
        self.items.push((key, Shape::Segment(a, b)));
    }

    /// Lays the grid over everything inserted: cells about as large as the
    /// typical item, and no more than [`MAX_CELLS_PER_SIDE`] to a side.
    pub fn build(self) -> SpatialIndex<K> {
        let items: Vec<(K, Shape)> = self.items.into_iter().filter(|(_, shape)| shape.bounds().is_finite()).collect();
        let bounds = items
            .iter()
            .map(|(_, shape)| shape.bounds())
            .reduce(|all, bounds| all.union(&bounds))
            .unwrap_or(Bounds::new([0.0, 0.0], [0.0, 0.0]));
        let grid = Grid::over(bounds, typical_size(&items));
        let mut cell_counts = vec![0u32; grid.cell_count() + 1];
        for (_, shape) in &items {
            grid.for_each_cell(shape, |cell| cell_counts[cell + 1] += 1);
        }
        for cell in 1..cell_counts.len() {
            cell_counts[cell] += cell_counts[cell - 1];
        }
        let cell_starts = cell_counts;
        let mut filled = cell_starts.clone();
        let mut entries = vec![0u32; cell_starts.last().map_or(0, |&total| total as usize)];
        for (item, (_, shape)) in items.iter().enumerate() {
            grid.for_each_cell(shape, |cell| {
                entries[filled[cell] as usize] = item as u32;
                filled[cell] += 1;
            });
        }
        SpatialIndex { grid, cell_starts, entries, items, loose: Vec::new() }
    }
}

/// Items that moved since the grid was made, beyond which it is made anew:
/// at least this many, and at least a sixteenth of all items.
const MOST_LOOSE_ITEMS: usize = 64;

/// The most cells along either side of the grid.
pub const MAX_CELLS_PER_SIDE: usize = 256;

/// The median of the items' larger sides (segments count as their longer
/// extent), so that a typical rectangle touches a handful of cells.
fn typical_size<K>(items: &[(K, Shape)]) -> f32 {
    let mut sizes: Vec<f32> = items
        .iter()
        .filter_map(|(_, shape)| match shape {
            Shape::Rect(bounds) => Some((bounds.max[0] - bounds.min[0]).max(bounds.max[1] - bounds.min[1])),
            Shape::Segment(..) => None,
        })
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().filter(|size| *size > 0.0).unwrap_or(100.0)
}

/// Where the cells lie: `columns` × `rows` squares of `cell_size` from `origin`.
#[derive(Clone, Copy, Debug)]
struct Grid {
    origin: [f32; 2],
    cell_size: f32,
    columns: usize,
    rows: usize,
}

impl Grid {
    fn over(bounds: Bounds, typical_size: f32) -> Self {
        let width = bounds.max[0] - bounds.min[0];
        let height = bounds.max[1] - bounds.min[1];
        let cell_size = typical_size.max(width.max(height) / MAX_CELLS_PER_SIDE as f32).max(1e-3);
        let cells = |extent: f32| ((extent / cell_size).floor() as usize + 1).clamp(1, MAX_CELLS_PER_SIDE);
        Self { origin: bounds.min, cell_size, columns: cells(width), rows: cells(height) }
    }

    fn cell_count(&self) -> usize {
        self.columns * self.rows
    }

    /// The column (axis 0) or row (axis 1) that coordinate `value` falls in,
    /// clamped to the grid.
    fn slot(&self, axis: usize, value: f32) -> usize {
        let last = if axis == 0 { self.columns } else { self.rows } - 1;
        let slot = ((value - self.origin[axis]) / self.cell_size).floor();
        if slot <= 0.0 { 0 } else { (slot as usize).min(last) }
    }

    /// The columns and rows of the cells `area` overlaps.
    fn span(&self, area: &Bounds) -> ([usize; 2], [usize; 2]) {
        ([self.slot(0, area.min[0]), self.slot(0, area.max[0])], [self.slot(1, area.min[1]), self.slot(1, area.max[1])])
    }

    fn for_each_cell(&self, shape: &Shape, mut visit: impl FnMut(usize)) {
        match *shape {
            Shape::Rect(bounds) => {
                let (columns, rows) = self.span(&bounds);
                for row in rows[0]..=rows[1] {
                    for column in columns[0]..=columns[1] {
                        visit(row * self.columns + column);
                    }
                }
            }
            Shape::Segment(a, b) => {
                // Column by column: the rows the segment crosses within each
                // column's strip, widened by a hair so that rounding never drops a cell.
                let (columns, _) = self.span(&Bounds::around(a, b));
                for column in columns[0]..=columns[1] {
                    let left = self.origin[0] + column as f32 * self.cell_size;
                    let strip = Bounds::new(
                        [left - self.cell_size * 1e-3, f32::NEG_INFINITY],
                        [left + self.cell_size * 1.001, f32::INFINITY],
                    );
                    let Some((enter, leave)) = clip_segment(a, b, &strip) else { continue };
                    let y_at = |t: f32| a[1] + (b[1] - a[1]) * t;
                    let (top, bottom) = (y_at(enter).min(y_at(leave)), y_at(enter).max(y_at(leave)));
                    let margin = self.cell_size * 1e-3;
                    for row in self.slot(1, top - margin)..=self.slot(1, bottom + margin) {
                        visit(row * self.columns + column);
                    }
                }
            }
        }
    }
}

/// Items filed by the grid cells they touch (see the module docs).
pub struct SpatialIndex<K> {
    grid: Grid,
    /// Where each cell's entries start in `entries` (one more than the cells).
    cell_starts: Vec<u32>,
    /// Item numbers, cell after cell.
    entries: Vec<u32>,
    /// Every item with its shape as it is now, in the order filed.
    items: Vec<(K, Shape)>,
    /// Items whose shape changed since the grid was made: its cells may not
    /// list them where they are now, so every query tests them too.
    loose: Vec<u32>,
}

impl<K: Copy + Ord> SpatialIndex<K> {
    /// The index of `builder`'s items. When they are this index's items (the
    /// same keys in the same order) and few of them changed shape, the grid is
    /// kept and the changed ones are tested one by one at every query, so that
    /// an edit that moves a claim and its links costs a comparison of shapes
    /// instead of filing every item again. Otherwise the grid is made anew.
    pub fn rebuilt_with(mut self, builder: SpatialIndexBuilder<K>) -> SpatialIndex<K> {
        let items: Vec<(K, Shape)> =
            builder.items.into_iter().filter(|(_, shape)| shape.bounds().is_finite()).collect();
        let same_keys =
            items.len() == self.items.len() && items.iter().zip(&self.items).all(|((new, _), (old, _))| new == old);
        if !same_keys {
            return SpatialIndexBuilder { items }.build();
        }
        let mut loose: std::collections::BTreeSet<u32> = self.loose.iter().copied().collect();
        for (at, ((_, new), (_, old))) in items.iter().zip(&self.items).enumerate() {
            if new != old {
                loose.insert(at as u32);
            }
        }
        if loose.len() > MOST_LOOSE_ITEMS.max(items.len() / 16) {
            return SpatialIndexBuilder { items }.build();
        }
        self.items = items;
        self.loose = loose.into_iter().collect();
        self
    }

    /// The keys of the items that touch `area`, in ascending order, each once.
    pub fn query_rect(&self, area: Bounds) -> Vec<K> {
        self.query(&area, |shape| shape.intersects(&area))
    }

    /// The keys of the rectangles that contain `point` (segments have no inside), ascending.
    pub fn query_point(&self, point: [f32; 2]) -> Vec<K> {
        let area = Bounds::new(point, point);
        self.query(&area, |shape| match shape {
            Shape::Rect(bounds) => bounds.contains(point),
            Shape::Segment(..) => false,
        })
    }

    fn query(&self, area: &Bounds, hits: impl Fn(&Shape) -> bool) -> Vec<K> {
        if !area.is_finite() || self.items.is_empty() {
            return Vec::new();
        }
        let (columns, rows) = self.grid.span(area);
        let cells = (columns[1] - columns[0] + 1) * (rows[1] - rows[0] + 1);
        let mut found: Vec<u32> = if cells * 2 > self.grid.cell_count() {
            // Most of the grid: every item once is cheaper than every entry.
            (0..self.items.len() as u32).collect()
        } else {
            let mut seen = vec![false; self.items.len()];
            let mut found = Vec::new();
            for row in rows[0]..=rows[1] {
                let first_cell = row * self.grid.columns;
                let (Some(&start), Some(&end)) =
                    (self.cell_starts.get(first_cell + columns[0]), self.cell_starts.get(first_cell + columns[1] + 1))
                else {
                    continue;
                };
                for &item in self.entries.get(start as usize..end as usize).unwrap_or_default() {
                    if let Some(seen) = seen.get_mut(item as usize)
                        && !*seen
                    {
                        *seen = true;
                        found.push(item);
                    }
                }
            }
            for &item in &self.loose {
                if let Some(seen) = seen.get_mut(item as usize)
                    && !*seen
                {
                    *seen = true;
                    found.push(item);
                }
            }
            found
        };
        found.retain(|&item| self.items.get(item as usize).is_some_and(|(_, shape)| hits(shape)));
        let mut keys: Vec<K> =
            found.iter().filter_map(|&item| self.items.get(item as usize).map(|(key, _)| *key)).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Bounds {
        Bounds::new([x, y], [x + w, y + h])
    }

    fn cards() -> SpatialIndex<usize> {
        let mut builder = SpatialIndexBuilder::default();
        for i in 0..100 {
            builder.insert_rect(i, rect((i % 10) as f32 * 300.0, (i / 10) as f32 * 200.0, 200.0, 100.0));
        }
        builder.build()
    }

    #[test]
    fn a_rect_query_finds_the_rectangles_it_touches_in_key_order() {
        let index = cards();
        assert_eq!(index.query_rect(rect(250.0, 150.0, 100.0, 100.0)), [11]);
        assert_eq!(index.query_rect(rect(150.0, 50.0, 200.0, 200.0)), [0, 1, 10, 11]);
        assert!(index.query_rect(rect(210.0, 110.0, 50.0, 50.0)).is_empty());
        assert_eq!(index.query_rect(rect(-1e6, -1e6, 2e6, 2e6)).len(), 100);
    }

    #[test]
    fn a_point_query_finds_the_rectangles_under_it() {
        let index = cards();
        assert_eq!(index.query_point([310.0, 210.0]), [11]);
        assert!(index.query_point([250.0, 50.0]).is_empty());
    }

    #[test]
    fn a_long_segment_is_found_along_its_length_and_not_beside_it() {
        let mut builder = SpatialIndexBuilder::default();
        builder.insert_rect(0, rect(0.0, 0.0, 10.0, 10.0));
        builder.insert_rect(1, rect(990.0, 990.0, 10.0, 10.0));
        builder.insert_segment(2, [5.0, 5.0], [995.0, 995.0]);
        let index = builder.build();
        assert_eq!(index.query_rect(rect(495.0, 495.0, 10.0, 10.0)), [2]);
        assert!(index.query_rect(rect(800.0, 100.0, 50.0, 50.0)).is_empty());
    }

    #[test]
    fn a_segment_touches_a_rectangle_only_where_it_crosses_it() {
        let area = rect(0.0, 0.0, 10.0, 10.0);
        assert_eq!(clip_segment([-10.0, 5.0], [20.0, 5.0], &area), Some((1.0 / 3.0, 2.0 / 3.0)));
        assert_eq!(clip_segment([-5.0, -5.0], [15.0, 15.0], &area), Some((0.25, 0.75)), "corner to corner");
        assert!(clip_segment([-10.0, 5.0], [5.0, 30.0], &area).is_none(), "past the corner");
        assert!(clip_segment([20.0, 20.0], [30.0, 30.0], &area).is_none());
        assert_eq!(clip_segment([2.0, 2.0], [2.0, 2.0], &area), Some((0.0, 1.0)));
    }

    #[test]
    fn items_with_coordinates_that_are_not_finite_are_never_found() {
        let mut builder = SpatialIndexBuilder::default();
        builder.insert_rect(0, rect(0.0, 0.0, 10.0, 10.0));
        builder.insert_segment(1, [0.0, 0.0], [f32::INFINITY, 5.0]);
        builder.insert_rect(2, rect(f32::NAN, 0.0, 10.0, 10.0));
        let index = builder.build();
        assert_eq!(index.query_rect(rect(-1e30, -1e30, 2e30, 2e30)), [0]);
        assert!(index.query_rect(rect(f32::NAN, 0.0, 1.0, 1.0)).is_empty());
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = SpatialIndexBuilder::<usize>::default().build();
        assert!(index.query_rect(rect(0.0, 0.0, 10.0, 10.0)).is_empty());
        assert!(index.query_point([0.0, 0.0]).is_empty());
    }

    fn coordinate() -> impl Strategy<Value = f32> {
        -2_000.0f32..2_000.0
    }

    fn shape() -> impl Strategy<Value = Shape> {
        prop_oneof![
            (coordinate(), coordinate(), 0.0f32..400.0, 0.0f32..400.0)
                .prop_map(|(x, y, w, h)| Shape::Rect(rect(x, y, w, h))),
            (coordinate(), coordinate(), coordinate(), coordinate())
                .prop_map(|(ax, ay, bx, by)| Shape::Segment([ax, ay], [bx, by])),
        ]
    }

    fn index_of(shapes: &[Shape]) -> SpatialIndexBuilder<usize> {
        let mut builder = SpatialIndexBuilder::default();
        for (key, shape) in shapes.iter().enumerate() {
            match *shape {
                Shape::Rect(bounds) => builder.insert_rect(key, bounds),
                Shape::Segment(a, b) => builder.insert_segment(key, a, b),
            }
        }
        builder
    }

    #[test]
    fn a_few_moved_items_keep_the_grid_and_many_make_it_anew() {
        let shapes: Vec<Shape> = (0..200).map(|i| Shape::Rect(rect(i as f32 * 50.0, 0.0, 40.0, 40.0))).collect();
        let index = index_of(&shapes).build();
        let mut moved = shapes.clone();
        moved[3] = Shape::Rect(rect(-5_000.0, -5_000.0, 40.0, 40.0));
        let index = index.rebuilt_with(index_of(&moved));
        assert_eq!(index.loose, [3], "one item moved: the grid stays");
        assert_eq!(index.query_rect(rect(-5_010.0, -5_010.0, 20.0, 20.0)), [3], "found where it went");
        assert!(index.query_rect(rect(150.0, 0.0, 40.0, 40.0)).is_empty(), "not where it was");
        let everywhere: Vec<Shape> = moved.iter().map(|_| Shape::Rect(rect(0.0, 500.0, 10.0, 10.0))).collect();
        let index = index.rebuilt_with(index_of(&everywhere));
        assert!(index.loose.is_empty(), "everything moved: a new grid");
        assert_eq!(index.query_rect(rect(0.0, 500.0, 1.0, 1.0)).len(), 200);
        let fewer = index.rebuilt_with(index_of(&shapes[..10]));
        assert!(fewer.loose.is_empty(), "other keys: a new grid");
        assert_eq!(fewer.query_rect(rect(-1e6, -1e6, 2e6, 2e6)), (0..10).collect::<Vec<_>>());
    }

    proptest! {
        #[test]
        fn an_index_rebuilt_after_moves_answers_as_one_built_afresh(
            shapes in prop::collection::vec(shape(), 1..120),
            moves in prop::collection::vec((any::<prop::sample::Index>(), shape()), 0..12),
            (x, y, w, h) in (coordinate(), coordinate(), 0.0f32..1_500.0, 0.0f32..1_500.0),
        ) {
            let mut index = index_of(&shapes).build();
            let mut now = shapes.clone();
            for (which, shape) in moves {
                let at = which.index(now.len());
                now[at] = shape;
                index = index.rebuilt_with(index_of(&now));
            }
            let fresh = index_of(&now).build();
            let area = rect(x, y, w, h);
            prop_assert_eq!(index.query_rect(area), fresh.query_rect(area));
            prop_assert_eq!(index.query_point([x, y]), fresh.query_point([x, y]));
        }

        #[test]
        fn queries_match_brute_force(
            shapes in prop::collection::vec(shape(), 0..200),
            (x, y, w, h) in (coordinate(), coordinate(), 0.0f32..1_500.0, 0.0f32..1_500.0),
        ) {
            let mut builder = SpatialIndexBuilder::default();
            for (key, shape) in shapes.iter().enumerate() {
                match *shape {
                    Shape::Rect(bounds) => builder.insert_rect(key, bounds),
                    Shape::Segment(a, b) => builder.insert_segment(key, a, b),
                }
            }
            let index = builder.build();
            let area = rect(x, y, w, h);
            let expected: Vec<usize> =
                shapes.iter().enumerate().filter(|(_, shape)| shape.intersects(&area)).map(|(key, _)| key).collect();
            prop_assert_eq!(index.query_rect(area), expected);
            let point = [x, y];
            let under: Vec<usize> = shapes
                .iter()
                .enumerate()
                .filter(|(_, shape)| matches!(shape, Shape::Rect(bounds) if bounds.contains(point)))
                .map(|(key, _)| key)
                .collect();
            prop_assert_eq!(index.query_point(point), under);
        }
    }
}
