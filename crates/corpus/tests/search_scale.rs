//! Search timings on a scale corpus (ignored by default): `BRIEFWISSEL_SCALE_DIR=.scale/100x cargo test --release --test search_scale -- --ignored --nocapture`.

use briefwissel_corpus::artifact::{encode, Bundle};
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::parse_query_string;
use std::path::PathBuf;
use std::time::Instant;

/// Realistic explorer states: facets, dates, Dutch words, phrases, prefixes typed so far.
const QUERIES: [&str; 24] = [
    "",
    "partij=Volt&partij=PvdD",
    "thema=terugkeer",
    "van=2020-01-01&tot=2022-12-31",
    "beantwoord=nee",
    "partij=VVD&thema=asielprocedure&beantwoord=ja",
    "soort=schriftelijk_overleg&partij=GL-PvdA",
    "q=terugkeerhubs",
    "q=geindexeerd",
    "q=asiel",
    "q=minister",
    "q=asiel+migratie",
    "q=a",
    "q=as",
    "q=vreemdelingenbewaring&partij=SP",
    "q=kabinet&sorteer=nieuwste",
    "q=de&sorteer=oudste",
    "q=%22de+minister%22",
    "q=%22het+kabinet%22&partij=VVD",
    "q=%22de+minister+van%22+asiel",
    "q=%22de+minister%22&partij=D66",
    "q=oekraine&van=2022-01-01",
    "thema=opvang&van=2021-01-01&tot=2023-12-31&partij=CDA&partij=NSC",
    "q=%22in+het+kader+van%22",
];

#[test]
#[ignore = "needs a generated scale corpus in BRIEFWISSEL_SCALE_DIR"]
fn every_query_on_the_scale_corpus_runs_well_within_the_interaction_budget() {
    let Ok(dir) = std::env::var("BRIEFWISSEL_SCALE_DIR") else {
        panic!("set BRIEFWISSEL_SCALE_DIR to a folder made by briefwissel-scale")
    };
    let t = Instant::now();
    let corpus = parse_paths(&[PathBuf::from(dir)])
        .expect("the scale corpus parses")
        .corpus;
    println!(
        "parse: {:?}, {} documents, {} questions",
        t.elapsed(),
        corpus.documents.len(),
        corpus.questions.len()
    );
    let t = Instant::now();
    let bundle = Bundle::build(corpus);
    println!(
        "index build: {:?}, {} terms",
        t.elapsed(),
        bundle.index.term_count()
    );
    let corpus_bytes = postcard::to_allocvec(&bundle.corpus)
        .map(|b| b.len())
        .unwrap_or(0);
    let index_bytes = postcard::to_allocvec(&bundle.index)
        .map(|b| b.len())
        .unwrap_or(0);
    println!("postcard: corpus {corpus_bytes} bytes, index {index_bytes} bytes");
    if let Ok(out) = std::env::var("BRIEFWISSEL_ARTIFACT_OUT") {
        std::fs::write(&out, encode(&bundle)).expect("artifact written");
    }
    let t = Instant::now();
    let explorer = Explorer::new(&bundle.corpus, &bundle.index);
    println!("explorer: {:?}", t.elapsed());
    let mut worst = std::time::Duration::ZERO;
    for qs in QUERIES {
        let (query, _) = parse_query_string(qs, &bundle.corpus);
        explorer.run(&parse_query_string("", &bundle.corpus).0);
        let t = Instant::now();
        let outcome = explorer.run(&query);
        let took = t.elapsed();
        worst = worst.max(took);
        println!(
            "{took:>12.2?}  {:>6} questions {:>5} documents  ?{qs}",
            outcome.total,
            outcome.document_hits.len()
        );
    }
    assert!(worst.as_millis() < 50, "slowest query took {worst:?}");
}
