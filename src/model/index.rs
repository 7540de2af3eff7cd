//! An index of a map, built once per document revision: items by id and the
//! links touching each item, so that the views' per-frame questions (is it
//! there, what is one link away) cost a hash look-up instead of a scan; and
//! what a change that leaves it valid replaced ([`Replaced`]).

use super::{Claim, ClaimId, Event, EventId, ItemRef, Link, LinkFrom, LinkId, LinkTo, Map};
use ahash::AHashMap as HashMap;

/// Where each item of one version of a map stands, and its links.
#[derive(Debug, Default, PartialEq)]
pub struct MapIndex {
    events: HashMap<EventId, usize>,
    claims: HashMap<ClaimId, usize>,
    links: HashMap<LinkId, usize>,
    /// For each item, the indices of the links starting at it, ending at it, or (for a link) bearing on it.
    touching: HashMap<ItemRef, Vec<usize>>,
    /// For each link, where its start and its end stand in their sections.
    ends: Vec<(Option<usize>, Option<usize>)>,
}

impl MapIndex {
    pub fn build(map: &Map) -> Self {
        let events = map.events.iter().enumerate().map(|(i, event)| (event.id.clone(), i)).collect();
        let claims = map.claims.iter().enumerate().map(|(i, claim)| (claim.id.clone(), i)).collect();
        let links = map.links.iter().enumerate().map(|(i, link)| (link.id.clone(), i)).collect();
        let mut index = Self { events, claims, links, touching: HashMap::default(), ends: Vec::new() };
        index.ends = map.links.iter().map(|link| (index.find_source(link), index.find_target(link))).collect();
        let mut touching: HashMap<ItemRef, Vec<usize>> = HashMap::default();
        for (i, link) in map.links.iter().enumerate() {
            touching.entry(link.source_item()).or_default().push(i);
            let target = link.target_item();
            if target != link.source_item() {
                touching.entry(target).or_default().push(i);
            }
        }
        index.touching = touching;
        index
    }

    /// Whether `item` is in the map this index was built from.
    pub fn contains(&self, item: &ItemRef) -> bool {
        self.position(item).is_some()
    }

    /// Where `item` stands in its section of the map (`map.events`, `map.claims` or `map.links`).
    pub fn position(&self, item: &ItemRef) -> Option<usize> {
        match item {
            ItemRef::Event(id) => self.events.get(id),
            ItemRef::Claim(id) => self.claims.get(id),
            ItemRef::Link(id) => self.links.get(id),
        }
        .copied()
    }

    /// Where the start of the link at `link` of `map.links` stands in its
    /// section (`map.events` or `map.claims`), found without hashing its id.
    pub fn source_of(&self, link: usize) -> Option<usize> {
        self.ends.get(link).and_then(|ends| ends.0)
    }

    /// Where the end of the link at `link` of `map.links` stands in its section (`map.claims` or `map.links`).
    pub fn target_of(&self, link: usize) -> Option<usize> {
        self.ends.get(link).and_then(|ends| ends.1)
    }

    fn find_source(&self, link: &Link) -> Option<usize> {
        match &link.from {
            LinkFrom::Event(id) => self.events.get(id),
            LinkFrom::Claim(id) => self.claims.get(id),
        }
        .copied()
    }

    fn find_target(&self, link: &Link) -> Option<usize> {
        match &link.to {
            LinkTo::Claim(id) => self.claims.get(id),
            LinkTo::Link(id) => self.links.get(id),
        }
        .copied()
    }

    pub fn event<'m>(&self, map: &'m Map, item: &ItemRef) -> Option<&'m Event> {
        let ItemRef::Event(id) = item else { return None };
        self.events.get(id).and_then(|&i| map.events.get(i))
    }

    pub fn claim<'m>(&self, map: &'m Map, item: &ItemRef) -> Option<&'m Claim> {
        let ItemRef::Claim(id) = item else { return None };
        self.claims.get(id).and_then(|&i| map.claims.get(i))
    }

    pub fn link<'m>(&self, map: &'m Map, item: &ItemRef) -> Option<&'m Link> {
        let ItemRef::Link(id) = item else { return None };
        self.links.get(id).and_then(|&i| map.links.get(i))
    }

    /// The links that start or end at `item`, or bear on it when it is a link.
    pub fn links_touching<'m>(&self, map: &'m Map, item: &ItemRef) -> impl Iterator<Item = &'m Link> + use<'m> {
        let indices = self.touching.get(item).cloned().unwrap_or_default();
        indices.into_iter().filter_map(|i| map.links.get(i))
    }

    /// What [`Map::neighbours`] finds, through the index: for an event or
    /// claim, the links touching it and their other ends; for a link, its two
    /// ends and the links bearing on it.
    pub fn neighbours(&self, map: &Map, item: &ItemRef) -> Vec<ItemRef> {
        let mut found = Vec::new();
        if let Some(link) = self.link(map, item) {
            found.push(link.source_item());
            found.push(link.target_item());
        }
        for link in self.links_touching(map, item) {
            if matches!(item, ItemRef::Link(id) if &link.id == id) {
                continue;
            }
            found.push(ItemRef::Link(link.id.clone()));
            found.push(if link.starts_at(item) { link.target_item() } else { link.source_item() });
        }
        found
    }
}

/// The events and claims (by place in `map.events` and `map.claims`) a
/// change replaced by others with the same id, and whether it changed the
/// lanes. Links replaced with the same ends, sources, story steps and the
/// map's details are left out: nothing derived from the lists depends on them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replaced {
    pub events: Vec<usize>,
    pub claims: Vec<usize>,
    /// Whether a lane was added, removed or replaced.
    pub lanes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_through_the_index_are_the_maps_own() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads");
        let index = MapIndex::build(&map);
        let mut compared = 0;
        for item in map.items() {
            assert!(index.contains(&item), "{item:?} is indexed");
            let mut indexed = index.neighbours(&map, &item);
            let mut scanned = map.neighbours(&item);
            indexed.sort();
            scanned.sort();
            assert_eq!(indexed, scanned, "neighbours of {item:?}");
            compared += usize::from(!scanned.is_empty());
        }
        assert!(compared > 50, "the case study has linked items ({compared})");
        assert!(!index.contains(&ItemRef::Claim("no-such-claim".into())));
    }
}
