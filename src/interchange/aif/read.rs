//! Claims, events and links from AIF JSON in any of the forms its tools write
//! (see [`super::schema`]). I-nodes become claims (or events, when Argline
//! wrote them); an RA-node is a support from each premise, with its scheme's
//! name in the link's note; a CA-node an attack (two CA-nodes, one each way,
//! are a mutual attack: two links); a CA-node aimed at an RA- or CA-node
//! undercuts that link. An MA-node (rephrase) merges its I-nodes into one
//! claim, the other wordings kept in its detail: a rephrase says the same
//! thing again, not a reason for it. The words a locution (L-node) says, or a
//! span of the analysed text, become the quote its I-node cites. Positions
//! come from OVA's layout. Dialogue nodes (L, TA, YA) and schemes a map has no
//! place for are listed; an edge to a node the file does not have is skipped.

use super::quotes::{QuoteReader, speaker_names};
use super::schema::{AifFile, AifId, AifNode, GraphRecords, NodeExtra, NodeType, analysed_html};
use super::{links, text};
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::{MapBuilder, off_canvas_notice, on_canvas};
use crate::import::json_position::{key_positions, parse};
use crate::import::{ImportError, Imported};
use crate::model::{ClaimId, ClaimKind, Date, Event, EventId, Position};
use std::collections::HashMap;

/// What an I-node became.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Item {
    Claim(ClaimId),
    Event(EventId),
}

/// The file as read, with where each of its records stands.
pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub file: &'a AifFile,
    pub nodes: &'a [AifNode],
    /// The ends of the edges into each node and out of it, in the file's
    /// order (only edges whose two ends the file has).
    into: HashMap<&'a AifId, Vec<&'a AifId>>,
    out_of: HashMap<&'a AifId, Vec<&'a AifId>>,
    pub index: HashMap<&'a AifId, usize>,
    positions: HashMap<&'a AifId, Position>,
    /// Where each node's record starts (its `"nodeID"` key).
    node_positions: Vec<TextPosition>,
    pub problems: Vec<Diagnostic>,
    pub notices: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    pub fn node_position(&self, index: usize) -> TextPosition {
        self.node_positions.get(index).copied().unwrap_or(TextPosition { line: 1, col: 1 })
    }

    pub fn node_type(&self, id: &AifId) -> Option<NodeType> {
        self.index.get(id).map(|&at| NodeType::of(&self.nodes[at].node_type))
    }

    pub fn extra(&self, id: &AifId) -> Option<&'a NodeExtra> {
        self.file.argline.get(&id.0)
    }

    /// The ends of the edges into `id` and out of it.
    pub fn premises<'s>(&'s self, id: &'s AifId) -> impl Iterator<Item = &'a AifId> + 's {
        self.into.get(id).into_iter().flatten().copied()
    }

    pub fn conclusions<'s>(&'s self, id: &'s AifId) -> impl Iterator<Item = &'a AifId> + 's {
        self.out_of.get(id).into_iter().flatten().copied()
    }

    pub fn notice(&mut self, index: usize, message: String) {
        let position = self.node_position(index);
        self.notices.push(Diagnostic { position, message });
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
            citations: extra.citations.clone(),
            credibility: extra.credibility,
            relevance: extra.relevance,
            ..Event::new(id, date, title, lane)
        });
        Some(Item::Event(id))
    }

    fn claim(&mut self, builder: &mut MapBuilder, node: &AifNode, extra: Option<&NodeExtra>) -> Item {
        let default = NodeExtra::default();
        let extra = extra.unwrap_or(&default);
        let text = node.text.trim().to_owned();
        let wanted = if extra.id.is_empty() { text.as_str() } else { extra.id.as_str() };
        let position = self.positions.get(&node.node_id).copied();
        let kind = extra.kind.as_deref().and_then(ClaimKind::named).unwrap_or(ClaimKind::Claim);
        let claim = builder.add_claim(wanted, kind, &text, position);
        claim.detail = extra.detail.clone();
        claim.tags = extra.tags.clone();
        claim.credibility = extra.credibility;
        claim.relevance = extra.relevance;
        claim.citations = extra.citations.clone();
        Item::Claim(claim.id.clone())
    }

    /// The claims and events of the I-nodes; those an MA-node merges are the first's.
    fn information(&mut self, builder: &mut MapBuilder) -> HashMap<&'a AifId, Item> {
        let merged_into = rephrases(self);
        let mut items = HashMap::new();
        for (index, node) in self.nodes.iter().enumerate() {
            let duplicate = self.index.get(&node.node_id) != Some(&index);
            if NodeType::of(&node.node_type) != NodeType::I || duplicate || merged_into.contains_key(&node.node_id) {
                continue;
            }
            let extra = self.extra(&node.node_id);
            let item = match extra {
                Some(extra) if extra.date.is_some() => self.event(builder, index, node, extra),
                _ => Some(self.claim(builder, node, extra)),
            };
            if let Some(item) = item {
                items.insert(&node.node_id, item);
            }
        }
        for (node, (kept, ma_index)) in &merged_into {
            let Some(item) = items.get(kept).cloned() else { continue };
            let wording = self.index.get(node).map_or("", |&at| self.nodes[at].text.trim());
            if let Item::Claim(id) = &item
                && let Some(claim) = builder.claim_mut(id)
            {
                let line = format!("Also worded: {wording}");
                claim.detail = if claim.detail.is_empty() { line } else { format!("{}\n\n{line}", claim.detail) };
            }
            let message = format!("merged: I-node \"{}\" rephrases I-node \"{}\" (one claim)", node.0, kept.0);
            self.notice(*ma_index, message);
            items.insert(node, item);
        }
        items
    }
}

