//! A student's map marked against the key: what was matched, missed and
//! added, how the relations and the matrix ratings compare, and a score
//! with how it is made. One list of [`Finding`]s feeds the printed report
//! (`argline compare`), the window's panel and its marks on the map; one
//! [`Tally`] the score line and the class CSV.

use super::align::{Alignment, align};
use super::links::{LinkComparison, Verdict, compare_links};
use crate::model::{ItemRef, LinkId, Map};
use std::fmt::Write as _;

/// The score's parts, out of 100.
pub const ITEMS_WEIGHT: u32 = 40;
pub const RELATIONS_WEIGHT: u32 = 40;
pub const RATINGS_WEIGHT: u32 = 20;

/// The student's map against the key.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyReport {
    pub alignment: Alignment,
    pub links: LinkComparison,
    /// The key's claims and events.
    pub key_items: usize,
}

/// The most claims and events, and the most links, of a map `compare`
/// takes: every pair of items is weighed, so time grows with the square of
/// the size; a class's maps hold hundreds.
pub const MOST_ITEMS: usize = 2_000;
pub const MOST_LINKS: usize = 10_000;

/// Why a map was not compared.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "{which} has {items} claims and events and {links} links: comparing takes maps of at most {MOST_ITEMS} \
     claims and events and {MOST_LINKS} links"
)]
pub struct TooLarge {
    /// "the key" or "the student's map".
    pub which: &'static str,
    pub items: usize,
    pub links: usize,
}

fn within_bounds(map: &Map, which: &'static str) -> Result<(), TooLarge> {
    let (items, links) = (map.claims.len() + map.events.len(), map.links.len());
    if items > MOST_ITEMS || links > MOST_LINKS { Err(TooLarge { which, items, links }) } else { Ok(()) }
}

/// The student's map compared with the key.
pub fn compare(key: &Map, student: &Map) -> Result<KeyReport, TooLarge> {
    within_bounds(key, "the key")?;
    within_bounds(student, "the student's map")?;
    let alignment = align(key, student);
    let links = compare_links(key, student, &alignment);
    Ok(KeyReport { alignment, links, key_items: key.claims.len() + key.events.len() })
}

/// The counts behind the score, and the CSV's columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub items_matched: usize,
    pub items_missing: usize,
    pub items_extra: usize,
    pub relations_agreeing: usize,
    pub relations_opposite: usize,
    pub relations_other: usize,
    pub relations_elsewhere: usize,
    pub relations_missing: usize,
    pub relations_extra: usize,
    pub ratings_agreeing: usize,
    pub ratings_differing: usize,
    pub ratings_missing: usize,
    pub ratings_extra: usize,
}

/// `part` of `whole` as a share; all of nothing is all (a key with no ratings asks for none).
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

impl Tally {
    /// The key's relations.
    pub fn relations(&self) -> usize {
        self.relations_agreeing
            + self.relations_opposite
            + self.relations_other
            + self.relations_elsewhere
            + self.relations_missing
    }

    /// The key's ratings.
    pub fn ratings(&self) -> usize {
        self.ratings_agreeing + self.ratings_differing + self.ratings_missing
    }

    /// Out of 100: [`ITEMS_WEIGHT`] × the share of the key's claims and
    /// events matched, plus [`RELATIONS_WEIGHT`] × the share of its relations
    /// agreeing, plus [`RATINGS_WEIGHT`] × the share of its ratings agreeing.
    pub fn score(&self) -> u32 {
        let items = share(self.items_matched, self.items_matched + self.items_missing);
        let relations = share(self.relations_agreeing, self.relations());
        let ratings = share(self.ratings_agreeing, self.ratings());
        let total = f64::from(ITEMS_WEIGHT) * items
            + f64::from(RELATIONS_WEIGHT) * relations
            + f64::from(RATINGS_WEIGHT) * ratings;
        total.round() as u32
    }

    /// "score 72/100 = 40 × 44/46 claims and events matched + …": the score and how it is made.
    pub fn score_line(&self) -> String {
        format!(
            "score {}/100 = {ITEMS_WEIGHT} × {}/{} claims and events matched + {RELATIONS_WEIGHT} × {}/{} relations \
             agreeing + {RATINGS_WEIGHT} × {}/{} ratings agreeing",
            self.score(),
            self.items_matched,
            self.items_matched + self.items_missing,
            self.relations_agreeing,
            self.relations(),
            self.ratings_agreeing,
            self.ratings(),
        )
    }

