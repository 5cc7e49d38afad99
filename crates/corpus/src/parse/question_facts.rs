//! Facts of a question that its set's documents give together: the postponement date and the ministries it was put to and answered by.

use super::{kamervragen_meta, ParseOutput};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::ministry::Ministries;
use crate::model::{DocumentKind, QuestionSource, SourceRole};

/// Sets `postponed_on`, `postponed` and `ministries` on every question, and the corpus's ministry list.
pub fn add_question_facts(out: &mut ParseOutput, ministries: &Ministries) {
    link_postponements(out);
    assign_ministries(out, ministries);
    out.corpus.ministries = ministries.list().to_vec();
}

/// A postponement notice that prints no questions but a zaak number ("… schriftelijke vragen …
/// (2024Z17067) kunnen niet binnen de gebruikelijke termijn worden beantwoord") joins the set of
/// that zaak; every question with a postponement among its sources is postponed on the notice's date.
/// A question is postponed too, on a day not known, when a document it stands in names the
/// notice's Aanhangsel publication.
fn link_postponements(out: &mut ParseOutput) {
    let corpus = &mut out.corpus;
    let mut questions_of: FastMap<&str, usize> = FastMap::default();
    for q in &corpus.questions {
        *questions_of.entry(q.document_id.as_str()).or_default() += 1;
    }
    let mut notices: Vec<(String, String, String)> = Vec::new();
    for d in &corpus.documents {
        if d.kind != DocumentKind::Uitstel || questions_of.contains_key(d.id.as_str()) {
            continue;
        }
        let Some(zaak) = d.references.zaak.as_deref() else {
            continue;
        };
        let holders: Vec<&str> = corpus
            .documents
            .iter()
            .filter(|o| o.id != d.id && o.references.zaak.as_deref() == Some(zaak))
            .filter(|o| questions_of.contains_key(o.id.as_str()))
            .map(|o| o.id.as_str())
            .collect();
        match holders.as_slice() {
            [] => out.diagnostics.push(Diagnostic::new(
                &d.file,
                None,
                Severity::Info,
                format!(
                    "uitstel voor zaak {zaak}: de vragen van die zaak staan niet in het corpus"
                ),
            )),
            _ => {
                for holder in holders {
                    notices.push((holder.to_string(), d.id.to_string(), d.file.clone()));
                }
            }
        }
    }
    for (holder, notice, _) in &notices {
        for q in corpus
            .questions
            .iter_mut()
            .filter(|q| &q.document_id == holder)
        {
            if !q.sources.iter().any(|s| &s.document_id == notice) {
                q.sources.push(QuestionSource {
                    document_id: notice.clone(),
                    role: SourceRole::Uitstel,
                });
            }
        }
    }
    let dates: FastMap<&str, _> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.dates.letter.or(d.date)))
        .collect();
    // An answer names the notice's publication ("Zie ook Aanhangsel Handelingen, …"), also when
    // the notice is not in the corpus; a publication of the corpus that answers is not a notice.
    let answering: FastSet<&str> = corpus
        .answers
        .iter()
        .map(|a| a.document_id.as_str())
        .collect();
    let by_publication = kamervragen_meta::documents_by_publication(&corpus.documents, |_| true);
    let mut name_a_notice: FastSet<&str> = FastSet::default();
    for d in &corpus.documents {
        if d.references.postponement_aanhangsel.is_none() {
            continue;
        }
        if let Some((notice, reference)) = kamervragen_meta::named_notice(d, &by_publication) {
            if answering.contains(notice.id.as_str()) {
                out.diagnostics.push(Diagnostic::new(
                    &d.file,
                    None,
                    Severity::Warning,
                    format!(
                        "noemt Aanhangsel {reference} als uitstel, maar {} beantwoordt daar vragen; niet als uitstel geteld",
                        notice.file
                    ),
                ));
                continue;
            }
        }
        name_a_notice.insert(d.id.as_str());
    }
    for q in &mut corpus.questions {
        q.postponed_on = q
            .sources
            .iter()
            .filter(|s| s.role == SourceRole::Uitstel)
            .filter_map(|s| dates.get(s.document_id.as_str()).copied().flatten())
            .min();
        // Its sources hold its own document first.
        q.postponed = q.postponed_on.is_some()
            || q.sources
                .iter()
                .any(|s| name_a_notice.contains(s.document_id.as_str()));
    }
}

/// A question's ministries: those of whom it was put to, then those of who answered it. An
/// addressee or signer that names no known ministry is reported once per document.
fn assign_ministries(out: &mut ParseOutput, ministries: &Ministries) {
    let corpus = &mut out.corpus;
    let answered_by: FastMap<&str, &str> = corpus
        .answers
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.answered_by.as_deref()?)))
        .collect();
    let file_of: FastMap<&str, &str> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    let mut unknown: Vec<(String, String)> = Vec::new();
    let mut without: FastMap<String, usize> = FastMap::default();
    // The same few addressees and signatories come back in question after question.
    let mut named_in: FastMap<String, Vec<String>> = FastMap::default();
    for q in &mut corpus.questions {
        let mut ids: Vec<Id> = Vec::new();
        let by = q
            .answer_id
            .as_deref()
            .and_then(|a| answered_by.get(a).copied());
        for text in q.addressed_to.as_deref().into_iter().chain(by) {
            let named = match named_in.get(text) {
                Some(named) => named,
                None => named_in
                    .entry(text.to_string())
                    .or_insert_with(|| ministries.named_in(text)),
            };
            if named.is_empty() {
                let file = file_of
                    .get(q.document_id.as_str())
                    .copied()
                    .unwrap_or_default();
                if !unknown.iter().any(|(f, t)| f == file && t == text) {
                    unknown.push((file.to_string(), text.to_string()));
                }
            }
            for id in named {
                if !ids.iter().any(|known| known == id) {
                    ids.push(Id::from(id));
                }
            }
        }
        if ids.is_empty() {
            let file = file_of
                .get(q.document_id.as_str())
                .copied()
                .unwrap_or_default();
            *without.entry(file.to_string()).or_default() += 1;
        }
        q.ministries = ids;
    }
    for (file, text) in unknown {
        out.diagnostics.push(Diagnostic::new(
            &file,
            None,
            Severity::Warning,
            format!("\"{text}\" noemt geen ministerie uit data/ministries.toml"),
        ));
    }
    let mut without: Vec<(String, usize)> = without.into_iter().collect();
    without.sort();
    for (file, n) in without {
        out.diagnostics.push(Diagnostic::new(
            &file,
            None,
            Severity::Info,
            format!("bij {n} vragen noemen de geadresseerde en de ondertekenaar geen ministerie uit data/ministries.toml; het ministerie is onbekend"),
        ));
    }
}
