//! What the window tells the user: a passing notice in the status bar, or a
//! problem shown in a window of its own until dismissed. Every part of the app
//! reports through one [`Notifications`], so that each reaches the user the
//! same way.

use super::action::{Action, Actions};

/// How long a notice stays in the status bar, in seconds.
const NOTICE_SECONDS: f64 = 6.0;

/// Something to tell the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notification {
    /// A passing word in the status bar ("Copied 3 items.").
    Notice(String),
    /// A problem the user has to see and dismiss ("The export failed: …").
    Problem(String),
}

/// The notice and the problem being shown.
#[derive(Debug, Default)]
pub struct Notifications {
    /// The notice, and when it was first shown (UI time).
    notice: Option<(String, Option<f64>)>,
    problem: Option<String>,
}

impl Notifications {
    pub fn show(&mut self, notification: Notification) {
        match notification {
            Notification::Notice(text) => self.notice = Some((text, None)),
            Notification::Problem(text) => self.problem = Some(text),
        }
    }

    pub fn notice(&mut self, text: impl Into<String>) {
        self.show(Notification::Notice(text.into()));
    }

    pub fn problem(&mut self, text: impl Into<String>) {
        self.show(Notification::Problem(text.into()));
    }

    pub fn dismiss_problem(&mut self) {
        self.problem = None;
    }

    /// The notice to show this frame, dropped once it has been shown long enough.
    pub fn current_notice(&mut self, ctx: &egui::Context) -> Option<String> {
        let now = ctx.input(|i| i.time);
        let (message, since) = self.notice.as_mut()?;
        let since = *since.get_or_insert(now);
        if now - since > NOTICE_SECONDS {
            self.notice = None;
            return None;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTICE_SECONDS));
        Some(message.clone())
    }

    /// The problem's window, while there is one.
    pub fn problem_ui(&self, ctx: &egui::Context, actions: &mut Actions) {
        let Some(message) = &self.problem else { return };
        egui::Window::new("Something went wrong").collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(message);
            if ui.button("OK").clicked() {
                actions.push(Action::DismissError);
            }
        });
    }
}
