//! The story in the window: going to a step (view, time window and what is
//! drawn out), the story panel's edits, and presentation mode (entered with
//! F5, left with Esc), which shows the map and the timeline full screen with
//! large type and nothing to edit.

use super::ArglineApp;
use crate::edit::commands;
use crate::model::StoryStep;
use crate::ui::presenter::{PRESENTATION_ZOOM, Presenter, PresenterAction};
use crate::ui::selection::{Highlight, Origin};
use crate::ui::story_panel::StoryAction;

impl ArglineApp {
    /// Moves both views to story step `index` and draws out what it highlights.
    pub(super) fn go_to_step(&mut self, index: usize) {
        let Some(step) = self.document.map().story.get(index).cloned() else { return };
        self.story_panel.current = Some(index);
        if let Some(presenter) = &mut self.presenter {
            presenter.step = index;
        }
        self.selection.select_many(step.highlights.iter().cloned(), false, Origin::Map);
        // The step says where to look; revealing the selection would undo that.
        self.selection.reveal_on_map = step.viewport.is_none();
        self.selection.reveal_on_timeline = step.window.is_none();
        if let Some(viewport) = step.viewport {
            self.map_view.show_viewport(viewport);
        }
        if let Some(window) = step.window {
            self.timeline.show_window(window);
        }
        self.timeline.set_as_of(step.as_of.map(|date| date.last_day()));
    }

    /// A step holding the current view: the map's viewport, the timeline's window and the selection.
    fn step_from_view(&self, title: String, notes: String) -> StoryStep {
        StoryStep {
            title,
            shows: Vec::new(),
            highlights: self.selection.items().to_vec(),
            window: self.timeline.window(),
            viewport: Some(self.map_view.viewport()),
            as_of: self.timeline.as_of().map(|day| crate::model::Date::from_naive(day, crate::model::Precision::Day)),
            notes,
        }
    }

    pub(super) fn run_story_action(&mut self, ctx: &egui::Context, action: StoryAction) {
        let map = self.document.map();
        let result = match action {
            StoryAction::GoTo(index) => {
                self.go_to_step(index);
                return;
            }
            StoryAction::Present(index) => {
                self.start_presenting(ctx, index);
                return;
            }
            StoryAction::AddFromView => {
                let step = self.step_from_view(format!("Step {}", map.story.len() + 1), String::new());
                self.story_panel.current = Some(map.story.len());
                Ok(commands::add_story_step(map, step))
            }
            StoryAction::UpdateFromView(index) => match map.story.get(index) {
                Some(old) => {
                    let step = StoryStep {
                        shows: old.shows.clone(),
                        ..self.step_from_view(old.title.clone(), old.notes.clone())
                    };
                    commands::update_story_step(map, index, step)
                }
                None => return,
            },
            StoryAction::Duplicate(index) => {
                self.story_panel.current = Some(index + 1);
                commands::duplicate_story_step(map, index)
            }
            StoryAction::Delete(index) => commands::remove_story_step(map, index),
            StoryAction::Move { from, to } => commands::move_story_step(map, from, to),
            StoryAction::Edit { index, step, gesture } => {
                let result = commands::update_story_step(map, index, step)
                    .and_then(|transaction| self.document.apply_gesture(transaction, gesture));
                if let Err(error) = result {
                    self.error = Some(format!("The story step could not be changed: {error}"));
                }
                return;
            }
        };
        match result {
            Ok(transaction) => self.apply(transaction),
            Err(error) => self.error = Some(format!("The story could not be changed: {error}")),
        }
    }

    pub(super) fn start_presenting(&mut self, ctx: &egui::Context, from: usize) {
        if self.document.map().story.is_empty() {
            self.notify("This map has no story yet: add steps in the story panel (F4), then present.");
            return;
        }
        let from = from.min(self.document.map().story.len() - 1);
        self.presenter = Some(Presenter::new(from, ctx.zoom_factor()));
        self.map_view.set_editable(false);
        ctx.set_zoom_factor(ctx.zoom_factor() * PRESENTATION_ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.go_to_step(from);
    }

    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            ctx.set_zoom_factor(presenter.zoom_before);
            self.map_view.set_editable(true);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// The window while presenting: the step's title and progress, the map,
    /// the timeline; only presentation keys act.
    pub(super) fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let steps = self.document.map().story.len();
        let Some(presenter) = &mut self.presenter else { return };
        match presenter.keys(&ctx, steps) {
            Some(PresenterAction::Leave) => {
                self.stop_presenting(&ctx);
                return;
            }
            Some(PresenterAction::GoTo(index)) => self.go_to_step(index),
            None => {}
        }
        let Some(presenter) = &mut self.presenter else { return };
        let map = self.document.map();
        let Some(step) = map.story.get(presenter.step.min(steps.saturating_sub(1))) else {
            self.stop_presenting(&ctx);
            return;
        };
        let shown: Vec<_> = if step.shows.is_empty() {
            Vec::new()
        } else {
            step.shows.iter().chain(&step.highlights).cloned().collect()
        };
        let highlight = Highlight::of(&self.selection, map).showing_only(&shown, map);
        let revision = self.document.revision();
        egui::Panel::top("presentation_title").show(ui, |ui| presenter.title_ui(ui, step, steps));
        // Nothing is edited while presenting: what the views ask for is dropped.
        let (mut ignored_map, mut ignored_timeline) = (Vec::new(), Vec::new());
        egui::Panel::bottom("presentation_timeline")
            .default_size(ui.available_height() * 0.38)
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.timeline.ui(ui, map, revision, &mut self.selection, &highlight, &mut ignored_timeline));
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            self.map_view.ui(ui, map, revision, &mut self.selection, &highlight, &mut ignored_map);
        });
        presenter.spotlight_ui(&ctx);
        presenter.notes_ui(&ctx, step, steps);
    }

    /// The look while presenting: high contrast if chosen.
    pub(super) fn presentation_visuals(&self) -> Option<egui::Visuals> {
        (self.presenter.is_some() && self.prefs.high_contrast_presentation).then(|| {
            let mut visuals = egui::Visuals::dark();
            visuals.override_text_color = Some(egui::Color32::WHITE);
            visuals.panel_fill = egui::Color32::BLACK;
            visuals.window_fill = egui::Color32::BLACK;
            visuals.extreme_bg_color = egui::Color32::BLACK;
            visuals
        })
    }
}
