//! What runs before every UI pass, whatever the window shows — editing,
//! presenting, a dialog open, the matrix tab: the workers' results taken
//! (an export, a big map read, the cards' text measured), unsaved work
//! written aside, the window's title and theme kept up to date, the file
//! looked at for changes made by others (`disk_changes`), the comparison with
//! another file and with a key kept current, and the question before the window closes with
//! unsaved changes.

use super::ArglineApp;
use super::source_texts::Attaching;
use crate::format::LoadError;
use crate::ui::disk_dialog::DiskChange;
use crate::ui::document::Document;
use crate::ui::files::{Dialog, Then};
use crate::ui::job::{self, Job};
use crate::ui::map_view::LegendShown;
use std::path::PathBuf;

/// How often to look at running workers.
const POLL_JOBS_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// The app's work off the UI thread.
#[derive(Default)]
pub struct Jobs {
    /// An export: the message to show when it is written, or why it failed.
    pub export: Option<Job<Result<String, String>>>,
    /// A big map file being read.
    pub open: Option<Job<(PathBuf, Result<Document, LoadError>)>>,
    /// The document's file, changed on disk, being read and compared with the map as last loaded or saved.
    pub disk: Option<Job<DiskChange>>,
    /// A folder of source texts being read and matched to the map's sources.
    pub attach: Option<Job<Attaching>>,
    /// The open map being compared with another file: the differences, or why the file could not be read.
    pub comparison: Option<Job<Result<crate::ui::compare::Compared, String>>>,
    /// The open map being compared with a key: the comparison, or why the key could not be read.
    pub key_comparison: Option<Job<Result<crate::ui::key_compare::KeyCompared, String>>>,
}

impl Jobs {
    /// What is running, for the status bar.
    pub fn busy(&self) -> Option<&str> {
        let running = [
            self.export.as_ref().map(Job::what),
            self.open.as_ref().map(Job::what),
            self.disk.as_ref().map(Job::what),
            self.attach.as_ref().map(Job::what),
            self.comparison.as_ref().map(Job::what),
            self.key_comparison.as_ref().map(Job::what),
        ];
        running.into_iter().flatten().next()
    }
}

impl ArglineApp {
    /// Everything that must happen every frame, before the UI pass.
    pub(super) fn logic(&mut self, ctx: &egui::Context) {
        self.apply_theme(ctx);
        let title = self.window_title();
        if self.window.shown_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.shown_title = title;
        }
        self.take_finished_jobs(ctx);
        let legend = match (self.presenter.is_some(), self.prefs.legend_when_presenting, self.prefs.legend_open) {
            (true, false, _) => LegendShown::Hidden,
            (true, true, _) | (false, _, true) => LegendShown::Expanded,
            (false, _, false) => LegendShown::Collapsed,
        };
        self.views.map_view.set_legend(legend);
        self.views.map_view.poll_measuring(ctx);
        self.autosave.tick(ctx, &self.document);
        if let Some(failure) = self.autosave.take_failure() {
            self.notifications.notice(format!("Unsaved work could not be written aside for recovery: {failure}"));
        }
        self.watch_disk(ctx);
        self.refresh_comparison();
        self.refresh_key_comparison();
        self.ask_before_closing(ctx);
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let high_contrast = self.presentation_visuals();
        if self.window.applied_theme != Some((self.prefs.theme, high_contrast.is_some())) {
            ctx.set_visuals_of(egui::Theme::Dark, high_contrast.clone().unwrap_or_else(egui::Visuals::dark));
            let theme =
                if high_contrast.is_some() { egui::ThemePreference::Dark } else { self.prefs.theme.preference() };
            ctx.set_theme(theme);
            self.window.applied_theme = Some((self.prefs.theme, high_contrast.is_some()));
        }
    }

    fn take_finished_jobs(&mut self, ctx: &egui::Context) {
        match job::take_finished(&mut self.jobs.export) {
            Some(Ok(Ok(message))) => self.notifications.notice(message),
            Some(Ok(Err(error))) => self.notifications.problem(format!("The export failed: {error}")),
            Some(Err(lost)) => self.notifications.problem(format!("The export failed: {lost}.")),
            None => {}
        }
        match job::take_finished(&mut self.jobs.open) {
            Some(Ok((path, document))) => self.opened(path, document),
            Some(Err(lost)) => self.notifications.problem(format!("The map was not opened: {lost}.")),
            None => {}
        }
        match job::take_finished(&mut self.jobs.disk) {
            Some(Ok(change)) => self.changed_on_disk(change),
            Some(Err(lost)) => self.notifications.problem(format!("The file changed on disk was not read: {lost}.")),
            None => {}
        }
        match job::take_finished(&mut self.jobs.attach) {
            Some(Ok(attaching)) => self.attached(attaching),
            Some(Err(lost)) => self.notifications.problem(format!("No source text was attached: {lost}.")),
            None => {}
        }
        if self.jobs.busy().is_some() {
            ctx.request_repaint_after(POLL_JOBS_EVERY);
        }
    }

    /// Keeps the window open and asks, when it is asked to close with unsaved changes.
    fn ask_before_closing(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.window.allowed_to_close
            && self.document.has_unsaved_changes()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard { then: Then::Quit });
        }
    }
}
