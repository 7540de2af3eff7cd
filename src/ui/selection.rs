//! What is selected, and what the selection draws out in both views: view
//! state, never part of the document.

use crate::model::{ClaimId, ItemRef, Map, MapIndex};
use std::collections::HashSet;

/// The selected items, in the order they were selected, with a set beside
/// them so that asking whether an item is selected (asked for every drawn
/// item) costs a hash look-up, and selecting ten thousand items stays linear.
#[derive(Debug, Default)]
pub struct Selection {
    items: Vec<ItemRef>,
    set: HashSet<ItemRef>,
    /// Changes whenever the items do: what is derived from the selection is kept until then.
    generation: u64,
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

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn contains(&self, item: &ItemRef) -> bool {
        self.set.contains(item)
    }

    /// A number that changes whenever the selected items do.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Selects `item` alone.
    pub fn select(&mut self, item: ItemRef) {
        self.clear();
        self.insert(item);
    }

    /// Adds `item`, or takes it out if it was selected (Shift/Ctrl-click).
    pub fn toggle(&mut self, item: ItemRef) {
        if self.set.remove(&item) {
            self.items.retain(|selected| *selected != item);
            self.generation += 1;
        } else {
            self.insert(item);
        }
    }

    /// Selects `items` (in that order), adding them to the selection when `extend`.
    pub fn select_many(&mut self, items: impl IntoIterator<Item = ItemRef>, extend: bool) {
        if !extend {
            self.clear();
        }
        for item in items {
            self.insert(item);
        }
    }

    fn insert(&mut self, item: ItemRef) {
        if self.set.insert(item.clone()) {
            self.items.push(item);
            self.generation += 1;
        }
    }

    /// The selected claims.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimId> {
        self.items.iter().filter_map(|item| match item {
            ItemRef::Claim(id) => Some(id),
            _ => None,
        })
    }

    pub fn clear(&mut self) {
        if !self.items.is_empty() {
            self.items.clear();
            self.set.clear();
            self.generation += 1;
        }
    }

    /// Drops items that are no longer in the map `index` was built from (after an undo, or loading another map).
    pub fn retain_existing(&mut self, index: &MapIndex) {
        let before = self.items.len();
        self.items.retain(|item| index.contains(item));
        if self.items.len() != before {
            self.set.retain(|item| index.contains(item));
            self.generation += 1;
        }
    }
}

/// The items drawn out by a selection: the selected items and everything one
/// link away. Empty when nothing is selected (then nothing is dimmed). While a
/// story step limits what is shown, the items it leaves out are hidden; items
/// a search filter or the as-of date leaves out are faded.
#[derive(Clone, Debug, Default)]
pub struct Highlight {
    items: std::sync::Arc<HashSet<ItemRef>>,
    shown: Option<HashSet<ItemRef>>,
    faded: std::sync::Arc<HashSet<ItemRef>>,
}

impl Highlight {
    pub fn of(selection: &Selection, map: &Map, index: &MapIndex) -> Self {
        let mut items = HashSet::new();
        for item in selection.items() {
            items.insert(item.clone());
            items.extend(index.neighbours(map, item));
        }
        Self { items: std::sync::Arc::new(items), shown: None, faded: Default::default() }
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
