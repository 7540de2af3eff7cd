//! The document's file in other hands (a `git pull`, another editor). The
//! window looks at it when it gains focus and every 2 s — a stat; the file is
//! read (off the UI thread) only when its size or time changed. With no unsaved edits a newer
//! file is reloaded, as one undo step ("Reload from disk"), so that Undo gives
//! back what was shown; with edits the user is asked: keep mine, take theirs,
//! or merge three ways with the file as last loaded or saved. A save checks
//! the file at the moment of writing (`Document::save_as`), and a newer file
//! opens the same question instead of being overwritten; a save with merge
//! conflicts left asks first. Settling those conflicts is here too.

use super::ArglineApp;
use crate::format::{FileStamp, SaveError};
use crate::ui::disk_dialog::{DiskChange, DiskChoice};
use crate::ui::files::Dialog;
use crate::ui::job::Job;
use crate::vcs::Side;
use std::path::{Path, PathBuf};

/// How often the file is looked at, besides whenever the window gains focus.
const CHECK_EVERY_SECONDS: f64 = 2.0;

/// What the app knows about the document's file between checks.
#[derive(Debug, Default)]
pub struct DiskWatch {
    /// When the file was last looked at (UI time, seconds).
    last_check: Option<f64>,
    /// Whether the window had the focus last frame.
    focused: bool,
    /// A version of the file the user was told about and chose to pass over
    /// (kept theirs, or it cannot be read): not asked about again.
    passed_over: Option<PassedOver>,
}

#[derive(Debug)]
enum PassedOver {
    /// The file was gone.
    Missing,
    Version(FileStamp),
}

impl PassedOver {
    /// The file at `path` as it is now.
    fn of_file(path: &Path) -> Self {
        match FileStamp::of_file(path) {
            Ok(Some(stamp)) => Self::Version(stamp),
            _ => Self::Missing,
        }
    }

    /// Whether the file at `path` is still this version.
    fn is_still(&self, path: &Path) -> bool {
        match self {
            Self::Missing => !path.exists(),
            Self::Version(stamp) => stamp.changed_on_disk(path).is_ok_and(|changed| !changed),
        }
    }
}

/// What a save has already been told.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveChecks {
    /// The user agreed to save with merge conflicts left.
    pub conflicts_accepted: bool,
    /// The user agreed to replace a newer file on disk.
    pub replace_newer: bool,
}

