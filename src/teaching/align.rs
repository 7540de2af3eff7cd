//! Which of a student's claims and events stand for which of the key's: not
//! by id (students make their own) but by what they say and where they
//! stand. Each pair of the same sort (claim with claim, event with event) is
//! scored by its text ([`Words::similarity`]; an event's date counts too, a
//! claim of another kind counts a little less), then pairs are taken
//! one-to-one, best first, over a threshold: first the near-certain ones,
//! as anchors; then, twice over, with the structure around each pair added
//! to its score — the share of the key item's neighbours whose counterparts
//! are the student item's neighbours — so that a claim reworded past
//! recognition is still matched where it is linked as the key's is.
//! Greedy rather than Hungarian: a claim is matched to its best partner
//! first, which is what a teacher marking by hand does, and it is stable
//! under the small edits students make.

use super::similarity::Words;
use crate::model::{ClaimKind, ItemRef, Map};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Text this alike matches at once, without looking at the structure.
const ANCHOR: f64 = 0.6;
/// The least score (text plus structure) of a match.
const MATCH: f64 = 0.35;
/// The least text similarity of a match, however well its neighbours agree.
const LEAST_TEXT: f64 = 0.15;
/// How much the structure adds, all neighbours agreeing.
const STRUCTURE_WEIGHT: f64 = 0.3;
/// What a claim of another kind keeps of its text similarity.
const OTHER_KIND: f64 = 0.9;
/// For events: the share of the title in the score (the rest is the date),
/// and the days apart at which dates count as nothing alike.
const EVENT_TITLE_SHARE: f64 = 0.85;
const DAYS_APART: f64 = 90.0;

/// A key item and the student's item taken to stand for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    pub key: ItemRef,
    pub student: ItemRef,
    /// How alike their texts are, from 0 to 1 (1: the same content words).
    pub similarity: f64,
}

/// The student's map aligned with the key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// In the key's order: claims, then events.
    pub matched: Vec<Matched>,
    /// Key items with no counterpart, in the key's order.
    pub missing: Vec<ItemRef>,
    /// Student items with no counterpart, in the student's order.
    pub extra: Vec<ItemRef>,
    to_student: HashMap<ItemRef, ItemRef>,
}

impl Alignment {
    /// The student's item that stands for `key`'s item.
    pub fn student_of(&self, key: &ItemRef) -> Option<&ItemRef> {
        self.to_student.get(key)
    }
}

/// What an item is, beyond its words.
enum Shape {
    Claim(ClaimKind),
    Event(NaiveDate),
}

/// One map's claims and events, as the alignment compares them.
struct Side {
    items: Vec<ItemRef>,
    words: Vec<Words>,
    shapes: Vec<Shape>,
    /// For each item, the items linked to it directly (by index).
    neighbours: Vec<HashSet<usize>>,
}

impl Side {
    fn of(map: &Map) -> Self {
        let mut items = Vec::new();
        let (mut words, mut shapes) = (Vec::new(), Vec::new());
        for claim in &map.claims {
            items.push(ItemRef::Claim(claim.id.clone()));
            words.push(Words::of(&claim.text));
            shapes.push(Shape::Claim(claim.kind));
        }
        for event in &map.events {
            items.push(ItemRef::Event(event.id.clone()));
            words.push(Words::of(&event.title));
            shapes.push(Shape::Event(event.date.first_day()));
        }
        let place: HashMap<&ItemRef, usize> = items.iter().enumerate().map(|(index, item)| (item, index)).collect();
        let mut neighbours = vec![HashSet::new(); items.len()];
        for link in &map.links {
            let (from, to) = (link.source_item(), link.target_item());
            if let (Some(&from), Some(&to)) = (place.get(&from), place.get(&to)) {
                neighbours[from].insert(to);
                neighbours[to].insert(from);
            }
        }
        Self { items, words, shapes, neighbours }
    }
}

/// How alike key item `i` and student item `j` are by what they say (0 for
/// a claim against an event).
fn text_similarity(key: &Side, i: usize, student: &Side, j: usize) -> f64 {
    let words = key.words[i].similarity(&student.words[j]);
    match (&key.shapes[i], &student.shapes[j]) {
        (Shape::Claim(a), Shape::Claim(b)) if a == b => words,
        (Shape::Claim(_), Shape::Claim(_)) => words * OTHER_KIND,
        (Shape::Event(a), Shape::Event(b)) => {
            let days = (*a - *b).num_days().unsigned_abs() as f64;
            let date = (1.0 - days / DAYS_APART).max(0.0);
            EVENT_TITLE_SHARE * words + (1.0 - EVENT_TITLE_SHARE) * date
        }
        _ => 0.0,
    }
}

/// The share of key item `i`'s neighbours whose counterparts (in `matched`)
/// are student item `j`'s neighbours, over the larger neighbourhood.
fn structure(key: &Side, i: usize, student: &Side, j: usize, matched: &[Option<usize>]) -> f64 {
    let (around_key, around_student) = (&key.neighbours[i], &student.neighbours[j]);
    let larger = around_key.len().max(around_student.len());
    if larger == 0 {
        return 0.0;
    }
    let agreeing = around_key
        .iter()
        .filter(|&&n| matched.get(n).copied().flatten().is_some_and(|m| around_student.contains(&m)))
        .count();
    agreeing as f64 / larger as f64
}

