//! "Tidy up": the layout of a map's claims and of the chips of the events
//! that serve as evidence, all of them or a selection, by the layout the
//! options choose (`choose_layout`: layered, or made for competing
//! explanations). A link's target sits in an earlier layer than its start:
//! conclusions on top (or at the left), the reasons and evidence that bear
//! on them beneath — the way argument maps are read. A link onto a link
//! counts as one onto the claim that link ends at.

use super::card_size::{card_size, chip_size};
use super::choice::choose_layout;
use super::explanations::{self, Roles};
use super::layered::{LayeredOptions, LayoutChoice, LayoutGraph, NodeBox, layout};
use crate::model::{ClaimId, ClaimKind, EventId, ItemRef, LinkFrom, LinkTo, Map, Position, Relation};
use std::collections::HashMap;

/// How far beneath the claims it bears on an event's chip is assumed to be
/// when the event has no position of its own yet.
const CHIP_DROP: f32 = 150.0;
/// A box the layout would move by less than this, in canvas units, stays:
/// the layout's shifts of whole drawings round, and tidying a tidy map
/// moves nothing.
const STILL: f32 = 0.01;

/// The size of everything drawn on the map, `(width, height)` in canvas
/// units: one per claim in the order of `map.claims`, and one per event in
/// the order of `map.events`, `Some` for events drawn as chips (those that
/// start a link). The window passes the sizes it measured
/// (`MapGeometry::claims[i].size()`, `chips[i].map(|r| r.size())`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapSizes {
    pub claims: Vec<(f32, f32)>,
    pub chips: Vec<Option<(f32, f32)>>,
}

impl MapSizes {
    /// Sizes estimated from the text, for use without a window.
    pub fn estimate(map: &Map) -> Self {
        let on_map = events_on_map(map);
        Self {
            claims: map.claims.iter().map(|claim| card_size(&claim.text, claim.kind)).collect(),
            chips: map
                .events
                .iter()
                .map(|event| on_map.contains_key(event.id.as_str()).then(|| chip_size(&event.title)))
                .collect(),
        }
    }
}

/// New centres for the claims and chips a tidy-up moved (only those whose
/// position changes by `STILL` or more), in the order of the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moves {
    pub claims: Vec<(ClaimId, Position)>,
    pub events: Vec<(EventId, Position)>,
}

impl Moves {
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty() && self.events.is_empty()
    }

    /// Sets the positions on `map` directly; the window issues edit commands instead.
    pub fn apply(&self, map: &mut Map) {
        let claims: HashMap<&ClaimId, Position> = self.claims.iter().map(|(id, p)| (id, *p)).collect();
        let events: HashMap<&EventId, Position> = self.events.iter().map(|(id, p)| (id, *p)).collect();
        for claim in &mut map.claims {
            if let Some(&position) = claims.get(&claim.id) {
                claim.position = position;
            }
        }
        for event in &mut map.events {
            if let Some(&position) = events.get(&event.id) {
                event.position = Some(position);
            }
        }
    }
}

/// Lays out the map's claims and chips with sizes `sizes`: all of them, or
/// only the claims and events in `selection` (the rest then stay put and
/// the selection is laid out among them without overlap). Pinned claims
/// never move. Returns what moved.
pub fn tidy_up(map: &Map, sizes: &MapSizes, selection: Option<&[ItemRef]>, options: &LayeredOptions) -> Moves {
    let (graph, items) = map_graph(map, sizes, selection);
    let roles = map_roles(map, &items);
    let positions = match choose_layout(options.choice, &graph, &roles) {
        LayoutChoice::Explanations => explanations::layout(&graph, &roles, options),
        LayoutChoice::Layered | LayoutChoice::Auto => layout(&graph, options),
    };
    let mut moves = Moves::default();
    for ((item, node), position) in items.iter().zip(&graph.nodes).zip(positions) {
        let stays = (position.x - node.position.x).abs() < STILL && (position.y - node.position.y).abs() < STILL;
        if node.pinned || stays {
            continue;
        }
        match item {
            ItemRef::Claim(id) => moves.claims.push((id.clone(), position)),
            ItemRef::Event(id) => moves.events.push((id.clone(), position)),
            ItemRef::Link(_) => {}
        }
    }
    moves
}

