//! The competing-hypotheses matrix (Heuer's Analysis of Competing
//! Hypotheses) read straight off the map: columns are the explanations, rows
//! the events and claims linked to them as evidence, and each cell is the
//! link between the two, rated CC, C, N, I or II by its relation and
//! strength. No second copy: rating a cell is editing that link.
//!
//! A map has one matrix per question its explanations answer ([`questions`]):
//! the columns of a question's matrix are the explanations that answer it,
//! so that explanations of different questions are never ranked against each
//! other. A map whose explanations answer no question has one matrix of them
//! all. A composite explanation ("some combination of the others") is left
//! out: nothing would be rated against it, and it would rank first.
//!
//! Scores, per explanation: the inconsistency score (I counts 1, II counts
//! 2, consistent and neutral ratings 0; fewest ranks first) and the weighted
//! score (each inconsistency × the row's credibility × its relevance weight).

use crate::model::{ClaimId, ClaimKind, ItemRef, Level, Link, LinkFrom, LinkId, LinkTo, Map, Relation, Strength};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A cell's rating, from strongly consistent to strongly inconsistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    VeryConsistent,
    Consistent,
    Neutral,
    Inconsistent,
    VeryInconsistent,
}

impl Rating {
    /// In the order of the keys 1–5 that set them.
    pub const ALL: [Rating; 5] =
        [Self::VeryConsistent, Self::Consistent, Self::Neutral, Self::Inconsistent, Self::VeryInconsistent];

    /// The rating a link gives: strong support CC, other support C, neutral N,
    /// opposition I, strong opposition II. Undercutters rate nothing.
    pub fn of(link: &Link) -> Option<Rating> {
        match (link.relation, link.strength) {
            (Relation::Supports, Strength::Strong) => Some(Self::VeryConsistent),
            (Relation::Supports, _) => Some(Self::Consistent),
            (Relation::Neutral, _) => Some(Self::Neutral),
            (Relation::Opposes, Strength::Strong) => Some(Self::VeryInconsistent),
            (Relation::Opposes, _) => Some(Self::Inconsistent),
            (Relation::Undercuts, _) => None,
        }
    }

    /// The relation and strength a link needs to carry this rating.
    pub fn relation_and_strength(self) -> (Relation, Strength) {
        match self {
            Self::VeryConsistent => (Relation::Supports, Strength::Strong),
            Self::Consistent => (Relation::Supports, Strength::Moderate),
            Self::Neutral => (Relation::Neutral, Strength::Moderate),
            Self::Inconsistent => (Relation::Opposes, Strength::Moderate),
            Self::VeryInconsistent => (Relation::Opposes, Strength::Strong),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::VeryConsistent => "CC",
            Self::Consistent => "C",
            Self::Neutral => "N",
            Self::Inconsistent => "I",
            Self::VeryInconsistent => "II",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::VeryConsistent => "strongly consistent",
            Self::Consistent => "consistent",
            Self::Neutral => "neutral",
            Self::Inconsistent => "inconsistent",
            Self::VeryInconsistent => "strongly inconsistent",
        }
    }

    /// Heuer's count of inconsistency: I 1, II 2, anything else 0.
    pub fn inconsistency(self) -> f64 {
        match self {
            Self::Inconsistent => 1.0,
            Self::VeryInconsistent => 2.0,
            _ => 0.0,
        }
    }

    /// Where the rating stands from +2 (CC) to −2 (II), for diagnosticity.
    fn value(self) -> f64 {
        match self {
            Self::VeryConsistent => 2.0,
            Self::Consistent => 1.0,
            Self::Neutral => 0.0,
            Self::Inconsistent => -1.0,
            Self::VeryInconsistent => -2.0,
        }
    }
}

/// One cell: the link that is the cell, and its rating.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub link: LinkId,
    pub rating: Rating,
}

/// One row of evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub item: ItemRef,
    /// When the evidence became known (see [`evidence_date`]); `None` if undated.
    pub date: Option<NaiveDate>,
    pub credibility: Level,
    pub relevance: Level,
    /// One per explanation, in the matrix's column order.
    pub cells: Vec<Option<Cell>>,
}

