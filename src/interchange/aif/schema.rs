//! The shapes of AIF JSON as its tools write it, read and written with serde:
//! OVA3's file (`"AIF"`, `"OVA"` layout, `"text"`), xAIF (the same, with a
//! `"dialog"` flag, `null` for empty lists, `"OVA": []` when there is no
//! layout) and AIFdb's corpus JSON (`nodes`, `edges`, `locutions` at the top;
//! ids as strings or numbers; timestamps, `scheme` and `schemeID` on nodes).
//! What AIF has no place for travels under `argline…` keys, which other
//! tools ignore.

use crate::model::{Citation, Level, Source};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// A node or edge id: AIFdb writes numbers or numeric strings, OVA strings.
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

/// Text that a tool may write as `null` (read as empty) or as a number.
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(text) => text,
        serde_json::Value::Number(number) => number.to_string(),
        _ => String::new(),
    })
}

/// A list that a tool may write as `null`.
fn list_or_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// A coordinate that a tool may write as a number or a numeric string.
fn coordinate<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Number(number) => number.as_f64().map(|n| n as f32),
        serde_json::Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| serde::de::Error::custom("a coordinate must be a number"))
}

/// The kinds of node AIF names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeType {
    /// Information: a proposition.
    I,
    /// Rule application: an inference, premises to conclusion.
    Ra,
    /// Conflict: an attack on a proposition or an inference.
    Ca,
    /// Rephrase: the conclusion says the premise again in other words.
    Ma,
    /// A locution: what a participant said (dialogue).
    L,
    /// A transition between locutions (dialogue).
    Ta,
    /// An illocution, tying what was said to what it means (dialogue).
    Ya,
    /// Any other node (preferences, forms, descriptors…).
    Other,
}

impl NodeType {
    pub fn of(name: &str) -> Self {
        match name {
            "I" => Self::I,
            "RA" => Self::Ra,
            "CA" => Self::Ca,
            "MA" => Self::Ma,
            "L" => Self::L,
            "TA" => Self::Ta,
            "YA" => Self::Ya,
            _ => Self::Other,
        }
    }
}

/// The text of a scheme node when it names no scheme of its own.
pub const DEFAULT_INFERENCE: &str = "Default Inference";
pub const DEFAULT_CONFLICT: &str = "Default Conflict";
/// The illocution of a quote: its source asserts the proposition.
pub const ASSERTING: &str = "Asserting";

#[derive(Debug, Serialize, Deserialize)]
pub struct AifNode {
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    #[serde(default, deserialize_with = "lenient_text")]
    pub text: String,
    #[serde(rename = "type")]
    pub node_type: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub timestamp: String,
    /// AIFdb: the name of a scheme node's scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    #[serde(rename = "schemeID", default, skip_serializing_if = "Option::is_none")]
    pub scheme_id: Option<AifId>,
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

/// Who said a locution (an L-node).
#[derive(Debug, Serialize, Deserialize)]
pub struct Locution {
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    #[serde(rename = "personID", default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<AifId>,
}

/// A speaker of a dialogue; Argline writes one per cited source.
#[derive(Debug, Serialize, Deserialize)]
pub struct Participant {
    #[serde(rename = "participantID")]
    pub participant_id: AifId,
    #[serde(default, deserialize_with = "lenient_text")]
    pub firstname: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub surname: String,
}

/// The AIF graph. Scheme and descriptor fulfilments are kept as they come.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AifGraph {
    #[serde(default, deserialize_with = "list_or_null")]
    pub nodes: Vec<AifNode>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub edges: Vec<AifEdge>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub locutions: Vec<Locution>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub participants: Vec<Participant>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub schemefulfillments: Vec<serde_json::Value>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub descriptorfulfillments: Vec<serde_json::Value>,
}

/// Where OVA draws a node.
#[derive(Debug, Serialize, Deserialize)]
pub struct OvaNode {
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    #[serde(deserialize_with = "coordinate")]
    pub x: f32,
    #[serde(deserialize_with = "coordinate")]
    pub y: f32,
    #[serde(default = "visible")]
    pub visible: bool,
    #[serde(default, deserialize_with = "lenient_text")]
    pub timestamp: String,
}

fn visible() -> bool {
    true
}

