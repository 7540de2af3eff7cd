//! Saving: deterministic bytes, atomic replacement, and a clear error that
//! leaves the old file intact when the folder cannot be written.

use argline::format::{load_file, save_file, to_ron_string};
use argline::generate::{GenerateParams, generate};
use std::path::Path;

#[test]
fn save_then_load_then_save_gives_the_same_bytes() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (first, second) = (folder.path().join("first.ron"), folder.path().join("second.ron"));
    let map = generate(GenerateParams { claims: 50, links: 90, events: 30, seed: 3 });
    save_file(&map, &first).expect("saves");
    save_file(&load_file(&first).expect("loads"), &second).expect("saves again");
    let bytes = std::fs::read(&first).expect("read");
    assert_eq!(bytes, std::fs::read(&second).expect("read"));
    assert!(bytes.ends_with(b")\n") && !bytes.contains(&b'\r'), "one line ending, LF");
}

#[test]
fn save_replaces_the_file_and_leaves_no_temporary_behind() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("map.ron");
    std::fs::write(&path, "old content").expect("write");
    let map = generate(GenerateParams { claims: 5, links: 4, events: 3, seed: 1 });
    save_file(&map, &path).expect("saves");
    assert_eq!(load_file(&path).expect("loads"), map);
    let names: Vec<_> =
        std::fs::read_dir(folder.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["map.ron"]);
}

/// Writes `old` the plain way, then checks that a save of another map fails
/// with a message naming the file, and leaves the old bytes in place.
fn assert_failed_save_keeps_old_file(path: &Path, old: &[u8]) {
    let new = generate(GenerateParams { claims: 9, links: 8, events: 7, seed: 2 });
    let error = save_file(&new, path).expect_err("cannot save");
    assert!(error.to_string().starts_with(&format!("cannot save {}", path.display())), "{error}");
    assert_eq!(std::fs::read(path).expect("read"), old);
}

#[test]
fn a_save_whose_temporary_file_cannot_be_made_keeps_the_old_file() {
    // A name so long that the hidden temporary name beside it exceeds the
    // file system's limit: the save fails even for root.
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join(format!("{}.ron", "m".repeat(240)));
    let old = to_ron_string(&generate(GenerateParams { claims: 3, links: 2, events: 1, seed: 1 })).expect("writes");
    std::fs::write(&path, &old).expect("the old file");
    assert_failed_save_keeps_old_file(&path, old.as_bytes());
    let names: Vec<_> = std::fs::read_dir(folder.path()).expect("list").collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
}