impl Row {
    /// How differently the row rates the explanations: the spread of its
    /// ratings (CC +2 … II −2; an empty cell counts as neutral). Evidence that
    /// fits every explanation alike tells them apart not at all (0).
    pub fn diagnosticity(&self) -> f64 {
        let values = self.cells.iter().map(|cell| cell.as_ref().map_or(0.0, |cell| cell.rating.value()));
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), v| (low.min(v), high.max(v)));
        if low.is_finite() { high - low } else { 0.0 }
    }

    fn weight(&self) -> f64 {
        self.credibility.weight() * self.relevance.weight()
    }
}

/// An explanation's standing.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub explanation: ClaimId,
    pub inconsistency: f64,
    pub weighted: f64,
    /// 1 for the explanation with the fewest inconsistencies (ties share a rank).
    pub rank: usize,
}

/// The matrix of one question of a map, possibly as of a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// The question its explanations answer; `None` for those that answer none.
    pub question: Option<ClaimId>,
    pub explanations: Vec<ClaimId>,
    pub rows: Vec<Row>,
}

/// The questions a map's matrices are of, in the order of the map: each
/// question that some explanation answers, then `None` if some explanation
/// answers none. Never empty: a map whose explanations answer no question
/// (or that has no explanations) has the one matrix `[None]`.
pub fn questions(map: &Map) -> Vec<Option<ClaimId>> {
    let ranked: Vec<&Option<ClaimId>> =
        map.explanations().filter(|claim| !claim.composite).map(|claim| &claim.answers).collect();
    let asked: HashSet<&ClaimId> = ranked.iter().filter_map(|answers| answers.as_ref()).collect();
    let answered: Vec<Option<ClaimId>> = map
        .claims
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Question && asked.contains(&claim.id))
        .map(|question| Some(question.id.clone()))
        .collect();
    let unanswered = ranked.iter().any(|answers| answers.is_none());
    if answered.is_empty() || unanswered { answered.into_iter().chain([None]).collect() } else { answered }
}

/// When a piece of evidence became known: an event's first day; a claim's
/// earliest cited source date, taken at its last day (a source dated only to
/// the month is surely out by the month's end, so a step as of mid-month does
/// not count it with hindsight), else the earliest date of the events that
/// support it directly; else `None` (undated evidence counts at any date).
pub fn evidence_date(map: &Map, item: &ItemRef) -> Option<NaiveDate> {
    match item {
        ItemRef::Event(id) => map.event(id).map(|event| event.date.first_day()),
        ItemRef::Claim(id) => {
            let claim = map.claim(id)?;
            let cited = claim
                .citations
                .iter()
                .filter_map(|citation| map.source(&citation.source)?.date)
                .map(|date| date.last_day())
                .min();
            cited.or_else(|| {
                map.links
                    .iter()
                    .filter(|link| link.to == LinkTo::Claim(id.clone()))
                    .filter_map(|link| match &link.from {
                        LinkFrom::Event(event) => map.event(event).map(|event| event.date.first_day()),
                        LinkFrom::Claim(_) => None,
                    })
                    .min()
            })
        }
        ItemRef::Link(_) => None,
    }
}

impl Matrix {
    /// The matrix of the first of the map's [`questions`]: for a map whose
    /// explanations answer no question, the matrix of them all.
    pub fn of(map: &Map, as_of: Option<NaiveDate>) -> Self {
        let first = questions(map).into_iter().next().flatten();
        Self::of_question(map, first.as_ref(), as_of)
    }

