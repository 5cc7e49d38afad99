//! The corpus's own vocabulary for the glued-word repair: how often each word and each pair of words occurs, and which strings end longer words.

use crate::hash::{fnv1a_backwards, fnv1a_of_ends, fnv1a_of_parts, FastMap, FastSet};
use crate::text::fold;

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
    pairs: FastMap<u64, u32>,
}

/// Counts the words of `text` in `counts`, and gives `pair` each two words written with one space
/// and no punctuation between them, the second in lowercase: not names ("Quantum Computing Act",
/// "Buitenlandse Zaken").
fn count_words(text: &str, counts: &mut FastMap<String, u32>, pair: &mut dyn FnMut(&str, &str)) {
    // The word that ended the previous token, if no punctuation followed it.
    let mut previous: Option<String> = None;
    for token in text.split(' ') {
        let mut runs = letter_runs(token).peekable();
        let starts_with_letter = token.starts_with(char::is_alphabetic);
        let mut last = None;
        let mut first = true;
        let mut first_only = false;
        while let Some(run) = runs.next() {
            let folded = fold(run);
            if first
                && starts_with_letter
                && runs.peek().is_none()
                && run.chars().all(char::is_lowercase)
            {
                if let Some(a) = &previous {
                    pair(a, &folded);
                }
            }
            first_only = first && runs.peek().is_none();
            first = false;
            match counts.get_mut(folded.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(folded.clone(), 1);
                }
            }
            last = Some((run, folded));
        }
        // Only a token of one word, with no punctuation after it, is a pair's first word.
        previous =
            last.and_then(|(run, folded)| (first_only && token.ends_with(run)).then_some(folded));
    }
}

/// The key of two folded words side by side in [`Vocabulary::pairs`].
fn pair_key(a: &str, b: &str) -> u64 {
    fnv1a_of_parts(&[a.as_bytes(), b" ", b.as_bytes()])
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
        let mut pairs: FastMap<u64, u32> = FastMap::default();
        let mut seen: FastSet<&str> = Default::default();
        for text in texts {
            for paragraph in text.split("\n\n") {
                if seen.insert(paragraph.trim()) {
                    count_words(paragraph, &mut counts, &mut |a, b| {
                        *pairs.entry(pair_key(a, b)).or_default() += 1;
                    });
                }
            }
        }
        let mut in_titles: FastMap<String, u32> = FastMap::default();
        for title in titles {
            if seen.insert(title.trim()) {
                count_words(title, &mut in_titles, &mut |a, b| {
                    *pairs.entry(pair_key(a, b)).or_default() += 1;
                });
            }
        }
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
        let mut delta: FastMap<String, u32> = FastMap::default();
        count_words(old, &mut delta, &mut |a, b| {
            if let Some(n) = self.pairs.get_mut(&pair_key(a, b)) {
                *n = n.saturating_sub(1);
            }
        });
        let gone = std::mem::take(&mut delta);
        count_words(new, &mut delta, &mut |a, b| {
            *self.pairs.entry(pair_key(a, b)).or_default() += 1;
            changed.insert(format!("{a}{b}"));
        });
        let words: FastSet<&String> = gone.keys().chain(delta.keys()).collect();
        for word in words {
            let (less, more) = (gone.get(word).copied(), delta.get(word).copied());
            if less == more {
                continue;
            }
            let before = self.counts.get(word.as_str()).copied().unwrap_or(0);
            let after = (before + more.unwrap_or(0)).saturating_sub(less.unwrap_or(0));
            self.counts.insert(word.clone(), after);
            // The endings of words that occur twice or more.
            if (before >= 2) != (after >= 2) {
                fnv1a_of_ends(word, |h| {
                    let n = self.ends.entry(h).or_default();
                    *n = if after >= 2 {
                        *n + 1
                    } else {
                        n.saturating_sub(1)
                    };
                });
                // A word whose endings end a known word or no longer do ("toelichten" of
                // "antwoordtoelichten" for "entoelichten").
                let endings = word.char_indices().skip(1).map(|(at, _)| &word[at..]);
                for ending in endings.filter(|e| e.chars().count() >= 4) {
                    changed.insert(ending.to_string());
                }
                changed.insert(word.clone());
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
        self.pairs.get(&pair_key(a, b)).copied().unwrap_or(0)
    }
}

/// The runs of letters in a text (digits and punctuation separate them).
pub(super) fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}
