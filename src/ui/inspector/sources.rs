//! The map's sources, when nothing is selected: each one's title, author,
//! outlet, date and address, editable; add a source; delete one that no
//! citation quotes (a cited source is refused, saying where it is cited).
//! Also the byline that citations show under their source.

use super::fields::{self, TextField};
use super::{Editor, edited, section_ui};
use crate::edit::catalogue::{add_source, delete_source, items_citing, update_source};
use crate::edit::commands::fresh_id;
use crate::model::{Date, Precision, Source};
use egui::collapsing_header::CollapsingState;
use egui::{RichText, Ui};

/// Only http and https addresses are offered as links, and only on click.
pub fn is_openable_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Author, outlet and date on one line, and the address as a link.
pub(super) fn byline_ui(ui: &mut Ui, source: &Source) {
    let byline: Vec<String> =
        [source.author.clone(), source.outlet.clone(), source.date.map(|d| d.human()).unwrap_or_default()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
    if !byline.is_empty() {
        ui.label(RichText::new(byline.join(" · ")).weak());
    }
    if is_openable_url(&source.url) {
        ui.hyperlink_to(RichText::new(&source.url).small(), &source.url);
    } else if !source.url.is_empty() {
        ui.label(RichText::new(format!("{} (not a web address; not opened)", source.url)).small().weak());
    }
}

pub(super) fn sources_ui(ui: &mut Ui, editor: &mut Editor<'_>) {
    let map = editor.map;
    section_ui(ui, &format!("Sources ({})", map.sources.len()));
    for source in &map.sources {
        let reveal = editor.state.reveal_source.as_ref() == Some(&source.id);
        // A header of its own, not egui's CollapsingHeader: that one never wraps or
        // cuts its text, so a long title would widen the inspector past its panel.
        let id = ui.make_persistent_id(("inspector source", source.id.as_str()));
        let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
        if reveal {
            state.set_open(true);
        }
        let (_, title, body) = state
            .show_header(ui, |ui| {
                let title = egui::Label::new(&source.title).truncate().sense(egui::Sense::click());
                ui.add(title).on_hover_text(&source.title)
            })
            .body(|ui| source_ui(ui, editor, source));
        if title.inner.clicked() {
            let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
            state.toggle(ui);
            state.store(ui.ctx());
        }
        if reveal && body.is_some() {
            editor.state.reveal_source = None;
        }
    }
    let key = "new source";
    if ui.button("Add source").clicked() {
        let source = Source {
            id: fresh_id(map, "new source").into(),
            title: "New source".to_owned(),
            author: String::new(),
            outlet: String::new(),
            date: None,
            url: String::new(),
            text: None,
        };
        let id = source.id.clone();
        if editor.commit(key, add_source(map, source), None) {
            editor.state.reveal_source = Some(id);
        }
    }
    editor.notice_ui(ui, key);
}

/// Where one text field of a source keeps its text.
type TextOf = fn(&mut Source) -> &mut String;

fn source_ui(ui: &mut Ui, editor: &mut Editor<'_>, source: &Source) {
    let key = |field: &str| format!("source {} {field}", source.id);
    // Each text field of a source: its key, its label, where its text is, and
    // whether it may be empty.
    let text_fields: [(&str, &str, TextOf, bool); 4] = [
        ("title", "Title", |s| &mut s.title, true),
        ("author", "Author", |s| &mut s.author, false),
        ("outlet", "Outlet", |s| &mut s.outlet, false),
        ("url", "Web address", |s| &mut s.url, false),
    ];
    for (field, label, text_of, required) in text_fields {
        let field_key = key(field);
        let text_field = TextField::line(&field_key, label);
        let text_field = if required { text_field.required() } else { text_field };
        let current = text_of(&mut source.clone()).clone();
        text_field.ui(ui, editor, &current, |map, text| {
            let changed = edited(source, |s| *text_of(s) = text);
            update_source(map, changed, &format!("Edit source {}", label.to_lowercase()))
        });
    }
    let date_key = key("date");
    match source.date {
        Some(date) => {
            if let Some(date) = fields::date_ui(ui, &date_key, "Date", date) {
                editor.commit(
                    &date_key,
                    update_source(editor.map, edited(source, |s| s.date = Some(date)), "Change source date"),
                    None,
                );
            }
            if ui.button("Remove date").clicked() {
                editor.commit(
                    &date_key,
                    update_source(editor.map, edited(source, |s| s.date = None), "Remove source date"),
                    None,
                );
            }
        }
        None => {
            if ui.button("Add date").on_hover_text("When the source was published").clicked() {
                let today = Date::from_naive(chrono::Local::now().date_naive(), Precision::Day);
                editor.commit(
                    &date_key,
                    update_source(editor.map, edited(source, |s| s.date = Some(today)), "Add source date"),
                    None,
                );
            }
        }
    }
    editor.notice_ui(ui, &date_key);
    byline_ui(ui, source);
    fields::read_only_ui(ui, "Id", source.id.as_str());
    let cited_by = items_citing(editor.map, &source.id).len();
    let delete_key = key("delete");
    ui.horizontal(|ui| {
        let uses = match cited_by {
            0 => "Not cited".to_owned(),
            1 => "Cited by 1 item".to_owned(),
            n => format!("Cited by {n} items"),
        };
        ui.label(RichText::new(uses).small().weak());
        let delete = ui.button("Delete source").on_hover_text("Only a source that nothing cites can be deleted");
        if delete.accessible_name(format!("Delete source {}", source.title)).clicked() {
            editor.commit(&delete_key, delete_source(editor.map, &source.id), None);
        }
    });
    editor.notice_ui(ui, &delete_key);
}

#[cfg(test)]
mod tests {
    use super::is_openable_url;

    #[test]
    fn only_web_addresses_open() {
        assert!(is_openable_url("https://www.lawfaremedia.org/x"));
        assert!(is_openable_url("HTTP://example.org"));
        for refused in ["javascript:alert(1)", "file:///etc/passwd", "ftp://x", "", "data:text/html,x"] {
            assert!(!is_openable_url(refused), "{refused}");
        }
    }
}
