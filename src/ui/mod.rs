//! The eframe application: a shell (menus, toolbar, status bar) around the
//! argument map, the timeline and the inspector. The UI reads the document and
//! keeps its own view state (selection, zoom, pan); the views push what the
//! user asks for onto one action queue, which the app runs after each UI
//! pass: nothing edits the map directly.

mod action;
mod app;
mod assignment_dialog;
mod commands;
mod compare;
mod difference_marks;
mod disk_dialog;
mod document;
mod files;
mod find_panel;
mod fonts;
mod inspector;
mod job;
mod key_compare;
pub mod map_view;
mod matrix;
mod merge_panel;
mod notifications;
mod opening;
mod prefs;
mod presenter;
mod quote_checks;
mod reader;
mod recovery;
mod score_chart;
mod selection;
mod shell;
mod story_panel;
mod text_measure;
mod theme;
mod timeline;
mod transition;

pub use action::Action;
pub use app::ArglineApp;
pub use commands::Command;
pub use document::Document;
pub use files::Purpose;
pub use prefs::{Prefs, ThemeChoice};
pub use selection::{Highlight, Origin, Selection};
pub use theme::Difference;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Sets up fonts (with the CJK fallback) on a context; the window and the UI tests both call it.
pub fn install_fonts(ctx: &egui::Context) {
    fonts::install(ctx);
}

/// Opens the window on `file`, or on the bundled case study when there is
/// none. The file is read and measured on a worker thread while the window
/// opens. `launched` is when the program started, for `--quit-after-frames`.
pub fn run_window(file: Option<PathBuf>, quit_after_frames: Option<u32>, launched: Instant) -> ExitCode {
    let opening = opening::start(file.clone());
    let title = file
        .as_deref()
        .and_then(|path| path.file_name())
        .map_or_else(|| crate::CASE_STUDY_NAME.to_owned(), |name| name.to_string_lossy().into_owned());
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([720.0, 480.0])
        .with_title(format!("{title} — Argline"))
        .with_app_id("argline");
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => eprintln!("argline: the window icon could not be read: {error}"),
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    let load_error = std::rc::Rc::new(std::cell::RefCell::new(None));
    let load_error_seen = load_error.clone();
    let result = eframe::run_native(
        "Argline",
        options,
        Box::new(move |creation| {
            install_fonts(&creation.egui_ctx);
            let opened = opening::finish(opening).map_err(|error| {
                let message = error.to_string();
                *load_error_seen.borrow_mut() = Some(error);
                message
            })?;
            let app = ArglineApp::from_creation_context(creation, opened);
            Ok(match quit_after_frames {
                Some(frames) => Box::new(QuitAfterFrames { app, frames, launched }),
                None => Box::new(app),
            })
        }),
    );
    if let Some(error) = load_error.borrow_mut().take() {
        for line in error.lines() {
            eprintln!("{line}");
        }
        return ExitCode::FAILURE;
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("argline: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The app, leaving by itself once a number of frames are on screen
/// (`argline --quit-after-frames N`), for measuring start-up and memory: it
/// prints how long after launch they were shown, and exits at once, without
/// saving the window's state.
struct QuitAfterFrames {
    app: ArglineApp,
    frames: u32,
    launched: Instant,
}

impl eframe::App for QuitAfterFrames {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // A frame starts once the one before it was painted and presented.
        let shown = ui.ctx().cumulative_frame_nr();
        if shown >= u64::from(self.frames) {
            let seconds = self.launched.elapsed().as_secs_f64();
            println!("argline: {shown} frame(s) shown {seconds:.3} s after launch");
            std::process::exit(0);
        }
        self.app.ui(ui, frame);
        ui.ctx().request_repaint();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }
}
