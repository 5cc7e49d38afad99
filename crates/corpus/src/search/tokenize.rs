//! Words out of Dutch text: lowercased, diacritics folded (geïndexeerd = geindexeerd).

/// Longest word (in bytes, after folding) that is indexed whole; longer words are cut to this length
/// both when indexing and when searching, so they still match each other.
pub const MAX_WORD_BYTES: usize = 48;

/// A word in a text: its byte range in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
}

/// True for characters that belong to a word: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The byte ranges of the words of `text`, in order.
pub fn word_spans(text: &str) -> impl Iterator<Item = WordSpan> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(WordSpan { start, end })
    })
}

/// One word lowercased and without diacritics (`Geïndexeerd` → `geindexeerd`): [`crate::fold::fold`]
/// cut to [`MAX_WORD_BYTES`].
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_word_into(word, &mut out);
    out
}

/// [`fold_word`] into a reused buffer (cleared first).
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    crate::fold::fold_into(word, out, MAX_WORD_BYTES);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_spans(text).map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn words_split_on_punctuation_and_keep_diacritics() {
        assert_eq!(
            words("Geïndexeerd, of niet? GL-PvdA (2025)"),
            ["Geïndexeerd", "of", "niet", "GL", "PvdA", "2025"]
        );
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("  ...  "), Vec::<&str>::new());
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold_word("Geïndexeerd"), "geindexeerd");
        assert_eq!(fold_word("ÉÉN"), "een");
        assert_eq!(fold_word("e\u{0308}"), "e");
        assert_eq!(fold_word("Ĳsselmeer"), "ijsselmeer");
    }

    #[test]
    fn long_words_are_cut_on_a_character_boundary() {
        let long = "ë".repeat(100);
        let folded = fold_word(&long);
        assert!(folded.len() <= MAX_WORD_BYTES);
        let long = "€".repeat(100);
        assert!(fold_word(&long).len() <= MAX_WORD_BYTES);
    }
}
