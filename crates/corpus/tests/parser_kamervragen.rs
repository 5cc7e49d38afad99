//! Kamervragen on the real corpus: counts, numbers, askers, parties, dates and answer grouping.

use briefwissel_corpus::model::{Answer, Corpus, DocumentKind, Question};
use briefwissel_corpus::parse::sources::{SourceFile, Sources};
use briefwissel_corpus::parse::{parse_paths, parse_sources, parse_text};
use briefwissel_corpus::registry::Registry;
use std::path::Path;

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents/kamervragen");
    parse_paths(&[dir])
        .expect("kamervragen folder is readable")
        .corpus
}

fn doc_id(c: &Corpus, prefix: &str) -> String {
    c.documents
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .map(|d| d.id.to_string())
        .unwrap_or_else(|| panic!("{prefix} is in the corpus"))
}

fn questions<'a>(c: &'a Corpus, prefix: &str) -> Vec<&'a Question> {
    let id = doc_id(c, prefix);
    c.questions.iter().filter(|q| q.document_id == id).collect()
}

fn answers<'a>(c: &'a Corpus, prefix: &str) -> Vec<&'a Answer> {
    let id = doc_id(c, prefix);
    c.answers.iter().filter(|a| a.document_id == id).collect()
}

fn numbers(qs: &[&Question]) -> Vec<String> {
    qs.iter().map(|q| q.number.clone()).collect()
}

#[test]
fn kv_003_has_nine_questions_with_4_and_5_combined_all_answered_by_the_minister() {
    let c = corpus();
    let qs = questions(&c, "kv-003-");
    assert_eq!(numbers(&qs), ["1", "2", "3", "4 en 5", "6", "7", "8", "9"]);
    assert_eq!(qs[3].numbers, [4, 5]);
    assert!(qs.iter().all(|q| q.answer_id.is_some()));
    assert!(qs.iter().all(|q| q.parties == ["CDA"]));
    assert_eq!(qs[0].askers[0].name.as_deref(), Some("Boswijk"));
    assert_eq!(
        qs[0].asked_on.map(|d| d.to_string()).as_deref(),
        Some("2024-10-24")
    );
    assert_eq!(
        qs[0].addressed_to.as_deref(),
        Some("Minister van Buitenlandse Zaken")
    );
    let a = answers(&c, "kv-003-");
    assert_eq!(a.len(), 8);
    assert_eq!(
        a[0].answered_on.map(|d| d.to_string()).as_deref(),
        Some("2024-11-18")
    );
    assert_eq!(
        a[0].answered_by.as_deref(),
        Some("Minister Veldkamp (Buitenlandse Zaken)")
    );
    assert_eq!(a[3].question_ids, [qs[3].id.clone()]);
    let doc = c
        .documents
        .iter()
        .find(|d| d.id.starts_with("kv-003-"))
        .expect("kv-003");
    assert_eq!(doc.kind, DocumentKind::KamervragenMetAntwoord);
    assert_eq!(doc.footnotes.len(), 2);
    assert_eq!(doc.references.aanhangsel.as_deref(), Some("575"));
}

#[test]
fn kv_003_answer_text_has_its_footnote_marker_removed_and_hyphenation_repaired() {
    let c = corpus();
    let a = answers(&c, "kv-003-");
    let combined = a
        .iter()
        .find(|a| a.number == "4 en 5")
        .expect("answer 4 en 5");
    assert!(
        combined.text.contains("uitgevaardigd. Deze richtlijnen"),
        "{}",
        combined.text
    );
    assert!(combined.text.contains("gemandateerde"), "{}", combined.text);
    assert_eq!(combined.footnote_refs, ["2"]);
    let q1 = &questions(&c, "kv-003-")[0];
    assert_eq!(q1.footnote_refs, ["1"]);
    assert!(q1.text.contains("Secretaris-Generaal"), "real hyphens stay");
}

