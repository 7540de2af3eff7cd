//! Claims, events and links from AIF JSON: OVA's form (`AIF` + `OVA`
//! positions) or AIFdb's flat form. I-nodes become claims (or events, when
//! Argline wrote them), an RA-node between two nodes a support, a CA-node an
//! attack; a CA-node aimed at an RA- or CA-node undercuts that link. Positions
//! come from OVA's layout. Locutions, illocutions (YA), transitions (TA) and
//! other dialogue nodes have no place in a map and are reported.

use super::builder::{MapBuilder, off_canvas_notice, on_canvas};
use super::json_position::{nth_key, parse};
use super::{ImportError, Imported};
use crate::export::aif::{AifEdge, AifFile, AifId, AifNode, NodeExtra};
use crate::format::{Diagnostic, TextPosition};
use crate::model::{ClaimId, ClaimKind, Date, Event, EventId, LinkFrom, LinkId, LinkTo, Position, Relation, Strength};
use std::collections::HashMap;

/// What an I-node became.
#[derive(Clone)]
enum Item {
    Claim(ClaimId),
    Event(EventId),
}

fn kind_of(name: Option<&str>) -> ClaimKind {
    match name {
        Some("explanation") => ClaimKind::Explanation,
        Some("objection") => ClaimKind::Objection,
        Some("question") => ClaimKind::Question,
        _ => ClaimKind::Claim,
    }
}

fn strength_of(name: Option<&str>) -> Strength {
    Strength::ALL.into_iter().find(|s| Some(s.label()) == name).unwrap_or_default()
}

struct Reader<'a> {
    text: &'a str,
    nodes: &'a [AifNode],
    edges: &'a [AifEdge],
    extras: &'a std::collections::BTreeMap<String, NodeExtra>,
    positions: HashMap<&'a AifId, Position>,
    problems: Vec<Diagnostic>,
    notices: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn node_position(&self, index: usize) -> TextPosition {
        nth_key(self.text, "nodeID", index)
    }

    fn edge_position(&self, index: usize) -> TextPosition {
        nth_key(self.text, "fromID", index)
    }

    fn event(&mut self, builder: &mut MapBuilder, index: usize, node: &AifNode, extra: &NodeExtra) -> Option<Item> {
        let parse = |text: &Option<String>| text.as_deref().map(Date::parse).transpose();
        let (date, end) = match (parse(&extra.date), parse(&extra.end)) {
            (Ok(Some(date)), Ok(end)) if date.exists() && end.is_none_or(|end| end.exists()) => (date, end),
            (Err(error), _) | (_, Err(error)) => {
                self.problems.push(Diagnostic { position: self.node_position(index), message: error.to_string() });
                return None;
            }
            _ => {
                let message = "this event's date is not a date on the calendar".to_owned();
                self.problems.push(Diagnostic { position: self.node_position(index), message });
                return None;
            }
        };
        let lane = builder.lane(extra.lane.as_deref().unwrap_or(""));
        let title = node.text.trim().to_owned();
        let id = EventId::new(if extra.id.is_empty() { title.as_str() } else { extra.id.as_str() });
        let title = if title.is_empty() { extra.id.clone() } else { title };
        let id = builder.add_event(Event {
            end,
            detail: extra.detail.clone(),
            position: self.positions.get(&node.node_id).copied(),
            tags: extra.tags.clone(),
            ..Event::new(id, date, title, lane)
        });
        Some(Item::Event(id))
    }

    fn information(&mut self, builder: &mut MapBuilder) -> HashMap<&'a AifId, Item> {
        let mut items = HashMap::new();
        for (index, node) in self.nodes.iter().enumerate() {
            if node.node_type != "I" {
                continue;
            }
            let default = NodeExtra::default();
            let extra = self.extras.get(&node.node_id.0).unwrap_or(&default);
            let item = if extra.date.is_some() {
                self.event(builder, index, node, extra)
            } else {
                let text = node.text.trim().to_owned();
                let wanted = if extra.id.is_empty() { text.as_str() } else { extra.id.as_str() };
                let position = self.positions.get(&node.node_id).copied();
                let claim = builder.add_claim(wanted, kind_of(extra.kind.as_deref()), &text, position);
                claim.detail = extra.detail.clone();
                claim.tags = extra.tags.clone();
                Some(Item::Claim(claim.id.clone()))
            };
            if let Some(item) = item {
                items.insert(&node.node_id, item);
            }
        }
        items
    }
}

