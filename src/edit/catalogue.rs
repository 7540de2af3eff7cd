//! Builders for the map's catalogues, the sources that quotes cite and the
//! lanes of the timeline, and for the citations of an item: add, edit and
//! delete, refusing what would leave the map invalid. A source that is cited,
//! or a lane that holds events, is not deleted: the refusal says where it is
//! used, so the user can change those items first and nothing is lost silently.

use super::{EditError, Item, ItemKind, Op, Transaction};
use crate::model::{Citation, ItemRef, Lane, LaneId, Map, Source, SourceId};

fn refused(message: String) -> EditError {
    EditError::Refused(message)
}

fn source_index(map: &Map, id: &SourceId) -> Result<usize, EditError> {
    map.sources
        .iter()
        .position(|source| &source.id == id)
        .ok_or_else(|| refused(format!("there is no source \"{id}\"")))
}

fn lane_index(map: &Map, id: &LaneId) -> Result<usize, EditError> {
    map.lanes.iter().position(|lane| &lane.id == id).ok_or_else(|| refused(format!("there is no lane \"{id}\"")))
}

fn refuse_taken_id(map: &Map, id: &str) -> Result<(), EditError> {
    if super::commands::id_in_use(map, id) {
        return Err(refused(format!("the id \"{id}\" is already used in this map")));
    }
    Ok(())
}

pub fn add_source(map: &Map, source: Source) -> Result<Transaction, EditError> {
    refuse_taken_id(map, source.id.as_str())?;
    Ok(Transaction::new("Add source", vec![Op::Insert { index: map.sources.len(), item: Item::Source(source) }]))
}

pub fn update_source(map: &Map, source: Source, label: &str) -> Result<Transaction, EditError> {
    let index = source_index(map, &source.id)?;
    Ok(Transaction::new(label, vec![Op::Replace { index, item: Item::Source(source) }]))
}

/// The items whose citations quote the source `id`, in the order of the map.
pub fn items_citing(map: &Map, id: &SourceId) -> Vec<ItemRef> {
    let cites = |citations: &[Citation]| citations.iter().any(|citation| &citation.source == id);
    let events = map.events.iter().filter(|e| cites(&e.citations)).map(|e| ItemRef::Event(e.id.clone()));
    let claims = map.claims.iter().filter(|c| cites(&c.citations)).map(|c| ItemRef::Claim(c.id.clone()));
    let links = map.links.iter().filter(|l| cites(&l.citations)).map(|l| ItemRef::Link(l.id.clone()));
    events.chain(claims).chain(links).collect()
}

/// "event \"a\", claim \"b\" and 3 more".
fn list_items(items: &[ItemRef]) -> String {
    const SHOWN: usize = 3;
    let named: Vec<String> = items.iter().take(SHOWN).map(ToString::to_string).collect();
    match items.len().saturating_sub(SHOWN) {
        0 => named.join(", "),
        more => format!("{} and {more} more", named.join(", ")),
    }
}

/// Deletes the source `id`, refusing while any item cites it.
pub fn delete_source(map: &Map, id: &SourceId) -> Result<Transaction, EditError> {
    let index = source_index(map, id)?;
    let citing = items_citing(map, id);
    if !citing.is_empty() {
        return Err(refused(format!(
            "the source \"{}\" is cited by {}: remove those citations first",
            map.sources[index].title,
            list_items(&citing)
        )));
    }
    Ok(Transaction::new("Delete source", vec![Op::Remove { kind: ItemKind::Source, index }]))
}

pub fn add_lane(map: &Map, lane: Lane) -> Result<Transaction, EditError> {
    refuse_taken_id(map, lane.id.as_str())?;
    Ok(Transaction::new("Add lane", vec![Op::Insert { index: map.lanes.len(), item: Item::Lane(lane) }]))
}

pub fn update_lane(map: &Map, lane: Lane, label: &str) -> Result<Transaction, EditError> {
    let index = lane_index(map, &lane.id)?;
    Ok(Transaction::new(label, vec![Op::Replace { index, item: Item::Lane(lane) }]))
}

/// Deletes the lane `id`, refusing while any event sits in it.
pub fn delete_lane(map: &Map, id: &LaneId) -> Result<Transaction, EditError> {
    let index = lane_index(map, id)?;
    let events = map.events.iter().filter(|event| &event.lane == id).count();
    if events > 0 {
        let count = if events == 1 { "1 event".to_owned() } else { format!("{events} events") };
        return Err(refused(format!(
            "the lane \"{}\" holds {count}: move them to another lane or delete them first",
            map.lanes[index].name
        )));
    }
    Ok(Transaction::new("Delete lane", vec![Op::Remove { kind: ItemKind::Lane, index }]))
}

