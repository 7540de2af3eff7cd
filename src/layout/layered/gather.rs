//! Rows gathered under their head, after the drawing is arranged: the boxes
//! a guide puts under one head (a question's explanations) drawn next to
//! each other in their order along each of their rows, every row centred
//! where they stood on average, and the head centred over them a layer gap before the row, so
//! that a reader can frame a question with its answers at a readable zoom.
//! The order along each row is kept, so links between that row and the next
//! cross as they did. Rows are then spread where boxes crowd, overlaps with
//! the rest cleared, pinned boxes kept, and (without pins) the drawing's
//! top-left corner kept where it was.

use super::dealt_rows::spread_apart;
use super::overlaps::{Extent, clear_overlaps};
use super::placement::Frame;
use super::{LayeredOptions, LayoutGraph};
use crate::model::Position;
use std::collections::BTreeMap;

/// `positions` with every box of `under` (`under[v]`: the head `v` is
/// gathered under) gathered under its head.
pub fn gather(
    positions: &mut [Position],
    graph: &LayoutGraph,
    under: &[Option<usize>],
    frame: &Frame,
    options: &LayeredOptions,
) {
    let n = graph.nodes.len().min(positions.len());
    let pinned: Vec<bool> = graph.nodes.iter().map(|node| node.pinned).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (member, head) in under.iter().enumerate().take(n) {
        if let Some(head) = *head
            && head < n
            && head != member
            && !pinned[member]
        {
            groups.entry(head).or_default().push(member);
        }
    }
    if groups.is_empty() {
        return;
    }
    let mut centres: Vec<(f32, f32)> = positions[..n].iter().map(|&p| frame.split(p)).collect();
    let sizes: Vec<(f32, f32)> =
        graph.nodes[..n].iter().map(|node| frame.breadth_depth(node.width, node.height)).collect();
    let corner = top_left(&centres, &sizes);
    let mut rows = Vec::new();
    for members in groups.values_mut() {
        members.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
        let middle = members.iter().map(|&m| centres[m].0).sum::<f32>() / members.len() as f32;
        let mut lines: Vec<f32> = members.iter().map(|&m| centres[m].1).collect();
        lines.sort_by(f32::total_cmp);
        lines.dedup();
        for line in lines {
            let row: Vec<usize> = members.iter().copied().filter(|&m| centres[m].1 == line).collect();
            let length = row.iter().map(|&m| sizes[m].0 + options.node_gap).sum::<f32>() - options.node_gap;
            let mut edge = middle - length / 2.0;
            for m in row {
                centres[m].0 = edge + sizes[m].0 / 2.0;
                edge += sizes[m].0 + options.node_gap;
            }
            rows.push(line);
        }
    }
    spread_rows(&mut centres, &sizes, &pinned, rows, options.node_gap);
    let mut head_rows = Vec::new();
    for (&head, members) in groups.iter().filter(|&(&head, _)| !pinned[head]) {
        let low = members.iter().map(|&m| centres[m].0 - sizes[m].0 / 2.0).fold(f32::MAX, f32::min);
        let high = members.iter().map(|&m| centres[m].0 + sizes[m].0 / 2.0).fold(f32::MIN, f32::max);
        let top = members.iter().map(|&m| centres[m].1 - sizes[m].1 / 2.0).fold(f32::MAX, f32::min);
        centres[head] = ((low + high) / 2.0, top - options.layer_gap - sizes[head].1 / 2.0);
        head_rows.push(centres[head].1);
    }
    spread_rows(&mut centres, &sizes, &pinned, head_rows, options.node_gap);
    if !pinned.iter().any(|&p| p) {
        let moved = top_left(&centres, &sizes);
        for centre in &mut centres {
            *centre = (centre.0 + corner.0 - moved.0, centre.1 + corner.1 - moved.1);
        }
    }
    let extents = centres.iter().zip(&sizes).map(|(&centre, &(breadth, depth))| Extent::around(centre, breadth, depth));
    let cleared = clear_overlaps(extents.collect(), &pinned, options.node_gap);
    for ((slot, extent), &fixed) in positions.iter_mut().zip(cleared).zip(&pinned) {
        if !fixed {
            let (along, across) = extent.centre();
            *slot = frame.join(along, across);
        }
    }
}

/// The low corner of the boxes' extent.
fn top_left(centres: &[(f32, f32)], sizes: &[(f32, f32)]) -> (f32, f32) {
    centres.iter().zip(sizes).fold((f32::MAX, f32::MAX), |low, (&(along, across), &(breadth, depth))| {
        (low.0.min(along - breadth / 2.0), low.1.min(across - depth / 2.0))
    })
}

/// Spreads apart, in their order along it, the free boxes of every row
/// (boxes centred on the same line across) whose line is in `rows`.
fn spread_rows(centres: &mut [(f32, f32)], sizes: &[(f32, f32)], pinned: &[bool], mut rows: Vec<f32>, gap: f32) {
    rows.sort_by(f32::total_cmp);
    rows.dedup();
    for row in rows {
        let mut members: Vec<usize> = (0..centres.len()).filter(|&v| !pinned[v] && centres[v].1 == row).collect();
        members.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
        let mut along: Vec<f32> = members.iter().map(|&v| centres[v].0).collect();
        let breadths: Vec<f32> = members.iter().map(|&v| sizes[v].0).collect();
        spread_apart(&mut along, &breadths, gap);
        for (&v, x) in members.iter().zip(along) {
            centres[v].0 = x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Direction, NodeBox};
    use super::*;

    fn node(x: f32, y: f32) -> NodeBox {
        NodeBox { width: 200.0, height: 60.0, position: Position::new(x, y), pinned: false }
    }

    #[test]
    fn a_heads_members_close_up_under_it_in_their_order() {
        // Head 0 far right; members 1, 2, 3 spread 1,000 apart on one row.
        let graph = LayoutGraph {
            nodes: vec![node(5_000.0, 0.0), node(0.0, 200.0), node(1_000.0, 200.0), node(2_000.0, 200.0)],
            edges: vec![],
        };
        let mut positions: Vec<Position> = graph.nodes.iter().map(|node| node.position).collect();
        let options = LayeredOptions::default();
        let under = [None, Some(0), Some(0), Some(0)];
        gather(&mut positions, &graph, &under, &Frame::new(Direction::Down), &options);
        let xs: Vec<f32> = positions[1..].iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|pair| (pair[1] - pair[0] - 240.0).abs() < 0.01), "{positions:?}");
        assert!((positions[0].x - xs[1]).abs() < 0.01, "the head is centred over them: {positions:?}");
        assert!(positions[0].y + 30.0 + options.layer_gap <= positions[1].y - 30.0 + 0.01, "{positions:?}");
    }
}
