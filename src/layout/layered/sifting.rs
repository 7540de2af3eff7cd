//! Sifting (Matuszewski, Schönfeld and Molitor, "Using sifting for k-layer
//! straightline crossing minimization", 1999): each vertex in turn is taken
//! out of its layer and put back in the slot where its edges to both
//! neighbouring layers cross the fewest others. Median sweeps move whole
//! layers by a rule of thumb; sifting counts, so it finds the moves they
//! miss (a vertex pulled two ways, a run of neighbours in the wrong order).
//! A vertex only moves where that removes crossings, so the total never
//! grows; the work is bounded so that wide layers stay fast.

use super::proper::ProperGraph;

/// Places looked at in all, at most: a 1,000-claim map's 2,800 vertices
/// take about 6 million; layers much wider than that are sifted in part.
const WORK: usize = 20_000_000;

/// Sifts every vertex of `graph` once, layer after layer from the first,
/// the vertices of each layer with the most edges first, while the work
/// lasts. `position` is each vertex's index in its layer, kept up to date.
pub fn sift(graph: &mut ProperGraph, position: &mut [usize]) {
    let mut work = 0;
    let mut ends = LayerEnds::default();
    for layer_index in 0..graph.layers.len() {
        ends.gather(graph, layer_index, position);
        let mut by_degree = graph.layers[layer_index].clone();
        by_degree.sort_by_key(|&v| (std::cmp::Reverse(graph.up[v].len() + graph.down[v].len()), v));
        for v in by_degree {
            if work > WORK {
                return;
            }
            sift_vertex(graph, layer_index, v, &mut ends, position, &mut work);
        }
    }
}

/// The places of the neighbours above and below of each vertex of one
/// layer, in the layer's order (the neighbouring layers stay as they are
/// while it is sifted), and the ends of the vertex being sifted, counted.
#[derive(Default)]
struct LayerEnds {
    places: Vec<usize>,
    /// Per slot of the layer: `places[span.0..span.1]` above and `places[span.1..span.2]` below.
    slots: Vec<(usize, usize, usize)>,
    up_ends: EndCounts,
    down_ends: EndCounts,
}

impl LayerEnds {
    fn gather(&mut self, graph: &ProperGraph, layer_index: usize, position: &[usize]) {
        self.places.clear();
        self.slots.clear();
        for &v in &graph.layers[layer_index] {
            let start = self.places.len();
            self.places.extend(graph.up[v].iter().map(|&w| position[w]));
            let middle = self.places.len();
            self.places.extend(graph.down[v].iter().map(|&w| position[w]));
            self.slots.push((start, middle, self.places.len()));
        }
    }

    /// Counts the ends of the vertex at `slot` above and below, for
    /// [`Self::cost_of_passing`]; returns the work it took, or `None` when
    /// it has no edges.
    fn count_around(&mut self, slot: usize) -> Option<usize> {
        let (start, middle, end) = self.slots[slot];
        (start < end)
            .then(|| self.up_ends.count(&self.places[start..middle]) + self.down_ends.count(&self.places[middle..end]))
    }

    /// How many more crossings the counted vertex's edges have with those
    /// of the vertex whose ends are `span` when it stands after that vertex
    /// than before it.
    fn cost_of_passing(&self, (start, middle, end): (usize, usize, usize)) -> i64 {
        let up = self.places[start..middle].iter().map(|&place| self.up_ends.before_less_after(place));
        let down = self.places[middle..end].iter().map(|&place| self.down_ends.before_less_after(place));
        up.chain(down).sum()
    }

    /// Follows the layer's vertex at slot `from` moving to slot `to`.
    fn moved(&mut self, from: usize, to: usize) {
        let span = self.slots.remove(from);
        self.slots.insert(to, span);
    }
}

/// One vertex's ends in a neighbouring layer, counted over the places they span.
#[derive(Default)]
struct EndCounts {
    /// The first place an end is at.
    low: usize,
    /// For each place from `low` to the last end's: the ends before it less those after it.
    before_less_after: Vec<i64>,
    total: i64,
}

impl EndCounts {
    /// Counts `ends`; returns the work it took.
    fn count(&mut self, ends: &[usize]) -> usize {
        self.before_less_after.clear();
        self.total = ends.len() as i64;
        let (Some(&low), Some(&high)) = (ends.iter().min(), ends.iter().max()) else { return 0 };
        self.low = low;
        // First the ends at each place, then the ends before less those after.
        self.before_less_after.resize(high - low + 1, 0);
        for &end in ends {
            self.before_less_after[end - low] += 1;
        }
        let mut before = 0;
        for value in &mut self.before_less_after {
            let here = *value;
            *value = before - (self.total - before - here);
            before += here;
        }
        self.before_less_after.len()
    }

    /// The counted ends before `place` less those after it: the crossings
    /// an edge ending there gains with the counted vertex's edges when that
    /// vertex passes the edge's own (from before it to after it).
    fn before_less_after(&self, place: usize) -> i64 {
        match place.checked_sub(self.low) {
            None => -self.total,
            Some(k) => self.before_less_after.get(k).copied().unwrap_or(self.total),
        }
    }
}

/// Moves `v` to the slot of its layer where its edges cross the fewest;
/// stays where it is on a tie.
fn sift_vertex(
    graph: &mut ProperGraph,
    layer_index: usize,
    v: usize,
    ends: &mut LayerEnds,
    position: &mut [usize],
    work: &mut usize,
) {
    let from = position[v];
    let Some(counting) = ends.count_around(from) else { return };
    *work += counting + ends.places.len();
    // How many more crossings v's edges have standing before the others'
    // `slot`-th than standing first, summed as the slot moves right.
    let (mut gain, mut best_slot, mut best_gain, mut current_gain) = (0i64, 0, 0i64, 0i64);
    let others = ends.slots.iter().enumerate().filter(|&(slot, _)| slot != from);
    for (slot, (_, &span)) in others.enumerate() {
        gain += ends.cost_of_passing(span);
        if gain < best_gain {
            (best_slot, best_gain) = (slot + 1, gain);
        }
        if slot + 1 == from {
            current_gain = gain;
        }
    }
    if best_gain >= current_gain {
        return;
    }
    let layer = &mut graph.layers[layer_index];
    layer.remove(from);
    layer.insert(best_slot, v);
    ends.moved(from, best_slot);
    let (low, high) = (from.min(best_slot), from.max(best_slot));
    for (index, &w) in layer.iter().enumerate().take(high + 1).skip(low) {
        position[w] = index;
    }
}

#[cfg(test)]
mod tests {
    use super::super::layer_crossings::total_crossings;
    use super::super::ordering::positions;
    use super::super::ordering::tests::boxes;
    use super::*;

    #[test]
    fn a_vertex_hanging_across_a_layer_is_sifted_clear() {
        // Above: 0, 1, 2; below: 3, 4, 5 in that order. 3 hangs from 2
        // alone and crosses every other edge where it stands.
        let layer_of = [0, 0, 0, 1, 1, 1];
        let edges = [(2, 3), (1, 4), (1, 5), (0, 4)];
        let mut graph = ProperGraph::new(&boxes(&[0.0, 1.0, 2.0, 0.0, 1.0, 2.0]), &edges, &layer_of);
        let mut position = positions(&graph);
        assert_eq!(total_crossings(&graph, &position), 3);
        sift(&mut graph, &mut position);
        assert_eq!(total_crossings(&graph, &position), 0, "{:?}", graph.layers);
        assert_eq!(position, positions(&graph));
    }
}
