//! The merge panel: the conflicts a merge left in the map (the same thing
//! changed two ways), each with its base, ours and theirs side by side. Pick
//! a version, or edit the item by hand (Show selects it for the inspector)
//! and keep it as it is — each choice one undo step. Shown whenever the map
//! holds conflicts, unless hidden.

use super::action::{Action, Actions};
use super::selection::Origin;
use crate::model::Map;
use crate::vcs::{Side, conflict_sides};
use egui::{RichText, Ui};

/// The width of the column of field names; the three versions share the rest.
const FIELD_COLUMN_WIDTH: f32 = 90.0;

/// What the merge panel remembers.
#[derive(Debug, Default)]
pub struct MergePanel {
    /// Hidden by the user (View ▸ Merge conflicts panel shows it again).
    pub hidden: bool,
    /// The conflict last stepped to (Navigate ▸ Next difference or conflict).
    current: Option<usize>,
}

impl MergePanel {
    pub fn is_shown(&self, map: &Map) -> bool {
        !self.hidden && !map.conflicts.is_empty()
    }

    /// The conflict `by` places after the current one (before, if negative)
    /// of `count`, going round; it becomes the current one.
    pub fn step(&mut self, by: isize, count: usize) -> usize {
        let count = count.max(1) as isize;
        let next = match self.current {
            Some(current) => current as isize + by,
            None if by > 0 => 0,
            None => count - 1,
        };
        let index = next.rem_euclid(count) as usize;
        self.current = Some(index);
        index
    }

    pub fn ui(&self, ui: &mut Ui, map: &Map, actions: &mut Actions) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Merge conflicts");
            let count = map.conflicts.len();
            ui.label(RichText::new(format!("{count} to settle")).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Hide").clicked() {
                    actions.command(super::commands::Command::ToggleMergePanel);
                }
            });
        });
        ui.label(
            RichText::new(
                "Where both sides changed the same thing, the map holds ours. Take a version, or edit the item by \
                 hand and keep it as it is. Each choice is one undo step.",
            )
            .weak(),
        );
        ui.separator();
        let column_width = ((ui.available_width() - FIELD_COLUMN_WIDTH - 40.0) / 3.0).max(120.0);
        egui::ScrollArea::vertical().id_salt("merge-conflicts").auto_shrink([false, true]).show(ui, |ui| {
            for (index, conflict) in map.conflicts.iter().enumerate() {
                let sides = conflict_sides(conflict);
                ui.horizontal(|ui| {
                    let heading = RichText::new(format!("{}. {}", index + 1, sides.what)).strong();
                    ui.label(if self.current == Some(index) { heading.underline() } else { heading });
                    if let Some(item) = sides.item.clone()
                        && ui.button("Show").on_hover_text("Select it, to edit it by hand in the inspector").clicked()
                    {
                        actions.push(Action::Select { item, origin: Origin::Other });
                    }
                });
                let headings = ["Base", "Ours (in the map)", "Theirs"].map(|heading| RichText::new(heading).strong());
                row_ui(ui, RichText::new(""), headings, column_width);
                for row in &sides.rows {
                    let values = [&row.base, &row.ours, &row.theirs].map(RichText::new);
                    row_ui(ui, RichText::new(&row.field).weak(), values, column_width);
                }
                ui.horizontal(|ui| {
                    for (side, text) in
                        [(Side::Base, "Take base"), (Side::Ours, "Take ours"), (Side::Theirs, "Take theirs")]
                    {
                        if ui.button(text).clicked() {
                            actions.push(Action::SettleConflict { index, side: Some(side) });
                        }
                    }
                    let keep = ui.button("Keep as it is now");
                    if keep.on_hover_text("Settle it with what the map holds now (ours, or your edit)").clicked() {
                        actions.push(Action::SettleConflict { index, side: None });
                    }
                });
                ui.add_space(6.0);
            }
        });
    }
}

/// One row of the side-by-side table: a field name, then three columns of
/// `column_width` (the same for every conflict, so that they line up), text wrapped.
fn row_ui(ui: &mut Ui, field: RichText, values: [RichText; 3], column_width: f32) {
    ui.horizontal_top(|ui| {
        let cell = |ui: &mut Ui, width: f32, text: RichText| {
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(width);
                ui.add(egui::Label::new(text).wrap());
            });
        };
        cell(ui, FIELD_COLUMN_WIDTH, field);
        for value in values {
            cell(ui, column_width, value);
        }
    });
}
