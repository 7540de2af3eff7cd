//! Where everything sits on the map's canvas (canvas units, y down): claim
//! cards sized to their wrapped text, chips for the events that serve as
//! evidence, the two ends of every link, and a spatial index of them all.
//! Computed once per revision of the document, not per frame.

use crate::layout::chip_band::{UnplacedChip, place_in_band};
use crate::layout::{Bounds, SpatialIndex, SpatialIndexBuilder};
use crate::model::{ItemRef, LinkFrom, LinkTo, Map};
use crate::ui::text_measure::TextMeasure;
use egui::{Pos2, Rect, Vec2};
use std::collections::HashMap;

use crate::layout::card_size::wrapped_height;
pub use crate::layout::card_size::{
    CARD_PADDING, CARD_WIDTH, CHIP_PADDING, CHIP_TEXT_SIZE, CHIP_WIDTH, DATE_LINE_HEIGHT, KIND_LINE_HEIGHT, card_width,
    text_size,
};

/// The canvas geometry of one revision of a map.
pub struct MapGeometry {
    pub revision: u64,
    /// One rectangle per claim, in the order of `map.claims`.
    pub claims: Vec<Rect>,
    /// One per event, in the order of `map.events`: `Some` for events that
    /// serve as evidence (have a link) and so appear on the map.
    pub chips: Vec<Option<Rect>>,
    /// One per link, in the order of `map.links`: its start and end points.
    pub links: Vec<Option<(Pos2, Pos2)>>,
    /// Everything drawn, for Fit.
    pub bounds: Rect,
    /// Links, chips and cards by where they are, to draw and hit-test only those near.
    index: SpatialIndex<MapItem>,
}

/// An item of the map in the spatial index, by its place in `map.links`,
/// `map.events` or `map.claims`. Ordered as drawn: links under chips under
/// cards, each kind in the map's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MapItem {
    Link(usize),
    Chip(usize),
    Card(usize),
}

fn bounds_of(rect: Rect) -> Bounds {
    Bounds::new([rect.min.x, rect.min.y], [rect.max.x, rect.max.y])
}

impl MapGeometry {
    /// Lays out `map`; `measure(text, font_size, wrap_width)` gives the height of wrapped text.
    pub fn compute(map: &Map, revision: u64, measure: &mut dyn FnMut(&str, f32, f32) -> f32) -> Self {
        let geometry = Self::compute_without_index(map, revision, measure);
        let index = index_items(&geometry.claims, &geometry.chips, &geometry.links).build();
        Self { index, ..geometry }
    }

    /// The cards, chips and link ends of `map`, with an empty spatial index.
    fn compute_without_index(map: &Map, revision: u64, measure: &mut dyn FnMut(&str, f32, f32) -> f32) -> Self {
        let claims: Vec<Rect> = map
            .claims
            .iter()
            .map(|claim| {
                let width = card_width(claim.kind);
                // Measured a little narrower than drawn, so that text never needs more lines than measured.
                let text_height = measure(&claim.text, text_size(claim.kind), width - 2.0 * CARD_PADDING - 4.0);
                let size = Vec2::new(width, CARD_PADDING * 2.0 + KIND_LINE_HEIGHT + text_height);
                Rect::from_center_size(Pos2::new(claim.position.x, claim.position.y), size)
            })
            .collect();
        let claim_index: HashMap<&str, usize> =
            map.claims.iter().enumerate().map(|(i, claim)| (claim.id.as_str(), i)).collect();
        let chips = place_chips(map, &claims, &claim_index, measure);
        let event_index: HashMap<&str, usize> =
            map.events.iter().enumerate().map(|(i, event)| (event.id.as_str(), i)).collect();
        let links = link_ends(map, &claims, &claim_index, &chips, &event_index);
        let bounds =
            claims.iter().chain(chips.iter().flatten()).fold(Rect::NOTHING, |bounds, rect| bounds.union(*rect));
        Self { revision, claims, chips, links, bounds, index: SpatialIndexBuilder::default().build() }
    }

    /// This geometry, worked out again for a later revision of the map: where
    /// only a few items moved (a drag, an edited text), the spatial index
    /// keeps its grid and looks at the moved ones beside it.
    pub fn updated(self, map: &Map, revision: u64, measure: &mut dyn FnMut(&str, f32, f32) -> f32) -> Self {
        let fresh = Self::compute_without_index(map, revision, measure);
        let index = self.index.rebuilt_with(index_items(&fresh.claims, &fresh.chips, &fresh.links));
        Self { index, ..fresh }
    }

