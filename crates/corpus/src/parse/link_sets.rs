//! One set of questions, one record per question: the questions as sent in and the answer letter that repeats them are linked, and each question is kept once.
//!
//! Two documents belong to one set when they print the same zaak number or the same Aanhangsel
//! number of the same vergaderjaar (`link_aanhangsel`), or, when no shared
//! number is printed, when at least [`MIN_TEXT_MATCHES`] of their questions have the same text.
//! Within a linked pair, a question of the answering document is the same question as one of the
//! asking document when their numbers are equal and their texts agree, or (numbers differing) when
//! exactly one text agrees. The asking document's record is kept (it names the askers, the party
//! and the date); it takes over the answer, and the answering document's copy is dropped, with
//! every reference to it (the answer, the document's blocks, the line fates) moved to the kept
//! record (`link_merges`: through copies of copies too, and two questions one copy repeats are
//! one). Every question then lists the documents it stands in, with their role.

use super::{link_merges, ParseOutput};
use crate::diagnostics::{Diagnostic, Severity};
use crate::fold::fold;
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::model::{Document, DocumentKind, QuestionSource, SourceRole};

/// Two question texts are one question when their 5-letter shingles (after folding, letters and
/// digits only) overlap at least this much (Jaccard). On today's corpus the questions that an
/// answer letter repeats score 1.0 against the questions document (glued words and line-end
/// hyphens vanish in the folding); the closest two different questions of at least
/// [`MIN_TEXT_CHARS`] score 0.57, and two different closing questions ("Kunt u deze vragen
/// afzonderlijk beantwoorden?") 0.81.
pub const SAME_QUESTION: f64 = 0.9;
/// Texts shorter than this (folded) are paired by number only, never by text alone.
pub const MIN_TEXT_CHARS: usize = 60;
/// Two documents without a shared number are one set when this many questions have the same text.
pub const MIN_TEXT_MATCHES: usize = 2;
/// Questions are grouped by the first this many folded characters before their texts are compared.
const PREFIX_CHARS: usize = 40;

/// Links the documents of each set of questions and keeps every question once.
pub fn link_sets(out: &mut ParseOutput) {
    let folded: Vec<String> = out
        .corpus
        .questions
        .iter()
        .map(|q| folded(&q.text))
        .collect();
    let mut merged_into: FastMap<usize, usize> = FastMap::default();
    let mut pairs = link_merges::Pairs::default();
    let places = Places::of(out);
    let links = document_links(out, &folded, &places);
    for link in links {
        pair_questions(out, &folded, &places, &link, &mut merged_into, &mut pairs);
    }
    link_merges::join_the_same(out, &places, &mut merged_into, pairs);
    link_merges::apply_merges(out, &merged_into);
    fill_sources(out);
}

/// Each document's questions (with whether it holds answers) and file, looked up once for all links.
pub(super) struct Places {
    pub(super) documents: FastMap<Id, (bool, Vec<usize>)>,
    file_of: FastMap<Id, String>,
}

impl Places {
    fn of(out: &ParseOutput) -> Places {
        let file_of = out
            .corpus
            .documents
            .iter()
            .map(|d| (d.id.clone(), d.file.clone()))
            .collect();
        Places {
            documents: documents_with_questions(out),
            file_of,
        }
    }

    fn questions(&self, document: &str) -> &[usize] {
        self.documents.get(document).map_or(&[], |d| d.1.as_slice())
    }

    /// The document's file name, or its id when no document has it.
    pub(super) fn file(&self, document: &str) -> String {
        self.file_of
            .get(document)
            .cloned()
            .unwrap_or_else(|| document.to_string())
    }
}

/// Two documents of one set: the one that asks and the one that answers, and why they belong together.
pub(super) struct DocumentLink {
    pub(super) asking: String,
    pub(super) answering: String,
    pub(super) why: String,
}

/// Text of a question folded for comparing: lowercase letters and digits only.
fn folded(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn shingles(folded: &str) -> FastSet<&str> {
    let starts: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
    if starts.len() < 5 {
        return FastSet::from_iter([folded]);
    }
    (0..=starts.len() - 5)
        .map(|k| &folded[starts[k]..starts.get(k + 5).copied().unwrap_or(folded.len())])
        .collect()
}

/// Jaccard overlap of the 5-letter shingles of two folded texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    overlap(&shingles(a), &shingles(b))
}

/// Jaccard overlap of two shingle sets.
fn overlap(sa: &FastSet<&str>, sb: &FastSet<&str>) -> f64 {
    let common = sa.intersection(sb).count();
    let all = sa.len() + sb.len() - common;
    if all == 0 {
        1.0
    } else {
        common as f64 / all as f64
    }
}

