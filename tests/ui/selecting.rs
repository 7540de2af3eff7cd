//! Drawing links and working on many items at once, in the window
//! (egui_kittest): link two cards by dragging, Shift-click, box select,
//! Ctrl+A, arrow keys, and copy/paste from one window's map into another's.

use argline::model::{ClaimKind, ItemRef, LinkFrom, LinkTo, Map, Relation};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui::{Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_on(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0)
}

/// The case study with the whole map in view (it opens on its first question).
fn case_study_in_full() -> Harness<'static, ArglineApp> {
    let mut harness = harness_on(crate::harness::case_study());
    crate::harness::fit(&mut harness);
    harness
}

fn center_of(harness: &Harness<'_, ArglineApp>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// Presses at `from`, moves in steps to `to` and releases there.
fn drag(harness: &mut Harness<'_, ArglineApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

fn with_modifiers(
    harness: &mut Harness<'_, ArglineApp>,
    modifiers: Modifiers,
    action: impl FnOnce(&mut Harness<'_, ArglineApp>),
) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.run();
    action(harness);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

fn undo(harness: &mut Harness<'_, ArglineApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

/// Two claims of the case study that are not linked to each other.
fn two_unlinked_objections(map: &Map) -> (argline::model::Claim, argline::model::Claim) {
    let objections: Vec<_> = map.claims.iter().filter(|c| c.kind == ClaimKind::Objection).collect();
    for a in &objections {
        for b in &objections {
            let linked = map.links.iter().any(|l| {
                l.from == LinkFrom::Claim(a.id.clone()) && l.to == LinkTo::Claim(b.id.clone())
                    || l.from == LinkFrom::Claim(b.id.clone()) && l.to == LinkTo::Claim(a.id.clone())
            });
            if a.id != b.id && !linked {
                return ((*a).clone(), (*b).clone());
            }
        }
    }
    panic!("the case study has two unlinked objections");
}

#[test]
fn link_two_cards_by_dragging_from_the_handle() {
    let mut harness = case_study_in_full();
    let before = crate::harness::map_of(&harness);
    let (from, to) = two_unlinked_objections(&before);
    let handle = center_of(&harness, &format!("Draw a link from: {}", from.text));
    let target = center_of(&harness, &format!("Objection: {}", to.text));
    drag(&mut harness, handle, target);
    assert_eq!(crate::harness::map_of(&harness), before, "nothing changes until the relation is chosen");
    harness.get_by_role_and_label(Role::Button, "Opposes").click();
    harness.run();

    let after = crate::harness::map_of(&harness);
    assert_eq!(after.links.len(), before.links.len() + 1);
    let link = after.links.last().expect("the new link");
    assert_eq!(link.from, LinkFrom::Claim(from.id.clone()));
    assert_eq!(link.to, LinkTo::Claim(to.id.clone()));
    assert_eq!(link.relation, Relation::Opposes);
    assert_eq!(harness.state().selection().items(), [ItemRef::Link(link.id.clone())]);
    undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn enter_in_the_relation_popup_makes_a_supporting_link_from_an_event() {
    let mut harness = case_study_in_full();
    let before = crate::harness::map_of(&harness);
    let (claim, _) = two_unlinked_objections(&before);
    // From the claim's handle onto an event chip: the event becomes the evidence.
    let chip = before
        .events
        .iter()
        .find(|event| {
            harness.query_by_label(&format!("Evidence: {}", event.title)).is_some()
                && !before
                    .links
                    .iter()
                    .any(|l| l.from == LinkFrom::Event(event.id.clone()) && l.to == LinkTo::Claim(claim.id.clone()))
        })
        .expect("an evidence chip on screen")
        .clone();
    let handle = center_of(&harness, &format!("Draw a link from: {}", claim.text));
    let target = center_of(&harness, &format!("Evidence: {}", chip.title));
    drag(&mut harness, handle, target);
    harness.key_press(egui::Key::Enter);
    harness.run();
    let link = crate::harness::map_of(&harness).links.last().cloned().expect("a link");
    assert_eq!((link.from, link.to), (LinkFrom::Event(chip.id.clone()), LinkTo::Claim(claim.id.clone())));
    assert_eq!(link.relation, Relation::Supports);
}

#[test]
fn shift_click_adds_to_the_selection_and_ctrl_a_selects_everything() {
    let mut harness = harness_on(crate::harness::case_study());
    crate::harness::fit(&mut harness);
    let map = crate::harness::map_of(&harness);
    let (a, b) = two_unlinked_objections(&map);
    harness.get_by_label(&format!("Objection: {}", a.text)).click();
    harness.run();
    with_modifiers(&mut harness, Modifiers::SHIFT, |harness| {
        harness.get_by_label(&format!("Objection: {}", b.text)).click();
        harness.run();
    });
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim(a.id.clone()), ItemRef::Claim(b.id.clone())]);
    with_modifiers(&mut harness, Modifiers::SHIFT, |harness| {
        harness.get_by_label(&format!("Objection: {}", a.text)).click();
        harness.run();
    });
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim(b.id.clone())], "a second Shift-click takes out");

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    assert_eq!(harness.state().selection().items().len(), map.claims.len() + map.events.len() + map.links.len());
}

#[test]
fn a_shift_drag_box_selects_the_cards_inside_it() {
    let mut harness = case_study_in_full();
    let map = crate::harness::map_of(&harness);
    let (a, _) = two_unlinked_objections(&map);
    let card = harness.get_by_label(&format!("Objection: {}", a.text)).rect();
    with_modifiers(&mut harness, Modifiers::SHIFT, |harness| {
        // From just outside the card's top-left corner to inside it.
        drag(harness, card.min - egui::vec2(6.0, 6.0), card.center());
    });
    let selected = harness.state().selection().items();
    assert!(selected.contains(&ItemRef::Claim(a.id.clone())), "{selected:?}");
    assert!(selected.iter().all(|item| !matches!(item, ItemRef::Link(_))));
}

#[test]
fn arrow_keys_move_the_selected_claims_in_one_undo_step() {
    let mut harness = case_study_in_full();
    let before = crate::harness::map_of(&harness);
    let (a, _) = two_unlinked_objections(&before);
    harness.get_by_label(&format!("Objection: {}", a.text)).click();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, egui::Key::ArrowUp);
    harness.run();
    let moved = crate::harness::map_of(&harness).claim(&a.id).expect("still there").position;
    assert_eq!((moved.x, moved.y), (a.position.x + 20.0, a.position.y - 50.0));
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim(a.id.clone())], "arrows move, not navigate");
    undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn copy_in_one_window_and_paste_into_a_new_map_in_another() {
    let mut source = harness_on(crate::harness::case_study());
    let map = crate::harness::map_of(&source);
    let explanation = map.explanations().next().expect("an explanation").clone();
    source.get_by_label(&format!("Explanation: {}", explanation.text)).click();
    source.run();
    source.event(egui::Event::Copy);
    source.step();
    let copied = source
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("the selection went to the clipboard");

    let mut target = harness_on(Document::new(Map::default(), None, "Untitled.ron".to_owned()));
    target.hover_at(egui::pos2(500.0, 300.0));
    target.event(egui::Event::Paste(copied));
    target.run();
    let pasted = crate::harness::map_of(&target);
    assert_eq!(pasted.claims.len(), 1);
    assert_eq!(pasted.claims[0].text, explanation.text);
    assert_eq!(target.state().selection().items(), [ItemRef::Claim(explanation.id.clone())]);
    target.get_by_label(&format!("Explanation: {}", explanation.text));

    // Ctrl+D duplicates beside it; plain text pastes as a claim.
    target.key_press_modifiers(Modifiers::COMMAND, egui::Key::D);
    target.run();
    target.event(egui::Event::Paste("Beijing saw a chance to look responsible".to_owned()));
    target.run();
    let texts: Vec<String> = crate::harness::map_of(&target).claims.iter().map(|c| c.text.clone()).collect();
    assert_eq!(
        texts,
        [explanation.text.clone(), explanation.text.clone(), "Beijing saw a chance to look responsible".into()]
    );
}

