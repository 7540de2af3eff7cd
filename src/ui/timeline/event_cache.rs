//! What the timeline works out once per revision of the document: each
//! event's label width and each lane's events in order of day. After a
//! change that kept the map's lists, only the replaced events are measured
//! again (see `crate::edit::Reach`).

use super::label_job;
use crate::layout::marker_day;
use crate::model::{Event, Map, Replaced};
use crate::ui::text_measure::TextMeasure;

pub(super) struct EventCache {
    pub(super) revision: u64,
    /// One per event, in the order of `map.events`: its whole title's width
    /// on one line, in points. Only widths are kept: a galley from an earlier
    /// frame may point into a font atlas egui has since rebuilt.
    pub(super) widths: Vec<f32>,
    /// One per lane of `map.lanes`: its events' markers as (day number, index
    /// in `map.events`), in order of day.
    pub(super) lanes: Vec<Vec<(f64, usize)>>,
}

impl EventCache {
    pub(super) fn build(map: &Map, revision: u64, measure: &mut TextMeasure) -> Self {
        measure.begin_pass();
        let widths = map.events.iter().map(|event| label_width(event, measure)).collect();
        Self { revision, widths, lanes: lanes_by_day(map) }
    }

    /// This cache for a later revision of the map that replaced `replaced`
    /// in this one's lists: only the replaced events' labels are measured
    /// again, and the lanes sorted again only if an event or a lane changed.
    pub(super) fn updated(mut self, map: &Map, revision: u64, measure: &mut TextMeasure, replaced: &Replaced) -> Self {
        if replaced.lanes || self.widths.len() != map.events.len() {
            return Self::build(map, revision, measure);
        }
        for &at in &replaced.events {
            if let (Some(event), Some(width)) = (map.events.get(at), self.widths.get_mut(at)) {
                *width = label_width(event, measure);
            }
        }
        if !replaced.events.is_empty() {
            self.lanes = lanes_by_day(map);
        }
        Self { revision, ..self }
    }
}

/// The width of `event`'s whole title on one line, in points.
fn label_width(event: &Event, measure: &mut TextMeasure) -> f32 {
    measure.size(label_job(&event.title, egui::Color32::WHITE, f32::INFINITY)).x
}

/// One per lane of `map.lanes`: its events' markers as (day number, index in `map.events`), in order of day.
fn lanes_by_day(map: &Map) -> Vec<Vec<(f64, usize)>> {
    let lane_of: std::collections::HashMap<&str, usize> =
        map.lanes.iter().enumerate().map(|(i, lane)| (lane.id.as_str(), i)).collect();
    let mut lanes: Vec<Vec<(f64, usize)>> = map.lanes.iter().map(|_| Vec::new()).collect();
    for (index, event) in map.events.iter().enumerate() {
        if let Some(lane_events) = lane_of.get(event.lane.as_str()).and_then(|&lane| lanes.get_mut(lane)) {
            lane_events.push((marker_day(event), index));
        }
    }
    for lane_events in &mut lanes {
        lane_events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::commands::update_event;
    use crate::model::Date;
    use crate::ui::Document;

    #[test]
    fn after_an_event_is_edited_only_its_label_is_measured_again() {
        let mut document = Document::case_study().expect("the case study loads");
        let mut measure = TextMeasure::new(egui::Visuals::default().text_options, false);
        let cache = EventCache::build(document.map(), document.revision(), &mut measure);
        let measured = measure.laid_out();
        let before = cache.revision;
        let event = document.map().events[5].clone();
        let moved = Event { title: format!("{}, and more", event.title), date: Date::day(2011, 1, 2), ..event };
        document.apply(update_event(document.map(), moved, "Edit event").expect("edit")).expect("applies");
        let replaced = document.replaced_since(before).expect("a change in place");
        let updated = cache.updated(document.map(), document.revision(), &mut measure, replaced);
        assert_eq!(measure.laid_out(), measured + 1, "one label measured again");
        let mut fresh_measure = TextMeasure::new(egui::Visuals::default().text_options, false);
        let fresh = EventCache::build(document.map(), document.revision(), &mut fresh_measure);
        assert_eq!((updated.widths, updated.lanes), (fresh.widths, fresh.lanes));
    }
}