/// Per document id: whether it holds answers, and the indices of its questions.
fn documents_with_questions(out: &ParseOutput) -> FastMap<Id, (bool, Vec<usize>)> {
    let mut by_doc: FastMap<Id, (bool, Vec<usize>)> = FastMap::default();
    for (i, q) in out.corpus.questions.iter().enumerate() {
        by_doc.entry(q.document_id.clone()).or_default().1.push(i);
    }
    for a in &out.corpus.answers {
        if let Some(entry) = by_doc.get_mut(a.document_id.as_str()) {
            entry.0 = true;
        }
    }
    by_doc
}

/// The pairs of documents that are one set of questions, by zaak number, then by question text.
fn document_links(out: &mut ParseOutput, folded: &[String], places: &Places) -> Vec<DocumentLink> {
    let docs = &places.documents;
    let mut links: Vec<DocumentLink> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut by_zaak: FastMap<&str, Vec<&str>> = FastMap::default();
    for d in &out.corpus.documents {
        if let Some(zaak) = d.references.zaak.as_deref() {
            by_zaak.entry(zaak).or_default().push(d.id.as_str());
        }
    }
    let mut zaken: Vec<(&&str, &Vec<&str>)> = by_zaak.iter().filter(|(_, d)| d.len() > 1).collect();
    zaken.sort();
    for (zaak, ids) in zaken {
        let asking: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|&id| docs.get(id).is_some_and(|d| !d.0))
            .collect();
        let answering: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|&id| docs.get(id).is_some_and(|d| d.0))
            .collect();
        if asking.len() == 1 && answering.len() == 1 {
            links.push(DocumentLink {
                asking: asking[0].to_string(),
                answering: answering[0].to_string(),
                why: format!("zaak {zaak}"),
            });
        } else if asking.len() + answering.len() > 1 {
            let files: Vec<String> = ids.iter().map(|id| places.file(id)).collect();
            diagnostics.push(Diagnostic::new(
                &files[0],
                None,
                Severity::Warning,
                format!(
                    "{} vermelden zaak {zaak}, maar niet als één document met vragen en één met antwoorden ({} zonder antwoorden, {} met); niet gekoppeld",
                    files.join(", "),
                    asking.len(),
                    answering.len()
                ),
            ));
        }
    }
    links.extend(super::link_aanhangsel::aanhangsel_links(
        out,
        places,
        &links,
        &mut diagnostics,
    ));
    // Without a shared number: documents whose questions have the same text.
    let mut by_prefix: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, f) in folded.iter().enumerate() {
        if f.chars().count() >= MIN_TEXT_CHARS {
            by_prefix
                .entry(f.chars().take(PREFIX_CHARS).collect())
                .or_default()
                .push(i);
        }
    }
    let mut matches: FastMap<(String, String), usize> = FastMap::default();
    // Whether a question's document has answers, looked up once per question.
    let answered = |i: usize| {
        docs.get(out.corpus.questions[i].document_id.as_str())
            .map(|d| d.0)
    };
    for group in by_prefix.values() {
        let asking: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| answered(i) == Some(false))
            .collect();
        let answering: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| answered(i) == Some(true))
            .collect();
        if asking.is_empty() || answering.is_empty() {
            continue;
        }
        let answering: Vec<(usize, FastSet<&str>)> = answering
            .into_iter()
            .map(|y| (y, shingles(&folded[y])))
            .collect();
        for &x in &asking {
            let sx = shingles(&folded[x]);
            for (y, sy) in &answering {
                let y = *y;
                if overlap(&sx, sy) >= SAME_QUESTION {
                    let (qx, qy) = (&out.corpus.questions[x], &out.corpus.questions[y]);
                    *matches
                        .entry((qx.document_id.to_string(), qy.document_id.to_string()))
                        .or_default() += 1;
                }
            }
        }
    }
    let mut by_text: Vec<((String, String), usize)> = matches.into_iter().collect();
    by_text.sort();
    let known: FastSet<(String, String)> = links
        .iter()
        .map(|l| (l.asking.clone(), l.answering.clone()))
        .collect();
    for ((asking, answering), n) in by_text {
        if n >= MIN_TEXT_MATCHES && !known.contains(&(asking.clone(), answering.clone())) {
            links.push(DocumentLink {
                asking,
                answering,
                why: format!("{n} vragen met dezelfde tekst"),
            });
        }
    }
    out.diagnostics.extend(diagnostics);
    links
}