/// Where a scheme node's conclusion edge points.
enum Target<'a> {
    Item(Item),
    Scheme(&'a AifId),
}

/// One link to make: from a premise of a scheme node to its conclusion.
struct SchemeLink<'a> {
    node: &'a AifId,
    from: LinkFrom,
    to: Target<'a>,
    relation: Relation,
    extra: Option<&'a NodeExtra>,
    position: TextPosition,
}

fn slug_of(item: &LinkFrom) -> &str {
    match item {
        LinkFrom::Event(id) => id.as_str(),
        LinkFrom::Claim(id) => id.as_str(),
    }
}

/// The links the RA- and CA-nodes stand for; every other node is reported.
fn scheme_links<'a>(reader: &mut Reader<'a>, items: &HashMap<&'a AifId, Item>) -> Vec<SchemeLink<'a>> {
    let types: HashMap<&AifId, &str> = reader.nodes.iter().map(|n| (&n.node_id, n.node_type.as_str())).collect();
    let mut links = Vec::new();
    for (index, node) in reader.nodes.iter().enumerate() {
        let position = reader.node_position(index);
        let relation = match node.node_type.as_str() {
            "I" => continue,
            "RA" => Relation::Supports,
            "CA" => Relation::Opposes,
            other => {
                let message = format!(
                    "skipped: {other}-node \"{}\" (dialogue and other schemes have no place in a map)",
                    node.node_id.0
                );
                reader.notices.push(Diagnostic { position, message });
                continue;
            }
        };
        let extra = reader.extras.get(&node.node_id.0);
        let premises: Vec<LinkFrom> = reader
            .edges
            .iter()
            .filter(|edge| edge.to_id == node.node_id)
            .filter_map(|edge| match items.get(&edge.from_id)? {
                Item::Claim(id) => Some(LinkFrom::Claim(id.clone())),
                Item::Event(id) => Some(LinkFrom::Event(id.clone())),
            })
            .collect();
        let targets: Vec<Target<'a>> = reader
            .edges
            .iter()
            .filter(|edge| edge.from_id == node.node_id)
            .filter_map(|edge| match (items.get(&edge.to_id), types.get(&edge.to_id)) {
                (Some(item), _) => Some(Target::Item(item.clone())),
                (None, Some(&("RA" | "CA"))) => Some(Target::Scheme(&edge.to_id)),
                _ => None,
            })
            .collect();
        if premises.is_empty() || targets.is_empty() {
            let missing = if premises.is_empty() { "premise" } else { "conclusion" };
            let message = format!("skipped: {}-node \"{}\" has no {missing}", node.node_type, node.node_id.0);
            reader.notices.push(Diagnostic { position, message });
            continue;
        }
        for target in targets {
            let relation = match (&target, extra.and_then(|e| e.relation.as_deref())) {
                (_, Some(named)) => Relation::ALL.into_iter().find(|r| r.label() == named).unwrap_or(relation),
                (Target::Scheme(_), None) if relation == Relation::Opposes => Relation::Undercuts,
                _ => relation,
            };
            for premise in &premises {
                let to = match &target {
                    Target::Item(item) => Target::Item(item.clone()),
                    Target::Scheme(id) => Target::Scheme(id),
                };
                links.push(SchemeLink { node: &node.node_id, from: premise.clone(), to, relation, extra, position });
            }
        }
    }
    links
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let file: AifFile = parse(text, "AIF JSON")?;
    let (nodes, edges) = match (&file.aif, &file.nodes, &file.edges) {
        (Some(graph), _, _) => (graph.nodes.as_slice(), graph.edges.as_slice()),
        (None, Some(nodes), Some(edges)) => (nodes.as_slice(), edges.as_slice()),
        _ => {
            let message = "no AIF graph: expected \"AIF\": {\"nodes\": …, \"edges\": …} (OVA) or top-level \"nodes\" and \"edges\" (AIFdb)";
            return Err(ImportError::at(TextPosition { line: 1, col: 1 }, message));
        }
    };
    let mut notices = Vec::new();
    let mut positions = HashMap::new();
    for (index, node) in file.ova.nodes.iter().enumerate() {
        let position = Position::new(node.x, node.y);
        if on_canvas(position) {
            positions.insert(&node.node_id, position);
        } else {
            let at = nth_key(text, "x", index);
            notices.push(Diagnostic { position: at, message: off_canvas_notice(position) });
        }
    }
    let mut reader = Reader { text, nodes, edges, extras: &file.argline, positions, problems: Vec::new(), notices };
    let known: HashMap<&AifId, usize> = nodes.iter().enumerate().map(|(i, n)| (&n.node_id, i)).collect();
    for (index, edge) in edges.iter().enumerate() {
        for end in [&edge.from_id, &edge.to_id] {
            if !known.contains_key(end) {
                let message = format!("edge {} refers to node \"{}\", which the file does not have", index + 1, end.0);
                reader.problems.push(Diagnostic { position: reader.edge_position(index), message });
            }
        }
    }
    let mut builder = MapBuilder::new(&file.title);
    let items = reader.information(&mut builder);
    if !reader.problems.is_empty() {
        return Err(ImportError::Problems { problems: reader.problems });
    }
    let links = scheme_links(&mut reader, &items);
    add_links(&mut builder, &links, &mut reader.notices);
    Ok(Imported { map: builder.finish()?, notices: reader.notices })
}

