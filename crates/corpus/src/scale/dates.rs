//! Shifts every Dutch date and year in one document by the same offset, keeping the text's layout.

use crate::date::{month_number, Date};

/// How far one generated document moves in time: whole years, then a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeShift {
    pub years: i32,
    pub days: i64,
}

/// Years in this range are treated as calendar years (the corpus is from 2024–2026).
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 2000..=2035;

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

impl TimeShift {
    /// The shifted date: first the year moves (29 February becomes 28 February when needed), then the days.
    pub fn apply(self, date: Date) -> Date {
        let year = (date.year as i32 + self.years).clamp(1901, 2099) as u16;
        let moved = Date::new(year, date.month, date.day)
            .or_else(|| Date::new(year, date.month, 28))
            .unwrap_or(date);
        date_from_days(moved.days_since_epoch() + self.days)
    }
}

/// The date `days` after 1970-01-01 (the inverse of [`Date::days_since_epoch`]).
pub fn date_from_days(days: i64) -> Date {
    const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
    EPOCH.add_days(days).unwrap_or(EPOCH)
}

/// One token of the text: a run of digits, a run of letters, or anything else (kept verbatim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Digits,
    Letters,
    Space,
    Other,
}

fn tokens(text: &str) -> Vec<(Kind, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Kind> = None;
    for (i, c) in text.char_indices() {
        let kind = if c.is_ascii_digit() {
            Kind::Digits
        } else if c.is_alphabetic() {
            Kind::Letters
        } else if c.is_whitespace() {
            Kind::Space
        } else {
            Kind::Other
        };
        if current != Some(kind) || kind == Kind::Other {
            if let Some(k) = current {
                out.push((k, &text[start..i]));
            }
            start = i;
            current = Some(kind);
        }
    }
    if let Some(k) = current {
        out.push((k, &text[start..]));
    }
    out
}

fn month_word(date: Date, original: &str) -> String {
    let name = MONTHS[date.month as usize - 1];
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = name.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        name.to_string()
    }
}

/// Rewrites `D maand JJJJ`, `D maand` (without year, shifted within the document's own year),
/// stand-alone years and session years such as `20242025`, all by the same `shift`.
/// Whitespace between the parts of a date (even a line break) is kept as it was.
pub fn shift_dates(text: &str, shift: TimeShift) -> String {
    let toks = tokens(text);
    let reference_year = Date::find_dutch(text).map(|d| d.year).unwrap_or(2024);
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    while i < toks.len() {
        let (kind, tok) = toks[i];
        let boundary_before = i == 0 || !matches!(toks[i - 1].0, Kind::Letters | Kind::Digits);
        if kind == Kind::Digits && boundary_before && tok.len() <= 2 {
            if let Some(done) = rewrite_date(&toks[i..], reference_year, shift, &mut out) {
                i += done;
                continue;
            }
        }
        if kind == Kind::Digits {
            out.push_str(&shift_year_token(tok, shift));
        } else {
            out.push_str(tok);
        }
        i += 1;
    }
    out
}

/// Tries to read a date at the start of `toks`; on success writes the shifted date and says how many tokens it used.
fn rewrite_date(
    toks: &[(Kind, &str)],
    reference_year: u16,
    shift: TimeShift,
    out: &mut String,
) -> Option<usize> {
    let (Kind::Digits, day) = *toks.first()? else {
        return None;
    };
    let (Kind::Space, gap1) = *toks.get(1)? else {
        return None;
    };
    let (Kind::Letters, month_text) = *toks.get(2)? else {
        return None;
    };
    let month = month_number(month_text)?;
    let day: u8 = day.parse().ok()?;
    let with_year = match (toks.get(3), toks.get(4)) {
        (Some(&(Kind::Space, gap2)), Some(&(Kind::Digits, year))) if year.len() == 4 => {
            year.parse::<u16>().ok().map(|y| (gap2, y))
        }
        _ => None,
    };
    if let Some((gap2, year)) = with_year {
        let date = Date::new(year, month, day)?;
        let moved = shift.apply(date);
        out.push_str(&format!(
            "{}{gap1}{}{gap2}{}",
            moved.day,
            month_word(moved, month_text),
            moved.year
        ));
        return Some(5);
    }
    let date = Date::new(reference_year, month, day)?;
    let in_year = TimeShift {
        years: 0,
        days: shift.days,
    };
    let moved = in_year.apply(date);
    out.push_str(&format!(
        "{}{gap1}{}",
        moved.day,
        month_word(moved, month_text)
    ));
    Some(3)
}

/// `2024` → `2024 + years`; `20242025` (a session year) → both halves shifted; other numbers unchanged.
fn shift_year_token(tok: &str, shift: TimeShift) -> String {
    let as_year = |s: &str| s.parse::<i32>().ok().filter(|y| YEAR_RANGE.contains(y));
    if tok.len() == 4 {
        if let Some(y) = as_year(tok) {
            return (y + shift.years).to_string();
        }
    }
    if tok.len() == 8 {
        if let (Some(a), Some(b)) = (as_year(&tok[..4]), as_year(&tok[4..])) {
            if b == a + 1 {
                return format!("{}{}", a + shift.years, b + shift.years);
            }
        }
    }
    tok.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_split_over_two_lines_keeps_its_line_break() {
        let shift = TimeShift {
            years: -3,
            days: 10,
        };
        let out = shift_dates("(ontvangen\n18\nnovember 2024).", shift);
        assert_eq!(out, "(ontvangen\n28\nnovember 2021).");
    }

    #[test]
    fn years_and_session_years_move_with_the_dates() {
        let shift = TimeShift { years: -5, days: 0 };
        let out = shift_dates(
            "ah-tk-20242025-575 Vergaderjaar 2024–2025 2024Z18775 in 1998",
            shift,
        );
        assert_eq!(
            out,
            "ah-tk-20192020-575 Vergaderjaar 2019–2020 2019Z18775 in 1998"
        );
    }

    #[test]
    fn days_cross_month_ends_and_leap_days() {
        let shift = TimeShift { years: -1, days: 3 };
        assert_eq!(
            shift.apply(Date::new(2024, 2, 29).unwrap()).to_string(),
            "2023-03-03"
        );
        assert_eq!(
            date_from_days(Date::new(2000, 12, 31).unwrap().days_since_epoch()).to_string(),
            "2000-12-31"
        );
    }
}
