//! The argument map: claims as cards, evidence events as chips, links as
//! arrows. Zoom about the cursor, pan, Fit; only the items in view, found
//! through the geometry's spatial index, are drawn, so a frame costs what is
//! on screen rather than what is on the map.
//! Every drawn item is also a widget with an AccessKit label, so that screen
//! readers and tests find it.

mod draw;
pub mod geometry;
pub use draw::LegendShown;
mod link_raster;
mod linking;
mod selecting;

use super::action::{Action, Actions};
use super::commands::Command;
use super::document::{Document, new_gesture};
use super::job::{self, Job};
use super::selection::{Highlight, Origin, Selection};
use super::text_measure::TextMeasure;
use super::transition::{Frame, Transition};
use crate::layout::Measure;
use crate::layout::card_size::CARD_WIDTH;
use crate::model::{ClaimId, ClaimKind, ItemRef, Map, MapIndex, Position, Relation, Viewport};
use draw::Look;
use egui::emath::TSTransform;
use egui::{Pos2, Rect, Sense, Vec2};
use geometry::{MapGeometry, MapItem, canvas_point, canvas_rect};

/// What measures the cards' text: the window's fonts ([`TextMeasure`]), or
/// in tests the figures' metrics, so that the window and a figure can be compared.
pub type BoxedMeasure = Box<dyn Measure + Send>;

const MIN_ZOOM: f32 = 0.03;
/// The zoom at which card text is at its reading size (14 px, explanations 16, at 100 % interface zoom).
const READING_ZOOM: f32 = 1.0;
/// The least zoom at which a claim's text (14 points at zoom 1) is 12 pixels
/// at 100 % interface zoom: a map just opened is shown whole only so near.
const READABLE_ZOOM: f32 = 12.0 / 14.0;
/// The nearest Fit comes to a small map.
const FIT_MAX_ZOOM: f32 = 1.2;
/// Screen points kept free round what is framed (a selected card's ring is drawn outside it).
const FRAMING_MARGIN: f32 = 20.0;
const MAX_ZOOM: f32 = 4.0;
/// Cards and chips above which a map is measured on a worker thread.
const MEASURE_LATER_ABOVE: usize = 1_000;
/// How often to look whether the worker measuring the text is done.
const MEASURING_POLL: std::time::Duration = std::time::Duration::from_millis(50);
/// Screen points beyond the view within which links are still drawn (their heads and widths).
const LINK_MARGIN_POINTS: f32 = 16.0;

/// How the map is looked at: view state, never part of the document.
pub struct MapView {
    /// Screen offset of the canvas origin from the centre of the view.
    pan: Vec2,
    zoom: f32,
    needs_fit: bool,
    /// The next fit opens a map: when the whole map would fit only too small
    /// to read, its first question's explanations are framed instead.
    opening: bool,
    /// Pan to show the selection and what it touches, next frame (it was made in another view).
    reveal_requested: bool,
    /// Frame these items next frame (a story step's subject).
    framing_requested: Option<Vec<ItemRef>>,
    /// How the legend shows: the app sets it from the preferences.
    legend: draw::LegendShown,
    /// Where the view is being sent: (pan, zoom); user input cancels it.
    target: Option<(Vec2, f32)>,
    /// The move under way towards `target`.
    transition: Option<Transition>,
    geometry: Option<MapGeometry>,
    /// Measures the cards' text for the geometry, and remembers it from one revision to the next.
    measure: Option<BoxedMeasure>,
    /// The measure and the measured geometry, while a worker thread works them out.
    measuring: Option<Measuring>,
    /// Whether text is measured with the system's fonts among the fallbacks, as the window draws it.
    system_fonts: bool,
    /// The image of the links far zoomed out.
    link_raster: link_raster::LinkRaster,
    /// A claim being typed in place after a double-click, not yet in the map.
    draft: Option<Draft>,
    /// Whether the map may be edited (not while presenting).
    editable: bool,
    /// The gesture of the current drag, so that each drag is one undo step.
    gesture: u64,
    /// A link being drawn from a handle.
    link_drag: Option<linking::LinkDrag>,
    /// A drawn link waiting for its relation.
    pending_link: Option<linking::PendingLink>,
    /// A selection box being drawn by Shift- or Ctrl-drag: where it began and
    /// where the pointer was last seen (screen).
    selection_box: Option<(Pos2, Pos2)>,
    /// The claims the arrow keys last moved, and the gesture that merges their moves.
    nudged: (Vec<ClaimId>, u64),
    /// Where the map was drawn last frame, and the canvas point under the pointer then.
    last_view: Rect,
    pointer_on_canvas: Option<Pos2>,
}

