//! Groups drawn side by side: the connected components holding the boxes a
//! guide gathers under one head (a question's explanations, with all that
//! bears on them) make that head's block, and the blocks stand next to each
//! other in one row rather than stacked, in the order they stand in along
//! the layers now, so that a reader can frame two questions with their
//! answers at once. Each component of a block is steered to its share of
//! the screen's shape (its share of the blocks' area), so that the row of
//! blocks is as long as the drawing should be; each block keeps room above
//! it for its heads, which [`super::gather`] then centres over their boxes.

use super::placement::{Component, Frame};
use super::{Guide, LayeredOptions, LayoutGraph};

/// The blocks of a drawing, and the aspect each component is steered to.
#[derive(Clone, Debug, Default)]
pub struct Blocks {
    /// In order along the row: each block's components side by side, in
    /// order, and its components made of heads only (placed above them).
    pub blocks: Vec<Block>,
    aspects: Vec<Option<f32>>,
    shared: Vec<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    pub parts: Vec<usize>,
    pub heads: Vec<usize>,
}

impl Blocks {
    /// The blocks the guide's heads make of `components`.
    pub fn new(
        graph: &LayoutGraph,
        components: &[Component],
        guide: &Guide,
        frame: &Frame,
        options: &LayeredOptions,
    ) -> Self {
        let n = graph.nodes.len();
        let mut component_of = vec![0; n];
        for (index, component) in components.iter().enumerate() {
            for &node in &component.nodes {
                component_of[node] = index;
            }
        }
        let pairs: Vec<(usize, usize)> = (0..n)
            .filter_map(|member| Some((member, guide.under.get(member).copied().flatten()?)))
            .filter(|&(member, head)| head < n && head != member && !graph.nodes[member].pinned)
            .collect();
        let mut is_head = vec![false; n];
        let mut joined: Vec<usize> = (0..components.len()).collect();
        for &(member, head) in &pairs {
            is_head[head] = true;
            let (a, b) = (root(&mut joined, component_of[member]), root(&mut joined, component_of[head]));
            joined[a.max(b)] = a.min(b);
        }
        let seed = |node: usize| {
            guide
                .along
                .as_ref()
                .and_then(|along| along.get(node).copied())
                .unwrap_or(frame.along(graph.nodes[node].position))
        };
        let mean_seed = |component: usize| {
            let nodes = &components[component].nodes;
            nodes.iter().map(|&node| seed(node)).sum::<f32>() / nodes.len().max(1) as f32
        };
        let mut by_root: std::collections::BTreeMap<usize, Block> = std::collections::BTreeMap::new();
        for &(member, _) in &pairs {
            by_root.entry(root(&mut joined, component_of[member])).or_default();
        }
        for (index, component) in components.iter().enumerate() {
            let Some(block) = by_root.get_mut(&root(&mut joined, index)) else { continue };
            if component.nodes.iter().all(|&node| is_head[node]) {
                block.heads.push(index);
            } else {
                block.parts.push(index);
            }
        }
        let by_seed = |a: &usize, b: &usize| mean_seed(*a).total_cmp(&mean_seed(*b)).then(a.cmp(b));
        let mut blocks: Vec<Block> = by_root.into_values().filter(|block| !block.parts.is_empty()).collect();
        for block in &mut blocks {
            block.parts.sort_by(by_seed);
            block.heads.sort_by(by_seed);
        }
        let block_seed = |block: &Block| block.parts.iter().map(|&part| mean_seed(part)).sum::<f32>();
        blocks
            .sort_by(|a, b| (block_seed(a) / a.parts.len() as f32).total_cmp(&(block_seed(b) / b.parts.len() as f32)));
        let area = |component: usize| -> f32 {
            components[component]
                .nodes
                .iter()
                .map(|&node| {
                    let (breadth, depth) = frame.breadth_depth(graph.nodes[node].width, graph.nodes[node].height);
                    (breadth + options.node_gap) * (depth + options.layer_gap)
                })
                .sum()
        };
        let total: f32 = blocks.iter().flat_map(|block| &block.parts).map(|&part| area(part)).sum();
        let mut aspects = vec![options.aspect; components.len()];
        let mut shared = vec![false; components.len()];
        let row: Vec<usize> = blocks.iter().flat_map(|block| block.parts.iter().copied()).collect();
        if let Some(aspect) = options.aspect
            && total > 0.0
            && row.len() > 1
        {
            for part in row {
                let share = area(part) / total;
                aspects[part] = Some(frame.length_over_thickness(frame.length_over_thickness(aspect) * share));
                shared[part] = true;
            }
        }
        Self { blocks, aspects, shared }
    }

