//! Cycle breaking: the edges of a graph turned so that none closes a cycle,
//! by a depth-first search that reverses each edge back onto its own path
//! (linear time). Searches start from the vertices without parents, so an
//! acyclic graph keeps every edge as it was.

/// The edges of an `n`-vertex graph with the back edges of a depth-first
/// search reversed: the result has no directed cycle. Self-loops are dropped.
pub fn break_cycles(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_parent = vec![false; n];
    for &(parent, child) in edges {
        if parent != child {
            children[parent].push(child);
            has_parent[child] = true;
        }
    }
    let mut state = vec![Visit::New; n];
    let mut back_edges: Vec<(usize, usize)> = Vec::new();
    let roots = (0..n).filter(|&v| !has_parent[v]).chain(0..n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in roots {
        if state[root] != Visit::New {
            continue;
        }
        state[root] = Visit::OnPath;
        stack.push((root, 0));
        while let Some((vertex, next)) = stack.last_mut() {
            let vertex = *vertex;
            match children[vertex].get(*next).copied() {
                Some(child) => {
                    *next += 1;
                    match state[child] {
                        Visit::New => {
                            state[child] = Visit::OnPath;
                            stack.push((child, 0));
                        }
                        Visit::OnPath => back_edges.push((vertex, child)),
                        Visit::Done => {}
                    }
                }
                None => {
                    state[vertex] = Visit::Done;
                    stack.pop();
                }
            }
        }
    }
    back_edges.sort_unstable();
    edges
        .iter()
        .filter(|(parent, child)| parent != child)
        .map(
            |&(parent, child)| {
                if back_edges.binary_search(&(parent, child)).is_ok() { (child, parent) } else { (parent, child) }
            },
        )
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Visit {
    New,
    OnPath,
    Done,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cycle(n: usize, edges: &[(usize, usize)]) -> bool {
        let mut indegree = vec![0; n];
        for &(_, child) in edges {
            indegree[child] += 1;
        }
        let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
        let mut seen = 0;
        while let Some(v) = ready.pop() {
            seen += 1;
            for &(parent, child) in edges {
                if parent == v {
                    indegree[child] -= 1;
                    if indegree[child] == 0 {
                        ready.push(child);
                    }
                }
            }
        }
        seen < n
    }

    #[test]
    fn acyclic_graphs_keep_their_edges() {
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3)];
        assert_eq!(break_cycles(4, &edges), edges);
    }

    #[test]
    fn cycles_are_broken_by_reversing_few_edges() {
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)];
        let acyclic = break_cycles(4, &edges);
        assert!(!has_cycle(4, &acyclic), "{acyclic:?}");
        let reversed = acyclic.iter().zip(&edges).filter(|(a, b)| a != b).count();
        assert!((1..=2).contains(&reversed), "{acyclic:?}");
    }

    #[test]
    fn self_loops_are_dropped() {
        assert_eq!(break_cycles(2, &[(0, 0), (0, 1)]), [(0, 1)]);
    }
}
