//! Crossing reduction as dot does it (Gansner et al., "A technique for
//! drawing directed graphs", 1993): alternating downward and upward
//! weighted-median sweeps, each followed by transposition of neighbours
//! until it stops gaining; once that settles, every other pair of sweeps
//! breaks ties the other way and lets equal neighbours trade places, which
//! walks off plateaus — or, on a large graph, every vertex is sifted to its
//! best slot instead ([`Refinement`]). Each search goes on while a sweep
//! gains at least half a per cent within `PATIENCE` sweeps. The starting
//! order comes from the boxes' current
//! places, and it is only replaced by a strictly better one, so a drawing
//! that is already good stays as it is.

use super::layer_crossings::total_crossings;
use super::proper::ProperGraph;
use super::sifting::sift;

/// Sweeps at most (dot's `MaxIter`); the search also stops after
/// `PATIENCE` sweeps without a gain of `CONVERGENCE` (dot's `MinQuit`, `Convergence`).
const MAX_SWEEPS: usize = 24;
const PATIENCE: usize = 8;
const CONVERGENCE: f64 = 0.995;
/// Vertices and edges swept over in all, at most: a graph of a few thousand
/// vertices (1,000 claims) gets every sweep, and a larger one fewer, down to
/// `MIN_SWEEPS`, so that tens of thousands of vertices order in well under a second.
const SWEEP_WORK: usize = 200_000;
const MIN_SWEEPS: usize = 4;
/// Sweeps at most before sifting: sifting does better what more would do.
const SWEEPS_BEFORE_SIFTING: usize = 12;
/// Rounds of transposition over the layers at most, per sweep: each round
/// visits only the layers next to a change of the round before.
const MAX_TRANSPOSE_ROUNDS: usize = 8;

/// How crossing reduction goes on once the median sweeps stop gaining.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refinement {
    /// More sweeps from the best order, ties broken both ways (dot's way).
    Plateaus,
    /// Every vertex sifted once to its best slot ([`super::sifting`]), after
    /// fewer sweeps: fewer crossings in less time where it fits (a
    /// 1,000-claim map: 12 % fewer in the layers, 4 % fewer in the drawing,
    /// in two thirds of the time).
    Sifting,
}

/// Reorders `graph.layers` to reduce the crossings of its edges: sweeps
/// with ties kept in their order until they stop gaining, then on from the
/// best order as `refinement` says.
pub fn reduce_crossings(graph: &mut ProperGraph, refinement: Refinement) {
    if graph.layers.len() < 2 {
        return;
    }
    let size = graph.vertex_count() + graph.down.iter().map(Vec::len).sum::<usize>();
    let sweeps = (SWEEP_WORK / size.max(1)).clamp(MIN_SWEEPS, MAX_SWEEPS);
    let seeded = graph.layers.clone();
    let start = total_crossings(graph, &positions(graph));
    let sweeps = if refinement == Refinement::Sifting { sweeps.min(SWEEPS_BEFORE_SIFTING) } else { sweeps };
    let (settled, crossings) = improve(graph, seeded.clone(), start, sweeps, false);
    let (best_layers, best) = if crossings == 0 {
        (settled, crossings)
    } else {
        match refinement {
            Refinement::Plateaus => improve(graph, settled, crossings, sweeps, true),
            Refinement::Sifting => {
                graph.layers = settled;
                let mut position = positions(graph);
                sift(graph, &mut position);
                (graph.layers.clone(), total_crossings(graph, &position))
            }
        }
    };
    graph.layers = if best < start { best_layers } else { seeded };
}

