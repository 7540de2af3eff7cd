//! Writes TimelineJS3 JSON: one slide per event (`start_date`/`end_date` objects to
//! the date's precision, `group` = its lane, its detail and quotes as the
//! text), and an era for each span. Text fields are HTML for TimelineJS, so
//! user text is escaped; the `group` twice (see [`group_label`]).

use super::schema::{TimelineDate, TimelineEra, TimelineFile, TimelineSlide, TimelineText};
use crate::export::escape_html;
use crate::model::{Date, Event, Map, Precision};

/// A date as TimelineJS writes it: only the parts the precision knows.
fn timeline_date(date: &Date) -> TimelineDate {
    use chrono::Datelike;
    let first = date.first_day();
    let number = |n: u32| Some(serde_json::Value::from(n));
    let (month, day) = match date.precision() {
        Precision::Year => (None, None),
        Precision::Month => (number(first.month()), None),
        Precision::Day => (number(first.month()), number(first.day())),
    };
    TimelineDate { year: Some(date.year_number().into()), month, day, ..TimelineDate::default() }
}

/// A lane's name as a `group`. TimelineJS 3.9 reads `group` as HTML, strips it
/// to its text (which decodes one level of entities), then writes that text
/// into the page with `innerHTML`: escaped once, a lane named `<img
/// onerror=…>` would run script in the timeline and `a <b` would vanish.
/// Escaped twice, the label shows the name as written (`tests/external_tools.rs`
/// checks it in TimelineJS itself); the importer decodes it twice to match.
fn group_label(name: &str) -> String {
    escape_html(&escape_html(name))
}

fn slide_text(map: &Map, event: &Event) -> String {
    let mut html = String::new();
    if !event.detail.is_empty() {
        // A line break in HTML text is a space: TimelineJS shows the detail's lines as `<br>`.
        html.push_str(&format!("<p>{}</p>", escape_html(&event.detail).replace('\n', "<br>")));
    }
    for citation in &event.citations {
        let source = map.source(&citation.source).map_or(citation.source.as_str(), |source| source.title.as_str());
        if !citation.quote.is_empty() {
            html.push_str(&format!("<blockquote>{}</blockquote>", escape_html(&citation.quote)));
        }
        html.push_str(&format!("<p>— {}</p>", escape_html(source)));
    }
    html
}

pub fn render(map: &Map) -> Result<String, serde_json::Error> {
    let events = map
        .events
        .iter()
        .map(|event| TimelineSlide {
            start_date: Some(timeline_date(&event.date)),
            end_date: event.end.as_ref().map(timeline_date),
            text: TimelineText { headline: escape_html(&event.title), text: slide_text(map, event) },
            group: Some(group_label(map.lane(&event.lane).map_or(event.lane.as_str(), |lane| lane.name.as_str()))),
            unique_id: Some(event.id.to_string()),
            ..TimelineSlide::default()
        })
        .collect();
    let eras = map
        .events
        .iter()
        .filter_map(|event| {
            let end = event.end.as_ref()?;
            Some(TimelineEra {
                start_date: Some(timeline_date(&event.date)),
                end_date: Some(timeline_date(end)),
                text: TimelineText { headline: escape_html(&event.title), text: String::new() },
            })
        })
        .collect();
    let title = TimelineSlide {
        text: TimelineText { headline: escape_html(&map.meta.title), text: escape_html(&map.meta.summary) },
        ..TimelineSlide::default()
    };
    let mut text = serde_json::to_string_pretty(&TimelineFile { title: Some(title), events, eras })?;
    text.push('\n');
    Ok(text)
}
