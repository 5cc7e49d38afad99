//! Documents a reader adds in the browser: read by the build's parser, checked against the published corpus and merged into it.
//!
//! An own document goes through the same code as a file in the data folder: every file is read
//! on its own ([`parse::read_sources`]), then the passes over the whole corpus
//! ([`parse::corpus_passes`]) run over the published corpus and the own documents together, so an
//! own answer letter is linked to the published questions of its set, its glued words are split
//! with the corpus's vocabulary and its askers get their parties. A file that is the same
//! publication as a published document is not added twice: it is named as already there.

use crate::diagnostics::{Diagnostic, Severity};
use crate::id::Id;
use crate::model::{Block, Corpus, Document};
use crate::parse::sources::{SourceFile, Sources};
use crate::parse::{self, dedupe, Builtin, ParseOutput};
use crate::text;
use std::collections::{HashMap, HashSet};

/// Every own document's id starts with this, and so does every link to one: a link to an own
/// document is recognised on a device that does not have it. The build refuses data files whose
/// name starts with it.
pub const OWN_ID_PREFIX: &str = "eigen-";

/// Whether a document (or question, or answer) id is that of an own document.
pub fn is_own(id: &str) -> bool {
    id.starts_with(OWN_ID_PREFIX)
}

/// Where the work on own documents is, for progress and timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// Reading and parsing this file (the name as the reader knows it) starts.
    Reading(&'a str),
    /// Every file is read; the passes over the published corpus and the own documents start.
    Merging,
    /// The merged corpus is being indexed for search (by the caller that builds the artifact).
    Indexing,
}

/// The published corpus with the own documents in it, and what became of every file.
pub struct Added {
    pub corpus: Corpus,
    /// One per file handed over, in the order they came.
    pub files: Vec<FileOutcome>,
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutcome {
    /// The file's name as the reader knows it.
    pub name: String,
    pub result: Outcome,
    /// What the parser said about the file besides (warnings and notes), as the build says it.
    pub messages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Added as this document, with this many questions of its own (a repeated question that
    /// joined a published one is not counted again).
    Added {
        document_id: String,
        questions: usize,
    },
    /// The same publication as this published document ("staat al in Briefwissel").
    AlreadyPublished {
        document_id: String,
        title: String,
        why: String,
    },
    /// Not added, with the build's message naming the file.
    Refused(String),
}

/// Reads `files` as the build would and merges them into `published` (a corpus as the build made
/// it), telling `on_step` where it is (each file's reading, then the merge). Never panics; a file that
/// cannot be read is refused with the build's message and the others go on. `Err` only when the
/// built-in registry data is malformed.
pub fn add_documents(
    published: &Corpus,
    files: Vec<SourceFile>,
    on_step: &mut dyn FnMut(Step),
) -> Result<Added, String> {
    let builtin = Builtin::checked()?;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let own_files = files
        .into_iter()
        .map(|f| SourceFile {
            name: format!("{OWN_ID_PREFIX}{}", f.name),
            shown: f.shown,
            bytes: f.bytes,
        })
        .collect();
    let mut own = parse::read_sources(
        Sources {
            files: own_files,
            skipped: Vec::new(),
        },
        &builtin.registry,
        &mut |name| {
            on_step(Step::Reading(
                name.strip_prefix(OWN_ID_PREFIX).unwrap_or(name),
            ))
        },
    );
    // A file the build reports an error about is not added (the build's check fails on it too).
    let failed: HashSet<String> = own
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.clone())
        .collect();
    remove_documents(&mut own, |d| failed.contains(&d.file));
    let already = set_aside_published(&mut own, published);
    let own_ids: HashSet<Id> = own.corpus.documents.iter().map(|d| d.id.clone()).collect();
    let mut all = ParseOutput {
        corpus: published.clone(),
        diagnostics: own.diagnostics,
        line_fates: own.line_fates,
        vocabulary: Default::default(),
    };
    all.corpus.documents.extend(own.corpus.documents);
    all.corpus.questions.extend(own.corpus.questions);
    all.corpus.answers.extend(own.corpus.answers);
    let published_notes: HashMap<Id, Option<u32>> = published
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.report_note))
        .collect();
    on_step(Step::Merging);
    // The published texts had their glued words repaired when they were built: only the own
    // documents' texts are repaired, against the vocabulary of both.
    parse::corpus_passes(&mut all, &builtin, &is_own);
    // Report notes point into the published Verantwoording, which has no own documents: an own
    // file's messages are shown where it was added.
    for q in &mut all.corpus.questions {
        q.report_note = published_notes.get(&q.id).copied().flatten();
    }
    let outcomes = names
        .iter()
        .map(|name| outcome_of(name, &names, &all, &own_ids, &already))
        .collect();
    Ok(Added {
        corpus: all.corpus,
        files: outcomes,
    })
}

