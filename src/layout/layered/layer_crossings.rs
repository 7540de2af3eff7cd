//! Counting the crossings of a layered drawing in O(E log V): between two
//! consecutive layers, the edges sorted by their upper end are crossings
//! wherever their lower ends are out of order, counted with an accumulator
//! tree (Barth, Jünger and Mutzel, "Simple and efficient bilayer cross
//! counting", 2004).

use super::proper::ProperGraph;

/// The crossings between all consecutive layers, `position[v]` being each
/// vertex's index in its layer.
pub fn total_crossings(graph: &ProperGraph, position: &[usize]) -> u64 {
    let mut lower_ends: Vec<usize> = Vec::new();
    let mut tree: Vec<u64> = Vec::new();
    graph
        .layers
        .windows(2)
        .map(|pair| {
            lower_ends.clear();
            for &upper in &pair[0] {
                let start = lower_ends.len();
                lower_ends.extend(graph.down[upper].iter().map(|&lower| position[lower]));
                lower_ends[start..].sort_unstable();
            }
            bilayer_crossings(pair[1].len(), &lower_ends, &mut tree)
        })
        .sum()
}

/// Inversions in `lower_ends` (each below `lower_count`): the crossings of
/// edges listed in order of their upper ends. `tree` is scratch space.
pub fn bilayer_crossings(lower_count: usize, lower_ends: &[usize], tree: &mut Vec<u64>) -> u64 {
    let leaves = lower_count.max(1).next_power_of_two();
    tree.clear();
    tree.resize(2 * leaves - 1, 0);
    let mut crossings = 0;
    for &end in lower_ends {
        let mut index = end + leaves - 1;
        tree[index] += 1;
        while index > 0 {
            if index % 2 == 1 {
                crossings += tree[index + 1];
            }
            index = (index - 1) / 2;
            tree[index] += 1;
        }
    }
    crossings
}

#[cfg(test)]
mod tests {
    use super::super::ordering::positions;
    use super::super::proper::VertexBox;
    use super::*;
    use proptest::prelude::*;

    fn quadratic_inversions(ends: &[usize]) -> u64 {
        let mut count = 0;
        for i in 0..ends.len() {
            for j in i + 1..ends.len() {
                if ends[i] > ends[j] {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_tree_counts_what_pairs_count() {
        let mut tree = Vec::new();
        let cases: [&[usize]; 5] = [&[], &[0, 1, 2], &[2, 1, 0], &[0, 2, 1, 2, 0, 4, 3], &[1, 1, 0, 0]];
        for ends in cases {
            assert_eq!(bilayer_crossings(5, ends, &mut tree), quadratic_inversions(ends), "{ends:?}");
        }
    }

    /// The crossings of a proper graph by testing every pair of edges between consecutive layers.
    fn pairwise_crossings(graph: &ProperGraph) -> u64 {
        let position = positions(graph);
        let edges: Vec<(usize, usize)> =
            (0..graph.vertex_count()).flat_map(|u| graph.down[u].iter().map(move |&w| (u, w))).collect();
        let mut count = 0;
        for (index, &(a, b)) in edges.iter().enumerate() {
            for &(c, d) in &edges[index + 1..] {
                let same_layers = graph.layer_of[a] == graph.layer_of[c];
                let (above, below) = (position[a].cmp(&position[c]), position[b].cmp(&position[d]));
                if same_layers && above.is_ne() && below.is_ne() && above != below {
                    count += 1;
                }
            }
        }
        count
    }

    proptest! {
        #[test]
        fn the_tree_counts_what_pairs_of_edges_count(
            layer_of in prop::collection::vec(0usize..4, 2..30),
            seeds in prop::collection::vec(0.0f32..100.0, 30),
            links in prop::collection::vec((0usize..30, 0usize..30), 0..60),
        ) {
            let n = layer_of.len();
            let boxes: Vec<VertexBox> =
                seeds[..n].iter().map(|&seed| VertexBox { breadth: 10.0, depth: 10.0, seed }).collect();
            // Parents in earlier layers than their children, as the layering leaves them.
            let edges: Vec<(usize, usize)> = links
                .into_iter()
                .map(|(a, b)| (a % n, b % n))
                .filter(|&(a, b)| layer_of[a] < layer_of[b])
                .collect();
            let graph = ProperGraph::new(&boxes, &edges, &layer_of);
            prop_assert_eq!(total_crossings(&graph, &positions(&graph)), pairwise_crossings(&graph));
        }
    }
}
