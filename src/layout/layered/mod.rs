//! Layered (Sugiyama) layout of a directed graph of boxes, pure geometry:
//! cycles broken ([`cycles`]), layers assigned ([`layers`], by
//! [`network_simplex`]), long edges split
//! by dummy vertices ([`proper`]), crossings reduced by sweeps and
//! transposition ([`ordering`]), coordinates by Brandes–Köpf ([`coordinates`]),
//! then connected components packed side by side and pinned boxes honoured
//! ([`placement`]).
//!
//! The caller gives each box its real size, so the UI can pass what it
//! measured; `crate::layout::tidy` builds the graph from a map.

mod coordinates;
mod cycles;
mod layer_crossings;
mod layers;
mod network_simplex;
mod ordering;
mod overlaps;
mod placement;
mod proper;

use crate::model::Position;

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

/// Direction and spacing, in canvas units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayeredOptions {
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
        Self { direction: Direction::Down, layer_gap: 70.0, node_gap: 40.0, edge_gap: 16.0, component_gap: 100.0 }
    }
}

/// The new centre of every node, in the order of `graph.nodes`. Pinned nodes
/// keep their position; the others never overlap each other or a pinned node.
/// Without pinned nodes the drawing's top-left corner stays where the boxes'
/// top-left corner was. The same input always gives the same output.
pub fn layout(graph: &LayoutGraph, options: &LayeredOptions) -> Vec<Position> {
    let frame = placement::Frame::new(options.direction);
    let components = placement::components(graph);
    let laid_out: Vec<placement::Placed> =
        components.iter().map(|component| lay_out_component(graph, component, &frame, options)).collect();
    placement::arrange(graph, &components, laid_out, &frame, options)
}

/// Re-layouts of its own result a component's drawing goes through at most,
/// if it has at most `SETTLING_VERTICES` vertices (dummies included).
const SETTLING_ROUNDS: usize = 6;
const SETTLING_VERTICES: usize = 1_000;

/// The layered drawing of one connected component, in the frame's (along, across) coordinates.
fn lay_out_component(
    graph: &LayoutGraph,
    component: &placement::Component,
    frame: &placement::Frame,
    options: &LayeredOptions,
) -> placement::Placed {
    let boxes: Vec<proper::VertexBox> = component
        .nodes
        .iter()
        .map(|&node| {
            let node = &graph.nodes[node];
            let (breadth, depth) = frame.breadth_depth(node.width, node.height);
            proper::VertexBox { breadth, depth, seed: frame.along(node.position) }
        })
        .collect();
    let acyclic = cycles::break_cycles(boxes.len(), &component.edges);
    let layer_of = layers::assign_layers(boxes.len(), &acyclic);
    let mut graph = proper::ProperGraph::new(&boxes, &acyclic, &layer_of);
    ordering::reduce_crossings(&mut graph);
    let mut along = coordinates::along_positions(&graph, options.node_gap, options.edge_gap);
    // Settle: do what a re-layout of this very drawing would do, until that
    // changes nothing, so that tidying a tidy map leaves it as it is. Each
    // round costs a crossing reduction, so only hand-sized maps settle (a
    // large random graph may not settle at all).
    let rounds = if graph.vertex_count() <= SETTLING_VERTICES { SETTLING_ROUNDS } else { 0 };
    for _ in 0..rounds {
        let order = graph.layers.clone();
        graph.reseed(&along[..graph.real]);
        ordering::reduce_crossings(&mut graph);
        if graph.layers == order {
            break;
        }
        along = coordinates::along_positions(&graph, options.node_gap, options.edge_gap);
    }
    let across = coordinates::layer_centres(&graph, options.layer_gap);
    let centres = (0..boxes.len()).map(|v| (along[v], across[graph.layer_of[v]])).collect();
    placement::Placed::new(centres, &boxes)
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
        let options = LayeredOptions::default();
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
