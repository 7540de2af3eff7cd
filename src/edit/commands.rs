//! Builders of the transactions the app offers: each looks up what it needs
//! in the current map and returns the operations, named for the Edit menu
//! ("Delete claim", "Move 3 claims"). Deleting an item also removes the links
//! that touch it and its mentions in the story, so the map stays valid.

use super::{EditError, Item, ItemKind, Op, Transaction};
use crate::model::{
    Claim, ClaimId, ClaimKind, Event, ItemRef, Link, LinkFrom, LinkId, LinkTo, Map, Meta, Position, Relation,
    StoryStep, Strength, is_valid_slug,
};
use std::collections::HashSet;

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 { one.to_owned() } else { format!("{count} {many}") }
}

fn missing(what: &str, id: &str) -> EditError {
    EditError::Refused(format!("there is no {what} \"{id}\" in the map"))
}

/// Whether `id` is already used by any item of `map`.
pub fn id_in_use(map: &Map, id: &str) -> bool {
    map.sources.iter().any(|x| x.id.as_str() == id)
        || map.lanes.iter().any(|x| x.id.as_str() == id)
        || map.events.iter().any(|x| x.id.as_str() == id)
        || map.claims.iter().any(|x| x.id.as_str() == id)
        || map.links.iter().any(|x| x.id.as_str() == id)
}

/// An id made from `text`: its first words, lowercase, joined by '-'.
pub fn slug_of(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(5)
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() { "item".to_owned() } else { words.join("-") }
}

/// A new id made from `text` (see [`slug_of`]), unused in `map`.
pub fn fresh_id(map: &Map, text: &str) -> String {
    unused_id(map, slug_of(text))
}

/// `base` if no item of `map` uses it, else `base-2`, `base-3`…
fn unused_id(map: &Map, base: String) -> String {
    debug_assert!(is_valid_slug(&base));
    if !id_in_use(map, &base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !id_in_use(map, id)).unwrap_or(base)
}

pub fn add_claim(map: &Map, claim: Claim) -> Transaction {
    let label = format!("Add {}", claim.kind.label().to_lowercase());
    Transaction::new(label, vec![Op::Insert { index: map.claims.len(), item: Item::Claim(claim) }])
}

pub fn add_event(map: &Map, event: Event) -> Transaction {
    Transaction::new("Add event", vec![Op::Insert { index: map.events.len(), item: Item::Event(event) }])
}

/// Adds a link, refusing one that would join the same two items as another,
/// or an item to itself.
pub fn add_link(map: &Map, link: Link) -> Result<Transaction, EditError> {
    if link.source_item() == link.target_item() {
        return Err(EditError::Refused("an item cannot bear on itself".to_owned()));
    }
    if map.links.iter().any(|other| other.from == link.from && other.to == link.to) {
        return Err(EditError::Refused("these two items are already linked".to_owned()));
    }
    let label = format!("Add {} link", link.relation.name());
    Ok(Transaction::new(label, vec![Op::Insert { index: map.links.len(), item: Item::Link(link) }]))
}

/// The ends of a link drawn by dragging from `from` onto `onto`. Evidence
/// runs from an event to a claim whichever way it was drawn; a drop on a link
/// bears on that link.
pub fn drawn_link_ends(from: &ItemRef, onto: &ItemRef) -> Result<(LinkFrom, LinkTo), EditError> {
    let refused = |why: &str| Err(EditError::Refused(why.to_owned()));
    match (from, onto) {
        (a, b) if a == b => refused("an item cannot bear on itself"),
        (ItemRef::Claim(a), ItemRef::Claim(b)) => Ok((LinkFrom::Claim(a.clone()), LinkTo::Claim(b.clone()))),
        (ItemRef::Claim(a), ItemRef::Event(e)) | (ItemRef::Event(e), ItemRef::Claim(a)) => {
            Ok((LinkFrom::Event(e.clone()), LinkTo::Claim(a.clone())))
        }
        (ItemRef::Claim(a), ItemRef::Link(l)) => Ok((LinkFrom::Claim(a.clone()), LinkTo::Link(l.clone()))),
        (ItemRef::Event(e), ItemRef::Link(l)) => Ok((LinkFrom::Event(e.clone()), LinkTo::Link(l.clone()))),
        (ItemRef::Event(_), ItemRef::Event(_)) => {
            refused("an event can bear on a claim or a link, not on another event")
        }
        (ItemRef::Link(_), _) => refused("a link cannot start at another link"),
    }
}

