//! The story panel: the map's story as a list of steps. Click a step to go
//! there; drag the grip to reorder; add a step from the current view; rename,
//! write speaker notes, update from the view, duplicate, delete — each an
//! undoable edit — and present from any step.

use super::action::{Action, Actions};
use crate::model::{Map, StoryStep};
use egui::{RichText, Ui};

/// What the story panel remembers between frames.
#[derive(Default)]
pub struct StoryPanel {
    /// The step last gone to (and being edited).
    pub current: Option<usize>,
    /// The gesture of the text field being typed in, so typing is one undo step.
    typing_gesture: u64,
}

impl StoryPanel {
    pub fn ui(&mut self, ui: &mut Ui, map: &Map, actions: &mut Actions) {
        self.current = self.current.filter(|&current| current < map.story.len());
        ui.horizontal(|ui| {
            ui.heading("Story");
            ui.label(RichText::new(format!("{} steps", map.story.len())).weak());
        });
        if ui.button("Add a step from the current view").clicked() {
            actions.push(Action::AddStepFromView);
        }
        ui.separator();
        let list_height = (ui.available_height() * 0.5).max(120.0);
        egui::ScrollArea::vertical().id_salt("story-steps").max_height(list_height).show(ui, |ui| {
            self.steps_ui(ui, map, actions);
        });
        ui.separator();
        if let Some(index) = self.current
            && let Some(step) = map.story.get(index)
        {
            self.step_editor_ui(ui, index, step, actions);
        } else if map.story.is_empty() {
            ui.label("No steps yet. Arrange the map and the timeline, select what to draw out, then add a step.");
        } else {
            ui.label("Click a step to go there and edit it.");
        }
    }

    fn steps_ui(&mut self, ui: &mut Ui, map: &Map, actions: &mut Actions) {
        // A frame of its own (an outline in the panel's colour) keeps rows plain until a step is dragged.
        let row_frame = egui::Frame::NONE.stroke(egui::Stroke::new(1.0, ui.visuals().panel_fill));
        for (index, step) in map.story.iter().enumerate() {
            let row = ui.dnd_drop_zone::<usize, _>(row_frame, |ui| {
                ui.horizontal(|ui| {
                    let grip_id = ui.scope_id().with(("story-grip", index));
                    ui.dnd_drag_source(grip_id, index, |ui| {
                        ui.label(RichText::new("::").strong().monospace()).on_hover_text("Drag to reorder");
                    });
                    let text = format!("{}. {}", index + 1, step.title);
                    if ui.selectable_label(self.current == Some(index), text).clicked() {
                        self.current = Some(index);
                        actions.push(Action::GoToStep(index));
                    }
                });
            });
            if let Some(from) = row.1
                && *from != index
            {
                actions.push(Action::MoveStep { from: *from, to: index });
                self.current = Some(index);
            }
        }
    }

    fn step_editor_ui(&mut self, ui: &mut Ui, index: usize, step: &StoryStep, actions: &mut Actions) {
        ui.label(RichText::new(format!("Step {}", index + 1)).strong());
        let mut edited = step.clone();
        let title_label = ui.label("Title");
        let title = ui.add(egui::TextEdit::singleline(&mut edited.title).desired_width(f32::INFINITY));
        let title = title.labelled_by(title_label.id);
        let notes_label = ui.label("Speaker notes");
        let notes = ui.add(egui::TextEdit::multiline(&mut edited.notes).desired_rows(5).desired_width(f32::INFINITY));
        let notes = notes.labelled_by(notes_label.id);
        if title.gained_focus() || notes.gained_focus() {
            self.typing_gesture = crate::ui::document::new_gesture();
        }
        if (title.changed() || notes.changed()) && edited != *step {
            actions.push(Action::EditStep { index, step: edited, gesture: self.typing_gesture });
        }
        ui.label(
            RichText::new(format!(
                "Shows {} · draws out {} · {}",
                if step.shows.is_empty() { "everything".to_owned() } else { format!("{} items", step.shows.len()) },
                step.highlights.len(),
                step.window.map_or_else(
                    || "timeline as it is".to_owned(),
                    |window| format!("{} – {}", window.start.human(), window.end.human())
                ),
            ))
            .small()
            .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Update from view")
                .on_hover_text("Take the current view and selection into this step")
                .clicked()
            {
                actions.push(Action::UpdateStepFromView(index));
            }
            if ui.button("Duplicate").clicked() {
                actions.push(Action::DuplicateStep(index));
            }
            if ui.button("Delete").clicked() {
                actions.push(Action::DeleteStep(index));
                self.current = None;
            }
            if ui.button("Present from here").clicked() {
                actions.push(Action::Present(index));
            }
        });
    }
}
