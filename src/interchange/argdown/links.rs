//! The links of an Argdown document: its relations, counted as the Argdown
//! CLI counts them (one per source, target and kind; a reconstructed
//! argument's relations start at its conclusion, its undercuts aim at its
//! inference; a relation of an item with itself is dropped), and the
//! inferences of its premise–conclusion structures.

use super::parse::{Document, NodeKey, RelationKind, RelationLine, Target};
use super::read::Merged;
use super::text::NodeKind;
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::MapBuilder;
use crate::model::{ClaimId, EventId, LinkFrom, LinkId, LinkTo, Relation, Strength};
use std::collections::{HashMap, HashSet};

/// What a statement or argument became.
#[derive(Clone)]
pub enum Made {
    Claim(ClaimId),
    Event(EventId),
    /// An argument Argline's export wrote for a link: that link, once made.
    Link,
}

fn relation_of(kind: RelationKind) -> Relation {
    match kind {
        RelationKind::Support => Relation::Supports,
        RelationKind::Attack | RelationKind::Contradiction => Relation::Opposes,
        RelationKind::Undercut => Relation::Undercuts,
    }
}

/// Whether `relation` is a statement's support of `argument`.
fn is_premise_of(relation: &RelationLine, argument: &NodeKey) -> bool {
    relation.to == Target::Node(argument.clone())
        && relation.kind == RelationKind::Support
        && matches!(relation.from, NodeKey::Titled(NodeKind::Statement, _) | NodeKey::Untitled(_))
}

