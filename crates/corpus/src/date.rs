//! Calendar dates: ISO `YYYY-MM-DD` in and out, and Dutch dates such as `5 december 2025`.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date. Orders chronologically; serialises as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`; anything else (including impossible dates) is `None`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(num(0..4)? as u16, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Finds the first Dutch date (`5 december 2025`, `12 september 2024`) in `text`.
    pub fn find_dutch(text: &str) -> Option<Date> {
        Date::find_all_dutch(text).into_iter().next()
    }

    /// Every Dutch date in `text`, in order.
    pub fn find_all_dutch(text: &str) -> Vec<Date> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '.' | ';' | ':'))
            .filter(|w| !w.is_empty())
            .collect();
        let mut found = Vec::new();
        for w in words.windows(3) {
            let (Ok(day), Some(month), Ok(year)) = (
                w[0].parse::<u8>(),
                month_number(w[1]),
                w[2].trim_end_matches(|c: char| !c.is_ascii_digit())
                    .parse::<u16>(),
            ) else {
                continue;
            };
            if (1900..=2100).contains(&year) {
                if let Some(d) = Date::new(year, month, day) {
                    found.push(d);
                }
            }
        }
        found
    }

    /// Days from 1970-01-01 (negative before); used for "days it took".
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative); `None` outside years 1–65535.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// The first year of the parliamentary year (vergaderjaar) the date falls in: a vergaderjaar
    /// begins on Prinsjesdag, the third Tuesday of September (2024-09-17 is in 2024–2025,
    /// 2024-09-16 in 2023–2024).
    pub fn vergaderjaar(self) -> u16 {
        let third_tuesday = Date::new(self.year, 9, 1).map(|first| {
            // 1970-01-01 was a Thursday: weekday 0 is Monday.
            let weekday = (first.days_since_epoch() + 3).rem_euclid(7);
            1 + (1 - weekday).rem_euclid(7) + 14
        });
        match third_tuesday {
            Some(day) if (self.month, self.day) >= (9, day as u8) => self.year,
            _ => self.year.saturating_sub(1),
        }
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// `YYYY-MM`, for per-month overviews.
    pub fn month_key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Dutch long form, e.g. `5 december 2025`.
    pub fn dutch(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

/// The month number of a Dutch month name (`december` → 12), case-insensitive.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    MONTHS.iter().position(|m| *m == w).map(|i| i as u8 + 1)
}

// Own calendar code (this, Date::days_since_epoch, add_days and vergaderjaar's weekday): time
// 0.3.55 without default features (from_calendar_date, to/from_julian_day, nth_next_occurrence)
// adds 484 B brotli to the app shell (wasm 193,425 -> 193,909 B brotli, +684 B raw; measured
// 2026-12-03), which is over the 200 kB budget. The scale corpus's date_from_days uses add_days.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_dates_become_iso() {
        assert_eq!(
            Date::find_dutch("ingezonden 12 september 2024).")
                .unwrap()
                .to_string(),
            "2024-09-12"
        );
        assert_eq!(
            Date::find_dutch("Den Haag, 5 december 2026")
                .unwrap()
                .to_string(),
            "2026-12-05"
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(Date::parse_iso("2025-02-30").is_none());
        assert!(Date::parse_iso("2025-13-01").is_none());
        assert!(Date::parse_iso("<script>").is_none());
        assert!(Date::find_dutch("31 februari 2025").is_none());
    }

    #[test]
    fn days_between_dates_count_leap_years() {
        let a = Date::parse_iso("2024-02-28").unwrap();
        let b = Date::parse_iso("2024-03-01").unwrap();
        assert_eq!(a.days_until(b), 2);
    }
}
