//! Footnotes in running text: the bodies printed at a page's end, and the markers that point to them.

use super::{boilerplate_kind, is_page_end};

/// A footnote body as printed at a page end by PDF extraction: `1X, 23 oktober 2024 (https://…)`,
/// `2Zie A/67/828`, `10Aanhangsel …`. The number is glued to a letter, quote or bracket.
pub fn pdf_footnote_start(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 || digits.starts_with('0') {
        return None;
    }
    let rest = &t[digits.len()..];
    let next = rest.chars().next()?;
    if next.is_alphabetic() || matches!(next, '«' | '"' | '“' | '(' | '[' | '\'' | '‘') {
        Some((digits, rest))
    } else {
        None
    }
}

/// A footnote body as written by Word exports: `1) Pointer, 17 november 2024, …` or `[1] Website …`.
pub fn word_footnote_start(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    let (open, t) = match t.strip_prefix('[') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = &t[digits.len()..];
    let rest = if open {
        rest.strip_prefix(']')?
    } else {
        rest.strip_prefix(')')?
    };
    if rest.starts_with(char::is_whitespace) {
        let body = rest.trim();
        if !body.is_empty() {
            return Some((digits, body));
        }
    }
    None
}

/// The typed footnote markers of a line, as (byte start, byte end, label): `N)` (`…(nos.nl)”1)?`,
/// `Verhoudingen 2), met`, `bedoeld? 1) 2)`), one or two digits and a closing bracket that closes
/// no bracket opened before it in the line (`(zie bijlage 1)` is not one) and is no item of an
/// enumeration (` 1) hoeveel … 2) hoeveel`), and `[N]` (`overleden’? [1] [2]`); none at the
/// line's start (a list item, or a note's body).
pub fn typed_markers(line: &str) -> Vec<(usize, usize, String)> {
    let mut open = 0usize;
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'(' {
            open += 1;
            continue;
        }
        if b != b')' && b != b']' {
            continue;
        }
        // `i` is an ASCII byte, so a character boundary.
        let start = line[..i]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        let number = &line[start..i];
        let is_number = (1..=2).contains(&number.len()) && !number.starts_with('0');
        let bracketed = b == b']' && start > 0 && bytes[start - 1] == b'[';
        if b == b')' && open > 0 {
            open -= 1;
            continue;
        }
        if !is_number || (b == b']' && !bracketed) {
            continue;
        }
        let marker_start = if bracketed { start - 1 } else { start };
        // Set apart by spaces and followed by a lowercase word: a marker ("het UWV 1) ook op"),
        // or an item of an enumeration when the line has two such ("1) hoeveel … 2) hoeveel").
        let set_apart = !bracketed
            && line[..marker_start].ends_with(' ')
            && line[i + 1..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_lowercase));
        if !line[..marker_start].trim().is_empty() {
            let label = if bracketed {
                format!("[{number}]")
            } else {
                format!("{number})")
            };
            out.push((marker_start, i + 1, label, set_apart));
        }
    }
    let enumeration = out.iter().filter(|m| m.3).count() >= 2;
    out.into_iter()
        .filter(|m| !(enumeration && m.3))
        .map(|(start, end, label, _)| (start, end, label))
        .collect()
}

/// `line` without the typed markers whose label (`1)`, `[1]`) is in `known`, and those labels in
/// order.
pub fn take_typed_markers(line: &str, known: &[String]) -> (String, Vec<String>) {
    let mut out = String::with_capacity(line.len());
    let mut refs = Vec::new();
    let mut at = 0;
    for (start, end, label) in typed_markers(line) {
        if !known.contains(&label) {
            continue;
        }
        out.push_str(line[at..start].trim_end_matches(' '));
        refs.push(label);
        at = end;
    }
    if at == 0 {
        return (line.to_string(), refs);
    }
    let rest = &line[at..];
    if out.ends_with(|c: char| c.is_alphanumeric())
        && rest.starts_with(|c: char| c.is_alphanumeric())
    {
        out.push(' ');
    }
    out.push_str(rest);
    (out, refs)
}

