//! The Aanhangsel number as a link key: a Word answer letter ("AH 617") and the Aanhangsel it became are one set, each question once.

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::{Date, SourceRole};
use std::path::Path;

#[test]
fn a_vergaderjaar_begins_on_the_third_tuesday_of_september() {
    let on = |y, m, d| Date::new(y, m, d).expect("date").vergaderjaar();
    // Prinsjesdag 2024 was Tuesday 17 September; 2023: 19 September.
    assert_eq!(on(2024, 9, 16), 2023);
    assert_eq!(on(2024, 9, 17), 2024);
    assert_eq!(on(2024, 11, 20), 2024);
    assert_eq!(on(2025, 3, 1), 2024);
    assert_eq!(on(2023, 9, 18), 2022);
    assert_eq!(on(2023, 9, 19), 2023);
}

#[test]
fn an_answer_letter_and_the_aanhangsel_with_its_number_are_one_set() {
    // kv-005 is the real Word answer letter "AH 617" (received 20 November 2024), which prints no
    // askers; ah-617-as-aanhangsel.txt is a test document in the form of the Aanhangsel it became,
    // with the letter's first two questions, the asker and the date sent in.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aanhangsel_key");
    let out = parse_paths(&[dir]).expect("parses");
    let qs = &out.corpus.questions;
    let first: Vec<_> = qs
        .iter()
        .filter(|q| {
            q.text
                .starts_with("Kunt u bevestigen dat het Israëlische wapenbedrijf IAI")
        })
        .collect();
    assert_eq!(first.len(), 1, "the question is one record");
    let q = first[0];
    assert!(
        q.document_id.starts_with("ah-617"),
        "kept with the document that names the asker"
    );
    assert_eq!(q.parties, ["GroenLinks-PvdA"]);
    assert_eq!(q.asked_on, Date::new(2024, 11, 1));
    let roles: Vec<(bool, SourceRole)> = q
        .sources
        .iter()
        .map(|s| (s.document_id.starts_with("kv-005-"), s.role))
        .collect();
    assert_eq!(
        roles,
        [(false, SourceRole::Antwoord), (true, SourceRole::Antwoord)]
    );
    // The letter's other questions are not in the test Aanhangsel and stay as they are: 2 + 4 records.
    assert_eq!(qs.len(), 6);
    assert!(out.diagnostics.iter().any(|d| d
        .message
        .contains("Aanhangsel 617 van vergaderjaar 2024–2025")));
}
