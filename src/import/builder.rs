//! Building a valid map from imported items: ids made from titles (unique
//! slugs), lanes found or made by name, links refused when the map could not
//! hold them, then a layout for the claims that came without a position and
//! a last validation.

use super::ImportError;
use super::placement;
use crate::model::validate::validate;
use crate::model::{
    Claim, ClaimId, ClaimKind, Event, EventId, Lane, LaneId, Link, LinkFrom, LinkId, LinkTo, Map, Meta, Position,
    Relation, Rgb, Source, Strength,
};
use std::collections::{HashMap, HashSet};

/// Slugs are cut to this many characters, at a word where possible.
const MAX_SLUG_CHARS: usize = 48;

/// Colours for lanes made on import, in turn (those of the bundled case study).
const LANE_COLORS: [[u8; 3]; 6] = [
    [0x4a, 0x86, 0xd9],
    [0xd9, 0x53, 0x4f],
    [0x92, 0x70, 0xd0],
    [0x2a, 0x9d, 0x8f],
    [0xc9, 0x8a, 0x1b],
    [0x5f, 0x66, 0x6e],
];

/// The largest coordinate validation accepts on the canvas.
const CANVAS_LIMIT: f32 = 1.0e7;

/// Whether validation accepts `position`: finite and on the canvas.
pub fn on_canvas(position: Position) -> bool {
    [position.x, position.y].iter().all(|v| v.is_finite() && v.abs() <= CANVAS_LIMIT)
}

/// The message for a position an importer sets aside.
pub fn off_canvas_notice(position: Position) -> String {
    format!("skipped: position ({:?}, {:?}) is off the canvas; the item is laid out instead", position.x, position.y)
}

/// `text` as a slug: lowercase ASCII letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > MAX_SLUG_CHARS {
        let cut = slug[..MAX_SLUG_CHARS].rfind('-').filter(|&at| at > MAX_SLUG_CHARS / 2).unwrap_or(MAX_SLUG_CHARS);
        slug.truncate(cut);
    }
    slug.trim_matches('-').to_owned()
}

/// A map under construction.
pub struct MapBuilder {
    map: Map,
    used_ids: HashSet<String>,
    /// For each slug asked for more than once, the counter to try next, so
    /// that ten thousand untitled claims do not count up from 2 each time.
    next_counter: HashMap<String, usize>,
    /// Each claim's place in the map's list.
    claim_places: HashMap<ClaimId, usize>,
    /// The link joining each pair of items already joined.
    joined: HashMap<(LinkFrom, LinkTo), LinkId>,
    /// Claims that came without a position: the layout places them.
    unplaced: HashSet<ClaimId>,
}

impl MapBuilder {
    pub fn new(title: &str) -> Self {
        let title = if title.trim().is_empty() { "Imported map" } else { title.trim() };
        let map = Map { meta: Meta { title: title.to_owned(), ..Meta::default() }, ..Map::default() };
        Self {
            map,
            used_ids: HashSet::new(),
            next_counter: HashMap::new(),
            claim_places: HashMap::new(),
            joined: HashMap::new(),
            unplaced: HashSet::new(),
        }
    }

    pub fn map(&self) -> &Map {
        &self.map
    }

    pub fn meta_mut(&mut self) -> &mut Meta {
        &mut self.map.meta
    }

    /// A slug of `wanted` (or of `fallback` when `wanted` has no letters) that
    /// no item of the map has yet.
    pub fn unique_id(&mut self, wanted: &str, fallback: &str) -> String {
        let base = Some(slug(wanted)).filter(|s| !s.is_empty()).unwrap_or_else(|| fallback.to_owned());
        let mut candidate = base.clone();
        let mut counter = self.next_counter.get(&base).copied().unwrap_or(2);
        while self.used_ids.contains(&candidate) {
            candidate = format!("{base}-{counter}");
            counter += 1;
        }
        self.next_counter.insert(base, counter);
        self.used_ids.insert(candidate.clone());
        candidate
    }

    /// The lane named `name`, made if the map has none of that name.
    pub fn lane(&mut self, name: &str) -> LaneId {
        let name = if name.trim().is_empty() { "Events" } else { name.trim() };
        if let Some(lane) = self.map.lanes.iter().find(|lane| lane.name == name || lane.id.as_str() == name) {
            return lane.id.clone();
        }
        let id = LaneId::new(self.unique_id(name, "lane"));
        let color = Rgb(LANE_COLORS[self.map.lanes.len() % LANE_COLORS.len()]);
        self.map.lanes.push(Lane { id: id.clone(), name: name.to_owned(), color });
        id
    }

    pub fn set_lane_color(&mut self, id: &LaneId, color: Rgb) {
        if let Some(lane) = self.map.lanes.iter_mut().find(|lane| &lane.id == id) {
            lane.color = color;
        }
    }