/// The cards' text being measured on a worker thread.
struct Measuring {
    /// The measure and the measured geometry (none if the view was gone before the worker began).
    job: Option<Job<Option<(BoxedMeasure, MapGeometry)>>>,
    /// Sets the worker going, after the first frame.
    go: Option<std::sync::mpsc::Sender<()>>,
}

/// The text of a new claim, typed where the user double-clicked.
struct Draft {
    position: Position,
    text: String,
    focus_requested: bool,
}

/// What happened to the items of the map this frame.
#[derive(Default)]
struct ItemEvents {
    clicked: Option<ItemRef>,
    /// An item whose link handle began to be dragged, with the handle's screen position.
    link_started: Option<(ItemRef, Pos2)>,
    /// A claim dragged this frame, with the drag in screen points and whether it began now.
    dragged: Option<(ClaimId, Vec2, bool)>,
    /// The legend's header was clicked.
    legend_toggled: bool,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            zoom: 1.0,
            needs_fit: true,
            opening: true,
            reveal_requested: false,
            framing_requested: None,
            legend: draw::LegendShown::Collapsed,
            target: None,
            transition: None,
            geometry: None,
            measure: None,
            measuring: None,
            system_fonts: false,
            link_raster: link_raster::LinkRaster::default(),
            draft: None,
            editable: true,
            gesture: 0,
            link_drag: None,
            pending_link: None,
            selection_box: None,
            nudged: (Vec::new(), 0),
            last_view: Rect::NOTHING,
            pointer_on_canvas: None,
        }
    }
}

impl MapView {
    /// A view of the document's map whose geometry is already measured, with the fonts of `measure`.
    pub fn measured(document: &Document, measure: TextMeasure) -> Self {
        let system_fonts = measure.has_system_fonts();
        Self { system_fonts, ..Self::measured_by(document, Box::new(measure)) }
    }

    /// A view of the document's map measured by `measure`.
    pub fn measured_by(document: &Document, mut measure: BoxedMeasure) -> Self {
        let (map, index, revision) = (document.map(), document.index(), document.revision());
        let geometry = MapGeometry::compute(map, index, revision, measure.as_mut());
        Self { geometry: Some(geometry), measure: Some(measure), ..Self::default() }
    }

    /// A view of the document's map on estimated sizes, whose text `measure`
    /// measures on a worker thread (see [`MapView::measure_later`]).
    pub fn measuring_later(document: &Document, measure: TextMeasure) -> Self {
        let system_fonts = measure.has_system_fonts();
        let mut view = Self { system_fonts, measure: Some(Box::new(measure)), ..Self::default() };
        view.measure_later(document);
        view
    }

    /// Whether measuring `map`'s text (about 30 µs a card or chip) would hold
    /// up a frame: such a map shows on estimated sizes while a worker thread
    /// measures it, and the exact sizes replace the estimates when ready.
    pub fn is_big(map: &Map) -> bool {
        map.claims.len() + map.events.len() > MEASURE_LATER_ABOVE
    }

    /// Measures `map`'s text again on a worker thread, showing it on estimated
    /// sizes meanwhile; the measured geometry replaces the estimate when it is
    /// ready, and is worked out again if the map changed meanwhile.
    pub fn measure_later(&mut self, document: &Document) {
        let system_fonts = self.system_fonts;
        let mut measure = self.measure.take().unwrap_or_else(|| {
            Box::new(TextMeasure::new(egui::Visuals::default().text_options, system_fonts)) as BoxedMeasure
        });
        let (go, wait) = std::sync::mpsc::channel();
        let (map, index, revision) = (document.map(), document.index(), document.revision());
        let copy = map.clone();
        let job = Job::spawn("Measuring the cards' text", move || {
            // Once the first frame is on screen: until then the renderer needs the cores.
            // The view may be gone (the window closed); then nobody needs the sizes.
            wait.recv().ok().map(|()| {
                let geometry = MapGeometry::compute(&copy, &MapIndex::build(&copy), revision, measure.as_mut());
                (measure, geometry)
            })
        });
        self.geometry = Some(MapGeometry::compute(map, index, revision, &mut crate::layout::Estimate));
        self.measuring = Some(Measuring { job: Some(job), go: Some(go) });
    }

