//! Question and answer labels of Kamervragen ("Vraag 4 en 5", "1.", "Antwoord vraag 4-7:"), and how a file numbers its questions.

use super::kamervragen_blocks::{Blk, BlkKind};
use crate::text;
use crate::text_scan::starts_with_lowercase;

/// How the questions of a file are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `Vraag 1` on its own line (Aanhangsel, most Word letters).
    VraagLabel,
    /// `1. Kunt u …` (Word numbering kept as text).
    Dotted,
    /// `1` alone on a line before the question.
    Lone,
    /// No numbers: every paragraph ending in `?` is a question.
    Unnumbered,
}

/// `4 en 5`, `4, 5, 7 en 8`, `2 t/m 6`, `4-7`, `1,2,3,4 en 5` → the numbers; None if not a number list.
pub fn parse_numbers(s: &str) -> Option<Vec<u32>> {
    let norm = s
        .to_lowercase()
        .replace("tot en met", " tm ")
        .replace("t/m", " tm ")
        .replace(['-', '–'], " tm ")
        .replace([',', '&'], " ");
    let mut out: Vec<u32> = Vec::new();
    let mut range_from: Option<u32> = None;
    let mut pending_range = false;
    for tok in norm.split_whitespace() {
        match tok {
            "en" => continue,
            "tm" => {
                range_from = out.last().copied();
                pending_range = true;
            }
            _ => {
                let n: u32 = tok.parse().ok()?;
                if n == 0 || n > 500 {
                    return None;
                }
                if pending_range {
                    let from = range_from?;
                    if n <= from || n - from > 100 {
                        return None;
                    }
                    out.extend(from + 1..=n);
                    pending_range = false;
                } else {
                    out.push(n);
                }
            }
        }
    }
    if out.is_empty() || pending_range {
        None
    } else {
        Some(out)
    }
}

/// Splits `rest` into a leading number list and what follows it.
fn split_number_prefix(rest: &str) -> (&str, &str) {
    let mut end = 0;
    let bytes = rest.as_bytes();
    let mut k = 0;
    while k < rest.len() {
        let r = &rest[k..];
        let c = r.chars().next().unwrap_or(' ');
        if c.is_ascii_digit() {
            k += 1;
            end = k;
        } else if matches!(c, ' ' | ',' | '-' | '–' | '&') {
            k += c.len_utf8();
        } else if r.starts_with("en ") || r.starts_with("t/m") {
            k += 3;
        } else if r.starts_with("tot en met") {
            k += "tot en met".len();
        } else {
            break;
        }
    }
    let _ = bytes;
    (&rest[..end], &rest[end..])
}

/// Enough bytes of a line for the longest label word it is tested against (`antwoord van `).
const LABEL_WORDS_BYTES: usize = 16;

