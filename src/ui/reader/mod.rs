//! The source reader: a panel showing one source's attached text with every
//! cited passage highlighted in its relation's colour. Hovering a passage
//! names the items that cite it and a click goes to the first; selecting an
//! item brings its quotes into view; Find searches the text. A passage
//! selected in the text becomes a new claim quoting it, or a citation on the
//! selected item; the quote check of the source's citations is listed on top,
//! with "Take the source's words" for a changed quote. The texts and their
//! check come from `ui::quote_checks`.

mod find;
mod marks;

use crate::edit::citing::Passage;
use crate::model::{ItemRef, Map, SourceId};
use crate::sources::library::LoadedTexts;
use crate::sources::{CitationCheck, SourceText};
use crate::ui::action::{Action, Actions};
use crate::ui::quote_checks::check_list_ui;
use crate::ui::selection::{Origin, Selection};
use egui::text::CCursor;
use marks::{Emphasis, Look, Mark};

#[derive(Default)]
pub struct ReaderPanel {
    source: Option<SourceId>,
    find: String,
    /// A character to bring into view next frame.
    scroll_next: Option<usize>,
    /// The passage selected in the text, as last drawn.
    selected: Option<(usize, usize)>,
    seen_selection: Option<u64>,
}

impl ReaderPanel {
    /// Shows the source that the newly selected item quotes, at its first quote.
    fn follow_selection(&mut self, map: &Map, selection: &Selection, checks: &[CitationCheck]) {
        if self.seen_selection == Some(selection.generation()) {
            return;
        }
        self.seen_selection = Some(selection.generation());
        let Some(item) = selection.primary() else { return };
        let citations = crate::edit::catalogue::citations_of(map, item);
        let quoted = checks.iter().filter(|checked| &checked.item == item).find_map(|checked| {
            let source = &citations.get(checked.citation_index)?.source;
            checked.check.found.as_ref().map(|found| (source.clone(), found.start))
        });
        if let Some((source, start)) = quoted {
            self.show_source(source);
            self.scroll_next = Some(start);
        }
    }

    fn show_source(&mut self, source: SourceId) {
        if self.source.as_ref() != Some(&source) {
            self.selected = None;
            self.source = Some(source);
        }
    }

