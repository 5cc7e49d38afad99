//! The corpus's own vocabulary for the glued-word repair: how often each word and each pair of words occurs, and which strings end longer words.

use crate::fold::{fold, fold_into};
use crate::hash::{
    fnv1a_backwards, fnv1a_continued, fnv1a_of_ends, fnv1a_of_parts, FastMap, FastSet,
};
use crate::text_scan::split_spaces;
use crate::word_key::WordKey;

/// How often each word (folded, letters only) occurs in the corpus, which strings end longer
/// words, and how often two words stand side by side.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    pub(super) counts: FastMap<String, u32>,
    /// How often each word occurs in document titles: evidence that a word exists, never that a
    /// glued token is a word (titles repeat in the documents of one set).
    in_titles: FastMap<String, u32>,
    /// Per ending (by [`fnv1a_of_ends`]), how many words that occur twice or more end with it.
    ends: FastMap<u64, u32>,
    /// Per pair of words written with one space and no punctuation between them, the second in
    /// lowercase ("jonge mannen,", "(Komende jaren"), folded and keyed by [`pair_key`]: how often.
    pairs: PairCounts,
}

/// How often each pair of words occurs, by [`pair_key`]: the pairs of the corpus as read as sorted
/// keys (a corpus has millions of them, and a map of them missed the cache on nearly every word),
/// and pairs a repair first wrote in a small map beside them.
#[derive(Debug, Default, Clone)]
struct PairCounts {
    sorted: Vec<(u64, u32)>,
    added: FastMap<u64, u32>,
}

/// Keys gathered before they are sorted into [`PairCounts::sorted`]: some 32 MB.
const PAIR_KEYS_AT_ONCE: usize = 1 << 22;

impl PairCounts {
    /// Sorts `keys` and adds them to the sorted pairs; `keys` is left empty.
    /// Only while the vocabulary is counted: after that, pairs a repair writes go to `added`, and a
    /// key is in one of the two, never both.
    fn add_keys(&mut self, keys: &mut Vec<u64>) {
        if keys.is_empty() {
            return;
        }
        crate::order::radix_sort(keys);
        let mut merged: Vec<(u64, u32)> = Vec::with_capacity(self.sorted.len() + keys.len() / 2);
        let mut old = self.sorted.iter().copied().peekable();
        let mut new = keys.iter().copied().peekable();
        while let Some(&key) = new.peek() {
            let mut n = 0;
            while new.next_if_eq(&key).is_some() {
                n += 1;
            }
            while let Some(before) = old.next_if(|&(k, _)| k < key) {
                merged.push(before);
            }
            let had = old.next_if(|&(k, _)| k == key).map_or(0, |(_, n)| n);
            merged.push((key, had + n));
        }
        merged.extend(old);
        self.sorted = merged;
        keys.clear();
    }

    fn get(&self, key: u64) -> u32 {
        match self.sorted.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(at) => self.sorted[at].1,
            Err(_) => self.added.get(&key).copied().unwrap_or(0),
        }
    }

    fn get_mut(&mut self, key: u64) -> &mut u32 {
        match self.sorted.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(at) => &mut self.sorted[at].1,
            Err(_) => self.added.entry(key).or_default(),
        }
    }
}

/// Counts the words of `text` in `counts`, and gives `pair` each two words written with one space
/// and no punctuation between them, the second in lowercase: not names ("Quantum Computing Act",
/// "Buitenlandse Zaken").
fn count_words(text: &str, counts: &mut FastMap<String, u32>, pair: &mut dyn FnMut(&str, &str)) {
    // The word that ended the previous token, if no punctuation followed it.
    let mut previous = String::new();
    let mut has_previous = false;
    let mut folded = String::new();
    for token in split_spaces(text) {
        let mut runs = letter_runs(token).peekable();
        let starts_with_letter = token.starts_with(char::is_alphabetic);
        let mut first = true;
        let mut ends_pair = false;
        while let Some(run) = runs.next() {
            folded.clear();
            fold_into(run, &mut folded, usize::MAX);
            let only = first && runs.peek().is_none();
            if only && has_previous && starts_with_letter && run.chars().all(char::is_lowercase) {
                pair(&previous, &folded);
            }
            match counts.get_mut(folded.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(folded.clone(), 1);
                }
            }
            // Only a token of one word, with no punctuation after it, is a pair's first word.
            ends_pair = only && token.ends_with(run);
            first = false;
        }
        has_previous = ends_pair;
        if ends_pair {
            std::mem::swap(&mut previous, &mut folded);
        }
    }
}

/// The key of two folded words side by side in [`Vocabulary::pairs`].
fn pair_key(a: &str, b: &str) -> u64 {
    fnv1a_of_parts(&[a.as_bytes(), b" ", b.as_bytes()])
}

