//! The app's commands: each owns its menu text and keyboard shortcut, so that
//! menus, the shortcut handler and Help ▸ Keyboard shortcuts always agree.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    NewMap,
    CompareWith,
    Open,
    SaveAs,
    Save,
    Revert,
    Redo,
    Undo,
    DeleteSelection,
    SelectAll,
    Cut,
    Copy,
    Paste,
    Duplicate,
    FitAll,
    TidyUp,
    Find,
    ToggleMergePanel,
    ToggleMatrix,
    ToggleStory,
    Present,
    ToggleLegend,
    ToggleInspector,
    ToggleReader,
    ToggleTheme,
    PreviousEvent,
    NextEvent,
    FirstEvent,
    LastEvent,
    ClearSelection,
    PreviousDifference,
    NextDifference,
    ShowShortcuts,
    Quit,
}

impl Command {
    /// In the order shortcuts are matched: a shortcut with Shift comes before
    /// the same one without (egui lets Ctrl+Shift+Z also match Ctrl+Z).
    pub const ALL: [Command; 34] = [
        Self::NewMap,
        Self::CompareWith,
        Self::Open,
        Self::SaveAs,
        Self::Save,
        Self::Revert,
        Self::Redo,
        Self::Undo,
        Self::DeleteSelection,
        Self::SelectAll,
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::FitAll,
        Self::TidyUp,
        Self::Find,
        Self::ToggleMergePanel,
        Self::ToggleMatrix,
        Self::ToggleStory,
        Self::Present,
        Self::ToggleLegend,
        Self::ToggleInspector,
        Self::ToggleReader,
        Self::ToggleTheme,
        Self::Duplicate,
        Self::PreviousEvent,
        Self::NextEvent,
        Self::FirstEvent,
        Self::LastEvent,
        Self::ClearSelection,
        Self::PreviousDifference,
        Self::NextDifference,
        Self::ShowShortcuts,
        Self::Quit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewMap => "New map",
            Self::Open => "Open…",
            Self::CompareWith => "Compare with…",
            Self::SaveAs => "Save as…",
            Self::Save => "Save",
            Self::Revert => "Revert to saved",
            Self::Redo => "Redo",
            Self::Undo => "Undo",
            Self::DeleteSelection => "Delete",
            Self::SelectAll => "Select all",
            Self::Cut => "Cut",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::Duplicate => "Duplicate",
            Self::FitAll => "Fit map and timeline",
            Self::TidyUp => "Tidy up (the selection, or everything)",
            Self::Find => "Find and check",
            Self::ToggleMatrix => "Matrix / map",
            Self::ToggleMergePanel => "Merge conflicts panel",
            Self::ToggleStory => "Story panel",
            Self::Present => "Present the story",
            Self::ToggleLegend => "Legend: open or close",
            Self::ToggleInspector => "Inspector",
            Self::ToggleReader => "Source reader",
            Self::ToggleTheme => "Toggle dark / light",
            Self::PreviousEvent => "Previous event",
            Self::NextEvent => "Next event",
            Self::FirstEvent => "First event",
            Self::LastEvent => "Last event",
            Self::ClearSelection => "Clear selection",
            Self::PreviousDifference => "Previous difference or conflict",
            Self::NextDifference => "Next difference or conflict",
            Self::ShowShortcuts => "Keyboard shortcuts",
            Self::Quit => "Quit",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        match self {
            Self::NewMap => KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
            Self::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            Self::CompareWith => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
            Self::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            Self::Save => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            Self::Revert => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::R),
            Self::Redo => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            Self::Undo => KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
            Self::DeleteSelection => plain(Key::Delete),
            Self::SelectAll => KeyboardShortcut::new(Modifiers::COMMAND, Key::A),
            Self::Cut => KeyboardShortcut::new(Modifiers::COMMAND, Key::X),
            Self::Copy => KeyboardShortcut::new(Modifiers::COMMAND, Key::C),
            Self::Paste => KeyboardShortcut::new(Modifiers::COMMAND, Key::V),
            Self::Duplicate => KeyboardShortcut::new(Modifiers::COMMAND, Key::D),
            Self::FitAll => plain(Key::F),
            Self::TidyUp => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::L),
            Self::Find => KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
            Self::ToggleMatrix => KeyboardShortcut::new(Modifiers::COMMAND, Key::M),
            Self::ToggleMergePanel => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::M),
            Self::ToggleStory => plain(Key::F4),
            Self::Present => plain(Key::F5),
            Self::ToggleLegend => KeyboardShortcut::new(Modifiers::COMMAND, Key::L),
            Self::ToggleInspector => KeyboardShortcut::new(Modifiers::COMMAND, Key::I),
            Self::ToggleReader => KeyboardShortcut::new(Modifiers::COMMAND, Key::E),
            Self::ToggleTheme => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::D),
            Self::PreviousEvent => plain(Key::ArrowLeft),
            Self::NextEvent => plain(Key::ArrowRight),
            Self::FirstEvent => plain(Key::Home),
            Self::LastEvent => plain(Key::End),
            Self::ClearSelection => plain(Key::Escape),
            Self::PreviousDifference => KeyboardShortcut::new(Modifiers::SHIFT, Key::F7),
            Self::NextDifference => plain(Key::F7),
            Self::ShowShortcuts => plain(Key::F1),
            Self::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
        }
    }

    /// A second shortcut, where platforms differ (Ctrl+Y redoes on Windows).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        (self == Self::Redo).then_some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
    }

    /// Whether a focused text field (or an open menu) needs the keys of this
    /// command: bare keys, and undo/redo, which text fields do for themselves.
    pub fn defers_to_text_field(self) -> bool {
        self.shortcut().modifiers.is_none()
            || matches!(self, Self::Undo | Self::Redo | Self::SelectAll | Self::Cut | Self::Copy | Self::Paste)
    }

    /// The command a clipboard event stands for: the window turns Ctrl+X, C
    /// and V into these events rather than key presses.
    pub fn of_clipboard_event(event: &egui::Event) -> Option<Command> {
        match event {
            egui::Event::Cut => Some(Self::Cut),
            egui::Event::Copy => Some(Self::Copy),
            egui::Event::Paste(_) => Some(Self::Paste),
            _ => None,
        }
    }
}

