//! Line-level helpers shared by the letter and overleg parsers: markup, bullets, markers, joining.

use std::collections::BTreeSet;

use crate::hyphenation::DocumentSpelling;

/// Bullet characters that start a list item in extracted text (U+F0B7 is Word's Symbol bullet).
const BULLETS: [char; 7] = ['-', '•', '\u{f0b7}', '·', '▪', '●', '–'];

/// Superscript digits as printed in footnote markers.
const SUPERSCRIPTS: [(char, char); 10] = [
    ('⁰', '0'),
    ('¹', '1'),
    ('²', '2'),
    ('³', '3'),
    ('⁴', '4'),
    ('⁵', '5'),
    ('⁶', '6'),
    ('⁷', '7'),
    ('⁸', '8'),
    ('⁹', '9'),
];

pub(crate) fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS.iter().find(|(s, _)| *s == c).map(|(_, d)| *d)
}

pub(crate) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Markdown-ish and HTML-viewer decorations removed: `**bold**`, `[text](#)`, `\(`, `↩︎`.
pub(crate) fn clean_markup(line: &str) -> String {
    // Most lines hold none of the characters below: nothing to replace, no link to unwrap.
    let marked = |c: char| {
        matches!(
            c,
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '*' | '↩' | '\u{fe0f}' | '\\' | '['
        )
    };
    if !line.contains(marked) {
        return line.trim().to_string();
    }
    let mut s = line
        .replace(['\u{a0}', '\u{2007}', '\u{202f}'], " ")
        .replace("**", "")
        .replace("↩︎", "")
        .replace(['↩', '\u{fe0f}'], "");
    s = s
        .replace("\\(", "(")
        .replace("\\)", ")")
        .replace("\\[", "[")
        .replace("\\]", "]");
    // [text](target) -> text
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find("](") {
            Some(close) if !after[..close].contains('[') => {
                let tail = &after[close + 2..];
                match tail.find(')') {
                    Some(end) => {
                        out.push_str(&rest[..open]);
                        out.push_str(&after[..close]);
                        rest = &tail[end + 1..];
                    }
                    None => {
                        out.push_str(&rest[..=open]);
                        rest = after;
                    }
                }
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// The text after a list bullet, or `None` if the line is not a bulleted item.
pub(crate) fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let c = t.chars().next()?;
    if !BULLETS.contains(&c) {
        return None;
    }
    let rest = &t[c.len_utf8()..];
    if rest.starts_with(' ') || rest.starts_with('\t') {
        Some(rest.trim())
    } else {
        None
    }
}

/// `a)`, `b)`, `i.`, `iv.` style enumerations inside a text (not numbered questions).
pub(crate) fn is_letter_item(line: &str) -> bool {
    let t = line.trim_start();
    let head: String = t.chars().take_while(|c| c.is_ascii_lowercase()).collect();
    if head.is_empty() || head.len() > 4 {
        return false;
    }
    let rest = &t[head.len()..];
    let roman = head.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    (rest.starts_with(") ") && head.len() == 1)
        || (rest.starts_with(". ") && (roman || head.len() == 1))
}

/// A leading number `12.` / `12)` followed by text: (number, rest).
pub(crate) fn numbered_start(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &t[digits.len()..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    if !rest.starts_with(' ') && !rest.starts_with('\t') {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    Some((n, rest.trim()))
}

/// Does the text end a sentence (after trailing quotes, brackets and footnote markers)?
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(|c: char| {
        c.is_ascii_digit()
            || superscript_digit(c).is_some()
            || matches!(c, '”' | '’' | '"' | '\'' | ')' | ']')
    });
    t.ends_with(['.', '?', '!', ':', ';'])
}

/// Ends with a comma (a salutation or a signature function line such as `De Minister van …,`).
pub(crate) fn ends_comma(text: &str) -> bool {
    text.trim_end().ends_with(',')
}

pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

pub(crate) fn starts_uppercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

/// A line that holds only a URL (links interleaved at page ends).
pub(crate) fn is_url_line(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ')
}

/// Every URL in a piece of text.
pub(crate) fn urls_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ';', ')']).to_string())
        .collect()
}

