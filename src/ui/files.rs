//! The dialogs of File ▸ New / Open / Save As and of closing with unsaved
//! changes. The system file chooser (rfd) runs on its own thread, so the
//! window never freezes; where no chooser answers (no desktop portal), the
//! user types a path in the dialog instead.

use super::action::{Action, Actions};
use super::assignment_dialog::{AssignmentDialog, assignment_dialog_ui};
use super::disk_dialog::{self, DiskChange};
use super::job::{self, Job};
use crate::export::Format;
use crate::import::ImportFormat;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A file's name as the window says it: its last part, else the whole path.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// What to do once the user agrees to drop unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New,
    Open,
    OpenPath(PathBuf),
    Import(ImportFormat),
    Quit,
}

/// What a path is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    Export(Format),
    Import(ImportFormat),
    /// The folder holding the sources' texts.
    AttachTexts,
    /// Another map to compare the open one with.
    Compare,
    /// The key to mark the open map against (View ▸ Compare with key…).
    CompareWithKey,
    /// Where to write an assignment made from the open map.
    Assignment,
}

impl Purpose {
    fn title(self) -> String {
        match self {
            Self::Open => "Open a map".to_owned(),
            Self::SaveAs => "Save the map as".to_owned(),
            Self::Export(format) if format.is_folder() => format!("Export {} into the folder", format.label()),
            Self::Export(format) => format!("Export as {}", format.label()),
            Self::Import(format) => format!("Import {}", format.label()),
            Self::AttachTexts => "Attach the folder holding the sources' texts".to_owned(),
            Self::Compare => "Compare the map with".to_owned(),
            Self::CompareWithKey => "Compare the map with the key".to_owned(),
            Self::Assignment => "Save the assignment as".to_owned(),
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::Export(_) => "Export",
            Self::Import(_) => "Import",
            Self::AttachTexts => "Attach",
            Self::Compare | Self::CompareWithKey => "Compare",
            Self::Assignment => "Save",
        }
    }
}

pub enum Dialog {
    /// "You have unsaved changes": discard them, or cancel.
    ConfirmDiscard { then: Then },
    /// A path being chosen, by the system chooser or typed.
    ChoosePath { purpose: Purpose, typed: String, chooser: Option<Job<Option<PathBuf>>>, started: Instant },
    /// The document's file changed on disk: keep mine, take theirs, or merge.
    ChangedOnDisk(Box<DiskChange>),
    /// Merge conflicts are left: save anyway, or cancel.
    SaveWithConflicts { path: PathBuf, conflicts: usize },
    /// File ▸ New assignment from this map…: what the students' copy leaves out.
    Assignment(AssignmentDialog),
}

/// Asks the system for a path on another thread; the answer comes through the receiver.
pub fn spawn_chooser(purpose: Purpose, suggested_name: String) -> Job<Option<PathBuf>> {
    Job::spawn("The file chooser", move || {
        let dialog = rfd::FileDialog::new().set_title(purpose.title());
        match purpose {
            Purpose::Open | Purpose::Compare | Purpose::CompareWithKey => {
                dialog.add_filter("Argline map", &["ron"]).pick_file()
            }
            Purpose::SaveAs => dialog.add_filter("Argline map", &["ron"]).set_file_name(suggested_name).save_file(),
            Purpose::Export(format) if format.is_folder() => dialog.pick_folder(),
            Purpose::Export(format) => {
                let stem = suggested_name.trim_end_matches(".ron");
                let name = format!("{stem}.{}", format.extension());
                dialog.add_filter(format.label(), &[format.extension()]).set_file_name(name).save_file()
            }
            Purpose::Import(format) => dialog.add_filter(format.label(), &[format.extension()]).pick_file(),
            Purpose::AttachTexts => dialog.pick_folder(),
            Purpose::Assignment => {
                let name = format!("{}_assignment.ron", suggested_name.trim_end_matches(".ron"));
                dialog.add_filter("Argline map", &["ron"]).set_file_name(name).save_file()
            }
        }
    })
}

/// A chooser that answers "nothing" this fast did not open at all.
const NO_CHOOSER_WITHIN: Duration = Duration::from_millis(1500);

/// Shows `dialog`; queues what the user decided.
pub fn dialog_ui(ctx: &egui::Context, dialog: &mut Dialog, document_name: &str, actions: &mut Actions) {
    match dialog {
        Dialog::ConfirmDiscard { then } => {
            egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!("{document_name} has changes that are not saved. Discard them?"));
                ui.horizontal(|ui| {
                    if ui.button("Discard changes").clicked() {
                        actions.push(Action::Discard(then.clone()));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        actions.push(Action::CloseDialog);
                    }
                });
            });
        }
        Dialog::Assignment(dialog) => assignment_dialog_ui(ctx, dialog, actions),
        Dialog::ChangedOnDisk(change) => disk_dialog::changed_on_disk_ui(ctx, change, document_name, actions),
        Dialog::SaveWithConflicts { path, conflicts } => {
            disk_dialog::save_with_conflicts_ui(ctx, path, *conflicts, actions);
        }
        Dialog::ChoosePath { purpose, typed, chooser, started } => {
            let purpose = *purpose;
            match job::take_finished(chooser) {
                Some(Ok(Some(path))) => return actions.push(Action::PathChosen(purpose, path)),
                Some(Ok(None)) if started.elapsed() > NO_CHOOSER_WITHIN => return actions.push(Action::CloseDialog),
                // No chooser answered (or it failed): the typed path remains.
                Some(Ok(None) | Err(_)) => {}
                None if chooser.is_some() => ctx.request_repaint_after(Duration::from_millis(100)),
                None => {}
            }
            let waiting = chooser.is_some();
            egui::Modal::new(egui::Id::unique("choose-path")).show(ctx, |ui| {
                ui.heading(purpose.title());
                if waiting {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Waiting for the file chooser… or type a path:");
                    });
                } else {
                    ui.label("Type the path of the file:");
                }
                let field = ui
                    .add(egui::TextEdit::singleline(typed).hint_text("/home/me/maps/my_map.ron").desired_width(420.0));
                if ui.memory(|memory| memory.focused().is_none()) {
                    field.request_focus();
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let verb = purpose.verb();
                    let ready = !typed.trim().is_empty();
                    if (ui.add_enabled(ready, egui::Button::new(verb)).clicked() || entered) && ready {
                        actions.push(Action::PathChosen(purpose, PathBuf::from(typed.trim())));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        actions.push(Action::CloseDialog);
                    }
                });
            });
        }
    }
}
