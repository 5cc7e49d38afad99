//! Reading a search text: words that must all occur, "quoted phrases", -excluded words, and the word still being typed.

use super::phrase::MAX_PHRASE_WORDS;

/// A search text is read up to this many words, phrases and exclusions (together); the rest is
/// left out, so that a pasted page of text cannot stall the page.
pub const MAX_SEARCH_ITEMS: usize = 32;
use super::tokenize::{fold_word, is_word_char, word_spans};

/// One word of a search text, folded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QueryWord {
    pub folded: String,
    /// Quoted on its own (`"asiel"`): only this very word, no other forms or compounds.
    pub exact: bool,
}

/// What a search text asks for. Every word and phrase must occur (AND); no excluded word or
/// phrase may.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SearchText {
    /// Words outside quotes (and one-word quotes), without duplicates, in order.
    pub words: Vec<QueryWord>,
    /// The last of `words` is still being typed: nothing follows it, not even a space.
    pub typing_last: bool,
    /// Quoted phrases of two or more words, folded.
    pub phrases: Vec<Vec<String>>,
    /// Words after a `-` (`-opvang`; `-"wet"` excludes only that very word).
    pub excluded: Vec<QueryWord>,
    /// Phrases after a `-` (`-"eerste kamer"`).
    pub excluded_phrases: Vec<Vec<String>>,
}

impl SearchText {
    /// Reads a search text. `"…"` (also `„…”` and `“…”`) quote a phrase and an unclosed quote
    /// runs to the end; `-` before a word or quote excludes it. Case, diacritics and other
    /// punctuation do not matter.
    pub fn parse(text: &str) -> SearchText {
        let mut out = SearchText::default();
        let mut rest = text;
        let mut at_token_start = true;
        while let Some(c) = rest.chars().next() {
            let minus = c == '-' && at_token_start;
            let after_minus = if minus { &rest[1..] } else { rest };
            if let Some(quoted) = after_minus.strip_prefix(is_quote) {
                let end = quoted.find(is_quote).unwrap_or(quoted.len());
                let words = folded_words(&quoted[..end]);
                out.add_quoted(words, minus);
                rest = quoted[end..].strip_prefix(is_quote).unwrap_or("");
                at_token_start = true;
                continue;
            }
            if minus {
                let end = after_minus
                    .find(|c: char| c.is_whitespace() || is_quote(c))
                    .unwrap_or(after_minus.len());
                for word in folded_words(&after_minus[..end]) {
                    out.add_excluded(QueryWord {
                        folded: word,
                        exact: false,
                    });
                }
                rest = &after_minus[end..];
                at_token_start = false;
                continue;
            }
            if c.is_whitespace() {
                at_token_start = true;
                rest = &rest[c.len_utf8()..];
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || is_quote(c))
                .unwrap_or(rest.len());
            for word in folded_words(&rest[..end]) {
                out.add_word(QueryWord {
                    folded: word,
                    exact: false,
                });
            }
            rest = &rest[end..];
            at_token_start = false;
        }
        let last_is_loose_word =
            text.chars().last().is_some_and(is_word_char) && !ends_inside_quote_or_exclusion(text);
        out.typing_last = last_is_loose_word && out.words.last().is_some_and(|w| !w.exact);
        out
    }

    /// Words, phrases and exclusions counted together, against [`MAX_SEARCH_ITEMS`].
    fn items(&self) -> usize {
        self.words.len() + self.phrases.len() + self.excluded.len() + self.excluded_phrases.len()
    }

    fn add_excluded(&mut self, word: QueryWord) {
        let room = self.items() < MAX_SEARCH_ITEMS;
        match self.excluded.iter_mut().find(|w| w.folded == word.folded) {
            Some(w) => w.exact &= word.exact,
            None if room => self.excluded.push(word),
            None => {}
        }
    }

    fn add_word(&mut self, word: QueryWord) {
        if self.items() >= MAX_SEARCH_ITEMS && !self.words.iter().any(|w| w.folded == word.folded) {
            return;
        }
        if let Some(i) = self.words.iter().position(|w| w.folded == word.folded) {
            // A word typed twice is one requirement; it is being typed only if last.
            let w = self.words.remove(i);
            self.words.push(QueryWord {
                exact: w.exact && word.exact,
                ..word
            });
        } else {
            self.words.push(word);
        }
    }

