//! File ▸ Compare with…: the open map against another file, by id
//! ([`crate::vcs::diff`], the other file as the older side) — what this map
//! adds, removes and changes. Items on the map and the timeline get an outline
//! of their difference's colour (`theme::difference_color`); a panel lists
//! every difference to step through, a click selecting the item. Worked out
//! again whenever the map changes; gone when comparing stops.

use super::action::{Action, Actions};
use super::map_view::MapView;
use super::map_view::geometry::MapItem;
use super::theme::{self, Difference};
use super::timeline::TimelineView;
use crate::model::{ItemRef, Map};
use crate::vcs::{Change, ItemKey};
use egui::{CornerRadius, RichText, Stroke, StrokeKind, Ui};
use std::collections::HashMap;
use std::path::PathBuf;

/// The open map compared with another file.
pub struct Comparison {
    pub path: PathBuf,
    other: Map,
    /// The document revision the differences were worked out for.
    revision: u64,
    entries: Vec<Entry>,
    /// The marks, by each item's place in its section of the map as it is now.
    cards: Vec<(usize, Difference)>,
    events: HashMap<usize, Difference>,
    links: Vec<(usize, Difference)>,
    /// The difference last stepped to.
    pub current: Option<usize>,
}

/// One difference in the list.
struct Entry {
    difference: Difference,
    /// What the list says: `Changed claim "budget" (text): Halved`.
    label: String,
    /// The item, when it is in this map and shown on the map or timeline.
    item: Option<ItemRef>,
}

impl Comparison {
    /// `map` (at `revision`) compared with `other`, read from `path`.
    pub fn new(path: PathBuf, other: Map, map: &Map, revision: u64) -> Self {
        let mut comparison = Self {
            path,
            other,
            revision: 0,
            entries: Vec::new(),
            cards: Vec::new(),
            events: HashMap::new(),
            links: Vec::new(),
            current: None,
        };
        comparison.work_out(map, revision);
        comparison
    }

    /// The name of the other file, for the panel.
    pub fn other_name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// Works the differences out again if the map changed since.
    pub fn refresh(&mut self, map: &Map, revision: u64) {
        if revision != self.revision {
            self.work_out(map, revision);
        }
    }

    fn work_out(&mut self, map: &Map, revision: u64) {
        let differences = crate::vcs::diff(&self.other, map);
        let place = |ids: Vec<&str>| -> HashMap<String, usize> {
            ids.into_iter().enumerate().map(|(index, id)| (id.to_owned(), index)).collect()
        };
        let claims = place(map.claims.iter().map(|c| c.id.as_str()).collect());
        let events = place(map.events.iter().map(|e| e.id.as_str()).collect());
        let links = place(map.links.iter().map(|l| l.id.as_str()).collect());
        self.entries.clear();
        self.cards.clear();
        self.events.clear();
        self.links.clear();
        for change in differences.changes {
            let (difference, fields) = match &change.change {
                Change::Added => (Difference::Added, String::new()),
                Change::Removed => (Difference::Removed, String::new()),
                Change::Changed { fields } => {
                    let names: Vec<&str> = fields.iter().map(|field| field.field).collect();
                    (Difference::Changed, format!(" ({})", names.join(", ")))
                }
            };
            let present = difference != Difference::Removed;
            let item = match &change.item {
                ItemKey::Claim(id) if present => {
                    if let Some(&index) = claims.get(id.as_str()) {
                        self.cards.push((index, difference));
                    }
                    Some(ItemRef::Claim(id.clone()))
                }
                ItemKey::Event(id) if present => {
                    if let Some(&index) = events.get(id.as_str()) {
                        self.events.insert(index, difference);
                    }
                    Some(ItemRef::Event(id.clone()))
                }
                ItemKey::Link(id) if present => {
                    if let Some(&index) = links.get(id.as_str()) {
                        self.links.push((index, difference));
                    }
                    Some(ItemRef::Link(id.clone()))
                }
                _ => None,
            };
            let verb = match difference {
                Difference::Added => "Added",
                Difference::Removed => "Removed",
                Difference::Changed => "Changed",
            };
            let title = if change.title.is_empty() { String::new() } else { format!(": {}", change.title) };
            self.entries.push(Entry { difference, label: format!("{verb} {}{fields}{title}", change.item), item });
        }
        self.current = self.current.filter(|&current| current < self.entries.len());
        self.revision = revision;
    }

    /// The items this map marks, with how they differ (removed items are not in it).
    pub fn marks(&self) -> Vec<(ItemRef, Difference)> {
        self.entries.iter().filter_map(|entry| Some((entry.item.clone()?, entry.difference))).collect()
    }

    /// Difference `index`: made the current one; its item, if it is in this map.
    pub fn go_to(&mut self, index: usize) -> Option<Result<ItemRef, String>> {
        let entry = self.entries.get(index)?;
        self.current = Some(index);
        Some(entry.item.clone().ok_or_else(|| format!("{} — it is not on the map or the timeline.", entry.label)))
    }

    /// The difference `by` places after the current one (before, if negative), going round.
    pub fn neighbour(&self, by: isize) -> Option<usize> {
        let count = self.entries.len() as isize;
        if count == 0 {
            return None;
        }
        let next = match self.current {
            Some(current) => current as isize + by,
            None if by > 0 => 0,
            None => count - 1,
        };
        Some(next.rem_euclid(count) as usize)
    }

    /// The panel: counts, stepping, and the list of differences.
    pub fn panel_ui(&self, ui: &mut Ui, actions: &mut Actions) {
        let dark = ui.visuals().dark_mode;
        ui.heading(format!("Compared with {}", self.other_name()));
        ui.label(RichText::new("What this map adds, removes and changes since that file.").weak());
        ui.horizontal_wrapped(|ui| {
            for (difference, word) in
                [(Difference::Added, "added"), (Difference::Removed, "removed"), (Difference::Changed, "changed")]
            {
                let count = self.entries.iter().filter(|entry| entry.difference == difference).count();
                ui.label(RichText::new(format!("{count} {word}")).color(theme::difference_color(difference, dark)));
            }
        });
        ui.horizontal(|ui| {
            let any = !self.entries.is_empty();
            if ui.add_enabled(any, egui::Button::new("Previous")).clicked()
                && let Some(index) = self.neighbour(-1)
            {
                actions.push(Action::GoToDifference(index));
            }
            if ui.add_enabled(any, egui::Button::new("Next")).clicked()
                && let Some(index) = self.neighbour(1)
            {
                actions.push(Action::GoToDifference(index));
            }
            if ui.button("Stop comparing").clicked() {
                actions.push(Action::StopComparing);
            }
        });
        ui.separator();
        if self.entries.is_empty() {
            ui.label("The two maps are the same.");
            return;
        }
        egui::ScrollArea::vertical().id_salt("compare-list").show(ui, |ui| {
            for (index, entry) in self.entries.iter().enumerate() {
                let text = RichText::new(&entry.label).color(theme::difference_color(entry.difference, dark));
                if ui.selectable_label(self.current == Some(index), text).clicked() {
                    actions.push(Action::GoToDifference(index));
                }
            }
        });
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
