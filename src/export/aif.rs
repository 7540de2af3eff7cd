//! AIF JSON as OVA saves it: the graph under `"AIF"` (I-nodes for claims and
//! events, an RA-node for each support, a CA-node for each attack or
//! undercut, edges through them) and the canvas positions under `"OVA"`.
//! What AIF has no place for (kinds, dates, lanes, strengths, ids) travels
//! under `"argline"`, which other tools ignore and `import::aif` reads back.
//! The same types serve the importer, which also reads AIFdb's flat form.

use crate::model::{LinkFrom, LinkTo, Map, Position, Relation};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A node or edge id: AIFdb writes numbers, OVA strings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AifId(pub String);

impl<'de> Deserialize<'de> for AifId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Number(i64),
        }
        match Either::deserialize(deserializer) {
            Ok(Either::Text(text)) => Ok(Self(text)),
            Ok(Either::Number(number)) => Ok(Self(number.to_string())),
            Err(_) => Err(serde::de::Error::custom("an id must be a string or a whole number")),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AifNode {
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    #[serde(default)]
    pub text: String,
    #[serde(rename = "type")]
    pub node_type: String,
    #[serde(default)]
    pub timestamp: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AifEdge {
    #[serde(rename = "edgeID", default)]
    pub edge_id: Option<AifId>,
    #[serde(rename = "fromID")]
    pub from_id: AifId,
    #[serde(rename = "toID")]
    pub to_id: AifId,
}

/// The AIF graph. The dialogue parts, which a map has no place for, are kept
/// as they come (tools write `[]` or `null`) and written empty.
#[derive(Debug, Serialize, Deserialize)]
pub struct AifGraph {
    pub nodes: Vec<AifNode>,
    pub edges: Vec<AifEdge>,
    #[serde(default = "empty_list")]
    pub locutions: serde_json::Value,
    #[serde(default = "empty_list")]
    pub participants: serde_json::Value,
    #[serde(default = "empty_list")]
    pub schemefulfillments: serde_json::Value,
    #[serde(default = "empty_list")]
    pub descriptorfulfillments: serde_json::Value,
}

fn empty_list() -> serde_json::Value {
    serde_json::Value::Array(Vec::new())
}

impl Default for AifGraph {
    fn default() -> Self {
        Self {
            nodes: Vec::new(),
            edges: Vec::new(),
            locutions: empty_list(),
            participants: empty_list(),
            schemefulfillments: empty_list(),
            descriptorfulfillments: empty_list(),
        }
    }
}

/// Where OVA draws a node.
#[derive(Debug, Serialize, Deserialize)]
pub struct OvaNode {
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    pub x: f32,
    pub y: f32,
    #[serde(default = "visible")]
    pub visible: bool,
    #[serde(default)]
    pub timestamp: String,
}

fn visible() -> bool {
    true
}

/// OVA's canvas: who drew it, and where each node sits.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct OvaLayout {
    #[serde(default)]
    pub firstname: String,
    #[serde(default)]
    pub surname: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub nodes: Vec<OvaNode>,
    #[serde(default)]
    pub edges: Vec<serde_json::Value>,
}

/// OVA writes its layout as an object; other xAIF tools write `[]` when they have none.
fn layout_or_none<'de, D: Deserializer<'de>>(deserializer: D) -> Result<OvaLayout, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Layout(OvaLayout),
        Other(serde_json::Value),
    }
    match Either::deserialize(deserializer)? {
        Either::Layout(layout) => Ok(layout),
        Either::Other(serde_json::Value::Array(items)) if items.is_empty() => Ok(OvaLayout::default()),
        Either::Other(serde_json::Value::Null) => Ok(OvaLayout::default()),
        Either::Other(_) => {
            Err(serde::de::Error::custom("\"OVA\" must be OVA's layout: {\"nodes\": [{\"nodeID\", \"x\", \"y\"}]}"))
        }
    }
}

/// What Argline knows of a node beyond AIF.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NodeExtra {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// For an event: its date, end and lane.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lane: Option<String>,
    /// For a link's S-node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<String>,
}

