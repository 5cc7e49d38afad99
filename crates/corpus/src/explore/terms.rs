//! The answer-term facet (`termijn=`) and the order by waiting time, both as of the reader's date.

use super::facets::{FacetBuilder, FacetEntry};
use crate::date::Date;
use crate::deadline::{deadline, Term};
use crate::model::Corpus;
use crate::order::sort_ids;
use crate::search::units::AnswerLookup;

/// The term facet's values and the questions by waiting time (longest first; ties by
/// `newest_rank`, questions without the dates last), as of `today`.
pub(super) fn term_facet_and_waiting(
    corpus: &Corpus,
    answers: &AnswerLookup<'_>,
    today: Option<Date>,
    newest_rank: &[u32],
) -> (Vec<FacetEntry>, Vec<u32>) {
    let n = corpus.questions.len();
    let mut facet = FacetBuilder::new(n);
    for term in Term::ALL {
        facet.declare(term.slug(), term.slug(), term.label());
    }
    let mut days: Vec<Option<i64>> = Vec::with_capacity(n);
    for (q, question) in corpus.questions.iter().enumerate() {
        let d = deadline(question, answers.get(question.answer_id.as_deref()), today);
        facet.add(d.term.slug(), q);
        days.push(d.days);
    }
    let mut waiting: Vec<u32> = (0..n as u32).collect();
    sort_ids(&mut waiting, &|&a, &b| {
        let (da, db) = (days[a as usize], days[b as usize]);
        match (da, db) {
            (Some(x), Some(y)) => y.cmp(&x),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }
        .then(newest_rank[a as usize].cmp(&newest_rank[b as usize]))
    });
    (facet.finish(), waiting)
}
