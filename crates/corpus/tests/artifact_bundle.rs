//! The shipped artifact and the selection exports: round trip, clear errors for wrong files, CSV and JSON downloads.

mod common;

use briefwissel_corpus::artifact::{
    decode, encode, ArtifactError, Bundle, ARTIFACT_VERSION, MAGIC,
};
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::export_csv::{questions_csv, questions_json, CSV_COLUMNS};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::Query;
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::{Corpus, SCHEMA_VERSION};
use std::path::Path;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        Bundle::build(parse_paths(&[dir]).expect("the real corpus parses").corpus)
    })
}

fn bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| encode(bundle()))
}

#[test]
fn the_real_corpus_survives_encoding_and_decoding() {
    let bytes = bytes();
    assert_eq!(&bytes[..4], MAGIC);
    assert_eq!(
        u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]),
        ARTIFACT_VERSION
    );
    let decoded = decode(bytes).expect("decodes");
    assert_eq!(&decoded, bundle());
    assert!(!decoded.corpus.questions.is_empty());
    let explorer = Explorer::new(&decoded.corpus, &decoded.index);
    assert!(explorer.index_problem().is_none());
    assert!(
        explorer
            .run(&Query {
                text: "minister".into(),
                ..Query::default()
            })
            .total
            > 0
    );
}

#[test]
fn a_decoded_artifact_holds_each_id_once_however_many_records_name_it() {
    let decoded = decode(bytes()).expect("decodes");
    let c = &decoded.corpus;
    let document = |id: &str| c.documents.iter().find(|d| d.id == id).unwrap();
    let answer = |id: &str| c.answers.iter().find(|a| a.id == id).unwrap();
    let question = |id: &str| c.questions.iter().find(|q| q.id == id).unwrap();
    // kv-003 (Boswijk's questions with their answers): eight questions, each answered.
    let kv003: Vec<_> = c
        .questions
        .iter()
        .filter(|q| q.document_id.starts_with("kv-003-"))
        .collect();
    assert_eq!(kv003.len(), 8);
    for q in kv003 {
        assert!(q.document_id.is_same_text(&document(&q.document_id).id));
        let answer_id = q
            .answer_id
            .as_ref()
            .expect("every kv-003 question is answered");
        let a = answer(answer_id);
        assert!(answer_id.is_same_text(&a.id));
        assert!(a.document_id.is_same_text(&q.document_id));
        assert!(a.question_ids.iter().any(|id| id.is_same_text(&q.id)));
    }
    for a in &c.answers {
        for id in &a.question_ids {
            assert!(id.is_same_text(&question(id).id), "{id}");
        }
    }
    // Themes, parties and ministries are ids too: one text for every question that names them.
    let mut by_text: std::collections::HashMap<&str, &briefwissel_corpus::Id> = Default::default();
    for q in &c.questions {
        for id in q.themes.iter().chain(&q.parties).chain(&q.ministries) {
            assert!(
                by_text.entry(id.as_str()).or_insert(id).is_same_text(id),
                "{id}"
            );
        }
    }
    for id in ["GroenLinks-PvdA", "terugkeer", "jenv"] {
        assert!(by_text.contains_key(id), "{id}");
    }
}

#[test]
fn the_artifact_version_follows_the_corpus_schema() {
    assert_eq!(ARTIFACT_VERSION / 1000, SCHEMA_VERSION);
}

#[test]
fn the_index_is_small_next_to_the_corpus() {
    let corpus = postcard::to_allocvec(&bundle().corpus)
        .expect("encodes")
        .len();
    let index = postcard::to_allocvec(&bundle().index)
        .expect("encodes")
        .len();
    assert!(
        index * 3 < corpus,
        "index {index} bytes, corpus {corpus} bytes"
    );
}

#[test]
fn a_file_that_is_not_an_artifact_is_refused_by_name() {
    let err = decode(b"<!doctype html><html>").expect_err("html is no artifact");
    assert_eq!(err, ArtifactError::BadMagic);
    assert!(err.to_string().contains("geen Briefwissel-corpusbestand"));
    assert_eq!(decode(b"BRF"), Err(ArtifactError::TooShort { length: 3 }));
    assert!(decode(&[])
        .expect_err("empty")
        .to_string()
        .contains("te kort"));
}

#[test]
fn a_version_mismatch_names_both_versions() {
    let mut other = bytes().to_vec();
    other[4..8].copy_from_slice(&(ARTIFACT_VERSION + 1).to_le_bytes());
    let err = decode(&other).expect_err("other version");
    assert_eq!(
        err,
        ArtifactError::VersionMismatch {
            expected: ARTIFACT_VERSION,
            found: ARTIFACT_VERSION + 1
        }
    );
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "artefactversie {ARTIFACT_VERSION} verwacht, {} gevonden",
            ARTIFACT_VERSION + 1
        )),
        "{message}"
    );
}