#[test]
fn far_zoomed_out_a_click_on_a_block_selects_its_claim() {
    use argline::generate::{GenerateParams, generate};
    let map = generate(GenerateParams { claims: 5_000, links: 10_000, events: 2_000, seed: 1 });
    let mut harness =
        crate::harness::harness_with(crate::harness::app(Document::new(map, None, "generated.ron".to_owned())), 0.1);
    crate::harness::fit(&mut harness);
    let viewport = harness.state().map_viewport();
    assert!(viewport.zoom < 0.08, "fitted, the 5,000 claims are blocks a few pixels wide (zoom {})", viewport.zoom);
    let view = harness.state().map_view_rect();
    let claim = harness.state().document().map().claims[2_535].clone();
    let offset = egui::vec2(claim.position.x - viewport.center.x, claim.position.y - viewport.center.y);
    let at = view.center() + offset * viewport.zoom;
    assert!(view.contains(at), "the claim is in view");
    crate::harness::click_at(&mut harness, at);
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim(claim.id.clone())]);
}

#[test]
fn a_selection_of_many_says_what_it_holds_and_tags_or_deletes_them_all_in_one_step() {
    let mut harness = harness_on(crate::harness::case_study());
    let map = crate::harness::map_of(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let holds = format!("{} claims, {} events, {} links", map.claims.len(), map.events.len(), map.links.len());
    harness.get_by_label(&holds);
    harness.get_by_label(&format!("Selected: {holds}"));

    harness.get_by_label("Tag all").click();
    harness.run();
    harness.get_by_label("Tag all").type_text("lesson 3");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let tagged = crate::harness::map_of(&harness);
    assert!(tagged.claims.iter().all(|c| c.tags.iter().any(|t| t == "lesson 3")), "every claim tagged");
    assert!(tagged.events.iter().all(|e| e.tags.iter().any(|t| t == "lesson 3")), "every event tagged");

    harness.get_by_role_and_label(Role::Button, "strong").click();
    harness.run();
    assert!(crate::harness::map_of(&harness).links.iter().all(|l| l.strength == argline::model::Strength::Strong));

    harness.get_by_role_and_label(Role::Button, &format!("Delete all {}", harness.state().selection().len())).click();
    harness.run();
    let emptied = crate::harness::map_of(&harness);
    assert!(emptied.claims.is_empty() && emptied.events.is_empty() && emptied.links.is_empty());
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(crate::harness::map_of(&harness), map, "three undo steps: delete, strength, tag");
}
