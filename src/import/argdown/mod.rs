//! Claims, events and links from Argdown (see `parse` for the subset read).
//! Statements become claims, or events when their data has a `date` (as
//! `export::argdown` writes them); kinds and positions come from the data.
//! An argument with one premise (a statement supporting it) and one
//! conclusion (one relation out of it) is an inference and becomes a link,
//! so that undercuts can aim at it; any other argument becomes a claim.

mod parse;

use super::builder::{MapBuilder, off_canvas_notice, on_canvas};
use super::{ImportError, Imported};
use crate::format::Diagnostic;
use crate::model::{ClaimId, ClaimKind, Date, Event, EventId, LinkFrom, LinkId, LinkTo, Position, Relation, Strength};
use parse::{Node, NodeKind, RelationKind, RelationLine, Value};
use std::collections::{BTreeMap, HashMap};

/// What a statement or argument became.
#[derive(Clone)]
enum Made {
    Claim(ClaimId),
    Event(EventId),
    /// An inference: the link made from it, once made.
    Link,
}

type Key = (NodeKind, String);

fn relation_of(kind: RelationKind) -> Relation {
    match kind {
        RelationKind::Support => Relation::Supports,
        RelationKind::Attack => Relation::Opposes,
        RelationKind::Undercut => Relation::Undercuts,
    }
}

fn kind_of(node: &Node) -> ClaimKind {
    let named = node.data.get("kind").map(Value::text);
    let named = named.as_deref().or_else(|| {
        ["explanation", "objection", "question"].into_iter().find(|kind| node.tags.iter().any(|tag| tag == kind))
    });
    ClaimKind::ALL
        .into_iter()
        .find(|kind| Some(kind.label().to_lowercase().as_str()) == named)
        .unwrap_or(ClaimKind::Claim)
}

fn number(node: &Node, key: &str) -> Option<f32> {
    match node.data.get(key)? {
        Value::Number(number) => Some(*number as f32),
        Value::Text(_) => None,
    }
}

/// The node's position from its data; one off the canvas is reported and left to the layout.
fn position_of(node: &Node, notices: &mut Vec<Diagnostic>) -> Option<Position> {
    let position = Position::new(number(node, "x")?, number(node, "y")?);
    if on_canvas(position) {
        Some(position)
    } else {
        notices.push(Diagnostic { position: node.position, message: off_canvas_notice(position) });
        None
    }
}

/// The definition of each node: the first occurrence with text, else the first.
fn definitions(nodes: &[Node]) -> Vec<&Node> {
    let mut chosen: Vec<&Node> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for node in nodes {
        let key = (node.kind, node.title.clone());
        match index.get(&key) {
            Some(&at) if chosen[at].text.is_empty() && !node.text.is_empty() => chosen[at] = node,
            Some(_) => {}
            None => {
                index.insert(key, chosen.len());
                chosen.push(node);
            }
        }
    }
    chosen
}

fn event_of(
    builder: &mut MapBuilder,
    node: &Node,
    problems: &mut Vec<Diagnostic>,
    notices: &mut Vec<Diagnostic>,
) -> Option<EventId> {
    let date = |key: &str| node.data.get(key).map(|value| Date::parse(&value.text()));
    let (start, end) = match (date("date"), date("end")) {
        (Some(Ok(start)), Some(Ok(end))) => (start, Some(end)),
        (Some(Ok(start)), None) => (start, None),
        (Some(Err(error)), _) | (_, Some(Err(error))) => {
            problems.push(Diagnostic { position: node.position, message: error.to_string() });
            return None;
        }
        (None, _) => return None,
    };
    let valid = start.exists() && end.is_none_or(|end| end.exists() && end.last_day() >= start.first_day());
    if !valid {
        let message = "the dates of this event are not on the calendar, or it ends before it starts".to_owned();
        problems.push(Diagnostic { position: node.position, message });
        return None;
    }
    let lane = builder.lane(&node.data.get("lane").map(Value::text).unwrap_or_default());
    if let Some(color) = node.data.get("color").and_then(|c| crate::model::Rgb::parse(&c.text())) {
        builder.set_lane_color(&lane, color);
    }
    let title = if node.text.is_empty() { node.title.clone() } else { node.text.clone() };
    Some(builder.add_event(Event {
        end,
        detail: node.data.get("detail").map(Value::text).unwrap_or_default(),
        position: position_of(node, notices),
        tags: node.tags.clone(),
        ..Event::new(EventId::new(node.title.as_str()), start, title, lane)
    }))
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let document = parse::parse(text).map_err(|problems| ImportError::Problems { problems })?;
    let mut notices = document.notices;
    let mut builder = MapBuilder::new(document.front.get("title").map_or("", String::as_str));
    if let Some(summary) = document.front.get("summary") {
        builder.meta_mut().summary = summary.clone();
    }
    let inferences = inferences(&document.relations);
    let mut made: HashMap<Key, Made> = HashMap::new();
    let mut problems = Vec::new();
    for node in definitions(&document.nodes) {
        let key = (node.kind, node.title.clone());
        if inferences.contains_key(&key) {
            made.insert(key, Made::Link);
            continue;
        }
        if node.data.contains_key("date") {
            if let Some(id) = event_of(&mut builder, node, &mut problems, &mut notices) {
                made.insert(key, Made::Event(id));
            }
            continue;
        }
        let text = if node.text.is_empty() { node.title.as_str() } else { node.text.as_str() };
        let claim = builder.add_claim(&node.title, kind_of(node), text, position_of(node, &mut notices));
        claim.tags = node.tags.clone();
        claim.detail = node.data.get("detail").map(Value::text).unwrap_or_default();
        made.insert(key, Made::Claim(claim.id.clone()));
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems { problems });
    }
    let strengths: HashMap<Key, Strength> = document
        .nodes
        .iter()
        .filter_map(|node| {
            let named = node.data.get("strength")?.text();
            Some(((node.kind, node.title.clone()), Strength::ALL.into_iter().find(|s| s.label() == named)?))
        })
        .collect();
    add_links(&mut builder, &document.relations, &inferences, &made, &strengths, &mut notices);
    Ok(Imported { map: builder.finish()?, notices })
}

