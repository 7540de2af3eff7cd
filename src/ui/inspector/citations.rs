//! An item's citations: each one's source (picked from the map's sources),
//! quote and locator, editable and removable; and a form that adds a citation
//! of a source of the map, or of a new source added in the same step.

use super::fields::{self, TextField};
use super::{Editor, section_ui, sources};
use crate::edit::catalogue::{add_citation, set_citations};
use crate::edit::commands::fresh_id;
use crate::model::{Citation, ItemRef, Map, Source, SourceId};
use egui::{RichText, TextEdit, Ui};

/// A citation being composed in the add-citation form.
pub(super) struct Draft {
    item: ItemRef,
    /// `None`: a new source, titled `new_title`.
    source: Option<SourceId>,
    new_title: String,
    quote: String,
    locator: String,
}

fn source_title(map: &Map, source: &Option<SourceId>) -> String {
    match source {
        Some(id) => map.source(id).map_or_else(|| format!("unknown source {id}"), |source| source.title.clone()),
        None => "New source…".to_owned(),
    }
}

pub(super) fn citations_ui(ui: &mut Ui, editor: &mut Editor<'_>, item: &ItemRef, citations: &[Citation]) {
    section_ui(ui, &format!("Citations ({})", citations.len()));
    let map = editor.map;
    let with = |index: usize, change: &dyn Fn(&mut Citation)| {
        let mut changed = citations.to_vec();
        if let Some(citation) = changed.get_mut(index) {
            change(citation);
        }
        changed
    };
    let sources: Vec<Option<SourceId>> = map.sources.iter().map(|source| Some(source.id.clone())).collect();
    for (index, citation) in citations.iter().enumerate() {
        let key = |field: &str| format!("{item} citation {index} {field}");
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let source_key = key("source");
            let current = Some(citation.source.clone());
            if let Some(Some(source)) =
                fields::choice_ui(ui, &source_key, "Source", &current, &sources, |s| source_title(map, s))
            {
                let cited = with(index, &|c| c.source.clone_from(&source));
                editor.commit(&source_key, set_citations(map, item, cited, "Change cited source"), None);
            }
            editor.notice_ui(ui, &source_key);
            if let Some(source) = map.source(&citation.source) {
                sources::byline_ui(ui, source);
            }
            TextField::multiline(&key("quote"), "Quote").required().ui(ui, editor, &citation.quote, |map, quote| {
                set_citations(map, item, with(index, &|c| c.quote.clone_from(&quote)), "Edit quote")
            });
            let locator = citation.locator.clone().unwrap_or_default();
            TextField::line(&key("locator"), "Locator").ui(ui, editor, &locator, |map, locator| {
                let locator = Some(locator).filter(|text| !text.is_empty());
                set_citations(map, item, with(index, &|c| c.locator.clone_from(&locator)), "Edit locator")
            });
            if ui.button("Remove citation").clicked() {
                let mut kept = citations.to_vec();
                kept.remove(index);
                editor.commit(&key("quote"), set_citations(map, item, kept, "Remove citation"), None);
            }
        });
    }
    add_citation_ui(ui, editor, item, sources);
}

fn add_citation_ui(ui: &mut Ui, editor: &mut Editor<'_>, item: &ItemRef, mut sources: Vec<Option<SourceId>>) {
    let map = editor.map;
    let key = format!("{item} new citation");
    // A draft for another item is dropped when this one is shown.
    let Some(mut draft) = editor.state.citation_draft.take().filter(|draft| &draft.item == item) else {
        if ui.button("Add citation").on_hover_text("Quote a source of the map, or a new one").clicked() {
            let source = sources.first().cloned().flatten();
            editor.state.citation_draft = Some(Draft {
                item: item.clone(),
                source,
                new_title: String::new(),
                quote: String::new(),
                locator: String::new(),
            });
        }
        return;
    };
    let mut add = false;
    let mut keep = true;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("New citation").strong());
        sources.push(None);
        if let Some(source) =
            fields::choice_ui(ui, &format!("{key} source"), "Source to cite", &draft.source, &sources, |s| {
                source_title(map, s)
            })
        {
            draft.source = source;
        }
        if draft.source.is_none() {
            draft_field_ui(ui, "Title of the new source", &mut draft.new_title, false);
        }
        draft_field_ui(ui, "Quote to add", &mut draft.quote, true);
        draft_field_ui(ui, "Locator to add", &mut draft.locator, false);
        ui.horizontal(|ui| {
            add = ui.button("Add this citation").clicked();
            keep = !ui.button("Cancel").clicked();
        });
    });
    if add {
        let new_source = draft.source.is_none().then(|| Source {
            id: fresh_id(map, &draft.new_title).into(),
            title: draft.new_title.trim().to_owned(),
            author: String::new(),
            outlet: String::new(),
            date: None,
            url: String::new(),
            text: None,
        });
        let source = new_source.as_ref().map_or_else(|| draft.source.clone(), |source| Some(source.id.clone()));
        let locator = Some(draft.locator.trim().to_owned()).filter(|text| !text.is_empty());
        let result = match source {
            Some(source) => add_citation(
                map,
                item,
                Citation { source, quote: draft.quote.clone(), locator, anchor: None },
                new_source,
            ),
            None => Err(crate::edit::EditError::Refused("pick a source to cite".to_owned())),
        };
        keep &= !editor.commit(&key, result, None);
    }
    if keep {
        editor.state.citation_draft = Some(draft);
    }
    editor.notice_ui(ui, &key);
}

/// A caption and a text field of the add-citation form (not yet in the map).
fn draft_field_ui(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) {
    let caption = ui.label(RichText::new(label).small().weak());
    let edit = if multiline { TextEdit::multiline(text).desired_rows(2) } else { TextEdit::singleline(text) };
    ui.add(edit.desired_width(f32::INFINITY)).labelled_by(caption.id);
}
