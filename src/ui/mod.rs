//! The eframe application: the window over one map document.

use crate::format;
use crate::model::{Counts, Map};
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the window on `file`, or on the bundled case study when there is none.
pub fn run_window(file: Option<PathBuf>) -> ExitCode {
    let map = match &file {
        Some(path) => format::load_file(path),
        None => format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME),
    };
    let map = match map {
        Ok(map) => map,
        Err(error) => {
            for line in error.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Argline",
        options,
        Box::new(|_creation| Ok(Box::new(PlainApp { map }))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("argline: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

struct PlainApp {
    map: Map,
}

impl eframe::App for PlainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.map.meta.title);
            ui.label(&self.map.meta.summary);
            for (name, value) in Counts::of(&self.map).rows() {
                ui.label(format!("{name}: {value}"));
            }
        });
    }
}
