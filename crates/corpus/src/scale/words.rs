//! Draws the words of a document's running text anew in each copy, so that copies do not repeat it.
//!
//! Every plain lower-case word, and every capitalised word that starts a sentence, becomes a word
//! of the same kind drawn from the corpus by frequency (half of the time from the same document, so
//! a copy keeps its topic). Only the lines the parser reads as question, answer or section text
//! change, and not the opening of a question or answer up to its number (`Antwoord op vragen 5 en
//! 6`), or, where the parser needs it, up to the last name in it (`1. De leden van de fractie van de
//! BBB`). A question and the copy an answer letter prints of it draw the same words (one stream per
//! question), so they stay equal.
//! Per document, the parser reads [`PROBES`] such copies at each [`LEVELS`] until they read as the
//! original (kind, questions, answers with their numbers, parties, dates); where none does, the
//! document keeps its words.

use super::shuffle::is_marker;
use super::Rng;
use crate::hash::fnv1a;
use crate::parse::{parse_text, LineFate, Parsed, Place};
use crate::registry::Registry;
use std::collections::{HashMap, HashSet};

/// The first line of a question or answer keeps its opening (see [`opening`]).
const LEAD_TOKENS: usize = 2;
const LEAD_WINDOW: usize = 10;
/// Copies the parser reads per document before its words are drawn anew.
const PROBES: u64 = 3;

/// The kinds of words that are drawn anew, each from words of its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Lower-case letters only, two or more.
    Plain = 0,
    /// A capital and then lower-case letters, after a token that ends a sentence.
    SentenceStart = 1,
}

/// Words by [`Kind`], once per occurrence (so that drawing one is drawing by frequency).
type Words = [Vec<String>; 2];

/// The words to draw from, and per document which lines change.
#[derive(Debug, Default)]
pub struct WordPool {
    every: Words,
    per_document: Vec<Words>,
    /// Per document, per line: whether and how its words are drawn anew.
    free_lines: Vec<Vec<Option<Free>>>,
    /// Per document: what the parser reads from the original.
    readings: Vec<Reading>,
    resample: Vec<bool>,
}

/// What a parser reads from a document, to compare a copy with its original.
#[derive(Debug, PartialEq)]
struct Reading {
    kind: String,
    questions: Vec<String>,
    answers: Vec<String>,
}

fn reading(parsed: &Parsed) -> Reading {
    Reading {
        kind: format!("{:?}", parsed.document.kind),
        questions: parsed
            .questions
            .iter()
            .map(|q| format!("{} {:?} {:?}", q.number, q.parties, q.asked_on))
            .collect(),
        answers: parsed.answers.iter().map(|a| a.number.clone()).collect(),
    }
}

/// Which lines change: section text or not, a question with its repetition or neither, and
/// whether an opening keeps the names in it.
#[derive(Debug, Clone, Copy)]
struct Level {
    sections: bool,
    repeated: bool,
    names: bool,
}

/// The levels tried per document, most text first: each of the three kinds of lines first with
/// openings that keep only their number, then with openings that keep their names too.
const LEVELS: [Level; 6] = [
    level(true, true, false),
    level(true, true, true),
    level(false, true, false),
    level(false, true, true),
    level(false, false, false),
    level(false, false, true),
];

const fn level(sections: bool, repeated: bool, names: bool) -> Level {
    Level {
        sections,
        repeated,
        names,
    }
}

/// A line whose words are drawn anew: after how many of its (non-empty) tokens, and for question
/// text the question it belongs to (a question and its repetition draw the same words, so they stay equal).
#[derive(Debug, Clone, PartialEq)]
struct Free {
    from: usize,
    question: Option<String>,
}

