//! Crossing reduction: the order within each layer improved by alternating
//! downward and upward weighted-median sweeps (Gansner et al.), each
//! followed by transposition of neighbours, keeping the best order seen. The starting order comes from
//! the boxes' current places, and an order is only replaced by a strictly
//! better one, so a drawing that is already good stays as it is.

use super::layer_crossings::total_crossings;
use super::proper::ProperGraph;

/// Sweeps at most; the search also stops after `PATIENCE` sweeps without gain.
const MAX_SWEEPS: usize = 24;
const PATIENCE: usize = 4;
/// Vertices and edges swept over in all, at most: a graph of a few thousand
/// vertices (1,000 claims) gets every sweep, and a larger one fewer, down to
/// `MIN_SWEEPS`, so that tens of thousands of vertices order in well under a second.
const SWEEP_WORK: usize = 200_000;
const MIN_SWEEPS: usize = 4;
/// Passes of transposition over one layer at most, per sweep.
const MAX_TRANSPOSE_PASSES: usize = 8;

/// Reorders `graph.layers` to reduce the crossings of its edges: sweeps
/// until they stop gaining, then on from the best order with ties broken the
/// other way (which escapes plateaus, as dot does).
pub fn reduce_crossings(graph: &mut ProperGraph) {
    if graph.layers.len() < 2 {
        return;
    }
    let size = graph.vertex_count() + graph.down.iter().map(Vec::len).sum::<usize>();
    let sweeps = (SWEEP_WORK / size.max(1)).clamp(MIN_SWEEPS, MAX_SWEEPS);
    let seeded = graph.layers.clone();
    let (layers, crossings) = improve(graph, seeded, sweeps, false);
    graph.layers = if crossings == 0 { layers } else { improve(graph, layers, sweeps, true).0 };
}

/// Sweeps from `start`, at most `sweeps` times, and returns the best order seen (`start` unless
/// strictly beaten), and its crossings. With `reverse`, every other pair
/// of sweeps breaks ties the other way and swaps equal neighbours.
fn improve(graph: &mut ProperGraph, start: Vec<Vec<usize>>, sweeps: usize, reverse: bool) -> (Vec<Vec<usize>>, u64) {
    graph.layers = start;
    let mut position = positions(graph);
    let mut best_layers = graph.layers.clone();
    let mut best = total_crossings(graph, &position);
    let mut since_gain = 0;
    for sweep in 0..sweeps {
        if best == 0 || since_gain >= PATIENCE {
            break;
        }
        let flip = reverse && sweep % 4 >= 2;
        sweep_layers(graph, &mut position, sweep % 2 == 0, flip);
        transpose_layers(graph, &mut position, flip);
        let crossings = total_crossings(graph, &position);
        if crossings < best {
            best = crossings;
            best_layers.clone_from(&graph.layers);
            since_gain = 0;
        } else {
            since_gain += 1;
        }
    }
    (best_layers, best)
}

/// Each vertex's index in its layer.
pub fn positions(graph: &ProperGraph) -> Vec<usize> {
    let mut position = vec![0; graph.vertex_count()];
    for layer in &graph.layers {
        for (index, &v) in layer.iter().enumerate() {
            position[v] = index;
        }
    }
    position
}

/// One sweep: each layer in turn sorted by the weighted median place of its
/// neighbours in the layer just done (above when going down); ties keep
/// their order, or reverse it with `reverse`.
fn sweep_layers(graph: &mut ProperGraph, position: &mut [usize], downward: bool, reverse: bool) {
    let mut ends: Vec<usize> = Vec::new();
    let count = graph.layers.len();
    let order: Vec<usize> = if downward { (1..count).collect() } else { (0..count - 1).rev().collect() };
    let mut keyed: Vec<(f64, usize, usize)> = Vec::new();
    for layer_index in order {
        let neighbours = if downward { &graph.up } else { &graph.down };
        let layer = &mut graph.layers[layer_index];
        keyed.clear();
        for (index, &v) in layer.iter().enumerate() {
            let around = &neighbours[v];
            if !around.is_empty() {
                ends.clear();
                ends.extend(around.iter().map(|&w| position[w]));
                ends.sort_unstable();
                keyed.push((weighted_median(&ends), index, v));
            }
        }
        keyed.sort_by(|a, b| {
            let ties = if reverse { b.1.cmp(&a.1) } else { a.1.cmp(&b.1) };
            a.0.total_cmp(&b.0).then(ties)
        });
        // Vertices without neighbours there keep their slots; the others fill the rest in order.
        let mut sorted = keyed.iter().map(|&(_, _, v)| v);
        for slot in layer.iter_mut() {
            if !neighbours[*slot].is_empty() {
                *slot = sorted.next().unwrap_or(*slot);
            }
        }
        for (index, &v) in layer.iter().enumerate() {
            position[v] = index;
        }
    }
}

