//! The story and presentation mode in the window (egui_kittest): F5
//! presents, the arrow keys and a typed number move between steps, Esc
//! leaves; steps reveal only what they show; editing the story undoes.

use argline::ui::{ArglineApp, Document};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn harness_on(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0)
}

/// Presses `key` and lets the views finish moving (a transition lasts 0.25 s).
fn press(harness: &mut Harness<'_, ArglineApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(20);
}

#[test]
fn f5_presents_arrows_advance_a_number_jumps_and_escape_leaves() {
    let mut harness = harness_on(crate::harness::case_study());
    let story = crate::harness::map_of(&harness).story;
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
    let step = &crate::harness::map_of(harness).story[index];
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
    // The case study's steps frame their subject; a stored viewport overrides that.
    let mut map = crate::harness::case_study().map().clone();
    for (index, step) in map.story.iter_mut().take(2).enumerate() {
        let center = argline::model::Position::new(400.0 * index as f32, 300.0);
        step.viewport = Some(argline::model::Viewport { center, zoom: 0.5 + 0.25 * index as f32 });
    }
    let mut harness = harness_on(Document::new(map, None, "viewports.ron".to_owned()));
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
    let map = crate::harness::map_of(&harness);
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
    let before = crate::harness::map_of(&harness);
    press(&mut harness, Key::F4);
    harness.get_by_label("Add a step from the current view").click();
    harness.run();
    let added = crate::harness::map_of(&harness);
    assert_eq!(added.story.len(), before.story.len() + 1);
    let step = added.story.last().expect("the new step");
    assert!(step.viewport.is_some() && step.window.is_some(), "the step records the view");

    harness.get_by_label("Title").click();
    harness.run();
    harness.get_by_label("Title").type_text(" on the map");
    harness.run();
    let renamed = crate::harness::map_of(&harness);
    assert_eq!(renamed.story.last().expect("step").title, format!("{} on the map", step.title));
    // Leave the field, so that Ctrl+Z undoes the map rather than the text.
    press(&mut harness, Key::Escape);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(crate::harness::map_of(&harness), added, "the typing is one step");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(crate::harness::map_of(&harness), before);
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
    let step = crate::harness::map_of(&harness).story.last().cloned().expect("a step");
    assert_eq!(step.as_of.map(|date| date.last_day()), Some(as_of));
    harness.get_by_label("Off").click();
    harness.run();
    assert_eq!(harness.state().as_of(), None);
    let row = format!("{}. {}", crate::harness::map_of(&harness).story.len(), step.title);
    harness.get_by_label(&row).click();
    harness.run_steps(20);
    assert_eq!(harness.state().as_of(), Some(as_of), "going to the step puts the cursor back");
}

/// Runs frames until the map view stops moving (the eased move of a step).
fn settle(harness: &mut Harness<'_, ArglineApp>) {
    for _ in 0..10 {
        let before = harness.state().map_viewport();
        harness.run_steps(10);
        if harness.state().map_viewport() == before {
            return;
        }
    }
}

/// The zoom at which card text is 12 px at 100 % interface zoom (it is 14 px at zoom 1).
const READABLE_ZOOM: f32 = 12.0 / 14.0;

