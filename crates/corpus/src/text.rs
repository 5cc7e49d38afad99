//! Shared text cleanup: boilerplate lines, footnotes, dehyphenation, paragraphs and links.

use crate::fold::fold;
use crate::hyphenation::{DocumentSpelling, LineBreakHyphen};
use crate::text_scan::{split_spaces, starts_with_lowercase};

/// The text with its first character in upper case (`van Nispen` → `Van Nispen`).
pub fn capitalize_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Normalised content for "is this line somewhere in that text" checks: lowercase, no whitespace,
/// no hyphens or dashes.
pub fn compare_key(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}'))
        .collect()
}

/// Which kind of running header/footer or page furniture a line is, if it is one.
pub fn boilerplate_kind(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    // Prefixes compared in lowercase, without lowercasing the whole of every line.
    let starts = |prefix: &str| starts_with_lowercase(t, prefix);
    if starts("issn ") {
        return Some("ISSN line");
    }
    if is_handelingen_ref(t) {
        return Some("publication reference");
    }
    if (starts("tweede kamer, vergaderjaar") || starts("eerste kamer, vergaderjaar"))
        && t.len() < 90
    {
        return Some("running footer");
    }
    let gravenhage = starts("’s-gravenhage ") || starts("'s-gravenhage ");
    if gravenhage && t.len() < 120 && t.to_lowercase().contains("vergaderjaar") {
        return Some("running footer");
    }
    if starts("vragen gesteld door de leden der kamer")
        || (starts("regering gegeven antwoorden")
            && t.to_lowercase() == "regering gegeven antwoorden")
    {
        return Some("running header");
    }
    None
}

/// `ah-tk-20242025-575`, `kv-tk-2024Z18775`, `kst-36941-3`, `stcrt-…`: identifiers printed at page ends.
fn is_handelingen_ref(t: &str) -> bool {
    let prefixes = [
        "ah-tk-", "ah-ek-", "kv-tk-", "kv-ek-", "kst-", "blg-", "h-tk-", "h-ek-",
    ];
    prefixes.iter().any(|p| starts_with_lowercase(t, p)) && !t.contains(' ')
}

/// True for lines that end a printed page (footers): footnote bodies stand just above them.
pub fn is_page_end(line: &str) -> bool {
    matches!(
        boilerplate_kind(line),
        Some("ISSN line" | "publication reference" | "running footer")
    )
}

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

/// True when `line` looks like an item of a list (`- x`, `• x`, `a. x`, `1° x`).
pub fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for bullet in ["- ", "• ", "* ", "– ", "o ", "▪ ", "· ", "● "] {
        if let Some(r) = t.strip_prefix(bullet) {
            return Some(r.trim());
        }
    }
    let mut cs = t.char_indices();
    if let (Some((_, a)), Some((i, b))) = (cs.next(), cs.next()) {
        if a.is_ascii_lowercase() && matches!(b, '.' | ')') && t[i + 1..].starts_with(' ') {
            return Some(t[i + 1..].trim());
        }
    }
    None
}

/// Joins the end of one hard-wrapped line to the next, repairing hyphens the extraction left
/// inside it first; see [`join_at_line_break`].
pub fn join_wrapped(acc: &mut String, next: &str, spelling: &DocumentSpelling) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    join_at_line_break(acc, &dehyphenate_inline(next), spelling);
}

/// Joins a printed line to the paragraph before it, at a line break: a hyphen that broke a word
/// (`uitgevaar-` + `digd`) is removed, a real hyphen stays (`Secretaris-` + `Generaal`,
/// `hiv-` + `besmettingen` where the document writes `hiv-` elsewhere), an elliptic one gets its
/// space (`klimaat-` + `en`), as [`crate::hyphenation::judge`] says; a URL continues without a
/// space; otherwise one space goes between.
pub fn join_at_line_break(acc: &mut String, next: &str, spelling: &DocumentSpelling) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if acc.is_empty() {
        acc.push_str(next);
        return;
    }
    let trimmed_len = acc.trim_end().len();
    acc.truncate(trimmed_len);
    // A URL broken over two lines continues without a space, hyphens included.
    let last_token = acc.rsplit(' ').next().unwrap_or("");
    if last_token.contains("://")
        && !last_token.ends_with(')')
        && !next.starts_with(|c: char| c.is_uppercase())
    {
        acc.push_str(next);
        return;
    }
    if acc.ends_with('-') && !acc.ends_with(" -") && !acc.ends_with("--") {
        let before = acc[..acc.len() - 1].rsplit(' ').next().unwrap_or("");
        let judged = crate::hyphenation::judge(before, next, spelling);
        let respelled = (judged == LineBreakHyphen::Glue)
            .then(|| crate::hyphenation::written_form(before, next, spelling))
            .flatten();
        let piece_len = before.len() - before.trim_end_matches(char::is_alphabetic).len();
        match judged {
            LineBreakHyphen::Glue => {
                acc.pop();
                // The document's own spelling of the word, trema and all (`Financiën`).
                if let Some(word) = respelled {
                    let rest = next.trim_start_matches(char::is_alphabetic);
                    acc.truncate(acc.len() - piece_len);
                    acc.push_str(&word);
                    acc.push_str(rest);
                    return;
                }
            }
            LineBreakHyphen::Keep => {}
            LineBreakHyphen::Space => acc.push(' '),
        }
        acc.push_str(next);
        return;
    }
    acc.push(' ');
    acc.push_str(next);
}

