//! The frame around the views: menu bar, toolbar, status bar, and the
//! keyboard shortcuts window. Each queues what the user chose; the app runs
//! it after the UI pass.

use super::action::{Action, Actions};
use super::commands::{Command, GESTURES};
use super::prefs::ThemeChoice;
use crate::export::Format;
use crate::import::ImportFormat;
use crate::model::{Counts, Map};
use egui::{Button, RichText, Ui};

fn command_button(ui: &mut Ui, command: Command, actions: &mut Actions) {
    let shortcut = ui.ctx().format_shortcut(&command.shortcut());
    if ui.add(Button::new(command.label()).shortcut_text(shortcut)).clicked() {
        actions.command(command);
    }
}

/// What the menus show that changes: the checked items, the recent files, and
/// what Undo and Redo would do now ("Undo Move 3 claims").
pub struct MenuState<'a> {
    pub inspector_open: bool,
    pub theme: ThemeChoice,
    pub high_contrast: bool,
    pub legend_when_presenting: bool,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub recent_files: &'a [std::path::PathBuf],
}

fn history_button(ui: &mut Ui, command: Command, label: Option<&str>, actions: &mut Actions) {
    let shortcut = ui.ctx().format_shortcut(&command.shortcut());
    let text = label.map_or_else(|| command.label().to_owned(), |label| format!("{} {label}", command.label()));
    if ui.add_enabled(label.is_some(), Button::new(text).shortcut_text(shortcut)).clicked() {
        actions.command(command);
    }
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, actions: &mut Actions) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, Command::NewMap, actions);
            command_button(ui, Command::Open, actions);
            ui.add_enabled_ui(!state.recent_files.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in state.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            actions.push(Action::OpenFile(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            command_button(ui, Command::Save, actions);
            command_button(ui, Command::SaveAs, actions);
            command_button(ui, Command::Revert, actions);
            command_button(ui, Command::CompareWith, actions);
            if ui.button("New assignment from this map…").clicked() {
                actions.push(Action::NewAssignment);
            }
            ui.separator();
            ui.menu_button("Export", |ui| {
                for format in Format::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        actions.push(Action::ChooseExportPath(format));
                    }
                }
            });
            if ui.button("Attach source texts…").clicked() {
                actions.push(Action::ChooseTextsFolder);
            }
            ui.menu_button("Import", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        actions.push(Action::Import(format));
                    }
                }
            });
            ui.separator();
            command_button(ui, Command::Quit, actions);
        });
        ui.menu_button("Edit", |ui| {
            history_button(ui, Command::Undo, state.undo, actions);
            history_button(ui, Command::Redo, state.redo, actions);
            ui.separator();
            command_button(ui, Command::Cut, actions);
            command_button(ui, Command::Copy, actions);
            command_button(ui, Command::Paste, actions);
            command_button(ui, Command::Duplicate, actions);
            command_button(ui, Command::DeleteSelection, actions);
            ui.separator();
            command_button(ui, Command::SelectAll, actions);
            ui.separator();
            command_button(ui, Command::TidyUp, actions);
        });
        ui.menu_button("View", |ui| {
            command_button(ui, Command::FitAll, actions);
            command_button(ui, Command::Find, actions);
            command_button(ui, Command::ToggleMatrix, actions);
            command_button(ui, Command::ToggleStory, actions);
            command_button(ui, Command::ToggleReader, actions);
            command_button(ui, Command::ToggleMergePanel, actions);
            if ui.button("Compare with key…").clicked() {
                actions.push(Action::ChooseKey);
            }
            command_button(ui, Command::Present, actions);
            let mut high_contrast = state.high_contrast;
            if ui.checkbox(&mut high_contrast, "High-contrast presentation").changed() {
                actions.push(Action::SetHighContrastPresentation(high_contrast));
            }
            let mut legend = state.legend_when_presenting;
            if ui.checkbox(&mut legend, "Legend while presenting").changed() {
                actions.push(Action::SetLegendWhenPresenting(legend));
            }
            command_button(ui, Command::ToggleLegend, actions);
            ui.separator();
            let shortcut = ui.ctx().format_shortcut(&Command::ToggleInspector.shortcut());
            let text = if state.inspector_open { "Hide inspector" } else { "Show inspector" };
            if ui.add(Button::new(text).shortcut_text(shortcut)).clicked() {
                actions.command(Command::ToggleInspector);
            }
            ui.separator();
            ui.label(RichText::new("Theme").weak());
            for (choice, label) in
                [(ThemeChoice::System, "Follow the system"), (ThemeChoice::Light, "Light"), (ThemeChoice::Dark, "Dark")]
            {
                if ui.radio(state.theme == choice, label).clicked() {
                    actions.push(Action::SetTheme(choice));
                }
            }
            command_button(ui, Command::ToggleTheme, actions);
            ui.separator();
            egui::gui_zoom::zoom_menu_buttons(ui);
        });
        ui.menu_button("Navigate", |ui| {
            for command in [
                Command::PreviousEvent,
                Command::NextEvent,
                Command::FirstEvent,
                Command::LastEvent,
                Command::ClearSelection,
                Command::PreviousDifference,
                Command::NextDifference,
            ] {
                command_button(ui, command, actions);
            }
        });
        ui.menu_button("Help", |ui| {
            command_button(ui, Command::ShowShortcuts, actions);
        });
    });
}

