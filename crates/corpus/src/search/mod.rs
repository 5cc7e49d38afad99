//! Full-text search: Dutch tokenizing and stemming, the inverted index, phrases and highlighting.

pub mod bitset;
pub mod index;
pub mod phrase;
pub mod reader;
pub mod tokenize;
pub mod units;

pub use index::{PostingChunk, SearchIndex};
pub use reader::IndexReader;

use phrase::{PhraseMatcher, MAX_PHRASE_WORDS};
use serde::{Deserialize, Serialize};
use tokenize::{fold_word_into, word_spans, DutchStemmer};

/// What a search text asks for, as stems: loose words and "quoted phrases". Every word and every
/// phrase must occur (AND). Also what the app needs to highlight matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HighlightTerms {
    /// Stems of the words outside quotes (and of one-word phrases), without duplicates.
    pub terms: Vec<String>,
    /// Each quoted phrase of two or more words, as the stems of its words in order.
    pub phrases: Vec<Vec<String>>,
}

impl HighlightTerms {
    /// Reads a search text: `"…"` (also `„…”` and `“…”`) quote a phrase; an unclosed quote runs to
    /// the end. Case, diacritics and punctuation do not matter.
    pub fn from_search_text(text: &str) -> HighlightTerms {
        let stemmer = DutchStemmer::new();
        let mut out = HighlightTerms::default();
        for (i, piece) in text.split(['"', '„', '”', '“']).enumerate() {
            let stems = stems_of(&stemmer, piece);
            if i % 2 == 1 && stems.len() > 1 {
                out.phrases
                    .push(stems.into_iter().take(MAX_PHRASE_WORDS).collect());
            } else {
                for stem in stems {
                    if !out.terms.contains(&stem) {
                        out.terms.push(stem);
                    }
                }
            }
        }
        out.phrases.dedup();
        out
    }

    /// True when the text asked for nothing (no words at all).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// The index terms a search reads: every required stem and, for phrases, each `stem stem`
    /// pair of neighbouring words.
    pub fn index_keys(&self) -> Vec<String> {
        let mut keys = self.required_stems();
        for phrase in &self.phrases {
            keys.extend(phrase.windows(2).map(|w| format!("{} {}", w[0], w[1])));
        }
        keys
    }

    /// Every stem that must occur, loose or in a phrase, without duplicates.
    pub fn required_stems(&self) -> Vec<String> {
        let mut all = self.terms.clone();
        for stem in self.phrases.iter().flatten() {
            if !all.contains(stem) {
                all.push(stem.clone());
            }
        }
        all
    }
}

fn stems_of(stemmer: &DutchStemmer, text: &str) -> Vec<String> {
    let mut folded = String::new();
    word_spans(text)
        .map(|span| {
            fold_word_into(&text[span.start..span.end], &mut folded);
            stemmer.stem(&folded)
        })
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
    fn search_text_splits_into_terms_and_phrases() {
        let t = HighlightTerms::from_search_text(
            r#"Terugkeerhubs "de minister van" "asiel" terugkeerhub"#,
        );
        assert_eq!(t.terms.len(), 2, "{t:?}");
        assert_eq!(t.phrases.len(), 1);
        assert_eq!(t.phrases[0].len(), 3);
        assert!(HighlightTerms::from_search_text(" ,.; \"\" ").is_empty());
    }

    #[test]
    fn highlighting_marks_stem_matches_and_whole_phrases() {
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
