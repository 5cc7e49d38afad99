//! Keeping each question once: a copy's facts go to the question it repeats, followed on through copies of copies, and the copy goes.

use super::link_sets::{Places, Roles};
use super::{LineFate, ParseOutput, Place};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::model::{Block, Question, QuestionSource, SourceRole};

/// What pairing the questions of linked documents found besides the copies: two questions one
/// copy repeats (with that copy), and pairs of questions judged different (lower index first).
#[derive(Default)]
pub(super) struct Pairs {
    pub(super) also_same: Vec<(usize, usize, usize)>,
    pub(super) different: FastSet<(usize, usize)>,
}

/// Moves everything of each dropped copy to the question it repeats, then drops the copies.
pub(super) fn apply_merges(out: &mut ParseOutput, merged_into: &FastMap<usize, usize>) {
    if merged_into.is_empty() {
        return;
    }
    let roles = Roles::of(&out.corpus.documents);
    let mut renamed: FastMap<Id, Id> = FastMap::default();
    let mut extra_sources: FastMap<usize, Vec<QuestionSource>> = FastMap::default();
    // In corpus order: a question repeated in two answer letters lists them, and takes what it
    // lacks from them, in the order of the corpus, not of a map.
    for (copy, kept) in finally_kept(merged_into) {
        let c = out.corpus.questions[copy].clone();
        let k = &mut out.corpus.questions[kept];
        fill_missing(k, &c);
        renamed.insert(c.id.clone(), k.id.clone());
        extra_sources.entry(kept).or_default().push(QuestionSource {
            role: roles.of_document(&c.document_id),
            document_id: c.document_id.to_string(),
        });
    }
    for (kept, sources) in extra_sources {
        out.corpus.questions[kept].sources.extend(sources);
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
            let (LineFate::Text(Place::Question(id)) | LineFate::RepeatedQuestion(id)) = fate
            else {
                continue;
            };
            if let Some(new) = renamed.get(id.as_str()) {
                *fate = LineFate::RepeatedQuestion(new.to_string());
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
/// those two. Kept is the question as sent in, else the one of a postponement notice, else the
/// first in corpus order. Two questions judged different, or of one document, stay two (a warning).
pub(super) fn join_the_same(
    out: &mut ParseOutput,
    places: &Places,
    merged_into: &mut FastMap<usize, usize>,
    pairs: Pairs,
) {
    let questions = &out.corpus.questions;
    let roles = Roles::of(&out.corpus.documents);
    let rank = |q: usize| {
        let rank = match roles.of_document(&questions[q].document_id) {
            SourceRole::Vragen => 0,
            SourceRole::Uitstel => 1,
            SourceRole::Antwoord => 2,
        };
        (rank, q)
    };
    let file = |q: usize| places.file(&questions[q].document_id);
    let mut notes = Vec::new();
    for (a, b, repeating) in pairs.also_same {
        let (a, b) = (kept_as(merged_into, a), kept_as(merged_into, b));
        if a == b {
            continue;
        }
        let (kept, copy) = if rank(a) <= rank(b) { (a, b) } else { (b, a) };
        let (c, k) = (&questions[copy], &questions[kept]);
        let judged_different = pairs.different.contains(&(kept.min(copy), kept.max(copy)));
        if judged_different || c.document_id == k.document_id {
            notes.push(Diagnostic::new(
                &file(repeating),
                None,
                Severity::Warning,
                format!(
                    "vraag {} herhaalt vraag {} in {} en vraag {} in {}, die verschillen; bewaard als twee vragen",
                    questions[repeating].number,
                    k.number,
                    file(kept),
                    c.number,
                    file(copy)
                ),
            ));
            continue;
        }
        merged_into.insert(copy, kept);
        notes.push(Diagnostic::new(
            &file(copy),
            None,
            Severity::Info,
            format!(
                "vraag {} is vraag {} in {}: {} herhaalt ze allebei; één keer meegeteld",
                c.number,
                k.number,
                file(kept),
                file(repeating)
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
