//! File ▸ Compare with… in the window: the other file read, the comparison
//! kept up to date as the map changes, stepping through its differences (or,
//! without one, through the merge conflicts), and leaving it.

use super::ArglineApp;
use crate::ui::compare::Comparison;
use crate::ui::selection::Origin;
use std::path::PathBuf;

impl ArglineApp {
    /// Compares the map with the file at `path`; on failure says why and compares nothing.
    pub(super) fn compare_with(&mut self, path: PathBuf) {
        match crate::format::load_file(&path) {
            Ok(other) => {
                let comparison = Comparison::new(path, other, self.document.map(), self.document.revision());
                let count = comparison.marks().len();
                self.notifications.notice(format!(
                    "Compared with {}: {count} items marked on the map and the timeline.",
                    comparison.other_name()
                ));
                self.comparison = Some(comparison);
                self.stop_comparing_with_key();
            }
            Err(error) => {
                self.notifications.problem(format!("The map was not compared.\n\n{}", error.lines().join("\n")))
            }
        }
    }

    /// Works the comparison out again after the map changed; before every frame.
    pub(super) fn refresh_comparison(&mut self) {
        if let Some(comparison) = &mut self.comparison {
            comparison.refresh(self.document.map(), self.document.revision());
        }
    }

    /// Makes difference `index` the current one and selects its item.
    pub(super) fn go_to_difference(&mut self, index: usize) {
        let Some(comparison) = &mut self.comparison else { return };
        match comparison.go_to(index) {
            Some(Ok(item)) => self.views.select(item, Origin::Other),
            Some(Err(elsewhere)) => self.notifications.notice(elsewhere),
            None => {}
        }
    }

    /// Steps `by` differences of the comparison, or else `by` merge conflicts.
    pub(super) fn step_difference(&mut self, by: isize) {
        if let Some(comparison) = &self.comparison {
            match comparison.neighbour(by) {
                Some(index) => self.go_to_difference(index),
                None => self.notifications.notice("The two maps are the same."),
            }
            return;
        }
        let conflicts = self.document.map().conflicts.len();
        if conflicts == 0 {
            self.notifications.notice("Nothing to step through: compare with another file (File ▸ Compare with…).");
            return;
        }
        let index = self.merge_panel.step(by, conflicts);
        self.merge_panel.hidden = false;
        let Some(conflict) = self.document.map().conflicts.get(index) else { return };
        match crate::vcs::conflict_sides(conflict).item {
            Some(item) => self.views.select(item, Origin::Other),
            None => self.notifications.notice(format!("Conflict {}: {}", index + 1, conflict.describe())),
        }
    }
}
