//! The source reader's edits: a folder of texts attached (read and matched on
//! a worker; its references and anchors as one undo step, what could not be
//! settled told), and a claim made from a selected passage, then selected.

use super::ArglineApp;
use crate::edit::citing::{self, Passage};
use crate::model::ItemRef;
use crate::sources::attach::{AttachPlan, plan_attachment};
use crate::ui::job::Job;
use crate::ui::selection::Origin;
use std::path::PathBuf;

/// A folder's texts being read and matched to the map's sources, for the
/// revision of the map they were matched against.
pub struct Attaching {
    folder: PathBuf,
    revision: u64,
    plan: std::io::Result<AttachPlan>,
}

impl ArglineApp {
    /// Starts attaching the texts in `folder`: they are read and matched on a
    /// worker, then taken in by [`Self::attached`].
    pub(super) fn attach_texts(&mut self, folder: PathBuf) {
        let map = self.document.map().clone();
        let map_file = self.document.path.clone();
        let revision = self.document.revision();
        let what = format!("Reading the texts in {}", folder.display());
        self.jobs.attach = Some(Job::spawn(what, move || {
            let plan = plan_attachment(&map, map_file.as_deref(), &folder);
            Attaching { folder, revision, plan }
        }));
    }

    /// The reader reads the texts from the folder, and sources and quotes gain
    /// their references and anchors in one step; a plan made for a map
    /// edited since is made again.
    pub(super) fn attached(&mut self, attaching: Attaching) {
        let Attaching { folder, revision, plan } = attaching;
        if revision != self.document.revision() {
            return self.attach_texts(folder);
        }
        let plan = match plan {
            Ok(plan) => plan,
            Err(error) => {
                self.notifications.problem(format!("The folder {} could not be read: {error}", folder.display()));
                return;
            }
        };
        self.views.quote_checks.texts_folder = Some(folder);
        self.views.reader_open = true;
        if plan.changes_map() {
            match citing::attach_texts(self.document.map(), &plan) {
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
