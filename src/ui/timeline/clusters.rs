//! Clusters on the timeline: when zoomed out, the events of a lane whose
//! markers run together (see [`cluster_markers`]) are drawn as one badge
//! with their count. Hovering names their dates and first titles; a click
//! zooms to their dates, where they split back into events. Each cluster is
//! a widget labelled like "27 events, 3 Mar 2014 – 9 Jun 2014".

use super::{MeasuredEvent, TimelineView};
use crate::layout::{ClusterRule, LabelExtent, Priority, cluster_markers};
use crate::model::{Event, ItemRef, Lane, Map};
use crate::ui::selection::{Highlight, Selection};
use crate::ui::theme;
use egui::{CornerRadius, FontId, Painter, Pos2, Rangef, Rect, Sense, Stroke, StrokeKind};

/// Markers within 8 px of each other run together, over at most 40 px, and
/// only four or more make a cluster: a few close events still read one by one.
const CLUSTER_RULE: ClusterRule = ClusterRule { gap_px: 8.0, max_width_px: 40.0, min_members: 4 };
const COUNT_FONT_SIZE: f32 = 12.0;
const BADGE_HEIGHT: f32 = 18.0;
/// The titles a cluster's tooltip lists before "and N more".
const TITLES_IN_TOOLTIP: usize = 5;

/// A cluster measured on the time axis, before it has a row.
pub struct MeasuredCluster<'a> {
    /// The events in it (index in `map.events`, event), in the order of their markers.
    pub events: Vec<(usize, &'a Event)>,
    /// The day numbers of its first and last markers: where a click zooms to.
    pub marker_days: (f64, f64),
    /// From its first marker to its last, on screen.
    pub markers: Rangef,
    /// Where its count is drawn.
    pub badge: Rangef,
    /// The bands of the spans among its events, still drawn (slim) under the badge.
    pub span_bands: Vec<Rangef>,
}

impl MeasuredCluster<'_> {
    pub fn extent(&self) -> LabelExtent {
        LabelExtent::marks_only(self.markers.min.min(self.badge.min), self.markers.max.max(self.badge.max))
    }
}

/// A cluster as laid out this frame.
pub struct PlacedCluster<'a> {
    pub cluster: MeasuredCluster<'a>,
    pub row_center_y: f32,
    /// Whether its row has room for the badge with the count (else it is drawn slim).
    pub label_shown: bool,
}

/// "27 events, 3 Mar 2014 – 9 Jun 2014": the count and the dates the events fall on.
pub fn cluster_label(events: &[(usize, &Event)]) -> String {
    let first = events.iter().map(|(_, event)| event.date.first_day()).min();
    let last = events.iter().map(|(_, event)| event.date.last_day()).max();
    let format = |date: chrono::NaiveDate| date.format("%-d %b %Y").to_string();
    match (first, last) {
        (Some(first), Some(last)) if first == last => format!("{} events, {}", events.len(), format(first)),
        (Some(first), Some(last)) => format!("{} events, {} – {}", events.len(), format(first), format(last)),
        _ => format!("{} events", events.len()),
    }
}

impl TimelineView {
    /// The events of lane `lane_index` near the visible dates (only they are
    /// laid out and packed into rows), one by one or in clusters, each with
    /// the priority of its label. Every shown event of the lane is grouped,
    /// near or not, so that clusters keep their events while the view pans.
    pub(super) fn measure_lane<'a>(
        &self,
        ui: &egui::Ui,
        plot: Rect,
        map: &'a Map,
        lane_index: usize,
        selection: &Selection,
        highlight: &Highlight,
    ) -> (Vec<MeasuredEvent<'a>>, Vec<MeasuredCluster<'a>>) {
        let Some(by_day) = self.cache.as_ref().and_then(|cache| cache.lanes.get(lane_index)) else {
            return (Vec::new(), Vec::new());
        };
        let shown: Vec<(f64, usize, &Event)> = by_day
            .iter()
            .filter_map(|&(day, index)| map.events.get(index).map(|event| (day, index, event)))
            .filter(|(_, _, event)| !(highlight.hides_any() && highlight.hides(&ItemRef::Event(event.id.clone()))))
            .collect();
        let days: Vec<f64> = shown.iter().map(|(day, _, _)| *day).collect();
        let near = Rangef::new(plot.left() - self.label_cap - 20.0, plot.right() + 20.0);
        let is_near = |extent: LabelExtent| extent.end >= near.min && extent.start <= near.max;
        let (mut events, mut clusters) = (Vec::new(), Vec::new());
        for run in cluster_markers(&days, self.px_per_day, &CLUSTER_RULE) {
            let Some(members) = shown.get(run) else { continue };
            if let [(_, index, event)] = members {
                if let Some(mut measured) = self.measure(plot, *index, event).filter(|m| is_near(m.extent)) {
                    // What is selected, and what the selection or the step draws out, is labelled first.
                    let item = ItemRef::Event(event.id.clone());
                    measured.extent.priority = if selection.contains(&item) {
                        Priority::Selected
                    } else if highlight.is_active() && !highlight.dims(&item) {
                        Priority::DrawnOut
                    } else {
                        Priority::Other
                    };
                    events.push(measured);
                }
                continue;
            }
            let cluster = self.measure_cluster(ui, plot, members);
            if is_near(cluster.extent()) {
                clusters.push(cluster);
            }
        }
        (events, clusters)
    }

    fn measure_cluster<'a>(
        &self,
        ui: &egui::Ui,
        plot: Rect,
        members: &[(f64, usize, &'a Event)],
    ) -> MeasuredCluster<'a> {
        let first_day = members.first().map_or(0.0, |member| member.0);
        let last_day = members.last().map_or(first_day, |member| member.0);
        let markers = Rangef::new(self.x_of(plot, first_day), self.x_of(plot, last_day));
        let count_width = ui.fonts_mut(|fonts| {
            let font = FontId::proportional(COUNT_FONT_SIZE);
            fonts.layout_no_wrap(members.len().to_string(), font, egui::Color32::WHITE).size().x
        });
        let badge_width = count_width + 12.0;
        let badge = Rangef::new(markers.center() - badge_width / 2.0, markers.center() + badge_width / 2.0);
        let span_bands = members
            .iter()
            .filter(|(_, _, event)| event.is_span())
            .filter_map(|(_, index, event)| self.measure(plot, *index, event).map(|measured| measured.band))
            .collect();
        let events = members.iter().map(|(_, index, event)| (*index, *event)).collect();
        MeasuredCluster { events, marker_days: (first_day, last_day), markers, badge, span_bands }
    }

    /// Sends the view, smoothly, to the dates of `cluster`, where it splits.
    pub(super) fn zoom_to_cluster(&mut self, plot: Rect, cluster: &MeasuredCluster<'_>) {
        let (first, last) = cluster.marker_days;
        self.target = Some(self.frame_days(plot, first, last));
    }
}

