//! Repairs words run together at lost line breaks ("keuzevrijheidhebben", "januari2020"), judged against the corpus' own vocabulary.
//!
//! Text extracted from PDFs by other tools often loses the space at a line break. A token is
//! split only when it occurs nowhere else in the corpus and splits into words the corpus uses on
//! their own, and only by one of these patterns:
//! * letters and digits: a known word and a number of three or more characters ("januari2020",
//!   "2022wordt"); a one- or two-digit number after a word is left alone (a footnote marker);
//! * a lowercase word followed by a capitalised one ("inNederland");
//! * a function word before a word ("vancommerciële", "derechter"), where the function word is
//!   not also a prefix of Dutch compounds ("voordelen", "oppositie" stay);
//! * a word before a function word ("hierovervoor", "Inzichtin"), "en" only where the plural would
//!   have needed a diaeresis ("economieen");
//! * two content words are never split: Dutch writes compounds as one word ("crisisaanpak");
//! * a sentence end without its space ("gevoerd.Studielink").

use crate::hash::{FastMap, FastSet};
use crate::text::fold;

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

/// Words that an article can follow, glued ("vanhet", "metde", "ende").
const PREPOSITION_OR_CONJUNCTION: &[&str] = &[
    "van", "met", "in", "op", "aan", "voor", "uit", "bij", "naar", "over", "door", "om", "tot",
    "en", "of", "is", "dat", "als", "dan", "zijn",
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

/// How often each word (folded, letters only) occurs in the corpus, and how many longer words
/// end with it.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    counts: FastMap<String, u32>,
    /// Per string: how many distinct known words longer than it end with it.
    ends: FastMap<String, u32>,
}

impl Vocabulary {
    /// The vocabulary of these texts. A paragraph that occurs more than once (a question repeated
    /// in its answer letter) counts once, so that a glued word in it still occurs once.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut counts: FastMap<String, u32> = FastMap::default();
        let mut seen: FastSet<&str> = Default::default();
        for text in texts {
            for paragraph in text.split("\n\n") {
                if !seen.insert(paragraph.trim()) {
                    continue;
                }
                for word in letter_runs(paragraph) {
                    *counts.entry(fold(word)).or_default() += 1;
                }
            }
        }
        let mut ends: FastMap<String, u32> = FastMap::default();
        for (word, &n) in &counts {
            if n < 2 {
                continue;
            }
            for (at, _) in word.char_indices().skip(1) {
                *ends.entry(word[at..].to_string()).or_default() += 1;
            }
        }
        Vocabulary { counts, ends }
    }

    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(&fold(word)).copied().unwrap_or(0)
    }

    fn known(&self, folded: &str, at_least: u32) -> bool {
        self.counts.get(folded).is_some_and(|&n| n >= at_least)
    }

    fn ends_words(&self, folded: &str) -> bool {
        self.ends.get(folded).is_some_and(|&n| n > 0)
    }
}

/// The text with glued words split (see the module documentation).
pub fn repair(text: &str, vocabulary: &Vocabulary) -> String {
    repair_remembering(text, vocabulary, &mut FastMap::default())
}

/// [`repair`], with every token's repair kept in `repaired` for the next texts: a corpus repeats
/// its tokens.
fn repair_remembering(
    text: &str,
    vocabulary: &Vocabulary,
    repaired: &mut FastMap<String, String>,
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match repaired.get(token) {
            Some(fixed) => out.push_str(fixed),
            None => {
                let fixed = repair_token(token, vocabulary);
                out.push_str(&fixed);
                repaired.insert(token.to_string(), fixed);
            }
        }
    }
    out
}

