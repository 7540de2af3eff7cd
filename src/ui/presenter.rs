//! Presentation mode: the story shown step by step, full screen, with large
//! type and no editing chrome, driven from the keyboard or a clicker (→,
//! Space, Page Down: next; ←, Page Up: previous; Home, End; a number then
//! Enter jumps; Esc leaves). L toggles a spotlight that follows the pointer;
//! N opens the speaker notes in a window of their own; G shows or hides the
//! map's legend (hidden while presenting unless asked for).

use super::action::{Action, Actions};
use crate::model::StoryStep;
use egui::{Color32, Key, Modifiers, Pos2, Rect, RichText};

/// How much larger everything is drawn while presenting.
pub const PRESENTATION_ZOOM: f32 = 1.5;
/// The radius of the spotlight, in points.
const SPOTLIGHT_RADIUS: f32 = 150.0;

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
