//! The editable inspector, driven as a user drives it (egui_kittest): each
//! field found by its label, each change checked in the map and undone.

use argline::model::{Claim, Date, ItemRef, Level, Precision, Relation};
use argline::ui::ArglineApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(crate::harness::case_study()), 0.25)
}

/// For the tests that open a date picker (see `crate::harness::harness_opening_date_pickers`).
fn harness_with_date_pickers() -> Harness<'static, ArglineApp> {
    crate::harness::harness_opening_date_pickers(crate::harness::app(crate::harness::case_study()), 0.25)
}

fn click(harness: &mut Harness<'_, ArglineApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Opens the drop-down list `label` of the inspector and picks `option`.
fn choose(harness: &mut Harness<'_, ArglineApp>, label: &str, option: &str) {
    harness.get_all_by_role_and_label(Role::ComboBox, label).next().expect("the list").scroll_to_me();
    harness.run();
    harness.get_all_by_role_and_label(Role::ComboBox, label).next().expect("the list").click();
    harness.run();
    // A long list (the case study cites 32 sources) scrolls within its popup.
    harness.get_by_label(option).scroll_to_me();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

fn select_claim(harness: &mut Harness<'_, ArglineApp>, claim: &Claim) {
    harness.get_by_label(&format!("{}: {}", claim.kind.label(), claim.text)).click();
    harness.run();
}

/// Brings the inspector's `label` into view (the map's lists are long), then clicks it.
fn scroll_and_click(harness: &mut Harness<'_, ArglineApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).scroll_to_me();
    harness.run();
    click(harness, Role::Button, label);
}

/// Selects the first explanation on the map; returns it as it was.
fn select_first_explanation(harness: &mut Harness<'_, ArglineApp>) -> Claim {
    let claim = crate::harness::map_of(harness).explanations().next().expect("explanations").clone();
    select_claim(harness, &claim);
    claim
}

/// Selects the first explanation, focuses its Text field and selects all of
/// its text; returns the claim as it was.
fn select_the_text_of_the_first_explanation(harness: &mut Harness<'_, ArglineApp>) -> Claim {
    let claim = select_first_explanation(harness);
    harness.get_by_role_and_label(Role::MultilineTextInput, "Text").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    claim
}

#[test]
fn typing_a_claims_text_changes_the_map_and_undoes_in_one_step_with_the_fields_own_undo_while_focused() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let claim = select_the_text_of_the_first_explanation(&mut harness);
    for part in ["Nothing ", "changed ", "at all"] {
        harness.get_by_role_and_label(Role::MultilineTextInput, "Text").type_text(part);
        harness.run();
    }
    let edited = crate::harness::map_of(&harness);
    assert_eq!(edited.claim(&claim.id).map(|c| c.text.as_str()), Some("Nothing changed at all"));
    assert_eq!(harness.state().document().history().undo_label(), Some("Edit claim text"));
    // The map view shows the new text at once.
    harness.get_by_label("Explanation: Nothing changed at all");

    // While the field has focus, Ctrl+Z is the field's own undo, and the map follows it.
    crate::harness::undo(&mut harness);
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "Text");
    assert!(field.is_focused());
    let text = crate::harness::map_of(&harness).claim(&claim.id).map(|c| c.text.clone()).expect("the claim");
    assert!(text.starts_with("Nothing") && text != "Nothing changed at all", "{text}");
    assert_eq!(field.value(), Some(text));
    assert_eq!(harness.state().document().history().undo_label(), Some("Edit claim text"));

    // Clicking outside the field ends the typing.
    click(&mut harness, Role::Label, "Id");
    assert!(!harness.get_by_role_and_label(Role::MultilineTextInput, "Text").is_focused());
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before, "the whole typing is one undo step");
    let shown = harness.get_by_role_and_label(Role::MultilineTextInput, "Text").value();
    assert_eq!(shown.as_deref(), Some(claim.text.as_str()), "the field shows the map again");
}

#[test]
fn emptying_a_required_field_is_refused_with_a_message() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    select_the_text_of_the_first_explanation(&mut harness);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(crate::harness::map_of(&harness), before, "a claim without text would not load again");
    harness.get_by_label_contains("cannot be empty");
}