/// Arguments that stand for one inference: (premise relation, conclusion relation) indices.
fn inferences(relations: &[RelationLine]) -> HashMap<Key, (usize, usize)> {
    let mut found = HashMap::new();
    let arguments: Vec<&Key> =
        relations.iter().flat_map(|r| [&r.from, &r.to]).filter(|(kind, _)| *kind == NodeKind::Argument).collect();
    for argument in arguments {
        let incoming: Vec<usize> = (0..relations.len()).filter(|&i| &relations[i].to == argument).collect();
        let outgoing: Vec<usize> = (0..relations.len()).filter(|&i| &relations[i].from == argument).collect();
        let premises: Vec<usize> = incoming
            .iter()
            .copied()
            .filter(|&i| relations[i].kind == RelationKind::Support && relations[i].from.0 == NodeKind::Statement)
            .collect();
        if let ([premise], [conclusion]) = (premises.as_slice(), outgoing.as_slice()) {
            found.insert(argument.clone(), (*premise, *conclusion));
        }
    }
    found
}

/// Makes a link per relation (an inference's two relations make one), each
/// once what it aims at exists; what cannot be a link is reported.
fn add_links(
    builder: &mut MapBuilder,
    relations: &[RelationLine],
    inferences: &HashMap<Key, (usize, usize)>,
    made: &HashMap<Key, Made>,
    strengths: &HashMap<Key, Strength>,
    notices: &mut Vec<Diagnostic>,
) {
    let consumed: Vec<usize> = inferences.values().flat_map(|(premise, _)| [*premise]).collect();
    // (relation index, the key of the link it makes, whether it is an inference).
    let mut pending: Vec<(usize, Option<&Key>)> = Vec::new();
    for index in 0..relations.len() {
        if consumed.contains(&index) {
            continue;
        }
        let inference = inferences.iter().find(|(_, (_, conclusion))| *conclusion == index).map(|(key, _)| key);
        pending.push((index, inference));
    }
    let mut link_ids: BTreeMap<&Key, LinkId> = BTreeMap::new();
    loop {
        let before = pending.len();
        let mut waiting = Vec::new();
        for (index, inference) in pending {
            let relation = &relations[index];
            let (from_key, wanted) = match inference {
                Some(key) => (&relations[inferences[key].0].from, key.1.clone()),
                None => (&relation.from, format!("{}-{}", relation.from.1, relation.to.1)),
            };
            let from = match made.get(from_key) {
                Some(Made::Claim(id)) => LinkFrom::Claim(id.clone()),
                Some(Made::Event(id)) => LinkFrom::Event(id.clone()),
                Some(Made::Link) | None => {
                    let message = format!("skipped: \"{}\" cannot start a link (it is an inference)", from_key.1);
                    notices.push(Diagnostic { position: relation.position, message });
                    continue;
                }
            };
            let to = match made.get(&relation.to) {
                Some(Made::Claim(id)) => LinkTo::Claim(id.clone()),
                Some(Made::Link) => match link_ids.get(&relation.to) {
                    Some(id) => LinkTo::Link(id.clone()),
                    None => {
                        waiting.push((index, inference));
                        continue;
                    }
                },
                Some(Made::Event(_)) | None => {
                    let message = format!(
                        "skipped: a relation to \"{}\", which is an event (links end at claims)",
                        relation.to.1
                    );
                    notices.push(Diagnostic { position: relation.position, message });
                    continue;
                }
            };
            let strength = inference.and_then(|key| strengths.get(key)).copied().unwrap_or_default();
            let ends = (from.clone(), to.clone());
            match builder.add_link(&wanted, from, to, relation_of(relation.kind), strength) {
                Ok(link) => {
                    if let Some(key) = inference {
                        link_ids.insert(key, link.id.clone());
                    }
                }
                Err(reason) => {
                    // An inference that repeats a relation stands for that relation's link.
                    let twin = builder.map().links.iter().find(|link| (&link.from, &link.to) == (&ends.0, &ends.1));
                    if let (Some(key), Some(twin)) = (inference, twin) {
                        link_ids.insert(key, twin.id.clone());
                    }
                    notices.push(Diagnostic { position: relation.position, message: format!("skipped: {reason}") });
                }
            }
        }
        if waiting.is_empty() {
            return;
        }
        if waiting.len() == before {
            for (index, _) in waiting {
                let message = "skipped: this relation aims at an inference that did not become a link".to_owned();
                notices.push(Diagnostic { position: relations[index].position, message });
            }
            return;
        }
        pending = waiting;
    }
}
