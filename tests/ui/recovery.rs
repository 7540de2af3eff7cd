//! Unsaved work survives a crash: it is written aside every 30 s, offered back
//! at the next start when newer than its document, and restored as one
//! undoable step. Real files in a scratch folder; UI through egui_kittest.

use argline::format::recovery::{Origin, pending_recoveries, read_recovery, recovery_path, write_recovery};
use argline::model::{ItemRef, Map};
use argline::ui::{ArglineApp, Document};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn tutorial() -> Map {
    argline::format::load_file(Path::new("sample_maps/tutorial.ron")).expect("the tutorial loads")
}

/// A map file in `dir` holding the tutorial, last changed `age` ago.
fn document_file(dir: &Path, age: Duration) -> PathBuf {
    let path = dir.join("my_map.ron");
    argline::format::save_file(&tutorial(), &path).expect("writes");
    let file = std::fs::File::options().write(true).open(&path).expect("opens");
    file.set_modified(SystemTime::now() - age).expect("sets the time");
    path
}

/// The tutorial without its first claim: "work" that was not saved.
fn edited(map: &Map) -> Map {
    let mut edited = map.clone();
    let delete = argline::edit::commands::delete(map, &[ItemRef::Claim(map.claims[0].id.clone())]);
    argline::edit::History::default().apply(&mut edited, delete).expect("deletes");
    assert!(argline::model::validate::validate(&edited).is_empty());
    edited
}

fn app_with_recovery(document: Document, recovery_dir: &Path) -> Harness<'static, ArglineApp> {
    let app = crate::harness::app(document).with_recovery_dir(Some(recovery_dir.to_owned()));
    crate::harness::harness_with(app, 1.0 / 60.0)
}

#[test]
fn a_recovery_file_reads_back_with_its_origin_and_map() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let origin = Origin::File(dir.path().join("some map.ron"));
    let map = edited(&tutorial());
    let path = write_recovery(&dir.path().join("recovery"), &origin, &map).expect("writes");
    assert_eq!(path, recovery_path(&dir.path().join("recovery"), &origin));
    let recovered = read_recovery(&path).expect("reads");
    assert_eq!((recovered.origin, recovered.map), (origin, map));
    // It is an ordinary map file too.
    assert!(argline::format::load_file(&path).is_ok());
}

#[test]
fn only_work_newer_than_its_document_is_pending() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let recovery_dir = dir.path().join("recovery");
    let document = document_file(dir.path(), Duration::from_secs(3600));
    write_recovery(&recovery_dir, &Origin::File(document.clone()), &edited(&tutorial())).expect("writes");
    assert_eq!(pending_recoveries(&recovery_dir).len(), 1);
    // Saved again after the recovery was written: the recovery is stale.
    let file = std::fs::File::options().write(true).open(&document).expect("opens");
    file.set_modified(SystemTime::now() + Duration::from_secs(60)).expect("sets the time");
    assert!(pending_recoveries(&recovery_dir).is_empty());
}

#[test]
fn recovered_work_is_offered_at_start_and_restored_as_one_undoable_step() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let recovery_dir = dir.path().join("recovery");
    let document = document_file(dir.path(), Duration::from_secs(3600));
    let work = edited(&tutorial());
    write_recovery(&recovery_dir, &Origin::File(document.clone()), &work).expect("writes");

    // The app starts on another map (the case study); the offer names the file.
    let mut harness = app_with_recovery(crate::harness::case_study(), &recovery_dir);
    harness.get_by_label_contains("Recover unsaved work?");
    harness.get_by_label_contains(&document.display().to_string());
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().document().map(), &work);
    assert_eq!(harness.state().document().path.as_deref(), Some(document.as_path()));
    assert!(harness.state().window_title().starts_with("• my_map.ron"), "restored work is unsaved");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map(), &tutorial(), "undo gives back the file as saved");
}

#[test]
fn stale_recovery_is_not_offered() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let recovery_dir = dir.path().join("recovery");
    let document = document_file(dir.path(), Duration::ZERO);
    write_recovery(&recovery_dir, &Origin::File(document.clone()), &edited(&tutorial())).expect("writes");
    let file = std::fs::File::options().write(true).open(&document).expect("opens");
    file.set_modified(SystemTime::now() + Duration::from_secs(60)).expect("sets the time");
    let harness = app_with_recovery(Document::open(document).expect("opens"), &recovery_dir);
    assert!(harness.query_by_label_contains("Recover unsaved work?").is_none());
}

/// Waits for a background write to land (it runs on another thread).
fn wait_for(path: &Path) -> bool {
    (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        path.exists()
    })
}