#[test]
fn an_events_precision_and_date_are_changed_in_the_inspector() {
    let mut harness = harness_with_date_pickers();
    harness.key_press(egui::Key::Home);
    harness.run();
    let Some(ItemRef::Event(id)) = harness.state().selection().primary().cloned() else { panic!("an event") };
    let event = crate::harness::map_of(&harness).event(&id).expect("the event").clone();
    assert_eq!(event.date, Date::month(2013, 2), "the case study starts with a month");
    assert_eq!(harness.get_by_role_and_label(Role::Button, "Date").value(), None);

    choose(&mut harness, "Precision", "day");
    let date = crate::harness::map_of(&harness).event(&id).expect("the event").date;
    assert_eq!((date, date.to_string().as_str()), (Date::day(2013, 2, 1), "2013-02-01"));

    harness.get_by_role_and_label(Role::Button, "Date").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "12").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let date = crate::harness::map_of(&harness).event(&id).expect("the event").date;
    assert_eq!(date, Date::day(2013, 2, 12));

    choose(&mut harness, "Precision", "year");
    let date = crate::harness::map_of(&harness).event(&id).expect("the event").date;
    assert_eq!((date.precision(), date.to_string().as_str()), (Precision::Year, "2013"));
    for _ in 0..3 {
        crate::harness::undo(&mut harness);
    }
    assert_eq!(crate::harness::map_of(&harness).event(&id), Some(&event));
}

#[test]
fn an_end_date_before_the_start_is_refused_where_it_is_set() {
    let mut harness = harness_with_date_pickers();
    harness.key_press(egui::Key::End);
    harness.run();
    let Some(ItemRef::Event(id)) = harness.state().selection().primary().cloned() else { panic!("an event") };
    let event = crate::harness::map_of(&harness).event(&id).expect("the event").clone();
    assert!(event.end.is_none());
    click(&mut harness, Role::Button, "Add end date");
    assert_eq!(crate::harness::map_of(&harness).event(&id).and_then(|e| e.end), Some(event.date));
    let precisions: Vec<_> = harness.get_all_by_role_and_label(Role::ComboBox, "Precision").collect();
    assert_eq!(precisions.len(), 2, "the start and the end each have a precision");
    // A year earlier, the span would end before it starts.
    click(&mut harness, Role::Button, "End date");
    click(&mut harness, Role::Button, "<<<");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    assert_eq!(crate::harness::map_of(&harness).event(&id).and_then(|e| e.end), Some(event.date), "refused");
    harness.get_by_label_contains("before it starts");
}

#[test]
fn a_links_relation_and_strength_are_changed_in_the_inspector() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    // The first support of an explanation is its first "supports by" row.
    let target = before
        .explanations()
        .find(|claim| before.evidence_for(&claim.id).len() > 1)
        .expect("a supported explanation")
        .clone();
    let link = before.evidence_for(&target.id)[0].clone();
    select_claim(&mut harness, &target);
    let row = harness.get_all_by_role_and_label(Role::Link, "supports by").next().expect("the link's row");
    row.scroll_to_me();
    harness.run();
    harness.get_all_by_role_and_label(Role::Link, "supports by").next().expect("the link's row").click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&ItemRef::Link(link.id.clone())));

    choose(&mut harness, "Relation", "opposes");
    assert_eq!(crate::harness::map_of(&harness).link(&link.id).map(|l| l.relation), Some(Relation::Opposes));
    choose(&mut harness, "Relation", "neutral");
    assert_eq!(crate::harness::map_of(&harness).link(&link.id).map(|l| l.relation), Some(Relation::Neutral));
    choose(&mut harness, "Strength", "weak");
    assert_eq!(
        crate::harness::map_of(&harness).link(&link.id).map(|l| l.strength),
        Some(argline::model::Strength::Weak)
    );
    for _ in 0..3 {
        crate::harness::undo(&mut harness);
    }
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn a_claims_credibility_and_relevance_are_weighed_in_the_inspector() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let claim = select_first_explanation(&mut harness);
    assert_eq!((claim.credibility, claim.relevance), (Level::Medium, Level::Medium));
    choose(&mut harness, "Credibility", "high");
    choose(&mut harness, "Relevance", "low");
    let weighed = crate::harness::map_of(&harness).claim(&claim.id).map(|c| (c.credibility, c.relevance));
    assert_eq!(weighed, Some((Level::High, Level::Low)));
    crate::harness::undo(&mut harness);
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn a_citation_of_a_new_source_is_added_in_one_step() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let claim = before.claims.iter().min_by_key(|c| c.citations.len()).expect("claims").clone();
    let cited = claim.citations.len();
    select_claim(&mut harness, &claim);
    scroll_and_click(&mut harness, "Add citation");
    choose(&mut harness, "Source to cite", "New source…");
    harness.get_by_role_and_label(Role::TextInput, "Title of the new source").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Title of the new source").type_text("Hearing transcript");
    harness.get_by_role_and_label(Role::MultilineTextInput, "Quote to add").focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Quote to add").type_text("We will see.");
    harness.get_by_role_and_label(Role::TextInput, "Locator to add").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Locator to add").type_text("p. 4");
    harness.run();
    scroll_and_click(&mut harness, "Add this citation");

    let after = crate::harness::map_of(&harness);
    assert_eq!(after.sources.len(), before.sources.len() + 1);
    let source = after.sources.last().expect("the new source");
    assert_eq!(source.title, "Hearing transcript");
    let citations = &after.claim(&claim.id).expect("the claim").citations;
    assert_eq!(citations.len(), cited + 1);
    let added = citations.last().expect("the new citation");
    assert_eq!((&added.source, added.quote.as_str()), (&source.id, "We will see."));
    assert_eq!(added.locator.as_deref(), Some("p. 4"));
    assert!(argline::model::validate::validate(&after).is_empty(), "the map still loads");
    let listed = harness.get_all_by_role_and_label(Role::MultilineTextInput, "Quote").count();
    assert_eq!(listed, cited + 1, "the new citation is listed");

    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before, "the source and its citation go in one step");
}