/// Replaces the citations of `item` (an event, claim or link) with `citations`.
pub fn set_citations(
    map: &Map,
    item: &ItemRef,
    citations: Vec<Citation>,
    label: &str,
) -> Result<Transaction, EditError> {
    if let Some(citation) = citations.iter().find(|citation| map.source(&citation.source).is_none()) {
        return Err(refused(format!("there is no source \"{}\" to cite", citation.source)));
    }
    let unplaced = |citation: &Citation| {
        citation.quote.trim().is_empty() && citation.locator.as_deref().is_none_or(|locator| locator.trim().is_empty())
    };
    if citations.iter().any(unplaced) {
        return Err(refused(
            "a citation needs a quote or a locator: paste the source's exact words, or say where in it".to_owned(),
        ));
    }
    let missing = || refused(format!("there is no {item} in the map"));
    let (index, item) = match item {
        ItemRef::Event(id) => {
            let index = map.events.iter().position(|e| &e.id == id).ok_or_else(missing)?;
            (index, Item::Event(crate::model::Event { citations, ..map.events[index].clone() }))
        }
        ItemRef::Claim(id) => {
            let index = map.claims.iter().position(|c| &c.id == id).ok_or_else(missing)?;
            (index, Item::Claim(crate::model::Claim { citations, ..map.claims[index].clone() }))
        }
        ItemRef::Link(id) => {
            let index = map.links.iter().position(|l| &l.id == id).ok_or_else(missing)?;
            (index, Item::Link(crate::model::Link { citations, ..map.links[index].clone() }))
        }
    };
    Ok(Transaction::new(label, vec![Op::Replace { index, item }]))
}

/// Adds `citation` to `item`, and first `new_source` when the citation
/// quotes a source that is new to the map: one step either way.
pub fn add_citation(
    map: &Map,
    item: &ItemRef,
    citation: Citation,
    new_source: Option<Source>,
) -> Result<Transaction, EditError> {
    let mut with_source = map.clone();
    let mut ops = Vec::new();
    if let Some(source) = new_source {
        if source.title.trim().is_empty() {
            return Err(refused("the new source has no title: give it one".to_owned()));
        }
        ops = add_source(map, source.clone())?.ops;
        with_source.sources.push(source);
    }
    let label = if ops.is_empty() { "Add citation" } else { "Cite a new source" };
    let mut citations = citations_of(map, item);
    citations.push(citation);
    ops.extend(set_citations(&with_source, item, citations, label)?.ops);
    Ok(Transaction::new(label, ops))
}

