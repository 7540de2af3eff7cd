//! Where the laid-out components go: split the graph into connected
//! components, pack the free ones in shelves anchored at the top-left corner
//! the boxes had (the blocks of [`super::blocks`] first, side by side in one
//! row), line up each component that holds pinned boxes with its pins, and
//! keep the pinned boxes where they are.

use super::blocks::Blocks;
use super::overlaps::{Extent, clear_overlaps};
use super::proper::VertexBox;
use super::{Direction, LayeredOptions, LayoutGraph};
use crate::model::Position;

/// The shelves of packed components aim at drawings this many times longer
/// along the layers than across them, when no aspect is asked for.
const SHELF_ASPECT: f32 = 1.5;

/// Maps canvas coordinates to the layout's frame: `along` the layers and `across` them.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    direction: Direction,
}

impl Frame {
    pub fn new(direction: Direction) -> Self {
        Self { direction }
    }

    /// A box's size along its layer and across it.
    pub fn breadth_depth(&self, width: f32, height: f32) -> (f32, f32) {
        match self.direction {
            Direction::Down => (width, height),
            Direction::Right => (height, width),
        }
    }

    /// A drawing's length along the layers over its thickness across them,
    /// for a drawing `aspect` times wider than high.
    pub fn length_over_thickness(&self, aspect: f32) -> f32 {
        match self.direction {
            Direction::Down => aspect,
            Direction::Right => 1.0 / aspect,
        }
    }

    pub fn along(&self, position: Position) -> f32 {
        self.split(position).0
    }

    pub fn split(&self, position: Position) -> (f32, f32) {
        match self.direction {
            Direction::Down => (position.x, position.y),
            Direction::Right => (position.y, position.x),
        }
    }

    pub fn join(&self, along: f32, across: f32) -> Position {
        match self.direction {
            Direction::Down => Position::new(along, across),
            Direction::Right => Position::new(across, along),
        }
    }
}

/// A connected component: its nodes (indices into the graph) and its edges
/// between them, as indices into `nodes`.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub nodes: Vec<usize>,
    pub edges: Vec<(usize, usize)>,
}

/// The connected components, in the order of their first node.
pub fn components(graph: &LayoutGraph) -> Vec<Component> {
    let n = graph.nodes.len();
    let edges: Vec<(usize, usize)> = graph.edges.iter().copied().filter(|&(a, b)| a < n && b < n && a != b).collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut v: usize) -> usize {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    }
    for &(a, b) in &edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut component_of = vec![usize::MAX; n];
    let mut local = vec![0usize; n];
    let mut result: Vec<Component> = Vec::new();
    for (v, local) in local.iter_mut().enumerate() {
        let root = find(&mut parent, v);
        if component_of[root] == usize::MAX {
            component_of[root] = result.len();
            result.push(Component { nodes: Vec::new(), edges: Vec::new() });
        }
        let component = &mut result[component_of[root]];
        *local = component.nodes.len();
        component.nodes.push(v);
    }
    for (a, b) in edges {
        let root = find(&mut parent, a);
        result[component_of[root]].edges.push((local[a], local[b]));
    }
    result
}

/// A component's drawing in the frame: each node's centre, and the extent of its boxes.
#[derive(Clone, Debug)]
pub struct Placed {
    centres: Vec<(f32, f32)>,
    extent: Extent,
}

impl Placed {
    pub fn new(centres: Vec<(f32, f32)>, boxes: &[VertexBox]) -> Self {
        let extent = centres
            .iter()
            .zip(boxes)
            .map(|(&centre, b)| Extent::around(centre, b.breadth, b.depth))
            .reduce(|a, b| a.union(&b))
            .unwrap_or(Extent::around((0.0, 0.0), 0.0, 0.0));
        Self { centres, extent }
    }

    pub fn into_centres(self) -> Vec<(f32, f32)> {
        self.centres
    }

    pub fn length_over_thickness(&self) -> f32 {
        self.extent.length() / self.extent.thickness().max(1.0)
    }
}

