//! Which layout Tidy up uses on a map left to choose (`LayoutChoice::Auto`):
//! the layered one for plain trees of reasons (every box bearing on at most
//! one other), which it draws without a crossing, and for maps with fewer
//! than two explanations heading them; the layout made for competing
//! explanations for the rest, where evidence bears on several rivals.

use super::explanations::Roles;
use super::layered::{LayoutChoice, LayoutGraph};

/// The layout `choice` comes to on this graph: never `Auto`.
pub fn choose_layout(choice: LayoutChoice, graph: &LayoutGraph, roles: &Roles) -> LayoutChoice {
    match choice {
        // The explanations layout's ordering and crossing passes take seconds past a few
        // hundred boxes (1.6 s at 1,000): a big map keeps the plain layered one.
        LayoutChoice::Auto if graph.nodes.len() > EXPLANATIONS_AT_MOST => LayoutChoice::Layered,
        LayoutChoice::Auto if roles.heads(graph).len() >= 2 && !is_forest(graph) => LayoutChoice::Explanations,
        LayoutChoice::Auto => LayoutChoice::Layered,
        chosen => chosen,
    }
}

/// The most boxes the automatic choice lays out as competing explanations.
const EXPLANATIONS_AT_MOST: usize = 600;

/// Whether every node has at most one parent (repeated edges counted once).
fn is_forest(graph: &LayoutGraph) -> bool {
    let mut parent: Vec<Option<usize>> = vec![None; graph.nodes.len()];
    graph.edges.iter().filter(|&&(a, b)| a != b).all(|&(a, b)| match parent.get_mut(b) {
        Some(slot @ None) => {
            *slot = Some(a);
            true
        }
        Some(Some(known)) => *known == a,
        None => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::NodeBox;
    use crate::model::Position;

    fn graph(edges: &[(usize, usize)]) -> LayoutGraph {
        let node = NodeBox { width: 10.0, height: 10.0, position: Position::default(), pinned: false };
        LayoutGraph { nodes: vec![node; 4], edges: edges.to_vec() }
    }

    #[test]
    fn rivals_sharing_evidence_get_the_explanations_layout_and_trees_the_layered_one() {
        let roles = Roles { explanation: vec![true, true, false, false], undercuts: vec![], answers: vec![] };
        let shared = graph(&[(0, 2), (1, 2), (1, 3)]);
        let tree = graph(&[(0, 2), (1, 3)]);
        assert_eq!(choose_layout(LayoutChoice::Auto, &shared, &roles), LayoutChoice::Explanations);
        assert_eq!(choose_layout(LayoutChoice::Auto, &tree, &roles), LayoutChoice::Layered);
        assert_eq!(choose_layout(LayoutChoice::Explanations, &tree, &roles), LayoutChoice::Explanations);
        let one = Roles { explanation: vec![true, false, false, false], undercuts: vec![], answers: vec![] };
        assert_eq!(choose_layout(LayoutChoice::Auto, &shared, &one), LayoutChoice::Layered);
    }
}
