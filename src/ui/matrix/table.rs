//! The matrix's two tables: the evidence column, frozen, and beside it the
//! date, the weights and a rating cell per explanation, which scroll sideways.

use super::{DATE_WIDTH, MatrixView, ROW_HEIGHT, WEIGHT_WIDTH};
use crate::analysis::{Matrix, Rating, Row};
use crate::model::{ItemRef, Level, Map};
use crate::ui::action::{Action, Actions};
use crate::ui::selection::Origin;
use crate::ui::theme;
use egui::scroll_area::ScrollBarVisibility;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

fn rating_color(rating: Rating, dark: bool) -> egui::Color32 {
    use crate::model::Relation;
    let (relation, strength) = rating.relation_and_strength();
    let base = theme::relation_color(relation, dark);
    match (relation, strength) {
        (Relation::Neutral, _) => base.gamma_multiply(0.35),
        (_, crate::model::Strength::Strong) => base.gamma_multiply(0.85),
        _ => base.gamma_multiply(0.45),
    }
}

impl MatrixView {
    /// The frozen first column: each row's evidence, `width` wide under a
    /// header `header` high. Returns its vertical offset.
    pub(super) fn evidence_table_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        matrix: &Matrix,
        order: &[usize],
        (width, header): (f32, f32),
        actions: &mut Actions,
    ) -> f32 {
        let sensitive = matrix.sensitive_rows();
        TableBuilder::new(ui)
            .id_salt("ach-evidence")
            .striped(true)
            .vertical_scroll_offset(self.scroll_y)
            .scroll_bar_visibility(ScrollBarVisibility::AlwaysHidden)
            .column(Column::exact(width).clip(true))
            .header(header, |mut header| {
                header.col(|ui| {
                    ui.strong("Evidence");
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, order.len(), |mut table_row| {
                    let index = order[table_row.index()];
                    let row = &matrix.rows[index];
                    table_row.col(|ui| evidence_cell_ui(ui, map, row, sensitive[index], actions));
                });
            })
            .state
            .clamped_offset()
            .y
    }

    /// The date, the weights and a rating per explanation, scores over the
    /// explanations' columns (`cell_width` wide, under a header `header`
    /// high). Returns its vertical offset.
    pub(super) fn ratings_table_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        matrix: &Matrix,
        order: &[usize],
        (cell_width, header): (f32, f32),
        actions: &mut Actions,
    ) -> f32 {
        let scores = matrix.scores();
        let dark = ui.visuals().dark_mode;
        TableBuilder::new(ui)
            .id_salt("ach-matrix")
            .striped(true)
            .vertical_scroll_offset(self.scroll_y)
            .column(Column::exact(DATE_WIDTH))
            .columns(Column::exact(WEIGHT_WIDTH), 2)
            .columns(Column::exact(cell_width), matrix.explanations.len())
            .header(header, |mut header| {
                header.col(|ui| {
                    ui.strong("Date");
                });
                header.col(|ui| {
                    ui.label(RichText::new("Credibility").small().strong());
                });
                header.col(|ui| {
                    ui.label(RichText::new("Relevance").small().strong());
                });
                for (explanation, score) in matrix.explanations.iter().zip(&scores) {
                    header.col(|ui| {
                        let text = map.claim(explanation).map_or(explanation.as_str(), |claim| claim.text.as_str());
                        let title =
                            egui::Label::new(RichText::new(text).small().strong()).wrap().sense(egui::Sense::click());
                        if ui.add(title).on_hover_text(text).clicked() {
                            actions.push(Action::Select {
                                item: ItemRef::Claim(explanation.clone()),
                                origin: Origin::Other,
                            });
                        }
                        let summary = format!("#{} · I{} · W{:.1}", score.rank, score.inconsistency, score.weighted);
                        let summary = RichText::new(summary).small();
                        ui.label(if score.rank == 1 {
                            summary.color(theme::selection_color(dark)).strong()
                        } else {
                            summary
                        })
                        .on_hover_text(
                            "Rank (1 = fewest inconsistencies) · inconsistency score (I = 1, II = 2) · \
                                 weighted by credibility and relevance",
                        );
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, order.len(), |mut table_row| {
                    let row = &matrix.rows[order[table_row.index()]];
                    self.row_ui(&mut table_row, map, matrix, row, actions);
                });
            })
            .state
            .clamped_offset()
            .y
    }

    fn row_ui(
        &mut self,
        table_row: &mut egui_extras::TableRow<'_, '_>,
        map: &Map,
        matrix: &Matrix,
        row: &Row,
        actions: &mut Actions,
    ) {
        table_row.col(|ui| {
            ui.label(row.date.map_or_else(String::new, |date| date.format("%-d %b %Y").to_string()));
        });
        let (mut credibility, mut relevance) = (row.credibility, row.relevance);
        let title = map.title_of(&row.item);
        for (name, level) in [("Credibility", &mut credibility), ("Relevance", &mut relevance)] {
            table_row.col(|ui| {
                let combo = egui::ComboBox::from_id_salt((name, &row.item))
                    .width(WEIGHT_WIDTH - 12.0)
                    .selected_text(level.label())
                    .show_ui(ui, |ui| {
                        for choice in Level::ALL {
                            ui.selectable_value(level, choice, choice.label());
                        }
                    });
                let text = format!("{name} of {title}: {}", level.label());
                combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &text));
            });
        }
        if (credibility, relevance) != (row.credibility, row.relevance) {
            actions.push(Action::WeighEvidence { evidence: row.item.clone(), credibility, relevance });
        }
        for (explanation, cell) in matrix.explanations.iter().zip(&row.cells) {
            table_row.col(|ui| {
                let rating = cell.as_ref().map(|cell| cell.rating);
                let selected = self.selected.as_ref().is_some_and(|(e, x)| *e == row.item && x == explanation);
                let text = RichText::new(rating.map_or("", Rating::code)).strong();
                let mut button =
                    egui::Button::selectable(selected, text).min_size(egui::vec2(ui.available_width(), 22.0));
                if let Some(rating) = rating {
                    button = button.fill(rating_color(rating, ui.visuals().dark_mode));
                }
                let name = format!(
                    "{} × {}: {}",
                    map.title_of(&row.item),
                    map.claim(explanation).map_or("", |claim| claim.text.as_str()),
                    rating.map_or("not rated", Rating::description)
                );
                let response = ui.add(button).on_hover_text(&name);
                response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
                if response.clicked() {
                    self.selected = Some((row.item.clone(), explanation.clone()));
                }
                response.context_menu(|ui| {
                    for choice in Rating::ALL {
                        if ui.button(format!("{}  {}", choice.code(), choice.description())).clicked() {
                            actions.push(Action::RateCell {
                                evidence: row.item.clone(),
                                explanation: explanation.clone(),
                                rating: Some(choice),
                            });
                        }
                    }
                    if ui.button("Clear").clicked() {
                        actions.push(Action::RateCell {
                            evidence: row.item.clone(),
                            explanation: explanation.clone(),
                            rating: None,
                        });
                    }
                });
            });
        }
    }
}

/// A row's evidence: its title (a click selects it), marked when the row is sensitive.
fn evidence_cell_ui(ui: &mut Ui, map: &Map, row: &Row, sensitive: bool, actions: &mut Actions) {
    let title = map.title_of(&row.item);
    let label = ui.add(egui::Label::new(title.clone()).truncate().sense(egui::Sense::click()));
    if label.on_hover_text(&title).clicked() {
        actions.push(Action::Select { item: row.item.clone(), origin: Origin::Other });
    }
    if sensitive {
        ui.label(RichText::new("sensitive").small().color(theme::selection_color(ui.visuals().dark_mode)))
            .on_hover_text("Leaving this row out alone would change which explanation ranks first");
    }
}
