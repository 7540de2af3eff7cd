//! Stepping through the events in time order from the keyboard (previous,
//! next, first, last), whatever view has the focus.

use super::ArglineApp;
use crate::model::ItemRef;
use crate::ui::selection::Origin;

impl ArglineApp {
    /// Event indices in chronological order (then by end, then by title).
    fn chronological_events(&self) -> Vec<usize> {
        let events = &self.document.map().events;
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&events[a], &events[b]);
            x.date.cmp(&y.date).then(x.last_date().cmp(&y.last_date())).then(x.title.cmp(&y.title))
        });
        order
    }

    fn select_event_at(&mut self, index: usize) {
        if let Some(event) = self.document.map().events.get(index) {
            self.views.select(ItemRef::Event(event.id.clone()), Origin::Other);
        }
    }

    pub(super) fn step_event(&mut self, direction: isize) {
        let order = self.chronological_events();
        let events = &self.document.map().events;
        let current = match self.views.selection.primary() {
            Some(ItemRef::Event(id)) => order.iter().position(|&i| &events[i].id == id),
            _ => None,
        };
        let next = match current {
            Some(position) => position.checked_add_signed(direction).filter(|&p| p < order.len()),
            None if direction > 0 => Some(0),
            None => order.len().checked_sub(1),
        };
        if let Some(&index) = next.and_then(|position| order.get(position)) {
            self.select_event_at(index);
        }
    }

    pub(super) fn step_to_end(&mut self, last: bool) {
        let order = self.chronological_events();
        let end = if last { order.last() } else { order.first() };
        if let Some(&index) = end {
            self.select_event_at(index);
        }
    }
}
