//! File ▸ New, Save, Save as, Revert and Quit in the window, each first
//! asking when unsaved changes would be lost; choosing a path (the system's
//! chooser, or a typed path); replacing the open document; and bringing
//! recovered work back after a crash.

use super::ArglineApp;
use crate::edit::commands;
use crate::ui::document::Document;
use crate::ui::files::{self, Dialog, Purpose, Then};

impl ArglineApp {
    /// Starts `then`, first asking before unsaved changes would be lost.
    pub(super) fn begin(&mut self, ctx: &egui::Context, then: Then) {
        if self.document.has_unsaved_changes() {
            self.dialog = Some(Dialog::ConfirmDiscard { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    /// Does `then`, unsaved changes or not.
    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::New => {
                let map = crate::model::Map::default();
                self.replace_document(Document::new(map, None, "Untitled.ron".to_owned()));
            }
            Then::Open => self.choose_path(Purpose::Open),
            Then::OpenPath(path) => self.open_path(path),
            Then::Import(format) => self.choose_path(Purpose::Import(format)),
            Then::Quit => {
                self.autosave.discard(&self.document.origin());
                self.window.allowed_to_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn choose_path(&mut self, purpose: Purpose) {
        let chooser = self.window.system_dialogs.then(|| files::spawn_chooser(purpose, self.document.name.clone()));
        let typed = match (purpose, &self.document.path) {
            (Purpose::SaveAs, Some(path)) => path.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::ChoosePath { purpose, typed, chooser, started: std::time::Instant::now() });
    }

    pub(super) fn replace_document(&mut self, document: Document) {
        if self.document.has_unsaved_changes() {
            // The user chose to let these changes go: their recovery file goes too.
            self.autosave.discard(&self.document.origin());
        }
        self.document = document;
        self.views.reset_for_new_document();
        self.disk_watch = Default::default();
        self.stop_comparing();
        self.stop_comparing_with_key();
        self.merge_panel = Default::default();
    }

    pub(super) fn save(&mut self) {
        match (&self.document.path, self.document.read_only) {
            (Some(path), false) => self.save_to(path.clone()),
            _ => self.choose_path(Purpose::SaveAs),
        }
    }

    pub(super) fn save_to(&mut self, path: std::path::PathBuf) {
        self.save_checked(path, super::disk_changes::SaveChecks::default());
    }

    pub(super) fn revert(&mut self) {
        if let Some(path) = self.document.path.clone()
            && !self.document.read_only
        {
            self.open_path(path);
        } else if self.document.read_only {
            match Document::case_study() {
                Ok(document) => self.replace_document(document),
                Err(error) => self.notifications.problem(error.to_string()),
            }
        }
    }

    /// Opens the document that `recovered` belongs to and brings the
    /// recovered work back as one undoable step, unsaved.
    pub(super) fn restore(&mut self, recovered: crate::format::recovery::Recovered) {
        use crate::format::recovery::Origin;
        let base = match &recovered.origin {
            Origin::File(path) => Document::open(path.clone()).or_else(|_| {
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                Ok(Document::new(crate::model::Map::default(), Some(path.clone()), name))
            }),
            Origin::CaseStudy => Document::case_study(),
            Origin::NewMap => Ok(Document::new(crate::model::Map::default(), None, "Untitled.ron".to_owned())),
        };
        match base {
            Ok(document) => {
                self.replace_document(document);
                let transaction = commands::replace_all(self.document.map(), &recovered.map, "Restore unsaved work");
                self.apply(transaction);
            }
            Err(error) => self.notifications.problem(format!("The recovered work could not be restored: {error}")),
        }
    }
}
