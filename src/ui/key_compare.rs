//! View ▸ Compare with key…: the open map — a student's — marked against the
//! teacher's key ([`crate::teaching::compare`], by meaning, not by id). The
//! student's extra claims, events and links are outlined green on the map
//! and the timeline, links that disagree with the key violet (the marks of
//! File ▸ Compare with…, [`DifferenceMarks`]); a panel gives the score with
//! how it is made, lists the key's claims the map lacks (each with a button
//! that selects where it would attach: the items its neighbours in the key
//! stand for here) and every other finding, a click selecting its item.
//! Worked out off the UI thread (a class-sized map takes longer than a
//! frame), again whenever the map changes.

use super::action::{Action, Actions};
use super::difference_marks::DifferenceMarks;
use super::theme::{self, Difference};
use crate::model::{ItemRef, Map};
use crate::teaching::{Finding, FindingKind, Tally, Verdict};
use egui::{RichText, Ui};
use std::path::PathBuf;
use std::sync::Arc;

/// What the worker hands back: the map at `revision` compared with the key.
pub struct KeyCompared {
    pub path: PathBuf,
    pub key: Arc<Map>,
    pub revision: u64,
    tally: Tally,
    findings: Vec<Finding>,
    /// Parallel to `findings`: for a missing key item, where it would attach here.
    attachments: Vec<Vec<ItemRef>>,
}

/// Compares `student` (the open map at `revision`) with `key`; on the worker thread.
pub fn work_out(
    path: PathBuf,
    key: Arc<Map>,
    student: &Map,
    revision: u64,
) -> Result<KeyCompared, crate::teaching::TooLarge> {
    let report = crate::teaching::compare(&key, student)?;
    let findings = report.findings(&key, student);
    let attachments = findings
        .iter()
        .map(|finding| match (&finding.kind, &finding.key) {
            (FindingKind::MissingItem, Some(item)) => {
                let mut here: Vec<ItemRef> = key
                    .neighbours(item)
                    .iter()
                    .filter_map(|neighbour| report.alignment.student_of(neighbour).cloned())
                    .collect();
                here.dedup();
                here
            }
            _ => Vec::new(),
        })
        .collect();
    Ok(KeyCompared { path, key, revision, tally: report.tally(), findings, attachments })
}

/// How a finding is marked on the map, if it is.
fn difference(kind: FindingKind) -> Option<Difference> {
    match kind {
        FindingKind::ExtraItem | FindingKind::ExtraRelation | FindingKind::ExtraRating => Some(Difference::Added),
        FindingKind::Relation(Verdict::Opposite | Verdict::OtherRelation | Verdict::Elsewhere)
        | FindingKind::RatingDiffers => Some(Difference::Changed),
        FindingKind::Reworded
        | FindingKind::MissingItem
        | FindingKind::RatingMissing
        | FindingKind::Relation(Verdict::Agrees | Verdict::Missing) => None,
    }
}

/// The open map compared with a key.
pub struct KeyComparison {
    compared: KeyCompared,
    pub drawn: DifferenceMarks,
    /// The finding last gone to.
    current: Option<usize>,
}

impl KeyComparison {
    /// The comparison, its marks placed in `map` (the map as it is now).
    pub fn new(compared: KeyCompared, map: &Map) -> Self {
        let mut comparison = Self { compared, drawn: DifferenceMarks::default(), current: None };
        comparison.drawn = DifferenceMarks::of(map, &comparison.marks());
        comparison
    }

    /// Takes over a newer comparison, keeping the place in the list where it still fits.
    pub fn update(&mut self, compared: KeyCompared, map: &Map) {
        let current = self.current.filter(|&index| index < compared.findings.len());
        *self = Self { current, ..Self::new(compared, map) };
    }

    pub fn key_name(&self) -> String {
        crate::ui::files::file_name(&self.compared.path)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.compared.path
    }

    pub fn key(&self) -> Arc<Map> {
        self.compared.key.clone()
    }

    /// The document revision the comparison was worked out for.
    pub fn revision(&self) -> u64 {
        self.compared.revision
    }

    pub fn tally(&self) -> &Tally {
        &self.compared.tally
    }

    /// The items of this map marked, and how.
    pub fn marks(&self) -> Vec<(ItemRef, Difference)> {
        self.compared
            .findings
            .iter()
            .filter_map(|finding| Some((finding.student.clone()?, difference(finding.kind)?)))
            .collect()
    }

    /// Finding `index` made the current one: the items to select (its item
    /// here, or for a missing item where it would attach), or why there are none.
    pub fn go_to(&mut self, index: usize) -> Option<Result<Vec<ItemRef>, String>> {
        let finding = self.compared.findings.get(index)?;
        self.current = Some(index);
        let attach = self.compared.attachments.get(index).cloned().unwrap_or_default();
        Some(match (&finding.student, finding.kind) {
            (Some(item), _) => Ok(vec![item.clone()]),
            (None, FindingKind::MissingItem) if !attach.is_empty() => Ok(attach),
            (None, FindingKind::MissingItem) => {
                Err(format!("{} – nothing it is linked to in the key is here.", finding.text))
            }
            (None, _) => Err(format!("{} – it is not in this map.", finding.text)),
        })
    }

    /// The panel: the score, the key's claims this map lacks, and the other findings.
    pub fn panel_ui(&self, ui: &mut Ui, actions: &mut Actions) {
        let dark = ui.visuals().dark_mode;
        let tally = &self.compared.tally;
        ui.heading(format!("Compared with key {}", self.key_name()));
        ui.label(RichText::new(tally.score_line()).strong());
        ui.label(
            RichText::new(format!(
                "{} missing, {} extra; relations: {} agree of {}; ratings: {} agree, {} differ",
                tally.items_missing,
                tally.items_extra,
                tally.relations_agreeing,
                tally.relations(),
                tally.ratings_agreeing,
                tally.ratings_differing
            ))
            .weak(),
        );
        if ui.button("Stop comparing").on_hover_text("Or press Escape with nothing selected").clicked() {
            actions.push(Action::StopComparingWithKey);
        }
        ui.separator();
        if tally.agrees() {
            ui.label("The map agrees with the key.");
        }
        let findings = &self.compared.findings;
        egui::ScrollArea::vertical().id_salt("key-compare-list").show(ui, |ui| {
            let missing: Vec<usize> =
                (0..findings.len()).filter(|&i| findings[i].kind == FindingKind::MissingItem).collect();
            if !missing.is_empty() {
                ui.label(RichText::new("In the key, missing here").strong());
                for index in missing {
                    ui.label(&findings[index].text);
                    let attaches = self.compared.attachments.get(index).is_some_and(|here| !here.is_empty());
                    if ui.add_enabled(attaches, egui::Button::new("Show where it attaches")).clicked() {
                        actions.push(Action::GoToFinding(index));
                    }
                }
                ui.separator();
            }
            ui.label(RichText::new("Other findings").strong());
            for (index, finding) in findings.iter().enumerate().filter(|(_, f)| f.kind != FindingKind::MissingItem) {
                let text = match difference(finding.kind) {
                    Some(difference) => RichText::new(&finding.text).color(theme::difference_color(difference, dark)),
                    None => RichText::new(&finding.text),
                };
                if ui.selectable_label(self.current == Some(index), text).clicked() {
                    actions.push(Action::GoToFinding(index));
                }
            }
        });
    }
}