pub fn toolbar_ui(ui: &mut Ui, map: &Map, actions: &mut Actions) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&map.meta.title).strong().size(15.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let tool = |ui: &mut Ui, text: &str, command: Command, actions: &mut Actions| {
                let hover = format!("{} ({})", command.label(), ui.ctx().format_shortcut(&command.shortcut()));
                if ui.button(text).on_hover_text(hover).clicked() {
                    actions.command(command);
                }
            };
            tool(ui, "Inspector", Command::ToggleInspector, actions);
            tool(ui, "Dark / light", Command::ToggleTheme, actions);
            tool(ui, "Next event", Command::NextEvent, actions);
            tool(ui, "Previous event", Command::PreviousEvent, actions);
            tool(ui, "Fit", Command::FitAll, actions);
        });
    });
}

/// The status bar: a passing notice if there is one, else the map's counts;
/// the selection and the zoom on the right.
/// While `busy` (work running off the UI thread), a spinner and what it does come first.
pub fn status_bar_ui(
    ui: &mut Ui,
    map: &Map,
    busy: Option<&str>,
    notice: Option<&str>,
    selection_name: Option<String>,
    map_zoom: f32,
) {
    let counts = Counts::of(map);
    ui.horizontal(|ui| {
        if let Some(busy) = busy {
            ui.spinner();
            ui.label(RichText::new(busy).strong());
            ui.separator();
        }
        match notice {
            Some(notice) => ui.label(RichText::new(notice).strong()),
            None => ui.label(format!(
                "{} events ({} spans) · {} lanes · {} claims ({} explanations) · {} links · {} sources",
                counts.events,
                counts.spans,
                counts.lanes,
                counts.claims,
                counts.explanations,
                counts.links,
                counts.sources
            )),
        };
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(format!("Map zoom {:.0} %", map_zoom * 100.0));
            if let Some(name) = selection_name {
                ui.separator();
                ui.add(egui::Label::new(format!("Selected: {name}")).truncate());
            }
        });
    });
}

pub fn shortcuts_window_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts").open(open).collapsible(false).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
            for command in Command::ALL {
                ui.label(RichText::new(ctx.format_shortcut(&command.shortcut())).monospace());
                ui.label(command.label());
                ui.end_row();
            }
            for (gesture, meaning) in GESTURES {
                ui.label(RichText::new(gesture).monospace());
                ui.label(meaning);
                ui.end_row();
            }
        });
    });
}
