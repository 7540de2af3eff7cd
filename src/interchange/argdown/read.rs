//! Claims, events and links from Argdown (see `parse` for the language read).
//! Every statement (an equivalence class: all occurrences of one title) and
//! every argument becomes a claim — or an event, when its data has a `date`
//! (as `super::write` writes them); kinds and positions come from the
//! data. Relations become links as the Argdown CLI counts them: one per
//! source, target and kind, a reconstructed argument's relations starting at
//! its conclusion. A premise–conclusion structure is kept on its argument's
//! claim, and its inferences are links: each premise used supports the
//! conclusion, and the argument supports its main conclusion (what undercuts
//! of the argument aim at). An argument that Argline's export wrote for a
//! link (one premise in, one relation out, a `strength` in its data) is that
//! link again.

use super::links::{self, Made};
use super::parse::{self, Document, Node, NodeKey};
use super::text::NodeKind;
use super::yaml::Value;
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::{MapBuilder, off_canvas_notice, on_canvas};
use crate::import::{ImportError, Imported};
use crate::model::{
    Argument, ClaimId, ClaimKind, Date, Event, EventId, Inference, LinkFrom, LinkTo, PcsStatement, Position, Relation,
    Strength,
};
use std::collections::{BTreeMap, HashMap};

/// The data keys Argline reads as one value each; others (but `neutral`) are listed as skipped.
const KNOWN_DATA: [&str; 11] =
    ["kind", "x", "y", "detail", "date", "end", "lane", "color", "strength", "answers", "composite"];

/// The data key of the items a statement is weighed as neutral to (a list of
/// titles): Argdown has no neutral relation, so Argline's export writes them so.
const NEUTRAL_DATA: &str = "neutral";

/// All occurrences of one statement or argument, merged.
pub(super) struct Merged<'a> {
    pub key: &'a NodeKey,
    pub kind: NodeKind,
    pub text: String,
    /// Texts of later definitions that differ from the first.
    pub more: Vec<String>,
    pub tags: Vec<String>,
    pub data: BTreeMap<String, Value>,
    pub position: TextPosition,
}

