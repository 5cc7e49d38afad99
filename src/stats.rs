//! Figures for the overview: questions per party, theme and month, and how each ministry and party fared against the answer term.

use briefwissel_corpus::deadline::{deadline, Term};
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::order::sort_items;
use briefwissel_corpus::query::{UNKNOWN_MINISTRY, UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL};
use briefwissel_corpus::{Corpus, Date, Question};
use std::collections::{BTreeMap, HashMap};

/// One bar: the facet value it links to, its label and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// URL value (party abbreviation, theme id or `YYYY-MM`).
    pub value: String,
    pub label: String,
    pub count: usize,
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

/// How one ministry or party's questions fared against the answer term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRow {
    /// URL value (ministry id or party abbreviation).
    pub value: String,
    pub label: String,
    pub questions: usize,
    pub answered: usize,
    /// Median days from asked to answered (the upper of the two middle values), over answers with both dates.
    pub median_days: Option<i64>,
    /// Answers with both dates, and how many of them came within the term.
    pub timed: usize,
    pub in_time: usize,
    /// Open questions whose term has passed, as of today.
    pub open_past_term: usize,
}

/// Answer figures per ministry (a question put to two ministries counts for both), in the order of
/// `data/ministries.toml`; ministries without questions in the selection are left out.
pub fn terms_per_ministry(
    lookup: &CorpusLookup,
    corpus: &Corpus,
    selection: &[u32],
    today: Option<Date>,
) -> Vec<TermRow> {
    let groups: Vec<(String, String)> = corpus
        .ministries
        .iter()
        .map(|m| (m.id.clone(), m.name.clone()))
        .chain([(UNKNOWN_MINISTRY.to_string(), "Onbekend".to_string())])
        .collect();
    term_rows(
        lookup,
        corpus,
        selection,
        today,
        groups,
        &|q: &Question, i: usize| {
            corpus
                .ministries
                .get(i)
                .map_or(q.ministries.is_empty(), |m| {
                    q.ministries.iter().any(|x| x == &m.id)
                })
        },
    )
}

/// Answer figures per party, in the order of `data/parties.toml`.
pub fn terms_per_party(
    lookup: &CorpusLookup,
    corpus: &Corpus,
    selection: &[u32],
    today: Option<Date>,
) -> Vec<TermRow> {
    let groups: Vec<(String, String)> = corpus
        .parties
        .iter()
        .map(|p| (p.abbreviation.clone(), p.abbreviation.clone()))
        .chain([(UNKNOWN_PARTY.to_string(), UNKNOWN_PARTY_LABEL.to_string())])
        .collect();
    term_rows(
        lookup,
        corpus,
        selection,
        today,
        groups,
        &|q: &Question, i: usize| {
            corpus.parties.get(i).map_or(q.parties.is_empty(), |p| {
                q.parties.iter().any(|x| x == &p.name)
            })
        },
    )
}

/// One row per group (URL value, label); `member(question, i)` tells whether a question is in group `i`.
fn term_rows(
    lookup: &CorpusLookup,
    corpus: &Corpus,
    selection: &[u32],
    today: Option<Date>,
    groups: Vec<(String, String)>,
    member: &dyn Fn(&Question, usize) -> bool,
) -> Vec<TermRow> {
    let mut rows: Vec<(TermRow, Vec<i64>)> = groups
        .into_iter()
        .map(|(value, label)| {
            let row = TermRow {
                value,
                label,
                questions: 0,
                answered: 0,
                median_days: None,
                timed: 0,
                in_time: 0,
                open_past_term: 0,
            };
            (row, Vec::new())
        })
        .collect();
    for q in questions(corpus, selection) {
        let d = deadline(q, lookup.answer_of(q), today);
        for (i, (row, days)) in rows.iter_mut().enumerate() {
            if !member(q, i) {
                continue;
            }
            row.questions += 1;
            if d.answered {
                row.answered += 1;
                if d.term != Term::Unknown {
                    row.timed += 1;
                    row.in_time += usize::from(d.term == Term::Within);
                    days.extend(d.days);
                }
            } else if d.term == Term::Passed {
                row.open_past_term += 1;
            }
        }
    }
    rows.into_iter()
        .filter(|(row, _)| row.questions > 0)
        .map(|(mut row, mut days)| {
            sort_items(&mut days, &|a, b| a.cmp(b));
            row.median_days = days.get(days.len() / 2).copied();
            row
        })
        .collect()
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

fn questions<'c>(corpus: &'c Corpus, selection: &'c [u32]) -> impl Iterator<Item = &'c Question> {
    selection
        .iter()
        .filter_map(|&i| corpus.questions.get(i as usize))
}

fn sort_bars(bars: &mut Vec<Bar>) {
    sort_items(bars, &|a, b| {
        b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
    });
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
    fn every_question_is_counted_once_per_month_and_once_per_ministry_it_names() {
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
        let lookup = CorpusLookup::new(&corpus);
        let rows = terms_per_ministry(&lookup, &corpus, &all, Date::new(2026, 12, 3));
        let expected: usize = corpus
            .questions
            .iter()
            .map(|q| q.ministries.len().max(1))
            .sum();
        assert_eq!(rows.iter().map(|r| r.questions).sum::<usize>(), expected);
        assert!(rows
            .iter()
            .all(|r| r.in_time <= r.timed && r.timed <= r.answered));
    }

    #[test]
    fn each_ministry_figure_is_the_count_of_the_list_it_links_to() {
        use briefwissel_corpus::explore::Explorer;
        use briefwissel_corpus::query::parse_query_string;
        use briefwissel_corpus::search::SearchIndex;
        let corpus = real_corpus();
        let index = SearchIndex::build(&corpus);
        let today = Date::new(2024, 12, 10).expect("date");
        let explorer = Explorer::new(&corpus, &index).with_today(today);
        let count = |qs: &str| explorer.run(&parse_query_string(qs, &corpus).0).total;
        let all: Vec<u32> = (0..corpus.questions.len() as u32).collect();
        let lookup = CorpusLookup::new(&corpus);
        for row in terms_per_ministry(&lookup, &corpus, &all, Some(today)) {
            let m = format!("ministerie={}", row.value);
            assert_eq!(row.questions, count(&m), "{m}");
            assert_eq!(row.answered, count(&format!("{m}&beantwoord=ja")), "{m}");
            assert_eq!(
                row.in_time,
                count(&format!("{m}&beantwoord=ja&termijn=binnen")),
                "{m}"
            );
            assert_eq!(
                row.open_past_term,
                count(&format!("{m}&beantwoord=nee&termijn=verlopen")),
                "{m}"
            );
        }
        // Buitenlandse Zaken: kv-003 (Boswijk) was asked on 24 October and answered on 18 November
        // 2024, four days past the term, so not every BZ answer came in time.
        let bz = terms_per_ministry(&lookup, &corpus, &all, Some(today))
            .into_iter()
            .find(|r| r.value == "bz");
        assert!(bz.is_some_and(|r| r.label == "Buitenlandse Zaken" && r.in_time < r.timed));
        let parties = terms_per_party(&lookup, &corpus, &all, Some(today));
        for row in parties.iter().filter(|r| r.value != UNKNOWN_PARTY) {
            let p = format!("partij={}", row.value);
            assert_eq!(row.questions, count(&p), "{p}");
            assert_eq!(
                row.open_past_term,
                count(&format!("{p}&beantwoord=nee&termijn=verlopen")),
                "{p}"
            );
        }
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
        assert_eq!(
            parties
                .iter()
                .find(|b| b.value == UNKNOWN_PARTY)
                .map(|b| b.count),
            (unknown > 0).then_some(unknown)
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
