//! Copy, cut, paste and duplicate in the window. The selection travels as
//! RON text on the system clipboard (see [`crate::edit::clipboard`]), so it
//! pastes into this map, another map, or another Argline window; other text
//! pastes as a new claim. A paste lands under the pointer and is selected.

use super::ArglineApp;
use crate::edit::clipboard::{Fragment, paste};
use crate::model::Position;

/// How far a duplicate lands from its original, in canvas units.
const DUPLICATE_OFFSET: f32 = 40.0;

impl ArglineApp {
    /// Puts the selection on the clipboard; false when nothing copyable is selected.
    pub(super) fn copy(&mut self, ctx: &egui::Context) -> bool {
        let fragment = Fragment::copy(self.document.map(), self.views.selection.items());
        if fragment.is_empty() {
            self.notifications.notice("Select claims or events to copy them.");
            return false;
        }
        ctx.copy_text(fragment.to_text());
        self.notifications.notice(format!("Copied {}.", items(fragment.item_count())));
        true
    }

    pub(super) fn cut(&mut self, ctx: &egui::Context) {
        if self.copy(ctx) {
            let transaction = crate::edit::gestures::cut(self.document.map(), self.views.selection.items());
            self.apply(transaction);
            self.views.selection.clear();
        }
    }

    /// Pastes clipboard `text`: Argline items where they were copied from
    /// another map, centred under the pointer; any other text as a claim.
    pub(super) fn paste(&mut self, text: &str) {
        let Some(fragment) = Fragment::from_text(text).or_else(|| Fragment::from_plain_text(text)) else {
            self.notifications.notice("The clipboard holds nothing to paste.");
            return;
        };
        let anchor = self.views.map_view.paste_anchor();
        let offset = fragment
            .centre()
            .map_or(Position::new(0.0, 0.0), |centre| Position::new(anchor.x - centre.x, anchor.y - centre.y));
        self.add_fragment(&fragment, offset, "Paste");
    }

    /// Copies the selection beside itself, in one step.
    pub(super) fn duplicate(&mut self) {
        let fragment = Fragment::copy(self.document.map(), self.views.selection.items());
        if fragment.is_empty() {
            self.notifications.notice("Select claims or events to duplicate them.");
            return;
        }
        self.add_fragment(&fragment, Position::new(DUPLICATE_OFFSET, DUPLICATE_OFFSET), "Duplicate");
    }

    fn add_fragment(&mut self, fragment: &Fragment, offset: Position, verb: &str) {
        match paste(self.document.map(), fragment, offset, verb) {
            Ok(pasted) => {
                self.apply(pasted.transaction);
                self.views.select_many(pasted.items, false, crate::ui::selection::Origin::Map);
            }
            Err(error) => self.notifications.problem(format!("Nothing was pasted: {error}.")),
        }
    }
}

fn items(count: usize) -> String {
    if count == 1 { "1 item".to_owned() } else { format!("{count} items") }
}
