//! The inspector for a link: its two ends (rows that navigate), relation,
//! strength, note and citations.

use super::fields::{self, TextField};
use super::navigation::navigate_row;
use super::{Editor, edited, heading_ui};
use crate::edit::commands::update_link;
use crate::model::{ItemRef, Link, Relation, Strength};
use crate::ui::theme;
use egui::{RichText, Ui};

pub(super) fn link_ui(ui: &mut Ui, editor: &mut Editor<'_>, link: &Link) {
    let key = |field: &str| format!("link {} {field}", link.id);
    let map = editor.map;
    let color = theme::relation_color(link.relation, ui.visuals().dark_mode);
    heading_ui(ui, "LINK", color);
    ui.label(RichText::new(map.link_label(link)).strong());
    if navigate_row(ui, "From", &map.item_name(&link.source_item())) {
        editor.go_to(link.source_item());
    }
    if navigate_row(ui, "To", &map.item_name(&link.target_item())) {
        editor.go_to(link.target_item());
    }
    let relation_key = key("relation");
    if let Some(relation) =
        fields::choice_ui(ui, &relation_key, "Relation", &link.relation, &Relation::ALL, |r| r.name().to_owned())
    {
        let transaction = update_link(map, edited(link, |l| l.relation = relation), "Change link relation");
        editor.commit(&relation_key, transaction, None);
    }
    let strength_key = key("strength");
    if let Some(strength) =
        fields::choice_ui(ui, &strength_key, "Strength", &link.strength, &Strength::ALL, |s| s.label().to_owned())
    {
        let transaction = update_link(map, edited(link, |l| l.strength = strength), "Change link strength");
        editor.commit(&strength_key, transaction, None);
    }
    TextField::multiline(&key("note"), "Note").ui(ui, editor, &link.note, |map, note| {
        update_link(map, edited(link, |l| l.note.clone_from(&note)), "Edit link note")
    });
    fields::read_only_ui(ui, "Id", link.id.as_str());
    super::links_and_citations_ui(ui, editor, ItemRef::Link(link.id.clone()), &link.citations);
}
