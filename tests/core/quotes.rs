//! The quote check from the command line, on tampered copies of the case
//! study's articles (shared/seeds) in a scratch folder: `attach-texts` anchors
//! a small map's quotes in them, then `quotes` finds a changed word (changed,
//! naming the item), a moved paragraph (relocated, exit 0) and a missing
//! article (no text, exit 1). The tutorial's own text is checked too.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const MAP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes/citing_the_seeds.ron");
const VOX: &str = "002_e7a65f1c9ad4ef6b.txt";
const BLOG: &str = "003_6e928fe5da430c29.txt";

fn argline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argline")).args(args).output().expect("argline runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A scratch folder holding copies of the seeds (`texts/`) and the small map
/// with its quotes anchored in them (`map.ron`).
struct Scratch {
    _dir: tempfile::TempDir,
    map: PathBuf,
    texts: PathBuf,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a scratch folder");
        // The texts outside the map's folder, as the case study's are.
        let texts = dir.path().join("texts");
        std::fs::create_dir(&texts).expect("creates");
        for entry in std::fs::read_dir(SEEDS).expect("the seeds are there") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|extension| extension == "txt") {
                std::fs::copy(&path, texts.join(path.file_name().expect("a name"))).expect("copies");
            }
        }
        std::fs::create_dir(dir.path().join("maps")).expect("creates");
        let map = dir.path().join("maps").join("map.ron");
        std::fs::copy(MAP, &map).expect("copies the map");
        let attached = argline(&["attach-texts", path(&map), "--texts", path(&texts)]);
        assert_eq!(attached.status.code(), Some(0), "{}", String::from_utf8_lossy(&attached.stderr));
        assert!(stdout(&attached).contains("4 quotes anchored"), "{}", stdout(&attached));
        Self { _dir: dir, map, texts }
    }

    fn quotes(&self) -> Output {
        argline(&["quotes", path(&self.map), "--texts", path(&self.texts)])
    }

    /// Rewrites the copy of the article `name` with `change`.
    fn tamper(&self, name: &str, change: impl FnOnce(String) -> String) {
        let file = self.texts.join(name);
        let text = std::fs::read_to_string(&file).expect("reads");
        std::fs::write(&file, change(text)).expect("writes");
    }
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn attaching_the_seeds_names_each_text_by_file_and_hash_and_every_quote_is_exact() {
    let scratch = Scratch::new();
    let map = std::fs::read_to_string(&scratch.map).expect("reads");
    assert!(map.contains(&format!("file: \"{VOX}\"")), "the text is named by its file name:\n{map}");
    assert_eq!(map.matches("sha256: \"").count(), 3, "three sources, three hashes");
    assert_eq!(map.matches("anchor: Some(").count(), 4);
    let output = scratch.quotes();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "4 quotes: 4 exact\n");
    let again = argline(&["attach-texts", path(&scratch.map), "--texts", path(&scratch.texts)]);
    assert!(stdout(&again).contains("nothing to change"), "{}", stdout(&again));
}

#[test]
fn a_word_changed_inside_a_quoted_passage_is_reported_changed_at_the_citation_with_a_diff() {
    let scratch = Scratch::new();
    scratch.tamper(VOX, |text| text.replace("a Cabinet-level dialogue", "a ministerial dialogue"));
    let output = scratch.quotes();
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let report = stdout(&output);
    let line = report.lines().find(|line| line.contains(": red-phone: changed: ")).expect("the changed quote");
    assert!(line.contains("[-Cabinet-level-] {+ministerial+}"), "{line}");
    let map_file = path(&scratch.map);
    let position: Vec<usize> =
        line[map_file.len() + 1..].split(':').take(2).map(|number| number.parse().expect("a number")).collect();
    let map = std::fs::read_to_string(&scratch.map).expect("reads");
    let lines: Vec<&str> = map.lines().collect();
    assert_eq!(lines[position[0] - 1].chars().nth(position[1] - 1), Some('('), "at the citation: {line}");
    assert!(lines[position[0]].contains("source: \"vox-beauchamp\""), "{}", lines[position[0]]);
    // The quote after it in the article moved by the few characters the edit took out.
    assert!(report.contains(": sanctions-still-planned: note: relocated: "), "{report}");
    assert!(report.ends_with("4 quotes: 2 exact, 1 relocated, 1 changed\n"), "{report}");
}

#[test]
fn a_moved_paragraph_is_relocated_a_note_and_exit_zero() {
    let scratch = Scratch::new();
    // To the end: the quotes before it stay where they were.
    let paragraph = "The Obama administration still plans to sanction some Chinese companies, but likely will not target government officials.\n";
    scratch.tamper(VOX, |text| format!("{}\n{paragraph}", text.replacen(paragraph, "", 1)));
    let output = scratch.quotes();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report = stdout(&output);
    assert!(report.contains(": sanctions-still-planned: note: relocated: "), "{report}");
    assert!(report.ends_with("4 quotes: 3 exact, 1 relocated\n"), "{report}");
}

#[test]
fn a_missing_article_leaves_its_quotes_without_text_and_exit_one() {
    let scratch = Scratch::new();
    std::fs::remove_file(scratch.texts.join(BLOG)).expect("removes");
    let output = scratch.quotes();
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let report = stdout(&output);
    let line = report.lines().find(|line| line.contains(": military-commercial-line: no text: ")).expect("no text");
    assert!(line.contains(BLOG) && line.contains("attach the folder"), "{line}");
    assert!(report.ends_with("4 quotes: 3 exact, 1 without text\n"), "{report}");
    let validate = argline(&["validate", path(&scratch.map)]);
    assert_eq!(validate.status.code(), Some(0), "the map still opens without its text");
}

#[test]
fn a_map_or_folder_that_cannot_be_read_is_exit_two() {
    let missing_map = argline(&["quotes", "no/such/map.ron"]);
    assert_eq!(missing_map.status.code(), Some(2));
    let missing_folder = argline(&["quotes", MAP, "--texts", "no/such/folder"]);
    assert_eq!(missing_folder.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing_folder.stderr).contains("no such folder"));
}

#[test]
fn the_tutorial_ships_with_its_text_and_every_quote_is_exact() {
    let tutorial = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_maps/tutorial.ron");
    let output = argline(&["quotes", tutorial]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "2 quotes: 2 exact\n");
}