/// OVA's canvas: who drew it, the page analysed, and where each node sits.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct OvaLayout {
    #[serde(default, deserialize_with = "lenient_text")]
    pub firstname: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub surname: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub url: String,
    #[serde(default, deserialize_with = "list_or_null")]
    pub nodes: Vec<OvaNode>,
    #[serde(default, deserialize_with = "list_or_null")]
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

/// The analysed text: OVA and xAIF write a string of HTML, or `{"txt": …}`.
pub fn analysed_html(text: &serde_json::Value) -> &str {
    match text {
        serde_json::Value::String(html) => html,
        serde_json::Value::Object(fields) => fields.get("txt").and_then(serde_json::Value::as_str).unwrap_or(""),
        _ => "",
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
    /// For an explanation: the id of the question it answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub composite: bool,
    /// As evidence: its weights.
    #[serde(skip_serializing_if = "Level::is_medium")]
    pub credibility: Level,
    #[serde(skip_serializing_if = "Level::is_medium")]
    pub relevance: Level,
    /// Its quotes, with their sources and anchors (also written as L-nodes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
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
    /// For an L- or YA-node Argline wrote for a quote (read back from `citations`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quote: bool,
}

/// A neutral rating (an N cell of a competing-hypotheses matrix), which AIF
/// has no scheme for: kept beside the graph, between its nodes.
#[derive(Debug, Serialize, Deserialize)]
pub struct NeutralLink {
    pub id: String,
    pub from: AifId,
    pub to: AifId,
    #[serde(default)]
    pub strength: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A file: OVA's form (`AIF` + `OVA` + `text`) when written; AIFdb's flat
/// form (`nodes`, `edges`, `locutions` at the top) is read too.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AifFile {
    #[serde(rename = "AIF", skip_serializing_if = "Option::is_none")]
    pub aif: Option<AifGraph>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodes: Option<Vec<AifNode>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges: Option<Vec<AifEdge>>,
    #[serde(default, deserialize_with = "list_or_null", skip_serializing)]
    pub locutions: Vec<Locution>,
    #[serde(default, deserialize_with = "list_or_null", skip_serializing)]
    pub participants: Vec<Participant>,
    #[serde(rename = "OVA", default, deserialize_with = "layout_or_none")]
    pub ova: OvaLayout,
    /// The analysed text (HTML): with a span per quoted passage when Argline writes it.
    #[serde(default)]
    pub text: serde_json::Value,
    /// xAIF: whether the text is a dialogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog: Option<bool>,
    /// The map's title.
    #[serde(rename = "argline_title", default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Per node id.
    #[serde(default)]
    pub argline: BTreeMap<String, NodeExtra>,
    /// The sources the quotes cite.
    #[serde(rename = "argline_sources", default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(rename = "argline_neutral", default, skip_serializing_if = "Vec::is_empty")]
    pub neutral: Vec<NeutralLink>,
}

/// The records of a file's graph, wherever the file keeps them.
pub struct GraphRecords<'a> {
    pub nodes: &'a [AifNode],
    pub edges: &'a [AifEdge],
    pub locutions: &'a [Locution],
    pub participants: &'a [Participant],
}

impl AifFile {
    /// The graph's records, taken out of the file.
    pub fn take_records(&mut self) -> (Vec<AifNode>, Vec<AifEdge>, Vec<Locution>, Vec<Participant>) {
        match self.aif.take() {
            Some(graph) => (graph.nodes, graph.edges, graph.locutions, graph.participants),
            None => (
                self.nodes.take().unwrap_or_default(),
                self.edges.take().unwrap_or_default(),
                std::mem::take(&mut self.locutions),
                std::mem::take(&mut self.participants),
            ),
        }
    }

    /// The graph's records, in whichever form the file has them.
    pub fn graph(&self) -> Option<GraphRecords<'_>> {
        match (&self.aif, &self.nodes, &self.edges) {
            (Some(graph), _, _) => Some(GraphRecords {
                nodes: &graph.nodes,
                edges: &graph.edges,
                locutions: &graph.locutions,
                participants: &graph.participants,
            }),
            (None, Some(nodes), edges) => Some(GraphRecords {
                nodes,
                edges: edges.as_deref().unwrap_or_default(),
                locutions: &self.locutions,
                participants: &self.participants,
            }),
            _ => None,
        }
    }
}
