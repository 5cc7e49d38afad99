//! Filters and facet counts on the real corpus, checked against brute force over the `briefwissel export` JSON.

use briefwissel_corpus::explore::{Explorer, FacetValue, Outcome, PAGE_SIZE};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{parse_query_string, to_query_string, Query, UNKNOWN_PARTY};
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::{Chamber, Corpus, DocumentKind};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

struct Data {
    corpus: Corpus,
    index: SearchIndex,
    /// The corpus as `briefwissel export` writes it.
    export: Value,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        let corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
        let index = SearchIndex::build(&corpus);
        let export = serde_json::from_str(&serde_json::to_string_pretty(&corpus).expect("export"))
            .expect("json");
        Data {
            corpus,
            index,
            export,
        }
    })
}

fn run(query: &Query) -> Outcome {
    let d = data();
    Explorer::new(&d.corpus, &d.index).run(query)
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The export's questions that pass `query`'s filters (no search text), by brute force on JSON.
fn export_matches(query: &Query) -> BTreeSet<String> {
    let export = &data().export;
    let documents: HashMap<&str, &Value> = export["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| (d["id"].as_str().unwrap_or(""), d))
        .collect();
    let from = query.from.map(|d| d.to_string());
    let to = query.to.map(|d| d.to_string());
    let kinds: Vec<&str> = query.kinds.iter().map(|k| k.slug()).collect();
    let chambers: Vec<&str> = query.chambers.iter().map(|c| c.slug()).collect();
    let mut out = BTreeSet::new();
    for q in export["questions"].as_array().into_iter().flatten() {
        let doc = documents.get(q["document_id"].as_str().unwrap_or(""));
        let asked = q["asked_on"].as_str();
        let parties = strings(&q["parties"]);
        let ok = (query.parties.is_empty()
            || parties.iter().any(|p| query.parties.iter().any(|x| x == p))
            || (parties.is_empty() && query.parties.iter().any(|x| x == UNKNOWN_PARTY)))
            && (query.themes.is_empty()
                || strings(&q["themes"])
                    .iter()
                    .any(|t| query.themes.iter().any(|x| x == t)))
            && from
                .as_deref()
                .is_none_or(|f| asked.is_some_and(|a| a >= f))
            && to.as_deref().is_none_or(|t| asked.is_some_and(|a| a <= t))
            && (kinds.is_empty()
                || doc
                    .and_then(|d| d["kind"].as_str())
                    .is_some_and(|k| kinds.contains(&k)))
            && (chambers.is_empty()
                || doc
                    .and_then(|d| d["chamber"].as_str())
                    .is_some_and(|c| chambers.contains(&c)))
            && query.answered.is_none_or(|a| a != q["answer_id"].is_null());
        if ok {
            out.insert(q["id"].as_str().unwrap_or("").to_string());
        }
    }
    out
}

fn ids(outcome: &Outcome) -> BTreeSet<String> {
    outcome
        .questions
        .iter()
        .map(|&q| data().corpus.questions[q as usize].id.to_string())
        .collect()
}

fn query(qs: &str) -> Query {
    let (query, notices) = parse_query_string(qs, &data().corpus);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    query
}

#[test]
fn parties_within_the_facet_combine_with_or() {
    let both = run(&query("partij=Volt&partij=PvdD"));
    let volt = run(&query("partij=Volt"));
    let pvdd = run(&query("partij=PvdD"));
    assert!(volt.total > 0 && pvdd.total > 0);
    assert_eq!(
        ids(&both),
        export_matches(&query("partij=Volt&partij=PvdD"))
    );
    assert_eq!(ids(&both), ids(&volt).union(&ids(&pvdd)).cloned().collect());
    assert_eq!(both.total, both.questions.len());
    let selected: Vec<&str> = both
        .facets
        .parties
        .iter()
        .filter(|v| v.selected)
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(
        selected,
        ["PvdD", "Volt"]
            .iter()
            .filter(|s| selected.contains(s))
            .copied()
            .collect::<Vec<_>>()
    );
    assert_eq!(selected.len(), 2);
}

#[test]
fn questions_whose_documents_print_no_party_are_found_under_partij_onbekend() {
    // The corpus as its documents print it: without the parties the member registry added.
    let mut corpus = data().corpus.clone();
    for q in &mut corpus.questions {
        q.askers.retain(|a| a.party_on.is_none());
        q.parties.retain(|p| {
            q.askers
                .iter()
                .any(|a| a.party.as_deref() == Some(p.as_str()))
        });
    }
    let index = SearchIndex::build(&corpus);
    let explorer = Explorer::new(&corpus, &index);
    let run = |q: &Query| explorer.run(q);
    let parse = |qs: &str| parse_query_string(qs, &corpus).0;
    let without: BTreeSet<String> = corpus
        .questions
        .iter()
        .filter(|q| q.parties.is_empty())
        .map(|q| q.id.to_string())
        .collect();
    // The eight Word answer letters print no askers (kv-005, 015, 022, 032, 033, 049, 059, 067).
    assert_eq!(
        without.iter().filter(|id| id.contains("-docx-")).count(),
        without.len()
    );
    assert!(without.len() >= 8);
    let unknown = run(&parse("partij=onbekend"));
    assert_eq!(ids(&unknown), without);

    // Every question is counted under some party value: nothing drops out of the party facet.
    let all = run(&Query::default());
    let reachable: BTreeSet<String> = all
        .facets
        .parties
        .iter()
        .flat_map(|v| ids(&run(&parse(&format!("partij={}", v.value)))))
        .collect();
    assert_eq!(reachable.len(), corpus.questions.len());
    let row = all.facets.parties.iter().find(|v| v.value == UNKNOWN_PARTY);
    assert_eq!(
        row.map(|v| (v.label.as_str(), v.count)),
        Some(("Partij onbekend", without.len()))
    );

    // It combines with a real party (OR) and survives the round trip through the URL.
    let with_volt = parse("partij=Volt&partij=Onbekend");
    assert_eq!(
        to_query_string(&with_volt, &corpus),
        "partij=Volt&partij=onbekend"
    );
    assert_eq!(
        ids(&run(&with_volt)),
        ids(&run(&parse("partij=Volt")))
            .union(&without)
            .cloned()
            .collect()
    );
}

#[test]
fn every_question_is_reachable_through_some_value_of_every_facet() {
    let all = run(&Query::default());
    let f = &all.facets;
    for (param, values) in [
        ("partij", &f.parties),
        ("thema", &f.themes),
        ("soort", &f.kinds),
        ("kamer", &f.chambers),
        ("beantwoord", &f.answered),
        ("ministerie", &f.ministries),
        ("termijn", &f.terms),
    ] {
        let reachable: BTreeSet<String> = values
            .iter()
            .flat_map(|v| ids(&run(&query(&format!("{param}={}", v.value)))))
            .collect();
        let expected = if param == "kamer" {
            // Questions of documents without a chamber (a ministry's answer letter) have no value.
            ids(&run(&Query::default()))
                .into_iter()
                .filter(|id| {
                    let q = data().corpus.questions.iter().find(|q| &q.id == id);
                    let doc = q.and_then(|q| {
                        data()
                            .corpus
                            .documents
                            .iter()
                            .find(|d| d.id == q.document_id)
                    });
                    doc.is_some_and(|d| d.chamber.is_some())
                })
                .collect()
        } else {
            ids(&run(&Query::default()))
        };
        assert_eq!(reachable, expected, "{param}");
    }
    // Undated questions stay reachable under a date filter: datum=onbekend adds them.
    let undated = run(&query("datum=onbekend"));
    assert_eq!(
        undated.total,
        data()
            .corpus
            .questions
            .iter()
            .filter(|q| q.asked_on.is_none())
            .count()
    );
    let range = run(&query("van=2024-01-01&tot=2024-12-31"));
    assert_eq!(range.undated_left_out, undated.total);
    let both = run(&query("van=2024-01-01&tot=2024-12-31&datum=onbekend"));
    assert_eq!(both.total, range.total + undated.total);
    assert_eq!(both.undated_left_out, 0);
    // Letters found by a search follow the same rule: datum=onbekend alone keeps only undated ones.
    let documents = &data().corpus.documents;
    let hits = run(&query("q=minister&datum=onbekend")).document_hits;
    assert!(hits
        .iter()
        .all(|h| documents[h.document as usize].date.is_none()));
    let all_hits = run(&query("q=minister")).document_hits;
    assert_eq!(
        hits.len(),
        all_hits
            .iter()
            .filter(|h| documents[h.document as usize].date.is_none())
            .count()
    );
}

#[test]
fn a_theme_and_a_date_range_combine_with_and_inclusively() {
    let corpus = &data().corpus;
    let theme = &corpus
        .questions
        .iter()
        .find(|q| q.asked_on.is_some() && q.themes[0] != "overig")
        .expect("a themed question")
        .themes[0];
    let mut dates: Vec<_> = corpus
        .questions
        .iter()
        .filter(|q| q.themes.contains(theme))
        .filter_map(|q| q.asked_on)
        .collect();
    dates.sort();
    let (from, to) = (dates[0], dates[dates.len() / 2]);
    let q = query(&format!("thema={theme}&van={from}&tot={to}"));
    let outcome = run(&q);
    assert!(
        outcome.total > 0,
        "the boundary dates themselves are included"
    );
    assert_eq!(ids(&outcome), export_matches(&q));
    let whole_theme = run(&query(&format!("thema={theme}")));
    assert!(outcome.total <= whole_theme.total);
    let undated = corpus
        .questions
        .iter()
        .filter(|q| q.asked_on.is_none())
        .count();
    let open_range = run(&query(&format!("van={}", dates[0])));
    assert!(
        open_range.total <= corpus.questions.len() - undated,
        "questions without a date drop out"
    );
}

/// Brute-force count for one facet value with the other facets of `query` applied.
fn expected_count(query: &Query, facet: &str, value: &FacetValue) -> usize {
    let mut q = query.clone();
    let corpus = &data().corpus;
    match facet {
        "parties" => {
            q.parties = vec![corpus
                .parties
                .iter()
                .find(|p| p.abbreviation == value.value)
                .map_or(value.value.clone(), |p| p.name.clone())]
        }
        "themes" => q.themes = vec![value.value.clone()],
        "kinds" => q.kinds = DocumentKind::from_slug(&value.value).into_iter().collect(),
        "chambers" => q.chambers = Chamber::from_slug(&value.value).into_iter().collect(),
        _ => q.answered = Some(value.value == "ja"),
    }
    export_matches(&q).len()
}

fn check_facet_counts(q: &Query) {
    let outcome = run(q);
    assert_eq!(
        ids(&outcome),
        export_matches(q),
        "{}",
        to_query_string(q, &data().corpus)
    );
    let f = &outcome.facets;
    for (name, values) in [
        ("parties", &f.parties),
        ("themes", &f.themes),
        ("kinds", &f.kinds),
        ("chambers", &f.chambers),
        ("answered", &f.answered),
    ] {
        assert!(!values.is_empty(), "{name} lists values");
        for v in values {
            assert_eq!(
                v.count,
                expected_count(q, name, v),
                "{name}={} for {}",
                v.value,
                to_query_string(q, &data().corpus)
            );
        }
    }
}

#[test]
fn facet_counts_equal_brute_force_counts_with_the_other_facets_applied() {
    for qs in [
        "",
        "partij=VVD&partij=D66",
        "thema=terugkeer&beantwoord=ja",
        "partij=GL-PvdA&soort=schriftelijk_overleg&van=2024-01-01",
        "beantwoord=nee&kamer=tweede_kamer",
    ] {
        check_facet_counts(&query(qs));
    }
}

/// A small deterministic random generator for query combinations.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

#[test]
fn explorer_counts_equal_filtering_the_export_for_random_filters() {
    let corpus = &data().corpus;
    let dates: Vec<_> = corpus.questions.iter().filter_map(|q| q.asked_on).collect();
    let mut rng = Rng(0x5eed_1234_abcd);
    for _ in 0..150 {
        let mut q = Query::default();
        for _ in 0..rng.below(3) {
            let p = &corpus.parties[rng.below(corpus.parties.len())].name;
            if !q.parties.contains(p) {
                q.parties.push(p.clone());
            }
        }
        for _ in 0..rng.below(3) {
            let t = &corpus.themes[rng.below(corpus.themes.len())].id;
            if !q.themes.contains(t) {
                q.themes.push(t.clone());
            }
        }
        if rng.below(3) == 0 {
            q.kinds.push(DocumentKind::ALL[rng.below(8)]);
        }
        q.answered = [None, Some(true), Some(false)][rng.below(3)];
        if rng.below(2) == 0 && !dates.is_empty() {
            let (a, b) = (dates[rng.below(dates.len())], dates[rng.below(dates.len())]);
            (q.from, q.to) = (Some(a.min(b)), Some(a.max(b)));
        }
        let outcome = run(&q);
        assert_eq!(
            ids(&outcome),
            export_matches(&q),
            "{}",
            to_query_string(&q, corpus)
        );
        if rng.below(10) == 0 {
            check_facet_counts(&q);
        }
    }
}

#[test]
fn values_without_matches_stay_listed_with_a_zero_count() {
    let all = run(&Query::default());
    let narrow = run(&query("partij=Volt"));
    let values = |o: &Outcome| {
        o.facets
            .themes
            .iter()
            .map(|v| v.value.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&all), values(&narrow));
    assert!(narrow.facets.themes.iter().any(|v| v.count == 0));
    assert!(
        all.facets.parties.iter().all(|v| v.count > 0),
        "only parties that ask questions are listed"
    );
    let sum_answered: usize = all.facets.answered.iter().map(|v| v.count).sum();
    assert_eq!(sum_answered, data().corpus.questions.len());
}

#[test]
fn document_hits_follow_the_kind_filter() {
    let corpus = &data().corpus;
    let letter_kind = corpus
        .documents
        .iter()
        .find(|d| !corpus.questions.iter().any(|q| q.document_id == d.id))
        .expect("a letter")
        .kind;
    let mut q = query("q=minister");
    let unfiltered = run(&q);
    q.kinds = vec![letter_kind];
    let filtered = run(&q);
    assert!(!filtered.document_hits.is_empty());
    assert!(filtered.document_hits.len() < unfiltered.document_hits.len());
    assert!(filtered
        .document_hits
        .iter()
        .all(|h| corpus.documents[h.document as usize].kind == letter_kind));
}

#[test]
fn pages_hold_page_size_questions_and_never_hide_the_total() {
    let all = run(&Query::default());
    assert_eq!(all.page(1).len(), PAGE_SIZE.min(all.total));
    let last = all.page_count();
    assert_eq!(
        all.page(last).len(),
        all.total - (last as usize - 1) * PAGE_SIZE
    );
    assert!(all.page(last + 1).is_empty());
    assert_eq!(all.total, data().corpus.questions.len());
}
