//! Selecting many items on the map and moving them by keyboard: a box drawn
//! with Shift- or Ctrl-drag adds what it touches to the selection; the arrow
//! keys move the selected claims (Shift: further), merged into one undo step
//! while the same claims keep moving.

use super::{MapGeometry, MapItem, MapView};
use crate::model::{ClaimId, ItemRef, Map, Position};
use crate::ui::action::{Action, Actions};
use crate::ui::selection::{Origin, Selection};
use crate::ui::theme;
use egui::{Key, Modifiers, Rect, Stroke, Vec2};

/// Canvas units an arrow key moves the selection; with Shift, five times as far.
const NUDGE_STEP: f32 = 10.0;

impl MapView {
    /// Draws the selection box while a Shift/Ctrl-drag lasts; on release, selects what it touches.
    pub(super) fn box_select(
        &mut self,
        ui: &egui::Ui,
        view: Rect,
        map: &Map,
        geometry: &MapGeometry,
        background: &egui::Response,
        actions: &mut Actions,
    ) {
        let Some((start, last_seen)) = &mut self.selection_box else { return };
        if let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) {
            *last_seen = pointer;
        }
        let on_screen = Rect::from_two_pos(*start, *last_seen);
        let dark = ui.visuals().dark_mode;
        let color = theme::selection_color(dark);
        let painter = ui.painter_at(view);
        painter.rect_filled(on_screen, 2.0, color.gamma_multiply(0.12));
        painter.rect_stroke(on_screen, 2.0, Stroke::new(1.0, color), egui::StrokeKind::Inside);
        if !background.drag_stopped() {
            return;
        }
        self.selection_box = None;
        let area = Rect::from_two_pos(
            self.canvas_from_screen(view) * on_screen.min,
            self.canvas_from_screen(view) * on_screen.max,
        );
        let touched = geometry.items_in(super::geometry::canvas_rect(area));
        let claims = touched.iter().filter_map(|item| match item {
            MapItem::Card(index) => map.claims.get(*index).map(|claim| ItemRef::Claim(claim.id.clone())),
            MapItem::Chip(_) | MapItem::Link(_) => None,
        });
        let events = touched.iter().filter_map(|item| match item {
            MapItem::Chip(index) => map.events.get(*index).map(|event| ItemRef::Event(event.id.clone())),
            MapItem::Card(_) | MapItem::Link(_) => None,
        });
        actions.push(Action::SelectMany { items: claims.chain(events).collect(), extend: true, origin: Origin::Map });
    }

    /// Moves the selected claims with the arrow keys, unless a text field has the keys.
    pub(super) fn nudge(&mut self, ui: &egui::Ui, map: &Map, selection: &Selection, actions: &mut Actions) {
        if selection.claims().next().is_none() || ui.ctx().egui_wants_keyboard_input() || self.is_asking() {
            return;
        }
        let keys = [
            (Key::ArrowLeft, -1.0, 0.0),
            (Key::ArrowRight, 1.0, 0.0),
            (Key::ArrowUp, 0.0, -1.0),
            (Key::ArrowDown, 0.0, 1.0),
        ];
        let mut delta = Vec2::ZERO;
        ui.ctx().input_mut(|input| {
            for (key, x, y) in keys {
                let direction = Vec2::new(x, y);
                if input.consume_key(Modifiers::SHIFT, key) {
                    delta += direction * NUDGE_STEP * 5.0;
                } else if input.consume_key(Modifiers::NONE, key) {
                    delta += direction * NUDGE_STEP;
                }
            }
        });
        if delta == Vec2::ZERO {
            return;
        }
        let ids: Vec<ClaimId> = selection.claims().cloned().collect();
        if self.nudged.0 != ids {
            self.nudged = (ids.clone(), crate::ui::document::new_gesture());
        }
        let moves = ids
            .iter()
            .filter_map(|id| map.claim(id))
            .map(|claim| (claim.id.clone(), Position::new(claim.position.x + delta.x, claim.position.y + delta.y)))
            .collect();
        actions.push(Action::MoveClaims { moves, gesture: self.nudged.1 });
    }
}
