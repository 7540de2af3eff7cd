//! Drawing a new link: every card and evidence chip has a handle on its right
//! edge; dragging from it draws a rubber band, dropping on another card, chip
//! or link asks for the relation in a small popup (Supports, the default, on
//! Enter), and the link is then added through the edit history.

use crate::model::{ItemRef, LinkFrom, LinkTo, Relation};
use crate::ui::theme;
use egui::{Color32, Painter, Pos2, Rect, Sense, Stroke, Vec2};

/// The handle is drawn this big (radius), and grabbed within a square twice the size.
const HANDLE_RADIUS: f32 = 5.5;

/// A link being drawn from `from`'s handle; `start` is on the canvas, so that it follows panning.
pub struct LinkDrag {
    pub from: ItemRef,
    pub start: Pos2,
    /// The pointer when last seen, on screen (it may leave the window before the release).
    pub pointer: Pos2,
}

/// A drawn link waiting for its relation; `at` is where it was dropped, on screen.
pub struct PendingLink {
    pub from: LinkFrom,
    pub to: LinkTo,
    pub at: Pos2,
}

/// What the relation popup decided this frame.
pub enum Choice {
    Undecided,
    Relation(Relation),
    Cancelled,
}

/// Where the handle of an item drawn in `item_rect` (screen) sits.
pub fn handle_center(item_rect: Rect) -> Pos2 {
    Pos2::new(item_rect.right(), item_rect.center().y)
}

/// The handle of an item: a drag source with an AccessKit label, painted
/// while `shown` or hovered. Registered after its item, so it takes the drag.
pub fn handle_ui(
    ui: &mut egui::Ui,
    painter: &Painter,
    item_rect: Rect,
    id: egui::Id,
    label: impl Fn() -> String,
    shown: bool,
    dark: bool,
) -> egui::Response {
    let center = handle_center(item_rect);
    let grab = Rect::from_center_size(center, Vec2::splat(HANDLE_RADIUS * 3.0));
    // Sensing clicks too makes egui prefer the handle over the card it overlaps.
    let response = ui.interact(grab, id, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label()));
    if shown || response.hovered() || response.dragged() {
        let color = theme::selection_color(dark);
        let radius = if response.hovered() { HANDLE_RADIUS + 1.5 } else { HANDLE_RADIUS };
        painter.circle(center, radius, theme::canvas_background(dark), Stroke::new(2.0, color));
        painter.circle_filled(center, 2.0, color);
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
    }
    response
}

/// The link being drawn: a dashed line from the handle to the pointer, and
/// an outline round the item it would be dropped on.
pub fn paint_rubber_band(painter: &Painter, start: Pos2, pointer: Pos2, target: Option<Rect>, dark: bool) {
    let color = theme::selection_color(dark);
    painter.extend(egui::Shape::dashed_line(&[start, pointer], Stroke::new(2.0, color), 8.0, 5.0));
    painter.circle_filled(pointer, 4.0, color);
    if let Some(target) = target {
        painter.rect_stroke(target.expand(3.0), 6.0, Stroke::new(2.5, color), egui::StrokeKind::Outside);
    }
}

/// The popup that asks how a drawn link bears on its end.
pub fn relation_popup(ctx: &egui::Context, pending: &PendingLink) -> Choice {
    let mut choice = Choice::Undecided;
    let area = egui::Area::new(egui::Id::unique("relation-popup")).fixed_pos(pending.at).order(egui::Order::Foreground);
    let shown = area.show(ctx, |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.label(egui::RichText::new("New link").strong());
            for relation in Relation::ALL {
                let dark = ui.visuals().dark_mode;
                let text =
                    egui::RichText::new(capitalised(relation.name())).color(theme::relation_color(relation, dark));
                let button = ui.add(egui::Button::new(text).min_size(Vec2::new(120.0, 0.0)));
                if button.clicked() {
                    choice = Choice::Relation(relation);
                }
            }
            ui.label(egui::RichText::new("Enter: supports · Esc: cancel").small().color(Color32::GRAY));
        });
    });
    let (enter, escape, pressed_elsewhere) = ctx.input_mut(|input| {
        let pressed = input.pointer.any_pressed()
            && input.pointer.interact_pos().is_some_and(|pos| !shown.response.rect.contains(pos));
        (
            input.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            input.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            pressed,
        )
    });
    if enter {
        choice = Choice::Relation(Relation::Supports);
    } else if escape || pressed_elsewhere {
        choice = Choice::Cancelled;
    }
    choice
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl super::MapView {
    /// Follows a link being drawn; on release over an item, asks for its relation.
    pub(super) fn link_drag_ui(
        &mut self,
        ui: &egui::Ui,
        view: Rect,
        document: &crate::ui::document::Document,
        geometry: &super::MapGeometry,
        highlight: &crate::ui::selection::Highlight,
        actions: &mut crate::ui::action::Actions,
    ) {
        let Some(drag) = &mut self.link_drag else { return };
        let (pointer, released) = ui.input(|i| (i.pointer.latest_pos(), i.pointer.primary_released()));
        if let Some(seen) = pointer {
            drag.pointer = seen;
        }
        let pointer = drag.pointer;
        let Some(drag) = &self.link_drag else { return };
        let at = super::geometry::canvas_point(self.canvas_from_screen(view) * pointer);
        // Items a story step leaves out are not drawn, and so not targets.
        let shown = |item: &ItemRef| !highlight.hides(item);
        let target = geometry.item_at(document.map(), at, 12.0 / self.zoom, &shown).filter(|item| *item != drag.from);
        let target_rect = target
            .as_ref()
            .filter(|item| !matches!(item, ItemRef::Link(_)))
            .and_then(|item| geometry.rect_of(document.index(), item))
            .map(|rect| self.screen_from_canvas(view).mul_rect(super::geometry::rect(rect)));
        let painter = ui.painter_at(view);
        paint_rubber_band(
            &painter,
            self.screen_from_canvas(view) * drag.start,
            pointer,
            target_rect,
            ui.visuals().dark_mode,
        );
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
        if !released {
            return;
        }
        let from = drag.from.clone();
        self.link_drag = None;
        // Draw the frame without the rubber band, and with the popup, now rather than at the next input.
        ui.ctx().request_repaint();
        let Some(onto) = target else { return };
        match crate::edit::commands::drawn_link_ends(&from, &onto) {
            Ok((from, to)) => self.pending_link = Some(PendingLink { from, to, at: pointer }),
            Err(why) => actions.push(crate::ui::action::Action::Notify(format!("No link was made: {why}."))),
        }
    }

    /// The relation popup of a drawn link, while one waits.
    pub(super) fn pending_link_ui(&mut self, ui: &egui::Ui, actions: &mut crate::ui::action::Actions) {
        let Some(pending) = &self.pending_link else { return };
        match relation_popup(ui.ctx(), pending) {
            Choice::Undecided => {}
            Choice::Cancelled => self.pending_link = None,
            Choice::Relation(relation) => {
                if let Some(PendingLink { from, to, .. }) = self.pending_link.take() {
                    actions.push(crate::ui::action::Action::AddLink { from, to, relation });
                }
            }
        }
    }
}
