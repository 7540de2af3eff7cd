//! Items outlined on the map and the timeline in the colour of their
//! difference (`theme::difference_color`): what File ▸ Compare with… and
//! View ▸ Compare with key… both mark. Worked out once per comparison and
//! document revision, by each item's place in its section of the map.

use super::map_view::MapView;
use super::map_view::geometry::MapItem;
use super::theme::{self, Difference};
use super::timeline::TimelineView;
use crate::model::{ItemRef, Map};
use egui::{CornerRadius, Stroke, StrokeKind, Ui};
use std::collections::HashMap;

/// The marks, by each item's place in its section of the map.
#[derive(Debug, Default)]
pub struct DifferenceMarks {
    cards: Vec<(usize, Difference)>,
    events: HashMap<usize, Difference>,
    links: Vec<(usize, Difference)>,
}

impl DifferenceMarks {
    /// `marks` placed in `map`; items that are not in it are left out.
    pub fn of(map: &Map, marks: &[(ItemRef, Difference)]) -> Self {
        let place = |ids: Vec<&str>| -> HashMap<String, usize> {
            ids.into_iter().enumerate().map(|(index, id)| (id.to_owned(), index)).collect()
        };
        let claims = place(map.claims.iter().map(|c| c.id.as_str()).collect());
        let events = place(map.events.iter().map(|e| e.id.as_str()).collect());
        let links = place(map.links.iter().map(|l| l.id.as_str()).collect());
        let mut placed = Self::default();
        for (item, difference) in marks {
            match item {
                ItemRef::Claim(id) => placed.cards.extend(claims.get(id.as_str()).map(|&index| (index, *difference))),
                ItemRef::Event(id) => {
                    if let Some(&index) = events.get(id.as_str()) {
                        placed.events.insert(index, *difference);
                    }
                }
                ItemRef::Link(id) => placed.links.extend(links.get(id.as_str()).map(|&index| (index, *difference))),
            }
        }
        placed
    }

    /// Outlines the marked cards, chips and links where the map view drew them.
    pub fn paint_map_marks(&self, ui: &Ui, map_view: &MapView) {
        let view = map_view.view_rect();
        let painter = ui.painter_at(view);
        let dark = ui.visuals().dark_mode;
        let boxes = self.cards.iter().map(|&(index, difference)| (MapItem::Card(index), difference));
        let chips = self.events.iter().map(|(&index, &difference)| (MapItem::Chip(index), difference));
        for (item, difference) in boxes.chain(chips) {
            if let Some(rect) = map_view.drawn_rect(item).filter(|rect| view.intersects(*rect)) {
                let stroke = Stroke::new(3.0, theme::difference_color(difference, dark));
                painter.rect_stroke(rect.expand(6.0), CornerRadius::same(8), stroke, StrokeKind::Outside);
            }
        }
        for &(index, difference) in &self.links {
            if let Some(ends) = map_view.drawn_rect(MapItem::Link(index)).filter(|rect| view.intersects(*rect)) {
                let stroke = Stroke::new(3.0, theme::difference_color(difference, dark));
                painter.circle_stroke(ends.center(), 8.0, stroke);
            }
        }
    }

    /// Outlines the marked events where the timeline drew them.
    pub fn paint_timeline_marks(&self, ui: &Ui, timeline: &TimelineView) {
        let painter = ui.painter_at(timeline.plot_rect());
        let dark = ui.visuals().dark_mode;
        for (index, rect) in timeline.drawn_events() {
            if let Some(&difference) = self.events.get(index) {
                let stroke = Stroke::new(2.5, theme::difference_color(difference, dark));
                painter.rect_stroke(rect.expand(5.0), CornerRadius::same(5), stroke, StrokeKind::Outside);
            }
        }
    }
}
