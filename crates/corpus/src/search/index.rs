//! The inverted index: sorted stem vocabulary and delta-encoded postings with term frequencies, scored with BM25.

use super::tokenize::{fold_word_into, word_spans, DutchStemmer};
use super::units::{part_texts, question_texts, AnswerLookup, UnitMap};
use crate::model::Corpus;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;
/// Word pairs are indexed when both words occur in at least this share of units…
const PAIR_MIN_SHARE: u32 = 100;
/// …and in at least this many units.
const PAIR_MIN_UNITS_FLOOR: u32 = 50;

/// The full-text index of a corpus, built natively and shipped in the artifact.
///
/// Units are numbered as in [`UnitMap`]. Each term's posting list is, in `postings`, a varint
/// count followed per unit by `varint(gap << 1 | tf_is_one)` and, when the term frequency is not
/// one, `varint(tf)`; `gap` is the distance to the previous unit minus one. Word-pair terms have
/// only their units (term frequency one).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Number of questions the index was built from (checked against the corpus).
    pub question_count: u32,
    /// Number of words in each unit.
    pub unit_lengths: Vec<u32>,
    /// All stems, sorted, concatenated.
    pub terms: String,
    /// Byte length of each stem in `terms`.
    pub term_lengths: Vec<u32>,
    /// Posting lists, in term order.
    pub postings: Vec<u8>,
    /// Byte length of each term's posting list.
    pub posting_lengths: Vec<u32>,
    /// Word pairs are indexed (as the term `stem1 stem2`, with a space) when both stems occur in
    /// at least this many units; 0 means no pairs are indexed. Quoted phrases of common words use
    /// these lists instead of scanning thousands of texts.
    pub pair_min_units: u32,
}

impl SearchIndex {
    /// Indexes every question (heading, text, answer) and every document part of `corpus`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let units = UnitMap::new(corpus);
        let answers = AnswerLookup::new(corpus);
        let mut builder = Builder::default();
        for q in 0..corpus.questions.len() {
            question_texts(corpus, &answers, q, |text| builder.add_text(text));
            builder.finish_unit();
        }
        for unit in units.question_count..units.total {
            if let Some(part) = units.part(unit) {
                part_texts(corpus, part, |text| builder.add_text(text));
            }
            builder.finish_unit();
        }
        let mut index = builder.into_index();
        index.question_count = units.question_count;
        index
    }

    /// Number of distinct stems.
    pub fn term_count(&self) -> usize {
        self.term_lengths.len()
    }
}

#[derive(Default)]
struct Builder {
    stemmer: DutchStemmer,
    folded: String,
    /// Folded word → term id.
    term_of_word: HashMap<String, u32>,
    /// Stem → term id.
    term_of_stem: HashMap<String, u32>,
    stems: Vec<String>,
    /// Per term id: (unit, tf) in unit order.
    lists: Vec<Vec<(u32, u32)>>,
    current: HashMap<u32, u32>,
    current_length: u32,
    unit_lengths: Vec<u32>,
    /// Adjacent term pairs of the current unit.
    current_pairs: Vec<(u32, u32)>,
    /// (first term, second term, unit) of every adjacent pair, once per unit.
    pairs: Vec<(u32, u32, u32)>,
}

impl Builder {
    fn add_text(&mut self, text: &str) {
        let mut previous = None;
        for span in word_spans(text) {
            fold_word_into(&text[span.start..span.end], &mut self.folded);
            let term = match self.term_of_word.get(self.folded.as_str()) {
                Some(&t) => t,
                None => {
                    let stem = self.stemmer.stem(&self.folded);
                    let next = self.stems.len() as u32;
                    let t = *self.term_of_stem.entry(stem.clone()).or_insert(next);
                    if t == next {
                        self.stems.push(stem);
                        self.lists.push(Vec::new());
                    }
                    self.term_of_word.insert(self.folded.clone(), t);
                    t
                }
            };
            *self.current.entry(term).or_insert(0) += 1;
            self.current_length += 1;
            if let Some(previous) = previous {
                self.current_pairs.push((previous, term));
            }
            previous = Some(term);
        }
    }