/// Each I-node that an MA-node says again in other words, with the I-node it
/// merges into (the first of its chain of rephrases) and the MA-node's index.
fn rephrases<'a>(reader: &Reader<'a>) -> HashMap<&'a AifId, (&'a AifId, usize)> {
    let mut merged_into: HashMap<&'a AifId, (&'a AifId, usize)> = HashMap::new();
    let root = |merged: &HashMap<&'a AifId, (&'a AifId, usize)>, mut id: &'a AifId| {
        while let Some((next, _)) = merged.get(id) {
            id = next;
        }
        id
    };
    for (index, node) in reader.nodes.iter().enumerate() {
        if NodeType::of(&node.node_type) != NodeType::Ma {
            continue;
        }
        let is_information = |id: &&AifId| reader.node_type(id) == Some(NodeType::I);
        let Some(first) = reader.premises(&node.node_id).find(is_information) else { continue };
        let kept = root(&merged_into, first);
        for other in reader.premises(&node.node_id).chain(reader.conclusions(&node.node_id)).filter(is_information) {
            let other = root(&merged_into, other);
            if other != kept {
                merged_into.insert(other, (kept, index));
            }
        }
    }
    merged_into
}

/// Sets each explanation's question and composite mark from what Argline wrote.
fn answers(reader: &mut Reader<'_>, builder: &mut MapBuilder, items: &HashMap<&AifId, Item>) {
    let claim_of_extra_id: HashMap<&str, ClaimId> = items
        .iter()
        .filter_map(|(node, item)| match (reader.extra(node), item) {
            (Some(extra), Item::Claim(id)) => Some((extra.id.as_str(), id.clone())),
            _ => None,
        })
        .collect();
    let mut claims: Vec<(&AifId, &ClaimId)> = items
        .iter()
        .filter_map(|(node, item)| match item {
            Item::Claim(id) => Some((*node, id)),
            Item::Event(_) => None,
        })
        .collect();
    claims.sort();
    for (node, id) in claims {
        let Some(extra) = reader.extra(node) else { continue };
        let question = extra.answers.as_deref().map(|q| claim_of_extra_id.get(q).cloned().unwrap_or_else(|| q.into()));
        let answered = question.map_or(Ok(()), |question| builder.answer(id, &question));
        let marked = if extra.composite { builder.mark_composite(id) } else { Ok(()) };
        for reason in [answered, marked].into_iter().filter_map(Result::err) {
            let at = reader.index.get(node).copied().unwrap_or_default();
            reader.notice(at, format!("skipped: {reason}"));
        }
    }
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let file: AifFile = parse(text, "AIF JSON")?;
    read(text, &file)
}

