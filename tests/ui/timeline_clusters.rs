//! The timeline of a big map (egui_kittest): zoomed out, events whose markers
//! run together are drawn as clusters with their counts, which account for
//! every event, with no two labels on top of each other; a click on a cluster
//! zooms to its dates, where it splits. The case study keeps its events one by one.

use argline::generate::{GenerateParams, generate};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::collections::HashSet;

fn generated_harness() -> Harness<'static, ArglineApp> {
    let map = generate(GenerateParams { claims: 5_000, links: 10_000, events: 2_000, seed: 1 });
    let document = Document::new(map, None, "generated.ron".to_owned());
    crate::harness::harness_with(crate::harness::app(document), 0.1)
}

/// A cluster on the timeline: its label ("27 events, …"), count and rectangle.
struct Cluster {
    label: String,
    count: usize,
    rect: egui::Rect,
}

fn clusters(harness: &Harness<'_, ArglineApp>) -> Vec<Cluster> {
    harness
        .get_all_by_role(Role::Button)
        .filter_map(|node| {
            let label = node.accesskit_node().label()?;
            let count = label.strip_suffix(" events").or_else(|| label.split_once(" events, ").map(|(n, _)| n))?;
            Some(Cluster { count: count.parse().ok()?, rect: node.rect(), label })
        })
        .collect()
}

/// The events drawn one by one on the timeline (their widgets are labelled
/// with their titles; the map's chips say "Evidence: …").
fn single_events(harness: &Harness<'_, ArglineApp>) -> Vec<(String, egui::Rect)> {
    let titles: HashSet<String> = harness.state().document().map().events.iter().map(|e| e.title.clone()).collect();
    harness
        .get_all_by_role(Role::Button)
        .filter_map(|node| {
            node.accesskit_node().label().filter(|label| titles.contains(label)).map(|l| (l, node.rect()))
        })
        .collect()
}

/// The text painted below `top`, where the lanes are: event titles and cluster counts.
fn lane_texts(harness: &Harness<'_, ArglineApp>, top: f32) -> Vec<(String, egui::Rect)> {
    fn collect(shape: &egui::Shape, clip: egui::Rect, texts: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|shape| collect(shape, clip, texts)),
            egui::Shape::Text(text) => {
                let rect = text.visual_bounding_rect().intersect(clip);
                if rect.is_positive() {
                    texts.push((text.galley.text().to_owned(), rect));
                }
            }
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, clipped.clip_rect, &mut texts);
    }
    texts.retain(|(_, rect)| rect.top() >= top);
    texts
}

fn assert_no_labels_overlap(harness: &Harness<'_, ArglineApp>, top: f32) {
    let texts = lane_texts(harness, top);
    assert!(!texts.is_empty(), "labels are drawn");
    for (i, (a, a_rect)) in texts.iter().enumerate() {
        for (b, b_rect) in &texts[i + 1..] {
            // A hair of anti-aliasing may touch; glyphs may not overlap.
            assert!(
                !a_rect.shrink(0.5).intersects(b_rect.shrink(0.5)),
                "{a:?} at {a_rect:?} overlaps {b:?} at {b_rect:?}"
            );
        }
    }
}

#[test]
fn zoomed_out_clusters_count_every_event_and_a_click_splits_one() {
    let mut harness = generated_harness();
    let events = harness.state().document().map().events.len();
    let fitted = clusters(&harness);
    let singles = single_events(&harness);
    assert!(fitted.len() >= 20, "a fitted 2,000-event timeline is mostly clusters ({} of them)", fitted.len());
    assert_eq!(
        fitted.iter().map(|cluster| cluster.count).sum::<usize>() + singles.len(),
        events,
        "every event is in view, once: in a cluster or on its own"
    );
    let first_widget_top =
        fitted.iter().map(|c| c.rect.top()).chain(singles.iter().map(|s| s.1.top())).reduce(f32::min);
    let lanes_top = first_widget_top.expect("widgets on the timeline") - ROW_SLACK;
    assert_no_labels_overlap(&harness, lanes_top);

    let biggest = fitted.iter().max_by_key(|cluster| cluster.count).expect("clusters");
    let window_before = harness.state().timeline_window().expect("a window");
    harness.get_by_label(&biggest.label).click();
    harness.run_steps(2);
    // The pointer leaves the timeline, so that no tooltip covers its labels.
    harness.hover_at(egui::pos2(400.0, 100.0));
    harness.run_steps(10);

    let window_after = harness.state().timeline_window().expect("a window");
    let days = |window: argline::model::TimeWindow| (window.end.first_day() - window.start.first_day()).num_days();
    assert!(days(window_after) * 10 < days(window_before), "zoomed in from {window_before:?} to {window_after:?}");
    assert!(harness.query_by_label(&biggest.label).is_none(), "the cluster {} split", biggest.label);
    let zoomed = clusters(&harness);
    let zoomed_singles = single_events(&harness);
    assert!(!zoomed_singles.is_empty(), "events are drawn one by one");
    assert!(zoomed.iter().all(|cluster| cluster.count < biggest.count), "no cluster is as big");
    let in_view = zoomed.iter().map(|cluster| cluster.count).sum::<usize>() + zoomed_singles.len();
    assert!(in_view >= biggest.count, "the cluster's {} events are all still in view ({in_view})", biggest.count);
    assert_no_labels_overlap(&harness, lanes_top);
}

/// How far above the first cluster's widget the lanes may begin.
const ROW_SLACK: f32 = 12.0;

#[test]
fn the_case_study_shows_its_events_one_by_one_at_its_default_zoom() {
    let harness = crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0);
    assert!(clusters(&harness).is_empty(), "no clusters");
    let events = harness.state().document().map().events.len();
    assert_eq!(single_events(&harness).len(), events, "every event has its own widget");
}
