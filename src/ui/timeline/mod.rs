//! The timeline: a zoomable time axis over coloured lanes, with point events
//! as markers, spans as bars, and month- or year-precision dates drawn as
//! bands that show their uncertainty. Labels are packed into sub-rows so that
//! they never overlap, the selected events' first and then those the
//! selection draws out; those with no room are hidden until hovered, a long
//! title cut short runs on into the room its row leaves beside it, and a
//! label with too little room after its marker goes before it where there is room.
//! Zoomed out, markers too close to tell apart become clusters with a count.

mod as_of;
mod clusters;
mod editing;
mod event_cache;
mod paint;

use super::action::{Action, Actions};
use super::commands::Command;
use super::document::Document;
use super::selection::{Highlight, Origin, Selection};
use super::text_measure::TextMeasure;
use super::transition::{Frame, Transition};
pub use crate::layout::timeline_dimensions::{AXIS_HEIGHT, LANE_HEADER_WIDTH, ROW_HEIGHT};
use crate::layout::timeline_dimensions::{
    LABEL_FONT_SIZE, LABEL_GAP, LABEL_ROOM_ON_THE_RIGHT, LANE_PADDING, MAX_LABEL_WIDTH, MIN_LABEL_WIDTH,
    SQUEEZED_LANE_PADDING, fit_days, label_cap,
};
use crate::layout::{
    EventOnAxis, LabelExtent, RowAssignment, RowNeed, date_of, day_number, pack_rows, share_rows, ticks,
};
use crate::model::{Date, Event, ItemRef, Map, Precision, TimeWindow};
use clusters::{MeasuredCluster, PlacedCluster};
use egui::{Pos2, Rect, Sense};
use event_cache::EventCache;

const MIN_PX_PER_DAY: f64 = 0.005;
const MAX_PX_PER_DAY: f64 = 2_000.0;

/// What the timeline drew, each with its event's place in `map.events`: markers and bars, or labels.
pub type DrawnRects = [(usize, Rect)];

/// Where the timeline looks: view state, not part of the document.
pub struct TimelineView {
    /// The day number (see [`day_number`]) at the left edge of the plot.
    first_day: f64,
    /// Measures the events' labels, and remembers them from one revision to the next.
    measure: Option<TextMeasure>,
    px_per_day: f64,
    needs_fit: bool,
    /// Pan to show the events the selection touches, next frame (it was made in another view).
    reveal_requested: bool,
    /// Where the view is being sent: (first day, pixels per day); user input cancels it.
    target: Option<(f64, f64)>,
    /// The move under way towards `target`.
    transition: Option<Transition>,
    /// A window to show, once the plot's width is known.
    requested_window: Option<TimeWindow>,
    /// Where the plot was drawn last frame.
    last_plot: Rect,
    /// The events drawn last frame: each one's place in `map.events`, and its marker or bar.
    drawn_events: Vec<(usize, Rect)>,
    /// The labels drawn last frame: each one's event's place in `map.events`, and where it is.
    drawn_labels: Vec<(usize, Rect)>,
    /// Each event's label width and each lane's events in date order, once per revision of the document.
    cache: Option<EventCache>,
    /// An event being dragged to a new date.
    event_drag: Option<editing::EventDrag>,
    /// A new event whose title is being typed.
    draft: Option<editing::EventDraft>,
    as_of: as_of::AsOf,
    /// How wide a label is packed at this frame (see [`label_cap`]).
    label_cap: f32,
}

impl Default for TimelineView {
    fn default() -> Self {
        Self {
            first_day: 0.0,
            measure: None,
            px_per_day: 1.0,
            needs_fit: true,
            reveal_requested: false,
            target: None,
            transition: None,
            requested_window: None,
            last_plot: Rect::NOTHING,
            drawn_events: Vec::new(),
            drawn_labels: Vec::new(),
            cache: None,
            event_drag: None,
            draft: None,
            as_of: as_of::AsOf::default(),
            label_cap: MAX_LABEL_WIDTH,
        }
    }
}