/// The map of `file`, parsed from `text` (where its records' positions are looked up).
pub(super) fn read(text: &str, file: &AifFile) -> Result<Imported, ImportError> {
    let Some(GraphRecords { nodes, edges, locutions, participants }) = file.graph() else {
        let message = "no AIF graph: expected \"AIF\": {\"nodes\": …, \"edges\": …} (OVA, xAIF) or top-level \"nodes\" and \"edges\" (AIFdb)";
        return Err(ImportError::at(TextPosition { line: 1, col: 1 }, message));
    };
    let unplaced = TextPosition { line: 1, col: 1 };
    let (node_positions, edge_positions) = (key_positions(text, "nodeID"), key_positions(text, "fromID"));
    let mut notices = Vec::new();
    let mut positions = HashMap::new();
    let coordinates = key_positions(text, "x");
    for (index, node) in file.ova.nodes.iter().enumerate() {
        let position = Position::new(node.x, node.y);
        if on_canvas(position) {
            positions.insert(&node.node_id, position);
        } else {
            let at = coordinates.get(index).copied().unwrap_or(unplaced);
            notices.push(Diagnostic { position: at, message: off_canvas_notice(position) });
        }
    }
    let mut index = HashMap::new();
    for (at, node) in nodes.iter().enumerate() {
        if index.contains_key(&node.node_id) {
            let message = format!("skipped: a second node with id \"{}\" (the first is kept)", node.node_id.0);
            let position = node_positions.get(at).copied().unwrap_or(unplaced);
            notices.push(Diagnostic { position, message });
        } else {
            index.insert(&node.node_id, at);
        }
    }
    let (mut into, mut out_of) = (HashMap::<_, Vec<_>>::new(), HashMap::<_, Vec<_>>::new());
    for (at, edge) in edges.iter().enumerate() {
        match [&edge.from_id, &edge.to_id].into_iter().find(|end| !index.contains_key(end)) {
            Some(missing) => {
                let message =
                    format!("skipped: edge {} refers to node \"{}\", which the file does not have", at + 1, missing.0);
                let position = edge_positions.get(at).copied().unwrap_or(unplaced);
                notices.push(Diagnostic { position, message });
            }
            None => {
                into.entry(&edge.to_id).or_default().push(&edge.from_id);
                out_of.entry(&edge.from_id).or_default().push(&edge.to_id);
            }
        }
    }
    let mut reader =
        Reader { text, file, nodes, into, out_of, index, positions, node_positions, problems: Vec::new(), notices };
    let mut builder = MapBuilder::new(&file.title);
    for source in &file.sources {
        builder.add_source(source.clone());
    }
    let items = reader.information(&mut builder);
    if !reader.problems.is_empty() {
        return Err(ImportError::Problems { problems: reader.problems });
    }
    answers(&mut reader, &mut builder, &items);
    let analysed = text::read(analysed_html(&file.text));
    let speakers = speaker_names(locutions, participants);
    QuoteReader { reader: &mut reader, analysed: &analysed, speakers: &speakers }.add(&mut builder, &items);
    let scheme_links = links::scheme_links(&mut reader, &items);
    let link_ids = links::add_links(&mut builder, &scheme_links, &mut reader.notices);
    let neutral_notices = links::add_neutral(&mut builder, &reader, &items, &link_ids);
    reader.notices.extend(neutral_notices);
    Ok(Imported { map: builder.finish()?, notices: reader.notices })
}
