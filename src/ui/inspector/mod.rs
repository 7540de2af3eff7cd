//! The inspector: every field of the selected item, editable, with its
//! citations and the links that touch it as rows that navigate; with nothing
//! selected, the map's details, its sources and its lanes.
//!
//! The inspector never changes the map: it pushes its edits (and the items a
//! link row goes to) onto the app's action queue, which applies them through
//! the document's one undo history. Its view state (the text being typed,
//! drafts, the last refusal) is an [`InspectorState`] that the app keeps
//! between frames.

mod citations;
mod claim;
mod event;
mod fields;
mod lanes;
mod link;
mod many;
mod map_details;
mod navigation;
mod sources;

use super::action::{Action, Actions};
use super::selection::{Origin, Selection};
use crate::edit::{EditError, Transaction};
use crate::model::{ItemRef, Map, SourceId};
use egui::{RichText, Ui};
use std::collections::HashMap;

/// The inspector's view state, kept by the app between frames.
#[derive(Default)]
pub struct InspectorState {
    /// The text of the focused field, by field.
    buffers: HashMap<egui::Id, fields::FieldBuffer>,
    /// Text typed into fields that are not yet part of the map (a new tag, a
    /// new citation's quote), by field key.
    drafts: HashMap<String, String>,
    /// The citation being composed, if the add-citation form is open.
    citation_draft: Option<citations::Draft>,
    /// The last refusal, shown under the field it concerns until dismissed.
    notice: Option<Notice>,
    /// A source just added, to open in the list once.
    reveal_source: Option<SourceId>,
    /// The undo gesture of each picker or drag field (a lane's colour, a
    /// claim's position), since it was last opened or grabbed, by field key.
    gestures: HashMap<String, u64>,
    /// The offset a selection of many is moved by.
    move_by: [f32; 2],
}

struct Notice {
    /// The key of the field the notice is shown under.
    at: String,
    message: String,
}

/// What each part of the inspector edits with: the map as shown, the view
/// state, and the app's action queue.
struct Editor<'a> {
    map: &'a Map,
    state: &'a mut InspectorState,
    actions: &'a mut Actions,
}

impl Editor<'_> {
    /// Queues `result`'s transaction, or shows its refusal under the field `at`.
    /// Edits of one `gesture` (typing in one field while it has focus) merge
    /// into one undo step; `None` for a step of its own.
    /// Returns whether a transaction was queued.
    fn commit(&mut self, at: &str, result: Result<Transaction, EditError>, gesture: Option<u64>) -> bool {
        match result {
            Ok(transaction) => {
                if self.state.notice.as_ref().is_some_and(|notice| notice.at == at) {
                    self.state.notice = None;
                }
                self.actions.push(Action::Apply { transaction, gesture });
                true
            }
            Err(error) => {
                self.refuse(at, sentence(&error.to_string()));
                false
            }
        }
    }

    /// The undo gesture of the field `at`: a new one when `restart` (the
    /// picker opened, the drag began), else the one it has.
    fn gesture(&mut self, at: &str, restart: bool) -> u64 {
        if restart || !self.state.gestures.contains_key(at) {
            self.state.gestures.insert(at.to_owned(), super::document::new_gesture());
        }
        self.state.gestures.get(at).copied().unwrap_or_default()
    }

    /// Selects `item`, as a click on a link row does.
    fn go_to(&mut self, item: ItemRef) {
        self.actions.push(Action::Select { item, origin: Origin::Other });
    }

    fn refuse(&mut self, at: &str, message: String) {
        self.state.notice = Some(Notice { at: at.to_owned(), message });
    }

    /// The refusal about the field `at`, if there is one, with a way to dismiss it.
    fn notice_ui(&mut self, ui: &mut Ui, at: &str) {
        let Some(notice) = self.state.notice.as_ref().filter(|notice| notice.at == at) else { return };
        let mut dismissed = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&notice.message).color(ui.visuals().error_fg_color));
            dismissed = ui.small_button("OK").clicked();
        });
        if dismissed {
            self.state.notice = None;
        }
    }
}

/// A copy of `item` with `change` made to it: what an update builder takes.
fn edited<T: Clone>(item: &T, change: impl FnOnce(&mut T)) -> T {
    let mut changed = item.clone();
    change(&mut changed);
    changed
}

/// `text` with a capital first letter and a closing full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    let end = if text.ends_with('.') { "" } else { "." };
    format!("{}{}{end}", first.to_uppercase(), chars.as_str())
}

/// Shows the inspector for the selection (or the map, when nothing is selected).
pub fn inspector_ui(ui: &mut Ui, map: &Map, selection: &Selection, state: &mut InspectorState, actions: &mut Actions) {
    let mut editor = Editor { map, state, actions };
    // Each item keeps its own scroll position, and a newly selected one starts at its top.
    let scroll = egui::ScrollArea::vertical().id_salt(("inspector", selection.primary())).auto_shrink([false, false]);
    scroll.show(ui, |ui| {
        // Room on the right for the scroll bar, so that it never covers a field.
        ui.set_max_width(ui.available_width() - ui.spacing().scroll.bar_width - 4.0);
        ui.spacing_mut().item_spacing.y = 5.0;
        if selection.len() > 1 {
            return many::many_ui(ui, &mut editor, selection);
        }
        match selection.primary() {
            None => map_details::map_ui(ui, &mut editor),
            Some(ItemRef::Claim(id)) => match map.claim(id) {
                Some(claim) => claim::claim_ui(ui, &mut editor, claim),
                None => missing_ui(ui),
            },
            Some(ItemRef::Event(id)) => match map.event(id) {
                Some(event) => event::event_ui(ui, &mut editor, event),
                None => missing_ui(ui),
            },
            Some(ItemRef::Link(id)) => match map.link(id) {
                Some(link) => link::link_ui(ui, &mut editor, link),
                None => missing_ui(ui),
            },
        }
    });
}

/// The links that start or end at `item`, as rows that go to their other end;
/// then `item`'s citations.
fn links_and_citations_ui(ui: &mut Ui, editor: &mut Editor<'_>, item: ItemRef, citations: &[crate::model::Citation]) {
    if let Some(target) = navigation::links_ui(ui, editor.map, &item) {
        editor.go_to(target);
    }
    citations::citations_ui(ui, editor, &item, citations);
}

fn missing_ui(ui: &mut Ui) {
    ui.label("The selected item is no longer in the map.");
}

/// The small capitals over an item's fields ("EVENT"), in `color`.
fn heading_ui(ui: &mut Ui, kind: &str, color: egui::Color32) {
    ui.label(RichText::new(kind).small().strong().color(color));
}

/// A heading between groups of fields.
fn section_ui(ui: &mut Ui, title: &str) {
    ui.add_space(4.0);
    ui.separator();
    ui.label(RichText::new(title).strong());
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn refusals_read_as_sentences() {
        assert_eq!(sentence("the lane holds 1 event"), "The lane holds 1 event.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
