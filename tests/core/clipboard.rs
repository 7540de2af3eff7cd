//! Copy and paste between maps, on the bundled case study: what travels with
//! a selection, fresh ids, rewired links, one undo step, hostile clipboard text.

use argline::edit::History;
use argline::edit::clipboard::{Fragment, paste};
use argline::model::{ItemRef, LinkFrom, LinkTo, Map, Position, validate::validate};

fn case_study() -> Map {
    argline::format::load_str(argline::CASE_STUDY_RON, "case study").expect("the case study loads")
}

/// An explanation and every event that is evidence for or against it.
fn explanation_with_evidence(map: &Map) -> Vec<ItemRef> {
    let explanation = map.explanations().next().expect("an explanation");
    let mut items = vec![ItemRef::Claim(explanation.id.clone())];
    for link in map.links_touching(&ItemRef::Claim(explanation.id.clone())) {
        if let LinkFrom::Event(event) = &link.from {
            items.push(ItemRef::Event(event.clone()));
        }
    }
    assert!(items.len() > 2, "the explanation has evidence events");
    items
}

#[test]
fn a_copy_holds_the_links_between_copied_items_and_what_they_cite() {
    let map = case_study();
    let items = explanation_with_evidence(&map);
    let fragment = Fragment::copy(&map, &items);
    assert_eq!(fragment.claims.len(), 1);
    assert_eq!(fragment.events.len(), items.len() - 1);
    assert_eq!(fragment.links.len(), items.len() - 1, "one link from each event to the explanation");
    for citation in fragment.events.iter().flat_map(|e| &e.citations) {
        assert!(fragment.sources.iter().any(|s| s.id == citation.source), "cited source {} travels", citation.source);
    }
    for event in &fragment.events {
        assert!(fragment.lanes.iter().any(|lane| lane.id == event.lane));
    }
}

#[test]
fn pasting_into_the_same_map_gives_fresh_ids_and_rewires_links_in_one_undo_step() {
    let mut map = case_study();
    let original = map.clone();
    let fragment = Fragment::copy(&map, &explanation_with_evidence(&map));
    let text = fragment.to_text();
    let from_clipboard = Fragment::from_text(&text).expect("clipboard text reads back");
    assert_eq!(from_clipboard, fragment);

    let pasted = paste(&map, &from_clipboard, Position::new(40.0, 40.0), "Paste").expect("pastes");
    assert_eq!(pasted.transaction.label, format!("Paste {} items", fragment.item_count()));
    let mut history = History::default();
    history.apply(&mut map, pasted.transaction).expect("applies");
    assert!(validate(&map).is_empty(), "{:?}", validate(&map));
    assert_eq!(map.claims.len(), original.claims.len() + 1);
    assert_eq!(map.events.len(), original.events.len() + fragment.events.len());
    assert_eq!(map.links.len(), original.links.len() + fragment.links.len());
    assert_eq!(map.sources.len(), original.sources.len(), "identical sources are shared, not doubled");

    let new_claim = map.claims.last().expect("pasted claim");
    assert_ne!(new_claim.id, fragment.claims[0].id);
    assert_eq!(new_claim.text, fragment.claims[0].text);
    assert_eq!(new_claim.position.x, fragment.claims[0].position.x + 40.0);
    for link in &map.links[original.links.len()..] {
        assert_eq!(link.to, LinkTo::Claim(new_claim.id.clone()), "pasted links point at the pasted claim");
        let LinkFrom::Event(event) = &link.from else { panic!("evidence links start at events") };
        assert!(map.events[original.events.len()..].iter().any(|e| &e.id == event), "and start at pasted events");
    }
    assert!(pasted.items.contains(&ItemRef::Claim(new_claim.id.clone())));

    history.undo(&mut map).expect("undoes");
    assert_eq!(map, original);
}

#[test]
fn pasting_into_an_empty_map_brings_lanes_and_sources() {
    let source = case_study();
    let fragment = Fragment::copy(&source, &explanation_with_evidence(&source));
    let mut map = Map::default();
    let pasted = paste(&map, &fragment, Position::new(0.0, 0.0), "Paste").expect("pastes");
    History::default().apply(&mut map, pasted.transaction).expect("applies");
    assert!(validate(&map).is_empty(), "{:?}", validate(&map));
    assert_eq!(map.lanes, fragment.lanes);
    assert_eq!(map.sources, fragment.sources);
    assert_eq!(map.events.len(), fragment.events.len());
    assert_eq!(map.events[0].id, fragment.events[0].id, "ids are kept where they are free");
}

#[test]
fn a_copy_of_a_copy_counts_on_instead_of_nesting_suffixes() {
    let mut map = case_study();
    let claim = map.claims[0].clone();
    let items = [ItemRef::Claim(claim.id.clone())];
    for _ in 0..2 {
        let fragment = Fragment::copy(&map, &items);
        let pasted = paste(&map, &fragment, Position::new(10.0, 10.0), "Duplicate").expect("pastes");
        History::default().apply(&mut map, pasted.transaction).expect("applies");
    }
    let ids: Vec<&str> = map.claims.iter().rev().take(2).map(|c| c.id.as_str()).collect();
    assert_eq!(ids, [format!("{}-3", claim.id), format!("{}-2", claim.id)]);
}

#[test]
fn other_clipboard_text_is_not_a_fragment_and_plain_text_becomes_a_claim() {
    assert_eq!(Fragment::from_text("Sanctions were never the point"), None);
    assert_eq!(Fragment::from_text("(argline_fragment: 1, claims: [ (broken"), None);
    let fragment = Fragment::from_plain_text("  Xi  promised\nrestraint ").expect("a claim");
    assert_eq!(fragment.claims[0].text, "Xi promised restraint");
    assert_eq!(Fragment::from_plain_text("   \n"), None);
    let mut map = Map::default();
    let pasted = paste(&map, &fragment, Position::new(5.0, 5.0), "Paste").expect("pastes");
    History::default().apply(&mut map, pasted.transaction).expect("applies");
    assert_eq!(map.claims.len(), 1);
    assert_eq!(map.claims[0].id.as_str(), "xi-promised-restraint");
}

#[test]
fn a_fragment_whose_links_point_nowhere_is_refused_and_the_map_is_untouched() {
    let map = case_study();
    let mut fragment = Fragment::copy(&map, &explanation_with_evidence(&map));
    fragment.links[0].from = LinkFrom::Event("no-such-event".into());
    let error = paste(&map, &fragment, Position::new(0.0, 0.0), "Paste").err().expect("refused");
    assert!(error.to_string().contains("do not fit this map"), "{error}");
}
