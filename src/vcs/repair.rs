//! After a merge by id, items one side deleted may still be used by what the
//! other side added or changed (a link to a deleted claim, an event on a
//! deleted lane, a quote of a deleted source, a story step showing a deleted
//! event). Such items are put back, from the side that kept them, and each is
//! a conflict ("deleted on one side only"), so the merged map is valid and
//! the deletion is not lost without a word.

use super::fields::Keyed;
use crate::model::{Citation, Conflict, ItemRef, LinkFrom, LinkTo, Map, Versions};
use std::collections::BTreeSet;

/// An item the merged map refers to but lacks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Missing {
    Source(String),
    Lane(String),
    Event(String),
    Claim(String),
    Link(String),
}

/// Puts back every item `merged` uses but lacks, taken from `versions`
/// (base, ours, theirs), recording a conflict for each.
pub fn restore_used_items(versions: [&Map; 3], merged: &mut Map, conflicts: &mut Vec<Conflict>) {
    loop {
        let missing = missing_items(merged);
        let before = count_items(merged);
        for item in missing {
            restore(&item, versions, merged, conflicts);
        }
        if count_items(merged) == before {
            return;
        }
    }
}

fn count_items(map: &Map) -> usize {
    map.sources.len() + map.lanes.len() + map.events.len() + map.claims.len() + map.links.len()
}

fn missing_items(map: &Map) -> BTreeSet<Missing> {
    let ids = |keys: Vec<&str>| -> BTreeSet<String> { keys.into_iter().map(str::to_owned).collect() };
    let sources = ids(map.sources.iter().map(|x| x.key()).collect());
    let lanes = ids(map.lanes.iter().map(|x| x.key()).collect());
    let events = ids(map.events.iter().map(|x| x.key()).collect());
    let claims = ids(map.claims.iter().map(|x| x.key()).collect());
    let links = ids(map.links.iter().map(|x| x.key()).collect());
    let mut missing = BTreeSet::new();
    let cited = |citations: &[Citation], missing: &mut BTreeSet<Missing>| {
        for citation in citations {
            if !sources.contains(citation.source.as_str()) {
                missing.insert(Missing::Source(citation.source.to_string()));
            }
        }
    };
    for event in &map.events {
        if !lanes.contains(event.lane.as_str()) {
            missing.insert(Missing::Lane(event.lane.to_string()));
        }
        cited(&event.citations, &mut missing);
    }
    for claim in &map.claims {
        cited(&claim.citations, &mut missing);
    }
    let used = |item: ItemRef, missing: &mut BTreeSet<Missing>| match item {
        ItemRef::Event(id) if !events.contains(id.as_str()) => {
            missing.insert(Missing::Event(id.to_string()));
        }
        ItemRef::Claim(id) if !claims.contains(id.as_str()) => {
            missing.insert(Missing::Claim(id.to_string()));
        }
        ItemRef::Link(id) if !links.contains(id.as_str()) => {
            missing.insert(Missing::Link(id.to_string()));
        }
        _ => {}
    };
    for link in &map.links {
        cited(&link.citations, &mut missing);
        used(
            match &link.from {
                LinkFrom::Event(id) => ItemRef::Event(id.clone()),
                LinkFrom::Claim(id) => ItemRef::Claim(id.clone()),
            },
            &mut missing,
        );
        used(
            match &link.to {
                LinkTo::Claim(id) => ItemRef::Claim(id.clone()),
                LinkTo::Link(id) => ItemRef::Link(id.clone()),
            },
            &mut missing,
        );
    }
    for step in &map.story {
        for item in step.shows.iter().chain(&step.highlights) {
            used(item.clone(), &mut missing);
        }
    }
    missing
}

/// Puts `item` back from the first of ours, theirs and base that has it.
fn restore(item: &Missing, [base, ours, theirs]: [&Map; 3], merged: &mut Map, conflicts: &mut Vec<Conflict>) {
    fn put_back<T: Keyed + Clone>(
        id: &str,
        section: impl Fn(&Map) -> &Vec<T>,
        [base, ours, theirs]: [&Map; 3],
        into: &mut Vec<T>,
        wrap: fn(Versions<T>) -> Conflict,
        conflicts: &mut Vec<Conflict>,
    ) {
        let find = |map: &Map| section(map).iter().find(|x| x.key() == id).cloned();
        let versions = Versions { fields: Vec::new(), base: find(base), ours: find(ours), theirs: find(theirs) };
        if let Some(kept) = versions.ours.clone().or_else(|| versions.theirs.clone()).or_else(|| versions.base.clone())
        {
            into.push(kept);
            conflicts.push(wrap(versions));
        }
    }
    let versions = [base, ours, theirs];
    match item {
        Missing::Source(id) => put_back(id, |m| &m.sources, versions, &mut merged.sources, Conflict::Source, conflicts),
        Missing::Lane(id) => put_back(id, |m| &m.lanes, versions, &mut merged.lanes, Conflict::Lane, conflicts),
        Missing::Event(id) => put_back(id, |m| &m.events, versions, &mut merged.events, Conflict::Event, conflicts),
        Missing::Claim(id) => put_back(id, |m| &m.claims, versions, &mut merged.claims, Conflict::Claim, conflicts),
        Missing::Link(id) => put_back(id, |m| &m.links, versions, &mut merged.links, Conflict::Link, conflicts),
    }
}
