//! The proper layered graph: every edge joins consecutive layers, long edges
//! being split by dummy vertices (no size, one per layer crossed). Vertices
//! `0..real` are the caller's boxes; the rest are dummies.

/// A box in the layout's own frame: `breadth` along its layer, `depth`
/// across, and `seed`, its current place along the layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VertexBox {
    pub breadth: f32,
    pub depth: f32,
    pub seed: f32,
}

/// Layers of vertices in order, and each vertex's neighbours in the layers
/// above and below.
#[derive(Clone, Debug)]
pub struct ProperGraph {
    /// The vertices of each layer, first to last along it.
    pub layers: Vec<Vec<usize>>,
    pub layer_of: Vec<usize>,
    /// Neighbours in the previous layer.
    pub up: Vec<Vec<usize>>,
    /// Neighbours in the next layer.
    pub down: Vec<Vec<usize>>,
    pub boxes: Vec<VertexBox>,
    /// How many vertices are the caller's boxes; the rest are dummies.
    pub real: usize,
}

impl ProperGraph {
    /// Splits the acyclic `edges` (parent layer before child layer) at every
    /// layer they cross. Repeated edges are kept once. The layers start in
    /// the order of the seeds, dummies seeded in proportion between their ends.
    pub fn new(boxes: &[VertexBox], edges: &[(usize, usize)], layer_of: &[usize]) -> Self {
        let layer_count = layer_of.iter().max().map_or(0, |&last| last + 1);
        let mut graph = Self {
            layers: vec![Vec::new(); layer_count],
            layer_of: layer_of.to_vec(),
            up: vec![Vec::new(); boxes.len()],
            down: vec![Vec::new(); boxes.len()],
            boxes: boxes.to_vec(),
            real: boxes.len(),
        };
        let mut unique: Vec<(usize, usize)> = edges.to_vec();
        unique.sort_unstable();
        unique.dedup();
        for (parent, child) in unique {
            graph.add_edge(parent, child);
        }
        for (v, &layer) in graph.layer_of.iter().enumerate() {
            graph.layers[layer].push(v);
        }
        graph.sort_by_seeds();
        graph
    }

    /// Seeds the boxes at `along` (one per real vertex), the dummies in
    /// proportion between their edge's ends as [`Self::new`] does, and
    /// orders the layers by them.
    pub fn reseed(&mut self, along: &[f32]) {
        for (b, &seed) in self.boxes.iter_mut().zip(along) {
            b.seed = seed;
        }
        for v in 0..self.real {
            for index in 0..self.down[v].len() {
                let mut chain = vec![self.down[v][index]];
                while let Some(&last) = chain.last().filter(|&&d| self.is_dummy(d)) {
                    chain.push(self.down[last][0]);
                }
                let Some(&end) = chain.last() else { continue };
                let (from, to) = (self.boxes[v].seed, self.boxes[end].seed);
                let span = chain.len() as f32;
                for (step, &dummy) in chain[..chain.len() - 1].iter().enumerate() {
                    self.boxes[dummy].seed = from + (to - from) * ((step + 1) as f32 / span);
                }
            }
        }
        self.sort_by_seeds();
    }

    fn sort_by_seeds(&mut self) {
        let seeds: Vec<f32> = self.boxes.iter().map(|b| b.seed).collect();
        for layer in &mut self.layers {
            layer.sort_by(|&a, &b| seeds[a].total_cmp(&seeds[b]).then(a.cmp(&b)));
        }
    }

    fn add_edge(&mut self, parent: usize, child: usize) {
        let (first, last) = (self.layer_of[parent], self.layer_of[child]);
        let (from_seed, to_seed) = (self.boxes[parent].seed, self.boxes[child].seed);
        let span = (last - first) as f32;
        let mut previous = parent;
        for layer in first + 1..last {
            let share = (layer - first) as f32 / span;
            let dummy = self.boxes.len();
            self.boxes.push(VertexBox { breadth: 0.0, depth: 0.0, seed: from_seed + (to_seed - from_seed) * share });
            self.layer_of.push(layer);
            self.up.push(vec![previous]);
            self.down.push(Vec::new());
            self.down[previous].push(dummy);
            previous = dummy;
        }
        self.down[previous].push(child);
        self.up[child].push(previous);
    }

    pub fn is_dummy(&self, v: usize) -> bool {
        v >= self.real
    }

    pub fn vertex_count(&self) -> usize {
        self.boxes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_edges_get_one_dummy_per_layer_crossed() {
        let boxes = [VertexBox { breadth: 10.0, depth: 10.0, seed: 0.0 }; 3];
        let graph = ProperGraph::new(&boxes, &[(0, 1), (1, 2), (0, 2), (0, 2)], &[0, 1, 2]);
        assert_eq!(graph.vertex_count(), 4, "one dummy for 0 → 2, once");
        assert!(graph.is_dummy(3) && !graph.is_dummy(2));
        assert_eq!(graph.layers, [vec![0], vec![1, 3], vec![2]]);
        assert_eq!(graph.up[2], [3, 1]);
        assert_eq!(graph.down[0], [1, 3]);
    }
}