/// What [`count_words`] makes of one space-separated token, worked out once per distinct token:
/// a corpus repeats its tokens.
struct TokenWords {
    /// Its letter runs, folded.
    runs: Vec<String>,
    /// A pair's second word: one run, starting the token, in lowercase.
    second: bool,
    /// A pair's first word (one run, ending the token): the start of [`pair_key`] with it.
    first: Option<u64>,
    /// How often the token occurs.
    n: u32,
}

impl TokenWords {
    fn of(token: &str) -> TokenWords {
        let raw: Vec<&str> = letter_runs(token).collect();
        let only = raw.len() == 1;
        let runs: Vec<String> = raw.iter().map(|run| fold(run)).collect();
        let second = only
            && token.starts_with(char::is_alphabetic)
            && raw[0].chars().all(char::is_lowercase);
        let first =
            (only && token.ends_with(raw[0])).then(|| fnv1a_of_parts(&[runs[0].as_bytes(), b" "]));
        TokenWords {
            runs,
            second,
            first,
            n: 0,
        }
    }
}

/// [`count_words`] over many paragraphs, each distinct token read once: the words' counts go to
/// `counts` when [`TokenCounts::finish`] is called, the pairs' keys to `pair` as they are met.
#[derive(Default)]
struct TokenCounts {
    ids: FastMap<WordKey, u32>,
    tokens: Vec<TokenWords>,
}

impl TokenCounts {
    fn count(&mut self, paragraph: &str, pair: &mut dyn FnMut(u64)) {
        let mut previous: Option<u64> = None;
        for token in split_spaces(paragraph) {
            let id = match self.ids.get(token.as_bytes()) {
                Some(&id) => id as usize,
                None => {
                    self.ids
                        .insert(WordKey::from(token), self.tokens.len() as u32);
                    self.tokens.push(TokenWords::of(token));
                    self.tokens.len() - 1
                }
            };
            let words = &mut self.tokens[id];
            words.n += 1;
            if let (Some(first), true) = (previous, words.second) {
                pair(fnv1a_continued(first, &[words.runs[0].as_bytes()]));
            }
            previous = words.first;
        }
    }

    fn finish(self, counts: &mut FastMap<String, u32>) {
        // Fewer distinct words than distinct tokens, mostly ("minister," and "minister").
        counts.reserve(self.tokens.len());
        for words in self.tokens {
            for run in words.runs {
                *counts.entry(run).or_default() += words.n;
            }
        }
    }
}

