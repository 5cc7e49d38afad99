//! Reading the inverted index: term lookup and prefixes, compounds, posting lists (whole or in chunks loaded later), AND search with BM25F.

use super::index::{PostingChunk, SearchIndex, BM25_B, BM25_K1};
use crate::hash::check_shipped;
use std::sync::OnceLock;

pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
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

/// A checked, ready-to-query view of a [`SearchIndex`]. When the index is split into chunks,
/// the reader starts without their bytes: [`IndexReader::missing_chunks`] tells which a search
/// needs and [`IndexReader::add_chunk`] takes them as they arrive.
///
/// It reads the index's own tables (term and list starts, compounds) where they lie: at archive
/// scale a copy of each would hold megabytes more for as long as the page is open.
#[derive(Debug, Clone)]
pub struct IndexReader<'i> {
    index: &'i SearchIndex,
    /// Per chunk: where its bytes start in the run of all posting lists
    /// ([`SearchIndex::posting_starts`]).
    chunk_starts: Vec<usize>,
    /// Per chunk: its bytes, once loaded.
    loaded: Vec<OnceLock<Box<[u8]>>>,
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
        if index.term_starts.len() != index.posting_starts.len() {
            return Err("de zoekindex heeft niet evenveel termen als postinglijsten".to_string());
        }
        check_starts(&index.term_starts, index.terms.len(), "termen")?;
        if index
            .term_starts
            .iter()
            .any(|&s| !index.terms.is_char_boundary(s as usize))
        {
            return Err("de termen van de zoekindex zijn beschadigd".to_string());
        }
        let total = if index.chunks.is_empty() {
            index.postings.len()
        } else if index.postings.is_empty() {
            index.chunks.iter().map(|c| c.length as usize).sum()
        } else {
            return Err("de zoekindex heeft zowel losse delen als postings".to_string());
        };
        check_starts(&index.posting_starts, total, "postings")?;
        let chunk_starts = chunk_starts(index)?;
        let questions = (index.question_count as usize).min(unit_count);
        let average = |lengths: &[u32]| {
            let sum: f64 = lengths.iter().map(|&l| f64::from(l)).sum();
            (sum / lengths.len().max(1) as f64).max(1.0) as f32
        };
        check_compounds(index)?;
        Ok(IndexReader {
            index,
            loaded: vec![OnceLock::new(); chunk_starts.len()],
            chunk_starts,
            avg_question_length: average(&index.unit_lengths[..questions]),
            avg_part_length: average(&index.unit_lengths[questions..]),
        })
    }

    /// The chunks of a split index (empty when the index holds all its postings).
    pub fn chunks(&self) -> &'i [PostingChunk] {
        &self.index.chunks
    }

    /// The chunk holding term `t`'s list, when the index is split.
    pub fn chunk_of(&self, t: usize) -> Option<usize> {
        let after = self
            .index
            .chunks
            .partition_point(|c| c.first_term as usize <= t);
        after.checked_sub(1)
    }

    /// True when chunk `c` is loaded (always true for an index that is not split).
    pub fn has_chunk(&self, c: usize) -> bool {
        self.loaded.get(c).is_none_or(|l| l.get().is_some())
    }

    /// The chunks, not loaded yet, holding the lists of these terms (stems or `stem stem` pairs);
    /// terms that are not in the index need no chunk.
    pub fn missing_chunks<'t>(&self, terms: impl IntoIterator<Item = &'t str>) -> Vec<usize> {
        let mut missing: Vec<usize> = terms
            .into_iter()
            .filter_map(|term| self.term_id(term))
            .filter_map(|t| self.chunk_of(t))
            .filter(|&c| !self.has_chunk(c))
            .collect();
        crate::order::sort_items(&mut missing, &|a, b| a.cmp(b));
        missing.dedup();
        missing
    }

    /// The chunks, not loaded yet, holding the lists of these term numbers.
    pub fn missing_chunks_of_terms(&self, terms: &[u32]) -> Vec<usize> {
        let mut missing: Vec<usize> = terms
            .iter()
            .filter_map(|&t| self.chunk_of(t as usize))
            .filter(|&c| !self.has_chunk(c))
            .collect();
        crate::order::sort_items(&mut missing, &|a, b| a.cmp(b));
        missing.dedup();
        missing
    }

    /// Takes the bytes of chunk `c` after checking their length and hash. `Ok(false)` when the
    /// chunk was loaded already.
    pub fn add_chunk(&self, c: usize, bytes: Vec<u8>) -> Result<bool, String> {
        let (Some(chunk), Some(slot)) = (self.index.chunks.get(c), self.loaded.get(c)) else {
            return Err(format!("de zoekindex heeft geen deel {c}"));
        };
        check_shipped(
            "zoekindexdeel",
            &bytes.as_slice(),
            chunk.length,
            &chunk.hash,
        )?;
        Ok(slot.set(bytes.into_boxed_slice()).is_ok())
    }

    /// Term `t`'s posting list bytes; empty when its chunk is not loaded.
    fn posting_bytes(&self, t: usize) -> &[u8] {
        let starts = &self.index.posting_starts;
        let (start, end) = (starts[t] as usize, starts[t + 1] as usize);
        let Some(c) = self.chunk_of(t) else {
            return &self.index.postings[start..end];
        };
        let base = self.chunk_starts[c];
        self.loaded[c]
            .get()
            .and_then(|bytes| bytes.get(start - base..end - base))
            .unwrap_or(&[])
    }

    /// The text of term `t` (a folded word, or two words for a pair).
    pub fn term(&self, t: usize) -> &'i str {
        self.index.term(t).unwrap_or_default()
    }

    /// Number of terms (words and pairs).
    pub fn term_count(&self) -> usize {
        self.index.term_count()
    }

    /// The terms starting with `prefix`, as a range of term numbers.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let n = self.term_count();
        let start = partition(n, |t| self.term(t) < prefix);
        let end = start + partition(n - start, |i| self.term(start + i).starts_with(prefix));
        start..end
    }

    /// Every compound word of the index: its term, and its parts as byte ranges of the word.
    pub fn compounds(&self) -> impl Iterator<Item = (u32, impl Iterator<Item = (u16, u16)> + 'i)> {
        let mut numbers = self.index.compounds.as_slice();
        let mut term = 0u32;
        // Checked when the reader was made: every compound is whole and its parts fit the word.
        std::iter::from_fn(move || {
            let (&[gap, count], rest) = numbers.split_first_chunk::<2>()?;
            let (parts, rest) = rest.split_at_checked(2 * count as usize)?;
            numbers = rest;
            term = term.wrapping_add(gap);
            let parts = parts.chunks_exact(2).map(|p| (p[0] as u16, p[1] as u16));
            Some((term, parts))
        })
    }

    /// The term number of a word (or of a `word word` pair).
    pub fn term_id(&self, stem: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.term_count());
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
        let bytes = self.posting_bytes(t);
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
        read_varint(self.posting_bytes(t), &mut 0).unwrap_or(0) as usize
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
        let units = match self.term_id(&[first, " ", second].concat()) {
            Some(t) => self.postings(t).into_iter().map(|(unit, _)| unit).collect(),
            None => Vec::new(),
        };
        Some(units)
    }

    /// The units matching every query word, with their BM25F score, in unit order. Each word is
    /// given as the terms that count for it, each with a weight (an exact word counts more than
    /// another form or a compound part); per unit the weighted term frequencies of a word's
    /// terms are summed, and the word's rarity is that of all its terms together. No words match
    /// nothing.
    pub fn search_words(&self, words: &[Vec<(usize, f32)>]) -> Vec<(u32, f32)> {
        let lists: Vec<Vec<(u32, f32)>> = words.iter().map(|w| self.word_units(w)).collect();
        // The shortest list first: the others are only probed for its units.
        let Some(shortest) = (0..lists.len()).min_by_key(|&i| lists[i].len()) else {
            return Vec::new();
        };
        let first = &lists[shortest];
        let rest = lists
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != shortest)
            .map(|(_, l)| l);
        let units = self.index.unit_lengths.len() as f32;
        let idf = |list: &[(u32, f32)]| {
            let n = list.len() as f32;
            (1.0 + (units - n + 0.5) / (n + 0.5)).ln()
        };
        let first_idf = idf(first);
        let mut hits: Vec<(u32, f32)> = first
            .iter()
            .map(|&(u, tf)| (u, self.bm25(u, tf, first_idf)))
            .collect();
        for list in rest {
            let list_idf = idf(list);
            let mut kept = Vec::with_capacity(hits.len().min(list.len()));
            let mut j = 0;
            for &(unit, score) in &hits {
                while j < list.len() && list[j].0 < unit {
                    j += 1;
                }
                if j < list.len() && list[j].0 == unit {
                    kept.push((unit, score + self.bm25(unit, list[j].1, list_idf)));
                }
            }
            hits = kept;
        }
        hits
    }

    /// The units holding any of `terms`, in order, each with its summed weighted frequency.
    pub fn word_units(&self, terms: &[(usize, f32)]) -> Vec<(u32, f32)> {
        if let [(t, weight)] = terms {
            return self
                .postings(*t)
                .into_iter()
                .map(|(u, tf)| (u, weight * tf as f32))
                .collect();
        }
        // Summed in place per unit, then read in unit order (no sort).
        let mut sums = vec![0f32; self.index.unit_lengths.len()];
        for &(t, weight) in terms {
            for (u, tf) in self.postings(t) {
                sums[u as usize] += weight * tf as f32;
            }
        }
        sums.into_iter()
            .enumerate()
            .filter(|&(_, tf)| tf > 0.0)
            .map(|(u, tf)| (u as u32, tf))
            .collect()
    }

    fn bm25(&self, unit: u32, tf: f32, idf: f32) -> f32 {
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
        idf * tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / avg))
    }
}