/// Per line: whether and how its words are drawn anew (see the module comment).
fn text_lines(parsed: &Parsed, lines: &[&str], level: Level) -> Vec<Option<Free>> {
    let fates = &parsed.line_fates;
    let repeated: HashSet<&str> = fates
        .iter()
        .filter_map(|f| match f {
            LineFate::RepeatedQuestion(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let words = |i: usize| lines[i].split(' ').filter(|t| !t.is_empty());
    // Tokens of the current question or answer's opening still to keep, over its lines.
    let mut opening_left = 0;
    (0..lines.len())
        .map(|i| {
            let question = match fates.get(i) {
                _ if is_marker(lines[i]) => return None,
                Some(LineFate::Text(Place::Question(id))) => {
                    if repeated.contains(id.as_str()) && !level.repeated {
                        return None;
                    }
                    Some(id.clone())
                }
                Some(LineFate::RepeatedQuestion(id)) if level.repeated => Some(id.clone()),
                Some(LineFate::Text(Place::Answer(_))) => None,
                Some(LineFate::Text(Place::Section(_))) if level.sections => None,
                _ => return None,
            };
            // The first line of its place, blank lines between not counted.
            let before = fates[..i.min(fates.len())]
                .iter()
                .rev()
                .find(|f| **f != LineFate::Blank);
            if before != fates.get(i) {
                let place: Vec<&str> = (i..lines.len())
                    .take_while(|&j| {
                        fates
                            .get(j)
                            .is_some_and(|f| *f == fates[i] || *f == LineFate::Blank)
                    })
                    .flat_map(words)
                    .take(LEAD_WINDOW)
                    .collect();
                opening_left = opening(&place, level.names);
            }
            let from = opening_left.min(words(i).count());
            opening_left -= from;
            Some(Free { from, question })
        })
        .collect()
}

/// How many of the first tokens of a question or answer stay (whatever its line breaks): at least
/// [`LEAD_TOKENS`], and up to its number (`Antwoord op vragen 5 en 6`), or with `names` up to its
/// last name too (`1. De leden van de fractie van de BBB`). `tokens` are its first [`LEAD_WINDOW`].
fn opening(tokens: &[&str], names: bool) -> usize {
    let marks = (0..tokens.len()).rev().find(|&t| {
        let word = split_token(tokens[t]).1;
        let name = names
            && t > 0
            && word.starts_with(char::is_uppercase)
            && !tokens[t - 1].ends_with(['.', '?', '!', ':']);
        name || tokens[t].contains(|c: char| c.is_ascii_digit())
    });
    LEAD_TOKENS
        .max(marks.map_or(0, |t| t + 1))
        .min(tokens.len())
}

/// The kind of word `core` is, if it is drawn anew; `after` is the token before it, if any.
fn kind_of(core: &str, after: Option<&str>) -> Option<Kind> {
    let lower = |c: char| c.is_alphabetic() && c.is_lowercase();
    let mut chars = core.chars();
    let first = chars.next()?;
    if core.chars().count() < 2 {
        None
    } else if lower(first) && chars.all(lower) {
        Some(Kind::Plain)
    } else if first.is_uppercase()
        && chars.all(lower)
        && after.is_some_and(|t| t.ends_with(['.', '?', '!', ':']))
    {
        Some(Kind::SentenceStart)
    } else {
        None
    }
}

/// A token split into its leading punctuation, its word and its trailing punctuation.
fn split_token(token: &str) -> (&str, &str, &str) {
    let start = token
        .find(|c: char| c.is_alphabetic())
        .unwrap_or(token.len());
    let end = token.rfind(|c: char| c.is_alphabetic()).map_or(start, |i| {
        i + token[i..].chars().next().map_or(1, char::len_utf8)
    });
    (&token[..start], &token[start..end], &token[end..])
}

/// Calls `f` with each word of the free lines that is drawn anew: line, token, word, kind and the
/// question it belongs to, if any.
fn for_each_word<'t>(
    text: &'t str,
    free: &'t [Option<Free>],
    mut f: impl FnMut(usize, usize, &'t str, Kind, Option<&'t str>),
) {
    let mut after: Option<&str> = None;
    for (i, line) in text.split('\n').enumerate() {
        let line_free = free.get(i).and_then(Option::as_ref);
        let mut seen = 0; // non-empty tokens so far on this line
        for (t, token) in line.split(' ').enumerate() {
            if let Some(Free { from, question }) = line_free {
                let word = split_token(token).1;
                if seen >= *from {
                    if let Some(kind) = kind_of(word, after) {
                        f(i, t, word, kind, question.as_deref());
                    }
                }
            }
            seen += usize::from(!token.is_empty());
            if !token.is_empty() {
                after = Some(token);
            }
        }
    }
}

impl WordPool {
    /// Learns the words of `texts` (named by `names`) and checks per document that the parser reads
    /// copies with words drawn anew as it reads the original.
    pub fn new(names: &[String], texts: &[&str], registry: &Registry, seed: u64) -> WordPool {
        let lines: Vec<Vec<&str>> = texts.iter().map(|t| t.split('\n').collect()).collect();
        let originals: Vec<Parsed> = names
            .iter()
            .zip(texts)
            .map(|(name, text)| parse_text(name, text, registry))
            .collect();
        let mut pool = WordPool::default();
        for ((text, parsed), lines) in texts.iter().zip(&originals).zip(&lines) {
            let free = text_lines(parsed, lines, LEVELS[0]);
            let mut words = Words::default();
            for_each_word(text, &free, |_, _, word, kind, _| {
                words[kind as usize].push(word.to_string());
            });
            for (every, own) in pool.every.iter_mut().zip(&words) {
                every.extend(own.iter().cloned());
            }
            pool.per_document.push(words);
            pool.free_lines.push(free);
        }
        pool.resample = vec![true; texts.len()];
        let readings: Vec<Reading> = originals.iter().map(reading).collect();
        // The first level at which copies read as the original; else nothing.
        for (index, (name, text)) in names.iter().zip(texts).enumerate() {
            let original = &readings[index];
            let reads_alike = |pool: &WordPool| {
                (0..PROBES).all(|probe| {
                    let mut rng = Rng::new(seed ^ probe.wrapping_mul(0x9E37_79B9_7F4A_7C15));
                    let copy = pool.draw(index, text, &mut rng);
                    reading(&parse_text(name, &copy, registry)) == *original
                })
            };
            pool.resample[index] = LEVELS.iter().any(|&level| {
                pool.free_lines[index] = text_lines(&originals[index], &lines[index], level);
                reads_alike(&pool)
            });
        }
        pool.readings = readings;
        pool
    }

    /// Whether document `index`'s words are drawn anew in its copies.
    pub fn resamples(&self, index: usize) -> bool {
        self.resample[index]
    }

    /// Whether the parser reads `text` (a copy of document `index` named `name`) as the original.
    pub fn reads_as_original(
        &self,
        index: usize,
        name: &str,
        text: &str,
        registry: &Registry,
    ) -> bool {
        reading(&parse_text(name, text, registry)) == self.readings[index]
    }

    /// `text` (document `index`) with its words drawn anew; callers draw only where
    /// [`WordPool::resamples`] says the parser reads such copies as the original.
    pub fn draw(&self, index: usize, text: &str, rng: &mut Rng) -> String {
        let mut lines: Vec<Vec<String>> = text
            .split('\n')
            .map(|l| l.split(' ').map(str::to_string).collect())
            .collect();
        let own = &self.per_document[index];
        // A question's words come from a stream of its own, the same for its repetition.
        let copy = rng.next_u64();
        let mut per_question: HashMap<&str, Rng> = HashMap::new();
        for_each_word(
            text,
            &self.free_lines[index],
            |i, t, word, kind, question| {
                let rng = match question {
                    Some(id) => per_question
                        .entry(id)
                        .or_insert_with(|| Rng::new(copy ^ fnv1a(id.as_bytes()))),
                    None => &mut *rng,
                };
                let (own, every) = (&own[kind as usize], &self.every[kind as usize]);
                let from = if own.is_empty() || rng.below(2) == 0 {
                    every
                } else {
                    own
                };
                if !from.is_empty() {
                    let to = &from[rng.below(from.len())];
                    lines[i][t] = lines[i][t].replacen(word, to, 1);
                }
            },
        );
        let lines: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_splits_into_punctuation_and_word() {
        assert_eq!(split_token("(zie"), ("(", "zie", ""));
        assert_eq!(split_token("niet?"), ("", "niet", "?"));
        assert_eq!(split_token("oorlogsmis-"), ("", "oorlogsmis", "-"));
        assert_eq!(split_token("2024,"), ("2024,", "", ""));
        assert_eq!(split_token("één."), ("", "één", "."));
    }

    #[test]
    fn names_numbers_and_other_lines_stay_while_plain_words_and_sentence_starts_change() {
        let text = "Vragen van het lid Inge van Dijk (CDA)\nVraag 1\nDeelt u de mening dat het plan van Inge van Dijk niet werkt, sinds 2024? Zo nee, waarom?";
        let pool = WordPool {
            every: [vec!["kikker".into()], vec!["Pad".into()]],
            per_document: vec![[vec!["kikker".into()], vec!["Pad".into()]]],
            free_lines: vec![vec![
                None,
                None,
                Some(Free {
                    from: 1,
                    question: None,
                }),
            ]],
            readings: Vec::new(),
            resample: vec![true],
        };
        assert_eq!(
            pool.draw(0, text, &mut Rng::new(1)),
            "Vragen van het lid Inge van Dijk (CDA)\nVraag 1\nDeelt u kikker kikker kikker kikker kikker kikker Inge kikker Dijk kikker kikker, kikker 2024? Pad kikker, kikker?"
        );
    }

    #[test]
    fn only_plain_words_and_sentence_starts_are_drawn_anew() {
        assert_eq!(kind_of("mening", Some("de")), Some(Kind::Plain));
        assert_eq!(kind_of("Zo", Some("niet?")), Some(Kind::SentenceStart));
        assert_eq!(kind_of("Dijk", Some("van")), None);
        assert_eq!(kind_of("VN", Some("De")), None);
        assert_eq!(kind_of("u", Some("Deelt")), None);
        assert_eq!(kind_of("", None), None);
    }

    #[test]
    fn an_opening_keeps_its_number_and_only_on_the_second_try_its_last_name() {
        let question: Vec<&str> = "Vraag 6 Hoe verhoudt dit zich tot Chemelot en de"
            .split(' ')
            .collect();
        assert_eq!(opening(&question, false), 2);
        assert_eq!(opening(&question, true), 8);
        let answer: Vec<&str> = "Antwoord op vragen 5 en 6 Het".split(' ').collect();
        assert_eq!(opening(&answer, false), 6);
        let party: Vec<&str> = "1. De leden van de fractie van de BBB vragen"
            .split(' ')
            .collect();
        assert_eq!(opening(&party, false), 2);
        assert_eq!(opening(&party, true), 9);
    }
}
