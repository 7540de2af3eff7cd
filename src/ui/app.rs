//! The application: one open document, the views over it, and the commands
//! that run after each UI pass. `show` draws everything and is what the
//! window, the UI tests and the frame benchmark all call.

mod analysis;
mod clipboard;
mod interchange;
mod navigation;
mod opening_files;
mod story;

use super::commands::Command;
use super::document::Document;
use super::files::{self, Dialog, FileChoice, Outcome, Purpose, Then};
use super::find_panel::FindPanel;
use super::inspector;
use super::map_view::{MapAction, MapView, item_name};
use super::matrix::{MatrixAction, MatrixView};
use super::opening::Opened;
use super::prefs::{Prefs, STORAGE_KEY, ThemeChoice};
use super::presenter::Presenter;
use super::recovery::{self, Autosave, Decision};
use super::selection::{Highlight, Origin, Selection};
use super::shell;
use super::story_panel::StoryPanel;
use super::timeline::{TimelineAction, TimelineView};
use crate::edit::{Transaction, commands};
use crate::model::{Claim, ClaimKind, ItemRef, Strength};

pub struct ArglineApp {
    document: Document,
    selection: Selection,
    map_view: MapView,
    timeline: TimelineView,
    prefs: Prefs,
    /// The theme last applied, and whether the high-contrast presentation look was on.
    applied_theme: Option<(ThemeChoice, bool)>,
    story_panel: StoryPanel,
    /// A presentation in progress.
    presenter: Option<Presenter>,
    /// What the central area shows: the map or the matrix.
    central_tab: CentralTab,
    matrix: MatrixView,
    find_panel: FindPanel,
    find_open: bool,
    shown_title: String,
    shortcuts_open: bool,
    /// The last thing that went wrong, shown until dismissed.
    error: Option<String>,
    /// An open file dialog or unsaved-changes question.
    dialog: Option<Dialog>,
    /// Whether Open and Save as start the system's file chooser (tests type paths).
    system_dialogs: bool,
    /// Set once the user agreed to close with unsaved changes.
    allowed_to_close: bool,
    inspector: inspector::InspectorState,
    /// A passing message for the status bar, and when it was first shown (UI time).
    notice: Option<(String, Option<f64>)>,
    /// Clipboard text that arrived with a paste this frame.
    pasted_text: Option<String>,
    /// Whether a text field had the keyboard last frame: egui lets go of a field
    /// on Escape before the shortcuts are read, and that Escape is the field's.
    text_field_had_keys: bool,
    /// An export running on its own thread: what it writes, and where its result arrives.
    export_job: Option<(String, std::sync::mpsc::Receiver<Result<String, String>>)>,
    /// A big map file being read on its own thread.
    open_job: Option<opening_files::OpenJob>,
    /// Writes unsaved work aside every 30 s.
    autosave: Autosave,
    /// Unsaved work found at start, offered back.
    recovery_offer: Option<crate::format::recovery::Recovered>,
}

/// What the central area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    Map,
    Matrix,
}

/// How long a notice stays in the status bar, in seconds.
const NOTICE_SECONDS: f64 = 6.0;

