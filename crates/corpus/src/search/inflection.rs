//! Dutch inflection by spelling rules: which folded words are forms of one another (wet, wetten; taak, taken; brief, brieven).

/// Words whose short vowel becomes long in the plural (dag, dagen; bedrag, bedragen) instead of
/// doubling the consonant; compounds ending in one (werkdag, verdrag) follow them.
const LONG_PLURALS: &[&str] = &[
    "bad", "blad", "dag", "dak", "dal", "drag", "gat", "gebed", "gebod", "gebrek", "glas", "god",
    "graf", "hof", "oorlog", "pad", "slag", "slot", "spel", "staf", "vat", "verbod", "weg",
];

/// `a` followed by `b`.
fn cat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}

/// Shortest form a suffix may be taken off to (so "kans" is not "kan" plus -s).
const MIN_BASE: usize = 3;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Number of vowel groups: "wet" 1, "taak" 1, "budget" 2.
fn syllables(word: &str) -> usize {
    let b = word.as_bytes();
    (0..b.len())
        .filter(|&i| is_vowel(b[i]) && (i == 0 || !is_vowel(b[i - 1])))
        .count()
}

/// The word ends in consonant, one of a/e/o/u, consonant ("wet", "grot" in grote): before a
/// vowel ending that vowel is long ("weten") unless the consonant doubles ("wetten").
fn ends_short_closed(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && matches!(b[n - 2], b'a' | b'e' | b'o' | b'u')
        && !is_vowel(b[n - 3])
        && !matches!(b[n - 1], b'w' | b'j' | b'x' | b'h')
}

/// The word ends in a doubled a/e/o/u and one consonant ("taak", "weet", "boom").
fn ends_long_closed(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    n >= 4
        && !is_vowel(b[n - 1])
        && b[n - 2] == b[n - 3]
        && matches!(b[n - 2], b'a' | b'e' | b'o' | b'u')
        && (n == 4 || !is_vowel(b[n - 4]))
}

fn has_long_plural(word: &str) -> bool {
    LONG_PLURALS.iter().any(|w| word.ends_with(w))
}

/// `word` with its last consonant voiced as before a vowel ending: f→v, s→z after a long vowel
/// or diphthong (brief → briev-, huis → huiz-); otherwise unchanged.
fn voiced(word: &str) -> String {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 3 && is_vowel(b[n - 2]) && is_vowel(b[n - 3]) {
        match b[n - 1] {
            b'f' => return cat(&word[..n - 1], "v"),
            b's' => return cat(&word[..n - 1], "z"),
            _ => {}
        }
    }
    word.to_string()
}

/// The stem a vowel ending attaches to: taak → tak-, weet → wet-, wet → wett-, brief → briev-.
fn before_vowel_ending(base: &str) -> Vec<String> {
    let mut out = Vec::new();
    if ends_long_closed(base) {
        let n = base.len();
        let undoubled = cat(&base[..n - 2], &base[n - 1..]);
        let b = undoubled.as_bytes();
        let last = b[b.len() - 1];
        let voiced = match last {
            b'f' => cat(&undoubled[..undoubled.len() - 1], "v"),
            b's' => cat(&undoubled[..undoubled.len() - 1], "z"),
            _ => undoubled,
        };
        out.push(voiced);
    } else if ends_short_closed(base) {
        let last = &base[base.len() - 1..];
        out.push(cat(base, last));
        if has_long_plural(base) || syllables(base) > 1 {
            out.push(voiced(base));
        }
    } else {
        out.push(voiced(base));
    }
    out
}

/// The uninflected forms `word` may be an inflection of, itself included: wetten → wet,
/// weten → weet, brieven → brief, ziekten → ziekte, mogelijkheden → mogelijkheid.
pub fn bases(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    // The spelling rules read bytes as Dutch letters; other scripts have no forms here.
    if !word.is_ascii() {
        return out;
    }
    let mut add = |w: String| {
        if w.len() >= MIN_BASE && !out.contains(&w) {
            out.push(w);
        }
    };
    if let Some(r) = word.strip_suffix("heden") {
        add(cat(r, "heid"));
    }
    if let Some(r) = word.strip_suffix("eren") {
        if syllables(r) == 1 {
            add(r.to_string());
        }
    }
    for ending in ["en", "e"] {
        if let Some(r) = word.strip_suffix(ending) {
            undo_vowel_ending(r).into_iter().for_each(&mut add);
        }
    }
    if let Some(r) = word.strip_suffix('n') {
        if r.ends_with('e') {
            add(r.to_string());
        }
    }
    if let Some(r) = word.strip_suffix('s') {
        if !r.ends_with('s') {
            add(r.to_string());
        }
    }
    out
}

