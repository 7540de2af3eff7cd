//! Layered (Sugiyama) layout of a directed graph of boxes, pure geometry:
//! cycles broken ([`cycles`]), layers assigned ([`layers`], by
//! [`network_simplex`]), long edges split
//! by dummy vertices ([`proper`]), crossings reduced by sweeps and
//! transposition ([`ordering`]) — on a large graph then by sifting
//! ([`sifting`]) —, layers too long for the screen's shape dealt
//! into sub-layers and ordered again ([`bounds`]) — on a large graph dealt
//! into sub-rows of the order found ([`dealt_rows`]) —, coordinates by
//! Brandes–Köpf ([`coordinates`]), boxes swapped where that uncrosses the
//! straight links ([`uncross`]) — without an aim, laid out again from its
//! own result until a drawing comes back, the best of those kept
//! ([`relayout_cycle`]) —, then connected components packed in
//! shelves of the screen's shape and pinned boxes honoured ([`placement`]);
//! a whole drawing that still misses the screen's shape is laid out once
//! more, aimed past it ([`aim`]).
//! A layout made for a kind of map guides it ([`Guide`]): which boxes head
//! the first layer, where each starts along its layer, and which are
//! gathered in a row under another ([`gather`]), their components packed
//! side by side as blocks ([`blocks`]).
//!
//! The caller gives each box its real size, so the UI can pass what it
//! measured; `crate::layout::tidy` builds the graph from a map.

mod aim;
mod blocks;
mod bounds;
mod coordinates;
mod cycles;
mod dealt_rows;
mod gather;
mod layer_crossings;
mod layers;
mod network_simplex;
mod ordering;
mod overlaps;
mod placement;
mod proper;
mod relayout_cycle;
mod sifting;
mod uncross;

use crate::layout::figures::MAP_AREA_POINTS;
use crate::model::Position;
use ordering::Refinement;

/// Which way the layers run: the first layer holds the parents of edges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Layers are rows, the first at the top.
    #[default]
    Down,
    /// Layers are columns, the first at the left.
    Right,
}

/// A box to place: its size, where it is now (its centre), and whether it must stay there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    pub width: f32,
    pub height: f32,
    /// The centre of the box now: kept if pinned, else it seeds the order so
    /// that a re-layout after a small edit moves little.
    pub position: Position,
    pub pinned: bool,
}

/// Boxes and the edges between them, `(parent, child)` as indices into `nodes`:
/// a parent is placed in an earlier layer than its child where cycles allow.
/// Self-loops, repeated edges and out-of-range indices are ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutGraph {
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<(usize, usize)>,
}

/// How Tidy up lays a map out: which layout, the shape it aims at, the
/// direction and the spacing (in canvas units). The layered algorithm reads
/// all but `choice`, which `crate::layout::tidy_up` reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayeredOptions {
    pub choice: LayoutChoice,
    /// The width over the height the drawing is steered to (`None`: layers
    /// as long as they come). By default the shape of the window's map area.
    pub aspect: Option<f32>,
    pub direction: Direction,
    /// Between the boxes of consecutive layers.
    pub layer_gap: f32,
    /// Between neighbouring boxes of one layer.
    pub node_gap: f32,
    /// Beside an edge that passes through a layer.
    pub edge_gap: f32,
    /// Between connected components packed side by side.
    pub component_gap: f32,
}

impl Default for LayeredOptions {
    fn default() -> Self {
        Self {
            choice: LayoutChoice::Auto,
            aspect: Some(MAP_AREA_POINTS.0 / MAP_AREA_POINTS.1),
            direction: Direction::Down,
            layer_gap: 70.0,
            node_gap: 40.0,
            edge_gap: 16.0,
            component_gap: 100.0,
        }
    }
}

/// Which layout Tidy up uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LayoutChoice {
    /// Chosen per map: see `crate::layout::choose_layout`.
    #[default]
    Auto,
    /// Plain layers: the best for trees of reasons.
    Layered,
    /// The explanations side by side, each with what bears on it beneath
    /// (`crate::layout::explanations`).
    Explanations,
}

/// What a layout made for a kind of map tells the layered algorithm beyond
/// the graph. Empty, it changes nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Guide {
    /// Nodes put in the first layer when no edge comes into them.
    pub first_layer: Vec<bool>,
    /// Where each node starts along its layer, in place of its position.
    pub along: Option<Vec<f32>>,
    /// The node each is drawn under, beside the others under it, once the
    /// drawing is arranged (a question's explanations under the question):
    /// see [`gather`].
    pub under: Vec<Option<usize>>,
}