    /// The matrix of `question` (`None`: of the explanations that answer no
    /// question): every event or claim with a rating link to one of its
    /// explanations is a row (in the order of the map), every explanation
    /// that answers it and is not composite a column. With `as_of`, evidence
    /// dated later is left out.
    pub fn of_question(map: &Map, question: Option<&ClaimId>, as_of: Option<NaiveDate>) -> Self {
        let explanations: Vec<ClaimId> = map
            .explanations()
            .filter(|claim| !claim.composite && claim.answers.as_ref() == question)
            .map(|claim| claim.id.clone())
            .collect();
        let column: HashMap<&ClaimId, usize> = explanations.iter().enumerate().map(|(i, id)| (id, i)).collect();
        let mut cells: HashMap<ItemRef, Vec<Option<Cell>>> = HashMap::new();
        for link in &map.links {
            let (LinkTo::Claim(target), Some(rating)) = (&link.to, Rating::of(link)) else { continue };
            let Some(&index) = column.get(target) else { continue };
            let row = cells.entry(link.source_item()).or_insert_with(|| vec![None; explanations.len()]);
            row[index] = Some(Cell { link: link.id.clone(), rating });
        }
        let candidates = map
            .events
            .iter()
            .map(|event| (ItemRef::Event(event.id.clone()), event.credibility, event.relevance))
            .chain(
                map.claims
                    .iter()
                    .filter(|claim| claim.kind != ClaimKind::Explanation)
                    .map(|claim| (ItemRef::Claim(claim.id.clone()), claim.credibility, claim.relevance)),
            );
        let rows = candidates
            .filter_map(|(item, credibility, relevance)| {
                let cells = cells.remove(&item)?;
                let date = evidence_date(map, &item);
                let known = match (as_of, date) {
                    (Some(as_of), Some(date)) => date <= as_of,
                    _ => true,
                };
                known.then_some(Row { item, date, credibility, relevance, cells })
            })
            .collect();
        Self { question: question.cloned(), explanations, rows }
    }

    /// Whether every row is rated against every explanation (N counts as a
    /// rating): only then do the scores compare the explanations fairly.
    pub fn is_complete(&self) -> bool {
        self.rows.iter().all(|row| row.cells.iter().all(Option::is_some))
    }

    /// The scores of every explanation, in column order.
    pub fn scores(&self) -> Vec<Score> {
        let columns = self.explanations.len();
        let (mut totals, mut weighted) = (vec![0.0; columns], vec![0.0; columns]);
        for row in &self.rows {
            for (column, cell) in row.cells.iter().enumerate() {
                if let Some(cell) = cell {
                    totals[column] += cell.rating.inconsistency();
                    weighted[column] += cell.rating.inconsistency() * row.weight();
                }
            }
        }
        let ranks = ranks(&totals);
        self.explanations
            .iter()
            .enumerate()
            .map(|(column, explanation)| Score {
                explanation: explanation.clone(),
                inconsistency: totals[column],
                weighted: weighted[column],
                rank: ranks[column],
            })
            .collect()
    }

    /// Each explanation's inconsistency score after each date on which
    /// evidence became known, oldest first: `(date, scores in column order)`.
    /// Undated evidence counts from the start. Linear in the matrix's size.
    pub fn scores_over_time(&self) -> Vec<(NaiveDate, Vec<f64>)> {
        let mut totals = vec![0.0; self.explanations.len()];
        let add = |totals: &mut Vec<f64>, row: &Row| {
            for (total, cell) in totals.iter_mut().zip(&row.cells) {
                *total += cell.as_ref().map_or(0.0, |cell| cell.rating.inconsistency());
            }
        };
        for row in self.rows.iter().filter(|row| row.date.is_none()) {
            add(&mut totals, row);
        }
        let mut dated: Vec<&Row> = self.rows.iter().filter(|row| row.date.is_some()).collect();
        dated.sort_by_key(|row| row.date);
        let mut series: Vec<(NaiveDate, Vec<f64>)> = Vec::new();
        for row in dated {
            let Some(date) = row.date else { continue };
            add(&mut totals, row);
            match series.last_mut() {
                Some((last, scores)) if *last == date => scores.clone_from(&totals),
                _ => series.push((date, totals.clone())),
            }
        }
        series
    }

    /// For each row, whether leaving it out alone would change which
    /// explanation ranks first. Linear: each row's share is taken off the totals.
    pub fn sensitive_rows(&self) -> Vec<bool> {
        let scores = self.scores();
        let totals: Vec<f64> = scores.iter().map(|score| score.inconsistency).collect();
        let first = leaders(&totals);
        self.rows
            .iter()
            .map(|row| {
                let without: Vec<f64> = totals
                    .iter()
                    .zip(&row.cells)
                    .map(|(total, cell)| total - cell.as_ref().map_or(0.0, |cell| cell.rating.inconsistency()))
                    .collect();
                leaders(&without) != first
            })
            .collect()
    }
}