/// Repairs hyphens that PDF extraction left inside a line where the printed line broke a word
/// (`oorlogsmis-dadiger`, `volksgezond-heid`). Keeps hyphens next to capitals, digits, short
/// parts, abbreviations and compounds with more than one hyphen (`werken-moet-lonennorm`).
pub fn dehyphenate_inline(s: &str) -> String {
    if !s.contains('-') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (i, token) in split_spaces(s).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A token without a hyphen stays as it is, without a copy of its own.
        if token.contains('-') {
            out.push_str(&dehyphenate_token(token));
        } else {
            out.push_str(token);
        }
    }
    out
}

fn dehyphenate_token(token: &str) -> String {
    if token.matches('-').count() != 1 || looks_like_address(token) {
        return token.to_string();
    }
    let Some((left, right)) = token.split_once('-') else {
        return token.to_string();
    };
    let l_word = letters_at_end(left);
    let r_word: String = right.chars().take_while(|c| c.is_alphabetic()).collect();
    let left_core = left.trim_start_matches(|c: char| !c.is_alphanumeric());
    if l_word.chars().count() != left_core.chars().count() || !joins_across_hyphen(&l_word, &r_word)
    {
        return token.to_string();
    }
    format!("{left}{right}")
}

/// Whether a token is a web or mail address ("www.rijksoverheid.nl", "Hogeraad.nl"), whose
/// words are run together on purpose.
pub(crate) fn is_web_address(token: &str) -> bool {
    // The marks are ASCII, and no other character lowercases to one of their letters: compared
    // without lowercasing a copy of every token.
    let bytes = token.as_bytes();
    ["://", "www.", "@", ".nl", ".com", ".org", ".eu"]
        .iter()
        .any(|m| {
            bytes
                .windows(m.len())
                .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
        })
}

/// Whether a token is (part of) a web address, whose words are joined by hyphens: a whole
/// address, or a piece of a path or query ("/", "_", "=").
pub(crate) fn looks_like_address(token: &str) -> bool {
    is_web_address(token) || ["/", "www", "_", "="].iter().any(|m| token.contains(m))
}

/// The letters at the end of `s` (`instel` of `ggz-instel`, `hiv` of `(hiv`).
pub(crate) fn letters_at_end(s: &str) -> String {
    let mut letters: Vec<char> = s.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    letters.reverse();
    letters.into_iter().collect()
}

/// Whether `left-right` is a word broken by hyphenation rather than a real hyphenated compound.
/// Without a dictionary this is a judgement: both parts lowercase with vowels, the left part at
/// least four letters, no vowel collision (zee-egel), no month ranges (april-september) and no
/// left parts that are usually written with a hyphen (niet-, minister-president, netto-).
pub fn joins_across_hyphen(left: &str, right: &str) -> bool {
    if left.chars().count() < 4 || right.chars().count() < 2 {
        return false;
    }
    if !left
        .chars()
        .chain(right.chars())
        .all(|c| c.is_alphabetic() && c.is_lowercase())
    {
        return false;
    }
    let vowels = |w: &str| {
        w.chars()
            .filter(|c| "aeiouyáéíóúäëïöü".contains(*c))
            .count()
    };
    if vowels(left) == 0 || vowels(right) == 0 {
        return false;
    }
    let first_r = right.chars().next().unwrap_or(' ');
    let last_l = left.chars().next_back().unwrap_or(' ');
    if "aeiou".contains(first_r) && "aeiou".contains(last_l) {
        return false;
    }
    if crate::date::month_number(left).is_some() || crate::date::month_number(right).is_some() {
        return false;
    }
    const KEEP_LEFT: [&str; 20] = [
        "niet", "anti", "mede", "vice", "semi", "euro", "oud", "minister", "netto", "bruto",
        "zero", "high", "short", "back", "lock", "legal", "energy", "context", "hoog", "laag",
    ];
    !KEEP_LEFT.contains(&left)
}

