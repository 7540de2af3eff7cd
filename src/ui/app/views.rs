//! The panels' state, kept apart from the app's infrastructure (as rerun's
//! `AppState`): what is selected, what each view shows, which panels are
//! open — and what the selection draws out, worked out once per document
//! revision and selection rather than every frame.

use crate::model::ItemRef;
use crate::ui::document::Document;
use crate::ui::find_panel::FindPanel;
use crate::ui::inspector::InspectorState;
use crate::ui::map_view::MapView;
use crate::ui::matrix::MatrixView;
use crate::ui::quote_checks::QuoteChecks;
use crate::ui::reader::ReaderPanel;
use crate::ui::selection::{Highlight, Origin, Selection};
use crate::ui::story_panel::StoryPanel;
use crate::ui::timeline::TimelineView;

/// What the central area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    Map,
    Matrix,
}

pub struct Views {
    pub selection: Selection,
    pub map_view: MapView,
    pub timeline: TimelineView,
    pub story_panel: StoryPanel,
    pub matrix: MatrixView,
    pub find_panel: FindPanel,
    pub inspector: InspectorState,
    pub reader: ReaderPanel,
    pub quote_checks: QuoteChecks,
    pub central_tab: CentralTab,
    pub find_open: bool,
    pub reader_open: bool,
    pub shortcuts_open: bool,
    /// The highlight of the selection, and the (document revision, selection generation) it was made for.
    highlight: Option<((u64, u64), Highlight)>,
}

impl Views {
    pub fn new(map_view: MapView, timeline: TimelineView) -> Self {
        Self {
            selection: Selection::default(),
            map_view,
            timeline,
            story_panel: StoryPanel::default(),
            matrix: MatrixView::default(),
            find_panel: FindPanel::default(),
            inspector: InspectorState::default(),
            reader: ReaderPanel::default(),
            quote_checks: QuoteChecks::default(),
            central_tab: CentralTab::Map,
            find_open: false,
            reader_open: false,
            shortcuts_open: false,
            highlight: None,
        }
    }

    /// What the selection draws out in both views, made again only when the
    /// document or the selection changed.
    pub fn highlight(&mut self, document: &Document) -> Highlight {
        let key = (document.revision(), self.selection.generation());
        match &self.highlight {
            Some((made_for, highlight)) if *made_for == key => highlight.clone(),
            _ => {
                let highlight = Highlight::of(&self.selection, document.map(), document.index());
                self.highlight = Some((key, highlight.clone()));
                highlight
            }
        }
    }

    /// Selects `item` alone; the views it was not selected in bring it into view.
    pub fn select(&mut self, item: ItemRef, origin: Origin) {
        self.selection.select(item);
        self.reveal_outside(origin);
    }

    /// Selects `items`, added to the selection when `extend`.
    pub fn select_many(&mut self, items: impl IntoIterator<Item = ItemRef>, extend: bool, origin: Origin) {
        self.selection.select_many(items, extend);
        self.reveal_outside(origin);
    }

    /// The views other than `origin` pan to show the selection next frame.
    fn reveal_outside(&mut self, origin: Origin) {
        if origin != Origin::Map {
            self.map_view.request_reveal();
        }
        if origin != Origin::Timeline {
            self.timeline.request_reveal();
        }
    }

    /// A new document: nothing selected, both views fitted to it.
    pub fn reset_for_new_document(&mut self) {
        self.selection.clear();
        self.map_view.request_opening_view();
        self.timeline.request_fit();
    }
}
