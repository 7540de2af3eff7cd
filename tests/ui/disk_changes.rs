//! The open map's file changed by someone else (a `git pull`, another
//! editor): reloaded when nothing here is unsaved; asked about when something
//! is (keep mine, take theirs, merge); never overwritten by a save without
//! asking. Real files in a scratch folder; the UI through egui_kittest, and
//! once the real window on a display of its own.

use argline::edit::commands;
use argline::model::{Claim, ClaimKind, ItemRef, Map, Position};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

/// kittest's frame time; the window looks at its file every 2 s of it.
const STEP_DT: f32 = 0.25;

fn tutorial() -> Map {
    argline::format::load_file(Path::new("sample_maps/tutorial.ron")).expect("the tutorial loads")
}

/// The tutorial, saved in `dir`.
fn map_file(dir: &Path) -> PathBuf {
    let path = dir.join("tutorial.ron");
    argline::format::save_file(&tutorial(), &path).expect("writes");
    path
}

fn open(path: &Path) -> Harness<'static, ArglineApp> {
    let app = crate::harness::app(Document::open(path.to_owned()).expect("opens")).without_system_dialogs();
    crate::harness::harness_with(app, STEP_DT)
}

/// `map` with claim `id`'s text set to `text`.
fn with_text(map: &Map, id: &str, text: &str) -> Map {
    let mut changed = map.clone();
    let claim = changed.claims.iter_mut().find(|claim| claim.id.as_str() == id).expect("the claim is there");
    claim.text = text.to_owned();
    changed
}

/// What another program writes over the file: the budget claim reworded, a claim added.
fn theirs() -> Map {
    let mut map = with_text(&tutorial(), "budget", "Budget: the council closed it to save money (pulled from git)");
    map.claims.push(Claim::new("pulled", ClaimKind::Claim, "A claim pulled from git", Position::new(40.0, 600.0)));
    map
}

/// My unsaved edit, made as the inspector would: the safety claim reworded.
fn edit_mine(harness: &mut Harness<'_, ArglineApp>) -> Map {
    let map = harness.state().document().map().clone();
    let mine = with_text(&map, "safety", "Safety: the bridge was unsafe (my edit)");
    harness.state_mut().edit(commands::replace_all(&map, &mine, "Edit the claim")).expect("edits");
    harness.run();
    mine
}

fn write(map: &Map, path: &Path) {
    argline::format::save_file(map, path).expect("another program writes the file");
}

/// Frames for a little over the 2 s between looks at the file, and until the
/// file is read (on a worker) and taken in.
fn let_the_window_look(harness: &mut Harness<'_, ArglineApp>) {
    for _ in 0..10 {
        harness.step();
    }
    crate::harness::finish_jobs(harness);
}

/// The tutorial open from a scratch file, edited in the window and then
/// rewritten by another program, once the window has looked at it again:
/// the folder (kept alive), the file, the window and the map as edited.
fn edited_here_and_changed_there() -> (tempfile::TempDir, PathBuf, Harness<'static, ArglineApp>, Map) {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = map_file(dir.path());
    let mut harness = open(&path);
    let mine = edit_mine(&mut harness);
    write(&theirs(), &path);
    let_the_window_look(&mut harness);
    (dir, path, harness, mine)
}

fn click(harness: &mut Harness<'_, ArglineApp>, button: &str) {
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

fn on_disk(path: &Path) -> Map {
    argline::format::load_file(path).expect("the file on disk is a map")
}

#[test]
fn a_file_changed_on_disk_with_nothing_unsaved_is_reloaded_keeping_the_selection() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = map_file(dir.path());
    let mut harness = open(&path);
    let budget = ItemRef::Claim("budget".into());
    harness.state_mut().push(argline::ui::Action::Select { item: budget.clone(), origin: argline::ui::Origin::Map });
    harness.run();
    write(&theirs(), &path);
    let_the_window_look(&mut harness);
    assert_eq!(harness.state().document().map(), &theirs(), "reloaded");
    assert!(!harness.state().document().has_unsaved_changes(), "the map is the file again");
    harness.get_by_label_contains("tutorial.ron changed on disk and was reloaded");
    assert_eq!(harness.state().selection().items(), &[budget], "the selected claim survived the reload");
    assert_eq!(harness.state().document().history().undo_label(), Some("Reload from disk"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map(), &tutorial(), "undo gives back what was shown");
}

#[test]
fn with_unsaved_edits_keep_mine_keeps_them_and_the_next_save_asks_before_replacing_the_file() {
    let (_dir, path, mut harness, mine) = edited_here_and_changed_there();
    harness.get_by_label("tutorial.ron changed on disk");
    click(&mut harness, "Keep mine");
    assert_eq!(harness.state().document().map(), &mine);
    let_the_window_look(&mut harness);
    assert!(harness.query_by_label("tutorial.ron changed on disk").is_none(), "not asked again about that version");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label_contains("Nothing was saved");
    assert_eq!(on_disk(&path), theirs(), "the newer file is untouched while the user decides");
    click(&mut harness, "Replace it with mine");
    assert_eq!(on_disk(&path), mine, "replaced once the user said so");
    assert!(!harness.state().document().has_unsaved_changes());
}

#[test]
fn with_unsaved_edits_take_theirs_takes_the_file_and_undo_brings_mine_back() {
    let (_dir, _path, mut harness, mine) = edited_here_and_changed_there();
    click(&mut harness, "Take theirs");
    assert_eq!(harness.state().document().map(), &theirs());
    assert!(!harness.state().document().has_unsaved_changes());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map(), &mine, "undo brings my version back");
    assert!(harness.state().document().has_unsaved_changes());
}

