//! The field widgets every part of the inspector shares: a text field whose
//! typing is one undo step, a choice from a list, a date with its precision,
//! a tag editor and a read-only row. Each has a visible caption that names it
//! for screen readers and UI tests, and each change becomes an edit
//! transaction built by the caller: the map is never changed here.

use super::Editor;
use crate::edit::{EditError, Transaction};
use crate::model::{Date, Level, Map, Position, Precision};
use crate::ui::document::new_gesture;
use chrono::{Datelike, NaiveDate};
use egui::{RichText, TextEdit, Ui};

/// The text of a focused field, kept while the user types in it.
pub(super) struct FieldBuffer {
    text: String,
    /// The map's value this buffer was last in step with; `None` right after
    /// a commit, until the next frame shows the map with it applied.
    base: Option<String>,
    /// The undo gesture that this focus of the field's typing belongs to.
    gesture: u64,
}

fn caption_ui(ui: &mut Ui, label: &str) -> egui::Response {
    ui.label(RichText::new(label).small().weak())
}

/// A text field bound to a value of the map: it shows the map's value until
/// focused, edits a buffer while focused, and commits every change as a step
/// of one gesture, so that one focus's typing is one undo step.
pub(super) struct TextField<'k> {
    key: &'k str,
    label: &'k str,
    multiline: bool,
    /// Whether an empty value is refused (the map would not load again).
    required: bool,
    /// Whether the label is shown above the field, or only names it for
    /// screen readers (where the row around it says what it is).
    visible_label: bool,
}

impl<'k> TextField<'k> {
    pub fn line(key: &'k str, label: &'k str) -> Self {
        Self { key, label, multiline: false, required: false, visible_label: true }
    }

    pub fn multiline(key: &'k str, label: &'k str) -> Self {
        Self { key, label, multiline: true, required: false, visible_label: true }
    }

    pub fn required(self) -> Self {
        Self { required: true, ..self }
    }

    pub fn label_hidden(self) -> Self {
        Self { visible_label: false, ..self }
    }

    /// Shows the field; `build` turns the typed text into the transaction.
    pub fn ui(
        self,
        ui: &mut Ui,
        editor: &mut Editor<'_>,
        current: &str,
        build: impl FnOnce(&Map, String) -> Result<Transaction, EditError>,
    ) {
        let id = egui::Id::unique(("inspector field", self.key));
        let caption = self.visible_label.then(|| caption_ui(ui, self.label));
        let mut text = match editor.state.buffers.get_mut(&id) {
            Some(buffer) => {
                match &buffer.base {
                    None => buffer.base = Some(current.to_owned()),
                    // The map changed under the field (undo, another view): show the map.
                    Some(base) if base != current => {
                        buffer.text = current.to_owned();
                        buffer.base = Some(current.to_owned());
                    }
                    Some(_) => {}
                }
                buffer.text.clone()
            }
            None => current.to_owned(),
        };
        let edit = if self.multiline {
            TextEdit::multiline(&mut text).desired_rows(2)
        } else {
            TextEdit::singleline(&mut text)
        };
        let response = ui.add(edit.id(id).desired_width(f32::INFINITY));
        let response = match caption {
            Some(caption) => response.labelled_by(caption.id),
            None => response.accessible_name(self.label),
        };
        if !response.has_focus() {
            editor.state.buffers.remove(&id);
            editor.notice_ui(ui, self.key);
            return;
        }
        let gesture = match editor.state.buffers.get(&id) {
            Some(buffer) => buffer.gesture,
            None => new_gesture(),
        };
        let mut base = Some(current.to_owned());
        if response.changed() {
            if self.required && text.trim().is_empty() {
                editor.refuse(
                    self.key,
                    format!("The {} cannot be empty; the map keeps its last text.", self.label.to_lowercase()),
                );
            } else if editor.commit(self.key, build(editor.map, text.clone()), Some(gesture)) {
                base = None;
            }
        }
        editor.state.buffers.insert(id, FieldBuffer { text, base, gesture });
        editor.notice_ui(ui, self.key);
    }
}

/// A caption and a drop-down list of `options`; returns the option picked.
pub(super) fn choice_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    key: &str,
    label: &str,
    current: &T,
    options: &[T],
    name: impl Fn(&T) -> String,
) -> Option<T> {
    ui.horizontal(|ui| {
        let caption = caption_ui(ui, label);
        let mut picked = None;
        // As wide as the longest option (and the button's arrow), within the panel.
        let font = egui::TextStyle::Button.resolve(ui.style());
        let widest = options
            .iter()
            .map(|option| ui.painter().layout_no_wrap(name(option), font.clone(), egui::Color32::WHITE).size().x)
            .fold(0.0, f32::max);
        let response = egui::ComboBox::from_id_salt(("inspector choice", key))
            .selected_text(name(current))
            .width((widest + 3.0 * ui.spacing().icon_width).min(ui.available_width()))
            .show_ui(ui, |ui| {
                for option in options {
                    if ui.selectable_label(option == current, name(option)).clicked() && option != current {
                        picked = Some(option.clone());
                    }
                }
            })
            .response;
        response.labelled_by(caption.id);
        picked
    })
    .inner
}

/// What the user did to a position field this frame.
pub(super) struct PositionInput {
    /// A drag or typing began: what follows is a new undo step.
    pub began: bool,
    pub changed: Option<Position>,
}