/// Joins wrapped lines of a document with this `spelling` into one paragraph, as
/// [`crate::text::join_at_line_break`] joins a printed line to its paragraph.
pub(crate) fn join_lines<S: AsRef<str>>(lines: &[S], spelling: &DocumentSpelling) -> String {
    let mut out = String::new();
    for line in lines {
        crate::text::join_at_line_break(&mut out, line.as_ref(), spelling);
    }
    collapse_spaces(&out)
}

pub(crate) fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        // Words are never empty: an empty `out` is the first word's place.
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Removes footnote markers from a line: superscripts, `[n]`, and digits glued to a word
/// (`JBZ-Raad1`, `IND.3`, `Brink56`, a year `20253`) when they are known footnote numbers.
/// Returns the cleaned text and the footnote numbers referenced.
pub(crate) fn strip_markers(line: &str, known: &BTreeSet<u32>) -> (String, Vec<String>) {
    // Most lines hold no digit, bracket or superscript, so no marker: those stay as they are.
    let may_hold_marker = line.chars().any(|c| {
        c.is_ascii_digit() || c == '[' || (!c.is_ascii() && superscript_digit(c).is_some())
    });
    if !may_hold_marker {
        return (line.to_string(), Vec::new());
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut refs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = superscript_digit(c) {
            let mut num = String::from(d);
            i += 1;
            while i < chars.len() {
                match superscript_digit(chars[i]) {
                    Some(d) => num.push(d),
                    None => break,
                }
                i += 1;
            }
            refs.push(num.trim_start_matches('0').to_string());
            continue;
        }
        if c == '[' {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if !digits.is_empty()
                && digits.len() <= 3
                && chars.get(i + 1 + digits.len()) == Some(&']')
            {
                i += digits.len() + 2;
                refs.push(digits);
                continue;
            }
        }
        if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let run: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let end = i + run.len();
            let next = chars.get(end).copied();
            let next_ok =
                next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ';' | ':' | ')' | '.'));
            if next_ok {
                if let Some(found) = glued_marker(&chars, i, &run, known, next.is_none()) {
                    let keep = run.len() - found.iter().map(|f| f.len()).sum::<usize>();
                    out.push_str(&run[..keep]);
                    refs.extend(found);
                    i = end;
                    continue;
                }
            }
            out.push_str(&run);
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out, refs)
}

/// The footnote numbers hidden in the digit run `run` starting at `chars[start]`, if it is a marker.
fn glued_marker(
    chars: &[char],
    start: usize,
    run: &str,
    known: &BTreeSet<u32>,
    at_end: bool,
) -> Option<Vec<String>> {
    let prev = if start == 0 {
        None
    } else {
        Some(chars[start - 1])
    };
    let is_known =
        |s: &str| !s.starts_with('0') && s.parse::<u32>().is_ok_and(|n| known.contains(&n));
    match prev {
        Some(p)
            if p.is_alphabetic() || matches!(p, '.' | '”' | '’' | '"' | ')' | '?' | '!' | ',') =>
        {
            // What stands before the marker: a word of two letters or more, not a number.
            let word: String = chars[..start]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let before_punct = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if letters < 2
                || before_punct
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
            if word.contains("://")
                || word.contains('/')
                || word.contains('_')
                || word.contains('=')
            {
                return None;
            }
            if is_known(run) {
                return Some(vec![run.to_string()]);
            }
            split_consecutive(run, known)
        }
        Some(p) if p.is_whitespace() && run.len() >= 5 => {
            // A year with a marker glued to it: 2025 + 3.
            let (year, rest) = run.split_at(4);
            let y: u32 = year.parse().ok()?;
            if (1900..=2099).contains(&y) && is_known(rest) {
                let after_ok = chars
                    .get(start + run.len())
                    .is_none_or(|c| !c.is_ascii_digit());
                return after_ok.then(|| vec![rest.to_string()]);
            }
            None
        }
        Some(p) if p.is_whitespace() && at_end && start >= 2 && chars[start - 2] == '.' => {
            // `geïnformeerd. 17` at the end of a line.
            is_known(run).then(|| vec![run.to_string()])
        }
        _ => None,
    }
}

