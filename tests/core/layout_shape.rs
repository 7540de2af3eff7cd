//! Tidy up's drawing as a person reads it on a screen: on the case study,
//! generated maps and an imported 1,000-statement tree its width over its
//! height is between 1/3 and 3 and it crosses its links no more often than
//! Graphviz's dot does on the same graph (dot's figures recorded by
//! `cargo run --release --example layout_vs_dot`, counted the same way);
//! `--aspect` aims it at another screen; pinned claims stay; the same map
//! always gives the same drawing; `argline layout --report` says so.

use argline::generate::{GenerateParams, argdown_tree, generate};
use argline::import::{ImportFormat, import};
use argline::layout::{DrawingFigures, LayeredOptions, LayoutChoice, MapSizes, map_graph, tidy_up};
use argline::model::{ClaimId, ClaimKind, Map};
use std::process::Command;

fn case_study() -> Map {
    argline::format::load_str(argline::CASE_STUDY_RON, argline::CASE_STUDY_NAME).expect("the case study loads")
}

fn generated(claims: usize) -> Map {
    generate(GenerateParams { claims, links: 2 * claims, events: 2 * claims / 5, seed: 1 })
}

fn tree() -> Map {
    import(argdown_tree(1_000, 1).as_bytes(), ImportFormat::Argdown).expect("the generated tree imports").map
}

fn tidied(mut map: Map, options: &LayeredOptions) -> Map {
    tidy_up(&map, &MapSizes::estimate(&map), None, options).apply(&mut map);
    map
}

fn figures(map: &Map) -> DrawingFigures {
    let (graph, _) = map_graph(map, &MapSizes::estimate(map), None);
    let centres: Vec<_> = graph.nodes.iter().map(|node| node.position).collect();
    DrawingFigures::of(&graph, &centres)
}

#[test]
fn the_drawing_fits_a_screen_and_crosses_no_more_than_dot() {
    // (map, dot's crossings on its graph)
    let maps = [
        ("case study", case_study(), 261),
        ("generated 100", generated(100), 790),
        ("generated 300", generated(300), 6516),
        ("Argdown tree", tree(), 0),
    ];
    for (name, map, dot_crossings) in maps {
        let tidy = figures(&tidied(map, &LayeredOptions::default()));
        let ratio = tidy.ratio();
        assert!((1.0 / 3.0..=3.0).contains(&ratio), "{name}: {} × {} is {ratio:.2}:1", tidy.width, tidy.height);
        assert!(tidy.crossings <= dot_crossings, "{name}: {} crossings, dot {dot_crossings}", tidy.crossings);
    }
}

#[test]
fn an_aspect_aims_the_drawing_at_another_screen() {
    for aspect in [1.0, 16.0 / 9.0] {
        let options = LayeredOptions { aspect: Some(aspect), ..LayeredOptions::default() };
        let ratio = figures(&tidied(generated(100), &options)).ratio();
        assert!((aspect / 1.5..=aspect * 1.5).contains(&ratio), "aimed at {aspect:.2}, drawn {ratio:.2}");
    }
}

/// The case study ships laid out by Tidy up (aimed at 3:2: too large then to
/// show whole at a readable size, so the window opens on its first question):
/// a readable shape, no more than 1.5 times the crossings of its own Tidy
/// up, and whole in the default window above the zoom at which cards become
/// blocks.
#[test]
fn the_case_study_ships_laid_out_to_be_read() {
    let shipped = figures(&case_study());
    let tidy = figures(&tidied(case_study(), &LayeredOptions::default()));
    let ratio = shipped.ratio();
    assert!((1.0 / 3.0..=3.0).contains(&ratio), "{} × {} is {ratio:.2}:1", shipped.width, shipped.height);
    assert!(
        shipped.crossings as f64 <= 1.5 * tidy.crossings as f64,
        "{} crossings, Tidy up {}",
        shipped.crossings,
        tidy.crossings
    );
    assert!(shipped.fit_zoom() > 0.08, "whole at {:.0} %", shipped.fit_zoom() * 100.0);
}

