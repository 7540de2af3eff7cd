//! The key's links against the student's, through the alignment of their
//! items. A key link that is a cell of a competing-hypotheses matrix (its
//! rating) is checked for the same rating between the counterparts of its
//! ends; any other key link (a relation) for a link between them that
//! agrees, is of the opposite sign (supports against opposes or undercuts),
//! or says another relation (neutral against supports…); failing those, for
//! a link from the counterpart of its start that points elsewhere. A
//! relation's strength is left to the ratings, where it is the grade.
//! Student links no key link accounts for are extra.

use super::align::Alignment;
use crate::analysis::{self, Matrix, Rating};
use crate::model::{ItemRef, Link, LinkId, Map, Relation};
use std::collections::{HashMap, HashSet};

/// How a key relation fares in the student's map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The same relation between the counterparts of its ends.
    Agrees,
    /// Between them, but of the opposite sign.
    Opposite,
    /// Between them, another relation of no opposite sign (neutral, or opposes against undercuts).
    OtherRelation,
    /// From the counterpart of its start, to something else.
    Elsewhere,
    Missing,
}

/// One key relation and what the student made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationCheck {
    pub key: LinkId,
    pub student: Option<LinkId>,
    pub verdict: Verdict,
}

/// One key rating (a matrix cell) and the student's for the same cell.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingCheck {
    pub key: LinkId,
    pub key_rating: Rating,
    pub student: Option<LinkId>,
    /// `None`: the student left the cell empty (or lacks its row or column).
    pub student_rating: Option<Rating>,
}

impl RatingCheck {
    pub fn agrees(&self) -> bool {
        self.student_rating == Some(self.key_rating)
    }
}

/// Every key link checked, and the student's links left over.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkComparison {
    /// In the key's order.
    pub relations: Vec<RelationCheck>,
    pub ratings: Vec<RatingCheck>,
    /// In the student's order.
    pub extra_relations: Vec<LinkId>,
    pub extra_ratings: Vec<LinkId>,
}

/// The links that are cells of the map's matrices (one per question).
pub fn matrix_cells(map: &Map) -> HashSet<LinkId> {
    analysis::questions(map)
        .iter()
        .flat_map(|question| Matrix::of_question(map, question.as_ref(), None).rows)
        .flat_map(|row| row.cells.into_iter().flatten().map(|cell| cell.link))
        .collect()
}

fn sign(relation: Relation) -> i8 {
    match relation {
        Relation::Supports => 1,
        Relation::Opposes | Relation::Undercuts => -1,
        Relation::Neutral => 0,
    }
}

fn verdict(key: Relation, student: Relation) -> Verdict {
    if key == student {
        Verdict::Agrees
    } else if sign(key) * sign(student) < 0 {
        Verdict::Opposite
    } else {
        Verdict::OtherRelation
    }
}

/// The student's links by their ends, and which of them a key link has claimed.
struct StudentLinks<'m> {
    links: &'m [Link],
    between: HashMap<(ItemRef, ItemRef), Vec<usize>>,
    starting_at: HashMap<ItemRef, Vec<usize>>,
    used: Vec<bool>,
}

impl<'m> StudentLinks<'m> {
    fn of(links: &'m [Link]) -> Self {
        let (mut between, mut starting_at) = (HashMap::new(), HashMap::new());
        for (index, link) in links.iter().enumerate() {
            let ends = (link.source_item(), link.target_item());
            between.entry(ends).or_insert_with(Vec::new).push(index);
            starting_at.entry(link.source_item()).or_insert_with(Vec::new).push(index);
        }
        Self { links, between, starting_at, used: vec![false; links.len()] }
    }

    fn take(&mut self, index: usize) -> Option<&'m Link> {
        self.used[index] = true;
        self.links.get(index)
    }

    /// The unused link from `from` to `to`, one of relation `relation` if any.
    fn between(&mut self, from: &ItemRef, to: &ItemRef, relation: Relation) -> Option<&'m Link> {
        let found: Vec<usize> = self
            .between
            .get(&(from.clone(), to.clone()))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| !self.used[i])
            .collect();
        let best = found.iter().copied().find(|&i| self.links[i].relation == relation).or(found.first().copied())?;
        self.take(best)
    }

    /// The first unused link from `from` that is not a cell.
    fn from(&mut self, from: &ItemRef, cells: &HashSet<LinkId>) -> Option<&'m Link> {
        let index = self
            .starting_at
            .get(from)
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| !self.used[i] && !cells.contains(&self.links[i].id))?;
        self.take(index)
    }
}