    /// The aspect component `index` is steered to.
    pub fn aspect(&self, index: usize) -> Option<f32> {
        self.aspects.get(index).copied().flatten()
    }

    /// Whether component `index` is steered to a share of a row of several.
    pub fn is_shared(&self, index: usize) -> bool {
        self.shared.get(index) == Some(&true)
    }
}

fn root(parent: &mut [usize], mut v: usize) -> usize {
    while parent[v] != v {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    v
}

#[cfg(test)]
mod tests {
    use super::super::placement::components;
    use super::super::{Direction, NodeBox};
    use super::*;
    use crate::model::Position;

    fn node(x: f32) -> NodeBox {
        NodeBox { width: 200.0, height: 60.0, position: Position::new(x, 0.0), pinned: false }
    }

    /// Heads 0 (at the right) and 1; 2 under 0 with child 3; 4 under 1 with children 5 and 6.
    fn two_questions() -> LayoutGraph {
        let xs = [900.0, 0.0, 900.0, 900.0, 0.0, 0.0, 0.0];
        LayoutGraph { nodes: xs.iter().map(|&x| node(x)).collect(), edges: vec![(2, 3), (4, 5), (4, 6)] }
    }

    #[test]
    fn each_heads_components_make_a_block_in_their_order_along() {
        let graph = two_questions();
        let guide = Guide { under: vec![None, None, Some(0), None, Some(1), None, None], ..Guide::default() };
        let parts = components(&graph);
        let options = LayeredOptions { aspect: Some(2.0), ..LayeredOptions::default() };
        let blocks = Blocks::new(&graph, &parts, &guide, &Frame::new(Direction::Down), &options);
        let component = |node: usize| parts.iter().position(|c| c.nodes.contains(&node)).expect("a component");
        let expected = [
            Block { parts: vec![component(4)], heads: vec![component(1)] },
            Block { parts: vec![component(2)], heads: vec![component(0)] },
        ];
        assert_eq!(blocks.blocks, expected);
        let (left, right) =
            (blocks.aspect(component(4)).expect("steered"), blocks.aspect(component(2)).expect("steered"));
        assert!((left + right - 2.0).abs() < 1e-4 && left > right, "shares of the row: {left} and {right}");
        assert_eq!(blocks.aspect(component(1)), Some(2.0), "a head alone is not a part");
    }

    /// Heads 0 and 1, two members under each (2, 3 and 4, 5), each member
    /// over six boxes of its own: two components, and the heads apart.
    fn two_groups() -> (LayoutGraph, Guide) {
        let mut edges = Vec::new();
        for member in 2..6 {
            edges.extend((0..6).map(|child| (member, 6 + 6 * (member - 2) + child)));
        }
        let graph = LayoutGraph { nodes: (0..30).map(|i| node(i as f32)).collect(), edges };
        let under = (0..30).map(|v| match v {
            2 | 3 => Some(0),
            4 | 5 => Some(1),
            _ => None,
        });
        (graph, Guide { under: under.collect(), ..Guide::default() })
    }

    #[test]
    fn two_groups_stand_side_by_side_each_head_centred_over_its_members() {
        let (graph, guide) = two_groups();
        let positions = super::super::layout_guided(&graph, &guide, &LayeredOptions::default());
        let span = |members: &[usize]| {
            let low = members.iter().map(|&m| positions[m].x - 100.0).fold(f32::MAX, f32::min);
            let high = members.iter().map(|&m| positions[m].x + 100.0).fold(f32::MIN, f32::max);
            (low, high)
        };
        let (first, second) = (span(&[2, 3]), span(&[4, 5]));
        assert!(first.1 < second.0 || second.1 < first.0, "side by side: {first:?} and {second:?}");
        assert!(positions[2..6].iter().all(|p| p.y == positions[2].y), "in one row: {positions:?}");
        for (head, (low, high)) in [(0, first), (1, second)] {
            assert!((positions[head].x - (low + high) / 2.0).abs() < 0.5, "head {head} centred: {positions:?}");
            assert!(positions[head].y < positions[2].y, "head {head} above: {positions:?}");
        }
    }
}
