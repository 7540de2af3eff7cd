//! The last pass of a drawing: crossings counted as a reader sees them
//! (straight links between box centres, as `crate::layout::count_crossings`
//! counts them) brought down by swapping boxes. Two neighbours in a row trade
//! places, or two boxes of the same layer dealt into different sub-layers
//! trade rows, whenever that removes crossings (or, as many, shortens the
//! links) and no box comes to crowd another. The sweeps over the rows spend a
//! bounded number of segment tests, so that large maps stay fast.

use std::collections::BTreeMap;

/// Segment tests spent at most, over all sweeps.
const WORK: usize = 30_000_000;
const MAX_SWEEPS: usize = 12;
/// How many places apart two boxes of a row may be to trade places.
const FARTHEST_IN_ROW: usize = 4;

/// A box to swap: its centre (along, across) and its breadth along the row.
pub struct Boxes<'a> {
    pub centres: &'a mut [(f32, f32)],
    pub breadths: &'a [f32],
    /// The layer each box was in before long layers were dealt into
    /// sub-layers: boxes of one layer may trade rows.
    pub band: &'a [usize],
}

/// Swaps boxes of `boxes` while that removes crossings of the straight `edges`.
pub fn uncross(boxes: Boxes<'_>, edges: &[(usize, usize)], gap: f32) {
    let Boxes { centres, breadths, band } = boxes;
    let n = centres.len();
    let edges: Vec<(usize, usize)> = edges.iter().copied().filter(|&(a, b)| a != b && a < n && b < n).collect();
    if edges.len() < 2 {
        return;
    }
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (index, &(a, b)) in edges.iter().enumerate() {
        incident[a].push(index);
        incident[b].push(index);
    }
    // Boxes trade rows only within their layer, so an edge stays within the
    // layers of its ends: edges of disjoint ranges of layers never cross.
    let layers = band.iter().max().map_or(0, |&last| last + 1);
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); layers];
    let spans: Vec<(usize, usize)> = edges.iter().map(|&(a, b)| (band[a].min(band[b]), band[a].max(band[b]))).collect();
    for (index, &(low, high)) in spans.iter().enumerate() {
        for layer in &mut covering[low..=high] {
            layer.push(index);
        }
    }
    let mut search = Search {
        centres,
        edges: &edges,
        incident: &incident,
        spans: &spans,
        covering: &covering,
        mine: vec![0; edges.len()],
        seen: vec![0; edges.len()],
        round: 0,
        tick: 0,
        work: 0,
    };
    let mut rows: Vec<Vec<usize>> = rows(search.centres).into_values().collect();
    // Rows of one layer: their boxes may trade rows.
    let mut by_band: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, row) in rows.iter().enumerate() {
        if let Some(&first) = row.first() {
            by_band.entry(band[first]).or_default().push(index);
        }
    }
    for _ in 0..MAX_SWEEPS {
        let mut improved = false;
        for row in &mut rows {
            for index in 1..row.len() {
                if search.try_swap(row[index - 1], row[index], Swap::InRow, breadths, gap) {
                    row.swap(index - 1, index);
                    improved = true;
                }
            }
            // Boxes a few places apart trade places when they are as broad.
            for distance in 2..=FARTHEST_IN_ROW {
                for index in distance..row.len() {
                    let (u, v) = (row[index - distance], row[index]);
                    if breadths[u] == breadths[v] && search.try_swap(u, v, Swap::Exchange, breadths, gap) {
                        row.swap(index - distance, index);
                        improved = true;
                    }
                }
            }
        }
        for sub_rows in by_band.values().filter(|rows| rows.len() > 1) {
            for (first, &row) in sub_rows.iter().enumerate() {
                for &other in &sub_rows[first + 1..] {
                    for slot in 0..rows[row].len() {
                        let u = rows[row][slot];
                        let Some(other_slot) = nearest(search.centres, &rows[other], search.centres[u].0) else {
                            continue;
                        };
                        let v = rows[other][other_slot];
                        if search.try_swap(u, v, Swap::Exchange, breadths, gap) {
                            rows[row][slot] = v;
                            rows[other][other_slot] = u;
                            improved = true;
                        }
                    }
                }
            }
        }
        if !improved || search.work > WORK {
            break;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Swap {
    /// Neighbours in a row: the pair keeps the span it covers.
    InRow,
    /// Each takes the other's centre.
    Exchange,
}

struct Search<'a> {
    centres: &'a mut [(f32, f32)],
    edges: &'a [(usize, usize)],
    incident: &'a [Vec<usize>],
    /// The first and last layer each edge spans, and the edges spanning each layer.
    spans: &'a [(usize, usize)],
    covering: &'a [Vec<usize>],
    /// `mine[edge] == round` for the edges at the boxes being swapped;
    /// `seen[edge] == tick` for those already tested against the current one.
    mine: Vec<u32>,
    seen: Vec<u32>,
    round: u32,
    tick: u32,
    work: usize,
}

impl Search<'_> {
    /// Swaps `u` and `v` if that removes crossings, or keeps them and
    /// shortens the links, without crowding; returns whether it did.
    fn try_swap(&mut self, u: usize, v: usize, swap: Swap, breadths: &[f32], gap: f32) -> bool {
        if self.work > WORK {
            return false;
        }
        let (before_u, before_v) = (self.centres[u], self.centres[v]);
        let (after_u, after_v) = match swap {
            // The pair keeps the span it covers, the two in the other order.
            Swap::InRow => {
                let (left, right) = if before_u.0 <= before_v.0 { (u, v) } else { (v, u) };
                let low = self.centres[left].0 - breadths[left] / 2.0;
                let high = self.centres[right].0 + breadths[right] / 2.0;
                let new_left = (high - breadths[left] / 2.0, self.centres[left].1);
                let new_right = (low + breadths[right] / 2.0, self.centres[right].1);
                if left == u { (new_left, new_right) } else { (new_right, new_left) }
            }
            Swap::Exchange => ((before_v.0, before_v.1), (before_u.0, before_u.1)),
        };
        if swap == Swap::Exchange
            && breadths[u] != breadths[v]
            && (self.crowds(u, after_u, &[v], breadths, gap) || self.crowds(v, after_v, &[u], breadths, gap))
        {
            return false;
        }
        let before = self.cost(u, v);
        self.centres[u] = after_u;
        self.centres[v] = after_v;
        let after = self.cost(u, v);
        if after.0 < before.0 || (after.0 == before.0 && after.1 < before.1 - 1.0) {
            return true;
        }
        self.centres[u] = before_u;
        self.centres[v] = before_v;
        false
    }

    /// Whether `node` centred at `at` would come closer than `gap` to a box
    /// of its new row (other than those in `moving`).
    fn crowds(&self, node: usize, at: (f32, f32), moving: &[usize], breadths: &[f32], gap: f32) -> bool {
        self.centres.iter().enumerate().any(|(other, &centre)| {
            other != node
                && !moving.contains(&other)
                && centre.1 == at.1
                && (centre.0 - at.0).abs() < (breadths[other] + breadths[node]) / 2.0 + gap
        })
    }

    /// The crossings of the edges at `u` or `v` with every edge, and their total length.
    fn cost(&mut self, u: usize, v: usize) -> (u64, f32) {
        self.round += 1;
        let mine: Vec<usize> = self.incident[u].iter().chain(&self.incident[v]).copied().collect();
        for &edge in &mine {
            self.mine[edge] = self.round;
        }
        let mut crossings = 0;
        let mut length = 0.0;
        for (index, &edge) in mine.iter().enumerate() {
            let segment = self.segment(edge);
            length += (segment.0.0 - segment.1.0).hypot(segment.0.1 - segment.1.1);
            self.tick += 1;
            let (low, high) = self.spans[edge];
            for layer in &self.covering[low..=high] {
                for &other in layer {
                    if self.mine[other] == self.round || self.seen[other] == self.tick {
                        continue;
                    }
                    self.seen[other] = self.tick;
                    self.work += 1;
                    crossings += u64::from(crosses(segment, self.segment(other), self.edges[edge], self.edges[other]));
                }
            }
            for &other in &mine[index + 1..] {
                if other != edge {
                    crossings += u64::from(crosses(segment, self.segment(other), self.edges[edge], self.edges[other]));
                }
            }
        }
        (crossings, length)
    }

    fn segment(&self, edge: usize) -> ((f32, f32), (f32, f32)) {
        let (a, b) = self.edges[edge];
        (self.centres[a], self.centres[b])
    }
}

