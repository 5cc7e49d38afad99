//! The Aanhangsel number as a link key: two documents that print the same number in the same vergaderjaar are one publication, or its questions and its answer.
//!
//! Aanhangsel numbers start again every vergaderjaar, and an answer letter prints only "AH 617";
//! the vergaderjaar is taken from each document's date (the day the answer was received), so the
//! Word answer letter and the Aanhangsel it became share the key. Of two documents that both
//! answer, the one that prints the askers or the date the questions were sent in is kept; the
//! other one's questions are the same questions again. An answer that names the publication of
//! the notice that postponed it ("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 426")
//! is linked to that notice the same way.

use super::link_sets::{DocumentLink, Places};
use super::{kamervragen_meta, ParseOutput};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::model::Document;

/// The links the Aanhangsel number gives, besides `known` ones; what cannot be linked is reported.
pub(super) fn aanhangsel_links(
    out: &ParseOutput,
    places: &Places,
    known: &[DocumentLink],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<DocumentLink> {
    let docs = &places.documents;
    let in_a_set = |d: &Document| docs.contains_key(d.id.as_str());
    let by_publication =
        kamervragen_meta::documents_by_publication(&out.corpus.documents, in_a_set);
    let mut postponements = postponement_pairs(out, &by_publication);
    // The answering side holds answers (a second notice that names the first is not linked).
    postponements.retain(|(_, answer, _)| docs.get(*answer).is_some_and(|d| d.0));
    let mut groups: Vec<_> = by_publication
        .iter()
        .filter(|(_, ds)| ds.len() > 1)
        .map(|(key, ds)| (*key, ds.iter().map(|d| d.id.as_str()).collect::<Vec<_>>()))
        .collect();
    groups.sort();
    // Either way round: a known link of the two documents is not made again.
    let known: FastSet<(&str, &str)> = known
        .iter()
        .flat_map(|l| {
            [
                (l.asking.as_str(), l.answering.as_str()),
                (l.answering.as_str(), l.asking.as_str()),
            ]
        })
        .collect();
    let mut links = Vec::new();
    for ((number, year), ids) in groups {
        let why = format!("Aanhangsel {number} van vergaderjaar {year}–{}", year + 1);
        let files: Vec<String> = ids.iter().map(|id| places.file(id)).collect();
        if ids.len() != 2 {
            diagnostics.push(Diagnostic::new(
                &files[0],
                None,
                Severity::Warning,
                format!(
                    "{} vermelden allemaal {why}; niet gekoppeld",
                    files.join(", ")
                ),
            ));
            continue;
        }
        // The asking side: a document without answers, else the one that says more about who asked when.
        let informed = |id: &str| {
            let (answers, questions) = &docs[id];
            let qs = questions.iter().map(|&i| &out.corpus.questions[i]);
            let told = qs
                .filter(|q| !q.askers.is_empty() || q.asked_on.is_some())
                .count();
            (!answers, told)
        };
        let (asking, answering) = if informed(ids[0]) >= informed(ids[1]) {
            (ids[0], ids[1])
        } else {
            (ids[1], ids[0])
        };
        if !known.contains(&(asking, answering)) {
            links.push(DocumentLink {
                asking: asking.to_string(),
                answering: answering.to_string(),
                why,
            });
        }
    }
    // A named publication that answers questions is no notice (`question_facts` reports it).
    for (notice, answer, reference) in postponements {
        if !docs[notice].0 && !known.contains(&(notice, answer)) {
            links.push(DocumentLink {
                asking: notice.to_string(),
                answering: answer.to_string(),
                why: format!("uitstel in Aanhangsel {reference}"),
            });
        }
    }
    links
}

/// (notice, answer, reference) for every document that names the Aanhangsel publication of its
/// postponement ("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 426") when exactly
/// one other document of the corpus is that publication.
fn postponement_pairs<'a>(
    out: &'a ParseOutput,
    by_publication: &FastMap<(&'a str, u16), Vec<&'a Document>>,
) -> Vec<(&'a str, &'a str, &'a str)> {
    let mut pairs: Vec<_> = out
        .corpus
        .documents
        .iter()
        .filter_map(|d| {
            let (notice, reference) = kamervragen_meta::named_notice(d, by_publication)?;
            Some((notice.id.as_str(), d.id.as_str(), reference))
        })
        .collect();
    pairs.sort();
    pairs
}