#[test]
fn a_lane_with_events_cannot_be_deleted_and_an_empty_one_can() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let lane = before.lanes[0].clone();
    assert!(before.events.iter().any(|event| event.lane == lane.id));
    scroll_and_click(&mut harness, &format!("Delete lane {}", lane.name));
    assert_eq!(crate::harness::map_of(&harness), before);
    harness.get_by_label_contains(&format!("the lane \"{}\" holds", lane.name).replace("the", "The"));

    scroll_and_click(&mut harness, "Add lane");
    assert_eq!(crate::harness::map_of(&harness).lanes.len(), before.lanes.len() + 1);
    scroll_and_click(&mut harness, "Delete lane New lane");
    assert_eq!(crate::harness::map_of(&harness).lanes, before.lanes);
}

#[test]
fn tags_are_added_with_enter_and_removed_by_their_chip() {
    let mut harness = harness();
    let claim = select_first_explanation(&mut harness);
    harness.get_by_role_and_label(Role::TextInput, "Add tag").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Add tag").type_text("sanctions");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let tags = |harness: &Harness<'_, ArglineApp>| {
        crate::harness::map_of(harness).claim(&claim.id).expect("claim").tags.clone()
    };
    assert_eq!(tags(&harness).last().map(String::as_str), Some("sanctions"));
    scroll_and_click(&mut harness, "Remove tag sanctions");
    assert_eq!(tags(&harness), claim.tags);
}

#[test]
fn a_source_is_added_and_renamed_and_a_cited_one_is_not_deleted() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    scroll_and_click(&mut harness, "Add source");
    let added = crate::harness::map_of(&harness).sources.last().expect("a source").clone();
    assert_eq!(
        (added.title.as_str(), before.sources.len() + 1),
        ("New source", crate::harness::map_of(&harness).sources.len())
    );
    // The new source opens in the list, ready to be filled in.
    let title = harness
        .get_all_by_role_and_label(Role::TextInput, "Title")
        .find(|f| f.value().as_deref() == Some("New source"));
    title.expect("the new source's title field").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_all_by_role_and_label(Role::TextInput, "Title")
        .find(|f| f.is_focused())
        .expect("focused")
        .type_text("Hearing");
    harness.run();
    assert_eq!(crate::harness::map_of(&harness).source(&added.id).map(|s| s.title.as_str()), Some("Hearing"));
    scroll_and_click(&mut harness, "Delete source Hearing");
    assert_eq!(crate::harness::map_of(&harness).sources, before.sources);

    let cited = &before.sources[0];
    harness.get_by_label(&cited.title).scroll_to_me();
    harness.run();
    harness.get_by_label(&cited.title).click();
    harness.run();
    scroll_and_click(&mut harness, &format!("Delete source {}", cited.title));
    assert_eq!(crate::harness::map_of(&harness).sources, before.sources);
    harness.get_by_label_contains("remove those citations first");
}

#[test]
fn dragging_a_claims_position_moves_it_in_one_undo_step() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    let claim = select_first_explanation(&mut harness);
    let start = harness.get_by_label("Position x").rect().center();
    harness.hover_at(start);
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(start + egui::vec2(5.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(start + egui::vec2(20.0, 0.0));
    harness.run();
    let moved = crate::harness::map_of(&harness).claim(&claim.id).expect("the claim").position;
    assert!(moved.x > claim.position.x && moved.y == claim.position.y, "{moved:?}");
    crate::harness::undo(&mut harness);
    assert_eq!(crate::harness::map_of(&harness), before, "the whole drag is one step");
}

#[test]
fn escape_in_a_field_leaves_the_field_and_keeps_the_selection() {
    let mut harness = harness();
    let claim = select_the_text_of_the_first_explanation(&mut harness);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.get_by_role_and_label(Role::MultilineTextInput, "Text").is_focused());
    assert_eq!(harness.state().selection().items(), [ItemRef::Claim(claim.id.clone())]);
    // A second Escape, with no field focused, clears the selection as usual.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().selection().is_empty());
}
