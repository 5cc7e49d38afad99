//! Figures for the overview: questions per party, theme and month, and response times per ministry.

use briefwissel_corpus::query::{UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL};
use briefwissel_corpus::{Corpus, Date};
use std::collections::{BTreeMap, HashMap};

/// One bar: the facet value it links to, its label and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// URL value (party abbreviation, theme id or `YYYY-MM`).
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// Response times of one addressee (minister or state secretary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responses {
    pub addressed_to: String,
    pub answered: usize,
    /// Median days from asked to answered, over answers with both dates.
    pub median_days: Option<i64>,
    pub open: usize,
    /// Answers after more than three weeks.
    pub late: usize,
}

/// Questions per party (a question with two parties counts for both), most first; questions
/// whose documents name no party get a bar of their own ("Partij onbekend").
pub fn per_party(corpus: &Corpus, selection: &[u32]) -> Vec<Bar> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for q in questions(corpus, selection) {
        for party in &q.parties {
            *counts.entry(party.as_str()).or_default() += 1;
        }
        if q.parties.is_empty() {
            *counts.entry(UNKNOWN_PARTY).or_default() += 1;
        }
    }
    let mut bars: Vec<Bar> = counts
        .into_iter()
        .map(|(name, count)| {
            let (value, label) = match corpus.parties.iter().find(|p| p.name == name) {
                Some(p) => (p.abbreviation.as_str(), p.abbreviation.as_str()),
                None if name == UNKNOWN_PARTY => (UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL),
                None => (name, name),
            };
            Bar {
                value: value.to_string(),
                label: label.to_string(),
                count,
            }
        })
        .collect();
    sort_bars(&mut bars);
    bars
}

/// Questions per theme, most first.
pub fn per_theme(corpus: &Corpus, selection: &[u32]) -> Vec<Bar> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for q in questions(corpus, selection) {
        for theme in &q.themes {
            *counts.entry(theme.as_str()).or_default() += 1;
        }
    }
    let mut bars: Vec<Bar> = counts
        .into_iter()
        .map(|(id, count)| {
            let label = corpus
                .themes
                .iter()
                .find(|t| t.id == id)
                .map_or(id, |t| t.label.as_str());
            Bar {
                value: id.to_string(),
                label: label.to_string(),
                count,
            }
        })
        .collect();
    sort_bars(&mut bars);
    bars
}

/// Questions per month asked (`YYYY-MM`), oldest first; questions without a date are left out.
pub fn per_month(corpus: &Corpus, selection: &[u32]) -> Vec<Bar> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for q in questions(corpus, selection) {
        if let Some(date) = q.asked_on {
            *counts.entry(date.month_key()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(key, count)| Bar {
            label: month_label(&key),
            value: key,
            count,
        })
        .collect()
}

/// Response times per addressee, most questions first.
pub fn per_ministry(corpus: &Corpus, selection: &[u32]) -> Vec<Responses> {
    let answers: HashMap<&str, Option<Date>> = corpus
        .answers
        .iter()
        .map(|a| (a.id.as_str(), a.answered_on))
        .collect();
    let mut by: BTreeMap<&str, (Vec<i64>, usize, usize)> = BTreeMap::new();
    for q in questions(corpus, selection) {
        let who = q.addressed_to.as_deref().unwrap_or("Onbekend");
        let entry = by.entry(who).or_default();
        match q.answer_id.as_deref().and_then(|id| answers.get(id)) {
            Some(answered_on) => {
                entry.1 += 1;
                if let (Some(asked), Some(answered)) = (q.asked_on, answered_on) {
                    entry.0.push(asked.days_until(*answered));
                }
            }
            None => entry.2 += 1,
        }
    }
    let mut rows: Vec<Responses> = by
        .into_iter()
        .map(|(who, (mut days, answered, open))| {
            days.sort_unstable();
            let late = days
                .iter()
                .filter(|d| **d > crate::format::DUE_DAYS)
                .count();
            Responses {
                addressed_to: who.to_string(),
                answered,
                median_days: days
                    .get(days.len() / 2)
                    .copied()
                    .filter(|_| !days.is_empty()),
                open,
                late,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (b.answered + b.open)
            .cmp(&(a.answered + a.open))
            .then(a.addressed_to.cmp(&b.addressed_to))
    });
    rows
}

/// `2025-03` → `mrt 2025`.
pub fn month_label(key: &str) -> String {
    const SHORT: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let (year, month) = key.split_once('-').unwrap_or((key, ""));
    match month
        .parse::<usize>()
        .ok()
        .and_then(|m| SHORT.get(m.wrapping_sub(1)))
    {
        Some(name) => format!("{name} {year}"),
        None => key.to_string(),
    }
}

fn questions<'c>(
    corpus: &'c Corpus,
    selection: &'c [u32],
) -> impl Iterator<Item = &'c briefwissel_corpus::Question> {
    selection
        .iter()
        .filter_map(|&i| corpus.questions.get(i as usize))
}

fn sort_bars(bars: &mut [Bar]) {
    bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefwissel_corpus::parse::parse_paths;
    use std::path::PathBuf;

    fn real_corpus() -> Corpus {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/documents");
        match parse_paths(&[folder]) {
            Ok(output) => output.corpus,
            Err(e) => panic!("the corpus folder cannot be read: {e}"),
        }
    }

    #[test]
    fn every_question_is_counted_once_per_month_and_per_ministry() {
        let corpus = real_corpus();
        let all: Vec<u32> = (0..corpus.questions.len() as u32).collect();
        let dated = corpus
            .questions
            .iter()
            .filter(|q| q.asked_on.is_some())
            .count();
        assert_eq!(
            per_month(&corpus, &all)
                .iter()
                .map(|b| b.count)
                .sum::<usize>(),
            dated
        );
        let ministries = per_ministry(&corpus, &all);
        assert_eq!(
            ministries
                .iter()
                .map(|r| r.answered + r.open)
                .sum::<usize>(),
            corpus.questions.len()
        );
        assert!(ministries.iter().all(|r| r.late <= r.answered));
    }

    #[test]
    fn party_and_theme_bars_follow_the_questions() {
        let corpus = real_corpus();
        let all: Vec<u32> = (0..corpus.questions.len() as u32).collect();
        let party_total: usize = corpus
            .questions
            .iter()
            .map(|q| q.parties.len().max(1))
            .sum();
        let unknown = corpus
            .questions
            .iter()
            .filter(|q| q.parties.is_empty())
            .count();
        let parties = per_party(&corpus, &all);
        assert_eq!(parties.iter().map(|b| b.count).sum::<usize>(), party_total);
        assert!(
            unknown > 0,
            "the real corpus has questions without a named party"
        );
        assert_eq!(
            parties
                .iter()
                .find(|b| b.value == UNKNOWN_PARTY)
                .map(|b| b.count),
            Some(unknown)
        );
        assert!(parties.windows(2).all(|w| w[0].count >= w[1].count));
        let themes = per_theme(&corpus, &all);
        assert!(themes
            .iter()
            .all(|b| corpus.themes.iter().any(|t| t.id == b.value)));
        assert!(per_party(&corpus, &[]).is_empty());
    }

    #[test]
    fn months_read_as_dutch_abbreviations() {
        assert_eq!(month_label("2025-03"), "mrt 2025");
        assert_eq!(month_label("2025-13"), "2025-13");
    }
}
