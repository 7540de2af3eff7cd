//! What the window draws, kept as pictures in the repository
//! (`tests/snapshots/`): the case study as it opens, in the light and the dark
//! theme, at the default 1400×900, rendered by wgpu (on Mesa's lavapipe where
//! there is no GPU). A change to what the window draws then shows in review as
//! a changed image; `UPDATE_SNAPSHOTS=1 cargo test --test ui snapshots`
//! remakes them.

use argline::ui::{ArglineApp, Prefs, ThemeChoice};
use egui_kittest::SnapshotOptions;

/// lavapipe's anti-aliasing differs from run to run by a few levels in a
/// handful of pixels (seen: 22 pixels, none by more than 3 of 255); a moved
/// card, a changed colour or a line of text differs by far more.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(1.5)
}

fn the_case_study_as_it_opens(theme: ThemeChoice) -> egui_kittest::Harness<'static, ArglineApp> {
    let prefs = Prefs { theme, ..Prefs::default() };
    let app = ArglineApp::new(crate::harness::case_study(), prefs);
    let mut harness = crate::harness::harness_with(app, 0.25);
    harness.run_steps(8);
    harness
}

#[test]
fn the_case_study_as_it_opens_in_the_light_theme() {
    the_case_study_as_it_opens(ThemeChoice::Light).snapshot_options("case_study_light", &options());
}

#[test]
fn the_case_study_as_it_opens_in_the_dark_theme() {
    the_case_study_as_it_opens(ThemeChoice::Dark).snapshot_options("case_study_dark", &options());
}
