//! A Word answer letter whose questions carry typed notes (`1)`), listed after the last answer.

mod common;

use common::parse_dropped;
use common::word::{paragraph, word_file};

#[test]
fn typed_notes_after_the_last_answer_are_the_questions_notes_and_not_its_text() {
    // As the ministry's letters print them: the markers typed after a quote ("(nos.nl)”1)?") or
    // before a comma ("Verhoudingen 2), met"), the notes as a typed list below the last answer.
    let body: String = [
        "In antwoord op uw brief van 8 maart 2024, nr. 2024Z04321, deel ik u mede dat de vragen van het lid Jansen (D66) over de uniformen worden beantwoord zoals aangegeven in de bijlage van deze brief.",
        "Vraag 1",
        "Kent u het bericht “Een verbod op de pet bij boa's (nos.nl)”1)?",
        "Antwoord op vraag 1",
        "Ja.",
        "Vraag 2",
        "Hoe verhoudt dit zich tot de Code Interbestuurlijke Verhoudingen 2), met name artikel 3?",
        "Antwoord op vraag 2",
        "Daar verhoudt het zich goed toe.",
        "1) NOS, 6 maart 2024 (nos.nl/artikel/1234-pet).",
        "2) Kamerstuk 33047, nr. 25.",
    ]
    .iter()
    .map(|t| paragraph(t))
    .collect();
    let out = parse_dropped(&[(
        "Beantwoording Kamervragen over de uniformen.docx",
        word_file(&body),
    )]);
    let c = &out.corpus;
    assert_eq!(c.questions.len(), 2);
    let (q1, q2) = (&c.questions[0], &c.questions[1]);
    assert_eq!(
        q1.text,
        "Kent u het bericht “Een verbod op de pet bij boa's (nos.nl)”?"
    );
    assert_eq!(q1.footnote_refs, ["1)"]);
    assert_eq!(
        q2.text,
        "Hoe verhoudt dit zich tot de Code Interbestuurlijke Verhoudingen, met name artikel 3?"
    );
    assert_eq!(q2.footnote_refs, ["2)"]);
    assert_eq!(c.answers.len(), 2);
    assert_eq!(c.answers[1].text, "Daar verhoudt het zich goed toe.");
    let notes: Vec<(&str, &str)> = c.documents[0]
        .footnotes
        .iter()
        .map(|f| (f.number.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            ("1)", "NOS, 6 maart 2024 (nos.nl/artikel/1234-pet)."),
            ("2)", "Kamerstuk 33047, nr. 25.")
        ]
    );
}
