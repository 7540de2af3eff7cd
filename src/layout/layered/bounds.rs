//! Layer bounds, after Coffman–Graham: a layer longer than a bound is dealt
//! into consecutive sub-layers, its vertices in turn in their order along
//! it, so that each sub-layer keeps the layer's left-to-right sense at a
//! fraction of its length. A wide drawing so becomes deeper and narrower,
//! and the bound is chosen so that the drawing's length over its thickness
//! comes near an aim (the screen's shape). Parents still come before their
//! children: every sub-layer of a layer lies between the layers around it.

use super::proper::VertexBox;

/// Candidate bounds tried, each this fraction of the one before.
const BOUND_STEP: f32 = 0.93;
const MAX_CANDIDATES: usize = 80;

/// The length of every layer along it (boxes and the gaps between them) and
/// its thickness (its deepest box), for the layering `layer_of`.
struct LayerSizes {
    length: Vec<f32>,
    thickness: Vec<f32>,
    count: Vec<usize>,
}

impl LayerSizes {
    fn of(layer_of: &[usize], boxes: &[VertexBox], node_gap: f32) -> Self {
        let layers = layer_of.iter().max().map_or(0, |&last| last + 1);
        let mut sizes = Self { length: vec![0.0; layers], thickness: vec![0.0; layers], count: vec![0; layers] };
        for (&layer, b) in layer_of.iter().zip(boxes) {
            if sizes.count[layer] > 0 {
                sizes.length[layer] += node_gap;
            }
            sizes.length[layer] += b.breadth;
            sizes.thickness[layer] = sizes.thickness[layer].max(b.depth);
            sizes.count[layer] += 1;
        }
        sizes
    }

    /// How many sub-layers each layer is dealt into under `bound`.
    fn splits(&self, bound: f32) -> Vec<usize> {
        self.length
            .iter()
            .zip(&self.count)
            .map(|(&length, &count)| ((length / bound).ceil() as usize).clamp(1, count.max(1)))
            .collect()
    }

    /// The estimated (length, thickness) of the drawing when layers are dealt as `splits` says.
    fn estimate(&self, splits: &[usize], layer_gap: f32) -> (f32, f32) {
        let length = self.length.iter().zip(splits).map(|(&l, &s)| l / s as f32).fold(0.0, f32::max);
        let rows: usize = splits.iter().sum();
        let thickness: f32 = self.thickness.iter().zip(splits).map(|(&t, &s)| t * s as f32).sum::<f32>()
            + rows.saturating_sub(1) as f32 * layer_gap;
        (length, thickness)
    }
}

/// The sub-layers of each layer that bring the drawing's length over its
/// thickness nearest `aim` (on a log scale), or `None` when dealing no
/// layer comes nearer than the layers as they are. With `whole_first`, the
/// first layer stays one row.
pub fn choose_splits(
    layer_of: &[usize],
    boxes: &[VertexBox],
    (node_gap, layer_gap): (f32, f32),
    aim: f32,
    whole_first: bool,
) -> Option<Vec<usize>> {
    let mut sizes = LayerSizes::of(layer_of, boxes, node_gap);
    if whole_first && let Some(count) = sizes.count.first_mut() {
        *count = 1;
    }
    let miss = |splits: &[usize]| {
        let (length, thickness) = sizes.estimate(splits, layer_gap);
        (length / thickness.max(1.0) / aim).ln().abs()
    };
    let unsplit = vec![1; sizes.length.len()];
    let (mut best, mut best_miss) = (unsplit.clone(), miss(&unsplit));
    let mut bound = sizes.length.iter().copied().fold(0.0, f32::max);
    let widest_box = boxes.iter().map(|b| b.breadth).fold(0.0, f32::max);
    for _ in 0..MAX_CANDIDATES {
        bound *= BOUND_STEP;
        if bound < widest_box {
            break;
        }
        let splits = sizes.splits(bound);
        let candidate = miss(&splits);
        if candidate < best_miss {
            (best, best_miss) = (splits, candidate);
        }
    }
    (best != unsplit).then_some(best)
}

/// The new layer of every vertex: layer `l`'s vertices, in the order of
/// `along` (their place along it), dealt in turn into its `splits[l]`
/// sub-layers, which follow each other in place of the layer.
pub fn deal_layers(layer_of: &[usize], along: &[f32], splits: &[usize]) -> Vec<usize> {
    let mut first_row = Vec::with_capacity(splits.len());
    let mut next = 0;
    for &split in splits {
        first_row.push(next);
        next += split;
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); splits.len()];
    for (v, &layer) in layer_of.iter().enumerate() {
        members[layer].push(v);
    }
    let mut dealt = vec![0; layer_of.len()];
    for (layer, mut vertices) in members.into_iter().enumerate() {
        vertices.sort_by(|&a, &b| along[a].total_cmp(&along[b]).then(a.cmp(&b)));
        for (turn, v) in vertices.into_iter().enumerate() {
            dealt[v] = first_row[layer] + turn % splits[layer];
        }
    }
    dealt
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(count: usize) -> Vec<VertexBox> {
        vec![VertexBox { breadth: 200.0, depth: 60.0, seed: 0.0 }; count]
    }

    #[test]
    fn a_wide_layer_is_dealt_into_sub_layers_near_the_aim() {
        // One parent over 40 children: 8,000 units wide and two layers deep.
        let layer_of: Vec<usize> = std::iter::once(0).chain(std::iter::repeat_n(1, 40)).collect();
        let splits = choose_splits(&layer_of, &boxes(41), (40.0, 70.0), 2.0, false).expect("the strip is split");
        assert_eq!(splits[0], 1);
        assert!((4..=8).contains(&splits[1]), "{splits:?}");
    }

    #[test]
    fn a_drawing_near_the_aim_is_left_as_it_is() {
        assert_eq!(choose_splits(&[0, 1, 1], &boxes(3), (40.0, 70.0), 2.0, false), None);
    }

    #[test]
    fn dealing_keeps_the_order_along_and_the_layers_in_sequence() {
        let layer_of = [0, 1, 1, 1, 1, 2];
        let along = [0.0, 4.0, 1.0, 3.0, 2.0, 0.0];
        assert_eq!(deal_layers(&layer_of, &along, &[1, 2, 1]), [0, 2, 1, 1, 2, 3]);
    }
}
