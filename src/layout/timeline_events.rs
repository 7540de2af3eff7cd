//! Where an event stands on the timeline's axis, for the window
//! (`ui::timeline`) and the figures (`export::svg::timeline`) alike: the band
//! of its dates, its marker, where its label begins, and what its marks and
//! its label take on its row (packed into rows by [`super::pack_rows`]).

use super::timeline_dimensions::{MARKER_HALF_WIDTH, MARKER_LABEL_OFFSET, SPAN_LABEL_OFFSET};
use super::{LabelBefore, LabelExtent, Priority, day_number};
use crate::model::{Event, Precision};

/// The day number where an event's marker stands: its date, or for a date
/// known only to the month or year, the middle of that period.
pub fn marker_day(event: &Event) -> f64 {
    let first = day_number(event.date.first_day());
    if event.is_span() || event.date.precision() == Precision::Day {
        first
    } else {
        (first + day_number(event.date.last_day()) + 1.0) / 2.0
    }
}

/// An event placed on the time axis, before it has a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventOnAxis {
    /// From the first day of its dates to the end of the last (at least a pixel wide).
    pub band: (f32, f32),
    pub marker_x: f32,
    pub label_x: f32,
    pub extent: LabelExtent,
}

impl EventOnAxis {
    /// `event` on an axis that draws day number `day` at `x_of(day)` and whose
    /// plot begins at `plot_left`, with a label `label_width` wide.
    pub fn place(event: &Event, x_of: impl Fn(f64) -> f32, plot_left: f32, label_width: f32) -> Self {
        let start = x_of(day_number(event.date.first_day()));
        let end = x_of(day_number(event.last_date().last_day()) + 1.0).max(start + 1.0);
        let marker_x = x_of(marker_day(event));
        // A span's label stays at the plot's left edge while the span runs on past it; a span over before it keeps its label.
        let span_start = if end > plot_left { start.max(plot_left) } else { start };
        let marker = (marker_x - MARKER_HALF_WIDTH, marker_x + MARKER_HALF_WIDTH);
        let (label_x, marks) = if event.is_span() {
            (span_start + SPAN_LABEL_OFFSET, (start, end))
        } else if event.date.precision() == Precision::Day {
            (marker_x + MARKER_LABEL_OFFSET, marker)
        } else {
            // Known only to the month or year: its band over the period is drawn too.
            (marker_x + MARKER_LABEL_OFFSET, (start.min(marker.0), end.max(marker.1)))
        };
        let extent = LabelExtent {
            start: marks.0,
            marks_end: marks.1,
            label_start: label_x,
            end: (label_x + label_width).max(marks.1),
            priority: Priority::Other,
            before: None,
            slim: (!event.is_span()).then_some(marker),
        };
        Self { band: (start, end), marker_x, label_x, extent }
    }

    /// Offers the room before its marks, in a plot from `plot.0` to `plot.1`,
    /// to its label, `title_width` wide (a span's label stays inside its bar).
    pub fn offer_label_before(&mut self, event: &Event, title_width: f32, plot: (f32, f32)) {
        if event.is_span() {
            return;
        }
        let end = self.extent.start - (MARKER_LABEL_OFFSET - MARKER_HALF_WIDTH);
        let cut_after = self.label_x + title_width > plot.1;
        self.extent.before = Some(LabelBefore { earliest: plot.0, end, width: title_width, cut_after });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn event(date: &str, end: Option<&str>) -> Event {
        let parse = |text: &str| Date::parse(text).expect("a date");
        Event { end: end.map(parse), ..Event::new("e", parse(date), "An event", "lane".into()) }
    }

    #[test]
    fn a_point_event_s_marks_are_its_marker_and_its_period_and_its_label_follows() {
        let x_of = |day: f64| (day - day_number(parse_day("2015-01-01"))) as f32;
        let day = EventOnAxis::place(&event("2015-01-11", None), x_of, 0.0, 50.0);
        assert_eq!(day.band, (10.0, 11.0));
        assert_eq!(
            day.extent,
            LabelExtent {
                start: 3.0,
                marks_end: 17.0,
                label_start: 19.0,
                end: 69.0,
                priority: Priority::Other,
                before: None,
                slim: Some((3.0, 17.0))
            }
        );
        let month = EventOnAxis::place(&event("2015-02", None), x_of, 0.0, 50.0);
        assert_eq!((month.band, month.marker_x), ((31.0, 59.0), 45.0));
        assert_eq!(
            (month.extent.start, month.extent.slim),
            (31.0, Some((38.0, 52.0))),
            "hidden, only its marker takes room"
        );
    }

    #[test]
    fn a_span_s_label_stays_in_view_while_it_runs_on() {
        let x_of = |day: f64| (day - day_number(parse_day("2015-01-01"))) as f32;
        let span = EventOnAxis::place(&event("2015-01-01", Some("2015-03-31")), x_of, 40.0, 50.0);
        assert_eq!(span.band, (0.0, 90.0));
        assert_eq!(span.label_x, 40.0 + SPAN_LABEL_OFFSET);
        assert_eq!((span.extent.start, span.extent.marks_end, span.extent.slim), (0.0, 90.0, None));
    }

    #[test]
    fn a_point_event_s_label_is_offered_the_room_before_its_marker_as_far_from_it_as_after() {
        let x_of = |day: f64| (day - day_number(parse_day("2015-01-01"))) as f32;
        let mut near_the_end = EventOnAxis::place(&event("2015-03-01", None), x_of, 0.0, 50.0);
        // Its marker at 59 (52..66): after it the label would end at 68 + 40, before it it ends 2 short of 52.
        near_the_end.offer_label_before(&event("2015-03-01", None), 40.0, (0.0, 100.0));
        let offered = LabelBefore { earliest: 0.0, end: 50.0, width: 40.0, cut_after: true };
        assert_eq!(near_the_end.extent.before, Some(offered));
        let mut room_after = EventOnAxis::place(&event("2015-01-11", None), x_of, 0.0, 50.0);
        room_after.offer_label_before(&event("2015-01-11", None), 80.0, (0.0, 200.0));
        assert_eq!(room_after.extent.before.map(|before| before.cut_after), Some(false));
        let span = event("2015-01-01", Some("2015-03-31"));
        let mut span_on_axis = EventOnAxis::place(&span, x_of, 0.0, 50.0);
        span_on_axis.offer_label_before(&span, 80.0, (0.0, 60.0));
        assert_eq!(span_on_axis.extent.before, None, "a span's label stays inside its bar");
    }

    fn parse_day(text: &str) -> chrono::NaiveDate {
        Date::parse(text).expect("a date").first_day()
    }
}
