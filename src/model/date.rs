//! Calendar dates with an honest precision: a day (`"2015-09-25"`), a month
//! (`"2014-05"`) or a year (`"2013"`). Stored in RON as that ISO-like text.
//!
//! The text is checked for its shape when a file is read; whether the day exists
//! (no 30 February) is a validation rule, so that one load reports every bad date
//! at once instead of stopping at the first.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn label(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// The furthest year from year 0, either way, that a date's place on the
/// timeline can be worked out for.
pub const MAX_YEAR_MAGNITUDE: i32 = 200_000;

/// "Jan" … "Dec", as dates are shown.
pub const MONTH_ABBREVIATIONS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date as written, to day, month or year precision.
///
/// Ordered chronologically by its first day; a coarser date sorts before a
/// finer one that starts on the same day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    /// 1–12; 1 when the precision is a year.
    month: u32,
    /// 1–31 as written (may not exist in that month until validated); 1 when
    /// the precision is coarser than a day.
    day: u32,
    precision: Precision,
}

impl Date {
    pub fn day(year: i32, month: u32, day: u32) -> Self {
        Self { year, month, day, precision: Precision::Day }
    }

    pub fn month(year: i32, month: u32) -> Self {
        Self { year, month, day: 1, precision: Precision::Month }
    }

    pub fn year(year: i32) -> Self {
        Self { year, month: 1, day: 1, precision: Precision::Year }
    }

    pub fn from_naive(date: NaiveDate, precision: Precision) -> Self {
        match precision {
            Precision::Day => Self::day(date.year(), date.month(), date.day()),
            Precision::Month => Self::month(date.year(), date.month()),
            Precision::Year => Self::year(date.year()),
        }
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// Whether this date exists on the calendar (month 1–12, day within the month).
    pub fn exists(&self) -> bool {
        (1..=12).contains(&self.month) && NaiveDate::from_ymd_opt(self.year, self.month, self.day).is_some()
    }

    /// The first day of the period this date names. A day that does not exist is
    /// clamped into its month, so that an unvalidated date still has a place.
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.clamp(1, 12);
        let year = self.year.clamp(-MAX_YEAR_MAGNITUDE, MAX_YEAR_MAGNITUDE);
        (1..=self.day.clamp(1, 31))
            .rev()
            .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period this date names (the day itself, the month's
    /// last day, or 31 December): with [`Date::first_day`], the uncertainty.
    pub fn last_day(&self) -> NaiveDate {
        let first = self.first_day();
        match self.precision {
            Precision::Day => first,
            Precision::Month => {
                let (year, month) =
                    if first.month() == 12 { (first.year() + 1, 1) } else { (first.year(), first.month() + 1) };
                NaiveDate::from_ymd_opt(year, month, 1).and_then(|next| next.pred_opt()).unwrap_or(first)
            }
            Precision::Year => NaiveDate::from_ymd_opt(first.year(), 12, 31).unwrap_or(first),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a leading `-` for years BCE).
    /// Only the shape is checked here; see [`Date::exists`].
    pub fn parse(text: &str) -> Result<Self, DateShapeError> {
        let shape_error = || DateShapeError(text.to_owned());
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().ok_or_else(shape_error)?;
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() || year_text.len() < 4 || year_text.len() > 6 {
            return Err(shape_error());
        }
        let number = |part: &str, width: usize| -> Result<u32, DateShapeError> {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape_error());
            }
            part.parse().map_err(|_| shape_error())
        };
        let year_magnitude = number(year_text, year_text.len())? as i32;
        let year = if negative { -year_magnitude } else { year_magnitude };
        match (month_text, day_text) {
            (None, _) => Ok(Self::year(year)),
            (Some(month), None) => Ok(Self::month(year, number(month, 2)?)),
            (Some(month), Some(day)) => Ok(Self::day(year, number(month, 2)?, number(day, 2)?)),
        }
    }

    /// The date moved by about `days`, in steps of its own precision: whole
    /// days, months (30.44 days) or years (365.25 days), so that dragging a
    /// month-precise date never invents a day.
    pub fn shifted(&self, days: i64) -> Date {
        let first = self.first_day();
        match self.precision {
            Precision::Day => {
                let moved = first.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(first);
                Self::from_naive(moved, Precision::Day)
            }
            Precision::Month => {
                let months = (days as f64 / 30.436_875).round() as i64;
                let index = i64::from(self.year) * 12 + i64::from(self.month.clamp(1, 12)) - 1 + months;
                let year = i32::try_from(index.div_euclid(12)).unwrap_or(self.year);
                Self::month(year, index.rem_euclid(12) as u32 + 1)
            }
            Precision::Year => {
                let years = (days as f64 / 365.2425).round() as i64;
                Self::year(i32::try_from(i64::from(self.year) + years).unwrap_or(self.year))
            }
        }
    }

    /// The date as people write it: "7 Jun 2013", "Jun 2013" or "2013".
    pub fn human(&self) -> String {
        let month = MONTH_ABBREVIATIONS.get(self.month.saturating_sub(1) as usize).copied().unwrap_or("?");
        match self.precision {
            Precision::Year => self.year.to_string(),
            Precision::Month => format!("{month} {}", self.year),
            Precision::Day => format!("{} {month} {}", self.day, self.year),
        }
    }

    fn sort_key(&self) -> (i32, u32, u32, Precision) {
        (self.year, self.month, self.day, self.precision)
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -(self.year as i64))?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        match self.precision {
            Precision::Year => Ok(()),
            Precision::Month => write!(f, "-{:02}", self.month),
            Precision::Day => write!(f, "-{:02}-{:02}", self.month, self.day),
        }
    }
}

