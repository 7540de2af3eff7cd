//! The map's source texts as the window has them, and the quote check of
//! every citation against them, shared by the source reader and the Find &
//! check panel. Texts are read again only when the map's file, the attached
//! folder or a source's text reference changes, and checked once per revision.

use crate::edit::catalogue::citations_of;
use crate::edit::citing;
use crate::model::{Map, SourceId, TextFile};
use crate::sources::library::{LoadedTexts, TextPlace};
use crate::sources::{CitationCheck, QuoteStatus, Tally, check_map};
use crate::ui::action::{Action, Actions};
use crate::ui::selection::Origin;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Citations listed at most, so that a map of many changed quotes stays fast to draw.
const MAX_ROWS: usize = 200;

/// What the texts were read for: the map's file, the folder, each source's reference.
type TextsKey = (Option<PathBuf>, Option<PathBuf>, Vec<(SourceId, Option<TextFile>)>);

/// The quote check, and the (document revision, texts generation) it was made for.
type ChecksFor = ((u64, u64), Arc<Vec<CitationCheck>>);

#[derive(Default)]
pub struct QuoteChecks {
    /// The folder the user attached texts from (File > Attach source texts…).
    pub texts_folder: Option<PathBuf>,
    texts: LoadedTexts,
    loaded_for: Option<TextsKey>,
    texts_generation: u64,
    checks: Option<ChecksFor>,
}

impl QuoteChecks {
    /// Reads the texts again if what they depend on changed, and checks the
    /// map's citations if the map or the texts changed since the last check.
    pub fn refresh(&mut self, map: &Map, revision: u64, map_file: Option<&Path>) -> Arc<Vec<CitationCheck>> {
        let key: TextsKey = (
            map_file.map(Path::to_owned),
            self.texts_folder.clone(),
            map.sources.iter().map(|source| (source.id.clone(), source.text.clone())).collect(),
        );
        if self.loaded_for.as_ref() != Some(&key) {
            self.texts = LoadedTexts::load(map, &TextPlace::of_map_file(map_file, self.texts_folder.clone()));
            self.loaded_for = Some(key);
            self.texts_generation += 1;
        }
        let made_for = (revision, self.texts_generation);
        match &self.checks {
            Some((key, checks)) if *key == made_for => Arc::clone(checks),
            _ => {
                let checks = Arc::new(check_map(map, &self.texts));
                self.checks = Some((made_for, Arc::clone(&checks)));
                checks
            }
        }
    }

    /// The texts as last read.
    pub fn texts(&self) -> &LoadedTexts {
        &self.texts
    }
}

/// `checks` summed up in a heading, with a row for each citation that is not
/// exact (the first `MAX_ROWS`): what the check found, a link to its item, and "Take the source's
/// words" for a changed quote.
pub fn check_list_ui(
    ui: &mut egui::Ui,
    map: &Map,
    texts: &LoadedTexts,
    checks: &[&CitationCheck],
    id_salt: &str,
    actions: &mut Actions,
) {
    let owned: Vec<CitationCheck> = checks.iter().map(|checked| (*checked).clone()).collect();
    let tally = Tally::of(&owned);
    let troubled: Vec<&CitationCheck> =
        checks.iter().copied().filter(|checked| checked.check.status != QuoteStatus::Exact).collect();
    let title = format!("Quote check: {}", tally.summary());
    egui::CollapsingHeader::new(title).id_salt(id_salt).default_open(!troubled.is_empty()).show(ui, |ui| {
        let hidden = troubled.len().saturating_sub(MAX_ROWS);
        for checked in troubled.into_iter().take(MAX_ROWS) {
            ui.horizontal_wrapped(|ui| check_row_ui(ui, map, texts, checked, actions));
        }
        if hidden > 0 {
            ui.label(egui::RichText::new(format!("and {hidden} more")).weak());
        }
    });
}

fn check_row_ui(ui: &mut egui::Ui, map: &Map, texts: &LoadedTexts, checked: &CitationCheck, actions: &mut Actions) {
    if ui.link(map.item_name(&checked.item)).clicked() {
        actions.push(Action::Select { item: checked.item.clone(), origin: Origin::Other });
    }
    ui.label(format!("{}: {}", checked.check.status.name(), checked.check.status.explanation()));
    let QuoteStatus::Changed { .. } = &checked.check.status else { return };
    let citations = citations_of(map, &checked.item);
    let text = citations.get(checked.citation_index).and_then(|citation| texts.text_of(&citation.source).ok());
    let words = checked.check.found.as_ref().zip(text).and_then(|(found, text)| {
        text.slice_chars(found.start, found.end).map(|words| (words.to_owned(), found.clone()))
    });
    if let Some((words, found)) = words
        && ui.button("Take the source's words").clicked()
    {
        match citing::accept_source_words(map, &checked.item, checked.citation_index, words, found) {
            Ok(transaction) => actions.push(Action::Apply { transaction, gesture: None }),
            Err(error) => actions.push(Action::Notify(format!("The quote was not changed: {error}."))),
        }
    }
}