/// Walks every step of the case study, in the window (from the story panel)
/// or presenting, and checks that each frames its subject: every highlighted
/// item with a place on the map is in view; a subject that fits at readable
/// size is shown at least that near, and one that does not fills the map's
/// width or height; a step whose subject is on the timeline only does not
/// zoom the map out to all of itself.
fn walk_the_case_study_story(presenting: bool) {
    let map = crate::harness::case_study().map().clone();
    assert!(map.story.iter().all(|step| step.viewport.is_none()), "the case study's steps frame themselves");
    let mut harness = harness_on(crate::harness::case_study());
    press(&mut harness, if presenting { Key::F5 } else { Key::F4 });
    let mode = if presenting { "presenting" } else { "in the window" };
    for (index, step) in map.story.iter().enumerate() {
        harness.state_mut().push(argline::ui::Action::GoToStep(index));
        settle(&mut harness);
        let (view, zoom) = (harness.state().map_view_rect(), harness.state().map_viewport().zoom);
        let at = format!("{mode}, step {} at zoom {zoom:.3}", index + 1);
        let subject = if step.highlights.is_empty() { &step.shows } else { &step.highlights };
        let mut subject_on_screen = egui::Rect::NOTHING;
        for item in subject.iter().filter(|item| !matches!(item, argline::model::ItemRef::Link(_))) {
            // An event that is evidence for nothing is on the timeline only.
            let Some(drawn) = harness.state().map_screen_rect_of(item) else {
                assert!(matches!(item, argline::model::ItemRef::Event(_)), "{at}: {item:?} is not drawn");
                continue;
            };
            assert!(view.expand(1.0).contains_rect(drawn), "{at}: {item:?} at {drawn:?} is off the map {view:?}");
            subject_on_screen = subject_on_screen.union(drawn);
        }
        if !subject_on_screen.is_positive() {
            let whole_map = map
                .claims
                .iter()
                .filter_map(|claim| {
                    harness.state().map_screen_rect_of(&argline::model::ItemRef::Claim(claim.id.clone()))
                })
                .fold(egui::Rect::NOTHING, egui::Rect::union);
            assert!(
                zoom >= READABLE_ZOOM || !view.contains_rect(whole_map),
                "{at}: its subject is on the timeline only, yet the map shows all of itself, too small to read"
            );
            continue;
        }
        // Room for margins and the legend in the corner.
        let at_readable = subject_on_screen.size() / zoom * READABLE_ZOOM;
        if at_readable.x < view.width() - 140.0 && at_readable.y < view.height() - 80.0 {
            assert!(zoom >= READABLE_ZOOM - 1e-3, "{at}: the subject would fit at a readable zoom");
        } else {
            assert!(
                subject_on_screen.width() >= view.width() - 140.0 || subject_on_screen.height() >= view.height() - 80.0,
                "{at}: the subject ({subject_on_screen:?}) leaves much of the map ({view:?}) empty"
            );
        }
    }
}

#[test]
fn every_step_of_the_case_study_frames_its_subject_in_the_window() {
    walk_the_case_study_story(false);
}

#[test]
fn every_step_of_the_case_study_frames_its_subject_while_presenting() {
    walk_the_case_study_story(true);
}

/// Presents step `index` of the case study and says how high the map and
/// the timeline's plot are drawn.
fn presented_heights(harness: &mut Harness<'_, ArglineApp>, index: usize) -> (f32, f32) {
    harness.state_mut().push(argline::ui::Action::GoToStep(index));
    settle(harness);
    let map = harness.state().map_view_rect();
    let map_height = if map.is_positive() { map.height() } else { 0.0 };
    (map_height, harness.state().timeline_drawn().0.height())
}

#[test]
fn presenting_gives_the_screen_to_where_each_steps_subject_is() {
    let story = crate::harness::case_study().map().story.clone();
    let step = |start: &str| story.iter().position(|step| step.title.starts_with(start)).expect("the step");
    let mut harness = harness_on(crate::harness::case_study());
    press(&mut harness, Key::F5);

    let (map, timeline) = presented_heights(&mut harness, step("2013: cyber theft reaches the summit table"));
    assert_eq!(map, 0.0, "a step of events that are evidence for nothing shows no empty map");
    assert!(timeline > 500.0, "the timeline takes the screen: its plot is {timeline} high");

    let (map, timeline) = presented_heights(&mut harness, step("Two questions, and the explanations of each"));
    assert!(map > 2.5 * timeline, "a step about claims gives the map the room: {map} against {timeline}");
    // The two questions' groups stand side by side: stacked, they framed at 0.25.
    let zoom = harness.state().map_viewport().zoom;
    assert!(zoom >= 0.3, "two questions and their explanations frame at {zoom:.3}");

    let (map, timeline) = presented_heights(&mut harness, step("Why did China agree? Sanctions"));
    assert!(map > timeline && map < 2.5 * timeline, "a step about both shares it: {map} against {timeline}");
    assert!(harness.state().map_screen_rect_of(&argline::model::ItemRef::Claim("sanctions-threat".into())).is_some());
}