/// One space-free token, repaired.
pub fn repair_token(token: &str, vocabulary: &Vocabulary) -> String {
    if token.len() < 4 || token.contains("://") || token.contains("www.") || token.contains('@') {
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
    if run.chars().count() < 4 || (v.count(run) > MAX_GLUED_COUNT && !has_camel(run)) {
        return run.to_string();
    }
    match best_split(run, v) {
        Some(at) => format!("{} {}", &run[..at], repair_run(&run[at..], v)),
        None => run.to_string(),
    }
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

/// The byte offset at which a letters-only run splits best, if it is glued.
fn best_split(run: &str, v: &Vocabulary) -> Option<usize> {
    let folded_run = fold(run);
    // Folding keeps letters one to one for Dutch text; otherwise offsets would not line up.
    if folded_run.chars().count() != run.chars().count() {
        return None;
    }
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
        if !split_is_glue(left, right, a, b, v) {
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

fn split_is_glue(left: &str, right: &str, a: &str, b: &str, v: &Vocabulary) -> bool {
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
        let once = v.count(&format!("{a}{b}")) <= 1;
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
    if v.count(&format!("{a}{b}")) > MAX_GLUED_COUNT {
        return false;
    }
    // "vanhet", "metde": a preposition or conjunction and an article are never one word.
    if matches!(b, "de" | "het") && PREPOSITION_OR_CONJUNCTION.contains(&a) {
        return true;
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

/// The runs of letters in a text (digits and punctuation separate them).
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Repairs every text of the corpus (questions and their headings, answers, letters, footnotes,
/// document titles and section headings) against the vocabulary of the whole corpus; returns per document id how many
/// spaces it put in.
pub fn repair_corpus(
    corpus: &mut crate::model::Corpus,
    vocabulary: &Vocabulary,
) -> Vec<(String, usize)> {
    use crate::model::Block;
    let mut splits: Vec<(String, usize)> = Vec::new();
    let mut split_of: FastMap<String, usize> = FastMap::default();
    let mut tokens: FastMap<String, String> = FastMap::default();
    let mut fix = |document: &str, text: &mut String| {
        let repaired = repair_remembering(text, vocabulary, &mut tokens);
        if repaired != *text {
            let n = repaired.matches(' ').count() - text.matches(' ').count();
            match split_of.get(document) {
                Some(&at) => splits[at].1 += n,
                None => {
                    split_of.insert(document.to_string(), splits.len());
                    splits.push((document.to_string(), n));
                }
            }
            *text = repaired;
        }
    };
    for q in &mut corpus.questions {
        fix(&q.document_id, &mut q.text);
        if let Some(heading) = &mut q.heading {
            fix(&q.document_id, heading);
        }
    }
    for a in &mut corpus.answers {
        fix(&a.document_id, &mut a.text);
    }
    for d in &mut corpus.documents {
        let id = d.id.clone();
        fix(&id, &mut d.title);
        for f in &mut d.footnotes {
            fix(&id, &mut f.text);
        }
        for s in &mut d.sections {
            if let Some(heading) = &mut s.heading {
                fix(&id, heading);
            }
            for b in &mut s.blocks {
                match b {
                    Block::Paragraph(p) => fix(&id, p),
                    Block::List(items) => items.iter_mut().for_each(|i| fix(&id, i)),
                    Block::Question(_) | Block::Answer(_) => {}
                }
            }
        }
    }
    splits
}

/// Every running text of the corpus: questions, answers, footnotes, paragraphs and list items.
pub fn corpus_texts(corpus: &crate::model::Corpus) -> Vec<&str> {
    use crate::model::Block;
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(corpus.questions.iter().map(|q| q.text.as_str()));
    texts.extend(corpus.answers.iter().map(|a| a.text.as_str()));
    for d in &corpus.documents {
        texts.extend(d.footnotes.iter().map(|f| f.text.as_str()));
        for s in &d.sections {
            for b in &s.blocks {
                match b {
                    Block::Paragraph(p) => texts.push(p),
                    Block::List(items) => texts.extend(items.iter().map(String::as_str)),
                    Block::Question(_) | Block::Answer(_) => {}
                }
            }
        }
    }
    texts
}
