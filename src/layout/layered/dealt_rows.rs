//! Steering a large drawing's shape after its order is settled: the layers
//! keep the order crossing reduction gave them, and each long layer is drawn
//! as a stack of `s` sub-rows, its boxes dealt out in turn, `s` at a time:
//! each run of `s` neighbours puts one box in every sub-row, those whose
//! links go mostly up (to the layer above) in the upper sub-rows and those
//! whose links go mostly down in the lower ones, so that a link does not cut
//! across the sub-rows it has no business in (on a 1,000-claim map that
//! alone takes 12 % off the crossings). Coordinates come from Brandes–Köpf on the
//! layered graph itself, each box counted as `1/s` of its breadth, so that a
//! layer dealt into `s` sub-rows is about `1/s` as long and every box keeps
//! its place in the layer's left-to-right sense; a sub-row then spreads its
//! boxes apart where they would crowd. The graph is never split further, so
//! the cost stays that of the layers as they came (no dummy vertex per
//! sub-row a long edge would cross).

use super::coordinates::along_positions;
use super::placement::Placed;
use super::proper::ProperGraph;

/// The drawing of the ordered `graph` with layer `l` dealt into `splits[l]`
/// sub-rows; `(node_gap, layer_gap, edge_gap)` as in the options.
pub fn dealt_drawing(
    graph: &ProperGraph,
    splits: &[usize],
    (node_gap, layer_gap, edge_gap): (f32, f32, f32),
) -> Placed {
    let most = splits.iter().copied().max().unwrap_or(1).max(1) as f32;
    let (shrunk_node_gap, shrunk_edge_gap) = (node_gap / most, edge_gap / most);
    let mut shrunk = graph.clone();
    for (v, b) in shrunk.boxes.iter_mut().enumerate().take(graph.real) {
        let split = splits.get(graph.layer_of[v]).copied().unwrap_or(1).max(1) as f32;
        b.breadth = ((b.breadth + node_gap) / split - shrunk_node_gap).max(0.0);
    }
    let along = along_positions(&shrunk, shrunk_node_gap, shrunk_edge_gap);
    let boxes = &graph.boxes[..graph.real];
    let mut centres = vec![(0.0, 0.0); graph.real];
    let mut edge = 0.0;
    for (layer, vertices) in graph.layers.iter().enumerate() {
        let split = splits.get(layer).copied().unwrap_or(1).max(1);
        let real: Vec<usize> = vertices.iter().copied().filter(|&v| !graph.is_dummy(v)).collect();
        let row_of = sub_rows(graph, &real, split);
        for row in 0..split {
            let members: Vec<usize> = real.iter().zip(&row_of).filter(|&(_, &of)| of == row).map(|(&v, _)| v).collect();
            if members.is_empty() {
                continue;
            }
            let mut xs: Vec<f32> = members.iter().map(|&v| along[v]).collect();
            let breadths: Vec<f32> = members.iter().map(|&v| boxes[v].breadth).collect();
            spread_apart(&mut xs, &breadths, node_gap);
            let depth = members.iter().map(|&v| boxes[v].depth).fold(0.0, f32::max);
            for (&v, x) in members.iter().zip(xs) {
                centres[v] = (x, edge + depth / 2.0);
            }
            edge += depth + layer_gap;
        }
    }
    Placed::new(centres, boxes)
}

/// The sub-row of each of `real` (a layer's boxes in order) dealt into
/// `split`: in each run of `split` neighbours, one per sub-row, the more
/// links a box has down than up, the lower its sub-row (ties in order).
fn sub_rows(graph: &ProperGraph, real: &[usize], split: usize) -> Vec<usize> {
    let down_over_up = |v: usize| graph.down[v].len() as i64 - graph.up[v].len() as i64;
    let mut row_of = vec![0; real.len()];
    for (run, boxes) in real.chunks(split).enumerate() {
        let mut slots: Vec<usize> = (0..boxes.len()).collect();
        slots.sort_by_key(|&slot| down_over_up(boxes[slot]));
        for (row, slot) in slots.into_iter().enumerate() {
            row_of[run * split + slot] = row;
        }
    }
    row_of
}