/// A file: OVA's form (`AIF` + `OVA`) when written; AIFdb's flat form
/// (`nodes`, `edges` at the top) is read too.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AifFile {
    #[serde(rename = "AIF", skip_serializing_if = "Option::is_none")]
    pub aif: Option<AifGraph>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodes: Option<Vec<AifNode>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges: Option<Vec<AifEdge>>,
    #[serde(rename = "OVA", default, deserialize_with = "layout_or_none")]
    pub ova: OvaLayout,
    /// The analysed text, in OVA; empty here.
    #[serde(default)]
    pub text: serde_json::Value,
    /// The map's title.
    #[serde(rename = "argline_title", default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Per node id.
    #[serde(default)]
    pub argline: BTreeMap<String, NodeExtra>,
}

struct Builder {
    graph: AifGraph,
    ova: OvaLayout,
    extras: BTreeMap<String, NodeExtra>,
}

impl Builder {
    fn node(&mut self, node_type: &str, text: &str, position: Position, extra: NodeExtra) -> AifId {
        let id = AifId((self.graph.nodes.len() + 1).to_string());
        self.graph.nodes.push(AifNode {
            node_id: id.clone(),
            text: text.to_owned(),
            node_type: node_type.to_owned(),
            timestamp: String::new(),
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
}

pub fn render(map: &Map) -> Result<String, serde_json::Error> {
    let mut builder = Builder { graph: AifGraph::default(), ova: OvaLayout::default(), extras: BTreeMap::new() };
    let mut claims = HashMap::new();
    let mut positions = HashMap::new();
    for claim in &map.claims {
        let extra = NodeExtra {
            id: claim.id.to_string(),
            kind: Some(crate::export::argdown::kind_name(claim.kind).to_owned()),
            detail: claim.detail.clone(),
            tags: claim.tags.clone(),
            ..NodeExtra::default()
        };
        let id = builder.node("I", &claim.text, claim.position, extra);
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
            date: Some(event.date.to_string()),
            end: event.end.map(|end| end.to_string()),
            lane: Some(map.lane(&event.lane).map_or(event.lane.to_string(), |lane| lane.name.clone())),
            ..NodeExtra::default()
        };
        let id = builder.node("I", &event.title, position, extra);
        positions.insert(id.clone(), position);
        events.insert(event.id.as_str(), id);
    }
    // S-nodes first (a link may bear on a link written after it), then edges.
    let mut scheme_nodes = HashMap::new();
    for link in &map.links {
        let from = match &link.from {
            LinkFrom::Event(id) => events.get(id.as_str()),
            LinkFrom::Claim(id) => claims.get(id.as_str()),
        };
        let to = match &link.to {
            LinkTo::Claim(id) => claims.get(id.as_str()).and_then(|id| positions.get(id)),
            LinkTo::Link(_) => None,
        };
        let from_position = from.and_then(|id| positions.get(id)).copied().unwrap_or_default();
        let position = to
            .map_or(from_position, |to| Position::new((from_position.x + to.x) / 2.0, (from_position.y + to.y) / 2.0));
        let (node_type, text) = match link.relation {
            Relation::Supports => ("RA", "Default Inference"),
            Relation::Opposes | Relation::Undercuts => ("CA", "Default Conflict"),
            // AIF has no scheme for "no bearing": a neutral rating is not an argument, so it is left out.
            Relation::Neutral => continue,
        };
        let extra = NodeExtra {
            id: link.id.to_string(),
            detail: link.note.clone(),
            relation: Some(link.relation.label().to_owned()),
            strength: Some(link.strength.label().to_owned()),
            ..NodeExtra::default()
        };
        scheme_nodes.insert(link.id.as_str(), builder.node(node_type, text, position, extra));
    }
    for link in &map.links {
        let Some(scheme) = scheme_nodes.get(link.id.as_str()).cloned() else { continue };
        let from = match &link.from {
            LinkFrom::Event(id) => events.get(id.as_str()),
            LinkFrom::Claim(id) => claims.get(id.as_str()),
        };
        let to = match &link.to {
            LinkTo::Claim(id) => claims.get(id.as_str()),
            LinkTo::Link(id) => scheme_nodes.get(id.as_str()),
        };
        if let (Some(from), Some(to)) = (from.cloned(), to.cloned()) {
            builder.edge(&from, &scheme);
            builder.edge(&scheme, &to);
        }
    }
    let file = AifFile {
        aif: Some(builder.graph),
        ova: builder.ova,
        text: serde_json::Value::String(String::new()),
        title: map.meta.title.clone(),
        argline: builder.extras,
        ..AifFile::default()
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    Ok(text)
}
