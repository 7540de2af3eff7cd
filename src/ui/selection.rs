//! What is selected, and what the selection draws out in both views: view
//! state, never part of the document.

use crate::model::{ClaimId, ItemRef, Map};
use std::collections::HashSet;

/// The selected items, and which views still have to bring them into view.
#[derive(Debug, Default)]
pub struct Selection {
    items: Vec<ItemRef>,
    /// The map should pan to show the selection and what it touches.
    pub reveal_on_map: bool,
    /// The timeline should pan to show the events the selection touches.
    pub reveal_on_timeline: bool,
}

/// Which view a selection was made in; the other views reveal it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Map,
    Timeline,
    Other,
}

impl Selection {
    pub fn items(&self) -> &[ItemRef] {
        &self.items
    }

    pub fn primary(&self) -> Option<&ItemRef> {
        self.items.first()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, item: &ItemRef) -> bool {
        self.items.contains(item)
    }

    /// Selects `item` alone.
    pub fn select(&mut self, item: ItemRef, origin: Origin) {
        self.items = vec![item];
        self.reveal_on_map = origin != Origin::Map;
        self.reveal_on_timeline = origin != Origin::Timeline;
    }

    /// Adds `item`, or takes it out if it was selected (Shift/Ctrl-click).
    pub fn toggle(&mut self, item: ItemRef) {
        match self.items.iter().position(|selected| *selected == item) {
            Some(index) => {
                self.items.remove(index);
            }
            None => self.items.push(item),
        }
        self.reveal_on_map = false;
        self.reveal_on_timeline = false;
    }

    /// Selects `items` (in that order), adding them to the selection when `extend`.
    pub fn select_many(&mut self, items: impl IntoIterator<Item = ItemRef>, extend: bool, origin: Origin) {
        if !extend {
            self.items.clear();
        }
        for item in items {
            if !self.items.contains(&item) {
                self.items.push(item);
            }
        }
        self.reveal_on_map = origin != Origin::Map;
        self.reveal_on_timeline = origin != Origin::Timeline;
    }

    /// The selected claims.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimId> {
        self.items.iter().filter_map(|item| match item {
            ItemRef::Claim(id) => Some(id),
            _ => None,
        })
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.reveal_on_map = false;
        self.reveal_on_timeline = false;
    }

    /// Drops items that no longer exist in `map` (after loading another map).
    pub fn retain_existing(&mut self, map: &Map) {
        self.items.retain(|item| match item {
            ItemRef::Event(id) => map.event(id).is_some(),
            ItemRef::Claim(id) => map.claim(id).is_some(),
            ItemRef::Link(id) => map.link(id).is_some(),
        });
    }
}

/// The items drawn out by a selection: the selected items and everything one
/// link away. Empty when nothing is selected (then nothing is dimmed). While a
/// story step limits what is shown, the items it leaves out are hidden; items
/// a search filter or the as-of date leaves out are faded.
#[derive(Debug, Default)]
pub struct Highlight {
    items: HashSet<ItemRef>,
    shown: Option<HashSet<ItemRef>>,
    faded: std::sync::Arc<HashSet<ItemRef>>,
}

impl Highlight {
    pub fn of(selection: &Selection, map: &Map) -> Self {
        let mut items = HashSet::new();
        for item in selection.items() {
            items.insert(item.clone());
            items.extend(map.neighbours(item));
        }
        Self { items, shown: None, faded: Default::default() }
    }

    /// Also fades `faded` (filtered out, or later than the as-of date).
    pub fn fading(mut self, faded: std::sync::Arc<HashSet<ItemRef>>) -> Self {
        self.faded = faded;
        self
    }

    /// Shows only `items` and the links between them (everything when `items` is empty).
    pub fn showing_only(mut self, items: &[ItemRef], map: &Map) -> Self {
        if items.is_empty() {
            self.shown = None;
            return self;
        }
        let mut shown: HashSet<ItemRef> = items.iter().cloned().collect();
        // Links appear with their ends; repeat for links on links.
        loop {
            let before = shown.len();
            for link in &map.links {
                if shown.contains(&link.source_item()) && shown.contains(&link.target_item()) {
                    shown.insert(ItemRef::Link(link.id.clone()));
                }
            }
            if shown.len() == before {
                break;
            }
        }
        self.shown = Some(shown);
        self
    }

    /// Whether some items are hidden (then ask [`Highlight::hides`]).
    pub fn hides_any(&self) -> bool {
        self.shown.is_some()
    }

    /// Whether `item` is left out of the current story step.
    pub fn hides(&self, item: &ItemRef) -> bool {
        self.shown.as_ref().is_some_and(|shown| !shown.contains(item))
    }

    /// Whether anything is dimmed (then ask [`Highlight::dims`]).
    pub fn is_active(&self) -> bool {
        !self.items.is_empty() || !self.faded.is_empty()
    }

    pub fn contains(&self, item: &ItemRef) -> bool {
        self.items.contains(item)
    }

    /// Whether `item` should be drawn faded.
    pub fn dims(&self, item: &ItemRef) -> bool {
        (!self.items.is_empty() && !self.contains(item)) || self.faded.contains(item)
    }
}
