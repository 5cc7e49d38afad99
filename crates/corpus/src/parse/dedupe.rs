//! One publication, one record: a text extract of a publication that is also there as its PDF or Word original is set aside.

use super::ParseOutput;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Document, Question};
use crate::text;
use std::collections::HashMap;

/// Removes every text-file document that is the same publication as a PDF or Word original in
/// the same run, with a warning naming both files. The original is kept: it was read without
/// the extraction damage of the text file.
pub fn set_aside_extracts(out: &mut ParseOutput) {
    let corpus = &out.corpus;
    let originals: Vec<&Document> = corpus.documents.iter().filter(|d| is_original(d)).collect();
    if originals.is_empty() {
        return;
    }
    let first_question = first_question_keys(&corpus.questions);
    let mut drop: Vec<(String, String, &'static str)> = Vec::new();
    for extract in corpus.documents.iter().filter(|d| !is_original(d)) {
        let twin = originals.iter().find_map(|orig| {
            same_publication(&first_question, extract, orig).map(|why| (orig, why))
        });
        if let Some((orig, why)) = twin {
            drop.push((extract.id.to_string(), orig.file.clone(), why));
        }
    }
    for (id, original, why) in drop {
        let Some(pos) = out.corpus.documents.iter().position(|d| d.id == id) else {
            continue;
        };
        let doc = out.corpus.documents.remove(pos);
        out.corpus.questions.retain(|q| q.document_id != id);
        out.corpus.answers.retain(|a| a.document_id != id);
        out.line_fates.retain(|(d, _)| *d != id);
        // What the parser said about the extract no longer concerns any record.
        out.diagnostics.retain(|d| d.file != doc.file);
        out.diagnostics.push(Diagnostic::new(
            &doc.file,
            None,
            Severity::Warning,
            format!(
                "dezelfde publicatie als {original} ({why}); deze tekstversie is terzijde gelegd, het origineel telt"
            ),
        ));
    }
}

/// The start of every document's first question (folded), computed once: a corpus has many
/// documents. Empty when the question is too short to tell documents apart.
pub(crate) fn first_question_keys(questions: &[Question]) -> HashMap<&str, String> {
    let mut first_question: HashMap<&str, String> = HashMap::new();
    for q in questions {
        first_question
            .entry(q.document_id.as_str())
            .or_insert_with(|| {
                let key = text::compare_key(&q.text);
                if key.chars().count() >= 60 {
                    key.chars().take(120).collect()
                } else {
                    String::new()
                }
            });
    }
    first_question
}

fn is_original(d: &Document) -> bool {
    let lower = d.file.to_ascii_lowercase();
    lower.ends_with(".pdf") || lower.ends_with(".docx")
}

/// Why two documents are the same publication, if they are.
pub(crate) fn same_publication(
    first_question: &HashMap<&str, String>,
    a: &Document,
    b: &Document,
) -> Option<&'static str> {
    if a.kind != b.kind {
        return None;
    }
    let (ra, rb) = (&a.references, &b.references);
    if ra.aanhangsel.is_some()
        && ra.aanhangsel == rb.aanhangsel
        && a.dates.question_letter == b.dates.question_letter
    {
        return Some("zelfde Aanhangselnummer en zelfde datum van de vragen");
    }
    if ra.zaak.is_some() && ra.zaak == rb.zaak && a.date == b.date {
        return Some("zelfde zaaknummer en zelfde datum");
    }
    match (
        first_question.get(a.id.as_str()),
        first_question.get(b.id.as_str()),
    ) {
        (Some(x), Some(y)) if !x.is_empty() && x == y => Some("zelfde tekst van de eerste vraag"),
        _ => None,
    }
}