/// Removes every own document that is the same publication as a published one; returns them by
/// file name, with the published document's id, its title and why.
fn set_aside_published(
    own: &mut ParseOutput,
    published: &Corpus,
) -> HashMap<String, (String, String, &'static str)> {
    let mut questions = published.questions.clone();
    questions.extend(own.corpus.questions.iter().cloned());
    let first_question = dedupe::first_question_keys(&questions);
    let mut already = HashMap::new();
    for doc in &own.corpus.documents {
        let twin = published.documents.iter().find_map(|p| {
            dedupe::same_publication(&first_question, doc, p)
                .or_else(|| same_letter(doc, p))
                .map(|why| (p, why))
        });
        if let Some((p, why)) = twin {
            already.insert(doc.file.clone(), (p.id.to_string(), p.title.clone(), why));
        }
    }
    remove_documents(own, |d| already.contains_key(&d.file));
    own.diagnostics.retain(|d| !already.contains_key(&d.file));
    already
}

/// Removes the documents `gone` picks, with their questions, answers and line fates.
fn remove_documents(own: &mut ParseOutput, gone: impl Fn(&Document) -> bool) {
    let ids: HashSet<Id> = own
        .corpus
        .documents
        .iter()
        .filter(|d| gone(d))
        .map(|d| d.id.clone())
        .collect();
    own.corpus.documents.retain(|d| !ids.contains(&d.id));
    own.corpus
        .questions
        .retain(|q| !ids.contains(&q.document_id));
    own.corpus.answers.retain(|a| !ids.contains(&a.document_id));
    own.line_fates.retain(|(id, _)| !ids.contains(id.as_str()));
}

/// Why two documents without a shared number or question are the same letter, if they are: the
/// same kind, title and date, and the same opening text.
fn same_letter(a: &Document, b: &Document) -> Option<&'static str> {
    let opening = |d: &Document| -> String {
        let text: String = d
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.as_str()),
                _ => None,
            })
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        text::compare_key(&text).chars().take(200).collect()
    };
    let same = a.kind == b.kind
        && !a.title.is_empty()
        && text::compare_key(&a.title) == text::compare_key(&b.title)
        && a.date == b.date
        && opening(a) == opening(b);
    same.then_some("zelfde soort, titel, datum en begin van de tekst")
}

fn outcome_of(
    name: &str,
    names: &[String],
    all: &ParseOutput,
    own_ids: &HashSet<Id>,
    already: &HashMap<String, (String, String, &'static str)>,
) -> FileOutcome {
    let file = format!("{OWN_ID_PREFIX}{name}");
    // Messages name files as the reader knows them.
    let said = |d: &Diagnostic| {
        names.iter().fold(d.to_string(), |text, n| {
            text.replace(&format!("{OWN_ID_PREFIX}{n}"), n)
        })
    };
    let about: Vec<&Diagnostic> = all.diagnostics.iter().filter(|d| d.file == file).collect();
    let mut messages: Vec<String> = about
        .iter()
        .filter(|d| d.severity != Severity::Info || !is_routine(d))
        .map(|d| said(d))
        .collect();
    if let Some((document_id, title, why)) = already.get(&file) {
        return FileOutcome {
            name: name.to_string(),
            result: Outcome::AlreadyPublished {
                document_id: document_id.clone(),
                title: title.clone(),
                why: why.to_string(),
            },
            messages: Vec::new(),
        };
    }
    let document = all
        .corpus
        .documents
        .iter()
        .find(|d| d.file == file && own_ids.contains(&d.id));
    let error = about.iter().find(|d| d.severity == Severity::Error);
    let result = match document {
        Some(d) => Outcome::Added {
            document_id: d.id.to_string(),
            questions: all
                .corpus
                .questions
                .iter()
                .filter(|q| q.document_id == d.id)
                .count(),
        },
        None => {
            let why = error
                .or_else(|| about.iter().find(|d| d.severity >= Severity::Warning))
                .map(|d| said(d))
                .unwrap_or_else(|| format!("{name}: error: niet gelezen"));
            // The reason is the line itself, not a note under it as well.
            messages.retain(|m| *m != why);
            Outcome::Refused(why)
        }
    };
    FileOutcome {
        name: name.to_string(),
        result,
        messages,
    }
}

/// Notes every document gets in a run (kept out of the short list shown where a file was added).
fn is_routine(d: &Diagnostic) -> bool {
    d.message.contains("één keer meegeteld")
}
