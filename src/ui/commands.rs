//! The app's commands: each owns its menu text and keyboard shortcut, so that
//! menus, the shortcut handler and Help ▸ Keyboard shortcuts always agree.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    FitAll,
    ToggleInspector,
    ToggleTheme,
    PreviousEvent,
    NextEvent,
    FirstEvent,
    LastEvent,
    ClearSelection,
    ShowShortcuts,
    Quit,
}

impl Command {
    pub const ALL: [Command; 10] = [
        Self::FitAll,
        Self::ToggleInspector,
        Self::ToggleTheme,
        Self::PreviousEvent,
        Self::NextEvent,
        Self::FirstEvent,
        Self::LastEvent,
        Self::ClearSelection,
        Self::ShowShortcuts,
        Self::Quit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::FitAll => "Fit map and timeline",
            Self::ToggleInspector => "Inspector",
            Self::ToggleTheme => "Toggle dark / light",
            Self::PreviousEvent => "Previous event",
            Self::NextEvent => "Next event",
            Self::FirstEvent => "First event",
            Self::LastEvent => "Last event",
            Self::ClearSelection => "Clear selection",
            Self::ShowShortcuts => "Keyboard shortcuts",
            Self::Quit => "Quit",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        match self {
            Self::FitAll => plain(Key::F),
            Self::ToggleInspector => KeyboardShortcut::new(Modifiers::COMMAND, Key::I),
            Self::ToggleTheme => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::D),
            Self::PreviousEvent => plain(Key::ArrowLeft),
            Self::NextEvent => plain(Key::ArrowRight),
            Self::FirstEvent => plain(Key::Home),
            Self::LastEvent => plain(Key::End),
            Self::ClearSelection => plain(Key::Escape),
            Self::ShowShortcuts => plain(Key::F1),
            Self::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
        }
    }

    /// Whether the shortcut is a bare key that a focused text field would need.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().modifiers.is_none()
    }
}

/// Mouse and keyboard gestures that are not commands, for the shortcuts window.
pub const GESTURES: [(&str, &str); 7] = [
    ("Ctrl + wheel, or pinch", "Zoom the map or timeline about the cursor"),
    ("Drag, or wheel", "Pan the map or timeline"),
    ("Click", "Select an event, claim or link"),
    ("Ctrl + =  /  Ctrl + -", "Make everything larger / smaller"),
    ("Ctrl + 0", "Reset the interface size"),
    ("Drag the panel edges", "Resize the timeline and the inspector"),
    ("Click a link row in the inspector", "Go to the item at its other end"),
];