#[test]
fn no_question_or_answer_contains_page_furniture() {
    let c = corpus();
    let texts = c
        .questions
        .iter()
        .map(|q| &q.text)
        .chain(c.answers.iter().map(|a| &a.text));
    for t in texts {
        for bad in [
            "ah-tk-",
            "ISSN",
            "vergaderjaar 2024–2025, Aanhangsel",
            "kv-tk-",
            "’s-Gravenhage 2024",
            "Staten-Generaal2",
        ] {
            assert!(!t.contains(bad), "{bad:?} in {t}");
        }
    }
}

#[test]
fn footnote_bodies_stay_out_of_the_texts_and_are_kept_by_number() {
    let c = corpus();
    let doc = c
        .documents
        .iter()
        .find(|d| d.id.starts_with("kv-071-"))
        .expect("kv-071");
    let numbers: Vec<&str> = doc.footnotes.iter().map(|f| f.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    for q in questions(&c, "kv-071-") {
        assert!(
            !q.text.contains("https://"),
            "footnote URL leaked into {}",
            q.text
        );
    }
    assert!(doc
        .links
        .iter()
        .any(|l| l.starts_with("https://fd.nl/opinie/1527568")));
}

#[test]
fn combined_and_ranged_answers_cover_every_question_they_name() {
    let c = corpus();
    let a49 = answers(&c, "kv-049-");
    assert_eq!(numbers(&questions(&c, "kv-049-")).len(), 15);
    assert_eq!(
        a49.iter().map(|a| a.number.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3", "4-7", "8", "9-14", "15"]
    );
    assert_eq!(a49[3].question_ids.len(), 4);
    assert_eq!(a49[5].question_ids.len(), 6);
    let a55 = answers(&c, "kv-055-");
    assert_eq!(a55.len(), 1);
    assert_eq!(a55[0].question_ids.len(), 5);
    assert_eq!(
        numbers(&questions(&c, "kv-016-")),
        ["1", "2", "3", "4, 5, 7 en 8", "6"]
    );
    assert_eq!(numbers(&questions(&c, "kv-074-"))[0], "1 en 4");
    let a20 = answers(&c, "kv-020-");
    assert_eq!(a20[3].number, "5 en 6");
    assert!(questions(&c, "kv-020-")
        .iter()
        .all(|q| q.answer_id.is_some()));
}

#[test]
fn word_answer_letters_in_every_numbering_style_are_parsed() {
    let c = corpus();
    for (prefix, n) in [
        ("kv-005-", 6),
        ("kv-022-", 7),
        ("kv-033-", 10),
        ("kv-059-", 9),
        ("kv-067-", 9),
    ] {
        let qs = questions(&c, prefix);
        assert_eq!(qs.len(), n, "{prefix}");
        assert!(
            qs.iter().all(|q| q.answer_id.is_some()),
            "{prefix} all answered"
        );
        let doc = c
            .documents
            .iter()
            .find(|d| d.id.starts_with(prefix))
            .expect("document");
        assert_eq!(doc.kind, DocumentKind::Antwoordbrief, "{prefix}");
    }
    let q5 = questions(&c, "kv-005-");
    assert!(
        q5[0].text.starts_with("Kunt u bevestigen"),
        "the `1.` label is not part of the text"
    );
}

#[test]
fn postponement_notices_keep_their_questions_open() {
    let c = corpus();
    let qs = questions(&c, "kv-008-");
    assert_eq!(qs.len(), 9);
    assert!(qs.iter().all(|q| q.answer_id.is_none()));
    assert_eq!(qs[0].parties, ["VVD", "ChristenUnie"]);
    for prefix in ["kv-008-", "kv-078-"] {
        let doc = c
            .documents
            .iter()
            .find(|d| d.id.starts_with(prefix))
            .expect("document");
        assert_eq!(doc.kind, DocumentKind::Uitstel, "{prefix}");
    }
}

#[test]
fn questions_only_files_from_word_are_split_into_questions_by_paragraph() {
    let c = corpus();
    let qs = questions(&c, "kv-011-");
    assert_eq!(qs.len(), 6);
    assert_eq!(qs[0].parties, ["GroenLinks-PvdA"]);
    assert_eq!(
        qs[0].asked_on.map(|d| d.to_string()).as_deref(),
        Some("2024-11-20")
    );
    assert_eq!(qs[0].footnote_refs, ["1"]);
    assert!(!qs[0].text.contains("1)"));
    assert_eq!(questions(&c, "kv-038-").len(), 18);
}

#[test]
fn several_askers_of_several_parties_are_all_credited() {
    let c = corpus();
    let q = questions(&c, "kv-071-")[0];
    let names: Vec<_> = q
        .askers
        .iter()
        .map(|a| {
            (
                a.name.clone().unwrap_or_default(),
                a.party.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(names[0], ("Sneller".to_string(), "D66".to_string()));
    assert_eq!(
        names[3],
        ("Gabriëls".to_string(), "GroenLinks-PvdA".to_string())
    );
    assert_eq!(q.parties, ["D66", "GroenLinks-PvdA"]);
    let q58 = questions(&c, "kv-058-")[0];
    assert_eq!(q58.askers.len(), 7);
    assert!(
        c.questions
            .iter()
            .flat_map(|q| &q.askers)
            .all(|a| a.party.is_some()),
        "every printed party resolves"
    );
}

#[test]
fn an_unnumbered_answer_letter_pairs_each_answer_with_the_question_before_it() {
    let text = include_str!("fixtures/kamervragen/unnumbered_answer_letter.txt");
    let p = parse_text("unnumbered.txt", text, &Registry::builtin());
    assert_eq!(p.document.kind, DocumentKind::Antwoordbrief);
    assert_eq!(p.questions.len(), 2);
    assert_eq!(p.answers.len(), 2);
    assert_eq!(p.answers[1].question_ids, [p.questions[1].id.clone()]);
    assert!(p.answers[1]
        .text
        .contains("maatschappelijk prioriteringskader.\n\nHet kader"));
    assert_eq!(p.document.footnotes.len(), 1);
    assert_eq!(p.questions[0].footnote_refs, ["1"]);
}

#[test]
fn an_answer_for_a_range_of_questions_answers_each_of_them() {
    let text = include_str!("fixtures/kamervragen/aanhangsel_with_range.txt");
    let p = parse_text("range.txt", text, &Registry::builtin());
    assert_eq!(p.questions.len(), 4);
    assert_eq!(p.answers.len(), 2);
    assert_eq!(p.answers[1].number, "2 t/m 4");
    assert_eq!(p.answers[1].question_ids.len(), 3);
    assert!(
        p.answers[1].text.contains("uitkomsten."),
        "{}",
        p.answers[1].text
    );
    assert_eq!(
        p.questions[0].parties,
        ["Partij voor de Dieren", "GroenLinks-PvdA"]
    );
    assert_eq!(p.questions[0].askers.len(), 3);
    // Themes come with the passes over the whole corpus, here a corpus of this one file.
    let whole = parse_sources(Sources {
        files: vec![SourceFile {
            name: "range.txt".into(),
            shown: "range.txt".into(),
            bytes: text.as_bytes().to_vec(),
        }],
        skipped: Vec::new(),
    })
    .expect("the registry files are sound");
    assert!(
        whole.corpus.questions[1]
            .themes
            .iter()
            .any(|t| t == "terugkeer"),
        "{:?}",
        whole.corpus.questions[1].themes
    );
    assert!(p.document.footnotes[0].text.starts_with("NOS"));
}

/// The first page of 1aa9bd01's PDF as pdftotext lays it out: the reference to the postponement
/// notice runs onto the line after the answer's header.
const POSTPONED_HEADER: &str = "Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024

Aanhangsel van de Handelingen

1076
Vragen van het lid Van Haga (Groep Van Haga) aan de Ministers van
Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid over
het afgelasten van diverse Sinterklaasintochten (ingezonden 20 november
2023).
Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)
(ontvangen 20 februari 2024). Zie ook Aanhangsel Handelingen, vergaderjaar
2023–2024, nr. 594.
Vraag 1
Bent u bekend met het feit dat de Sinterklaasintocht in het Overijsselse dorpje
Enter dit jaar niet door gaat?
Antwoord 1
Ja, het is mij bekend.
";

#[test]
fn a_postponement_reference_split_over_two_lines_is_read_and_kept_out_of_the_text() {
    let p = parse_text("pdftotext.txt", POSTPONED_HEADER, &Registry::builtin());
    assert_eq!(
        p.document.references.postponement_aanhangsel.as_deref(),
        Some("2023–2024, nr. 594")
    );
    assert_eq!(
        p.document.sender.as_deref(),
        Some("Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)")
    );
    assert_eq!(p.questions.len(), 1);
    let blocks = format!("{:?}", p.document.sections);
    assert!(!blocks.contains("594"), "{blocks}");
    assert!(p.diagnostics.iter().all(|d| !d.message.contains("Zie ook")));
}

#[test]
fn a_postponement_reference_that_cannot_be_read_is_reported_with_its_line() {
    let text = POSTPONED_HEADER.replace("2023–2024, nr. 594.", "nr. 594.");
    let p = parse_text("pdftotext.txt", &text, &Registry::builtin());
    assert_eq!(p.document.references.postponement_aanhangsel, None);
    let warning = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("Zie ook Aanhangsel"))
        .expect("a warning");
    assert_eq!(warning.line, Some(13), "the line that says \"Zie ook\"");
}

#[test]
fn a_postponement_reference_on_a_line_of_its_own_may_run_onto_the_next() {
    // As the Word letters' extracts print it (kv-015: "Zie ook Aanhangsel Handelingen, vergaderjaar
    // 2024-2025, nr. 507" on its own line), here broken after "vergaderjaar".
    let text = POSTPONED_HEADER.replace(
        "(ontvangen 20 februari 2024). Zie ook Aanhangsel Handelingen, vergaderjaar\n",
        "(ontvangen 20 februari 2024).\nZie ook Aanhangsel Handelingen, vergaderjaar\n",
    );
    assert_ne!(text, POSTPONED_HEADER);
    let p = parse_text("pdftotext.txt", &text, &Registry::builtin());
    assert_eq!(
        p.document.references.postponement_aanhangsel.as_deref(),
        Some("2023–2024, nr. 594")
    );
    assert!(!format!("{:?}", p.document.sections).contains("594"));
}

#[test]
fn a_see_also_line_below_the_questions_is_text_not_a_postponement() {
    let text = POSTPONED_HEADER
        .replace(" Zie ook Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 594.", "")
        .replace(
            "Ja, het is mij bekend.",
            "Ja, het is mij bekend.\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 12.",
        );
    let p = parse_text("pdftotext.txt", &text, &Registry::builtin());
    assert_eq!(p.document.references.postponement_aanhangsel, None);
    assert!(
        p.answers[0].text.ends_with("nr. 12."),
        "{}",
        p.answers[0].text
    );
}

#[test]
fn a_particle_that_the_pdf_ran_together_with_the_surname_is_set_apart_in_the_asker_and_title() {
    // Aanhangsel 878 prints "Inge vanDijk" without the space (its text layer has one word there).
    let text = "Vragen van het lid Inge vanDijk (CDA) aan de Staatssecretaris van Binnenlandse Zaken\nover digitale toegang (ingezonden 13 december 2023).\nVraag 1\nKent u het bericht?\nAntwoord 1\nJa.";
    let p = parse_text("878.txt", text, &Registry::builtin());
    assert_eq!(p.questions.len(), 1);
    let asker = &p.questions[0].askers[0];
    assert_eq!(asker.name.as_deref(), Some("Inge van Dijk"));
    assert_eq!(asker.party.as_deref(), Some("CDA"));
    assert!(p
        .document
        .title
        .starts_with("Vragen van het lid Inge van Dijk (CDA)"));
}
