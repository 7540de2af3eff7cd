//! Changes to many items at once, as the inspector offers them for a
//! selection of many: one tag added to every selected claim and event, one
//! strength for every selected link, every selected claim and placed chip
//! moved by the same offset. Each is one undo step; `None` when nothing
//! would change.

use super::{Op, Transaction, commands};
use crate::model::{ItemRef, Map, MapIndex, Position, Strength};

/// How many of each kind `items` holds: claims, events, links.
pub fn kinds(items: &[ItemRef]) -> (usize, usize, usize) {
    items.iter().fold((0, 0, 0), |(claims, events, links), item| match item {
        ItemRef::Claim(_) => (claims + 1, events, links),
        ItemRef::Event(_) => (claims, events + 1, links),
        ItemRef::Link(_) => (claims, events, links + 1),
    })
}

/// "12 claims, 3 events, 4 links": what a selection holds, kinds it lacks left out.
pub fn describe(items: &[ItemRef]) -> String {
    let (claims, events, links) = kinds(items);
    let parts: Vec<String> = [(claims, "claim", "claims"), (events, "event", "events"), (links, "link", "links")]
        .into_iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, many)| format!("{count} {}", if count == 1 { one } else { many }))
        .collect();
    if parts.is_empty() { "nothing".to_owned() } else { parts.join(", ") }
}

/// Adds `tag` to every selected claim and event that lacks it.
pub fn add_tag(map: &Map, index: &MapIndex, items: &[ItemRef], tag: &str) -> Option<Transaction> {
    let tag = tag.trim();
    if tag.is_empty() {
        return None;
    }
    let mut ops = Vec::new();
    for item in items {
        if let Some(claim) = index.claim(map, item).filter(|claim| !claim.tags.iter().any(|t| t == tag)) {
            let mut tagged = claim.clone();
            tagged.tags.push(tag.to_owned());
            ops.extend(commands::update_claim(map, tagged, "").ok()?.ops);
        }
        if let Some(event) = index.event(map, item).filter(|event| !event.tags.iter().any(|t| t == tag)) {
            let mut tagged = event.clone();
            tagged.tags.push(tag.to_owned());
            ops.extend(commands::update_event(map, tagged, "").ok()?.ops);
        }
    }
    (!ops.is_empty()).then(|| Transaction::new(format!("Tag {} “{tag}”", count(ops.len(), "item")), ops))
}

/// Gives every selected link `strength`.
pub fn set_strength(map: &Map, index: &MapIndex, items: &[ItemRef], strength: Strength) -> Option<Transaction> {
    let ops: Vec<Op> = items
        .iter()
        .filter_map(|item| index.link(map, item).filter(|link| link.strength != strength))
        .filter_map(|link| commands::update_link(map, crate::model::Link { strength, ..link.clone() }, "").ok())
        .flat_map(|transaction| transaction.ops)
        .collect();
    let label = format!("Make {} {}", count(ops.len(), "link"), strength.label());
    (!ops.is_empty()).then(|| Transaction::new(label, ops))
}

/// Moves every selected claim, and every selected event's chip that has a place of its own, by (`dx`, `dy`).
pub fn move_by(map: &Map, index: &MapIndex, items: &[ItemRef], dx: f32, dy: f32) -> Option<Transaction> {
    if !(dx.is_finite() && dy.is_finite()) || (dx == 0.0 && dy == 0.0) {
        return None;
    }
    let shifted = |at: Position| Position::new(at.x + dx, at.y + dy);
    let claims: Vec<_> =
        items.iter().filter_map(|item| index.claim(map, item)).map(|c| (c.id.clone(), shifted(c.position))).collect();
    let events: Vec<_> = items
        .iter()
        .filter_map(|item| index.event(map, item))
        .filter_map(|event| Some((event.id.clone(), shifted(event.position?))))
        .collect();
    let moved = claims.len() + events.len();
    let transaction = commands::move_items(map, &claims, &events, &format!("Move {}", count(moved, "item")));
    (!transaction.is_empty()).then_some(transaction)
}

fn count(count: usize, one: &str) -> String {
    if count == 1 { format!("1 {one}") } else { format!("{count} {one}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    fn case_study() -> Map {
        crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads")
    }

    fn everything(map: &Map) -> Vec<ItemRef> {
        map.items().collect()
    }

    #[test]
    fn a_selection_says_what_it_holds() {
        let map = case_study();
        let items = everything(&map);
        assert_eq!(
            describe(&items),
            format!("{} claims, {} events, {} links", map.claims.len(), map.events.len(), map.links.len())
        );
        assert_eq!(describe(&[ItemRef::Claim(map.claims[0].id.clone())]), "1 claim");
        assert_eq!(describe(&[]), "nothing");
    }

    #[test]
    fn tagging_many_tags_each_claim_and_event_once_in_one_step() {
        let mut map = case_study();
        let items = everything(&map);
        let index = MapIndex::build(&map);
        let tag = add_tag(&map, &index, &items, " for class ").expect("a change");
        let mut history = History::default();
        history.apply(&mut map, tag).expect("applies");
        assert!(map.claims.iter().all(|c| c.tags.iter().filter(|t| *t == "for class").count() == 1));
        assert!(map.events.iter().all(|e| e.tags.iter().any(|t| t == "for class")));
        let index = MapIndex::build(&map);
        assert!(add_tag(&map, &index, &items, "for class").is_none(), "already tagged: nothing to do");
        history.undo(&mut map).expect("undoes");
        assert_eq!(map, case_study(), "one undo step takes it all back");
    }

    #[test]
    fn strength_and_moves_apply_to_the_selection_only() {
        let mut map = case_study();
        let index = MapIndex::build(&map);
        let links: Vec<ItemRef> = map.links.iter().take(5).map(|l| ItemRef::Link(l.id.clone())).collect();
        let strong = set_strength(&map, &index, &links, Strength::Strong).expect("a change");
        History::default().apply(&mut map, strong).expect("applies");
        assert!(map.links.iter().take(5).all(|l| l.strength == Strength::Strong));

        let claim = map.claims[0].clone();
        let items = [ItemRef::Claim(claim.id.clone())];
        let moved = move_by(&map, &index, &items, 10.0, -20.0).expect("a change");
        assert_eq!(moved.label, "Move 1 item");
        History::default().apply(&mut map, moved).expect("applies");
        assert_eq!(map.claims[0].position, Position::new(claim.position.x + 10.0, claim.position.y - 20.0));
        assert_eq!(map.claims[1..], case_study().claims[1..], "the others stay");
        assert!(move_by(&map, &index, &items, 0.0, 0.0).is_none());
        assert!(move_by(&map, &index, &items, f32::NAN, 0.0).is_none());
    }
}
