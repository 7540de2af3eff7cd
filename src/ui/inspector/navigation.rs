//! The inspector's rows that navigate: a link's two ends, and the links that
//! bear on or start from the selected item, each going to its other end.

use super::super::theme;
use crate::model::{ItemRef, Map};
use egui::{RichText, Ui};

/// A caption and the name of `target` as a link; returns whether it was clicked.
pub(super) fn navigate_row(ui: &mut Ui, caption: &str, target: &str) -> bool {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(caption).small().weak());
        ui.link(target).on_hover_text("Go to this item").clicked()
    })
    .inner
}

/// Incoming and outgoing links of `item`, each a row that goes to its other end.
pub(super) fn links_ui(ui: &mut Ui, map: &Map, item: &ItemRef) -> Option<ItemRef> {
    let dark = ui.visuals().dark_mode;
    let outgoing: Vec<_> = map.links.iter().filter(|link| link.starts_at(item)).collect();
    let incoming: Vec<_> = map.links.iter().filter(|link| link.ends_at(item)).collect();
    let mut go_to = None;
    for (title, links, outgoing) in [("Bears on", outgoing, true), ("Evidence and objections", incoming, false)] {
        if links.is_empty() {
            continue;
        }
        super::section_ui(ui, &format!("{title} ({})", links.len()));
        for link in links {
            let other = if outgoing { link.target_item() } else { link.source_item() };
            ui.horizontal_wrapped(|ui| {
                let color = theme::relation_color(link.relation, dark);
                let relation =
                    if outgoing { link.relation.label().to_owned() } else { format!("{} by", link.relation.name()) };
                if ui.link(RichText::new(relation).color(color)).on_hover_text("Select this link").clicked() {
                    go_to = Some(ItemRef::Link(link.id.clone()));
                }
                ui.label(RichText::new(format!("({})", link.strength.label())).weak().small());
                if ui.link(map.item_name(&other)).on_hover_text("Go to this item").clicked() {
                    go_to = Some(other.clone());
                }
            });
        }
    }
    go_to
}
