//! The find panel (Ctrl+F): search every text of the map, narrow by lane,
//! tag, kind, source and dates (what the filters leave out fades on the map
//! and the timeline), and the live consistency checks. Every result and
//! finding is a row that goes to its item.

use super::action::{Action, Actions};
use super::selection::Origin;
use crate::analysis::{Filter, Finding, Hit, evidence_date, run_checks, search};
use crate::model::{ClaimKind, Date, ItemRef, Map};
use crate::sources::{CitationCheck, LoadedTexts};
use crate::ui::quote_checks::check_list_ui;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::collections::HashSet;
use std::sync::Arc;

/// Results and findings shown at most, so that a query of one letter on a big map stays fast.
const MAX_ROWS: usize = 200;

#[derive(Default)]
pub struct FindPanel {
    pub query: String,
    pub filter: Filter,
    focus_requested: bool,
    /// The date filters as typed ("2015", "2015-06", "2015-06-30").
    from_text: String,
    to_text: String,
    hits: Option<(u64, String, Filter, Vec<Hit>)>,
    findings: Option<(u64, Vec<Finding>)>,
    faded: Option<FadedCache>,
}

/// The faded items, with the revision, filter and as-of date they were worked out for.
struct FadedCache {
    revision: u64,
    filter: Filter,
    as_of: Option<NaiveDate>,
    items: Arc<HashSet<ItemRef>>,
}

impl FindPanel {
    /// Puts the cursor in the search field when the panel next shows.
    pub fn focus(&mut self) {
        self.focus_requested = true;
    }

    /// The items to fade: those the filters leave out (while `filtering`), and those dated after `as_of`.
    pub fn faded(
        &mut self,
        map: &Map,
        revision: u64,
        filtering: bool,
        as_of: Option<NaiveDate>,
    ) -> Arc<HashSet<ItemRef>> {
        if !filtering && as_of.is_none() {
            return Arc::default();
        }
        let saved = std::mem::take(&mut self.filter);
        self.filter = if filtering { saved.clone() } else { Filter::default() };
        let faded = self.compute_faded(map, revision, as_of);
        self.filter = saved;
        faded
    }

    fn compute_faded(&mut self, map: &Map, revision: u64, as_of: Option<NaiveDate>) -> Arc<HashSet<ItemRef>> {
        if let Some(cache) = &self.faded
            && cache.revision == revision
            && cache.filter == self.filter
            && cache.as_of == as_of
        {
            return cache.items.clone();
        }
        let mut faded = HashSet::new();
        if !self.filter.is_empty() || as_of.is_some() {
            for item in map.items() {
                let later = as_of.is_some_and(|as_of| evidence_date(map, &item).is_some_and(|date| date > as_of));
                if later || !self.filter.admits(map, &item) {
                    faded.insert(item);
                }
            }
        }
        let faded = Arc::new(faded);
        self.faded = Some(FadedCache { revision, filter: self.filter.clone(), as_of, items: faded.clone() });
        faded
    }

