//! Settling a conflict a merge left in a map: the person picks base, ours or
//! theirs, and the item's conflicting fields (or the item as a whole, which
//! may mean deleting it or putting it back; or the whole story) take that
//! version, and the conflict leaves the map — one transaction, so one undo
//! step. For the window's merge panel; an edit by hand is an ordinary edit
//! followed by [`resolve_conflict`] with the version the map now holds.

use super::fields::{Fields, Keyed};
use crate::edit::{EditError, Item, ItemKind, Op, Transaction, commands};
use crate::model::{Conflict, ItemRef, Map, Versions};

/// A version of an item in conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Self::Base => "base",
            Self::Ours => "ours",
            Self::Theirs => "theirs",
        }
    }

    fn of<T>(self, versions: &Versions<T>) -> Option<&T> {
        match self {
            Self::Base => versions.base.as_ref(),
            Self::Ours => versions.ours.as_ref(),
            Self::Theirs => versions.theirs.as_ref(),
        }
    }
}

/// The transaction that settles conflict `index` of `map` with `side`'s
/// version. Refused when there is no such conflict, or when that version
/// would leave the map broken (a lane deleted that events still use…).
pub fn resolve_conflict(map: &Map, index: usize, side: Side) -> Result<Transaction, EditError> {
    let conflict = conflict_at(map, index)?;
    let mut ops = match conflict {
        Conflict::Meta(versions) => match side.of(versions) {
            Some(chosen) => vec![Op::SetMeta(with_fields(&map.meta, chosen, &versions.fields))],
            None => Vec::new(),
        },
        Conflict::Source(v) => settle(map, &map.sources, v, side, Item::Source, |_| None),
        Conflict::Lane(v) => settle(map, &map.lanes, v, side, Item::Lane, |_| None),
        Conflict::Event(v) => settle(map, &map.events, v, side, Item::Event, |x| Some(ItemRef::Event(x.id.clone()))),
        Conflict::Claim(v) => settle(map, &map.claims, v, side, Item::Claim, |x| Some(ItemRef::Claim(x.id.clone()))),
        Conflict::Link(v) => settle(map, &map.links, v, side, Item::Link, |x| Some(ItemRef::Link(x.id.clone()))),
        Conflict::Story(versions) => {
            let chosen = side.of(versions).cloned().unwrap_or_default();
            let removals = (0..map.story.len()).rev().map(|index| Op::Remove { kind: ItemKind::StoryStep, index });
            let insertions =
                chosen.into_iter().enumerate().map(|(index, step)| Op::Insert { index, item: Item::StoryStep(step) });
            removals.chain(insertions).collect()
        }
    };
    ops.push(without_conflict(map, index));
    let transaction = Transaction::new(format!("Settle conflict: take {}", side.label()), ops);
    if let Some(problem) = transaction.first_problem_on(map)? {
        return Err(EditError::Refused(format!(
            "taking {} would break the map ({}: {})",
            side.label(),
            problem.path,
            problem.message
        )));
    }
    Ok(transaction)
}

/// The transaction that settles conflict `index` of `map` with what the map
/// holds now (ours as merged, or the item as edited by hand since): only the
/// conflict leaves the map. One undo step.
pub fn keep_as_is(map: &Map, index: usize) -> Result<Transaction, EditError> {
    conflict_at(map, index)?;
    Ok(Transaction::new("Settle conflict: keep as it is", vec![without_conflict(map, index)]))
}

fn conflict_at(map: &Map, index: usize) -> Result<&Conflict, EditError> {
    map.conflicts
        .get(index)
        .ok_or_else(|| EditError::Refused(format!("there is no conflict {index}: the map has {}", map.conflicts.len())))
}

/// The op that leaves every conflict of `map` but conflict `index`.
fn without_conflict(map: &Map, index: usize) -> Op {
    let mut rest = map.conflicts.clone();
    rest.remove(index);
    Op::SetConflicts(rest)
}

/// `current` with `fields` taken from `chosen` (all of it when `fields` is empty).
fn with_fields<T: Fields>(current: &T, chosen: &T, fields: &[String]) -> T {
    if fields.is_empty() {
        return chosen.clone();
    }
    let mut settled = current.clone();
    for (field, _) in T::NAMES.iter().enumerate().filter(|(_, name)| fields.iter().any(|f| f == *name)) {
        settled.take(chosen, field);
    }
    settled
}

