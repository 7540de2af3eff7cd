//! Property tests of the merge: two sides each make any sequence of edits to
//! the tutorial map, and the merge keeps every change of both or names it in
//! a conflict, and gives back either side unchanged when the other made none.

use super::fields::{Fields, Keyed};
use super::merge;
use crate::edit::commands;
use crate::format::{load_str, to_ron_string};
use crate::model::validate::validate;
use crate::model::{
    Citation, Claim, ClaimKind, Conflict, Date, ItemRef, Link, LinkFrom, LinkTo, Map, Position, Relation, StoryStep,
    Strength,
};
use proptest::prelude::*;

fn tutorial() -> Map {
    load_str(include_str!("../../sample_maps/tutorial.ron"), "tutorial.ron").expect("valid")
}

/// An edit a user could make, its choices as numbers taken modulo the size
/// of the map at the time. Added claims draw their ids from a small pool that
/// both sides share, so that both sides sometimes add the same id.
#[derive(Clone, Debug)]
enum Edit {
    ClaimText { pick: usize, text: String },
    ClaimKind { pick: usize, kind: usize },
    MoveClaim { pick: usize, dx: i16 },
    AddClaim { slot: usize, text: String },
    Delete { pick: usize, what: usize },
    Relink { pick: usize, relation: usize, strength: usize },
    AddLink { from: usize, to: usize },
    EventDay { pick: usize, day: u32 },
    EventLane { pick: usize, lane: usize },
    AddTag { pick: usize, tag: String },
    AddCitation { pick: usize, quote: String },
    AddStep { title: String },
    StepNotes { pick: usize, notes: String },
    RemoveStep { pick: usize },
    Title { text: String },
}

