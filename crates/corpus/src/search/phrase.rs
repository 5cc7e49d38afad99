//! Matching marked words and "quoted phrases" against running text, word by word, with a cache of folded words.

use super::tokenize::{fold_word_into, word_spans};
use super::{merge_ranges, HighlightTerms};
use crate::hash::FastMap;

/// Longest phrase (in words) that is matched; longer phrases are cut to this many words.
pub const MAX_PHRASE_WORDS: usize = 64;

/// Finds marked words and phrases in texts. Folds each distinct word once.
pub struct PhraseMatcher {
    terms: HighlightTerms,
    folded: String,
    /// Folded word → entry number.
    cache: FastMap<Box<str>, u32>,
    /// Per entry: the bytes of the folded word to mark (none when it is not marked).
    mark: Vec<Vec<(usize, usize)>>,
    /// Per entry and phrase (`entry * phrases + p`): bit `i` set when the word may stand at the
    /// phrase's position `i`.
    phrase_bits: Vec<u64>,
    /// Per phrase: the bit of its last word.
    last_bits: Vec<u64>,
}

impl PhraseMatcher {
    pub fn new(terms: &HighlightTerms) -> PhraseMatcher {
        let last_bits = terms
            .phrases
            .iter()
            .map(|p| 1u64 << (p.len().clamp(1, MAX_PHRASE_WORDS) - 1))
            .collect();
        PhraseMatcher {
            terms: terms.clone(),
            folded: String::new(),
            cache: FastMap::default(),
            mark: Vec::new(),
            phrase_bits: Vec::new(),
            last_bits,
        }
    }

    /// The cache entry of a word, looked up the first time it is seen.
    fn entry(&mut self, word: &str) -> usize {
        fold_word_into(word, &mut self.folded);
        if let Some(&e) = self.cache.get(self.folded.as_str()) {
            return e as usize;
        }
        let e = self.mark.len();
        self.mark.push(self.terms.marks_of(&self.folded));
        for phrase in &self.terms.phrases {
            let bits = phrase
                .iter()
                .take(MAX_PHRASE_WORDS)
                .enumerate()
                .filter(|(_, forms)| forms.contains(&self.folded))
                .fold(0u64, |b, (i, _)| b | 1 << i);
            self.phrase_bits.push(bits);
        }
        self.cache.insert(self.folded.as_str().into(), e as u32);
        e
    }

    /// True when every phrase occurs (as consecutive words) in at least one of `texts`.
    pub fn has_all_phrases(&mut self, texts: &[&str]) -> bool {
        let phrases = self.terms.phrases.len();
        let mut missing: u64 = if phrases >= 64 {
            u64::MAX
        } else {
            (1u64 << phrases) - 1
        };
        let mut states = vec![0u64; phrases];
        for text in texts {
            states.iter_mut().for_each(|s| *s = 0);
            for span in word_spans(text) {
                let e = self.entry(&text[span.start..span.end]);
                let bits = &self.phrase_bits[e * phrases..(e + 1) * phrases];
                for p in 0..phrases {
                    states[p] = ((states[p] << 1) | 1) & bits[p];
                    if states[p] & self.last_bits[p] != 0 && p < 64 {
                        missing &= !(1u64 << p);
                    }
                }
                if missing == 0 {
                    return true;
                }
            }
        }
        missing == 0
    }

    /// Byte ranges of `text` to mark: marked words (or the marked part of them: "asiel" in
    /// asielzoekers), and whole phrase occurrences.
    pub fn marked_ranges(&mut self, text: &str) -> Vec<(usize, usize)> {
        let phrases = self.terms.phrases.len();
        let mut states = vec![0u64; phrases];
        let mut spans = Vec::new();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for span in word_spans(text) {
            spans.push(span);
            let word = &text[span.start..span.end];
            let e = self.entry(word);
            for &(start, end) in &self.mark[e] {
                let (s, t) = original_range(word, start, end);
                ranges.push((span.start + s, span.start + t));
            }
            for (p, state) in states.iter_mut().enumerate() {
                *state = ((*state << 1) | 1) & self.phrase_bits[e * phrases + p];
                if *state & self.last_bits[p] != 0 {
                    let len = self.terms.phrases[p].len().clamp(1, MAX_PHRASE_WORDS);
                    let first = spans[spans.len() - len];
                    ranges.push((first.start, span.end));
                }
            }
        }
        merge_ranges(&mut ranges);
        ranges
    }
}

/// The bytes of `word` that fold to bytes `start..end` of its folded form (Geïndexeerd: the
/// folded "geindex" is the original "Geïndex").
fn original_range(word: &str, start: usize, end: usize) -> (usize, usize) {
    let mut folded = String::new();
    let (mut from, mut to) = (None, word.len());
    for (i, c) in word.char_indices() {
        if from.is_none() && folded.len() >= start {
            from = Some(i);
        }
        if folded.len() >= end {
            to = i;
            break;
        }
        let mut piece = String::new();
        fold_word_into(c.encode_utf8(&mut [0; 4]), &mut piece);
        folded.push_str(&piece);
    }
    let from = from.unwrap_or(word.len());
    (from, to.max(from))
}
