//! File ▸ Compare with… in the window: the other file read and compared with
//! the map on a worker, again whenever the map changes; stepping through its
//! differences (or, without one, through the merge conflicts), and leaving it.

use super::ArglineApp;
use crate::ui::compare::{self, Comparison};
use crate::ui::files::file_name;
use crate::ui::job::{self, Job};
use crate::ui::selection::Origin;
use std::path::PathBuf;
use std::sync::Arc;

impl ArglineApp {
    /// Starts comparing the map with the file at `path`; on failure says why and compares nothing.
    pub(super) fn compare_with(&mut self, path: PathBuf) {
        let map = self.document.map().clone();
        let revision = self.document.revision();
        self.jobs.comparison = Some(Job::spawn(format!("Comparing with {}", file_name(&path)), move || {
            let other = crate::format::load_file(&path).map_err(|error| error.lines().join("\n"))?;
            Ok(compare::work_out(path, Arc::new(other), &map, revision))
        }));
    }

    /// Takes a finished comparison, and starts another when the map changed since; before every frame.
    pub(super) fn refresh_comparison(&mut self) {
        match job::take_finished(&mut self.jobs.comparison) {
            Some(Ok(Ok(compared))) => match &mut self.comparison {
                Some(comparison) => comparison.update(compared, self.document.map()),
                None => {
                    let comparison = Comparison::new(compared, self.document.map());
                    let count = comparison.marks().len();
                    self.notifications.notice(format!(
                        "Compared with {}: {count} items marked on the map and the timeline.",
                        comparison.other_name()
                    ));
                    self.comparison = Some(comparison);
                    self.stop_comparing_with_key();
                }
            },
            Some(Ok(Err(error))) => {
                self.stop_comparing();
                self.notifications.problem(format!("The map was not compared.\n\n{error}"));
            }
            Some(Err(lost)) => self.notifications.problem(format!("The map was not compared: {lost}.")),
            None => {}
        }
        let revision = self.document.revision();
        if let Some(comparison) = &self.comparison
            && comparison.revision() != revision
            && self.jobs.comparison.is_none()
        {
            let (path, other, map) = (comparison.path().to_owned(), comparison.other(), self.document.map().clone());
            self.jobs.comparison =
                Some(Job::spawn("Comparing again", move || Ok(compare::work_out(path, other, &map, revision))));
        }
    }

    pub(super) fn stop_comparing(&mut self) {
        self.comparison = None;
        self.jobs.comparison = None;
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