    /// Fits the whole map, next frame (View > Fit, after Tidy up).
    pub fn request_fit(&mut self) {
        self.needs_fit = true;
        self.opening = false;
    }

    /// Shows a map just opened, next frame: the whole of it when its cards
    /// can be read so; else what a reader looks at first — the explanations
    /// of its first question (or all its explanations), as near as reading
    /// size, with Fit a keystroke away.
    pub fn request_opening_view(&mut self) {
        self.needs_fit = true;
        self.opening = true;
    }

    /// Pans, next frame, to show the selection and what it touches.
    pub fn request_reveal(&mut self) {
        self.reveal_requested = true;
    }

    /// Moves the view, next frame and eased, to show all of `items` as near
    /// as reading size (zoom 1: card text 14 px at 100 % interface zoom) —
    /// nearer than they fit, never. When none of them has a place on the map
    /// (events that are evidence for nothing are on the timeline only), the
    /// map shows what it opens on ([`MapView::request_opening_view`]), the
    /// same whichever step came before, rather than all of itself too small to read.
    pub fn request_framing(&mut self, items: Vec<ItemRef>) {
        self.framing_requested = Some(items);
    }

    /// How the legend shows from now on.
    pub fn set_legend(&mut self, legend: draw::LegendShown) {
        self.legend = legend;
    }

    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// The sizes of the cards and chips as drawn, for laying the map out; `None` before the first frame.
    pub fn sizes(&self, map: &Map, revision: u64) -> Option<crate::layout::MapSizes> {
        let geometry = self.geometry.as_ref().filter(|geometry| geometry.revision == revision)?;
        (geometry.cards.len() == map.claims.len()).then(|| crate::layout::MapSizes {
            claims: geometry.cards.iter().map(|card| (card.width(), card.height())).collect(),
            chips: geometry.chips.iter().map(|chip| chip.map(|chip| (chip.width(), chip.height()))).collect(),
        })
    }

    /// Allows or forbids editing gestures (drag to move, link handles, double-click, arrow keys).
    pub fn set_editable(&mut self, editable: bool) {
        self.editable = editable;
    }

    /// Where a paste lands: the canvas point under the pointer, else the middle of the view.
    pub fn paste_anchor(&self) -> Position {
        let at =
            self.pointer_on_canvas.unwrap_or_else(|| self.canvas_from_screen(self.last_view) * self.last_view.center());
        Position::new(at.x, at.y)
    }

    /// Whether the map is asking something (the relation of a drawn link) and needs the keys.
    pub fn is_asking(&self) -> bool {
        self.pending_link.is_some()
    }

    /// Where the canvas lies on screen while the map is drawn in `view`:
    /// `screen_from_canvas(view) * pos_in_canvas` is that point on screen.
    fn screen_from_canvas(&self, view: Rect) -> TSTransform {
        TSTransform::new(view.center().to_vec2() + self.pan, self.zoom)
    }

    fn canvas_from_screen(&self, view: Rect) -> TSTransform {
        self.screen_from_canvas(view).inverse()
    }

    /// The pan and zoom that show `bounds` (canvas) within `view`, no closer
    /// than `max_zoom`, clear of the legend in the bottom-left corner: above
    /// it or beside it, whichever shows `bounds` larger.
    fn framing(&self, view: Rect, bounds: Rect, max_zoom: f32) -> (Vec2, f32) {
        if !bounds.is_positive() {
            return (Vec2::ZERO, 1.0);
        }
        let free = view.shrink(FRAMING_MARGIN);
        let legend = self.legend.size();
        let areas = if legend == Vec2::ZERO {
            vec![free]
        } else {
            let above =
                Rect::from_min_max(free.min, Pos2::new(free.right(), view.bottom() - legend.y - FRAMING_MARGIN));
            let beside = Rect::from_min_max(Pos2::new(view.left() + legend.x + FRAMING_MARGIN, free.top()), free.max);
            vec![above, beside]
        };
        let zoom_in = |area: &Rect| {
            (area.width() / bounds.width()).min(area.height() / bounds.height()).clamp(MIN_ZOOM, max_zoom)
        };
        let (area, zoom) = areas
            .iter()
            .filter(|area| area.is_positive())
            .map(|area| (*area, zoom_in(area)))
            .fold((free, f32::NEG_INFINITY), |best, next| if next.1 > best.1 { next } else { best });
        let zoom = if zoom.is_finite() { zoom } else { zoom_in(&free) };
        (area.center() - view.center() - bounds.center().to_vec2() * zoom, zoom)
    }

