//! The inverted index: sorted vocabulary of folded words, field-weighted postings, word pairs and the compound table.

use super::compounds::Vocabulary;
use super::tokenize::{fold_word_into, word_spans};
use super::units::{part_texts, question_texts, AnswerLookup, UnitMap};
use crate::hash::{content_hash, FastMap};
use crate::model::Corpus;
use crate::texts::Texts;
use crate::word_key::WordKey;
use serde::Serialize;

pub(crate) const BM25_K1: f32 = 1.2;
pub(crate) const BM25_B: f32 = 0.75;
/// Word pairs are indexed when both words occur in at least this share of units…
const PAIR_MIN_SHARE: u32 = 100;
/// …and in at least this many units.
const PAIR_MIN_UNITS_FLOOR: u32 = 50;

/// The full-text index of a corpus, built natively and shipped in the artifact.
///
/// Units are numbered as in [`UnitMap`]. Terms are words as written, folded (`asielzoekers`),
/// and word pairs (`minister van`). Each term's posting list is, in `postings`, a varint count
/// followed per unit by `varint(gap << 1 | tf_is_one)` and, when the term frequency is not one,
/// `varint(tf)`; `gap` is the distance to the previous unit minus one. The term frequency is
/// weighted by field ([`super::units::Field`]): a heading counts three times, question text
/// twice, answer text once. Word-pair terms have only their units (term frequency one).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchIndex {
    /// Number of questions the index was built from (checked against the corpus).
    pub question_count: u32,
    /// Number of words in each unit.
    pub unit_lengths: Vec<u32>,
    /// All terms, sorted, concatenated.
    pub terms: String,
    /// Where each term starts in `terms`, then where the last ends: one more than there are
    /// terms (none for an empty index). Shipped as the terms' lengths.
    #[serde(with = "super::shipped_numbers::starts")]
    pub term_starts: Vec<u32>,
    /// Posting lists, in term order.
    #[serde(with = "crate::byte_string")]
    pub postings: Vec<u8>,
    /// Where each term's posting list starts, counted as if all chunks were one run of bytes,
    /// then where the last ends. Shipped as the lists' lengths.
    #[serde(with = "super::shipped_numbers::starts")]
    pub posting_starts: Vec<u32>,
    /// Word pairs are indexed (as the term `word1 word2`, with a space) when both words occur in
    /// at least this many units; 0 means no pairs are indexed. Quoted phrases of common words use
    /// these lists instead of scanning thousands of texts.
    pub pair_min_units: u32,
    /// Empty when `postings` holds every list. Otherwise `postings` is empty and the lists live in
    /// these chunks of consecutive terms, shipped as separate files and loaded when a search needs
    /// them (see [`SearchIndex::split_postings`]).
    pub chunks: Vec<PostingChunk>,
    /// The compound words and their parts: per compound, `term gap` (distance to the previous
    /// compound's term), the number of parts, then each part as `start, end` byte offsets in
    /// the word (see [`super::compounds`]).
    pub compounds: Vec<u32>,
}

/// The posting chunks a page fetches and keeps before any search asks for them, at most: an index
/// whose chunks together are larger loads each chunk when a search needs it, so that memory holds
/// what is used (at 100× today's corpus the chunks are 11.3 MB, at 500× 55 MB).
pub const PREFETCHED_CHUNK_BYTES: u64 = 16 << 20;

/// The chunks to fetch ahead of any search: all of them when together they are at most
/// [`PREFETCHED_CHUNK_BYTES`], else none (searches then load their own).
pub fn chunks_to_prefetch(chunks: &[PostingChunk]) -> &[PostingChunk] {
    let total: u64 = chunks.iter().map(|c| u64::from(c.length)).sum();
    if total <= PREFETCHED_CHUNK_BYTES {
        chunks
    } else {
        &[]
    }
}

/// A run of consecutive terms whose posting lists are shipped as one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PostingChunk {
    /// The first term of the run; the run ends where the next chunk begins.
    pub first_term: u32,
    /// Length of the chunk's bytes.
    pub length: u32,
    /// Content hash of the chunk's bytes (its file name is derived from it).
    pub hash: String,
}

