//! The one folding of Briefwissel: lowercase, accents removed, ligatures spelled out, typographic quotes and dashes made plain.

/// Lowercase with accents removed (`Oekraïne` → `oekraine`), typographic quotes and dashes made
/// plain, for matching only. The one folding of Briefwissel: matching keys in the parser and search
/// words ([`crate::search::tokenize::fold_word`], which cuts it short) both use it.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, usize::MAX);
    out
}

/// Appends [`fold`] of `s` to `out`, stopping once `out` holds `max_bytes` (cut on a character
/// boundary).
pub fn fold_into(s: &str, out: &mut String, max_bytes: usize) {
    for c in s.chars() {
        if out.len() >= max_bytes {
            break;
        }
        fold_char_into(c, out);
    }
    while out.len() > max_bytes {
        out.pop();
    }
}

/// Gives `each` the characters of [`fold`] of `s` one by one, without building the string.
pub fn each_folded_char(s: &str, mut each: impl FnMut(char)) {
    let mut folded = String::new();
    for c in s.chars() {
        // ASCII as `fold_char_into` folds it, without the round trip through a string.
        if c.is_ascii() {
            each(c.to_ascii_lowercase());
            continue;
        }
        folded.clear();
        fold_char_into(c, &mut folded);
        folded.chars().for_each(&mut each);
    }
}

/// Appends the folded form of one character: lowercase ASCII where a Latin letter carries a
/// diacritic, is a ligature or a digraph letter (ĳ → ij, ß and ẞ → ss, œ → oe, ﬁ → fi), nothing
/// for combining marks, `'` and `-` for typographic quotes and dashes, the lowercase form otherwise
/// ([`crate::lowercase::lowercase`]).
// Own code: unicode-normalization 0.1.26 (compatibility decomposition, marks dropped, the same few
// letters without a decomposition mapped by hand) adds 41.9 kB brotli to the app shell (wasm
// 193,425 -> 235,337 B brotli, 610,280 -> 707,593 B raw; measured 2026-12-03), over the 200 kB budget.
fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if crate::search::tokenize::is_combining_mark(c) {
        return;
    }
    let folded: &str = match c {
        '’' | '‘' => "'",
        '–' | '—' | '‐' | '‑' => "-",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĳ' | 'Ĳ' => "ij",
        'ł' | 'ľ' | 'ĺ' | 'ļ' | 'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ŕ' | 'ř' | 'Ŕ' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' | 'ẞ' => "ss",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ž' | 'ż' | 'Ź' | 'Ž' | 'Ż' => "z",
        _ => {
            out.push(crate::lowercase::lowercase(c));
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::{each_folded_char, fold, fold_into};
    use crate::search::tokenize::fold_word;

    #[test]
    fn folding_appends_and_stops_at_the_byte_limit_on_a_character_boundary() {
        let mut out = String::from("x ");
        fold_into("De MINISTER van Financiën", &mut out, usize::MAX);
        assert_eq!(out, "x de minister van financien");
        let cut = |s: &str, max: usize| {
            let mut out = String::new();
            fold_into(s, &mut out, max);
            out
        };
        assert_eq!(cut("ABCDEF", 3), "abc");
        // "Œ" folds to "oe": the limit cuts inside it, between its two letters.
        assert_eq!(cut("Œuvre", 1), "o");
        assert_eq!(cut("Œuvre", 2), "oe");
        assert_eq!(cut("Œuvre", 4), "oeuv");
        assert_eq!(cut("ab’s", 3), "ab'");
        assert_eq!(cut("Ab", 0), "");
        // "ω" is two bytes: a limit of one leaves nothing rather than half a character.
        assert_eq!(cut("Ωx", 1), "");
    }

    #[test]
    fn folded_characters_one_by_one_are_the_folded_text() {
        let one_by_one = |s: &str| {
            let mut out = String::new();
            each_folded_char(s, |c| out.push(c));
            out
        };
        // Diacritics, a ligature, a digraph letter, a dotted capital I, a combining acute accent
        // (dropped), typographic quote and dash, Greek and Cyrillic capitals.
        let s = "Financiën Œuvre Straße İstanbul Cafe\u{301} ’s-Gravenhage – ΣΩ ЖК";
        assert_eq!(
            one_by_one(s),
            "financien oeuvre strasse istanbul cafe 's-gravenhage - σω жк"
        );
        assert_eq!(one_by_one(s), fold(s));
    }

    #[test]
    fn matching_keys_and_search_words_fold_the_same_way() {
        // The agreed folding: lowercase, no diacritics (precomposed or combining), ß and ẞ are
        // ss, ligatures and digraph letters are their letters; words are cut at 48 bytes.
        for (word, folded) in [
            ("financiële", "financiele"),
            ("België", "belgie"),
            ("ẞ", "ss"),
            ("Straße", "strasse"),
            ("Œ", "oe"),
            ("Œuvre", "oeuvre"),
            ("reünie", "reunie"),
            ("coördinatie", "coordinatie"),
            ("coo\u{0308}rdinatie", "coordinatie"),
            ("Oekraïne", "oekraine"),
            ("Ĳsselmeer", "ijsselmeer"),
            ("ÉÉN", "een"),
            ("Curaçao", "curacao"),
            ("ﬁnanciële", "financiele"),
        ] {
            assert_eq!(fold(word), folded, "{word}");
            assert_eq!(fold_word(word), folded, "{word}");
        }
        assert_eq!(fold("GL–PvdA’s"), "gl-pvda's");
        let long = "coördinatie".repeat(10);
        assert_eq!(fold_word(&long), &fold(&long)[..48]);
    }
}