/// A new link `from` → `to` with `relation` and `strength`, its id made from
/// its ends ("sunnylands-supports-china-blinked").
pub fn new_link(
    map: &Map,
    from: LinkFrom,
    to: LinkTo,
    relation: Relation,
    strength: Strength,
) -> Result<(Transaction, LinkId), EditError> {
    let start = match &from {
        LinkFrom::Event(id) => id.as_str(),
        LinkFrom::Claim(id) => id.as_str(),
    };
    let end = match &to {
        LinkTo::Claim(id) => id.as_str(),
        LinkTo::Link(id) => id.as_str(),
    };
    let id = LinkId::new(unused_id(map, format!("{start}-{}-{end}", relation.name())));
    let link = Link { id: id.clone(), from, to, relation, strength, note: String::new(), citations: vec![] };
    Ok((add_link(map, link)?, id))
}

/// Replaces a claim. A claim that stops being an explanation answers no
/// question and is not composite; a question that stops being one is no
/// longer answered by the explanations that answered it.
pub fn update_claim(map: &Map, mut claim: Claim, label: &str) -> Result<Transaction, EditError> {
    let index = map.claims.iter().position(|c| c.id == claim.id).ok_or_else(|| missing("claim", claim.id.as_str()))?;
    if claim.kind != ClaimKind::Explanation {
        (claim.answers, claim.composite) = (None, false);
    }
    let no_longer_a_question = claim.kind != ClaimKind::Question;
    let mut ops = unanswer(map, |question| no_longer_a_question && *question == claim.id);
    ops.push(Op::Replace { index, item: Item::Claim(claim) });
    Ok(Transaction::new(label, ops))
}

/// The operations that leave the explanations answering a question for
/// which `gone` holds answering none.
fn unanswer(map: &Map, gone: impl Fn(&ClaimId) -> bool) -> Vec<Op> {
    map.claims
        .iter()
        .enumerate()
        .filter(|(_, claim)| claim.answers.as_ref().is_some_and(&gone))
        .map(|(index, claim)| Op::Replace { index, item: Item::Claim(Claim { answers: None, ..claim.clone() }) })
        .collect()
}

pub fn update_event(map: &Map, event: Event, label: &str) -> Result<Transaction, EditError> {
    let index = map.events.iter().position(|e| e.id == event.id).ok_or_else(|| missing("event", event.id.as_str()))?;
    Ok(Transaction::new(label, vec![Op::Replace { index, item: Item::Event(event) }]))
}

pub fn update_link(map: &Map, link: Link, label: &str) -> Result<Transaction, EditError> {
    let index = map.links.iter().position(|l| l.id == link.id).ok_or_else(|| missing("link", link.id.as_str()))?;
    Ok(Transaction::new(label, vec![Op::Replace { index, item: Item::Link(link) }]))
}

pub fn update_meta(meta: Meta) -> Transaction {
    Transaction::new("Edit map details", vec![Op::SetMeta(meta)])
}

/// Moves claims to new positions, as one step ("Move 3 claims").
pub fn move_claims(map: &Map, moves: &[(crate::model::ClaimId, Position)]) -> Transaction {
    let ops = claim_moves(map, moves);
    Transaction::new(format!("Move {}", plural(ops.len(), "claim", "claims")), ops)
}

/// The operations that put claims at new positions (those already there are left out).
fn claim_moves(map: &Map, moves: &[(crate::model::ClaimId, Position)]) -> Vec<Op> {
    let index: std::collections::HashMap<&crate::model::ClaimId, usize> =
        map.claims.iter().enumerate().map(|(i, claim)| (&claim.id, i)).collect();
    moves
        .iter()
        .filter_map(|(id, position)| {
            let index = *index.get(id)?;
            let claim = &map.claims[index];
            (claim.position != *position)
                .then(|| Op::Replace { index, item: Item::Claim(Claim { position: *position, ..claim.clone() }) })
        })
        .collect()
}