/// What a stem before a vowel ending stands for: wett → wet, wet → weet, briev → brief.
fn undo_vowel_ending(r: &str) -> Vec<String> {
    let b = r.as_bytes();
    let n = b.len();
    if n < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) {
        out.push(r[..n - 1].to_string());
        return out;
    }
    let devoiced = match b[n - 1] {
        b'v' if n >= 2 && is_vowel(b[n - 2]) => cat(&r[..n - 1], "f"),
        b'z' if n >= 2 && is_vowel(b[n - 2]) => cat(&r[..n - 1], "s"),
        _ => r.to_string(),
    };
    if ends_short_closed(&devoiced) {
        let m = devoiced.len();
        let vowel = &devoiced[m - 2..m - 1];
        out.push(cat(&cat(&devoiced[..m - 1], vowel), &devoiced[m - 1..]));
        if has_long_plural(&devoiced) || syllables(&devoiced) > 1 {
            out.push(devoiced.clone());
        }
    } else {
        out.push(devoiced.clone());
    }
    if devoiced != r && !out.iter().any(|w| w == r) {
        // "fraaie" style words keep their z/v ("gaven" → "gave" is handled by the -n rule).
        out.push(r.to_string());
    }
    out
}

/// The inflected forms of an uninflected word, itself included: wet → wetten, wette; taak →
/// taken; brief → brieven; ziekte → ziekten, ziektes; kind → kinderen.
pub fn forms(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if !base.is_ascii() {
        return out;
    }
    let mut add = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    if let Some(r) = base.strip_suffix("heid") {
        add(cat(r, "heden"));
    }
    if base.ends_with('e') {
        add(cat(base, "n"));
        add(cat(base, "s"));
    } else {
        for stem in before_vowel_ending(base) {
            add(cat(&stem, "en"));
            add(cat(&stem, "e"));
        }
        add(cat(base, "s"));
        if syllables(base) == 1 {
            add(cat(base, "eren"));
        }
    }
    out
}

/// Every form of the same word as `word`: the forms of each of its bases. `word` itself comes
/// first. A consonant-final word of one syllable takes no plural -s when `known` says its -en
/// plural exists (recht → rechten, so "rechts" is another word).
pub fn variants(word: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = vec![word.to_string()];
    for base in bases(word) {
        if base != word && s_plural_is_other_word(&base, word, &known) {
            continue;
        }
        for form in forms(&base) {
            if form != base && s_plural_is_other_word(&base, &form, &known) {
                continue;
            }
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// True when `form` is `base` + "s" but that cannot be a plural: `base` ends in a consonant and
/// is short, or its -en plural is attested.
fn s_plural_is_other_word(base: &str, form: &str, known: &impl Fn(&str) -> bool) -> bool {
    let Some(stripped) = form.strip_suffix('s') else {
        return false;
    };
    if stripped != base || base.ends_with('e') {
        return false;
    }
    let last = base.as_bytes().last().copied().unwrap_or(b'a');
    if is_vowel(last) {
        return false;
    }
    let takes_s = ["el", "em", "en", "er", "je", "ie"]
        .iter()
        .any(|e| base.ends_with(e));
    if takes_s {
        return false;
    }
    base.len() < 4
        || before_vowel_ending(base)
            .iter()
            .any(|stem| known(&cat(stem, "en")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        variants(a, |_| true).iter().any(|v| v == b)
    }

    #[test]
    fn plurals_and_adjective_endings_are_one_word() {
        for (a, b) in [
            ("wet", "wetten"),
            ("taak", "taken"),
            ("brief", "brieven"),
            ("huis", "huizen"),
            ("ziekte", "ziekten"),
            ("mogelijkheid", "mogelijkheden"),
            ("dag", "dagen"),
            ("bedrag", "bedragen"),
            ("asielzoeker", "asielzoekers"),
            ("vluchteling", "vluchtelingen"),
            ("groot", "grote"),
            ("kind", "kinderen"),
            ("migratie", "migraties"),
            ("wachtlijst", "wachtlijsten"),
        ] {
            assert!(same(a, b), "{a} → {b}");
            assert!(same(b, a), "{b} → {a}");
        }
    }

    #[test]
    fn open_and_closed_syllables_are_different_words() {
        for (a, b) in [
            ("wet", "weten"),
            ("weten", "wetten"),
            ("kan", "kans"),
            ("wet", "wets"),
        ] {
            assert!(!same(a, b), "{a} ↛ {b}");
            assert!(!same(b, a), "{b} ↛ {a}");
        }
    }

    #[test]
    fn words_in_other_scripts_have_only_themselves_as_forms() {
        for w in ["तe", "丸en", "மen", "ελληνικά"] {
            assert_eq!(variants(w, |_| true), [w.to_string()], "{w}");
        }
    }

    #[test]
    fn attested_en_plural_rules_out_an_s_plural() {
        let known = |w: &str| w == "rechten";
        assert!(!variants("recht", known).contains(&"rechts".to_string()));
        assert!(variants("film", |_| false).contains(&"films".to_string()));
    }
}
