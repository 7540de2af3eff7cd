//! The hostile corpus (tests/data/hostile, written by its generate.py): over
//! 200 map files broken on purpose. Each is refused with a clear message —
//! every line names the file, the line and the column — and neither the
//! loader, `argline validate` nor any importer panics. The few named
//! `accepted_*` are odd but valid (a one-megabyte title, control characters)
//! and must load. The TimelineJS and Kialo test files, damaged on purpose,
//! import or fail with positions.

use argline::import::{ImportFormat, import};
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 200, "the corpus has {} files", files.len());
    files
}

#[test]
fn every_hostile_file_is_refused_with_a_positioned_message() {
    for path in corpus() {
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("readable");
        let loaded = argline::format::load_bytes(&bytes, &name);
        if name.starts_with("accepted_") {
            assert!(loaded.is_ok(), "{name} is valid and must load");
            continue;
        }
        let error = match loaded {
            Ok(_) => panic!("{name} loaded, but it is broken on purpose"),
            Err(error) => error,
        };
        let lines = error.lines();
        assert!(!lines.is_empty(), "{name}: no message");
        for line in &lines {
            let rest = line.strip_prefix(&format!("{name}:")).unwrap_or_else(|| panic!("{name}: {line}"));
            let mut parts = rest.splitn(3, ':');
            let (line_number, column) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            assert!(
                line_number.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
                "{name}: no line:col in {line:?}"
            );
            let message = parts.next().unwrap_or("").trim();
            assert!(message.len() > 5, "{name}: the message says nothing: {line:?}");
        }
    }
}

#[test]
fn no_importer_panics_on_a_hostile_file() {
    for path in corpus() {
        let bytes = std::fs::read(&path).expect("readable");
        for format in ImportFormat::ALL {
            // Ok or Err are both fine: a panic is not (it would fail this test).
            let _ = import(&bytes, format);
        }
    }
}

#[test]
fn argline_validate_refuses_the_whole_corpus_without_crashing() {
    let files: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|path| !path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("accepted_")))
        .collect();
    let output = Command::new(env!("CARGO_BIN_EXE_argline")).arg("validate").args(&files).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing is reported valid: {}", String::from_utf8_lossy(&output.stdout));
    for file in &files {
        assert!(stderr.contains(&file.display().to_string()), "no message for {}", file.display());
    }
}

/// The project's TimelineJS and Kialo test files, each damaged 300 ways
/// (a byte swapped for one that means something to the format, a cut): an
/// import gives a valid map or positioned problems, never a panic or a map
/// that breaks the rules.
#[test]
fn damaged_timelinejs_and_kialo_files_import_or_fail_with_positions() {
    const MEANINGFUL: &[u8] = b"{}[]\":,\n\r.-0 1\\<>&";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (folder, format) in [("timelinejs", ImportFormat::TimelineJs), ("kialo", ImportFormat::Kialo)] {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(root.join(folder)).expect("the folder").map(|e| e.expect("an entry").path()).collect();
        files.sort();
        for path in files {
            let original = std::fs::read(&path).expect("readable");
            for _ in 0..300 {
                let mut bytes = original.clone();
                let at = (next() as usize) % bytes.len().max(1);
                match next() % 3 {
                    0 => bytes.truncate(at),
                    _ => bytes[at] = MEANINGFUL[(next() as usize) % MEANINGFUL.len()],
                }
                match import(&bytes, format) {
                    Ok(imported) => assert!(argline::model::validate::validate(&imported.map).is_empty()),
                    Err(argline::import::ImportError::Problems { problems }) => {
                        assert!(problems.iter().all(|p| p.position.line >= 1 && p.position.col >= 1));
                    }
                    Err(other) => panic!("{}: {other}", path.display()),
                }
            }
        }
    }
}
