//! Load + validate: the case study (target ≤ 2 ms), a generated map of
//! 5,000 claims / 10,000 links / 2,000 events (target ≤ 100 ms), and a file
//! that is one giant string of 1, 4 and 10 MB, valid or with an error after
//! the string (nothing quadratic: the time grows in proportion to the size).

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

    let mut group = c.benchmark_group("giant string");
    group.sample_size(10);
    for megabytes in [1, 4, 10] {
        let title = "x".repeat(megabytes * 1_000_000);
        let valid = format!("(format: 1, meta: (title: \"{title}\"))");
        let broken = format!("(format: 1, meta: (title: \"{title}\", colour: 3))");
        group.bench_function(format!("{megabytes} MB, valid"), |b| {
            b.iter(|| load_str(black_box(&valid), "giant.ron").expect("valid"))
        });
        group.bench_function(format!("{megabytes} MB, error after it"), |b| {
            b.iter(|| load_str(black_box(&broken), "giant.ron").expect_err("an unknown field"))
        });
    }
    group.finish();
}

criterion_group!(benches, load_benches);
criterion_main!(benches);
