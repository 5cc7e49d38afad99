//! The glued-word repair over a whole corpus: every text against the corpus's vocabulary, then a second look at the tokens the first round's splits touch.

use super::glued_words::{repair_token, SHORTEST_REPAIRED};
use super::glued_words_vocabulary::Vocabulary;
use crate::fold::fold;
use crate::hash::{FastMap, FastSet};
use crate::model::{Block, Corpus};
use crate::text_scan::split_spaces;
use crate::word_key::WordKey;

/// Per document id, how many spaces the repair put in (in the order the documents were first
/// repaired).
#[derive(Default)]
struct Splits {
    per_document: Vec<(String, usize)>,
    at: FastMap<String, usize>,
}

impl Splits {
    fn add(&mut self, document: &str, n: usize) {
        match self.at.get(document) {
            Some(&at) => self.per_document[at].1 += n,
            None => {
                self.at
                    .insert(document.to_string(), self.per_document.len());
                self.per_document.push((document.to_string(), n));
            }
        }
    }
}

/// Repairs the texts of the documents that `repairs` selects by id (the build: all of them; own
/// documents added to the published corpus: only those, as the published texts were repaired when
/// they were built) against the vocabulary of the whole corpus. A split changes what the corpus
/// says: "antwoordtoelichten" split, no word the corpus uses twice ends with "toelichten" any more,
/// and "entoelichten" may split. So a second round looks again, against the vocabulary with the
/// first round's repairs counted in, at the pieces the first made and at the tokens that are a pair
/// it wrote apart or begin or end with a word or ending whose standing changed. Returns the
/// vocabulary the first round judged by (the corpus as read) and per document id how many spaces
/// were put in.
pub fn repair_corpus(
    corpus: &mut Corpus,
    repairs: &dyn Fn(&str) -> bool,
) -> (Vocabulary, Vec<(String, usize)>) {
    let first = Vocabulary::of(
        corpus_texts(corpus),
        corpus.documents.iter().map(|d| d.title.as_str()),
    );
    let mut splits = Splits::default();
    // Every token once (a corpus repeats its tokens), with its repair if it has one.
    let mut tokens: FastMap<WordKey, Option<String>> = FastMap::default();
    let mut stretches: Vec<(String, String)> = Vec::new();
    each_text(
        corpus,
        repairs,
        &|_| true,
        &mut splits,
        Some(&mut stretches),
        &mut |token| {
            if token.len() < SHORTEST_REPAIRED {
                return None;
            }
            if let Some(fixed) = tokens.get(token.as_bytes()) {
                return fixed.clone();
            }
            let fixed = repair_token(token, &first);
            let fixed = (fixed != token).then_some(fixed);
            tokens.insert(WordKey::from(token), fixed.clone());
            fixed
        },
    );
    if splits.per_document.is_empty() {
        return (first, splits.per_document);
    }
    let mut vocabulary = first.clone();
    let mut changed: FastSet<String> = FastSet::default();
    for (old, new) in &stretches {
        vocabulary.recount(old, new, &mut changed);
    }
    let again: FastMap<String, String> = tokens
        .iter()
        .flat_map(|(token, fixed)| {
            let pieces = fixed.iter().flat_map(|fixed| fixed.split(' '));
            let token = token.as_str();
            let touched = (fixed.is_none() && touches(token, &changed)).then_some(token);
            pieces.chain(touched)
        })
        .filter_map(|token| {
            let fixed = repair_token(token, &vocabulary);
            (fixed != token).then(|| (token.to_string(), fixed))
        })
        .collect();
    if !again.is_empty() {
        // Most tokens have a length no token to repair again has: those are not looked up. And
        // where there are few, a text that holds none of them is not read token by token.
        let lengths = TokenLengths::of(again.keys());
        let few = again.len() <= FEW_TO_LOOK_FOR;
        let may_hold = |text: &str| !few || again.keys().any(|token| text.contains(token.as_str()));
        each_text(
            corpus,
            repairs,
            &may_hold,
            &mut splits,
            None,
            &mut |token| {
                if !lengths.may_hold(token) {
                    return None;
                }
                again.get(token).cloned()
            },
        );
    }
    (first, splits.per_document)
}

/// Up to this many tokens to repair again are looked for in each text as a whole first.
const FEW_TO_LOOK_FOR: usize = 8;

/// The byte lengths of a set of tokens, for a quick "not one of them" (lengths of 127 bytes and
/// more share one bit).
struct TokenLengths(u128);

