//! Search quality on the judged query set (fixtures/search/judged_queries.toml, written by reading the documents): recall and precision per query class.

use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{Query, Sort};
use briefwissel_corpus::search::SearchIndex;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
struct JudgedSet {
    query: Vec<Judged>,
}

#[derive(Deserialize)]
struct Judged {
    text: String,
    class: String,
    relevant: Vec<String>,
}

#[derive(Default)]
struct Tally {
    queries: usize,
    relevant: usize,
    found: usize,
    correct: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        self.correct as f64 / self.relevant.max(1) as f64
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            return if self.relevant == 0 { 1.0 } else { 0.0 };
        }
        self.correct as f64 / self.found as f64
    }
}

#[test]
fn the_judged_queries_find_at_least_95_percent_with_90_percent_precision() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set: JudgedSet = toml::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/search/judged_queries.toml"))
            .expect("the judged set is readable"),
    )
    .expect("the judged set is valid TOML");
    assert!(set.query.len() >= 40, "{} judged queries", set.query.len());
    let corpus = parse_paths(&[root.join("../../data/documents")])
        .expect("the real corpus parses")
        .corpus;
    let index = SearchIndex::build(&corpus);
    let explorer = Explorer::new(&corpus, &index);
    let mut classes: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut report = Vec::new();
    let mut headline_misses = Vec::new();
    for judged in &set.query {
        for id in &judged.relevant {
            assert!(
                corpus.questions.iter().any(|q| &q.id == id),
                "{}: judged question {id} is not in the corpus",
                judged.text
            );
        }
        let outcome = explorer.run(&Query {
            text: judged.text.clone(),
            sort: Sort::Relevance,
            ..Query::default()
        });
        let found: BTreeSet<&str> = outcome
            .questions
            .iter()
            .map(|&q| corpus.questions[q as usize].id.as_str())
            .collect();
        let relevant: BTreeSet<&str> = judged.relevant.iter().map(String::as_str).collect();
        let correct = found.intersection(&relevant).count();
        for tally in [
            classes.entry(judged.class.as_str()).or_default(),
            &mut total,
        ] {
            tally.queries += 1;
            tally.relevant += relevant.len();
            tally.found += found.len();
            tally.correct += correct;
        }
        if correct < relevant.len() || correct < found.len() {
            report.push(format!(
                "  {:28} relevant {:3}, found {:3}, correct {:3}",
                judged.text,
                relevant.len(),
                found.len(),
                correct
            ));
        }
        if ["asiel", "vluchteling", "opvang"].contains(&judged.text.as_str())
            && correct < relevant.len()
        {
            headline_misses.push(judged.text.clone());
        }
    }
    for (class, t) in &classes {
        report.push(format!(
            "{class:10} {:2} queries: recall {:.3}, precision {:.3}",
            t.queries,
            t.recall(),
            t.precision()
        ));
    }
    let summary = format!(
        "all: recall {:.3}, precision {:.3}\n{}",
        total.recall(),
        total.precision(),
        report.join("\n")
    );
    println!("{summary}");
    assert!(
        headline_misses.is_empty(),
        "a new user must see every question for {headline_misses:?}\n{summary}"
    );
    assert!(total.recall() >= 0.95, "{summary}");
    assert!(total.precision() >= 0.90, "{summary}");
}
