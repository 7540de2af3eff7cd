//! The matrix view, a tab beside the map: the competing-hypotheses matrix of
//! [`crate::analysis::ach`], with the explanations' scores over their
//! columns. A cell *is* the link between its evidence and its explanation:
//! rating it (click, or keys 1–5 on the selected cell; 0 or Delete clears)
//! asks the app to create, change or remove that link through the history.
//! Arrows move between cells. Rows sort by map order, diagnosticity, date or
//! credibility; rows whose removal alone would change the leader are marked.
//! A map whose explanations answer questions shows one question's matrix at
//! a time, picked above the table ([`question`]). The evidence column stays
//! put while the ratings scroll sideways: it is a table of its own beside
//! theirs, the two kept at one vertical offset.

mod question;
mod table;

use super::action::{Action, Actions};
use crate::analysis::{Matrix, Rating};
use crate::model::{ClaimId, ItemRef, Map};
use chrono::NaiveDate;
use egui::{Key, Modifiers, RichText, Ui};

/// The order of the rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Map,
    Diagnosticity,
    Date,
    Credibility,
}

impl SortBy {
    const ALL: [SortBy; 4] = [Self::Map, Self::Diagnosticity, Self::Date, Self::Credibility];

    fn label(self) -> &'static str {
        match self {
            Self::Map => "as in the map",
            Self::Diagnosticity => "diagnosticity (most telling first)",
            Self::Date => "date",
            Self::Credibility => "credibility (most credible first)",
        }
    }
}

/// The date column's width.
const DATE_WIDTH: f32 = 80.0;
/// The credibility and relevance columns' width.
const WEIGHT_WIDTH: f32 = 88.0;
/// The header row's height, whatever its explanations' texts: room for a
/// line and the scores at least, for eight lines at most.
const HEADER_HEIGHT: std::ops::RangeInclusive<f32> = 40.0..=130.0;
/// The narrowest and widest a rating column may be.
const CELL_WIDTH: std::ops::RangeInclusive<f32> = 52.0..=104.0;
/// The narrowest the evidence column may be.
const EVIDENCE_AT_LEAST: f32 = 180.0;
/// The height of a row of the table.
const ROW_HEIGHT: f32 = 26.0;

/// How wide the evidence column and each rating column are, so that every
/// explanation's column fits the matrix's width where it can (rating cells
/// narrow first, the evidence column takes the rest); past that, the table
/// scrolls sideways.
#[derive(Debug, PartialEq)]
struct ColumnWidths {
    evidence: f32,
    cell: f32,
}

impl ColumnWidths {
    fn fitting(available: f32, explanations: usize) -> Self {
        // egui_extras puts the item spacing between columns.
        let spacing = 8.0 * (explanations + 4) as f32;
        let fixed = DATE_WIDTH + 2.0 * WEIGHT_WIDTH + spacing;
        let for_cells = available - fixed - EVIDENCE_AT_LEAST;
        let cell = (for_cells / explanations.max(1) as f32).clamp(*CELL_WIDTH.start(), *CELL_WIDTH.end());
        let evidence = (available - fixed - cell * explanations as f32).max(EVIDENCE_AT_LEAST);
        Self { evidence, cell }
    }
}

/// How tall the header row must be for the longest explanation's text,
/// small and wrapped over its column, and its scores under it.
fn header_height(ui: &Ui, map: &Map, matrix: &Matrix, cell_width: f32) -> f32 {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let color = ui.visuals().text_color();
    let tallest = matrix
        .explanations
        .iter()
        .map(|id| {
            let text = map.claim(id).map_or(id.as_str(), |claim| claim.text.as_str()).to_owned();
            ui.fonts_mut(|fonts| fonts.layout(text, font.clone(), color, cell_width).size().y)
        })
        .fold(0.0, f32::max);
    let scores = ui.text_style_height(&egui::TextStyle::Small);
    (tallest + scores + 3.0 * ui.spacing().item_spacing.y).clamp(*HEADER_HEIGHT.start(), *HEADER_HEIGHT.end())
}

/// What a matrix was computed from: the map's revision, the as-of date and the question.
type MatrixKey = (u64, Option<NaiveDate>, Option<ClaimId>);

/// The matrix view's own state.
#[derive(Default)]
pub struct MatrixView {
    sort: SortBy,
    /// The selected cell, by evidence and explanation so that it survives sorting.
    selected: Option<(ItemRef, ClaimId)>,
    cache: Option<(MatrixKey, Matrix)>,
    /// The vertical offset both tables (the evidence column and the ratings) scroll to.
    scroll_y: f32,
}

