//! The story and presentation mode in the window (egui_kittest): F5
//! presents, the arrow keys and a typed number move between steps, Esc
//! leaves; steps reveal only what they show; editing the story undoes.

use argline::model::Map;
use argline::ui::{ArglineApp, Document};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn harness_on(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0)
}

fn map_of(harness: &Harness<'_, ArglineApp>) -> Map {
    harness.state().document().map().clone()
}

/// Presses `key` and lets the views finish moving (a transition lasts 0.25 s).
fn press(harness: &mut Harness<'_, ArglineApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(20);
}

#[test]
fn f5_presents_arrows_advance_a_number_jumps_and_escape_leaves() {
    let mut harness = harness_on(crate::harness::case_study());
    let story = map_of(&harness).story;
    assert!(story.len() >= 8, "the case study tells its story in at least 8 steps");
    let steps = story.len();
    press(&mut harness, Key::F5);
    assert!(harness.query_by_label("File").is_none(), "the menus are hidden while presenting");
    harness.get_by_label(&story[0].title);
    harness.get_by_label(&format!("1 / {steps}"));

    press(&mut harness, Key::ArrowRight);
    harness.get_by_label(&story[1].title);
    harness.get_by_label(&format!("2 / {steps}"));
    press(&mut harness, Key::Space);
    press(&mut harness, Key::ArrowLeft);
    harness.get_by_label(&format!("2 / {steps}"));

    harness.event(egui::Event::Text("5".to_owned()));
    press(&mut harness, Key::Enter);
    harness.get_by_label(&story[4].title);
    press(&mut harness, Key::End);
    harness.get_by_label(&format!("{steps} / {steps}"));

    press(&mut harness, Key::Escape);
    harness.get_by_label("File");
    assert!(harness.query_by_label(&format!("{steps} / {steps}")).is_none());
}

/// Asserts that both views show what story step `index` asks for.
fn assert_views_at_step(harness: &Harness<'_, ArglineApp>, index: usize) {
    let step = &map_of(harness).story[index];
    let (wanted, seen) = (step.viewport.expect("a viewport"), harness.state().map_viewport());
    let close = (wanted.center.x - seen.center.x).abs() < 1.0
        && (wanted.center.y - seen.center.y).abs() < 1.0
        && (wanted.zoom - seen.zoom).abs() < 0.001;
    assert!(close, "step {index}: map at {seen:?}, step asks for {wanted:?}");
    let window = step.window.expect("a window");
    let shown = harness.state().timeline_window().expect("a timeline window");
    let days = |a: argline::model::Date, b: argline::model::Date| (a.first_day() - b.first_day()).num_days().abs();
    assert!(
        days(shown.start, window.start) <= 2,
        "step {index}: timeline from {:?}, asked {:?}",
        shown.start,
        window.start
    );
    assert!(days(shown.end, window.end) <= 31, "step {index}: timeline to {:?}, asked {:?}", shown.end, window.end);
}

#[test]
fn each_step_moves_both_views_to_where_it_says() {
    let mut harness = harness_on(crate::harness::case_study());
    press(&mut harness, Key::F5);
    assert_views_at_step(&harness, 0);
    press(&mut harness, Key::ArrowRight);
    assert_views_at_step(&harness, 1);
    press(&mut harness, Key::ArrowLeft);
    assert_views_at_step(&harness, 0);
}

#[test]
fn a_step_that_lists_what_it_shows_hides_the_rest() {
    let document = Document::open(PathBuf::from("sample_maps/tutorial.ron")).expect("the tutorial opens");
    let mut harness = harness_on(document);
    let map = map_of(&harness);
    let first = &map.story[0];
    assert!(!first.shows.is_empty(), "the tutorial's first step shows only the timeline events");
    let explanation = map.explanations().next().expect("an explanation");
    let label = format!("Explanation: {}", explanation.text);
    harness.get_by_label(&label);
    press(&mut harness, Key::F5);
    assert!(harness.query_by_label(&label).is_none(), "the explanation is not shown at step 1");
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label(&label);
}

#[test]
fn adding_and_renaming_a_story_step_each_undo_in_one_step() {
    let mut harness = harness_on(crate::harness::case_study());
    let before = map_of(&harness);
    press(&mut harness, Key::F4);
    harness.get_by_label("Add a step from the current view").click();
    harness.run();
    let added = map_of(&harness);
    assert_eq!(added.story.len(), before.story.len() + 1);
    let step = added.story.last().expect("the new step");
    assert!(step.viewport.is_some() && step.window.is_some(), "the step records the view");

    harness.get_by_label("Title").click();
    harness.run();
    harness.get_by_label("Title").type_text(" on the map");
    harness.run();
    let renamed = map_of(&harness);
    assert_eq!(renamed.story.last().expect("step").title, format!("{} on the map", step.title));
    // Leave the field, so that Ctrl+Z undoes the map rather than the text.
    press(&mut harness, Key::Escape);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(map_of(&harness), added, "the typing is one step");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(map_of(&harness), before);
}

#[test]
fn a_step_added_with_the_as_of_cursor_on_brings_the_cursor_back() {
    // The tutorial's story is short: every step's row is in view.
    let document = Document::open(PathBuf::from("sample_maps/tutorial.ron")).expect("the tutorial opens");
    let mut harness = harness_on(document);
    harness.get_by_label("As of…").click();
    harness.run();
    let as_of = harness.state().as_of().expect("the cursor is on");
    press(&mut harness, Key::F4);
    harness.get_by_label("Add a step from the current view").click();
    harness.run();
    let step = map_of(&harness).story.last().cloned().expect("a step");
    assert_eq!(step.as_of.map(|date| date.last_day()), Some(as_of));
    harness.get_by_label("Off").click();
    harness.run();
    assert_eq!(harness.state().as_of(), None);
    let row = format!("{}. {}", map_of(&harness).story.len(), step.title);
    harness.get_by_label(&row).click();
    harness.run_steps(20);
    assert_eq!(harness.state().as_of(), Some(as_of), "going to the step puts the cursor back");
}
