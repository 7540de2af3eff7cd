//! What of a map an interchange format cannot hold, said in a sentence each so
//! that the exporter tells its user (the command line prints them as notes)
//! instead of dropping it silently. Only what the map has is listed.

use super::Format;
use crate::model::{Level, Link, LinkTo, Map, Relation, Strength};

/// One note per kind of thing `format` leaves out of `map`.
pub fn losses(map: &Map, format: Format) -> Vec<String> {
    let mut notes = Notes { format, notes: Vec::new() };
    match format {
        Format::Aif => aif(map, &mut notes),
        Format::Argdown => argdown(map, &mut notes),
        _ => {}
    }
    notes.notes
}

struct Notes {
    format: Format,
    notes: Vec<String>,
}

impl Notes {
    /// Notes that `count` `what` are not written, when there are any.
    fn unless_none(&mut self, count: usize, what: &str) {
        if count > 0 {
            self.notes.push(format!("{count} {what} not written: {} has no place for them", self.format.label()));
        }
    }
}

fn common(map: &Map, notes: &mut Notes) {
    notes.unless_none(map.story.len(), "story steps are");
    let credits = usize::from(!map.meta.authors.is_empty()) + usize::from(!map.meta.license.is_empty());
    notes.unless_none(credits, "of the map's credits (authors, licence) are");
    notes.unless_none(map.claims.iter().filter(|c| c.pinned).count(), "pins of claims kept in place are");
    notes.unless_none(bearing_on_neutral(map), "links that bear on a neutral rating are");
}

/// Links aimed at a neutral rating, which neither format gives a node to aim at.
fn bearing_on_neutral(map: &Map) -> usize {
    let neutral = |id: &crate::model::LinkId| map.link(id).is_some_and(|l| l.relation == Relation::Neutral);
    map.links.iter().filter(|link| matches!(&link.to, LinkTo::Link(id) if neutral(id))).count()
}

fn aif(map: &Map, notes: &mut Notes) {
    common(map, notes);
    notes.unless_none(usize::from(!map.meta.summary.is_empty()), "summary of the map is");
    notes.unless_none(map.claims.iter().filter(|c| c.argument.is_some()).count(), "premise–conclusion structures are");
}

fn argdown(map: &Map, notes: &mut Notes) {
    common(map, notes);
    let citations = map.claims.iter().map(|c| c.citations.len()).sum::<usize>()
        + map.events.iter().map(|e| e.citations.len()).sum::<usize>()
        + map.links.iter().map(|l| l.citations.len()).sum::<usize>();
    notes.unless_none(citations, "quotes and citations are");
    notes.unless_none(map.sources.len(), "sources are");
    let argued = super::links_borne_on(map);
    let inferences = crate::interchange::argdown::inference_links(map);
    // A link written as a relation line keeps only its ends and its relation.
    let relation_lines: Vec<&Link> = map
        .links
        .iter()
        .filter(|l| !argued.contains(l.id.as_str()) && !inferences.contains_key(l.id.as_str()))
        .collect();
    notes.unless_none(relation_lines.iter().filter(|l| !l.note.is_empty()).count(), "notes of links are");
    let strengths = relation_lines.iter().filter(|l| l.strength != Strength::Moderate).count();
    notes.unless_none(strengths, "strengths of links (other than moderate) are");
    let neutral_to_links =
        map.links.iter().filter(|l| l.relation == Relation::Neutral && matches!(l.to, LinkTo::Link(_))).count();
    notes.unless_none(neutral_to_links, "neutral ratings of links are");
    let weighed = |credibility: Level, relevance: Level| !credibility.is_medium() || !relevance.is_medium();
    let weights = map.claims.iter().filter(|c| weighed(c.credibility, c.relevance)).count()
        + map.events.iter().filter(|e| weighed(e.credibility, e.relevance)).count();
    notes.unless_none(weights, "weights of evidence (credibility, relevance) are");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, LinkFrom, Position};

    #[test]
    fn what_a_format_cannot_hold_is_counted_and_nothing_else() {
        assert!(losses(&Map::default(), Format::Argdown).is_empty());
        let mut map = Map::default();
        map.claims.push(Claim::new("a", ClaimKind::Claim, "A", Position::default()));
        map.claims.push(Claim { pinned: true, ..Claim::new("b", ClaimKind::Explanation, "B", Position::default()) });
        map.links.push(Link {
            id: "a-b".into(),
            from: LinkFrom::Claim("a".into()),
            to: LinkTo::Claim("b".into()),
            relation: Relation::Supports,
            strength: Strength::Strong,
            note: "because".into(),
            citations: Vec::new(),
        });
        assert_eq!(
            losses(&map, Format::Argdown),
            [
                "1 pins of claims kept in place are not written: Argdown has no place for them",
                "1 notes of links are not written: Argdown has no place for them",
                "1 strengths of links (other than moderate) are not written: Argdown has no place for them",
            ]
        );
        assert_eq!(
            losses(&map, Format::Aif),
            ["1 pins of claims kept in place are not written: AIF JSON (OVA, AIFdb) has no place for them"]
        );
        assert!(losses(&map, Format::Csv).is_empty());
    }
}