/// Sweeps from `layers` (which cross `crossings` times), at most `sweeps`
/// times, and returns the best order seen and its crossings. With
/// `alternate`, every other pair of sweeps breaks ties the other way, the
/// pairs between let equal neighbours trade places, and an order as good as
/// the best replaces it (which walks along plateaus, as dot does).
fn improve(
    graph: &mut ProperGraph,
    layers: Vec<Vec<usize>>,
    crossings: u64,
    sweeps: usize,
    alternate: bool,
) -> (Vec<Vec<usize>>, u64) {
    graph.layers = layers;
    let mut position = positions(graph);
    let mut best_layers = graph.layers.clone();
    let (mut best, mut current) = (crossings, crossings);
    let mut since_gain = 0;
    for sweep in 0..sweeps {
        if current == 0 || since_gain >= PATIENCE {
            break;
        }
        since_gain += 1;
        let reverse_ties = alternate && sweep % 4 < 2;
        sweep_layers(graph, &mut position, sweep % 2 == 0, reverse_ties);
        transpose(graph, &mut position, alternate && !reverse_ties);
        current = total_crossings(graph, &position);
        if current < best || (alternate && current == best) {
            if (current as f64) < CONVERGENCE * best as f64 {
                since_gain = 0;
            }
            best = current;
            best_layers.clone_from(&graph.layers);
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

/// Swaps neighbours in a layer while that removes crossings with the layers
/// on both sides (with `allow_equal`, also where it keeps them as many),
/// layer after layer, then again over the layers next to a swap, until a
/// round gains nothing.
fn transpose(graph: &mut ProperGraph, position: &mut [usize], allow_equal: bool) {
    let mut scratch = PairScratch::default();
    let count = graph.layers.len();
    let mut candidate = vec![true; count];
    for _ in 0..MAX_TRANSPOSE_ROUNDS {
        let mut gained = false;
        for layer_index in 0..count {
            if !std::mem::take(&mut candidate[layer_index]) {
                continue;
            }
            for index in 1..graph.layers[layer_index].len() {
                let (u, v) = (graph.layers[layer_index][index - 1], graph.layers[layer_index][index]);
                let (keep_up, swap_up) = scratch.pair_crossings(&graph.up[u], &graph.up[v], position);
                let (keep_down, swap_down) = scratch.pair_crossings(&graph.down[u], &graph.down[v], position);
                let (keep, swap) = (keep_up + keep_down, swap_up + swap_down);
                if swap < keep || (allow_equal && swap == keep && keep > 0) {
                    graph.layers[layer_index].swap(index - 1, index);
                    position[u] = index;
                    position[v] = index - 1;
                    gained |= swap < keep;
                    candidate[layer_index.saturating_sub(1)..(layer_index + 2).min(count)].fill(true);
                }
            }
        }
        if !gained {
            break;
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
pub(super) mod tests {
    use super::super::proper::VertexBox;
    use super::*;
    use proptest::prelude::*;

    /// Boxes of one size seeded at `seeds`.
    pub(in super::super) fn boxes(seeds: &[f32]) -> Vec<VertexBox> {
        seeds.iter().map(|&seed| VertexBox { breadth: 10.0, depth: 10.0, seed }).collect()
    }

    #[test]
    fn a_crossed_pair_is_uncrossed() {
        // 0 and 1 above, 2 and 3 below; 0 → 3 and 1 → 2 cross as seeded.
        for refinement in [Refinement::Plateaus, Refinement::Sifting] {
            let mut graph = ProperGraph::new(&boxes(&[0.0, 1.0, 0.0, 1.0]), &[(0, 3), (1, 2)], &[0, 0, 1, 1]);
            assert_eq!(total_crossings(&graph, &positions(&graph)), 1);
            reduce_crossings(&mut graph, refinement);
            assert_eq!(total_crossings(&graph, &positions(&graph)), 0, "{refinement:?}");
        }
    }

    #[test]
    fn an_uncrossed_order_is_kept() {
        let seeds = [2.0, 0.0, 1.0, 2.0, 0.0, 1.0];
        for refinement in [Refinement::Plateaus, Refinement::Sifting] {
            let mut graph = ProperGraph::new(&boxes(&seeds), &[(0, 3), (1, 4), (2, 5)], &[0, 0, 0, 1, 1, 1]);
            let before = graph.layers.clone();
            reduce_crossings(&mut graph, refinement);
            assert_eq!(graph.layers, before, "{refinement:?}");
        }
    }

    #[test]
    fn pair_crossings_count_both_ways() {
        let mut scratch = PairScratch::default();
        let position = [0, 1, 2, 3];
        assert_eq!(scratch.pair_crossings(&[2, 3], &[0, 1], &position), (4, 0));
        assert_eq!(scratch.pair_crossings(&[0, 2], &[1, 2], &position), (1, 2));
    }

    proptest! {
        #[test]
        fn pair_crossings_count_what_pairs_of_ends_count(
            left in prop::collection::vec(0usize..8, 0..6),
            right in prop::collection::vec(0usize..8, 0..6),
        ) {
            let position: Vec<usize> = (0..8).collect();
            let crossed = |first: &[usize], second: &[usize]| {
                first.iter().map(|&a| second.iter().filter(|&&b| b < a).count() as u64).sum::<u64>()
            };
            let mut scratch = PairScratch::default();
            prop_assert_eq!(scratch.pair_crossings(&left, &right, &position), (crossed(&left, &right), crossed(&right, &left)));
        }

        #[test]
        fn reduction_never_adds_crossings_and_keeps_every_vertex_in_its_layer(
            layer_of in prop::collection::vec(0usize..4, 2..30),
            seeds in prop::collection::vec(0.0f32..100.0, 30),
            links in prop::collection::vec((0usize..30, 0usize..30), 0..60),
        ) {
            let n = layer_of.len();
            let edges: Vec<(usize, usize)> = links
                .into_iter()
                .map(|(a, b)| (a % n, b % n))
                .filter(|&(a, b)| layer_of[a] < layer_of[b])
                .collect();
            for refinement in [Refinement::Plateaus, Refinement::Sifting] {
                let mut graph = ProperGraph::new(&boxes(&seeds[..n]), &edges, &layer_of);
                let before = total_crossings(&graph, &positions(&graph));
                let mut members_before: Vec<Vec<usize>> = graph.layers.clone();
                reduce_crossings(&mut graph, refinement);
                prop_assert!(total_crossings(&graph, &positions(&graph)) <= before);
                let mut members_after = graph.layers.clone();
                members_before.iter_mut().chain(&mut members_after).for_each(|layer| layer.sort_unstable());
                prop_assert_eq!(members_before, members_after);
            }
        }
    }
}