    /// Sets the worker measuring the text going once the first frame is on
    /// screen, and takes its sizes when they are ready. Called before every
    /// frame (`App::logic`), whether the map is shown or not.
    pub fn poll_measuring(&mut self, ctx: &egui::Context) {
        let Some(measuring) = &mut self.measuring else { return };
        if ctx.cumulative_frame_nr() > 0
            && let Some(go) = measuring.go.take()
        {
            let _ = go.send(());
        }
        match job::take_finished(&mut measuring.job) {
            None => ctx.request_repaint_after(MEASURING_POLL),
            Some(finished) => {
                if let Ok(Some((measure, geometry))) = finished {
                    self.measure = Some(measure);
                    self.geometry = Some(geometry);
                }
                // A worker that died leaves the estimated sizes, which are drawn as well.
                self.measuring = None;
            }
        }
    }

    fn geometry_for(&mut self, ui: &egui::Ui, document: &Document) {
        let (map, index, revision) = (document.map(), document.index(), document.revision());
        if self.geometry.as_ref().is_none_or(|geometry| geometry.revision != revision) {
            let previous = self.geometry.take();
            let measure: &mut dyn Measure = match (&self.measuring, &mut self.measure) {
                (Some(_), _) => &mut crate::layout::Estimate,
                (None, Some(measure)) => measure.as_mut(),
                (None, None) => {
                    let options = ui.ctx().global_style().visuals.text_options;
                    self.measure.insert(Box::new(TextMeasure::new(options, self.system_fonts))).as_mut()
                }
            };
            self.geometry = Some(match previous {
                Some(previous) => {
                    let replaced = document.replaced_since(previous.revision);
                    previous.updated(map, index, revision, measure, replaced)
                }
                None => MapGeometry::compute(map, index, revision, measure),
            });
        }
    }

