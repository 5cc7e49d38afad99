//! Repairs words run together at lost line breaks ("keuzevrijheidhebben", "januari2020"), judged against the corpus' own vocabulary.
//!
//! Text extracted from PDFs by other tools often loses the space at a line break. A token is
//! split only when it is rare in the corpus (at most [`MAX_GLUED_COUNT`] times; a preposition or
//! conjunction glued to "de" or "het", "vande", however often) and splits into words the corpus
//! uses on their own, and only by one of these patterns:
//! * letters and digits: a known word and a number of three or more characters ("januari2020",
//!   "2022wordt"); a one- or two-digit number after a word is left alone (a footnote marker);
//! * a lowercase word followed by a capitalised one ("inNederland");
//! * a function word before a word ("vancommerciële", "derechter"), where the function word is
//!   not also a prefix of Dutch compounds ("voordelen", "oppositie" stay);
//! * a word before a function word ("hierovervoor", "Inzichtin"), "en" only where the plural would
//!   have needed a diaeresis ("economieen");
//! * two words the corpus writes apart elsewhere, as a pair ("jongemannen" where a title says
//!   "jonge mannen", "kanworden", "tegeven"), unless the first is a particle that makes Dutch
//!   verbs and compounds ("opvragen", "uiteen", "naartoe" stay);
//! * otherwise two content words are never split: Dutch writes compounds as one word
//!   ("crisisaanpak");
//! * a sentence end without its space ("gevoerd.Studielink").

use super::glued_words_vocabulary::Vocabulary;
use crate::fold::fold;
use crate::text::is_web_address;

/// A glued token is an accident of one line break, but the same sentence can stand in several
/// documents (questions repeated in the answer letter, a postponement): at most this often.
const MAX_GLUED_COUNT: u32 = 3;

/// Function words that glue to the word after them ("vancommerciële"). Many also begin Dutch
/// words (opvang, voordeel, alsmede, wellicht), so the word after them must never end a longer word.
const FUNCTION_BEFORE: &[&str] = &[
    "de", "het", "een", "en", "van", "dat", "die", "dit", "deze", "wat", "we", "wij", "zij", "ze",
    "hij", "ik", "hun", "haar", "zijn", "is", "of", "als", "dan", "met", "tot", "naar", "niet",
    "ook", "nog", "kan", "moet", "wordt", "worden", "heeft", "hebben", "zal", "zou", "zouden",
    "hoe", "welke", "maar", "geen", "meer", "per", "via", "sinds", "tussen", "wel", "in", "op",
    "aan", "voor", "om", "over", "uit", "door", "onder", "tegen", "na", "bij", "er", "u", "uw",
    "ten", "ter",
];

/// Function words that begin no Dutch word (beyond a few that are common, and so known): the
/// word after them may also end longer words ("hetkabinet", "Ditkomt").
const NEVER_PREFIX: &[&str] = &[
    "het", "dit", "deze", "hun", "ook", "nog", "heeft", "hebben", "wordt", "worden", "zou",
    "zouden", "welke", "moet",
];

/// Words that an article can follow, glued ("vanhet", "metde", "ende", "vanuitde", "onderde"):
/// none of them with "de" or "het" after it makes a Dutch word but "zijnde" ("ronde" does, so not
/// "rond"; "inde", of "innen", is too rare in these letters to keep "inde" glued).
const PREPOSITION_OR_CONJUNCTION: &[&str] = &[
    "van", "met", "in", "op", "aan", "voor", "uit", "bij", "naar", "over", "door", "om", "tot",
    "en", "of", "is", "dat", "als", "dan", "zijn", "vanuit", "vanaf", "onder", "tegen", "tussen",
    "tijdens", "volgens", "binnen", "buiten", "zonder", "naast", "boven", "achter", "na", "via",
    "sinds", "namens", "omtrent", "ondanks", "rondom", "omdat", "zodat", "doordat", "terwijl",
    "wanneer", "waarin", "waarbij", "waarop", "waardoor",
];

/// Function words that glue to the word before them ("hierovervoor", "Irantegen"). Not "de",
/// "die", "er", "in", "aan", "uit", "bij", "over" and "zijn", which end too many Dutch words
/// (gevolgde, strategie, groter, koningin, bovenaan, achteruit, dichtbij, tegenover,
/// bewustzijn); "te" and "en" have rules of their own.
const FUNCTION_AFTER: &[&str] = &[
    "en", "te", "van", "voor", "om", "dat", "het", "een", "wordt", "worden", "kan", "is", "met",
    "niet", "ook", "als", "naar", "tegen", "tot", "door", "wel", "nog", "meer",
];

