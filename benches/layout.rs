//! Layered layout ("Tidy up") of the case study and of generated maps of
//! 100, 1,000 and 5,000 claims (two links and 0.4 events per claim), sizes
//! estimated from the text. Targets: 5,000 claims well under a second, and
//! 1,000 claims at most a twentieth of dot's time on the same graph (dot
//! takes about 3 s of CPU there; see `examples/layout_vs_dot.rs`, which times
//! both as whole processes).

use argline::generate::{GenerateParams, generate};
use argline::layout::{LayeredOptions, MapSizes, tidy_up};
use argline::model::Map;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench_tidy(c: &mut Criterion, name: &str, map: &Map) {
    let sizes = MapSizes::estimate(map);
    let options = LayeredOptions::default();
    c.bench_function(name, |b| b.iter(|| tidy_up(black_box(map), &sizes, None, &options)));
}

fn layout_benches(c: &mut Criterion) {
    let case_study = argline::format::load_str(argline::CASE_STUDY_RON, "case.ron").expect("the case study loads");
    bench_tidy(c, "layout: case study", &case_study);
    for claims in [100, 1_000, 5_000] {
        let map = generate(GenerateParams { claims, links: 2 * claims, events: 2 * claims / 5, seed: 1 });
        bench_tidy(c, &format!("layout: {claims} claims"), &map);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = layout_benches
}
criterion_main!(benches);