/// Moves the centres `xs` of a row's boxes (in order along it) apart until
/// neighbours are `gap` clear of each other: halfway between pushing each
/// to the right of the one before and each to the left of the one after,
/// which keeps both the order and the clearance.
pub(super) fn spread_apart(xs: &mut [f32], breadths: &[f32], gap: f32) {
    let need = |i: usize| (breadths[i - 1] + breadths[i]) / 2.0 + gap;
    let mut pushed_right = xs.to_vec();
    for i in 1..xs.len() {
        pushed_right[i] = pushed_right[i].max(pushed_right[i - 1] + need(i));
    }
    let mut pushed_left = xs.to_vec();
    for i in (1..xs.len()).rev() {
        pushed_left[i - 1] = pushed_left[i - 1].min(pushed_left[i] - need(i));
    }
    for ((x, right), left) in xs.iter_mut().zip(pushed_right).zip(pushed_left) {
        *x = (right + left) / 2.0;
    }
}

#[cfg(test)]
mod tests {
    use super::super::proper::VertexBox;
    use super::*;

    #[test]
    fn crowded_boxes_spread_evenly_both_ways() {
        let mut xs = [0.0, 10.0, 20.0];
        spread_apart(&mut xs, &[100.0; 3], 20.0);
        assert_eq!(xs, [-110.0, 10.0, 130.0]);
    }

    #[test]
    fn boxes_linked_down_take_the_lower_sub_rows() {
        // Layer 1: 1 and 2 are linked up to 0 only, 3 also down to 4 and 5.
        let layer_of = [0, 1, 1, 1, 2, 2];
        let graph = ProperGraph::new(&boxes(6), &[(0, 1), (0, 2), (0, 3), (3, 4), (3, 5)], &layer_of);
        assert_eq!(sub_rows(&graph, &[1, 3, 2], 2), [0, 1, 0]);
        assert_eq!(sub_rows(&graph, &[3, 1, 2], 3), [2, 0, 1]);
    }

    fn boxes(count: usize) -> Vec<VertexBox> {
        (0..count).map(|i| VertexBox { breadth: 200.0, depth: 60.0, seed: i as f32 }).collect()
    }

    #[test]
    fn a_layer_dealt_in_three_keeps_its_order_and_its_boxes_apart() {
        // One parent over twelve children.
        let edges: Vec<(usize, usize)> = (1..13).map(|child| (0, child)).collect();
        let layer_of: Vec<usize> = std::iter::once(0).chain(std::iter::repeat_n(1, 12)).collect();
        let graph = ProperGraph::new(&boxes(13), &edges, &layer_of);
        let centres = dealt_drawing(&graph, &[1, 3], (40.0, 70.0, 16.0)).into_centres();
        let rows: std::collections::BTreeSet<u32> = centres[1..].iter().map(|c| c.1 as u32).collect();
        assert_eq!(rows.len(), 3, "{centres:?}");
        let order = &graph.layers[1];
        assert!(order.windows(2).all(|pair| centres[pair[0]].0 < centres[pair[1]].0), "{centres:?}");
        for (a, &u) in order.iter().enumerate() {
            for &v in &order[a + 1..] {
                let (cu, cv) = (centres[u], centres[v]);
                assert!(cu.1 != cv.1 || (cu.0 - cv.0).abs() >= 240.0 - 0.01, "{u} and {v} crowd: {centres:?}");
            }
        }
        let width = centres[1..].iter().map(|c| c.0).fold(f32::MIN, f32::max)
            - centres[1..].iter().map(|c| c.0).fold(f32::MAX, f32::min);
        assert!(width < 12.0 * 240.0 / 2.0, "about a third of the layer's length: {width}");
    }
}
