//! The dimensions of the timeline, for the window (`ui::timeline`) and the
//! figures (`export::svg::timeline`) alike: the axis, the lanes and their
//! rows, the event labels, and how a run of dates is fitted across a width.

pub const AXIS_HEIGHT: f32 = 30.0;
pub const LANE_HEADER_WIDTH: f32 = 132.0;
pub const ROW_HEIGHT: f32 = 24.0;
pub const LANE_PADDING: f32 = 6.0;
/// A lane's padding where the lanes want more rows than the timeline's height holds.
pub const SQUEEZED_LANE_PADDING: f32 = 1.0;
pub const LABEL_FONT_SIZE: f32 = 13.0;
/// Longer titles are cut with "…" where the labels beside them leave no more
/// room (the inspector and the tooltip show them whole); at 100 % interface zoom.
pub const MAX_LABEL_WIDTH: f32 = 230.0;
/// A label that a neighbour's mark would leave narrower than this is hidden
/// rather than cut to a word or two (about ten characters).
pub const MIN_LABEL_WIDTH: f32 = 72.0;
/// Kept free between neighbouring labels in a row.
pub const LABEL_GAP: f32 = 10.0;
/// From a point event's marker to its label; from a span's start to its label.
pub const MARKER_LABEL_OFFSET: f32 = 9.0;
pub const SPAN_LABEL_OFFSET: f32 = 6.0;
/// Half a point event's marker: its dot and the ring round a selected one.
pub const MARKER_HALF_WIDTH: f32 = 7.0;

/// The widest a label is packed at, before the room beside it is known. The
/// cap grows with the interface zoom: presenting enlarges the interface 1.5
/// times for a class to read from afar, and the titles then keep more of
/// their words rather than as few as at 100 %.
pub fn label_cap(interface_zoom: f32) -> f32 {
    MAX_LABEL_WIDTH * interface_zoom.max(1.0)
}

/// Kept free at the plot's right end when dates are fitted across it, for
/// the labels of the last events (the labels' width at 100 % interface zoom).
pub const LABEL_ROOM_ON_THE_RIGHT: f32 = MAX_LABEL_WIDTH * 0.6;

/// The first day (day number) at the plot's left edge and the pixels per day
/// that show `first..last` across `plot_width`, with a margin and room on
/// the right for the labels of the last events.
pub fn fit_days(plot_width: f32, first: f64, last: f64) -> (f64, f64) {
    let span = (last - first).max(20.0);
    let margin = span * 0.04 + 3.0;
    let usable_width = f64::from((plot_width - LABEL_ROOM_ON_THE_RIGHT).max(50.0));
    (first - margin, usable_width / (span + 2.0 * margin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitted_dates_leave_room_on_the_right_and_the_cap_grows_with_the_zoom() {
        let (first_day, px_per_day) = fit_days(1_000.0, 100.0, 200.0);
        let x_of_last = ((200.0 - first_day) * px_per_day) as f32;
        assert!(first_day < 100.0 && x_of_last < 1_000.0 - MAX_LABEL_WIDTH * 0.5, "{x_of_last}");
        assert_eq!(label_cap(1.0), MAX_LABEL_WIDTH);
        assert_eq!(label_cap(1.5), 1.5 * MAX_LABEL_WIDTH);
        assert_eq!(label_cap(0.5), MAX_LABEL_WIDTH);
    }
}
