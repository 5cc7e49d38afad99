//! Compound parts respect word boundaries: the hand-made pair list in fixtures/search/compound_pairs.txt, on the real vocabulary.

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::search::expand::word_terms;
use briefwissel_corpus::search::query_text::QueryWord;
use briefwissel_corpus::search::units::UnitMap;
use briefwissel_corpus::search::{IndexReader, SearchIndex};
use briefwissel_corpus::{Block, Section};
use std::path::Path;

struct Pair {
    query: String,
    word: String,
    should_match: bool,
    line: usize,
}

fn pairs() -> Vec<Pair> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/compound_pairs.txt");
    let text = std::fs::read_to_string(&path).expect("the pair list is readable");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (query, word, should_match) = if let Some((q, w)) = line.split_once('↛') {
            (q, w, false)
        } else if let Some((q, w)) = line.split_once('→') {
            (q, w, true)
        } else {
            panic!("compound_pairs.txt line {}: no → or ↛ in {line:?}", i + 1);
        };
        out.push(Pair {
            query: query.trim().to_string(),
            word: word.trim().to_string(),
            should_match,
            line: i + 1,
        });
    }
    out
}

#[test]
fn the_pair_list_has_thirty_pairs_both_ways() {
    let pairs = pairs();
    assert!(pairs.len() >= 30, "{} pairs", pairs.len());
    assert!(pairs.iter().filter(|p| p.should_match).count() >= 15);
    assert!(pairs.iter().filter(|p| !p.should_match).count() >= 15);
}

#[test]
fn search_words_find_their_compounds_and_forms_but_not_look_alikes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
    let mut corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
    let pairs = pairs();
    // One extra letter holding every listed word, so each is in the vocabulary; its parts
    // must still be words of the real corpus.
    let mut letter = corpus.documents[0].clone();
    letter.id = "pairs".into();
    letter.footnotes.clear();
    let words: Vec<&str> = pairs.iter().map(|p| p.word.as_str()).collect();
    letter.sections = vec![Section {
        heading: None,
        blocks: vec![Block::Paragraph(words.join(" "))],
    }];
    corpus.documents.push(letter);
    let index = SearchIndex::build(&corpus);
    let reader = IndexReader::new(&index, UnitMap::new(&corpus).total as usize).expect("index");
    let mut wrong = Vec::new();
    for p in &pairs {
        let query = QueryWord {
            folded: p.query.clone(),
            exact: false,
        };
        let found = word_terms(&reader, &query, false)
            .iter()
            .any(|m| reader.term(m.term as usize) == p.word);
        if found != p.should_match {
            let arrow = if p.should_match { "→" } else { "↛" };
            wrong.push(format!("line {}: {} {arrow} {}", p.line, p.query, p.word));
        }
    }
    assert!(
        wrong.is_empty(),
        "pairs not as listed:\n{}",
        wrong.join("\n")
    );
}