/// The final centre of every node: components with pins lined up with them,
/// the rest packed, pinned nodes unmoved and nothing overlapping them.
pub fn arrange(
    graph: &LayoutGraph,
    components: &[Component],
    blocks: &Blocks,
    placed: Vec<Placed>,
    frame: &Frame,
    options: &LayeredOptions,
) -> Vec<Position> {
    let mut result: Vec<Position> = graph.nodes.iter().map(|node| node.position).collect();
    let mut packed: Vec<(usize, Placed)> = Vec::new();
    for (index, (component, drawing)) in components.iter().zip(placed).enumerate() {
        let pins: Vec<(f32, f32)> = component
            .nodes
            .iter()
            .zip(&drawing.centres)
            .filter(|&(&node, _)| graph.nodes[node].pinned)
            .map(|(&node, &(along, across))| {
                let (fixed_along, fixed_across) = frame.split(graph.nodes[node].position);
                (fixed_along - along, fixed_across - across)
            })
            .collect();
        if pins.is_empty() {
            packed.push((index, drawing));
        } else if pins.len() < component.nodes.len() {
            let shift = (median(pins.iter().map(|p| p.0).collect()), median(pins.iter().map(|p| p.1).collect()));
            write_free(graph, component, &drawing, shift, frame, &mut result);
        }
    }
    pack(graph, components, blocks, packed, frame, options, &mut result);
    if graph.nodes.iter().any(|node| node.pinned) {
        let extents: Vec<Extent> = graph
            .nodes
            .iter()
            .zip(&result)
            .map(|(node, &position)| {
                let (breadth, depth) = frame.breadth_depth(node.width, node.height);
                Extent::around(frame.split(position), breadth, depth)
            })
            .collect();
        let fixed: Vec<bool> = graph.nodes.iter().map(|node| node.pinned).collect();
        let cleared = clear_overlaps(extents, &fixed, options.node_gap);
        for ((slot, extent), node) in result.iter_mut().zip(cleared).zip(&graph.nodes) {
            if !node.pinned {
                let (along, across) = extent.centre();
                *slot = frame.join(along, across);
            }
        }
    }
    result
}

