//! The open document: the map, where it came from, its edit history, a
//! revision number that views use to know when their cached geometry is stale
//! (and what the last change replaced, so that they rework only that), and
//! the map's index (items by id, links by item), built again only when a
//! change reaches the lists it indexes;
//! and its file as last loaded or saved ([`OnDisk`]: the stamp a save checks,
//! and the base of a merge with a newer file). Every change goes through
//! [`Document::apply`], [`Document::undo`] or [`Document::redo`].

use crate::edit::{EditError, History, Reach, Transaction};
use crate::format::recovery::Origin;
use crate::format::{FileStamp, Overwrite, SaveError};
use crate::model::{Map, MapIndex, Replaced};
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
    /// The revision before the last change (0 before the first).
    previous_revision: u64,
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
            previous_revision: 0,
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

    /// What the last change replaced, if `revision` is the one just before
    /// it and the change kept the map's lists (see [`Reach::InPlace`]): a
    /// view that derived something from `revision` need rework only that.
    pub fn replaced_since(&self, revision: u64) -> Option<&Replaced> {
        match self.history.last_reach() {
            Reach::InPlace(replaced) if revision == self.previous_revision => Some(replaced),
            Reach::InPlace(_) | Reach::Lists => None,
        }
    }

    /// After every change: a new revision, and the index made again where the change reached the lists.
    fn changed(&mut self) {
        self.previous_revision = self.revision;
        self.revision = next_revision();
        if *self.history.last_reach() == Reach::Lists {
            self.index = MapIndex::build(&self.map);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::commands::{delete, move_claims, new_link, update_claim, update_event, update_link};
    use crate::edit::{Item, Op};
    use crate::layout::{Estimate, map_geometry::MapGeometry};
    use crate::model::{Claim, ItemRef, LinkFrom, LinkTo, Position, Relation, Strength};

    /// Follows the document through `change`, as the map view does: its
    /// geometry updated from the last one (measuring only what the change
    /// replaced, where it kept the lists), then compared with the index and
    /// the geometry worked out afresh.
    fn follow(document: &mut Document, geometry: MapGeometry, change: impl FnOnce(&mut Document)) -> MapGeometry {
        let before = geometry.revision;
        change(document);
        let (map, index, revision) = (document.map(), document.index(), document.revision());
        assert_eq!(*index, MapIndex::build(map), "the index is the map's");
        let updated = geometry.updated(map, index, revision, &mut Estimate, document.replaced_since(before));
        let fresh = MapGeometry::compute(map, &MapIndex::build(map), revision, &mut Estimate);
        assert_eq!(updated.cards, fresh.cards);
        assert_eq!(updated.chips, fresh.chips);
        assert_eq!(updated.links, fresh.links);
        assert_eq!(updated.bounds, fresh.bounds);
        updated
    }

    #[test]
    fn the_index_and_geometry_kept_across_changes_are_those_of_the_map_as_it_now_is() {
        let mut document = Document::case_study().expect("the case study loads");
        let (map, index) = (document.map(), document.index());
        let mut geometry = MapGeometry::compute(map, index, document.revision(), &mut Estimate);
        let claim = map.claims[4].clone();
        let longer =
            Claim { text: format!("{} And a good deal more, to wrap onto lines of its own.", claim.text), ..claim };
        geometry = follow(&mut document, geometry, |d| {
            d.apply(update_claim(d.map(), longer, "Edit").expect("edit")).expect("applies")
        });
        assert!(document.replaced_since(document.revision()).is_none(), "only from the revision before");
        let moved = document.map().claims[7].id.clone();
        geometry = follow(&mut document, geometry, |d| {
            d.apply(move_claims(d.map(), &[(moved, Position::new(-900.0, 40.0))])).expect("applies")
        });
        let event = document
            .map()
            .events
            .iter()
            .find(|e| {
                geometry.chips[document.index().position(&ItemRef::Event(e.id.clone())).expect("there")].is_some()
            })
            .expect("evidence")
            .clone();
        let retitled = crate::model::Event {
            title: "A much longer title for this event, long enough to need three lines".to_owned(),
            ..event
        };
        geometry = follow(&mut document, geometry, |d| {
            d.apply(update_event(d.map(), retitled, "Edit").expect("edit")).expect("applies")
        });
        let mut link = document.map().links[2].clone();
        link.strength = if link.strength == Strength::Weak { Strength::Strong } else { Strength::Weak };
        geometry = follow(&mut document, geometry, |d| {
            d.apply(update_link(d.map(), link, "Edit").expect("edit")).expect("applies")
        });
        let renamed = Claim { id: "renamed-claim".into(), ..document.map().claims[9].clone() };
        let rename = Transaction::new("Rename", vec![Op::Replace { index: 9, item: Item::Claim(renamed) }]);
        geometry = follow(&mut document, geometry, |d| d.apply(rename).expect("applies"));
        assert!(document.index().contains(&ItemRef::Claim("renamed-claim".into())), "the index found the new id");
        let gone = ItemRef::Claim(document.map().claims[12].id.clone());
        geometry = follow(&mut document, geometry, |d| d.apply(delete(d.map(), &[gone])).expect("applies"));
        let (from, to) = (document.map().claims[1].id.clone(), document.map().claims[2].id.clone());
        let (from, to) = (LinkFrom::Claim(from), LinkTo::Claim(to));
        let (added, _) = new_link(document.map(), from, to, Relation::Supports, Strength::Weak).expect("a new link");
        geometry = follow(&mut document, geometry, |d| d.apply(added).expect("applies"));
        for _ in 0..7 {
            geometry = follow(&mut document, geometry, |d| assert!(d.undo().expect("undoes").is_some()));
        }
        for _ in 0..7 {
            geometry = follow(&mut document, geometry, |d| assert!(d.redo().expect("redoes").is_some()));
        }
    }
}