fn merged(nodes: &[Node]) -> Vec<Merged<'_>> {
    let mut order: Vec<Merged<'_>> = Vec::new();
    let mut index: HashMap<&NodeKey, usize> = HashMap::new();
    for node in nodes {
        let at = *index.entry(&node.key).or_insert_with(|| {
            order.push(Merged {
                key: &node.key,
                kind: node.kind,
                text: String::new(),
                more: Vec::new(),
                tags: Vec::new(),
                data: BTreeMap::new(),
                position: node.position,
            });
            order.len() - 1
        });
        let entry = &mut order[at];
        if !node.text.is_empty() {
            if entry.text.is_empty() {
                entry.text = node.text.clone();
                entry.position = node.position;
            } else if entry.text != node.text && !entry.more.contains(&node.text) {
                entry.more.push(node.text.clone());
            }
        }
        for tag in &node.tags {
            if !entry.tags.contains(tag) {
                entry.tags.push(tag.clone());
            }
        }
        for (key, value) in &node.data {
            entry.data.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
    order
}

fn title_of(key: &NodeKey) -> Option<&str> {
    match key {
        NodeKey::Titled(_, title) => Some(title),
        NodeKey::Untitled(_) => None,
    }
}

fn kind_of(item: &Merged<'_>) -> ClaimKind {
    let named = item.data.get("kind").map(Value::text);
    let named = named.as_deref().or_else(|| {
        ["explanation", "objection", "question"].into_iter().find(|kind| item.tags.iter().any(|tag| tag == kind))
    });
    named.and_then(ClaimKind::named).unwrap_or(ClaimKind::Claim)
}

/// The item's position from its data; one off the canvas is reported and left to the layout.
fn position_of(item: &Merged<'_>, notices: &mut Vec<Diagnostic>) -> Option<Position> {
    let number = |key: &str| item.data.get(key).and_then(Value::number).map(|n| n as f32);
    let position = Position::new(number("x")?, number("y")?);
    if on_canvas(position) {
        Some(position)
    } else {
        notices.push(Diagnostic { position: item.position, message: off_canvas_notice(position) });
        None
    }
}

fn detail_of(item: &Merged<'_>) -> String {
    let mut parts: Vec<String> = item.data.get("detail").map(Value::text).into_iter().collect();
    parts.extend(item.more.iter().cloned());
    parts.join("\n\n")
}

/// The item as an event, when its data dates it; a date that does not read is a notice.
fn event_of(builder: &mut MapBuilder, item: &Merged<'_>, notices: &mut Vec<Diagnostic>) -> Option<EventId> {
    let date = |key: &str| item.data.get(key).map(|value| Date::parse(&value.text()));
    let (start, end) = match (date("date")?, date("end").transpose()) {
        (Ok(start), Ok(end)) => (start, end),
        (Err(error), _) | (_, Err(error)) => {
            notices.push(Diagnostic { position: item.position, message: format!("skipped: {error}; kept as a claim") });
            return None;
        }
    };
    let valid = start.exists() && end.is_none_or(|end| end.exists() && end.last_day() >= start.first_day());
    if !valid {
        let message = "skipped: the dates of this event are not on the calendar, or it ends before it starts; \
                       kept as a claim";
        notices.push(Diagnostic { position: item.position, message: message.to_owned() });
        return None;
    }
    let lane = builder.lane(&item.data.get("lane").map(Value::text).unwrap_or_default());
    if let Some(color) = item.data.get("color").and_then(|c| crate::model::Rgb::parse(&c.text())) {
        builder.set_lane_color(&lane, color);
    }
    let wanted = title_of(item.key).unwrap_or(&item.text).to_owned();
    let title = if item.text.is_empty() { wanted.clone() } else { item.text.clone() };
    Some(builder.add_event(Event {
        end,
        detail: detail_of(item),
        position: position_of(item, notices),
        tags: item.tags.clone(),
        ..Event::new(EventId::new(wanted.as_str()), start, title, lane)
    }))
}

/// What Argline keeps of the front matter (title, summary, authors, licence); the rest is listed.
fn read_front(document: &Document, builder: &mut MapBuilder, notices: &mut Vec<Diagnostic>) {
    for entry in &document.front {
        let position = TextPosition { line: document.front_line + entry.line - 1, col: 1 };
        let meta = builder.meta_mut();
        match entry.key.as_str() {
            "title" => meta.title = entry.value.text(),
            "summary" | "subtitle" | "abstract" | "description" => meta.summary = entry.value.text(),
            "author" | "authors" => {
                meta.authors = match &entry.value {
                    Value::List(items) => items.iter().map(Value::text).collect(),
                    other => vec![other.text()],
                }
            }
            "license" | "licence" => meta.license = entry.value.text(),
            other => notices.push(Diagnostic {
                position,
                message: format!("skipped: front matter \"{other}\" (a map has no place for it)"),
            }),
        }
    }
    if builder.map().meta.title.trim().is_empty() {
        builder.meta_mut().title = "Imported map".to_owned();
    }
}

/// The claim text of an argument with no description: what it concludes.
fn untitled_argument_text(document: &Document, key: &NodeKey, texts: &HashMap<&NodeKey, String>) -> String {
    let conclusion = document.pcs.iter().find(|pcs| &pcs.argument == key).and_then(|pcs| pcs.statements.last());
    match conclusion.and_then(|line| texts.get(&line.key)) {
        Some(text) => format!("Argument for: {text}"),
        None => "Argument".to_owned(),
    }
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let document = parse::parse(text).map_err(|problems| ImportError::Problems { problems })?;
    let mut notices = document.notices.clone();
    let mut builder = MapBuilder::new("");
    read_front(&document, &mut builder, &mut notices);
    let items = merged(&document.nodes);
    let link_arguments = links::link_arguments(&document, &items);
    let texts: HashMap<&NodeKey, String> = items.iter().map(|item| (item.key, item.text.clone())).collect();
    let mut made: HashMap<NodeKey, Made> = HashMap::new();
    for item in &items {
        for key in item.data.keys().filter(|key| !KNOWN_DATA.contains(&key.as_str()) && *key != NEUTRAL_DATA) {
            let message = format!("skipped: the data \"{key}\" (a map has no place for it)");
            notices.push(Diagnostic { position: item.position, message });
        }
        for key in KNOWN_DATA.iter().filter(|key| item.data.get(**key).is_some_and(|value| !value.is_scalar())) {
            let message = format!("skipped: the data \"{key}\" is not one value, so Argline does not read it");
            notices.push(Diagnostic { position: item.position, message });
        }
        if link_arguments.contains(item.key) {
            made.insert(item.key.clone(), Made::Link);
            continue;
        }
        if item.kind == NodeKind::Statement
            && item.data.contains_key("date")
            && let Some(id) = event_of(&mut builder, item, &mut notices)
        {
            made.insert(item.key.clone(), Made::Event(id));
            continue;
        }
        let wanted = title_of(item.key).unwrap_or(&item.text).to_owned();
        let text = if item.text.is_empty() { wanted.clone() } else { item.text.clone() };
        let position = position_of(item, &mut notices);
        let claim = builder.add_claim(&wanted, kind_of(item), &text, position);
        claim.tags = item.tags.clone();
        claim.detail = detail_of(item);
        if item.kind == NodeKind::Argument {
            claim.argument = Some(Argument::default());
        }
        made.insert(item.key.clone(), Made::Claim(claim.id.clone()));
    }
    // Arguments that only a PCS names (no `<Title>`), each a claim of its own.
    for pcs in &document.pcs {
        if !made.contains_key(&pcs.argument) {
            let text = untitled_argument_text(&document, &pcs.argument, &texts);
            let claim = builder.add_claim("argument", ClaimKind::Claim, &text, None);
            claim.argument = Some(Argument::default());
            made.insert(pcs.argument.clone(), Made::Claim(claim.id.clone()));
        }
    }
    attach_structures(&mut builder, &document, &made, &mut notices);
    questions(&mut builder, &items, &made, &mut notices);
    links::add(&mut builder, &document, &items, &made, &link_arguments, &mut notices);
    neutral(&mut builder, &items, &made, &mut notices);
    Ok(Imported { map: builder.finish()?, notices })
}

/// The claim of the statement or argument titled `title`.
fn claim_titled(made: &HashMap<NodeKey, Made>, title: &str) -> Option<ClaimId> {
    [NodeKind::Statement, NodeKind::Argument].into_iter().find_map(|kind| {
        match made.get(&NodeKey::Titled(kind, title.to_owned())) {
            Some(Made::Claim(id)) => Some(id.clone()),
            _ => None,
        }
    })
}

/// The question each explanation answers (`answers: title`) and the composites (`composite: true`).
fn questions(
    builder: &mut MapBuilder,
    items: &[Merged<'_>],
    made: &HashMap<NodeKey, Made>,
    notices: &mut Vec<Diagnostic>,
) {
    for item in items {
        let Some(Made::Claim(id)) = made.get(item.key) else { continue };
        let answered = item.data.get("answers").map(|question| {
            let question = question.text();
            let target = claim_titled(made, &question).unwrap_or_else(|| ClaimId::new(question));
            builder.answer(id, &target)
        });
        let composite = item.data.get("composite").map(Value::text).is_some_and(|value| value == "true");
        let marked = composite.then(|| builder.mark_composite(id));
        for reason in [answered, marked].into_iter().flatten().filter_map(Result::err) {
            notices.push(Diagnostic { position: item.position, message: format!("skipped: {reason}") });
        }
    }
}

/// The neutral ratings (`neutral: [title, …]`) of each statement.
fn neutral(
    builder: &mut MapBuilder,
    items: &[Merged<'_>],
    made: &HashMap<NodeKey, Made>,
    notices: &mut Vec<Diagnostic>,
) {
    for item in items {
        let from = match made.get(item.key) {
            Some(Made::Claim(id)) => LinkFrom::Claim(id.clone()),
            Some(Made::Event(id)) => LinkFrom::Event(id.clone()),
            _ => continue,
        };
        let targets = match item.data.get(NEUTRAL_DATA) {
            Some(Value::List(targets)) => targets.iter().map(Value::text).collect(),
            Some(target) => vec![target.text()],
            None => Vec::new(),
        };
        for target in targets {
            let reason = match claim_titled(made, &target) {
                Some(to) => {
                    let slug = match &from {
                        LinkFrom::Claim(id) => id.as_str(),
                        LinkFrom::Event(id) => id.as_str(),
                    };
                    let wanted = format!("{slug}-neutral");
                    builder
                        .add_link(&wanted, from.clone(), LinkTo::Claim(to), Relation::Neutral, Strength::default())
                        .err()
                }
                None => Some(format!("a neutral rating of \"{target}\", which the map does not have")),
            };
            if let Some(reason) = reason {
                notices.push(Diagnostic { position: item.position, message: format!("skipped: {reason}") });
            }
        }
    }
}

/// Each PCS on its argument's claim (a second one for the same argument is listed).
fn attach_structures(
    builder: &mut MapBuilder,
    document: &Document,
    made: &HashMap<NodeKey, Made>,
    notices: &mut Vec<Diagnostic>,
) {
    for pcs in &document.pcs {
        let claim_of = |key: &NodeKey| match made.get(key) {
            Some(Made::Claim(id)) => Some(id.clone()),
            _ => None,
        };
        let statements: Vec<PcsStatement> = pcs
            .statements
            .iter()
            .filter_map(|line| {
                let claim = claim_of(&line.key)?;
                let inference = line.inference.as_ref().map(|inference| Inference {
                    rules: inference.rules.clone(),
                    uses: match inference.data.get("uses") {
                        Some(Value::List(numbers)) => {
                            numbers.iter().filter_map(Value::number).map(|n| n.max(0.0) as usize).collect()
                        }
                        _ => Vec::new(),
                    },
                });
                Some(PcsStatement { claim, inference })
            })
            .collect();
        if statements.len() < pcs.statements.len() {
            let message = "skipped: statements of this premise–conclusion structure that are events".to_owned();
            notices.push(Diagnostic { position: pcs.position, message });
        }
        let Some(Made::Claim(id)) = made.get(&pcs.argument) else { continue };
        let Some(claim) = builder.claim_mut(id) else { continue };
        match &mut claim.argument {
            Some(argument) if argument.pcs.is_empty() => argument.pcs = statements,
            _ => {
                let message = format!("skipped: a second premise–conclusion structure for argument \"{id}\"");
                notices.push(Diagnostic { position: pcs.position, message });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimId;

    fn imported(text: &str) -> Imported {
        import(text).unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn a_pcs_under_an_argument_title_is_its_reconstruction_and_its_inferences_are_links() {
        let map = imported(
            "<Safety>: Nuclear power is safe.\n\n(1) [Record]: Few accidents\nhappened.\n(2) Modern reactors\n   are safer. #tech\n-- Modus ponens {uses: [1, 2]} --\n(3) [Safe]: Nuclear power is safe\n  -> [Risky]: It is risky\n",
        )
        .map;
        assert_eq!(map.claims.len(), 5, "{:#?}", map.claims);
        let argument = map.claims.iter().find(|c| c.argument.is_some()).expect("the argument");
        let pcs = &argument.argument.as_ref().expect("argument").pcs;
        assert_eq!(pcs.len(), 3);
        assert_eq!(
            pcs[2].inference.as_ref().map(|i| (i.rules.clone(), i.uses.clone())),
            Some((vec!["Modus ponens".to_owned()], vec![1, 2]))
        );
        assert_eq!(map.claim(&ClaimId::new("record")).map(|c| c.text.as_str()), Some("Few accidents happened."));
        // Two premises → conclusion, the argument → conclusion, and the attack.
        assert_eq!(map.links.len(), 4, "{:#?}", map.links);
    }
}