/// Arguments written by Argline's export for a link: a `strength` in their
/// data, no PCS, one statement supporting them and one relation out.
pub fn link_arguments<'a>(document: &'a Document, items: &[Merged<'a>]) -> HashSet<&'a NodeKey> {
    let reconstructed: HashSet<&NodeKey> = document.pcs.iter().map(|pcs| &pcs.argument).collect();
    items
        .iter()
        .filter(|item| item.kind == NodeKind::Argument && item.data.contains_key("strength"))
        .filter(|item| !reconstructed.contains(item.key))
        .filter(|item| {
            let premises = document.relations.iter().filter(|r| is_premise_of(r, item.key)).count();
            let out = document.relations.iter().filter(|r| &r.from == item.key).count();
            premises == 1 && out == 1
        })
        .map(|item| item.key)
        .collect()
}

/// The relations after Argdown's model: reconstructed arguments' relations moved, duplicates and self-relations dropped.
fn model_relations(document: &Document) -> Vec<RelationLine> {
    let conclusions: HashMap<&NodeKey, (&NodeKey, usize)> = document
        .pcs
        .iter()
        .filter_map(|pcs| Some((&pcs.argument, (&pcs.statements.last()?.key, pcs.statements.len() - 1))))
        .collect();
    let premises: HashMap<&NodeKey, Vec<&NodeKey>> = document
        .pcs
        .iter()
        .map(|pcs| (&pcs.argument, pcs.statements.iter().filter(|s| s.inference.is_none()).map(|s| &s.key).collect()))
        .collect();
    let mut kept: Vec<RelationLine> = Vec::new();
    let mut seen: HashSet<(NodeKey, Target, RelationKind)> = HashSet::new();
    for relation in &document.relations {
        let mut relation = relation.clone();
        if let Some((conclusion, _)) = conclusions.get(&relation.from) {
            relation.from = (*conclusion).clone();
        }
        if let Target::Node(to) = &relation.to
            && relation.kind == RelationKind::Undercut
            && let Some((_, index)) = conclusions.get(to)
        {
            relation.to = Target::Inference { argument: to.clone(), conclusion: *index };
        }
        let to_itself = relation.to == Target::Node(relation.from.clone());
        let reverse = match &relation.to {
            Target::Node(to) if relation.kind == RelationKind::Contradiction => {
                seen.contains(&(to.clone(), Target::Node(relation.from.clone()), relation.kind))
            }
            _ => false,
        };
        if !to_itself && !reverse && seen.insert((relation.from.clone(), relation.to.clone(), relation.kind)) {
            kept.push(relation);
        }
    }
    // An attack on a reconstructed argument by a statement that already attacks one of its premises.
    let redundant = |relation: &RelationLine| {
        let Target::Node(argument) = &relation.to else { return false };
        relation.kind == RelationKind::Attack
            && premises.get(argument).is_some_and(|premises| {
                kept.iter().any(|other| {
                    let other_end = |end: &NodeKey| premises.contains(&end);
                    (other.from == relation.from
                        && matches!(&other.to, Target::Node(to) if other_end(to))
                        && matches!(other.kind, RelationKind::Attack | RelationKind::Contradiction))
                        || (other.kind == RelationKind::Contradiction
                            && other.to == Target::Node(relation.from.clone())
                            && other_end(&other.from))
                })
            })
    };
    let flags: Vec<bool> = kept.iter().map(redundant).collect();
    kept.into_iter().zip(flags).filter(|(_, redundant)| !redundant).map(|(relation, _)| relation).collect()
}

/// A link to make.
struct Wanted {
    id: String,
    from: NodeKey,
    to: Target,
    relation: Relation,
    strength: Strength,
    note: String,
    /// The inference this link stands for, for undercuts to aim at.
    stands_for: Option<Target>,
    position: TextPosition,
}

/// The words an id is made from: the title, or an untitled statement's text.
fn slug_key(key: &NodeKey, texts: &HashMap<&NodeKey, &str>) -> String {
    match key {
        NodeKey::Titled(_, title) => title.clone(),
        NodeKey::Untitled(_) => texts.get(key).map_or(String::new(), |text| (*text).to_owned()),
    }
}

/// The links of the PCS inferences: each premise used to the conclusion,
/// and the argument to its main conclusion.
fn inference_links(document: &Document, items: &HashMap<&NodeKey, &str>) -> Vec<Wanted> {
    let mut wanted = Vec::new();
    for pcs in &document.pcs {
        let mut since = 0;
        let last = pcs.statements.len().saturating_sub(1);
        for (index, statement) in pcs.statements.iter().enumerate() {
            let Some(inference) = &statement.inference else { continue };
            let uses: Vec<usize> = match inference.data.get("uses") {
                Some(super::yaml::Value::List(numbers)) => numbers
                    .iter()
                    .filter_map(super::yaml::Value::number)
                    .map(|n| n as usize)
                    .filter(|&n| n >= 1 && n <= index)
                    .map(|n| n - 1)
                    .collect(),
                _ => (since..index).collect(),
            };
            since = index;
            for (order, premise) in uses.into_iter().enumerate() {
                let from = pcs.statements[premise].key.clone();
                wanted.push(Wanted {
                    id: format!("{}-{}", slug_key(&from, items), slug_key(&statement.key, items)),
                    from,
                    to: Target::Node(statement.key.clone()),
                    relation: Relation::Supports,
                    strength: Strength::default(),
                    note: inference.rules.join(", "),
                    stands_for: (order == 0 && index != last)
                        .then(|| Target::Inference { argument: pcs.argument.clone(), conclusion: index }),
                    position: pcs.position,
                });
            }
        }
        if let Some(conclusion) = pcs.statements.last().filter(|s| s.inference.is_some()) {
            wanted.push(Wanted {
                id: format!("{}-{}", slug_key(&pcs.argument, items), slug_key(&conclusion.key, items)),
                from: pcs.argument.clone(),
                to: Target::Node(conclusion.key.clone()),
                relation: Relation::Supports,
                strength: Strength::default(),
                note: String::new(),
                stands_for: Some(Target::Inference { argument: pcs.argument.clone(), conclusion: last }),
                position: pcs.position,
            });
        }
    }
    wanted
}

/// Adds the inferences' links, then a link per relation, each once what it aims at exists.
pub fn add(
    builder: &mut MapBuilder,
    document: &Document,
    items: &[Merged<'_>],
    made: &HashMap<NodeKey, Made>,
    link_arguments: &HashSet<&NodeKey>,
    notices: &mut Vec<Diagnostic>,
) {
    let strength_of = |key: &NodeKey| {
        let named = items.iter().find(|item| item.key == key)?.data.get("strength")?.text();
        Strength::ALL.into_iter().find(|s| s.label() == named)
    };
    let texts: HashMap<&NodeKey, &str> = items.iter().map(|item| (item.key, item.text.as_str())).collect();
    let items = &texts;
    let mut pending = inference_links(document, items);
    for relation in model_relations(document) {
        // An argument that stands for a link: its premise's relation makes nothing, its conclusion's the link.
        if let Target::Node(to) = &relation.to
            && link_arguments.contains(to)
            && is_premise_of(&relation, to)
        {
            continue;
        }
        let (from, stands_for, id) = if link_arguments.contains(&relation.from) {
            let premise = document.relations.iter().find(|r| is_premise_of(r, &relation.from));
            let Some(premise) = premise else { continue };
            (premise.from.clone(), Some(Target::Node(relation.from.clone())), slug_key(&relation.from, items))
        } else {
            let to = match &relation.to {
                Target::Node(to) => slug_key(to, items),
                Target::Inference { argument, .. } => slug_key(argument, items),
            };
            (relation.from.clone(), None, format!("{}-{to}", slug_key(&relation.from, items)))
        };
        let strength = stands_for.as_ref().and_then(|_| strength_of(&relation.from)).unwrap_or_default();
        let note = if relation.kind == RelationKind::Contradiction { "contradicts".to_owned() } else { String::new() };
        pending.push(Wanted {
            id,
            from,
            to: relation.to.clone(),
            relation: relation_of(relation.kind),
            strength,
            note,
            stands_for,
            position: relation.position,
        });
    }
    let mut link_ids: HashMap<Target, LinkId> = HashMap::new();
    loop {
        let before = pending.len();
        let mut waiting = Vec::new();
        for link in pending {
            let from = match made.get(&link.from) {
                Some(Made::Claim(id)) => LinkFrom::Claim(id.clone()),
                Some(Made::Event(id)) => LinkFrom::Event(id.clone()),
                Some(Made::Link) | None => {
                    let message = "skipped: a relation from an inference that Argline keeps as a link".to_owned();
                    notices.push(Diagnostic { position: link.position, message });
                    continue;
                }
            };
            let to = match (
                &link.to,
                made.get(match &link.to {
                    Target::Node(key) => key,
                    Target::Inference { argument, .. } => argument,
                }),
            ) {
                (Target::Node(_), Some(Made::Claim(id))) => LinkTo::Claim(id.clone()),
                (Target::Node(_), Some(Made::Link)) | (Target::Inference { .. }, _) => match link_ids.get(&link.to) {
                    Some(id) => LinkTo::Link(id.clone()),
                    None => {
                        waiting.push(link);
                        continue;
                    }
                },
                (Target::Node(_), Some(Made::Event(_)) | None) => {
                    let message = "skipped: a relation to an event (links end at claims)".to_owned();
                    notices.push(Diagnostic { position: link.position, message });
                    continue;
                }
            };
            let ends = (from.clone(), to.clone());
            match builder.add_link(&link.id, from, to, link.relation, link.strength) {
                Ok(added) => {
                    added.note = link.note.clone();
                    if let Some(target) = link.stands_for {
                        link_ids.insert(target, added.id.clone());
                    }
                }
                Err(reason) => {
                    // A link that repeats another stands for what that one does.
                    let twin = builder.map().links.iter().find(|l| (&l.from, &l.to) == (&ends.0, &ends.1));
                    if let (Some(target), Some(twin)) = (link.stands_for, twin) {
                        link_ids.insert(target, twin.id.clone());
                    }
                    notices.push(Diagnostic { position: link.position, message: format!("skipped: {reason}") });
                }
            }
        }
        if waiting.is_empty() {
            return;
        }
        if waiting.len() == before {
            for link in waiting {
                let message = "skipped: this relation aims at an inference that did not become a link".to_owned();
                notices.push(Diagnostic { position: link.position, message });
            }
            return;
        }
        pending = waiting;
    }
}
