//! Painting the timeline: background, axis, lanes and events. Each event is
//! also an interactive widget with an AccessKit label (its title).

use super::{AXIS_HEIGHT, LANE_HEADER_WIDTH, PlacedEvent, ROW_HEIGHT};
use crate::layout::Tick;
use crate::layout::timeline_dimensions::MARKER_HALF_WIDTH;
use crate::model::{Lane, Precision};
use crate::ui::theme;
use egui::{Align2, CornerRadius, FontId, Painter, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

pub fn background(painter: &Painter, rect: Rect, plot: Rect, dark: bool) {
    painter.rect_filled(rect, 0.0, theme::canvas_background(dark));
    let header = Rect::from_min_max(rect.min, Pos2::new(plot.left(), rect.bottom()));
    painter.rect_filled(header, 0.0, theme::header_background(dark));
}

pub fn axis(painter: &Painter, rect: Rect, plot: Rect, ticks: &[Tick], x_of: impl Fn(f64) -> f32, dark: bool) {
    let axis_bottom = rect.top() + AXIS_HEIGHT;
    painter.line_segment(
        [Pos2::new(rect.left(), axis_bottom), Pos2::new(rect.right(), axis_bottom)],
        Stroke::new(1.0, theme::grid_color(dark)),
    );
    let plot_painter = painter.with_clip_rect(Rect::from_min_max(Pos2::new(plot.left(), rect.top()), rect.max));
    for tick in ticks {
        let x = x_of(tick.day);
        let grid = if tick.major { theme::weak_text_color(dark).gamma_multiply(0.5) } else { theme::grid_color(dark) };
        plot_painter
            .line_segment([Pos2::new(x, axis_bottom - 6.0), Pos2::new(x, rect.bottom())], Stroke::new(1.0, grid));
        let font = if tick.major { FontId::proportional(13.0) } else { FontId::proportional(12.0) };
        let color = if tick.major { theme::text_color(dark) } else { theme::weak_text_color(dark) };
        plot_painter.text(Pos2::new(x + 4.0, rect.top() + 7.0), Align2::LEFT_TOP, &tick.label, font, color);
    }
}

pub fn lane(painter: &Painter, lane_rect: Rect, lane: &Lane, lane_index: usize, dark: bool) {
    let color = theme::lane_color(lane.color);
    if lane_index % 2 == 1 {
        painter.rect_filled(lane_rect, 0.0, theme::alternate_lane_shade(dark));
    }
    let stripe = Rect::from_min_size(lane_rect.min, Vec2::new(5.0, lane_rect.height()));
    painter.rect_filled(stripe, 0.0, color);
    let name_rect = Rect::from_min_max(
        lane_rect.min + Vec2::new(12.0, 0.0),
        Pos2::new(lane_rect.left() + LANE_HEADER_WIDTH - 6.0, lane_rect.bottom()),
    );
    let galley =
        painter.layout(lane.name.clone(), FontId::proportional(13.0), theme::text_color(dark), name_rect.width());
    let top = name_rect.top() + (ROW_HEIGHT - 16.0).max(4.0);
    painter.with_clip_rect(name_rect).galley(Pos2::new(name_rect.left(), top), galley, theme::text_color(dark));
    painter
        .line_segment([lane_rect.left_bottom(), lane_rect.right_bottom()], Stroke::new(1.0, theme::grid_color(dark)));
}

/// Below a row's middle, where a slim bar begins: clear of the labels (13-point text, about 17 points high).
const SLIM_BAR_TOP: f32 = 9.0;

/// Paints an event's marker, band or bar; returns the rectangle it covers.
pub fn event_shape(
    painter: &Painter,
    plot: Rect,
    placed: &PlacedEvent<'_>,
    lane: &Lane,
    selected: bool,
    dimmed: bool,
    dark: bool,
) -> Rect {
    let event = placed.event;
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    let lane_color = theme::emphasis(theme::lane_color(lane.color), dimmed);
    let y = placed.row_center_y;
    // Events whose label found no row are drawn slim, so they do not seem to own a neighbour's
    // label: a bar or a band of dates along the row's foot, beneath the labels.
    let bar_y = if placed.label_shown {
        egui::Rangef::new(y - (ROW_HEIGHT - 8.0) / 2.0, y + (ROW_HEIGHT - 8.0) / 2.0)
    } else {
        egui::Rangef::new(y + SLIM_BAR_TOP, y + ROW_HEIGHT / 2.0)
    };
    let bar = Rect::from_x_y_ranges(placed.band, bar_y);
    let shape_rect = if event.is_span() {
        plot_painter.rect_filled(bar, CornerRadius::same(4), lane_color.gamma_multiply(0.45));
        plot_painter.rect_stroke(bar, CornerRadius::same(4), Stroke::new(1.0, lane_color), StrokeKind::Inside);
        bar
    } else {
        let marker_rect = Rect::from_center_size(Pos2::new(placed.marker_x, y), Vec2::splat(14.0));
        if event.date.precision() == Precision::Day {
            marker_rect
        } else {
            // Known only to the month or year: a translucent band over the whole period, dashed edges.
            let inset = if placed.label_shown { 3.0 } else { 0.0 };
            plot_painter.rect_filled(
                bar.shrink2(Vec2::new(0.0, inset)),
                CornerRadius::same(3),
                lane_color.gamma_multiply(0.18),
            );
            for x in [bar.left(), bar.right()] {
                let edge = [Pos2::new(x, bar.top() + inset), Pos2::new(x, bar.bottom() - inset)];
                plot_painter.extend(egui::Shape::dashed_line(&edge, Stroke::new(1.0, lane_color), 2.0, 2.0));
            }
            // Slim, the band runs beneath the labels: the event is where its marker is.
            if placed.label_shown { marker_rect.union(bar) } else { marker_rect }
        }
    };
    if !event.is_span() {
        let radius = if placed.label_shown { 5.5 } else { 3.5 };
        plot_painter.circle(
            Pos2::new(placed.marker_x, y),
            radius,
            lane_color,
            Stroke::new(1.5, theme::canvas_background(dark)),
        );
    }
    if selected && event.is_span() && !placed.label_shown {
        // A slim bar runs beneath other events' labels: a ring round it would be drawn over them.
        plot_painter.rect_filled(bar, CornerRadius::same(2), theme::selection_color(dark));
    }
    shape_rect
}

/// The ring round a selected event's marker, within the room kept for the
/// marker, so that it stays clear of the label beginning beside it.
const MARKER_RING_RADIUS: f32 = MARKER_HALF_WIDTH + 0.5;

/// Paints the ring round a selected event, over the labels (it keeps clear
/// of them): round a point event's marker, not its band of dates, which its
/// label may run over; round a span's bar, inside which its label stands.
/// A slim span is filled instead (see [`event_shape`]).
pub fn selection_ring(painter: &Painter, plot: Rect, placed: &PlacedEvent<'_>, shape_rect: Rect, dark: bool) {
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    if !placed.event.is_span() {
        let stroke = Stroke::new(2.0, theme::selection_color(dark));
        plot_painter.circle_stroke(Pos2::new(placed.marker_x, placed.row_center_y), MARKER_RING_RADIUS, stroke);
    } else if placed.label_shown {
        selection_outline(&plot_painter, shape_rect, 4, dark);
    }
}

/// Paints an event's label on a backdrop, if it has room; returns where.
pub fn event_label(painter: &Painter, plot: Rect, placed: &PlacedEvent<'_>, dimmed: bool, dark: bool) -> Option<Rect> {
    if !placed.label_shown {
        return None;
    }
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    let color = theme::emphasis(theme::text_color(dark), dimmed);
    let galley = painter.layout_job(super::label_job(&placed.event.title, color, placed.label_width));
    let size = galley.size();
    let position = Pos2::new(placed.label_x, placed.row_center_y - size.y / 2.0);
    let rect = Rect::from_min_size(position, size);
    if !placed.event.is_span() {
        plot_painter.rect_filled(
            rect.expand2(Vec2::new(3.0, 1.0)),
            CornerRadius::same(3),
            theme::canvas_background(dark).gamma_multiply(0.8),
        );
    }
    plot_painter.galley(position, galley, color);
    Some(rect)
}

/// Makes an event clickable, with its title as its accessible label and its
/// date and full title on hover.
pub fn event_interaction(
    ui: &mut egui::Ui,
    plot: Rect,
    placed: &PlacedEvent<'_>,
    hit_rect: Rect,
    selected: bool,
) -> egui::Response {
    let event = placed.event;
    let id = ui.scope_id().with(("timeline-event", placed.index));
    let response = ui.interact(hit_rect.intersect(plot), id, Sense::click_and_drag());
    let label = event.title.clone();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    let when = event.when();
    response.on_hover_text(format!("{when}\n{}", event.title))
}

/// The ring around a selected marker, bar or cluster badge.
pub fn selection_outline(painter: &Painter, rect: Rect, corner_radius: u8, dark: bool) {
    let stroke = Stroke::new(2.0, theme::selection_color(dark));
    painter.rect_stroke(rect.expand(3.0), CornerRadius::same(corner_radius), stroke, StrokeKind::Outside);
}