/// Gansner's weighted median of sorted positions: the middle one, or
/// between the middle two weighted towards the side whose ends are packed closer.
fn weighted_median(ends: &[usize]) -> f64 {
    let middle = ends.len() / 2;
    let at = |i: usize| ends[i] as f64;
    if ends.len() % 2 == 1 {
        at(middle)
    } else if ends.len() == 2 {
        (at(0) + at(1)) / 2.0
    } else {
        let left = at(middle - 1) - at(0);
        let right = at(ends.len() - 1) - at(middle);
        if left + right == 0.0 {
            (at(middle - 1) + at(middle)) / 2.0
        } else {
            (at(middle - 1) * right + at(middle) * left) / (left + right)
        }
    }
}

/// Swaps neighbours in a layer while that removes crossings with the layers on both sides.
fn transpose_layers(graph: &mut ProperGraph, position: &mut [usize], allow_equal: bool) {
    let mut scratch = PairScratch::default();
    for layer_index in 0..graph.layers.len() {
        for _ in 0..MAX_TRANSPOSE_PASSES {
            let mut improved = false;
            for index in 1..graph.layers[layer_index].len() {
                let (u, v) = (graph.layers[layer_index][index - 1], graph.layers[layer_index][index]);
                let (keep_up, swap_up) = scratch.pair_crossings(&graph.up[u], &graph.up[v], position);
                let (keep_down, swap_down) = scratch.pair_crossings(&graph.down[u], &graph.down[v], position);
                let (keep, swap) = (keep_up + keep_down, swap_up + swap_down);
                if swap < keep || (allow_equal && swap == keep && keep > 0) {
                    graph.layers[layer_index].swap(index - 1, index);
                    position[u] = index;
                    position[v] = index - 1;
                    improved = true;
                }
            }
            if !improved {
                break;
            }
        }
    }
}

#[derive(Default)]
struct PairScratch {
    left: Vec<usize>,
    right: Vec<usize>,
}

impl PairScratch {
    /// The crossings between the edges of two neighbouring vertices to one
    /// layer: as they stand (`left` first), and if swapped.
    fn pair_crossings(&mut self, left: &[usize], right: &[usize], position: &[usize]) -> (u64, u64) {
        if left.is_empty() || right.is_empty() {
            return (0, 0);
        }
        self.left.clear();
        self.left.extend(left.iter().map(|&w| position[w]));
        self.left.sort_unstable();
        self.right.clear();
        self.right.extend(right.iter().map(|&w| position[w]));
        self.right.sort_unstable();
        let (mut as_they_stand, mut swapped) = (0u64, 0u64);
        let (mut below, mut at_most) = (0usize, 0usize);
        for &end in &self.left {
            while below < self.right.len() && self.right[below] < end {
                below += 1;
            }
            while at_most < self.right.len() && self.right[at_most] <= end {
                at_most += 1;
            }
            as_they_stand += below as u64;
            swapped += (self.right.len() - at_most) as u64;
        }
        (as_they_stand, swapped)
    }
}

#[cfg(test)]
mod tests {
    use super::super::proper::VertexBox;
    use super::*;

    fn boxes(seeds: &[f32]) -> Vec<VertexBox> {
        seeds.iter().map(|&seed| VertexBox { breadth: 10.0, depth: 10.0, seed }).collect()
    }

    #[test]
    fn a_crossed_pair_is_uncrossed() {
        // 0 and 1 above, 2 and 3 below; 0 → 3 and 1 → 2 cross as seeded.
        let mut graph = ProperGraph::new(&boxes(&[0.0, 1.0, 0.0, 1.0]), &[(0, 3), (1, 2)], &[0, 0, 1, 1]);
        assert_eq!(total_crossings(&graph, &positions(&graph)), 1);
        reduce_crossings(&mut graph);
        assert_eq!(total_crossings(&graph, &positions(&graph)), 0);
    }

    #[test]
    fn an_uncrossed_order_is_kept() {
        let seeds = [2.0, 0.0, 1.0, 2.0, 0.0, 1.0];
        let mut graph = ProperGraph::new(&boxes(&seeds), &[(0, 3), (1, 4), (2, 5)], &[0, 0, 0, 1, 1, 1]);
        let before = graph.layers.clone();
        reduce_crossings(&mut graph);
        assert_eq!(graph.layers, before);
    }

    #[test]
    fn pair_crossings_count_both_ways() {
        let mut scratch = PairScratch::default();
        let position = [0, 1, 2, 3];
        assert_eq!(scratch.pair_crossings(&[2, 3], &[0, 1], &position), (4, 0));
        assert_eq!(scratch.pair_crossings(&[0, 2], &[1, 2], &position), (1, 2));
    }
}
