//! The story in the window: going to a step (view, time window and what is
//! drawn out), the story panel's edits, and presentation mode (entered with
//! F5, left with Esc), which shows the map and the timeline full screen with
//! large type and nothing to edit.

use super::ArglineApp;
use crate::edit::{EditError, Transaction, commands};
use crate::model::StoryStep;
use crate::ui::action::{Action, Actions};
use crate::ui::commands::Command;
use crate::ui::presenter::{self, PRESENTATION_ZOOM, Presenter, Split};

impl ArglineApp {
    /// Moves both views to story step `index` and draws out what it highlights.
    pub(super) fn go_to_step(&mut self, index: usize) {
        let Some(step) = self.document.map().story.get(index).cloned() else { return };
        self.views.story_panel.current = Some(index);
        if let Some(presenter) = &mut self.presenter {
            presenter.step = index;
        }
        let views = &mut self.views;
        views.selection.select_many(step.highlights.iter().cloned(), false);
        // The step says where to look; revealing the selection would undo that.
        // A step frames its subject: what it draws out, else what it shows; a stored viewport overrides.
        let subject = if step.highlights.is_empty() { step.shows.clone() } else { step.highlights.clone() };
        match step.viewport {
            Some(viewport) => views.map_view.show_viewport(viewport),
            None => views.map_view.request_framing(subject),
        }
        match step.window {
            Some(window) => views.timeline.show_window(window),
            None => views.timeline.request_reveal(),
        }
        views.timeline.set_as_of(step.as_of.map(|date| date.last_day()));
    }

    /// A step holding the current view: the map's viewport, the timeline's window and the selection.
    fn step_from_view(&self, title: String, notes: String) -> StoryStep {
        StoryStep {
            title,
            shows: Vec::new(),
            highlights: self.views.selection.items().to_vec(),
            window: self.views.timeline.window(),
            viewport: Some(self.views.map_view.viewport()),
            as_of: self
                .views
                .timeline
                .as_of()
                .map(|day| crate::model::Date::from_naive(day, crate::model::Precision::Day)),
            notes,
        }
    }

    pub(super) fn add_step_from_view(&mut self) {
        let map = self.document.map();
        let step = self.step_from_view(format!("Step {}", map.story.len() + 1), String::new());
        self.views.story_panel.current = Some(map.story.len());
        let transaction = commands::add_story_step(map, step);
        self.apply(transaction);
    }

    /// Step `index` takes the current view, keeping its title, notes and what it shows.
    pub(super) fn update_step_from_view(&mut self, index: usize) {
        let Some(old) = self.document.map().story.get(index) else { return };
        let step = StoryStep { shows: old.shows.clone(), ..self.step_from_view(old.title.clone(), old.notes.clone()) };
        let result = commands::update_story_step(self.document.map(), index, step);
        self.apply_story_change(result, None);
    }

    /// Applies a change to the story (merged into the undo step of `gesture`, for typing).
    pub(super) fn apply_story_change(&mut self, result: Result<Transaction, EditError>, gesture: Option<u64>) {
        let applied = result.and_then(|transaction| match gesture {
            Some(gesture) => self.document.apply_gesture(transaction, gesture),
            None => self.document.apply(transaction),
        });
        if let Err(error) = applied {
            self.notifications.problem(format!("The story could not be changed: {error}"));
        }
    }

    pub(super) fn start_presenting(&mut self, ctx: &egui::Context, from: usize) {
        if self.document.map().story.is_empty() {
            self.notifications.notice("This map has no story yet: add steps in the story panel (F4), then present.");
            return;
        }
        let from = from.min(self.document.map().story.len() - 1);
        self.presenter = Some(Presenter::new(from, ctx.zoom_factor()));
        self.views.map_view.set_editable(false);
        ctx.set_zoom_factor(ctx.zoom_factor() * PRESENTATION_ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.go_to_step(from);
    }

    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            ctx.set_zoom_factor(presenter.zoom_before);
            self.views.map_view.set_editable(true);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// The window while presenting: the step's title and progress, the map,
    /// the timeline; only presentation keys (and Quit) act, and nothing is edited.
    pub(super) fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let map = self.document.map();
        let steps = map.story.len();
        let Some(presenter) = &mut self.presenter else { return };
        if self.dialog.is_none() {
            presenter.keys(&ctx, steps, &mut self.actions);
            if super::drawing::consume_shortcut(&ctx, Command::Quit) {
                self.actions.command(Command::Quit);
            }
        }
        let Some(step) = map.story.get(presenter.step.min(steps.saturating_sub(1))) else {
            self.actions.push(Action::LeavePresentation);
            return;
        };
        let shown: Vec<_> = if step.shows.is_empty() {
            Vec::new()
        } else {
            step.shows.iter().chain(&step.highlights).cloned().collect()
        };
        let highlight = self.views.highlight(&self.document).showing_only(&shown, map);
        let document = &self.document;
        egui::Panel::top("presentation_title").show(ui, |ui| presenter.title_ui(ui, step, steps));
        // Nothing is edited while presenting: what the views ask for is dropped.
        let mut ignored = Actions::default();
        let views = &mut self.views;
        match presenter::split(step, map, document.index()) {
            Split::TimelineOnly => {
                views.map_view.not_shown();
                egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                    views.timeline.ui(ui, document, &views.selection, &highlight, &mut ignored);
                });
            }
            Split::Timeline(share) => {
                egui::Panel::bottom("presentation_timeline")
                    .exact_size(ui.available_height() * share)
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| views.timeline.ui(ui, document, &views.selection, &highlight, &mut ignored));
                egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                    views.map_view.ui(ui, document, &views.selection, &highlight, &mut ignored);
                });
            }
        }
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
