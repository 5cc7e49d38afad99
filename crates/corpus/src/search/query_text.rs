//! Reading a search text: words that must all occur, "quoted phrases", -excluded words, and the word still being typed.

use super::phrase::MAX_PHRASE_WORDS;
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
    /// Words after a `-` (`-opvang`).
    pub excluded: Vec<String>,
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
                    if !out.excluded.contains(&word) {
                        out.excluded.push(word);
                    }
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

    fn add_word(&mut self, word: QueryWord) {
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
        match (words.len(), excluded) {
            (0, _) => {}
            (1, true) => self.excluded.extend(words),
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

fn folded_words(text: &str) -> Vec<String> {
    word_spans(text)
        .map(|s| fold_word(&text[s.start..s.end]))
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
        assert_eq!(t.excluded, ["opvang"]);
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
    fn a_quoted_single_word_is_exact_and_blank_texts_ask_nothing() {
        let t = SearchText::parse("\"Asiel\"");
        assert_eq!(words(&t), ["asiel"]);
        assert!(t.words[0].exact);
        assert!(SearchText::parse(" ,.; \"\" - ").is_blank());
        assert!(SearchText::parse("-asiel").is_empty());
    }
}
