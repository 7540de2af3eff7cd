//! TimelineJS3 JSON: one slide per event (`start_date`/`end_date` objects to
//! the date's precision, `group` = its lane, its detail and quotes as the
//! text), and an era for each span. Text fields are HTML for TimelineJS, so
//! user text is escaped; the `group` twice (see [`group_label`]).

use crate::model::{Date, Event, Map, Precision};
use serde::{Deserialize, Serialize};

/// A date as TimelineJS writes it: only the parts the precision knows.
#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineDate {
    pub year: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<serde_json::Value>,
}

impl TimelineDate {
    fn of(date: &Date) -> Self {
        let first = date.first_day();
        use chrono::Datelike;
        let number = |n: u32| Some(serde_json::Value::from(n));
        match date.precision() {
            Precision::Year => Self { year: date.year_number().into(), month: None, day: None },
            Precision::Month => Self { year: date.year_number().into(), month: number(first.month()), day: None },
            Precision::Day => {
                Self { year: date.year_number().into(), month: number(first.month()), day: number(first.day()) }
            }
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TimelineText {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineSlide {
    pub start_date: TimelineDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TimelineDate>,
    #[serde(default)]
    pub text: TimelineText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
    /// Read only to report that a map has no place for it.
    #[serde(default, skip_serializing)]
    pub media: Option<serde_json::Value>,
    /// Read only to report that a map has no place for it.
    #[serde(default, skip_serializing)]
    pub background: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineEra {
    pub start_date: TimelineDate,
    pub end_date: TimelineDate,
    #[serde(default)]
    pub text: TimelineText,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TimelineTitle {
    #[serde(default)]
    pub text: TimelineText,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<TimelineTitle>,
    pub events: Vec<TimelineSlide>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<TimelineEra>,
}

/// `text` safe inside HTML.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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
        html.push_str(&format!("<p>{}</p>", escape_html(&event.detail)));
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
            start_date: TimelineDate::of(&event.date),
            end_date: event.end.as_ref().map(TimelineDate::of),
            text: TimelineText { headline: escape_html(&event.title), text: slide_text(map, event) },
            group: Some(group_label(map.lane(&event.lane).map_or(event.lane.as_str(), |lane| lane.name.as_str()))),
            unique_id: Some(event.id.to_string()),
            media: None,
            background: None,
        })
        .collect();
    let eras = map
        .events
        .iter()
        .filter_map(|event| {
            let end = event.end.as_ref()?;
            Some(TimelineEra {
                start_date: TimelineDate::of(&event.date),
                end_date: TimelineDate::of(end),
                text: TimelineText { headline: escape_html(&event.title), text: String::new() },
            })
        })
        .collect();
    let title = TimelineTitle {
        text: TimelineText { headline: escape_html(&map.meta.title), text: escape_html(&map.meta.summary) },
    };
    let mut text = serde_json::to_string_pretty(&TimelineFile { title: Some(title), events, eras })?;
    text.push('\n');
    Ok(text)
}