impl ArglineApp {
    /// Looks at the document's file when the window gains focus and every
    /// [`CHECK_EVERY_SECONDS`]; called before every frame.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.document.read_only || self.document.on_disk().is_none() {
            return;
        }
        let (now, focused) = ctx.input(|i| (i.time, i.viewport().focused.unwrap_or(false)));
        let gained_focus = focused && !self.disk_watch.focused;
        self.disk_watch.focused = focused;
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(CHECK_EVERY_SECONDS));
        let due = self.disk_watch.last_check.is_none_or(|last| now - last >= CHECK_EVERY_SECONDS);
        if !(gained_focus || due) || self.dialog.is_some() || self.jobs.open.is_some() || self.jobs.disk.is_some() {
            return;
        }
        self.disk_watch.last_check = Some(now);
        self.check_disk();
    }

    fn check_disk(&mut self) {
        let (Some(path), Some(on_disk)) = (self.document.path.clone(), self.document.on_disk()) else { return };
        // A file that cannot be looked at now (permissions, a network drive away) is left to the next save.
        if !on_disk.stamp.changed_on_disk(&path).unwrap_or(false)
            || self.disk_watch.passed_over.as_ref().is_some_and(|passed| passed.is_still(&path))
        {
            return;
        }
        let name = self.document.name.clone();
        if !path.exists() {
            self.disk_watch.passed_over = Some(PassedOver::Missing);
            self.notifications
                .notice(format!("{name} is no longer on disk (moved or deleted); saving writes it again."));
            return;
        }
        let base = on_disk.base.clone();
        let what = format!("Reading {name}, changed on disk");
        self.jobs.disk = Some(Job::spawn(what, move || DiskChange::read(path, false, Some(&base))));
    }

    /// Reloads the newer file read off the UI thread, or asks about it when
    /// there are unsaved edits; a file read for a map no longer open is dropped.
    pub(super) fn changed_on_disk(&mut self, change: DiskChange) {
        if self.document.path.as_deref() != Some(change.path.as_path()) || self.dialog.is_some() {
            return;
        }
        let name = self.document.name.clone();
        match (&change.disk, self.document.has_unsaved_changes()) {
            (Ok(_), false) => {
                if self.take_theirs(change, "Reload from disk") {
                    self.notifications.notice(format!(
                        "{name} changed on disk and was reloaded. Undo brings back what was shown before."
                    ));
                }
            }
            (Err(error), false) => {
                self.notifications.problem(format!(
                    "{name} changed on disk, and cannot be read as a map now; the map here stays as it was, and \
                     saving asks before replacing the file.\n\n{error}"
                ));
                self.disk_watch.passed_over = Some(PassedOver::of_file(&change.path));
            }
            (_, true) => self.dialog = Some(Dialog::ChangedOnDisk(Box::new(change))),
        }
    }

    /// Takes the newer file in place of the map, as one undo step; returns whether it did.
    fn take_theirs(&mut self, change: DiskChange, label: &str) -> bool {
        let Ok((map, stamp)) = change.disk else { return false };
        if let Err(error) = self.document.take_from_disk(map, stamp, label) {
            self.notifications.problem(format!("The file on disk could not be taken in: {error}"));
            return false;
        }
        self.views.selection.retain_existing(self.document.index());
        self.disk_watch.passed_over = None;
        self.merge_panel.hidden = false;
        true
    }

    /// Does what the user chose about the newer file on disk.
    pub(super) fn choose_on_disk_change(&mut self, choice: DiskChoice) {
        let Some(Dialog::ChangedOnDisk(change)) = self.dialog.take() else { return };
        let change = *change;
        match choice {
            DiskChoice::KeepMine => {
                self.disk_watch.passed_over = Some(match &change.disk {
                    Ok((_, stamp)) => PassedOver::Version(stamp.clone()),
                    Err(_) => PassedOver::of_file(&change.path),
                });
                self.notifications
                    .notice("The map here stays as it is; the file on disk too, and saving asks before replacing it.");
            }
            DiskChoice::Cancel => self.notifications.notice("Nothing was saved."),
            DiskChoice::ReplaceTheirs => {
                self.save_checked(change.path, SaveChecks { conflicts_accepted: true, replace_newer: true });
            }
            DiskChoice::TakeTheirs => {
                if self.take_theirs(change, "Take the file on disk") {
                    self.notifications.notice("The map is now the file on disk. Undo brings your version back.");
                }
            }
            DiskChoice::Merge => self.merge_with_disk(change),
        }
    }

    /// Merges the map here with the newer file, three ways, as one undo step.
    fn merge_with_disk(&mut self, change: DiskChange) {
        let (Ok((disk, stamp)), Some(on_disk)) = (change.disk, self.document.on_disk()) else { return };
        let merged = crate::vcs::merge(&on_disk.base, self.document.map(), &disk);
        let (merged, new_conflicts) = match merged {
            Ok(merged) => merged,
            Err(error) => {
                return self.notifications.problem(format!(
                    "The map here and the file on disk could not be merged: {error}. Nothing changed; you will be \
                     asked again."
                ));
            }
        };
        if let Err(error) = self.document.take_merge(&merged, disk, stamp) {
            return self.notifications.problem(format!("The merge could not be taken in: {error}"));
        }
        self.views.selection.retain_existing(self.document.index());
        self.disk_watch.passed_over = None;
        self.merge_panel.hidden = false;
        self.notifications.notice(match new_conflicts {
            0 => "Merged with the file on disk, without conflicts. Save to write the merge.".to_owned(),
            1 => "Merged with the file on disk: one conflict to settle in the merge panel.".to_owned(),
            n => format!("Merged with the file on disk: {n} conflicts to settle in the merge panel."),
        });
    }

    /// Saves the map to `path`, asking first about merge conflicts left, and
    /// about a newer file there, unless `checks` says the user was asked.
    pub(super) fn save_checked(&mut self, path: PathBuf, checks: SaveChecks) {
        let conflicts = self.document.map().conflicts.len();
        if conflicts > 0 && !checks.conflicts_accepted {
            self.dialog = Some(Dialog::SaveWithConflicts { path, conflicts });
            return;
        }
        let origin = self.document.origin();
        match self.document.save_as(path.clone(), checks.replace_newer) {
            Ok(()) => {
                self.prefs.remember_file(&path);
                self.autosave.discard(&origin);
                self.autosave.discard(&self.document.origin());
                self.disk_watch.passed_over = None;
            }
            Err(SaveError::ChangedOnDisk { path }) => {
                let base = self.document.on_disk().map(|on_disk| &on_disk.base);
                self.dialog = Some(Dialog::ChangedOnDisk(Box::new(DiskChange::read(path, true, base))));
            }
            Err(error) => self.notifications.problem(format!("{error}\n\nThe file on disk was left as it was.")),
        }
    }

    /// Settles merge conflict `index` with `side`'s version, or as the map holds it now; one undo step.
    pub(super) fn settle_conflict(&mut self, index: usize, side: Option<Side>) {
        let map = self.document.map();
        let settled = match side {
            Some(side) => crate::vcs::resolve_conflict(map, index, side),
            None => crate::vcs::keep_as_is(map, index),
        };
        match settled {
            Ok(transaction) => {
                self.apply(transaction);
                self.views.selection.retain_existing(self.document.index());
                if self.document.map().conflicts.is_empty() {
                    self.notifications.notice("Every conflict is settled. Save to write the map.");
                }
            }
            Err(error) => self.notifications.problem(format!("The conflict was not settled: {error}")),
        }
    }
}