    /// Shows the panel, with `quote_checks` of the map's citations against
    /// the `texts` attached; a click on a row selects its item.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        revision: u64,
        (texts, quote_checks): (&LoadedTexts, &[CitationCheck]),
        actions: &mut Actions,
    ) {
        let mut go_to = None;
        ui.heading("Find");
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .hint_text("Words in claims, events, quotes, notes, sources")
                .desired_width(f32::INFINITY),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Search"));
        if std::mem::take(&mut self.focus_requested) {
            field.request_focus();
        }
        egui::CollapsingHeader::new("Filters").default_open(!self.filter.is_empty()).show(ui, |ui| {
            self.filters_ui(ui, map);
        });
        ui.separator();
        egui::ScrollArea::vertical().id_salt("find-results").auto_shrink([false, false]).show(ui, |ui| {
            if !self.query.trim().is_empty() {
                let hits = self.hits(map, revision);
                ui.label(RichText::new(format!("{} found", hits.len())).strong());
                for hit in hits.iter().take(MAX_ROWS) {
                    let text = format!("{} — {}: {}", map.item_name(&hit.item), hit.field, hit.snippet);
                    if ui.add(egui::Button::new(text).wrap().frame(false)).clicked() {
                        go_to = Some(hit.item.clone());
                    }
                }
                ui.separator();
            }
            let findings = self.findings(map, revision);
            ui.label(RichText::new(format!("Checks: {} to look at", findings.len())).strong());
            if findings.is_empty() {
                ui.label("Nothing to report.");
            }
            for finding in findings.iter().take(MAX_ROWS) {
                let button = egui::Button::new(finding.message.as_str()).wrap().frame(false);
                if ui.add(button).clicked() {
                    go_to = finding.items.first().cloned();
                }
            }
            ui.separator();
            quotes_ui(ui, map, texts, quote_checks, actions);
        });
        if let Some(item) = go_to {
            actions.push(Action::Select { item, origin: Origin::Other });
        }
    }

    fn hits(&mut self, map: &Map, revision: u64) -> Vec<Hit> {
        let fresh =
            self.hits.as_ref().is_some_and(|(r, q, f, _)| *r == revision && *q == self.query && *f == self.filter);
        if !fresh {
            self.hits =
                Some((revision, self.query.clone(), self.filter.clone(), search(map, &self.query, &self.filter)));
        }
        self.hits.as_ref().map(|(_, _, _, hits)| hits.clone()).unwrap_or_default()
    }

    fn findings(&mut self, map: &Map, revision: u64) -> Vec<Finding> {
        if self.findings.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.findings = Some((revision, run_checks(map)));
        }
        self.findings.as_ref().map(|(_, findings)| findings.clone()).unwrap_or_default()
    }

    fn filters_ui(&mut self, ui: &mut Ui, map: &Map) {
        ui.label(RichText::new("Lanes").weak());
        ui.horizontal_wrapped(|ui| {
            for lane in &map.lanes {
                toggle(ui, &mut self.filter.lanes, lane.id.clone(), &lane.name);
            }
        });
        ui.label(RichText::new("Kinds of claim").weak());
        ui.horizontal_wrapped(|ui| {
            for kind in ClaimKind::ALL {
                toggle(ui, &mut self.filter.kinds, kind, kind.label());
            }
        });
        let tags: Vec<String> = {
            let mut tags: Vec<String> = map
                .events
                .iter()
                .flat_map(|e| &e.tags)
                .chain(map.claims.iter().flat_map(|c| &c.tags))
                .cloned()
                .collect();
            tags.sort();
            tags.dedup();
            tags
        };
        if !tags.is_empty() {
            ui.label(RichText::new("Tags").weak());
            ui.horizontal_wrapped(|ui| {
                for tag in tags {
                    toggle(ui, &mut self.filter.tags, tag.clone(), &tag);
                }
            });
        }
        let source_label = ui.label(RichText::new("Cites").weak());
        let chosen =
            self.filter.source.as_ref().and_then(|id| map.source(id)).map_or("any source", |s| s.title.as_str());
        egui::ComboBox::from_id_salt("find-source")
            .selected_text(chosen)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.filter.source, None, "any source");
                for source in &map.sources {
                    ui.selectable_value(&mut self.filter.source, Some(source.id.clone()), &source.title);
                }
            })
            .response
            .labelled_by(source_label.id);
        ui.horizontal(|ui| {
            date_field(ui, "From", &mut self.from_text, &mut self.filter.from, true);
            date_field(ui, "to", &mut self.to_text, &mut self.filter.to, false);
        });
        if !self.filter.is_empty() && ui.button("Clear the filters").clicked() {
            self.filter = Filter::default();
            self.from_text.clear();
            self.to_text.clear();
        }
    }
}

/// The quote check of every citation, once any source has its text; until
/// then, how to attach the texts.
fn quotes_ui(ui: &mut Ui, map: &Map, texts: &LoadedTexts, checks: &[CitationCheck], actions: &mut Actions) {
    if map.sources.iter().all(|source| texts.text_of(&source.id).is_err()) {
        ui.label(RichText::new("Quotes: no source has its text attached.").strong());
        if ui.button("Attach source texts…").clicked() {
            actions.push(Action::ChooseTextsFolder);
        }
        return;
    }
    let checks: Vec<&CitationCheck> = checks.iter().collect();
    check_list_ui(ui, map, texts, &checks, "find-quote-check", actions);
}

/// A toggle button that puts `value` in `chosen` or takes it out.
fn toggle<T: PartialEq>(ui: &mut Ui, chosen: &mut Vec<T>, value: T, label: &str) {
    let on = chosen.contains(&value);
    if ui.selectable_label(on, label).clicked() {
        if on {
            chosen.retain(|x| *x != value);
        } else {
            chosen.push(value);
        }
    }
}

/// A date typed as YYYY, YYYY-MM or YYYY-MM-DD; the filter takes its first
/// day (`start`) or its last day, and nothing while it does not read as a date.
fn date_field(ui: &mut Ui, label: &str, text: &mut String, date: &mut Option<NaiveDate>, start: bool) {
    let label = ui.label(label);
    let field = ui.add(egui::TextEdit::singleline(text).hint_text("YYYY-MM-DD").desired_width(90.0));
    let field = field.labelled_by(label.id);
    if field.changed() {
        *date = Date::parse(text.trim())
            .ok()
            .filter(Date::exists)
            .map(|parsed| if start { parsed.first_day() } else { parsed.last_day() });
    }
    if !text.trim().is_empty() && date.is_none() {
        ui.label(RichText::new("not a date").small().color(ui.visuals().warn_fg_color));
    }
}