/// The position of a claim on the map's canvas, as two numbers to drag or type.
pub(super) fn position_ui(ui: &mut Ui, position: Position) -> PositionInput {
    ui.horizontal(|ui| {
        caption_ui(ui, "Position");
        let mut input = PositionInput { began: false, changed: None };
        for (axis, value) in [("x", position.x), ("y", position.y)] {
            let mut number = value;
            let response = ui.add(egui::DragValue::new(&mut number).prefix(format!("{axis} ")).speed(1.0));
            let response = response.accessible_name(format!("Position {axis}"));
            input.began |= response.drag_started() || response.gained_focus();
            if response.changed() && number.is_finite() && number != value {
                input.changed = Some(if axis == "x" {
                    Position::new(number, position.y)
                } else {
                    Position::new(position.x, number)
                });
            }
        }
        input
    })
    .inner
}

/// Credibility and relevance, the weights of an item as evidence; returns
/// them as changed.
pub(super) fn weights_ui(ui: &mut Ui, key: &str, credibility: Level, relevance: Level) -> Option<(Level, Level)> {
    let name = |level: &Level| level.label().to_owned();
    let credibility_key = format!("{key} credibility");
    let relevance_key = format!("{key} relevance");
    let new_credibility = choice_ui(ui, &credibility_key, "Credibility", &credibility, &Level::ALL, name);
    let new_relevance = choice_ui(ui, &relevance_key, "Relevance", &relevance, &Level::ALL, name);
    (new_credibility.is_some() || new_relevance.is_some())
        .then(|| (new_credibility.unwrap_or(credibility), new_relevance.unwrap_or(relevance)))
}

/// A caption and a value that cannot be edited here (ids).
pub(super) fn read_only_ui(ui: &mut Ui, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        caption_ui(ui, label);
        ui.label(RichText::new(value).monospace());
    });
}

fn to_picker(date: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    jiff::civil::Date::new(year, date.month() as i8, date.day() as i8).ok()
}

fn from_picker(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(date.year()), date.month() as u32, date.day() as u32)
}

/// How a date of `precision` is written on the picker's button: as stored.
fn picker_format(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "%Y",
        Precision::Month => "%Y-%m",
        Precision::Day => "%Y-%m-%d",
    }
}

pub(super) const PRECISIONS: [Precision; 3] = [Precision::Year, Precision::Month, Precision::Day];

/// A date picker and a precision choice; returns the date as changed.
pub(super) fn date_ui(ui: &mut Ui, key: &str, label: &str, date: Date) -> Option<Date> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let caption = caption_ui(ui, label);
        match to_picker(date.first_day()) {
            Some(mut picked) => {
                let year = picked.year();
                let salt = format!("inspector date {key}");
                let response = ui
                    .add(
                        egui_extras::DatePickerButton::new(&mut picked)
                            .id_salt(&salt)
                            .format(picker_format(date.precision()))
                            .show_icon(false)
                            .calendar(date.precision() == Precision::Day)
                            .highlight_weekends(false)
                            .calendar_week(false)
                            .start_end_years(year.saturating_sub(100).max(-9999)..=year.saturating_add(100).min(9999)),
                    )
                    .labelled_by(caption.id);
                if response.changed()
                    && let Some(day) = from_picker(picked)
                {
                    changed = Some(Date::from_naive(day, date.precision()));
                }
            }
            None => {
                ui.label(date.to_string()).labelled_by(caption.id);
            }
        }
        let precision_key = format!("{key} precision");
        let precision =
            choice_ui(ui, &precision_key, "Precision", &date.precision(), &PRECISIONS, |p| p.label().to_owned());
        if let Some(precision) = precision {
            changed = Some(Date::from_naive(date.first_day(), precision));
        }
    });
    changed
}

/// The tags as chips that remove themselves, and a field that adds one on Enter.
/// Returns the new list of tags when it changed.
pub(super) fn tags_ui(ui: &mut Ui, editor: &mut Editor<'_>, key: &str, tags: &[String]) -> Option<Vec<String>> {
    let mut changed = None;
    caption_ui(ui, "Tags");
    ui.horizontal_wrapped(|ui| {
        for (index, tag) in tags.iter().enumerate() {
            let chip = ui.button(RichText::new(format!("#{tag}  ×")).monospace()).on_hover_text("Remove this tag");
            if chip.accessible_name(format!("Remove tag {tag}")).clicked() {
                let mut kept = tags.to_vec();
                kept.remove(index);
                changed = Some(kept);
            }
        }
    });
    let draft_key = format!("{key} new tag");
    let draft = editor.state.drafts.entry(draft_key.clone()).or_default();
    let response = ui.add(TextEdit::singleline(draft).hint_text("new tag, then Enter").desired_width(f32::INFINITY));
    let response = response.accessible_name("Add tag");
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        let tag = draft.trim().to_owned();
        draft.clear();
        if tags.contains(&tag) {
            editor.refuse(key, format!("The tag \"{tag}\" is already there."));
        } else if !tag.is_empty() {
            let mut more = tags.to_vec();
            more.push(tag);
            changed = Some(more);
        }
    }
    editor.notice_ui(ui, key);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cross_to_the_picker_and_back() {
        let day = NaiveDate::from_ymd_opt(2015, 9, 25).expect("a date");
        assert_eq!(to_picker(day).and_then(from_picker), Some(day));
        let far = NaiveDate::from_ymd_opt(200_000, 1, 1).expect("chrono reaches it");
        assert_eq!(to_picker(far), None, "beyond the picker's years");
    }
}
