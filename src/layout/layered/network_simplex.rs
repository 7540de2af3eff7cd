//! Network simplex layering (Gansner, Koutsofios, North and Vo, "A technique
//! for drawing directed graphs", 1993): the layers that make the edges as
//! short as possible in total, each edge spanning at least one layer. A
//! spanning tree of tight edges is improved by exchanging an edge with a
//! negative cut value for the tightest edge across the same cut, with the
//! incremental updates of Graphviz's `ns.c`. An exchange costs up to
//! O(V + E); their count is capped, and stopping early still leaves valid layers.

/// Runs `(tail, head, weight)` edges of a connected acyclic graph from the
/// feasible `rank` (each head at least one past its tail) to an optimal one.
pub fn optimise_ranks(rank: &mut [i64], edges: &[(usize, usize, i64)]) {
    if rank.len() < 2 || edges.is_empty() {
        return;
    }
    let mut simplex = Simplex::new(rank.to_vec(), edges);
    simplex.feasible_tree();
    simplex.refresh_tree();
    let budget = EXCHANGE_WORK / (rank.len() + edges.len());
    for _ in 0..budget.clamp(MIN_EXCHANGES, MAX_EXCHANGES_PER_VERTEX * rank.len() + MIN_EXCHANGES) {
        let Some(leaving) = simplex.leaving_edge() else { break };
        let Some(entering) = simplex.entering_edge(leaving) else { break };
        simplex.exchange(leaving, entering);
    }
    rank.copy_from_slice(&simplex.rank);
}

/// Caps on the exchanges: per vertex (real graphs need far fewer), and by
/// work, each exchange costing up to O(V + E), so that thousands of vertices
/// take tens of milliseconds; the layers are then merely good. (A generated
/// map of 1,000 claims needs about 330 exchanges and gets 620; one of 5,000
/// gets 120, and its drawing has fewer crossings than with ten times more.)
const MAX_EXCHANGES_PER_VERTEX: usize = 8;
const EXCHANGE_WORK: usize = 2_000_000;
const MIN_EXCHANGES: usize = 100;
/// Candidates for the leaving edge looked at per exchange.
const SEARCH_SIZE: usize = 30;

struct Simplex {
    tails: Vec<usize>,
    heads: Vec<usize>,
    weights: Vec<i64>,
    /// The edges at each vertex.
    incident: Vec<Vec<usize>>,
    rank: Vec<i64>,
    in_tree: Vec<bool>,
    /// The tree edges at each vertex.
    tree: Vec<Vec<usize>>,
    cut: Vec<i64>,
    /// Postorder numbers from 1: a vertex's subtree holds the numbers `low..=lim`.
    low: Vec<usize>,
    lim: Vec<usize>,
    /// The vertex numbered `lim` (index 0 unused).
    at_lim: Vec<usize>,
    parent_edge: Vec<Option<usize>>,
    /// Where the search for a leaving edge resumes.
    search_from: usize,
}

impl Simplex {
    fn new(rank: Vec<i64>, edges: &[(usize, usize, i64)]) -> Self {
        let n = rank.len();
        let mut incident = vec![Vec::new(); n];
        for (index, &(tail, head, _)) in edges.iter().enumerate() {
            incident[tail].push(index);
            incident[head].push(index);
        }
        Self {
            tails: edges.iter().map(|e| e.0).collect(),
            heads: edges.iter().map(|e| e.1).collect(),
            weights: edges.iter().map(|e| e.2).collect(),
            incident,
            rank,
            in_tree: vec![false; edges.len()],
            tree: vec![Vec::new(); n],
            cut: vec![0; edges.len()],
            low: vec![0; n],
            lim: vec![0; n],
            at_lim: vec![0; n + 1],
            parent_edge: vec![None; n],
            search_from: 0,
        }
    }

    fn slack(&self, edge: usize) -> i64 {
        self.rank[self.heads[edge]] - self.rank[self.tails[edge]] - 1
    }

    fn other_end(&self, edge: usize, vertex: usize) -> usize {
        if self.tails[edge] == vertex { self.heads[edge] } else { self.tails[edge] }
    }

    /// Whether `v` is in the subtree under `top`.
    fn below(&self, top: usize, v: usize) -> bool {
        self.low[top] <= self.lim[v] && self.lim[v] <= self.lim[top]
    }