/// Prepositions that also make separable verbs (aangeven, opstellen): before them a glued word
/// must not look like a verb form.
const VERB_PARTICLE: &[&str] = &[
    "aan", "op", "uit", "in", "af", "door", "over", "voor", "na", "om", "bij", "onder", "tegen",
    "mee", "toe", "achter", "er", "ter", "ten",
];

/// Particles and adverbs that make separable verbs and compounds with the word after them
/// (opvragen, naartoe, toeleggen, daarvoor, middenin, allang, zolang, wellicht): a pair written apart elsewhere ("antwoord op
/// vragen") does not make such a word glued, unless what follows is a determiner ("indeze",
/// "opwelke").
const COMPOUND_PARTICLE: &[&str] = &[
    "aan", "op", "uit", "in", "af", "door", "over", "voor", "na", "om", "bij", "onder", "tegen",
    "mee", "toe", "achter", "er", "naar", "tot", "samen", "terug", "weg", "voort", "daar", "hier",
    "waar", "boven", "midden", "dicht", "al", "zo", "wel", "even",
];

/// Determiners and pronouns that make no word with a particle before them ("voordeze",
/// "opwelke", "overdit", "zonee"; not "dat": omdat, opdat; not "zijn": bijzijn, samenzijn).
const DETERMINER: &[&str] = &["het", "deze", "dit", "die", "welke", "hun", "onze", "nee"];

/// Words that end Dutch words made of two that are also written apart: "een" after a preposition
/// (meteen, uiteen, bijeen), "zijn" (bewustzijn, welzijn, bijzijn).
const NEVER_SECOND: &[&str] = &["een", "zijn"];

/// Runs longer than this are not looked at for pairs written apart (every split is looked up).
const MAX_PAIR_RUN_BYTES: usize = 64;

/// Runs of letters longer than this (in characters) are left as they are: words glued where a
/// line was joined are far shorter, and a run is tried at every split (a run of a million letters,
/// as a text without spaces or an embedded image has, took minutes).
const LONGEST_REPAIRED_RUN: usize = 160;

/// Tokens shorter than this (in bytes) are never repaired.
pub(crate) const SHORTEST_REPAIRED: usize = 4;

