//! The timeline of a figure, beneath the map: the time axis with its ticks,
//! one shaded row per lane, point events as dots, spans as bars, and month- or
//! year-precision dates as bands with dashed edges, as `ui/timeline/` draws
//! them. Every label is shown: rows are added until none overlap, and a long
//! title runs on into the room its row leaves beside it.

use super::writer::{Stroke, SvgWriter, TextStyle};
use crate::layout::font_metrics::{line_height, text_width, truncate, wrap_lines};
use crate::layout::palette::{self as style, Paint};
use crate::layout::timeline_dimensions::{
    AXIS_HEIGHT, LABEL_FONT_SIZE, LABEL_GAP, LANE_HEADER_WIDTH, LANE_PADDING, MAX_LABEL_WIDTH, ROW_HEIGHT, fit_days,
};
use crate::layout::{EventOnAxis, Point, Rect, day_number, pack_rows, ticks};
use crate::model::{Event, Map, Precision};

/// Far more rows than any lane needs: a figure shows every label.
const MAX_ROWS: usize = 1_000;

/// An event on the time axis, with its label.
struct Placed<'a> {
    event: &'a Event,
    band: (f32, f32),
    marker_x: f32,
    label_x: f32,
    label: String,
    row: usize,
}

/// The timeline laid out for a width, before it is drawn.
pub struct TimelineLayout<'a> {
    lanes: Vec<(usize, Vec<Placed<'a>>)>,
    first_day: f64,
    px_per_day: f64,
    width: f32,
    pub height: f32,
}

impl<'a> TimelineLayout<'a> {
    /// Fits every event's dates across `width`, as the app's Fit does.
    pub fn compute(map: &'a Map, width: f32) -> Option<Self> {
        let (first, last) = map.date_extent()?;
        let plot_width = width - LANE_HEADER_WIDTH - 8.0;
        let (first_day, px_per_day) = fit_days(plot_width, day_number(first), day_number(last) + 1.0);
        let x_of = |day: f64| LANE_HEADER_WIDTH + ((day - first_day) * px_per_day) as f32;
        let mut lanes = Vec::new();
        let mut height = AXIS_HEIGHT;
        for (lane_index, lane) in map.lanes.iter().enumerate() {
            let mut placed: Vec<Placed<'a>> = Vec::new();
            let mut extents = Vec::new();
            for event in map.events.iter().filter(|event| event.lane == lane.id) {
                let label = truncate(&event.title, LABEL_FONT_SIZE, MAX_LABEL_WIDTH);
                let on_axis = EventOnAxis::place(event, x_of, LANE_HEADER_WIDTH, text_width(&label, LABEL_FONT_SIZE));
                extents.push(on_axis.extent);
                let EventOnAxis { band, marker_x, label_x, .. } = on_axis;
                placed.push(Placed { event, band, marker_x, label_x, label, row: 0 });
            }
            let (rows, used) = pack_rows(&extents, MAX_ROWS, LABEL_GAP);
            for (event, assignment) in placed.iter_mut().zip(rows) {
                event.row = assignment.row;
                // A label cut at the cap runs on into the room its row leaves beside it, as in the window,
                // and ends before a neighbour's mark.
                let room = assignment.label_end.min(width) - event.label_x;
                event.label = if assignment.label_shown {
                    truncate(&event.event.title, LABEL_FONT_SIZE, room)
                } else {
                    String::new()
                };
            }
            height += used as f32 * ROW_HEIGHT + 2.0 * LANE_PADDING;
            lanes.push((lane_index, placed));
        }
        Some(Self { lanes, first_day, px_per_day, width, height: height + 8.0 })
    }

    /// The right end of the widest label: the figure must be at least this wide.
    pub fn content_right(&self) -> f32 {
        let ends = self.lanes.iter().flat_map(|(_, events)| events.iter());
        ends.map(|e| (e.label_x + text_width(&e.label, LABEL_FONT_SIZE)).max(e.band.1)).fold(0.0, f32::max) + 8.0
    }

