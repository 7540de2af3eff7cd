//! The frame around the views: menu bar, toolbar, status bar, and the
//! keyboard shortcuts window. Each returns the commands the user chose; the
//! app runs them after the UI pass.

use super::commands::{Command, GESTURES};
use super::files::FileChoice;
use super::prefs::ThemeChoice;
use crate::export::Format;
use crate::import::ImportFormat;
use crate::model::{Counts, Map};
use egui::{Button, RichText, Ui};

fn command_button(ui: &mut Ui, command: Command, commands: &mut Vec<Command>) {
    let shortcut = ui.ctx().format_shortcut(&command.shortcut());
    if ui.add(Button::new(command.label()).shortcut_text(shortcut)).clicked() {
        commands.push(command);
    }
}

/// What Undo and Redo would do now, for the Edit menu ("Undo Move 3 claims").
pub struct EditLabels<'a> {
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

fn history_button(ui: &mut Ui, command: Command, label: Option<&str>, commands: &mut Vec<Command>) {
    let shortcut = ui.ctx().format_shortcut(&command.shortcut());
    let text = label.map_or_else(|| command.label().to_owned(), |label| format!("{} {label}", command.label()));
    if ui.add_enabled(label.is_some(), Button::new(text).shortcut_text(shortcut)).clicked() {
        commands.push(command);
    }
}

#[allow(clippy::too_many_arguments)]
pub fn menu_bar_ui(
    ui: &mut Ui,
    inspector_open: bool,
    theme: &mut ThemeChoice,
    high_contrast: &mut bool,
    edit_labels: &EditLabels<'_>,
    recent_files: &[std::path::PathBuf],
    file_choice: &mut Option<FileChoice>,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, Command::NewMap, commands);
            command_button(ui, Command::Open, commands);
            ui.add_enabled_ui(!recent_files.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            *file_choice = Some(FileChoice::Recent(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            command_button(ui, Command::Save, commands);
            command_button(ui, Command::SaveAs, commands);
            command_button(ui, Command::Revert, commands);
            ui.separator();
            ui.menu_button("Export", |ui| {
                for format in Format::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        *file_choice = Some(FileChoice::Export(format));
                    }
                }
            });
            ui.menu_button("Import", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        *file_choice = Some(FileChoice::Import(format));
                    }
                }
            });
            ui.separator();
            command_button(ui, Command::Quit, commands);
        });
        ui.menu_button("Edit", |ui| {
            history_button(ui, Command::Undo, edit_labels.undo, commands);
            history_button(ui, Command::Redo, edit_labels.redo, commands);
            ui.separator();
            command_button(ui, Command::Cut, commands);
            command_button(ui, Command::Copy, commands);
            command_button(ui, Command::Paste, commands);
            command_button(ui, Command::Duplicate, commands);
            command_button(ui, Command::DeleteSelection, commands);
            ui.separator();
            command_button(ui, Command::SelectAll, commands);
            ui.separator();
            command_button(ui, Command::TidyUp, commands);
        });
        ui.menu_button("View", |ui| {
            command_button(ui, Command::FitAll, commands);
            command_button(ui, Command::Find, commands);
            command_button(ui, Command::ToggleMatrix, commands);
            command_button(ui, Command::ToggleStory, commands);
            command_button(ui, Command::Present, commands);
            ui.checkbox(high_contrast, "High-contrast presentation");
            ui.separator();
            let shortcut = ui.ctx().format_shortcut(&Command::ToggleInspector.shortcut());
            let text = if inspector_open { "Hide inspector" } else { "Show inspector" };
            if ui.add(Button::new(text).shortcut_text(shortcut)).clicked() {
                commands.push(Command::ToggleInspector);
            }
            ui.separator();
            ui.label(RichText::new("Theme").weak());
            ui.radio_value(theme, ThemeChoice::System, "Follow the system");
            ui.radio_value(theme, ThemeChoice::Light, "Light");
            ui.radio_value(theme, ThemeChoice::Dark, "Dark");
            command_button(ui, Command::ToggleTheme, commands);
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
            ] {
                command_button(ui, command, commands);
            }
        });
        ui.menu_button("Help", |ui| {
            command_button(ui, Command::ShowShortcuts, commands);
        });
    });
}

pub fn toolbar_ui(ui: &mut Ui, map: &Map, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&map.meta.title).strong().size(15.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let tool = |ui: &mut Ui, text: &str, command: Command, commands: &mut Vec<Command>| {
                let hover = format!("{} ({})", command.label(), ui.ctx().format_shortcut(&command.shortcut()));
                if ui.button(text).on_hover_text(hover).clicked() {
                    commands.push(command);
                }
            };
            tool(ui, "Inspector", Command::ToggleInspector, commands);
            tool(ui, "Dark / light", Command::ToggleTheme, commands);
            tool(ui, "Next event", Command::NextEvent, commands);
            tool(ui, "Previous event", Command::PreviousEvent, commands);
            tool(ui, "Fit", Command::FitAll, commands);
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

/// Shows `message` in a window; returns whether the user dismissed it.
pub fn error_window_ui(ctx: &egui::Context, message: &str) -> bool {
    let mut dismissed = false;
    egui::Window::new("Something went wrong").collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label(message);
        dismissed = ui.button("OK").clicked();
    });
    dismissed
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
