//! Presentation mode: the story shown step by step, full screen, with large
//! type and no editing chrome, driven from the keyboard or a clicker (→,
//! Space, Page Down: next; ←, Page Up: previous; Home, End; a number then
//! Enter jumps; Esc leaves). L toggles a spotlight that follows the pointer;
//! N opens the speaker notes in a window of their own; G shows or hides the
//! map's legend (hidden while presenting unless asked for).

use super::action::{Action, Actions};
use crate::model::{ItemRef, Map, MapIndex, StoryStep};
use egui::{Color32, Key, Modifiers, Pos2, Rect, RichText};

/// How much larger everything is drawn while presenting.
pub const PRESENTATION_ZOOM: f32 = 1.5;
/// The radius of the spotlight, in points.
const SPOTLIGHT_RADIUS: f32 = 150.0;

/// How a presented step shares the screen below its title between the map and the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Split {
    /// Nothing the step shows has a place on the map (and it stores no
    /// viewport): the timeline takes it all.
    TimelineOnly,
    /// The timeline takes this share of the height, the map the rest.
    Timeline(f32),
}

/// The timeline's share when a step is about both the map and the timeline.
const TIMELINE_SHARE: f32 = 0.38;
/// Its share when the step draws out claims alone: the dates stay in view, small.
const TIMELINE_SHARE_FOR_CLAIMS: f32 = 0.25;
/// Its share when the step draws out events that are evidence for nothing.
const TIMELINE_SHARE_FOR_EVENTS: f32 = 0.6;

/// How `step` of `map` (indexed by `index`) shares the screen: the map gets
/// the room where the step's subject (what it draws out, else what it shows)
/// is. An event has a place on the map when it is evidence for something
/// (the geometry gives it a chip).
pub fn split(step: &StoryStep, map: &Map, index: &MapIndex) -> Split {
    let on_map = |item: &ItemRef| match item {
        ItemRef::Event(_) => index.links_touching(map, item).any(|link| link.starts_at(item)),
        ItemRef::Claim(_) | ItemRef::Link(_) => true,
    };
    let shown_on_map = step.shows.is_empty() || step.shows.iter().chain(&step.highlights).any(on_map);
    // A stored viewport says where on the map to look: the map stays.
    if !shown_on_map && step.viewport.is_none() {
        return Split::TimelineOnly;
    }
    let subject = if step.highlights.is_empty() { &step.shows } else { &step.highlights };
    if subject.is_empty() {
        Split::Timeline(TIMELINE_SHARE)
    } else if !subject.iter().any(|item| matches!(item, ItemRef::Event(_))) {
        Split::Timeline(TIMELINE_SHARE_FOR_CLAIMS)
    } else if !subject.iter().any(on_map) {
        Split::Timeline(TIMELINE_SHARE_FOR_EVENTS)
    } else {
        Split::Timeline(TIMELINE_SHARE)
    }
}

/// The state of a presentation in progress.
pub struct Presenter {
    pub step: usize,
    /// Digits typed so far, for "number then Enter".
    typed: String,
    pub spotlight: bool,
    pub notes_open: bool,
    /// The interface zoom before presenting, restored on leaving.
    pub zoom_before: f32,
}

impl Presenter {
    pub fn new(step: usize, zoom_before: f32) -> Self {
        Self { step, typed: String::new(), spotlight: false, notes_open: false, zoom_before }
    }

    /// Reads the presentation keys (consuming them) and queues the step they go to,
    /// or leaving; `steps` is the story's length.
    pub fn keys(&mut self, ctx: &egui::Context, steps: usize, actions: &mut Actions) {
        if let Some(action) = self.action_of_keys(ctx, steps) {
            actions.push(action);
        }
    }

