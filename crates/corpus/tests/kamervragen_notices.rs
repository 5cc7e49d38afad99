//! Notices (Mededelingen) printed instead of an answer: a postponement, or word that the questions were answered elsewhere.

use briefwissel_corpus::model::{Corpus, DocumentKind};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::Date;
use std::path::Path;

fn parse_fixture(rel: &str) -> Corpus {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    parse_paths(&[path])
        .expect("the fixture is readable")
        .corpus
}

#[test]
fn a_notice_that_the_questions_were_answered_by_a_letter_is_their_answer_not_a_postponement() {
    // A test document in the Aanhangsel's form: three questions, then "Mededeling: De schriftelijke
    // vragen … zijn beantwoord middels een brief … op 12 april 2024."
    let c = parse_fixture("kamervragen/mededeling_answered_by_letter.txt");
    assert_eq!(c.documents.len(), 1);
    assert_eq!(c.documents[0].kind, DocumentKind::KamervragenMetAntwoord);
    assert_eq!(c.questions.len(), 3);
    assert_eq!(c.answers.len(), 1, "the notice is the one answer");
    let answer = &c.answers[0];
    assert_eq!(answer.number, "1 t/m 3");
    assert!(answer
        .text
        .starts_with("De schriftelijke vragen van de leden Jansen en De Boer"));
    assert!(answer.text.ends_with("op 12 april 2024."));
    assert_eq!(answer.answered_on, Date::new(2024, 4, 12));
    for q in &c.questions {
        assert_eq!(
            q.answer_id.as_ref(),
            Some(&answer.id),
            "question {}",
            q.number
        );
        assert!(
            !q.postponed,
            "question {} is answered, not postponed",
            q.number
        );
        assert_eq!(q.asked_on, Date::new(2024, 4, 2));
    }
}

#[test]
fn a_notice_that_the_answer_is_late_stays_a_postponement() {
    // "… kan tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord."
    let c = parse_fixture("postponement_key/ah-349-mededeling-as-aanhangsel.txt");
    assert_eq!(c.documents[0].kind, DocumentKind::Uitstel);
    assert!(c.answers.is_empty());
    assert_eq!(c.questions.len(), 1);
    assert!(c.questions[0].answer_id.is_none());
    assert!(c.questions[0].postponed);
}