/// Moves claims and event chips on the map as one step named `label` ("Tidy up").
pub fn move_items(
    map: &Map,
    claims: &[(crate::model::ClaimId, Position)],
    events: &[(crate::model::EventId, Position)],
    label: &str,
) -> Transaction {
    let mut ops = claim_moves(map, claims);
    let index: std::collections::HashMap<&crate::model::EventId, usize> =
        map.events.iter().enumerate().map(|(i, event)| (&event.id, i)).collect();
    ops.extend(events.iter().filter_map(|(id, position)| {
        let index = *index.get(id)?;
        let event = &map.events[index];
        (event.position != Some(*position))
            .then(|| Op::Replace { index, item: Item::Event(Event { position: Some(*position), ..event.clone() }) })
    }));
    Transaction::new(label, ops)
}

/// Deletes `items`, the links that touch them (and links on those links),
/// and their mentions in story steps; explanations that answered a deleted
/// question answer none.
pub fn delete(map: &Map, items: &[ItemRef]) -> Transaction {
    removal(map, items, "Delete")
}

/// What [`delete`] does, as the undo step `verb` names ("Cut 3 items").
pub fn removal(map: &Map, items: &[ItemRef], verb: &str) -> Transaction {
    let mut doomed: HashSet<ItemRef> = items.iter().cloned().collect();
    // Links touching a doomed item are doomed too, until nothing more is added.
    loop {
        let before = doomed.len();
        for link in &map.links {
            let link_ref = ItemRef::Link(link.id.clone());
            if !doomed.contains(&link_ref)
                && (doomed.contains(&link.source_item()) || doomed.contains(&link.target_item()))
            {
                doomed.insert(link_ref);
            }
        }
        if doomed.len() == before {
            break;
        }
    }
    let mut ops = Vec::new();
    for (index, step) in map.story.iter().enumerate() {
        let keep = |item: &ItemRef| !doomed.contains(item);
        if step.shows.iter().all(keep) && step.highlights.iter().all(keep) {
            continue;
        }
        let mut step = step.clone();
        step.shows.retain(keep);
        step.highlights.retain(keep);
        ops.push(Op::Replace { index, item: Item::StoryStep(step) });
    }
    ops.extend(unanswer(map, |question| doomed.contains(&ItemRef::Claim(question.clone()))));
    let removals = |kind: ItemKind, refs: Vec<ItemRef>| -> Vec<Op> {
        let mut indices: Vec<usize> =
            refs.iter().enumerate().filter(|(_, item)| doomed.contains(item)).map(|(index, _)| index).collect();
        indices.reverse();
        indices.into_iter().map(|index| Op::Remove { kind, index }).collect()
    };
    ops.extend(removals(ItemKind::Link, map.links.iter().map(|l| ItemRef::Link(l.id.clone())).collect()));
    ops.extend(removals(ItemKind::Claim, map.claims.iter().map(|c| ItemRef::Claim(c.id.clone())).collect()));
    ops.extend(removals(ItemKind::Event, map.events.iter().map(|e| ItemRef::Event(e.id.clone())).collect()));
    let named = items.len();
    let label = match items {
        [ItemRef::Claim(_)] => format!("{verb} claim"),
        [ItemRef::Event(_)] => format!("{verb} event"),
        [ItemRef::Link(_)] => format!("{verb} link"),
        _ => format!("{verb} {}", plural(named, "item", "items")),
    };
    Transaction::new(label, ops)
}

pub fn add_story_step(map: &Map, step: StoryStep) -> Transaction {
    Transaction::new("Add story step", vec![Op::Insert { index: map.story.len(), item: Item::StoryStep(step) }])
}

pub fn update_story_step(map: &Map, index: usize, step: StoryStep) -> Result<Transaction, EditError> {
    if index >= map.story.len() {
        return Err(EditError::OutOfRange { kind: ItemKind::StoryStep, index, len: map.story.len() });
    }
    Ok(Transaction::new("Edit story step", vec![Op::Replace { index, item: Item::StoryStep(step) }]))
}

/// Puts a copy of the step at `index` right after it.
pub fn duplicate_story_step(map: &Map, index: usize) -> Result<Transaction, EditError> {
    let step = map.story.get(index).cloned().ok_or(EditError::OutOfRange {
        kind: ItemKind::StoryStep,
        index,
        len: map.story.len(),
    })?;
    let copy = StoryStep { title: format!("{} (copy)", step.title), ..step };
    Ok(Transaction::new("Duplicate story step", vec![Op::Insert { index: index + 1, item: Item::StoryStep(copy) }]))
}

