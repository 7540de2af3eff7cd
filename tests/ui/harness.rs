//! The one way UI tests build the window: the real app at a fixed size, with
//! the app's fonts, run as eframe runs it (`App::logic`, then `App::ui`).

use argline::ui::{ArglineApp, Document, Prefs};
use egui_kittest::Harness;

/// The app on `document`, at 1400×900, run until it settles. `step_dt` is the
/// time between frames (short enough for double-clicks when a test needs them).
/// Settling may take a few frames more than kittest's default: a file changed
/// on disk, for one, is read on a worker and taken in when it is done.
pub fn harness_with(app: ArglineApp, step_dt: f32) -> Harness<'static, ArglineApp> {
    build(app, step_dt, true)
}

/// As [`harness_with`], without kittest's check that every input has an
/// accessible name: only for opening egui_extras' date picker, whose year,
/// month and day lists have none (an upstream gap).
pub fn harness_opening_date_pickers(app: ArglineApp, step_dt: f32) -> Harness<'static, ArglineApp> {
    build(app, step_dt, false)
}

fn build(app: ArglineApp, step_dt: f32, check_accessibility: bool) -> Harness<'static, ArglineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(check_accessibility)
        .with_step_dt(step_dt)
        .with_max_steps(8)
        .with_context_setup(argline::ui::install_fonts)
        .build_eframe(|_creation| app);
    harness.run();
    harness
}

/// The app on `document` with default preferences.
pub fn app(document: Document) -> ArglineApp {
    ArglineApp::new(document, Prefs::default())
}

/// The bundled case study, as the app opens it.
pub fn case_study() -> Document {
    Document::case_study().expect("the bundled case study loads")
}

/// The text field that has the keyboard focus (the inspector has many text
/// fields, so a field that just opened is found by its focus).
pub fn focused_text_field<'h>(harness: &'h Harness<'_, ArglineApp>) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|node| node.is_focused())
        .expect("a focused text field")
}

/// Presses or releases the primary button at `pos` (queued for the next frame).
pub fn press(harness: &Harness<'_, ArglineApp>, pos: egui::Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// A click at `pos`, where there may be no widget to find by label.
pub fn click_at(harness: &mut Harness<'_, ArglineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    press(harness, pos, true);
    press(harness, pos, false);
    harness.run();
}

/// Two clicks at `pos`, a frame apart (the harness needs a short step time).
pub fn double_click_at(harness: &mut Harness<'_, ArglineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for _ in 0..2 {
        press(harness, pos, true);
        press(harness, pos, false);
        harness.step();
    }
    harness.run();
}

/// The map the app holds now.
pub fn map_of(harness: &Harness<'_, ArglineApp>) -> argline::model::Map {
    harness.state().document().map().clone()
}

/// Ctrl+Z, as a user presses it.
pub fn undo(harness: &mut Harness<'_, ArglineApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

/// Frames until the app's workers have finished (at most 60 s), then until it settles.
pub fn finish_jobs(harness: &mut Harness<'_, ArglineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while let Some(what) = harness.state().working_on() {
        assert!(std::time::Instant::now() < deadline, "{what}: never finished");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// Types `path` into the path dialog's field and presses `button` ("Export", "Save"…).
pub fn type_path_and_confirm(harness: &mut Harness<'_, ArglineApp>, path: &std::path::Path, button: &str) {
    use egui_kittest::kittest::Queryable;
    focused_text_field(harness).type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, button).click();
    // Steps, not `run`: an export's spinner keeps asking for frames.
    harness.run_steps(2);
}

/// F, as a user presses it to fit the whole map and timeline in view; runs
/// the frames of the eased move (a quarter of a second) to its end.
pub fn fit(harness: &mut Harness<'_, ArglineApp>) {
    harness.key_press(egui::Key::F);
    harness.run_steps(30);
}