#[test]
fn with_unsaved_edits_merge_keeps_both_sides_changes_and_saves_over_the_newer_file() {
    let (_dir, path, mut harness, _) = edited_here_and_changed_there();
    click(&mut harness, "Merge");
    let both = with_text(&theirs(), "safety", "Safety: the bridge was unsafe (my edit)");
    assert_eq!(harness.state().document().map(), &both, "my edit and theirs, merged");
    assert!(harness.state().document().map().conflicts.is_empty());
    harness.get_by_label_contains("Merged with the file on disk, without conflicts");
    assert_eq!(on_disk(&path), theirs(), "the merge is not saved by itself");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(on_disk(&path), both, "the merge is saved over the file it merged, without asking again");
}

#[test]
fn a_save_after_an_outside_change_asks_and_leaves_the_newer_file_until_the_user_chooses() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = map_file(dir.path());
    let mut harness = open(&path);
    let mine = edit_mine(&mut harness);
    write(&theirs(), &path);
    let newer = std::fs::read(&path).expect("reads");
    // Saved at once, before the window looked at the file again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label_contains("Nothing was saved");
    click(&mut harness, "Cancel");
    assert_eq!(std::fs::read(&path).expect("reads"), newer, "cancel leaves the newer file as it is");
    assert_eq!(harness.state().document().map(), &mine, "and my edit here");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    click(&mut harness, "Take theirs");
    assert_eq!(std::fs::read(&path).expect("reads"), newer);
    assert_eq!(harness.state().document().map(), &theirs());
}

#[test]
fn a_file_turned_into_git_conflict_markers_is_reported_and_the_map_stays() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = map_file(dir.path());
    let mut harness = open(&path);
    let text = std::fs::read_to_string(&path).expect("reads");
    let conflicted = text.replacen(
        "            text: \"Budget: the council closed it to save money\",\n",
        "<<<<<<< HEAD\n            text: \"Budget: to save money\",\n=======\n            text: \"Budget: money\",\n>>>>>>> \
         theirs\n",
        1,
    );
    assert_ne!(conflicted, text);
    std::fs::write(&path, &conflicted).expect("git writes its markers");
    let_the_window_look(&mut harness);
    harness.get_by_label_contains("tutorial.ron changed on disk, and cannot be read as a map now");
    harness.get_by_label_contains("the file holds git's conflict markers");
    harness.get_by_label_contains("argline git-setup");
    assert_eq!(harness.state().document().map(), &tutorial(), "the map here stays");
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), conflicted, "the file is untouched");
}

/// End to end: the real app open on a file, which another process rewrites;
/// the window reloads it. Seen through the file itself: the window then moves
/// every claim (arrow key) and saves, which it can only do over the newer
/// file once it has reloaded it, and the saved map holds the other
/// process's claim.
#[cfg(unix)]
#[test]
fn the_real_window_reloads_a_file_another_process_rewrote() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = map_file(dir.path());
    let window = crate::recovery::RealWindow::open(&path, &dir.path().join("data"));
    window.press(&[]);
    let rewritten = dir.path().join("rewritten.ron");
    write(&theirs(), &rewritten);
    let copied = std::process::Command::new("cp").arg(&rewritten).arg(&path).status().expect("cp runs");
    assert!(copied.success());
    // The window looks every 2 s, and when it gains the focus.
    std::thread::sleep(std::time::Duration::from_secs(3));
    window.press(&["ctrl+a", "Right", "ctrl+s"]);
    let saved = (0..100).find_map(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let bytes = std::fs::read(&path).ok()?;
        (bytes != std::fs::read(&rewritten).ok()?).then(|| on_disk(&path))
    });
    let saved = saved.expect("the window saved over the rewritten file, so it had reloaded it");
    assert!(saved.claims.iter().any(|claim| claim.id.as_str() == "pulled"), "the other process's claim is in it");
    let moved = |map: &Map| map.claims.iter().map(|claim| claim.position.x).sum::<f32>();
    assert!(moved(&saved) > moved(&theirs()), "and the window's own move");
}
