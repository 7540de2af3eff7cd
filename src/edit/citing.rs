//! The domain rules behind the source reader: a folder of texts attached
//! (its references and anchors in one step), a claim made from a selected
//! passage (the quote verbatim, anchored, the card beside the selection), a
//! passage cited on an item, and a changed quote taken as the source now
//! reads. Each gives one transaction, one undo step.

use super::{EditError, Item, Op, Transaction, catalogue, commands};
use crate::layout::card_size::EXPLANATION_WIDTH;
use crate::model::{Anchor, Citation, Claim, ClaimId, ClaimKind, ItemRef, Map, Position, Source, SourceId};
use crate::sources::attach::AttachPlan;
use std::collections::BTreeMap;

/// How far right of the selection a new claim's card goes, in canvas units.
const BESIDE_DX: f32 = EXPLANATION_WIDTH + 40.0;
/// How far down a new card moves while its place is taken.
const BELOW_DY: f32 = 120.0;

/// A passage selected in a source's text: its exact words and where they stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub source: SourceId,
    pub quote: String,
    pub anchor: Anchor,
}

impl Passage {
    fn citation(&self) -> Citation {
        Citation { anchor: Some(self.anchor.clone()), ..Citation::new(self.source.clone(), self.quote.clone()) }
    }
}

fn refuse_empty(passage: &Passage) -> Result<(), EditError> {
    if passage.quote.trim().is_empty() {
        return Err(EditError::Refused("select a passage of the source's text first".to_owned()));
    }
    Ok(())
}

/// The texts and anchors of `plan`, as one step. Empty when it changes nothing.
pub fn attach_texts(map: &Map, plan: &AttachPlan) -> Result<Transaction, EditError> {
    let mut ops = Vec::new();
    for attached in plan.texts.iter().filter(|attached| !attached.already_attached) {
        let Some(index) = map.sources.iter().position(|source| source.id == attached.source) else {
            return Err(EditError::Refused(format!("there is no source \"{}\"", attached.source)));
        };
        let source = Source { text: Some(attached.file.clone()), ..map.sources[index].clone() };
        ops.push(Op::Replace { index, item: Item::Source(source) });
    }
    let mut by_item: BTreeMap<&ItemRef, Vec<Citation>> = BTreeMap::new();
    for new in &plan.anchors {
        let citations = by_item.entry(&new.item).or_insert_with(|| catalogue::citations_of(map, &new.item));
        let Some(citation) = citations.get_mut(new.citation_index) else {
            return Err(EditError::Refused(format!("{} has no citation {}", new.item, new.citation_index + 1)));
        };
        citation.anchor = Some(new.anchor.clone());
    }
    for (item, citations) in by_item {
        ops.extend(catalogue::set_citations(map, item, citations, "Anchor quotes")?.ops);
    }
    Ok(Transaction::new("Attach source texts", ops))
}

/// A claim saying `passage`'s words, citing it, placed beside `selection`.
pub fn claim_from_passage(
    map: &Map,
    passage: &Passage,
    selection: &[ItemRef],
) -> Result<(Transaction, ClaimId), EditError> {
    refuse_empty(passage)?;
    if map.source(&passage.source).is_none() {
        return Err(EditError::Refused(format!("there is no source \"{}\"", passage.source)));
    }
    let id: ClaimId = commands::fresh_id(map, &passage.quote).into();
    let mut claim = Claim::new(id.clone(), ClaimKind::Claim, passage.quote.clone(), place_beside(map, selection));
    claim.citations.push(passage.citation());
    let transaction = commands::add_claim(map, claim);
    Ok((Transaction::new("New claim from selection", transaction.ops), id))
}

/// Cites `passage` on `item`.
pub fn cite_passage(map: &Map, item: &ItemRef, passage: &Passage) -> Result<Transaction, EditError> {
    refuse_empty(passage)?;
    let transaction = catalogue::add_citation(map, item, passage.citation(), None)?;
    Ok(Transaction::new("Cite the selected passage", transaction.ops))
}

/// Makes citation `index` of `item` quote what its source now says at `found`
/// (a changed quote accepted as the source reads).
pub fn accept_source_words(
    map: &Map,
    item: &ItemRef,
    index: usize,
    words: String,
    found: Anchor,
) -> Result<Transaction, EditError> {
    let mut citations = catalogue::citations_of(map, item);
    let Some(citation) = citations.get_mut(index) else {
        return Err(EditError::Refused(format!("{item} has no citation {}", index + 1)));
    };
    citation.quote = words;
    citation.anchor = Some(found);
    catalogue::set_citations(map, item, citations, "Take the source's words")
}