impl SearchIndex {
    /// Indexes every question (heading, text, answer) and every document part of `corpus`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let units = UnitMap::new(corpus);
        let answers = AnswerLookup::new(corpus);
        // Every text is in the corpus here: the results are never `Err`.
        let texts = Texts::inline(corpus);
        let mut builder = Builder::default();
        for q in 0..corpus.questions.len() {
            let _ = question_texts(&texts, &answers, q, |text, field| {
                builder.add_text(text, field.weight())
            });
            builder.finish_unit();
        }
        for unit in units.question_count..units.total {
            if let Some(part) = units.part(unit) {
                let _ = part_texts(&texts, part, |text, field| {
                    builder.add_text(text, field.weight())
                });
            }
            builder.finish_unit();
        }
        let mut index = builder.into_index();
        index.question_count = units.question_count;
        index
    }

    /// Number of distinct terms (words and pairs).
    pub fn term_count(&self) -> usize {
        self.term_starts.len().saturating_sub(1)
    }

    /// The text of term `t` (a folded word, or two words for a pair), if there is one.
    pub fn term(&self, t: usize) -> Option<&str> {
        let (&start, &end) = (self.term_starts.get(t)?, self.term_starts.get(t + 1)?);
        self.terms.get(start as usize..end as usize)
    }

    /// Moves the posting lists out into chunks of consecutive terms of about `target_bytes` each
    /// (a single longer list gets a chunk of its own) and returns the chunks' bytes, in order.
    pub fn split_postings(&mut self, target_bytes: usize) -> Vec<Vec<u8>> {
        if !self.chunks.is_empty() {
            return Vec::new();
        }
        let postings = std::mem::take(&mut self.postings);
        let mut out: Vec<Vec<u8>> = Vec::new();
        let mut at = 0usize;
        for (t, pair) in self.posting_starts.windows(2).enumerate() {
            let length = (pair[1] - pair[0]) as usize;
            let full = out
                .last()
                .is_none_or(|c| c.len() + length > target_bytes.max(1) && !c.is_empty());
            if full {
                self.chunks.push(PostingChunk {
                    first_term: t as u32,
                    ..PostingChunk::default()
                });
                out.push(Vec::new());
            }
            if let Some(chunk) = out.last_mut() {
                chunk.extend_from_slice(postings.get(at..at + length).unwrap_or(&[]));
            }
            at += length;
        }
        for (chunk, bytes) in self.chunks.iter_mut().zip(&out) {
            chunk.length = bytes.len() as u32;
            chunk.hash = content_hash(bytes);
        }
        out
    }
}

#[derive(Default)]
struct Builder {
    folded: String,
    /// Folded word → term id.
    term_of_word: FastMap<WordKey, u32>,
    words: Vec<String>,
    /// Per term id: (unit, weighted tf) in unit order; the current unit's entry grows in place.
    lists: Vec<Vec<(u32, u32)>>,
    current_length: u32,
    unit_lengths: Vec<u32>,
    /// The term of every word of every text, in unit order, with [`END_OF_TEXT`] after each
    /// text: the pairs of adjacent words are read from it once it is known which terms are
    /// common (a third of the memory of every pair with its unit).
    sequence: Vec<u32>,
    /// Where each unit's words end in `sequence`.
    unit_ends: Vec<usize>,
}

/// Ends a text in [`Builder::sequence`]: no pair spans two texts.
const END_OF_TEXT: u32 = u32::MAX;

impl Builder {
    /// Adds the words of one text of the current unit; [`Builder::finish_unit`] ends the unit
    /// (a text added after the last unit is finished belongs to no unit and makes no pairs).
    fn add_text(&mut self, text: &str, weight: u32) {
        let unit = self.unit_lengths.len() as u32;
        for span in word_spans(text) {
            fold_word_into(&text[span.start..span.end], &mut self.folded);
            if self.folded.is_empty() {
                // A lone combining mark: no word.
                continue;
            }
            let term = match self.term_of_word.get(self.folded.as_bytes()) {
                Some(&t) => t,
                None => {
                    let t = self.words.len() as u32;
                    self.words.push(self.folded.clone());
                    self.lists.push(Vec::new());
                    self.term_of_word
                        .insert(WordKey::from(self.folded.as_str()), t);
                    t
                }
            };
            let list = &mut self.lists[term as usize];
            match list.last_mut() {
                Some((u, tf)) if *u == unit => *tf += weight,
                _ => list.push((unit, weight)),
            }
            self.current_length += 1;
            self.sequence.push(term);
        }
        self.sequence.push(END_OF_TEXT);
    }

    fn finish_unit(&mut self) {
        self.unit_ends.push(self.sequence.len());
        self.unit_lengths.push(self.current_length);
        self.current_length = 0;
    }