    /// Whether the student's map says what the key says: nothing missing,
    /// added or disagreeing (reworded text that matched is agreeing).
    pub fn agrees(&self) -> bool {
        self.relations_agreeing == self.relations()
            && self.ratings_agreeing == self.ratings()
            && self.items_missing + self.items_extra + self.relations_extra + self.ratings_extra == 0
    }
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A key item matched by a student item in other words.
    Reworded,
    MissingItem,
    ExtraItem,
    /// A key relation that does not agree (never [`Verdict::Agrees`]).
    Relation(Verdict),
    ExtraRelation,
    RatingDiffers,
    RatingMissing,
    ExtraRating,
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// What it says: `missing: claim "budget": “The council cut the budget”`.
    pub text: String,
    /// The key's item it is about (for a missing item: the item).
    pub key: Option<ItemRef>,
    /// The student's item it is about, to select and mark.
    pub student: Option<ItemRef>,
}

impl KeyReport {
    pub fn tally(&self) -> Tally {
        let relations = |verdict| self.links.relations.iter().filter(|check| check.verdict == verdict).count();
        let ratings = &self.links.ratings;
        Tally {
            items_matched: self.alignment.matched.len(),
            items_missing: self.alignment.missing.len(),
            items_extra: self.alignment.extra.len(),
            relations_agreeing: relations(Verdict::Agrees),
            relations_opposite: relations(Verdict::Opposite),
            relations_other: relations(Verdict::OtherRelation),
            relations_elsewhere: relations(Verdict::Elsewhere),
            relations_missing: relations(Verdict::Missing),
            relations_extra: self.links.extra_relations.len(),
            ratings_agreeing: ratings.iter().filter(|check| check.agrees()).count(),
            ratings_differing: ratings.iter().filter(|c| c.student_rating.is_some() && !c.agrees()).count(),
            ratings_missing: ratings.iter().filter(|check| check.student_rating.is_none()).count(),
            ratings_extra: self.links.extra_ratings.len(),
        }
    }

    /// Every difference from the key, and every reworded match, in the report's order.
    pub fn findings(&self, key: &Map, student: &Map) -> Vec<Finding> {
        let mut found = Vec::new();
        let mut add = |kind, text: String, key: Option<ItemRef>, student: Option<ItemRef>| {
            found.push(Finding { kind, text, key, student });
        };
        let link_label = |map: &Map, id: &LinkId| map.link(id).map_or_else(|| id.to_string(), |l| map.link_label(l));
        for matched in self.alignment.matched.iter().filter(|matched| matched.similarity < 1.0) {
            let text = format!(
                "reworded: {} for key {} (similarity {:.2}): {} for {}",
                matched.student,
                matched.key,
                matched.similarity,
                student.item_name(&matched.student),
                key.item_name(&matched.key)
            );
            add(FindingKind::Reworded, text, Some(matched.key.clone()), Some(matched.student.clone()));
        }
        for item in &self.alignment.missing {
            add(
                FindingKind::MissingItem,
                format!("missing: {item}: {}", key.item_name(item)),
                Some(item.clone()),
                None,
            );
        }
        for item in &self.alignment.extra {
            let text = format!("extra: {item}: {}", student.item_name(item));
            add(FindingKind::ExtraItem, text, None, Some(item.clone()));
        }
        for check in self.links.relations.iter().filter(|check| check.verdict != Verdict::Agrees) {
            let what = match check.verdict {
                Verdict::Opposite => "opposite sign",
                Verdict::OtherRelation => "another relation",
                Verdict::Elsewhere => "pointing elsewhere",
                Verdict::Agrees | Verdict::Missing => "missing",
            };
            let mut text = format!("{what}: key: {}", link_label(key, &check.key));
            if let Some(theirs) = &check.student {
                let _ = write!(text, "; student: {}", link_label(student, theirs));
            }
            let student_link = check.student.clone().map(ItemRef::Link);
            add(FindingKind::Relation(check.verdict), text, Some(ItemRef::Link(check.key.clone())), student_link);
        }
        for id in &self.links.extra_relations {
            let text = format!("extra: student: {}", link_label(student, id));
            add(FindingKind::ExtraRelation, text, None, Some(ItemRef::Link(id.clone())));
        }
        for check in self.links.ratings.iter().filter(|check| !check.agrees()) {
            let (kind, theirs) = match check.student_rating {
                Some(rating) => (FindingKind::RatingDiffers, format!("student {}", rating.code())),
                None => (FindingKind::RatingMissing, "student left it empty".to_owned()),
            };
            let verb = if kind == FindingKind::RatingDiffers { "differs" } else { "missing" };
            let text = format!("{verb}: {}: key {}, {theirs}", link_label(key, &check.key), check.key_rating.code());
            add(kind, text, Some(ItemRef::Link(check.key.clone())), check.student.clone().map(ItemRef::Link));
        }
        for id in &self.links.extra_ratings {
            let rating = student.link(id).and_then(crate::analysis::Rating::of).map_or("", |rating| rating.code());
            let text = format!("extra: student: {}: {rating}", link_label(student, id));
            add(FindingKind::ExtraRating, text, None, Some(ItemRef::Link(id.clone())));
        }
        found
    }