/// One space-free token, repaired.
pub fn repair_token(token: &str, vocabulary: &Vocabulary) -> String {
    if token.len() < SHORTEST_REPAIRED || is_web_address(token) {
        return token.to_string();
    }
    let mut out = String::with_capacity(token.len() + 4);
    let mut rest = token;
    while let Some((start, end)) = next_run(rest) {
        out.push_str(&rest[..start]);
        let run = &rest[start..end];
        let repaired = repair_run(run, vocabulary);
        out.push_str(&repaired);
        rest = &rest[end..];
        // "gevoerd.Studielink": a sentence end without its space.
        if let Some(after) = rest.strip_prefix('.') {
            let last_word = repaired.rsplit(' ').next().unwrap_or(&repaired);
            if sentence_glue(last_word, after, vocabulary) {
                out.push_str(". ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn sentence_glue(before: &str, after: &str, v: &Vocabulary) -> bool {
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let mut cs = next.chars();
    let starts_capital = cs.next().is_some_and(char::is_uppercase);
    let then_lower = next.chars().skip(1).all(char::is_lowercase) && next.chars().count() >= 3;
    before.chars().count() >= 3
        && before.chars().all(char::is_lowercase)
        && starts_capital
        && then_lower
        && v.known(&fold(before), 2)
        && v.known(&fold(&next), 2)
}

/// The next run of letters and digits in `s`: (start, end) byte offsets.
fn next_run(s: &str) -> Option<(usize, usize)> {
    let start = s.find(|c: char| c.is_alphanumeric())?;
    let end = s[start..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(s.len(), |e| start + e);
    Some((start, end))
}

/// Splits a run of letters and digits where words were glued.
fn repair_run(run: &str, v: &Vocabulary) -> String {
    if run.chars().any(|c| c.is_ascii_digit()) {
        return repair_digits(run, v);
    }
    if !(4..=LONGEST_REPAIRED_RUN).contains(&run.chars().count()) {
        return run.to_string();
    }
    let folded = fold(run);
    let glued = v.counts.get(&folded).copied().unwrap_or(0);
    // Only the last two or three letters can be the article.
    let never_a_word = || {
        ["de", "het"].iter().any(|article| {
            folded
                .strip_suffix(article)
                .is_some_and(|before| is_article_after_preposition(before, article))
        })
    };
    if glued > MAX_GLUED_COUNT && !has_camel(run) && !never_a_word() {
        return run.to_string();
    }
    // Folding keeps letters one to one for Dutch text; otherwise offsets would not line up.
    if folded.chars().count() != run.chars().count() {
        return run.to_string();
    }
    let split =
        best_split(run, &folded, glued, v).or_else(|| split_written_apart(run, &folded, glued, v));
    match split {
        Some(at) => format!("{} {}", &run[..at], repair_run(&run[at..], v)),
        None => run.to_string(),
    }
}

/// Whether `a` then `b` is a preposition or conjunction and an article ("onderde"): never one word.
fn is_article_after_preposition(a: &str, b: &str) -> bool {
    // "zijnde" is a word of its own (the participle).
    matches!(b, "de" | "het") && PREPOSITION_OR_CONJUNCTION.contains(&a) && (a, b) != ("zijn", "de")
}

/// Whether a lowercase letter is followed by a capital somewhere in the run ("inNederland").
fn has_camel(run: &str) -> bool {
    let cs: Vec<char> = run.chars().collect();
    cs.windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// "januari2020" → "januari 2020", "2022wordt" → "2022 wordt"; codes ("COP26", "2023Z14759",
/// "18e") and footnote markers ("gedrag2") stay.
fn repair_digits(run: &str, v: &Vocabulary) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut prev_digit: Option<bool> = None;
    for (i, c) in run.char_indices() {
        let digit = c.is_ascii_digit();
        if prev_digit.is_some_and(|p| p != digit) {
            pieces.push(&run[start..i]);
            start = i;
        }
        prev_digit = Some(digit);
    }
    pieces.push(&run[start..]);
    let is_word = |p: &str| {
        p.chars().count() >= 3 && !p.chars().all(char::is_uppercase) && v.known(&fold(p), 2)
    };
    let mut out = String::with_capacity(run.len() + 2);
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            let prev = pieces[k - 1];
            let digits_then_word = prev.starts_with(|c: char| c.is_ascii_digit())
                && is_word(piece)
                && pieces.len() == k + 1;
            // "januari2020", "in2023", "van21"; after another word one or two digits may be a
            // footnote marker ("gedrag2"), so they stay.
            let function_word = FUNCTION_BEFORE.contains(&fold(prev).as_str()) && prev.len() >= 2;
            let word_then_number = k == 1
                && piece.starts_with(|c: char| c.is_ascii_digit())
                && ((is_word(prev) && piece.len() >= 3) || function_word);
            if digits_then_word || word_then_number {
                out.push(' ');
            }
        }
        out.push_str(piece);
    }
    out
}

/// The byte offset at which a letters-only run splits best, if it is glued; `folded_run` is the
/// run folded (as many characters), `glued` how often the corpus has it.
fn best_split(run: &str, folded_run: &str, glued: u32, v: &Vocabulary) -> Option<usize> {
    let mut best: Option<(u32, usize)> = None;
    let positions: Vec<(usize, usize)> = run
        .char_indices()
        .zip(folded_run.char_indices())
        .map(|((a, _), (b, _))| (a, b))
        .skip(1)
        .collect();
    for (at, folded_at) in positions {
        let (left, right) = (&run[..at], &run[at..]);
        let (a, b) = (&folded_run[..folded_at], &folded_run[folded_at..]);
        if !split_is_glue(left, right, a, b, glued, v) {
            continue;
        }
        let score = v
            .counts
            .get(a)
            .copied()
            .unwrap_or(0)
            .min(v.counts.get(b).copied().unwrap_or(0));
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, at));
        }
    }
    best.map(|(_, at)| at)
}

