//! The SVG figure: the map's title, the argument map as the app draws it (its
//! geometry is the window's, `layout::map_geometry`, measured with the
//! metrics of the font the figure names), the legend, and the timeline
//! beneath, on the canvas colour of the theme.
//! Deterministic: the same map writes the same bytes.

mod legend;
mod map;
mod timeline;
mod writer;

pub(crate) use writer::escape_xml;

use crate::layout::font_metrics::FontMetrics;
use crate::layout::palette as style;
use crate::layout::{MapGeometry, Point, Rect};
use crate::model::{Map, MapIndex};
use timeline::TimelineLayout;
use writer::{SvgWriter, TextStyle};

const MARGIN: f32 = 40.0;
const TITLE_SIZE: f32 = 20.0;
const TITLE_HEIGHT: f32 = 44.0;
/// A figure is at least this wide, so that the timeline has room.
const MIN_WIDTH: f32 = 960.0;

/// The SVG text of `map`'s figure, in the light or dark theme.
pub fn render(map: &Map, dark: bool) -> String {
    let geometry = MapGeometry::compute(map, &MapIndex::build(map), 0, &mut FontMetrics);
    let map_bounds = geometry.bounds.unwrap_or(Rect::from_min_size(Point::new(0.0, 0.0), 0.0, 0.0));
    let map_top = MARGIN + TITLE_HEIGHT;
    let legend_top = map_top + map_bounds.height() + if geometry.bounds.is_some() { MARGIN } else { 0.0 };
    let timeline_top = legend_top + legend::HEIGHT + MARGIN;
    let mut width = (map_bounds.width() + 2.0 * MARGIN).max(MIN_WIDTH);
    let mut timeline = TimelineLayout::compute(map, width - 2.0 * MARGIN);
    if let Some(layout) = &timeline {
        // Labels of the last events may reach past the fitted dates.
        let needed = layout.content_right() + 2.0 * MARGIN;
        if needed > width {
            width = needed;
            timeline = TimelineLayout::compute(map, width - 2.0 * MARGIN);
        }
    }
    let height = timeline_top + timeline.as_ref().map_or(0.0, |t| t.height + MARGIN);
    let mut svg = SvgWriter::new(width, height, &map.meta.title);
    svg.rect(Rect::from_min_size(Point::new(0.0, 0.0), width, height), 0.0, Some(style::canvas_background(dark)), None);
    let title = TextStyle { size: TITLE_SIZE, paint: style::text_color(dark) };
    svg.text_block(MARGIN, MARGIN, std::slice::from_ref(&map.meta.title), title);
    svg.open_translated("map", MARGIN - map_bounds.min.x, map_top - map_bounds.min.y);
    map::draw(&mut svg, map, &geometry, dark);
    svg.close_group();
    legend::draw(&mut svg, Point::new(MARGIN, legend_top), dark);
    if let Some(timeline) = &timeline {
        timeline.draw(&mut svg, map, Point::new(MARGIN, timeline_top), dark);
    }
    svg.finish()
}
