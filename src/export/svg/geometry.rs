//! Where everything sits on the figure's map, as the app places it (see
//! `ui/map_view/geometry.rs`, which this mirrors without egui): claim cards
//! sized to their wrapped text, chips for the events used as evidence, and
//! the two ends of every link.

use crate::export::text_metrics::{line_height, wrap_lines};
use crate::layout::chip_band::{UnplacedChip, place_in_band};
use crate::model::{LinkFrom, LinkTo, Map};
use std::collections::HashMap;

pub use crate::layout::card_size::{
    CARD_PADDING, CHIP_PADDING, CHIP_TEXT_SIZE, CHIP_WIDTH, DATE_LINE_HEIGHT, KIND_LINE_HEIGHT, card_width, text_size,
};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn lerp(self, other: Point, t: f32) -> Point {
        Point::new(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_min_size(min: Point, width: f32, height: f32) -> Self {
        Self { min, max: Point::new(min.x + width, min.y + height) }
    }

    pub fn from_center_size(center: Point, width: f32, height: f32) -> Self {
        Self::from_min_size(Point::new(center.x - width / 2.0, center.y - height / 2.0), width, height)
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn min_bottom(&self) -> Point {
        Point::new(self.min.x, self.max.y)
    }

    pub fn center(&self) -> Point {
        self.min.lerp(self.max, 0.5)
    }

    pub fn shrink(&self, by: f32) -> Rect {
        Rect { min: Point::new(self.min.x + by, self.min.y + by), max: Point::new(self.max.x - by, self.max.y - by) }
    }

    pub fn union(&self, other: Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }
}

/// A claim's card: where, and its text broken into lines.
pub struct Card {
    pub rect: Rect,
    pub lines: Vec<String>,
}

/// The map part of a figure, in canvas units.
pub struct MapGeometry {
    /// One per claim, in the order of `map.claims`.
    pub cards: Vec<Card>,
    /// One per event, in the order of `map.events`: `Some` for events used as evidence.
    pub chips: Vec<Option<Card>>,
    /// One per link, in the order of `map.links`: its start and end points.
    pub links: Vec<Option<(Point, Point)>>,
    /// Everything drawn; `None` for a map with nothing on it.
    pub bounds: Option<Rect>,
}

impl MapGeometry {
    pub fn compute(map: &Map) -> Self {
        let cards: Vec<Card> = map
            .claims
            .iter()
            .map(|claim| {
                let width = card_width(claim.kind);
                // Wrapped a little narrower than the card, as the app measures.
                let size = text_size(claim.kind);
                let lines = wrap_lines(&claim.text, size, width - 2.0 * CARD_PADDING - 4.0);
                let height = CARD_PADDING * 2.0 + KIND_LINE_HEIGHT + lines.len() as f32 * line_height(size);
                let center = Point::new(claim.position.x, claim.position.y);
                Card { rect: Rect::from_center_size(center, width, height), lines }
            })
            .collect();
        let claim_index: HashMap<&str, usize> =
            map.claims.iter().enumerate().map(|(i, claim)| (claim.id.as_str(), i)).collect();
        let chips = place_chips(map, &cards, &claim_index);
        let links = link_ends(map, &cards, &claim_index, &chips);
        let bounds = cards.iter().chain(chips.iter().flatten()).map(|card| card.rect).reduce(|a, b| a.union(b));
        Self { cards, chips, links, bounds }
    }
}

/// Chips go where the event says, or else in a band beneath all cards, each
/// under the mean position of the claims it bears on, pushed apart sideways.
fn place_chips(map: &Map, cards: &[Card], claim_index: &HashMap<&str, usize>) -> Vec<Option<Card>> {
    let mut targets: HashMap<&str, Vec<f32>> = HashMap::new();
    for link in &map.links {
        let LinkFrom::Event(event) = &link.from else { continue };
        let xs = targets.entry(event.as_str()).or_default();
        if let LinkTo::Claim(claim) = &link.to
            && let Some(card) = claim_index.get(claim.as_str()).and_then(|&i| cards.get(i))
        {
            xs.push(card.rect.center().x);
        }
    }
    let band_top = cards.iter().map(|card| card.rect.max.y).fold(f32::NEG_INFINITY, f32::max).max(0.0) + 160.0;
    let mut chips: Vec<Option<Card>> = Vec::with_capacity(map.events.len());
    let mut unplaced: Vec<UnplacedChip> = Vec::new();
    for (index, event) in map.events.iter().enumerate() {
        let Some(xs) = targets.get(event.id.as_str()) else {
            chips.push(None);
            continue;
        };
        // Wrapped at the width the title is drawn in (the app measures chips 2
        // units wider than it draws them, so a rare title may take a line more here).
        let lines = wrap_lines(&event.title, CHIP_TEXT_SIZE, CHIP_WIDTH - 2.0 * CHIP_PADDING - 6.0);
        let height = 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + lines.len() as f32 * line_height(CHIP_TEXT_SIZE);
        let card = |rect| Some(Card { rect, lines: lines.clone() });
        match &event.position {
            Some(position) => {
                chips.push(card(Rect::from_center_size(Point::new(position.x, position.y), CHIP_WIDTH, height)))
            }
            None => {
                let mean_x = if xs.is_empty() { 0.0 } else { xs.iter().sum::<f32>() / xs.len() as f32 };
                unplaced.push(UnplacedChip { index, wanted_x: mean_x, width: CHIP_WIDTH, height });
                chips.push(card(Rect::from_min_size(Point::new(0.0, band_top), CHIP_WIDTH, height)));
            }
        }
    }
    let (cards_left, cards_right) = cards.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(left, right), card| {
        (left.min(card.rect.min.x), right.max(card.rect.max.x))
    });
    let band_left = if cards_left.is_finite() { cards_left } else { 0.0 };
    let band_right = cards_right.max(band_left);
    for (index, left, top) in place_in_band(unplaced, band_top, band_left, band_right) {
        if let Some(Some(chip)) = chips.get_mut(index) {
            chip.rect = Rect::from_min_size(Point::new(left, top), CHIP_WIDTH, chip.rect.height());
        }
    }
    chips
}

/// The point where the ray from `rect`'s centre towards `toward` leaves `rect`.
pub fn border_point(rect: Rect, toward: Point) -> Point {
    let center = rect.center();
    let (dx, dy) = (toward.x - center.x, toward.y - center.y);
    if dx * dx + dy * dy < 1e-6 {
        return center;
    }
    let scale_x = if dx.abs() > 1e-6 { rect.width() / 2.0 / dx.abs() } else { f32::INFINITY };
    let scale_y = if dy.abs() > 1e-6 { rect.height() / 2.0 / dy.abs() } else { f32::INFINITY };
    let scale = scale_x.min(scale_y);
    Point::new(center.x + dx * scale, center.y + dy * scale)
}

fn link_ends(
    map: &Map,
    cards: &[Card],
    claim_index: &HashMap<&str, usize>,
    chips: &[Option<Card>],
) -> Vec<Option<(Point, Point)>> {
    let event_index: HashMap<&str, usize> = map.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let from_rect = |from: &LinkFrom| match from {
        LinkFrom::Claim(id) => claim_index.get(id.as_str()).and_then(|&i| cards.get(i)).map(|card| card.rect),
        LinkFrom::Event(id) => event_index.get(id.as_str()).and_then(|&i| chips.get(i)?.as_ref()).map(|c| c.rect),
    };
    let link_index: HashMap<&str, usize> = map.links.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut ends: Vec<Option<(Point, Point)>> = vec![None; map.links.len()];
    let mut visited = vec![false; map.links.len()];
    // A link onto a link needs its target's midpoint first: follow each chain
    // to its end once, then resolve it backwards.
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
                LinkTo::Claim(id) => claim_index.get(id.as_str()).and_then(|&i| cards.get(i)).map(|target| {
                    (border_point(source, target.rect.center()), border_point(target.rect, source.center()))
                }),
                LinkTo::Link(id) => link_index.get(id.as_str()).and_then(|&i| ends[i]).map(|(a, b)| {
                    let middle = a.lerp(b, 0.5);
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
    fn every_link_of_the_case_study_has_ends_on_its_cards() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case.ron").expect("valid");
        let geometry = MapGeometry::compute(&map);
        assert!(geometry.links.iter().all(Option::is_some));
        assert!(geometry.bounds.is_some_and(|b| b.width() > 0.0 && b.height() > 0.0));
    }

    #[test]
    fn every_line_of_text_fits_inside_its_card() {
        use crate::export::text_metrics::text_width;
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case.ron").expect("valid");
        let geometry = MapGeometry::compute(&map);
        for (claim, card) in map.claims.iter().zip(&geometry.cards) {
            let inner = card.rect.width() - 2.0 * CARD_PADDING;
            assert!(card.lines.iter().all(|line| text_width(line, text_size(claim.kind)) <= inner), "{}", claim.id);
            let text_bottom = card.rect.min.y
                + CARD_PADDING
                + KIND_LINE_HEIGHT
                + card.lines.len() as f32 * line_height(text_size(claim.kind));
            assert!(text_bottom <= card.rect.max.y - CARD_PADDING + 0.01, "{}", claim.id);
        }
        for chip in geometry.chips.iter().flatten() {
            let inner = chip.rect.width() - 2.0 * CHIP_PADDING - 6.0;
            assert!(chip.lines.iter().all(|line| text_width(line, CHIP_TEXT_SIZE) <= inner), "{:?}", chip.lines);
        }
    }

    #[test]
    fn border_points_sit_on_the_rectangle() {
        let rect = Rect::from_center_size(Point::new(0.0, 0.0), 200.0, 100.0);
        assert_eq!(border_point(rect, Point::new(500.0, 0.0)), Point::new(100.0, 0.0));
        assert_eq!(border_point(rect, Point::new(0.0, -500.0)), Point::new(0.0, -50.0));
    }
}