    /// Lays out `map` with its text measured by `measure`, which forgets the texts this revision no longer has.
    pub fn measured(map: &Map, revision: u64, measure: &mut TextMeasure) -> Self {
        measure.begin_pass();
        Self::compute(map, revision, &mut |text, size, wrap| measure.height(text, size, wrap))
    }

    /// As [`MapGeometry::measured`], for a later revision of the map this geometry was made for.
    pub fn measured_again(self, map: &Map, revision: u64, measure: &mut TextMeasure) -> Self {
        measure.begin_pass();
        self.updated(map, revision, &mut |text, size, wrap| measure.height(text, size, wrap))
    }

    /// Lays out `map` with the sizes of its text estimated, not measured (see `layout::card_size`).
    pub fn estimated(map: &Map, revision: u64) -> Self {
        Self::compute(map, revision, &mut |text, size, wrap| wrapped_height(text, size, wrap))
    }

    /// The items that touch `area` (canvas), in the order they are drawn.
    pub fn items_in(&self, area: Rect) -> Vec<MapItem> {
        self.index.query_rect(bounds_of(area))
    }

    /// The item drawn at canvas point `at`: a card, else a chip, else a link
    /// whose middle is within `link_reach` (canvas units).
    pub fn item_at(&self, map: &Map, at: Pos2, link_reach: f32, shown: &dyn Fn(&ItemRef) -> bool) -> Option<ItemRef> {
        // The last drawn is on top.
        let under = self.index.query_point([at.x, at.y]);
        let top = under.iter().rev().find_map(|item| {
            let item = match item {
                MapItem::Card(index) => map.claims.get(*index).map(|claim| ItemRef::Claim(claim.id.clone())),
                MapItem::Chip(index) => map.events.get(*index).map(|event| ItemRef::Event(event.id.clone())),
                MapItem::Link(_) => None,
            };
            item.filter(|item| shown(item))
        });
        if top.is_some() {
            return top;
        }
        // A link whose middle is within reach passes through the square around `at`.
        let near = self.items_in(Rect::from_center_size(at, Vec2::splat(2.0 * link_reach)));
        near.iter()
            .filter_map(|item| match item {
                MapItem::Link(index) => self.links.get(*index).copied().flatten().map(|ends| (*index, ends)),
                MapItem::Chip(_) | MapItem::Card(_) => None,
            })
            .map(|(index, (a, b))| (index, a.lerp(b, 0.5).distance(at)))
            .filter(|(_, distance)| *distance <= link_reach)
            .filter_map(|(index, distance)| {
                let link = ItemRef::Link(map.links.get(index)?.id.clone());
                shown(&link).then_some((link, distance))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(link, _)| link)
    }

    /// The canvas rectangle of a claim or of an event's chip.
    pub fn rect_of(&self, map: &Map, item: &ItemRef) -> Option<Rect> {
        match item {
            ItemRef::Claim(id) => map.claims.iter().position(|c| &c.id == id).and_then(|i| self.claims.get(i).copied()),
            ItemRef::Event(id) => {
                map.events.iter().position(|e| &e.id == id).and_then(|i| self.chips.get(i).copied().flatten())
            }
            ItemRef::Link(id) => {
                let (a, b) =
                    map.links.iter().position(|l| &l.id == id).and_then(|i| self.links.get(i).copied().flatten())?;
                Some(Rect::from_two_pos(a, b))
            }
        }
    }
}

fn index_items(
    claims: &[Rect],
    chips: &[Option<Rect>],
    links: &[Option<(Pos2, Pos2)>],
) -> SpatialIndexBuilder<MapItem> {
    let mut index = SpatialIndexBuilder::default();
    for (at, ends) in links.iter().enumerate() {
        if let Some((a, b)) = ends {
            index.insert_segment(MapItem::Link(at), [a.x, a.y], [b.x, b.y]);
        }
    }
    for (at, chip) in chips.iter().enumerate() {
        if let Some(chip) = chip {
            index.insert_rect(MapItem::Chip(at), bounds_of(*chip));
        }
    }
    for (at, card) in claims.iter().enumerate() {
        index.insert_rect(MapItem::Card(at), bounds_of(*card));
    }
    index
}

/// Chips go where the event says, or else in a band beneath all cards, each
/// under the mean position of the claims it bears on, pushed apart sideways.
fn place_chips(
    map: &Map,
    claims: &[Rect],
    claim_index: &HashMap<&str, usize>,
    measure: &mut dyn FnMut(&str, f32, f32) -> f32,
) -> Vec<Option<Rect>> {
    // For each event that serves as evidence, the x of the claims it bears on.
    let mut targets: HashMap<&str, Vec<f32>> = HashMap::new();
    for link in &map.links {
        let LinkFrom::Event(event) = &link.from else { continue };
        let xs = targets.entry(event.as_str()).or_default();
        if let LinkTo::Claim(claim) = &link.to
            && let Some(rect) = claim_index.get(claim.as_str()).and_then(|&i| claims.get(i))
        {
            xs.push(rect.center().x);
        }
    }
    let band_top = claims.iter().map(|rect| rect.bottom()).fold(f32::NEG_INFINITY, f32::max).max(0.0) + 160.0;
    let mut chips: Vec<Option<Rect>> = Vec::with_capacity(map.events.len());
    let mut unplaced: Vec<UnplacedChip> = Vec::new();
    for (index, event) in map.events.iter().enumerate() {
        if !targets.contains_key(event.id.as_str()) {
            chips.push(None);
            continue;
        }
        let title_height = measure(&event.title, CHIP_TEXT_SIZE, CHIP_WIDTH - 2.0 * CHIP_PADDING - 4.0);
        let size = Vec2::new(CHIP_WIDTH, 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + title_height);
        match &event.position {
            Some(position) => chips.push(Some(Rect::from_center_size(Pos2::new(position.x, position.y), size))),
            None => {
                let xs = targets.get(event.id.as_str()).map_or(&[][..], Vec::as_slice);
                let mean_x = if xs.is_empty() { 0.0 } else { xs.iter().sum::<f32>() / xs.len() as f32 };
                unplaced.push(UnplacedChip { index, wanted_x: mean_x, width: size.x, height: size.y });
                chips.push(Some(Rect::from_min_size(Pos2::new(mean_x, band_top), size)));
            }
        }
    }
    let (claims_left, claims_right) = claims.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(left, right), rect| {
        (left.min(rect.left()), right.max(rect.right()))
    });
    let band_left = if claims_left.is_finite() { claims_left } else { 0.0 };
    let band_right = claims_right.max(band_left);
    for (index, left, top) in place_in_band(unplaced, band_top, band_left, band_right) {
        if let Some(slot) = chips.get_mut(index) {
            *slot = slot.map(|rect: Rect| Rect::from_min_size(Pos2::new(left, top), rect.size()));
        }
    }
    chips
}

