//! The window, driven as a user drives it (egui_kittest): find items by their
//! labels, click, press keys, and check what the app then selects and shows.

use argline::model::{ClaimKind, ItemRef, LinkFrom, LinkTo, Map};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// kittest's own frame time: animations settle in few steps.
const STEP_DT: f32 = 0.25;

fn harness(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document), STEP_DT)
}

use crate::harness::case_study;

#[test]
fn the_window_opens_on_the_case_study_with_its_title_shown() {
    let harness = harness(case_study());
    let map = crate::harness::map_of(&harness);
    assert!(map.meta.title.contains("cyber agreement"));
    assert!(harness.get_all_by_label(&map.meta.title).count() >= 1, "the map title is shown");
    assert_eq!(harness.state().window_title(), "us_china_cyber_2013_2015.ron — Argline");
    // Every event is on the timeline; the map, too big to read whole, opens on
    // its first question's explanations, and Fit shows every explanation.
    for event in &map.events {
        harness.get_by_role_and_label(Role::Button, &event.title);
    }
    let question = map.claims.iter().find(|claim| claim.kind == ClaimKind::Question).expect("a question");
    let answering: Vec<_> = map.explanations().filter(|claim| claim.answers.as_ref() == Some(&question.id)).collect();
    assert!(answering.len() >= 3, "the first question has its rival explanations");
    let zoom = harness.state().map_viewport().zoom;
    for claim in &answering {
        harness.get_by_label(&format!("Explanation: {}", claim.text));
    }
    let mut harness = harness;
    crate::harness::fit(&mut harness);
    assert!(harness.state().map_viewport().zoom < zoom, "Fit shows more of the map, smaller");
    for claim in map.explanations() {
        harness.get_by_label(&format!("Explanation: {}", claim.text));
    }
}

#[test]
fn clicking_an_event_selects_it_and_the_inspector_shows_its_quote() {
    let mut harness = harness(case_study());
    let map = crate::harness::map_of(&harness);
    // A cited event whose label no other event covers on the timeline.
    let rect_of = |title: &str| harness.get_by_role_and_label(Role::Button, title).rect();
    let event = map
        .events
        .iter()
        .filter(|event| !event.citations.is_empty())
        .find(|event| {
            let center = rect_of(&event.title).center();
            map.events.iter().filter(|other| other.id != event.id).all(|other| !rect_of(&other.title).contains(center))
        })
        .expect("a cited event in the clear");
    harness.get_by_role_and_label(Role::Button, &event.title).click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&ItemRef::Event(event.id.clone())));
    let quote = harness.get_all_by_role_and_label(Role::MultilineTextInput, "Quote").next().map(|field| field.value());
    assert_eq!(quote, Some(Some(event.citations[0].quote.clone())), "the inspector shows the quote");
}

#[test]
fn selecting_an_explanation_highlights_exactly_the_events_linked_to_it() {
    let mut harness = harness(case_study());
    crate::harness::fit(&mut harness);
    let map = crate::harness::map_of(&harness);
    let explanation = map
        .explanations()
        .max_by_key(|claim| map.links.iter().filter(|l| l.to == LinkTo::Claim(claim.id.clone())).count())
        .expect("explanations");
    harness.get_by_label(&format!("Explanation: {}", explanation.text)).click();
    harness.run();
    let linked: Vec<&str> = map
        .links
        .iter()
        .filter(|link| link.to == LinkTo::Claim(explanation.id.clone()))
        .filter_map(|link| match &link.from {
            LinkFrom::Event(id) => Some(id.as_str()),
            LinkFrom::Claim(_) => None,
        })
        .collect();
    assert!(linked.len() >= 2, "the busiest explanation has event evidence");
    let highlight = harness.state().highlight();
    for event in &map.events {
        let lit = highlight.contains(&ItemRef::Event(event.id.clone()));
        assert_eq!(lit, linked.contains(&event.id.as_str()), "event {}", event.id);
    }
}

#[test]
fn escape_clears_the_selection_and_arrows_step_through_events() {
    let mut harness = harness(case_study());
    let map = crate::harness::map_of(&harness);
    harness.key_press(egui::Key::Home);
    harness.run();
    let first = map.events.iter().min_by_key(|event| event.date).expect("events");
    assert_eq!(harness.state().selection().primary(), Some(&ItemRef::Event(first.id.clone())));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = harness.state().selection().primary().cloned();
    assert!(matches!(&second, Some(ItemRef::Event(id)) if id != &first.id));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&ItemRef::Event(first.id.clone())));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().selection().is_empty());
}

#[test]
fn the_inspector_navigates_along_links() {
    let mut harness = harness(case_study());
    crate::harness::fit(&mut harness);
    let map = crate::harness::map_of(&harness);
    let claim = map
        .claims
        .iter()
        .find(|claim| {
            claim.kind == ClaimKind::Objection && map.links.iter().any(|l| l.from == LinkFrom::Claim(claim.id.clone()))
        })
        .expect("an objection that bears on something");
    harness.get_by_label(&format!("Objection: {}", claim.text)).click();
    harness.run();
    let outgoing: Vec<_> = map.links.iter().filter(|l| l.from == LinkFrom::Claim(claim.id.clone())).collect();
    let link = outgoing[0];
    // The "Bears on" rows come first in the inspector, in the order of the links.
    harness.get_all_by_role_and_label(Role::Link, link.relation.label()).next().expect("a relation row").scroll_to_me();
    harness.run();
    harness.get_all_by_role_and_label(Role::Link, link.relation.label()).next().expect("a relation row").click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&ItemRef::Link(link.id.clone())));
    // From the link, its "To" row goes to the item it bears on.
    let target = link.target_item();
    let target_name = match &target {
        ItemRef::Claim(id) => format!("“{}”", map.claim(id).expect("claim").text),
        other => panic!("expected a claim target, got {other:?}"),
    };
    harness.get_all_by_role_and_label(Role::Link, &target_name).next().expect("the To row").click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&target));
}

#[test]
fn fit_and_zoom_on_an_empty_map_do_not_panic() {
    let mut harness = harness(Document::new(Map::default(), None, "empty.ron".to_owned()));
    for key in [egui::Key::F, egui::Key::ArrowRight, egui::Key::Home, egui::Key::End, egui::Key::Escape] {
        harness.key_press(key);
        harness.run();
    }
    harness.hover_at(egui::pos2(500.0, 300.0));
    harness.event(egui::Event::Zoom(1.8));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(30.0, -40.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    harness.get_by_label("Fit");
    assert!(harness.state().selection().is_empty());
}

#[test]
fn chinese_text_renders_with_the_fallback_font() {
    let mut map = Map::default();
    map.meta.title = "习近平 on 网络安全".to_owned();
    // The harness panics on any glyph no font has, so showing the title is itself the check.
    let harness = harness(Document::new(map, None, "cjk.ron".to_owned()));
    assert!(harness.get_all_by_label("习近平 on 网络安全").count() >= 1);
    let font_id = egui::FontId::proportional(14.0);
    let has_glyphs = harness.ctx.fonts_mut(|fonts| "习近平网络安全".chars().all(|c| fonts.has_glyph(&font_id, c)));
    assert!(has_glyphs, "CJK characters must not render as boxes");
}
