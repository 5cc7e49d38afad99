//! The answer term (three weeks, six after a postponement), the termijn facet and the order by waiting time, and ministries normalised from addressees and signers.

use briefwissel_corpus::deadline::{deadline, Term};
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::ministry::Ministries;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{parse_query_string, Sort};
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::{Corpus, Date};
use std::path::Path;
use std::sync::OnceLock;

fn corpus() -> &'static (Corpus, SearchIndex) {
    static DATA: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        let corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    })
}

fn day(iso: &str) -> Date {
    Date::parse_iso(iso).expect("date")
}

fn term_of(id_part: &str, today: &str) -> (Term, Option<i64>) {
    let (c, _) = corpus();
    let q = c
        .questions
        .iter()
        .find(|q| q.id.contains(id_part))
        .expect(id_part);
    let a = c
        .answers
        .iter()
        .find(|a| Some(&a.id) == q.answer_id.as_ref());
    let d = deadline(q, a, Some(day(today)));
    (d.term, d.days)
}

#[test]
fn an_answer_after_three_weeks_is_past_the_term_whatever_the_date_today() {
    // kv-003: asked 24 October 2024, answered 18 November 2024: 25 days, the term ended 14 November.
    assert_eq!(
        term_of(
            "kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf-v1",
            "2026-12-03"
        ),
        (Term::Passed, Some(25))
    );
    assert_eq!(
        term_of(
            "kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf-v1",
            "2024-11-19"
        ),
        (Term::Passed, Some(25))
    );
}

#[test]
fn a_postponement_notice_adds_three_weeks_to_an_open_question() {
    // kv-008: questions sent in 25 October 2024, postponed 15 November 2024, no answer in the corpus:
    // the term ends 6 December 2024 (42 days).
    let (c, _) = corpus();
    let q = c
        .questions
        .iter()
        .find(|q| q.id.contains("kv-008-") && q.number == "1")
        .expect("kv-008 vraag 1");
    assert_eq!(q.asked_on, Some(day("2024-10-25")));
    assert_eq!(q.postponed_on, Some(day("2024-11-15")));
    let d = deadline(q, None, Some(day("2024-12-06")));
    assert_eq!(
        (d.term, d.days, d.due),
        (Term::Within, Some(42), Some(day("2024-12-06")))
    );
    let d = deadline(q, None, Some(day("2024-12-07")));
    assert_eq!((d.term, d.days), (Term::Passed, Some(43)));
    // Without today's date an open question's term is unknown, not guessed; a clock set before
    // the question was asked tells nothing either.
    assert_eq!(deadline(q, None, None).term, Term::Unknown);
    let before = deadline(q, None, Some(day("2024-10-01")));
    assert_eq!((before.term, before.days), (Term::Unknown, None));
}

#[test]
fn an_answer_that_names_its_postponement_notice_is_judged_against_six_weeks() {
    // Each answer prints "Zie ook Aanhangsel Handelingen, vergaderjaar …, nr. …" after its header:
    // the Mededeling that postponed it, which is not in the corpus. Dates read off the documents.
    let (c, _) = corpus();
    let cases = [
        // Asked 11 October 2024, answered 15 November 2024: 35 days, within 42.
        (
            "kv-075-antwoord-op-vragen-van-het-lid-paulusma-pdf",
            "2024–2025, nr. 426",
            35,
            Term::Within,
        ),
        // Asked 7 March 2024, answered 5 April 2024; "vergaderjaar" and the number on the next line.
        (
            "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0-pdf",
            "2023–2024, nr. 1379",
            29,
            Term::Within,
        ),
        // Asked 7 May 2024, answered 13 June 2024.
        (
            "1c7587f8-1c7c-4912-9319-290e19c99d85-pdf",
            "2023–2024, nr. 1848",
            37,
            Term::Within,
        ),
        // Asked 16 January 2024, answered 7 March 2024: the number printed without "nr.", and
        // late even after the postponement (51 days).
        (
            "1c0f765c-d7b4-455e-a241-35a4e9a9dc36-pdf",
            "2023–2024, nr. 1028",
            51,
            Term::Passed,
        ),
        // Asked 25 September 2024, answered 18 November 2024.
        (
            "kv-019-antwoord-op-vragen-van-het-lid-el-abassi-pdf",
            "2024–2025, nr. 318",
            54,
            Term::Passed,
        ),
    ];
    for (document, reference, days, term) in cases {
        let d = c
            .documents
            .iter()
            .find(|d| d.id == document)
            .expect(document);
        assert_eq!(
            d.references.postponement_aanhangsel.as_deref(),
            Some(reference),
            "{document}"
        );
        let q = c
            .questions
            .iter()
            .find(|q| q.document_id == document && q.number == "1")
            .expect(document);
        assert!(q.postponed, "{document}");
        assert_eq!(q.postponed_on, None, "the notice's date is not known");
        let a = c
            .answers
            .iter()
            .find(|a| Some(&a.id) == q.answer_id.as_ref());
        let deadline = deadline(q, a, Some(day("2026-12-06")));
        assert!(deadline.postponed);
        assert_eq!(
            (deadline.term, deadline.days),
            (term, Some(days)),
            "{document}"
        );
    }
    // An answer that names no notice keeps three weeks (kv-003: asked 24 October, answered 18
    // November 2024, 25 days: past the term).
    let q = c
        .questions
        .iter()
        .find(|q| {
            q.id.contains("kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf-v1")
        })
        .expect("kv-003");
    assert!(!q.postponed);
}

