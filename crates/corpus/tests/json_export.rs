//! The JSON export is written field by field; it must be exactly what serde_json writes for the model, for the whole corpus.

mod common;

use briefwissel_corpus::export_csv::questions_json;
use briefwissel_corpus::{Answer, Question, SCHEMA_VERSION};
use serde::Serialize;

#[derive(Serialize)]
struct ExportedQuestion<'c> {
    document_title: Option<&'c str>,
    question: &'c Question,
    answer: Option<&'c Answer>,
}

#[derive(Serialize)]
struct ExportedSelection<'c> {
    schema_version: u32,
    count: usize,
    questions: Vec<ExportedQuestion<'c>>,
}

#[test]
fn every_question_is_exported_exactly_as_serde_json_writes_the_model() {
    let out = common::parsed_corpus();
    let corpus = &out.corpus;
    let all: Vec<u32> = (0..corpus.questions.len() as u32).rev().collect();
    let selection = ExportedSelection {
        schema_version: SCHEMA_VERSION,
        count: all.len(),
        questions: all
            .iter()
            .map(|&i| {
                let q = &corpus.questions[i as usize];
                ExportedQuestion {
                    document_title: corpus
                        .documents
                        .iter()
                        .find(|d| d.id == q.document_id)
                        .map(|d| d.title.as_str()),
                    question: q,
                    answer: corpus
                        .answers
                        .iter()
                        .find(|a| Some(&a.id) == q.answer_id.as_ref()),
                }
            })
            .collect(),
    };
    let ours = common::inline_export(questions_json, corpus, &all);
    let theirs = serde_json::to_string_pretty(&selection).expect("serde_json writes it");
    assert!(ours.len() > 100_000, "the export is the whole corpus");
    if ours != theirs {
        let at = ours
            .bytes()
            .zip(theirs.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(ours.len().min(theirs.len()));
        panic!(
            "the export differs from serde_json at byte {at}: ours {:?}, theirs {:?}",
            &ours[at.saturating_sub(80)..(at + 80).min(ours.len())],
            &theirs[at.saturating_sub(80)..(at + 80).min(theirs.len())]
        );
    }
}

#[test]
fn an_empty_selection_is_an_empty_list() {
    let out = common::parsed_corpus();
    assert_eq!(
        common::inline_export(questions_json, &out.corpus, &[u32::MAX]),
        format!(
            "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"count\": 0,\n  \"questions\": []\n}}"
        )
    );
}
