//! File ▸ New assignment from this map… in the window: what to leave out
//! asked, then where to write it; the open map is not changed.

use super::ArglineApp;
use crate::ui::assignment_dialog::AssignmentDialog;
use crate::ui::files::Dialog;
use std::path::PathBuf;

impl ArglineApp {
    /// Opens the dialog, offering to hide what is selected.
    pub(super) fn ask_for_assignment(&mut self) {
        let dialog = AssignmentDialog::new(self.document.map(), self.views.selection.items());
        self.dialog = Some(Dialog::Assignment(dialog));
    }

    /// Writes the assignment asked for to `path`.
    pub(super) fn write_assignment(&mut self, path: PathBuf) {
        let Some(options) = self.pending_assignment.take() else { return };
        let copy = match crate::teaching::assignment(self.document.map(), &options) {
            Ok(copy) => copy,
            Err(error) => return self.notifications.problem(format!("The assignment could not be made: {error}")),
        };
        match crate::format::save_file(&copy, &path) {
            Ok(()) => {
                let hidden = options.hide.len();
                let ratings = if options.clear_ratings { "the matrix ratings cleared" } else { "the ratings kept" };
                self.notifications
                    .notice(format!("Wrote the assignment to {}: {hidden} items hidden, {ratings}.", path.display()));
            }
            Err(error) => self.notifications.problem(format!("The assignment was not written: {error}")),
        }
    }
}