/// A date whose text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")]
pub struct DateShapeError(pub String);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_writes_it_back() {
        for text in ["2015-09-25", "2014-05", "2013", "-0044-03-15"] {
            let date = Date::parse(text).expect(text);
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(Date::parse("2014-05").map(|d| d.precision()), Ok(Precision::Month));
    }

    #[test]
    fn rejects_bad_shapes_but_leaves_calendar_checks_to_validation() {
        for text in ["", "15-09-25", "2015/09/25", "2015-9-25", "2015-09-25-01", "2015-0a"] {
            assert!(Date::parse(text).is_err(), "{text} should be refused");
        }
        let impossible = Date::parse("2015-02-30").expect("shape is fine");
        assert!(!impossible.exists());
        assert_eq!(impossible.first_day(), NaiveDate::from_ymd_opt(2015, 2, 28).unwrap());
    }

    #[test]
    fn periods_cover_their_uncertainty() {
        let may = Date::month(2014, 5);
        assert_eq!(may.first_day(), NaiveDate::from_ymd_opt(2014, 5, 1).unwrap());
        assert_eq!(may.last_day(), NaiveDate::from_ymd_opt(2014, 5, 31).unwrap());
        let year = Date::year(2016);
        assert_eq!(year.last_day(), NaiveDate::from_ymd_opt(2016, 12, 31).unwrap());
        assert!(Date::month(2015, 12).last_day() == NaiveDate::from_ymd_opt(2015, 12, 31).unwrap());
    }

    #[test]
    fn shifting_keeps_the_precision_and_moves_in_its_steps() {
        assert_eq!(Date::day(2015, 9, 25).shifted(7), Date::day(2015, 10, 2));
        assert_eq!(Date::day(2015, 3, 1).shifted(-1), Date::day(2015, 2, 28));
        assert_eq!(Date::month(2014, 5).shifted(10), Date::month(2014, 5), "a third of a month rounds to none");
        assert_eq!(Date::month(2014, 11).shifted(62), Date::month(2015, 1));
        assert_eq!(Date::month(2014, 1).shifted(-31), Date::month(2013, 12));
        assert_eq!(Date::year(2013).shifted(400), Date::year(2014));
        assert_eq!(Date::year(2013).shifted(100), Date::year(2013));
    }

    #[test]
    fn human_form_follows_precision() {
        assert_eq!(Date::day(2013, 6, 7).human(), "7 Jun 2013");
        assert_eq!(Date::month(2014, 5).human(), "May 2014");
        assert_eq!(Date::year(2016).human(), "2016");
    }

    #[test]
    fn orders_chronologically() {
        let mut dates = [Date::day(2015, 9, 25), Date::year(2013), Date::month(2014, 5), Date::day(2013, 6, 7)];
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["2013", "2013-06-07", "2014-05", "2015-09-25"]);
    }
}