/// `56` → `5`, `6` when both are known footnotes and `56` is not.
fn split_consecutive(run: &str, known: &BTreeSet<u32>) -> Option<Vec<String>> {
    for cut in 1..run.len() {
        let (a, b) = run.split_at(cut);
        let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            continue;
        };
        if !b.starts_with('0') && y == x + 1 && known.contains(&x) && known.contains(&y) {
            return Some(vec![a.to_string(), b.to_string()]);
        }
    }
    None
}

/// Does the line look like a person's name as signed: `D.M. van Weel`, `mr. B.O. Dittrich`, `Dragstra`?
pub(crate) fn looks_like_signed_name(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 60 || ends_sentence(t) || ends_comma(t) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 6 {
        return false;
    }
    let has_initials = words.iter().any(|w| {
        let core = w.trim_end_matches('.');
        w.ends_with('.')
            && core
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()))
    });
    let particles = [
        "van", "de", "der", "den", "het", "ter", "ten", "mr.", "dr.", "drs.", "ir.", "prof.", "in",
        "t",
    ];
    let capitalised = words
        .iter()
        .all(|w| starts_uppercase(w) || particles.contains(&w.to_lowercase().as_str()));
    let plain = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    let capitals = words.iter().filter(|w| starts_uppercase(w)).count();
    has_initials && capitalised
        || (capitalised
            && plain
            && (words.len() == 1 || (2..=5).contains(&words.len()) && capitals >= 2))
}

/// The Dutch date in a line, if any.
pub(crate) fn date_in(line: &str) -> Option<crate::date::Date> {
    crate::date::Date::find_dutch(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_cleaned_and_plain_lines_are_only_trimmed() {
        assert_eq!(
            clean_markup("  Geachte voorzitter,  "),
            "Geachte voorzitter,"
        );
        assert_eq!(
            clean_markup("zie **[de brief](https://example.nl/x)**\u{a0}van 3 juni↩︎"),
            "zie de brief van 3 juni"
        );
        assert_eq!(clean_markup("artikel 3\\(2\\)"), "artikel 3(2)");
    }

    #[test]
    fn glued_markers_are_removed_and_recorded() {
        let known: BTreeSet<u32> = (1..=12).collect();
        let (t, r) = strip_markers("de brief van 25 november 20253 waarbij", &known);
        assert_eq!(
            (t.as_str(), r),
            (
                "de brief van 25 november 2025 waarbij",
                vec!["3".to_string()]
            )
        );
        let (t, r) = strip_markers("van de leden Brekelmans en Van den Brink56, in", &known);
        assert_eq!(t, "van de leden Brekelmans en Van den Brink, in");
        assert_eq!(r, vec!["5".to_string(), "6".to_string()]);
        let (t, _) = strip_markers(
            "Indiening is voorzien in Q2 2026 en 30.000 herplaatsingen.",
            &known,
        );
        assert_eq!(
            t,
            "Indiening is voorzien in Q2 2026 en 30.000 herplaatsingen."
        );
    }

    #[test]
    fn hyphenated_line_breaks_are_joined_but_compounds_kept() {
        let none = DocumentSpelling::default();
        assert_eq!(
            join_lines(&["met drone-", "bedrijven"], &none),
            "met dronebedrijven"
        );
        assert_eq!(
            join_lines(&["Verordening Asiel-", "en Migratiebeheer"], &none),
            "Verordening Asiel- en Migratiebeheer"
        );
        assert_eq!(
            join_lines(&["Bosnië-", "Herzegovina"], &none),
            "Bosnië-Herzegovina"
        );
        assert_eq!(
            join_lines(&["de non-", "refoulement"], &none),
            "de non-refoulement"
        );
    }
}