/// Mouse and keyboard gestures that are not commands, for the shortcuts window.
pub const GESTURES: [(&str, &str); 22] = [
    ("Drop a .ron file on the window", "Open it"),
    ("Double-click the map", "Add a claim there (type its text, Enter)"),
    ("Drag a card", "Move it, or the whole selection (one undo step)"),
    ("Drag from the dot on a card's edge", "Draw a link onto another card, event or link"),
    ("Shift-click or Ctrl-click", "Add to the selection, or take out"),
    ("Shift-drag or Ctrl-drag the map", "Select everything in a box"),
    ("Arrow keys, with claims selected", "Move them (Shift: further)"),
    ("Paste text that is not from Argline", "Add it as a new claim"),
    ("Presenting: →, Space, Page Down / ←, Page Up", "Next / previous step"),
    ("Presenting: Home, End, or a number then Enter", "First, last, or that step"),
    ("Presenting: L / N / G / Esc", "Spotlight / speaker notes window / legend / stop presenting"),
    ("Double-click a timeline lane", "Add an event on that day (type its title, Enter)"),
    ("Drag an event on the timeline", "Change its date: by days, or by months or years for vaguer dates"),
    ("Ctrl + Y", "Redo"),
    ("Ctrl + wheel, or pinch", "Zoom the map or timeline about the cursor"),
    ("Drag, or wheel", "Pan the map or timeline"),
    ("Click", "Select an event, claim or link"),
    ("Ctrl + =  /  Ctrl + -", "Make everything larger / smaller"),
    ("Ctrl + 0", "Reset the interface size"),
    ("Drag the panel edges", "Resize the timeline and the inspector"),
    ("Click a link row in the inspector", "Go to the item at its other end"),
    ("Esc, with nothing selected", "Stop comparing with the key (View > Compare with key…)"),
];