/// One-to-one, best first: for each key item, the student item it is paired
/// with. Ties go to the earlier items, so the same maps always align alike.
fn best_first(candidates: &mut [(f64, usize, usize)], keys: usize, threshold: f64) -> Vec<Option<usize>> {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut matched = vec![None; keys];
    let mut taken = HashSet::new();
    for &(score, i, j) in candidates.iter() {
        if score < threshold {
            break;
        }
        if matched[i].is_none() && !taken.contains(&j) {
            matched[i] = Some(j);
            taken.insert(j);
        }
    }
    matched
}

/// The student's map aligned with the key's.
pub fn align(key_map: &Map, student_map: &Map) -> Alignment {
    let (key, student) = (Side::of(key_map), Side::of(student_map));
    let mut texts = Vec::new();
    for i in 0..key.items.len() {
        for j in 0..student.items.len() {
            let text = text_similarity(&key, i, &student, j);
            if text >= LEAST_TEXT {
                texts.push((text, i, j));
            }
        }
    }
    let mut matched = best_first(&mut texts.clone(), key.items.len(), ANCHOR);
    for _ in 0..2 {
        let mut scored: Vec<(f64, usize, usize)> = texts
            .iter()
            .map(|&(text, i, j)| (text + STRUCTURE_WEIGHT * structure(&key, i, &student, j, &matched), i, j))
            .collect();
        matched = best_first(&mut scored, key.items.len(), MATCH);
    }
    let similarity: HashMap<(usize, usize), f64> = texts.iter().map(|&(text, i, j)| ((i, j), text)).collect();
    let mut alignment = Alignment::default();
    let mut taken = HashSet::new();
    for (i, counterpart) in matched.iter().enumerate() {
        match counterpart {
            Some(j) => {
                taken.insert(*j);
                let (key_item, student_item) = (key.items[i].clone(), student.items[*j].clone());
                let similarity = similarity.get(&(i, *j)).copied().unwrap_or_default();
                alignment.to_student.insert(key_item.clone(), student_item.clone());
                alignment.matched.push(Matched { key: key_item, student: student_item, similarity });
            }
            None => alignment.missing.push(key.items[i].clone()),
        }
    }
    alignment.extra =
        student.items.iter().enumerate().filter(|(j, _)| !taken.contains(j)).map(|(_, item)| item.clone()).collect();
    alignment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkFrom, LinkTo, Position, Relation, Strength};

    fn claim(id: &str, text: &str) -> Claim {
        Claim::new(id, ClaimKind::Claim, text, Position::default())
    }

    fn link(id: &str, from: &str, to: &str) -> Link {
        Link {
            id: id.into(),
            from: LinkFrom::Claim(from.into()),
            to: LinkTo::Claim(to.into()),
            relation: Relation::Supports,
            strength: Strength::Moderate,
            note: String::new(),
            citations: Vec::new(),
        }
    }

    fn map(claims: Vec<Claim>, links: Vec<Link>) -> Map {
        Map { claims, links, ..Map::default() }
    }

    #[test]
    fn the_same_text_matches_whatever_the_ids() {
        let key = map(vec![claim("a", "Sanctions were threatened"), claim("b", "A hotline was set up")], vec![]);
        let student = map(vec![claim("x", "a hotline was set up"), claim("y", "sanctions were threatened!")], vec![]);
        let alignment = align(&key, &student);
        assert_eq!(alignment.student_of(&ItemRef::Claim("a".into())), Some(&ItemRef::Claim("y".into())));
        assert_eq!(alignment.student_of(&ItemRef::Claim("b".into())), Some(&ItemRef::Claim("x".into())));
        assert!(alignment.missing.is_empty() && alignment.extra.is_empty());
    }

    #[test]
    fn linked_neighbours_decide_a_weak_text_match() {
        let key = map(
            vec![claim("deal", "The cyber deal was signed"), claim("why", "Beijing feared the sanctions")],
            vec![link("l", "why", "deal")],
        );
        let reworded = "China feared being penalised over hacking";
        let alone = map(vec![claim("d", "the cyber deal was signed"), claim("w", reworded)], vec![]);
        let linked = map(alone.claims.clone(), vec![link("m", "w", "d")]);
        let why = ItemRef::Claim("why".into());
        let text = Words::of("Beijing feared the sanctions").similarity(&Words::of(reworded));
        assert!(text < MATCH, "the texts alone are too far apart: {text}");
        assert_eq!(align(&key, &alone).student_of(&why), None);
        assert_eq!(align(&key, &linked).student_of(&why), Some(&ItemRef::Claim("w".into())));
    }

    #[test]
    fn each_student_item_stands_for_one_key_item_at_most() {
        let key = map(
            vec![claim("a", "The sanctions threat worked"), claim("b", "The sanctions threat worked well")],
            vec![],
        );
        let student = map(vec![claim("x", "The sanctions threat worked")], vec![]);
        let alignment = align(&key, &student);
        assert_eq!(alignment.matched.len(), 1);
        assert_eq!(alignment.matched[0].key, ItemRef::Claim("a".into()), "the better match wins");
        assert_eq!(alignment.missing, vec![ItemRef::Claim("b".into())]);
    }
}