impl ArglineApp {
    pub fn new(document: Document, prefs: Prefs) -> Self {
        Self {
            document,
            selection: Selection::default(),
            map_view: MapView::default(),
            timeline: TimelineView::default(),
            prefs,
            applied_theme: None,
            story_panel: StoryPanel::default(),
            presenter: None,
            central_tab: CentralTab::Map,
            matrix: MatrixView::default(),
            find_panel: FindPanel::default(),
            find_open: false,
            shown_title: String::new(),
            shortcuts_open: false,
            error: None,
            dialog: None,
            system_dialogs: true,
            allowed_to_close: false,
            inspector: inspector::InspectorState::default(),
            notice: None,
            pasted_text: None,
            text_field_had_keys: false,
            export_job: None,
            open_job: None,
            autosave: Autosave::new(None),
            recovery_offer: None,
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
        self.system_dialogs = false;
        self
    }

    /// The app as the window starts it: preferences from eframe's storage.
    pub fn from_creation_context(creation: &eframe::CreationContext<'_>, opened: Opened) -> Self {
        let prefs = creation.storage.and_then(|storage| eframe::get_value(storage, STORAGE_KEY)).unwrap_or_default();
        let app = Self { map_view: opened.map_view, timeline: opened.timeline, ..Self::new(opened.document, prefs) };
        app.with_recovery_dir(recovery::default_dir())
    }

    /// Makes an edit as the app's own commands do (one undo step), for
    /// benches and tests that drive the app without its widgets.
    pub fn edit(&mut self, transaction: Transaction) -> Result<(), crate::edit::EditError> {
        self.document.apply(transaction)
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Where the map view looks now.
    pub fn map_viewport(&self) -> crate::model::Viewport {
        self.map_view.viewport()
    }

    /// Where the map view is on screen, as last drawn.
    pub fn map_view_rect(&self) -> egui::Rect {
        self.map_view.view_rect()
    }

    /// Moves the map view to look at `viewport` (eased, as a story step does).
    pub fn show_map_viewport(&mut self, viewport: crate::model::Viewport) {
        self.map_view.show_viewport(viewport);
    }

    /// The as-of date, while the timeline's cursor is on.
    pub fn as_of(&self) -> Option<chrono::NaiveDate> {
        self.timeline.as_of()
    }

    /// The dates the timeline shows now.
    pub fn timeline_window(&self) -> Option<crate::model::TimeWindow> {
        self.timeline.window()
    }

    /// What the current selection draws out in both views.
    pub fn highlight(&self) -> Highlight {
        Highlight::of(&self.selection, self.document.map())
    }

    /// The window title: the file name, marked while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let mark = if self.document.has_unsaved_changes() { "• " } else { "" };
        format!("{mark}{} — Argline", self.document.name)
    }

    /// Draws the whole window into `ui` and runs the commands chosen.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let high_contrast = self.presentation_visuals();
        if self.applied_theme != Some((self.prefs.theme, high_contrast.is_some())) {
            ctx.set_visuals_of(egui::Theme::Dark, high_contrast.clone().unwrap_or_else(egui::Visuals::dark));
            let theme =
                if high_contrast.is_some() { egui::ThemePreference::Dark } else { self.prefs.theme.preference() };
            ctx.set_theme(theme);
            self.applied_theme = Some((self.prefs.theme, high_contrast.is_some()));
        }
        let title = self.window_title();
        if self.shown_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if self.presenter.is_some() {
            self.presentation_ui(ui);
            self.autosave.tick(&ctx, &self.document);
            return;
        }
        let mut commands = self.shortcut_commands(&ctx);
        let notice = self.current_notice(&ctx);
        let mut map_actions = Vec::new();
        let mut timeline_actions = Vec::new();
        let revision = self.document.revision();
        let as_of = self.timeline.as_of();
        let faded = self.find_panel.faded(self.document.map(), revision, self.find_open, as_of);
        let highlight = self.highlight().fading(faded);
        let map = self.document.map();

        let mut file_choice = None;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let history = self.document.history();
            let edit_labels = shell::EditLabels { undo: history.undo_label(), redo: history.redo_label() };
            shell::menu_bar_ui(
                ui,
                self.prefs.inspector_open,
                &mut self.prefs.theme,
                &mut self.prefs.high_contrast_presentation,
                &edit_labels,
                &self.prefs.recent_files,
                &mut file_choice,
                &mut commands,
            );
        });
        egui::Panel::top("toolbar").show(ui, |ui| shell::toolbar_ui(ui, map, &mut commands));
        let selection_name = match self.selection.items() {
            [] => None,
            [item] => Some(item_name(map, item)),
            items => Some(format!("{} items", items.len())),
        };
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let busy = if let Some(path) = self.export_in_progress() {
                Some(format!("Exporting to {path}…"))
            } else if let Some(file) = self.opening_in_progress() {
                Some(format!("Opening {file}…"))
            } else {
                self.map_view.is_measuring().then(|| "Measuring the cards' text…".to_owned())
            };
            shell::status_bar_ui(ui, map, busy.as_deref(), notice.as_deref(), selection_name, self.map_view.zoom());
        });
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(TimelineView::preferred_height(map, 2))
            .size_range(120.0..=900.0)
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.timeline.ui(ui, map, revision, &mut self.selection, &highlight, &mut timeline_actions));
        let mut inspected = inspector::InspectorResponse::default();
        if self.prefs.inspector_open {
            egui::Panel::right("inspector").resizable(true).default_size(360.0).size_range(240.0..=700.0).show(
                ui,
                |ui| {
                    ui.add_space(6.0);
                    inspected = inspector::inspector_ui(ui, map, &self.selection, &mut self.inspector);
                },
            );
        }
        let mut found = None;
        if self.find_open {
            egui::Panel::left("find").resizable(true).default_size(320.0).size_range(240.0..=600.0).show(ui, |ui| {
                ui.add_space(6.0);
                found = self.find_panel.ui(ui, map, revision);
            });
        }
        let mut story_actions = Vec::new();
        if self.prefs.story_open {
            egui::Panel::left("story").resizable(true).default_size(300.0).size_range(220.0..=600.0).show(ui, |ui| {
                ui.add_space(6.0);
                story_actions = self.story_panel.ui(ui, map);
            });
        }
        let mut matrix_actions: Vec<MatrixAction> = Vec::new();
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            egui::Frame::NONE.inner_margin(egui::Margin::symmetric(8, 4)).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.central_tab, CentralTab::Map, "Map");
                    ui.selectable_value(&mut self.central_tab, CentralTab::Matrix, "Matrix");
                });
            });
            match self.central_tab {
                CentralTab::Map => {
                    self.map_view.ui(ui, map, revision, &mut self.selection, &highlight, &mut map_actions);
                }
                CentralTab::Matrix => {
                    egui::Frame::NONE.inner_margin(egui::Margin::same(8)).show(ui, |ui| {
                        matrix_actions = self.matrix.ui(ui, map, revision, as_of);
                    });
                }
            }
        });
        shell::shortcuts_window_ui(&ctx, &mut self.shortcuts_open);
        if let Some(message) = &self.error
            && shell::error_window_ui(&ctx, message)
        {
            self.error = None;
        }
        if let Some(item) = found {
            self.selection.select(item, Origin::Other);
        }
        self.run_inspector_response(inspected);
        for action in map_actions {
            self.run_map_action(action);
        }
        for action in timeline_actions {
            self.run_timeline_action(action);
        }
        for action in matrix_actions {
            self.run_matrix_action(action);
        }
        for action in story_actions {
            self.run_story_action(&ctx, action);
        }
        for command in commands {
            self.run(&ctx, command);
        }
        let dropped = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|file| file.path().to_owned()).find(|path| !path.as_os_str().is_empty())
        });
        match file_choice {
            Some(FileChoice::Recent(path)) => self.begin(&ctx, Then::OpenPath(path)),
            Some(FileChoice::Export(format)) => self.choose_path(Purpose::Export(format)),
            Some(FileChoice::Import(format)) => self.begin(&ctx, Then::Import(format)),
            None => {}
        }
        if let Some(path) = dropped {
            self.begin(&ctx, Then::OpenPath(path));
        }
        self.poll_export(&ctx);
        self.poll_open(&ctx);
        self.map_view.poll_measuring(&ctx);
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allowed_to_close
            && self.document.has_unsaved_changes()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard { then: Then::Quit });
        }
        self.dialog_ui(&ctx);
        self.text_field_had_keys = ctx.egui_wants_keyboard_input();
        self.autosave.tick(&ctx, &self.document);
        if let Some(failure) = self.autosave.take_failure() {
            self.notify(&format!("Unsaved work could not be written aside for recovery: {failure}"));
        }
        self.recovery_offer_ui(&ctx);
    }

    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(recovered) = &self.recovery_offer else { return };
        if self.dialog.is_some() {
            return;
        }
        match recovery::offer_ui(ctx, recovered) {
            None => {}
            Some(Decision::Later) => self.recovery_offer = None,
            Some(Decision::Discard) => {
                if let Some(recovered) = self.recovery_offer.take() {
                    let _ = std::fs::remove_file(&recovered.path);
                }
            }
            Some(Decision::Restore) => {
                if let Some(recovered) = self.recovery_offer.take() {
                    self.restore(recovered);
                }
            }
        }
    }

    /// Opens the document that `recovered` belongs to and brings the
    /// recovered work back as one undoable step, unsaved.
    fn restore(&mut self, recovered: crate::format::recovery::Recovered) {
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
            Err(error) => self.error = Some(format!("The recovered work could not be restored: {error}")),
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else { return };
        match files::dialog_ui(ctx, dialog, &self.document.name) {
            Outcome::Undecided => {}
            Outcome::Cancelled => self.dialog = None,
            Outcome::Discard(then) => {
                self.dialog = None;
                self.proceed(ctx, then);
            }
            Outcome::Chosen(purpose, path) => {
                self.dialog = None;
                match purpose {
                    Purpose::Open => self.open_path(path),
                    Purpose::SaveAs => self.save_to(path),
                    Purpose::Export(format) => self.export_to(format, path),
                    Purpose::Import(format) => self.import_from(format, path),
                }
            }
        }
    }

    /// Starts `then`, first asking before unsaved changes would be lost.
    fn begin(&mut self, ctx: &egui::Context, then: Then) {
        if self.document.has_unsaved_changes() {
            self.dialog = Some(Dialog::ConfirmDiscard { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Then) {
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
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn choose_path(&mut self, purpose: Purpose) {
        let chooser = self.system_dialogs.then(|| files::spawn_chooser(purpose, self.document.name.clone()));
        let typed = match (purpose, &self.document.path) {
            (Purpose::SaveAs, Some(path)) => path.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::ChoosePath { purpose, typed, chooser, started: std::time::Instant::now() });
    }

    fn replace_document(&mut self, document: Document) {
        if self.document.has_unsaved_changes() {
            // The user chose to let these changes go: their recovery file goes too.
            self.autosave.discard(&self.document.origin());
        }
        self.document = document;
        self.selection.clear();
        self.map_view.request_fit();
        self.timeline.request_fit();
    }

    fn save(&mut self) {
        match (&self.document.path, self.document.read_only) {
            (Some(path), false) => self.save_to(path.clone()),
            _ => self.choose_path(Purpose::SaveAs),
        }
    }

    fn save_to(&mut self, path: std::path::PathBuf) {
        let origin = self.document.origin();
        match self.document.save_as(path.clone()) {
            Ok(()) => {
                self.prefs.remember_file(&path);
                self.autosave.discard(&origin);
                self.autosave.discard(&self.document.origin());
            }
            Err(error) => self.error = Some(format!("{error}\n\nThe file on disk was left as it was.")),
        }
    }

    fn revert(&mut self) {
        if let Some(path) = self.document.path.clone()
            && !self.document.read_only
        {
            self.open_path(path);
        } else if self.document.read_only {
            self.replace_document_with_case_study();
        }
    }

    fn replace_document_with_case_study(&mut self) {
        match Document::case_study() {
            Ok(document) => self.replace_document(document),
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Shows `message` in the status bar for a few seconds.
    fn notify(&mut self, message: &str) {
        self.notice = Some((message.to_owned(), None));
    }

    /// The notice to show this frame, dropped once it has been shown long enough.
    fn current_notice(&mut self, ctx: &egui::Context) -> Option<String> {
        let now = ctx.input(|i| i.time);
        let (message, since) = self.notice.as_mut()?;
        let since = *since.get_or_insert(now);
        if now - since > NOTICE_SECONDS {
            self.notice = None;
            return None;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTICE_SECONDS));
        Some(message.clone())
    }

    /// The commands whose shortcuts were pressed this frame. Keys that a
    /// focused text field, an open menu or a question on the map needs are
    /// left to them; so are the arrow keys while claims are selected (they move them).
    fn shortcut_commands(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let keys_taken = ctx.egui_wants_keyboard_input()
            || self.text_field_had_keys
            || egui::Popup::is_any_open(ctx)
            || self.map_view.is_asking();
        let arrows_move_claims = self.selection.claims().next().is_some();
        let matrix_keys = self.central_tab == CentralTab::Matrix && self.matrix.wants_keys();
        let mut commands: Vec<Command> = Command::ALL
            .into_iter()
            .filter(|command| !(keys_taken && command.defers_to_text_field()))
            .filter(|command| !(arrows_move_claims && matches!(command, Command::PreviousEvent | Command::NextEvent)))
            .filter(|command| !(matrix_keys && command.shortcut().modifiers.is_none()))
            .filter(|command| {
                ctx.input_mut(|input| {
                    input.consume_shortcut(&command.shortcut())
                        || command.alternative_shortcut().is_some_and(|shortcut| input.consume_shortcut(&shortcut))
                })
            })
            .collect();
        if !keys_taken {
            ctx.input(|input| {
                for event in &input.events {
                    if let egui::Event::Paste(text) = event {
                        self.pasted_text = Some(text.clone());
                    }
                    commands.extend(Command::of_clipboard_event(event));
                }
            });
        }
        commands
    }

    fn apply(&mut self, transaction: Transaction) {
        if let Err(error) = self.document.apply(transaction) {
            self.error = Some(format!("That change could not be made: {error}"));
        }
    }

    /// Goes where the inspector's link rows lead and applies its edits, each
    /// typing gesture merging into one undo step.
    fn run_inspector_response(&mut self, response: inspector::InspectorResponse) {
        if let Some(item) = response.go_to {
            inspector::go_to(&mut self.selection, item);
        }
        for edit in response.edits {
            let applied = match edit.gesture {
                Some(gesture) => self.document.apply_gesture(edit.transaction, gesture),
                None => self.document.apply(edit.transaction),
            };
            if let Err(error) = applied {
                self.error = Some(format!("That change could not be made: {error}"));
            }
        }
    }

    fn run_map_action(&mut self, action: MapAction) {
        let map = self.document.map();
        match action {
            MapAction::Move { moves, gesture } => {
                let transaction = commands::move_claims(map, &moves);
                if let Err(error) = self.document.apply_gesture(transaction, gesture) {
                    self.error = Some(format!("The claims could not be moved: {error}"));
                }
            }
            MapAction::AddLink { from, to, relation } => {
                match commands::new_link(map, from, to, relation, Strength::Moderate) {
                    Ok((transaction, id)) => {
                        self.apply(transaction);
                        self.selection.select(ItemRef::Link(id), Origin::Map);
                    }
                    Err(error) => self.notify(&format!("No link was made: {error}.")),
                }
            }
            MapAction::Explain(message) => self.notify(&message),
            MapAction::AddClaim { position, text } => {
                let id = commands::fresh_id(map, &text);
                let claim = Claim::new(id.clone(), ClaimKind::Claim, text, position);
                let transaction = commands::add_claim(map, claim);
                self.apply(transaction);
                self.selection.select(ItemRef::Claim(id.into()), Origin::Map);
            }
        }
    }

    fn run_timeline_action(&mut self, action: TimelineAction) {
        let map = self.document.map();
        match action {
            TimelineAction::AddEvent { lane, date, title } => {
                let id: crate::model::EventId = commands::fresh_id(map, &title).into();
                let event = crate::model::Event::new(id.clone(), date, title, lane);
                self.apply(commands::add_event(map, event));
                self.selection.select(ItemRef::Event(id), Origin::Timeline);
            }
            TimelineAction::MoveEvent { id, date, end, gesture } => {
                let Some(event) = map.event(&id) else { return };
                let moved = crate::model::Event { date, end, ..event.clone() };
                let applied = commands::update_event(map, moved, "Change event date")
                    .and_then(|transaction| self.document.apply_gesture(transaction, gesture));
                if let Err(error) = applied {
                    self.error = Some(format!("The event could not be moved: {error}"));
                }
            }
        }
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewMap => self.begin(ctx, Then::New),
            Command::Open => self.begin(ctx, Then::Open),
            Command::Save => self.save(),
            Command::SaveAs => self.choose_path(Purpose::SaveAs),
            Command::Revert => {
                if self.document.has_unsaved_changes() {
                    self.revert();
                }
            }
            Command::Undo => match self.document.undo() {
                Ok(_) => self.selection.retain_existing(self.document.map()),
                Err(error) => self.error = Some(format!("Undo failed: {error}")),
            },
            Command::Redo => match self.document.redo() {
                Ok(_) => self.selection.retain_existing(self.document.map()),
                Err(error) => self.error = Some(format!("Redo failed: {error}")),
            },
            Command::DeleteSelection => {
                if !self.selection.is_empty() {
                    let transaction = commands::delete(self.document.map(), self.selection.items());
                    self.apply(transaction);
                    self.selection.clear();
                }
            }
            Command::SelectAll => {
                let map = self.document.map();
                let everything = map
                    .claims
                    .iter()
                    .map(|c| ItemRef::Claim(c.id.clone()))
                    .chain(map.events.iter().map(|e| ItemRef::Event(e.id.clone())))
                    .chain(map.links.iter().map(|l| ItemRef::Link(l.id.clone())));
                self.selection.select_many(everything, false, Origin::Map);
            }
            Command::Copy => {
                self.copy(ctx);
            }
            Command::Cut => self.cut(ctx),
            Command::Paste => match self.pasted_text.take() {
                Some(text) => self.paste(&text),
                // Chosen from the menu: ask the window for the clipboard; it arrives as a paste event.
                None => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            },
            Command::Duplicate => self.duplicate(),
            Command::FitAll => {
                self.map_view.request_fit();
                self.timeline.request_fit();
            }
            Command::ToggleMatrix => {
                self.central_tab =
                    if self.central_tab == CentralTab::Matrix { CentralTab::Map } else { CentralTab::Matrix };
            }
            Command::TidyUp => self.tidy_up(),
            Command::Find => {
                if self.find_open && !ctx.egui_wants_keyboard_input() {
                    self.find_open = false;
                } else {
                    self.find_open = true;
                    self.find_panel.focus();
                }
            }
            Command::ToggleStory => self.prefs.story_open = !self.prefs.story_open,
            Command::Present => self.start_presenting(ctx, self.story_panel.current.unwrap_or(0)),
            Command::ToggleInspector => self.prefs.inspector_open = !self.prefs.inspector_open,
            Command::ToggleTheme => {
                self.prefs.theme =
                    if ctx.global_style().visuals.dark_mode { ThemeChoice::Light } else { ThemeChoice::Dark };
            }
            Command::PreviousEvent => self.step_event(-1),
            Command::NextEvent => self.step_event(1),
            Command::FirstEvent => self.step_to_end(false),
            Command::LastEvent => self.step_to_end(true),
            Command::ClearSelection => self.selection.clear(),
            Command::ShowShortcuts => self.shortcuts_open = true,
            Command::Quit => self.begin(ctx, Then::Quit),
        }
    }
}

impl eframe::App for ArglineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.prefs);
    }

    /// Not while presenting: the next start must not inherit the presentation's large zoom.
    fn persist_egui_memory(&self) -> bool {
        self.presenter.is_none()
    }
}
