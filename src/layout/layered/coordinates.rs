//! Coordinate assignment. Along the layers: Brandes–Köpf ("Fast and simple
//! horizontal coordinate assignment", 2001) with boxes' real breadths —
//! vertices aligned into blocks with their median neighbours four ways
//! (up/down × left/right), each way compacted as a longest path over the
//! blocks then pulled towards its right-hand neighbours (as dagre does,
//! which avoids the original's class-shift pitfalls), the four balanced.
//! Across: each layer as thick as its deepest box.

use super::proper::ProperGraph;
use std::collections::HashSet;

/// The centre of each vertex along its layer.
pub fn along_positions(graph: &ProperGraph, node_gap: f32, edge_gap: f32) -> Vec<f32> {
    let separation = |u: usize, v: usize| {
        let gap = if graph.is_dummy(u) || graph.is_dummy(v) { edge_gap } else { node_gap };
        (graph.boxes[u].breadth + graph.boxes[v].breadth) / 2.0 + gap
    };
    let conflicts = type1_conflicts(graph);
    let mut candidates: Vec<(Vec<f32>, bool)> = Vec::with_capacity(4);
    for downward in [true, false] {
        for leftward in [true, false] {
            let mut layers = graph.layers.clone();
            if !downward {
                layers.reverse();
            }
            if !leftward {
                layers.iter_mut().for_each(|layer| layer.reverse());
            }
            let neighbours = if downward { &graph.up } else { &graph.down };
            let root = vertical_alignment(&layers, neighbours, &conflicts, graph.vertex_count());
            let mut xs = horizontal_compaction(&layers, &root, &separation);
            if !leftward {
                xs.iter_mut().for_each(|x| *x = -*x);
            }
            candidates.push((xs, leftward));
        }
    }
    let mut balanced = balance(graph, candidates);
    enforce_separation(graph, &mut balanced, &separation);
    balanced
}

/// The centre of each layer across the layers: each layer as thick as its
/// deepest box, `layer_gap` between consecutive layers.
pub fn layer_centres(graph: &ProperGraph, layer_gap: f32) -> Vec<f32> {
    let mut centres = Vec::with_capacity(graph.layers.len());
    let mut edge = 0.0;
    for layer in &graph.layers {
        let depth = layer.iter().map(|&v| graph.boxes[v].depth).fold(0.0, f32::max);
        centres.push(edge + depth / 2.0);
        edge += depth + layer_gap;
    }
    centres
}

/// Edges between a dummy and a real vertex that cross an edge between two
/// dummies: long edges are kept straight in preference, so these are never aligned.
fn type1_conflicts(graph: &ProperGraph) -> HashSet<(usize, usize)> {
    let mut conflicts = HashSet::new();
    let mut position = vec![0usize; graph.vertex_count()];
    for layer in &graph.layers {
        for (index, &v) in layer.iter().enumerate() {
            position[v] = index;
        }
    }
    for pair in graph.layers.windows(2) {
        let (upper, lower) = (&pair[0], &pair[1]);
        let (mut left_bound, mut scan_from) = (0usize, 0usize);
        for (index, &v) in lower.iter().enumerate() {
            let inner = graph.up[v].iter().copied().find(|&u| graph.is_dummy(v) && graph.is_dummy(u));
            let right_bound = inner.map_or(upper.len(), |u| position[u]);
            if inner.is_some() || index + 1 == lower.len() {
                for &w in &lower[scan_from..=index] {
                    for &u in &graph.up[w] {
                        let outside = position[u] < left_bound || position[u] > right_bound;
                        if outside && !(graph.is_dummy(u) && graph.is_dummy(w)) {
                            conflicts.insert((u, w));
                        }
                    }
                }
                scan_from = index + 1;
                left_bound = right_bound;
            }
        }
    }
    conflicts
}

/// Blocks: each vertex joined to a median neighbour in the layer before it
/// (in the order given), without two joins crossing. Returns each vertex's
/// block root.
fn vertical_alignment(
    layers: &[Vec<usize>],
    neighbours: &[Vec<usize>],
    conflicts: &HashSet<(usize, usize)>,
    vertex_count: usize,
) -> Vec<usize> {
    let mut root: Vec<usize> = (0..vertex_count).collect();
    let mut align: Vec<usize> = (0..vertex_count).collect();
    let mut position = vec![0usize; vertex_count];
    for layer in layers {
        for (index, &v) in layer.iter().enumerate() {
            position[v] = index;
        }
    }
    let mut sorted: Vec<usize> = Vec::new();
    for layer in layers {
        let mut claimed: Option<usize> = None;
        for &v in layer {
            sorted.clear();
            sorted.extend_from_slice(&neighbours[v]);
            if sorted.is_empty() {
                continue;
            }
            sorted.sort_unstable_by_key(|&w| position[w]);
            let last = sorted.len() - 1;
            for &w in &sorted[last / 2..=last.div_ceil(2)] {
                let free = claimed.is_none_or(|c| c < position[w]);
                let conflicted = conflicts.contains(&(w, v)) || conflicts.contains(&(v, w));
                if align[v] == v && free && !conflicted {
                    align[w] = v;
                    root[v] = root[w];
                    align[v] = root[v];
                    claimed = Some(position[w]);
                }
            }
        }
    }
    root
}