    fn finish_unit(&mut self) {
        let unit = self.unit_lengths.len() as u32;
        for (term, tf) in self.current.drain() {
            self.lists[term as usize].push((unit, tf));
        }
        self.current_pairs.sort_unstable();
        self.current_pairs.dedup();
        self.pairs
            .extend(self.current_pairs.drain(..).map(|(a, b)| (a, b, unit)));
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
        self.pairs
            .retain(|&(a, b, _)| common[a as usize] && common[b as usize]);
        self.pairs.sort_unstable();
        // Every term and every indexed pair, with its sorted posting list.
        let mut entries: Vec<(String, Vec<(u32, u32)>)> = Vec::with_capacity(self.stems.len());
        for (stem, mut list) in self.stems.iter().zip(std::mem::take(&mut self.lists)) {
            list.sort_unstable();
            entries.push((stem.clone(), list));
        }
        for group in self.pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            let (a, b, _) = group[0];
            let key = format!("{} {}", self.stems[a as usize], self.stems[b as usize]);
            entries.push((key, group.iter().map(|&(_, _, unit)| (unit, 1)).collect()));
        }
        entries.sort_by(|x, y| x.0.cmp(&y.0));
        let mut index = SearchIndex {
            unit_lengths: self.unit_lengths,
            pair_min_units,
            ..SearchIndex::default()
        };
        for (term, list) in entries {
            index.terms.push_str(&term);
            index.term_lengths.push(term.len() as u32);
            let start = index.postings.len();
            encode_postings(&list, &mut index.postings);
            index
                .posting_lengths
                .push((index.postings.len() - start) as u32);
        }
        index
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

fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// A checked, ready-to-query view of a [`SearchIndex`].
#[derive(Debug, Clone)]
pub struct IndexReader<'i> {
    index: &'i SearchIndex,
    term_starts: Vec<usize>,
    posting_starts: Vec<usize>,
    avg_question_length: f32,
    avg_part_length: f32,
}

impl<'i> IndexReader<'i> {
    /// Checks that the index is internally consistent and has `unit_count` units.
    pub fn new(index: &'i SearchIndex, unit_count: usize) -> Result<IndexReader<'i>, String> {
        if index.unit_lengths.len() != unit_count {
            return Err(format!(
                "de zoekindex kent {} eenheden, het corpus {}",
                index.unit_lengths.len(),
                unit_count
            ));
        }
        if index.term_lengths.len() != index.posting_lengths.len() {
            return Err("de zoekindex heeft niet evenveel termen als postinglijsten".to_string());
        }
        let term_starts = prefix_sums(&index.term_lengths, index.terms.len(), "termen")?;
        if term_starts
            .iter()
            .any(|&s| !index.terms.is_char_boundary(s))
        {
            return Err("de termen van de zoekindex zijn beschadigd".to_string());
        }
        let posting_starts = prefix_sums(&index.posting_lengths, index.postings.len(), "postings")?;
        let questions = (index.question_count as usize).min(unit_count);
        let average = |lengths: &[u32]| {
            let sum: f64 = lengths.iter().map(|&l| f64::from(l)).sum();
            (sum / lengths.len().max(1) as f64).max(1.0) as f32
        };
        Ok(IndexReader {
            index,
            term_starts,
            posting_starts,
            avg_question_length: average(&index.unit_lengths[..questions]),
            avg_part_length: average(&index.unit_lengths[questions..]),
        })
    }

    fn term(&self, t: usize) -> &'i str {
        &self.index.terms[self.term_starts[t]..self.term_starts[t + 1]]
    }