/// Paints a cluster: the slim bands of its spans, a line from its first
/// marker to its last, and a badge with its count. Returns the rectangle it covers.
pub fn cluster_shape(
    painter: &Painter,
    plot: Rect,
    placed: &PlacedCluster<'_>,
    lane: &Lane,
    selected: bool,
    dimmed: bool,
    dark: bool,
) -> Rect {
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    let lane_color = theme::emphasis(theme::lane_color(lane.color), dimmed);
    let y = placed.row_center_y;
    let cluster = &placed.cluster;
    for band in &cluster.span_bands {
        let bar = Rect::from_x_y_ranges(*band, Rangef::new(y - 3.0, y + 3.0));
        plot_painter.rect_filled(bar, CornerRadius::same(3), lane_color.gamma_multiply(0.3));
    }
    plot_painter.line_segment(
        [Pos2::new(cluster.markers.min, y), Pos2::new(cluster.markers.max, y)],
        Stroke::new(3.0, lane_color.gamma_multiply(0.6)),
    );
    let height = if placed.label_shown { BADGE_HEIGHT } else { 8.0 };
    let badge = Rect::from_x_y_ranges(cluster.badge, Rangef::new(y - height / 2.0, y + height / 2.0));
    plot_painter.rect(
        badge,
        CornerRadius::same((height / 2.0) as u8),
        lane_color,
        Stroke::new(1.5, theme::canvas_background(dark)),
        StrokeKind::Outside,
    );
    if placed.label_shown {
        plot_painter.text(
            badge.center(),
            egui::Align2::CENTER_CENTER,
            cluster.events.len().to_string(),
            FontId::proportional(COUNT_FONT_SIZE),
            theme::canvas_background(dark),
        );
    }
    if selected {
        super::paint::selection_outline(&plot_painter, badge, 6, dark);
    }
    let markers = Rect::from_x_y_ranges(cluster.markers, Rangef::new(y - 3.0, y + 3.0));
    badge.union(markers)
}

/// Makes a cluster clickable, labelled with its count and dates, and with
/// its first titles on hover.
pub fn cluster_interaction(
    ui: &mut egui::Ui,
    plot: Rect,
    placed: &PlacedCluster<'_>,
    hit_rect: Rect,
) -> egui::Response {
    let events = &placed.cluster.events;
    let first_index = events.first().map_or(0, |(index, _)| *index);
    let id = ui.scope_id().with(("timeline-cluster", first_index));
    let response = ui.interact(hit_rect.intersect(plot), id, Sense::click());
    // Labels are written only when asked for: most frames nobody reads them.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, cluster_label(events)));
    if !response.hovered() {
        return response;
    }
    let mut tooltip = cluster_label(events);
    for (_, event) in events.iter().take(TITLES_IN_TOOLTIP) {
        tooltip.push_str(&format!("\n• {} — {}", event.date.human(), event.title));
    }
    if events.len() > TITLES_IN_TOOLTIP {
        tooltip.push_str(&format!("\n… and {} more; click to zoom in", events.len() - TITLES_IN_TOOLTIP));
    } else {
        tooltip.push_str("\nClick to zoom in");
    }
    response.on_hover_text(tooltip)
}