/// For every line: the number of the PDF footnote whose body it belongs to, if any.
/// Footnote bodies are the consecutively numbered lines (with their continuation lines) that stand
/// directly above a page footer or the end of the file.
pub fn pdf_footnote_lines(lines: &[&str]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; lines.len()];
    let mut ends: Vec<usize> = (0..lines.len())
        .filter(|&i| is_page_end(lines[i]))
        .collect();
    ends.push(lines.len());
    for end in ends {
        // Walk up from the footer, past blank lines and other footer lines.
        let mut i = end;
        while i > 0 && (lines[i - 1].trim().is_empty() || boilerplate_kind(lines[i - 1]).is_some())
        {
            i -= 1;
        }
        let block_end = i;
        let mut starts: Vec<(usize, u32)> = Vec::new();
        let mut loose = 0;
        while i > 0 {
            let line = lines[i - 1];
            if line.trim().is_empty() || boilerplate_kind(line).is_some() || out[i - 1].is_some() {
                break;
            }
            match pdf_footnote_start(line).and_then(|(n, _)| n.parse::<u32>().ok()) {
                Some(n) if starts.last().is_none_or(|&(_, above)| above == n + 1) => {
                    starts.push((i - 1, n));
                    loose = 0;
                }
                _ => {
                    loose += 1;
                    if loose > 2 {
                        break;
                    }
                }
            }
            i -= 1;
        }
        let Some(&(first, _)) = starts.last() else {
            continue;
        };
        // Lines between the first footnote start and the footer belong to the footnotes.
        let mut current: Option<String> = None;
        for (k, line) in lines.iter().enumerate().take(block_end).skip(first) {
            if let Some(&(_, n)) = starts.iter().find(|&&(s, _)| s == k) {
                current = Some(n.to_string());
            }
            if !line.trim().is_empty() {
                out[k] = current.clone();
            }
        }
    }
    out
}

/// Removes footnote markers from a line of running text and returns the cleaned line with the
/// numbers it referenced. Only numbers in `known` count as markers.
/// Handles a marker alone on a line (`1`, `2 3`), at the start (`2 Deze richtlijnen`), and glued
/// after punctuation (`gekomen?1 Was`, `Zeeland»?1`, `Shell?1 2`).
pub fn strip_footnote_markers(line: &str, known: &[String]) -> (String, Vec<String>) {
    let t = line.trim();
    // No footnotes in the file, or no digit in the line: no marker.
    if known.is_empty() || !t.bytes().any(|b| b.is_ascii_digit()) {
        return (t.to_string(), Vec::new());
    }
    let is_known = |n: &str| known.iter().any(|k| k == n);
    let mut refs = Vec::new();
    // A line of markers only.
    if t.split_whitespace()
        .all(|p| p.bytes().all(|c| c.is_ascii_digit()) && is_known(p))
    {
        return (
            String::new(),
            t.split_whitespace().map(str::to_string).collect(),
        );
    }
    let mut rest = t;
    // A marker at the start of the line, followed by a space or punctuation other than a digit group.
    let lead = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
    if !lead.is_empty() && lead.len() <= 2 && is_known(lead) {
        let after = &rest[lead.len()..];
        let next_word = after.split_whitespace().next().unwrap_or("");
        let starts_ok = after.starts_with(' ')
            || after.starts_with(',')
            || after.starts_with('»')
            || after.starts_with('.');
        let is_date =
            crate::date::month_number(next_word.trim_matches(|c: char| !c.is_alphabetic()))
                .is_some();
        let is_number =
            after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit());
        if starts_ok && !is_date && !is_number {
            refs.push(lead.to_string());
            rest = after.trim_start_matches(' ');
        }
    }
    // Word-style markers: `1)` and `[1]` as separate tokens.
    fn marker_in<'a>(tok: &'a str, is_known: &dyn Fn(&str) -> bool) -> Option<&'a str> {
        tok.strip_suffix(')')
            .filter(|r| !r.contains('('))
            .or_else(|| tok.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
            .filter(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) && is_known(n))
    }
    let marker_token = |tok| marker_in(tok, &is_known);
    let joined;
    let rest = if rest.split(' ').any(|tok| marker_token(tok).is_some()) {
        let mut kept: Vec<&str> = Vec::new();
        for tok in rest.split(' ') {
            match marker_token(tok) {
                Some(n) => refs.push(n.to_string()),
                None => kept.push(tok),
            }
        }
        joined = kept.join(" ");
        joined.trim_end()
    } else {
        rest
    };
    // Markers glued after punctuation anywhere in the line: one or more numbers, separated by
    // single spaces, each followed by a space or the end.
    let bytes = rest.as_bytes();
    let digits_from = |at: usize| {
        at + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut out = String::with_capacity(rest.len());
    let mut copied_to = 0;
    let mut k = 0;
    while let Some(c) = rest[k..].chars().next() {
        let prev_digit = k > 0 && bytes[k - 1].is_ascii_digit();
        k += c.len_utf8();
        let punct = matches!(c, '?' | '»' | '”' | '"' | ')' | ';' | ':' | '!')
            || (matches!(c, '.' | ',') && !prev_digit);
        if !punct {
            continue;
        }
        loop {
            let j = digits_from(k);
            let num = &rest[k..j];
            let end_ok = j == bytes.len() || bytes[j] == b' ';
            if num.is_empty() || num.len() > 2 || !end_ok || !is_known(num) {
                break;
            }
            // `, 3 en` or `. 2024`-like text is not a marker: require no space before the first one.
            out.push_str(&rest[copied_to..k]);
            refs.push(num.to_string());
            k = j;
            copied_to = j;
            if k + 1 < bytes.len() && bytes[k] == b' ' && bytes[k + 1].is_ascii_digit() {
                let m = digits_from(k + 1);
                if (m == bytes.len() || bytes[m] == b' ')
                    && m - (k + 1) <= 2
                    && is_known(&rest[k + 1..m])
                {
                    k += 1;
                    copied_to = k;
                    continue;
                }
            }
            break;
        }
    }
    out.push_str(&rest[copied_to..]);
    (out, refs)
}