/// Places blocks as far left as their left-hand neighbours allow (a longest
/// path over the blocks in topological order), then moves each, last to
/// first, right up to its right-hand neighbours.
fn horizontal_compaction(layers: &[Vec<usize>], root: &[usize], separation: &dyn Fn(usize, usize) -> f32) -> Vec<f32> {
    let count = root.len();
    let mut left_of: Vec<Vec<(usize, f32)>> = vec![Vec::new(); count];
    let mut right_of: Vec<Vec<(usize, f32)>> = vec![Vec::new(); count];
    for layer in layers {
        for pair in layer.windows(2) {
            let gap = separation(pair[0], pair[1]);
            left_of[root[pair[1]]].push((root[pair[0]], gap));
            right_of[root[pair[0]]].push((root[pair[1]], gap));
        }
    }
    let blocks: Vec<usize> = (0..count).filter(|&v| root[v] == v).collect();
    let order = block_order(&blocks, &left_of, &right_of);
    let mut x = vec![0.0f32; count];
    for &block in &order {
        x[block] = left_of[block].iter().map(|&(left, gap)| x[left] + gap).fold(0.0, f32::max);
    }
    for &block in order.iter().rev() {
        let limit = right_of[block].iter().map(|&(right, gap)| x[right] - gap).fold(f32::INFINITY, f32::min);
        if limit.is_finite() {
            x[block] = x[block].max(limit);
        }
    }
    (0..count).map(|v| x[root[v]]).collect()
}

/// The blocks in an order where every block comes after those left of it.
fn block_order(blocks: &[usize], left_of: &[Vec<(usize, f32)>], right_of: &[Vec<(usize, f32)>]) -> Vec<usize> {
    let mut waiting: Vec<usize> = left_of.iter().map(Vec::len).collect();
    let mut ready: Vec<usize> = blocks.iter().rev().copied().filter(|&b| waiting[b] == 0).collect();
    let mut order = Vec::with_capacity(blocks.len());
    while let Some(block) = ready.pop() {
        order.push(block);
        for &(right, _) in &right_of[block] {
            waiting[right] -= 1;
            if waiting[right] == 0 {
                ready.push(right);
            }
        }
    }
    order
}

/// The four layouts aligned to the narrowest (left ones by their left
/// edge, right ones by their right edge), then each vertex at the mean of
/// its two median candidates.
fn balance(graph: &ProperGraph, mut candidates: Vec<(Vec<f32>, bool)>) -> Vec<f32> {
    let extent = |xs: &[f32]| {
        xs.iter().zip(&graph.boxes).fold((f32::INFINITY, f32::NEG_INFINITY), |(low, high), (&x, b)| {
            (low.min(x - b.breadth / 2.0), high.max(x + b.breadth / 2.0))
        })
    };
    let extents: Vec<(f32, f32)> = candidates.iter().map(|(xs, _)| extent(xs)).collect();
    let narrowest = extents
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1.1 - a.1.0).total_cmp(&(b.1.1 - b.1.0)).then(a.0.cmp(&b.0)))
        .map_or(0, |(index, _)| index);
    let (low, high) = extents[narrowest];
    for ((xs, leftward), (own_low, own_high)) in candidates.iter_mut().zip(&extents) {
        let shift = if *leftward { low - own_low } else { high - own_high };
        xs.iter_mut().for_each(|x| *x += shift);
    }
    (0..graph.vertex_count())
        .map(|v| {
            let mut four = [candidates[0].0[v], candidates[1].0[v], candidates[2].0[v], candidates[3].0[v]];
            four.sort_by(f32::total_cmp);
            (four[1] + four[2]) / 2.0
        })
        .collect()
}

/// Balancing can bring neighbours closer than their separation: pushes them apart, left to right.
fn enforce_separation(graph: &ProperGraph, xs: &mut [f32], separation: &dyn Fn(usize, usize) -> f32) {
    for layer in &graph.layers {
        for pair in layer.windows(2) {
            let least = xs[pair[0]] + separation(pair[0], pair[1]);
            if xs[pair[1]] < least {
                xs[pair[1]] = least;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::proper::VertexBox;
    use super::*;

    fn graph(breadths: &[f32], edges: &[(usize, usize)], layer_of: &[usize]) -> ProperGraph {
        let boxes: Vec<VertexBox> = breadths
            .iter()
            .enumerate()
            .map(|(i, &breadth)| VertexBox { breadth, depth: 20.0, seed: i as f32 })
            .collect();
        ProperGraph::new(&boxes, edges, layer_of)
    }

    #[test]
    fn a_parent_is_centred_over_its_two_children() {
        let g = graph(&[100.0, 100.0, 100.0], &[(0, 1), (0, 2)], &[0, 1, 1]);
        let xs = along_positions(&g, 40.0, 10.0);
        assert!((xs[2] - xs[1] - 140.0).abs() < 0.01, "{xs:?}");
        assert!((xs[0] - (xs[1] + xs[2]) / 2.0).abs() < 0.01, "{xs:?}");
    }

    #[test]
    fn wide_boxes_keep_their_distance() {
        let g = graph(&[300.0, 50.0, 50.0, 300.0], &[(0, 2), (1, 3)], &[0, 0, 1, 1]);
        let xs = along_positions(&g, 20.0, 10.0);
        assert!(xs[1] - xs[0] >= 175.0 - 0.01, "{xs:?}");
        assert!(xs[3] - xs[2] >= 175.0 - 0.01, "{xs:?}");
    }

    #[test]
    fn layers_are_as_thick_as_their_deepest_box() {
        let g = graph(&[10.0, 10.0], &[(0, 1)], &[0, 1]);
        assert_eq!(layer_centres(&g, 50.0), [10.0, 80.0]);
    }
}
