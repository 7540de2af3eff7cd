//! Never losing work to a crash: every 30 seconds, unsaved changes are
//! written to a recovery file in the user's data folder, on a background
//! thread so that a big map never stalls a frame; the file goes once the work
//! is saved or knowingly discarded. At start, recovered work newer than its
//! document is offered back.

use super::action::{Action, Actions};
use super::document::Document;
use super::job::{self, Job};
use crate::format::recovery::{self, Origin, Recovered};
use std::path::PathBuf;
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
    /// A write in progress.
    writing: Option<Job<Result<PathBuf, String>>>,
    /// Why the last write failed, until it is reported.
    failure: Option<String>,
}

impl Autosave {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir, written_revision: 0, due_from: None, writing: None, failure: None }
    }

    /// Called before every frame: starts a write when unsaved work is 30 s old, and collects finished writes.
    pub fn tick(&mut self, ctx: &egui::Context, document: &Document) {
        match job::take_finished(&mut self.writing) {
            Some(Ok(Ok(_))) => {}
            Some(Ok(Err(message))) => self.failure = Some(message),
            Some(Err(lost)) => self.failure = Some(lost.to_string()),
            None if self.writing.is_some() => ctx.request_repaint_after(Duration::from_millis(100)),
            None => {}
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
        let (dir, origin, map) = (dir.clone(), document.origin(), document.map().clone());
        self.writing = Some(Job::spawn("Writing unsaved work aside", move || {
            recovery::write_recovery(&dir, &origin, &map).map_err(|error| error.to_string())
        }));
        self.written_revision = document.revision();
        self.due_from = Some(now);
    }

    /// Why the last write failed, once.
    pub fn take_failure(&mut self) -> Option<String> {
        self.failure.take()
    }

    /// Removes the recovery file of `origin`: its work was saved or discarded.
    pub fn discard(&mut self, origin: &Origin) {
        if let Some(writing) = self.writing.take() {
            // Let a write in flight land first, so that it cannot bring the file back.
            let _ = writing.wait(Duration::from_secs(10));
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

/// Asks whether to restore `recovered`; queues the answer.
pub fn offer_ui(ctx: &egui::Context, recovered: &Recovered, actions: &mut Actions) {
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
                actions.push(Action::RestoreRecovered);
            }
            if ui.button("Discard it").clicked() {
                actions.push(Action::DiscardRecovered);
            }
            if ui.button("Not now").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                actions.push(Action::RecoverLater);
            }
        });
        ui.label(egui::RichText::new("“Not now” keeps the recovery file for the next start.").small().weak());
    });
}
