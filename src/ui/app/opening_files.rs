//! Opening a map file from the window (File ▸ Open, a recent file, a dropped
//! file, Revert): a small file is read at once; a big one is read and checked
//! on a worker thread, with the status bar saying so, and its cards' text is
//! then measured on another (see `MapView::measure_later`).

use super::ArglineApp;
use crate::format::LoadError;
use crate::ui::document::Document;
use crate::ui::map_view::MapView;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Files above this size are read on a worker thread (a 4 MB map takes about 0.1 s to read and check).
const READ_ON_WORKER_ABOVE_BYTES: u64 = 1_000_000;

/// A file being read on a worker thread.
pub struct OpenJob {
    path: PathBuf,
    result: Receiver<Result<Document, LoadError>>,
}

impl ArglineApp {
    /// Opens the map at `path`; on failure shows every problem and keeps the current map.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        if self.open_job.is_some() {
            self.notify("A map is still being opened: wait for it to finish.");
            return;
        }
        let big = std::fs::metadata(&path).is_ok_and(|metadata| metadata.len() > READ_ON_WORKER_ABOVE_BYTES);
        if !big {
            let document = Document::open(path.clone());
            return self.opened(path, document);
        }
        let (sender, result) = std::sync::mpsc::channel();
        let worker_path = path.clone();
        std::thread::spawn(move || {
            // The app may be gone (the window closed); then nobody needs the map.
            let _ = sender.send(Document::open(worker_path));
        });
        self.open_job = Some(OpenJob { path, result });
    }

    /// Takes the map a worker has read, once it is there; keeps the status bar's spinner turning meanwhile.
    pub(super) fn poll_open(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.open_job else { return };
        match job.result.try_recv() {
            Ok(document) => {
                let path = job.path.clone();
                self.open_job = None;
                self.opened(path, document);
            }
            Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            Err(TryRecvError::Disconnected) => self.open_job = None,
        }
    }

    /// The file being opened, while a worker reads it.
    pub(super) fn opening_in_progress(&self) -> Option<String> {
        let job = self.open_job.as_ref()?;
        Some(job.path.file_name().map_or_else(|| job.path.display().to_string(), |name| name.to_string_lossy().into()))
    }

    fn opened(&mut self, path: PathBuf, document: Result<Document, LoadError>) {
        match document {
            Ok(document) => {
                self.prefs.remember_file(&path);
                self.replace_document(document);
                if MapView::is_big(self.document.map()) {
                    self.map_view.measure_later(self.document.map(), self.document.revision());
                }
            }
            Err(error) => {
                self.error =
                    Some(format!("The map was not opened; the current map stays.\n\n{}", error.lines().join("\n")));
            }
        }
    }
}
