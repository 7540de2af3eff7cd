//! The primitive operations on a map. Applying one returns its inverse, so
//! that any sequence can be undone exactly.

use crate::model::{Claim, Conflict, Event, Lane, Link, Map, Meta, Source, StoryStep};

/// Anything a map holds in one of its lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Source(Source),
    Lane(Lane),
    Event(Event),
    Claim(Claim),
    Link(Link),
    StoryStep(StoryStep),
}

/// Which list of the map an item lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Source,
    Lane,
    Event,
    Claim,
    Link,
    StoryStep,
}

impl Item {
    pub fn kind(&self) -> ItemKind {
        match self {
            Self::Source(_) => ItemKind::Source,
            Self::Lane(_) => ItemKind::Lane,
            Self::Event(_) => ItemKind::Event,
            Self::Claim(_) => ItemKind::Claim,
            Self::Link(_) => ItemKind::Link,
            Self::StoryStep(_) => ItemKind::StoryStep,
        }
    }
}

/// One primitive change.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Put `item` at `index` of its list (`index` may be the list's length).
    Insert { index: usize, item: Item },
    /// Take out the item at `index` of the `kind` list.
    Remove { kind: ItemKind, index: usize },
    /// Put `item` in place of the one at `index` of its list.
    Replace { index: usize, item: Item },
    /// Replace the map's title, summary and credits.
    SetMeta(Meta),
    /// Replace the map's unresolved merge conflicts (settling one removes it).
    SetConflicts(Vec<Conflict>),
}

/// An operation that does not fit the map it was applied to (a command built
/// for another state of the map). The map is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the edit refers to item {index} of the {kind:?} list, which has {len} items")]
    OutOfRange { kind: ItemKind, index: usize, len: usize },
    #[error("{0}")]
    Refused(String),
}

fn insert<T>(list: &mut Vec<T>, index: usize, value: T, kind: ItemKind) -> Result<(), EditError> {
    if index > list.len() {
        return Err(EditError::OutOfRange { kind, index, len: list.len() });
    }
    list.insert(index, value);
    Ok(())
}

fn remove<T>(list: &mut Vec<T>, index: usize, kind: ItemKind) -> Result<T, EditError> {
    if index >= list.len() {
        return Err(EditError::OutOfRange { kind, index, len: list.len() });
    }
    Ok(list.remove(index))
}

fn replace<T>(list: &mut [T], index: usize, value: T, kind: ItemKind) -> Result<T, EditError> {
    let len = list.len();
    let slot = list.get_mut(index).ok_or(EditError::OutOfRange { kind, index, len })?;
    Ok(std::mem::replace(slot, value))
}

impl Op {
    /// Applies the operation and returns the operation that undoes it.
    pub fn apply(self, map: &mut Map) -> Result<Op, EditError> {
        match self {
            Op::Insert { index, item } => {
                let kind = item.kind();
                match item {
                    Item::Source(x) => insert(&mut map.sources, index, x, kind),
                    Item::Lane(x) => insert(&mut map.lanes, index, x, kind),
                    Item::Event(x) => insert(&mut map.events, index, x, kind),
                    Item::Claim(x) => insert(&mut map.claims, index, x, kind),
                    Item::Link(x) => insert(&mut map.links, index, x, kind),
                    Item::StoryStep(x) => insert(&mut map.story, index, x, kind),
                }?;
                Ok(Op::Remove { kind, index })
            }
            Op::Remove { kind, index } => {
                let item = match kind {
                    ItemKind::Source => Item::Source(remove(&mut map.sources, index, kind)?),
                    ItemKind::Lane => Item::Lane(remove(&mut map.lanes, index, kind)?),
                    ItemKind::Event => Item::Event(remove(&mut map.events, index, kind)?),
                    ItemKind::Claim => Item::Claim(remove(&mut map.claims, index, kind)?),
                    ItemKind::Link => Item::Link(remove(&mut map.links, index, kind)?),
                    ItemKind::StoryStep => Item::StoryStep(remove(&mut map.story, index, kind)?),
                };
                Ok(Op::Insert { index, item })
            }
            Op::Replace { index, item } => {
                let kind = item.kind();
                let old = match item {
                    Item::Source(x) => Item::Source(replace(&mut map.sources, index, x, kind)?),
                    Item::Lane(x) => Item::Lane(replace(&mut map.lanes, index, x, kind)?),
                    Item::Event(x) => Item::Event(replace(&mut map.events, index, x, kind)?),
                    Item::Claim(x) => Item::Claim(replace(&mut map.claims, index, x, kind)?),
                    Item::Link(x) => Item::Link(replace(&mut map.links, index, x, kind)?),
                    Item::StoryStep(x) => Item::StoryStep(replace(&mut map.story, index, x, kind)?),
                };
                Ok(Op::Replace { index, item: old })
            }
            Op::SetMeta(meta) => Ok(Op::SetMeta(std::mem::replace(&mut map.meta, meta))),
            Op::SetConflicts(conflicts) => Ok(Op::SetConflicts(std::mem::replace(&mut map.conflicts, conflicts))),
        }
    }
}
