//! The as-of cursor: a date on the timeline after which everything fades, on
//! the timeline, the map and the matrix, and the matrix's scores are those
//! known by then. Turned on from the timeline's corner; dragged along the
//! axis, or played from the first event to the last.

use super::{AXIS_HEIGHT, TimelineView};
use crate::layout::{date_of, day_number};
use crate::model::Map;
use crate::ui::theme;
use chrono::NaiveDate;
use egui::{Pos2, Rect, Sense, Stroke, Vec2};

/// How long playing the whole timeline takes, in seconds.
const PLAY_SECONDS: f64 = 20.0;

/// The cursor's state: view state, never part of the document.
#[derive(Default)]
pub(super) struct AsOf {
    pub(super) date: Option<NaiveDate>,
    playing: bool,
}

impl TimelineView {
    /// The as-of date, if the cursor is on.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of.date
    }

    /// Puts the cursor on `date` (or turns it off), and stops playing.
    pub fn set_as_of(&mut self, date: Option<NaiveDate>) {
        self.as_of = AsOf { date, playing: false };
    }

    /// The controls in the timeline's top-left corner, the cursor, its drag and its play.
    pub(super) fn as_of_ui(&mut self, ui: &mut egui::Ui, rect: Rect, plot: Rect, map: &Map) {
        let Some((first, last)) = map.date_extent() else { return };
        let corner = Rect::from_min_max(
            rect.min + Vec2::new(4.0, 3.0),
            Pos2::new(plot.left() - 4.0, rect.top() + AXIS_HEIGHT - 3.0),
        );
        let mut controls = ui.new_child(
            egui::UiBuilder::new().max_rect(corner).layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        match self.as_of.date {
            None => {
                let button = controls.small_button("As of…").on_hover_text(
                    "Fade everything after a date, and score the matrix as of then; drag the cursor or play",
                );
                if button.clicked() {
                    self.as_of.date = Some(last);
                }
            }
            Some(_) => {
                let play = if self.as_of.playing { "Pause" } else { "Play" };
                if controls.small_button(play).clicked() {
                    if !self.as_of.playing && self.as_of.date == Some(last) {
                        self.as_of.date = Some(first);
                    }
                    self.as_of.playing = !self.as_of.playing;
                }
                if controls.small_button("Off").on_hover_text("Show everything again").clicked() {
                    self.set_as_of(None);
                    return;
                }
            }
        }
        let Some(date) = self.as_of.date else { return };
        if self.as_of.playing {
            let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
            let days_per_second = (day_number(last) - day_number(first)).max(1.0) / PLAY_SECONDS;
            let next = date_of(day_number(date) + days_per_second * dt + 0.5).unwrap_or(last);
            self.as_of.date = Some(next.min(last));
            self.as_of.playing = next < last;
            ui.ctx().request_repaint();
        }
        let x = self.x_of(plot, day_number(self.as_of.date.unwrap_or(date)) + 0.5);
        // The axis takes the drag: grab the cursor's head, or press anywhere on the axis.
        let axis =
            Rect::from_min_max(Pos2::new(plot.left(), rect.top()), Pos2::new(plot.right(), rect.top() + AXIS_HEIGHT));
        let response = ui.interact(axis, ui.scope_id().with("as-of-axis"), Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Slider, true, format!("As of {}", date.format("%-d %b %Y")))
        });
        if (response.dragged() || response.clicked())
            && let Some(pointer) = response.interact_pointer_pos()
        {
            self.as_of.playing = false;
            self.as_of.date = date_of(self.day_at(plot, pointer.x)).map(|day| day.clamp(first, last));
        }
        if plot.x_range().contains(x) {
            let dark = ui.visuals().dark_mode;
            let color = theme::selection_color(dark);
            let painter = ui.painter_at(rect);
            painter.line_segment([Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())], Stroke::new(2.0, color));
            let head = [Pos2::new(x - 6.0, rect.top()), Pos2::new(x + 6.0, rect.top()), Pos2::new(x, rect.top() + 9.0)];
            painter.add(egui::Shape::convex_polygon(head.to_vec(), color, Stroke::NONE));
            let label = self.as_of.date.unwrap_or(date).format("%-d %b %Y").to_string();
            let galley = painter.layout_no_wrap(label, egui::FontId::proportional(12.0), theme::text_color(dark));
            let at = Pos2::new(
                (x + 6.0).min(plot.right() - galley.size().x - 4.0),
                rect.top() + AXIS_HEIGHT - galley.size().y - 2.0,
            );
            painter.rect_filled(Rect::from_min_size(at, galley.size()).expand(2.0), 3.0, theme::legend_fill(dark));
            painter.galley(at, galley, theme::text_color(dark));
        }
    }
}
