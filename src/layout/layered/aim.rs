//! The whole drawing's shape held to the aim: components are steered one by
//! one before they are packed and before rows are gathered under their
//! heads ([`super::gather`]), and both change the shape (gathering closes a
//! question's answers up under it, which makes a drawing narrower). When the
//! drawing that comes out misses the aim by more than the tolerance, either
//! way, it is laid out once more aimed past the aim by as much as it
//! missed, and the nearer of the two kept. So `--aspect` reaches wide and
//! tall aims alike where the graph allows.

use super::{LayeredOptions, LayoutGraph};
use crate::model::Position;

/// The factor of the aim a whole drawing may miss by before it is laid out again.
const TOLERANCE: f32 = 1.3;

/// The drawing `lay_out` makes with `options`, or, if that misses
/// `options.aspect` by more than [`TOLERANCE`], the nearer of it and the one
/// `lay_out` makes aimed at the aim corrected by the miss.
pub fn held_to_aim(
    graph: &LayoutGraph,
    options: &LayeredOptions,
    lay_out: impl Fn(&LayeredOptions) -> Vec<Position>,
) -> Vec<Position> {
    let first = lay_out(options);
    let Some(aim) = options.aspect.filter(|aim| aim.is_finite() && *aim > 0.0) else { return first };
    let miss = |positions: &[Position]| shape(graph, positions).map_or(0.0, |ratio| (ratio / aim).ln());
    let first_miss = miss(&first);
    if first_miss.abs() < TOLERANCE.ln() {
        return first;
    }
    let corrected = LayeredOptions { aspect: Some(aim / first_miss.exp()), ..*options };
    let second = lay_out(&corrected);
    if miss(&second).abs() < first_miss.abs() { second } else { first }
}

/// The width over the height of the boxes' extent, if it has both.
fn shape(graph: &LayoutGraph, positions: &[Position]) -> Option<f32> {
    let (mut low, mut high) = ((f32::MAX, f32::MAX), (f32::MIN, f32::MIN));
    for (node, centre) in graph.nodes.iter().zip(positions) {
        low = (low.0.min(centre.x - node.width / 2.0), low.1.min(centre.y - node.height / 2.0));
        high = (high.0.max(centre.x + node.width / 2.0), high.1.max(centre.y + node.height / 2.0));
    }
    let (width, height) = (high.0 - low.0, high.1 - low.1);
    (width > 0.0 && height > 0.0).then(|| width / height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{DrawingFigures, MapSizes, map_graph, tidy_up};

    /// The case study's shape after Tidy up aimed at `aspect`.
    fn case_study_shape(aspect: f32) -> f32 {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME).expect("the case study loads");
        let sizes = MapSizes::estimate(&map);
        let options = LayeredOptions { aspect: Some(aspect), ..LayeredOptions::default() };
        let mut tidy = map.clone();
        tidy_up(&map, &sizes, None, &options).apply(&mut tidy);
        let (graph, _) = map_graph(&tidy, &sizes, None);
        DrawingFigures::of(&graph, &graph.nodes.iter().map(|node| node.position).collect::<Vec<_>>()).ratio()
    }

    #[test]
    fn the_case_study_reaches_a_tall_aim_and_the_windows_shape() {
        // Gathering each question's explanations under it made drawings
        // about half as wide as aimed (the window's shape: 1.20). A square
        // aim is not reached as nearly (1.69): the two questions' blocks
        // stand side by side (see `super::super::blocks`).
        for aspect in [0.5, crate::layout::MAP_AREA_POINTS.0 / crate::layout::MAP_AREA_POINTS.1] {
            let ratio = case_study_shape(aspect);
            assert!((ratio / aspect).ln().abs() < TOLERANCE.ln(), "aimed at {aspect}, drawn {ratio}");
        }
    }

    #[test]
    fn a_drawing_near_its_aim_is_laid_out_once() {
        let graph = LayoutGraph {
            nodes: vec![super::super::NodeBox {
                width: 200.0,
                height: 100.0,
                position: Position::default(),
                pinned: false,
            }],
            edges: vec![],
        };
        let calls = std::cell::Cell::new(0);
        let options = LayeredOptions { aspect: Some(2.0), ..LayeredOptions::default() };
        held_to_aim(&graph, &options, |_| {
            calls.set(calls.get() + 1);
            vec![Position::default()]
        });
        assert_eq!(calls.get(), 1);
    }
}
