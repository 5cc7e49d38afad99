//! The orders of the question list by date asked, newest or oldest first.

use crate::date::Date;
use crate::model::Corpus;
use crate::order::sort_ids;

/// Dates newest first, no date last.
pub(super) fn newest_first(a: Option<Date>, b: Option<Date>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// Dates oldest first, no date last.
pub(super) fn oldest_first(a: Option<Date>, b: Option<Date>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// Question orders by `asked_on` (newest first, oldest first); ties and undated questions (last)
/// by id.
pub(super) fn sort_orders(corpus: &Corpus) -> (Vec<u32>, Vec<u32>) {
    let qs = &corpus.questions;
    let mut by_id: Vec<u32> = (0..qs.len() as u32).collect();
    sort_ids(&mut by_id, &|&a, &b| {
        qs[a as usize].id.cmp(&qs[b as usize].id)
    });
    let mut id_rank = vec![0u32; qs.len()];
    for (rank, &q) in by_id.iter().enumerate() {
        id_rank[q as usize] = rank as u32;
    }
    let mut newest = by_id.clone();
    sort_ids(&mut newest, &|&a, &b| {
        newest_first(qs[a as usize].asked_on, qs[b as usize].asked_on)
            .then(id_rank[a as usize].cmp(&id_rank[b as usize]))
    });
    let mut oldest = by_id;
    sort_ids(&mut oldest, &|&a, &b| {
        oldest_first(qs[a as usize].asked_on, qs[b as usize].asked_on)
            .then(id_rank[a as usize].cmp(&id_rank[b as usize]))
    });
    (newest, oldest)
}
