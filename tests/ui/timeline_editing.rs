//! Editing on the timeline (egui_kittest): double-click a lane to add an
//! event on that day; drag an event to change its date, one undo step.

use argline::model::Precision;
use argline::ui::{ArglineApp, Document};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn tutorial_harness() -> Harness<'static, ArglineApp> {
    let document = Document::open(PathBuf::from("sample_maps/tutorial.ron")).expect("the tutorial opens");
    crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0)
}

#[test]
fn double_clicking_a_lane_adds_an_event_on_that_day() {
    let mut harness = tutorial_harness();
    let before = crate::harness::map_of(&harness);
    let last = before.events.iter().map(|e| e.last_date().last_day()).max().expect("events");
    // The river lane, right of every event (Fit leaves room there for labels).
    let closure = before.events.iter().find(|e| e.id.as_str() == "closure").expect("the closure event");
    let row = harness.get_by_label(&closure.title).rect().center().y;
    let spot = egui::pos2(1370.0, row);
    crate::harness::double_click_at(&mut harness, spot);
    crate::harness::focused_text_field(&harness).type_text("Engineers reopen one walkway");
    harness.key_press(egui::Key::Enter);
    harness.run();

    let after = crate::harness::map_of(&harness);
    assert_eq!(after.events.len(), before.events.len() + 1);
    let added = after.events.last().expect("the new event");
    assert_eq!(added.title, "Engineers reopen one walkway");
    assert_eq!(added.lane, closure.lane);
    assert_eq!(added.date.precision(), Precision::Day);
    assert!(added.date.first_day() > last, "{:?} is right of every event", added.date);
    assert!(argline::model::validate::validate(&after).is_empty());
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn dragging_an_event_changes_its_date_by_whole_days_in_one_step() {
    let mut harness = tutorial_harness();
    let before = crate::harness::map_of(&harness);
    let closure = before.events.iter().find(|e| e.id.as_str() == "closure").expect("the closure event").clone();
    let start = harness.get_by_label(&closure.title).rect().left_center() + egui::vec2(4.0, 0.0);
    // Steps rather than `run`: the hovered event's tooltip keeps asking for frames.
    harness.hover_at(start);
    harness.drag_at(start);
    harness.run_steps(2);
    for step in 1..=5 {
        harness.hover_at(start + egui::vec2(20.0 * step as f32, 0.0));
        harness.run_steps(2);
    }
    harness.drop_at(start + egui::vec2(100.0, 0.0));
    harness.run_steps(10);

    let moved = crate::harness::map_of(&harness).events.iter().find(|e| e.id == closure.id).expect("still there").date;
    assert_eq!(moved.precision(), Precision::Day);
    assert!(moved.first_day() > closure.date.first_day(), "{moved:?} is later than {:?}", closure.date);
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before, "the whole drag is one step");
}
