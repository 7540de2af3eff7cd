//! Files from the window (egui_kittest): saving the bundled map asks for a
//! path, a file that fails to load keeps the current map and is never
//! touched, unsaved changes are asked about before they are lost, and a big
//! map is opened off the UI thread.

use argline::model::ItemRef;
use argline::ui::ArglineApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

fn harness() -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(crate::harness::case_study()).without_system_dialogs(), 0.25)
}

fn shortcut(harness: &mut Harness<'_, ArglineApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The path typed and confirmed, and the app settled after.
fn type_path_and_confirm(harness: &mut Harness<'_, ArglineApp>, path: &Path, button: &str) {
    crate::harness::type_path_and_confirm(harness, path, button);
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

#[test]
fn a_big_map_is_read_and_measured_off_the_ui_thread_with_the_status_bar_saying_so() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("big.ron");
    let big = argline::generate::generate(argline::generate::GenerateParams {
        claims: 2_000,
        links: 3_000,
        events: 500,
        seed: 7,
    });
    argline::format::save_file(&big, &path).expect("the big map is written");
    assert!(std::fs::metadata(&path).expect("written").len() > 1_000_000, "big enough to be read on a worker");

    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    let field = crate::harness::focused_text_field(&harness);
    field.type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    harness.step();
    assert_ne!(harness.state().document().map(), &big, "the frame after Open does not wait for the file");
    harness.get_by_label("Opening big.ron…");

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut saw_measuring = false;
    while harness.query_by_label("Opening big.ron…").is_some()
        || harness.query_by_label("Measuring the cards' text…").is_some()
    {
        saw_measuring |= harness.query_by_label("Measuring the cards' text…").is_some();
        assert!(std::time::Instant::now() < deadline, "the big map never finished opening");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    assert_eq!(harness.state().document().map(), &big, "the big map is open");
    assert!(saw_measuring, "its text was measured on a worker, the status bar saying so");
    assert_eq!(harness.state().window_title(), "big.ron — Argline");
}
