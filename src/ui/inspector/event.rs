//! The inspector for an event: title, date and optional end date with their
//! precision, lane, detail, tags and citations. A span that would end before
//! it starts is refused with a message under the date.

use super::fields::{self, TextField};
use super::{Editor, edited, heading_ui};
use crate::edit::commands::update_event;
use crate::model::{Date, Event, ItemRef, LaneId};
use egui::Ui;

/// Why `end` cannot close a span that starts on `start`, if it cannot.
fn span_problem(start: Date, end: Date) -> Option<String> {
    (end.last_day() < start.first_day()).then(|| {
        format!(
            "The event would end ({}) before it starts ({}): choose a later end or an earlier start.",
            end.human(),
            start.human()
        )
    })
}

pub(super) fn event_ui(ui: &mut Ui, editor: &mut Editor<'_>, event: &Event) {
    let key = |field: &str| format!("event {} {field}", event.id);
    heading_ui(ui, "EVENT", ui.visuals().strong_text_color());
    TextField::multiline(&key("title"), "Title").required().ui(ui, editor, &event.title, |map, title| {
        update_event(map, edited(event, |e| e.title.clone_from(&title)), "Edit event title")
    });

    let date_key = key("date");
    if let Some(date) = fields::date_ui(ui, &date_key, "Date", event.date) {
        match event.end.and_then(|end| span_problem(date, end)) {
            Some(problem) => editor.refuse(&date_key, problem),
            None => {
                let transaction = update_event(editor.map, edited(event, |e| e.date = date), "Change event date");
                editor.commit(&date_key, transaction, None);
            }
        }
    }
    editor.notice_ui(ui, &date_key);

    let end_key = key("end");
    match event.end {
        Some(end) => {
            if let Some(end) = fields::date_ui(ui, &end_key, "End date", end) {
                match span_problem(event.date, end) {
                    Some(problem) => editor.refuse(&end_key, problem),
                    None => {
                        let transaction =
                            update_event(editor.map, edited(event, |e| e.end = Some(end)), "Change end date");
                        editor.commit(&end_key, transaction, None);
                    }
                }
            }
            if ui.button("Remove end date").on_hover_text("Make the event a single date").clicked() {
                let transaction = update_event(editor.map, edited(event, |e| e.end = None), "Remove end date");
                editor.commit(&end_key, transaction, None);
            }
        }
        None => {
            if ui.button("Add end date").on_hover_text("Make the event a span of dates").clicked() {
                let transaction = update_event(editor.map, edited(event, |e| e.end = Some(e.date)), "Add end date");
                editor.commit(&end_key, transaction, None);
            }
        }
    }
    editor.notice_ui(ui, &end_key);

    let lane_key = key("lane");
    let lanes: Vec<LaneId> = editor.map.lanes.iter().map(|lane| lane.id.clone()).collect();
    let map = editor.map;
    let lane_name = |id: &LaneId| map.lane(id).map_or_else(|| format!("unknown lane {id}"), |lane| lane.name.clone());
    if let Some(lane) = fields::choice_ui(ui, &lane_key, "Lane", &event.lane, &lanes, lane_name) {
        let transaction = update_event(editor.map, edited(event, |e| e.lane.clone_from(&lane)), "Move event to lane");
        editor.commit(&lane_key, transaction, None);
    }
    TextField::multiline(&key("detail"), "Detail").ui(ui, editor, &event.detail, |map, detail| {
        update_event(map, edited(event, |e| e.detail.clone_from(&detail)), "Edit event detail")
    });
    let weights_key = key("weights");
    if let Some((credibility, relevance)) = fields::weights_ui(ui, &weights_key, event.credibility, event.relevance) {
        let weighed = edited(event, |x| (x.credibility, x.relevance) = (credibility, relevance));
        editor.commit(&weights_key, update_event(editor.map, weighed, "Weigh event as evidence"), None);
    }
    fields::read_only_ui(ui, "Id", event.id.as_str());
    let tags_key = key("tags");
    if let Some(tags) = fields::tags_ui(ui, editor, &tags_key, &event.tags) {
        let transaction = update_event(editor.map, edited(event, |e| e.tags.clone_from(&tags)), "Edit event tags");
        editor.commit(&tags_key, transaction, None);
    }
    super::links_and_citations_ui(ui, editor, ItemRef::Event(event.id.clone()), &event.citations);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_may_end_within_its_start_month_but_not_before() {
        assert_eq!(span_problem(Date::month(2015, 9), Date::day(2015, 9, 1)), None);
        assert_eq!(span_problem(Date::day(2015, 9, 25), Date::day(2015, 9, 25)), None);
        let problem = span_problem(Date::day(2015, 9, 25), Date::month(2015, 8)).expect("refused");
        assert!(problem.contains("Aug 2015") && problem.contains("25 Sep 2015"), "{problem}");
    }
}