/// The citations of `item`; none when it is not in the map.
pub fn citations_of(map: &Map, item: &ItemRef) -> Vec<Citation> {
    match item {
        ItemRef::Event(id) => map.event(id).map(|e| e.citations.clone()),
        ItemRef::Claim(id) => map.claim(id).map(|c| c.citations.clone()),
        ItemRef::Link(id) => map.link(id).map(|l| l.citations.clone()),
    }
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Claim, ClaimKind, Date, Event, Level, Position, Rgb};

    fn source(id: &str) -> Source {
        Source {
            id: id.into(),
            title: format!("Title of {id}"),
            author: String::new(),
            outlet: String::new(),
            date: None,
            url: String::new(),
            text: None,
        }
    }

    fn map() -> Map {
        let event = Event {
            id: "summit".into(),
            date: Date::day(2015, 9, 25),
            end: None,
            title: "Summit".into(),
            detail: String::new(),
            lane: "us".into(),
            position: None,
            tags: vec![],
            citations: vec![Citation { source: "nyt".into(), quote: "Words".into(), locator: None, anchor: None }],
            credibility: Level::default(),
            relevance: Level::default(),
        };
        let claim = Claim {
            id: "blinked".into(),
            kind: ClaimKind::Explanation,
            text: "China blinked".into(),
            detail: String::new(),
            position: Position::default(),
            pinned: false,
            tags: vec![],
            citations: vec![],
            credibility: Level::default(),
            relevance: Level::default(),
            argument: None,
            answers: None,
            composite: false,
        };
        Map {
            sources: vec![source("nyt"), source("wapo")],
            lanes: vec![
                Lane { id: "us".into(), name: "United States".into(), color: Rgb([0, 0, 255]) },
                Lane { id: "china".into(), name: "China".into(), color: Rgb([255, 0, 0]) },
            ],
            events: vec![event],
            claims: vec![claim],
            ..Map::default()
        }
    }

    /// Applies `transaction`, checks the map is still valid, undoes it and
    /// checks the original comes back; returns the map after the change.
    fn apply_then_undo(transaction: Transaction) -> Map {
        let original = map();
        let mut edited = original.clone();
        let mut history = History::default();
        history.apply(&mut edited, transaction).expect("applies");
        assert_eq!(crate::model::validate::validate(&edited), vec![], "the edit keeps the map valid");
        let after = edited.clone();
        history.undo(&mut edited).expect("undoes");
        assert_eq!(edited, original);
        after
    }

    #[test]
    fn sources_are_added_edited_and_deleted_with_undo() {
        let added = apply_then_undo(add_source(&map(), source("ft")).expect("a new id"));
        assert_eq!(added.sources.last().map(|s| s.id.as_str()), Some("ft"));
        let renamed = Source { title: "The Post".into(), ..source("wapo") };
        let edited = apply_then_undo(update_source(&map(), renamed.clone(), "Edit source").expect("exists"));
        assert_eq!(edited.source(&"wapo".into()), Some(&renamed));
        let deleted = apply_then_undo(delete_source(&map(), &"wapo".into()).expect("not cited"));
        assert!(deleted.source(&"wapo".into()).is_none());
    }

    #[test]
    fn a_cited_source_is_not_deleted_and_the_refusal_says_where() {
        let error = delete_source(&map(), &"nyt".into()).expect_err("cited by the summit");
        let message = error.to_string();
        assert!(message.contains("event \"summit\""), "{message}");
        assert!(message.contains("Title of nyt"), "{message}");
    }

    #[test]
    fn ids_already_used_are_refused() {
        assert!(add_source(&map(), source("summit")).is_err());
        let lane = Lane { id: "nyt".into(), name: "N".into(), color: Rgb([0, 0, 0]) };
        assert!(add_lane(&map(), lane).is_err());
    }

    #[test]
    fn lanes_are_added_renamed_and_deleted_when_empty() {
        let lane = Lane { id: "bilateral".into(), name: "Bilateral".into(), color: Rgb([0, 128, 0]) };
        let added = apply_then_undo(add_lane(&map(), lane).expect("a new id"));
        assert_eq!(added.lanes.len(), 3);
        let recoloured = Lane { color: Rgb([1, 2, 3]), ..map().lanes[1].clone() };
        let edited = apply_then_undo(update_lane(&map(), recoloured, "Recolour lane").expect("exists"));
        assert_eq!(edited.lanes[1].color, Rgb([1, 2, 3]));
        let deleted = apply_then_undo(delete_lane(&map(), &"china".into()).expect("empty"));
        assert!(deleted.lane(&"china".into()).is_none());
    }

    #[test]
    fn a_lane_with_events_is_not_deleted() {
        let message = delete_lane(&map(), &"us".into()).expect_err("holds the summit").to_string();
        assert!(message.contains("United States") && message.contains("1 event"), "{message}");
    }

    #[test]
    fn citations_are_set_and_a_new_source_is_cited_in_one_step() {
        let claim = ItemRef::Claim("blinked".into());
        let quote =
            Citation { source: "wapo".into(), quote: "Quoted".into(), locator: Some("p. 2".into()), anchor: None };
        let cited = apply_then_undo(set_citations(&map(), &claim, vec![quote.clone()], "Add citation").expect("ok"));
        assert_eq!(cited.claims[0].citations, vec![quote]);
        let unknown = Citation { source: "nowhere".into(), quote: "x".into(), locator: None, anchor: None };
        assert!(set_citations(&map(), &claim, vec![unknown], "Add citation").is_err());

        let empty = Citation { source: "wapo".into(), quote: " ".into(), locator: None, anchor: None };
        assert!(set_citations(&map(), &claim, vec![empty], "Edit quote").is_err(), "an empty quote does not load");

        let event = ItemRef::Event("summit".into());
        let new_quote = Citation { source: "ft".into(), quote: "Said".into(), locator: None, anchor: None };
        let transaction = add_citation(&map(), &event, new_quote.clone(), Some(source("ft"))).expect("a new source");
        assert_eq!(transaction.label, "Cite a new source");
        let edited = apply_then_undo(transaction);
        assert_eq!(edited.sources.len(), 3);
        assert_eq!(edited.events[0].citations.last(), Some(&new_quote));
        let untitled = Source { title: String::new(), ..source("ft") };
        assert!(add_citation(&map(), &event, new_quote, Some(untitled)).is_err());
    }
}
