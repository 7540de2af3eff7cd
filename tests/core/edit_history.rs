//! The edit history: any sequence of edits on the case study, undone, gives
//! back exactly the original map; redone, exactly the edited one; and the
//! edited map stays valid and survives save → load.

use argline::edit::{History, Transaction, commands};
use argline::format::{load_str, to_ron_string};
use argline::model::{
    Claim, ClaimKind, ItemRef, Link, LinkFrom, LinkTo, Map, Position, Relation, StoryStep, Strength, validate::validate,
};
use proptest::prelude::*;

fn case_study() -> Map {
    load_str(argline::CASE_STUDY_RON, "case.ron").expect("valid")
}

/// An edit a user could make, with its choices as numbers to be taken modulo
/// the size of the map at the time.
#[derive(Clone, Debug)]
enum Action {
    AddClaim { kind: usize, x: i16, y: i16 },
    Delete { pick: usize, what: usize },
    Move { first: usize, count: usize, dx: i16, dy: i16 },
    EditText { pick: usize, text: String },
    Relink { pick: usize, relation: usize, strength: usize },
    AddLink { from: usize, to: usize },
    AddStep { title: String },
    MoveStep { from: usize, to: usize },
    RemoveStep { pick: usize },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0..4usize, any::<i16>(), any::<i16>()).prop_map(|(kind, x, y)| Action::AddClaim { kind, x, y }),
        (any::<usize>(), 0..3usize).prop_map(|(pick, what)| Action::Delete { pick, what }),
        (any::<usize>(), 1..5usize, any::<i16>(), any::<i16>()).prop_map(|(first, count, dx, dy)| Action::Move {
            first,
            count,
            dx,
            dy
        }),
        (any::<usize>(), "[a-zA-Z习近平 ,.’]{1,30}").prop_map(|(pick, text)| Action::EditText { pick, text }),
        (any::<usize>(), 0..3usize, 0..3usize).prop_map(|(pick, relation, strength)| Action::Relink {
            pick,
            relation,
            strength
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Action::AddLink { from, to }),
        "[a-zA-Z ]{1,20}".prop_map(|title| Action::AddStep { title }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Action::MoveStep { from, to }),
        any::<usize>().prop_map(|pick| Action::RemoveStep { pick }),
    ]
}

