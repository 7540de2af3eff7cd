//! View ▸ Compare with key… in the window: the key read and the open map
//! compared with it on a worker, again whenever the map changes; going to
//! a finding; leaving.

use super::ArglineApp;
use crate::ui::files::file_name;
use crate::ui::job::{self, Job};
use crate::ui::key_compare::{self, KeyComparison};
use crate::ui::selection::Origin;
use std::path::PathBuf;
use std::sync::Arc;

impl ArglineApp {
    /// Starts comparing the open map with the key at `path`.
    pub(super) fn compare_with_key(&mut self, path: PathBuf) {
        let student = self.document.map().clone();
        let revision = self.document.revision();
        self.jobs.key_comparison =
            Some(Job::spawn(format!("Comparing with the key {}", file_name(&path)), move || {
                let key = crate::format::load_file(&path).map_err(|error| error.lines().join("\n"))?;
                key_compare::work_out(path, Arc::new(key), &student, revision).map_err(|error| error.to_string())
            }));
    }

    /// Takes a finished comparison, and starts another when the map changed since; before every frame.
    pub(super) fn refresh_key_comparison(&mut self) {
        match job::take_finished(&mut self.jobs.key_comparison) {
            Some(Ok(Ok(compared))) => match &mut self.key_comparison {
                Some(comparison) => comparison.update(compared, self.document.map()),
                None => {
                    let comparison = KeyComparison::new(compared, self.document.map());
                    self.notifications.notice(format!(
                        "Compared with the key {}: {}.",
                        comparison.key_name(),
                        comparison.tally().score_line()
                    ));
                    self.stop_comparing();
                    self.key_comparison = Some(comparison);
                }
            },
            Some(Ok(Err(error))) => {
                self.stop_comparing_with_key();
                self.notifications.problem(format!("The map was not compared with the key.\n\n{error}"));
            }
            Some(Err(lost)) => self.notifications.problem(format!("The map was not compared with the key: {lost}.")),
            None => {}
        }
        let revision = self.document.revision();
        if let Some(comparison) = &self.key_comparison
            && comparison.revision() != revision
            && self.jobs.key_comparison.is_none()
        {
            let (path, key, student) = (comparison.path().to_owned(), comparison.key(), self.document.map().clone());
            self.jobs.key_comparison = Some(Job::spawn("Comparing with the key again", move || {
                key_compare::work_out(path, key, &student, revision).map_err(|error| error.to_string())
            }));
        }
    }

    /// Selects what finding `index` is about: its item, or where a missing item would attach.
    pub(super) fn go_to_finding(&mut self, index: usize) {
        let Some(comparison) = &mut self.key_comparison else { return };
        match comparison.go_to(index) {
            Some(Ok(items)) => self.views.select_many(items, false, Origin::Other),
            Some(Err(elsewhere)) => self.notifications.notice(elsewhere),
            None => {}
        }
    }

    pub(super) fn stop_comparing_with_key(&mut self) {
        self.key_comparison = None;
        self.jobs.key_comparison = None;
    }
}
