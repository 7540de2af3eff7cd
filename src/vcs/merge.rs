//! The three-way merge of maps by id: what each side changed since their
//! common base, item by item and field by field.
//!
//! - An item changed on one side only takes that side's version; changed the
//!   same way on both, it is taken once.
//! - Changed on both sides, it is merged field by field (fields as
//!   [`super::fields`] names them): a field changed on one side takes that
//!   side's value; a list field changed on both is merged element by element
//!   ([`super::sequence`]); a field changed two ways is a conflict.
//! - Added on both sides with the same id: the fields that differ conflict.
//! - Deleted on one side and changed on the other: a conflict; the changed
//!   version stays in the map, so that no work is lost.
//! - The order of items in each section follows the merge of the two sides'
//!   orders; items that order leaves out come at the end of their section.
//!
//! A conflict leaves ours' value in the map and all three versions of the
//! item in [`Map::conflicts`]. Deleted items that the merged map still uses
//! are restored ([`super::repair`]). The result is deterministic.

use super::fields::{Fields, Keyed};
use super::repair::restore_used_items;
use super::sequence::merge_lists;
use crate::model::validate::validate;
use crate::model::{Conflict, FORMAT_VERSION, Map, Versions};
use std::collections::{BTreeMap, BTreeSet};

/// Why two versions of a map could not be merged into one valid map.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("the merged map would break rules a merge cannot settle: {}", .problems.join("; "))]
    Invalid { problems: Vec<String> },
}

/// The merge of `ours` and `theirs`, both changed from `base`. Conflicts old
/// and new are in the result's `conflicts`; the number new in it is the
/// second value.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Result<(Map, usize), MergeError> {
    let mut conflicts = Vec::new();
    let meta = merge_item(Some(&base.meta), Some(&ours.meta), Some(&theirs.meta), Conflict::Meta, &mut conflicts)
        .unwrap_or_else(|| ours.meta.clone());
    let story = match merge_lists(&base.story, &ours.story, &theirs.story) {
        Some(story) => story,
        None => {
            conflicts.push(Conflict::Story(Versions {
                fields: vec!["steps".to_owned()],
                base: Some(base.story.clone()),
                ours: Some(ours.story.clone()),
                theirs: Some(theirs.story.clone()),
            }));
            ours.story.clone()
        }
    };
    let mut merged = Map {
        format: FORMAT_VERSION,
        meta,
        sources: merge_section(&base.sources, &ours.sources, &theirs.sources, Conflict::Source, &mut conflicts),
        lanes: merge_section(&base.lanes, &ours.lanes, &theirs.lanes, Conflict::Lane, &mut conflicts),
        events: merge_section(&base.events, &ours.events, &theirs.events, Conflict::Event, &mut conflicts),
        claims: merge_section(&base.claims, &ours.claims, &theirs.claims, Conflict::Claim, &mut conflicts),
        links: merge_section(&base.links, &ours.links, &theirs.links, Conflict::Link, &mut conflicts),
        story,
        conflicts: Vec::new(),
    };
    restore_used_items([base, ours, theirs], &mut merged, &mut conflicts);
    let new_conflicts = conflicts.len();
    merged.conflicts = merge_lists(&base.conflicts, &ours.conflicts, &theirs.conflicts).unwrap_or_else(|| {
        let mut both = ours.conflicts.clone();
        both.extend(theirs.conflicts.iter().filter(|conflict| !ours.conflicts.contains(conflict)).cloned());
        both
    });
    merged.conflicts.extend(conflicts);
    let problems = validate(&merged);
    if !problems.is_empty() {
        let problems = problems.into_iter().map(|problem| format!("{}: {}", problem.path, problem.message)).collect();
        return Err(MergeError::Invalid { problems });
    }
    Ok((merged, new_conflicts))
}

/// One section of the map (its claims, say), merged by id.
fn merge_section<T: Fields + Keyed>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    wrap: fn(Versions<T>) -> Conflict,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let by_id = |items: &[T]| -> BTreeMap<String, usize> {
        items.iter().enumerate().map(|(index, item)| (item.key().to_owned(), index)).collect()
    };
    let (base_ids, our_ids, their_ids) = (by_id(base), by_id(ours), by_id(theirs));
    let order = merged_order(base, ours, theirs);
    let mut merged = Vec::with_capacity(order.len());
    for id in order {
        let versions = (lookup(base, &base_ids, &id), lookup(ours, &our_ids, &id), lookup(theirs, &their_ids, &id));
        if let Some(item) = merge_item(versions.0, versions.1, versions.2, wrap, conflicts) {
            merged.push(item);
        }
    }
    merged
}

fn lookup<'a, T>(items: &'a [T], ids: &BTreeMap<String, usize>, id: &str) -> Option<&'a T> {
    ids.get(id).and_then(|&index| items.get(index))
}

/// Every id of the three versions once, in the merged order of the sides'
/// orders (ours then theirs where that merge conflicts), then the rest.
fn merged_order<T: Keyed>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<String> {
    let ids = |items: &[T]| -> Vec<String> { items.iter().map(|item| item.key().to_owned()).collect() };
    let (base_ids, our_ids, their_ids) = (ids(base), ids(ours), ids(theirs));
    let mut order = merge_lists(&base_ids, &our_ids, &their_ids).unwrap_or_else(|| {
        let mut both = our_ids.clone();
        both.extend(their_ids.iter().filter(|id| !our_ids.contains(id)).cloned());
        both
    });
    let mut seen: BTreeSet<String> = BTreeSet::new();
    order.retain(|id| seen.insert(id.clone()));
    for id in their_ids.into_iter().chain(our_ids).chain(base_ids) {
        if seen.insert(id.clone()) {
            order.push(id);
        }
    }
    order
}

/// One item's merge; `None` when it is gone from the result.
fn merge_item<T: Fields>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
    wrap: fn(Versions<T>) -> Conflict,
    conflicts: &mut Vec<Conflict>,
) -> Option<T> {
    if ours == theirs || base == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    let (Some(our_item), Some(their_item)) = (ours, theirs) else {
        // Deleted on one side, changed on the other: the changed one stays.
        conflicts.push(wrap(Versions {
            fields: Vec::new(),
            base: base.cloned(),
            ours: ours.cloned(),
            theirs: theirs.cloned(),
        }));
        return ours.or(theirs).cloned();
    };
    let mut merged = our_item.clone();
    let mut conflicting = Vec::new();
    for (field, name) in T::NAMES.iter().enumerate() {
        if our_item.same(their_item, field) {
            continue;
        }
        match base {
            Some(base) if base.same(our_item, field) => merged.take(their_item, field),
            Some(base) if base.same(their_item, field) => {}
            Some(base) if merged.merge_list(base, our_item, their_item, field) => {}
            _ => conflicting.push((*name).to_owned()),
        }
    }
    if !conflicting.is_empty() {
        conflicts.push(wrap(Versions {
            fields: conflicting,
            base: base.cloned(),
            ours: Some(our_item.clone()),
            theirs: Some(their_item.clone()),
        }));
    }
    Some(merged)
}