#[test]
fn unsaved_work_is_written_aside_after_30_seconds_and_removed_by_saving() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let recovery_dir = dir.path().join("recovery");
    let document = document_file(dir.path(), Duration::from_secs(3600));
    let mut harness = app_with_recovery(Document::open(document.clone()).expect("opens"), &recovery_dir);
    let claim = tutorial().claims[0].clone();
    harness.get_by_label(&format!("{}: {}", claim.kind.label(), claim.text)).click();
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert!(harness.state().document().has_unsaved_changes(), "the claim was deleted");
    let expected = recovery_path(&recovery_dir, &Origin::File(document.clone()));
    // Frames 1/60 s apart: nothing is written for the first 30 seconds.
    for _ in 0..25 * 60 {
        harness.step();
    }
    assert!(!expected.exists(), "written too early");
    for _ in 0..10 * 60 {
        harness.step();
    }
    assert!(wait_for(&expected), "no recovery file after 35 s of unsaved work");
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(&read_recovery(&expected).expect("reads").map, harness.state().document().map());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().window_title().starts_with('•'));
    assert!(!expected.exists(), "saving removes the recovery file");
}

/// The real `argline` window, on an X display of its own (Xvfb), with its data in `data_dir`.
pub(crate) struct RealWindow {
    xvfb: std::process::Child,
    app: std::process::Child,
    display: String,
    /// One real window at a time: two debug builds rendering at once on a
    /// small machine slow each frame past the pauses between key presses.
    _alone: std::sync::MutexGuard<'static, ()>,
}

static REAL_WINDOWS: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl RealWindow {
    pub(crate) fn open(file: &Path, data_dir: &Path) -> Self {
        use std::io::BufRead;
        let alone = REAL_WINDOWS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Xvfb picks a free display and writes its number to the given descriptor (stdout).
        let mut xvfb = std::process::Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Xvfb starts (Debian package xvfb; .ci/run installs it)");
        let mut number = String::new();
        std::io::BufReader::new(xvfb.stdout.take().expect("piped")).read_line(&mut number).expect("reads");
        let display = format!(":{}", number.trim());
        let app = std::process::Command::new(env!("CARGO_BIN_EXE_argline"))
            .arg(file)
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("ARGLINE_DATA_DIR", data_dir)
            .env("XDG_DATA_HOME", data_dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("argline starts");
        Self { xvfb, app, display, _alone: alone }
    }

    fn xdotool(&self, args: &[&str]) -> Option<String> {
        let output = std::process::Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool runs (Debian package xdotool; .ci/run installs it)");
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }

    /// Waits for the window to show, focuses it, and presses `keys` (xdotool's names).
    pub(crate) fn press(&self, keys: &[&str]) {
        let window = (0..600)
            .find_map(|_| {
                std::thread::sleep(Duration::from_millis(100));
                self.xdotool(&["search", "--onlyvisible", "--name", "Argline"])
            })
            .and_then(|ids| ids.lines().next().map(str::to_owned))
            .expect("the Argline window appears within a minute");
        // Let the first frames draw before typing.
        std::thread::sleep(Duration::from_secs(2));
        self.xdotool(&["windowfocus", "--sync", &window]).expect("focuses the window");
        for key in keys {
            self.xdotool(&["key", "--clearmodifiers", key]).expect("presses a key");
            // A frame of a debug build on a busy machine can take most of a second, and
            // a key must come in a frame after the one that acted on the key before it.
            std::thread::sleep(Duration::from_millis(1500));
        }
    }
}

impl Drop for RealWindow {
    fn drop(&mut self) {
        for child in [&mut self.app, &mut self.xvfb] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// End to end: the real app, with unsaved edits, killed with SIGKILL; the next
/// start offers the work back and Restore brings the edits.
#[cfg(unix)]
#[test]
fn the_real_app_killed_with_unsaved_edits_offers_them_back_at_the_next_start() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let data_dir = dir.path().join("data");
    let document = document_file(dir.path(), Duration::from_secs(3600));
    let mut window = RealWindow::open(&document, &data_dir);
    // Select everything and delete it: an edit nobody saved.
    window.press(&["ctrl+a", "Delete"]);
    let recovery_dir = data_dir.join("recovery");
    let expected = recovery_path(&recovery_dir, &Origin::File(document.clone()));
    let written = (0..900).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        expected.exists()
    });
    assert!(written, "no recovery file within 90 s of the edit");
    // Let the background write finish its rename, then kill without warning.
    std::thread::sleep(Duration::from_millis(500));
    window.app.kill().expect("SIGKILL");
    window.app.wait().expect("reaped");
    let saved = tutorial();
    assert_eq!(argline::format::load_file(&document).expect("loads"), saved, "the file itself was never saved");

    let recovered = read_recovery(&expected).expect("the recovery file reads").map;
    assert!(recovered.claims.len() < saved.claims.len(), "the recovery holds the deletion");

    // The next start, on the same file and data folder.
    let mut harness = app_with_recovery(Document::open(document.clone()).expect("opens"), &recovery_dir);
    harness.get_by_label_contains("Recover unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().document().map(), &recovered);
    assert!(harness.state().document().has_unsaved_changes(), "restored work is still unsaved");
}
