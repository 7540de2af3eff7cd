//! Layer assignment: longest path from the sources, shortened by moving
//! single vertices, then network simplex to make the edges as short as
//! possible in total (fewer dummy vertices, fewer crossings).

use super::network_simplex::optimise_ranks;

/// Passes of the shortening head start at most.
const MAX_SHORTENING_PASSES: usize = 16;

/// The layer of each of `n` vertices, the first being 0, such that every
/// parent of an acyclic `edges` list is in an earlier layer than its child.
pub fn assign_layers(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(parent, child) in edges {
        parents[child].push(parent);
        children[parent].push(child);
    }
    let order = topological_order(&parents, &children);
    let mut layer = vec![0usize; n];
    for &v in &order {
        layer[v] = parents[v].iter().map(|&p| layer[p] + 1).max().unwrap_or(0);
    }
    shorten_edges(&order, &parents, &children, &mut layer);
    let mut weighted: Vec<(usize, usize, i64)> = edges.iter().map(|&(p, c)| (p, c, 1)).collect();
    weighted.sort_unstable();
    weighted.dedup_by(|later, first| {
        let same = (later.0, later.1) == (first.0, first.1);
        if same {
            first.2 += 1;
        }
        same
    });
    let mut rank: Vec<i64> = layer.iter().map(|&l| l as i64).collect();
    optimise_ranks(&mut rank, &weighted);
    let first = rank.iter().copied().min().unwrap_or(0);
    rank.iter().map(|&r| (r - first) as usize).collect()
}
/// Kahn's algorithm, smallest index first among the ready vertices (so the
/// result is deterministic). Vertices on a cycle, which the caller has
/// broken, would be left out.
fn topological_order(parents: &[Vec<usize>], children: &[Vec<usize>]) -> Vec<usize> {
    let mut waiting: Vec<usize> = parents.iter().map(Vec::len).collect();
    let mut ready: Vec<usize> = (0..parents.len()).rev().filter(|&v| waiting[v] == 0).collect();
    let mut order = Vec::with_capacity(parents.len());
    while let Some(v) = ready.pop() {
        order.push(v);
        for &child in children[v].iter().rev() {
            waiting[child] -= 1;
            if waiting[child] == 0 {
                ready.push(child);
            }
        }
    }
    order
}

/// Moves each vertex to the end of its free range that most of its edges
/// pull towards (up with more parents, down with more children), until
/// nothing moves: a cheap head start for network simplex.
fn shorten_edges(order: &[usize], parents: &[Vec<usize>], children: &[Vec<usize>], layer: &mut [usize]) {
    for _ in 0..MAX_SHORTENING_PASSES {
        let mut moved = false;
        for &v in order.iter().rev() {
            let (up, down) = (parents[v].len(), children[v].len());
            let target = if down > up {
                children[v].iter().map(|&c| layer[c] - 1).min()
            } else if up > down {
                parents[v].iter().map(|&p| layer[p] + 1).max()
            } else {
                None
            };
            if let Some(target) = target
                && target != layer[v]
            {
                layer[v] = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_children() {
        let edges = [(0, 1), (1, 2), (0, 2), (3, 2)];
        let layer = assign_layers(4, &edges);
        assert!(edges.iter().all(|&(p, c)| layer[p] < layer[c]), "{layer:?}");
        assert_eq!(layer[0], 0);
    }

    #[test]
    fn a_lone_source_moves_down_next_to_its_child() {
        // 3 has one child, 2, which sits two layers down the chain 0 → 1 → 2.
        let layer = assign_layers(4, &[(0, 1), (1, 2), (3, 2)]);
        assert_eq!(layer, [0, 1, 2, 1]);
    }

    #[test]
    fn isolated_vertices_take_the_first_layer() {
        assert_eq!(assign_layers(3, &[]), [0, 0, 0]);
    }
}