/// The new centre of every node, in the order of `graph.nodes`. Pinned nodes
/// keep their position; the others never overlap each other or a pinned node.
/// Without pinned nodes the drawing's top-left corner stays where the boxes'
/// top-left corner was. The same input always gives the same output.
pub fn layout(graph: &LayoutGraph, options: &LayeredOptions) -> Vec<Position> {
    layout_guided(graph, &Guide::default(), options)
}

/// [`layout`] with a [`Guide`].
pub fn layout_guided(graph: &LayoutGraph, guide: &Guide, options: &LayeredOptions) -> Vec<Position> {
    aim::held_to_aim(graph, options, |options| laid_out_once(graph, guide, options))
}

/// The drawing of every component, arranged and gathered.
fn laid_out_once(graph: &LayoutGraph, guide: &Guide, options: &LayeredOptions) -> Vec<Position> {
    let frame = placement::Frame::new(options.direction);
    let components = placement::components(graph);
    let blocks = blocks::Blocks::new(graph, &components, guide, &frame, options);
    let laid_out: Vec<placement::Placed> = (components.iter().enumerate())
        .map(|(index, component)| {
            let options = LayeredOptions { aspect: blocks.aspect(index), ..*options };
            lay_out_component(graph, component, guide, &frame, &options, blocks.is_shared(index))
        })
        .collect();
    let mut positions = placement::arrange(graph, &components, &blocks, laid_out, &frame, options);
    gather::gather(&mut positions, graph, &guide.under, &frame, options);
    positions
}

/// Re-layouts of its own result a component's drawing goes through at most,
/// if it has at most `SETTLING_VERTICES` vertices (dummies included).
const SETTLING_ROUNDS: usize = 6;
const SETTLING_VERTICES: usize = 1_000;

/// The layered drawing of one connected component, in the frame's (along,
/// across) coordinates; `shared`: steered to its share of a row of blocks.
fn lay_out_component(
    graph: &LayoutGraph,
    component: &placement::Component,
    guide: &Guide,
    frame: &placement::Frame,
    options: &LayeredOptions,
    shared: bool,
) -> placement::Placed {
    let boxes: Vec<proper::VertexBox> = component
        .nodes
        .iter()
        .map(|&index| {
            let node = &graph.nodes[index];
            let (breadth, depth) = frame.breadth_depth(node.width, node.height);
            let seed = guide.along.as_ref().and_then(|along| along.get(index).copied());
            proper::VertexBox { breadth, depth, seed: seed.unwrap_or_else(|| frame.along(node.position)) }
        })
        .collect();
    let acyclic = cycles::break_cycles(boxes.len(), &component.edges);
    let mut layer_of = layers::assign_layers(boxes.len(), &acyclic);
    let mut has_parent = vec![false; boxes.len()];
    for &(_, child) in &acyclic {
        has_parent[child] = true;
    }
    for (local, &node) in component.nodes.iter().enumerate() {
        if !has_parent[local] && guide.first_layer.get(node) == Some(&true) {
            layer_of[local] = 0;
        }
    }
    let whole_first = guide.first_layer.iter().any(|&first| first);
    let structure = (&acyclic[..], &layer_of[..]);
    let first = ordered_drawing(&mut boxes.clone(), structure, frame, options, (whole_first, shared));
    let vertices = proper::ProperGraph::new(&boxes, &acyclic, &layer_of).vertex_count();
    // Only the plain layout (no aim) is held to its own re-layout: the
    // screen-shaped ones deal boxes into sub-layers afresh each time.
    let centres = if options.aspect.is_none() && guide.along.is_none() && vertices <= SETTLING_VERTICES {
        relayout_cycle::settled(first, &acyclic, |drawing| {
            let mut seeded = boxes.clone();
            for (b, &(along, _)) in seeded.iter_mut().zip(drawing) {
                b.seed = along;
            }
            ordered_drawing(&mut seeded, structure, frame, options, (whole_first, shared))
        })
    } else {
        first
    };
    placement::Placed::new(centres, &boxes)
}