/// The key's links checked against the student's, through `alignment`.
pub fn compare_links(key: &Map, student: &Map, alignment: &Alignment) -> LinkComparison {
    let (key_cells, student_cells) = (matrix_cells(key), matrix_cells(student));
    let mut links = StudentLinks::of(&student.links);
    let key_places: HashMap<ItemRef, usize> =
        key.links.iter().enumerate().map(|(index, link)| (ItemRef::Link(link.id.clone()), index)).collect();
    // A key link's counterpart, once found: the end of a link onto that link.
    let mut counterparts: HashMap<ItemRef, ItemRef> = HashMap::new();
    let mut found: HashMap<usize, Option<(LinkId, Relation)>> = HashMap::new();
    // Links onto links after the links they bear on: pass after pass until nothing more resolves.
    loop {
        let before = found.len();
        for (index, link) in key.links.iter().enumerate() {
            if found.contains_key(&index) {
                continue;
            }
            let target = link.target_item();
            let to = match &target {
                ItemRef::Link(_) if !counterparts.contains_key(&target) => {
                    if key_places.get(&target).is_some_and(|other| !found.contains_key(other)) {
                        continue;
                    }
                    None
                }
                ItemRef::Link(_) => counterparts.get(&target),
                _ => alignment.student_of(&target),
            };
            let from = alignment.student_of(&link.source_item());
            let matching = match (from, to) {
                (Some(from), Some(to)) => links.between(from, to, link.relation).map(|s| (s.id.clone(), s.relation)),
                _ => None,
            };
            if let Some((id, _)) = &matching {
                counterparts.insert(ItemRef::Link(link.id.clone()), ItemRef::Link(id.clone()));
            }
            found.insert(index, matching);
        }
        if found.len() == before {
            break;
        }
    }
    let mut comparison = LinkComparison::default();
    for (index, link) in key.links.iter().enumerate() {
        let matching = found.get(&index).cloned().flatten();
        if key_cells.contains(&link.id) {
            let Some(key_rating) = Rating::of(link) else { continue };
            let student_link = matching.as_ref().and_then(|(id, _)| student.link(id));
            comparison.ratings.push(RatingCheck {
                key: link.id.clone(),
                key_rating,
                student: student_link.map(|found| found.id.clone()),
                student_rating: student_link.and_then(Rating::of),
            });
            continue;
        }
        let (student_link, verdict) = match matching {
            Some((id, relation)) => (Some(id), verdict(link.relation, relation)),
            None => match alignment.student_of(&link.source_item()).and_then(|from| links.from(from, &student_cells)) {
                Some(elsewhere) => (Some(elsewhere.id.clone()), Verdict::Elsewhere),
                None => (None, Verdict::Missing),
            },
        };
        comparison.relations.push(RelationCheck { key: link.id.clone(), student: student_link, verdict });
    }
    for (link, _) in student.links.iter().zip(&links.used).filter(|(_, used)| !**used) {
        let extras = if student_cells.contains(&link.id) {
            &mut comparison.extra_ratings
        } else {
            &mut comparison.extra_relations
        };
        extras.push(link.id.clone());
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, LinkFrom, LinkTo, Position, Strength};
    use crate::teaching::align;

    fn link(id: &str, from: &str, to: LinkTo, relation: Relation) -> Link {
        Link {
            id: id.into(),
            from: LinkFrom::Claim(from.into()),
            to,
            relation,
            strength: Strength::Moderate,
            note: String::new(),
            citations: Vec::new(),
        }
    }

    fn claim(id: &str) -> LinkTo {
        LinkTo::Claim(id.into())
    }

    /// Three claims, `reason` supporting `deal`, `doubt` undercutting that link.
    fn map(links: Vec<Link>) -> Map {
        let claims =
            [("deal", "The deal was signed"), ("reason", "Sanctions loomed"), ("doubt", "Sanctions were weak")];
        let claims = claims.iter().map(|(id, text)| Claim::new(*id, ClaimKind::Claim, *text, Position::default()));
        Map { claims: claims.collect(), links, ..Map::default() }
    }

    fn verdicts(key: &Map, student: &Map) -> Vec<Verdict> {
        compare_links(key, student, &align(key, student)).relations.iter().map(|check| check.verdict).collect()
    }

    #[test]
    fn a_relation_agrees_is_flipped_says_another_or_points_elsewhere() {
        let key = map(vec![
            link("supports", "reason", claim("deal"), Relation::Supports),
            link("undercut", "doubt", LinkTo::Link("supports".into()), Relation::Undercuts),
        ]);
        assert_eq!(verdicts(&key, &key), [Verdict::Agrees, Verdict::Agrees], "an undercutter follows its link");
        let flipped = map(vec![
            link("s", "reason", claim("deal"), Relation::Opposes),
            link("u", "doubt", LinkTo::Link("s".into()), Relation::Opposes),
        ]);
        assert_eq!(verdicts(&key, &flipped), [Verdict::Opposite, Verdict::OtherRelation]);
        let elsewhere = map(vec![
            link("s", "reason", claim("doubt"), Relation::Supports),
            link("u", "doubt", claim("deal"), Relation::Undercuts),
            link("x", "deal", claim("reason"), Relation::Supports),
        ]);
        assert_eq!(verdicts(&key, &elsewhere), [Verdict::Elsewhere, Verdict::Elsewhere]);
        let comparison = compare_links(&key, &elsewhere, &align(&key, &elsewhere));
        assert_eq!(comparison.extra_relations, vec![LinkId::from("x")], "the link the key has none like");
        assert_eq!(verdicts(&key, &map(Vec::new())), [Verdict::Missing, Verdict::Missing]);
    }
}
