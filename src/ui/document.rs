//! The open document: the map, where it came from, its edit history, a
//! revision number that views use to know when their cached geometry is stale,
//! and the map's index (items by id, links by item), built once per revision;
//! and its file as last loaded or saved ([`OnDisk`]: the stamp a save checks,
//! and the base of a merge with a newer file). Every change goes through
//! [`Document::apply`], [`Document::undo`] or [`Document::redo`].

use crate::edit::{EditError, History, Transaction};
use crate::format::recovery::Origin;
use crate::format::{FileStamp, Overwrite, SaveError};
use crate::model::{Map, MapIndex};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Revisions are unique across all documents of a run, so that a view never
/// mistakes a newly opened map for the one it cached.
fn next_revision() -> u64 {
    static REVISION: AtomicU64 = AtomicU64::new(1);
    REVISION.fetch_add(1, Ordering::Relaxed)
}

/// A new gesture number: the steps of one drag (or one run of key presses)
/// share it and merge into one undo step. Unique across all views.
pub fn new_gesture() -> u64 {
    static GESTURE: AtomicU64 = AtomicU64::new(1);
    GESTURE.fetch_add(1, Ordering::Relaxed)
}

pub struct Document {
    map: Map,
    /// The file the map was read from; `None` for the bundled case study and new maps.
    pub path: Option<PathBuf>,
    /// The name shown in the title bar.
    pub name: String,
    /// The bundled case study: saving it asks for a new path.
    pub read_only: bool,
    history: History,
    revision: u64,
    index: MapIndex,
    /// The file as last loaded or saved; `None` until the map was read from or written to its file.
    on_disk: Option<OnDisk>,
}

/// What the document's file held when it was last loaded or saved.
#[derive(Clone, Debug)]
pub struct OnDisk {
    /// What a save checks the file still is.
    pub stamp: FileStamp,
    /// The map it held: the base of a three-way merge with a newer file.
    pub base: Map,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>, name: String) -> Self {
        let index = MapIndex::build(&map);
        Self {
            map,
            path,
            name,
            read_only: false,
            history: History::default(),
            revision: next_revision(),
            index,
            on_disk: None,
        }
    }

    /// The bundled case study, as shipped inside the binary.
    pub fn case_study() -> Result<Self, crate::format::LoadError> {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME)?;
        let mut document = Self::new(map, None, crate::CASE_STUDY_NAME.to_owned());
        document.read_only = true;
        Ok(document)
    }

    pub fn open(path: PathBuf) -> Result<Self, crate::format::LoadError> {
        let (map, stamp) = crate::format::load_file_stamped(&path)?;
        let mut document = Self::new(map, Some(path.clone()), super::files::file_name(&path));
        document.on_disk = Some(OnDisk { stamp, base: document.map.clone() });
        Ok(document)
    }

    /// The file as last loaded or saved.
    pub fn on_disk(&self) -> Option<&OnDisk> {
        self.on_disk.as_ref()
    }

    /// Which document this is, for its recovery file.
    pub fn origin(&self) -> Origin {
        match (&self.path, self.read_only) {
            (Some(path), false) => Origin::File(path.clone()),
            (_, true) => Origin::CaseStudy,
            (None, false) => Origin::NewMap,
        }
    }

    pub fn map(&self) -> &Map {
        &self.map
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The index of the map as it is now.
    pub fn index(&self) -> &MapIndex {
        &self.index
    }

    /// After every change: a new revision, and the index made again.
    fn changed(&mut self) {
        self.revision = next_revision();
        self.index = MapIndex::build(&self.map);
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.history.has_unsaved_changes()
    }

    pub fn apply(&mut self, transaction: Transaction) -> Result<(), EditError> {
        self.history.apply(&mut self.map, transaction)?;
        self.changed();
        Ok(())
    }

    /// Applies a step of a continuing gesture (a drag): steps with the same
    /// `gesture` merge into one undo step.
    pub fn apply_gesture(&mut self, transaction: Transaction, gesture: u64) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.map, transaction, gesture)?;
        self.changed();
        Ok(())
    }

    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        let undone = self.history.undo(&mut self.map)?;
        self.changed();
        Ok(undone)
    }

    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        let redone = self.history.redo(&mut self.map)?;
        self.changed();
        Ok(redone)
    }

    /// Writes the map to `path` (atomically) and makes it the document's
    /// file. Over its own file, only while that is still the one loaded or
    /// last saved ([`SaveError::ChangedOnDisk`] otherwise, the file left as
    /// it is), unless `replace_newer` (the user was asked); another path was
    /// chosen by the user, and is written whatever it holds.
    pub fn save_as(&mut self, path: PathBuf, replace_newer: bool) -> Result<(), SaveError> {
        let own_file = !self.read_only && self.path.as_ref() == Some(&path);
        let overwrite = match &self.on_disk {
            _ if replace_newer || !own_file => Overwrite::Always,
            Some(on_disk) => Overwrite::IfUnchanged(&on_disk.stamp),
            // Its own file, never read (its work restored after a crash): whatever is there now is newer.
            None if path.exists() => return Err(SaveError::ChangedOnDisk { path }),
            None => Overwrite::Always,
        };
        let stamp = crate::format::save_file_stamped(&self.map, &path, overwrite)?;
        self.on_disk = Some(OnDisk { stamp, base: self.map.clone() });
        self.name = super::files::file_name(&path);
        self.path = Some(path);
        self.read_only = false;
        self.history.mark_saved();
        Ok(())
    }

    /// Takes the map of a newer file (`map`, stamped `stamp`) as one undo
    /// step labelled `label`: the document then matches its file (saved), and
    /// undo brings back what it held before (the same map, written
    /// differently, is taken without a step).
    pub fn take_from_disk(&mut self, map: Map, stamp: FileStamp, label: &str) -> Result<(), EditError> {
        if map != self.map {
            self.apply(crate::edit::commands::replace_all(&self.map, &map, label))?;
        }
        self.history.mark_saved();
        self.on_disk = Some(OnDisk { stamp, base: map });
        Ok(())
    }

    /// Makes `merged` the map, as one undo step, after a merge with a newer
    /// file (`disk`, stamped `stamp`), which becomes the file as last loaded:
    /// the merge is unsaved unless it is the file itself.
    pub fn take_merge(&mut self, merged: &Map, disk: Map, stamp: FileStamp) -> Result<(), EditError> {
        self.apply(crate::edit::commands::replace_all(&self.map, merged, "Merge with the file on disk"))?;
        if *merged == disk {
            self.history.mark_saved();
        }
        self.on_disk = Some(OnDisk { stamp, base: disk });
        Ok(())
    }
}