    /// The report as `argline compare` prints it: the score, then a section
    /// each for the claims and events, the relations and the ratings.
    pub fn to_text(&self, key: &Map, student: &Map) -> String {
        let tally = self.tally();
        let findings = self.findings(key, student);
        let mut out = format!("{}\n", tally.score_line());
        let mut section = |heading: String, belongs: &dyn Fn(FindingKind) -> bool| {
            let _ = writeln!(out, "{heading}");
            for finding in findings.iter().filter(|finding| belongs(finding.kind)) {
                let _ = writeln!(out, "  {}", finding.text);
            }
        };
        section(
            format!(
                "claims and events: {} of {} matched, {} missing, {} extra",
                tally.items_matched, self.key_items, tally.items_missing, tally.items_extra
            ),
            &|kind| matches!(kind, FindingKind::Reworded | FindingKind::MissingItem | FindingKind::ExtraItem),
        );
        section(
            format!(
                "relations: {} of {} agree, {} of the opposite sign, {} another relation, {} pointing elsewhere, \
                 {} missing, {} extra",
                tally.relations_agreeing,
                tally.relations(),
                tally.relations_opposite,
                tally.relations_other,
                tally.relations_elsewhere,
                tally.relations_missing,
                tally.relations_extra
            ),
            &|kind| matches!(kind, FindingKind::Relation(_) | FindingKind::ExtraRelation),
        );
        section(
            format!(
                "ratings: {} of {} agree, {} differ, {} missing, {} extra",
                tally.ratings_agreeing,
                tally.ratings(),
                tally.ratings_differing,
                tally.ratings_missing,
                tally.ratings_extra
            ),
            &|kind| matches!(kind, FindingKind::RatingDiffers | FindingKind::RatingMissing | FindingKind::ExtraRating),
        );
        out
    }
}

/// The header of the class CSV (`argline compare KEY DIR/`).
pub const CSV_COLUMNS: [&str; 16] = [
    "file",
    "score",
    "items_matched",
    "items_missing",
    "items_extra",
    "relations_agreeing",
    "relations_opposite",
    "relations_other",
    "relations_elsewhere",
    "relations_missing",
    "relations_extra",
    "ratings_agreeing",
    "ratings_differing",
    "ratings_missing",
    "ratings_extra",
    "error",
];

/// One row of the class CSV: a student's file and its tally, or why it could not be marked.
pub fn csv_row(file: &str, marked: Result<&Tally, &str>) -> String {
    let cells: Vec<String> = match marked {
        Ok(tally) => {
            let counts = [
                tally.items_matched,
                tally.items_missing,
                tally.items_extra,
                tally.relations_agreeing,
                tally.relations_opposite,
                tally.relations_other,
                tally.relations_elsewhere,
                tally.relations_missing,
                tally.relations_extra,
                tally.ratings_agreeing,
                tally.ratings_differing,
                tally.ratings_missing,
                tally.ratings_extra,
            ];
            let numbers = std::iter::once(tally.score() as usize).chain(counts).map(|n| n.to_string());
            std::iter::once(crate::interchange::csv::write::cell(file)).chain(numbers).chain([String::new()]).collect()
        }
        Err(error) => std::iter::once(crate::interchange::csv::write::cell(file))
            .chain((0..CSV_COLUMNS.len() - 2).map(|_| String::new()))
            .chain([crate::interchange::csv::write::cell(error)])
            .collect(),
    };
    cells.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Position};

    #[test]
    fn a_map_too_large_to_weigh_every_pair_is_refused_with_its_size() {
        let claims =
            (0..=MOST_ITEMS).map(|i| Claim::new(format!("c{i}"), ClaimKind::Claim, "A claim", Position::default()));
        let huge = Map { claims: claims.collect(), ..Map::default() };
        let small = Map::default();
        let refused = compare(&small, &huge).expect_err("too large");
        assert_eq!(refused, TooLarge { which: "the student's map", items: MOST_ITEMS + 1, links: 0 });
        assert!(refused.to_string().starts_with("the student's map has 2001 claims and events and 0 links"));
        assert!(compare(&small, &small).is_ok_and(|report| report.tally().agrees() && report.tally().score() == 100));
    }
}
