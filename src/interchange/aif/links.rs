//! The links of an AIF graph: one per premise and conclusion of each RA- and
//! CA-node (a link aimed at a scheme node waits for that node's link), and
//! the neutral ratings Argline keeps beside the graph.

use super::read::{Item, Reader};
use super::schema::{AifId, DEFAULT_CONFLICT, DEFAULT_INFERENCE, NodeExtra, NodeType};
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::MapBuilder;
use crate::model::{LinkFrom, LinkId, LinkTo, Relation, Strength};
use std::collections::HashMap;

/// Where a scheme node's conclusion edge points.
pub enum Target<'a> {
    Item(Item),
    Scheme(&'a AifId),
}

/// One link to make: from a premise of a scheme node to its conclusion.
pub struct SchemeLink<'a> {
    node: &'a AifId,
    from: LinkFrom,
    to: Target<'a>,
    relation: Relation,
    extra: Option<&'a NodeExtra>,
    /// The scheme's name, when it is not the default one.
    scheme: Option<&'a str>,
    position: TextPosition,
}

fn slug_of(item: &LinkFrom) -> &str {
    match item {
        LinkFrom::Event(id) => id.as_str(),
        LinkFrom::Claim(id) => id.as_str(),
    }
}

fn strength_of(name: Option<&str>) -> Strength {
    Strength::ALL.into_iter().find(|s| Some(s.label()) == name).unwrap_or_default()
}

fn from_of(item: &Item) -> LinkFrom {
    match item {
        Item::Claim(id) => LinkFrom::Claim(id.clone()),
        Item::Event(id) => LinkFrom::Event(id.clone()),
    }
}

/// The links the RA- and CA-nodes stand for.
pub fn scheme_links<'a>(reader: &mut Reader<'a>, items: &HashMap<&'a AifId, Item>) -> Vec<SchemeLink<'a>> {
    let mut links = Vec::new();
    for (index, node) in reader.nodes.iter().enumerate() {
        let relation = match NodeType::of(&node.node_type) {
            NodeType::Ra => Relation::Supports,
            NodeType::Ca => Relation::Opposes,
            _ => continue,
        };
        if reader.index.get(&node.node_id) != Some(&index) {
            continue;
        }
        let position = reader.node_position(index);
        let extra = reader.extra(&node.node_id);
        let scheme = node.scheme.as_deref().unwrap_or(&node.text).trim();
        let scheme =
            (!scheme.is_empty() && scheme != DEFAULT_INFERENCE && scheme != DEFAULT_CONFLICT && extra.is_none())
                .then_some(scheme);
        let premises: Vec<LinkFrom> =
            reader.premises(&node.node_id).filter_map(|id| items.get(id)).map(from_of).collect();
        let targets: Vec<Target<'a>> = reader
            .conclusions(&node.node_id)
            .filter_map(|id| match (items.get(id), reader.node_type(id)) {
                (Some(item), _) => Some(Target::Item(item.clone())),
                (None, Some(NodeType::Ra | NodeType::Ca)) => Some(Target::Scheme(id)),
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
                let (node, from) = (&node.node_id, premise.clone());
                links.push(SchemeLink { node, from, to, relation, extra, scheme, position });
            }
        }
    }
    links
}

/// Adds the links; one aimed at a scheme node waits until that node's link
/// exists. Gives the link each scheme node became.
pub fn add_links<'a>(
    builder: &mut MapBuilder,
    links: &[SchemeLink<'a>],
    notices: &mut Vec<Diagnostic>,
) -> HashMap<&'a AifId, LinkId> {
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
                    added.note = match (link.extra, link.scheme) {
                        (Some(extra), _) => extra.detail.clone(),
                        (None, Some(scheme)) => format!("scheme: {scheme}"),
                        (None, None) => String::new(),
                    };
                    added.citations = link.extra.map(|extra| extra.citations.clone()).unwrap_or_default();
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
            break;
        }
        pending = waiting;
    }
    link_ids
}

/// The neutral ratings Argline wrote beside the graph, between its nodes.
pub fn add_neutral(
    builder: &mut MapBuilder,
    reader: &Reader<'_>,
    items: &HashMap<&AifId, Item>,
    link_ids: &HashMap<&AifId, LinkId>,
) -> Vec<Diagnostic> {
    let mut notices = Vec::new();
    let starts = crate::import::json_position::key_positions(reader.text, "from");
    for (index, neutral) in reader.file.neutral.iter().enumerate() {
        let from = items.get(&neutral.from).map(from_of);
        let to = match items.get(&neutral.to) {
            Some(Item::Claim(id)) => Some(LinkTo::Claim(id.clone())),
            Some(Item::Event(_)) => None,
            None => link_ids.get(&neutral.to).map(|id| LinkTo::Link(id.clone())),
        };
        let position = starts.get(index).copied().unwrap_or(TextPosition { line: 1, col: 1 });
        let (Some(from), Some(to)) = (from, to) else {
            let message = format!("skipped: neutral rating \"{}\" joins nodes the map does not hold", neutral.id);
            notices.push(Diagnostic { position, message });
            continue;
        };
        let strength = strength_of(Some(&neutral.strength));
        match builder.add_link(&neutral.id, from, to, Relation::Neutral, strength) {
            Ok(added) => {
                added.note = neutral.note.clone();
                added.citations = neutral.citations.clone();
            }
            Err(reason) => notices.push(Diagnostic { position, message: format!("skipped: {reason}") }),
        }
    }
    notices
}