/// The transaction `action` stands for on `map`, if it makes sense there.
fn transaction(map: &Map, action: &Action) -> Option<Transaction> {
    let pick = |n: usize, len: usize| (len > 0).then(|| n % len);
    match action {
        Action::AddClaim { kind, x, y } => {
            let kind = ClaimKind::ALL[*kind];
            let claim = Claim::new(
                commands::fresh_id(map, "new claim"),
                kind,
                format!("A new {}", kind.label()),
                Position::new(f32::from(*x), f32::from(*y)),
            );
            Some(commands::add_claim(map, claim))
        }
        Action::Delete { pick: n, what } => {
            let item = match what {
                0 => ItemRef::Claim(map.claims.get(pick(*n, map.claims.len())?)?.id.clone()),
                1 => ItemRef::Event(map.events.get(pick(*n, map.events.len())?)?.id.clone()),
                _ => ItemRef::Link(map.links.get(pick(*n, map.links.len())?)?.id.clone()),
            };
            Some(commands::delete(map, &[item]))
        }
        Action::Move { first, count, dx, dy } => {
            let start = pick(*first, map.claims.len())?;
            let moves: Vec<_> = map
                .claims
                .iter()
                .cycle()
                .skip(start)
                .take((*count).min(map.claims.len()))
                .map(|c| (c.id.clone(), Position::new(c.position.x + f32::from(*dx), c.position.y + f32::from(*dy))))
                .collect();
            Some(commands::move_claims(map, &moves))
        }
        Action::EditText { pick: n, text } => {
            let mut claim = map.claims.get(pick(*n, map.claims.len())?)?.clone();
            claim.text = text.trim().to_owned();
            if claim.text.is_empty() {
                return None;
            }
            commands::update_claim(map, claim, "Edit claim text").ok()
        }
        Action::Relink { pick: n, relation, strength } => {
            let mut link = map.links.get(pick(*n, map.links.len())?)?.clone();
            link.relation = Relation::ALL[*relation];
            link.strength = Strength::ALL[*strength];
            commands::update_link(map, link, "Change link").ok()
        }
        Action::AddLink { from, to } => {
            let from = &map.claims.get(pick(*from, map.claims.len())?)?.id;
            let to = &map.claims.get(pick(*to, map.claims.len())?)?.id;
            let link = Link {
                id: commands::fresh_id(map, "new link").into(),
                from: LinkFrom::Claim(from.clone()),
                to: LinkTo::Claim(to.clone()),
                relation: Relation::Supports,
                strength: Strength::Moderate,
                note: String::new(),
                citations: vec![],
            };
            commands::add_link(map, link).ok()
        }
        Action::AddStep { title } => {
            let title = title.trim();
            (!title.is_empty()).then(|| {
                let step = StoryStep {
                    title: title.to_owned(),
                    shows: vec![],
                    highlights: vec![],
                    window: None,
                    viewport: None,
                    as_of: None,
                    notes: String::new(),
                };
                commands::add_story_step(map, step)
            })
        }
        Action::MoveStep { from, to } => {
            let len = map.story.len();
            commands::move_story_step(map, pick(*from, len)?, pick(*to, len)?).ok()
        }
        Action::RemoveStep { pick: n } => commands::remove_story_step(map, pick(*n, map.story.len())?).ok(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn undo_all_restores_the_original_and_redo_all_the_edited(actions in proptest::collection::vec(action(), 1..25)) {
        let original = case_study();
        let mut map = original.clone();
        let mut history = History::default();
        let mut steps = 0;
        for action in &actions {
            if let Some(transaction) = transaction(&map, action).filter(|t| !t.is_empty()) {
                history.apply(&mut map, transaction).expect("a command built on this map applies");
                steps += 1;
                prop_assert_eq!(validate(&map), vec![], "after {:?}", action);
            }
        }
        let edited = map.clone();
        prop_assert_eq!(history.has_unsaved_changes(), steps > 0);
        for _ in 0..steps {
            prop_assert!(history.undo(&mut map).expect("undo applies").is_some());
        }
        prop_assert!(history.undo(&mut map).expect("nothing to undo").is_none());
        prop_assert_eq!(&map, &original);
        prop_assert!(!history.has_unsaved_changes());
        for _ in 0..steps {
            prop_assert!(history.redo(&mut map).expect("redo applies").is_some());
        }
        prop_assert_eq!(&map, &edited);
        let text = to_ron_string(&map).expect("writes");
        prop_assert_eq!(load_str(&text, "edited.ron").expect("the edited map loads"), edited);
    }
}

#[test]
fn deleting_a_claim_removes_its_links_and_undo_brings_them_back() {
    let mut map = case_study();
    let original = map.clone();
    let claim = map.explanations().next().expect("explanations").id.clone();
    let touching = map.links_touching(&ItemRef::Claim(claim.clone())).count();
    assert!(touching > 0);
    let mut history = History::default();
    let transaction = commands::delete(&map, &[ItemRef::Claim(claim.clone())]);
    assert_eq!(transaction.label, "Delete claim");
    history.apply(&mut map, transaction).expect("applies");
    assert!(map.claim(&claim).is_none());
    assert_eq!(map.links_touching(&ItemRef::Claim(claim)).count(), 0);
    assert_eq!(validate(&map), vec![]);
    assert_eq!(history.undo_label(), Some("Delete claim"));
    history.undo(&mut map).expect("undoes");
    assert_eq!(map, original);
}

#[test]
fn a_move_of_several_claims_is_one_named_step() {
    let mut map = case_study();
    let moves: Vec<_> =
        map.claims.iter().take(3).map(|c| (c.id.clone(), Position::new(c.position.x + 10.0, c.position.y))).collect();
    let mut history = History::default();
    let transaction = commands::move_claims(&map, &moves);
    history.apply(&mut map, transaction).expect("applies");
    assert_eq!(history.undo_label(), Some("Move 3 claims"));
    history.mark_saved();
    assert!(!history.has_unsaved_changes());
    history.undo(&mut map).expect("undoes");
    assert!(history.has_unsaved_changes(), "undoing past the save point is an unsaved change");
}

#[test]
fn a_link_that_joins_linked_items_again_is_refused() {
    let map = case_study();
    let existing = map.links[0].clone();
    let again = Link { id: "again".into(), ..existing };
    assert!(commands::add_link(&map, again).is_err());
}

#[test]
fn fresh_ids_are_slugs_and_unused() {
    let map = case_study();
    let taken = map.claims[0].id.as_str().to_owned();
    let fresh = commands::fresh_id(&map, &taken);
    assert_ne!(fresh, taken);
    assert!(argline::model::is_valid_slug(&fresh));
    assert_eq!(commands::fresh_id(&map, "习近平!!"), "item");
}
