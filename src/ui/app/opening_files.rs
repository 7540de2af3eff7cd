//! Opening a map file from the window (File ▸ Open, a recent file, a dropped
//! file, Revert): a small file is read at once; a big one is read and checked
//! on a worker thread, with the status bar saying so, and its cards' text is
//! then measured on another (see `MapView::measure_later`).

use super::ArglineApp;
use crate::format::LoadError;
use crate::ui::document::Document;
use crate::ui::files::file_name;
use crate::ui::job::Job;
use crate::ui::map_view::MapView;
use std::path::PathBuf;

/// Files above this size are read on a worker thread (a 4 MB map takes about 0.1 s to read and check).
const READ_ON_WORKER_ABOVE_BYTES: u64 = 1_000_000;

impl ArglineApp {
    /// Opens the map at `path`; on failure shows every problem and keeps the current map.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        if self.jobs.open.is_some() {
            self.notifications.notice("A map is still being opened: wait for it to finish.");
            return;
        }
        let big = std::fs::metadata(&path).is_ok_and(|metadata| metadata.len() > READ_ON_WORKER_ABOVE_BYTES);
        if !big {
            let document = Document::open(path.clone());
            return self.opened(path, document);
        }
        let what = format!("Opening {}…", file_name(&path));
        self.jobs.open = Some(Job::spawn(what, move || {
            let document = Document::open(path.clone());
            (path, document)
        }));
    }

    pub(super) fn opened(&mut self, path: PathBuf, document: Result<Document, LoadError>) {
        match document {
            Ok(document) => {
                self.prefs.remember_file(&path);
                self.replace_document(document);
                if MapView::is_big(self.document.map()) {
                    self.views.map_view.measure_later(&self.document);
                }
            }
            Err(error) => {
                self.notifications
                    .problem(format!("The map was not opened; the current map stays.\n\n{}", error.lines().join("\n")));
            }
        }
    }
}