    /// A spanning tree of tight edges, grown from vertex 0 by shifting the
    /// tree's ranks to tighten the least slack edge leaving it.
    fn feasible_tree(&mut self) {
        let n = self.rank.len();
        let mut in_tree_vertex = vec![false; n];
        in_tree_vertex[0] = true;
        let mut members = vec![0usize];
        let mut stack = vec![0usize];
        loop {
            while let Some(v) = stack.pop() {
                for index in 0..self.incident[v].len() {
                    let edge = self.incident[v][index];
                    let w = self.other_end(edge, v);
                    if !in_tree_vertex[w] && self.slack(edge) == 0 {
                        in_tree_vertex[w] = true;
                        members.push(w);
                        self.add_tree_edge(edge);
                        stack.push(w);
                    }
                }
            }
            if members.len() == n {
                return;
            }
            let crossing = (0..self.tails.len())
                .filter(|&e| in_tree_vertex[self.tails[e]] != in_tree_vertex[self.heads[e]])
                .min_by_key(|&e| (self.slack(e), e));
            let Some(edge) = crossing else { return };
            let delta = if in_tree_vertex[self.tails[edge]] { self.slack(edge) } else { -self.slack(edge) };
            for &v in &members {
                self.rank[v] += delta;
            }
            // Only edges at the tree's vertices can have become tight.
            stack.clone_from(&members);
        }
    }

    fn add_tree_edge(&mut self, edge: usize) {
        self.in_tree[edge] = true;
        self.tree[self.tails[edge]].push(edge);
        self.tree[self.heads[edge]].push(edge);
    }

    fn remove_tree_edge(&mut self, edge: usize) {
        self.in_tree[edge] = false;
        for end in [self.tails[edge], self.heads[edge]] {
            self.tree[end].retain(|&e| e != edge);
        }
    }

    /// Numbers the whole tree from vertex 0, then computes every cut value, children first.
    fn refresh_tree(&mut self) {
        self.renumber(0, None, 1);
        for lim in 1..self.at_lim.len() {
            let v = self.at_lim[lim];
            self.set_cut_value(v);
        }
    }

    /// Postorder numbers for the subtree under `top` (reached by `parent`), the first being `first`.
    fn renumber(&mut self, top: usize, parent: Option<usize>, first: usize) {
        let mut next = first;
        self.parent_edge[top] = parent;
        self.low[top] = next;
        let mut stack: Vec<(usize, usize)> = vec![(top, 0)];
        while let Some(&mut (v, ref mut index)) = stack.last_mut() {
            if let Some(&edge) = self.tree[v].get(*index) {
                *index += 1;
                if self.parent_edge[v] == Some(edge) {
                    continue;
                }
                let w = self.other_end(edge, v);
                self.parent_edge[w] = Some(edge);
                self.low[w] = next;
                stack.push((w, 0));
            } else {
                self.lim[v] = next;
                self.at_lim[next] = v;
                next += 1;
                stack.pop();
            }
        }
    }

    /// The cut value of the tree edge above `child`, from those of the tree edges below it.
    fn set_cut_value(&mut self, child: usize) {
        let Some(edge) = self.parent_edge[child] else { return };
        let child_is_tail = self.tails[edge] == child;
        let mut cut = self.weights[edge];
        for &other in &self.incident[child] {
            if other == edge {
                continue;
            }
            let outgoing = self.tails[other] == child;
            let points_to_head = outgoing == child_is_tail;
            let weight = self.weights[other];
            cut += if points_to_head { weight } else { -weight };
            if self.in_tree[other] {
                cut += if points_to_head { -self.cut[other] } else { self.cut[other] };
            }
        }
        self.cut[edge] = cut;
    }

    /// The most negative of the next `SEARCH_SIZE` tree edges with a
    /// negative cut value, searching on from where the last search stopped
    /// (as dot does: fewer exchanges than taking the first found).
    fn leaving_edge(&mut self) -> Option<usize> {
        let count = self.tails.len();
        let mut best: Option<usize> = None;
        let mut found = 0;
        for step in 0..count {
            let edge = (self.search_from + step) % count;
            if self.in_tree[edge] && self.cut[edge] < 0 {
                if best.is_none_or(|b| self.cut[edge] < self.cut[b]) {
                    best = Some(edge);
                }
                found += 1;
                if found == SEARCH_SIZE {
                    self.search_from = (edge + 1) % count;
                    break;
                }
            }
        }
        best
    }

    /// The tightest edge from the head side of `leaving`'s cut to its tail
    /// side, found among the edges at the subtree below `leaving`.
    fn entering_edge(&self, leaving: usize) -> Option<usize> {
        let (tail, head) = (self.tails[leaving], self.heads[leaving]);
        let (top, into_subtree) = if self.lim[tail] < self.lim[head] { (tail, true) } else { (head, false) };
        let mut best: Option<(i64, usize)> = None;
        for lim in self.low[top]..=self.lim[top] {
            let v = self.at_lim[lim];
            for &edge in &self.incident[v] {
                let (from, to) = (self.tails[edge], self.heads[edge]);
                let crosses =
                    if into_subtree { to == v && !self.below(top, from) } else { from == v && !self.below(top, to) };
                if crosses && best.is_none_or(|b| (self.slack(edge), edge) < b) {
                    best = Some((self.slack(edge), edge));
                }
            }
        }
        best.map(|(_, edge)| edge)
    }

