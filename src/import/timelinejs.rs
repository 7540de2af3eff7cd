//! Events from TimelineJS3 JSON: each slide an event (its `group` the lane,
//! its `unique_id` the id), dates to the precision given (year, month, day),
//! and each era a span unless a slide already is that span. Text is HTML in
//! TimelineJS and becomes plain text; a group is decoded twice, as TimelineJS
//! shows it. Media and backgrounds have no place in a map and are reported.

use super::builder::MapBuilder;
use super::json_position::{decode_entities, html_to_text, nth_key, parse};
use super::{ImportError, Imported};
use crate::export::timelinejs::{TimelineDate, TimelineFile};
use crate::format::{Diagnostic, TextPosition};
use crate::model::{Date, Event, EventId};

/// A date part: TimelineJS writes numbers or strings of digits.
fn part(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::Number(number) => number.as_i64(),
        serde_json::Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

fn date_of(date: &TimelineDate) -> Result<Date, String> {
    let year = part(&date.year).ok_or_else(|| format!("the year {} is not a whole number", date.year))?;
    let year = i32::try_from(year).map_err(|_| format!("the year {year} is out of range"))?;
    let month = date.month.as_ref().map(|m| part(m).ok_or_else(|| format!("the month {m} is not a whole number")));
    let day = date.day.as_ref().map(|d| part(d).ok_or_else(|| format!("the day {d} is not a whole number")));
    let parsed = match (month.transpose()?, day.transpose()?) {
        (None, _) => Date::year(year),
        (Some(month), None) => Date::month(year, u32::try_from(month).unwrap_or(0)),
        (Some(month), Some(day)) => Date::day(year, u32::try_from(month).unwrap_or(0), u32::try_from(day).unwrap_or(0)),
    };
    if parsed.exists() { Ok(parsed) } else { Err(format!("{parsed} is not a date on the calendar")) }
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let file: TimelineFile = parse(text, "TimelineJS JSON")?;
    let title = file.title.as_ref().map_or(String::new(), |title| html_to_text(&title.text.headline));
    let mut builder = MapBuilder::new(&title);
    if let Some(title) = &file.title {
        builder.meta_mut().summary = html_to_text(&title.text.text);
    }
    let mut notices = Vec::new();
    let mut seen = [0usize; 2];
    for (index, slide) in file.events.iter().enumerate() {
        let parts = [("media", slide.media.is_some()), ("background", slide.background.is_some())];
        for (part_index, (what, present)) in parts.into_iter().enumerate() {
            if present {
                let position = nth_key(text, what, seen[part_index]);
                seen[part_index] += 1;
                let message = format!("skipped: the {what} of slide {} (a map has no place for it)", index + 1);
                notices.push(Diagnostic { position, message });
            }
        }
    }
    let mut problems = Vec::new();
    let mut problem = |position: TextPosition, message: String| problems.push(Diagnostic { position, message });
    let mut spans = Vec::new();
    for (index, slide) in file.events.iter().enumerate() {
        let position = nth_key(text, "start_date", index);
        let start = date_of(&slide.start_date);
        let end = slide.end_date.as_ref().map(date_of).transpose();
        let (start, end) = match (start, end) {
            (Ok(start), Ok(end)) => (start, end),
            (Err(message), _) | (_, Err(message)) => {
                problem(position, message);
                continue;
            }
        };
        if end.is_some_and(|end| end.last_day() < start.first_day()) {
            problem(position, "the slide ends before it starts".to_owned());
            continue;
        }
        let headline = html_to_text(&slide.text.headline);
        if headline.is_empty() {
            problem(position, "the slide has no headline: an event needs a title".to_owned());
            continue;
        }
        spans.push((headline.clone(), start, end));
        // TimelineJS shows a group decoded twice (text of the HTML, then set as HTML).
        let lane = builder.lane(&decode_entities(&html_to_text(slide.group.as_deref().unwrap_or(""))));
        let id = slide.unique_id.clone().unwrap_or_else(|| headline.clone());
        builder.add_event(Event {
            end,
            detail: html_to_text(&slide.text.text),
            ..Event::new(id, start, headline, lane)
        });
    }
    for (index, era) in file.eras.iter().enumerate() {
        let position = nth_key(text, "end_date", file.events.iter().filter(|e| e.end_date.is_some()).count() + index);
        let (start, end) = match (date_of(&era.start_date), date_of(&era.end_date)) {
            (Ok(start), Ok(end)) if end.last_day() >= start.first_day() => (start, end),
            (Err(message), _) | (_, Err(message)) => {
                problem(position, message);
                continue;
            }
            _ => {
                problem(position, "the era ends before it starts".to_owned());
                continue;
            }
        };
        let headline = html_to_text(&era.text.headline);
        let headline = if headline.is_empty() { format!("Era {start} – {end}") } else { headline };
        if spans.iter().any(|(title, s, e)| title == &headline && *s == start && *e == Some(end)) {
            continue;
        }
        let lane = builder.lane("Eras");
        let id = EventId::new(headline.as_str());
        builder.add_event(Event {
            end: Some(end),
            detail: html_to_text(&era.text.text),
            ..Event::new(id, start, headline, lane)
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems { problems });
    }
    Ok(Imported { map: builder.finish()?, notices })
}
