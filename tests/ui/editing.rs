//! Editing in the window (egui_kittest): add a claim by double-clicking and
//! typing, delete with its links, drag to move; each one undo step.

use argline::model::{ClaimKind, ItemRef};
use argline::ui::ArglineApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, ArglineApp> {
    // Frames as a screen draws them, so that two clicks in a row make a double-click.
    crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 1.0 / 60.0)
}

/// A point of the map, well inside it, where no card or chip is drawn.
fn empty_canvas(harness: &Harness<'_, ArglineApp>) -> egui::Pos2 {
    let map = crate::harness::map_of(harness);
    let drawn: Vec<egui::Rect> = map
        .claims
        .iter()
        .map(|claim| ItemRef::Claim(claim.id.clone()))
        .chain(map.events.iter().map(|event| ItemRef::Event(event.id.clone())))
        .filter_map(|item| harness.state().map_screen_rect_of(&item))
        .collect();
    let inside = harness.state().map_view_rect().shrink(120.0);
    (0..20)
        .flat_map(|row| (0..20).map(move |column| (row, column)))
        .map(|(row, column)| inside.lerp_inside(egui::vec2(column as f32 / 19.0, row as f32 / 19.0)))
        .find(|point| drawn.iter().all(|rect| !rect.expand(40.0).contains(*point)))
        .expect("some empty canvas")
}

#[test]
fn a_claim_added_by_double_click_and_typing_is_removed_by_undo() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let empty = empty_canvas(&harness);
    crate::harness::double_click_at(&mut harness, empty);
    crate::harness::focused_text_field(&harness).type_text("Sanctions were never the point");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let after = crate::harness::map_of(&harness);
    assert_eq!(after.claims.len(), before.claims.len() + 1);
    let added = after.claims.last().expect("a claim");
    assert_eq!((added.text.as_str(), added.kind), ("Sanctions were never the point", ClaimKind::Claim));
    harness.get_by_label("Claim: Sanctions were never the point");
    assert!(harness.state().window_title().starts_with("• "), "unsaved changes are marked");
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
    assert!(!harness.state().window_title().starts_with("• "));
}

#[test]
fn deleting_a_claim_with_links_and_undoing_restores_the_links() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let claim = before.explanations().next().expect("explanations").clone();
    // Its links go with it, and so do the undercuts of those links.
    let touching: Vec<_> =
        before.links_touching(&ItemRef::Claim(claim.id.clone())).map(|link| link.id.clone()).collect();
    let undercuts = before
        .links
        .iter()
        .filter(|link| matches!(&link.to, argline::model::LinkTo::Link(id) if touching.contains(id)))
        .count();
    let links = touching.len() + undercuts;
    assert!(links > 0);
    harness.get_by_label(&format!("Explanation: {}", claim.text)).click();
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    let after = crate::harness::map_of(&harness);
    assert!(after.claim(&claim.id).is_none());
    assert_eq!(after.links.len(), before.links.len() - links);
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn dragging_a_card_moves_it_in_one_undo_step() {
    let mut harness = harness();
    crate::harness::fit(&mut harness);
    let before = crate::harness::map_of(&harness);
    let claim = before.claims.iter().find(|c| c.kind == ClaimKind::Objection).expect("an objection").clone();
    let start = harness.get_by_label(&format!("Objection: {}", claim.text)).rect().center();
    harness.hover_at(start);
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(start + egui::vec2(10.0 * step as f32, 5.0 * step as f32));
        harness.run();
    }
    harness.drop_at(start + egui::vec2(40.0, 20.0));
    harness.run();
    let moved = crate::harness::map_of(&harness).claim(&claim.id).expect("still there").position;
    assert!(moved.x > claim.position.x + 1.0 && moved.y > claim.position.y + 1.0, "{moved:?}");
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before, "the whole drag is one step");
}

#[test]
fn tidy_up_lays_out_the_map_in_one_undo_step() {
    let document = argline::ui::Document::open(std::path::PathBuf::from("sample_maps/tutorial.ron")).expect("opens");
    let mut harness = crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0);
    let before = crate::harness::map_of(&harness);
    // Scatter the map first, so that tidying has something to do.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let scattered = crate::harness::map_of(&harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::L);
    harness.run_steps(20);
    let tidied = crate::harness::map_of(&harness);
    assert_ne!(tidied, scattered, "tidying moved something");
    assert_eq!(harness.state().document().history().undo_label(), Some("Tidy up the map"));
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), scattered);
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}