fn edit() -> impl Strategy<Value = Edit> {
    let words = "[a-zA-Z习近平 ,.’]{1,20}";
    prop_oneof![
        (any::<usize>(), words).prop_map(|(pick, text)| Edit::ClaimText { pick, text }),
        (any::<usize>(), 0..4usize).prop_map(|(pick, kind)| Edit::ClaimKind { pick, kind }),
        (any::<usize>(), any::<i16>()).prop_map(|(pick, dx)| Edit::MoveClaim { pick, dx }),
        (0..3usize, words).prop_map(|(slot, text)| Edit::AddClaim { slot, text }),
        (any::<usize>(), 0..3usize).prop_map(|(pick, what)| Edit::Delete { pick, what }),
        (any::<usize>(), 0..4usize, 0..3usize).prop_map(|(pick, relation, strength)| Edit::Relink {
            pick,
            relation,
            strength
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::AddLink { from, to }),
        (any::<usize>(), 1..29u32).prop_map(|(pick, day)| Edit::EventDay { pick, day }),
        (any::<usize>(), any::<usize>()).prop_map(|(pick, lane)| Edit::EventLane { pick, lane }),
        (any::<usize>(), "[a-z]{1,6}").prop_map(|(pick, tag)| Edit::AddTag { pick, tag }),
        (any::<usize>(), words).prop_map(|(pick, quote)| Edit::AddCitation { pick, quote }),
        "[a-zA-Z ]{1,12}".prop_map(|title| Edit::AddStep { title }),
        (any::<usize>(), words).prop_map(|(pick, notes)| Edit::StepNotes { pick, notes }),
        any::<usize>().prop_map(|pick| Edit::RemoveStep { pick }),
        words.prop_map(|text| Edit::Title { text }),
    ]
}

fn pick(n: usize, len: usize) -> Option<usize> {
    (len > 0).then(|| n % len)
}

fn text_of(words: &str) -> Option<String> {
    let text = words.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `edit` made on `map`; false (and the map as it was) when it does not fit.
fn apply(map: &mut Map, edit: &Edit) -> bool {
    let before = map.clone();
    let done = make(map, edit).is_some();
    if !done || !validate(map).is_empty() {
        *map = before;
        return false;
    }
    true
}

fn make(map: &mut Map, edit: &Edit) -> Option<()> {
    match edit {
        Edit::ClaimText { pick: n, text } => {
            let index = pick(*n, map.claims.len())?;
            map.claims[index].text = text_of(text)?;
        }
        Edit::ClaimKind { pick: n, kind } => {
            let index = pick(*n, map.claims.len())?;
            map.claims[index].kind = ClaimKind::ALL[*kind];
        }
        Edit::MoveClaim { pick: n, dx } => {
            let index = pick(*n, map.claims.len())?;
            map.claims[index].position.x += f32::from(*dx);
        }
        Edit::AddClaim { slot, text } => {
            let id = format!("added-{slot}");
            if commands::id_in_use(map, &id) {
                return None;
            }
            map.claims.push(Claim::new(id, ClaimKind::Claim, text_of(text)?, Position::new(0.0, 0.0)));
        }
        Edit::Delete { pick: n, what } => {
            let item = match what {
                0 => ItemRef::Claim(map.claims.get(pick(*n, map.claims.len())?)?.id.clone()),
                1 => ItemRef::Event(map.events.get(pick(*n, map.events.len())?)?.id.clone()),
                _ => ItemRef::Link(map.links.get(pick(*n, map.links.len())?)?.id.clone()),
            };
            for op in commands::delete(map, &[item]).ops {
                op.apply(map).ok()?;
            }
        }
        Edit::Relink { pick: n, relation, strength } => {
            let index = pick(*n, map.links.len())?;
            map.links[index].relation = Relation::ALL[*relation];
            map.links[index].strength = Strength::ALL[*strength];
        }
        Edit::AddLink { from, to } => {
            let from = map.claims.get(pick(*from, map.claims.len())?)?.id.clone();
            let to = map.claims.get(pick(*to, map.claims.len())?)?.id.clone();
            map.links.push(Link {
                id: commands::fresh_id(map, "new link").into(),
                from: LinkFrom::Claim(from),
                to: LinkTo::Claim(to),
                relation: Relation::Supports,
                strength: Strength::Moderate,
                note: String::new(),
                citations: vec![],
            });
        }
        Edit::EventDay { pick: n, day } => {
            let index = pick(*n, map.events.len())?;
            let event = &mut map.events[index];
            event.date = Date::day(2021, 2, *day);
            event.end = None;
        }
        Edit::EventLane { pick: n, lane } => {
            let index = pick(*n, map.events.len())?;
            map.events[index].lane = map.lanes.get(pick(*lane, map.lanes.len())?)?.id.clone();
        }
        Edit::AddTag { pick: n, tag } => {
            let index = pick(*n, map.claims.len())?;
            map.claims[index].tags.push(tag.clone());
        }
        Edit::AddCitation { pick: n, quote } => {
            let index = pick(*n, map.claims.len())?;
            let source = map.sources.first()?.id.clone();
            map.claims[index].citations.push(Citation { source, quote: text_of(quote)?, locator: None, anchor: None });
        }
        Edit::AddStep { title } => {
            let step = StoryStep {
                title: text_of(title)?,
                shows: vec![],
                highlights: vec![],
                window: None,
                viewport: None,
                as_of: None,
                notes: String::new(),
            };
            map.story.push(step);
        }
        Edit::StepNotes { pick: n, notes } => {
            let index = pick(*n, map.story.len())?;
            map.story[index].notes = notes.clone();
        }
        Edit::RemoveStep { pick: n } => {
            let index = pick(*n, map.story.len())?;
            map.story.remove(index);
        }
        Edit::Title { text } => map.meta.title = text_of(text)?,
    }
    Some(())
}

fn edited(edits: &[Edit]) -> Map {
    let mut map = tutorial();
    for edit in edits {
        apply(&mut map, edit);
    }
    map
}

/// Which item a conflict is about (section and id), and its fields.
fn about(conflict: &Conflict) -> (&'static str, String, Vec<String>) {
    fn id<T: Keyed>(versions: &crate::model::Versions<T>) -> String {
        [&versions.ours, &versions.theirs, &versions.base]
            .into_iter()
            .flatten()
            .next()
            .map(|item| item.key().to_owned())
            .unwrap_or_default()
    }
    match conflict {
        Conflict::Meta(v) => ("meta", String::new(), v.fields.clone()),
        Conflict::Source(v) => ("sources", id(v), v.fields.clone()),
        Conflict::Lane(v) => ("lanes", id(v), v.fields.clone()),
        Conflict::Event(v) => ("events", id(v), v.fields.clone()),
        Conflict::Claim(v) => ("claims", id(v), v.fields.clone()),
        Conflict::Link(v) => ("links", id(v), v.fields.clone()),
        Conflict::Story(v) => ("story", String::new(), v.fields.clone()),
    }
}

/// Whether `merged` keeps the change `side` made to `base` in field `field`:
/// the same value, or for a list, every element the side added.
fn field_kept<T: Fields>(base: &T, side: &T, merged: &T, field: usize) -> bool {
    match (base.value(field), side.value(field), merged.value(field)) {
        (serde_json::Value::Array(base), serde_json::Value::Array(side), serde_json::Value::Array(merged)) => {
            side.iter().filter(|element| !base.contains(element)).all(|element| merged.contains(element))
        }
        _ => merged.same(side, field),
    }
}

/// Every change of `side` to one section is in `merged`, or in a conflict.
fn section_kept<T: Fields + Keyed>(
    section: &str,
    [base, side, merged]: [&[T]; 3],
    conflicts: &[(&'static str, String, Vec<String>)],
) -> Result<(), String> {
    let find = |items: &[T], id: &str| items.iter().find(|item| item.key() == id).cloned();
    let in_conflict = |id: &str, field: Option<&str>| {
        conflicts.iter().any(|(s, i, fields)| {
            *s == section && i == id && (fields.is_empty() || field.is_some_and(|f| fields.iter().any(|x| x == f)))
        })
    };
    let ids = base.iter().chain(side).map(|item| item.key().to_owned());
    for id in ids {
        match (find(base, &id), find(side, &id), find(merged, &id)) {
            (Some(_), None, Some(_)) if !in_conflict(&id, None) => {
                return Err(format!("{section} {id}: deletion lost"));
            }
            (None, Some(_), None) => return Err(format!("{section} {id}: addition lost")),
            (Some(b), Some(s), None) if b != s && !in_conflict(&id, None) => {
                return Err(format!("{section} {id}: changed but deleted without a conflict"));
            }
            (Some(b), Some(s), Some(m)) => {
                for (field, name) in T::NAMES.iter().enumerate() {
                    if !b.same(&s, field) && !field_kept(&b, &s, &m, field) && !in_conflict(&id, Some(name)) {
                        return Err(format!("{section} {id}: change of {name} lost"));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn every_change_kept(base: &Map, side: &Map, merged: &Map) -> Result<(), String> {
    let conflicts: Vec<_> = merged.conflicts.iter().map(about).collect();
    section_kept("sources", [&base.sources, &side.sources, &merged.sources], &conflicts)?;
    section_kept("lanes", [&base.lanes, &side.lanes, &merged.lanes], &conflicts)?;
    section_kept("events", [&base.events, &side.events, &merged.events], &conflicts)?;
    section_kept("claims", [&base.claims, &side.claims, &merged.claims], &conflicts)?;
    section_kept("links", [&base.links, &side.links, &merged.links], &conflicts)?;
    let meta_conflict = conflicts.iter().any(|(section, _, _)| *section == "meta");
    for (field, name) in crate::model::Meta::NAMES.iter().enumerate() {
        if !base.meta.same(&side.meta, field)
            && !field_kept(&base.meta, &side.meta, &merged.meta, field)
            && !meta_conflict
        {
            return Err(format!("meta {name}: change lost"));
        }
    }
    let story_conflict = conflicts.iter().any(|(section, _, _)| *section == "story");
    let new_steps = side.story.iter().filter(|step| !base.story.contains(step));
    if !story_conflict && new_steps.clone().any(|step| !merged.story.contains(step)) {
        return Err("a story step added or changed was lost".to_owned());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_side_that_changed_nothing_gives_the_other(edits in proptest::collection::vec(edit(), 1..12)) {
        let base = tutorial();
        let changed = edited(&edits);
        prop_assert_eq!(merge(&base, &changed, &base).expect("merges"), (changed.clone(), 0));
        prop_assert_eq!(merge(&base, &base, &changed).expect("merges"), (changed.clone(), 0));
        prop_assert_eq!(merge(&base, &changed, &changed).expect("merges"), (changed, 0));
    }

    #[test]
    fn no_change_of_either_side_is_dropped_without_a_conflict(
        ours in proptest::collection::vec(edit(), 1..12),
        theirs in proptest::collection::vec(edit(), 1..12),
    ) {
        let base = tutorial();
        let (our_map, their_map) = (edited(&ours), edited(&theirs));
        match merge(&base, &our_map, &their_map) {
            Ok((merged, new_conflicts)) => {
                prop_assert_eq!(new_conflicts, merged.conflicts.len());
                prop_assert_eq!(every_change_kept(&base, &our_map, &merged), Ok(()));
                prop_assert_eq!(every_change_kept(&base, &their_map, &merged), Ok(()));
                let text = to_ron_string(&merged).expect("writes");
                prop_assert_eq!(load_str(&text, "merged.ron").expect("the merged map loads"), merged);
            }
            // Two sides that drew the same link under two ids: refused, never half-merged.
            Err(super::MergeError::Invalid { problems }) => {
                prop_assert!(problems.iter().all(|p| p.contains("joins the same two items")), "{:?}", problems);
            }
        }
    }
}
