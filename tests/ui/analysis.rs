//! The analyst's tools in the window (egui_kittest): search with Ctrl+F and
//! go to a result, the live consistency checks, and the as-of cursor.

use argline::model::ItemRef;
use argline::ui::{ArglineApp, Document};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn harness_on(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0)
}

#[test]
fn ctrl_f_searches_every_text_and_a_result_goes_to_its_item() {
    let mut harness = harness_on(crate::harness::case_study());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("Unit 61398");
    harness.run();
    harness.get_by_label_contains(" found");
    assert!(harness.query_by_label("0 found").is_none());
    harness.get_by_label_contains("Mandiant’s APT1 report links a hacking group to PLA Unit 61398 — title").click();
    harness.run_steps(20);
    assert_eq!(harness.state().selection().items(), [ItemRef::Event("mandiant-apt1".into())]);
}

#[test]
fn the_checks_list_what_is_wrong_and_go_to_it() {
    let document = Document::open(PathBuf::from("tests/data/analysis/checks_broken.ron")).expect("opens");
    let mut harness = harness_on(document);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Checks: 6 to look at");
    harness.get_by_label("“Nothing bears on this” has no evidence for or against it").click();
    harness.run_steps(20);
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim("lonely".into())]);
}

#[test]
fn the_as_of_cursor_starts_at_the_last_date_and_the_axis_moves_it() {
    let mut harness = harness_on(crate::harness::case_study());
    assert_eq!(harness.state().as_of(), None);
    harness.get_by_label("As of…").click();
    harness.run();
    let (_, last) = harness.state().document().map().date_extent().expect("dated events");
    assert_eq!(harness.state().as_of(), Some(last));
    let axis = harness.get_by_label_contains("As of ").rect();
    crate::harness::click_at(&mut harness, egui::pos2(axis.left() + 30.0, axis.center().y));
    let moved = harness.state().as_of().expect("still on");
    assert!(moved < last, "{moved} is before {last}");
    harness.get_by_label("Off").click();
    harness.run();
    assert_eq!(harness.state().as_of(), None);
}