    fn into_index(mut self) -> SearchIndex {
        let units = self.unit_lengths.len() as u32;
        let pair_min_units = (units / PAIR_MIN_SHARE).max(PAIR_MIN_UNITS_FLOOR);
        let common: Vec<bool> = self
            .lists
            .iter()
            .map(|l| l.len() as u32 >= pair_min_units)
            .collect();
        let mut pairs = self.common_pairs(&common);
        pairs.dedup();
        // Every term and every indexed pair, with its sorted posting list.
        let pair_groups = pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1));
        let mut entries: Vec<(String, Vec<(u32, u32)>)> =
            Vec::with_capacity(self.words.len() + pair_groups.clone().count());
        for group in pair_groups {
            let (a, b, _) = group[0];
            let key = format!("{} {}", self.words[a as usize], self.words[b as usize]);
            entries.push((key, group.iter().map(|&(_, _, unit)| (unit, 1)).collect()));
        }
        let lists = std::mem::take(&mut self.lists);
        for (word, mut list) in std::mem::take(&mut self.words).into_iter().zip(lists) {
            list.sort_unstable();
            entries.push((word, list));
        }
        // No two entries have one term (words hold no space, pairs do, and each pair is one
        // group): a sort that does not keep the order of equals gives the one order.
        entries.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        let mut index = SearchIndex {
            unit_lengths: self.unit_lengths,
            pair_min_units,
            ..SearchIndex::default()
        };
        let occurrences: Vec<u32> = entries
            .iter()
            .map(|(_, list)| list.iter().map(|&(_, tf)| tf).sum())
            .collect();
        let vocabulary = Vocabulary::new(
            entries
                .iter()
                .zip(&occurrences)
                .filter(|((term, _), _)| !term.contains(' '))
                .map(|((term, _), &n)| (term.as_str(), n)),
        );
        let mut previous_compound = 0u32;
        if !entries.is_empty() {
            index.term_starts.push(0);
            index.posting_starts.push(0);
        }
        for (t, (term, list)) in entries.iter().enumerate() {
            index.terms.push_str(term);
            index.term_starts.push(index.terms.len() as u32);
            encode_postings(list, &mut index.postings);
            index.posting_starts.push(index.postings.len() as u32);
            let parts = vocabulary.parts(term);
            if !parts.is_empty() {
                index.compounds.push(t as u32 - previous_compound);
                index.compounds.push(parts.len() as u32);
                for (s, e) in parts {
                    index.compounds.extend([s as u32, e as u32]);
                }
                previous_compound = t as u32;
            }
        }
        index
    }

    /// Gives `each` every two adjacent words of a text whose terms are both common
    /// (`common[term]`), as (first term, second term, unit), in unit order.
    fn each_common_pair(&self, common: &[bool], mut each: impl FnMut(u32, u32, u32)) {
        let mut start = 0;
        for (unit, &end) in self.unit_ends.iter().enumerate() {
            for two in self.sequence[start..end].windows(2) {
                let (a, b) = (two[0], two[1]);
                if a != END_OF_TEXT && b != END_OF_TEXT && common[a as usize] && common[b as usize]
                {
                    each(a, b, unit as u32);
                }
            }
            start = end;
        }
    }

    /// The pairs of common terms (`common[term]`) with their units, sorted by pair, then unit: as
    /// one number each, sorted as numbers, where the common terms are few enough to number a pair
    /// in 32 bits (the common terms numbered densely in term order, so `a * n + b` orders as
    /// `(a, b)` does). A pair repeated in a unit is there as often as it occurs.
    fn common_pairs(&self, common: &[bool]) -> Vec<(u32, u32, u32)> {
        let n = common.iter().filter(|&&c| c).count() as u64;
        if n * n > u64::from(u32::MAX) {
            let mut pairs = Vec::new();
            self.each_common_pair(common, |a, b, unit| pairs.push((a, b, unit)));
            pairs.sort_unstable();
            return pairs;
        }
        let mut dense = vec![u32::MAX; common.len()];
        for (d, (t, _)) in common.iter().enumerate().filter(|(_, &c)| c).enumerate() {
            dense[t] = d as u32;
        }
        let mut by_pair: Vec<u64> = Vec::new();
        self.each_common_pair(common, |a, b, unit| {
            let pair = u64::from(dense[a as usize]) * n + u64::from(dense[b as usize]);
            by_pair.push(pair << 32 | u64::from(unit));
        });
        crate::order::radix_sort(&mut by_pair);
        let by_dense: Vec<u32> = (0..common.len() as u32)
            .filter(|&t| common[t as usize])
            .collect();
        by_pair
            .iter()
            .map(|&key| {
                let pair = key >> 32;
                let (a, b) = (by_dense[(pair / n) as usize], by_dense[(pair % n) as usize]);
                (a, b, key as u32)
            })
            .collect()
    }
}