/// The centres of a component's boxes (seeded by `boxes`, which steering
/// re-seeds) with its acyclic edges and layers `structure`: layers
/// ordered, coordinates found, steered to the aim if any, boxes swapped.
fn ordered_drawing(
    boxes: &mut [proper::VertexBox],
    (acyclic, layer_of): (&[(usize, usize)], &[usize]),
    frame: &placement::Frame,
    options: &LayeredOptions,
    (whole_first, shared): (bool, bool),
) -> Vec<(f32, f32)> {
    let mut graph = proper::ProperGraph::new(boxes, acyclic, layer_of);
    let large = graph.vertex_count() > DEALT_AFTER_ORDERING;
    let sifted = (DEALT_AFTER_ORDERING + 1..=SIFTED_AT_MOST).contains(&graph.vertex_count());
    ordering::reduce_crossings(&mut graph, if sifted { Refinement::Sifting } else { Refinement::Plateaus });
    let mut drawing = drawn(graph.clone(), boxes, options);
    if let Some(aspect) = options.aspect {
        let aim = frame.length_over_thickness(aspect);
        drawing = steer_shape(drawing, &graph, boxes, (acyclic, layer_of), (aim, whole_first, shared), options);
    }
    let mut centres = drawing.into_centres();
    // A large drawing skips the swap pass: its swaps gain little for their
    // cost (a 1,000-claim map: 0.3 % fewer crossings for a sixth of the time).
    if !large {
        let breadths: Vec<f32> = boxes.iter().map(|b| b.breadth).collect();
        let band = uncross::Boxes { centres: &mut centres, breadths: &breadths, band: layer_of };
        uncross::uncross(band, acyclic, options.node_gap);
    }
    centres
}

/// The drawing nearest `aim` (its length over its thickness): long layers
/// dealt into sub-layers for an aim corrected by how far each try missed
/// (dummies and alignment make drawings longer than their layers' boxes).
/// Only a drawing too long is changed; `drawing` is that of `graph`. With
/// `whole_first`, the first layer stays one row. With `shared` (a drawing
/// steered to its share of a row of blocks, so narrower than the screen),
/// long layers are dealt into sub-rows of their order whatever the size:
/// split into layers of their own, a narrow drawing fans out, every
/// sub-layer's links running down past the sub-layers above it.
fn steer_shape(
    mut drawing: placement::Placed,
    graph: &proper::ProperGraph,
    boxes: &mut [proper::VertexBox],
    (edges, layer_of): (&[(usize, usize)], &[usize]),
    (aim, whole_first, shared): (f32, bool, bool),
    options: &LayeredOptions,
) -> placement::Placed {
    let along = places_in_order(graph, options.node_gap);
    for (b, &seed) in boxes.iter_mut().zip(&along) {
        b.seed = seed;
    }
    let miss = |placed: &placement::Placed| (placed.length_over_thickness() / aim).ln();
    let (mut steer, mut last_miss) = (aim, miss(&drawing));
    if last_miss < SHAPE_TOLERANCE.ln() {
        return drawing;
    }
    for _ in 0..SHAPE_ATTEMPTS {
        steer /= last_miss.exp();
        let gaps = (options.node_gap, options.layer_gap);
        let Some(splits) = bounds::choose_splits(layer_of, boxes, gaps, steer, whole_first) else { continue };
        let candidate = if shared || graph.vertex_count() > DEALT_AFTER_ORDERING {
            dealt_rows::dealt_drawing(graph, &splits, (options.node_gap, options.layer_gap, options.edge_gap))
        } else {
            let mut dealt = proper::ProperGraph::new(boxes, edges, &bounds::deal_layers(layer_of, &along, &splits));
            ordering::reduce_crossings(&mut dealt, Refinement::Plateaus);
            drawn(dealt, boxes, options)
        };
        last_miss = miss(&candidate);
        if last_miss.abs() < miss(&drawing).abs() {
            drawing = candidate;
        }
        if last_miss.abs() < SHAPE_TOLERANCE.ln() {
            break;
        }
    }
    drawing
}

/// Tries at steering a component's shape, at most, and the factor of the
/// aim a drawing may miss by.
const SHAPE_ATTEMPTS: usize = 4;
const SHAPE_TOLERANCE: f32 = 1.3;
/// Vertices (dummies included) past which long layers are dealt into
/// sub-rows of the order already found (`dealt_rows`) rather than split into
/// layers of their own and ordered again: splitting multiplies the dummies
/// of long edges by the sub-rows they cross (a 1,000-claim map's 2,800
/// vertices become 96,000), and ordering them costs seconds.
const DEALT_AFTER_ORDERING: usize = 2_000;
/// Vertices up to which a graph dealt after ordering is ordered by sifting
/// (`ordering::Refinement`): on a 1,000-claim map (2,800 vertices) the
/// drawing crosses 4 % less for a third less time, but on a 5,000-claim
/// map (26,000) more, not less (its many dummies, sifted, stray from the
/// straight links drawn), and in more time.
const SIFTED_AT_MOST: usize = 10_000;

