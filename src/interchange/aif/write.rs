//! AIF JSON as OVA saves it: the graph under `"AIF"` (I-nodes for claims and
//! events, an RA-node for each support, a CA-node for each attack or
//! undercut, edges through them) and the canvas positions under `"OVA"`.
//! Each quote is a locution: an L-node saying the quoted words, asserted
//! (a YA-node) of its claim's I-node, spoken by its source (a participant),
//! and a span of the analysed text under `"text"`, between the words its
//! anchor keeps either side. What AIF has no place for (kinds, questions,
//! dates, lanes, strengths, weights, ids, sources, citations, neutral
//! ratings) travels under `"argline…"`, which other tools ignore and
//! [`super::import`] reads back.

use super::schema::{
    ASSERTING, AifEdge, AifFile, AifGraph, AifId, AifNode, DEFAULT_CONFLICT, DEFAULT_INFERENCE, Locution, NeutralLink,
    NodeExtra, OvaLayout, OvaNode, Participant,
};
use super::text::passage;
use crate::model::{Citation, LinkFrom, LinkTo, Map, Position, Relation, SourceId};
use std::collections::{BTreeMap, HashMap};

/// How far left of its claim a quote's locution sits on OVA's canvas.
const LOCUTION_OFFSET_X: f32 = 320.0;

struct Builder {
    graph: AifGraph,
    ova: OvaLayout,
    extras: BTreeMap<String, NodeExtra>,
    /// The analysed text's passages, per source in the order first cited.
    passages: Vec<(SourceId, Vec<String>)>,
}

impl Builder {
    fn node(&mut self, node_type: &str, text: &str, position: Position, extra: NodeExtra) -> AifId {
        let id = AifId((self.graph.nodes.len() + 1).to_string());
        self.graph.nodes.push(AifNode {
            node_id: id.clone(),
            text: text.to_owned(),
            node_type: node_type.to_owned(),
            timestamp: String::new(),
            scheme: None,
            scheme_id: None,
        });
        self.ova.nodes.push(OvaNode {
            node_id: id.clone(),
            x: position.x,
            y: position.y,
            visible: true,
            timestamp: String::new(),
        });
        self.extras.insert(id.0.clone(), extra);
        id
    }

    fn edge(&mut self, from: &AifId, to: &AifId) {
        let edge_id = Some(AifId((self.graph.edges.len() + 1).to_string()));
        self.graph.edges.push(AifEdge { edge_id, from_id: from.clone(), to_id: to.clone() });
        self.ova.edges.push(serde_json::json!({ "fromID": from, "toID": to, "visible": true }));
    }

    /// Each quote of `citations` as a locution asserted of node `of`.
    fn locutions(&mut self, map: &Map, of: &AifId, position: Position, citations: &[Citation]) {
        for citation in citations.iter().filter(|c| !c.quote.trim().is_empty()) {
            let quote = NodeExtra { quote: true, ..NodeExtra::default() };
            let at = Position::new(position.x - LOCUTION_OFFSET_X, position.y);
            let said = self.node("L", &citation.quote, at, NodeExtra { quote: true, ..NodeExtra::default() });
            let asserting = Position::new(position.x - LOCUTION_OFFSET_X / 2.0, position.y);
            let illocution = self.node("YA", ASSERTING, asserting, quote);
            self.edge(&said, &illocution);
            self.edge(&illocution, of);
            let person = self.participant(map, &citation.source);
            self.graph.locutions.push(Locution { node_id: said.clone(), person_id: Some(person) });
            let (prefix, suffix) =
                citation.anchor.as_ref().map_or(("", ""), |a| (a.prefix.as_str(), a.suffix.as_str()));
            let html = passage(&said.0, prefix, &citation.quote, suffix);
            match self.passages.iter_mut().find(|(source, _)| source == &citation.source) {
                Some((_, passages)) => passages.push(html),
                None => self.passages.push((citation.source.clone(), vec![html])),
            }
        }
    }

    /// The participant who speaks for `source`: its author, else its title.
    fn participant(&mut self, map: &Map, source: &SourceId) -> AifId {
        let index = match self.passages.iter().position(|(cited, _)| cited == source) {
            Some(index) => index,
            None => self.passages.len(),
        };
        let id = AifId((index + 1).to_string());
        if !self.graph.participants.iter().any(|p| p.participant_id == id) {
            let source = map.source(source);
            let name = source.map_or("", |s| if s.author.is_empty() { s.title.as_str() } else { s.author.as_str() });
            let name = if name.is_empty() { source.map_or("", |s| s.id.as_str()) } else { name };
            let participant =
                Participant { participant_id: id.clone(), firstname: name.to_owned(), surname: String::new() };
            self.graph.participants.push(participant);
        }
        id
    }

