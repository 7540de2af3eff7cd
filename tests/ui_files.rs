//! Files from the window (egui_kittest): saving the bundled map asks for a
//! path, a file that fails to load keeps the current map and is never
//! touched, and unsaved changes are asked about before they are lost.

use argline::model::ItemRef;
use argline::ui::ArglineApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

mod common;

fn harness() -> Harness<'static, ArglineApp> {
    common::harness_with(common::app(common::case_study()).without_system_dialogs(), 0.25)
}

fn shortcut(harness: &mut Harness<'_, ArglineApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn type_path_and_confirm(harness: &mut Harness<'_, ArglineApp>, path: &Path, button: &str) {
    let field = common::focused_text_field(harness);
    field.type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

fn make_an_edit(harness: &mut Harness<'_, ArglineApp>) {
    let map = harness.state().document().map().clone();
    let claim = map.claims.iter().find(|c| c.kind == argline::model::ClaimKind::Question).expect("a question");
    harness.get_by_label(&format!("Question: {}", claim.text)).click();
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert!(harness.state().document().has_unsaved_changes());
}

#[test]
fn saving_the_bundled_case_study_asks_for_a_path_and_writes_a_valid_file() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("my_copy.ron");
    let mut harness = harness();
    make_an_edit(&mut harness);
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    type_path_and_confirm(&mut harness, &path, "Save");
    let saved = argline::format::load_file(&path).expect("the saved file is a valid map");
    assert_eq!(&saved, harness.state().document().map());
    assert!(!harness.state().document().has_unsaved_changes());
    assert_eq!(harness.state().window_title(), "my_copy.ron — Argline");
}

#[test]
fn a_file_that_fails_to_load_keeps_the_current_map_and_is_not_touched() {
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid/several_problems.ron");
    let before = std::fs::read(&broken).expect("readable");
    let mut harness = harness();
    let map = harness.state().document().map().clone();
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::O);
    type_path_and_confirm(&mut harness, &broken, "Open");
    assert_eq!(harness.state().document().map(), &map, "the current map stays");
    harness.get_by_label_contains("22:13: 2015-02-30 is not a date on the calendar");
    harness.get_by_label_contains("24:13: unknown lane \"china\"");
    assert_eq!(std::fs::read(&broken).expect("readable"), before);
}

#[test]
fn unsaved_changes_are_asked_about_before_a_new_map() {
    let mut harness = harness();
    make_an_edit(&mut harness);
    let edited = harness.state().document().map().clone();
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::N);
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().map(), &edited, "cancel keeps the work");
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::N);
    harness.get_by_role_and_label(Role::Button, "Discard changes").click();
    harness.run();
    assert!(harness.state().document().map().claims.is_empty());
    assert!(harness.state().selection().items().iter().all(|item| !matches!(item, ItemRef::Claim(_))));
}
