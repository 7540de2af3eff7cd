//! A TimelineJS date read as TimelineJS reads it: each part a number, a
//! string of digits or empty; the precision is the finest part given. A
//! negative year stays the number it is: TimelineJS shows `-44` as "44 BCE",
//! and so the map's `-0044` is what the author wrote and what the export
//! writes back. What a map's dates cannot hold —
//! a time of day, a display text, a year beyond [`MAX_YEAR_MAGNITUDE`] — is
//! said, so that the reader can list it.

use super::schema::TimelineDate;
use crate::model::{Date, MAX_YEAR_MAGNITUDE};
use serde_json::Value;

/// A date as far as a map can hold it, with what it had to leave out.
#[derive(Debug, PartialEq)]
pub struct ReadDate {
    pub date: Date,
    /// What of the date was not kept, as phrases ("the time of day 14:30").
    pub left_out: Vec<String>,
}

/// Why a date could not be read.
#[derive(Debug, PartialEq)]
pub enum DateProblem {
    /// Not a date at all: a part that is not a whole number, a month 13.
    Broken(String),
    /// A real date that a map cannot place (a year of the cosmological scale).
    Beyond(String),
}

/// A part: `None` when empty, an error when not a whole number.
fn part(value: Option<&Value>, name: &str) -> Result<Option<i64>, DateProblem> {
    let not_whole =
        |shown: &dyn std::fmt::Display| DateProblem::Broken(format!("the {name} {shown} is not a whole number"));
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => {
            let digits = text.trim();
            let unsigned = digits.strip_prefix('-').unwrap_or(digits);
            if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return Err(not_whole(&format!("\"{text}\"")));
            }
            digits.parse().map(Some).map_err(|_| DateProblem::Beyond(format!("the {name} {digits} is out of range")))
        }
        Some(Value::Number(number)) => match (number.as_i64(), number.as_f64()) {
            (Some(whole), _) => Ok(Some(whole)),
            (None, Some(float)) if float.fract() == 0.0 && float.abs() < 9.0e15 => Ok(Some(float as i64)),
            _ => Err(not_whole(number)),
        },
        Some(other) => Err(not_whole(other)),
    }
}

/// The time of day the date gives, as `14:30` or `14:30:05.250`, if any.
fn time_of_day(date: &TimelineDate) -> Result<Option<String>, DateProblem> {
    let parts = [
        part(date.hour.as_ref(), "hour")?,
        part(date.minute.as_ref(), "minute")?,
        part(date.second.as_ref(), "second")?,
        part(date.millisecond.as_ref(), "millisecond")?,
    ];
    if parts.iter().all(Option::is_none) {
        return Ok(None);
    }
    let [hour, minute, second, millisecond] = parts.map(Option::unwrap_or_default);
    let mut time = format!("{hour:02}:{minute:02}");
    if second != 0 || millisecond != 0 {
        time.push_str(&format!(":{second:02}"));
    }
    if millisecond != 0 {
        time.push_str(&format!(".{millisecond:03}"));
    }
    Ok(Some(time))
}

/// Reads `date`; `Ok(None)` when it gives no year (an empty end date, as the
/// sheet template writes one).
pub fn read_date(date: &TimelineDate) -> Result<Option<ReadDate>, DateProblem> {
    let Some(year) = part(date.year.as_ref(), "year")? else {
        return Ok(None);
    };
    let month = part(date.month.as_ref(), "month")?;
    let day = part(date.day.as_ref(), "day")?;
    let time = time_of_day(date)?;
    if year.abs() > i64::from(MAX_YEAR_MAGNITUDE) {
        return Err(DateProblem::Beyond(format!(
            "the year {year} is beyond the years a map's timeline holds ({} to {MAX_YEAR_MAGNITUDE})",
            -MAX_YEAR_MAGNITUDE
        )));
    }
    let year = year as i32;
    let in_range = |value: i64| u32::try_from(value).unwrap_or(0);
    let mut left_out = Vec::new();
    let read = match (month, day) {
        (None, None) => Date::year(year),
        (Some(month), None) => Date::month(year, in_range(month)),
        (Some(month), Some(day)) => Date::day(year, in_range(month), in_range(day)),
        (None, Some(day)) => {
            left_out.push("the month (none is given with the day; read as January, as TimelineJS shows it)".to_owned());
            Date::day(year, 1, in_range(day))
        }
    };
    if !read.exists() {
        return Err(DateProblem::Broken(format!("{read} is not a date on the calendar")));
    }
    if let Some(time) = time {
        left_out.push(format!("the time of day {time} (a map's dates are to the day)"));
    }
    if let Some(shown) = date.display_date.as_deref().filter(|shown| !shown.trim().is_empty()) {
        left_out.push(format!("the display date \"{}\" (the map shows {})", shown.trim(), read.human()));
    }
    Ok(Some(ReadDate { date: read, left_out }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn date(value: Value) -> TimelineDate {
        serde_json::from_value(value).expect("a date")
    }

    #[test]
    fn parts_are_numbers_strings_or_empty() {
        let read = |value| read_date(&date(value)).map(|read| read.map(|read| read.date));
        assert_eq!(read(json!({"year": "2015", "month": "9", "day": ""})), Ok(Some(Date::month(2015, 9))));
        assert_eq!(read(json!({"year": 2015, "month": " 09 ", "day": 25})), Ok(Some(Date::day(2015, 9, 25))));
        assert_eq!(read(json!({"year": 2015.0, "month": null})), Ok(Some(Date::year(2015))));
        assert_eq!(read(json!({"year": "-44", "month": 3, "day": "15"})), Ok(Some(Date::day(-44, 3, 15))));
        assert_eq!(read(json!({"year": ""})), Ok(None));
        assert!(matches!(read(json!({"year": "June"})), Err(DateProblem::Broken(_))));
        assert!(matches!(read(json!({"year": 2015, "month": 13})), Err(DateProblem::Broken(_))));
        assert!(matches!(read(json!({"year": -13_800_000_000i64})), Err(DateProblem::Beyond(_))));
    }

    #[test]
    fn what_a_map_cannot_hold_is_said() {
        let read = read_date(&date(json!({"year": 1969, "month": 7, "day": 20, "hour": "20", "minute": 17,
            "display_date": "The evening of 20 July"})))
        .expect("valid")
        .expect("a date");
        assert_eq!(read.date, Date::day(1969, 7, 20));
        assert_eq!(read.left_out.len(), 2, "{:?}", read.left_out);
        assert!(read.left_out[0].contains("20:17"));
        assert!(read.left_out[1].contains("The evening of 20 July"));
    }
}
