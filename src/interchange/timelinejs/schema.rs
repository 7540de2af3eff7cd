//! TimelineJS3's JSON as both sides see it: a title slide, the slides
//! (`events`) and the eras. The writer fills only what it writes; the reader
//! takes the file as TimelineJS's authors write it, by hand or through the
//! Google-sheet template: date parts as numbers, strings of digits or empty
//! strings, text that may be `null`, media with a caption and a credit.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Text as TimelineJS reads it: a string, or a number or `null` as the sheet
/// template writes empty and numeric cells.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::String(text) => Ok(text),
        Value::Null => Ok(String::new()),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        Value::Array(_) | Value::Object(_) => Err(D::Error::custom("expected text, found a list or an object")),
    }
}

fn optional_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    text(deserializer).map(Some)
}

/// A value that may be `null` for "none given".
fn null_as_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(deserializer: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A date: each part a number, a string of digits, an empty string or
/// `null` (no such part). The writer gives only the parts a date's precision knows.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TimelineDate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Value>,
    #[serde(default, skip_serializing)]
    pub hour: Option<Value>,
    #[serde(default, skip_serializing)]
    pub minute: Option<Value>,
    #[serde(default, skip_serializing)]
    pub second: Option<Value>,
    #[serde(default, skip_serializing)]
    pub millisecond: Option<Value>,
    /// What TimelineJS shows instead of the date ("Spring 1863").
    #[serde(default, skip_serializing, deserialize_with = "optional_text")]
    pub display_date: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TimelineText {
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "text")]
    pub headline: String,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "text")]
    pub text: String,
}

/// A slide's picture, video or embed: only read.
#[derive(Debug, Default, Deserialize)]
pub struct TimelineMedia {
    #[serde(default, deserialize_with = "text")]
    pub url: String,
    #[serde(default, deserialize_with = "text")]
    pub caption: String,
    #[serde(default, deserialize_with = "text")]
    pub credit: String,
}

/// A slide: an event, or (without a date) the title slide.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TimelineSlide {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<TimelineDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TimelineDate>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub text: TimelineText,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub unique_id: Option<String>,
    /// What TimelineJS shows instead of the slide's dates.
    #[serde(default, skip_serializing, deserialize_with = "optional_text")]
    pub display_date: Option<String>,
    #[serde(default, skip_serializing)]
    pub media: Option<TimelineMedia>,
    #[serde(default, skip_serializing)]
    pub background: Option<Value>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineEra {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<TimelineDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TimelineDate>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub text: TimelineText,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TimelineFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<TimelineSlide>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub events: Vec<TimelineSlide>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    pub eras: Vec<TimelineEra>,
}
