//! Full-text search: Dutch words and their forms, compounds, the inverted index, phrases, highlighting and suggestions.

pub mod bitset;
pub mod compounds;
pub mod expand;
pub mod index;
pub mod inflection;
pub mod phrase;
pub mod query_text;
pub mod reader;
pub mod shipped_numbers;
pub mod suggest;
pub mod tokenize;
pub mod units;

pub use index::{PostingChunk, SearchIndex};
pub use query_text::SearchText;
pub use reader::IndexReader;

use expand::Expansion;
use inflection::variants;
use phrase::PhraseMatcher;
use serde::{Deserialize, Serialize};

/// What to mark in texts for one search: which words (and which part of each, for a compound
/// or a word being typed), and which phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HighlightTerms {
    /// Folded words to mark, each with the bytes of the folded word to mark.
    pub marks: Vec<(String, u16, u16)>,
    /// Each quoted phrase; per position, the folded forms that may stand there.
    pub phrases: Vec<Vec<Vec<String>>>,
}

impl HighlightTerms {
    /// What a search text marks without an index: its words and their forms, its phrases. (The
    /// explorer also marks compounds and the continuations of a word being typed.)
    pub fn from_search_text(text: &str) -> HighlightTerms {
        let parsed = SearchText::parse(text);
        let mut marks = Vec::new();
        for word in &parsed.words {
            let forms = if word.exact {
                vec![word.folded.clone()]
            } else {
                variants(&word.folded, |_| false)
            };
            for form in forms {
                let end = form.len().min(u16::MAX as usize) as u16;
                marks.push((form, 0, end));
            }
        }
        HighlightTerms::new(marks, phrase_forms(&parsed.phrases, |_| false))
    }

    /// What a search marks, from the index terms it matched.
    pub fn from_expansion(
        reader: &IndexReader,
        text: &SearchText,
        expansion: &Expansion,
    ) -> HighlightTerms {
        let marks = expansion
            .words
            .iter()
            .flatten()
            .map(|m| (reader.term(m.term as usize).to_string(), m.start, m.end))
            .collect();
        let known = |w: &str| reader.term_id(w).is_some();
        HighlightTerms::new(marks, phrase_forms(&text.phrases, known))
    }

    fn new(marks: Vec<(String, u16, u16)>, phrases: Vec<Vec<Vec<String>>>) -> HighlightTerms {
        HighlightTerms { marks, phrases }
    }

    /// True when nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.phrases.is_empty()
    }

    /// The bytes of folded word `word` to mark, in order, overlapping and touching ranges merged
    /// (both parts of asielopvang for "asiel opvang"); empty when nothing is marked.
    pub fn marks_of(&self, word: &str) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = self
            .marks
            .iter()
            .filter(|m| m.0 == word)
            .map(|&(_, start, end)| (start as usize, end as usize))
            .collect();
        merge_ranges(&mut ranges);
        ranges
    }
}