/// The ops that make the item of `versions` in `section` what `side` has.
fn settle<T: Fields + Keyed>(
    map: &Map,
    section: &[T],
    versions: &Versions<T>,
    side: Side,
    item: fn(T) -> Item,
    as_ref: fn(&T) -> Option<ItemRef>,
) -> Vec<Op> {
    let Some(id) = [&versions.ours, &versions.theirs, &versions.base].into_iter().flatten().next().map(|x| x.key())
    else {
        return Vec::new();
    };
    let position = section.iter().position(|x| x.key() == id);
    match (side.of(versions), position) {
        (Some(chosen), Some(index)) => {
            vec![Op::Replace { index, item: item(with_fields(&section[index], chosen, &versions.fields)) }]
        }
        (Some(chosen), None) => vec![Op::Insert { index: section.len(), item: item(chosen.clone()) }],
        (None, Some(index)) => match as_ref(&section[index]) {
            Some(reference) => commands::delete(map, &[reference]).ops,
            None => vec![Op::Remove { kind: item(section[index].clone()).kind(), index }],
        },
        (None, None) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Claim, ClaimKind, Position};
    use crate::vcs::merge;

    fn with_claims(claims: Vec<Claim>) -> Map {
        Map { claims, ..Map::default() }
    }

    fn claim(text: &str) -> Claim {
        Claim::new("budget", ClaimKind::Claim, text, Position::default())
    }

    #[test]
    fn taking_theirs_sets_the_field_and_is_one_undo_step() {
        let (base, ours, theirs) = (with_claims(vec![claim("Cut")]), with_claims(vec![claim("Halved")]), {
            let mut map = with_claims(vec![claim("Frozen")]);
            map.claims[0].pinned = true;
            map
        });
        let (mut merged, conflicts) = merge(&base, &ours, &theirs).expect("merges");
        assert_eq!(conflicts, 1);
        assert!(merged.claims[0].pinned, "the field only theirs changed is merged");
        let before = merged.clone();
        let mut history = History::default();
        let take_theirs = resolve_conflict(&merged, 0, Side::Theirs).expect("settles");
        history.apply(&mut merged, take_theirs).expect("applies");
        assert_eq!(merged.claims[0].text, "Frozen");
        assert!(merged.conflicts.is_empty());
        assert_eq!(history.undo_label(), Some("Settle conflict: take theirs"));
        history.undo(&mut merged).expect("undoes");
        assert_eq!(merged, before);
    }

    #[test]
    fn an_item_deleted_on_one_side_is_deleted_or_kept_as_chosen() {
        let base = with_claims(vec![claim("Cut")]);
        let (merged, _) = merge(&base, &with_claims(vec![]), &with_claims(vec![claim("Frozen")])).expect("merges");
        assert_eq!(merged.claims[0].text, "Frozen", "the changed version stays until settled");
        let mut deleted = merged.clone();
        for op in resolve_conflict(&merged, 0, Side::Ours).expect("settles").ops {
            op.apply(&mut deleted).expect("applies");
        }
        assert!(deleted.claims.is_empty() && deleted.conflicts.is_empty());
        let mut kept = merged.clone();
        for op in resolve_conflict(&merged, 0, Side::Theirs).expect("settles").ops {
            op.apply(&mut kept).expect("applies");
        }
        assert_eq!(kept.claims, merged.claims);
        assert!(resolve_conflict(&merged, 1, Side::Ours).is_err());
    }

    #[test]
    fn keeping_a_conflict_as_it_is_only_takes_the_conflict_out() {
        let base = with_claims(vec![claim("Cut")]);
        let (mut merged, _) =
            merge(&base, &with_claims(vec![claim("Halved")]), &with_claims(vec![claim("Frozen")])).expect("merges");
        merged.claims[0].text = "Halved, then frozen".into();
        let claims = merged.claims.clone();
        let mut history = History::default();
        let keep = keep_as_is(&merged, 0).expect("settles");
        history.apply(&mut merged, keep).expect("applies");
        assert_eq!((merged.claims.clone(), merged.conflicts.len()), (claims, 0));
        assert!(keep_as_is(&merged, 0).is_err(), "no conflict is left to keep");
    }
}
