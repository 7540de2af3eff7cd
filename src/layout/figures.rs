//! The figures that say whether a person can read a drawing of a map: its
//! shape (the extent of its boxes), its crossings (straight links from
//! centre to centre, [`count_crossings`]), the total length of its links
//! (centre to centre), and the zoom at which all of it fits the map area of
//! the default 1400 × 900 window.

use super::crossings::count_crossings;
use super::layered::LayoutGraph;
use crate::model::Position;

/// The map area of the default 1400 × 900 window, in points: 1400 less the
/// inspector (360) wide; 900 less the menu bar, toolbar, status bar and the
/// map's header row (about 100) and the timeline (338 for the case study's
/// five lanes, `TimelineView::preferred_height`) high.
pub const MAP_AREA_POINTS: (f32, f32) = (1040.0, 470.0);
/// The margin Fit leaves around the map on every side, in points.
const FIT_MARGIN_POINTS: f32 = 30.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawingFigures {
    pub width: f32,
    pub height: f32,
    pub crossings: u64,
    pub link_length: f64,
}

impl DrawingFigures {
    /// The figures of `graph` drawn with its nodes centred at `centres`.
    pub fn of(graph: &LayoutGraph, centres: &[Position]) -> Self {
        let (mut low, mut high) = ((f32::MAX, f32::MAX), (f32::MIN, f32::MIN));
        for (node, centre) in graph.nodes.iter().zip(centres) {
            low = (low.0.min(centre.x - node.width / 2.0), low.1.min(centre.y - node.height / 2.0));
            high = (high.0.max(centre.x + node.width / 2.0), high.1.max(centre.y + node.height / 2.0));
        }
        let (width, height) = if low.0 <= high.0 { (high.0 - low.0, high.1 - low.1) } else { (0.0, 0.0) };
        let link_length = graph
            .edges
            .iter()
            .filter_map(|&(a, b)| Some((centres.get(a)?, centres.get(b)?)))
            .map(|(a, b)| f64::from(a.x - b.x).hypot(f64::from(a.y - b.y)))
            .sum();
        Self { width, height, crossings: count_crossings(centres, &graph.edges), link_length }
    }

    /// Width over height (0 for an empty drawing).
    pub fn ratio(&self) -> f32 {
        if self.height > 0.0 { self.width / self.height } else { 0.0 }
    }

    /// The zoom at which the whole drawing fits [`MAP_AREA_POINTS`] within the margins of Fit.
    pub fn fit_zoom(&self) -> f32 {
        let room = (MAP_AREA_POINTS.0 - 2.0 * FIT_MARGIN_POINTS, MAP_AREA_POINTS.1 - 2.0 * FIT_MARGIN_POINTS);
        (room.0 / self.width.max(1.0)).min(room.1 / self.height.max(1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::NodeBox;

    #[test]
    fn two_boxes_side_by_side_measure_their_extent_and_link() {
        let node = NodeBox { width: 100.0, height: 50.0, position: Position::default(), pinned: false };
        let graph = LayoutGraph { nodes: vec![node; 2], edges: vec![(0, 1)] };
        let figures = DrawingFigures::of(&graph, &[Position::new(0.0, 0.0), Position::new(300.0, 400.0)]);
        assert_eq!((figures.width, figures.height, figures.crossings), (400.0, 450.0, 0));
        assert_eq!(figures.link_length, 500.0);
        assert!((figures.fit_zoom() - 410.0 / 450.0).abs() < 1e-6);
    }
}
