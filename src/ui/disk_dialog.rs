//! The questions about a map file changed on disk by someone else (a `git
//! pull`, another editor), noticed by the window while this one has unsaved
//! edits, or found by a save that then wrote nothing: keep mine, take theirs,
//! or merge (three-way, with the file as last loaded or saved as the base).
//! And the question before saving a map whose merge conflicts are not all
//! settled.

use super::action::{Action, Actions};
use crate::format::FileStamp;
use crate::model::Map;
use std::path::{Path, PathBuf};

/// A newer version of the document's file, found on disk.
pub struct DiskChange {
    pub path: PathBuf,
    /// The newer file's map and stamp, or why it cannot be read as a map.
    pub disk: Result<(Map, FileStamp), String>,
    /// Found by a save (which wrote nothing), rather than noticed by the window.
    pub found_saving: bool,
    /// Whether the file as last loaded or saved is known, to merge with.
    pub can_merge: bool,
    /// What the newer file changed since then: "2 items changed, 1 added".
    pub changes_on_disk: Option<String>,
}

impl DiskChange {
    /// The file at `path` as it is now; `base` is the map it held when last loaded or saved.
    pub fn read(path: PathBuf, found_saving: bool, base: Option<&Map>) -> Self {
        let disk = crate::format::load_file_stamped(&path).map_err(|error| error.lines().join("\n"));
        let changes_on_disk = match (&disk, base) {
            (Ok((newer, _)), Some(base)) => Some(count_changes(&crate::vcs::diff(base, newer))),
            _ => None,
        };
        Self { path, disk, found_saving, can_merge: base.is_some(), changes_on_disk }
    }
}

/// "1 item changed, 2 added, 1 removed", or that nothing in the map differs.
fn count_changes(diff: &crate::vcs::MapDiff) -> String {
    use crate::vcs::Change;
    let count = |wanted: fn(&Change) -> bool| diff.changes.iter().filter(|change| wanted(&change.change)).count();
    let counts = [
        (count(|c| matches!(c, Change::Changed { .. })), "changed"),
        (count(|c| matches!(c, Change::Added)), "added"),
        (count(|c| matches!(c, Change::Removed)), "removed"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(count, _)| *count > 0)
        .enumerate()
        .map(|(place, (count, verb))| match (place, count) {
            (0, 1) => format!("1 item {verb}"),
            (0, _) => format!("{count} items {verb}"),
            _ => format!("{count} {verb}"),
        })
        .collect();
    if parts.is_empty() { "the same map, written differently".to_owned() } else { parts.join(", ") }
}

/// What the user chose to do about a newer file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Go on with the map here; the file stays as it is until a save, which asks first.
    KeepMine,
    /// Save the map here over the newer file (offered by a save).
    ReplaceTheirs,
    /// Take the file on disk in place of the map here, as one undo step.
    TakeTheirs,
    /// Merge both, three-way; conflicts go to the merge panel.
    Merge,
    /// Save nothing now (offered by a save).
    Cancel,
}

/// The question about a newer file on disk; queues the answer.
pub fn changed_on_disk_ui(ctx: &egui::Context, change: &DiskChange, document_name: &str, actions: &mut Actions) {
    let choose = |actions: &mut Actions, choice| actions.push(Action::ChangedOnDisk(choice));
    egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(format!("{document_name} changed on disk"));
        ui.label(format!("{}", change.path.display()));
        ui.add_space(4.0);
        let situation = if change.found_saving {
            "Nothing was saved: another program (a git pull, another editor) changed the file since you opened or \
             last saved it."
        } else {
            "Another program (a git pull, another editor) changed the file since you opened or last saved it, and \
             the map here has changes that are not saved."
        };
        ui.label(situation);
        if let Some(changes) = &change.changes_on_disk {
            ui.label(format!("On disk since then: {changes}."));
        }
        if let Err(error) = &change.disk {
            ui.add_space(4.0);
            ui.label("The file on disk cannot be read as a map now:");
            ui.label(egui::RichText::new(error).monospace());
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            let readable = change.disk.is_ok();
            if change.found_saving {
                let replace = ui.button("Replace it with mine");
                if replace.on_hover_text("Save the map here over the newer file.").clicked() {
                    choose(actions, DiskChoice::ReplaceTheirs);
                }
            } else {
                let keep = ui.button("Keep mine");
                let hint = "Go on with the map here; the file on disk stays as it is. Saving asks before replacing it.";
                if keep.on_hover_text(hint).clicked() {
                    choose(actions, DiskChoice::KeepMine);
                }
            }
            let take = ui.add_enabled(readable, egui::Button::new("Take theirs"));
            if take.on_hover_text("Open the file on disk in place of the map here. Undo brings yours back.").clicked() {
                choose(actions, DiskChoice::TakeTheirs);
            }
            let merge = ui.add_enabled(readable && change.can_merge, egui::Button::new("Merge"));
            let hint = "Keep the changes of both, merged item by item with the file as you opened or last saved \
                        it. Where both changed the same thing, the merge panel shows both.";
            if merge.on_hover_text(hint).clicked() {
                choose(actions, DiskChoice::Merge);
            }
            if change.found_saving && ui.button("Cancel").on_hover_text("Save nothing now.").clicked() {
                choose(actions, DiskChoice::Cancel);
            }
        });
        ui.label(
            egui::RichText::new(
                "Take theirs: Undo brings yours back. Merge: both sides' changes, item by item; where both changed \
                 the same thing, the merge panel shows both.",
            )
            .weak(),
        );
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            choose(actions, if change.found_saving { DiskChoice::Cancel } else { DiskChoice::KeepMine });
        }
    });
}

/// The question before saving with merge conflicts left; queues the answer.
pub fn save_with_conflicts_ui(ctx: &egui::Context, path: &Path, conflicts: usize, actions: &mut Actions) {
    egui::Modal::new(egui::Id::unique("save-with-conflicts")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Conflicts not settled");
        let count = if conflicts == 1 {
            "One merge conflict is".to_owned()
        } else {
            format!("{conflicts} merge conflicts are")
        };
        ui.label(format!(
            "{count} not settled yet. Save anyway? The file keeps them, with every version, in its conflicts \
             section; `argline validate` reports them until they are settled."
        ));
        ui.horizontal(|ui| {
            if ui.button("Save with conflicts").clicked() {
                actions.push(Action::SaveWithConflicts(path.to_owned()));
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                actions.push(Action::CloseDialog);
            }
        });
    });
}
