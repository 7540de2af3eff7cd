//! The window's first document, opened on a worker thread while the window
//! itself opens: reading and checking the file and measuring every card's
//! text and every event's label run beside the graphics set-up, not after it,
//! and a map of thousands of claims is measured after its first frame, so
//! that it is on screen as soon as the window is.

use super::document::Document;
use super::map_view::MapView;
use super::text_measure::TextMeasure;
use super::timeline::TimelineView;
use crate::format::LoadError;
use std::path::PathBuf;
use std::thread::JoinHandle;

/// A document read, checked and measured, ready for its first frame.
pub struct Opened {
    pub document: Document,
    pub map_view: MapView,
    pub timeline: TimelineView,
}

/// Starts opening `file`, or the bundled case study when there is none.
pub fn start(file: Option<PathBuf>) -> JoinHandle<Result<Opened, LoadError>> {
    std::thread::spawn(move || {
        let document = match file {
            Some(path) => Document::open(path),
            None => Document::case_study(),
        }?;
        // The window's fonts: egui's, the system's (eframe adds them), then the bundled CJK font.
        let window_fonts = || TextMeasure::new(egui::Visuals::default().text_options, true);
        let timeline = TimelineView::measured(document.map(), document.revision(), window_fonts());
        let measure = window_fonts();
        let map_view = if MapView::is_big(document.map()) {
            MapView::measuring_later(&document, measure)
        } else {
            MapView::measured(&document, measure)
        };
        Ok(Opened { document, map_view, timeline })
    })
}

/// Waits for the opening to finish (a panic on the worker goes on here).
pub fn finish(opening: JoinHandle<Result<Opened, LoadError>>) -> Result<Opened, LoadError> {
    opening.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
