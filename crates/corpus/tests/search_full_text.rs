//! Full-text search over the real corpus: stemming, diacritics, AND, phrases, letters, order, highlighting.

use briefwissel_corpus::explore::{Explorer, Outcome};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{Query, Sort};
use briefwissel_corpus::search::units::{question_texts, AnswerLookup};
use briefwissel_corpus::search::{highlight, HighlightTerms, SearchIndex};
use briefwissel_corpus::texts::Texts;
use briefwissel_corpus::{Block, Corpus};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

fn data() -> &'static (Corpus, SearchIndex) {
    static DATA: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        let corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    })
}

fn search(text: &str) -> Outcome {
    let (corpus, index) = data();
    Explorer::new(corpus, index).run(&Query {
        text: text.to_string(),
        ..Query::default()
    })
}

fn question_set(o: &Outcome) -> BTreeSet<u32> {
    o.questions.iter().copied().collect()
}

fn document_set(o: &Outcome) -> BTreeSet<u32> {
    o.document_hits.iter().map(|h| h.document).collect()
}

/// Lowercase words separated by single spaces, with spaces around, for brute-force checks.
fn normalized(text: &str) -> String {
    let words: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

fn question_text(corpus: &Corpus, q: usize) -> String {
    let answers = AnswerLookup::new(corpus);
    let mut all = String::new();
    let texts = Texts::inline(corpus);
    let read = question_texts(&texts, &answers, q, |t, _| {
        all.push_str(t);
        all.push('\n');
    });
    assert_eq!(read, Ok(()), "the texts are in the corpus");
    all
}

#[test]
fn diacritics_do_not_matter_when_searching() {
    let with = search("geïndexeerd");
    let without = search("geindexeerd");
    assert!(
        with.total + with.document_hits.len() > 0,
        "geïndexeerd occurs in the corpus"
    );
    assert_eq!(question_set(&with), question_set(&without));
    assert_eq!(document_set(&with), document_set(&without));
    assert_eq!(
        question_set(&search("Oekraïne")),
        question_set(&search("oekraine"))
    );
    assert!(search("oekraine").total > 0);
}

#[test]
fn plural_and_singular_find_the_same_letters_through_stemming() {
    let plural = search("terugkeerhubs");
    let singular = search("terugkeerhub");
    assert!(
        plural.total + plural.document_hits.len() > 0,
        "terugkeerhubs occurs in the corpus"
    );
    assert_eq!(question_set(&plural), question_set(&singular));
    assert_eq!(document_set(&plural), document_set(&singular));
}

#[test]
fn a_rare_word_finds_exactly_the_questions_whose_text_or_answer_contains_it() {
    let (corpus, _) = data();
    for word in ["poetin", "brics", "kazan"] {
        let expected: BTreeSet<u32> = (0..corpus.questions.len())
            .filter(|&q| {
                normalized(&question_text(corpus, q))
                    .split(' ')
                    .any(|w| w == word || w == format!("{word}s"))
            })
            .map(|q| q as u32)
            .collect();
        assert!(!expected.is_empty(), "{word} occurs in some question");
        assert_eq!(question_set(&search(word)), expected, "search for {word}");
    }
}

#[test]
fn several_words_must_all_occur() {
    let both = question_set(&search("minister asiel"));
    let minister = question_set(&search("minister"));
    let asiel = question_set(&search("asiel"));
    let expected: BTreeSet<u32> = minister.intersection(&asiel).copied().collect();
    assert!(!expected.is_empty());
    assert_eq!(both, expected);
    assert!(search("minister xyzzyquux").questions.is_empty());
}

#[test]
fn a_quoted_phrase_matches_only_consecutive_words() {
    let (corpus, _) = data();
    let phrase = search("\"het kabinet\"");
    let loose = question_set(&search("het kabinet"));
    let found = question_set(&phrase);
    assert!(!found.is_empty());
    assert!(
        found.len() < loose.len(),
        "some questions have both words apart"
    );
    for &q in &found {
        assert!(loose.contains(&q));
        assert!(
            normalized(&question_text(corpus, q as usize)).contains(" het kabinet"),
            "question {q}"
        );
    }
    for q in 0..corpus.questions.len() as u32 {
        if normalized(&question_text(corpus, q as usize)).contains(" het kabinet ") {
            assert!(
                found.contains(&q),
                "question {} has the phrase",
                corpus.questions[q as usize].id
            );
        }
    }
    assert!(search("\"kabinet het\"").total < phrase.total);
}

#[test]
fn letters_without_questions_are_found_by_their_own_words() {
    let (corpus, _) = data();
    let letters: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| {
            !corpus
                .questions
                .iter()
                .any(|q| q.document_id == corpus.documents[d].id)
        })
        .collect();
    assert!(
        !letters.is_empty(),
        "the corpus has letters without questions"
    );
    let mut checked = 0;
    for d in letters {
        let paragraph = corpus.documents[d]
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                Block::Paragraph(p) if p.split_whitespace().count() > 5 => Some(p),
                _ => None,
            });
        let Some(paragraph) = paragraph else { continue };
        let word = paragraph
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.chars().count())
            .unwrap_or_default();
        let hits = search(word);
        assert!(
            hits.document_hits
                .iter()
                .any(|h| h.document as usize == d && !h.sections.is_empty()),
            "{} is found by „{word}”",
            corpus.documents[d].id
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn only_documents_without_questions_or_answers_of_their_own_are_listed_apart_from_the_cards() {
    let (corpus, index) = data();
    let explorer = Explorer::new(corpus, index);
    let on_cards = |prefix: &str| {
        let d = (corpus.documents.iter())
            .position(|d| d.id.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix} is in the corpus"));
        explorer.is_on_cards(d)
    };
    // The ministry note and VluchtelingenWerk's letter ask and answer nothing.
    assert!(!on_cards("000_") && !on_cards("001_"));
    // A schriftelijk overleg and written questions hold their questions; kv-055 is an answer
    // letter (Word) that answers questions put in another document.
    assert!(on_cards("002_") && on_cards("kv-000-") && on_cards("kv-055-"));
    // In today's corpus that is exactly the documents whose body places a question.
    for (d, document) in corpus.documents.iter().enumerate() {
        let blocks = document.sections.iter().flat_map(|s| &s.blocks);
        let places_questions = blocks.into_iter().any(|b| matches!(b, Block::Question(_)));
        assert_eq!(explorer.is_on_cards(d), places_questions, "{}", document.id);
    }
}

#[test]
fn newest_and_oldest_order_by_date_asked_with_undated_last() {
    let (corpus, index) = data();
    let explorer = Explorer::new(corpus, index);
    let newest = explorer
        .run(&Query {
            sort: Sort::Newest,
            ..Query::default()
        })
        .questions;
    let oldest = explorer
        .run(&Query {
            sort: Sort::Oldest,
            ..Query::default()
        })
        .questions;
    assert_eq!(newest.len(), corpus.questions.len());
    let dates = |order: &[u32]| {
        order
            .iter()
            .map(|&q| corpus.questions[q as usize].asked_on)
            .collect::<Vec<_>>()
    };
    let (n, o) = (dates(&newest), dates(&oldest));
    let dated = n.iter().filter(|d| d.is_some()).count();
    assert!(dated > 0);
    assert!(n[..dated].windows(2).all(|w| w[0] >= w[1]));
    assert!(o[..dated].windows(2).all(|w| w[0] <= w[1]));
    assert!(n[dated..].iter().chain(&o[dated..]).all(|d| d.is_none()));
    let relevance_without_text = explorer.run(&Query::default()).questions;
    assert_eq!(relevance_without_text, newest);
}

#[test]
fn relevance_puts_a_question_dense_in_the_word_first() {
    let (corpus, _) = data();
    let outcome = search("brics");
    let density: Vec<f64> = outcome
        .questions
        .iter()
        .map(|&q| {
            let text = normalized(&question_text(corpus, q as usize));
            text.matches(" brics ").count() as f64 / text.split(' ').count() as f64
        })
        .collect();
    assert!(density.len() > 2);
    let best = density.iter().cloned().fold(0.0, f64::max);
    assert!(
        density[0] >= best / 2.0,
        "the first hit is among the densest: {density:?}"
    );
}

#[test]
fn highlighting_real_answers_keeps_the_text_and_marks_only_matches() {
    let (corpus, _) = data();
    let terms = HighlightTerms::from_search_text("kabinet \"de minister\" Oekraïne");
    let mut marked = 0;
    for answer in &corpus.answers {
        let runs = highlight(&answer.text, &terms);
        assert_eq!(
            runs.iter().map(|r| r.0.as_str()).collect::<String>(),
            answer.text
        );
        for (run, _) in runs.iter().filter(|r| r.1) {
            marked += 1;
            let n = normalized(run);
            assert!(
                n.contains("kabinet") || n.starts_with(" de minister") || n.contains("oekra"),
                "marked {run:?}"
            );
        }
    }
    assert!(marked > 10);
}

#[test]
fn phrases_give_the_same_results_with_or_without_the_word_pair_lists() {
    let (corpus, index) = data();
    assert!(index.pair_min_units > 0);
    let without_pairs = SearchIndex {
        pair_min_units: 0,
        ..index.clone()
    };
    let with = Explorer::new(corpus, index);
    let without = Explorer::new(corpus, &without_pairs);
    for text in [
        "\"het kabinet\"",
        "\"de minister\"",
        "\"de minister van\" asiel",
        "\"van de\"",
        "\"in het\" \"de minister\"",
        "\"kabinet het\"",
    ] {
        let q = Query {
            text: text.to_string(),
            ..Query::default()
        };
        let (a, b) = (with.run(&q), without.run(&q));
        assert_eq!(question_set(&a), question_set(&b), "{text}");
        assert_eq!(document_set(&a), document_set(&b), "{text}");
    }
    assert!(
        with.run(&Query {
            text: "\"van de\"".into(),
            ..Query::default()
        })
        .total
            > 0
    );
}

#[test]
fn two_query_words_that_are_both_parts_of_one_compound_mark_the_whole_compound() {
    // The letter of seed 001 says "de asielopvang in Nederland"; "asiel opvang" finds it through
    // both parts of the compound and must mark both, not only the last part looked up.
    let (corpus, index) = data();
    let explorer = Explorer::new(corpus, index);
    let outcome = explorer.run(&Query {
        text: "asiel opvang".into(),
        ..Query::default()
    });
    let letter = corpus
        .documents
        .iter()
        .position(|d| d.file.contains("001_e44bad7053cb3266"))
        .expect("seed 001 is in the corpus");
    assert!(outcome
        .document_hits
        .iter()
        .any(|h| h.document as usize == letter));
    let runs = highlight("om de asielopvang in Nederland", &outcome.highlight);
    let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
    assert_eq!(marked, ["asielopvang"]);
}
