//! The domain rules behind the window's gestures, as functions of a map: a
//! matrix cell rated (a cell *is* the link between its evidence and its
//! explanation), a matrix row weighed, a claim typed onto the map, an event
//! typed onto a lane or dragged to new dates, a selection cut. Each gives the
//! transaction to apply (and the id it made), so that unit tests reach them
//! without a window.

use super::{EditError, Transaction, commands};
use crate::analysis::Rating;
use crate::model::{
    Claim, ClaimId, ClaimKind, Date, Event, EventId, ItemRef, LaneId, Level, Link, LinkFrom, LinkTo, Map, Position,
    Relation,
};

/// Makes the link from `evidence` to `explanation` carry `rating`; `None`
/// clears the cell (deletes that link). `Ok(None)`: nothing to change.
pub fn rate_cell(
    map: &Map,
    evidence: &ItemRef,
    explanation: &ClaimId,
    rating: Option<Rating>,
) -> Result<Option<Transaction>, EditError> {
    let target = LinkTo::Claim(explanation.clone());
    let existing = map
        .links
        .iter()
        .find(|link| link.source_item() == *evidence && link.to == target && link.relation != Relation::Undercuts);
    match (existing, rating) {
        (Some(link), None) => {
            let delete = commands::delete(map, &[ItemRef::Link(link.id.clone())]);
            Ok(Some(Transaction { label: "Clear matrix cell".to_owned(), ..delete }))
        }
        (Some(link), Some(rating)) => {
            let (relation, strength) = rating.relation_and_strength();
            let rated = Link { relation, strength, ..link.clone() };
            commands::update_link(map, rated, &format!("Rate cell {}", rating.code())).map(Some)
        }
        (None, Some(rating)) => {
            let (relation, strength) = rating.relation_and_strength();
            let from = match evidence {
                ItemRef::Event(id) => LinkFrom::Event(id.clone()),
                ItemRef::Claim(id) => LinkFrom::Claim(id.clone()),
                ItemRef::Link(_) => return Ok(None),
            };
            let (transaction, _) = commands::new_link(map, from, target, relation, strength)?;
            Ok(Some(Transaction { label: format!("Rate cell {}", rating.code()), ..transaction }))
        }
        (None, None) => Ok(None),
    }
}

/// Sets the credibility and relevance of a matrix row's evidence. `Ok(None)`: no such evidence.
pub fn weigh_evidence(
    map: &Map,
    evidence: &ItemRef,
    credibility: Level,
    relevance: Level,
) -> Result<Option<Transaction>, EditError> {
    match evidence {
        ItemRef::Event(id) => map
            .event(id)
            .cloned()
            .map(|event| commands::update_event(map, Event { credibility, relevance, ..event }, "Weigh evidence"))
            .transpose(),
        ItemRef::Claim(id) => map
            .claim(id)
            .cloned()
            .map(|claim| commands::update_claim(map, Claim { credibility, relevance, ..claim }, "Weigh evidence"))
            .transpose(),
        ItemRef::Link(_) => Ok(None),
    }
}

/// A plain claim with `text` at `position`, with an id made from its text.
pub fn add_claim_at(map: &Map, position: Position, text: String) -> (Transaction, ClaimId) {
    let id: ClaimId = commands::fresh_id(map, &text).into();
    let claim = Claim::new(id.clone(), ClaimKind::Claim, text, position);
    (commands::add_claim(map, claim), id)
}

/// An event titled `title` on `lane` at `date`, with an id made from its title.
pub fn add_event_on(map: &Map, lane: LaneId, date: Date, title: String) -> (Transaction, EventId) {
    let id: EventId = commands::fresh_id(map, &title).into();
    let event = Event::new(id.clone(), date, title, lane);
    (commands::add_event(map, event), id)
}

/// Gives the event `id` new dates. `Ok(None)`: no such event.
pub fn move_event(map: &Map, id: &EventId, date: Date, end: Option<Date>) -> Result<Option<Transaction>, EditError> {
    let Some(event) = map.event(id) else { return Ok(None) };
    let moved = Event { date, end, ..event.clone() };
    commands::update_event(map, moved, "Change event date").map(Some)
}