/// Builds paragraphs from lines of a document with this `spelling`: wrapped lines are joined,
/// blank lines separate paragraphs, list items each become a `- ` line. Paragraphs are separated
/// by `\n\n`, list items by `\n`.
pub fn paragraphs(lines: &[&str], spelling: &DocumentSpelling) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut in_list = false;
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        if !cur.trim().is_empty() {
            paras.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for line in lines {
        if line.trim().is_empty() {
            flush(&mut cur, &mut paras);
            in_list = false;
            continue;
        }
        if let Some(item) = list_item(line) {
            if in_list {
                cur.push('\n');
            } else {
                flush(&mut cur, &mut paras);
            }
            cur.push_str("- ");
            cur.push_str(&dehyphenate_inline(item));
            in_list = true;
            continue;
        }
        if cur.is_empty() {
            cur.push_str(&dehyphenate_inline(line.trim()));
        } else {
            join_wrapped(&mut cur, line, spelling);
        }
    }
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
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

/// Paragraphs from whole-paragraph lines (read from an original): each line is a paragraph,
/// consecutive list items are one list. Same shape as [`paragraphs`].
pub fn clean_paragraphs(lines: &[String]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in lines {
        let item = list_item(line);
        if !out.is_empty() {
            out.push_str(if item.is_some() && in_list {
                "\n"
            } else {
                "\n\n"
            });
        }
        match item {
            Some(rest) => {
                out.push_str("- ");
                out.push_str(rest.trim());
            }
            None => out.push_str(line.trim()),
        }
        in_list = item.is_some();
    }
    out
}

/// Every URL in `text`, in order, without trailing punctuation.
pub fn find_urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (start, _) in text.match_indices("http") {
        let rest = &text[start..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»'))
            .unwrap_or(rest.len());
        let url = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '\'', '’']);
        // Keep a closing parenthesis that belongs to the URL (balanced).
        let url = if rest[..end].contains('(')
            && rest[..end].trim_end_matches(['.', ',']).ends_with(')')
        {
            rest[..end].trim_end_matches(['.', ','])
        } else {
            url
        };
        if url.len() > "https://".len() {
            out.push(url.to_string());
        }
    }
    out
}

/// Adds URLs to `links` that are not in it yet.
pub fn collect_links(links: &mut Vec<String>, text: &str) {
    for u in find_urls(text) {
        if !links.contains(&u) {
            links.push(u);
        }
    }
}

/// Lowercase for finding labels whose byte offsets are those of `s`, so a position found in it
/// slices `s` at the same place. A character whose lowercase has another byte length or is more
/// than one character (`İ` → `i̇`, `ẞ` → `ß`, the Kelvin sign `K` → `k`) is kept as it is.
pub fn lowercase_same_offsets(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

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
    fn running_headers_and_footers_are_known_in_any_case_and_only_whole() {
        use super::boilerplate_kind;
        let header = Some("running header");
        assert_eq!(boilerplate_kind("Regering gegeven antwoorden"), header);
        assert_eq!(boilerplate_kind("  REGERING GEGEVEN ANTWOORDEN "), header);
        assert_eq!(
            boilerplate_kind("Regering gegeven antwoorden op vragen"),
            None
        );
        let footer = Some("running footer");
        assert_eq!(
            boilerplate_kind("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 575"),
            footer
        );
        assert_eq!(
            boilerplate_kind("'S-GRAVENHAGE 2025, Vergaderjaar 2024-2025"),
            footer
        );
        assert_eq!(boilerplate_kind("’s-Gravenhage 12 maart 2025"), None);
        assert_eq!(
            boilerplate_kind("KV-TK-2024Z18775"),
            Some("publication reference")
        );
        assert_eq!(boilerplate_kind("kst-36941-3 en meer"), None);
        assert_eq!(boilerplate_kind("ISSN 0921-7371"), Some("ISSN line"));
    }

    #[test]
    fn web_addresses_are_known_in_any_case() {
        for token in [
            "www.rijksoverheid.nl",
            "WWW.Rijksoverheid.NL",
            "Hogeraad.nl",
            "info@minbzk.nl",
            "https://x",
        ] {
            assert!(is_web_address(token), "{token}");
        }
        for token in ["asielzoekers", "Financiën", "nl", "e.u.", "ŊL"] {
            assert!(!is_web_address(token), "{token}");
        }
    }

    #[test]
    fn the_offset_keeping_lowercase_has_the_byte_length_of_the_original() {
        use super::lowercase_same_offsets;
        for line in [
            "İSTANBUL Vraag 3",
            "GROẞE Antwoord 7",
            "300 K (Kelvin) Aanhangsel",
            "ǅ Å ﬁ",
        ] {
            let lower = lowercase_same_offsets(line);
            assert_eq!(lower.len(), line.len(), "{line}");
            assert!(
                lower.char_indices().all(|(i, _)| line.is_char_boundary(i)),
                "{line}"
            );
        }
        assert_eq!(
            lowercase_same_offsets("İSTANBUL Vraag 3"),
            "İstanbul vraag 3"
        );
    }
}
