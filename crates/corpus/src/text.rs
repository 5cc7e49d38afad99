//! Shared text cleanup: boilerplate lines, footnotes, dehyphenation, paragraphs and links.

use crate::fold::fold;
use crate::hyphenation::{DocumentSpelling, LineBreakHyphen};
use crate::text_scan::{split_spaces, starts_with_lowercase};

mod footnotes;
pub use footnotes::{
    pdf_footnote_lines, pdf_footnote_start, strip_footnote_markers, take_note_markers,
    take_typed_markers, typed_markers, word_footnote_start,
};

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
