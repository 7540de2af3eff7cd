//! Slides for the classroom: `argline export FILE --format slides -o DIR`
//! writes one PNG per story step, named in order, none of them blank.

use resvg::tiny_skia::Pixmap;
use std::process::Command;

#[test]
fn one_slide_per_story_step_named_in_order_and_none_blank() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let output = Command::new(env!("CARGO_BIN_EXE_argline"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["export", "sample_maps/tutorial.ron", "--format", "slides", "-o"])
        .arg(dir.path())
        .output()
        .expect("argline runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let map = argline::format::load_file(std::path::Path::new("sample_maps/tutorial.ron")).expect("loads");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), map.story.len());
    for (index, name) in names.iter().enumerate() {
        assert!(name.starts_with(&format!("{:02}-", index + 1)) && name.ends_with(".png"), "{name}");
        let pixmap = Pixmap::load_png(dir.path().join(name)).expect("a PNG");
        let background = pixmap.pixels()[0];
        let drawn = pixmap.pixels().iter().filter(|pixel| **pixel != background).count();
        assert!(drawn * 50 > pixmap.pixels().len(), "{name}: only {drawn} pixels differ from the background");
    }
}

#[test]
fn slides_need_a_story_and_a_folder() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_argline"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .expect("argline runs")
    };
    let no_folder = run(&["export", "sample_maps/tutorial.ron", "--format", "slides"]);
    assert_eq!(no_folder.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_folder.stderr).contains("-o FOLDER"));
    let dir = tempfile::tempdir().expect("scratch folder");
    let out = dir.path().join("slides");
    let no_story = run(&[
        "export",
        "tests/data/analysis/worked_example.ron",
        "--format",
        "slides",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(no_story.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&no_story.stderr).contains("has no story"),
        "{}",
        String::from_utf8_lossy(&no_story.stderr)
    );
}
