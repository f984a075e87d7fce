//! Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as news reports give them.
//!
//! A partial date stands for a span of days (all of 2023, all of September
//! 2023), so comparisons use the first or the last day of that span and never
//! pretend to know more than the source said.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date with optional month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    /// Year, 1000..=9999.
    pub year: u16,
    /// Month 1..=12, if known.
    pub month: Option<u8>,
    /// Day of month, if known (only with a month).
    pub day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Form,
    /// A month outside 1..=12.
    Month(u32),
    /// A day that the month does not have, e.g. 2023-02-30.
    #[allow(missing_docs)]
    Day { year: u16, month: u8, day: u32 },
    /// A day that the month never has, in a date without a year (--02-30).
    #[allow(missing_docs)]
    DayOfMonth { month: u8, day: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Form => write!(f, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Month(m) => write!(f, "month {m} does not exist"),
            DateError::Day { year, month, day } => write!(
                f,
                "{year}-{month:02} has {} days, not {day}",
                days_in_month(*year, *month)
            ),
            DateError::DayOfMonth { month, day } => write!(f, "month {month:02} has at most {} days, not {day}", days_in_month(2000, *month)),
        }
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let ok = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok {
            return Err(DateError::Form);
        }
        let year: u16 = parts[0].parse().map_err(|_| DateError::Form)?;
        if year < 1000 {
            return Err(DateError::Form);
        }
        let month = match parts.get(1) {
            None => None,
            Some(m) => {
                let m: u32 = m.parse().map_err(|_| DateError::Form)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError::Month(m));
                }
                Some(m as u8)
            }
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(month)) => {
                let d: u32 = d.parse().map_err(|_| DateError::Form)?;
                if d == 0 || d > u32::from(days_in_month(year, month)) {
                    return Err(DateError::Day { year, month, day: d });
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    /// The first day this date may mean, as a sortable `YYYYMMDD` number.
    pub fn first_day(self) -> u32 {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        ordinal(self.year, month, day)
    }

    /// The last day this date may mean, as a sortable `YYYYMMDD` number.
    pub fn last_day(self) -> u32 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        ordinal(self.year, month, day)
    }

    /// True when this date certainly ends before `other` begins.
    pub fn certainly_before(self, other: PartialDate) -> bool {
        self.last_day() < other.first_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A month, and perhaps a day, without a year: a dateline's "Sep 28".
/// Written `"--09-28"` or `"--09"` (ISO 8601's truncated forms, XML Schema's
/// gMonthDay and gMonth).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MonthDay {
    /// 1..=12.
    pub month: u8,
    /// Day of month, if stated.
    pub day: Option<u8>,
}

impl MonthDay {
    /// Parses `--MM` or `--MM-DD`; `None` if the text is not of that form.
    /// A day is checked against a leap year: "--02-29" is a possible dateline.
    pub fn parse(text: &str) -> Option<Result<MonthDay, DateError>> {
        let rest = text.strip_prefix("--")?;
        Some(PartialDate::parse(&format!("2000-{rest}")).and_then(|d| match d.month {
            Some(month) => Ok(MonthDay { month, day: d.day }),
            None => Err(DateError::Form),
        }).map_err(|e| match e {
            DateError::Day { month, day, .. } => DateError::DayOfMonth { month, day },
            other => other,
        }))
    }

    /// "September 28" or "September", for readers.
    pub fn words(self) -> String {
        const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let month = MONTHS.get(usize::from(self.month).wrapping_sub(1)).copied().unwrap_or("?");
        match self.day {
            Some(d) => format!("{month} {d}"),
            None => month.to_string(),
        }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}", self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn ordinal(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_compare_as_spans() {
        let y = PartialDate::parse("2023").unwrap();
        let ym = PartialDate::parse("2023-09").unwrap();
        let ymd = PartialDate::parse("2023-09-27").unwrap();
        assert_eq!(ymd.to_string(), "2023-09-27");
        assert!(!y.certainly_before(ym), "2023 may be September 2023");
        assert!(PartialDate::parse("2022").unwrap().certainly_before(ymd));
        assert_eq!(PartialDate::parse("2024-02-29").unwrap().last_day(), 20240229);
    }

    #[test]
    fn a_dateline_without_a_year_parses_as_month_and_day() {
        assert_eq!(MonthDay::parse("--09-28"), Some(Ok(MonthDay { month: 9, day: Some(28) })));
        assert_eq!(MonthDay::parse("--02-29").map(|d| d.map(|d| d.to_string())), Some(Ok("--02-29".into())));
        assert_eq!(MonthDay::parse("--09").unwrap().unwrap().words(), "September");
        assert!(MonthDay::parse("--02-30").unwrap().is_err());
        assert!(MonthDay::parse("2023-09").is_none());
    }

    #[test]
    fn impossible_dates_are_rejected_with_reason() {
        assert_eq!(
            PartialDate::parse("2023-02-30").unwrap_err().to_string(),
            "2023-02 has 28 days, not 30"
        );
        assert_eq!(PartialDate::parse("2023-13").unwrap_err(), DateError::Month(13));
        assert_eq!(PartialDate::parse("23-1-1").unwrap_err(), DateError::Form);
        assert_eq!(PartialDate::parse("2023-09-27T00").unwrap_err(), DateError::Form);
    }
}