    fn add_quoted(&mut self, mut words: Vec<String>, excluded: bool) {
        words.truncate(MAX_PHRASE_WORDS);
        if words.len() > 1 && self.items() >= MAX_SEARCH_ITEMS {
            return;
        }
        match (words.len(), excluded) {
            (0, _) => {}
            (1, true) => self.add_excluded(QueryWord {
                folded: words.remove(0),
                exact: true,
            }),
            (1, false) => self.add_word(QueryWord {
                folded: words.remove(0),
                exact: true,
            }),
            (_, true) => self.excluded_phrases.push(words),
            (_, false) => {
                if !self.phrases.contains(&words) {
                    self.phrases.push(words);
                }
            }
        }
    }

    /// True when the text asks for nothing to occur (only exclusions, or nothing at all).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// True when the text has no words at all, not even excluded ones.
    pub fn is_blank(&self) -> bool {
        self.is_empty() && self.excluded.is_empty() && self.excluded_phrases.is_empty()
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '”' | '“')
}

/// The folded words of `text`; a word that folds to nothing (a lone combining mark) is none.
fn folded_words(text: &str) -> Vec<String> {
    word_spans(text)
        .map(|s| fold_word(&text[s.start..s.end]))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when the text ends inside an open quote or inside a `-word`.
fn ends_inside_quote_or_exclusion(text: &str) -> bool {
    let quotes = text.chars().filter(|&c| is_quote(c)).count();
    if quotes % 2 == 1 {
        return true;
    }
    let last_token = text.rsplit(char::is_whitespace).next().unwrap_or("");
    last_token.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &SearchText) -> Vec<&str> {
        t.words.iter().map(|w| w.folded.as_str()).collect()
    }

    #[test]
    fn words_phrases_and_exclusions_are_told_apart() {
        let t = SearchText::parse(r#"Asiel "Minister van" -opvang -"eerste kamer" GL-PvdA"#);
        assert_eq!(words(&t), ["asiel", "gl", "pvda"]);
        assert_eq!(t.phrases, [vec!["minister", "van"]]);
        assert_eq!(
            t.excluded,
            [QueryWord {
                folded: "opvang".into(),
                exact: false
            }]
        );
        assert_eq!(t.excluded_phrases, [vec!["eerste", "kamer"]]);
        assert!(t.typing_last);
    }

    #[test]
    fn the_last_word_is_being_typed_until_something_follows_it() {
        assert!(SearchText::parse("asie").typing_last);
        assert!(!SearchText::parse("asiel ").typing_last);
        assert!(!SearchText::parse("asiel,").typing_last);
        assert!(!SearchText::parse("\"asiel").typing_last);
        assert!(!SearchText::parse("asiel -opva").typing_last);
        assert!(!SearchText::parse("\"asiel\"").typing_last);
    }

    #[test]
    fn an_excluded_quoted_word_is_exact_too() {
        let t = SearchText::parse("politie -\"wet\" -opvang");
        let excluded: Vec<(&str, bool)> = t
            .excluded
            .iter()
            .map(|w| (w.folded.as_str(), w.exact))
            .collect();
        assert_eq!(excluded, [("wet", true), ("opvang", false)]);
    }

    #[test]
    fn a_lone_combining_mark_is_no_word() {
        // U+0301 on its own folds to nothing; it must not become an empty word that every
        // term begins with.
        assert!(SearchText::parse("\u{301}").is_blank());
        assert_eq!(words(&SearchText::parse("asiel \u{301}")), ["asiel"]);
    }

    #[test]
    fn a_pasted_wall_of_text_is_read_up_to_the_limit() {
        let wall: String = (0..500)
            .map(|i| format!("woord{i} \"a{i} b{i}\" "))
            .collect();
        let t = SearchText::parse(&wall);
        assert_eq!(t.words.len() + t.phrases.len(), MAX_SEARCH_ITEMS);
        assert_eq!(t.words[0].folded, "woord0");
    }

    #[test]
    fn a_quoted_single_word_is_exact_and_blank_texts_ask_nothing() {
        let t = SearchText::parse("\"Asiel\"");
        assert_eq!(words(&t), ["asiel"]);
        assert!(t.words[0].exact);
        assert!(SearchText::parse(" ,.; \"\" - ").is_blank());
        assert!(SearchText::parse("-asiel").is_empty());
    }
}