/// The rows of the drawing (boxes sharing a centre across), each in order along.
fn rows(centres: &[(f32, f32)]) -> BTreeMap<u32, Vec<usize>> {
    let mut rows: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (v, centre) in centres.iter().enumerate() {
        rows.entry(ordered(centre.1)).or_default().push(v);
    }
    for row in rows.values_mut() {
        row.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
    }
    rows
}

/// A key that sorts as the float does (for the finite values a drawing has).
fn ordered(value: f32) -> u32 {
    let bits = value.to_bits();
    if bits >> 31 == 1 { !bits } else { bits | 1 << 31 }
}

/// The slot of the box of `row` (sorted along) nearest to `along`.
fn nearest(centres: &[(f32, f32)], row: &[usize], along: f32) -> Option<usize> {
    let split = row.partition_point(|&v| centres[v].0 < along);
    [split.checked_sub(1), Some(split)]
        .into_iter()
        .flatten()
        .filter(|&slot| slot < row.len())
        .min_by(|&a, &b| (centres[row[a]].0 - along).abs().total_cmp(&(centres[row[b]].0 - along).abs()))
}

/// Whether two segments properly cross (shared ends never do), as `count_crossings` decides.
fn crosses(
    s: ((f32, f32), (f32, f32)),
    t: ((f32, f32), (f32, f32)),
    s_ends: (usize, usize),
    t_ends: (usize, usize),
) -> bool {
    if s_ends.0 == t_ends.0 || s_ends.0 == t_ends.1 || s_ends.1 == t_ends.0 || s_ends.1 == t_ends.1 {
        return false;
    }
    let (a, b, c, d) = (s.0, s.1, t.0, t.1);
    if a.0.max(b.0) < c.0.min(d.0)
        || c.0.max(d.0) < a.0.min(b.0)
        || a.1.max(b.1) < c.1.min(d.1)
        || c.1.max(d.1) < a.1.min(b.1)
    {
        return false;
    }
    let side = |p: (f32, f32), q: (f32, f32), r: (f32, f32)| {
        let turn = f64::from(q.0 - p.0) * f64::from(r.1 - p.1) - f64::from(q.1 - p.1) * f64::from(r.0 - p.0);
        turn.partial_cmp(&0.0).map_or(0, |order| order as i8)
    };
    side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::count_crossings;
    use crate::model::Position;

    #[test]
    fn a_crossed_pair_is_uncrossed_by_one_swap() {
        // Parents 0 and 1 above children 2 and 3, linked crosswise.
        let mut centres = vec![(0.0, 0.0), (300.0, 0.0), (0.0, 200.0), (300.0, 200.0)];
        let breadths = [200.0; 4];
        let edges = [(0, 3), (1, 2)];
        uncross(Boxes { centres: &mut centres, breadths: &breadths, band: &[0, 0, 1, 1] }, &edges, 40.0);
        let points: Vec<Position> = centres.iter().map(|&(x, y)| Position::new(x, y)).collect();
        assert_eq!(count_crossings(&points, &edges), 0, "{centres:?}");
        let moved =
            centres.iter().zip([(0.0, 0.0), (300.0, 0.0), (0.0, 200.0), (300.0, 200.0)]).filter(|(a, b)| **a != *b);
        assert_eq!(moved.count(), 2, "{centres:?}");
    }

    #[test]
    fn boxes_of_different_breadths_keep_clear_of_each_other_when_swapped() {
        let mut centres = vec![(0.0, 0.0), (400.0, 0.0), (0.0, 200.0), (340.0, 200.0)];
        let breadths = [200.0, 200.0, 200.0, 400.0];
        uncross(Boxes { centres: &mut centres, breadths: &breadths, band: &[0, 0, 1, 1] }, &[(0, 3), (1, 2)], 40.0);
        let (left, right) = if centres[2].0 < centres[3].0 { (2, 3) } else { (3, 2) };
        assert!(centres[right].0 - centres[left].0 >= (breadths[left] + breadths[right]) / 2.0 + 40.0 - 0.01);
    }
}
