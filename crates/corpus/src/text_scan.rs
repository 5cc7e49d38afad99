//! Scanning text without copying it: the pieces between spaces, and prefixes compared in lowercase.

/// The pieces of `s` between single spaces, exactly as `s.split(' ')` gives them (empty pieces
/// included), found byte by byte: the parser's passes split millions of words this way.
pub fn split_spaces(s: &str) -> SpaceSplit<'_> {
    SpaceSplit { rest: Some(s) }
}

/// The iterator [`split_spaces`] returns.
pub struct SpaceSplit<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for SpaceSplit<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let r = self.rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(i) => {
                self.rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                self.rest = None;
                Some(r)
            }
        }
    }
}

/// Whether `s` in lowercase starts with `prefix` (itself in lowercase), as
/// `s.to_lowercase().starts_with(prefix)` says, without lowercasing the rest of `s`. Each character
/// is lowercased on its own, so a prefix with a Greek sigma may differ (`str::to_lowercase` writes
/// a capital sigma at a word's end as "ς"); the parser's prefixes are Dutch.
pub fn starts_with_lowercase(s: &str, prefix: &str) -> bool {
    // ASCII a byte at a time (an ASCII letter lowercases to one ASCII letter); from the first
    // other character on, character by character.
    let (bytes, wanted) = (s.as_bytes(), prefix.as_bytes());
    let mut i = 0;
    while i < wanted.len() && i < bytes.len() && bytes[i].is_ascii() && wanted[i].is_ascii() {
        if bytes[i].to_ascii_lowercase() != wanted[i] {
            return false;
        }
        i += 1;
    }
    if i == wanted.len() {
        return true;
    }
    let mut wanted = prefix[i..].chars();
    for lower in s[i..].chars().flat_map(char::to_lowercase) {
        match wanted.next() {
            None => return true,
            Some(w) if w == lower => {}
            Some(_) => return false,
        }
    }
    wanted.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_between_spaces_are_those_of_split_including_empty_ones() {
        for s in [
            "",
            " ",
            "a",
            "de  minister ",
            " één  twee",
            "Financiën zei: ja",
        ] {
            let expected: Vec<&str> = s.split(' ').collect();
            assert_eq!(split_spaces(s).collect::<Vec<_>>(), expected, "{s:?}");
        }
        assert_eq!(split_spaces("  ab").collect::<Vec<_>>(), vec!["", "", "ab"]);
    }

    #[test]
    fn a_prefix_is_compared_with_the_text_in_lowercase() {
        assert!(starts_with_lowercase(
            "Tweede Kamer, vergaderjaar 2024",
            "tweede kamer, "
        ));
        assert!(starts_with_lowercase("ISSN 0921", "issn "));
        assert!(starts_with_lowercase("ISSN", "issn"));
        assert!(!starts_with_lowercase("ISS", "issn"));
        assert!(!starts_with_lowercase("Eerste Kamer", "tweede"));
        // "İ" lowercases to two characters, "i" and a combining dot: the dot is compared too.
        assert!(starts_with_lowercase("İS", "i\u{307}s"));
        assert!(!starts_with_lowercase("İS", "is"));
        // The Kelvin sign lowercases to an ASCII "k".
        assert!(starts_with_lowercase("\u{212A}amer", "kamer"));
        assert!(starts_with_lowercase("’S-GRAVENHAGE ", "’s-gravenhage "));
        assert!(starts_with_lowercase("VRAAG É", "vraag é"));
        assert!(!starts_with_lowercase("Vraag", "vraag "));
        assert!(!starts_with_lowercase("Vraag É", "vraag e"));
        assert!(starts_with_lowercase("", ""));
        assert!(starts_with_lowercase("Kamer", ""));
        assert!(!starts_with_lowercase("", "k"));
        // The limit named above: the sigma is lowercased on its own, not as a word's end.
        assert!(starts_with_lowercase("ΑΣ", "ασ"));
    }
}