    /// Draws the timeline with its top-left corner at `origin`.
    pub fn draw(&self, svg: &mut SvgWriter, map: &Map, origin: Point, dark: bool) {
        let (left, top) = (origin.x, origin.y);
        let plot_left = left + LANE_HEADER_WIDTH;
        let right = left + self.width;
        svg.open_group("timeline");
        svg.rect(Rect::from_min_size(origin, self.width, self.height), 0.0, Some(style::canvas_background(dark)), None);
        let header = Rect::from_min_size(origin, LANE_HEADER_WIDTH, self.height);
        svg.rect(header, 0.0, Some(style::header_background(dark)), None);
        let axis_bottom = top + AXIS_HEIGHT;
        svg.line(Point::new(left, axis_bottom), Point::new(right, axis_bottom), grid(dark), None);
        let last_day = self.first_day + f64::from(self.width - LANE_HEADER_WIDTH) / self.px_per_day;
        let x_of = |day: f64| plot_left + ((day - self.first_day) * self.px_per_day) as f32;
        for tick in ticks(self.first_day, last_day, self.px_per_day, 64.0) {
            let x = x_of(tick.day);
            let label_right = x + 4.0 + text_width(&tick.label, 13.0);
            if x < plot_left || label_right > right {
                continue;
            }
            let paint = if tick.major { style::weak_text_color(dark).faded(0.5) } else { style::grid_color(dark) };
            let bottom = top + self.height;
            svg.line(Point::new(x, axis_bottom - 6.0), Point::new(x, bottom), Stroke { paint, width: 1.0 }, None);
            let (size, paint) =
                if tick.major { (13.0, style::text_color(dark)) } else { (12.0, style::weak_text_color(dark)) };
            svg.text_block(x + 4.0, top + 7.0, &[tick.label], TextStyle { size, paint });
        }
        let mut lane_top = axis_bottom;
        for (lane_index, events) in &self.lanes {
            let Some(lane) = map.lanes.get(*lane_index) else { continue };
            let rows = events.iter().map(|e| e.row + 1).max().unwrap_or(1);
            let lane_height = rows as f32 * ROW_HEIGHT + 2.0 * LANE_PADDING;
            let lane_rect = Rect::from_min_size(Point::new(left, lane_top), self.width, lane_height);
            let color = Paint::lane(lane.color);
            if lane_index % 2 == 1 {
                svg.rect(lane_rect, 0.0, Some(style::alternate_lane_shade(dark)), None);
            }
            svg.rect(Rect::from_min_size(lane_rect.min, 5.0, lane_height), 0.0, Some(color), None);
            let name = wrap_lines(&lane.name, 13.0, LANE_HEADER_WIDTH - 18.0);
            let name_style = TextStyle { size: 13.0, paint: style::text_color(dark) };
            svg.text_block(left + 12.0, lane_top + (ROW_HEIGHT - 16.0).max(4.0), &name, name_style);
            svg.line(lane_rect.min_bottom(), lane_rect.max, grid(dark), None);
            let row_center = |row: usize| lane_top + LANE_PADDING + (row as f32 + 0.5) * ROW_HEIGHT;
            for event in events {
                draw_event_shape(svg, event, left, row_center(event.row), color, dark);
            }
            for event in events {
                draw_label(svg, event, left, row_center(event.row), dark);
            }
            lane_top += lane_height;
        }
        svg.close_group();
    }
}

fn grid(dark: bool) -> Stroke {
    Stroke { paint: style::grid_color(dark), width: 1.0 }
}

fn draw_event_shape(svg: &mut SvgWriter, placed: &Placed<'_>, left: f32, y: f32, color: Paint, dark: bool) {
    let event = placed.event;
    let bar_height = ROW_HEIGHT - 8.0;
    let (start, end) = (left + placed.band.0, left + placed.band.1);
    let bar = Rect::from_min_size(Point::new(start, y - bar_height / 2.0), end - start, bar_height);
    svg.open_item("timeline-event", &format!("timeline-{}", event.id), &format!("{}: {}", event.when(), event.title));
    if event.is_span() {
        svg.rect(bar, 4.0, Some(color.faded(0.45)), Some(Stroke { paint: color, width: 1.0 }));
    } else {
        if event.date.precision() != Precision::Day {
            // Known only to the month or year: a translucent band over the whole period, dashed edges.
            let band = Rect::from_min_size(Point::new(bar.min.x, bar.min.y + 3.0), bar.width(), bar.height() - 6.0);
            svg.rect(band, 3.0, Some(color.faded(0.18)), None);
            for x in [bar.min.x, bar.max.x] {
                let edge = (Point::new(x, band.min.y), Point::new(x, band.max.y));
                svg.line(edge.0, edge.1, Stroke { paint: color, width: 1.0 }, Some((2.0, 2.0)));
            }
        }
        let outline = Stroke { paint: style::canvas_background(dark), width: 1.5 };
        svg.circle(Point::new(left + placed.marker_x, y), 5.5, color, outline);
    }
    svg.close_group();
}

fn draw_label(svg: &mut SvgWriter, placed: &Placed<'_>, left: f32, y: f32, dark: bool) {
    if placed.label.is_empty() {
        return;
    }
    let x = left + placed.label_x;
    let text = TextStyle { size: LABEL_FONT_SIZE, paint: style::text_color(dark) };
    if !placed.event.is_span() {
        let width = text_width(&placed.label, LABEL_FONT_SIZE);
        let height = line_height(LABEL_FONT_SIZE);
        let backdrop = Rect::from_min_size(Point::new(x - 3.0, y - height / 2.0 - 1.0), width + 6.0, height + 2.0);
        svg.rect(backdrop, 3.0, Some(style::canvas_background(dark).faded(0.8)), None);
    }
    svg.text_centered_vertically(x, y, &placed.label, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_mark_of_the_case_study_s_figure_stands_on_another_event_s_label() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads");
        for width in [900.0, 1_400.0, 2_400.0] {
            let layout = TimelineLayout::compute(&map, width).expect("the case study has dates");
            for (_, events) in &layout.lanes {
                for labelled in events.iter().filter(|event| !event.label.is_empty()) {
                    let label = (labelled.label_x, labelled.label_x + text_width(&labelled.label, LABEL_FONT_SIZE));
                    for marked in events.iter().filter(|event| event.row == labelled.row) {
                        let point = !marked.event.is_span();
                        let marks = if point {
                            (marked.band.0.min(marked.marker_x - 5.5), marked.band.1.max(marked.marker_x + 5.5))
                        } else {
                            marked.band
                        };
                        let apart = marks.1 <= label.0 || label.1 <= marks.0;
                        assert!(
                            std::ptr::eq(marked, labelled) || apart,
                            "{width}: {:?} {marks:?} on the label of {:?} {label:?}",
                            marked.event.title,
                            labelled.event.title
                        );
                    }
                }
            }
        }
    }
}