/// The map as [`tidy_up`] lays it out: one node per claim then one per
/// chip, and the item each node stands for. Items outside `selection` (if
/// any) and pinned claims are pinned nodes.
pub fn map_graph(map: &Map, sizes: &MapSizes, selection: Option<&[ItemRef]>) -> (LayoutGraph, Vec<ItemRef>) {
    let selected = |item: &ItemRef| selection.is_none_or(|items| items.contains(item));
    let mut items: Vec<ItemRef> = Vec::new();
    let mut nodes: Vec<NodeBox> = Vec::new();
    let mut node_of: HashMap<ItemRef, usize> = HashMap::new();
    for (index, claim) in map.claims.iter().enumerate() {
        let item = ItemRef::Claim(claim.id.clone());
        let (width, height) = sizes.claims.get(index).copied().unwrap_or_else(|| card_size(&claim.text, claim.kind));
        let pinned = claim.pinned || !selected(&item);
        node_of.insert(item.clone(), nodes.len());
        nodes.push(NodeBox { width, height, position: claim.position, pinned });
        items.push(item);
    }
    let targets = events_on_map(map);
    for (index, event) in map.events.iter().enumerate() {
        let Some((width, height)) = sizes.chips.get(index).copied().flatten() else { continue };
        let item = ItemRef::Event(event.id.clone());
        let position = event.position.unwrap_or_else(|| {
            let claims = targets.get(event.id.as_str()).map_or(&[][..], Vec::as_slice);
            below_mean(claims.iter().filter_map(|&claim| map.claims.get(claim)).map(|claim| claim.position))
        });
        let pinned = !selected(&item);
        node_of.insert(item.clone(), nodes.len());
        nodes.push(NodeBox { width, height, position, pinned });
        items.push(item);
    }
    // Outside a selection, items are obstacles only: no edges to them.
    let edges = link_edges(map, &node_of)
        .into_iter()
        .filter(|&(parent, child)| selected(&items[parent]) && selected(&items[child]))
        .collect();
    (LayoutGraph { nodes, edges }, items)
}

/// What the explanations layout needs to know of the nodes of
/// [`map_graph`] (`items`, in their order): which are explanations, and
/// which claims undercut the link from which start.
pub fn map_roles(map: &Map, items: &[ItemRef]) -> Roles {
    let node_of: HashMap<&ItemRef, usize> = items.iter().enumerate().map(|(index, item)| (item, index)).collect();
    let explanations: std::collections::HashSet<&ClaimId> =
        map.claims.iter().filter(|claim| claim.kind == ClaimKind::Explanation).map(|claim| &claim.id).collect();
    let explanation =
        items.iter().map(|item| matches!(item, ItemRef::Claim(id) if explanations.contains(id))).collect();
    let start_of: HashMap<&str, ItemRef> =
        map.links.iter().map(|link| (link.id.as_str(), link_start(&link.from))).collect();
    let undercuts = map
        .links
        .iter()
        .filter_map(|link| {
            let LinkTo::Link(target) = &link.to else { return None };
            let undercutter = node_of.get(&link_start(&link.from))?;
            let start = node_of.get(start_of.get(target.as_str())?)?;
            Some((*undercutter, *start))
        })
        .collect();
    let claim_node: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            ItemRef::Claim(id) => Some((id.as_str(), index)),
            _ => None,
        })
        .collect();
    let answers_of: HashMap<&ClaimId, &ClaimId> = map
        .claims
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Explanation)
        .filter_map(|claim| Some((&claim.id, claim.answers.as_ref()?)))
        .collect();
    let answers = items
        .iter()
        .map(|item| match item {
            ItemRef::Claim(id) => claim_node.get(answers_of.get(id)?.as_str()).copied(),
            _ => None,
        })
        .collect();
    Roles { explanation, undercuts, answers }
}

fn link_start(from: &LinkFrom) -> ItemRef {
    match from {
        LinkFrom::Claim(id) => ItemRef::Claim(id.clone()),
        LinkFrom::Event(id) => ItemRef::Event(id.clone()),
    }
}

