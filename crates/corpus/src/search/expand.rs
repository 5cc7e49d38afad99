//! From query words to index terms: the word itself, its other forms, the compounds it is a part of, and while typing its continuations.

use super::inflection::variants;
use super::query_text::{QueryWord, SearchText};
use super::reader::IndexReader;

/// How much a match counts, by kind: the word as typed counts most.
pub const EXACT: f32 = 1.0;
/// Another form of the word: plural, -e, spelling change (wetten for wet).
pub const OTHER_FORM: f32 = 0.7;
/// The word (or a form of it) as a part of a compound: asielzoekers for asiel.
pub const COMPOUND_PART: f32 = 0.45;
/// A word starting with what is being typed.
pub const TYPED_PREFIX: f32 = 0.5;

/// Most words a prefix being typed stands for (a one-letter prefix would otherwise read the
/// whole vocabulary).
pub const MAX_PREFIX_TERMS: usize = 400;

/// One index term that counts for a query word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermMatch {
    pub term: u32,
    pub weight: f32,
    /// The matching bytes of the folded term: all of it, a compound part, or the typed prefix.
    pub start: u16,
    pub end: u16,
}

/// The index terms of a whole search text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expansion {
    /// Per word that must occur: its terms (empty when nothing in the index matches it).
    pub words: Vec<Vec<TermMatch>>,
    /// Per excluded word: its terms.
    pub excluded: Vec<Vec<TermMatch>>,
    /// Per phrase (required, then excluded), per position: the terms of that word's forms.
    pub phrases: Vec<Vec<Vec<u32>>>,
    pub excluded_phrases: Vec<Vec<Vec<u32>>>,
}

impl Expansion {
    pub fn new(reader: &IndexReader, text: &SearchText) -> Expansion {
        let last = text.words.len().saturating_sub(1);
        let words = text
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| word_terms(reader, w, text.typing_last && i == last))
            .collect();
        let excluded = text
            .excluded
            .iter()
            .map(|w| word_terms(reader, w, false))
            .collect();
        let phrase = |p: &Vec<String>| p.iter().map(|w| form_terms(reader, w)).collect();
        Expansion {
            words,
            excluded,
            phrases: text.phrases.iter().map(phrase).collect(),
            excluded_phrases: text.excluded_phrases.iter().map(phrase).collect(),
        }
    }

    /// Every term the search reads, for loading index chunks.
    pub fn all_terms(&self) -> Vec<u32> {
        let mut all: Vec<u32> = self
            .words
            .iter()
            .chain(&self.excluded)
            .flatten()
            .map(|m| m.term)
            .chain(
                self.phrases
                    .iter()
                    .chain(&self.excluded_phrases)
                    .flatten()
                    .flatten()
                    .copied(),
            )
            .collect();
        // The app's one sort (crate::order), not a second sorting routine in its code.
        crate::order::sort_ids(&mut all, &|a, b| a.cmp(b));
        all.dedup();
        all
    }
}

/// The terms of the forms of `word` that are in the index (exact + other forms).
pub fn form_terms(reader: &IndexReader, word: &str) -> Vec<u32> {
    let known = |w: &str| reader.term_id(w).is_some();
    variants(word, known)
        .iter()
        .filter_map(|v| reader.term_id(v))
        .map(|t| t as u32)
        .collect()
}

/// The terms that count for one query word. A word being typed that is not (yet) a word of the
/// index stands for the words it begins.
pub fn word_terms(reader: &IndexReader, word: &QueryWord, typing: bool) -> Vec<TermMatch> {
    let folded = word.folded.as_str();
    let whole = |t: usize, weight: f32| TermMatch {
        term: t as u32,
        weight,
        start: 0,
        end: reader.term(t).len().min(u16::MAX as usize) as u16,
    };
    if word.exact {
        return reader
            .term_id(folded)
            .map(|t| whole(t, EXACT))
            .into_iter()
            .collect();
    }
    let known = |w: &str| reader.term_id(w).is_some();
    let forms = variants(folded, known);
    let mut out: Vec<TermMatch> = Vec::new();
    for form in &forms {
        if let Some(t) = reader.term_id(form) {
            out.push(whole(t, if form == folded { EXACT } else { OTHER_FORM }));
        }
    }
    for (term, parts) in reader.compounds() {
        if out.iter().any(|m| m.term == term) {
            continue;
        }
        let text = reader.term(term as usize);
        // A first part may keep its linking -s ("wets" in wetsvoorstel).
        let part = parts
            .filter_map(|(s, e)| {
                let part = &text[s as usize..e as usize];
                let is_form = |p: &str| forms.iter().any(|f| f == p);
                if is_form(part) {
                    Some((s, e))
                } else {
                    let unlinked = part.strip_suffix('s').filter(|p| is_form(p))?;
                    Some((s, s + unlinked.len() as u16))
                }
            })
            .max_by_key(|&(s, e)| e - s);
        if let Some((start, end)) = part {
            out.push(TermMatch {
                term,
                weight: COMPOUND_PART,
                start,
                end,
            });
        }
    }
    if typing && out.is_empty() && !folded.is_empty() {
        let end = folded.len().min(u16::MAX as usize) as u16;
        out.extend(
            reader
                .prefix_range(folded)
                .filter(|&t| !reader.term(t).contains(' '))
                .take(MAX_PREFIX_TERMS)
                .map(|t| TermMatch {
                    term: t as u32,
                    weight: TYPED_PREFIX,
                    start: 0,
                    end,
                }),
        );
    }
    out
}
