//! Letters and other documents whose own text matches the search, with the query's filters applied.

use super::facets::{ANSWERED, FACETS, MINISTRIES, PARTIES, TERMS, THEMES};
use super::question_order::{newest_first, oldest_first};
use super::text_matches::TextMatches;
use super::{DocumentHit, Explorer};
use crate::date::Date;
use crate::order::sort_items;
use crate::query::{Query, Sort};
use crate::search::bitset::Bitset;
use crate::search::units::Part;

impl Explorer<'_> {
    /// The documents with a title, footnote or section in `text`'s matches that the query's
    /// filters allow (a question facet: one of their questions must pass it), in the query's order.
    pub(super) fn document_hits(
        &self,
        query: &Query,
        text: &TextMatches,
        selections: &[Vec<String>; FACETS],
        masks: &[Option<Bitset>],
        n: usize,
    ) -> Vec<DocumentHit> {
        let question_facets_active = [PARTIES, THEMES, ANSWERED, MINISTRIES, TERMS]
            .iter()
            .any(|&f| !selections[f].is_empty());
        let mut facet_questions = self.date_mask(query);
        for mask in masks.iter().flatten() {
            facet_questions.intersect_with(mask);
        }
        debug_assert_eq!(facet_questions.len(), n);
        let mut hits: Vec<DocumentHit> = Vec::new();
        for &(part, score) in &text.parts {
            let (document, section) = match part {
                Part::Title { document } => (document, None),
                Part::Section { document, section } => (document, Some(section)),
            };
            let Some(doc) = self.corpus.documents.get(document as usize) else {
                continue;
            };
            let allowed = (query.kinds.is_empty() || query.kinds.contains(&doc.kind))
                && (query.chambers.is_empty()
                    || doc.chamber.is_some_and(|c| query.chambers.contains(&c)))
                && document_date_allowed(query, doc.date)
                && (!question_facets_active
                    || self.document_questions[document as usize]
                        .iter()
                        .any(|&q| facet_questions.contains(q as usize)));
            if !allowed {
                continue;
            }
            if hits.last().is_none_or(|h| h.document != document) {
                hits.push(DocumentHit {
                    document,
                    title: false,
                    sections: Vec::new(),
                    score: 0.0,
                });
            }
            if let Some(hit) = hits.last_mut() {
                hit.score = hit.score.max(score);
                match section {
                    None => hit.title = true,
                    Some(s) => hit.sections.push(s),
                }
            }
        }
        let date_of = |h: &DocumentHit| self.corpus.documents[h.document as usize].date;
        let id_of = |h: &DocumentHit| self.corpus.documents[h.document as usize].id.as_str();
        match query.sort {
            Sort::Relevance => sort_items(&mut hits, &|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| newest_first(date_of(a), date_of(b)))
                    .then_with(|| id_of(a).cmp(id_of(b)))
            }),
            Sort::Newest | Sort::Waiting => sort_items(&mut hits, &|a, b| {
                newest_first(date_of(a), date_of(b)).then_with(|| id_of(a).cmp(id_of(b)))
            }),
            Sort::Oldest => sort_items(&mut hits, &|a, b| {
                oldest_first(date_of(a), date_of(b)).then_with(|| id_of(a).cmp(id_of(b)))
            }),
        }
        hits
    }
}

/// Whether a document's date passes the date range and `datum=onbekend`, as a question's does.
fn document_date_allowed(query: &Query, date: Option<Date>) -> bool {
    let ranged = query.from.is_some() || query.to.is_some();
    match date {
        None => query.undated || !ranged,
        Some(d) if ranged => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
        Some(_) => !query.undated,
    }
}
