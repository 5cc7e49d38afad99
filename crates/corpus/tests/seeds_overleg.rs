//! Seeds 002 and 004 (Eerste Kamer verslagen van een schriftelijk overleg) parse into the questions and answers they hold.

use briefwissel_corpus::parse::{parse_text, LineFate, Parsed};
use briefwissel_corpus::registry::Registry;
use briefwissel_corpus::{DocumentKind, Severity};

fn seed(prefix: &str) -> (Parsed, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/documents/seeds");
    let entry = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("seed file");
    let name = entry.file_name().to_string_lossy().to_string();
    let text = std::fs::read_to_string(entry.path()).expect("readable seed");
    (parse_text(&name, &text, &Registry::builtin()), text)
}

fn date(p: Option<briefwissel_corpus::Date>) -> String {
    p.map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn seed_004_has_fifteen_questions_of_volt_and_pvdd_under_six_headings() {
    let (p, _) = seed("004_");
    assert_eq!(p.document.kind, DocumentKind::SchriftelijkOverleg);
    assert_eq!(p.questions.len(), 15);
    let numbers: Vec<String> = p.questions.iter().map(|q| q.number.clone()).collect();
    assert_eq!(numbers, (1..=15).map(|n| n.to_string()).collect::<Vec<_>>());
    for q in &p.questions {
        assert_eq!(
            q.parties,
            vec!["Volt".to_string(), "Partij voor de Dieren".to_string()],
            "question {}",
            q.number
        );
        assert!(
            q.askers.iter().all(|a| a.name.is_none()),
            "a faction asks, not a member"
        );
        assert_eq!(date(q.asked_on), "2026-05-06");
    }
    let mut headings: Vec<String> = p
        .questions
        .iter()
        .filter_map(|q| q.heading.clone())
        .collect();
    headings.dedup();
    assert_eq!(headings.len(), 6);
    assert_eq!(headings[1], "Terugkeerhubs en het veilig-derde-landconcept");
    assert_eq!(
        p.questions[4].heading.as_deref(),
        Some("Terugkeerhubs en het veilig-derde-landconcept")
    );
}

#[test]
fn seed_004_answers_five_and_six_and_fourteen_and_fifteen_jointly() {
    let (p, _) = seed("004_");
    assert_eq!(p.answers.len(), 13);
    let joint: Vec<(String, usize)> = p
        .answers
        .iter()
        .filter(|a| a.question_ids.len() > 1)
        .map(|a| (a.number.clone(), a.question_ids.len()))
        .collect();
    assert_eq!(
        joint,
        vec![("5 en 6".to_string(), 2), ("14 en 15".to_string(), 2)]
    );
    assert!(
        p.questions.iter().all(|q| q.answer_id.is_some()),
        "every question is answered"
    );
    for a in &p.answers {
        assert_eq!(date(a.answered_on), "2026-06-18");
        assert!(a
            .answered_by
            .as_deref()
            .unwrap_or("")
            .starts_with("Minister van Asiel en Migratie"));
        assert!(!a.text.is_empty());
    }
    let five_six = p
        .answers
        .iter()
        .find(|a| a.number == "5 en 6")
        .expect("joint answer");
    assert!(
        five_six.text.contains("dit nader moet worden onderzocht"),
        "the answer runs on past the footnotes at the page end"
    );
    assert!(
        !five_six.text.contains("Verordening (EU) 2024/1348"),
        "footnote bodies stay out of the answer"
    );
    assert_eq!(five_six.footnote_refs, vec!["4", "5", "6"]);
}

#[test]
fn seed_004_cover_gives_dossier_chamber_and_dates() {
    let (p, _) = seed("004_");
    let d = &p.document;
    assert_eq!(d.dossier.as_deref(), Some("36 941"));
    assert_eq!(d.chamber, Some(briefwissel_corpus::Chamber::EersteKamer));
    assert_eq!(date(d.dates.vastgesteld), "2026-06-19");
    assert_eq!(date(d.dates.question_letter), "2026-05-06");
    assert_eq!(date(d.dates.answer_letter), "2026-06-18");
    assert_eq!(d.references.kenmerk.as_deref(), Some("180760"));
    assert!(d
        .title
        .contains("Europese strategie voor asiel- en migratiebeheer"));
    assert!(d
        .footnotes
        .iter()
        .any(|f| f.number == "3" && f.text.starts_with("Kamerstukken I 2025/26, 32 317")));
    assert!(d.signatories.contains(&"A.W.J.A. van Hattem".to_string()));
}

#[test]
fn seed_002_has_twenty_three_bbb_and_ten_van_de_sanden_questions_all_answered() {
    let (p, _) = seed("002_");
    assert_eq!(p.questions.len(), 33);
    let bbb: Vec<&str> = p
        .questions
        .iter()
        .filter(|q| q.parties == ["BBB"])
        .map(|q| q.number.as_str())
        .collect();
    let vds: Vec<&str> = p
        .questions
        .iter()
        .filter(|q| q.parties == ["Fractie-Van de Sanden"])
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(bbb, (1..=23).map(|n| n.to_string()).collect::<Vec<_>>());
    assert_eq!(vds, (1..=10).map(|n| n.to_string()).collect::<Vec<_>>());
    assert_eq!(p.answers.len(), 33);
    for q in &p.questions {
        assert_eq!(date(q.asked_on), "2025-12-05");
        let a = q
            .answer_id
            .as_ref()
            .and_then(|id| p.answers.iter().find(|a| &a.id == id))
            .expect("answered");
        assert_eq!(a.question_ids, vec![q.id.clone()]);
        assert_eq!(date(a.answered_on), "2026-02-06");
    }
    let ids: std::collections::BTreeSet<&str> = p.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        33,
        "question ids are unique across the two numbering series"
    );
}