/// The coordinates of an ordered proper graph, settled.
fn drawn(mut graph: proper::ProperGraph, boxes: &[proper::VertexBox], options: &LayeredOptions) -> placement::Placed {
    let mut along = coordinates::along_positions(&graph, options.node_gap, options.edge_gap);
    // Settle: do what a re-layout of this very drawing would do, until that
    // changes nothing, so that tidying a tidy map leaves it as it is. Each
    // round costs a crossing reduction, so only hand-sized maps settle (a
    // large random graph may not settle at all).
    let rounds = if graph.vertex_count() <= SETTLING_VERTICES { SETTLING_ROUNDS } else { 0 };
    for _ in 0..rounds {
        let order = graph.layers.clone();
        graph.reseed(&along[..graph.real]);
        ordering::reduce_crossings(&mut graph, Refinement::Plateaus);
        if graph.layers == order {
            break;
        }
        along = coordinates::along_positions(&graph, options.node_gap, options.edge_gap);
    }
    let across = coordinates::layer_centres(&graph, options.layer_gap);
    let centres = (0..boxes.len()).map(|v| (along[v], across[graph.layer_of[v]])).collect();
    placement::Placed::new(centres, boxes)
}

/// Where each real vertex would sit if every layer were packed in its
/// order, centred on zero: a cheap stand-in for coordinates, to deal layers by.
fn places_in_order(graph: &proper::ProperGraph, node_gap: f32) -> Vec<f32> {
    let mut along = vec![0.0; graph.real];
    for layer in &graph.layers {
        let real: Vec<usize> = layer.iter().copied().filter(|&v| !graph.is_dummy(v)).collect();
        let length: f32 = real.iter().map(|&v| graph.boxes[v].breadth + node_gap).sum();
        let mut edge = -length / 2.0;
        for v in real {
            along[v] = edge + graph.boxes[v].breadth / 2.0;
            edge += graph.boxes[v].breadth + node_gap;
        }
    }
    along
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(width: f32, height: f32) -> NodeBox {
        NodeBox { width, height, position: Position::default(), pinned: false }
    }

    #[test]
    fn a_chain_runs_down_in_layers() {
        let graph = LayoutGraph { nodes: vec![node(100.0, 40.0); 3], edges: vec![(0, 1), (1, 2)] };
        let positions = layout(&graph, &LayeredOptions::default());
        assert!(positions[0].y < positions[1].y && positions[1].y < positions[2].y, "{positions:?}");
        assert!((positions[0].x - positions[2].x).abs() < 1.0, "a chain is straight: {positions:?}");
    }

    #[test]
    fn a_chain_runs_right_when_asked() {
        let graph = LayoutGraph { nodes: vec![node(100.0, 40.0); 3], edges: vec![(0, 1), (1, 2)] };
        let options = LayeredOptions { direction: Direction::Right, ..LayeredOptions::default() };
        let positions = layout(&graph, &options);
        assert!(positions[0].x < positions[1].x && positions[1].x < positions[2].x, "{positions:?}");
        assert!(positions[1].x - positions[0].x >= 100.0 + options.layer_gap - 0.01);
    }

    #[test]
    fn siblings_sit_side_by_side_without_overlap() {
        let graph = LayoutGraph { nodes: vec![node(200.0, 50.0); 4], edges: vec![(0, 1), (0, 2), (0, 3)] };
        let options = LayeredOptions { aspect: None, ..LayeredOptions::default() };
        let positions = layout(&graph, &options);
        let mut xs: Vec<f32> = positions[1..].iter().map(|p| p.x).collect();
        xs.sort_by(f32::total_cmp);
        assert!(xs.windows(2).all(|pair| pair[1] - pair[0] >= 200.0 + options.node_gap - 0.01), "{xs:?}");
        assert!(positions[1..].iter().all(|p| p.y == positions[1].y));
    }

    #[test]
    fn an_empty_graph_lays_out_to_nothing() {
        assert!(layout(&LayoutGraph::default(), &LayeredOptions::default()).is_empty());
    }
}
