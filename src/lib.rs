//! Argline: argument maps of competing explanations, linked to a dated timeline
//! of evidence.
//!
//! The core (`model`, `format`, `export`, `import`, `interchange`, `generate`, `vcs`, `sources`) is plain Rust with no egui; the `ui`
//! module is the eframe application, which changes a map only through edit
//! commands.

pub mod analysis;
pub mod cli;
pub mod edit;
pub mod export;
pub mod format;
pub mod generate;
pub mod import;
mod interchange;
pub mod layout;
pub mod model;
pub mod sources;
#[cfg(feature = "gui")]
pub mod ui;
pub mod vcs;

/// The bundled case study, embedded so that `argline` with no file opens it.
pub const CASE_STUDY_RON: &str = include_str!("../sample_maps/us_china_cyber_2013_2015.ron");
/// The name the bundled case study goes by in messages and the title bar.
pub const CASE_STUDY_NAME: &str = "us_china_cyber_2013_2015.ron";
