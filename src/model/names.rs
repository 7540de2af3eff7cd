//! How items are named to a person — in the inspector, the find panel, the
//! status bar and the map's accessible labels: short, readable, and the same
//! everywhere.

use super::{ItemRef, Link, Map};

impl Map {
    /// A short, readable name for any item. A link is named by its ends, and a
    /// link it bears on only by its relation, so names stay short on long chains.
    pub fn item_name(&self, item: &ItemRef) -> String {
        match item {
            ItemRef::Link(id) => self.link(id).map_or_else(
                || id.to_string(),
                |link| {
                    let target = match link.target_item() {
                        ItemRef::Link(_) => "another link".to_owned(),
                        other => self.end_name(&other),
                    };
                    format!("the link ({} {} {target})", self.end_name(&link.source_item()), link.relation.label())
                },
            ),
            other => self.end_name(other),
        }
    }

    /// "Event: X supports Explanation: Y" — how a link reads aloud.
    pub fn link_label(&self, link: &Link) -> String {
        format!(
            "{} {} {}",
            self.item_name(&link.source_item()),
            link.relation.label(),
            self.item_name(&link.target_item())
        )
    }

    /// The name of an event or claim; links are only called "a link".
    fn end_name(&self, item: &ItemRef) -> String {
        match item {
            ItemRef::Event(id) => self.event(id).map_or_else(|| id.to_string(), |event| event.title.clone()),
            ItemRef::Claim(id) => self.claim(id).map_or_else(|| id.to_string(), |claim| format!("“{}”", claim.text)),
            ItemRef::Link(_) => "a link".to_owned(),
        }
    }
}