/// Where a new card goes: right of the first selected item that has a place
/// (else right of every claim), moved down while another claim is there.
fn place_beside(map: &Map, selection: &[ItemRef]) -> Position {
    let place_of = |item: &ItemRef| match item {
        ItemRef::Claim(id) => map.claim(id).map(|claim| claim.position),
        ItemRef::Event(id) => map.event(id).and_then(|event| event.position),
        ItemRef::Link(id) => map.link(id).and_then(|link| match &link.from {
            crate::model::LinkFrom::Claim(from) => map.claim(from).map(|claim| claim.position),
            crate::model::LinkFrom::Event(from) => map.event(from).and_then(|event| event.position),
        }),
    };
    let anchor = selection.iter().find_map(place_of).or_else(|| {
        let right = map.claims.iter().map(|c| c.position.x).reduce(f32::max)?;
        let top = map.claims.iter().map(|c| c.position.y).reduce(f32::min)?;
        Some(Position::new(right, top))
    });
    let Some(anchor) = anchor else { return Position::new(0.0, 0.0) };
    let mut place = Position::new(anchor.x + BESIDE_DX, anchor.y);
    let taken = |place: Position| {
        map.claims.iter().any(|c| {
            (c.position.x - place.x).abs() < BESIDE_DX / 2.0 && (c.position.y - place.y).abs() < BELOW_DY / 2.0
        })
    };
    for _ in 0..map.claims.len() {
        if !taken(place) {
            break;
        }
        place.y += BELOW_DY;
    }
    place
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::sources::SourceText;

    fn tutorial() -> Map {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sample_maps/tutorial.ron"))
            .expect("the tutorial is there");
        crate::format::load_str(&text, "tutorial.ron").expect("the tutorial loads")
    }

    fn passage(map: &Map, words: &str) -> Passage {
        let text = SourceText::new(format!("Before. {words} After."), String::new());
        let bytes = text.occurrences(words, 1)[0].clone();
        Passage { source: map.sources[0].id.clone(), quote: words.to_owned(), anchor: text.anchor_of(bytes) }
    }

    #[test]
    fn a_claim_from_a_passage_quotes_it_verbatim_beside_the_selection_in_one_step() {
        let mut map = tutorial();
        let mut history = History::default();
        let selected = map.claims[0].clone();
        let words = "The girders were painted in 1998 and never again.";
        let (add, id) =
            claim_from_passage(&map, &passage(&map, words), &[ItemRef::Claim(selected.id.clone())]).expect("a claim");
        history.apply(&mut map, add).expect("applies");
        let claim = map.claim(&id).expect("added");
        assert_eq!(claim.citations[0].quote, words);
        assert_eq!(claim.citations[0].anchor.as_ref().map(|a| (a.start, a.end)), Some((8, 8 + words.chars().count())));
        assert!(claim.position.x > selected.position.x, "beside the selection");
        assert_eq!(history.undo_label(), Some("New claim from selection"));
        let empty = Passage { quote: "  ".to_owned(), ..passage(&map, "x") };
        assert!(claim_from_passage(&map, &empty, &[]).is_err(), "no passage, no claim");
    }

    #[test]
    fn citing_a_passage_adds_it_to_the_item_and_accepting_words_replaces_the_quote() {
        let mut map = tutorial();
        let item = ItemRef::Claim(map.claims[1].id.clone());
        let before = catalogue::citations_of(&map, &item).len();
        let cite = cite_passage(&map, &item, &passage(&map, "Closed for repairs.")).expect("cited");
        History::default().apply(&mut map, cite).expect("applies");
        let citations = catalogue::citations_of(&map, &item);
        assert_eq!(citations.len(), before + 1);
        let anchor = Anchor { start: 3, end: 9, prefix: String::new(), suffix: String::new() };
        let accept = accept_source_words(&map, &item, before, "Closed again.".to_owned(), anchor.clone()).expect("ok");
        History::default().apply(&mut map, accept).expect("applies");
        let accepted = &catalogue::citations_of(&map, &item)[before];
        assert_eq!((accepted.quote.as_str(), accepted.anchor.as_ref()), ("Closed again.", Some(&anchor)));
        assert!(
            accept_source_words(
                &map,
                &item,
                99,
                String::new(),
                Anchor { start: 0, end: 0, prefix: String::new(), suffix: String::new() }
            )
            .is_err()
        );
    }
}
