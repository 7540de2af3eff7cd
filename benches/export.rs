//! SVG export of the bundled case study (target ≤ 20 ms).

use argline::export::{ExportOptions, Format, export};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn export_benches(c: &mut Criterion) {
    let map = argline::format::load_str(argline::CASE_STUDY_RON, "case.ron").expect("the case study is valid");
    let options = ExportOptions::default();
    c.bench_function("svg export of the case study", |b| {
        b.iter(|| export(black_box(&map), Format::Svg, &options).expect("exports"))
    });
}

criterion_group!(benches, export_benches);
criterion_main!(benches);
