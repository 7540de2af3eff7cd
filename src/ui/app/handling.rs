//! The one place where what the user asked for happens: the actions the
//! views queued during the UI pass, run in order after it. Domain rules live
//! in `edit` (`commands`, `gestures`); here they meet the document, the
//! selection and the views.

use super::ArglineApp;
use crate::edit::{Transaction, bulk, citing, commands, gestures};
use crate::model::{ItemRef, Strength};
use crate::ui::action::Action;
use crate::ui::commands::Command;
use crate::ui::files::{Purpose, Then};
use crate::ui::prefs::ThemeChoice;
use crate::ui::selection::Origin;

impl ArglineApp {
    /// Runs every action queued since the last call, in order.
    pub(super) fn run_actions(&mut self, ctx: &egui::Context) {
        for action in self.actions.take() {
            self.run_action(ctx, action);
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        let map = self.document.map();
        match action {
            Action::Command(command) => self.run_command(ctx, command),

            Action::Select { item, origin } => self.views.select(item, origin),
            Action::ToggleSelected(item) => self.views.selection.toggle(item),
            Action::SelectMany { items, extend, origin } => self.views.select_many(items, extend, origin),

            Action::Apply { transaction, gesture } => {
                self.apply_as(transaction, gesture, "That change could not be made")
            }
            Action::MoveClaims { moves, gesture } => {
                let transaction = commands::move_claims(map, &moves);
                self.apply_as(transaction, Some(gesture), "The claims could not be moved");
            }
            Action::AddClaim { position, text } => {
                let (transaction, id) = gestures::add_claim_at(map, position, text);
                self.apply(transaction);
                self.views.select(ItemRef::Claim(id), Origin::Map);
            }
            Action::AddLink { from, to, relation } => {
                match commands::new_link(map, from, to, relation, Strength::Moderate) {
                    Ok((transaction, id)) => {
                        self.apply(transaction);
                        self.views.select(ItemRef::Link(id), Origin::Map);
                    }
                    Err(error) => self.notifications.notice(format!("No link was made: {error}.")),
                }
            }
            Action::AddEvent { lane, date, title } => {
                let (transaction, id) = gestures::add_event_on(map, lane, date, title);
                self.apply(transaction);
                self.views.select(ItemRef::Event(id), Origin::Timeline);
            }
            Action::MoveEvent { id, date, end, gesture } => match gestures::move_event(map, &id, date, end) {
                Ok(Some(transaction)) => self.apply_as(transaction, Some(gesture), "The event could not be moved"),
                Ok(None) => {}
                Err(error) => self.notifications.problem(format!("The event could not be moved: {error}")),
            },
            Action::RateCell { evidence, explanation, rating } => {
                match gestures::rate_cell(map, &evidence, &explanation, rating) {
                    Ok(Some(transaction)) => self.apply(transaction),
                    Ok(None) => {}
                    Err(error) => self.notifications.notice(format!("The cell was not rated: {error}.")),
                }
            }
            Action::ClaimFromPassage(passage) => self.claim_from_passage(&passage),
            Action::CitePassage { item, passage } => match citing::cite_passage(map, &item, &passage) {
                Ok(transaction) => self.apply(transaction),
                Err(error) => self.notifications.notice(format!("The passage was not cited: {error}.")),
            },
            Action::WeighEvidence { evidence, credibility, relevance } => {
                match gestures::weigh_evidence(map, &evidence, credibility, relevance) {
                    Ok(Some(transaction)) => self.apply(transaction),
                    Ok(None) => {}
                    Err(error) => self.notifications.notice(format!("The evidence was not weighed: {error}.")),
                }
            }
            Action::TagSelection(tag) => {
                let items = self.views.selection.items();
                if let Some(transaction) = bulk::add_tag(map, self.document.index(), items, &tag) {
                    self.apply(transaction);
                }
            }
            Action::SetSelectionStrength(strength) => {
                let items = self.views.selection.items();
                if let Some(transaction) = bulk::set_strength(map, self.document.index(), items, strength) {
                    self.apply(transaction);
                }
            }
            Action::MoveSelection { dx, dy } => {
                let items = self.views.selection.items();
                if let Some(transaction) = bulk::move_by(map, self.document.index(), items, dx, dy) {
                    self.apply(transaction);
                }
            }

            Action::GoToStep(index) => self.go_to_step(index),
            Action::Present(index) => self.start_presenting(ctx, index),
            Action::LeavePresentation => self.stop_presenting(ctx),
            Action::AddStepFromView => self.add_step_from_view(),
            Action::UpdateStepFromView(index) => self.update_step_from_view(index),
            Action::DuplicateStep(index) => {
                let result = commands::duplicate_story_step(map, index);
                self.views.story_panel.current = Some(index + 1);
                self.apply_story_change(result, None);
            }
            Action::DeleteStep(index) => self.apply_story_change(commands::remove_story_step(map, index), None),
            Action::MoveStep { from, to } => self.apply_story_change(commands::move_story_step(map, from, to), None),
            Action::EditStep { index, step, gesture } => {
                self.apply_story_change(commands::update_story_step(map, index, step), Some(gesture));
            }

            Action::SetAsOf(date) => self.views.timeline.set_as_of(Some(date)),
            Action::SetTheme(theme) => self.prefs.theme = theme,
            Action::SetHighContrastPresentation(on) => self.prefs.high_contrast_presentation = on,
            Action::SetLegendWhenPresenting(on) => self.prefs.legend_when_presenting = on,
            Action::Notify(message) => self.notifications.notice(message),
            Action::DismissError => self.notifications.dismiss_problem(),

            Action::OpenFile(path) => self.begin(ctx, Then::OpenPath(path)),
            Action::ChooseExportPath(format) => self.choose_path(Purpose::Export(format)),
            Action::ChooseTextsFolder => self.choose_path(Purpose::AttachTexts),
            Action::Import(format) => self.begin(ctx, Then::Import(format)),
            Action::Discard(then) => {
                self.dialog = None;
                self.proceed(ctx, then);
            }
            Action::PathChosen(purpose, path) => {
                self.dialog = None;
                match purpose {
                    Purpose::Open => self.open_path(path),
                    Purpose::SaveAs => self.save_to(path),
                    Purpose::Export(format) => self.export_to(format, path),
                    Purpose::Import(format) => self.import_from(format, path),
                    Purpose::AttachTexts => self.attach_texts(path),
                    Purpose::Compare => self.compare_with(path),
                    Purpose::CompareWithKey => self.compare_with_key(path),
                    Purpose::Assignment => self.write_assignment(path),
                }
            }
            Action::CloseDialog => self.dialog = None,

            Action::ChangedOnDisk(choice) => self.choose_on_disk_change(choice),
            Action::SaveWithConflicts(path) => {
                self.dialog = None;
                let checks = super::disk_changes::SaveChecks { conflicts_accepted: true, replace_newer: false };
                self.save_checked(path, checks);
            }
            Action::SettleConflict { index, side } => self.settle_conflict(index, side),
            Action::GoToDifference(index) => self.go_to_difference(index),
            Action::StopComparing => self.stop_comparing(),

            Action::ChooseKey => self.choose_path(Purpose::CompareWithKey),
            Action::GoToFinding(index) => self.go_to_finding(index),
            Action::StopComparingWithKey => self.stop_comparing_with_key(),
            Action::NewAssignment => self.ask_for_assignment(),
            Action::ChooseAssignmentPath(options) => {
                self.pending_assignment = Some(options);
                self.choose_path(Purpose::Assignment);
            }

            Action::RestoreRecovered => {
                if let Some(recovered) = self.recovery_offer.take() {
                    self.restore(recovered);
                }
            }
            Action::DiscardRecovered => {
                if let Some(recovered) = self.recovery_offer.take()
                    && let Err(error) = std::fs::remove_file(&recovered.path)
                    && error.kind() != std::io::ErrorKind::NotFound
                {
                    self.notifications.problem(format!(
                        "The recovery file {} could not be removed: {error}",
                        recovered.path.display()
                    ));
                }
            }
            Action::RecoverLater => self.recovery_offer = None,
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewMap => self.begin(ctx, Then::New),
            Command::Open => self.begin(ctx, Then::Open),
            Command::Save => self.save(),
            Command::SaveAs => self.choose_path(Purpose::SaveAs),
            Command::CompareWith => self.choose_path(Purpose::Compare),
            Command::Revert => {
                if self.document.has_unsaved_changes() {
                    self.revert();
                }
            }
            Command::Undo => match self.document.undo() {
                Ok(_) => self.views.selection.retain_existing(self.document.index()),
                Err(error) => self.notifications.problem(format!("Undo failed: {error}")),
            },
            Command::Redo => match self.document.redo() {
                Ok(_) => self.views.selection.retain_existing(self.document.index()),
                Err(error) => self.notifications.problem(format!("Redo failed: {error}")),
            },
            Command::DeleteSelection => {
                if !self.views.selection.is_empty() {
                    let transaction = commands::delete(self.document.map(), self.views.selection.items());
                    self.apply(transaction);
                    self.views.selection.clear();
                }
            }
            Command::SelectAll => {
                let everything: Vec<ItemRef> = self.document.map().items().collect();
                self.views.select_many(everything, false, Origin::Map);
            }
            Command::Copy => {
                self.copy(ctx);
            }
            Command::Cut => self.cut(ctx),
            Command::Paste => match self.window.pasted_text.take() {
                Some(text) => self.paste(&text),
                // Chosen from the menu: ask the window for the clipboard; it arrives as a paste event.
                None => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            },
            Command::Duplicate => self.duplicate(),
            Command::FitAll => {
                self.views.map_view.request_fit();
                self.views.timeline.request_fit();
            }
            Command::ToggleMatrix => {
                use super::CentralTab;
                self.views.central_tab =
                    if self.views.central_tab == CentralTab::Matrix { CentralTab::Map } else { CentralTab::Matrix };
            }
            Command::TidyUp => self.tidy_up(),
            Command::Find => {
                if self.views.find_open && !ctx.egui_wants_keyboard_input() {
                    self.views.find_open = false;
                } else {
                    self.views.find_open = true;
                    self.views.find_panel.focus();
                }
            }
            Command::ToggleMergePanel => {
                if self.document.map().conflicts.is_empty() {
                    self.notifications.notice("The map holds no merge conflicts.");
                } else {
                    self.merge_panel.hidden = !self.merge_panel.hidden;
                }
            }
            Command::PreviousDifference => self.step_difference(-1),
            Command::NextDifference => self.step_difference(1),
            Command::ToggleStory => self.prefs.story_open = !self.prefs.story_open,
            Command::Present => self.start_presenting(ctx, self.views.story_panel.current.unwrap_or(0)),
            Command::ToggleInspector => self.prefs.inspector_open = !self.prefs.inspector_open,
            Command::ToggleLegend => {
                if self.presenter.is_some() {
                    self.prefs.legend_when_presenting = !self.prefs.legend_when_presenting;
                } else {
                    self.prefs.legend_open = !self.prefs.legend_open;
                }
            }
            Command::ToggleReader => self.views.reader_open = !self.views.reader_open,
            Command::ToggleTheme => {
                self.prefs.theme =
                    if ctx.global_style().visuals.dark_mode { ThemeChoice::Light } else { ThemeChoice::Dark };
            }
            Command::PreviousEvent => self.step_event(-1),
            Command::NextEvent => self.step_event(1),
            Command::FirstEvent => self.step_to_end(false),
            Command::LastEvent => self.step_to_end(true),
            Command::ClearSelection if self.views.selection.is_empty() && self.key_comparison.is_some() => {
                self.stop_comparing_with_key();
            }
            Command::ClearSelection => self.views.selection.clear(),
            Command::ShowShortcuts => self.views.shortcuts_open = true,
            Command::Quit => self.begin(ctx, Then::Quit),
        }
    }

    /// Applies `transaction` as one undo step.
    pub(super) fn apply(&mut self, transaction: Transaction) {
        self.apply_as(transaction, None, "That change could not be made");
    }

    /// Applies `transaction`, merged into the undo step of `gesture` if it
    /// continues one; a refusal is shown after `failure`.
    fn apply_as(&mut self, transaction: Transaction, gesture: Option<u64>, failure: &str) {
        let applied = match gesture {
            Some(gesture) => self.document.apply_gesture(transaction, gesture),
            None => self.document.apply(transaction),
        };
        if let Err(error) = applied {
            self.notifications.problem(format!("{failure}: {error}"));
        }
    }

    /// Lays out the selected cards and chips, or the whole map, as one undoable step.
    fn tidy_up(&mut self) {
        let map = self.document.map();
        let sizes = self
            .views
            .map_view
            .sizes(map, self.document.revision())
            .unwrap_or_else(|| crate::layout::MapSizes::estimate(map));
        let selected: Vec<ItemRef> =
            self.views.selection.items().iter().filter(|item| !matches!(item, ItemRef::Link(_))).cloned().collect();
        let selection = (!selected.is_empty()).then_some(selected.as_slice());
        let moves = crate::layout::tidy_up(map, &sizes, selection, &crate::layout::LayeredOptions::default());
        if moves.is_empty() {
            self.notifications.notice("Already tidy: nothing moved.");
            return;
        }
        let label = if selection.is_some() { "Tidy up the selection" } else { "Tidy up the map" };
        let transaction = commands::move_items(map, &moves.claims, &moves.events, label);
        self.apply(transaction);
        if selection.is_none() {
            self.views.map_view.request_fit();
        }
    }
}
