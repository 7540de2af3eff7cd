//! Every file under `tests/data/invalid/` breaks one rule (or, for
//! `several_problems.ron`, three); each must be refused with exactly the
//! positioned messages in its `.expected` file, by the library and by the CLI.

use argline::format::load_file;
use std::path::{Path, PathBuf};
use std::process::Command;

fn invalid_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid")
}

fn invalid_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(invalid_dir())
        .expect("tests/data/invalid exists")
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

fn expected_lines(file: &Path) -> Vec<String> {
    let expected = std::fs::read_to_string(file.with_extension("expected")).expect("each invalid file has a .expected");
    expected.lines().map(str::to_owned).collect()
}

#[test]
fn there_is_one_file_per_rule() {
    assert!(invalid_files().len() >= 25, "found {}", invalid_files().len());
}

#[test]
fn each_invalid_file_gives_its_positioned_messages() {
    for file in invalid_files() {
        let name = file.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
        let error = load_file(&file).expect_err(name);
        let shown: Vec<String> =
            error.lines().into_iter().map(|line| line.replacen(&file.display().to_string(), name, 1)).collect();
        assert_eq!(shown, expected_lines(&file), "messages for {name}");
    }
}

#[test]
fn several_problems_are_all_reported_at_once() {
    let error = load_file(&invalid_dir().join("several_problems.ron")).expect_err("invalid");
    assert_eq!(error.lines().len(), 3);
}

#[test]
fn the_cli_prints_every_problem_and_exits_1() {
    let output = Command::new(env!("CARGO_BIN_EXE_argline"))
        .current_dir(invalid_dir())
        .args(["validate", "several_problems.ron", "unknown_lane.ron"])
        .output()
        .expect("argline runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    let mut expected = expected_lines(&invalid_dir().join("several_problems.ron"));
    expected.extend(expected_lines(&invalid_dir().join("unknown_lane.ron")));
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn a_failed_load_never_touches_the_file() {
    let file = invalid_dir().join("unknown_claim.ron");
    let before = std::fs::read(&file).expect("readable");
    let _ = load_file(&file);
    assert_eq!(std::fs::read(&file).expect("readable"), before);
}