/// 1 + the number of columns with fewer inconsistencies (ties share a rank).
fn ranks(totals: &[f64]) -> Vec<usize> {
    let mut sorted = totals.to_vec();
    sorted.sort_by(f64::total_cmp);
    totals.iter().map(|total| 1 + sorted.partition_point(|other| other < total)).collect()
}

/// The columns ranked first.
fn leaders(totals: &[f64]) -> Vec<usize> {
    ranks(totals).into_iter().enumerate().filter(|(_, rank)| *rank == 1).map(|(column, _)| column).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Position};

    fn claim(id: &str, kind: ClaimKind) -> Claim {
        Claim::new(id, kind, id, Position::default())
    }

    fn explanation(id: &str, answers: Option<&str>) -> Claim {
        Claim { answers: answers.map(ClaimId::from), ..claim(id, ClaimKind::Explanation) }
    }

    fn rated(id: &str, from: &str, to: &str, relation: Relation) -> Link {
        Link {
            id: id.into(),
            from: LinkFrom::Claim(from.into()),
            to: LinkTo::Claim(to.into()),
            relation,
            strength: Strength::Moderate,
            note: String::new(),
            citations: vec![],
        }
    }

    /// Two questions, each with two explanations, a composite of the first
    /// two, and evidence rated against every explanation of its question.
    fn two_questions() -> Map {
        Map {
            claims: vec![
                claim("why", ClaimKind::Question),
                claim("worth", ClaimKind::Question),
                explanation("pressure", Some("why")),
                explanation("bargain", Some("why")),
                Claim { composite: true, ..explanation("both", Some("why")) },
                explanation("framework", Some("worth")),
                explanation("empty", Some("worth")),
                claim("threat", ClaimKind::Claim),
                claim("dialogue", ClaimKind::Claim),
            ],
            links: vec![
                rated("threat-pressure", "threat", "pressure", Relation::Supports),
                rated("threat-bargain", "threat", "bargain", Relation::Opposes),
                rated("threat-both", "threat", "both", Relation::Supports),
                rated("dialogue-framework", "dialogue", "framework", Relation::Supports),
            ],
            ..Map::default()
        }
    }

    #[test]
    fn each_question_has_a_matrix_of_its_own_explanations_without_the_composite() {
        let map = two_questions();
        assert_eq!(questions(&map), [Some(ClaimId::from("why")), Some(ClaimId::from("worth"))]);
        let why = Matrix::of_question(&map, Some(&"why".into()), None);
        assert_eq!(why.explanations, [ClaimId::from("pressure"), ClaimId::from("bargain")]);
        assert_eq!(why.rows.len(), 1);
        assert!(why.is_complete());
        let ranks: Vec<usize> = why.scores().iter().map(|score| score.rank).collect();
        assert_eq!(ranks, [1, 2]);
        let worth = Matrix::of_question(&map, Some(&"worth".into()), None);
        assert_eq!(worth.explanations, [ClaimId::from("framework"), ClaimId::from("empty")]);
        assert!(!worth.is_complete(), "the dialogue is not rated against the empty explanation");
        assert_eq!(Matrix::of(&map, None), why, "the first question's matrix is the default");
    }

    #[test]
    fn a_map_without_questions_has_one_matrix_of_every_explanation() {
        let mut map = two_questions();
        for claim in &mut map.claims {
            (claim.answers, claim.composite) = (None, false);
        }
        assert_eq!(questions(&map), [None]);
        let matrix = Matrix::of(&map, None);
        assert_eq!(matrix.question, None);
        assert_eq!(matrix.explanations.len(), 5);
        assert_eq!(questions(&Map::default()), [None]);
    }

    #[test]
    fn explanations_answering_no_question_have_a_matrix_after_the_questions() {
        let mut map = two_questions();
        map.claims[6].answers = None;
        assert_eq!(questions(&map), [Some(ClaimId::from("why")), Some(ClaimId::from("worth")), None]);
        assert_eq!(Matrix::of_question(&map, None, None).explanations, [ClaimId::from("empty")]);
    }
}