/// One event as laid out this frame.
pub struct PlacedEvent<'a> {
    pub index: usize,
    pub event: &'a Event,
    /// The extent of the date's period (with uncertainty) or of the span.
    pub band: egui::Rangef,
    /// Where the marker stands (the date itself, or the middle of its period).
    pub marker_x: f32,
    pub label_x: f32,
    /// The widest its label is drawn, cut with "…" beyond (infinite when the whole title fits).
    pub label_width: f32,
    pub row_center_y: f32,
    pub label_shown: bool,
}

/// An event measured on the time axis, before it has a row.
struct MeasuredEvent<'a> {
    index: usize,
    event: &'a Event,
    band: egui::Rangef,
    marker_x: f32,
    label_x: f32,
    /// Its whole title's width on one line.
    title_width: f32,
    /// What it takes on its row with its label at most [`TimelineView::label_cap`] wide.
    extent: LabelExtent,
}

impl<'a> MeasuredEvent<'a> {
    /// The event on its row, as `assignment` puts it: its label before its
    /// marks, or after them running on to `label_end` (where the row's
    /// next item begins, or the plot ends), if it needs to, and ending there at the latest.
    fn place(self, row_center_y: f32, assignment: &RowAssignment, label_end: f32) -> PlacedEvent<'a> {
        let Self { index, event, band, marker_x, title_width, extent, .. } = self;
        if let (Some(before), Some(label_x)) = (extent.before, assignment.label_before) {
            let room = before.end - label_x;
            let label_width = if title_width <= room { f32::INFINITY } else { room };
            let label_shown = assignment.label_shown;
            return PlacedEvent { index, event, band, marker_x, label_x, label_width, row_center_y, label_shown };
        }
        let (label_x, label_shown) = (self.label_x, assignment.label_shown);
        let room_for_label = (label_end - label_x).max(0.0);
        let label_width = if title_width <= room_for_label { f32::INFINITY } else { room_for_label };
        // At the plot's right edge, as beside a neighbour's mark: no label cut to a word or two.
        let label_shown = label_shown && room_for_label >= MIN_LABEL_WIDTH.min(title_width);
        PlacedEvent { index, event, band, marker_x, label_x, label_width, row_center_y, label_shown }
    }
}

/// An event's title as one line, cut with "…" at `max_width`.
pub fn label_job(title: &str, color: egui::Color32, max_width: f32) -> egui::text::LayoutJob {
    let mut job =
        egui::text::LayoutJob::simple_singleline(title.to_owned(), egui::FontId::proportional(LABEL_FONT_SIZE), color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width);
    job
}

/// How wide the part of `plot` is that a window of dates is shown across: all
/// but the room kept on its right for the labels of the last events (no more
/// than a third of the plot).
fn dated_width(plot: Rect) -> f32 {
    plot.width() - LABEL_ROOM_ON_THE_RIGHT.min(plot.width() / 3.0)
}

/// What the events and then the clusters of a lane occupy, to be packed into rows together.
fn extents(events: &[MeasuredEvent<'_>], clusters: &[MeasuredCluster<'_>]) -> Vec<LabelExtent> {
    events.iter().map(|event| event.extent).chain(clusters.iter().map(MeasuredCluster::extent)).collect()
}

impl TimelineView {
    pub fn request_fit(&mut self) {
        self.needs_fit = true;
    }

    /// Pans, next frame, to show the events the selection touches.
    pub fn request_reveal(&mut self) {
        self.reveal_requested = true;
    }

    fn x_of(&self, plot: Rect, day: f64) -> f32 {
        plot.left() + ((day - self.first_day) * self.px_per_day) as f32
    }

    fn day_at(&self, plot: Rect, x: f32) -> f64 {
        self.first_day + f64::from(x - plot.left()) / self.px_per_day
    }