    /// Swaps `entering` into the tree for `leaving`: the subtree cut off
    /// shifts to make `entering` tight, cut values change along the tree path
    /// that `entering` closes, and the numbers are renewed below its top.
    fn exchange(&mut self, leaving: usize, entering: usize) {
        let (tail, head) = (self.tails[leaving], self.heads[leaving]);
        let top = if self.lim[tail] < self.lim[head] { tail } else { head };
        let slack = self.slack(entering);
        let delta = if self.below(top, self.tails[entering]) { slack } else { -slack };
        for lim in self.low[top]..=self.lim[top] {
            self.rank[self.at_lim[lim]] += delta;
        }
        let cut = self.cut[leaving];
        let meeting = self.update_path(self.tails[entering], self.heads[entering], cut, true);
        self.update_path(self.heads[entering], self.tails[entering], cut, false);
        self.cut[entering] = -cut;
        self.cut[leaving] = 0;
        self.remove_tree_edge(leaving);
        self.add_tree_edge(entering);
        self.renumber(meeting, self.parent_edge[meeting], self.low[meeting]);
    }

    /// Walks up the tree from `from` until the subtree holds `to`, moving
    /// the cut values on the way by `cut`; returns where it stopped.
    fn update_path(&mut self, from: usize, to: usize, cut: i64, forward: bool) -> usize {
        let mut v = from;
        while !self.below(v, to) {
            let Some(edge) = self.parent_edge[v] else { break };
            let same_way = if v == self.tails[edge] { forward } else { !forward };
            self.cut[edge] += if same_way { cut } else { -cut };
            v = if self.lim[self.tails[edge]] > self.lim[self.heads[edge]] {
                self.tails[edge]
            } else {
                self.heads[edge]
            };
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_length(rank: &[i64], edges: &[(usize, usize, i64)]) -> i64 {
        edges.iter().map(|&(t, h, w)| w * (rank[h] - rank[t])).sum()
    }

    #[test]
    fn a_source_far_above_its_only_child_comes_down() {
        // 0 → 1 → 2 → 3 and 4 → 3: longest path puts 4 at the top.
        let edges = [(0, 1, 1), (1, 2, 1), (2, 3, 1), (4, 3, 1)];
        let mut rank = vec![0, 1, 2, 3, 0];
        optimise_ranks(&mut rank, &edges);
        assert_eq!(rank[3] - rank[4], 1);
        assert_eq!(total_length(&rank, &edges), 4);
    }

    #[test]
    fn a_chain_moves_together_where_no_single_vertex_could() {
        // 4 → 5 → 3 beside 0 → 1 → 2 → 3: longest path leaves 5 → 3 two layers long,
        // and neither 4 nor 5 alone can move to shorten it.
        let edges = [(0, 1, 1), (1, 2, 1), (2, 3, 1), (4, 5, 1), (5, 3, 1)];
        let mut rank = vec![0, 1, 2, 3, 0, 1];
        optimise_ranks(&mut rank, &edges);
        assert_eq!((rank[5] - rank[4], rank[3] - rank[5]), (1, 1), "{rank:?}");
        assert_eq!(total_length(&rank, &edges), 5);
    }

    /// A small deterministic random DAG: each vertex after the first joins
    /// one to three earlier ones.
    fn random_dag(n: usize, seed: u64) -> Vec<(usize, usize, i64)> {
        let mut state = seed;
        let mut next = |bound: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % bound
        };
        let mut edges = Vec::new();
        for head in 1..n {
            for _ in 0..1 + next(3) {
                edges.push((next(head), head, 1 + next(2) as i64));
            }
        }
        edges.sort_unstable();
        edges.dedup_by_key(|e| (e.0, e.1));
        edges
    }

    /// The least total length over every ranking in `0..n`, by brute force.
    fn brute_force_optimum(n: usize, edges: &[(usize, usize, i64)]) -> i64 {
        let mut rank = vec![0i64; n];
        let mut best = i64::MAX;
        loop {
            if edges.iter().all(|&(t, h, _)| rank[h] > rank[t]) {
                best = best.min(total_length(&rank, edges));
            }
            let Some(digit) = rank.iter().position(|&r| r + 1 < n as i64) else { return best };
            rank[digit] += 1;
            rank[..digit].fill(0);
        }
    }

    #[test]
    fn the_result_is_feasible_and_as_short_as_brute_force_finds() {
        for seed in 0..40 {
            let n = 6;
            let edges = random_dag(n, seed);
            let mut rank = vec![0i64; n];
            for &(tail, head, _) in &edges {
                rank[head] = rank[head].max(rank[tail] + 1);
            }
            optimise_ranks(&mut rank, &edges);
            assert!(edges.iter().all(|&(t, h, _)| rank[h] > rank[t]), "seed {seed}: {rank:?}");
            assert_eq!(total_length(&rank, &edges), brute_force_optimum(n, &edges), "seed {seed}: {edges:?}");
        }
    }
}
