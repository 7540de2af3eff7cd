//! Editing on the timeline: double-click a lane at a date to add an event
//! there (its title typed in place), and drag an event sideways to change its
//! date — by whole days, or by months or years for dates known only that
//! closely — one undo step per drag.

use super::TimelineView;
use crate::layout::{date_of, day_number};
use crate::model::{Date, EventId, LaneId, Map, Precision};
use crate::ui::action::{Action, Actions};
use crate::ui::theme;
use egui::{Pos2, Rect, Vec2};

/// An event being dragged, with its dates when the drag began.
pub(super) struct EventDrag {
    id: EventId,
    date: Date,
    end: Option<Date>,
    /// Screen points dragged so far, along the time axis.
    travelled: f32,
    gesture: u64,
}

/// The title of a new event, typed where the user double-clicked.
pub(super) struct EventDraft {
    lane: LaneId,
    date: Date,
    /// On screen, where the field sits.
    at: Pos2,
    title: String,
    focus_requested: bool,
}

impl TimelineView {
    /// Starts dragging the event `id` of `map`.
    pub(super) fn begin_event_drag(&mut self, map: &Map, id: &EventId) {
        if let Some(event) = map.event(id) {
            let gesture = crate::ui::document::new_gesture();
            self.event_drag =
                Some(EventDrag { id: id.clone(), date: event.date, end: event.end, travelled: 0.0, gesture });
        }
    }

    /// Follows a dragged event: moves its dates as the pointer moves, and shows where it would land.
    pub(super) fn event_drag_ui(&mut self, ui: &egui::Ui, plot: Rect, map: &Map, actions: &mut Actions) {
        let Some(drag) = &mut self.event_drag else { return };
        let (delta, down, pointer) =
            ui.input(|i| (i.pointer.delta().x, i.pointer.primary_down(), i.pointer.latest_pos()));
        drag.travelled += delta;
        let days = (f64::from(drag.travelled) / self.px_per_day).round() as i64;
        let date = drag.date.shifted(days);
        let end = drag.end.map(|end| end.shifted(days));
        let fits = end.is_none_or(|end| end.last_day() >= date.first_day());
        let current = map.event(&drag.id).map(|event| (event.date, event.end));
        if fits && current.is_some_and(|current| current != (date, end)) {
            actions.push(Action::MoveEvent { id: drag.id.clone(), date, end, gesture: drag.gesture });
        }
        if let Some(pointer) = pointer {
            let label = end.map_or_else(|| date.human(), |end| format!("{} – {}", date.human(), end.human()));
            let dark = ui.visuals().dark_mode;
            let painter = ui.painter_at(plot.expand2(Vec2::new(0.0, 40.0)));
            let galley = painter.layout_no_wrap(label, egui::FontId::proportional(13.0), theme::text_color(dark));
            let rect = Rect::from_min_size(pointer + Vec2::new(12.0, -28.0), galley.size()).expand(4.0);
            painter.rect_filled(rect, 4.0, theme::legend_fill(dark));
            painter.galley(rect.min + Vec2::splat(4.0), galley, theme::text_color(dark));
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        }
        if !down {
            self.event_drag = None;
        }
    }

    /// Opens the title field for a new event on `lane` at the day under `pointer`.
    pub(super) fn begin_draft(&mut self, plot: Rect, lane: LaneId, pointer: Pos2) {
        let Some(day) = date_of(self.day_at(plot, pointer.x)) else { return };
        let date = Date::from_naive(day, Precision::Day);
        let at = Pos2::new(self.x_of(plot, day_number(day)), pointer.y);
        self.draft = Some(EventDraft { lane, date, at, title: String::new(), focus_requested: false });
    }

    /// The title field of a new event: Enter adds it, Escape or a click elsewhere drops it.
    pub(super) fn draft_ui(&mut self, ui: &mut egui::Ui, actions: &mut Actions) {
        let Some(draft) = &mut self.draft else { return };
        let dark = ui.visuals().dark_mode;
        ui.painter().circle_filled(draft.at, 5.0, theme::selection_color(dark));
        let area = Rect::from_min_size(draft.at + Vec2::new(10.0, -12.0), Vec2::new(260.0, 24.0));
        let hint = format!("New event on {} — type its title, Enter", draft.date.human());
        let response = ui.put(area, egui::TextEdit::singleline(&mut draft.title).hint_text(hint));
        if !draft.focus_requested {
            response.request_focus();
            draft.focus_requested = true;
            return;
        }
        if response.lost_focus() {
            let title = draft.title.trim().to_owned();
            if ui.input(|input| input.key_pressed(egui::Key::Enter)) && !title.is_empty() {
                actions.push(Action::AddEvent { lane: draft.lane.clone(), date: draft.date, title });
            }
            self.draft = None;
        }
    }
}