    /// Whether the cards' text is being measured on a worker thread (their sizes are estimates until then).
    pub fn is_measuring(&self) -> bool {
        self.measuring.is_some()
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        selection: &Selection,
        highlight: &Highlight,
        actions: &mut Actions,
    ) {
        let (view, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.geometry_for(ui, document);
        let Some(geometry) = self.geometry.take() else {
            return;
        };
        let (map, index) = (document.map(), document.index());
        if self.needs_fit && view.width() > 10.0 {
            self.needs_fit = false;
            self.target = None;
            (self.pan, self.zoom) = if std::mem::take(&mut self.opening) {
                self.opening_framing(view, map, index, &geometry)
            } else {
                self.framing(view, geometry::bounds(&geometry), FIT_MAX_ZOOM)
            };
        }
        self.handle_input(ui, &background, view);
        self.last_view = view;
        self.pointer_on_canvas = ui
            .input(|i| i.pointer.latest_pos())
            .filter(|p| view.contains(*p))
            .map(|p| self.canvas_from_screen(view) * p);
        self.advance_transition(ui);
        if let Some(items) = self.framing_requested.take() {
            self.frame_items(view, map, index, &geometry, &items);
        } else if std::mem::take(&mut self.reveal_requested) {
            self.reveal(view, map, index, &geometry, highlight);
        }
        let mut events = self.paint_and_interact(ui, view, map, &geometry, selection, highlight);
        if self.zoom < draw::BLOCK_MAX_ZOOM
            && background.clicked()
            && let Some(pointer) = background.interact_pointer_pos()
        {
            // Far out, thousands of blocks a few pixels wide: one hit test instead of a widget each.
            let at = canvas_point(self.canvas_from_screen(view) * pointer);
            events.clicked = geometry
                .item_at(map, at, 0.0, &|item| !highlight.hides(item))
                .filter(|item| !matches!(item, ItemRef::Link(_)));
        }
        let extend = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        if events.legend_toggled {
            actions.command(Command::ToggleLegend);
        }
        match events.clicked {
            Some(item) if extend => actions.push(Action::ToggleSelected(item)),
            Some(item) => actions.push(Action::Select { item, origin: Origin::Map }),
            None if background.clicked() && !extend => actions.command(Command::ClearSelection),
            None => {}
        }
        if let Some((claim, drag, started)) = events.dragged.filter(|_| self.editable) {
            self.drag_claims(map, selection, claim, drag, started, actions);
        }
        self.box_select(ui, view, map, &geometry, &background, actions);
        if let Some((from, handle)) = events.link_started {
            self.link_drag =
                Some(linking::LinkDrag { from, start: self.canvas_from_screen(view) * handle, pointer: handle });
        }
        self.link_drag_ui(ui, view, document, &geometry, highlight, actions);
        self.pending_link_ui(ui, actions);
        if self.editable {
            self.nudge(ui, map, selection, actions);
        }
        if self.editable
            && background.double_clicked()
            && let Some(pointer) = background.interact_pointer_pos()
        {
            let canvas = self.canvas_from_screen(view) * pointer;
            self.draft = Some(Draft {
                position: Position::new(canvas.x, canvas.y),
                text: String::new(),
                focus_requested: false,
            });
        }
        self.draft_ui(ui, view, actions);
        self.geometry = Some(geometry);
    }

    /// Moves the dragged claim, or the whole selection if it is part of it.
    fn drag_claims(
        &mut self,
        map: &Map,
        selection: &Selection,
        claim: ClaimId,
        drag: Vec2,
        started: bool,
        actions: &mut Actions,
    ) {
        let item = ItemRef::Claim(claim.clone());
        if started {
            self.gesture = new_gesture();
        }
        // A claim grabbed outside the selection is selected and moves alone.
        let moving: Vec<ClaimId> = if selection.contains(&item) {
            selection.claims().cloned().collect()
        } else {
            if started {
                actions.push(Action::Select { item, origin: Origin::Map });
            }
            vec![claim]
        };
        let delta = drag / self.zoom;
        let moves: Vec<(ClaimId, Position)> = moving
            .iter()
            .filter_map(|id| map.claim(id))
            .map(|claim| (claim.id.clone(), Position::new(claim.position.x + delta.x, claim.position.y + delta.y)))
            .collect();
        if !moves.is_empty() && delta != Vec2::ZERO {
            actions.push(Action::MoveClaims { moves, gesture: self.gesture });
        }
    }

    /// The text field of a claim being added in place: Enter adds it, Escape drops it.
    fn draft_ui(&mut self, ui: &mut egui::Ui, view: Rect, actions: &mut Actions) {
        let (pan, zoom) = (self.pan, self.zoom);
        let Some(draft) = &mut self.draft else { return };
        let at = view.center() + pan + Vec2::new(draft.position.x, draft.position.y) * zoom;
        let width = CARD_WIDTH * zoom.clamp(0.6, 1.5);
        let area = Rect::from_center_size(at, Vec2::new(width, 32.0));
        let editor = egui::TextEdit::singleline(&mut draft.text).hint_text("Type the claim, then Enter");
        let response = ui.put(area, editor);
        if !draft.focus_requested {
            response.request_focus();
            draft.focus_requested = true;
            return;
        }
        if response.lost_focus() {
            let text = draft.text.trim().to_owned();
            if ui.input(|input| input.key_pressed(egui::Key::Enter)) && !text.is_empty() {
                actions.push(Action::AddClaim { position: draft.position, text });
            }
            self.draft = None;
        }
    }

    fn paint_and_interact(
        &mut self,
        ui: &mut egui::Ui,
        view: Rect,
        map: &Map,
        geometry: &MapGeometry,
        selection: &Selection,
        highlight: &Highlight,
    ) -> ItemEvents {
        let dark = ui.visuals().dark_mode;
        let painter = ui.painter_at(view);
        painter.rect_filled(view, 0.0, super::theme::canvas_background(dark));
        let visible =
            Rect::from_min_max(self.canvas_from_screen(view) * view.min, self.canvas_from_screen(view) * view.max);
        // Ids are only cloned into an ItemRef when something is selected.
        let look = |item: &dyn Fn() -> ItemRef| {
            let (selected, dimmed) = if highlight.is_active() {
                let item = item();
                (selection.contains(&item), highlight.dims(&item))
            } else {
                (false, false)
            };
            Look { dark, selected, dimmed, zoom: self.zoom }
        };
        // Items a story step leaves out are not drawn; ids are cloned only while a step hides some.
        let hides = |item: &dyn Fn() -> ItemRef| highlight.hides_any() && highlight.hides(&item());
        let mut events = ItemEvents::default();
        // Only the items in view, found through the spatial index: links a
        // little beyond it too, so that their arrowheads and widths are whole.
        let (mut links, mut chips, mut cards) = (Vec::new(), Vec::new(), Vec::new());
        for item in geometry.items_in(canvas_rect(visible.expand(LINK_MARGIN_POINTS / self.zoom))) {
            match item {
                MapItem::Link(index) => links.push(index),
                MapItem::Chip(index) => chips.push(index),
                MapItem::Card(index) => cards.push(index),
            }
        }

        // Links under the cards; with a selection, the drawn-out links last, on top.
        let link_passes: &[bool] = if highlight.is_active() { &[true, false] } else { &[false] };
        let mut far_lines = (self.zoom < draw::BLOCK_MAX_ZOOM).then(link_raster::Lines::default);
        for &dimmed_pass in link_passes {
            for &index in &links {
                let (Some(link), Some(Some((start, end)))) = (map.links.get(index), geometry.links.get(index)) else {
                    continue;
                };
                if hides(&|| ItemRef::Link(link.id.clone())) {
                    continue;
                }
                let link_look = look(&|| ItemRef::Link(link.id.clone()));
                if link_look.dimmed != dimmed_pass {
                    continue;
                }
                // A neutral rating is a matrix cell (the evidence does not bear on the
                // explanation), not a step of the argument: drawn only while the
                // selection draws it out.
                let drawn_out = link_look.selected || (highlight.is_active() && !link_look.dimmed);
                if link.relation == Relation::Neutral && !drawn_out {
                    continue;
                }
                let to_screen = |point| self.screen_from_canvas(view) * geometry::pos(point);
                let (a, b) = (to_screen(*start), to_screen(*end));
                if let Some(lines) = &mut far_lines {
                    lines.push(draw::far_line(a, b, link.relation, link.strength, &link_look));
                    continue;
                }
                draw::arrow(&painter, a, b, link.relation, link.strength, &link_look);
                if self.zoom < draw::HANDLE_MIN_ZOOM {
                    continue;
                }
                let handle = Rect::from_center_size(a + (b - a) * 0.5, Vec2::splat(14.0));
                let response = ui.interact(handle, ui.scope_id().with(("map-link", index)), Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, link_look.selected, map.link_label(link))
                });
                if response.hovered() {
                    painter.circle_filled(handle.center(), 4.0, super::theme::selection_color(dark));
                }
                let response =
                    if response.hovered() { response.on_hover_text_at_pointer(map.link_label(link)) } else { response };
                if response.clicked() {
                    events.clicked = Some(ItemRef::Link(link.id.clone()));
                }
            }
        }
        if let Some(lines) = far_lines {
            self.link_raster.paint(&painter, view, &lines);
        }

