//! Linking the documents of one set of questions on the real corpus: the questions as sent in and the answer letter that repeats them are one set, and each question is counted once.

use briefwissel_corpus::model::{Block, Document, SourceRole};
use briefwissel_corpus::parse::link_sets::{similarity, SAME_QUESTION};
use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use briefwissel_corpus::{Date, Severity};
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

fn output() -> &'static ParseOutput {
    static OUT: OnceLock<ParseOutput> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        parse_paths(&[dir]).expect("the real corpus parses")
    })
}

fn document(file_part: &str) -> &'static Document {
    output()
        .corpus
        .documents
        .iter()
        .find(|d| d.file.contains(file_part))
        .unwrap_or_else(|| panic!("{file_part} is in the corpus"))
}

/// kv-034 is the questions document of zaak 2024Z18792 (Boswijk, CDA, ingezonden 19 november
/// 2024, Vraag 1–5); kv-055 is the answer letter (AH 605, 2024Z18792, ontvangen 20 november
/// 2024) that repeats Vraag 1–5 and answers them together.
#[test]
fn the_questions_and_the_answer_letter_of_zaak_2024z18792_are_one_set() {
    let corpus = &output().corpus;
    let asking = document("kv-034-de-ontkoppeling-van-ontwikkelingshulp");
    let answering = document("kv-055-antwoord-op-vragen-van-het-lid-boswijk");
    let questions: Vec<_> = corpus
        .questions
        .iter()
        .filter(|q| q.document_id == asking.id)
        .collect();
    let numbers: Vec<&str> = questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert!(
        corpus
            .questions
            .iter()
            .all(|q| q.document_id != answering.id),
        "the answer letter's copies are not counted again"
    );
    for q in &questions {
        assert_eq!(q.asked_on, Date::parse_iso("2024-11-19"), "{}", q.id);
        assert!(
            q.askers
                .iter()
                .any(|a| a.name.as_deref() == Some("Boswijk")),
            "{}",
            q.id
        );
        assert_eq!(q.parties.len(), 1, "{}: {:?}", q.id, q.parties);
        let answer_id = q.answer_id.as_deref().expect("answered");
        let answer = corpus
            .answers
            .iter()
            .find(|a| a.id == answer_id)
            .expect("the answer exists");
        assert_eq!(answer.document_id, answering.id);
        assert_eq!(answer.answered_on, Date::parse_iso("2024-11-20"));
        assert!(answer.question_ids.contains(&q.id), "{}", q.id);
        let roles: Vec<(&str, SourceRole)> = q
            .sources
            .iter()
            .map(|s| (s.document_id.as_str(), s.role))
            .collect();
        assert_eq!(
            roles,
            [
                (asking.id.as_str(), SourceRole::Vragen),
                (answering.id.as_str(), SourceRole::Antwoord)
            ]
        );
    }
    let shown: Vec<&str> = answering
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Question(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let kept: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        shown, kept,
        "the answer letter shows the questions it repeats"
    );
    let said = output()
        .diagnostics
        .iter()
        .filter(|d| d.file == answering.file && d.severity == Severity::Info)
        .filter(|d| d.message.contains("één keer meegeteld") && d.message.contains("2024Z18792"))
        .count();
    assert_eq!(said, 5);
}

#[test]
fn no_two_question_records_share_zaak_and_number() {
    let corpus = &output().corpus;
    let mut seen = HashSet::new();
    for q in &corpus.questions {
        let zaak = corpus
            .documents
            .iter()
            .find(|d| d.id == q.document_id)
            .and_then(|d| d.references.zaak.clone());
        if let Some(zaak) = zaak {
            assert!(
                seen.insert((zaak.clone(), q.numbers.clone())),
                "{zaak} vraag {} twice",
                q.number
            );
        }
    }
}

#[test]
fn every_question_names_its_own_document_first_and_every_reference_to_a_question_exists() {
    let corpus = &output().corpus;
    let ids: HashSet<&str> = corpus.questions.iter().map(|q| q.id.as_str()).collect();
    let documents: HashSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    for q in &corpus.questions {
        assert_eq!(
            q.sources.first().map(|s| s.document_id.as_str()),
            Some(q.document_id.as_str())
        );
        assert!(q
            .sources
            .iter()
            .all(|s| documents.contains(s.document_id.as_str())));
    }
    for a in &corpus.answers {
        for id in &a.question_ids {
            assert!(ids.contains(id.as_str()), "answer {} names {id}", a.id);
        }
    }
    for d in &corpus.documents {
        for block in d.sections.iter().flat_map(|s| &s.blocks) {
            if let Block::Question(id) = block {
                assert!(ids.contains(id.as_str()), "{} shows {id}", d.file);
            }
        }
    }
}

#[test]
fn the_same_question_with_glued_words_matches_and_a_different_closing_question_does_not() {
    // Vraag 2 as the questions PDF prints it (words glued at line ends) and as the answer
    // letter repeats it.
    let glued = "kunt u aangeven op welke momenten precies met coalitiepartijen gesprokenis over het besluit om de ontwikkelingshulp niet langer te laten meestijgenmet de economische groei";
    let clean = "kunt u aangeven op welke momenten precies met coalitiepartijen gesproken is over het besluit om de ontwikkelingshulp niet langer te laten meestijgen met de economische groei";
    let fold = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    assert!(similarity(&fold(glued), &fold(clean)) >= SAME_QUESTION);
    // Two different closing questions of two different sets.
    let a = fold("kunt u de bovenstaande vragen afzonderlijk beantwoorden");
    let b = fold("kunt u deze vijf vragen afzonderlijk en binnen drie weken beantwoorden");
    assert!(similarity(&a, &b) < SAME_QUESTION);
}