    /// Adds a claim; `position` `None` leaves it to the layout.
    pub fn add_claim(&mut self, id: &str, kind: ClaimKind, text: &str, position: Option<Position>) -> &mut Claim {
        let id = ClaimId::new(self.unique_id(id, "claim"));
        if position.is_none() {
            self.unplaced.insert(id.clone());
        }
        let text = if text.trim().is_empty() { id.as_str().to_owned() } else { text.trim().to_owned() };
        let last = self.map.claims.len();
        self.claim_places.insert(id.clone(), last);
        self.map.claims.push(Claim::new(id, kind, text, position.unwrap_or_default()));
        &mut self.map.claims[last]
    }

    pub fn claim_mut(&mut self, id: &ClaimId) -> Option<&mut Claim> {
        let place = *self.claim_places.get(id)?;
        self.map.claims.get_mut(place)
    }

    /// Makes `explanation` answer `question`, or says why the map cannot hold it.
    pub fn answer(&mut self, explanation: &ClaimId, question: &ClaimId) -> Result<(), String> {
        let is = |id: &ClaimId, kind: ClaimKind| self.map.claims.iter().any(|c| &c.id == id && c.kind == kind);
        if !is(question, ClaimKind::Question) {
            return Err(format!("\"{explanation}\" answers \"{question}\", which is not a question of the map"));
        }
        if !is(explanation, ClaimKind::Explanation) {
            return Err(format!("\"{explanation}\" answers a question, but only an explanation does"));
        }
        if let Some(claim) = self.claim_mut(explanation) {
            claim.answers = Some(question.clone());
        }
        Ok(())
    }

    /// Marks `explanation` as some combination of the others, or says why the map cannot hold it.
    pub fn mark_composite(&mut self, explanation: &ClaimId) -> Result<(), String> {
        match self.claim_mut(explanation) {
            Some(claim) if claim.kind == ClaimKind::Explanation => {
                claim.composite = true;
                Ok(())
            }
            _ => Err(format!("\"{explanation}\" is marked composite, but only an explanation can be")),
        }
    }

    pub fn add_source(&mut self, source: Source) {
        self.map.sources.push(source);
    }

    /// Adds an event in `lane`.
    pub fn add_event(&mut self, event: Event) -> EventId {
        let id = EventId::new(self.unique_id(event.id.as_str(), "event"));
        self.map.events.push(Event { id: id.clone(), ..event });
        id
    }

    /// Adds a link, or says why the map cannot hold it.
    pub fn add_link(
        &mut self,
        wanted_id: &str,
        from: LinkFrom,
        to: LinkTo,
        relation: Relation,
        strength: Strength,
    ) -> Result<&mut Link, String> {
        if let (LinkFrom::Claim(a), LinkTo::Claim(b)) = (&from, &to)
            && a == b
        {
            return Err(format!("\"{a}\" cannot bear on itself"));
        }
        if let Some(twin) = self.joined.get(&(from.clone(), to.clone())) {
            return Err(format!("the same two items are already joined by link \"{twin}\""));
        }
        let id = LinkId::new(self.unique_id(wanted_id, "link"));
        self.joined.insert((from.clone(), to.clone()), id.clone());
        self.map.links.push(Link { id, from, to, relation, strength, note: String::new(), citations: Vec::new() });
        let last = self.map.links.len() - 1;
        Ok(&mut self.map.links[last])
    }

    /// Places the claims that came without a position, and checks the map.
    pub fn finish(mut self) -> Result<Map, ImportError> {
        placement::place(&mut self.map, &self.unplaced);
        let problems = validate(&self.map);
        if problems.is_empty() {
            Ok(self.map)
        } else {
            Err(ImportError::Invalid {
                problems: problems.into_iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("China blinked!"), "china-blinked");
        assert_eq!(slug("  EO 13694 — sanctions "), "eo-13694-sanctions");
        assert_eq!(slug("习近平"), "");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= MAX_SLUG_CHARS && !long.ends_with('-'));
    }

    #[test]
    fn ids_are_unique_across_kinds() {
        let mut builder = MapBuilder::new("t");
        assert_eq!(builder.unique_id("Same", "x"), "same");
        assert_eq!(builder.unique_id("same", "x"), "same-2");
        assert_eq!(builder.unique_id("习", "claim"), "claim");
        assert_eq!(builder.unique_id("", "claim"), "claim-2");
        assert_eq!(builder.unique_id("same-3", "x"), "same-3");
        assert_eq!(builder.unique_id("same", "x"), "same-4", "a taken counter is passed over");
    }

    #[test]
    fn a_second_link_between_the_same_two_items_is_refused_naming_the_first() {
        let mut builder = MapBuilder::new("t");
        for id in ["a", "b"] {
            builder.add_claim(id, ClaimKind::Claim, id, None);
        }
        let (a, b) = (ClaimId::new("a"), ClaimId::new("b"));
        let join = |builder: &mut MapBuilder, id: &str| {
            builder
                .add_link(id, LinkFrom::Claim(a.clone()), LinkTo::Claim(b.clone()), Relation::Supports, Strength::Weak)
                .map(|link| link.id.to_string())
        };
        assert_eq!(join(&mut builder, "first"), Ok("first".to_owned()));
        assert_eq!(join(&mut builder, "second"), Err("the same two items are already joined by link \"first\"".into()));
        assert_eq!(builder.claim_mut(&b).map(|claim| claim.text.clone()), Some("b".to_owned()));
    }
}
