//! Never losing work to a crash: every 30 seconds, unsaved changes are
//! written to a recovery file in the user's data folder, on a background
//! thread so that a big map never stalls a frame; the file goes once the work
//! is saved or knowingly discarded. At start, recovered work newer than its
//! document is offered back.

use super::document::Document;
use crate::format::recovery::{self, Origin, Recovered};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// How often unsaved work is written aside.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// The folder recovery files live in: `$ARGLINE_DATA_DIR` if set, else the
/// platform's data folder for Argline (e.g. `~/.local/share/argline`).
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os("ARGLINE_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir).join("recovery")),
        _ => eframe::storage_dir("argline").map(|dir| dir.join("recovery")),
    }
}

/// Writes recovery files for one window.
pub struct Autosave {
    dir: Option<PathBuf>,
    /// The document revision last written (or found saved), so unchanged work is not rewritten.
    written_revision: u64,
    /// UI time of the last write, or of the first unsaved change since.
    due_from: Option<f64>,
    /// A write in progress: its result arrives here.
    writing: Option<Receiver<Result<PathBuf, String>>>,
    /// Why the last write failed, until it is reported.
    failure: Option<String>,
}

impl Autosave {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir, written_revision: 0, due_from: None, writing: None, failure: None }
    }

    /// Called every frame: starts a write when unsaved work is 30 s old, and collects finished writes.
    pub fn tick(&mut self, ctx: &egui::Context, document: &Document) {
        if let Some(receiver) = &self.writing {
            match receiver.try_recv() {
                Ok(Ok(_)) => self.writing = None,
                Ok(Err(message)) => (self.writing, self.failure) = (None, Some(message)),
                Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(100)),
                Err(TryRecvError::Disconnected) => self.writing = None,
            }
        }
        let Some(dir) = &self.dir else { return };
        if !document.has_unsaved_changes() || document.revision() == self.written_revision {
            self.due_from = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.due_from.get_or_insert(now);
        let interval = AUTOSAVE_INTERVAL.as_secs_f64();
        if now - since < interval {
            ctx.request_repaint_after(Duration::from_secs_f64(interval - (now - since)));
            return;
        }
        if self.writing.is_some() {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let (dir, origin, map) = (dir.clone(), document.origin(), document.map().clone());
        std::thread::spawn(move || {
            let result = recovery::write_recovery(&dir, &origin, &map).map_err(|error| error.to_string());
            let _ = sender.send(result);
        });
        self.writing = Some(receiver);
        self.written_revision = document.revision();
        self.due_from = Some(now);
    }

    /// Why the last write failed, once.
    pub fn take_failure(&mut self) -> Option<String> {
        self.failure.take()
    }

    /// Removes the recovery file of `origin`: its work was saved or discarded.
    pub fn discard(&mut self, origin: &Origin) {
        if let Some(receiver) = self.writing.take() {
            // Let a write in flight land first, so that it cannot bring the file back.
            let _ = receiver.recv_timeout(Duration::from_secs(10));
        }
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_file(recovery::recovery_path(dir, origin));
        }
        self.due_from = None;
    }

    /// The newest recovered work newer than its document, if any.
    pub fn pending(&self) -> Option<Recovered> {
        recovery::pending_recoveries(self.dir.as_deref()?).into_iter().next()
    }
}

/// What the user decided about recovered work.
pub enum Decision {
    Restore,
    Discard,
    Later,
}

/// Asks whether to restore `recovered`.
pub fn offer_ui(ctx: &egui::Context, recovered: &Recovered) -> Option<Decision> {
    let mut decision = None;
    egui::Modal::new(egui::Id::unique("offer-recovery")).show(ctx, |ui| {
        ui.heading("Recover unsaved work?");
        let when = chrono::DateTime::<chrono::Local>::from(recovered.written).format("%-d %b %Y, %H:%M");
        ui.label(format!(
            "Argline found changes to {} that were not saved, written aside at {when}.",
            recovered.origin.describe()
        ));
        ui.label(format!(
            "The recovered map has {} events, {} claims and {} links.",
            recovered.map.events.len(),
            recovered.map.claims.len(),
            recovered.map.links.len()
        ));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                decision = Some(Decision::Restore);
            }
            if ui.button("Discard it").clicked() {
                decision = Some(Decision::Discard);
            }
            if ui.button("Not now").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                decision = Some(Decision::Later);
            }
        });
        ui.label(egui::RichText::new("“Not now” keeps the recovery file for the next start.").small().weak());
    });
    decision
}