/// Adds the links; one aimed at a scheme node waits until that node's link exists.
fn add_links(builder: &mut MapBuilder, links: &[SchemeLink<'_>], notices: &mut Vec<Diagnostic>) {
    let mut link_ids: HashMap<&AifId, LinkId> = HashMap::new();
    let mut pending: Vec<&SchemeLink<'_>> = links.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut waiting = Vec::new();
        for link in pending {
            let to = match &link.to {
                Target::Item(Item::Claim(id)) => LinkTo::Claim(id.clone()),
                Target::Item(Item::Event(id)) => {
                    let message = format!("skipped: a link to event \"{id}\" (links end at claims or links)");
                    notices.push(Diagnostic { position: link.position, message });
                    continue;
                }
                Target::Scheme(id) => match link_ids.get(id) {
                    Some(link_id) => LinkTo::Link(link_id.clone()),
                    None => {
                        waiting.push(link);
                        continue;
                    }
                },
            };
            let named = link.extra.map_or("", |extra| extra.id.as_str());
            let wanted = if named.is_empty() {
                format!("{}-{}", slug_of(&link.from), link.relation.name())
            } else {
                named.to_owned()
            };
            let strength = strength_of(link.extra.and_then(|e| e.strength.as_deref()));
            match builder.add_link(&wanted, link.from.clone(), to, link.relation, strength) {
                Ok(added) => {
                    added.note = link.extra.map_or(String::new(), |extra| extra.detail.clone());
                    link_ids.entry(link.node).or_insert_with(|| added.id.clone());
                }
                Err(reason) => {
                    notices.push(Diagnostic { position: link.position, message: format!("skipped: {reason}") })
                }
            }
        }
        if waiting.len() == before {
            for link in waiting {
                let message = "skipped: this node bears on a scheme node that never becomes a link".to_owned();
                notices.push(Diagnostic { position: link.position, message });
            }
            return;
        }
        pending = waiting;
    }
}