    /// The analysed text: per source, its title, then each passage it is quoted in.
    fn analysed_text(&self, map: &Map) -> String {
        let mut html = String::new();
        for (source, passages) in &self.passages {
            let title = map.source(source).map_or(source.as_str(), |s| s.title.as_str());
            html.push_str(&format!("<p><b>{}</b></p>", crate::export::escape_html(title)));
            for passage in passages {
                html.push_str(passage);
            }
        }
        html
    }
}

pub fn render(map: &Map) -> Result<String, serde_json::Error> {
    let mut builder = Builder {
        graph: AifGraph::default(),
        ova: OvaLayout::default(),
        extras: BTreeMap::new(),
        passages: Vec::new(),
    };
    let mut claims = HashMap::new();
    let mut positions = HashMap::new();
    for claim in &map.claims {
        let extra = NodeExtra {
            id: claim.id.to_string(),
            kind: Some(claim.kind.name().to_owned()),
            detail: claim.detail.clone(),
            tags: claim.tags.clone(),
            answers: claim.answers.as_ref().map(ToString::to_string),
            composite: claim.composite,
            credibility: claim.credibility,
            relevance: claim.relevance,
            citations: claim.citations.clone(),
            ..NodeExtra::default()
        };
        let id = builder.node("I", &claim.text, claim.position, extra);
        builder.locutions(map, &id, claim.position, &claim.citations);
        positions.insert(id.clone(), claim.position);
        claims.insert(claim.id.as_str(), id);
    }
    let mut events = HashMap::new();
    for (index, event) in map.events.iter().enumerate() {
        // Events without a place on the map get one in a row beneath it.
        let position = event.position.unwrap_or(Position::new(index as f32 * 240.0, 1_200.0));
        let extra = NodeExtra {
            id: event.id.to_string(),
            detail: event.detail.clone(),
            tags: event.tags.clone(),
            credibility: event.credibility,
            relevance: event.relevance,
            citations: event.citations.clone(),
            date: Some(event.date.to_string()),
            end: event.end.map(|end| end.to_string()),
            lane: Some(map.lane(&event.lane).map_or(event.lane.to_string(), |lane| lane.name.clone())),
            ..NodeExtra::default()
        };
        let id = builder.node("I", &event.title, position, extra);
        builder.locutions(map, &id, position, &event.citations);
        positions.insert(id.clone(), position);
        events.insert(event.id.as_str(), id);
    }
    let start_of = |from: &LinkFrom| match from {
        LinkFrom::Event(id) => events.get(id.as_str()).cloned(),
        LinkFrom::Claim(id) => claims.get(id.as_str()).cloned(),
    };
    // S-nodes first (a link may bear on a link written after it), then edges.
    let mut scheme_nodes = HashMap::new();
    for link in &map.links {
        let (node_type, text) = match link.relation {
            Relation::Supports => ("RA", DEFAULT_INFERENCE),
            Relation::Opposes | Relation::Undercuts => ("CA", DEFAULT_CONFLICT),
            // AIF has no scheme for "no bearing": a neutral rating is kept beside the graph.
            Relation::Neutral => continue,
        };
        let to = match &link.to {
            LinkTo::Claim(id) => claims.get(id.as_str()).and_then(|id| positions.get(id)),
            LinkTo::Link(_) => None,
        };
        let from_position = start_of(&link.from).and_then(|id| positions.get(&id).copied()).unwrap_or_default();
        let position = to
            .map_or(from_position, |to| Position::new((from_position.x + to.x) / 2.0, (from_position.y + to.y) / 2.0));
        let extra = NodeExtra {
            id: link.id.to_string(),
            detail: link.note.clone(),
            relation: Some(link.relation.label().to_owned()),
            strength: Some(link.strength.label().to_owned()),
            citations: link.citations.clone(),
            ..NodeExtra::default()
        };
        scheme_nodes.insert(link.id.as_str(), builder.node(node_type, text, position, extra));
    }
    let mut neutral = Vec::new();
    for link in &map.links {
        let to = match &link.to {
            LinkTo::Claim(id) => claims.get(id.as_str()),
            LinkTo::Link(id) => scheme_nodes.get(id.as_str()),
        };
        let (Some(from), Some(to)) = (start_of(&link.from), to.cloned()) else { continue };
        match scheme_nodes.get(link.id.as_str()).cloned() {
            Some(scheme) => {
                builder.edge(&from, &scheme);
                builder.edge(&scheme, &to);
            }
            None => neutral.push(NeutralLink {
                id: link.id.to_string(),
                from,
                to,
                strength: link.strength.label().to_owned(),
                note: link.note.clone(),
                citations: link.citations.clone(),
            }),
        }
    }
    let file = AifFile {
        text: serde_json::Value::String(builder.analysed_text(map)),
        aif: Some(builder.graph),
        ova: builder.ova,
        title: map.meta.title.clone(),
        argline: builder.extras,
        sources: map.sources.clone(),
        neutral,
        ..AifFile::default()
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    Ok(text)
}