/// One `(parent, child)` edge per link: from the node of the claim it bears
/// on (following links onto links) to the node of its start. A neutral link
/// (a matrix cell rated N: the evidence does not bear on the explanation)
/// gives no edge, so a complete matrix does not pull every row under every
/// explanation.
fn link_edges(map: &Map, node_of: &HashMap<ItemRef, usize>) -> Vec<(usize, usize)> {
    let link_target: HashMap<&str, &LinkTo> = map.links.iter().map(|link| (link.id.as_str(), &link.to)).collect();
    let mut edges = Vec::with_capacity(map.links.len());
    for link in map.links.iter().filter(|link| link.relation != Relation::Neutral) {
        let start = link_start(&link.from);
        let mut target = &link.to;
        // Validation forbids cycles of links; the bound keeps a broken file from looping.
        for _ in 0..map.links.len() {
            match target {
                LinkTo::Link(id) => match link_target.get(id.as_str()) {
                    Some(next) => target = next,
                    None => break,
                },
                LinkTo::Claim(_) => break,
            }
        }
        let LinkTo::Claim(claim) = target else { continue };
        let (Some(&child), Some(&parent)) = (node_of.get(&start), node_of.get(&ItemRef::Claim(claim.clone()))) else {
            continue;
        };
        edges.push((parent, child));
    }
    edges
}

/// The events drawn as chips (those that start a link), each with the
/// indices of the claims it bears on directly.
fn events_on_map(map: &Map) -> HashMap<&str, Vec<usize>> {
    let claim_index: HashMap<&str, usize> =
        map.claims.iter().enumerate().map(|(i, claim)| (claim.id.as_str(), i)).collect();
    let mut targets: HashMap<&str, Vec<usize>> = HashMap::new();
    for link in &map.links {
        let LinkFrom::Event(event) = &link.from else { continue };
        let claims = targets.entry(event.as_str()).or_default();
        if let LinkTo::Claim(claim) = &link.to
            && let Some(&index) = claim_index.get(claim.as_str())
        {
            claims.push(index);
        }
    }
    targets
}

/// A point `CHIP_DROP` beneath the mean of `positions` (the origin if none).
fn below_mean(positions: impl Iterator<Item = Position>) -> Position {
    let (sum, count) = positions
        .fold((Position::default(), 0usize), |(sum, count), p| (Position::new(sum.x + p.x, sum.y + p.y), count + 1));
    if count == 0 {
        return Position::default();
    }
    Position::new(sum.x / count as f32, sum.y / count as f32 + CHIP_DROP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_and_its_explanations_frame_at_a_readable_zoom() {
        let mut map = crate::format::load_str(
            include_str!("../../sample_maps/us_china_cyber_2013_2015.ron"),
            "us_china_cyber_2013_2015.ron",
        )
        .expect("the case study loads");
        let sizes = MapSizes::estimate(&map);
        tidy_up(&map, &sizes, None, &LayeredOptions::default()).apply(&mut map);
        let group: Vec<usize> = (0..map.claims.len())
            .filter(|&i| {
                map.claims[i].id.as_str() == "q-why-agree"
                    || map.claims[i].answers.as_ref().is_some_and(|q| q.as_str() == "q-why-agree")
            })
            .collect();
        assert_eq!(group.len(), 6);
        let (mut low, mut high) = ((f32::MAX, f32::MAX), (f32::MIN, f32::MIN));
        for &i in &group {
            let (p, (w, h)) = (map.claims[i].position, sizes.claims[i]);
            low = (low.0.min(p.x - w / 2.0), low.1.min(p.y - h / 2.0));
            high = (high.0.max(p.x + w / 2.0), high.1.max(p.y + h / 2.0));
        }
        let question = group.iter().find(|&&i| map.claims[i].kind == ClaimKind::Question).expect("the question");
        assert!(map.claims[*question].position.y - sizes.claims[*question].1 / 2.0 <= low.1 + 0.01, "on top");
        let zoom = (super::super::MAP_AREA_POINTS.0 / (high.0 - low.0))
            .min(super::super::MAP_AREA_POINTS.1 / (high.1 - low.1));
        assert!(zoom >= 0.6, "{zoom}");
    }

    #[test]
    fn a_neutral_link_gives_no_edge() {
        let mut map = crate::format::load_str(include_str!("../../sample_maps/tutorial.ron"), "tutorial.ron")
            .expect("the tutorial loads");
        let edges = |map: &Map| map_graph(map, &MapSizes::estimate(map), None).0.edges.len();
        let before = edges(&map);
        let link = map.links.iter_mut().find(|link| matches!(link.to, LinkTo::Claim(_))).expect("a link onto a claim");
        link.relation = Relation::Neutral;
        assert_eq!(edges(&map), before - 1);
    }
}