/// Finds, for each question of the answering document, the same question of the asking one.
fn pair_questions(
    out: &mut ParseOutput,
    folded: &[String],
    places: &Places,
    link: &DocumentLink,
    merged_into: &mut FastMap<usize, usize>,
    pairs: &mut link_merges::Pairs,
) {
    let questions = &out.corpus.questions;
    let (asking, answering) = (
        places.questions(&link.asking),
        places.questions(&link.answering),
    );
    let files = [places.file(&link.answering), places.file(&link.asking)];
    let mut taken: FastSet<usize> = FastSet::default();
    let mut notes = Vec::new();
    for &y in answering {
        let qy = &questions[y];
        let by_number = asking
            .iter()
            .copied()
            .find(|&x| questions[x].numbers == qy.numbers && !qy.numbers.is_empty());
        let score = |x: usize| similarity(&folded[x], &folded[y]);
        let pick = match by_number {
            Some(x) if score(x) >= SAME_QUESTION => Some(x),
            Some(x) => {
                pairs.different.insert((x.min(y), x.max(y)));
                notes.push((Severity::Warning, format!(
                    "vraag {} wijkt af van vraag {} in {} (overeenkomst {:.2} < {SAME_QUESTION}); bewaard als twee vragen",
                    qy.number, questions[x].number, files[1], score(x)
                )));
                None
            }
            None => {
                let long = folded[y].chars().count() >= MIN_TEXT_CHARS;
                let same: Vec<usize> = asking
                    .iter()
                    .copied()
                    .filter(|&x| long && !taken.contains(&x) && score(x) >= SAME_QUESTION)
                    .collect();
                if same.len() > 1 {
                    let numbers: Vec<&str> =
                        same.iter().map(|&x| questions[x].number.as_str()).collect();
                    notes.push((
                        Severity::Warning,
                        format!(
                            "vraag {} heeft de tekst van meerdere vragen in {} ({}); niet gekoppeld",
                            qy.number,
                            files[1],
                            numbers.join(", ")
                        ),
                    ));
                }
                (same.len() == 1).then(|| same[0])
            }
        };
        if let Some(x) = pick.filter(|x| taken.insert(*x)) {
            // A copy that another link already paired keeps that pair; the two it repeats are
            // one question ([`join_the_same`]).
            match merged_into.get(&y) {
                Some(&before) if before != x => pairs.also_same.push((x, before, y)),
                _ => {
                    merged_into.insert(y, x);
                }
            }
            notes.push((
                Severity::Info,
                format!(
                    "vraag {} is vraag {} in {} ({}); één keer meegeteld",
                    qy.number, questions[x].number, files[1], link.why
                ),
            ));
        }
    }
    for (severity, message) in notes {
        out.diagnostics
            .push(Diagnostic::new(&files[0], None, severity, message));
    }
}

/// Every question lists its own document first, with the role its kind gives it: questions as
/// sent in, a postponement, or an answer (an Aanhangsel or answer letter, which prints the
/// question with its answer).
fn fill_sources(out: &mut ParseOutput) {
    let roles = Roles::of(&out.corpus.documents);
    for q in &mut out.corpus.questions {
        let role = roles.of_document(&q.document_id);
        // Run again over a corpus that already has its sources (own documents added in the browser
        // are merged into a built corpus), a question keeps the one entry for its own document.
        if q.sources.iter().any(|s| s.document_id == q.document_id) {
            continue;
        }
        let own = QuestionSource {
            document_id: q.document_id.to_string(),
            role,
        };
        q.sources.insert(0, own);
    }
}

/// What each document of the corpus is for the questions it prints, by id: the questions as sent
/// in, a postponement, or an answer (an Aanhangsel or answer letter prints the question with its
/// answer).
pub(super) struct Roles<'a>(FastMap<&'a str, SourceRole>);

impl<'a> Roles<'a> {
    pub(super) fn of(documents: &'a [Document]) -> Roles<'a> {
        let role = |kind| match kind {
            DocumentKind::Uitstel => SourceRole::Uitstel,
            DocumentKind::Antwoordbrief | DocumentKind::KamervragenMetAntwoord => {
                SourceRole::Antwoord
            }
            _ => SourceRole::Vragen,
        };
        Roles(
            documents
                .iter()
                .map(|d| (d.id.as_str(), role(d.kind)))
                .collect(),
        )
    }

    /// The role of the document `id` (a document not in the corpus counts as questions).
    pub(super) fn of_document(&self, id: &str) -> SourceRole {
        self.0.get(id).copied().unwrap_or(SourceRole::Vragen)
    }
}
