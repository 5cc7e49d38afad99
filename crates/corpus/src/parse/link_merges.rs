//! Keeping each question once: a copy's facts go to the question it repeats, followed on through copies of copies, and the copy goes.

use super::link_sets::Places;
use super::{LineFate, ParseOutput, Place};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::FastMap;
use crate::id::Id;
use crate::model::{Block, Question, QuestionSource, SourceRole};

/// Moves everything of each dropped copy to the question it repeats, then drops the copies.
pub(super) fn apply_merges(out: &mut ParseOutput, merged_into: &FastMap<usize, usize>) {
    if merged_into.is_empty() {
        return;
    }
    let mut renamed: FastMap<Id, Id> = FastMap::default();
    let mut extra_sources: FastMap<usize, Vec<String>> = FastMap::default();
    // In corpus order: a question repeated in two answer letters lists them, and takes what it
    // lacks from them, in the order of the corpus, not of a map.
    for (copy, kept) in finally_kept(merged_into) {
        let c = out.corpus.questions[copy].clone();
        let k = &mut out.corpus.questions[kept];
        fill_missing(k, &c);
        renamed.insert(c.id.clone(), k.id.clone());
        extra_sources
            .entry(kept)
            .or_default()
            .push(c.document_id.to_string());
    }
    for (kept, docs) in extra_sources {
        let q = &mut out.corpus.questions[kept];
        for document_id in docs {
            q.sources.push(QuestionSource {
                document_id,
                role: SourceRole::Antwoord,
            });
        }
    }
    for a in &mut out.corpus.answers {
        for id in &mut a.question_ids {
            if let Some(new) = renamed.get(id.as_str()) {
                *id = new.clone();
            }
        }
    }
    for d in &mut out.corpus.documents {
        for block in d.sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
            if let Block::Question(id) = block {
                if let Some(new) = renamed.get(id.as_str()) {
                    *id = new.to_string();
                }
            }
        }
    }
    for (_, fates) in &mut out.line_fates {
        for fate in fates.iter_mut() {
            if let LineFate::Text(Place::Question(id)) = fate {
                if let Some(new) = renamed.get(id.as_str()) {
                    *fate = LineFate::RepeatedQuestion(new.to_string());
                }
            }
        }
    }
    out.corpus
        .questions
        .retain(|q| !renamed.contains_key(q.id.as_str()));
}

/// Two questions that one copy repeats are one question too: an answer letter linked by its zaak
/// to the questions as sent in and by its Aanhangsel number to the Aanhangsel repeats the question
/// of both, also when a set of one question is too small for the link by the same texts between
/// those two. The question of a document without answers (the questions as sent in) is kept,
/// else the first in corpus order.
pub(super) fn join_the_same(
    out: &mut ParseOutput,
    places: &Places,
    merged_into: &mut FastMap<usize, usize>,
    also_same: Vec<(usize, usize, usize)>,
) {
    let questions = &out.corpus.questions;
    let answers = |q: usize| {
        let document = questions[q].document_id.as_str();
        places.documents.get(document).is_some_and(|d| d.0)
    };
    let mut notes = Vec::new();
    for (a, b, repeating) in also_same {
        let (a, b) = (kept_as(merged_into, a), kept_as(merged_into, b));
        if a == b {
            continue;
        }
        let (kept, copy) = if (answers(a), a) <= (answers(b), b) {
            (a, b)
        } else {
            (b, a)
        };
        merged_into.insert(copy, kept);
        let (c, k) = (&questions[copy], &questions[kept]);
        notes.push(Diagnostic::new(
            &places.file(&c.document_id),
            None,
            Severity::Info,
            format!(
                "vraag {} is vraag {} in {}: {} herhaalt ze allebei; één keer meegeteld",
                c.number,
                k.number,
                places.file(&k.document_id),
                places.file(&questions[repeating].document_id)
            ),
        ));
    }
    out.diagnostics.extend(notes);
}

/// The question `question` is finally kept as: itself, or the one its copy repeats, followed on.
/// Of copies that repeat each other round, the first in corpus order is kept.
fn kept_as(merged_into: &FastMap<usize, usize>, question: usize) -> usize {
    let mut path = vec![question];
    let Some(&(mut at)) = merged_into.get(&question) else {
        return question;
    };
    loop {
        if let Some(start) = path.iter().position(|&p| p == at) {
            return path[start..].iter().copied().min().unwrap_or(at);
        }
        match merged_into.get(&at) {
            Some(&next) => {
                path.push(at);
                at = next;
            }
            None => return at,
        }
    }
}

/// Each copy with the question it is kept as, in corpus order. The question a copy repeats may be
/// a copy itself: the Word answer letter repeats the Aanhangsel that repeats the questions as
/// sent in, so its copy goes on to those questions (else the letter's answer would point at a
/// question no longer there). Of copies that repeat each other round, the first in corpus order
/// is kept.
fn finally_kept(merged_into: &FastMap<usize, usize>) -> Vec<(usize, usize)> {
    let mut merges: Vec<(usize, usize)> = merged_into
        .keys()
        .map(|&copy| (copy, kept_as(merged_into, copy)))
        .filter(|(copy, kept)| copy != kept)
        .collect();
    merges.sort_unstable();
    merges
}

/// What the kept record lacks and the copy printed: the answer, the addressee, the heading, the
/// date, the askers and their party.
fn fill_missing(kept: &mut Question, copy: &Question) {
    if kept.answer_id.is_none() {
        kept.answer_id = copy.answer_id.clone();
    }
    if kept.addressed_to.is_none() {
        kept.addressed_to = copy.addressed_to.clone();
    }
    if kept.heading.is_none() {
        kept.heading = copy.heading.clone();
    }
    if kept.asked_on.is_none() {
        kept.asked_on = copy.asked_on;
    }
    if kept.askers.is_empty() {
        kept.askers = copy.askers.clone();
    }
    if kept.parties.is_empty() {
        kept.parties = copy.parties.clone();
    }
}
