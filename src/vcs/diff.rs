//! What changed from one version of a map to another, by id: items added,
//! removed and changed, and for a changed item each field with its value
//! before and after. Story steps have no ids: they are paired by a longest
//! common subsequence and numbered as they stand in the file.

use super::fields::{Fields, Keyed};
use super::sequence::pairing;
use crate::model::{ClaimId, EventId, LaneId, LinkId, Map, SourceId};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// Every change from one map to another, in the file's order of sections.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapDiff {
    pub changes: Vec<ItemChange>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// What an item of a map is, to name it in a diff.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ItemKey {
    /// The map's title, summary and credits.
    Meta,
    Source(SourceId),
    Lane(LaneId),
    Event(EventId),
    Claim(ClaimId),
    Link(LinkId),
    /// A story step by its number (from 1) in the newer map, or in the older
    /// one for a step removed.
    StoryStep(usize),
    /// The map's unresolved merge conflicts, as a whole.
    Conflicts,
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Meta => write!(f, "the map's details"),
            Self::Source(id) => write!(f, "source \"{id}\""),
            Self::Lane(id) => write!(f, "lane \"{id}\""),
            Self::Event(id) => write!(f, "event \"{id}\""),
            Self::Claim(id) => write!(f, "claim \"{id}\""),
            Self::Link(id) => write!(f, "link \"{id}\""),
            Self::StoryStep(number) => write!(f, "story step {number}"),
            Self::Conflicts => write!(f, "the unresolved conflicts"),
        }
    }
}

/// One item that is new, gone or different.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    pub item: ItemKey,
    /// What a person reads to know the item (its text, title or name), as it
    /// is in the newer map (the older for an item removed).
    pub title: String,
    #[serde(flatten)]
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed { fields: Vec<FieldChange> },
}

/// One field of an item, before and after (as JSON values; `null` for none).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: Value,
    pub after: Value,
}

/// What changed from `old` to `new`.
pub fn diff(old: &Map, new: &Map) -> MapDiff {
    let mut changes = Vec::new();
    if let Some(fields) = changed_fields(&old.meta, &new.meta) {
        changes.push(ItemChange { item: ItemKey::Meta, title: new.meta.title.clone(), change: fields });
    }
    diff_section(&old.sources, &new.sources, |x| ItemKey::Source(x.id.clone()), &mut changes);
    diff_section(&old.lanes, &new.lanes, |x| ItemKey::Lane(x.id.clone()), &mut changes);
    diff_section(&old.events, &new.events, |x| ItemKey::Event(x.id.clone()), &mut changes);
    diff_section(&old.claims, &new.claims, |x| ItemKey::Claim(x.id.clone()), &mut changes);
    diff_section(&old.links, &new.links, |x| ItemKey::Link(x.id.clone()), &mut changes);
    diff_story(old, new, &mut changes);
    if old.conflicts != new.conflicts {
        let fields = vec![FieldChange {
            field: "unresolved",
            before: Value::from(old.conflicts.len()),
            after: Value::from(new.conflicts.len()),
        }];
        changes.push(ItemChange { item: ItemKey::Conflicts, title: String::new(), change: Change::Changed { fields } });
    }
    MapDiff { changes }
}

fn changed_fields<T: Fields>(old: &T, new: &T) -> Option<Change> {
    let fields: Vec<FieldChange> = T::NAMES
        .iter()
        .enumerate()
        .filter(|(field, _)| !old.same(new, *field))
        .map(|(field, name)| FieldChange { field: name, before: old.value(field), after: new.value(field) })
        .collect();
    (!fields.is_empty()).then_some(Change::Changed { fields })
}

/// Items removed or changed in the order of `old`, then items added in the order of `new`.
fn diff_section<T: Fields + Keyed>(old: &[T], new: &[T], key: impl Fn(&T) -> ItemKey, changes: &mut Vec<ItemChange>) {
    let new_by_id: BTreeMap<&str, &T> = new.iter().map(|item| (item.key(), item)).collect();
    let old_by_id: BTreeMap<&str, &T> = old.iter().map(|item| (item.key(), item)).collect();
    for item in old {
        let change = match new_by_id.get(item.key()) {
            None => Some((Change::Removed, item.title())),
            Some(newer) => changed_fields(item, *newer).map(|change| (change, newer.title())),
        };
        if let Some((change, title)) = change {
            changes.push(ItemChange { item: key(item), title, change });
        }
    }
    for item in new.iter().filter(|item| !old_by_id.contains_key(item.key())) {
        changes.push(ItemChange { item: key(item), title: item.title(), change: Change::Added });
    }
}

/// Steps paired by a longest common subsequence; between two paired steps,
/// the unpaired ones are paired in order as changed, the rest added or removed.
fn diff_story(old: &Map, new: &Map, changes: &mut Vec<ItemChange>) {
    let (old_steps, new_steps) = (&old.story, &new.story);
    // Too long to pair step by step (a hostile file): compare position by position.
    let paired = pairing(old_steps, new_steps)
        .unwrap_or_else(|| (0..old_steps.len()).map(|i| (i < new_steps.len()).then_some(i)).collect());
    let anchors = paired
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, (*j)?)))
        .chain(std::iter::once((old_steps.len(), new_steps.len())));
    let (mut old_start, mut new_start) = (0, 0);
    for (old_end, new_end) in anchors {
        let (removed, added) = (old_start..old_end, new_start..new_end);
        let shared = removed.len().min(added.len());
        for (i, j) in removed.clone().zip(added.clone()) {
            if let Some(change) = changed_fields(&old_steps[i], &new_steps[j]) {
                let title = new_steps[j].title.clone();
                changes.push(ItemChange { item: ItemKey::StoryStep(j + 1), title, change });
            }
        }
        for i in removed.skip(shared) {
            let title = old_steps[i].title.clone();
            changes.push(ItemChange { item: ItemKey::StoryStep(i + 1), title, change: Change::Removed });
        }
        for j in added.skip(shared) {
            let title = new_steps[j].title.clone();
            changes.push(ItemChange { item: ItemKey::StoryStep(j + 1), title, change: Change::Added });
        }
        (old_start, new_start) = (old_end + 1, new_end + 1);
    }
}
