//! File ▸ Compare with…: the open map against another file, by id
//! ([`crate::vcs::diff`], the other file as the older side) — what this map
//! adds, removes and changes. Items on the map and the timeline get an outline
//! of their difference's colour (`theme::difference_color`); a panel lists
//! every difference to step through, a click selecting the item. The
//! differences are worked out on a worker ([`work_out`]), again whenever the
//! map changes; gone when comparing stops.

use super::action::{Action, Actions};
use super::difference_marks::DifferenceMarks;
use super::theme::{self, Difference};
use crate::model::{ItemRef, Map};
use crate::vcs::{Change, ItemKey};
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The open map compared with another file.
pub struct Comparison {
    compared: Compared,
    /// The marks on the map as it is now.
    pub drawn: DifferenceMarks,
    /// The difference last stepped to.
    pub current: Option<usize>,
}

/// The differences between the open map, at one revision, and the other
/// file: worked out on a worker thread ([`work_out`]), taken in by
/// [`Comparison::new`] or [`Comparison::update`].
pub struct Compared {
    pub path: PathBuf,
    other: Arc<Map>,
    /// The document revision the differences were worked out for.
    revision: u64,
    entries: Vec<Entry>,
}

/// One difference in the list.
struct Entry {
    difference: Difference,
    /// What the list says: `Changed claim "budget" (text): Halved`.
    label: String,
    /// The item, when it is in this map and shown on the map or timeline.
    item: Option<ItemRef>,
}

/// `map` (at `revision`) compared with `other`, read from `path`.
pub fn work_out(path: PathBuf, other: Arc<Map>, map: &Map, revision: u64) -> Compared {
    let entries = crate::vcs::diff(&other, map).changes.into_iter().map(entry).collect();
    Compared { path, other, revision, entries }
}

fn entry(change: crate::vcs::ItemChange) -> Entry {
    let (difference, fields) = match &change.change {
        Change::Added => (Difference::Added, String::new()),
        Change::Removed => (Difference::Removed, String::new()),
        Change::Changed { fields } => {
            let names: Vec<&str> = fields.iter().map(|field| field.field).collect();
            (Difference::Changed, format!(" ({})", names.join(", ")))
        }
    };
    let present = difference != Difference::Removed;
    let item = match &change.item {
        ItemKey::Claim(id) if present => Some(ItemRef::Claim(id.clone())),
        ItemKey::Event(id) if present => Some(ItemRef::Event(id.clone())),
        ItemKey::Link(id) if present => Some(ItemRef::Link(id.clone())),
        _ => None,
    };
    let verb = match difference {
        Difference::Added => "Added",
        Difference::Removed => "Removed",
        Difference::Changed => "Changed",
    };
    let title = if change.title.is_empty() { String::new() } else { format!(": {}", change.title) };
    Entry { difference, label: format!("{verb} {}{fields}{title}", change.item), item }
}

impl Comparison {
    /// The comparison shown on `map`, the map it was worked out for.
    pub fn new(compared: Compared, map: &Map) -> Self {
        let mut comparison = Self { compared, drawn: DifferenceMarks::default(), current: None };
        comparison.drawn = DifferenceMarks::of(map, &comparison.marks());
        comparison
    }

    /// Takes differences worked out again for `map` after it changed.
    pub fn update(&mut self, compared: Compared, map: &Map) {
        self.compared = compared;
        self.current = self.current.filter(|&current| current < self.compared.entries.len());
        self.drawn = DifferenceMarks::of(map, &self.marks());
    }

    pub fn path(&self) -> &Path {
        &self.compared.path
    }

    /// The other map, to compare with again after an edit.
    pub fn other(&self) -> Arc<Map> {
        Arc::clone(&self.compared.other)
    }

    /// The revision of the open map the differences are for.
    pub fn revision(&self) -> u64 {
        self.compared.revision
    }

    /// The name of the other file, for the panel.
    pub fn other_name(&self) -> String {
        super::files::file_name(&self.compared.path)
    }

    /// The items this map marks, with how they differ (removed items are not in it).
    pub fn marks(&self) -> Vec<(ItemRef, Difference)> {
        self.compared.entries.iter().filter_map(|entry| Some((entry.item.clone()?, entry.difference))).collect()
    }

    /// Difference `index`: made the current one; its item, if it is in this map.
    pub fn go_to(&mut self, index: usize) -> Option<Result<ItemRef, String>> {
        let entry = self.compared.entries.get(index)?;
        self.current = Some(index);
        Some(entry.item.clone().ok_or_else(|| format!("{} — it is not on the map or the timeline.", entry.label)))
    }

    /// The difference `by` places after the current one (before, if negative), going round.
    pub fn neighbour(&self, by: isize) -> Option<usize> {
        let count = self.compared.entries.len() as isize;
        if count == 0 {
            return None;
        }
        let next = match self.current {
            Some(current) => current as isize + by,
            None if by > 0 => 0,
            None => count - 1,
        };
        Some(next.rem_euclid(count) as usize)
    }

    /// The panel: counts, stepping, and the list of differences.
    pub fn panel_ui(&self, ui: &mut Ui, actions: &mut Actions) {
        let dark = ui.visuals().dark_mode;
        ui.heading(format!("Compared with {}", self.other_name()));
        ui.label(RichText::new("What this map adds, removes and changes since that file.").weak());
        ui.horizontal_wrapped(|ui| {
            for (difference, word) in
                [(Difference::Added, "added"), (Difference::Removed, "removed"), (Difference::Changed, "changed")]
            {
                let count = self.compared.entries.iter().filter(|entry| entry.difference == difference).count();
                ui.label(RichText::new(format!("{count} {word}")).color(theme::difference_color(difference, dark)));
            }
        });
        ui.horizontal(|ui| {
            let any = !self.compared.entries.is_empty();
            if ui.add_enabled(any, egui::Button::new("Previous")).clicked()
                && let Some(index) = self.neighbour(-1)
            {
                actions.push(Action::GoToDifference(index));
            }
            if ui.add_enabled(any, egui::Button::new("Next")).clicked()
                && let Some(index) = self.neighbour(1)
            {
                actions.push(Action::GoToDifference(index));
            }
            if ui.button("Stop comparing").clicked() {
                actions.push(Action::StopComparing);
            }
        });
        ui.separator();
        if self.compared.entries.is_empty() {
            ui.label("The two maps are the same.");
            return;
        }
        egui::ScrollArea::vertical().id_salt("compare-list").show(ui, |ui| {
            for (index, entry) in self.compared.entries.iter().enumerate() {
                let text = RichText::new(&entry.label).color(theme::difference_color(entry.difference, dark));
                if ui.selectable_label(self.current == Some(index), text).clicked() {
                    actions.push(Action::GoToDifference(index));
                }
            }
        });
    }
}
