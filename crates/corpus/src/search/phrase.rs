//! Matching search words and "quoted phrases" against running text, word by word, with a cache of stems.

use super::tokenize::{fold_word_into, word_spans, DutchStemmer};
use super::HighlightTerms;
use std::collections::HashMap;

/// Longest phrase (in words) that is matched; longer phrases are cut to this many words.
pub const MAX_PHRASE_WORDS: usize = 64;

/// What one folded word means for the current search.
#[derive(Debug, Clone, Default)]
struct WordInfo {
    /// The word's stem is one of the search terms.
    is_term: bool,
    /// Per phrase: bit `i` is set when the word's stem equals the phrase's word `i`.
    phrase_bits: Vec<u64>,
}

/// Finds search terms and phrases in texts. Stems each distinct word once.
pub struct PhraseMatcher<'t> {
    terms: &'t HighlightTerms,
    stemmer: DutchStemmer,
    folded: String,
    cache: HashMap<String, WordInfo>,
}

impl<'t> PhraseMatcher<'t> {
    pub fn new(terms: &'t HighlightTerms) -> PhraseMatcher<'t> {
        PhraseMatcher { terms, stemmer: DutchStemmer::new(), folded: String::new(), cache: HashMap::new() }
    }

    fn info(&mut self, word: &str) -> &WordInfo {
        fold_word_into(word, &mut self.folded);
        if !self.cache.contains_key(self.folded.as_str()) {
            let stem = self.stemmer.stem(&self.folded);
            let info = WordInfo {
                is_term: self.terms.terms.contains(&stem),
                phrase_bits: self
                    .terms
                    .phrases
                    .iter()
                    .map(|p| {
                        p.iter().take(MAX_PHRASE_WORDS).enumerate().filter(|(_, w)| **w == stem).fold(0u64, |bits, (i, _)| bits | 1 << i)
                    })
                    .collect(),
            };
            self.cache.insert(self.folded.clone(), info);
        }
        &self.cache[self.folded.as_str()]
    }

    /// True when every phrase occurs (as consecutive words) in at least one of `texts`.
    pub fn has_all_phrases(&mut self, texts: &[&str]) -> bool {
        let phrase_count = self.terms.phrases.len();
        let mut found = vec![false; phrase_count];
        for text in texts {
            let mut states = vec![0u64; phrase_count];
            for span in word_spans(text) {
                let bits = self.info(&text[span.start..span.end]).phrase_bits.clone();
                for (p, state) in states.iter_mut().enumerate() {
                    *state = ((*state << 1) | 1) & bits[p];
                    if *state & self.last_bit(p) != 0 {
                        found[p] = true;
                    }
                }
            }
            if found.iter().all(|f| *f) {
                return true;
            }
        }
        found.iter().all(|f| *f)
    }

    fn last_bit(&self, phrase: usize) -> u64 {
        let len = self.terms.phrases[phrase].len().clamp(1, MAX_PHRASE_WORDS);
        1u64 << (len - 1)
    }

    /// Byte ranges of `text` to mark: words that are search terms, and whole phrase occurrences.
    pub fn marked_ranges(&mut self, text: &str) -> Vec<(usize, usize)> {
        let phrase_count = self.terms.phrases.len();
        let mut states = vec![0u64; phrase_count];
        let mut spans = Vec::new();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for span in word_spans(text) {
            spans.push(span);
            let info = self.info(&text[span.start..span.end]);
            let is_term = info.is_term;
            let bits = info.phrase_bits.clone();
            if is_term {
                ranges.push((span.start, span.end));
            }
            for (p, state) in states.iter_mut().enumerate() {
                *state = ((*state << 1) | 1) & bits[p];
                if *state & self.last_bit(p) != 0 {
                    let len = self.terms.phrases[p].len().clamp(1, MAX_PHRASE_WORDS);
                    let first = spans[spans.len() - len];
                    ranges.push((first.start, span.end));
                }
            }
        }
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
    }
}
