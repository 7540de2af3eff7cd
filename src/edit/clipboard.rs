//! Copy, paste and duplicate: a selection becomes a [`Fragment`] — the events
//! and claims, the links among them, and the sources and lanes they need — which
//! travels as RON text on the system clipboard, so that it pastes into the same
//! map, another map, or another Argline window. Pasting gives every item an id
//! unused in the target map and rewires the links to the new ids; the whole
//! paste is one undo step, refused if it would leave the map invalid.

use super::{EditError, Item, Op, Transaction};
use crate::model::{
    Claim, ClaimId, ClaimKind, Event, EventId, ItemRef, Lane, LaneId, Link, LinkFrom, LinkId, LinkTo, Map, Position,
    Source, SourceId,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Clipboard text longer than this is not read as a fragment (no map selection comes near).
const MAX_FRAGMENT_TEXT: usize = 16 * 1024 * 1024;
/// Plain text longer than this is not pasted as a claim.
const MAX_PASTED_CLAIM_TEXT: usize = 2_000;

/// Items copied out of a map, with what they need to stand in another map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// Marks clipboard text as Argline's; see [`Fragment::from_text`].
    pub argline_fragment: u32,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub links: Vec<Link>,
}

impl Fragment {
    /// The selected events and claims of `map`, the links whose ends are all
    /// copied (links on links included), and the sources and lanes they use.
    /// Selected links come along only with both their ends.
    pub fn copy(map: &Map, items: &[ItemRef]) -> Self {
        let mut chosen: HashSet<ItemRef> =
            items.iter().filter(|item| !matches!(item, ItemRef::Link(_))).cloned().collect();
        // A link comes along once both its ends have; repeat for links on links.
        loop {
            let before = chosen.len();
            for link in &map.links {
                if chosen.contains(&link.source_item()) && chosen.contains(&link.target_item()) {
                    chosen.insert(ItemRef::Link(link.id.clone()));
                }
            }
            if chosen.len() == before {
                break;
            }
        }
        let events: Vec<Event> =
            map.events.iter().filter(|e| chosen.contains(&ItemRef::Event(e.id.clone()))).cloned().collect();
        let claims: Vec<Claim> =
            map.claims.iter().filter(|c| chosen.contains(&ItemRef::Claim(c.id.clone()))).cloned().collect();
        let links: Vec<Link> =
            map.links.iter().filter(|l| chosen.contains(&ItemRef::Link(l.id.clone()))).cloned().collect();
        let lane_ids: HashSet<&LaneId> = events.iter().map(|event| &event.lane).collect();
        let cited: HashSet<&SourceId> = events
            .iter()
            .flat_map(|e| &e.citations)
            .chain(claims.iter().flat_map(|c| &c.citations))
            .chain(links.iter().flat_map(|l| &l.citations))
            .map(|citation| &citation.source)
            .collect();
        Self {
            argline_fragment: 1,
            sources: map.sources.iter().filter(|s| cited.contains(&s.id)).cloned().collect(),
            lanes: map.lanes.iter().filter(|l| lane_ids.contains(&l.id)).cloned().collect(),
            events,
            claims,
            links,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.claims.is_empty()
    }

    /// How many events, claims and links it holds.
    pub fn item_count(&self) -> usize {
        self.events.len() + self.claims.len() + self.links.len()
    }

    /// The fragment as clipboard text.
    pub fn to_text(&self) -> String {
        // Serialising plain data to a String cannot fail; an empty text pastes as nothing.
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    /// Reads clipboard text written by [`Fragment::to_text`]; `None` for any other text.
    pub fn from_text(text: &str) -> Option<Self> {
        if text.len() > MAX_FRAGMENT_TEXT || !text.contains("argline_fragment") {
            return None;
        }
        ron::from_str(text).ok()
    }

    /// A fragment of one claim holding `text`, for pasting plain text; `None`
    /// for blank or very long text.
    pub fn from_plain_text(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > MAX_PASTED_CLAIM_TEXT {
            return None;
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = ClaimId::new(super::commands::slug_of(&text));
        let claim = Claim::new(id, crate::model::ClaimKind::Claim, text, Position::new(0.0, 0.0));
        Some(Self { argline_fragment: 1, claims: vec![claim], ..Self::default() })
    }

    /// The centre of the fragment's claims, for placing a paste.
    pub fn centre(&self) -> Option<Position> {
        let count = self.claims.len() as f32;
        (count > 0.0).then(|| {
            let (x, y) = self.claims.iter().fold((0.0, 0.0), |(x, y), c| (x + c.position.x, y + c.position.y));
            Position::new(x / count, y / count)
        })
    }
}

/// Ids unused in a map, handed out one at a time.
struct FreshIds {
    taken: HashSet<String>,
}

impl FreshIds {
    fn of(map: &Map) -> Self {
        let taken = map
            .sources
            .iter()
            .map(|x| x.id.0.clone())
            .chain(map.lanes.iter().map(|x| x.id.0.clone()))
            .chain(map.events.iter().map(|x| x.id.0.clone()))
            .chain(map.claims.iter().map(|x| x.id.0.clone()))
            .chain(map.links.iter().map(|x| x.id.0.clone()))
            .collect();
        Self { taken }
    }

    /// `wanted` if free, else `wanted-2`, `wanted-3`… (a copy of `x-2` becomes
    /// `x-3`, not `x-2-2`); the id is then taken.
    fn claim(&mut self, wanted: &str) -> String {
        let base = match wanted.rsplit_once('-') {
            Some((head, counter))
                if !head.is_empty() && counter.len() <= 3 && counter.bytes().all(|b| b.is_ascii_digit()) =>
            {
                head
            }
            _ => wanted,
        };
        let id = if self.taken.contains(wanted) {
            (2u64..).map(|n| format!("{base}-{n}")).find(|id| !self.taken.contains(id)).unwrap_or_default()
        } else {
            wanted.to_owned()
        };
        self.taken.insert(id.clone());
        id
    }
}

/// What a paste adds, and the items to select afterwards.
pub struct Pasted {
    pub transaction: Transaction,
    pub items: Vec<ItemRef>,
}

/// Adds `fragment` to `map`, its claims and placed events moved by `offset`,
/// as one step named `verb` ("Paste 3 items"). Sources and lanes the map
/// already has (same id, same content) are shared; others are added.
pub fn paste(map: &Map, fragment: &Fragment, offset: Position, verb: &str) -> Result<Pasted, EditError> {
    if fragment.is_empty() {
        return Err(EditError::Refused("there is nothing to paste".to_owned()));
    }
    let mut ids = FreshIds::of(map);
    let mut sources: HashMap<&SourceId, SourceId> = HashMap::new();
    let mut ops = Vec::new();
    let mut sources_added = 0;
    for source in &fragment.sources {
        if map.source(&source.id) == Some(source) {
            sources.insert(&source.id, source.id.clone());
            continue;
        }
        let id = SourceId::new(ids.claim(source.id.as_str()));
        sources.insert(&source.id, id.clone());
        let index = map.sources.len() + sources_added;
        ops.push(Op::Insert { index, item: Item::Source(Source { id, ..source.clone() }) });
        sources_added += 1;
    }
    let mut lanes: HashMap<&LaneId, LaneId> = HashMap::new();
    let mut lanes_added = 0;
    for lane in &fragment.lanes {
        if map.lane(&lane.id).is_some() {
            lanes.insert(&lane.id, lane.id.clone());
            continue;
        }
        let id = LaneId::new(ids.claim(lane.id.as_str()));
        lanes.insert(&lane.id, id.clone());
        ops.push(Op::Insert { index: map.lanes.len() + lanes_added, item: Item::Lane(Lane { id, ..lane.clone() }) });
        lanes_added += 1;
    }
    let retarget_citations = |citations: &[crate::model::Citation]| {
        citations
            .iter()
            .map(|c| crate::model::Citation {
                source: sources.get(&c.source).cloned().unwrap_or(c.source.clone()),
                ..c.clone()
            })
            .collect::<Vec<_>>()
    };
    let shift = |p: Position| Position::new(p.x + offset.x, p.y + offset.y);
    let mut selected = Vec::new();
    let mut events: HashMap<&EventId, EventId> = HashMap::new();
    for (n, event) in fragment.events.iter().enumerate() {
        let id = EventId::new(ids.claim(event.id.as_str()));
        events.insert(&event.id, id.clone());
        selected.push(ItemRef::Event(id.clone()));
        let lane = lanes.get(&event.lane).cloned().unwrap_or(event.lane.clone());
        let pasted = Event {
            id,
            lane,
            position: event.position.map(shift),
            citations: retarget_citations(&event.citations),
            ..event.clone()
        };
        ops.push(Op::Insert { index: map.events.len() + n, item: Item::Event(pasted) });
    }
    let claims: HashMap<&ClaimId, ClaimId> =
        fragment.claims.iter().map(|claim| (&claim.id, ClaimId::new(ids.claim(claim.id.as_str())))).collect();
    // An explanation keeps its question if the question comes along, or is in the map.
    let answered = |question: &ClaimId| {
        claims.get(question).cloned().or_else(|| {
            map.claim(question).filter(|claim| claim.kind == ClaimKind::Question).map(|claim| claim.id.clone())
        })
    };
    for (n, claim) in fragment.claims.iter().enumerate() {
        let id = claims.get(&claim.id).cloned().unwrap_or_else(|| claim.id.clone());
        selected.push(ItemRef::Claim(id.clone()));
        let pasted = Claim {
            id,
            position: shift(claim.position),
            citations: retarget_citations(&claim.citations),
            answers: claim.answers.as_ref().and_then(answered),
            ..claim.clone()
        };
        ops.push(Op::Insert { index: map.claims.len() + n, item: Item::Claim(pasted) });
    }
    let link_ids: HashMap<&LinkId, LinkId> =
        fragment.links.iter().map(|link| (&link.id, LinkId::new(ids.claim(link.id.as_str())))).collect();
    for (n, link) in fragment.links.iter().enumerate() {
        let from = match &link.from {
            LinkFrom::Event(id) => LinkFrom::Event(events.get(id).cloned().unwrap_or(id.clone())),
            LinkFrom::Claim(id) => LinkFrom::Claim(claims.get(id).cloned().unwrap_or(id.clone())),
        };
        let to = match &link.to {
            LinkTo::Claim(id) => LinkTo::Claim(claims.get(id).cloned().unwrap_or(id.clone())),
            LinkTo::Link(id) => LinkTo::Link(link_ids.get(id).cloned().unwrap_or(id.clone())),
        };
        let id = link_ids.get(&link.id).cloned().unwrap_or(link.id.clone());
        let pasted = Link { id, from, to, citations: retarget_citations(&link.citations), ..link.clone() };
        ops.push(Op::Insert { index: map.links.len() + n, item: Item::Link(pasted) });
    }
    let label = format!(
        "{verb} {}",
        if fragment.item_count() == 1 { "1 item".to_owned() } else { format!("{} items", fragment.item_count()) }
    );
    let transaction = Transaction::new(label, ops);
    // The fragment may come from anywhere: check the result before offering it.
    if let Some(problem) = transaction.first_problem_on(map)? {
        return Err(EditError::Refused(format!(
            "the copied items do not fit this map ({}: {})",
            problem.path, problem.message
        )));
    }
    Ok(Pasted { transaction, items: selected })
}