/// A label line: the block it starts and, if text follows the label on the same line, its offset.
pub fn label(t: &str, style: Style, blks: &[Blk]) -> Option<(Blk, Option<usize>)> {
    // Only the first words say whether a line is a label: lowercase those (same byte offsets as
    // `t`), not the whole line, for every line of every file.
    let lower = text::lowercase_same_offsets(&t[..t.floor_char_boundary(LABEL_WORDS_BYTES)]);
    if lower.starts_with("antwoord") && !lower.starts_with("antwoord van ") {
        let mut rest = &t["antwoord".len()..];
        rest = rest.strip_prefix("en").unwrap_or(rest);
        for p in [" op vragen", " op vraag", " vragen", " vraag"] {
            if rest.len() >= p.len()
                && rest.is_char_boundary(p.len())
                && rest[..p.len()].eq_ignore_ascii_case(p)
            {
                rest = &rest[p.len()..];
                break;
            }
        }
        let (nums, after) = split_number_prefix(rest.trim_start());
        let numbers = if nums.trim().is_empty() {
            Vec::new()
        } else {
            parse_numbers(nums)?
        };
        let after_t = after.trim_start_matches([':', '.']).trim();
        let had_colon = after.trim_start().starts_with(':');
        let offset = t.len() - after.trim_start_matches([':', '.']).trim_start().len();
        if after_t.is_empty() {
            let number = if numbers.is_empty() {
                None
            } else {
                Some(nums.trim().to_string())
            };
            return Some((Blk::new(BlkKind::Answer, number, numbers), None));
        }
        if (had_colon || !numbers.is_empty()) && after_t.starts_with(|c: char| c.is_uppercase()) {
            let number = if numbers.is_empty() {
                None
            } else {
                Some(nums.trim().to_string())
            };
            return Some((Blk::new(BlkKind::Answer, number, numbers), Some(offset)));
        }
        return None;
    }
    let expected = next_question_number(blks).unwrap_or(1);
    match style {
        Style::VraagLabel => {
            // `Vraag7`: extraction lost the space.
            let glued = lower
                .strip_prefix("vraag")
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let rest = lower
                .strip_prefix("vragen ")
                .or_else(|| lower.strip_prefix("vraag "))
                .or(glued)?;
            let start = lower.len() - rest.len();
            if let Some(n) = misread_number(&t[start..], expected) {
                let blk = Blk::new(BlkKind::Question, Some(n.to_string()), vec![n]);
                return Some((blk, None));
            }
            let (nums, after) = split_number_prefix(&t[start..]);
            let numbers = parse_numbers(nums)?;
            let after_t = after.trim_start_matches([':', '.']).trim();
            let blk = Blk::new(BlkKind::Question, Some(nums.trim().to_string()), numbers);
            if after_t.is_empty() {
                return Some((blk, None));
            }
            if after_t.starts_with(|c: char| c.is_uppercase()) {
                let offset = t.len() - after.trim_start_matches([':', '.']).trim_start().len();
                return Some((blk, Some(offset)));
            }
            None
        }
        Style::Dotted => {
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            let n: u32 = digits.parse().ok()?;
            let after = t[digits.len()..].strip_prefix('.')?;
            if !(n == expected || n == expected + 1)
                || !after.starts_with([' ', '\t'])
                || after.trim().is_empty()
            {
                return None;
            }
            let offset = t.len() - after.trim_start().len();
            Some((
                Blk::new(BlkKind::Question, Some(n.to_string()), vec![n]),
                Some(offset),
            ))
        }
        Style::Lone => {
            let n: u32 = t.parse().ok()?;
            (n == expected || n == expected + 1).then(|| {
                (
                    Blk::new(BlkKind::Question, Some(n.to_string()), vec![n]),
                    None,
                )
            })
        }
        Style::Unnumbered => None,
    }
}

/// The number of a label alone on its line that extraction misread, when it reads as the number
/// expected next: `l`, `I` or `|` for 1 and `O` for 0 (`Vraag l`, `Vraag 1O`), or digits split by
/// a space (`Vraag 1 1` for question 11). None for a number as printed.
fn misread_number(rest: &str, expected: u32) -> Option<u32> {
    let printed = rest.trim().trim_end_matches([':', '.']);
    if printed.is_empty() || printed.len() > 6 || printed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = String::new();
    for c in printed.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'l' | 'I' | '|' => digits.push('1'),
            'O' | 'o' => digits.push('0'),
            ' ' => {}
            _ => return None,
        }
    }
    (digits.parse::<u32>().ok()? == expected).then_some(expected)
}

/// A quick test used to stop header collection at the first label.
pub fn looks_like_label(t: &str) -> bool {
    // Most lines are neither: those are not lowercased whole.
    if !starts_with_lowercase(t, "vraag ") && !starts_with_lowercase(t, "antwoord") {
        return false;
    }
    let lower = t.to_lowercase();
    (lower.starts_with("vraag ") && lower[6..].starts_with(|c: char| c.is_ascii_digit()))
        || (lower.starts_with("antwoord") && !lower.starts_with("antwoord van") && lower.len() < 40)
}

/// The next question number a numbered label should carry.
pub fn next_question_number(blks: &[Blk]) -> Option<u32> {
    let max = blks
        .iter()
        .filter(|b| b.kind == BlkKind::Question)
        .flat_map(|b| b.numbers.iter().copied())
        .max();
    Some(max.map_or(1, |m| m + 1))
}