/// Sorts byte ranges and merges those that overlap or touch.
pub(crate) fn merge_ranges(ranges: &mut Vec<(usize, usize)>) {
    crate::order::sort_items(ranges, &|a, b| a.cmp(b));
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for &(start, end) in ranges.iter() {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    *ranges = merged;
}

/// A snippet is cut to about this many bytes.
pub const SNIPPET_BYTES: usize = 280;

/// The sentences of a text as byte ranges without surrounding spaces: they end at `.`, `?`, `!`
/// or `;` followed by a space, and at line breaks.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n'
            || (matches!(b, b'.' | b'?' | b'!' | b';')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if ends {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out.into_iter()
        .map(|(s, e)| {
            let piece = &text[s..e];
            let lead = piece.len() - piece.trim_start().len();
            (s + lead, s + piece.trim_end().len())
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// `start..end`, or when longer than [`SNIPPET_BYTES`] a window of that size starting a little
/// before `mark`, on word boundaries.
fn cut_around(text: &str, start: usize, end: usize, mark: usize) -> (usize, usize) {
    if end - start <= SNIPPET_BYTES {
        return (start, end);
    }
    let mut from = mark.saturating_sub(SNIPPET_BYTES / 4).max(start);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > start {
        from = text[from..mark].find(' ').map_or(from, |i| from + i + 1);
    }
    let mut to = (from + SNIPPET_BYTES).min(end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < end {
        to = text[mark..to].rfind(' ').map_or(to, |i| mark + i);
    }
    (from, to.max(mark))
}

fn phrase_forms(phrases: &[Vec<String>], known: impl Fn(&str) -> bool) -> Vec<Vec<Vec<String>>> {
    phrases
        .iter()
        .map(|p| p.iter().map(|w| variants(w, &known)).collect())
        .collect()
}

/// Splits `text` into runs, in order, whose concatenation is `text`; a run is `true` when it is a
/// matching word or phrase occurrence (for `<mark>`).
pub fn highlight(text: &str, terms: &HighlightTerms) -> Vec<(String, bool)> {
    Highlighter::new(terms).runs(text)
}

/// Highlights many texts for one search, stemming each distinct word once across all of them
/// (a page of results shares most of its words).
pub struct Highlighter {
    terms: HighlightTerms,
    matcher: Option<PhraseMatcher>,
}

impl Highlighter {
    pub fn new(terms: &HighlightTerms) -> Highlighter {
        Highlighter {
            terms: terms.clone(),
            matcher: None,
        }
    }

    /// The search this highlighter marks.
    pub fn terms(&self) -> &HighlightTerms {
        &self.terms
    }

    /// What [`highlight`] gives for `text`.
    pub fn runs(&mut self, text: &str) -> Vec<(String, bool)> {
        if self.terms.is_empty() {
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![(text.to_string(), false)]
            };
        }
        let terms = &self.terms;
        let ranges = self
            .matcher
            .get_or_insert_with(|| PhraseMatcher::new(terms))
            .marked_ranges(text);
        let mut runs = Vec::with_capacity(ranges.len() * 2 + 1);
        let mut at = 0;
        for (start, end) in ranges {
            if start > at {
                runs.push((text[at..start].to_string(), false));
            }
            runs.push((text[start..end].to_string(), true));
            at = end;
        }
        if at < text.len() {
            runs.push((text[at..].to_string(), false));
        }
        runs
    }

    /// The byte range of the sentence of `text` with the most matches (the first of equals), at
    /// most about [`SNIPPET_BYTES`] long around its first match; `None` without matches.
    pub fn best_sentence(&mut self, text: &str) -> Option<(usize, usize)> {
        if self.terms.is_empty() {
            return None;
        }
        let terms = &self.terms;
        let ranges = self
            .matcher
            .get_or_insert_with(|| PhraseMatcher::new(terms))
            .marked_ranges(text);
        let mut best: Option<((usize, usize), usize, usize)> = None;
        for (start, end) in sentences(text) {
            let inside: Vec<&(usize, usize)> = ranges
                .iter()
                .filter(|r| r.0 >= start && r.1 <= end)
                .collect();
            if let Some(first) = inside.first() {
                if best.is_none_or(|b| inside.len() > b.1) {
                    best = Some(((start, end), inside.len(), first.0));
                }
            }
        }
        let ((start, end), _, first_mark) = best?;
        Some(cut_around(text, start, end, first_mark))
    }

    /// Whether anything in `text` would be marked.
    pub fn has_match(&mut self, text: &str) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        let terms = &self.terms;
        !self
            .matcher
            .get_or_insert_with(|| PhraseMatcher::new(terms))
            .marked_ranges(text)
            .is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, search: &str) -> Vec<String> {
        highlight(text, &HighlightTerms::from_search_text(search))
            .into_iter()
            .filter(|r| r.1)
            .map(|r| r.0)
            .collect()
    }

    #[test]
    fn one_highlighter_marks_many_texts_like_separate_calls() {
        let terms = HighlightTerms::from_search_text(r#"terugkeer "minister van""#);
        let texts = [
            "De terugkeer van de Minister van Asiel.",
            "Geen treffer hier.",
            "Terugkeren, terugkeer; de minister van Justitie.",
        ];
        let mut shared = Highlighter::new(&terms);
        for text in texts {
            assert_eq!(shared.runs(text), highlight(text, &terms), "{text}");
            assert_eq!(
                shared.has_match(text),
                highlight(text, &terms).iter().any(|r| r.1)
            );
        }
    }

    #[test]
    fn the_best_sentence_is_the_one_with_most_matches_cut_around_the_first() {
        let text = "Het kabinet neemt maatregelen. De asielopvang en asielzoekers: zie brief. Verder niets.";
        let mut h = Highlighter::new(&HighlightTerms {
            marks: vec![("asielopvang".into(), 0, 5), ("asielzoekers".into(), 0, 5)],
            phrases: Vec::new(),
        });
        let (s, e) = h.best_sentence(text).expect("a sentence matches");
        assert_eq!(&text[s..e], "De asielopvang en asielzoekers: zie brief.");
        assert_eq!(h.best_sentence("Geen treffer."), None);
        let long = format!(
            "{} asielzoekers {}",
            "woord ".repeat(80),
            "eind ".repeat(80)
        );
        let (s, e) = h.best_sentence(&long).expect("a match");
        assert!(
            e - s <= SNIPPET_BYTES && long[s..e].contains("asielzoekers"),
            "{}",
            &long[s..e]
        );
    }

    #[test]
    fn search_text_marks_word_forms_and_phrases() {
        let t = HighlightTerms::from_search_text(r#"Terugkeerhubs "de minister van" "asiel""#);
        assert!(!t.marks_of("terugkeerhub").is_empty(), "{t:?}");
        assert!(!t.marks_of("terugkeerhubs").is_empty());
        assert_eq!(t.marks_of("asiel"), [(0, 5)]);
        assert!(t.marks_of("asielen").is_empty(), "a quoted word is exact");
        assert_eq!(t.phrases.len(), 1);
        assert_eq!(t.phrases[0].len(), 3);
        assert!(HighlightTerms::from_search_text(" ,.; \"\" ").is_empty());
    }

    #[test]
    fn highlighting_marks_word_forms_and_whole_phrases() {
        let text = "De terugkeerhub is geïndexeerd; de Minister van Asiel zei: minister.";
        assert_eq!(
            marked(text, "terugkeerhubs geindexeerd"),
            ["terugkeerhub", "geïndexeerd"]
        );
        assert_eq!(
            marked(text, "\"minister van asiel\""),
            ["Minister van Asiel"]
        );
        assert_eq!(marked(text, "\"asiel minister\""), Vec::<String>::new());
        let runs = highlight(text, &HighlightTerms::from_search_text("minister"));
        assert_eq!(runs.iter().map(|r| r.0.as_str()).collect::<String>(), text);
    }
}
