//! Timeline labels (egui_kittest): a title longer than the labels' usual cap
//! is shown whole while its row leaves room beside it, at 100 % and at the
//! presentation's interface zoom; no event's marks are drawn over another's
//! label; every event a story step highlights, and a selected one, is
//! labelled, and so are events crowded after their markers with room before them.

use argline::ui::Document;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

#[test]
fn a_long_title_with_room_beside_it_is_shown_whole_at_every_interface_zoom() {
    // 1.5: the interface zoom while presenting (`ui::presenter::PRESENTATION_ZOOM`).
    for zoom in [1.0, 1.5] {
        let path = PathBuf::from("tests/data/timeline_labels/long_titles.ron");
        let document = Document::open(path).expect("the map opens");
        let title = document.map().events[0].title.clone();
        let mut harness = crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0);
        harness.ctx.set_zoom_factor(zoom);
        harness.run_steps(10);
        let whole = harness.ctx.fonts_mut(|fonts| {
            let font = egui::FontId::proportional(argline::layout::timeline_dimensions::LABEL_FONT_SIZE);
            fonts.layout_no_wrap(title.clone(), font, egui::Color32::WHITE).size().x
        });
        assert!(whole > argline::layout::timeline_dimensions::MAX_LABEL_WIDTH, "the title is longer than the cap");
        let drawn = harness.get_by_label(&title).rect();
        assert!(drawn.width() >= whole, "at zoom {zoom}: {} drawn of {whole} points", drawn.width());
    }
}

/// Asserts that no event's marker, band or bar stands on another event's label in the timeline's plot.
fn assert_no_mark_on_another_label(harness: &egui_kittest::Harness<'_, argline::ui::ArglineApp>, when: &str) {
    let map = crate::harness::map_of(harness);
    let (plot, marks, labels) = harness.state().timeline_drawn();
    assert!(!labels.is_empty(), "{when}: labels are drawn");
    for (marked, mark) in marks {
        for (labelled, label) in labels.iter().filter(|(labelled, _)| labelled != marked) {
            let overlap = mark.shrink(1.0).intersect(label.shrink(1.0)).intersect(plot);
            assert!(
                !overlap.is_positive(),
                "{when}: the marks of {:?} ({mark:?}) are drawn over the label of {:?} ({label:?})",
                map.events[*marked].title,
                map.events[*labelled].title
            );
        }
    }
}

#[test]
fn as_the_case_study_opens_no_mark_stands_on_a_label_and_events_with_room_before_them_are_labelled() {
    let mut harness = crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0);
    harness.run_steps(10);
    assert_no_mark_on_another_label(&harness, "as the case study opens");
    // Crowded after their markers, with room before them.
    let map = crate::harness::map_of(&harness);
    let crowded: Vec<argline::model::ItemRef> = map
        .events
        .iter()
        .filter(|event| event.title.starts_with("Kerry announces") || event.title.starts_with("OPM discloses a breach"))
        .map(|event| argline::model::ItemRef::Event(event.id.clone()))
        .collect();
    assert_eq!(crowded.len(), 2);
    assert_labelled(&harness, &crowded, "as the case study opens");
}

/// Asserts that every event `items` names that is drawn in the timeline's
/// plot has a label of its own, readable (about ten characters at least, or
/// its whole title) and overlapped by no other label.
fn assert_labelled(
    harness: &egui_kittest::Harness<'_, argline::ui::ArglineApp>,
    items: &[argline::model::ItemRef],
    when: &str,
) {
    let map = crate::harness::map_of(harness);
    let (plot, marks, labels) = harness.state().timeline_drawn();
    let on_the_timeline = map.events.iter().enumerate().filter(|(index, event)| {
        items.contains(&argline::model::ItemRef::Event(event.id.clone()))
            && marks.iter().any(|(marked, mark)| marked == index && plot.intersects(*mark))
    });
    for (index, event) in on_the_timeline {
        let title = &event.title;
        let Some((_, label)) = labels.iter().find(|(labelled, _)| *labelled == index) else {
            panic!("{when}: {title:?} has no label");
        };
        let whole = harness.ctx.fonts_mut(|fonts| {
            let font = egui::FontId::proportional(argline::layout::timeline_dimensions::LABEL_FONT_SIZE);
            fonts.layout_no_wrap(title.clone(), font, egui::Color32::WHITE).size().x
        });
        let visible = label.intersect(plot).width();
        let least = 0.8 * argline::layout::timeline_dimensions::MIN_LABEL_WIDTH;
        assert!(visible >= least.min(whole - 1.0), "{when}: {title:?} shows {visible} points of its label");
        for (other, other_label) in labels.iter().filter(|(other, _)| *other != index) {
            assert!(
                !label.shrink(1.0).intersects(other_label.shrink(1.0)),
                "{when}: the label of {title:?} is overlapped by that of {:?}",
                map.events[*other].title
            );
        }
    }
}

/// Walks every step of the case study's story, presenting it or in the
/// window (from the story panel), and checks its timeline at each.
fn walk_the_case_study_story(presenting: bool) {
    let mut harness = crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0);
    harness.run_steps(10);
    harness.key_press(if presenting { egui::Key::F5 } else { egui::Key::F4 });
    let map = crate::harness::map_of(&harness);
    let mode = if presenting { "presenting" } else { "in the window" };
    for (index, step) in map.story.iter().enumerate() {
        harness.state_mut().push(argline::ui::Action::GoToStep(index));
        harness.run_steps(30);
        let when = format!("{mode}, step {}", index + 1);
        assert_no_mark_on_another_label(&harness, &when);
        assert_labelled(&harness, &step.highlights, &when);
    }
}

#[test]
fn every_event_a_story_step_highlights_is_labelled_while_presenting() {
    walk_the_case_study_story(true);
}

#[test]
fn every_event_a_story_step_highlights_is_labelled_in_the_window() {
    walk_the_case_study_story(false);
}

#[test]
fn a_selected_span_is_labelled_and_its_neighbours_keep_theirs() {
    let mut harness = crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0);
    harness.run_steps(10);
    let map = crate::harness::map_of(&harness);
    let span = map.events.iter().find(|event| event.title == "Cyber Working Group active").expect("the span");
    assert!(span.is_span());
    let item = argline::model::ItemRef::Event(span.id.clone());
    harness.state_mut().push(argline::ui::Action::Select { item: item.clone(), origin: argline::ui::Origin::Map });
    harness.run_steps(30);
    assert_no_mark_on_another_label(&harness, "the span selected");
    assert_labelled(&harness, &[item], "the span selected");
    let first_meeting = map.events.iter().position(|event| event.title.starts_with("First meeting of"));
    let (_, _, labels) = harness.state().timeline_drawn();
    assert!(
        labels.iter().any(|(labelled, _)| Some(*labelled) == first_meeting),
        "the first meeting, beside the span, keeps its label"
    );
}
