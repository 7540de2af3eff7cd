//! Ticks of a time axis that adapt to zoom: years, then months, then days, at
//! the finest step whose labels still have room.

use chrono::{Datelike, Days, NaiveDate};

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Days since 1 January of year 1 (see [`day_number`]).
    pub day: f64,
    pub label: String,
    /// A year boundary (or, at day steps, a month boundary): drawn stronger.
    pub major: bool,
}

/// A date as a number of days, for drawing on a linear axis.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date a day number (see [`day_number`]) falls on.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    let day = day.floor().clamp(-10_000_000.0, 10_000_000.0) as i32;
    NaiveDate::from_num_days_from_ce_opt(day)
}

#[derive(Clone, Copy)]
enum Step {
    Days(u64),
    Months(u32),
    Years(i32),
}

impl Step {
    fn approximate_days(self) -> f64 {
        match self {
            Self::Days(n) => n as f64,
            Self::Months(n) => 30.44 * f64::from(n),
            Self::Years(n) => 365.25 * f64::from(n),
        }
    }
}

const STEPS: [Step; 15] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
    Step::Years(500),
];

fn month_name(date: NaiveDate) -> &'static str {
    crate::model::MONTH_ABBREVIATIONS.get(date.month0() as usize).copied().unwrap_or("")
}

/// Ticks between `first_day` and `last_day` (see [`day_number`]) at a scale of
/// `px_per_day`, spaced at least `min_spacing_px` apart.
pub fn ticks(first_day: f64, last_day: f64, px_per_day: f64, min_spacing_px: f64) -> Vec<Tick> {
    if !(px_per_day.is_finite() && px_per_day > 0.0 && first_day.is_finite() && last_day.is_finite()) {
        return Vec::new();
    }
    let step = STEPS
        .iter()
        .copied()
        .find(|step| step.approximate_days() * px_per_day >= min_spacing_px)
        .unwrap_or(Step::Years(1000));
    let (Some(first), Some(last)) = (date_of(first_day), date_of(last_day)) else {
        return Vec::new();
    };
    let mut ticks = Vec::new();
    let mut date = match step {
        Step::Days(7) => first - Days::new(u64::from(first.weekday().num_days_from_monday())),
        // Aligned to the day number, so that ticks keep their days while panning.
        Step::Days(n) => first - Days::new((i64::from(first.num_days_from_ce()).rem_euclid(n as i64)) as u64),
        Step::Months(n) => {
            let month0 = first.month0() - first.month0() % n;
            NaiveDate::from_ymd_opt(first.year(), month0 + 1, 1).unwrap_or(first)
        }
        Step::Years(n) => NaiveDate::from_ymd_opt(first.year().div_euclid(n) * n, 1, 1).unwrap_or(first),
    };
    while date <= last && ticks.len() < 10_000 {
        let (label, major) = match step {
            Step::Days(_) if date.day() == 1 => (format!("{} {}", month_name(date), date.year()), true),
            Step::Days(_) => (date.day().to_string(), false),
            Step::Months(_) if date.month() == 1 => (date.year().to_string(), true),
            Step::Months(_) => (month_name(date).to_owned(), false),
            Step::Years(_) => (date.year().to_string(), true),
        };
        ticks.push(Tick { day: day_number(date), label, major });
        let next = match step {
            Step::Days(n) => date.checked_add_days(Days::new(n)),
            Step::Months(n) => date.checked_add_months(chrono::Months::new(n)),
            Step::Years(n) => NaiveDate::from_ymd_opt(date.year() + n, 1, 1),
        };
        match next {
            Some(next) => date = next,
            None => break,
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_number(NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
    }

    #[test]
    fn zoomed_out_ticks_are_years() {
        let ticks = ticks(day(2013, 1, 1), day(2016, 12, 31), 0.3, 60.0);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2013", "2014", "2015", "2016"]);
    }

    #[test]
    fn middle_zoom_ticks_are_months_with_years_marked() {
        let ticks = ticks(day(2014, 11, 15), day(2015, 3, 1), 3.0, 60.0);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Nov", "Dec", "2015", "Feb", "Mar"]);
        assert!(ticks[2].major && !ticks[1].major);
    }

    #[test]
    fn zoomed_in_ticks_are_days() {
        let ticks = ticks(day(2015, 9, 24), day(2015, 9, 26), 100.0, 60.0);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["24", "25", "26"]);
    }

    #[test]
    fn degenerate_scales_give_no_ticks() {
        assert!(ticks(0.0, 100.0, 0.0, 60.0).is_empty());
        assert!(ticks(0.0, 100.0, f64::NAN, 60.0).is_empty());
    }
}
