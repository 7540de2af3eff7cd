//! A layout made for maps of competing explanations: the explanations side
//! by side in the first row, each with the claims, objections and evidence
//! that bear on it only gathered beneath it, and what bears on several of
//! them placed between those (at the mean of their places); an objection
//! beneath what it attacks, an undercut between the two ends of the link it
//! undercuts. The explanations of one question stand next to each other, in
//! the order that keeps the shared evidence's links short ([`groups`]), and
//! are drawn close together with their question centred over them. The layered algorithm then draws it
//! with that guide (`crate::layout::layered::Guide`): layers too long for the
//! screen's shape dealt into sub-layers, crossings reduced, pinned boxes kept.

mod groups;

use super::layered::{Guide, LayeredOptions, LayoutGraph, layout_guided};
use crate::model::Position;

/// Where neighbouring explanations start apart along the first row, in
/// canvas units: about one explanation's card and a gap.
const EXPLANATION_SPACING: f32 = 320.0;
/// Passes that seed boxes reaching no explanation from their seeded neighbours.
const NEIGHBOUR_PASSES: usize = 4;

/// What the layout needs to know of a map's boxes beyond the graph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roles {
    /// Whether each node is an explanation.
    pub explanation: Vec<bool>,
    /// `(undercutter, start)`: a node undercutting the link that starts at `start`
    /// (its edge in the graph goes to the claim that link ends at).
    pub undercuts: Vec<(usize, usize)>,
    /// For each node, the question it answers (an explanation's), if any:
    /// the explanations of one question stand next to each other, the
    /// question centred over them.
    pub answers: Vec<Option<usize>>,
}

impl Roles {
    /// The explanations that nothing bears on: those that head the drawing.
    pub fn heads(&self, graph: &LayoutGraph) -> Vec<usize> {
        let mut has_parent = vec![false; graph.nodes.len()];
        for &(parent, child) in &graph.edges {
            if parent != child
                && let Some(slot) = has_parent.get_mut(child)
            {
                *slot = true;
            }
        }
        (0..graph.nodes.len()).filter(|&v| self.explanation.get(v) == Some(&true) && !has_parent[v]).collect()
    }
}

/// The new centre of every node, in the order of `graph.nodes`, as
/// `layered::layout` promises: pinned nodes kept, no overlaps, deterministic.
pub fn layout(graph: &LayoutGraph, roles: &Roles, options: &LayeredOptions) -> Vec<Position> {
    layout_guided(graph, &guide(graph, roles), options)
}

/// The explanations heading the first layer, and where every node starts along it.
fn guide(graph: &LayoutGraph, roles: &Roles) -> Guide {
    let n = graph.nodes.len();
    let mut heads = roles.heads(graph);
    // Start from the order they stand in now, so a tidy map stays as it is.
    heads.sort_by(|&a, &b| graph.nodes[a].position.x.total_cmp(&graph.nodes[b].position.x).then(a.cmp(&b)));
    let reached = groups::reached(graph, &heads);
    let mut by_question: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for (rank, &head) in heads.iter().enumerate() {
        if let Some(&Some(question)) = roles.answers.get(head) {
            by_question.entry(question).or_default().push(rank);
        }
    }
    let together: Vec<Vec<usize>> = by_question.into_values().collect();
    let place = groups::order(heads.len(), &reached, &together);
    let mut along: Vec<Option<f32>> = reached
        .iter()
        .map(|set| {
            (!set.is_empty()).then(|| {
                set.iter().map(|&rank| place[rank] as f32).sum::<f32>() / set.len() as f32 * EXPLANATION_SPACING
            })
        })
        .collect();
    for _ in 0..NEIGHBOUR_PASSES {
        let mut sums = vec![(0.0f32, 0usize); n];
        for &(a, b) in graph.edges.iter().filter(|&&(a, b)| a < n && b < n) {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(seed) = along[from] {
                    sums[to].0 += seed;
                    sums[to].1 += 1;
                }
            }
        }
        for (slot, (sum, count)) in along.iter_mut().zip(sums) {
            if slot.is_none() && count > 0 {
                *slot = Some(sum / count as f32);
            }
        }
    }
    let mut along: Vec<f32> =
        along.iter().zip(&graph.nodes).map(|(seed, node)| seed.unwrap_or(node.position.x)).collect();
    for &(undercutter, start) in &roles.undercuts {
        if let (Some(&own), Some(&other)) = (along.get(undercutter), along.get(start)) {
            along[undercutter] = (own + other) / 2.0;
        }
    }
    let mut first_layer = vec![false; n];
    for &head in &heads {
        first_layer[head] = true;
    }
    Guide { first_layer, along: Some(along), under: roles.answers.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::NodeBox;

    fn node(x: f32) -> NodeBox {
        NodeBox { width: 200.0, height: 60.0, position: Position::new(x, 0.0), pinned: false }
    }

    /// Explanations 0, 1 and 2; claim 3 under 0 only; evidence 4 shared by 0 and 2; 5 under 2 only.
    fn rivals() -> (LayoutGraph, Roles) {
        let graph = LayoutGraph {
            nodes: (0..6).map(|i| node(i as f32)).collect(),
            edges: vec![(0, 3), (0, 4), (2, 4), (2, 5), (1, 5)],
        };
        let roles =
            Roles { explanation: vec![true, true, true, false, false, false], undercuts: vec![], answers: vec![] };
        (graph, roles)
    }

    #[test]
    fn shared_evidence_starts_between_its_explanations() {
        let (graph, roles) = rivals();
        let along = guide(&graph, &roles).along.expect("seeds");
        let (low, high) = (along[0].min(along[2]), along[0].max(along[2]));
        assert!(low < along[4] && along[4] < high, "{along:?}");
        assert_eq!(along[3], along[0]);
    }

    #[test]
    fn explanations_head_the_drawing_side_by_side() {
        let (graph, roles) = rivals();
        let positions = layout(&graph, &roles, &LayeredOptions::default());
        assert!(positions[..3].iter().all(|p| p.y == positions[0].y), "{positions:?}");
        assert!(positions[3..].iter().all(|p| p.y > positions[0].y), "{positions:?}");
    }
}