    fn action_of_keys(&mut self, ctx: &egui::Context, steps: usize) -> Option<Action> {
        let last = steps.saturating_sub(1);
        let pressed = |key| ctx.input_mut(|input| input.consume_key(Modifiers::NONE, key));
        let digits = ctx.input(|input| {
            input
                .events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::Text(text) => Some(text.chars().filter(char::is_ascii_digit).collect::<String>()),
                    _ => None,
                })
                .collect::<String>()
        });
        self.typed.push_str(&digits);
        if pressed(Key::Escape) {
            return Some(Action::LeavePresentation);
        }
        if pressed(Key::Enter) {
            let typed = std::mem::take(&mut self.typed);
            return typed.parse::<usize>().ok().filter(|n| (1..=steps).contains(n)).map(|n| Action::GoToStep(n - 1));
        }
        if [Key::ArrowRight, Key::Space, Key::PageDown].into_iter().any(pressed) {
            self.typed.clear();
            return Some(Action::GoToStep((self.step + 1).min(last)));
        }
        if [Key::ArrowLeft, Key::PageUp].into_iter().any(pressed) {
            self.typed.clear();
            return Some(Action::GoToStep(self.step.saturating_sub(1)));
        }
        if pressed(Key::Home) {
            return Some(Action::GoToStep(0));
        }
        if pressed(Key::End) {
            return Some(Action::GoToStep(last));
        }
        if pressed(Key::L) {
            self.spotlight = !self.spotlight;
        }
        if pressed(Key::N) {
            self.notes_open = !self.notes_open;
        }
        if pressed(Key::G) {
            return Some(Action::Command(super::commands::Command::ToggleLegend));
        }
        None
    }

    /// The step's title and the progress ("3 / 12"), over the top of the screen.
    pub fn title_ui(&self, ui: &mut egui::Ui, step: &StoryStep, steps: usize) {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add_space(8.0);
            ui.label(RichText::new(format!("{} / {steps}", self.step + 1)).heading());
            if !self.typed.is_empty() {
                ui.label(RichText::new(format!("Go to step {}…", self.typed)).weak());
            }
            ui.add_space(16.0);
            // The title takes the rest, cut short rather than running under the progress.
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add_space(8.0);
                ui.add(egui::Label::new(RichText::new(&step.title).heading().strong()).truncate());
            });
        });
    }

    /// Darkens the screen except round the pointer, while the spotlight is on.
    pub fn spotlight_ui(&self, ctx: &egui::Context) {
        if !self.spotlight {
            return;
        }
        let Some(pointer) = ctx.input(|i| i.pointer.latest_pos()) else { return };
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("spotlight")));
        painter.add(spotlight_mesh(screen, pointer, SPOTLIGHT_RADIUS, Color32::from_black_alpha(170)));
        ctx.request_repaint();
    }

    /// The speaker notes of `step`, in a window of their own (or inside this one where
    /// a platform cannot open another).
    pub fn notes_ui(&mut self, ctx: &egui::Context, step: &StoryStep, steps: usize) {
        if !self.notes_open {
            return;
        }
        let builder =
            egui::ViewportBuilder::default().with_title("Speaker notes — Argline").with_inner_size([520.0, 420.0]);
        let progress = format!("Step {} / {steps}", self.step + 1);
        let close = ctx.show_viewport_immediate(egui::ViewportId::from_hash_of("speaker-notes"), builder, |ui, _| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(RichText::new(progress.as_str()).weak());
                ui.heading(&step.title);
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let notes = if step.notes.is_empty() { "No notes for this step." } else { &step.notes };
                    ui.label(RichText::new(notes).size(20.0));
                });
            });
            ui.ctx().input(|i| i.viewport().close_requested())
        });
        if close {
            self.notes_open = false;
        }
    }
}

/// A dark cover over `screen` with a round hole of `radius` at `center`.
fn spotlight_mesh(screen: Rect, center: Pos2, radius: f32, color: Color32) -> egui::Mesh {
    const SEGMENTS: u32 = 96;
    let far = screen.size().length() + center.distance(screen.center());
    let mut mesh = egui::Mesh::default();
    for i in 0..SEGMENTS {
        let angle = i as f32 / SEGMENTS as f32 * std::f32::consts::TAU;
        let direction = egui::vec2(angle.cos(), angle.sin());
        mesh.colored_vertex(center + direction * radius, color);
        mesh.colored_vertex(center + direction * far, color);
    }
    for i in 0..SEGMENTS {
        let (inner, outer) = (2 * i, 2 * i + 1);
        let (next_inner, next_outer) = ((2 * i + 2) % (2 * SEGMENTS), (2 * i + 3) % (2 * SEGMENTS));
        mesh.add_triangle(inner, outer, next_outer);
        mesh.add_triangle(inner, next_outer, next_inner);
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step_titled<'m>(map: &'m Map, start: &str) -> &'m StoryStep {
        map.story.iter().find(|step| step.title.starts_with(start)).expect("the case study has the step")
    }

    #[test]
    fn each_step_of_the_case_study_gives_the_room_to_where_its_subject_is() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads");
        let index = MapIndex::build(&map);
        let events_alone = step_titled(&map, "2013: cyber theft reaches the summit table");
        assert_eq!(split(events_alone, &map, &index), Split::TimelineOnly, "it shows nothing of the map");
        let viewport = Some(crate::model::Viewport { center: crate::model::Position::new(0.0, 0.0), zoom: 1.0 });
        let looking = StoryStep { viewport, ..events_alone.clone() };
        assert_eq!(
            split(&looking, &map, &index),
            Split::Timeline(TIMELINE_SHARE_FOR_EVENTS),
            "unless it says where to look"
        );
        let claims_alone = step_titled(&map, "Two questions, and the explanations of each");
        assert_eq!(split(claims_alone, &map, &index), Split::Timeline(TIMELINE_SHARE_FOR_CLAIMS));
        let both = step_titled(&map, "Why did China agree? Sanctions");
        assert_eq!(split(both, &map, &index), Split::Timeline(TIMELINE_SHARE));
    }

    #[test]
    fn a_step_that_shows_everything_keeps_the_map() {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, "case study").expect("the case study loads");
        let index = MapIndex::build(&map);
        let step = StoryStep { shows: Vec::new(), highlights: Vec::new(), ..map.story[0].clone() };
        assert_eq!(split(&step, &map, &index), Split::Timeline(TIMELINE_SHARE));
        let evidence_for_nothing = map
            .events
            .iter()
            .find(|event| !map.links.iter().any(|link| link.starts_at(&ItemRef::Event(event.id.clone()))))
            .expect("an event that is evidence for nothing");
        let step = StoryStep { highlights: vec![ItemRef::Event(evidence_for_nothing.id.clone())], ..step };
        assert_eq!(split(&step, &map, &index), Split::Timeline(TIMELINE_SHARE_FOR_EVENTS), "the map still shows all");
    }
}
