//! File ▸ Compare with…: the open map against another file marks what it
//! adds and changes on the map and the timeline, lists every difference to
//! step through (a click selects the item), and leaving clears the marks.

use argline::model::{Claim, ClaimKind, ItemRef, Map, Position};
use argline::ui::{ArglineApp, Difference, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

fn tutorial() -> Map {
    argline::format::load_file(Path::new("sample_maps/tutorial.ron")).expect("the tutorial loads")
}

/// The tutorial with the budget claim reworded and a claim added.
fn newer() -> Map {
    let mut map = tutorial();
    let claim = map.claims.iter_mut().find(|claim| claim.id.as_str() == "budget").expect("the budget claim");
    claim.text = "Budget: the council closed it to cut costs".into();
    map.claims.push(Claim::new("repairs", ClaimKind::Claim, "Repairs were put off", Position::new(40.0, 600.0)));
    map
}

fn compare_with(harness: &mut Harness<'_, ArglineApp>, other: &Path) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::O);
    harness.run();
    harness.get_by_label("Compare the map with");
    crate::harness::focused_text_field(harness).type_text(&other.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    crate::harness::finish_jobs(harness);
}

#[test]
fn comparing_marks_an_added_and_a_changed_claim_and_stopping_clears_the_marks() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let (older, mine) = (dir.path().join("older.ron"), dir.path().join("mine.ron"));
    argline::format::save_file(&tutorial(), &older).expect("writes");
    argline::format::save_file(&newer(), &mine).expect("writes");
    let app = crate::harness::app(Document::open(mine).expect("opens")).without_system_dialogs();
    let mut harness = crate::harness::harness_with(app, 0.25);
    compare_with(&mut harness, &older);

    let (budget, repairs) = (ItemRef::Claim("budget".into()), ItemRef::Claim("repairs".into()));
    let marks = harness.state().difference_marks();
    assert_eq!(marks, vec![(budget.clone(), Difference::Changed), (repairs.clone(), Difference::Added)]);
    harness.get_by_label("Compared with older.ron");
    harness.get_by_label("Added claim \"repairs\": Repairs were put off");
    harness.get_by_label("Changed claim \"budget\" (text): Budget: the council closed it to cut costs").click();
    harness.run();
    assert_eq!(harness.state().selection().items(), std::slice::from_ref(&budget), "a click selects the item");
    harness.key_press(egui::Key::F7);
    harness.run();
    assert_eq!(harness.state().selection().items(), &[repairs], "F7 steps to the next difference");
    harness.key_press(egui::Key::Delete);
    crate::harness::finish_jobs(&mut harness);
    assert_eq!(
        harness.state().difference_marks(),
        vec![(budget, Difference::Changed)],
        "the comparison is worked out again after an edit"
    );

    harness.get_by_role_and_label(Role::Button, "Stop comparing").click();
    harness.run();
    assert!(harness.state().difference_marks().is_empty());
    assert!(harness.query_by_label("Compared with older.ron").is_none());
}

#[test]
fn a_file_that_cannot_be_read_is_not_compared_and_says_where_it_went_wrong() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(title: \"Half a map\", claims: [\n").expect("writes");
    let app = crate::harness::app(crate::harness::case_study()).without_system_dialogs();
    let mut harness = crate::harness::harness_with(app, 0.25);
    compare_with(&mut harness, &broken);

    assert!(harness.state().difference_marks().is_empty());
    assert!(harness.query_by_label("Compared with broken.ron").is_none());
    harness.get_by_label_contains("The map was not compared.");
    harness.get_by_label_contains("broken.ron:");
}
