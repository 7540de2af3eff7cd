//! Timeline labels (egui_kittest): a title longer than the labels' usual cap
//! is shown whole while its row leaves room beside it, at 100 % and at the
//! presentation's interface zoom; no event's marks are drawn over another's label.

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
fn no_mark_is_drawn_over_another_event_s_label_in_the_case_study() {
    let mut harness = crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0);
    harness.run_steps(10);
    assert_no_mark_on_another_label(&harness, "as the case study opens");
    let steps = crate::harness::map_of(&harness).story.len();
    harness.key_press(egui::Key::F5);
    let map = crate::harness::map_of(&harness);
    for (index, step) in map.story.iter().enumerate().take(steps) {
        harness.run_steps(30);
        let when = format!("presenting step {}", index + 1);
        assert_no_mark_on_another_label(&harness, &when);
        // The events a step draws out are labelled first: some of them at least, where they crowd one row.
        let (plot, marks, labels) = harness.state().timeline_drawn();
        let drawn_out: Vec<usize> = step
            .highlights
            .iter()
            .filter_map(|item| {
                map.events.iter().position(|event| item == &argline::model::ItemRef::Event(event.id.clone()))
            })
            .filter(|event| marks.iter().any(|(marked, mark)| marked == event && plot.intersects(*mark)))
            .collect();
        let labelled = drawn_out.iter().filter(|event| labels.iter().any(|(labelled, _)| labelled == *event)).count();
        assert!(
            drawn_out.is_empty() || labelled > 0,
            "{when}: none of the {} events it draws out is labelled",
            drawn_out.len()
        );
        harness.key_press(egui::Key::ArrowRight);
    }
}