/// A question with explanations: its card's centre and height, and the
/// extent `(left, top, right, bottom)` of its explanations' cards.
struct QuestionGroup {
    centre: (f32, f32),
    height: f32,
    explanations: (f32, f32, f32, f32),
}

fn question_groups(map: &Map) -> Vec<QuestionGroup> {
    let sizes = MapSizes::estimate(map);
    let size_of = |id: &ClaimId| sizes.claims[map.claims.iter().position(|claim| &claim.id == id).expect("a claim")];
    map.claims
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Question)
        .filter_map(|question| {
            let extent = map
                .claims
                .iter()
                .filter(|claim| claim.answers.as_ref() == Some(&question.id))
                .map(|claim| {
                    let (p, (w, h)) = (claim.position, size_of(&claim.id));
                    (p.x - w / 2.0, p.y - h / 2.0, p.x + w / 2.0, p.y + h / 2.0)
                })
                .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))?;
            let centre = (question.position.x, question.position.y);
            Some(QuestionGroup { centre, height: size_of(&question.id).1, explanations: extent })
        })
        .collect()
}

#[test]
fn the_case_studys_questions_stand_side_by_side_each_over_its_explanations() {
    for (name, map) in [("Tidy up", tidied(case_study(), &LayeredOptions::default())), ("as shipped", case_study())] {
        let groups = question_groups(&map);
        assert_eq!(groups.len(), 2, "{name}: two questions have explanations");
        let (first, second) = (groups[0].explanations, groups[1].explanations);
        assert!(first.2 < second.0 || second.2 < first.0, "{name}: the groups overlap along: {first:?} {second:?}");
        for QuestionGroup { centre, height, explanations: (left, top, right, _) } in groups {
            assert!((centre.0 - (left + right) / 2.0).abs() < 1.0, "{name}: {centre:?} not over {left}..{right}");
            assert!(centre.1 + height / 2.0 < top, "{name}: {centre:?} not above {top}");
        }
    }
}

#[test]
fn pinned_claims_stay_under_the_explanations_layout() {
    let mut map = case_study();
    for claim in map.claims.iter_mut().step_by(5) {
        claim.pinned = true;
    }
    let options = LayeredOptions { choice: LayoutChoice::Explanations, ..LayeredOptions::default() };
    let after = tidied(map.clone(), &options);
    for (old, new) in map.claims.iter().zip(&after.claims) {
        if old.pinned {
            assert_eq!(old.position, new.position, "{} moved", old.id);
        }
    }
    assert!(map.claims.iter().zip(&after.claims).any(|(old, new)| old.position != new.position));
}

#[test]
fn the_same_map_always_gives_the_same_drawing() {
    for choice in [LayoutChoice::Auto, LayoutChoice::Explanations, LayoutChoice::Layered] {
        let options = LayeredOptions { choice, ..LayeredOptions::default() };
        let map = generated(200);
        let sizes = MapSizes::estimate(&map);
        assert_eq!(tidy_up(&map, &sizes, None, &options), tidy_up(&map, &sizes, None, &options), "{choice:?}");
    }
}

#[test]
fn the_report_gives_the_shape_crossings_link_length_and_fit_zoom() {
    let folder = tempfile::tempdir().expect("a scratch folder");
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/us_china_cyber_2013_2015.ron");
    let output = folder.path().join("tidy.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_argline"))
        .args(["layout", input.to_str().expect("a UTF-8 path"), "-o", output.to_str().expect("a UTF-8 path")])
        .args(["--report", "--aspect", "16:9"])
        .output()
        .expect("argline runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report = String::from_utf8_lossy(&run.stdout);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.first(), Some(&"layout: explanations"), "{report}");
    for start in ["shape: ", "crossings: ", "link length: ", "fit zoom (1400x900 window, map area 1040x470): "] {
        assert!(lines.iter().any(|line| line.starts_with(start)), "no {start:?} in {report}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_argline"))
        .args(["layout", input.to_str().expect("a UTF-8 path"), "-o", output.to_str().expect("a UTF-8 path")])
        .args(["--aspect", "16x9"])
        .output()
        .expect("argline runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not W:H"), "{}", String::from_utf8_lossy(&bad.stderr));
}