/// The point where the ray from `rect`'s centre towards `toward` leaves `rect`.
pub fn border_point(rect: Rect, toward: Pos2) -> Pos2 {
    let center = rect.center();
    let direction = toward - center;
    if direction.length_sq() < 1e-6 {
        return center;
    }
    let half = rect.size() / 2.0;
    let scale_x = if direction.x.abs() > 1e-6 { half.x / direction.x.abs() } else { f32::INFINITY };
    let scale_y = if direction.y.abs() > 1e-6 { half.y / direction.y.abs() } else { f32::INFINITY };
    center + direction * scale_x.min(scale_y)
}

fn link_ends(
    map: &Map,
    claims: &[Rect],
    claim_index: &HashMap<&str, usize>,
    chips: &[Option<Rect>],
    event_index: &HashMap<&str, usize>,
) -> Vec<Option<(Pos2, Pos2)>> {
    let from_rect = |from: &LinkFrom| match from {
        LinkFrom::Claim(id) => claim_index.get(id.as_str()).and_then(|&i| claims.get(i).copied()),
        LinkFrom::Event(id) => event_index.get(id.as_str()).and_then(|&i| chips.get(i).copied().flatten()),
    };
    let link_index: HashMap<&str, usize> = map.links.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut ends: Vec<Option<(Pos2, Pos2)>> = vec![None; map.links.len()];
    let mut visited = vec![false; map.links.len()];
    // A link onto a link needs its target's midpoint first: follow each chain
    // to its end once, then resolve it backwards (linear in the links; a
    // cycle, which validation forbids, is left undrawn).
    for start in 0..map.links.len() {
        let mut chain = Vec::new();
        let mut current = Some(start);
        while let Some(index) = current.filter(|&i| !visited[i]) {
            visited[index] = true;
            chain.push(index);
            current = match &map.links[index].to {
                LinkTo::Link(id) => link_index.get(id.as_str()).copied(),
                LinkTo::Claim(_) => None,
            };
        }
        for &index in chain.iter().rev() {
            let link = &map.links[index];
            let Some(source) = from_rect(&link.from) else { continue };
            ends[index] = match &link.to {
                LinkTo::Claim(id) => claim_index
                    .get(id.as_str())
                    .and_then(|&i| claims.get(i))
                    .map(|target| (border_point(source, target.center()), border_point(*target, source.center()))),
                LinkTo::Link(id) => link_index.get(id.as_str()).and_then(|&i| ends[i]).map(|(a, b)| {
                    let middle = a + (b - a) / 2.0;
                    (border_point(source, middle), middle)
                }),
            };
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_points_sit_on_the_rectangle() {
        let rect = Rect::from_center_size(Pos2::ZERO, Vec2::new(200.0, 100.0));
        assert_eq!(border_point(rect, Pos2::new(500.0, 0.0)), Pos2::new(100.0, 0.0));
        assert_eq!(border_point(rect, Pos2::new(0.0, -500.0)), Pos2::new(0.0, -50.0));
        assert_eq!(border_point(rect, Pos2::ZERO), Pos2::ZERO);
    }

    #[test]
    fn the_index_finds_the_cards_chips_and_links_a_walk_over_all_of_them_finds() {
        use crate::generate::{GenerateParams, generate};
        let map = generate(GenerateParams { claims: 400, links: 800, events: 200, seed: 7 });
        let geometry = MapGeometry::compute(&map, 0, &mut |_, size, _| 2.0 * size);
        for (x, y, size) in [(0.0, 0.0, 500.0), (1_200.0, 900.0, 2_000.0), (-300.0, 2_500.0, 800.0)] {
            let area = Rect::from_min_size(Pos2::new(x, y), Vec2::splat(size));
            let found = geometry.items_in(area);
            let walked_cards = (0..map.claims.len()).filter(|&i| area.intersects(geometry.claims[i]));
            let walked_chips = (0..map.events.len()).filter(|&i| geometry.chips[i].is_some_and(|c| area.intersects(c)));
            let found_cards = found.iter().filter_map(|item| if let MapItem::Card(i) = item { Some(*i) } else { None });
            let found_chips = found.iter().filter_map(|item| if let MapItem::Chip(i) = item { Some(*i) } else { None });
            assert!(walked_cards.eq(found_cards));
            assert!(walked_chips.eq(found_chips));
            for (index, ends) in geometry.links.iter().enumerate() {
                let Some((a, b)) = ends else { continue };
                let found_link = found.contains(&MapItem::Link(index));
                if area.contains(*a) || area.contains(*b) {
                    assert!(found_link, "link {index} ends in view");
                }
                if !area.intersects(Rect::from_two_pos(*a, *b)) {
                    assert!(!found_link, "link {index} is nowhere near");
                }
            }
            let middle = area.center();
            let walked_top_card = (0..map.claims.len()).rev().find(|&i| geometry.claims[i].contains(middle));
            let expected = walked_top_card.map(|i| ItemRef::Claim(map.claims[i].id.clone()));
            if expected.is_some() {
                assert_eq!(geometry.item_at(&map, middle, 10.0, &|_| true), expected);
            }
        }
        let card = geometry.claims[5];
        let fifth = ItemRef::Claim(map.claims[5].id.clone());
        assert_eq!(geometry.item_at(&map, card.center(), 10.0, &|_| true), Some(fifth.clone()));
        let without_the_fifth = geometry.item_at(&map, card.center(), 10.0, &|item| *item != fifth);
        assert_ne!(without_the_fifth, Some(fifth), "a card a story step hides is never hit");
        let (a, b) = geometry.links[3].expect("drawn");
        let beside_the_middle = a.lerp(b, 0.5) + Vec2::new(3.0, 3.0);
        let on_a_card_or_chip =
            geometry.claims.iter().chain(geometry.chips.iter().flatten()).any(|r| r.contains(beside_the_middle));
        if !on_a_card_or_chip {
            let on_top = geometry.item_at(&map, beside_the_middle, 10.0, &|_| true);
            assert!(matches!(on_top, Some(ItemRef::Link(_))), "{on_top:?}");
            let hidden = geometry.item_at(&map, beside_the_middle, 10.0, &|item| Some(item) != on_top.as_ref());
            assert_ne!(hidden, on_top, "nor is a hidden link");
        }
    }

    #[test]
    fn the_case_study_has_geometry_for_every_link() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case.ron").expect("valid");
        let geometry = MapGeometry::compute(&map, 0, &mut |text, size, width| {
            (text.len() as f32 * size * 0.5 / width).ceil() * size * 1.3
        });
        assert!(geometry.links.iter().all(Option::is_some));
        assert!(geometry.bounds.is_positive());
    }
}
