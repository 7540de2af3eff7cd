//! The eframe application: a shell (menus, toolbar, status bar) around the
//! argument map, the timeline and the inspector. The UI reads the document and
//! keeps its own view state (selection, zoom, pan); it never edits the map
//! directly.

mod app;
mod commands;
mod document;
mod files;
mod find_panel;
mod fonts;
mod inspector;
pub mod map_view;
mod matrix;
mod prefs;
mod presenter;
mod recovery;
mod score_chart;
mod selection;
mod shell;
mod story_panel;
mod text_measure;
mod theme;
mod timeline;
mod transition;

pub use app::ArglineApp;
pub use commands::Command;
pub use document::Document;
pub use prefs::{Prefs, ThemeChoice};
pub use selection::{Highlight, Origin, Selection};

use std::path::PathBuf;
use std::process::ExitCode;

/// Sets up fonts (with the CJK fallback) on a context; the window and the UI tests both call it.
pub fn install_fonts(ctx: &egui::Context) {
    fonts::install(ctx);
}

/// Opens the window on `file`, or on the bundled case study when there is none.
pub fn run_window(file: Option<PathBuf>, quit_after_frames: Option<u32>) -> ExitCode {
    let document = match file {
        Some(path) => Document::open(path),
        None => Document::case_study(),
    };
    let document = match document {
        Ok(document) => document,
        Err(error) => {
            for line in error.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([720.0, 480.0])
        .with_title(format!("{} — Argline", document.name))
        .with_app_id("argline");
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => eprintln!("argline: the window icon could not be read: {error}"),
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    let result = eframe::run_native(
        "Argline",
        options,
        Box::new(|creation| {
            install_fonts(&creation.egui_ctx);
            let app = ArglineApp::from_creation_context(creation, document);
            Ok(match quit_after_frames {
                Some(frames_left) => Box::new(QuitAfterFrames { app, frames_left }),
                None => Box::new(app),
            })
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("argline: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The app, closing its window by itself after a number of frames
/// (`argline --quit-after-frames N`), for measuring start-up and memory.
struct QuitAfterFrames {
    app: ArglineApp,
    frames_left: u32,
}

impl eframe::App for QuitAfterFrames {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.frames_left = self.frames_left.saturating_sub(1);
        if self.frames_left == 0 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }
}
