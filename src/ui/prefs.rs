//! Preferences remembered between runs in eframe's storage: never the
//! document, only how the user likes the window.

use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "argline.prefs";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub inspector_open: bool,
    /// Files opened or saved lately, the latest first.
    pub recent_files: Vec<std::path::PathBuf>,
    pub story_open: bool,
    /// Present in black and white with bright highlights, for weak projectors.
    pub high_contrast_presentation: bool,
    /// The map's legend open (else only its header shows).
    pub legend_open: bool,
    /// The legend over the map while presenting too (else it is hidden then).
    pub legend_when_presenting: bool,
    /// The question whose matrix the matrix tab shows, where a map asks it
    /// (else the map's first question).
    pub matrix_question: Option<crate::model::ClaimId>,
}

/// How many files File ▸ Open Recent lists.
const RECENT_FILES: usize = 8;

impl Prefs {
    pub fn remember_file(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|recent| recent != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(RECENT_FILES);
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            inspector_open: true,
            recent_files: Vec::new(),
            story_open: false,
            high_contrast_presentation: false,
            legend_open: false,
            legend_when_presenting: false,
            matrix_question: None,
        }
    }
}