fn encode_postings(list: &[(u32, u32)], out: &mut Vec<u8>) {
    write_varint(out, list.len() as u32);
    let mut next = 0u32;
    for &(unit, tf) in list {
        let gap = unit - next;
        write_varint(out, gap << 1 | u32::from(tf == 1));
        if tf != 1 {
            write_varint(out, tf);
        }
        next = unit + 1;
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::reader::{read_varint, IndexReader};

    #[test]
    fn pairs_of_common_terms_within_a_text_sort_by_pair_then_unit_as_a_comparison_sorts_them() {
        let common = [true, false, true, true, false, true];
        let mut builder = Builder::default();
        let mut expected = Vec::new();
        let mut x = 7u32;
        for unit in 0..200 {
            // Two texts a unit (a question's heading and its text, say); every seventh unit has
            // none, and every fifth text is empty.
            let texts = if unit % 7 == 3 { 0 } else { 2 };
            for t in 0..texts {
                let words = if (unit * 2 + t) % 5 == 0 { 0 } else { 5 };
                let text: Vec<u32> = (0..words)
                    .map(|_| {
                        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        (x >> 8) % 6
                    })
                    .collect();
                for two in text.windows(2) {
                    if common[two[0] as usize] && common[two[1] as usize] {
                        expected.push((two[0], two[1], unit));
                    }
                }
                builder.sequence.extend(&text);
                builder.sequence.push(END_OF_TEXT);
            }
            builder.unit_ends.push(builder.sequence.len());
        }
        expected.sort_unstable();
        assert_eq!(builder.common_pairs(&common), expected);
    }

    #[test]
    fn varints_round_trip_and_reject_truncation() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            write_varint(&mut out, v);
        }
        let mut pos = 0;
        let read: Vec<u32> = std::iter::from_fn(|| read_varint(&out, &mut pos)).collect();
        assert_eq!(read, [0, 1, 127, 128, 300, u32::MAX]);
        assert_eq!(read_varint(&[0x80, 0x80], &mut 0), None);
    }

    #[test]
    fn tables_of_starts_that_do_not_fit_the_terms_are_refused() {
        // "a", "é" (two bytes) and "c": the terms "aéc" start at 0, 1 and 3 and end at 4.
        let index = |starts: Vec<u32>| SearchIndex {
            terms: "aéc".into(),
            posting_starts: vec![0; starts.len()],
            term_starts: starts,
            ..SearchIndex::default()
        };
        assert!(IndexReader::new(&index(vec![0, 1, 3, 4]), 0).is_ok());
        for wrong in [
            vec![1, 1, 3, 4], // not from 0
            vec![0, 3, 1, 4], // backwards
            vec![0, 1, 3, 3], // ends before the terms do
            vec![0, 2, 3, 4], // inside "é"
            vec![],           // no terms, but there is text
        ] {
            assert!(
                IndexReader::new(&index(wrong.clone()), 0).is_err(),
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn an_index_of_nothing_reads_back_as_it_was_built() {
        let index = Builder::default().into_index();
        assert!(index.term_starts.is_empty() && index.term_count() == 0);
        let bytes = postcard::to_allocvec(&index).unwrap();
        assert_eq!(
            crate::postcard_reader::read_whole::<SearchIndex>(&bytes.as_slice()).unwrap(),
            index
        );
    }

    #[test]
    fn postings_round_trip_with_gaps_and_frequencies() {
        let list = vec![(0, 1), (1, 3), (7, 1), (300, 2)];
        let mut index = SearchIndex {
            unit_lengths: vec![1; 301],
            terms: "a".into(),
            term_starts: vec![0, 1],
            ..SearchIndex::default()
        };
        encode_postings(&list, &mut index.postings);
        index.posting_starts = vec![0, index.postings.len() as u32];
        let reader = IndexReader::new(&index, 301).expect("consistent index");
        assert_eq!(reader.postings(0), list);
        assert!(IndexReader::new(&index, 5).is_err());
    }
}
