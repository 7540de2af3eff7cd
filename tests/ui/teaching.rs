//! Teaching in the window: View ▸ Compare with key… marks a student's map
//! against the key (extra items and disagreeing links outlined, the key's
//! missing claims listed with where they would attach), kept up to date as
//! the map changes, ended by Escape; File ▸ New assignment from this map…
//! writes the students' copy without changing the map.

use argline::model::{Claim, ClaimKind, ItemRef, LinkTo, Map, Position, Relation};
use argline::ui::{Action, ArglineApp, Difference, Document, Origin};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::time::Duration;

const KEY: &str = "sample_maps/us_china_cyber_2013_2015.ron";

/// The case study as a student handed it back: a claim left out with its
/// links, a relation flipped, a claim of the student's own.
fn student() -> Map {
    let key = argline::format::load_file(Path::new(KEY)).expect("the key loads");
    let hide = vec![ItemRef::Claim("c-offense-hint".into())];
    let options = argline::teaching::AssignmentOptions { hide, clear_ratings: false };
    let mut map = argline::teaching::assignment(&key, &options).expect("the claim is removed");
    let flipped = map.links.iter_mut().find(|link| link.id.as_str() == "l-xistmt-longstanding").expect("a link");
    flipped.relation = Relation::Opposes;
    let own = Claim::new("my-claim", ClaimKind::Claim, "Chinese hackers simply moved on", Position::new(0.0, 2400.0));
    map.claims.push(own);
    map
}

fn open_menu_item(harness: &mut Harness<'_, ArglineApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Frames until the comparison with the key is worked out for the map as it is now.
fn wait_for_comparison(harness: &mut Harness<'_, ArglineApp>, until: impl Fn(&ArglineApp) -> bool) {
    let done = (0..300).any(|_| {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
        until(harness.state())
    });
    assert!(done, "the comparison with the key never came");
    harness.run_steps(2);
}

#[test]
fn comparing_with_the_key_marks_the_differences_and_shows_where_a_missing_claim_attaches() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let mine = dir.path().join("student.ron");
    argline::format::save_file(&student(), &mine).expect("writes");
    let app = crate::harness::app(Document::open(mine).expect("opens")).without_system_dialogs();
    let mut harness = crate::harness::harness_with(app, 0.25);
    open_menu_item(&mut harness, "View", "Compare with key…");
    harness.get_by_label("Compare the map with the key");
    crate::harness::type_path_and_confirm(&mut harness, Path::new(KEY), "Compare");
    wait_for_comparison(&mut harness, |app| app.key_score().is_some());

    let (own, flipped) = (ItemRef::Claim("my-claim".into()), ItemRef::Link("l-xistmt-longstanding".into()));
    let marks = harness.state().key_marks();
    assert!(marks.contains(&(own.clone(), Difference::Added)), "{marks:?}");
    assert!(marks.contains(&(flipped, Difference::Changed)), "{marks:?}");
    harness.get_by_label("Compared with key us_china_cyber_2013_2015.ron");
    let score = harness.state().key_score().expect("compared");
    assert!(score.starts_with("score 9"), "{score}");
    harness.get_by_label(&score);
    let key = argline::format::load_file(Path::new(KEY)).expect("the key loads");
    let left_out = ItemRef::Claim("c-offense-hint".into());
    let text = &key.claim(&"c-offense-hint".into()).expect("in the key").text;
    harness.get_by_label(&format!("missing: claim \"c-offense-hint\": “{text}”"));
    harness.get_by_role_and_label(Role::Button, "Show where it attaches").click();
    harness.run();
    let mut attach = harness.state().selection().items().to_vec();
    attach.sort();
    let mut expected: Vec<ItemRef> = key
        .links
        .iter()
        .filter_map(|link| match &link.to {
            LinkTo::Claim(to) if link.source_item() == left_out => Some(ItemRef::Claim(to.clone())),
            LinkTo::Claim(to) if ItemRef::Claim(to.clone()) == left_out => Some(link.source_item()),
            _ => None,
        })
        .collect();
    expected.sort();
    expected.dedup();
    assert!(expected.len() >= 2, "the left-out claim is linked in the key: {expected:?}");
    assert_eq!(attach, expected, "what the missing claim is linked to in the key");

    // The student deletes their own claim: the comparison follows.
    harness.state_mut().push(Action::Select { item: own.clone(), origin: Origin::Map });
    harness.run();
    harness.key_press(egui::Key::Delete);
    wait_for_comparison(&mut harness, |app| !app.key_marks().iter().any(|(item, _)| *item == own));

    // Escape with nothing selected ends it.
    harness.state_mut().push(Action::Select { item: ItemRef::Claim("china-blinked".into()), origin: Origin::Map });
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().key_score().is_some(), "the first Escape only clears the selection");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().key_score().is_none());
    assert!(harness.query_by_label("Compared with key us_china_cyber_2013_2015.ron").is_none());
}

#[test]
fn a_new_assignment_hides_the_selection_and_clears_the_ratings_without_changing_the_map() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = dir.path().join("assignment.ron");
    let app = crate::harness::app(crate::harness::case_study()).without_system_dialogs();
    let mut harness = crate::harness::harness_with(app, 0.25);
    let before = crate::harness::map_of(&harness);
    let hidden = vec![ItemRef::Claim("o-no-concession-seen".into()), ItemRef::Event("eo-13694".into())];
    harness.state_mut().push(Action::SelectMany { items: hidden.clone(), extend: false, origin: Origin::Map });
    harness.run();
    open_menu_item(&mut harness, "File", "New assignment from this map…");
    harness.get_by_label("Hide the 2 selected items");
    let ratings = argline::teaching::matrix_cells(&before).len();
    harness.get_by_label(&format!("Clear the {ratings} matrix ratings"));
    harness.get_by_role_and_label(Role::Button, "Save the assignment as…").click();
    harness.run();
    harness.get_by_label("Save the assignment as");
    crate::harness::type_path_and_confirm(&mut harness, &path, "Save");

    let copy = argline::format::load_file(&path).expect("the assignment was written");
    assert!(hidden.iter().all(|item| !copy.items().any(|kept| kept == *item)), "the selection is hidden");
    assert!(argline::teaching::matrix_cells(&copy).is_empty(), "the ratings are cleared");
    assert_eq!(copy.story.len(), before.story.len(), "the story is kept");
    assert_eq!(crate::harness::map_of(&harness), before, "the open map is not changed");
    assert!(!harness.state().document().has_unsaved_changes());
    harness.get_by_label_contains("Wrote the assignment to");
}
