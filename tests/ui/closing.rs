//! Every way the app can end asks before unsaved changes are lost — the
//! window's close button while editing, while presenting, with the matrix
//! shown or a dialog open, and File ▸ Quit (Ctrl+Q) — and a map without
//! unsaved changes closes without a question.

use argline::model::ClaimKind;
use argline::ui::ArglineApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const QUESTION: &str = "Unsaved changes";

fn harness() -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(crate::harness::case_study()).without_system_dialogs(), 0.25)
}

fn delete_a_claim(harness: &mut Harness<'_, ArglineApp>) {
    let map = harness.state().document().map().clone();
    let claim = map.claims.iter().find(|c| c.kind == ClaimKind::Question).expect("a question");
    harness.get_by_label(&format!("Question: {}", claim.text)).click();
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert!(harness.state().document().has_unsaved_changes());
}

/// The window's close button, as the window system reports it.
fn press_the_close_button(harness: &mut Harness<'_, ArglineApp>) {
    let viewport = harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default();
    viewport.events.push(egui::ViewportEvent::Close);
    harness.run();
}

/// The question is up; Cancel keeps the edited map open with its changes.
fn cancel_keeps_the_work(harness: &mut Harness<'_, ArglineApp>) {
    harness.get_by_label(QUESTION);
    let edited = harness.state().document().map().clone();
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert!(harness.query_by_label(QUESTION).is_none(), "the question is gone");
    assert_eq!(harness.state().document().map(), &edited);
    assert!(harness.state().document().has_unsaved_changes());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    delete_a_claim(&mut harness);
    press_the_close_button(&mut harness);
    cancel_keeps_the_work(&mut harness);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    delete_a_claim(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    cancel_keeps_the_work(&mut harness);
}

#[test]
fn closing_the_window_while_presenting_asks_over_the_presentation() {
    let mut harness = harness();
    delete_a_claim(&mut harness);
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label("File").is_none(), "presenting");
    press_the_close_button(&mut harness);
    harness.get_by_label(QUESTION);
    assert!(harness.query_by_label("File").is_none(), "still presenting, under the question");
    cancel_keeps_the_work(&mut harness);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    cancel_keeps_the_work(&mut harness);
}

#[test]
fn closing_the_window_asks_with_the_matrix_shown_or_a_dialog_open() {
    let mut harness = harness();
    delete_a_claim(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    press_the_close_button(&mut harness);
    cancel_keeps_the_work(&mut harness);

    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    harness.run();
    harness.get_by_label("Save the map as");
    press_the_close_button(&mut harness);
    cancel_keeps_the_work(&mut harness);
}

#[test]
fn discarding_on_close_lets_the_window_close_and_an_unedited_map_closes_unasked() {
    let mut harness = harness();
    press_the_close_button(&mut harness);
    assert!(harness.query_by_label(QUESTION).is_none(), "nothing to lose, nothing asked");

    delete_a_claim(&mut harness);
    press_the_close_button(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Discard changes").click();
    harness.run();
    assert!(harness.query_by_label(QUESTION).is_none());
    press_the_close_button(&mut harness);
    assert!(harness.query_by_label(QUESTION).is_none(), "once discarded, closing is not asked again");
}

#[test]
fn no_shortcut_starts_something_else_over_an_open_question() {
    let mut harness = harness();
    delete_a_claim(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    harness.get_by_label(QUESTION);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    assert!(harness.query_by_label("Save the map as").is_none(), "Save as did not open over the question");
    assert!(harness.query_by_label("Open a map").is_none(), "Open did not replace the question");
    cancel_keeps_the_work(&mut harness);
}