/// `Mededeling` or `Toelichting: …` start a closing section with that heading.
pub fn closing_heading(t: &str) -> Option<&'static str> {
    // Most lines start with neither word: those are not lowercased whole.
    if !starts_with_lowercase(t, "mededeling") && !starts_with_lowercase(t, "toelichting") {
        return None;
    }
    let lower = t.to_lowercase();
    if lower == "mededeling" {
        return Some("Mededeling");
    }
    if lower == "toelichting" || lower == "toelichting:" {
        return Some("Toelichting");
    }
    if lower.starts_with("toelichting:") {
        return Some("Toelichting");
    }
    None
}

/// Whether a notice (`Mededeling`) says the questions have been answered elsewhere: "beantwoord"
/// after "zijn", "is", "werd" or "werden" within a few words ("zijn beantwoord middels een brief
/// over …", "is reeds beantwoord in"), with no "worden", "kunnen" or "zullen" between, and nowhere
/// in the notice a word of a postponement or an intention ("kunnen niet binnen de gebruikelijke
/// termijn worden beantwoord", "het streven is dat …", "de bedoeling"): a notice that answers some
/// questions and postpones others is a postponement.
pub fn says_answered(text: &str) -> bool {
    const NOT_YET: [&str; 11] = [
        "niet",
        "nog",
        "geen",
        "zullen",
        "zal",
        "streven",
        "verwacht",
        "zodra",
        "wanneer",
        "bedoeling",
        "uitstel",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.iter().any(|w| NOT_YET.contains(&w.as_str())) {
        return false;
    }
    words.iter().enumerate().any(|(at, w)| {
        w == "beantwoord"
            && words[at.saturating_sub(6)..at]
                .iter()
                .rev()
                .take_while(|w| !matches!(w.as_str(), "worden" | "kunnen" | "zullen"))
                .any(|w| matches!(w.as_str(), "zijn" | "is" | "werd" | "werden"))
    })
}

/// Decides the numbering style of a file from its lines (footnote bodies ignored).
pub fn detect_style(lines: &[&str], footnote_of: &[Option<String>]) -> Style {
    let body: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| footnote_of.get(*i).is_none_or(|f| f.is_none()))
        .map(|(_, l)| l.trim())
        .collect();
    if body
        .iter()
        .any(|t| label(t, Style::VraagLabel, &[]).is_some_and(|(b, _)| b.kind == BlkKind::Question))
    {
        return Style::VraagLabel;
    }
    let has_answers = body
        .iter()
        .any(|t| label(t, Style::Unnumbered, &[]).is_some());
    let seq = |f: &dyn Fn(&str) -> Option<u32>| {
        let nums: Vec<u32> = body.iter().filter_map(|t| f(t)).collect();
        let one = nums.iter().position(|&n| n == 1);
        let two = nums.iter().position(|&n| n == 2);
        matches!((one, two), (Some(a), Some(b)) if a < b)
    };
    let dotted = |t: &str| -> Option<u32> {
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = t[digits.len()..].strip_prefix(". ")?;
        (!after.trim().is_empty())
            .then(|| digits.parse().ok())
            .flatten()
    };
    if seq(&dotted) {
        return Style::Dotted;
    }
    if has_answers && seq(&|t: &str| t.parse().ok()) {
        return Style::Lone;
    }
    Style::Unnumbered
}

#[cfg(test)]
mod tests {
    use super::says_answered;

    #[test]
    fn a_notice_says_the_questions_were_answered_only_in_the_past_tense_and_without_a_but() {
        assert!(says_answered(
            "De schriftelijke vragen van de leden A en B over het akkoord (ingezonden 30 mei \
             2024) zijn beantwoord middels een brief over het akkoord (36 471-64) op 7 juni 2024."
        ));
        assert!(says_answered(
            "Deze vraag is reeds beantwoord in de brief van 3 juni 2024."
        ));
        // Postponements, as the corpus prints them (kv-008, kv-065), and intentions.
        assert!(!says_answered(
            "De vragen van de leden Van den Hil (VVD) en Bikker (ChristenUnie) kunnen tot mijn \
             spijt niet binnen de gebruikelijke termijn worden beantwoord."
        ));
        assert!(!says_answered(
            "Het streven is dat de vragen binnen drie weken zijn beantwoord."
        ));
        assert!(!says_answered(
            "De vragen worden zo spoedig mogelijk beantwoord."
        ));
        assert!(!says_answered("De beantwoording vergt meer tijd."));
    }
}
