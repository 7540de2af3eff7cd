//! How far a change reaches into what the views derive from a map: whether
//! it kept the lists of events, claims and links (the same items, ids and
//! link ends, in the same places) and, if so, which events and claims it
//! replaced where they stand and whether it touched the lanes. The document
//! keeps its id index across such a change, the map's geometry measures only
//! the replaced items again, and the timeline only the replaced events.

use super::{Item, ItemKind, Op};
use crate::model::{Map, Replaced};

/// What one change (a transaction, an undo, a redo) did to a map's indexed lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The lists kept their items, ids and link ends; some were replaced where they stand.
    InPlace(Replaced),
    /// Items were added, removed, renamed or linked differently.
    Lists,
}

impl Default for Reach {
    fn default() -> Self {
        Self::InPlace(Replaced::default())
    }
}

impl Reach {
    /// Widens this reach by `op`, applied to `map` as it is before `op`.
    pub fn add(&mut self, op: &Op, map: &Map) {
        let Self::InPlace(Replaced { events, claims, lanes }) = self else { return };
        match op {
            Op::Insert { item, .. } if indexed(item.kind()) => *self = Self::Lists,
            Op::Remove { kind, .. } if indexed(*kind) => *self = Self::Lists,
            Op::Insert { item: Item::Lane(_), .. } | Op::Remove { kind: ItemKind::Lane, .. } => *lanes = true,
            Op::Replace { index, item } => match item {
                Item::Event(event) if map.events.get(*index).is_some_and(|old| old.id == event.id) => {
                    events.push(*index)
                }
                Item::Claim(claim) if map.claims.get(*index).is_some_and(|old| old.id == claim.id) => {
                    claims.push(*index)
                }
                Item::Link(link)
                    if map
                        .links
                        .get(*index)
                        .is_some_and(|old| old.id == link.id && old.from == link.from && old.to == link.to) => {}
                Item::Event(_) | Item::Claim(_) | Item::Link(_) => *self = Self::Lists,
                Item::Lane(_) => *lanes = true,
                Item::Source(_) | Item::StoryStep(_) => {}
            },
            Op::Insert { .. } | Op::Remove { .. } | Op::SetMeta(_) | Op::SetConflicts(_) => {}
        }
    }
}

fn indexed(kind: ItemKind) -> bool {
    matches!(kind, ItemKind::Event | ItemKind::Claim | ItemKind::Link)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Lane, Strength};

    fn case_study() -> Map {
        crate::format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME).expect("the case study loads")
    }

    fn reach_of(map: &Map, ops: &[Op]) -> Reach {
        let mut reach = Reach::default();
        for op in ops {
            reach.add(op, map);
        }
        reach
    }

    #[test]
    fn a_claim_edited_or_moved_is_replaced_in_place() {
        let map = case_study();
        let edited = Claim { text: "Edited".to_owned(), ..map.claims[3].clone() };
        let ops = [Op::Replace { index: 3, item: Item::Claim(edited) }];
        assert_eq!(reach_of(&map, &ops), Reach::InPlace(Replaced { events: vec![], claims: vec![3], lanes: false }));
    }

    #[test]
    fn a_renamed_claim_a_relinked_link_or_an_added_event_changes_the_lists() {
        let map = case_study();
        let renamed = Claim { id: "renamed".into(), ..map.claims[3].clone() };
        assert_eq!(reach_of(&map, &[Op::Replace { index: 3, item: Item::Claim(renamed) }]), Reach::Lists);
        let mut relinked = map.links[0].clone();
        relinked.to = crate::model::LinkTo::Claim(map.claims[0].id.clone());
        assert_ne!(relinked.to, map.links[0].to, "the link ends elsewhere");
        assert_eq!(reach_of(&map, &[Op::Replace { index: 0, item: Item::Link(relinked) }]), Reach::Lists);
        let added = Op::Insert { index: 0, item: Item::Event(map.events[0].clone()) };
        assert_eq!(reach_of(&map, &[added]), Reach::Lists);
        assert_eq!(reach_of(&map, &[Op::Remove { kind: ItemKind::Link, index: 0 }]), Reach::Lists);
    }

    #[test]
    fn a_lane_sources_and_a_links_strength_leave_the_lists_alone() {
        let map = case_study();
        let mut stronger = map.links[0].clone();
        stronger.strength = if stronger.strength == Strength::Strong { Strength::Weak } else { Strength::Strong };
        let lane = Lane { name: "Renamed lane".to_owned(), ..map.lanes[0].clone() };
        let ops = [
            Op::Replace { index: 0, item: Item::Link(stronger) },
            Op::Replace { index: 0, item: Item::Lane(lane) },
            Op::Remove { kind: ItemKind::Source, index: 0 },
        ];
        assert_eq!(reach_of(&map, &ops), Reach::InPlace(Replaced { lanes: true, ..Replaced::default() }));
        assert_eq!(reach_of(&map, &ops[2..]), Reach::default(), "a source alone reaches nothing");
    }
}
