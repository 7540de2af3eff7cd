//! Where everything sits on the map's canvas (canvas units, y down), for the
//! window and every figure alike: claim cards sized to their text (measured
//! through a [`Measure`]), chips for the events that serve as evidence, the
//! two ends of every link, and a spatial index of them all. Worked out once
//! per revision of the map; the window draws from it (`ui::map_view`), and so
//! do the SVG figure, the PNG and the slides made from it (`export::svg`).
//! As rerun's graph view asks its UI to measure nodes and draws from one
//! layout result, the text measure is the only thing that differs between them.

use super::card_size::{measured_card_size, measured_chip_size};
use super::chip_band::{UnplacedChip, place_in_band};
use super::measure::Measure;
use super::plane::{Point, Rect};
use super::{SpatialIndex, SpatialIndexBuilder};
use crate::model::{ItemRef, LinkFrom, LinkTo, Map, MapIndex, Replaced};

/// Below the lowest card, the band of chips without a place of their own begins this far down.
const CHIP_BAND_GAP: f32 = 160.0;

/// The canvas geometry of one revision of a map.
pub struct MapGeometry {
    pub revision: u64,
    /// One rectangle per claim, in the order of `map.claims`.
    pub cards: Vec<Rect>,
    /// One per event, in the order of `map.events`: `Some` for events that
    /// serve as evidence (have a link) and so appear on the map.
    pub chips: Vec<Option<Rect>>,
    /// One per link, in the order of `map.links`: its start and end points.
    pub links: Vec<Option<(Point, Point)>>,
    /// Everything drawn; `None` for a map with nothing on it.
    pub bounds: Option<Rect>,
    /// Links, chips and cards by where they are, to draw and hit-test only those near.
    index: SpatialIndex<MapItem>,
    /// The `(width, height)` of each card and chip as measured, for a later
    /// revision that keeps them (a rectangle's own width may differ in the last bit).
    sizes: Sizes,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Sizes {
    cards: Vec<(f32, f32)>,
    chips: Vec<Option<(f32, f32)>>,
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

impl MapGeometry {
    /// Lays out `map` (indexed by `index`), its text measured by `measure`.
    pub fn compute(map: &Map, index: &MapIndex, revision: u64, measure: &mut dyn Measure) -> Self {
        let geometry = Self::compute_without_index(map, index, revision, measure);
        let spatial = index_items(&geometry).build();
        Self { index: spatial, ..geometry }
    }

    /// This geometry, worked out again for a later revision of the map: where
    /// only a few items moved (a drag, an edited text), the spatial index
    /// keeps its grid and looks at the moved ones beside it. Given what the
    /// change from this geometry's revision replaced (`replaced`), only those
    /// items' text is measured again; the other cards and chips keep their sizes.
    pub fn updated(
        self,
        map: &Map,
        index: &MapIndex,
        revision: u64,
        measure: &mut dyn Measure,
        replaced: Option<&Replaced>,
    ) -> Self {
        let fresh = match replaced {
            Some(replaced) if self.cards.len() == map.claims.len() && self.chips.len() == map.events.len() => {
                self.resized(map, index, revision, measure, replaced)
            }
            _ => Self::compute_without_index(map, index, revision, measure),
        };
        let spatial = self.index.rebuilt_with(index_items(&fresh));
        Self { index: spatial, ..fresh }
    }

    /// The cards, chips and link ends of `map`, with an empty spatial index.
    fn compute_without_index(map: &Map, index: &MapIndex, revision: u64, measure: &mut dyn Measure) -> Self {
        measure.begin_revision();
        let cards = map.claims.iter().map(|claim| measured_card_size(measure, &claim.text, claim.kind)).collect();
        let chips = (map.events.iter().zip(evidence(map, index)))
            .map(|(event, is_evidence)| is_evidence.then(|| measured_chip_size(measure, &event.title)))
            .collect();
        Self::placed(map, index, revision, Sizes { cards, chips })
    }

    /// [`Self::compute_without_index`] for a revision of the map that
    /// replaced `replaced` in this one's lists: the other cards and chips keep
    /// their sizes where their items now stand.
    fn resized(
        &self,
        map: &Map,
        index: &MapIndex,
        revision: u64,
        measure: &mut dyn Measure,
        replaced: &Replaced,
    ) -> Self {
        let mut sizes = self.sizes.clone();
        for &at in &replaced.claims {
            if let (Some(claim), Some(size)) = (map.claims.get(at), sizes.cards.get_mut(at)) {
                *size = measured_card_size(measure, &claim.text, claim.kind);
            }
        }
        for &at in &replaced.events {
            if let (Some(event), Some(Some(size))) = (map.events.get(at), sizes.chips.get_mut(at)) {
                *size = measured_chip_size(measure, &event.title);
            }
        }
        Self::placed(map, index, revision, sizes)
    }

    /// The cards and chips of `sizes` placed, with their links' ends and an empty spatial index.
    fn placed(map: &Map, index: &MapIndex, revision: u64, sizes: Sizes) -> Self {
        let cards: Vec<Rect> = map
            .claims
            .iter()
            .zip(&sizes.cards)
            .map(|(claim, &(width, height))| {
                Rect::from_center_size(Point::new(claim.position.x, claim.position.y), width, height)
            })
            .collect();
        let chips = place_chips(map, index, &cards, &sizes.chips);
        let links = link_ends(map, index, &cards, &chips);
        let bounds = cards.iter().chain(chips.iter().flatten()).copied().reduce(|a, b| a.union(b));
        Self { revision, cards, chips, links, bounds, index: SpatialIndexBuilder::default().build(), sizes }
    }

    /// The items that touch `area` (canvas), in the order they are drawn.
    pub fn items_in(&self, area: Rect) -> Vec<MapItem> {
        self.index.query_rect(area.bounds())
    }

    /// The item drawn at canvas point `at`: a card, else a chip, else a link
    /// whose middle is within `link_reach` (canvas units).
    pub fn item_at(&self, map: &Map, at: Point, link_reach: f32, shown: &dyn Fn(&ItemRef) -> bool) -> Option<ItemRef> {
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
        let reach = 2.0 * link_reach;
        let near = self.items_in(Rect::from_center_size(at, reach, reach));
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

    /// The canvas rectangle of `item`: a card's or chip's, the box of a link's two ends.
    pub fn rect_of_item(&self, item: MapItem) -> Option<Rect> {
        match item {
            MapItem::Card(index) => self.cards.get(index).copied(),
            MapItem::Chip(index) => self.chips.get(index).copied().flatten(),
            MapItem::Link(index) => {
                let (a, b) = self.links.get(index).copied().flatten()?;
                Some(Rect::from_two_points(a, b))
            }
        }
    }

    /// The canvas rectangle of a claim, of an event's chip or of a link (`index` is the map's).
    pub fn rect_of(&self, index: &MapIndex, item: &ItemRef) -> Option<Rect> {
        self.rect_of_item(map_item(index, item)?)
    }
}

/// Where `item` stands among the geometry's cards, chips or links.
pub fn map_item(index: &MapIndex, item: &ItemRef) -> Option<MapItem> {
    let position = index.position(item)?;
    Some(match item {
        ItemRef::Claim(_) => MapItem::Card(position),
        ItemRef::Event(_) => MapItem::Chip(position),
        ItemRef::Link(_) => MapItem::Link(position),
    })
}

fn index_items(geometry: &MapGeometry) -> SpatialIndexBuilder<MapItem> {
    let mut index = SpatialIndexBuilder::default();
    for (at, ends) in geometry.links.iter().enumerate() {
        if let Some((a, b)) = ends {
            index.insert_segment(MapItem::Link(at), [a.x, a.y], [b.x, b.y]);
        }
    }
    for (at, chip) in geometry.chips.iter().enumerate() {
        if let Some(chip) = chip {
            index.insert_rect(MapItem::Chip(at), chip.bounds());
        }
    }
    for (at, card) in geometry.cards.iter().enumerate() {
        index.insert_rect(MapItem::Card(at), card.bounds());
    }
    index
}

/// For each event, whether it serves as evidence (a link starts at it) and so has a chip.
fn evidence(map: &Map, index: &MapIndex) -> Vec<bool> {
    let mut marks = vec![false; map.events.len()];
    for (at, _) in map.links.iter().enumerate().filter(|(_, link)| matches!(link.from, LinkFrom::Event(_))) {
        if let Some(mark) = index.source_of(at).and_then(|event| marks.get_mut(event)) {
            *mark = true;
        }
    }
    marks
}

/// Chips go where the event says, or else in a band beneath all cards, each
/// under the mean position of the claims it bears on, pushed apart sideways.
/// `sizes` holds the `(width, height)` of the chip of each event that serves as evidence.
fn place_chips(map: &Map, index: &MapIndex, cards: &[Rect], sizes: &[Option<(f32, f32)>]) -> Vec<Option<Rect>> {
    // For each event that serves as evidence, the x of the claims it bears on.
    let mut targets: Vec<Option<Vec<f32>>> = vec![None; map.events.len()];
    for (at, link) in map.links.iter().enumerate() {
        let LinkFrom::Event(_) = &link.from else { continue };
        let Some(xs) = index.source_of(at).and_then(|event| targets.get_mut(event)) else { continue };
        let xs = xs.get_or_insert_with(Vec::new);
        if let LinkTo::Claim(_) = &link.to
            && let Some(card) = index.target_of(at).and_then(|claim| cards.get(claim))
        {
            xs.push(card.center().x);
        }
    }
    let band_top = cards.iter().map(|card| card.max.y).fold(f32::NEG_INFINITY, f32::max).max(0.0) + CHIP_BAND_GAP;
    let mut chips: Vec<Option<Rect>> = Vec::with_capacity(map.events.len());
    let mut unplaced: Vec<UnplacedChip> = Vec::new();
    for ((at, event), xs) in map.events.iter().enumerate().zip(&targets) {
        let (Some(xs), Some(&Some((width, height)))) = (xs, sizes.get(at)) else {
            chips.push(None);
            continue;
        };
        match &event.position {
            Some(position) => {
                chips.push(Some(Rect::from_center_size(Point::new(position.x, position.y), width, height)))
            }
            None => {
                let mean_x = if xs.is_empty() { 0.0 } else { xs.iter().sum::<f32>() / xs.len() as f32 };
                unplaced.push(UnplacedChip { index: at, wanted_x: mean_x, width, height });
                chips.push(Some(Rect::from_min_size(Point::new(mean_x, band_top), width, height)));
            }
        }
    }
    let (cards_left, cards_right) = cards
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(left, right), card| (left.min(card.min.x), right.max(card.max.x)));
    let band_left = if cards_left.is_finite() { cards_left } else { 0.0 };
    let band_right = cards_right.max(band_left);
    for (at, left, top) in place_in_band(unplaced, band_top, band_left, band_right) {
        if let Some(Some(chip)) = chips.get_mut(at) {
            *chip = Rect::from_min_size(Point::new(left, top), chip.width(), chip.height());
        }
    }
    chips
}

fn link_ends(map: &Map, index: &MapIndex, cards: &[Rect], chips: &[Option<Rect>]) -> Vec<Option<(Point, Point)>> {
    let source_rect = |at: usize| {
        let source = index.source_of(at)?;
        match &map.links[at].from {
            LinkFrom::Claim(_) => cards.get(source).copied(),
            LinkFrom::Event(_) => chips.get(source).copied().flatten(),
        }
    };
    let mut ends: Vec<Option<(Point, Point)>> = vec![None; map.links.len()];
    let mut visited = vec![false; map.links.len()];
    let mut chain = Vec::new();
    // A link onto a link needs its target's midpoint first: follow each chain
    // to its end once, then resolve it backwards (linear in the links; a
    // cycle, which validation forbids, is left undrawn).
    for start in 0..map.links.len() {
        chain.clear();
        let mut current = Some(start);
        while let Some(at) = current.filter(|&i| !visited[i]) {
            visited[at] = true;
            chain.push(at);
            current = match &map.links[at].to {
                LinkTo::Link(_) => index.target_of(at),
                LinkTo::Claim(_) => None,
            };
        }
        for &at in chain.iter().rev() {
            let Some(source) = source_rect(at) else { continue };
            ends[at] = match &map.links[at].to {
                LinkTo::Claim(_) => index
                    .target_of(at)
                    .and_then(|claim| cards.get(claim))
                    .map(|target| (source.border_point(target.center()), target.border_point(source.center()))),
                LinkTo::Link(_) => {
                    index.target_of(at).and_then(|target| ends.get(target).copied().flatten()).map(|(a, b)| {
                        let middle = a.lerp(b, 0.5);
                        (source.border_point(middle), middle)
                    })
                }
            };
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::measure::Estimate;

    fn geometry_of(map: &Map) -> MapGeometry {
        MapGeometry::compute(map, &MapIndex::build(map), 0, &mut Estimate)
    }

    #[test]
    fn the_case_study_has_geometry_for_every_link() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case.ron").expect("valid");
        let geometry = geometry_of(&map);
        assert!(geometry.links.iter().all(Option::is_some));
        assert!(geometry.bounds.is_some_and(|b| b.width() > 0.0 && b.height() > 0.0));
        for (link, ends) in map.links.iter().zip(&geometry.links) {
            let (start, _) = ends.expect("drawn");
            let from = geometry.rect_of(&MapIndex::build(&map), &link.source_item()).expect("placed");
            let on_border = (start.x - from.min.x).abs().min((start.x - from.max.x).abs()) < 0.01
                || (start.y - from.min.y).abs().min((start.y - from.max.y).abs()) < 0.01;
            assert!(on_border, "{} starts on its source's border", link.id);
        }
    }

    #[test]
    fn the_index_finds_the_cards_chips_and_links_a_walk_over_all_of_them_finds() {
        use crate::generate::{GenerateParams, generate};
        let map = generate(GenerateParams { claims: 400, links: 800, events: 200, seed: 7 });
        let geometry = geometry_of(&map);
        let intersects =
            |a: &Rect, b: &Rect| a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
        for (x, y, size) in [(0.0, 0.0, 500.0), (1_200.0, 900.0, 2_000.0), (-300.0, 2_500.0, 800.0)] {
            let area = Rect::from_min_size(Point::new(x, y), size, size);
            let found = geometry.items_in(area);
            let walked_cards = (0..map.claims.len()).filter(|&i| intersects(&area, &geometry.cards[i]));
            let walked_chips =
                (0..map.events.len()).filter(|&i| geometry.chips[i].is_some_and(|c| intersects(&area, &c)));
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
                if !intersects(&area, &Rect::from_two_points(*a, *b)) {
                    assert!(!found_link, "link {index} is nowhere near");
                }
            }
            let middle = area.center();
            let walked_top_card = (0..map.claims.len()).rev().find(|&i| geometry.cards[i].contains(middle));
            let expected = walked_top_card.map(|i| ItemRef::Claim(map.claims[i].id.clone()));
            if expected.is_some() {
                assert_eq!(geometry.item_at(&map, middle, 10.0, &|_| true), expected);
            }
        }
        let card = geometry.cards[5];
        let fifth = ItemRef::Claim(map.claims[5].id.clone());
        assert_eq!(geometry.item_at(&map, card.center(), 10.0, &|_| true), Some(fifth.clone()));
        let without_the_fifth = geometry.item_at(&map, card.center(), 10.0, &|item| *item != fifth);
        assert_ne!(without_the_fifth, Some(fifth), "a card a story step hides is never hit");
        let (a, b) = geometry.links[3].expect("drawn");
        let beside_the_middle = Point::new(a.lerp(b, 0.5).x + 3.0, a.lerp(b, 0.5).y + 3.0);
        let on_a_card_or_chip =
            geometry.cards.iter().chain(geometry.chips.iter().flatten()).any(|r| r.contains(beside_the_middle));
        if !on_a_card_or_chip {
            let on_top = geometry.item_at(&map, beside_the_middle, 10.0, &|_| true);
            assert!(matches!(on_top, Some(ItemRef::Link(_))), "{on_top:?}");
            let hidden = geometry.item_at(&map, beside_the_middle, 10.0, &|item| Some(item) != on_top.as_ref());
            assert_ne!(hidden, on_top, "nor is a hidden link");
        }
    }

    /// Counts what it is asked to measure, answering as the estimate does.
    #[derive(Default)]
    struct Counting {
        texts: Vec<String>,
    }

    impl Measure for Counting {
        fn wrapped_height(&mut self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
            self.texts.push(text.to_owned());
            Estimate.wrapped_height(text, font_size, wrap_width)
        }

        fn text_width(&mut self, text: &str, font_size: f32) -> f32 {
            self.texts.push(text.to_owned());
            Estimate.text_width(text, font_size)
        }
    }

    #[test]
    fn a_revision_that_replaced_one_claim_measures_that_claim_alone() {
        let mut map = crate::format::load_str(crate::CASE_STUDY_RON, "case.ron").expect("valid");
        let index = MapIndex::build(&map);
        let mut counting = Counting::default();
        let geometry = MapGeometry::compute(&map, &index, 1, &mut counting);
        let evidence = map
            .events
            .iter()
            .filter(|event| index.links_touching(&map, &ItemRef::Event(event.id.clone())).next().is_some())
            .count();
        assert_eq!(counting.texts.len(), map.claims.len() + evidence, "at first every card and chip");
        map.claims[6].text = "Edited, and long enough now to take a line more than it did before.".to_owned();
        map.claims[8].position.x += 500.0;
        let mut counting = Counting::default();
        let replaced = Replaced { claims: vec![6, 8], ..Replaced::default() };
        let updated = geometry.updated(&map, &index, 2, &mut counting, Some(&replaced));
        assert_eq!(counting.texts, [map.claims[6].text.clone(), map.claims[8].text.clone()]);
        let fresh = MapGeometry::compute(&map, &index, 2, &mut Estimate);
        assert_eq!((updated.cards, updated.chips, updated.links), (fresh.cards, fresh.chips, fresh.links));
    }
}