/// Deletes `items` as a cut: the same step as Delete, named "Cut".
pub fn cut(map: &Map, items: &[ItemRef]) -> Transaction {
    commands::removal(map, items, "Cut")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    fn case_study() -> Map {
        crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads")
    }

    /// An event of the case study and an explanation it has no link to.
    fn unrated_cell(map: &Map) -> (ItemRef, ClaimId) {
        let explanation = map.claims.iter().find(|c| c.kind == ClaimKind::Explanation).expect("an explanation");
        let target = LinkTo::Claim(explanation.id.clone());
        let event = map
            .events
            .iter()
            .find(|e| !map.links.iter().any(|l| l.source_item() == ItemRef::Event(e.id.clone()) && l.to == target))
            .expect("an event not yet rated against it");
        (ItemRef::Event(event.id.clone()), explanation.id.clone())
    }

    #[test]
    fn rating_an_empty_cell_makes_its_link_and_clearing_it_deletes_it() {
        let mut map = case_study();
        let mut history = History::default();
        let (evidence, explanation) = unrated_cell(&map);
        let links_before = map.links.len();
        let rate = rate_cell(&map, &evidence, &explanation, Some(Rating::VeryInconsistent)).expect("rated");
        let rate = rate.expect("a change");
        assert_eq!(rate.label, "Rate cell II");
        history.apply(&mut map, rate).expect("applies");
        assert_eq!(map.links.len(), links_before + 1);
        let target = LinkTo::Claim(explanation.clone());
        let link = map.links.iter().find(|l| l.source_item() == evidence && l.to == target).expect("the new link");
        assert_eq!(link.relation, Relation::Opposes);

        let rerate = rate_cell(&map, &evidence, &explanation, Some(Rating::Consistent)).expect("rated").expect("some");
        history.apply(&mut map, rerate).expect("applies");
        assert_eq!(map.links.len(), links_before + 1, "re-rating changes the link, adds none");

        let clear = rate_cell(&map, &evidence, &explanation, None).expect("cleared").expect("a change");
        assert_eq!(clear.label, "Clear matrix cell");
        history.apply(&mut map, clear).expect("applies");
        assert_eq!(map.links.len(), links_before);
        assert!(rate_cell(&map, &evidence, &explanation, None).expect("nothing").is_none());
    }

    #[test]
    fn weighing_sets_the_rows_credibility_and_relevance() {
        let mut map = case_study();
        let (evidence, _) = unrated_cell(&map);
        let weigh = weigh_evidence(&map, &evidence, Level::Low, Level::High).expect("weighed").expect("a change");
        History::default().apply(&mut map, weigh).expect("applies");
        let ItemRef::Event(id) = &evidence else { unreachable!("an event") };
        let event = map.event(id).expect("still there");
        assert_eq!((event.credibility, event.relevance), (Level::Low, Level::High));
        let missing = ItemRef::Event("no-such-event".into());
        assert!(weigh_evidence(&map, &missing, Level::Low, Level::Low).expect("no error").is_none());
    }

    #[test]
    fn typed_claims_and_events_get_fresh_ids_from_their_text() {
        let mut map = case_study();
        let (add, id) = add_claim_at(&map, Position::new(10.0, 20.0), "A brand new idea".to_owned());
        History::default().apply(&mut map, add).expect("applies");
        assert_eq!(id.as_str(), "a-brand-new-idea");
        let (again, second) = add_claim_at(&map, Position::new(0.0, 0.0), "A brand new idea".to_owned());
        assert_ne!(second, id, "a second claim of the same text gets its own id");
        History::default().apply(&mut map, again).expect("applies");

        let lane = map.lanes[0].id.clone();
        let date = Date::day(2015, 9, 25);
        let (add, event) = add_event_on(&map, lane, date, "Summit dinner".to_owned());
        History::default().apply(&mut map, add).expect("applies");
        let later = Date::day(2015, 9, 26);
        let moved = move_event(&map, &event, later, None).expect("moved").expect("a change");
        History::default().apply(&mut map, moved).expect("applies");
        assert_eq!(map.event(&event).map(|e| e.date), Some(later));
    }

    #[test]
    fn a_cut_is_a_deletion_named_cut() {
        let map = case_study();
        let items = [ItemRef::Claim(map.claims[0].id.clone())];
        let cut = cut(&map, &items);
        let delete = commands::delete(&map, &items);
        assert_eq!(cut.ops, delete.ops);
        assert!(cut.label.starts_with("Cut"), "{}", cut.label);
        assert_eq!(cut.label.replacen("Cut", "Delete", 1), delete.label);
    }
}
