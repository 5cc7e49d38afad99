//! A reference to a record the corpus does not hold is an error in the report, in the file that makes it.

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::parse::references::report_missing_references;
use briefwissel_corpus::Severity;
use std::path::Path;

#[test]
fn an_answer_whose_question_is_gone_is_reported_in_its_file() {
    // kv-034 holds the five questions of zaak 2024Z18792; kv-055, the Word letter that answers
    // them in one answer ("Antwoord vragen 1,2,3,4 en 5"), is linked to them by the zaak.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three_documents_one_set");
    let mut out = parse_paths(&[dir]).expect("parses");
    let before = out.diagnostics.len();
    report_missing_references(&mut out);
    assert_eq!(
        out.diagnostics.len(),
        before,
        "a sound corpus has nothing to report"
    );
    // Take the third question away, as a pass that lost it would.
    let gone = out.corpus.questions.remove(2);
    report_missing_references(&mut out);
    let errors: Vec<_> = out.diagnostics[before..].iter().collect();
    assert!(errors.iter().all(|d| d.severity == Severity::Error));
    let about = |file: &str| errors.iter().filter(|d| d.file.starts_with(file)).count();
    // Both answers name it, and each of the three documents shows it.
    assert_eq!(about("kv-055-"), 2, "{errors:?}");
    assert_eq!(about("ah-605-"), 2, "{errors:?}");
    assert_eq!(about("kv-034-"), 1, "{errors:?}");
    assert!(errors.iter().all(|d| d.message.contains(gone.id.as_str())));
}

#[test]
fn a_question_whose_answer_or_source_document_is_gone_is_reported() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three_documents_one_set");
    let mut out = parse_paths(&[dir]).expect("parses");
    let before = out.diagnostics.len();
    // The five questions are answered by the Aanhangsel's one answer (the first copy in corpus
    // order) and stand in all three documents; take that answer and the Word letter away.
    let answer = out
        .corpus
        .answers
        .iter()
        .position(|a| a.document_id.starts_with("ah-605"))
        .expect("the Aanhangsel's answer");
    out.corpus.answers.remove(answer);
    out.corpus.documents.retain(|d| !d.id.starts_with("kv-055"));
    report_missing_references(&mut out);
    let errors = &out.diagnostics[before..];
    let count = |part: &str| errors.iter().filter(|d| d.message.contains(part)).count();
    assert_eq!(count("heeft antwoord ah-605"), 5, "{errors:?}");
    assert_eq!(count("de tekst toont antwoord ah-605"), 1, "{errors:?}");
    assert_eq!(count("staat ook in document kv-055"), 5, "{errors:?}");
    // The letter's own answer names the letter as its document.
    assert_eq!(count("staat in document kv-055"), 1, "{errors:?}");
    assert_eq!(errors.len(), 12, "{errors:?}");
}
