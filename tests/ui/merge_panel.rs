//! A map holding the conflicts a merge left (the same claim changed two ways)
//! opens with the merge panel: each conflict with base, ours and theirs side
//! by side; taking a version or keeping an edit by hand is one undo step each;
//! saving with conflicts left asks first.

use argline::edit::commands;
use argline::model::{ItemRef, Map};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn tutorial() -> Map {
    argline::format::load_file(Path::new("sample_maps/tutorial.ron")).expect("the tutorial loads")
}

/// The tutorial with the budget claim's text set to `text`.
fn budget_says(text: &str) -> Map {
    let mut map = tutorial();
    let claim = map.claims.iter_mut().find(|claim| claim.id.as_str() == "budget").expect("the budget claim");
    claim.text = text.to_owned();
    map
}

fn budget_text(harness: &Harness<'_, ArglineApp>) -> String {
    let map = harness.state().document().map();
    map.claims.iter().find(|claim| claim.id.as_str() == "budget").expect("the budget claim").text.clone()
}

/// A map file as `argline merge` leaves it when both branches reworded the budget claim.
fn conflicted_file(dir: &Path) -> PathBuf {
    let (merged, conflicts) =
        argline::vcs::merge(&tutorial(), &budget_says("Ours: to save money"), &budget_says("Theirs: to cut costs"))
            .expect("merges");
    assert_eq!(conflicts, 1);
    let path = dir.join("merged.ron");
    argline::format::save_file(&merged, &path).expect("writes");
    path
}

fn open(path: &Path) -> Harness<'static, ArglineApp> {
    let app = crate::harness::app(Document::open(path.to_owned()).expect("opens")).without_system_dialogs();
    crate::harness::harness_with(app, 0.25)
}

fn click_first(harness: &mut Harness<'_, ArglineApp>, button: &str) {
    harness.get_all_by_role_and_label(Role::Button, button).next().expect("the button is shown").click();
    harness.run();
}

fn undo(harness: &mut Harness<'_, ArglineApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

#[test]
fn a_conflicted_map_opens_with_the_panel_and_taking_theirs_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let mut harness = open(&conflicted_file(dir.path()));
    harness.get_by_label("Merge conflicts");
    harness.get_by_label("1. claim \"budget\" (text)");
    for value in
        ["\"Budget: the council closed it to save money\"", "\"Ours: to save money\"", "\"Theirs: to cut costs\""]
    {
        harness.get_by_label(value);
    }
    assert_eq!(budget_text(&harness), "Ours: to save money", "the map holds ours until settled");
    click_first(&mut harness, "Take theirs");
    assert_eq!(budget_text(&harness), "Theirs: to cut costs");
    assert!(harness.state().document().map().conflicts.is_empty());
    assert!(harness.query_by_label("Merge conflicts").is_none(), "the panel goes with the last conflict");
    assert_eq!(harness.state().document().history().undo_label(), Some("Settle conflict: take theirs"));
    undo(&mut harness);
    assert_eq!(budget_text(&harness), "Ours: to save money");
    assert_eq!(harness.state().document().map().conflicts.len(), 1, "one undo brings the conflict back");
}

#[test]
fn an_edit_by_hand_is_kept_as_it_is_in_one_undo_step() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let mut harness = open(&conflicted_file(dir.path()));
    click_first(&mut harness, "Show");
    assert_eq!(harness.state().selection().items(), &[ItemRef::Claim("budget".into())]);
    let map = harness.state().document().map().clone();
    let mut claim = map.claims.iter().find(|claim| claim.id.as_str() == "budget").expect("budget").clone();
    claim.text = "Both: to save money by cutting costs".into();
    harness.state_mut().edit(commands::update_claim(&map, claim, "Edit the claim").expect("edits")).expect("applies");
    harness.run();
    click_first(&mut harness, "Keep as it is now");
    assert_eq!(budget_text(&harness), "Both: to save money by cutting costs");
    assert!(harness.state().document().map().conflicts.is_empty());
    undo(&mut harness);
    assert_eq!(harness.state().document().map().conflicts.len(), 1);
    assert_eq!(budget_text(&harness), "Both: to save money by cutting costs", "the undo took only the settling");
}

#[test]
fn saving_with_conflicts_left_asks_first() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = conflicted_file(dir.path());
    let before = std::fs::read(&path).expect("reads");
    let mut harness = open(&path);
    let map = harness.state().document().map().clone();
    let mut edited = map.clone();
    edited.meta.title = "Merged, being settled".into();
    harness.state_mut().edit(commands::replace_all(&map, &edited, "Edit the title")).expect("edits");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("Conflicts not settled");
    harness.get_by_label_contains("One merge conflict is not settled yet");
    click_first(&mut harness, "Cancel");
    assert_eq!(std::fs::read(&path).expect("reads"), before, "cancel saves nothing");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    click_first(&mut harness, "Save with conflicts");
    let saved = argline::format::load_file(&path).expect("a map with conflicts still loads");
    assert_eq!((saved.meta.title.as_str(), saved.conflicts.len()), ("Merged, being settled", 1));
    assert!(!harness.state().document().has_unsaved_changes());
}

#[test]
fn a_merge_with_the_file_on_disk_that_conflicts_opens_the_panel() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = dir.path().join("tutorial.ron");
    argline::format::save_file(&tutorial(), &path).expect("writes");
    let mut harness = open(&path);
    let map = harness.state().document().map().clone();
    let mine = budget_says("Mine: to save money");
    harness.state_mut().edit(commands::replace_all(&map, &mine, "Edit the claim")).expect("edits");
    harness.run();
    argline::format::save_file(&budget_says("Pulled: to cut costs"), &path).expect("another program writes");
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    click_first(&mut harness, "Merge");
    harness.get_by_label_contains("one conflict to settle in the merge panel");
    harness.get_by_label("\"Pulled: to cut costs\"");
    assert_eq!(budget_text(&harness), "Mine: to save money");
    click_first(&mut harness, "Take theirs");
    assert_eq!(budget_text(&harness), "Pulled: to cut costs");
}