impl MatrixView {
    /// Whether the matrix has a selected cell and so needs the arrow, digit and Delete keys.
    pub fn wants_keys(&self) -> bool {
        self.selected.is_some()
    }

    fn matrix(&mut self, map: &Map, key: MatrixKey) -> &Matrix {
        if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let matrix = Matrix::of_question(map, key.2.as_ref(), key.1);
            self.cache = Some((key.clone(), matrix));
        }
        &self.cache.get_or_insert_with(|| (key.clone(), Matrix::of_question(map, key.2.as_ref(), key.1))).1
    }

    /// The matrix of the question `remembered` names (or the map's first),
    /// with a picker of the map's questions that sets `remembered`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        revision: u64,
        as_of: Option<NaiveDate>,
        remembered: &mut Option<ClaimId>,
        actions: &mut Actions,
    ) {
        let shown = question::shown_question(map, remembered.as_ref());
        question::question_picker_ui(ui, map, shown.as_ref(), remembered);
        let matrix = self.matrix(map, (revision, as_of, shown.clone())).clone();
        let order = row_order(&matrix, self.sort);
        ui.horizontal(|ui| {
            let label = ui.label("Rows sorted by");
            egui::ComboBox::from_id_salt("matrix-sort")
                .selected_text(self.sort.label())
                .show_ui(ui, |ui| {
                    for sort in SortBy::ALL {
                        ui.selectable_value(&mut self.sort, sort, sort.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(as_of) = as_of {
                ui.label(RichText::new(format!("As of {}", as_of.format("%-d %b %Y"))).strong());
            }
            ui.label(
                RichText::new("Click a cell, then 1–5 rate it (CC C N I II), 0 or Delete clears, arrows move").weak(),
            );
        });
        if matrix.explanations.is_empty() || matrix.rows.is_empty() {
            ui.add_space(20.0);
            ui.label(
                "No evidence is linked to an explanation yet: link events or claims to an explanation on the map.",
            );
            return;
        }
        self.keyboard(ui, &matrix, &order, actions);
        egui::CollapsingHeader::new("Scores over time").default_open(true).show(ui, |ui| {
            let whole = if as_of.is_some() { Matrix::of_question(map, shown.as_ref(), None) } else { matrix.clone() };
            if let Some(date) = super::score_chart::score_chart_ui(ui, map, &whole, as_of) {
                actions.push(Action::SetAsOf(date));
            }
        });
        let widths = ColumnWidths::fitting(ui.available_width(), matrix.explanations.len());
        let header = header_height(ui, map, &matrix, widths.cell);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 8.0;
            // Tables lay out top-down; the row of the two does not.
            let top_down = egui::Layout::top_down(egui::Align::Min);
            let size = egui::vec2(widths.evidence, ui.available_height());
            let evidence = ui.allocate_ui_with_layout(size, top_down, |ui| {
                self.evidence_table_ui(ui, map, &matrix, &order, (widths.evidence, header), actions)
            });
            let size = egui::vec2(ui.available_width(), ui.available_height());
            let ratings = ui.allocate_ui_with_layout(size, top_down, |ui| {
                egui::ScrollArea::horizontal()
                    .id_salt("ach-ratings-sideways")
                    .show(ui, |ui| self.ratings_table_ui(ui, map, &matrix, &order, (widths.cell, header), actions))
                    .inner
            });
            // Whichever table the user scrolled leads; the other follows next frame.
            let (left, right) = (evidence.inner, ratings.inner);
            let moved = if (left - self.scroll_y).abs() > 0.5 { left } else { right };
            if (moved - self.scroll_y).abs() > 0.5 {
                self.scroll_y = moved;
                ui.ctx().request_repaint();
            }
        });
    }

    /// Arrows move the selected cell; 1–5 rate it; 0 or Delete clears it; Escape leaves it.
    fn keyboard(&mut self, ui: &Ui, matrix: &Matrix, order: &[usize], actions: &mut Actions) {
        let Some((item, explanation)) = &self.selected else { return };
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let row = order.iter().position(|&index| matrix.rows[index].item == *item);
        let column = matrix.explanations.iter().position(|id| id == explanation);
        let (Some(mut row), Some(mut column)) = (row, column) else {
            self.selected = None;
            return;
        };
        let pressed = |key| ui.ctx().input_mut(|input| input.consume_key(Modifiers::NONE, key));
        if pressed(Key::Escape) {
            self.selected = None;
            return;
        }
        let rating_keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (key, rating) in rating_keys.into_iter().zip(Rating::ALL) {
            if pressed(key) {
                actions.push(Action::RateCell {
                    evidence: item.clone(),
                    explanation: explanation.clone(),
                    rating: Some(rating),
                });
            }
        }
        if pressed(Key::Num0) || pressed(Key::Delete) || pressed(Key::Backspace) {
            actions.push(Action::RateCell { evidence: item.clone(), explanation: explanation.clone(), rating: None });
        }
        if pressed(Key::ArrowDown) {
            row = (row + 1).min(order.len() - 1);
        }
        if pressed(Key::ArrowUp) {
            row = row.saturating_sub(1);
        }
        if pressed(Key::ArrowRight) {
            column = (column + 1).min(matrix.explanations.len() - 1);
        }
        if pressed(Key::ArrowLeft) {
            column = column.saturating_sub(1);
        }
        self.selected = Some((matrix.rows[order[row]].item.clone(), matrix.explanations[column].clone()));
    }
}

/// The row indices of `matrix` in the order `sort` asks for (stable).
fn row_order(matrix: &Matrix, sort: SortBy) -> Vec<usize> {
    let mut order: Vec<usize> = (0..matrix.rows.len()).collect();
    let rows = &matrix.rows;
    match sort {
        SortBy::Map => {}
        SortBy::Diagnosticity => order.sort_by(|&a, &b| rows[b].diagnosticity().total_cmp(&rows[a].diagnosticity())),
        SortBy::Date => order.sort_by_key(|&i| (rows[i].date.is_none(), rows[i].date)),
        SortBy::Credibility => order.sort_by_key(|&i| std::cmp::Reverse(rows[i].credibility)),
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(widths: &ColumnWidths, explanations: usize) -> f32 {
        let spacing = 8.0 * (explanations + 4) as f32;
        widths.evidence + DATE_WIDTH + 2.0 * WEIGHT_WIDTH + widths.cell * explanations as f32 + spacing
    }

    #[test]
    fn seven_explanations_fit_the_default_windows_matrix_and_many_scroll() {
        // The matrix tab of the 1400-point window beside the inspector.
        let available = 1400.0 - 360.0 - 2.0 * 8.0 - 16.0;
        let seven = ColumnWidths::fitting(available, 7);
        assert!(total(&seven, 7) <= available + 0.5, "{seven:?} is {} wide", total(&seven, 7));
        assert!(seven.cell >= *CELL_WIDTH.start() && seven.evidence >= EVIDENCE_AT_LEAST);
        let twenty = ColumnWidths::fitting(available, 20);
        assert_eq!(twenty.cell, *CELL_WIDTH.start(), "many columns: as narrow as they go");
        assert!(total(&twenty, 20) > available, "and then the table scrolls sideways");
        let two = ColumnWidths::fitting(available, 2);
        assert_eq!(two.cell, *CELL_WIDTH.end(), "few columns: as wide as they go");
        assert!((total(&two, 2) - available).abs() < 0.5, "the evidence column takes the rest");
    }

    /// The header height worked out in a UI pass on a map whose explanations say `texts`.
    fn header_for(texts: &[&str], cell_width: f32) -> f32 {
        use crate::model::{Claim, ClaimKind, Position};
        let mut map = Map::default();
        let question = Claim::new("q", ClaimKind::Question, "Why?", Position::new(0.0, 0.0));
        map.claims.push(question);
        for (index, text) in texts.iter().enumerate() {
            let mut claim = Claim::new(format!("h{index}"), ClaimKind::Explanation, *text, Position::new(0.0, 0.0));
            claim.answers = Some("q".into());
            map.claims.push(claim);
        }
        let matrix = Matrix::of_question(&map, Some(&ClaimId::from("q")), None);
        assert_eq!(matrix.explanations.len(), texts.len());
        let mut height = 0.0;
        let mut output = egui::Context::default().run_ui(egui::RawInput::default(), |ui| {
            height = header_height(ui, &map, &matrix, cell_width);
        });
        output.textures_delta.clear();
        height
    }

    #[test]
    fn the_header_is_as_tall_as_its_longest_explanation_needs() {
        let short = header_for(&["Sanctions", "A bargain"], 104.0);
        let long =
            header_for(&["Sanctions", "Little of substance happened: China acquiesced in a U.S. statement"], 104.0);
        let narrow =
            header_for(&["Sanctions", "Little of substance happened: China acquiesced in a U.S. statement"], 52.0);
        assert_eq!(short, *HEADER_HEIGHT.start(), "one line and the scores take the least room");
        assert!(long > short, "a long text wraps to more lines: {long} against {short}");
        assert!(narrow > long, "and to more in a narrow column: {narrow} against {long}");
        let endless = header_for(&[&"word ".repeat(200)], 52.0);
        assert_eq!(endless, *HEADER_HEIGHT.end(), "never taller than eight lines");
    }
}
