//! Load + validate: the case study (target ≤ 2 ms) and a generated map of
//! 5,000 claims / 10,000 links / 2,000 events (target ≤ 100 ms).

use argline::format::{load_str, to_ron_string};
use argline::generate::{GenerateParams, generate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load_benches(c: &mut Criterion) {
    c.bench_function("load case study", |b| {
        b.iter(|| load_str(black_box(argline::CASE_STUDY_RON), "case.ron").expect("valid"))
    });
    let big = generate(GenerateParams { claims: 5_000, links: 10_000, events: 2_000, seed: 1 });
    let text = to_ron_string(&big).expect("writes");
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("load 5k claims 10k links 2k events", |b| {
        b.iter(|| load_str(black_box(&text), "big.ron").expect("valid"))
    });
    group.finish();
}

criterion_group!(benches, load_benches);
criterion_main!(benches);