    /// Shows `first..=last` (day numbers) across the plot, with a margin.
    fn frame_days(&self, plot: Rect, first: f64, last: f64) -> (f64, f64) {
        let (first_day, px_per_day) = fit_days(plot.width(), first, last);
        (first_day, px_per_day.clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY))
    }

    /// A timeline of `map` whose labels are already measured, with the fonts of `measure`.
    pub fn measured(map: &Map, revision: u64, mut measure: TextMeasure) -> Self {
        let cache = EventCache::build(map, revision, &mut measure);
        Self { cache: Some(cache), measure: Some(measure), ..Self::default() }
    }

    /// Measures every event's label and sorts each lane's events by date,
    /// once per revision of the document; panning and zooming reuse them, and
    /// after a change that kept the map's lists only the replaced events are
    /// measured again.
    fn refresh_cache(&mut self, ui: &egui::Ui, document: &Document) {
        let (map, revision) = (document.map(), document.revision());
        if self.cache.as_ref().is_some_and(|cache| cache.revision == revision) {
            return;
        }
        let measure =
            self.measure.get_or_insert_with(|| TextMeasure::new(ui.ctx().global_style().visuals.text_options, false));
        self.cache = Some(match self.cache.take() {
            Some(cache) => match document.replaced_since(cache.revision) {
                Some(replaced) => cache.updated(map, revision, measure, replaced),
                None => EventCache::build(map, revision, measure),
            },
            None => EventCache::build(map, revision, measure),
        });
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        selection: &Selection,
        highlight: &Highlight,
        actions: &mut Actions,
    ) {
        let map = document.map();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.label_cap = label_cap(ui.ctx().zoom_factor());
        let plot = Rect::from_min_max(
            Pos2::new(rect.left() + LANE_HEADER_WIDTH, rect.top()),
            Pos2::new(rect.right() - 8.0, rect.bottom()),
        );
        if self.needs_fit && plot.width() > 10.0 {
            self.needs_fit = false;
            self.target = None;
            if let Some((first, last)) = map.date_extent() {
                (self.first_day, self.px_per_day) = self.frame_days(plot, day_number(first), day_number(last) + 1.0);
            }
        }
        self.last_plot = plot;
        if let Some(window) = self.requested_window.take()
            && plot.width() > 10.0
        {
            let first = day_number(window.start.first_day());
            let last = day_number(window.end.last_day()) + 1.0;
            let px_per_day =
                (f64::from(dated_width(plot)) / (last - first).max(1.0)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
            self.target = Some((first, px_per_day));
        }
        self.handle_input(ui, &response, plot);
        self.advance_transition(ui);
        if std::mem::take(&mut self.reveal_requested) {
            self.reveal(plot, map, highlight);
        }

        let dark = ui.visuals().dark_mode;
        let painter = ui.painter_at(rect);
        paint::background(&painter, rect, plot, dark);
        let first_visible = self.day_at(plot, plot.left());
        let last_visible = self.day_at(plot, plot.right());
        let axis_ticks = ticks(first_visible, last_visible, self.px_per_day, 64.0);
        paint::axis(&painter, rect, plot, &axis_ticks, |day| self.x_of(plot, day), dark);

        let lanes_top = rect.top() + AXIS_HEIGHT;
        self.refresh_cache(ui, document);
        let measured: Vec<(Vec<MeasuredEvent<'_>>, Vec<MeasuredCluster<'_>>)> =
            (0..map.lanes.len()).map(|lane| self.measure_lane(ui, plot, map, lane, selection, highlight)).collect();
        let rows_with_padding = |padding: f32| {
            let lane_chrome = map.lanes.len() as f32 * 2.0 * padding;
            ((rect.bottom() - lanes_top - lane_chrome) / ROW_HEIGHT).floor().max(0.0) as usize
        };
        let squeezed_budget = rows_with_padding(SQUEEZED_LANE_PADDING);
        // No lane can have more rows than the whole budget, so need no more.
        let needs: Vec<RowNeed> = measured
            .iter()
            .map(|(events, clusters)| RowNeed::of(&extents(events, clusters), squeezed_budget.max(1), LABEL_GAP))
            .collect();
        // Where the lanes want more rows than the timeline has, their padding gives way to rows.
        let roomy_budget = rows_with_padding(LANE_PADDING);
        let (lane_padding, budget) = if needs.iter().map(RowNeed::all).sum::<usize>() <= roomy_budget {
            (LANE_PADDING, roomy_budget)
        } else {
            (SQUEEZED_LANE_PADDING, squeezed_budget)
        };
        let shares = share_rows(&needs, budget);

        let mut lane_top = lanes_top;
        let mut placed: Vec<(PlacedEvent<'_>, &crate::model::Lane)> = Vec::new();
        let mut placed_clusters: Vec<(PlacedCluster<'_>, &crate::model::Lane)> = Vec::new();
        let mut lane_rects = Vec::with_capacity(map.lanes.len());
        for (lane_index, ((lane, (events, clusters)), rows)) in map.lanes.iter().zip(measured).zip(shares).enumerate() {
            let lane_extents = extents(&events, &clusters);
            let (assignments, _) = pack_rows(&lane_extents, rows, LABEL_GAP);
            let lane_rect = Rect::from_min_max(
                Pos2::new(rect.left(), lane_top),
                Pos2::new(rect.right(), lane_top + rows as f32 * ROW_HEIGHT + 2.0 * lane_padding),
            );
            paint::lane(&painter, lane_rect, lane, lane_index, dark);
            lane_rects.push((&lane.id, lane_rect));
            let row_center_y = |row: usize| lane_top + lane_padding + (row as f32 + 0.5) * ROW_HEIGHT;
            let (event_rows, cluster_rows) = assignments.split_at(events.len());
            for (measured_event, assignment) in events.into_iter().zip(event_rows) {
                let label_end = assignment.label_end.min(plot.right());
                placed.push((measured_event.place(row_center_y(assignment.row), assignment, label_end), lane));
            }
            for (cluster, assignment) in clusters.into_iter().zip(cluster_rows) {
                let row_center_y = row_center_y(assignment.row);
                placed_clusters
                    .push((PlacedCluster { cluster, row_center_y, label_shown: assignment.label_shown }, lane));
            }
            lane_top = lane_rect.bottom();
        }
        // Shapes first, then labels over them, so that no bar or marker hides a
        // label, then the selection's rings, which keep clear of the labels.
        let selected: Vec<bool> = placed
            .iter()
            .map(|(event, _)| !selection.is_empty() && selection.contains(&ItemRef::Event(event.event.id.clone())))
            .collect();
        let shape_rects: Vec<Rect> = placed
            .iter()
            .zip(&selected)
            .map(|((event, lane), &selected)| {
                let dimmed = highlight.dims(&ItemRef::Event(event.event.id.clone()));
                paint::event_shape(&painter, plot, event, lane, selected, dimmed, dark)
            })
            .collect();
        self.drawn_events = placed.iter().zip(&shape_rects).map(|((event, _), rect)| (event.index, *rect)).collect();
        let cluster_rects: Vec<Rect> = placed_clusters
            .iter()
            .map(|(placed, lane)| {
                let members = || placed.cluster.events.iter().map(|(_, event)| ItemRef::Event(event.id.clone()));
                let selected = !selection.is_empty() && members().any(|item| selection.contains(&item));
                let dimmed = highlight.is_active() && members().all(|item| highlight.dims(&item));
                clusters::cluster_shape(&painter, plot, placed, lane, selected, dimmed, dark)
            })
            .collect();
        self.drawn_labels.clear();
        let hit_rects: Vec<Rect> = placed
            .iter()
            .zip(shape_rects)
            .map(|((event, _), shape_rect)| {
                let dimmed = highlight.is_active() && highlight.dims(&ItemRef::Event(event.event.id.clone()));
                let label_rect = paint::event_label(&painter, plot, event, dimmed, dark);
                self.drawn_labels.extend(label_rect.map(|label| (event.index, label)));
                label_rect.map_or(shape_rect, |label| shape_rect.union(label))
            })
            .collect();
        let rings = placed.iter().zip(&self.drawn_events).zip(&selected).filter(|(_, selected)| **selected);
        for (((event, _), (_, shape_rect)), _) in rings {
            paint::selection_ring(&painter, plot, event, *shape_rect, dark);
        }
        // Clicks go to the widget registered last: events with a visible label
        // after the slim ones, so that a label takes the clicks aimed at it.
        let mut clicked_event = None;
        let mut dragged_event = None;
        let mut clicked_cluster = None;
        for labelled in [false, true] {
            for ((placed, _), hit_rect) in placed_clusters.iter().zip(&cluster_rects) {
                if placed.label_shown == labelled
                    && clusters::cluster_interaction(ui, plot, placed, *hit_rect).clicked()
                {
                    clicked_cluster = Some(&placed.cluster);
                }
            }
            for (((event, _), hit_rect), &selected) in placed.iter().zip(&hit_rects).zip(&selected) {
                if event.label_shown != labelled {
                    continue;
                }
                let interaction = paint::event_interaction(ui, plot, event, *hit_rect, selected);
                if interaction.clicked() {
                    clicked_event = Some(ItemRef::Event(event.event.id.clone()));
                }
                if interaction.drag_started() {
                    dragged_event = Some(event.event.id.clone());
                }
            }
        }
        if let Some(cluster) = clicked_cluster {
            self.zoom_to_cluster(plot, cluster);
        }
        let extend = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        match clicked_event {
            Some(item) if extend => actions.push(Action::ToggleSelected(item)),
            Some(item) => actions.push(Action::Select { item, origin: Origin::Timeline }),
            None if response.clicked() && !extend => actions.command(Command::ClearSelection),
            None => {}
        }
        if let Some(id) = dragged_event {
            actions.push(Action::Select { item: ItemRef::Event(id.clone()), origin: Origin::Timeline });
            self.begin_event_drag(map, &id);
        }
        self.event_drag_ui(ui, plot, map, actions);
        if response.double_clicked()
            && let Some(pointer) = response.interact_pointer_pos()
            && pointer.x >= plot.left()
            && let Some((lane, _)) = lane_rects.iter().find(|(_, lane_rect)| lane_rect.contains(pointer))
        {
            self.begin_draft(plot, (*lane).clone(), pointer);
        }
        self.draft_ui(ui, actions);
        self.as_of_ui(ui, rect, plot, map);
    }

    /// Where an event's band, marker and label go on the time axis.
    fn measure<'a>(&self, plot: Rect, index: usize, event: &'a Event) -> Option<MeasuredEvent<'a>> {
        let title_width = *self.cache.as_ref()?.widths.get(index)?;
        let x_of = |day| self.x_of(plot, day);
        let mut on_axis = EventOnAxis::place(event, x_of, plot.left(), title_width.min(self.label_cap));
        on_axis.offer_label_before(event, title_width, (plot.left(), plot.right()));
        let EventOnAxis { band, marker_x, label_x, extent } = on_axis;
        let band = egui::Rangef::new(band.0, band.1);
        Some(MeasuredEvent { index, event, band, marker_x, label_x, title_width, extent })
    }

    fn handle_input(&mut self, ui: &egui::Ui, response: &egui::Response, plot: Rect) {
        if response.dragged() {
            self.target = None;
            self.first_day -= f64::from(response.drag_delta().x) / self.px_per_day;
        }
        if !response.hovered() {
            return;
        }
        let (zoom, scroll, pointer) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        if zoom != 1.0 {
            self.target = None;
            let anchor_x = pointer.map_or(plot.center().x, |p| p.x);
            let anchor_day = self.day_at(plot, anchor_x);
            self.px_per_day = (self.px_per_day * f64::from(zoom)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
            self.first_day = anchor_day - f64::from(anchor_x - plot.left()) / self.px_per_day;
        }
        let pan = scroll.x + scroll.y;
        if pan != 0.0 {
            self.target = None;
            self.first_day -= f64::from(pan) / self.px_per_day;
        }
    }

    fn advance_transition(&mut self, ui: &egui::Ui) {
        let Some((first_day, px_per_day)) = self.target else {
            self.transition = None;
            return;
        };
        let now = ui.input(|i| i.time);
        let destination = Frame { offset: [first_day, 0.0], scale: px_per_day };
        let transition = match self.transition {
            Some(transition) if transition.destination() == destination => transition,
            _ => {
                let from = Frame { offset: [self.first_day, 0.0], scale: self.px_per_day };
                *self.transition.insert(Transition::new(from, destination, now))
            }
        };
        let (at, done) = transition.at(now);
        self.first_day = at.offset[0];
        self.px_per_day = at.scale;
        if done {
            self.target = None;
            self.transition = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    /// Where the plot (right of the lane names) was drawn last frame.
    pub fn plot_rect(&self) -> Rect {
        self.last_plot
    }

    /// The events drawn last frame: each one's place in `map.events`, and its marker or bar.
    pub fn drawn_events(&self) -> &DrawnRects {
        &self.drawn_events
    }

    /// The labels drawn last frame: each one's event's place in `map.events`, and where it is.
    pub fn drawn_labels(&self) -> &DrawnRects {
        &self.drawn_labels
    }

    /// The dates the plot shows, less the room kept on its right for the last labels.
    pub fn window(&self) -> Option<TimeWindow> {
        let plot = self.last_plot;
        let first = date_of(self.day_at(plot, plot.left()))?;
        let last = date_of(self.day_at(plot, plot.left() + dated_width(plot)))?;
        Some(TimeWindow { start: Date::from_naive(first, Precision::Day), end: Date::from_naive(last, Precision::Day) })
    }

    /// Moves the timeline smoothly to show `window` across the plot, leaving
    /// room on its right for the labels of the window's last events.
    pub fn show_window(&mut self, window: TimeWindow) {
        self.needs_fit = false;
        self.requested_window = Some(window);
    }

    /// Pans (and zooms out if needed) so that the highlighted events are in view.
    fn reveal(&mut self, plot: Rect, map: &Map, highlight: &Highlight) {
        let days: Vec<(f64, f64)> = map
            .events
            .iter()
            .filter(|event| highlight.contains(&ItemRef::Event(event.id.clone())))
            .map(|event| (day_number(event.date.first_day()), day_number(event.last_date().last_day()) + 1.0))
            .collect();
        let (Some(first), Some(last)) =
            (days.iter().map(|d| d.0).min_by(f64::total_cmp), days.iter().map(|d| d.1).max_by(f64::total_cmp))
        else {
            return;
        };
        let visible_first = self.day_at(plot, plot.left() + 20.0);
        let visible_last = self.day_at(plot, plot.right() - 160.0);
        if first >= visible_first && last <= visible_last {
            return;
        }
        let visible_days = f64::from(plot.width() - 180.0).max(50.0) / self.px_per_day;
        if last - first <= visible_days {
            let middle = (first + last) / 2.0;
            self.target = Some((middle - visible_days / 2.0 - 20.0 / self.px_per_day, self.px_per_day));
        } else {
            self.target = Some(self.frame_days(plot, first, last + 160.0 / self.px_per_day));
        }
    }

    /// The screen size the timeline needs to show every lane with `rows` sub-rows.
    pub fn preferred_height(map: &Map, rows: usize) -> f32 {
        AXIS_HEIGHT + map.lanes.len() as f32 * (rows as f32 * ROW_HEIGHT + 2.0 * LANE_PADDING) + 8.0
    }
}