impl Vocabulary {
    /// The vocabulary of these running texts, with the words and pairs of words of `titles` as
    /// evidence of what is written apart. A paragraph that occurs more than once (a question
    /// repeated in its answer letter) counts once, so that a glued word in it still occurs once.
    pub fn of<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        titles: impl IntoIterator<Item = &'a str>,
    ) -> Vocabulary {
        let mut counts: FastMap<String, u32> = FastMap::default();
        let mut pairs = PairCounts::default();
        let mut keys: Vec<u64> = Vec::new();
        let mut seen: FastSet<&str> = Default::default();
        let mut tokens = TokenCounts::default();
        for text in texts {
            for paragraph in text.split("\n\n") {
                if seen.insert(paragraph.trim()) {
                    tokens.count(paragraph, &mut |key| keys.push(key));
                    if keys.len() >= PAIR_KEYS_AT_ONCE {
                        pairs.add_keys(&mut keys);
                    }
                }
            }
        }
        tokens.finish(&mut counts);
        let mut in_titles: FastMap<String, u32> = FastMap::default();
        for title in titles {
            if seen.insert(title.trim()) {
                count_words(title, &mut in_titles, &mut |a, b| keys.push(pair_key(a, b)));
            }
        }
        pairs.add_keys(&mut keys);
        let mut ends: FastMap<u64, u32> = FastMap::default();
        for (word, &n) in &counts {
            if n >= 2 {
                fnv1a_of_ends(word, |h| *ends.entry(h).or_default() += 1);
            }
        }
        Vocabulary {
            counts,
            in_titles,
            ends,
            pairs,
        }
    }

    /// Counts a stretch of text as repaired: the words and pairs of `old` less often, those of
    /// `new` more often (the stretch a token stood in, with its neighbours). Adds to `changed` the
    /// words that now occur twice or more, or no longer do, with their endings, and the new pairs
    /// of words, joined.
    pub fn recount(&mut self, old: &str, new: &str, changed: &mut FastSet<String>) {
        // Pairs: what the stretch lost and gained, the neighbours' pairs cancelling out.
        let mut pair_delta: FastMap<u64, (i64, String)> = FastMap::default();
        let mut gone: FastMap<String, u32> = FastMap::default();
        count_words(old, &mut gone, &mut |a, b| {
            pair_delta.entry(pair_key(a, b)).or_default().0 -= 1;
        });
        let mut came: FastMap<String, u32> = FastMap::default();
        count_words(new, &mut came, &mut |a, b| {
            let entry = pair_delta
                .entry(pair_key(a, b))
                .or_insert_with(|| (0, format!("{a}{b}")));
            entry.0 += 1;
            if entry.1.is_empty() {
                entry.1 = format!("{a}{b}");
            }
        });
        for (key, (delta, joined)) in pair_delta {
            let n = self.pairs.get_mut(key);
            *n = n.saturating_add_signed(delta as i32);
            if delta > 0 {
                changed.insert(joined);
            }
        }
        let words: FastSet<&String> = gone.keys().chain(came.keys()).collect();
        // Per ending, how many more (or fewer) words that occur twice or more end with it: summed
        // over the stretch before an ending is judged, so that one word rising to twice and another
        // falling below it leave their shared ending as it was, in whatever order they are met.
        let mut ends_delta: FastMap<u64, (i32, &str)> = FastMap::default();
        for word in words {
            let (less, more) = (gone.get(word).copied(), came.get(word).copied());
            if less == more {
                continue;
            }
            let before = self.counts.get(word.as_str()).copied().unwrap_or(0);
            let after = (before + more.unwrap_or(0)).saturating_sub(less.unwrap_or(0));
            self.counts.insert(word.clone(), after);
            if (before >= 2) == (after >= 2) {
                continue;
            }
            changed.insert(word.clone());
            // The endings of words that occur twice or more: an ending that now ends one, or no
            // longer ends any ("toelichten" once "antwoordtoelichten" is split, for
            // "entoelichten"), changes how tokens ending with it are judged.
            for (at, _) in word.char_indices().skip(1) {
                let ending = &word[at..];
                let delta = &mut ends_delta
                    .entry(fnv1a_backwards(ending))
                    .or_insert((0, ending))
                    .0;
                *delta += if after >= 2 { 1 } else { -1 };
            }
        }
        for (key, (delta, ending)) in ends_delta {
            let n = self.ends.entry(key).or_default();
            let was = *n;
            *n = n.saturating_add_signed(delta);
            if (was == 0) != (*n == 0) && ending.chars().count() >= 3 {
                changed.insert(ending.to_string());
            }
        }
    }

    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(&fold(word)).copied().unwrap_or(0)
    }

    pub(super) fn known(&self, folded: &str, at_least: u32) -> bool {
        let in_titles = self.in_titles.get(folded).copied().unwrap_or(0);
        self.counts.get(folded).copied().unwrap_or(0) + in_titles >= at_least
    }

    /// Whether a word that occurs twice or more is longer than `folded` and ends with it.
    pub(super) fn ends_words(&self, folded: &str) -> bool {
        self.ends
            .get(&fnv1a_backwards(folded))
            .is_some_and(|&n| n > 0)
    }

    /// How often the folded words `a` and `b` stand side by side, one space apart.
    pub(super) fn pair_count(&self, a: &str, b: &str) -> u32 {
        self.pairs.get(pair_key(a, b))
    }
}

/// The runs of letters in a text (digits and punctuation separate them).
pub(super) fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_read_once_count_every_word_and_pair_where_they_occur() {
        let mut tokens = TokenCounts::default();
        let mut keys = Vec::new();
        tokens.count("de minister zei: de minister, de Minister", &mut |k| {
            keys.push(k)
        });
        let mut counts = FastMap::default();
        tokens.finish(&mut counts);
        let count = |w: &str| counts.get(w).copied();
        assert_eq!(
            (count("de"), count("minister"), count("zei"), counts.len()),
            (Some(3), Some(3), Some(1), 3)
        );
        // "zei:" ends with punctuation and "Minister" has a capital: neither pairs on that side.
        keys.sort_unstable();
        let mut expected = vec![
            pair_key("de", "minister"),
            pair_key("de", "minister"),
            pair_key("minister", "zei"),
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn pairs_gathered_in_batches_count_as_if_gathered_at_once() {
        let mut pairs = PairCounts::default();
        pairs.add_keys(&mut vec![5, 3, 5, 9]);
        pairs.add_keys(&mut vec![3, 7, 3, u64::MAX]);
        assert_eq!(
            [3, 5, 7, 9, u64::MAX, 1].map(|k| pairs.get(k)),
            [3, 2, 1, 1, 1, 0]
        );
        // A repair's recount: a pair first written, and one less often.
        *pairs.get_mut(1) += 2;
        *pairs.get_mut(5) -= 1;
        assert_eq!((pairs.get(1), pairs.get(5), pairs.get(3)), (2, 1, 3));
    }
}
