//! The explorer's text search: reading the search text once, matching units (words, phrases, exclusions), caching the last result.

use super::{intersect_sorted, Explorer};
use crate::order::{sort_ids, sort_items};
use crate::search::bitset::Bitset;
use crate::search::expand::{Expansion, EXACT};
use crate::search::phrase::PhraseMatcher;
use crate::search::units::{part_texts, question_texts, Part};
use crate::search::{HighlightTerms, IndexReader, SearchText};
use std::sync::Arc;

/// A search text, read: what it asks, the index terms it stands for, what to mark.
pub(super) struct ReadSearch {
    pub search: SearchText,
    pub expansion: Option<Expansion>,
    pub highlight: HighlightTerms,
}

pub(super) struct TextMatches {
    pub questions: Bitset,
    /// Per question: its BM25 score (0 when it does not match).
    pub scores: Vec<f32>,
    /// Matching parts in unit order.
    pub parts: Vec<(Part, f32)>,
    /// Text shards a phrase had to be looked for in that have not arrived: the matches are
    /// then incomplete (and not kept for the next search).
    pub missing_texts: Vec<usize>,
}

impl TextMatches {
    pub fn nothing(n: usize) -> TextMatches {
        TextMatches {
            questions: Bitset::empty(n),
            scores: vec![0.0; n],
            parts: Vec::new(),
            missing_texts: Vec::new(),
        }
    }

    pub fn score(&self, q: u32) -> f32 {
        self.scores.get(q as usize).copied().unwrap_or(0.0)
    }
}