impl TokenLengths {
    fn of<'t>(tokens: impl Iterator<Item = &'t String>) -> TokenLengths {
        TokenLengths(tokens.fold(0, |bits, t| bits | 1 << t.len().min(127)))
    }

    fn may_hold(&self, token: &str) -> bool {
        self.0 & 1 << token.len().min(127) != 0
    }
}

/// Where a text stands in the corpus: only running text is counted in the vocabulary.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Running,
    TitleOrHeading,
}

/// Puts `repair(token)` in place of every space-separated token for which it has one, in every
/// text of the documents `repairs` selects (questions and their headings, answers, titles,
/// footnotes, section headings, paragraphs and list items) that `may_hold` a token to repair,
/// counting the spaces put in. In `stretches`, each replaced token of running text with its
/// neighbours, as it was and as it is: once per text, as [`Vocabulary::of`] counts a repeated
/// paragraph once.
fn each_text(
    corpus: &mut Corpus,
    repairs: &dyn Fn(&str) -> bool,
    may_hold: &dyn Fn(&str) -> bool,
    splits: &mut Splits,
    mut stretches: Option<&mut Vec<(String, String)>>,
    repair: &mut dyn FnMut(&str) -> Option<String>,
) {
    let mut seen: FastSet<String> = FastSet::default();
    let mut fix = |document: &str, text: &mut String, kind: Kind| {
        if !repairs(document) || !may_hold(text) {
            return;
        }
        let mut out: Option<String> = None;
        let mut record = false;
        let mut tokens = split_spaces(text).enumerate().peekable();
        while let Some((i, token)) = tokens.next() {
            let fixed = repair(token);
            if fixed.is_some() && out.is_none() {
                let before: Vec<&str> = split_spaces(text).take(i).collect();
                out = Some(before.join(" "));
                record = kind == Kind::Running && seen.insert(text.trim().to_string());
            }
            let Some(out) = &mut out else {
                continue;
            };
            if let (Some(fixed), true, Some(stretches)) = (&fixed, record, stretches.as_deref_mut())
            {
                // The word before as repaired, the token after as it was.
                let before = if i == 0 {
                    ""
                } else {
                    out.rsplit(' ').next().unwrap_or("")
                };
                let after = tokens.peek().map_or("", |(_, t)| *t);
                stretches.push((
                    format!("{before} {token} {after}"),
                    format!("{before} {fixed} {after}"),
                ));
            }
            if i > 0 {
                out.push(' ');
            }
            match &fixed {
                Some(fixed) => {
                    splits.add(
                        document,
                        fixed.matches(' ').count() - token.matches(' ').count(),
                    );
                    out.push_str(fixed);
                }
                None => out.push_str(token),
            }
        }
        if let Some(out) = out {
            *text = out;
        }
    };
    use Kind::{Running, TitleOrHeading};
    for q in &mut corpus.questions {
        fix(&q.document_id, &mut q.text, Running);
        if let Some(heading) = &mut q.heading {
            fix(&q.document_id, heading, TitleOrHeading);
        }
    }
    for a in &mut corpus.answers {
        fix(&a.document_id, &mut a.text, Running);
    }
    for d in &mut corpus.documents {
        let id = d.id.clone();
        fix(&id, &mut d.title, TitleOrHeading);
        for f in &mut d.footnotes {
            fix(&id, &mut f.text, Running);
        }
        for s in &mut d.sections {
            if let Some(heading) = &mut s.heading {
                fix(&id, heading, TitleOrHeading);
            }
            for b in &mut s.blocks {
                match b {
                    Block::Paragraph(p) => fix(&id, p, Running),
                    Block::List(items) => items.iter_mut().for_each(|i| fix(&id, i, Running)),
                    Block::Question(_) | Block::Answer(_) => {}
                }
            }
        }
    }
}

/// Whether a letter run of `token` is one of `words` or begins or ends with one.
fn touches(token: &str, words: &FastSet<String>) -> bool {
    token
        .split(|c: char| !c.is_alphabetic())
        .filter(|run| run.len() >= 5)
        .any(|run| {
            let folded = fold(run);
            words.contains(&folded)
                || folded
                    .char_indices()
                    .skip(2)
                    .any(|(at, _)| words.contains(&folded[..at]) || words.contains(&folded[at..]))
        })
}

/// Every running text of the corpus: questions, answers, footnotes, paragraphs and list items.
pub fn corpus_texts(corpus: &Corpus) -> Vec<&str> {
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
