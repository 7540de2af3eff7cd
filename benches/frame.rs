//! CPU time of one whole frame of the app's UI through `egui::Context::run_ui`
//! (no GPU): the case study (target ≤ 1 ms) and a generated map of 5,000
//! claims / 10,000 links / 2,000 events (target ≤ 8 ms).

use argline::generate::{GenerateParams, generate};
use argline::ui::{ArglineApp, Document, Prefs};
use criterion::{Criterion, criterion_group, criterion_main};

fn window_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        ..Default::default()
    }
}

fn bench_frames(c: &mut Criterion, name: &str, document: Document) {
    let ctx = egui::Context::default();
    let mut app = ArglineApp::new(document, Prefs::default());
    // Settle: fit, lay out, fill the text caches, as after the first second on screen.
    for _ in 0..5 {
        let _ = ctx.run_ui(window_input(), |ui| app.show(ui));
    }
    c.bench_function(name, |b| b.iter(|| ctx.run_ui(window_input(), |ui| app.show(ui))));
}

fn frame_benches(c: &mut Criterion) {
    bench_frames(c, "frame: case study", Document::case_study().expect("the case study loads"));
    let big = generate(GenerateParams { claims: 5_000, links: 10_000, events: 2_000, seed: 1 });
    bench_frames(c, "frame: 5k claims 10k links 2k events", Document::new(big, None, "generated.ron".to_owned()));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frame_benches
}
criterion_main!(benches);
