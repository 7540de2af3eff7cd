//! Saving: deterministic bytes, atomic replacement, and a clear error that
//! leaves the old file intact when the folder cannot be written.

use argline::format::{load_file, save_file, temporary_path_for, to_ron_string};
use argline::generate::{GenerateParams, generate};

#[test]
fn the_same_map_always_writes_the_same_bytes() {
    let map = generate(GenerateParams { claims: 50, links: 90, events: 30, seed: 3 });
    let first = to_ron_string(&map).expect("writes");
    assert_eq!(first, to_ron_string(&map.clone()).expect("writes"));
    assert!(first.ends_with(")\n"));
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

#[cfg(unix)]
#[test]
fn a_save_into_an_unwritable_folder_reports_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("map.ron");
    let old = generate(GenerateParams { claims: 3, links: 2, events: 1, seed: 1 });
    save_file(&old, &path).expect("first save");
    let old_bytes = std::fs::read(&path).expect("read");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores folder permissions: then block the temporary file's name instead.
    let blocker = temporary_path_for(&path);
    let root_can_write = std::fs::create_dir(&blocker).is_ok();
    let new = generate(GenerateParams { claims: 9, links: 8, events: 7, seed: 2 });
    let error = save_file(&new, &path).expect_err("cannot save");
    assert!(error.to_string().starts_with(&format!("cannot save {}", path.display())), "{error}");
    if root_can_write {
        std::fs::remove_dir(&blocker).expect("cleanup");
    }
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(std::fs::read(&path).expect("read"), old_bytes);
}