#[test]
fn a_damaged_payload_gives_an_error_and_never_a_panic() {
    let bytes = bytes();
    for cut in [9, 100, bytes.len() / 2, bytes.len() - 1] {
        let err = decode(&bytes[..cut]).expect_err("truncated");
        assert!(
            matches!(err, ArtifactError::Corrupt(_)),
            "cut at {cut}: {err}"
        );
    }
    let mut longer = bytes.to_vec();
    longer.push(0);
    assert!(matches!(decode(&longer), Err(ArtifactError::Corrupt(_))));
    let mut flipped = bytes.to_vec();
    for i in (8..flipped.len()).step_by(flipped.len() / 97) {
        flipped[i] ^= 0x5a;
        let _ = decode(&flipped);
        flipped[i] ^= 0x5a;
    }
}

#[test]
fn an_index_built_for_another_corpus_is_refused() {
    let mut smaller = bundle().corpus.clone();
    smaller.questions.truncate(smaller.questions.len() / 2);
    let mismatched = Bundle {
        corpus: smaller.clone(),
        index: bundle().index.clone(),
        index_file: None,
        text_table: None,
    };
    let err = decode(&encode(&mismatched)).expect_err("index does not fit");
    assert!(matches!(err, ArtifactError::Inconsistent(_)), "{err}");
    let explorer = Explorer::new(&mismatched.corpus, &mismatched.index);
    assert!(explorer.index_problem().is_some());
    assert_eq!(
        explorer
            .run(&Query {
                text: "minister".into(),
                ..Query::default()
            })
            .total,
        0
    );
    assert_eq!(
        explorer.run(&Query::default()).total,
        smaller.questions.len(),
        "filters still work"
    );
    let empty = Bundle {
        corpus: Corpus {
            schema_version: SCHEMA_VERSION,
            ..Corpus::default()
        },
        index: SearchIndex::default(),
        index_file: None,
        text_table: None,
    };
    assert_eq!(
        decode(&encode(&empty)).expect("an empty corpus is fine"),
        empty
    );
}

/// Splits RFC 4180 CSV into rows of cells.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn a_selection_exports_as_csv_with_one_row_per_question() {
    let b = bundle();
    let outcome = Explorer::new(&b.corpus, &b.index).run(&Query {
        answered: Some(true),
        ..Query::default()
    });
    let csv = common::inline_export(questions_csv, &b.corpus, &outcome.questions);
    let rows = read_csv(&csv);
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows.len(), outcome.total + 1);
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).expect(name);
    for (row, &q) in rows[1..].iter().zip(&outcome.questions) {
        let question = &b.corpus.questions[q as usize];
        assert_eq!(row.len(), CSV_COLUMNS.len());
        // kv-005 prints no askers: the member named in its file name, with the registry's party;
        // it is answered by "minister Brekelmans (Defensie)".
        if question.document_id.starts_with("kv-005-") {
            assert_eq!(row[col("askers")], "Nordkamp (GroenLinks-PvdA)");
            assert_eq!(row[col("ministries")], "Defensie");
            assert_eq!(row[col("answered_on")], "2024-11-20");
        }
        assert_eq!(row[0], question.id);
        assert!(
            question.text.is_empty() || row[col("text")].ends_with(question.text.trim_end()),
            "{}",
            question.id
        );
        let answer = b
            .corpus
            .answers
            .iter()
            .find(|a| Some(&a.id) == question.answer_id.as_ref());
        if let Some(answer) = answer {
            assert!(
                row[col("answer_text")].ends_with(answer.text.trim_end()),
                "{} carries its answer",
                question.id
            );
        }
    }
}

#[test]
fn a_selection_exports_as_json_with_questions_and_answers() {
    let b = bundle();
    let selection: Vec<u32> = (0..b.corpus.questions.len() as u32).step_by(7).collect();
    let json: serde_json::Value = serde_json::from_str(&common::inline_export(
        questions_json,
        &b.corpus,
        &selection,
    ))
    .expect("valid json");
    assert_eq!(json["schema_version"], SCHEMA_VERSION);
    assert_eq!(json["count"], selection.len());
    let questions = json["questions"].as_array().expect("list");
    for (item, &q) in questions.iter().zip(&selection) {
        let question = &b.corpus.questions[q as usize];
        assert_eq!(item["question"]["id"], question.id.as_str());
        let answer = b
            .corpus
            .answers
            .iter()
            .find(|a| Some(&a.id) == question.answer_id.as_ref());
        assert_eq!(
            item["answer"]["text"].as_str(),
            answer.map(|a| a.text.as_str())
        );
    }
    assert!(common::inline_export(questions_json, &b.corpus, &[u32::MAX]).contains("\"count\": 0"));
}
