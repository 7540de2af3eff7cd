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
}

impl Default for Prefs {
    fn default() -> Self {
        Self { theme: ThemeChoice::System, inspector_open: true }
    }
}