/// The first index in `0..n` where `before` is false (`before` is true, then false).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Checks the compound table: each compound is a term, its parts lie inside the word.
fn check_compounds(index: &SearchIndex) -> Result<(), String> {
    let bad = || "de samenstellingen in de zoekindex zijn beschadigd".to_string();
    let mut numbers = index.compounds.iter().copied();
    let mut term = 0u32;
    while let Some(gap) = numbers.next() {
        term = term.checked_add(gap).ok_or_else(bad)?;
        let word = index.term(term as usize).ok_or_else(bad)?;
        let count = numbers.next().ok_or_else(bad)?;
        for _ in 0..count {
            let (start, end) = (
                numbers.next().ok_or_else(bad)?,
                numbers.next().ok_or_else(bad)?,
            );
            let fits = start < end
                && end as usize <= word.len()
                && word.is_char_boundary(start as usize)
                && word.is_char_boundary(end as usize);
            if !fits || end > u32::from(u16::MAX) {
                return Err(bad());
            }
        }
    }
    Ok(())
}

/// Where each chunk starts, after checking that the chunks cover the terms in order and that each
/// chunk's length is the sum of its terms' lists.
fn chunk_starts(index: &SearchIndex) -> Result<Vec<usize>, String> {
    let terms = index.term_count();
    let posting_starts = &index.posting_starts;
    let mut starts = Vec::with_capacity(index.chunks.len());
    for (c, chunk) in index.chunks.iter().enumerate() {
        let first = chunk.first_term as usize;
        let end = index
            .chunks
            .get(c + 1)
            .map_or(terms, |next| next.first_term as usize);
        let in_order = if c == 0 { first == 0 } else { first > 0 };
        if !in_order || first >= end || end > terms {
            return Err(format!(
                "zoekindexdeel {c} begint bij een onmogelijke term ({first})"
            ));
        }
        let length = posting_starts[end] - posting_starts[first];
        if length != chunk.length {
            return Err(format!(
                "zoekindexdeel {c} hoort {length} bytes te hebben, niet {}",
                chunk.length
            ));
        }
        starts.push(posting_starts[first] as usize);
    }
    Ok(starts)
}

/// Checks a table of starts: none at all (no items), or from 0, never going back, to `total`.
fn check_starts(starts: &[u32], total: usize, what: &str) -> Result<(), String> {
    let end = starts.last().map_or(0, |&e| e as usize);
    let ordered = starts.first().is_none_or(|&s| s == 0) && starts.is_sorted();
    if !ordered || end != total {
        return Err(format!(
            "de {what} van de zoekindex zijn beschadigd ({end} ≠ {total} bytes)"
        ));
    }
    Ok(())
}
