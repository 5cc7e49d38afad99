//! Splitting Dutch compounds into their parts against the corpus's own vocabulary (asiel|zoekers, arbeid-s-|migratie), at build time.

use super::inflection::{bases, forms};
use std::cell::RefCell;
use std::collections::HashMap;

/// Sounds that may join two parts: arbeid-s-migratie, ziekt-e-verzuim, vluchteling-en-werk.
const LINKERS: [&str; 5] = ["", "s", "e", "en", "er"];

/// Shortest part (in bytes of the folded word): "wet" in wetsvoorstel, "zorg" in jeugdzorg.
const MIN_PART: usize = 3;

/// Shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 6;

/// Function words, particles and prefixes: never a part, so "oprecht", "onderzoek" and
/// "toeslagen" are not compounds of recht, zoek and slagen.
const NOT_A_PART: &[&str] = &[
    "aan", "achter", "af", "al", "alle", "als", "ander", "andere", "be", "bij", "binnen", "boven",
    "buiten", "daar", "dan", "dat", "de", "den", "der", "des", "die", "dit", "door", "een",
    "eigen", "elk", "en", "er", "ge", "geen", "her", "hier", "hoe", "hun", "iets", "in", "langs",
    "maar", "mee", "meer", "met", "mis", "na", "naar", "niet", "niets", "nog", "nu", "of", "om",
    "on", "onder", "ons", "ont", "ook", "op", "over", "per", "rond", "samen", "te", "tegen", "ten",
    "ter", "terug", "toe", "tot", "tussen", "uit", "van", "veel", "ver", "voor", "waar", "wat",
    "wel", "wie", "zich", "zij", "zijn", "zo", "zonder",
];

/// Derivational endings that are words only by accident ("schap" in wetenschap): never a part.
const SUFFIX_WORDS: &[&str] = &[
    "aar", "achtig", "baar", "bare", "dom", "erij", "ers", "es", "heden", "heid", "ig", "ige",
    "ing", "ingen", "isch", "ische", "isme", "ist", "lijk", "lijke", "loos", "loze", "nis",
    "schap", "schappen", "sel", "ster", "teit", "tie",
];

/// Endings that make a word from a verb stem: zoek-ers (asielzoekers), opvang-ing.
const DERIVING: [&str; 6] = ["ers", "er", "ingen", "ing", "enden", "ende"];

/// Short words that text extraction glues to the next word ("tegenOekraïne", "deklimaatdoelen").
/// Not particles that also make words (op, aan, uit: "oprecht" is not "op recht").
const GLUED_BEFORE: &[&str] = &[
    "alle", "andere", "de", "den", "der", "deze", "die", "dat", "dit", "een", "en", "eu", "het",
    "met", "naar", "of", "over", "tegen", "van",
];

/// A glued word is this rare at most (in occurrences); real words like "overleg" are common.
const GLUED_AT_MOST: u32 = 2;

/// Which words are known: every word of the corpus, with how often it occurs.
pub struct Vocabulary<'v> {
    words: HashMap<&'v str, u32>,
    /// [`Vocabulary::is_part_form`]'s answers so far: the same heads come back in many words.
    part_forms: RefCell<HashMap<String, bool>>,
}