impl Explorer<'_> {
    /// The search text read and matched against the index terms (cached for the last text).
    pub(super) fn read_search(&self, text: &str) -> Arc<ReadSearch> {
        if let Ok(last) = self.last_search.lock() {
            if let Some((cached, read)) = last.as_ref() {
                if cached == text {
                    return Arc::clone(read);
                }
            }
        }
        let search = SearchText::parse(text);
        let expansion = self.reader.get().map(|r| Expansion::new(r, &search));
        let highlight = match (self.reader.get(), &expansion) {
            (Some(reader), Some(expansion)) => {
                HighlightTerms::from_expansion(reader, &search, expansion)
            }
            _ => HighlightTerms::from_search_text(text),
        };
        let read = Arc::new(ReadSearch {
            search,
            expansion,
            highlight,
        });
        if let Ok(mut last) = self.last_search.lock() {
            *last = Some((text.to_string(), Arc::clone(&read)));
        }
        read
    }

    pub(super) fn cached_text_matches(
        &self,
        search: &SearchText,
        expansion: &Expansion,
    ) -> Arc<TextMatches> {
        if let Ok(last) = self.last_text.lock() {
            if let Some((cached, matches)) = last.as_ref() {
                if cached == search {
                    return Arc::clone(matches);
                }
            }
        }
        let matches = Arc::new(self.text_matches(expansion));
        if !matches.missing_texts.is_empty() {
            return matches;
        }
        if let Ok(mut last) = self.last_text.lock() {
            *last = Some((search.clone(), Arc::clone(&matches)));
        }
        matches
    }

    /// Units matching every word and phrase of the search text and no excluded one.
    fn text_matches(&self, expansion: &Expansion) -> TextMatches {
        let mut found = TextMatches::nothing(self.corpus.questions.len());
        let Some(reader) = self.reader.get() else {
            return found;
        };
        let weighted = |terms: &[u32]| -> Vec<(usize, f32)> {
            terms.iter().map(|&t| (t as usize, EXACT)).collect()
        };
        let mut required: Vec<Vec<(usize, f32)>> = expansion
            .words
            .iter()
            .map(|w| w.iter().map(|m| (m.term as usize, m.weight)).collect())
            .collect();
        for phrase in &expansion.phrases {
            required.extend(phrase.iter().map(|forms| weighted(forms)));
        }
        let hits: Vec<(u32, f32)> = if required.is_empty() {
            (0..self.units.total).map(|u| (u, 0.0)).collect()
        } else if required.iter().any(Vec::is_empty) {
            Vec::new()
        } else {
            reader.search_words(&required)
        };
        let mut missing = Vec::new();
        let hits = self.keep_phrases(reader, hits, &expansion.phrases, true, &mut missing);
        let mut excluded: Vec<u32> = expansion
            .excluded
            .iter()
            .flat_map(|w| {
                let terms: Vec<(usize, f32)> =
                    w.iter().map(|m| (m.term as usize, m.weight)).collect();
                reader.word_units(&terms).into_iter().map(|(u, _)| u)
            })
            .collect();
        for phrase in &expansion.excluded_phrases {
            let lists: Vec<Vec<(usize, f32)>> = phrase.iter().map(|f| weighted(f)).collect();
            if lists.iter().any(Vec::is_empty) {
                continue;
            }
            let with_words = reader.search_words(&lists);
            let single = std::slice::from_ref(phrase);
            excluded.extend(
                self.keep_phrases(reader, with_words, single, false, &mut missing)
                    .into_iter()
                    .map(|(u, _)| u),
            );
        }
        sort_ids(&mut excluded, &|a, b| a.cmp(b));
        for (unit, score) in hits {
            if excluded.binary_search(&unit).is_ok() {
                continue;
            }
            if self.units.is_question(unit) {
                found.questions.insert(unit as usize);
                found.scores[unit as usize] = score;
            } else if let Some(part) = self.units.part(unit) {
                found.parts.push((part, score));
            }
        }
        sort_items(&mut missing, &|a, b| a.cmp(b));
        missing.dedup();
        found.missing_texts = missing;
        found
    }

    /// The hits in which every phrase occurs. Indexed word pairs narrow the candidates; a
    /// two-word phrase whose pairs are all indexed needs no scanning at all. A hit whose texts
    /// have not arrived is left out, and its text shard added to `missing` (the outcome is then
    /// incomplete: it counts what was seen to match).
    fn keep_phrases(
        &self,
        reader: &IndexReader,
        hits: Vec<(u32, f32)>,
        phrases: &[Vec<Vec<u32>>],
        use_pairs: bool,
        missing: &mut Vec<usize>,
    ) -> Vec<(u32, f32)> {
        if phrases.is_empty() {
            return hits;
        }
        let mut allowed: Option<Vec<u32>> = None;
        let mut to_scan = HighlightTerms::default();
        for phrase in phrases {
            let mut every_pair_indexed = use_pairs;
            for pair in phrase.windows(2).filter(|_| use_pairs) {
                match self.pair_units(reader, &pair[0], &pair[1]) {
                    Some(units) => allowed = Some(intersect_sorted(allowed.as_deref(), units)),
                    None => every_pair_indexed = false,
                }
            }
            if !(every_pair_indexed && phrase.len() == 2) {
                let forms = phrase
                    .iter()
                    .map(|terms| {
                        terms
                            .iter()
                            .map(|&t| reader.term(t as usize).to_string())
                            .collect()
                    })
                    .collect();
                to_scan.phrases.push(forms);
            }
        }
        let mut matcher = PhraseMatcher::new(&to_scan);
        let mut texts: Vec<&str> = Vec::new();
        hits.into_iter()
            .filter(|(unit, _)| {
                if allowed
                    .as_ref()
                    .is_some_and(|a| a.binary_search(unit).is_err())
                {
                    return false;
                }
                if to_scan.phrases.is_empty() {
                    return true;
                }
                texts.clear();
                let read = match self.units.part(*unit) {
                    None => question_texts(&self.texts, &self.answers, *unit as usize, |t, _| {
                        texts.push(t)
                    }),
                    Some(part) => part_texts(&self.texts, part, |t, _| texts.push(t)),
                };
                match read {
                    Ok(()) => matcher.has_all_phrases(&texts),
                    Err(shard) => {
                        missing.push(shard);
                        false
                    }
                }
            })
            .collect()
    }

    /// The units where a form of one word directly follows a form of the next, when every such
    /// pair is indexed; `None` when one is not.
    fn pair_units(&self, reader: &IndexReader, first: &[u32], second: &[u32]) -> Option<Vec<u32>> {
        let mut units = Vec::new();
        for &a in first {
            for &b in second {
                units.extend(reader.pair_units(reader.term(a as usize), reader.term(b as usize))?);
            }
        }
        sort_ids(&mut units, &|a, b| a.cmp(b));
        units.dedup();
        Some(units)
    }
}