    /// Shows the panel over `texts`, with `checks` of the map's citations against them.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        texts: &LoadedTexts,
        checks: &[CitationCheck],
        selection: &Selection,
        actions: &mut Actions,
    ) {
        self.follow_selection(map, selection, checks);
        ui.heading("Source reader");
        if map.sources.is_empty() {
            ui.label("This map has no sources yet: add one in the inspector.");
            return;
        }
        if self.source.as_ref().is_none_or(|id| map.source(id).is_none()) {
            let with_text = map.sources.iter().find(|source| texts.text_of(&source.id).is_ok());
            self.source = with_text.or(map.sources.first()).map(|source| source.id.clone());
        }
        let Some(source) = self.source.clone() else { return };
        self.source_picker_ui(ui, map, texts, &source);
        let of_source: Vec<&CitationCheck> = checks
            .iter()
            .filter(|checked| {
                crate::edit::catalogue::citations_of(map, &checked.item)
                    .get(checked.citation_index)
                    .is_some_and(|citation| citation.source == source)
            })
            .collect();
        for note in &texts.notes {
            ui.label(egui::RichText::new(note).weak());
        }
        let text = match texts.text_of(&source) {
            Ok(_) => texts.shared(&source),
            Err(reason) => {
                ui.label(reason);
                if ui.button("Attach source texts…").clicked() {
                    actions.push(Action::ChooseTextsFolder);
                }
                None
            }
        };
        check_list_ui(ui, map, texts, &of_source, "reader-quote-check", actions);
        let Some(text) = text else { return };
        self.find_ui(ui, &text);
        self.passage_buttons_ui(ui, &source, &text, selection, actions);
        ui.separator();
        let owned: Vec<CitationCheck> = of_source.into_iter().cloned().collect();
        let marks = marks::marks_of(map, &source, &owned);
        self.text_ui(ui, map, &text, &marks, selection, actions);
    }

    fn source_picker_ui(&mut self, ui: &mut egui::Ui, map: &Map, texts: &LoadedTexts, shown: &SourceId) {
        let title_of = |id: &SourceId| map.source(id).map_or_else(|| id.to_string(), |source| source.title.clone());
        egui::ComboBox::from_label("Source").selected_text(title_of(shown)).width(ui.available_width() - 70.0).show_ui(
            ui,
            |ui| {
                for source in &map.sources {
                    let mark = if texts.text_of(&source.id).is_ok() { "" } else { " (no text)" };
                    if ui.selectable_label(&source.id == shown, format!("{}{mark}", source.title)).clicked() {
                        self.show_source(source.id.clone());
                    }
                }
            },
        );
    }

    fn find_ui(&mut self, ui: &mut egui::Ui, text: &SourceText) {
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.find)
                        .hint_text("Find in the text")
                        .desired_width(ui.available_width() - 90.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let matches = find::find_all(text.as_str(), &self.find);
            let next = ui.add_enabled(!matches.is_empty(), egui::Button::new("Next")).clicked();
            if field.changed() || entered || next {
                let after = if field.changed() { 0 } else { self.selected.map_or(0, |(_, end)| end) };
                let starts: Vec<usize> = matches.iter().map(|&byte| text.char_of_byte(byte)).collect();
                let chosen = starts.iter().find(|&&start| start >= after).or(starts.first());
                if let Some(&start) = chosen {
                    self.selected = Some((start, start + self.find.chars().count()));
                    self.scroll_next = Some(start);
                }
            }
            if !self.find.is_empty() {
                let count = matches.len();
                ui.label(if count == find::MAX_MATCHES { format!("{count}+") } else { count.to_string() });
            }
        });
    }

    fn passage_buttons_ui(
        &self,
        ui: &mut egui::Ui,
        source: &SourceId,
        text: &SourceText,
        selection: &Selection,
        actions: &mut Actions,
    ) {
        let passage = self.selected.filter(|(start, end)| start < end).and_then(|(start, end)| {
            let bytes = text.byte_range(start, end)?;
            let quote = text.as_str().get(bytes.clone())?.to_owned();
            Some(Passage { source: source.clone(), quote, anchor: text.anchor_of(bytes) })
        });
        ui.horizontal_wrapped(|ui| {
            let new_claim = ui.add_enabled(passage.is_some(), egui::Button::new("New claim from selection"));
            if new_claim.clicked()
                && let Some(passage) = &passage
            {
                actions.push(Action::ClaimFromPassage(passage.clone()));
            }
            let item = selection.primary();
            let cite =
                ui.add_enabled(passage.is_some() && item.is_some(), egui::Button::new("Cite on the selected item"));
            if cite.clicked()
                && let (Some(passage), Some(item)) = (&passage, item)
            {
                actions.push(Action::CitePassage { item: item.clone(), passage: passage.clone() });
            }
        });
        if passage.is_none() {
            ui.label(egui::RichText::new("Select a passage of the text to quote it.").weak());
        }
    }

    fn text_ui(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        text: &SourceText,
        marks: &[Mark],
        selection: &Selection,
        actions: &mut Actions,
    ) {
        let label = ui.label(egui::RichText::new("The source's text").small().weak()).id;
        let look = Look {
            font: egui::TextStyle::Body.resolve(ui.style()),
            text_color: ui.visuals().text_color(),
            passage_fill: ui.visuals().selection.bg_fill,
            dark: ui.visuals().dark_mode,
        };
        let emphasis = Emphasis { items: selection.items(), passage: self.selected };
        let mut layouter = |ui: &egui::Ui, _shown: &dyn egui::TextBuffer, wrap_width: f32| {
            let job = marks::layout_job(text, marks, &emphasis, &look, wrap_width);
            ui.fonts_mut(|fonts| fonts.layout_job(job))
        };
        let scroll_to = self.scroll_next.take();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let mut shown = text.as_str();
            let output = egui::TextEdit::multiline(&mut shown)
                .id_salt("source-reader-text")
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);

            if let Some(range) = output.cursor_range {
                let [start, end] = range.sorted_cursors();
                self.selected = Some((start.index.0, end.index.0));
            }
            if let Some(start) = scroll_to {
                let rect = output.galley.pos_from_cursor(CCursor::new(start)).translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
            let response = output.response.response.clone().labelled_by(label);
            let Some(pointer) = response.hover_pos() else { return };
            let offset = output.galley.cursor_from_pos(pointer - output.galley_pos).index.0;
            let under: Vec<&ItemRef> = marks::marks_at(marks, offset).flat_map(|mark| &mark.items).collect();
            if under.is_empty() {
                return;
            }
            let names: Vec<String> = under.iter().map(|item| format!("Cited by {}", map.item_name(item))).collect();
            let clicked = response.clicked();
            response.on_hover_text_at_pointer(format!("{}\nClick to go there.", names.join("\n")));
            if clicked && let Some(item) = under.first() {
                self.selected = None;
                actions.push(Action::Select { item: (*item).clone(), origin: Origin::Other });
            }
        });
    }
}