impl<'v> Vocabulary<'v> {
    pub fn new(words: impl IntoIterator<Item = (&'v str, u32)>) -> Vocabulary<'v> {
        Vocabulary {
            words: words.into_iter().collect(),
            part_forms: RefCell::default(),
        }
    }

    fn known(&self, w: &str) -> bool {
        self.words.contains_key(w)
    }

    fn is_part(&self, w: &str) -> bool {
        w.len() >= MIN_PART
            && self.known(w)
            && !NOT_A_PART.contains(&w)
            && !SUFFIX_WORDS.contains(&w)
    }

    /// A part, or another form of one: neutrale (neutraal), strategieen (strategie), straf
    /// (straffen).
    fn is_part_form(&self, w: &str) -> bool {
        if w.len() < MIN_PART || NOT_A_PART.contains(&w) || SUFFIX_WORDS.contains(&w) {
            return false;
        }
        if let Some(&known) = self.part_forms.borrow().get(w) {
            return known;
        }
        let answer = self.judge_part_form(w);
        self.part_forms.borrow_mut().insert(w.to_string(), answer);
        answer
    }

    fn judge_part_form(&self, w: &str) -> bool {
        let bases = bases(w);
        if bases.iter().any(|b| NOT_A_PART.contains(&b.as_str())) {
            return false;
        }
        if self.is_part(w) || bases.iter().skip(1).any(|b| self.is_part(b)) {
            return true;
        }
        // An uninflected word the corpus only has inflected (straf: straffen); not a stump
        // ending in another vowel (financi: financien).
        let stump = w.ends_with(['a', 'i', 'o', 'u']);
        !stump && forms(w).iter().skip(1).any(|f| self.is_part(f))
    }

    /// A word made from a known word or verb stem with a deriving ending: zoekers (zoeken).
    fn is_derived(&self, w: &str) -> bool {
        bases(w).iter().any(|b| self.is_derived_base(b))
    }

    fn is_derived_base(&self, w: &str) -> bool {
        DERIVING.iter().any(|ending| {
            w.strip_suffix(ending).is_some_and(|stem| {
                stem.len() >= MIN_PART
                    && !NOT_A_PART.contains(&stem)
                    && (self.is_part(stem) || self.known(&format!("{stem}en")))
            })
        })
    }

    /// The parts of `word` as byte ranges (a part and, when it is a compound itself, its own
    /// parts), or nothing when it is not a compound of known words. The longest known first
    /// part wins.
    pub fn parts(&self, word: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if word.len() >= MIN_COMPOUND && word.bytes().all(|b| b.is_ascii_lowercase()) {
            self.analyse(word, 0, &mut out, 0);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Pushes the parts of `word` (at `offset` in the whole word): as a compound, or as a
    /// glued word. False when it is neither.
    fn analyse(&self, word: &str, offset: usize, out: &mut Vec<(usize, usize)>, depth: u8) -> bool {
        self.split(word, offset, out, depth) || self.unglue(word, offset, out, depth)
    }

    /// A rare word that is a short function word glued to a known word or compound: its rest.
    fn unglue(&self, word: &str, offset: usize, out: &mut Vec<(usize, usize)>, depth: u8) -> bool {
        if depth > 4 || self.words.get(word).copied().unwrap_or(0) > GLUED_AT_MOST {
            return false;
        }
        for glued in GLUED_BEFORE {
            let Some(rest) = word.strip_prefix(glued) else {
                continue;
            };
            let start = offset + glued.len();
            let mut rest_parts = Vec::new();
            if self.analyse(rest, start, &mut rest_parts, depth + 1) || self.is_part_form(rest) {
                out.push((start, offset + word.len()));
                out.extend(rest_parts);
                return true;
            }
        }
        false
    }

    /// The parts inside a part: its own compound parts, or those of its form without a
    /// linking -s (wetgevings → wet, geving).
    fn inner_parts(&self, part: &str, offset: usize, out: &mut Vec<(usize, usize)>, depth: u8) {
        if !self.analyse(part, offset, out, depth) {
            if let Some(unlinked) = part.strip_suffix('s') {
                self.analyse(unlinked, offset, out, depth);
            }
        }
    }

    /// Splits `word` (which starts at `offset` in the whole word) into a known first part, a
    /// linking sound and a rest that is a part, a derived word or a compound. Pushes the ranges.
    fn split(&self, word: &str, offset: usize, out: &mut Vec<(usize, usize)>, depth: u8) -> bool {
        if depth > 4 || word.len() < 2 * MIN_PART {
            return false;
        }
        for head_end in (MIN_PART..=word.len() - MIN_PART).rev() {
            let head = &word[..head_end];
            if !self.is_part_form(head) {
                continue;
            }
            for linker in LINKERS {
                let Some(tail) = word[head_end..].strip_prefix(linker) else {
                    continue;
                };
                // "er" joins only before a long part (kind-er-opvang), not hond-er-den.
                if tail.len() < MIN_PART || (linker == "er" && tail.len() < 5) {
                    continue;
                }
                let tail_offset = offset + head_end + linker.len();
                let mut tail_parts = Vec::new();
                let tail_ok = self.is_part_form(tail)
                    || self.is_derived(tail)
                    || self.analyse(tail, tail_offset, &mut tail_parts, depth + 1);
                if !tail_ok {
                    continue;
                }
                out.push((offset, offset + head_end));
                self.inner_parts(head, offset, out, depth + 1);
                out.push((tail_offset, tail_offset + tail.len()));
                if tail_parts.is_empty() {
                    self.inner_parts(tail, tail_offset, out, depth + 1);
                } else {
                    out.extend(tail_parts);
                }
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(vocab: &[&str], word: &str) -> Vec<String> {
        let v = Vocabulary::new(vocab.iter().map(|w| (*w, 3)));
        v.parts(word)
            .into_iter()
            .map(|(s, e)| word[s..e].to_string())
            .collect()
    }

    #[test]
    fn compounds_split_at_known_words_and_linking_sounds() {
        let vocab = [
            "asiel", "zoeken", "arbeid", "migratie", "pact", "nood", "opvang", "oorlog",
        ];
        assert_eq!(parts_of(&vocab, "asielzoekers"), ["asiel", "zoekers"]);
        // A first part keeps its linking -s; matching takes it off (see expand.rs).
        assert_eq!(parts_of(&vocab, "arbeidsmigratie"), ["arbeids", "migratie"]);
        assert_eq!(parts_of(&vocab, "migratiepact"), ["migratie", "pact"]);
        assert_eq!(parts_of(&vocab, "noodopvang"), ["nood", "opvang"]);
    }

    #[test]
    fn letters_inside_other_words_are_not_parts() {
        let vocab = [
            "zorg", "wet", "weten", "schap", "recht", "rechts", "op", "vul",
        ];
        assert!(parts_of(&vocab, "zorgvuldig").is_empty());
        assert!(parts_of(&vocab, "wetenschap").is_empty());
        assert!(parts_of(&vocab, "rechtstreeks").is_empty());
        assert!(parts_of(&vocab, "oprecht").is_empty());
    }
}
