//! Ranking: a heading counts more than the question, the question more than the answer; the word as typed more than another form, that more than a compound part; ties go to the newest.

use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{Query, Sort};
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::{Corpus, Date};
use std::path::Path;

/// The real corpus, with some questions rewritten to texts of equal length that differ only in
/// where and how "wet" occurs, all asked on the same day unless a test says otherwise.
fn corpus_with(texts: &[(&str, Option<&str>, &str, Option<&str>)]) -> (Corpus, Vec<usize>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
    let mut corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
    let mut used = Vec::new();
    let day = Date::new(2024, 5, 1);
    for &(label, heading, text, answer) in texts {
        // An answered question with its own answer, or an unanswered one.
        let q = (0..corpus.questions.len())
            .find(|&q| {
                let question = &corpus.questions[q];
                !used.contains(&q)
                    && match (answer, &question.answer_id) {
                        (None, None) => true,
                        (Some(_), Some(id)) => corpus
                            .answers
                            .iter()
                            .any(|a| &a.id == id && a.question_ids.len() == 1),
                        _ => false,
                    }
            })
            .unwrap_or_else(|| panic!("a question for {label}"));
        used.push(q);
        let question = &mut corpus.questions[q];
        question.heading = heading.map(str::to_string);
        question.text = text.to_string();
        question.asked_on = day;
        if let (Some(answer_text), Some(id)) = (answer, question.answer_id.clone()) {
            if let Some(a) = corpus.answers.iter_mut().find(|a| a.id == id) {
                a.text = answer_text.to_string();
            }
        }
    }
    (corpus, used)
}

fn ranks(corpus: &Corpus, text: &str, questions: &[usize]) -> Vec<usize> {
    let index = SearchIndex::build(corpus);
    let order = Explorer::new(corpus, &index)
        .run(&Query {
            text: text.to_string(),
            sort: Sort::Relevance,
            ..Query::default()
        })
        .questions;
    questions
        .iter()
        .map(|&q| {
            order
                .iter()
                .position(|&o| o as usize == q)
                .unwrap_or_else(|| panic!("question {q} is found"))
        })
        .collect()
}

#[test]
fn a_match_in_the_heading_ranks_above_one_in_the_question_and_that_above_one_in_the_answer() {
    let (corpus, qs) = corpus_with(&[
        (
            "heading",
            Some("wet"),
            "de regels gelden voor alle gevallen in dit land",
            None,
        ),
        (
            "question",
            None,
            "de wet geldt voor alle gevallen in dit land nu",
            None,
        ),
        (
            "answer",
            None,
            "de regels gelden voor alle gevallen in",
            Some("de wet geldt"),
        ),
    ]);
    let r = ranks(&corpus, "wet", &qs);
    assert!(
        r[0] < r[1] && r[1] < r[2],
        "heading, question, answer ranked {r:?}"
    );
}

#[test]
fn the_word_as_typed_ranks_above_another_form_and_that_above_a_compound_part() {
    let (corpus, qs) = corpus_with(&[
        (
            "exact",
            None,
            "de wet geldt voor alle gevallen in dit land",
            None,
        ),
        (
            "form",
            None,
            "de wetten gelden voor alle gevallen in dit land",
            None,
        ),
        (
            "part",
            None,
            "de klimaatwet geldt voor alle gevallen in dit land",
            None,
        ),
    ]);
    let r = ranks(&corpus, "wet", &qs);
    assert!(
        r[0] < r[1] && r[1] < r[2],
        "exact, form, compound ranked {r:?}"
    );
}

#[test]
fn equally_relevant_questions_are_listed_newest_first() {
    let (mut corpus, qs) = corpus_with(&[
        (
            "older",
            None,
            "de wet geldt voor alle gevallen in dit land",
            None,
        ),
        (
            "newer",
            None,
            "de wet geldt voor alle gevallen in dit land",
            None,
        ),
    ]);
    corpus.questions[qs[0]].asked_on = Date::new(2020, 1, 1);
    corpus.questions[qs[1]].asked_on = Date::new(2025, 1, 1);
    let r = ranks(&corpus, "wet", &qs);
    assert_eq!(
        r[1] + 1,
        r[0],
        "the newer one directly above the older: {r:?}"
    );
}
