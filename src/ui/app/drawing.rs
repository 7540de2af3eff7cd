//! Drawing the window: the menu bar, toolbar and status bar around the map or
//! the matrix, the timeline, the inspector, the find and story panels, and
//! the dialogs over them — or the presentation. Drawing changes nothing:
//! every view pushes what the user asked for onto the app's action queue.

use super::{ArglineApp, CentralTab};
use crate::ui::action::Action;
use crate::ui::commands::Command;
use crate::ui::files;
use crate::ui::inspector;
use crate::ui::recovery;
use crate::ui::shell::{self, MenuState};
use crate::ui::timeline::TimelineView;

impl ArglineApp {
    /// Draws the whole window into `ui`, queueing what the user asks for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.presenter.is_some() {
            self.presentation_ui(ui);
        } else {
            self.editing_ui(ui);
        }
        if let Some(dialog) = &mut self.dialog {
            files::dialog_ui(&ctx, dialog, &self.document.name, &mut self.actions);
        } else if let Some(recovered) = &self.recovery_offer {
            recovery::offer_ui(&ctx, recovered, &mut self.actions);
        }
        self.window.text_field_had_keys = ctx.egui_wants_keyboard_input();
    }

    /// The window while editing: every panel.
    fn editing_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcut_actions(&ctx);
        let notice = self.notifications.current_notice(&ctx);
        let revision = self.document.revision();
        let as_of = self.views.timeline.as_of();
        let views = &mut self.views;
        let document = &self.document;
        let map = document.map();
        let faded = views.find_panel.faded(map, revision, views.find_open, as_of);
        let highlight = views.highlight(&self.document).fading(faded);
        let actions = &mut self.actions;
        let comparison = self.comparison.as_ref();
        let key_comparison = self.key_comparison.as_ref();

        egui::Panel::top("menu_bar").show(ui, |ui| {
            let history = self.document.history();
            let state = MenuState {
                inspector_open: self.prefs.inspector_open,
                theme: self.prefs.theme,
                high_contrast: self.prefs.high_contrast_presentation,
                legend_when_presenting: self.prefs.legend_when_presenting,
                undo: history.undo_label(),
                redo: history.redo_label(),
                recent_files: &self.prefs.recent_files,
            };
            shell::menu_bar_ui(ui, &state, actions);
        });
        egui::Panel::top("toolbar").show(ui, |ui| shell::toolbar_ui(ui, map, actions));
        let selection_name = match views.selection.items() {
            [] => None,
            [item] => Some(map.item_name(item)),
            items => Some(crate::edit::bulk::describe(items)),
        };
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let busy = self
                .jobs
                .busy()
                .map(str::to_owned)
                .or_else(|| views.map_view.is_measuring().then(|| "Measuring the cards' text…".to_owned()));
            shell::status_bar_ui(ui, map, busy.as_deref(), notice.as_deref(), selection_name, views.map_view.zoom());
        });
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(TimelineView::preferred_height(map, 2))
            .size_range(120.0..=900.0)
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                views.timeline.ui(ui, document, &views.selection, &highlight, actions);
                if let Some(comparison) = comparison {
                    comparison.drawn.paint_timeline_marks(ui, &views.timeline);
                }
                if let Some(key_comparison) = key_comparison {
                    key_comparison.drawn.paint_timeline_marks(ui, &views.timeline);
                }
            });
        if self.merge_panel.is_shown(map) {
            egui::Panel::bottom("merge_panel")
                .resizable(true)
                .default_size(300.0)
                .size_range(140.0..=700.0)
                .show(ui, |ui| self.merge_panel.ui(ui, map, actions));
        }
        if self.prefs.inspector_open {
            egui::Panel::right("inspector").resizable(true).default_size(360.0).size_range(240.0..=700.0).show(
                ui,
                |ui| {
                    ui.add_space(6.0);
                    inspector::inspector_ui(ui, map, &views.selection, &mut views.inspector, actions);
                },
            );
        }
        let quote_checks = if views.reader_open || views.find_open {
            views.quote_checks.refresh(map, revision, self.document.path.as_deref())
        } else {
            Default::default()
        };
        if views.reader_open {
            egui::Panel::right("reader").resizable(true).default_size(440.0).size_range(280.0..=900.0).show(ui, |ui| {
                ui.add_space(6.0);
                let texts = views.quote_checks.texts();
                views.reader.ui(ui, map, texts, &quote_checks, &views.selection, actions);
            });
        }
        if views.find_open {
            egui::Panel::left("find").resizable(true).default_size(320.0).size_range(240.0..=600.0).show(ui, |ui| {
                ui.add_space(6.0);
                let texts = views.quote_checks.texts();
                views.find_panel.ui(ui, map, revision, (texts, &quote_checks), actions);
            });
        }
        if let Some(comparison) = comparison {
            egui::Panel::left("compare").resizable(true).default_size(320.0).size_range(240.0..=600.0).show(ui, |ui| {
                ui.add_space(6.0);
                comparison.panel_ui(ui, actions);
            });
        }
        if let Some(key_comparison) = key_comparison {
            egui::Panel::left("key-compare").resizable(true).default_size(360.0).size_range(260.0..=700.0).show(
                ui,
                |ui| {
                    ui.add_space(6.0);
                    key_comparison.panel_ui(ui, actions);
                },
            );
        }
        if self.prefs.story_open {
            egui::Panel::left("story").resizable(true).default_size(300.0).size_range(220.0..=600.0).show(ui, |ui| {
                ui.add_space(6.0);
                views.story_panel.ui(ui, map, actions);
            });
        }
        // The map paints its own canvas; the tabs and the matrix sit on the panel's colour.
        let central = egui::Frame::NONE.fill(ui.visuals().panel_fill);
        egui::CentralPanel::default().frame(central).show(ui, |ui| {
            egui::Frame::NONE.inner_margin(egui::Margin::symmetric(8, 4)).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut views.central_tab, CentralTab::Map, "Map");
                    ui.selectable_value(&mut views.central_tab, CentralTab::Matrix, "Matrix");
                });
            });
            match views.central_tab {
                CentralTab::Map => {
                    views.map_view.ui(ui, document, &views.selection, &highlight, actions);
                    if let Some(comparison) = comparison {
                        comparison.drawn.paint_map_marks(ui, &views.map_view);
                    }
                    if let Some(key_comparison) = key_comparison {
                        key_comparison.drawn.paint_map_marks(ui, &views.map_view);
                    }
                }
                CentralTab::Matrix => {
                    egui::Frame::NONE.inner_margin(egui::Margin::same(8)).show(ui, |ui| {
                        views.matrix.ui(ui, map, revision, as_of, &mut self.prefs.matrix_question, actions);
                    });
                }
            }
        });
        shell::shortcuts_window_ui(&ctx, &mut views.shortcuts_open);
        self.notifications.problem_ui(&ctx, actions);
        let dropped = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|file| file.path().to_owned()).find(|path| !path.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            actions.push(Action::OpenFile(path));
        }
    }

    /// Queues the commands whose shortcuts were pressed this frame, none while a
    /// dialog is open. Keys that a focused text field, an open menu or a
    /// question on the map needs are left to them; so are the arrow keys while
    /// claims are selected (they move them).
    fn shortcut_actions(&mut self, ctx: &egui::Context) {
        // A dialog waits for its answer: no shortcut may start something else over it.
        if self.dialog.is_some() || self.recovery_offer.is_some() {
            return;
        }
        let keys_taken = ctx.egui_wants_keyboard_input()
            || self.window.text_field_had_keys
            || egui::Popup::is_any_open(ctx)
            || self.views.map_view.is_asking();
        let arrows_move_claims = self.views.selection.claims().next().is_some();
        let matrix_keys = self.views.central_tab == CentralTab::Matrix && self.views.matrix.wants_keys();
        let pressed = Command::ALL
            .into_iter()
            .filter(|command| !(keys_taken && command.defers_to_text_field()))
            .filter(|command| !(arrows_move_claims && matches!(command, Command::PreviousEvent | Command::NextEvent)))
            .filter(|command| !(matrix_keys && command.shortcut().modifiers.is_none()))
            .filter(|command| consume_shortcut(ctx, *command));
        for command in pressed.collect::<Vec<_>>() {
            self.actions.command(command);
        }
        if !keys_taken {
            let actions = &mut self.actions;
            let pasted = &mut self.window.pasted_text;
            ctx.input(|input| {
                for event in &input.events {
                    if let egui::Event::Paste(text) = event {
                        *pasted = Some(text.clone());
                    }
                    if let Some(command) = Command::of_clipboard_event(event) {
                        actions.command(command);
                    }
                }
            });
        }
    }
}

/// Whether `command`'s shortcut (or its alternative) was pressed, consuming it.
pub(super) fn consume_shortcut(ctx: &egui::Context, command: Command) -> bool {
    ctx.input_mut(|input| {
        input.consume_shortcut(&command.shortcut())
            || command.alternative_shortcut().is_some_and(|shortcut| input.consume_shortcut(&shortcut))
    })
}
