//! The application: one open document, the views over it, and the actions
//! they queue. eframe runs [`ArglineApp`]'s `logic` before every UI pass —
//! workers, autosave, the window's title and theme, and the question before
//! closing, presenting or not (`background`) — and then its `ui`, which draws
//! ([`ArglineApp::show`], each view pushing [`Action`]s) and runs the queued
//! actions once, after the pass, in one place (`handling`). The window, the
//! UI tests (built as eframe builds the app) and the frame bench all go
//! through these.

mod assigning;
mod background;
mod clipboard;
mod comparing;
mod disk_changes;
mod drawing;
mod file_commands;
mod handling;
mod interchange;
mod key_comparing;
mod navigation;
mod opening_files;
mod source_texts;
mod story;
mod views;

use super::action::{Action, Actions};
use super::compare::Comparison;
use super::document::Document;
use super::files::Dialog;
use super::key_compare::KeyComparison;
use super::merge_panel::MergePanel;
use super::notifications::Notifications;
use super::opening::Opened;
use super::prefs::{Prefs, STORAGE_KEY, ThemeChoice};
use super::presenter::Presenter;
use super::recovery::{self, Autosave};
use super::selection::{Highlight, Selection};
use crate::edit::Transaction;
use background::Jobs;
pub use views::CentralTab;
use views::Views;

pub struct ArglineApp {
    document: Document,
    prefs: Prefs,
    /// The panels and what they show: view state, never the document.
    views: Views,
    /// What the views asked for this frame, run after the UI pass.
    actions: Actions,
    /// Work running off the UI thread.
    jobs: Jobs,
    /// Writes unsaved work aside every 30 s.
    autosave: Autosave,
    /// Unsaved work found at start, offered back.
    recovery_offer: Option<crate::format::recovery::Recovered>,
    /// An open file dialog or unsaved-changes question.
    dialog: Option<Dialog>,
    /// A presentation in progress.
    presenter: Option<Presenter>,
    notifications: Notifications,
    window: WindowState,
    /// The document's file, looked at for changes made by others.
    disk_watch: disk_changes::DiskWatch,
    /// The map compared with another file (File ▸ Compare with…).
    comparison: Option<Comparison>,
    /// The map marked against a teacher's key (View ▸ Compare with key…).
    key_comparison: Option<KeyComparison>,
    /// What the assignment being saved leaves out, while its path is chosen.
    pending_assignment: Option<crate::teaching::AssignmentOptions>,
    merge_panel: MergePanel,
}

/// What the app keeps about the window itself.
#[derive(Default)]
struct WindowState {
    /// The theme last applied, and whether the high-contrast presentation look was on.
    applied_theme: Option<(ThemeChoice, bool)>,
    shown_title: String,
    /// Whether Open and Save as start the system's file chooser (tests type paths).
    system_dialogs: bool,
    /// Set once the user agreed to close with unsaved changes.
    allowed_to_close: bool,
    /// Clipboard text that arrived with a paste this frame.
    pasted_text: Option<String>,
    /// Whether a text field had the keyboard last frame: egui lets go of a field
    /// on Escape before the shortcuts are read, and that Escape is the field's.
    text_field_had_keys: bool,
}

impl ArglineApp {
    pub fn new(document: Document, prefs: Prefs) -> Self {
        Self::with_views(document, prefs, Views::new(Default::default(), Default::default()))
    }

    fn with_views(document: Document, prefs: Prefs, views: Views) -> Self {
        Self {
            document,
            prefs,
            views,
            actions: Actions::default(),
            jobs: Jobs::default(),
            autosave: Autosave::new(None),
            recovery_offer: None,
            dialog: None,
            presenter: None,
            notifications: Notifications::default(),
            window: WindowState { system_dialogs: true, ..WindowState::default() },
            disk_watch: disk_changes::DiskWatch::default(),
            comparison: None,
            key_comparison: None,
            pending_assignment: None,
            merge_panel: MergePanel::default(),
        }
    }

    /// Keeps recovery files in `dir` (none: no autosave), and offers back
    /// unsaved work found there that is newer than its document.
    pub fn with_recovery_dir(mut self, dir: Option<std::path::PathBuf>) -> Self {
        self.autosave = Autosave::new(dir);
        self.recovery_offer = self.autosave.pending();
        self
    }