    /// The term number of a stem.
    pub fn term_id(&self, stem: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.index.term_lengths.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.term(mid).cmp(stem) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The units holding term `t`, in order, with their term frequencies.
    pub fn postings(&self, t: usize) -> Vec<(u32, u32)> {
        let bytes = &self.index.postings[self.posting_starts[t]..self.posting_starts[t + 1]];
        let mut pos = 0;
        let count = read_varint(bytes, &mut pos).unwrap_or(0) as usize;
        let units = self.index.unit_lengths.len() as u64;
        let mut out = Vec::with_capacity(count.min(bytes.len()));
        let mut next = 0u64;
        for _ in 0..count {
            let Some(head) = read_varint(bytes, &mut pos) else {
                break;
            };
            let tf = if head & 1 == 1 {
                1
            } else {
                read_varint(bytes, &mut pos).unwrap_or(1)
            };
            let unit = next + u64::from(head >> 1);
            if unit >= units {
                break;
            }
            out.push((unit as u32, tf));
            next = unit + 1;
        }
        out
    }

    /// In how many units term `t` occurs.
    pub fn unit_count(&self, t: usize) -> usize {
        let bytes = &self.index.postings[self.posting_starts[t]..self.posting_starts[t + 1]];
        read_varint(bytes, &mut 0).unwrap_or(0) as usize
    }

    /// The units where word `second` directly follows word `first` (both stems), when that pair
    /// is indexed; `None` when it is not (then only scanning the texts can tell).
    pub fn pair_units(&self, first: &str, second: &str) -> Option<Vec<u32>> {
        let min = self.index.pair_min_units as usize;
        let common = |stem: &str| {
            self.term_id(stem)
                .is_some_and(|t| self.unit_count(t) >= min)
        };
        if min == 0 || !common(first) || !common(second) {
            return None;
        }
        let units = match self.term_id(&format!("{first} {second}")) {
            Some(t) => self.postings(t).into_iter().map(|(unit, _)| unit).collect(),
            None => Vec::new(),
        };
        Some(units)
    }

    /// The units containing every stem, with their BM25 score, in unit order. An empty list of
    /// stems matches nothing.
    pub fn search_all(&self, stems: &[String]) -> Vec<(u32, f32)> {
        let mut lists = Vec::with_capacity(stems.len());
        for stem in stems {
            match self.term_id(stem) {
                Some(t) => lists.push(self.postings(t)),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let units = self.index.unit_lengths.len() as f32;
        let mut hits: Vec<(u32, f32)> = first
            .iter()
            .map(|&(u, tf)| (u, self.bm25(u, tf, first.len(), units)))
            .collect();
        for list in rest {
            let mut kept = Vec::with_capacity(hits.len());
            let mut j = 0;
            for &(unit, score) in &hits {
                while j < list.len() && list[j].0 < unit {
                    j += 1;
                }
                if j < list.len() && list[j].0 == unit {
                    kept.push((unit, score + self.bm25(unit, list[j].1, list.len(), units)));
                }
            }
            hits = kept;
        }
        hits
    }

    fn bm25(&self, unit: u32, tf: u32, doc_freq: usize, units: f32) -> f32 {
        let n = doc_freq as f32;
        let idf = (1.0 + (units - n + 0.5) / (n + 0.5)).ln();
        let length = self
            .index
            .unit_lengths
            .get(unit as usize)
            .copied()
            .unwrap_or(0) as f32;
        let avg = if unit < self.index.question_count {
            self.avg_question_length
        } else {
            self.avg_part_length
        };
        let tf = tf as f32;
        idf * tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / avg))
    }
}

fn prefix_sums(lengths: &[u32], total: usize, what: &str) -> Result<Vec<usize>, String> {
    let mut starts = Vec::with_capacity(lengths.len() + 1);
    let mut at = 0usize;
    starts.push(0);
    for &l in lengths {
        at += l as usize;
        starts.push(at);
    }
    if at != total {
        return Err(format!(
            "de {what} van de zoekindex zijn beschadigd ({at} ≠ {total} bytes)"
        ));
    }
    Ok(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn postings_round_trip_with_gaps_and_frequencies() {
        let list = vec![(0, 1), (1, 3), (7, 1), (300, 2)];
        let mut index = SearchIndex {
            unit_lengths: vec![1; 301],
            terms: "a".into(),
            term_lengths: vec![1],
            ..SearchIndex::default()
        };
        encode_postings(&list, &mut index.postings);
        index.posting_lengths = vec![index.postings.len() as u32];
        let reader = IndexReader::new(&index, 301).expect("consistent index");
        assert_eq!(reader.postings(0), list);
        assert!(IndexReader::new(&index, 5).is_err());
    }
}
