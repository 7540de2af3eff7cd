//! File ▸ New assignment from this map…: what the students' copy leaves out
//! — the selected items (removed with their links, for students to rebuild)
//! and the matrix ratings — asked before choosing where to write it. The
//! open map is not changed ([`crate::teaching::assignment`]).

use super::action::{Action, Actions};
use crate::model::{ItemRef, Map};
use crate::teaching::AssignmentOptions;

/// The dialog's state: the selection when it opened, and the two choices.
pub struct AssignmentDialog {
    selected: Vec<ItemRef>,
    hide_selected: bool,
    clear_ratings: bool,
    ratings: usize,
}

impl AssignmentDialog {
    pub fn new(map: &Map, selected: &[ItemRef]) -> Self {
        Self {
            selected: selected.to_vec(),
            hide_selected: !selected.is_empty(),
            clear_ratings: true,
            ratings: crate::teaching::rating_count(map),
        }
    }

    fn options(&self) -> AssignmentOptions {
        let hide = if self.hide_selected { self.selected.clone() } else { Vec::new() };
        AssignmentOptions { hide, clear_ratings: self.clear_ratings }
    }
}

fn items(count: usize) -> String {
    if count == 1 { "the selected item".to_owned() } else { format!("the {count} selected items") }
}

pub fn assignment_dialog_ui(ctx: &egui::Context, dialog: &mut AssignmentDialog, actions: &mut Actions) {
    egui::Modal::new(egui::Id::unique("new-assignment")).show(ctx, |ui| {
        ui.heading("New assignment from this map");
        ui.label("A copy for students to complete and hand back. This map is not changed.");
        ui.add_space(6.0);
        let selected = dialog.selected.len();
        ui.add_enabled(
            selected > 0,
            egui::Checkbox::new(&mut dialog.hide_selected, format!("Hide {}", items(selected))),
        );
        if selected == 0 {
            ui.label(
                egui::RichText::new("Nothing is selected: select what students must find, then come back.").weak(),
            );
        }
        let ratings = format!("Clear the {} matrix ratings", dialog.ratings);
        ui.add_enabled(dialog.ratings > 0, egui::Checkbox::new(&mut dialog.clear_ratings, ratings));
        ui.label(
            egui::RichText::new(
                "Hidden items are removed with their links, for students to rebuild; the story is kept, \
                 its steps no longer showing what is hidden.",
            )
            .weak(),
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Save the assignment as…").clicked() {
                actions.push(Action::ChooseAssignmentPath(dialog.options()));
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                actions.push(Action::CloseDialog);
            }
        });
    });
}