    /// The app without the system file chooser: Open and Save as only ask for
    /// a typed path (for tests, and where no chooser can run).
    pub fn without_system_dialogs(mut self) -> Self {
        self.window.system_dialogs = false;
        self
    }

    /// The app as the window starts it: preferences from eframe's storage.
    pub fn from_creation_context(creation: &eframe::CreationContext<'_>, opened: Opened) -> Self {
        let prefs = creation.storage.and_then(|storage| eframe::get_value(storage, STORAGE_KEY)).unwrap_or_default();
        let app = Self::with_views(opened.document, prefs, Views::new(opened.map_view, opened.timeline));
        app.with_recovery_dir(recovery::default_dir())
    }

    /// Makes an edit as the app's own actions do (one undo step), for
    /// benches and tests that drive the app without its widgets.
    pub fn edit(&mut self, transaction: Transaction) -> Result<(), crate::edit::EditError> {
        self.document.apply(transaction)
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn selection(&self) -> &Selection {
        &self.views.selection
    }

    /// The preferences as they would be stored now.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Where the map view looks now.
    pub fn map_viewport(&self) -> crate::model::Viewport {
        self.views.map_view.viewport()
    }

    /// Where the map view is on screen, as last drawn.
    pub fn map_view_rect(&self) -> egui::Rect {
        self.views.map_view.view_rect()
    }

    /// Where the map drew `item` (a card or a chip) on screen last frame.
    pub fn map_screen_rect_of(&self, item: &crate::model::ItemRef) -> Option<egui::Rect> {
        let item = crate::layout::map_geometry::map_item(self.document.index(), item)?;
        self.views.map_view.drawn_rect(item)
    }

    /// Moves the map view to look at `viewport` (eased, as a story step does).
    pub fn show_map_viewport(&mut self, viewport: crate::model::Viewport) {
        self.views.map_view.show_viewport(viewport);
    }

    /// The as-of date, while the timeline's cursor is on.
    pub fn as_of(&self) -> Option<chrono::NaiveDate> {
        self.views.timeline.as_of()
    }

    /// The dates the timeline shows now.
    pub fn timeline_window(&self) -> Option<crate::model::TimeWindow> {
        self.views.timeline.window()
    }

    /// What the timeline drew last frame: its plot, each event's marks and
    /// each label (with the event's place in `map.events`), on screen.
    pub fn timeline_drawn(&self) -> (egui::Rect, &super::timeline::DrawnRects, &super::timeline::DrawnRects) {
        let timeline = &self.views.timeline;
        (timeline.plot_rect(), timeline.drawn_events(), timeline.drawn_labels())
    }

    /// What the current selection draws out in both views.
    pub fn highlight(&self) -> Highlight {
        Highlight::of(&self.views.selection, self.document.map(), self.document.index())
    }

    /// The items the comparison with another file marks, and how each differs (none when not comparing).
    pub fn difference_marks(&self) -> Vec<(crate::model::ItemRef, super::theme::Difference)> {
        self.comparison.as_ref().map(Comparison::marks).unwrap_or_default()
    }

    /// What the app's workers are doing, when any is running (as the status bar says).
    pub fn working_on(&self) -> Option<&str> {
        self.jobs.busy()
    }

    /// The items the comparison with a key marks, and how (none when not comparing with a key).
    pub fn key_marks(&self) -> Vec<(crate::model::ItemRef, super::theme::Difference)> {
        self.key_comparison.as_ref().map(KeyComparison::marks).unwrap_or_default()
    }

    /// The score line of the comparison with a key, while there is one.
    pub fn key_score(&self) -> Option<String> {
        self.key_comparison.as_ref().map(|comparison| comparison.tally().score_line())
    }

    /// The window title: the file name, marked while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let mark = if self.document.has_unsaved_changes() { "• " } else { "" };
        format!("{mark}{} — Argline", self.document.name)
    }

    /// A whole frame, as eframe runs one: the work before the UI pass, the
    /// pass, and the actions it queued. For the frame bench, which drives
    /// the app without eframe.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        self.show(ui);
        self.run_actions(&ctx);
    }

    /// Queues `action` as a view would (for tests that drive the app without its widgets).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }
}

impl eframe::App for ArglineApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        ArglineApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.show(ui);
        self.run_actions(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.prefs);
    }

    /// Not while presenting: the next start must not inherit the presentation's large zoom.
    fn persist_egui_memory(&self) -> bool {
        self.presenter.is_none()
    }
}
