//! The source reader's edits: a folder of texts attached (its references and
//! anchors as one undo step, what could not be settled told), and a claim made
//! from a selected passage, then selected.

use super::ArglineApp;
use crate::edit::citing::{self, Passage};
use crate::model::ItemRef;
use crate::sources::attach::plan_attachment;
use crate::ui::selection::Origin;
use std::path::PathBuf;

impl ArglineApp {
    /// Attaches the texts in `folder`: the reader reads them from there, and
    /// sources and quotes gain their references and anchors in one step.
    pub(super) fn attach_texts(&mut self, folder: PathBuf) {
        let map = self.document.map();
        let plan = match plan_attachment(map, self.document.path.as_deref(), &folder) {
            Ok(plan) => plan,
            Err(error) => {
                self.notifications.problem(format!("The folder {} could not be read: {error}", folder.display()));
                return;
            }
        };
        self.views.quote_checks.texts_folder = Some(folder);
        self.views.reader_open = true;
        if plan.changes_map() {
            match citing::attach_texts(map, &plan) {
                Ok(transaction) => self.apply(transaction),
                Err(error) => return self.notifications.problem(format!("The texts could not be attached: {error}")),
            }
        }
        let attached = plan.texts.len();
        let summary = format!(
            "{attached} source text{} attached, {} quote{} anchored.",
            if attached == 1 { "" } else { "s" },
            plan.anchors.len(),
            if plan.anchors.len() == 1 { "" } else { "s" }
        );
        match plan.notes.as_slice() {
            [] => self.notifications.notice(summary),
            notes => self.notifications.problem(format!("{summary}\n\n{}", notes.join("\n"))),
        }
    }

    pub(super) fn claim_from_passage(&mut self, passage: &Passage) {
        match citing::claim_from_passage(self.document.map(), passage, self.views.selection.items()) {
            Ok((transaction, id)) => {
                self.apply(transaction);
                self.views.select(ItemRef::Claim(id), Origin::Other);
            }
            Err(error) => self.notifications.notice(format!("No claim was made: {error}.")),
        }
    }
}
