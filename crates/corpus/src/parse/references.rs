//! The references between records point at records that are there: one that does not is an error in the report, never a silent gap.
//!
//! The passes over the corpus move questions between documents (a repeated question is kept once,
//! `link_sets`); a reference they left behind would show as a question without its answer, or an
//! answer without its questions, and nothing would say so. This pass runs after them.

use super::ParseOutput;
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::model::Block;

/// Reports every question's or answer's document, answer's question, question's answer or source,
/// and document's question or answer block that names a record the corpus does not hold, in the
/// file of the record that names it (the report's line fates are not checked).
pub fn report_missing_references(out: &mut ParseOutput) {
    let corpus = &out.corpus;
    let file_of: FastMap<&str, &str> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    let questions: FastSet<&str> = corpus.questions.iter().map(|q| q.id.as_str()).collect();
    let answers: FastSet<&str> = corpus.answers.iter().map(|a| a.id.as_str()).collect();
    let mut missing: Vec<(&str, String)> = Vec::new();
    let records = corpus
        .questions
        .iter()
        .map(|q| (q.document_id.as_str(), q.id.as_str()))
        .chain(
            corpus
                .answers
                .iter()
                .map(|a| (a.document_id.as_str(), a.id.as_str())),
        );
    for (document, record) in records.filter(|(document, _)| !file_of.contains_key(document)) {
        missing.push((document, format!("{record} staat in document {document}")));
    }
    for a in &corpus.answers {
        for id in a
            .question_ids
            .iter()
            .filter(|id| !questions.contains(id.as_str()))
        {
            missing.push((
                a.document_id.as_str(),
                format!("antwoord {} hoort bij vraag {id}", a.number),
            ));
        }
    }
    for q in &corpus.questions {
        if let Some(id) = q
            .answer_id
            .as_ref()
            .filter(|id| !answers.contains(id.as_str()))
        {
            missing.push((
                q.document_id.as_str(),
                format!("vraag {} heeft antwoord {id}", q.number),
            ));
        }
        for s in q
            .sources
            .iter()
            .filter(|s| !file_of.contains_key(s.document_id.as_str()))
        {
            missing.push((
                q.document_id.as_str(),
                format!("vraag {} staat ook in document {}", q.number, s.document_id),
            ));
        }
    }
    for d in &corpus.documents {
        for block in d.sections.iter().flat_map(|s| &s.blocks) {
            let gone = match block {
                Block::Question(id) if !questions.contains(id.as_str()) => format!("vraag {id}"),
                Block::Answer(id) if !answers.contains(id.as_str()) => format!("antwoord {id}"),
                _ => continue,
            };
            missing.push((d.id.as_str(), format!("de tekst toont {gone}")));
        }
    }
    let diagnostics: Vec<Diagnostic> = missing
        .into_iter()
        .map(|(document, what)| {
            let file = file_of.get(document).copied().unwrap_or(document);
            Diagnostic::new(
                file,
                None,
                Severity::Error,
                format!("{what}, maar die staat niet in het corpus (een fout van Briefwissel bij het koppelen)"),
            )
        })
        .collect();
    out.diagnostics.extend(diagnostics);
}
