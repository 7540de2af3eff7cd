//! The command line contract: exit codes and output of validate, stats and generate.

use crate::run_argline;
use std::path::Path;
use std::process::Output;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

#[test]
fn validate_accepts_the_sample_maps() {
    let output = run_argline(&["validate", "sample_maps/us_china_cyber_2013_2015.ron", "sample_maps/tutorial.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty());
    assert_eq!(stdout(&output).lines().count(), 2);
}

#[test]
fn validate_fails_on_a_missing_file() {
    let output = run_argline(&["validate", "sample_maps/no_such_map.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no_such_map.ron: cannot read the file"), "{stderr}");
}

#[test]
fn stats_prints_one_line_per_count() {
    let output = run_argline(&["stats", "sample_maps/tutorial.ron"]);
    assert_eq!(output.status.code(), Some(0));
    let names: Vec<String> =
        stdout(&output).lines().map(|line| line.split(':').next().unwrap_or_default().to_owned()).collect();
    assert_eq!(
        names,
        ["events", "spans", "lanes", "sources", "claims", "explanations", "links", "citations", "story_steps"]
    );
    let map = argline::format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/tutorial.ron"))
        .expect("valid");
    assert!(stdout(&output).contains(&format!("events: {}\n", map.events.len())));
    assert!(stdout(&output).contains(&format!("links: {}\n", map.links.len())));
}

#[test]
fn generate_writes_a_valid_deterministic_map() {
    let folder = tempfile::tempdir().expect("temp folder");
    let first = folder.path().join("a.ron");
    let second = folder.path().join("b.ron");
    for path in [&first, &second] {
        let path = path.to_str().expect("utf-8 path");
        let output = run_argline(&[
            "generate", "--claims", "300", "--links", "600", "--events", "120", "--seed", "5", "-o", path,
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert_eq!(std::fs::read(&first).expect("written"), std::fs::read(&second).expect("written"));
    let output = run_argline(&["stats", first.to_str().expect("utf-8")]);
    let text = stdout(&output);
    for line in ["events: 120", "claims: 300", "links: 600", "lanes: 6", "sources: 10"] {
        assert!(text.lines().any(|l| l == line), "{line} missing in {text}");
    }
}

#[test]
fn missing_or_out_of_range_arguments_are_usage_errors() {
    assert_eq!(run_argline(&["stats"]).status.code(), Some(2));
    let huge =
        run_argline(&["generate", "--claims", "18446744073709551615", "--links", "1", "--events", "1", "-o", "x.ron"]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&huge.stderr).contains("--claims"));
}

#[test]
fn stats_ach_prints_each_explanations_scores_and_rank() {
    let output = run_argline(&["stats", "tests/data/analysis/worked_example.ron", "--ach"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        stdout(&output),
        "h1 inconsistency=1 weighted=1.000 rank=1\nh2 inconsistency=3 weighted=3.414 rank=2\nh3 inconsistency=3 weighted=3.536 rank=2\n"
    );
}

#[test]
fn layout_writes_a_valid_map_with_new_positions_twice_the_same() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (down, again, right) =
        (folder.path().join("down.ron"), folder.path().join("again.ron"), folder.path().join("right.ron"));
    let case = "sample_maps/us_china_cyber_2013_2015.ron";
    for (path, direction) in [(&down, "down"), (&again, "down"), (&right, "right")] {
        let path = path.to_str().expect("utf-8 path");
        let output = run_argline(&["layout", case, "-o", path, "--direction", direction]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert_eq!(std::fs::read(&down).expect("written"), std::fs::read(&again).expect("written"));
    let original = argline::format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(case)).expect("valid");
    let laid_out = argline::format::load_file(&down).expect("the output is a valid map");
    let sideways = argline::format::load_file(&right).expect("the output is a valid map");
    assert_eq!(laid_out.claims.len(), original.claims.len());
    assert_eq!(laid_out.links, original.links);
    assert!(laid_out.claims.iter().zip(&original.claims).any(|(a, b)| a.position != b.position));
    assert_ne!(laid_out.claims, sideways.claims);
}

#[test]
fn layout_reports_a_bad_file_and_a_bad_direction() {
    let output = run_argline(&["layout", "tests/data/invalid/missing_comma.ron", "-o", "never.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing_comma.ron:"));
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("never.ron").exists());
    let output = run_argline(&["layout", "sample_maps/tutorial.ron", "-o", "never.ron", "--direction", "up"]);
    assert_eq!(output.status.code(), Some(2));
}