#[test]
fn seed_002_question_date_conflict_is_resolved_with_a_warning_naming_the_line() {
    let (p, text) = seed("002_");
    let printed = text
        .lines()
        .position(|l| l.contains("Den Haag, 5 december 2026"))
        .expect("printed date")
        + 1;
    let warning = p
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning && d.message.contains("tegenstrijdige datums"))
        .expect("a date-conflict warning");
    assert_eq!(warning.line, Some(printed));
    assert!(warning.file.starts_with("002_"));
    assert_eq!(date(p.document.dates.question_letter), "2025-12-05");
    assert_eq!(date(p.document.dates.reminder_letter), "2026-01-28");
}

#[test]
fn seed_002_question_texts_hold_no_footnotes_compositions_or_letter_headings() {
    let (p, _) = seed("002_");
    for q in &p.questions {
        for bad in [
            "Kamerstukken I 2025/26",
            "Samenstelling",
            "BRIEF VAN",
            "(GroenLinks-PvdA)",
            "Antwoord",
        ] {
            assert!(!q.text.contains(bad), "question {} contains {bad}", q.id);
        }
    }
    let q10 = &p.questions[9];
    assert!(
        q10.text
            .contains("meer aandacht te vragen voor het aanbrengen van extra fysieke barrières"),
        "runs on across the page end"
    );
    let q3 = &p.questions[2];
    assert!(q3
        .text
        .contains("Verordening Asiel- en Migratiebeheer (AMMR) minimaal 30.000 herplaatsingen"));
    assert_eq!(q3.footnote_refs, vec!["5"]);
    assert!(
        p.questions[0]
            .text
            .contains("solidariteitsbijdrage”. Met welke"),
        "marker 4 removed from the text"
    );
}

#[test]
fn seed_002_van_de_sanden_questions_keep_their_titles_and_lists() {
    let (p, _) = seed("002_");
    let last = p.questions.last().expect("questions");
    assert_eq!(
        last.heading.as_deref(),
        Some("Transparantie richting het parlement – democratische controle")
    );
    assert!(
        last.text
            .contains("\n- a) wat de Nederlandse inzet was;\n- b) welke amendementen"),
        "{}",
        last.text
    );
    assert_eq!(
        last.askers[0].party.as_deref(),
        Some("Fractie-Van de Sanden")
    );
}

#[test]
fn repeated_questions_appear_once_and_their_lines_are_marked_repeated() {
    for prefix in ["002_", "004_"] {
        let (p, text) = seed(prefix);
        let repeated = p
            .line_fates
            .iter()
            .filter(|f| matches!(f, LineFate::RepeatedQuestion(_)))
            .count();
        assert!(repeated > 20, "{prefix}: {repeated} repeated lines");
        for (i, (line, fate)) in text.lines().zip(&p.line_fates).enumerate() {
            if line.trim().starts_with("Vraag ") && line.trim().len() < 10 {
                assert!(
                    matches!(fate, LineFate::RepeatedQuestion(_)),
                    "{prefix} line {}",
                    i + 1
                );
            }
            if !line.trim().is_empty() {
                assert_ne!(
                    fate,
                    &LineFate::Blank,
                    "{prefix} line {} has no place",
                    i + 1
                );
            }
        }
        assert!(
            !p.diagnostics.iter().any(|d| d.severity == Severity::Error),
            "{prefix}: {:?}",
            p.diagnostics
        );
    }
}