/// Takes the explicit footnote markers of a reader of originals out of a line: the cleaned line
/// and the numbers, in order. A space left doubled by a marker is removed; a marker printed
/// between a word (or a sentence's end) and the next word with no space ("gesproken.³Toekomstige",
/// the raised number being what set them apart on the page) leaves one.
pub fn take_note_markers(line: &str) -> (String, Vec<String>) {
    use briefwissel_readers::{NOTE_MARK_CLOSE, NOTE_MARK_OPEN};
    if !line.contains(NOTE_MARK_OPEN) {
        return (line.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(line.len());
    let mut refs = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find(NOTE_MARK_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + NOTE_MARK_OPEN.len_utf8()..];
        match after.find(NOTE_MARK_CLOSE) {
            Some(close) => {
                refs.push(after[..close].to_string());
                rest = &after[close + NOTE_MARK_CLOSE.len_utf8()..];
            }
            None => rest = after,
        }
        if out.ends_with(' ') && rest.starts_with(' ') {
            rest = &rest[1..];
        }
        if out.ends_with(|c: char| c.is_alphanumeric() || ".,;:!?)".contains(c))
            && rest.starts_with(|c: char| c.is_alphabetic())
        {
            out.push(' ');
        }
    }
    out.push_str(rest);
    (out.trim().to_string(), refs)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_note_marker_between_two_words_leaves_a_space_and_elsewhere_none() {
        let marked = |n: &str| {
            format!(
                "{}{n}{}",
                briefwissel_readers::NOTE_MARK_OPEN,
                briefwissel_readers::NOTE_MARK_CLOSE
            )
        };
        let (m3, m1) = (marked("3"), marked("1"));
        let take = |line: String| super::take_note_markers(&line);
        assert_eq!(
            take(format!("de Landen gesproken.{m3}Toekomstige samenwerking")),
            (
                "de Landen gesproken. Toekomstige samenwerking".to_string(),
                vec!["3".to_string()]
            )
        );
        assert_eq!(
            take(format!("het bericht{m1} en de reactie")),
            (
                "het bericht en de reactie".to_string(),
                vec!["1".to_string()]
            )
        );
        assert_eq!(
            take(format!("het bericht{m1}, de reactie{m3}.")),
            (
                "het bericht, de reactie.".to_string(),
                vec!["1".to_string(), "3".to_string()]
            )
        );
        // After an opening bracket or quote the text follows without a space.
        assert_eq!(
            take(format!("zie ({m1}Kamerstuk 36 410)")),
            ("zie (Kamerstuk 36 410)".to_string(), vec!["1".to_string()])
        );
    }

    #[test]
    fn a_typed_marker_is_a_number_and_a_bracket_that_closes_nothing() {
        use super::{take_typed_markers, typed_markers};
        let labels =
            |l: &str| -> Vec<String> { typed_markers(l).into_iter().map(|m| m.2).collect() };
        assert_eq!(labels("bij boa's (nos.nl)”1)?"), ["1)"]);
        assert_eq!(
            labels("de Code Interbestuurlijke Verhoudingen 2), met name"),
            ["2)"]
        );
        assert_eq!(labels("worden hier bedoeld? 1) 2)"), ["1)", "2)"]);
        assert_eq!(labels("keerde overleden’? [1] [2]"), ["[1]", "[2]"]);
        assert_eq!(labels("personen verward gedrag2) waarin"), ["2)"]);
        // A bracket closed, a list item, a year or a letter: no marker.
        assert!(labels("zie (bijlage 1) en (artikel 12)").is_empty());
        assert!(labels("1) NOS, 6 maart 2024").is_empty());
        assert!(labels("[1] NOS, 23 mei 2024").is_empty());
        assert!(labels("in 2024) en a) b) [2024]").is_empty());
        assert!(labels("Kunt u aangeven 1) hoeveel boa's en 2) hoeveel agenten?").is_empty());
        assert_eq!(
            labels("over de problemen bij het UWV 1) ook op de vragen"),
            ["1)"]
        );
        let known = ["1)".to_string(), "2)".to_string()];
        assert_eq!(
            take_typed_markers("worden hier bedoeld? 1) 2)", &known),
            (
                "worden hier bedoeld?".to_string(),
                vec!["1)".to_string(), "2)".to_string()]
            )
        );
        assert_eq!(
            take_typed_markers("Verhoudingen 2), met name", &known).0,
            "Verhoudingen, met name"
        );
        // A marker whose note is not known stays text.
        assert_eq!(take_typed_markers("tot 3) meer", &known).0, "tot 3) meer");
    }
}