/// The byte offset of a split into two words that the corpus writes apart at least as often as
/// it writes `run` glued ("jongemannen" where a title says "jonge mannen"); the most attested.
fn split_written_apart(run: &str, folded_run: &str, glued: u32, v: &Vocabulary) -> Option<usize> {
    // Capitals inside the run have rules of their own (best_split).
    if run.chars().skip(1).any(char::is_uppercase) || run.len() > MAX_PAIR_RUN_BYTES {
        return None;
    }
    let glued = glued.max(1);
    let mut best: Option<(u32, usize)> = None;
    // Offsets in the run and in its folded form (the same characters, not always the same bytes).
    let positions = run.char_indices().zip(folded_run.char_indices()).skip(2);
    for ((at, _), (folded_at, _)) in positions {
        let (a, b) = (&folded_run[..folded_at], &folded_run[folded_at..]);
        // Most splits were never written apart: that is looked up first.
        let apart = v.pair_count(a, b);
        if apart < glued || best.is_some_and(|(n, _)| apart <= n) || b.chars().count() < 3 {
            continue;
        }
        if NEVER_SECOND.contains(&b) || (COMPOUND_PARTICLE.contains(&a) && !DETERMINER.contains(&b))
        {
            continue;
        }
        if v.known(a, 2) && v.known(b, 2) {
            best = Some((apart, at));
        }
    }
    best.map(|(_, at)| at)
}

fn split_is_glue(left: &str, right: &str, a: &str, b: &str, glued: u32, v: &Vocabulary) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let lower_start = left.chars().next().is_some_and(char::is_lowercase);
    let capital_start = right.chars().next().is_some_and(char::is_uppercase);
    let left_ends_lower = left.chars().last().is_some_and(char::is_lowercase);
    if capital_start && left_ends_lower {
        // "inNederland", "deParijsdoelen", "landenIndonesië": a lowercase word, then a capital
        // ("EenVandaag" and "DeNederlandse" look alike, so a capital first stays whole).
        if lower_start && (FUNCTION_BEFORE.contains(&a) || a == "te") {
            return true;
        }
        // "EuropeseCommissie", but not a name such as "VluchtelingenWerk" (which recurs).
        let once = glued <= 1;
        return la >= 2
            && v.known(a, 2)
            && v.known(b, 2)
            && (lower_start || (once && la >= 4 && v.known(a, 3) && v.known(b, 3)));
    }
    // "VWSfaciliteert", "AIinzetten": an abbreviation, then a lowercase word.
    let abbreviation = left.chars().count() >= 2 && left.chars().all(char::is_uppercase);
    if abbreviation {
        return right.chars().all(char::is_lowercase) && lb >= 4 && v.known(b, 3);
    }
    if right.chars().any(char::is_uppercase) || left.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    // "vanhet", "metde": a preposition or conjunction and an article are never one word, however
    // often the extracts glue them ("vande" ten times); a capital first may be a name (Vande).
    if is_article_after_preposition(a, b) {
        return lower_start;
    }
    if glued > MAX_GLUED_COUNT {
        return false;
    }
    if VERB_PARTICLE.contains(&a) && looks_like_verb_form(b) {
        return false;
    }
    if FUNCTION_BEFORE.contains(&a) {
        // Short words after a function word are often one word with it (vandaar, deuren).
        let long_enough = lb >= 5 || (NEVER_PREFIX.contains(&a) && lb >= 4);
        return long_enough
            && v.known(b, 2)
            && !is_function(b)
            && (NEVER_PREFIX.contains(&a) || !v.ends_words(b));
    }
    // Glued function words carry no accents: "economieën" is the plural, not "economie en".
    if FUNCTION_AFTER.contains(&b) && right == b {
        if la < 5 || !v.known(a, 2) || is_function(a) {
            return false;
        }
        return match b {
            // A plural of a word in -ie or -ee needs a diaeresis (economieën), so "economieen"
            // is glued; after other endings -en is a plural (betrokkenen, lijnen).
            "en" => a.ends_with("ie") || a.ends_with("ee"),
            // After t, k, f, s, ch and p, -te is a past tense (maakte, kostte).
            "te" => !a.ends_with(['t', 'k', 'f', 's', 'h', 'p']),
            _ => true,
        };
    }
    // Two content words glued stay together: Dutch writes compounds as one word
    // ("crisisaanpak"), and the corpus is too small to tell them apart.
    false
}

/// A participle, a finite verb, an infinitive or a noun made of a verb, by its shape (gebracht,
/// geeft, scherpen, sturing).
fn looks_like_verb_form(w: &str) -> bool {
    w.starts_with("ge")
        || w.ends_with('t')
        || w.ends_with('d')
        || w.ends_with("en")
        || w.ends_with("ing")
}

fn is_function(w: &str) -> bool {
    FUNCTION_BEFORE.contains(&w) || FUNCTION_AFTER.contains(&w)
}
