//! The Aanhangsel number as a link key: a Word answer letter ("AH 617") and the Aanhangsel it became are one set, each question once.

use briefwissel_corpus::parse::sources::{SourceFile, Sources};
use briefwissel_corpus::parse::{parse_paths, parse_sources};
use briefwissel_corpus::{Block, Date, Severity, SourceRole};
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

#[test]
fn an_answer_and_the_notice_that_postponed_it_are_one_set_even_for_a_single_question() {
    // kv-063 is the real Aanhangsel answer to one question of Van Houwelingen (FVD), sent in 1
    // October 2024, answered 18 November 2024, which prints "Zie ook Aanhangsel Handelingen,
    // vergaderjaar 2024–2025, nr. 349". ah-349-mededeling-as-aanhangsel.txt is a test document in
    // the form of that Mededeling (received 22 October 2024). One question: too few for the link
    // by the same texts, so only the reference joins them.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postponement_key");
    let out = parse_paths(&[dir]).expect("parses");
    let qs = &out.corpus.questions;
    assert_eq!(qs.len(), 1, "the question is one record");
    let q = &qs[0];
    assert!(q.document_id.starts_with("ah-349"), "kept with the notice");
    let roles: Vec<(bool, SourceRole)> = q
        .sources
        .iter()
        .map(|s| (s.document_id.starts_with("kv-063-"), s.role))
        .collect();
    assert_eq!(
        roles,
        [(false, SourceRole::Uitstel), (true, SourceRole::Antwoord)]
    );
    assert_eq!(q.parties, ["FVD"]);
    assert_eq!(q.asked_on, Date::new(2024, 10, 1));
    assert_eq!(q.postponed_on, Date::new(2024, 10, 22));
    assert!(q.postponed);
    let answer = out
        .corpus
        .answers
        .iter()
        .find(|a| Some(&a.id) == q.answer_id.as_ref());
    assert_eq!(answer.and_then(|a| a.answered_on), Date::new(2024, 11, 18));
}

#[test]
fn the_questions_the_answer_letter_and_the_aanhangsel_it_became_are_one_set() {
    // kv-034 is the real questions of Boswijk (CDA) as sent in (zaak 2024Z18792, 19 November 2024,
    // five questions); kv-055 the real Word answer letter "AH 605" with that zaak, which repeats
    // them; ah-605-as-aanhangsel.txt a test document in the form of the Aanhangsel the letter
    // became, with the same questions and answer. The letter is linked to the questions by the
    // zaak and to the Aanhangsel by its number, and the Aanhangsel to the questions by their
    // texts: the letter's copies repeat the Aanhangsel's, which repeat the questions.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three_documents_one_set");
    let out = parse_paths(&[dir]).expect("parses");
    let errors: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let corpus = &out.corpus;
    let numbers: Vec<&str> = corpus.questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"], "each question once");
    for q in &corpus.questions {
        assert!(q.document_id.starts_with("kv-034-"), "{}", q.id);
        assert_eq!(
            sources_of(q),
            [
                ("kv-034", SourceRole::Vragen),
                ("ah-605", SourceRole::Antwoord),
                ("kv-055", SourceRole::Antwoord)
            ]
        );
        assert!(q.answer_id.is_some(), "{} is answered", q.id);
        assert_eq!(q.parties, ["CDA"]);
    }
    // Every answer and every document points only at questions that are there.
    let ids: Vec<&str> = corpus.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        corpus.answers.len(),
        2,
        "the letter's answer and the Aanhangsel's"
    );
    for a in &corpus.answers {
        assert_eq!(a.question_ids.len(), 5, "{}", a.id);
        assert!(
            a.question_ids.iter().all(|id| ids.contains(&id.as_str())),
            "{}",
            a.id
        );
    }
    for d in &corpus.documents {
        let shown = d.sections.iter().flat_map(|s| &s.blocks);
        let questions: Vec<&str> = shown
            .filter_map(|b| match b {
                Block::Question(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(questions, ids, "{} shows the five questions", d.id);
    }
}

#[test]
fn a_set_of_one_question_in_three_documents_is_one_question_with_its_answer() {
    // The three documents of the test above cut to their first question, as a set of one question
    // is published: one question is too few for the link by the same texts between the questions
    // as sent in and the Aanhangsel, so only the answer letter, linked to both, joins them.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three_documents_one_set");
    let cut = |name: &str, from: &str, to: &str, answer: Option<(&str, &str)>| {
        let text = std::fs::read_to_string(dir.join(name)).expect("fixture");
        let (start, end) = (text.find(from).expect(from), text.find(to).expect(to));
        let mut one = format!("{}{}", &text[..start], &text[end..]);
        if let Some((all, first)) = answer {
            one = one.replacen(all, first, 1);
        }
        SourceFile {
            name: name.to_string(),
            shown: name.to_string(),
            bytes: one.into_bytes(),
        }
    };
    let files = vec![
        cut(
            "kv-034-de-ontkoppeling-van-ontwikkelingshulp-pdf.txt",
            "Vraag 2",
            "1Noordhollands",
            None,
        ),
        cut(
            "kv-055-antwoord-op-vragen-van-het-lid-boswijk-o-docx.txt",
            "Vraag 2",
            "Antwoord vragen",
            Some(("Antwoord vragen 1,2,3,4 en 5", "Antwoord vraag 1")),
        ),
        cut(
            "ah-605-as-aanhangsel.txt",
            "Vraag 2",
            "Antwoord vragen",
            Some(("Antwoord vragen 1, 2, 3, 4 en 5", "Antwoord 1")),
        ),
    ];
    let out = parse_sources(Sources {
        files,
        skipped: Vec::new(),
    })
    .expect("parses");
    let qs = &out.corpus.questions;
    assert_eq!(qs.len(), 1, "the question is one record: {qs:?}");
    let q = &qs[0];
    assert!(q
        .text
        .starts_with("Kunt u uw uitspraak bevestigen dat er over het besluit"));
    assert!(
        q.document_id.starts_with("kv-034-"),
        "kept with the questions as sent in"
    );
    assert_eq!(
        sources_of(q),
        [
            ("kv-034", SourceRole::Vragen),
            ("ah-605", SourceRole::Antwoord),
            ("kv-055", SourceRole::Antwoord)
        ]
    );
    assert!(q.answer_id.is_some());
    assert_eq!(q.parties, ["CDA"]);
    assert_eq!(q.asked_on, Date::new(2024, 11, 19));
    assert!(out
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Error));
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.file.starts_with("ah-605") && d.message.contains("herhaalt ze allebei")));
}

