//! The analyst's tools in the window: the matrix tab's edits (a cell is a
//! link: rating it creates, changes or removes that link; weighing a row sets
//! its evidence's credibility and relevance), all through the history.

use super::ArglineApp;
use crate::analysis::Rating;
use crate::edit::{Transaction, commands};
use crate::model::{ClaimId, ItemRef, Level, LinkFrom, LinkTo, Relation};
use crate::ui::matrix::MatrixAction;
use crate::ui::selection::Origin;

impl ArglineApp {
    pub(super) fn run_matrix_action(&mut self, action: MatrixAction) {
        match action {
            MatrixAction::Select(item) => self.selection.select(item, Origin::Other),
            MatrixAction::SetAsOf(date) => self.timeline.set_as_of(Some(date)),
            MatrixAction::Rate { evidence, explanation, rating } => self.rate(&evidence, &explanation, rating),
            MatrixAction::Weigh { evidence, credibility, relevance } => self.weigh(&evidence, credibility, relevance),
        }
    }

    /// Makes the link from `evidence` to `explanation` carry `rating` (none: no link).
    fn rate(&mut self, evidence: &ItemRef, explanation: &ClaimId, rating: Option<Rating>) {
        let map = self.document.map();
        let target = LinkTo::Claim(explanation.clone());
        let existing = map
            .links
            .iter()
            .find(|link| link.source_item() == *evidence && link.to == target && link.relation != Relation::Undercuts);
        let transaction = match (existing, rating) {
            (Some(link), None) => {
                let delete = commands::delete(map, &[ItemRef::Link(link.id.clone())]);
                Ok(Transaction { label: "Clear matrix cell".to_owned(), ..delete })
            }
            (Some(link), Some(rating)) => {
                let (relation, strength) = rating.relation_and_strength();
                let rated = crate::model::Link { relation, strength, ..link.clone() };
                commands::update_link(map, rated, &format!("Rate cell {}", rating.code()))
            }
            (None, Some(rating)) => {
                let (relation, strength) = rating.relation_and_strength();
                let from = match evidence {
                    ItemRef::Event(id) => LinkFrom::Event(id.clone()),
                    ItemRef::Claim(id) => LinkFrom::Claim(id.clone()),
                    ItemRef::Link(_) => return,
                };
                commands::new_link(map, from, target, relation, strength).map(|(transaction, _)| Transaction {
                    label: format!("Rate cell {}", rating.code()),
                    ..transaction
                })
            }
            (None, None) => return,
        };
        match transaction {
            Ok(transaction) => self.apply(transaction),
            Err(error) => self.notify(&format!("The cell was not rated: {error}.")),
        }
    }

    /// Lays out the selected cards and chips, or the whole map, as one undoable step.
    pub(super) fn tidy_up(&mut self) {
        let map = self.document.map();
        let sizes = self
            .map_view
            .sizes(map, self.document.revision())
            .unwrap_or_else(|| crate::layout::MapSizes::estimate(map));
        let selected: Vec<ItemRef> =
            self.selection.items().iter().filter(|item| !matches!(item, ItemRef::Link(_))).cloned().collect();
        let selection = (!selected.is_empty()).then_some(selected.as_slice());
        let moves = crate::layout::tidy_up(map, &sizes, selection, &crate::layout::LayeredOptions::default());
        if moves.is_empty() {
            self.notify("Already tidy: nothing moved.");
            return;
        }
        let label = if selection.is_some() { "Tidy up the selection" } else { "Tidy up the map" };
        let transaction = commands::move_items(map, &moves.claims, &moves.events, label);
        self.apply(transaction);
        if selection.is_none() {
            self.map_view.request_fit();
        }
    }

    fn weigh(&mut self, evidence: &ItemRef, credibility: Level, relevance: Level) {
        let map = self.document.map();
        let transaction = match evidence {
            ItemRef::Event(id) => map.event(id).cloned().map(|event| {
                commands::update_event(map, crate::model::Event { credibility, relevance, ..event }, "Weigh evidence")
            }),
            ItemRef::Claim(id) => map.claim(id).cloned().map(|claim| {
                commands::update_claim(map, crate::model::Claim { credibility, relevance, ..claim }, "Weigh evidence")
            }),
            ItemRef::Link(_) => None,
        };
        match transaction {
            Some(Ok(transaction)) => self.apply(transaction),
            Some(Err(error)) => self.notify(&format!("The evidence was not weighed: {error}.")),
            None => {}
        }
    }
}
