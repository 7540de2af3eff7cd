//! The dialogs of File ▸ New / Open / Save As and of closing with unsaved
//! changes. The system file chooser (rfd) runs on its own thread, so the
//! window never freezes; where no chooser answers (no desktop portal), the
//! user types a path in the dialog instead.

use crate::export::Format;
use crate::import::ImportFormat;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

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
}

impl Purpose {
    fn title(self) -> String {
        match self {
            Self::Open => "Open a map".to_owned(),
            Self::SaveAs => "Save the map as".to_owned(),
            Self::Export(format) if format.is_folder() => format!("Export {} into the folder", format.label()),
            Self::Export(format) => format!("Export as {}", format.label()),
            Self::Import(format) => format!("Import {}", format.label()),
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::Export(_) => "Export",
            Self::Import(_) => "Import",
        }
    }
}

/// A file chosen in the File menu.
#[derive(Clone, Debug, PartialEq)]
pub enum FileChoice {
    Recent(PathBuf),
    Export(Format),
    Import(ImportFormat),
}

pub enum Dialog {
    /// "You have unsaved changes": discard them, or cancel.
    ConfirmDiscard { then: Then },
    /// A path being chosen, by the system chooser or typed.
    ChoosePath { purpose: Purpose, typed: String, chooser: Option<Receiver<Option<PathBuf>>>, started: Instant },
}

/// What the user decided in a dialog this frame.
pub enum Outcome {
    Undecided,
    Cancelled,
    Discard(Then),
    Chosen(Purpose, PathBuf),
}

/// Asks the system for a path on another thread; the answer comes through the receiver.
pub fn spawn_chooser(purpose: Purpose, suggested_name: String) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let dialog = rfd::FileDialog::new().set_title(purpose.title());
        let path = match purpose {
            Purpose::Open => dialog.add_filter("Argline map", &["ron"]).pick_file(),
            Purpose::SaveAs => dialog.add_filter("Argline map", &["ron"]).set_file_name(suggested_name).save_file(),
            Purpose::Export(format) if format.is_folder() => dialog.pick_folder(),
            Purpose::Export(format) => {
                let stem = suggested_name.trim_end_matches(".ron");
                let name = format!("{stem}.{}", format.extension());
                dialog.add_filter(format.label(), &[format.extension()]).set_file_name(name).save_file()
            }
            Purpose::Import(format) => dialog.add_filter(format.label(), &[format.extension()]).pick_file(),
        };
        let _ = sender.send(path);
    });
    receiver
}

/// A chooser that answers "nothing" this fast did not open at all.
const NO_CHOOSER_WITHIN: Duration = Duration::from_millis(1500);

/// Shows `dialog`; returns what the user decided.
pub fn dialog_ui(ctx: &egui::Context, dialog: &mut Dialog, document_name: &str) -> Outcome {
    match dialog {
        Dialog::ConfirmDiscard { then } => {
            let mut outcome = Outcome::Undecided;
            egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!("{document_name} has changes that are not saved. Discard them?"));
                ui.horizontal(|ui| {
                    if ui.button("Discard changes").clicked() {
                        outcome = Outcome::Discard(then.clone());
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        outcome = Outcome::Cancelled;
                    }
                });
            });
            outcome
        }
        Dialog::ChoosePath { purpose, typed, chooser, started } => {
            let purpose = *purpose;
            if let Some(receiver) = chooser {
                match receiver.try_recv() {
                    Ok(Some(path)) => return Outcome::Chosen(purpose, path),
                    Ok(None) if started.elapsed() > NO_CHOOSER_WITHIN => return Outcome::Cancelled,
                    Ok(None) | Err(TryRecvError::Disconnected) => *chooser = None,
                    Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(100)),
                }
            }
            let waiting = chooser.is_some();
            let mut outcome = Outcome::Undecided;
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
                        outcome = Outcome::Chosen(purpose, PathBuf::from(typed.trim()));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        outcome = Outcome::Cancelled;
                    }
                });
            });
            outcome
        }
    }
}