/// The first six characters of each document a question stands in (the file's "kv-034"), with its role.
fn sources_of(q: &briefwissel_corpus::Question) -> Vec<(&str, SourceRole)> {
    q.sources
        .iter()
        .map(|s| (&s.document_id[..6], s.role))
        .collect()
}

#[test]
fn two_questions_judged_different_stay_two_though_the_answer_letter_repeats_both() {
    // The three documents of the set, the first question of the questions as sent in and of the
    // Aanhangsel each given a sentence of its own (test edits, in memory): the letter's question,
    // without either, is still the same text as each of them, but those two are no longer the
    // same text as each other, so pairing the Aanhangsel with the questions keeps them apart.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three_documents_one_set");
    let edited = |name: &str, added: &str| {
        let text = std::fs::read_to_string(dir.join(name)).expect("fixture");
        let ending = "betrokken zijn geweest?";
        assert_eq!(text.matches(ending).count(), 1, "{name}");
        SourceFile {
            name: name.to_string(),
            shown: name.to_string(),
            bytes: text
                .replace(ending, &format!("{ending} {added}"))
                .into_bytes(),
        }
    };
    let letter = "kv-055-antwoord-op-vragen-van-het-lid-boswijk-o-docx.txt";
    let files = vec![
        edited(
            "kv-034-de-ontkoppeling-van-ontwikkelingshulp-pdf.txt",
            "Wie was er niet?",
        ),
        edited("ah-605-as-aanhangsel.txt", "Op welke dag dan?"),
        SourceFile {
            name: letter.to_string(),
            shown: letter.to_string(),
            bytes: std::fs::read(dir.join(letter)).expect("fixture"),
        },
    ];
    let out = parse_sources(Sources {
        files,
        skipped: Vec::new(),
    })
    .expect("parses");
    let says = |part: &str| {
        out.diagnostics
            .iter()
            .filter(|d| d.message.contains(part))
            .count()
    };
    assert_eq!(says("wijkt af van vraag 1"), 1, "{:?}", out.diagnostics);
    assert_eq!(
        says("die verschillen; bewaard als twee vragen"),
        1,
        "{:?}",
        out.diagnostics
    );
    let numbers: Vec<&str> = out
        .corpus
        .questions
        .iter()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "1", "2", "3", "4", "5"]);
    assert!(out
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Error));
}