pub fn remove_story_step(map: &Map, index: usize) -> Result<Transaction, EditError> {
    if index >= map.story.len() {
        return Err(EditError::OutOfRange { kind: ItemKind::StoryStep, index, len: map.story.len() });
    }
    Ok(Transaction::new("Delete story step", vec![Op::Remove { kind: ItemKind::StoryStep, index }]))
}

/// Moves the story step at `from` so that it ends up at `to`.
pub fn move_story_step(map: &Map, from: usize, to: usize) -> Result<Transaction, EditError> {
    let len = map.story.len();
    let step =
        map.story.get(from).cloned().ok_or(EditError::OutOfRange { kind: ItemKind::StoryStep, index: from, len })?;
    if to >= len {
        return Err(EditError::OutOfRange { kind: ItemKind::StoryStep, index: to, len });
    }
    let ops = vec![
        Op::Remove { kind: ItemKind::StoryStep, index: from },
        Op::Insert { index: to, item: Item::StoryStep(step) },
    ];
    Ok(Transaction::new("Reorder story", ops))
}

/// Turns `current` into `wanted` as one step (restoring recovered work):
/// every list is emptied and refilled, and the details replaced.
pub fn replace_all(current: &Map, wanted: &Map, label: &str) -> Transaction {
    let mut ops = vec![Op::SetMeta(wanted.meta.clone()), Op::SetConflicts(wanted.conflicts.clone())];
    let counts = [
        (ItemKind::StoryStep, current.story.len()),
        (ItemKind::Link, current.links.len()),
        (ItemKind::Claim, current.claims.len()),
        (ItemKind::Event, current.events.len()),
        (ItemKind::Lane, current.lanes.len()),
        (ItemKind::Source, current.sources.len()),
    ];
    for (kind, count) in counts {
        ops.extend((0..count).rev().map(|index| Op::Remove { kind, index }));
    }
    let items = wanted
        .sources
        .iter()
        .cloned()
        .map(Item::Source)
        .enumerate()
        .chain(wanted.lanes.iter().cloned().map(Item::Lane).enumerate())
        .chain(wanted.events.iter().cloned().map(Item::Event).enumerate())
        .chain(wanted.claims.iter().cloned().map(Item::Claim).enumerate())
        .chain(wanted.links.iter().cloned().map(Item::Link).enumerate())
        .chain(wanted.story.iter().cloned().map(Item::StoryStep).enumerate());
    ops.extend(items.map(|(index, item)| Op::Insert { index, item }));
    Transaction::new(label, ops)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::validate::validate;

    /// A question and an explanation that answers it.
    fn answered() -> Map {
        let question = Claim::new("why", ClaimKind::Question, "Why did China agree?", Position::default());
        let explanation = Claim {
            answers: Some("why".into()),
            ..Claim::new("blinked", ClaimKind::Explanation, "China blinked", Position::new(0.0, 200.0))
        };
        Map { claims: vec![question, explanation], ..Map::default() }
    }

    #[test]
    fn deleting_a_question_leaves_its_explanations_answering_none_and_undo_restores_them() {
        let (mut map, mut history) = (answered(), History::default());
        let transaction = delete(&map, &[ItemRef::Claim("why".into())]);
        history.apply(&mut map, transaction).expect("applies");
        assert_eq!(map.claims.len(), 1);
        assert_eq!(map.claims[0].answers, None);
        assert!(validate(&map).is_empty(), "{:?}", validate(&map));
        history.undo(&mut map).expect("undoes");
        assert_eq!(map, answered());
    }

    #[test]
    fn a_question_turned_into_a_claim_is_no_longer_answered() {
        let mut map = answered();
        let claim = Claim { kind: ClaimKind::Claim, ..map.claims[0].clone() };
        let mut history = History::default();
        let transaction = update_claim(&map, claim, "Edit claim").expect("builds");
        history.apply(&mut map, transaction).expect("applies");
        assert_eq!(map.claims[1].answers, None);
        assert!(validate(&map).is_empty(), "{:?}", validate(&map));
    }

    #[test]
    fn an_explanation_turned_into_an_objection_answers_nothing_and_is_not_composite() {
        let mut map = answered();
        let claim = Claim { kind: ClaimKind::Objection, composite: true, ..map.claims[1].clone() };
        let mut history = History::default();
        let transaction = update_claim(&map, claim, "Edit claim").expect("builds");
        history.apply(&mut map, transaction).expect("applies");
        assert_eq!((map.claims[1].answers.clone(), map.claims[1].composite), (None, false));
    }
}