#[test]
fn the_termijn_filter_and_the_waiting_sort_follow_the_readers_date() {
    let (c, index) = corpus();
    let run = |qs: &str, today: &str| {
        Explorer::new(c, index)
            .with_today(day(today))
            .run(&parse_query_string(qs, c).0)
    };
    let q = |id_part: &str| {
        c.questions
            .iter()
            .position(|q| q.id.contains(id_part))
            .expect(id_part) as u32
    };
    let kv008 = q("kv-008-uitstel-beantwoording-vragen-van-de-lede-pdf-v1");
    // On 1 December 2024 the postponed questions of kv-008 are within their term; a week later not.
    assert!(run("termijn=binnen", "2024-12-01")
        .questions
        .contains(&kv008));
    assert!(!run("termijn=verlopen", "2024-12-01")
        .questions
        .contains(&kv008));
    assert!(run("termijn=verlopen&beantwoord=nee", "2024-12-10")
        .questions
        .contains(&kv008));
    // Every question is under exactly one term value.
    let all = run("", "2024-12-10");
    let sum: usize = all.facets.terms.iter().map(|v| v.count).sum();
    assert_eq!(sum, c.questions.len());
    // Longest wait first: the first open question has waited at least as long as every other one.
    let waiting = run("sorteer=wachttijd&beantwoord=nee", "2024-12-10");
    assert_eq!(
        parse_query_string("sorteer=wachttijd", c).0.sort,
        Sort::Waiting
    );
    let days: Vec<Option<i64>> = waiting
        .questions
        .iter()
        .map(|&i| deadline(&c.questions[i as usize], None, Some(day("2024-12-10"))).days)
        .collect();
    assert!(
        days.windows(2).all(|w| w[0] >= w[1] || w[1].is_none()),
        "{days:?}"
    );
    assert!(days[0].is_some());
}

#[test]
fn addressees_and_signers_are_normalised_to_one_ministry() {
    let m = Ministries::builtin();
    assert_eq!(m.named_in("Minister van Asiel en Migratie"), ["am"]);
    assert_eq!(m.named_in("minister Faber (Asiel en Migratie)"), ["am"]);
    // Glued words and missing commas as text extraction leaves them.
    assert_eq!(
        m.named_in("Ministers van Economische Zaken en van Klimaaten Groene Groei en de Staatssecretaris van Infrastructuur en Waterstaat"),
        ["ez", "kgg", "ienw"]
    );
    assert_eq!(
        m.named_in("Staatssecretaris van Volksgezondheid Welzijn en Sport"),
        ["vws"]
    );
    // The longest name wins: EZK is not EZ; a minister "voor" belongs to a department.
    assert_eq!(
        m.named_in("Ministers voor Klimaat en Energie en van Economische Zaken en Klimaat"),
        ["ezk"]
    );
    assert_eq!(
        m.named_in("Minister Klever (Buitenlandse Handel en Ontwikkelingshulp)"),
        ["bz"]
    );
    assert_eq!(m.named_in("Minister-president"), ["az"]);
    assert!(m.named_in("de voorzitter van de Tweede Kamer").is_empty());
}

#[test]
fn every_question_of_the_corpus_has_a_ministry_and_the_facet_counts_them() {
    let (c, index) = corpus();
    assert!(c.questions.iter().all(|q| !q.ministries.is_empty()));
    // kv-005 is answered by "minister Brekelmans (Defensie)" and prints no addressee.
    let kv005: Vec<_> = c
        .questions
        .iter()
        .filter(|q| q.document_id.starts_with("kv-005-"))
        .collect();
    assert!(!kv005.is_empty() && kv005.iter().all(|q| q.ministries == ["def"]));
    let outcome = Explorer::new(c, index).run(&parse_query_string("ministerie=def", c).0);
    let expected = c
        .questions
        .iter()
        .filter(|q| q.ministries.iter().any(|m| m == "def"))
        .count();
    assert_eq!(outcome.total, expected);
    let row = outcome
        .facets
        .ministries
        .iter()
        .find(|v| v.value == "def")
        .expect("def row");
    assert_eq!(
        (row.label.as_str(), row.count, row.selected),
        ("Defensie", expected, true)
    );
    // The abbreviation works in a link too; an unknown ministry is a notice.
    assert_eq!(
        parse_query_string("ministerie=JenV", c).0.ministries,
        ["jenv"]
    );
    assert_eq!(parse_query_string("ministerie=xyz", c).1.len(), 1);
}