        for index in chips {
            let (Some(event), Some(Some(chip))) = (map.events.get(index), geometry.chips.get(index)) else { continue };
            let chip = geometry::rect(*chip);
            if !visible.intersects(chip) || hides(&|| ItemRef::Event(event.id.clone())) {
                continue;
            }
            let chip_look = look(&|| ItemRef::Event(event.id.clone()));
            let rect = self.screen_from_canvas(view).mul_rect(chip);
            draw::chip(&painter, rect, event, map.lane(&event.lane), &chip_look);
            if self.zoom < draw::BLOCK_MAX_ZOOM {
                continue;
            }
            let response = ui.interact(rect, ui.scope_id().with(("map-event", index)), Sense::click());
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    chip_look.selected,
                    format!("Evidence: {}", event.title),
                )
            });
            if response.clicked() {
                events.clicked = Some(ItemRef::Event(event.id.clone()));
            }
            if self.editable && self.zoom >= draw::HANDLE_MIN_ZOOM {
                let shown = chip_look.selected || response.hovered();
                let handle = linking::handle_ui(
                    ui,
                    &painter,
                    rect,
                    ui.scope_id().with(("map-event-handle", index)),
                    || format!("Draw a link from: {}", event.title),
                    shown,
                    dark,
                );
                if handle.drag_started() {
                    events.link_started = Some((ItemRef::Event(event.id.clone()), linking::handle_center(rect)));
                }
            }
        }

        for index in cards {
            let (Some(claim), Some(card)) = (map.claims.get(index), geometry.cards.get(index)) else { continue };
            let card = geometry::rect(*card);
            if !visible.intersects(card) || hides(&|| ItemRef::Claim(claim.id.clone())) {
                continue;
            }
            let card_look = look(&|| ItemRef::Claim(claim.id.clone()));
            let rect = self.screen_from_canvas(view).mul_rect(card);
            draw::card(&painter, rect, claim, &card_look);
            if self.zoom < draw::BLOCK_MAX_ZOOM {
                continue;
            }
            let response = ui.interact(rect, ui.scope_id().with(("map-claim", index)), Sense::click_and_drag());
            response.widget_info(|| {
                let label = format!("{}: {}", claim.kind.label(), claim.text);
                egui::WidgetInfo::selected(egui::Role::Button, true, card_look.selected, label)
            });
            if response.clicked() {
                events.clicked = Some(ItemRef::Claim(claim.id.clone()));
            }
            if response.dragged() {
                events.dragged = Some((claim.id.clone(), response.drag_delta(), response.drag_started()));
            }
            if self.editable && self.zoom >= draw::HANDLE_MIN_ZOOM {
                let shown = card_look.selected || response.hovered();
                let handle = linking::handle_ui(
                    ui,
                    &painter,
                    rect,
                    ui.scope_id().with(("map-claim-handle", index)),
                    || format!("Draw a link from: {}", claim.text),
                    shown,
                    dark,
                );
                if handle.drag_started() {
                    events.link_started = Some((ItemRef::Claim(claim.id.clone()), linking::handle_center(rect)));
                }
            }
        }
        if let Some((legend, header)) = draw::legend(&painter, view, dark, self.legend) {
            // The legend sits over the canvas: clicks on it must not reach the items beneath.
            ui.interact(legend, ui.scope_id().with("map-legend"), Sense::click())
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Legend"));
            let open = self.legend == draw::LegendShown::Expanded;
            let toggle = ui.interact(header, ui.scope_id().with("map-legend-header"), Sense::click());
            let name = if open { "Close the legend" } else { "Open the legend" };
            toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
            events.legend_toggled = toggle.clicked();
        }
        events
    }

    fn handle_input(&mut self, ui: &egui::Ui, background: &egui::Response, view: Rect) {
        if background.drag_started() && ui.input(|i| i.modifiers.shift || i.modifiers.command) {
            self.selection_box = ui.input(|i| i.pointer.press_origin()).map(|origin| (origin, origin));
        }
        if background.dragged() && self.selection_box.is_none() {
            self.target = None;
            self.pan += background.drag_delta();
        }
        if !ui.rect_contains_pointer(view) {
            return;
        }
        let (zoom_factor, scroll, pointer) =
            ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        if zoom_factor != 1.0 {
            self.target = None;
            let anchor = pointer.unwrap_or(view.center());
            let canvas_anchor = self.canvas_from_screen(view) * anchor;
            self.zoom = (self.zoom * zoom_factor).clamp(MIN_ZOOM, MAX_ZOOM);
            self.pan = anchor - view.center() - canvas_anchor.to_vec2() * self.zoom;
        }
        if scroll != Vec2::ZERO {
            self.target = None;
            self.pan += scroll;
        }
    }

    fn advance_transition(&mut self, ui: &egui::Ui) {
        let Some((pan, zoom)) = self.target else {
            self.transition = None;
            return;
        };
        let frame =
            |pan: Vec2, zoom: f32| Frame { offset: [f64::from(pan.x), f64::from(pan.y)], scale: f64::from(zoom) };
        let now = ui.input(|i| i.time);
        let destination = frame(pan, zoom);
        let transition = match self.transition {
            Some(transition) if transition.destination() == destination => transition,
            _ => *self.transition.insert(Transition::new(frame(self.pan, self.zoom), destination, now)),
        };
        let (at, done) = transition.at(now);
        self.pan = Vec2::new(at.offset[0] as f32, at.offset[1] as f32);
        self.zoom = at.scale as f32;
        if done {
            self.target = None;
            self.transition = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    /// Where the view is on screen, as last drawn.
    pub fn view_rect(&self) -> Rect {
        self.last_view
    }

    /// The map is not drawn this frame (a presented step with nothing on
    /// it): it has no place on screen until it is drawn again.
    pub fn not_shown(&mut self) {
        self.last_view = Rect::NOTHING;
    }

    /// Where `item` (by its place in its section, see
    /// [`crate::layout::map_geometry::map_item`]) was drawn last frame, on
    /// screen: a card's or chip's rectangle, the box of a link's two ends;
    /// `None` while the map is not shown.
    pub fn drawn_rect(&self, item: MapItem) -> Option<Rect> {
        if !self.last_view.is_positive() {
            return None;
        }
        let canvas = self.geometry.as_ref()?.rect_of_item(item)?;
        Some(self.screen_from_canvas(self.last_view).mul_rect(geometry::rect(canvas)))
    }

    /// Where the map looks now: the canvas point at the middle of the view, and the zoom.
    pub fn viewport(&self) -> Viewport {
        let center = -self.pan / self.zoom;
        Viewport { center: Position::new(center.x, center.y), zoom: self.zoom }
    }

    /// Moves the view smoothly to `viewport`.
    pub fn show_viewport(&mut self, viewport: Viewport) {
        let zoom = viewport.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        self.needs_fit = false;
        self.target = Some((-Vec2::new(viewport.center.x, viewport.center.y) * zoom, zoom));
    }

    /// Moves the view, smoothly, to frame `items` (see [`MapView::request_framing`]).
    fn frame_items(&mut self, view: Rect, map: &Map, index: &MapIndex, geometry: &MapGeometry, items: &[ItemRef]) {
        let bounds = items_bounds(index, geometry, items);
        self.needs_fit = false;
        self.target = Some(if bounds.is_positive() {
            self.framing(view, bounds, READING_ZOOM)
        } else {
            self.opening_framing(view, map, index, geometry)
        });
    }

    /// How a map just opened is shown (see [`MapView::request_opening_view`]).
    fn opening_framing(&self, view: Rect, map: &Map, index: &MapIndex, geometry: &MapGeometry) -> (Vec2, f32) {
        let whole = self.framing(view, geometry::bounds(geometry), FIT_MAX_ZOOM);
        if whole.1 >= READABLE_ZOOM {
            return whole;
        }
        let first_read = items_bounds(index, geometry, &first_read(map));
        let framed = first_read.is_positive().then(|| self.framing(view, first_read, READING_ZOOM));
        framed.filter(|framed| framed.1 > whole.1).unwrap_or(whole)
    }

    /// Moves the view, smoothly, so that the highlighted items are all on screen.
    fn reveal(&mut self, view: Rect, map: &Map, index: &MapIndex, geometry: &MapGeometry, highlight: &Highlight) {
        let bounds = map
            .claims
            .iter()
            .map(|claim| ItemRef::Claim(claim.id.clone()))
            .chain(map.events.iter().map(|event| ItemRef::Event(event.id.clone())))
            .filter(|item| highlight.contains(item))
            .filter_map(|item| geometry.rect_of(index, &item))
            .fold(Rect::NOTHING, |bounds, rect| bounds.union(geometry::rect(rect)));
        if !bounds.is_positive() {
            return;
        }
        let on_screen = self.screen_from_canvas(view).mul_rect(bounds);
        if view.shrink(20.0).contains_rect(on_screen) {
            return;
        }
        self.target = Some(self.framing(view, bounds, self.zoom.max(0.6)));
    }
}

/// The canvas rect holding the cards and chips of `items`: links are left
/// out, since a link runs between cards (one to a far card would take in the
/// whole map).
fn items_bounds(index: &MapIndex, geometry: &MapGeometry, items: &[ItemRef]) -> Rect {
    items
        .iter()
        .filter(|item| !matches!(item, ItemRef::Link(_)))
        .filter_map(|item| geometry.rect_of(index, item))
        .fold(Rect::NOTHING, |bounds, rect| bounds.union(geometry::rect(rect)))
}

/// What a reader of `map` looks at first: its first question with the
/// explanations answering it; without questions, every explanation.
fn first_read(map: &Map) -> Vec<ItemRef> {
    let question = map.claims.iter().find(|claim| claim.kind == ClaimKind::Question);
    map.claims
        .iter()
        .filter(|claim| match question {
            Some(question) => claim.id == question.id || claim.answers.as_ref() == Some(&question.id),
            None => claim.kind == ClaimKind::Explanation,
        })
        .map(|claim| ItemRef::Claim(claim.id.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
