//! The inspector for a claim: kind, text, detail, pinned, tags and citations.

use super::fields::{self, TextField};
use super::{Editor, edited, heading_ui};
use crate::edit::commands::update_claim;
use crate::model::{Claim, ClaimKind, ItemRef};
use egui::Ui;

pub(super) fn claim_ui(ui: &mut Ui, editor: &mut Editor<'_>, claim: &Claim) {
    let key = |field: &str| format!("claim {} {field}", claim.id);
    heading_ui(
        ui,
        &claim.kind.label().to_uppercase(),
        super::super::theme::kind_color(claim.kind, ui.visuals().dark_mode),
    );
    let kind_key = key("kind");
    if let Some(kind) = fields::choice_ui(ui, &kind_key, "Kind", &claim.kind, &ClaimKind::ALL, |k| k.label().to_owned())
    {
        let transaction = update_claim(editor.map, edited(claim, |c| c.kind = kind), "Change claim kind");
        editor.commit(&kind_key, transaction, None);
    }
    TextField::multiline(&key("text"), "Text").required().ui(ui, editor, &claim.text, |map, text| {
        update_claim(map, edited(claim, |c| c.text.clone_from(&text)), "Edit claim text")
    });
    TextField::multiline(&key("detail"), "Detail").ui(ui, editor, &claim.detail, |map, detail| {
        update_claim(map, edited(claim, |c| c.detail.clone_from(&detail)), "Edit claim detail")
    });
    let mut pinned = claim.pinned;
    let pin = ui.checkbox(&mut pinned, "Pinned").on_hover_text("Kept in place by automatic layout");
    if pin.changed() {
        let label = if pinned { "Pin claim" } else { "Unpin claim" };
        let transaction = update_claim(editor.map, edited(claim, |c| c.pinned = pinned), label);
        editor.commit(&key("pinned"), transaction, None);
    }
    let weights_key = key("weights");
    if let Some((credibility, relevance)) = fields::weights_ui(ui, &weights_key, claim.credibility, claim.relevance) {
        let weighed = edited(claim, |x| (x.credibility, x.relevance) = (credibility, relevance));
        editor.commit(&weights_key, update_claim(editor.map, weighed, "Weigh claim as evidence"), None);
    }
    fields::read_only_ui(ui, "Id", claim.id.as_str());
    let position_key = key("position");
    let input = fields::position_ui(ui, claim.position);
    if input.began {
        editor.gesture(&position_key, true);
    }
    if let Some(position) = input.changed {
        let gesture = editor.gesture(&position_key, false);
        let transaction = update_claim(editor.map, edited(claim, |c| c.position = position), "Move claim");
        editor.commit(&position_key, transaction, Some(gesture));
    }
    let tags_key = key("tags");
    if let Some(tags) = fields::tags_ui(ui, editor, &tags_key, &claim.tags) {
        let transaction = update_claim(editor.map, edited(claim, |c| c.tags.clone_from(&tags)), "Edit claim tags");
        editor.commit(&tags_key, transaction, None);
    }
    super::links_and_citations_ui(ui, editor, ItemRef::Claim(claim.id.clone()), &claim.citations);
}
