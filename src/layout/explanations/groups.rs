//! Which explanations each box bears on, directly or through the claims it
//! supports or attacks, and the order of the explanations side by side that
//! keeps what several of them share short: the sum, over the boxes shared,
//! of how far apart their explanations stand.

use crate::layout::LayoutGraph;

/// Explanations ordered by trying every order, up to this many; above it,
/// neighbours are swapped while that shortens the spans.
const EXHAUSTIVE_UP_TO: usize = 7;
const SWAP_PASSES: usize = 4;

/// For every node, the explanations (indices into `explanations`) that it
/// reaches by following edges from child to parent, in increasing order.
pub fn reached(graph: &LayoutGraph, explanations: &[usize]) -> Vec<Vec<usize>> {
    let n = graph.nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(parent, child) in &graph.edges {
        if parent < n && child < n && parent != child {
            children[parent].push(child);
        }
    }
    let mut reached: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut seen = vec![usize::MAX; n];
    let mut stack = Vec::new();
    for (rank, &explanation) in explanations.iter().enumerate() {
        stack.push(explanation);
        seen[explanation] = rank;
        while let Some(node) = stack.pop() {
            reached[node].push(rank);
            for &child in &children[node] {
                if seen[child] != rank {
                    seen[child] = rank;
                    stack.push(child);
                }
            }
        }
    }
    reached
}

/// The place of every explanation side by side (`place[rank]`), starting
/// from the order given and changed only for a strictly shorter total span
/// of the nodes that reach several explanations. Each set of `together`
/// (the explanations of one question) is kept close before all that: its
/// span outweighs every shared node's.
pub fn order(count: usize, reached: &[Vec<usize>], together: &[Vec<usize>]) -> Vec<usize> {
    let shared: Vec<&[usize]> = reached.iter().filter(|set| set.len() > 1).map(Vec::as_slice).collect();
    let weight = shared.len() * count + 1;
    let span_of = |set: &[usize], place: &[usize]| {
        let (low, high) = set.iter().fold((usize::MAX, 0), |(low, high), &e| (low.min(place[e]), high.max(place[e])));
        high.saturating_sub(low)
    };
    let span = |place: &[usize]| -> usize {
        shared.iter().map(|set| span_of(set, place)).sum::<usize>()
            + together.iter().map(|set| weight * span_of(set, place)).sum::<usize>()
    };
    let mut best: Vec<usize> = (0..count).collect();
    let mut best_span = span(&best);
    if count <= EXHAUSTIVE_UP_TO {
        let mut place = best.clone();
        while next_permutation(&mut place) {
            let candidate = span(&place);
            if candidate < best_span {
                (best, best_span) = (place.clone(), candidate);
            }
        }
        return best;
    }
    let mut at: Vec<usize> = (0..count).collect();
    for _ in 0..SWAP_PASSES {
        let mut improved = false;
        for slot in 0..count - 1 {
            let (a, b) = (at[slot], at[slot + 1]);
            best.swap(a, b);
            let candidate = span(&best);
            if candidate < best_span {
                best_span = candidate;
                at.swap(slot, slot + 1);
                improved = true;
            } else {
                best.swap(a, b);
            }
        }
        if !improved {
            break;
        }
    }
    best
}

/// The next permutation in lexicographic order, `false` after the last.
fn next_permutation(values: &mut [usize]) -> bool {
    let Some(pivot) = (1..values.len()).rev().find(|&i| values[i - 1] < values[i]) else { return false };
    let Some(swap) = (pivot..values.len()).rev().find(|&i| values[i] > values[pivot - 1]) else { return false };
    values.swap(pivot - 1, swap);
    values[pivot..].reverse();
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::NodeBox;
    use crate::model::Position;

    fn graph(n: usize, edges: &[(usize, usize)]) -> LayoutGraph {
        let node = NodeBox { width: 10.0, height: 10.0, position: Position::default(), pinned: false };
        LayoutGraph { nodes: vec![node; n], edges: edges.to_vec() }
    }

    #[test]
    fn evidence_reaches_every_explanation_above_it() {
        // Explanations 0 and 1; claim 2 supports 0; event 3 bears on 2 and on 1.
        let reached = reached(&graph(4, &[(0, 2), (2, 3), (1, 3)]), &[0, 1]);
        assert_eq!(reached, [vec![0], vec![1], vec![0], vec![0, 1]]);
    }

    #[test]
    fn explanations_sharing_evidence_stand_side_by_side() {
        // Explanations 0, 1, 2: evidence shared by 0 and 2 twice, by 1 alone.
        let reached = [vec![0, 2], vec![0, 2], vec![1]];
        let place = order(3, &reached, &[]);
        assert_eq!(place[0].abs_diff(place[2]), 1, "{place:?}");
    }

    #[test]
    fn an_order_with_nothing_shared_is_kept() {
        assert_eq!(order(9, &[vec![3], vec![5]], &[]), (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn a_questions_explanations_stand_together_before_shared_evidence() {
        // Evidence shared by 0 and 2 twice, but 0 and 1 answer one question.
        let place = order(3, &[vec![0, 2], vec![0, 2]], &[vec![0, 1]]);
        assert_eq!(place[0].abs_diff(place[1]), 1, "{place:?}");
    }
}