fn median(mut values: Vec<f32>) -> f32 {
    values.sort_by(f32::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 { values[middle] } else { (values[middle - 1] + values[middle]) / 2.0 }
}

/// Writes the centres of a component's unpinned nodes, moved by `shift` in the frame.
fn write_free(
    graph: &LayoutGraph,
    component: &Component,
    drawing: &Placed,
    shift: (f32, f32),
    frame: &Frame,
    result: &mut [Position],
) {
    for (&node, &(along, across)) in component.nodes.iter().zip(&drawing.centres) {
        if !graph.nodes[node].pinned {
            result[node] = frame.join(along + shift.0, across + shift.1);
        }
    }
}

/// Drawings packed as one: each part's component, its drawing and where
/// the low corner of the drawing's extent goes within the unit's extent.
struct Unit {
    parts: Vec<(usize, Placed, (f32, f32))>,
    extent: Extent,
}

impl Unit {
    fn alone(index: usize, drawing: Placed) -> Self {
        let extent = Extent { low: (0.0, 0.0), high: (drawing.extent.length(), drawing.extent.thickness()) };
        Self { parts: vec![(index, drawing, (0.0, 0.0))], extent }
    }

    /// A block's parts side by side, its heads centred above them a layer gap away.
    fn block(parts: Vec<(usize, Placed)>, heads: Vec<(usize, Placed)>, options: &LayeredOptions) -> Self {
        let head_length: f32 = heads.iter().map(|(_, p)| p.extent.length() + options.node_gap).sum::<f32>();
        let head_thickness = heads.iter().map(|(_, p)| p.extent.thickness()).fold(0.0, f32::max);
        let room = if heads.is_empty() { 0.0 } else { head_thickness + options.layer_gap };
        let (mut along, mut thickness) = (0.0f32, 0.0f32);
        let mut placed = Vec::with_capacity(parts.len() + heads.len());
        for (index, drawing) in parts {
            thickness = thickness.max(drawing.extent.thickness());
            let length = drawing.extent.length();
            placed.push((index, drawing, (along, room)));
            along += length + options.component_gap;
        }
        let length = (along - options.component_gap).max(0.0);
        let mut edge = (length - (head_length - options.node_gap)) / 2.0;
        let low = edge.min(0.0);
        for (index, drawing) in heads {
            let (step, across) =
                (drawing.extent.length() + options.node_gap, head_thickness - drawing.extent.thickness());
            placed.push((index, drawing, (edge, across)));
            edge += step;
        }
        let high = (length.max(edge - options.node_gap), room + thickness);
        let parts = placed.into_iter().map(|(index, drawing, (a, b))| (index, drawing, (a - low, b))).collect();
        Self { parts, extent: Extent { low: (0.0, 0.0), high: (high.0 - low, high.1) } }
    }
}

/// Shelf packing: the blocks first, side by side in their order, then the
/// largest components first, each shelf filled along the layers up to a
/// length that makes the whole about `SHELF_ASPECT` long (and holds the
/// blocks' row) — or past it, where that brings the whole nearer that
/// shape than a new shelf would —, the shelves stacked across; anchored at
/// the boxes' old top-left corner.
fn pack(
    graph: &LayoutGraph,
    components: &[Component],
    blocks: &Blocks,
    packed: Vec<(usize, Placed)>,
    frame: &Frame,
    options: &LayeredOptions,
    result: &mut [Position],
) {
    let Some(anchor) = packed
        .iter()
        .flat_map(|(index, _)| &components[*index].nodes)
        .map(|&node| {
            let node = &graph.nodes[node];
            let (breadth, depth) = frame.breadth_depth(node.width, node.height);
            Extent::around(frame.split(node.position), breadth, depth)
        })
        .reduce(|a, b| a.union(&b))
    else {
        return;
    };
    let mut drawings: Vec<Option<Placed>> = vec![None; components.len()];
    for (index, drawing) in packed {
        drawings[index] = Some(drawing);
    }
    let mut take = |indices: &[usize]| -> Vec<(usize, Placed)> {
        indices.iter().filter_map(|&index| Some((index, drawings[index].take()?))).collect()
    };
    let mut units: Vec<Unit> = Vec::new();
    for block in &blocks.blocks {
        let parts = take(&block.parts);
        if !parts.is_empty() {
            let heads = take(&block.heads);
            units.push(Unit::block(parts, heads, options));
        }
    }
    let gap = options.component_gap;
    let row: f32 = units.iter().map(|unit| unit.extent.length() + gap).sum::<f32>() - gap;
    let mut rest: Vec<(usize, Placed)> =
        drawings.into_iter().enumerate().filter_map(|(index, drawing)| Some((index, drawing?))).collect();
    rest.sort_by(|a, b| components[b.0].nodes.len().cmp(&components[a.0].nodes.len()).then(a.0.cmp(&b.0)));
    units.extend(rest.into_iter().map(|(index, drawing)| Unit::alone(index, drawing)));
    let area: f32 = units.iter().map(|unit| (unit.extent.length() + gap) * (unit.extent.thickness() + gap)).sum();
    let aspect = frame.length_over_thickness(options.aspect.unwrap_or(SHELF_ASPECT));
    let widest = units.iter().map(|unit| unit.extent.length()).fold(row, f32::max);
    let shelf_length = widest.max((area * aspect).sqrt());
    let miss = |(length, thickness): (f32, f32)| (length / thickness.max(1.0) / aspect).ln().abs();
    let (mut along, mut across, mut shelf_thickness, mut longest) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for unit in units {
        let (length, thickness) = (unit.extent.length(), unit.extent.thickness());
        let kept = (longest.max(along + length), across + shelf_thickness.max(thickness));
        let next = (longest.max(length), across + shelf_thickness + gap + thickness);
        if along > 0.0 && along + length > shelf_length && miss(next) <= miss(kept) {
            across += shelf_thickness + gap;
            along = 0.0;
            shelf_thickness = 0.0;
        }
        for (index, drawing, offset) in &unit.parts {
            let shift = (
                anchor.low.0 + along + offset.0 - drawing.extent.low.0,
                anchor.low.1 + across + offset.1 - drawing.extent.low.1,
            );
            write_free(graph, &components[*index], drawing, shift, frame, result);
        }
        longest = longest.max(along + length);
        along += length + gap;
        shelf_thickness = shelf_thickness.max(thickness);
    }
}

#[cfg(test)]
mod tests {
    use super::super::NodeBox;
    use super::*;

    #[test]
    fn components_split_and_keep_their_edges() {
        let node = NodeBox { width: 1.0, height: 1.0, position: Position::default(), pinned: false };
        let graph = LayoutGraph { nodes: vec![node; 5], edges: vec![(3, 1), (4, 2), (2, 2), (9, 0)] };
        let parts = components(&graph);
        let nodes: Vec<&[usize]> = parts.iter().map(|c| c.nodes.as_slice()).collect();
        assert_eq!(nodes, [&[0][..], &[1, 3], &[2, 4]]);
        assert_eq!(parts[1].edges, [(1, 0)]);
        assert_eq!(parts[2].edges, [(1, 0)]);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), 3.0);
    }
}
