//! CPU time of one whole frame of the app's UI through `egui::Context::run_ui`
//! (no GPU): the case study (target ≤ 1 ms), and a generated map of 5,000
//! claims / 10,000 links / 2,000 events, fitted (everything in view, zoomed
//! out), fitted with everything selected (Ctrl+A), zoomed in to reading size
//! (target ≤ 4 ms each), and fitted right after an edit (target ≤ 16 ms, one
//! frame of a 60 Hz screen). Each frame is a whole one, as eframe runs it:
//! `logic`, the UI pass, and the actions it queued.

use argline::edit::commands::update_claim;
use argline::generate::{GenerateParams, generate};
use argline::model::{Claim, Viewport};
use argline::ui::{Action, ArglineApp, Command, Document, Prefs};
use criterion::{Criterion, criterion_group, criterion_main};

fn window_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        ..Default::default()
    }
}

/// The app on `document`, settled: fitted, laid out, text caches filled, as
/// after the first second on screen.
fn settled(ctx: &egui::Context, document: Document) -> ArglineApp {
    let mut app = ArglineApp::new(document, Prefs::default());
    for _ in 0..5 {
        let _ = ctx.run_ui(window_input(), |ui| app.frame(ui));
    }
    app
}

/// Moves the map view to the middle of the claims at reading size (zoom 1,
/// about a dozen cards in view), as a story step does, and lets the eased
/// move finish.
fn zoom_in_to_reading_size(ctx: &egui::Context, app: &mut ArglineApp) {
    let claims = &app.document().map().claims;
    let middle = claims[claims.len() / 2].position;
    app.show_map_viewport(Viewport { center: middle, zoom: 1.0 });
    for _ in 0..60 {
        let _ = ctx.run_ui(window_input(), |ui| app.frame(ui));
    }
    assert_eq!(app.map_viewport().zoom, 1.0, "the view reached reading size");
}

fn bench_frames(c: &mut Criterion, name: &str, ctx: &egui::Context, app: &mut ArglineApp) {
    c.bench_function(name, |b| b.iter(|| ctx.run_ui(window_input(), |ui| app.frame(ui))));
}

/// Frames that each follow an edit of a claim's text: the map's geometry is
/// worked out again, measuring only the edited text.
fn bench_frames_after_an_edit(c: &mut Criterion, name: &str, ctx: &egui::Context, app: &mut ArglineApp) {
    let mut edits = 0u64;
    c.bench_function(name, |b| {
        b.iter(|| {
            edits += 1;
            let map = app.document().map();
            let claim = Claim { text: format!("Edited claim, revision {edits}"), ..map.claims[0].clone() };
            let edit = update_claim(map, claim, "Edit claim").expect("the first claim is in the map");
            app.edit(edit).expect("the edit applies");
            ctx.run_ui(window_input(), |ui| app.frame(ui))
        })
    });
}

/// Selects every claim, event and link, as Ctrl+A does, and lets the views take it in.
fn select_everything(ctx: &egui::Context, app: &mut ArglineApp) {
    app.push(Action::Command(Command::SelectAll));
    for _ in 0..3 {
        let _ = ctx.run_ui(window_input(), |ui| app.frame(ui));
    }
    let map = app.document().map();
    assert_eq!(app.selection().len(), map.claims.len() + map.events.len() + map.links.len(), "all selected");
}

fn frame_benches(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut case_study = settled(&ctx, Document::case_study().expect("the case study loads"));
    bench_frames(c, "frame: case study", &ctx, &mut case_study);

    let ctx = egui::Context::default();
    let big = generate(GenerateParams { claims: 5_000, links: 10_000, events: 2_000, seed: 1 });
    let mut app = settled(&ctx, Document::new(big, None, "generated.ron".to_owned()));
    bench_frames(c, "frame: 5k claims 10k links 2k events, fitted", &ctx, &mut app);
    bench_frames_after_an_edit(c, "frame: 5k claims 10k links 2k events, fitted, after an edit", &ctx, &mut app);
    select_everything(&ctx, &mut app);
    bench_frames(c, "frame: 5k claims 10k links 2k events, fitted, everything selected", &ctx, &mut app);
    app.push(Action::Command(Command::ClearSelection));
    zoom_in_to_reading_size(&ctx, &mut app);
    bench_frames(c, "frame: 5k claims 10k links 2k events, zoomed in", &ctx, &mut app);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frame_benches
}
criterion_main!(benches);
