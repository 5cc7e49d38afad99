//! Characters whose lowercase has another byte length (İ, ẞ, the Kelvin sign K) before a label do not move or break what the parser cuts out.

use briefwissel_corpus::parse::kamervragen_header::{
    dated_after, parse_answer_header, parse_question_header,
};
use briefwissel_corpus::parse::kamervragen_labels::{label, Style};
use briefwissel_corpus::parse::parse_text;
use briefwissel_corpus::registry::Registry;

/// A small Aanhangsel: header, three questions, three answers.
fn aanhangsel(question_2: &str, answer_header: &str) -> String {
    [
        "Tweede Kamer der Staten-Generaal",
        "Vragen van het lid Kröger (GroenLinks-PvdA) aan de Minister van Klimaat en Groene Groei",
        "over de klimaatdoelen (ingezonden 12 december 2024).",
        answer_header,
        "Vraag 1",
        "Kent u het rapport over de opwarming van de aarde?",
        "Antwoord 1",
        "Ja.",
        question_2,
        "Antwoord 12",
        "Nee, dat is niet het geval.",
        "Vraag 13",
        "Wilt u deze vragen beantwoorden voor het commissiedebat?",
        "Antwoord 13",
        "Dat is helaas niet gelukt.",
    ]
    .join("\n")
}

#[test]
fn a_sharp_s_capital_after_the_label_keeps_the_whole_question_number() {
    let line = "Vraag 12 Kent u het bericht «DIE GROẞE KOALITION IST ZURÜCK»?";
    let (blk, offset) = label(line, Style::VraagLabel, &[]).expect("a label");
    assert_eq!(blk.number.as_deref(), Some("12"));
    assert_eq!(blk.numbers, [12]);
    assert_eq!(
        &line[offset.expect("text on the label line")..][..4],
        "Kent"
    );
}

#[test]
fn a_kelvin_sign_after_the_label_does_not_unmake_the_label() {
    let line = "Vraag 12 Klopt het dat de zee 2 \u{212a} warmer is dan in 1990?";
    let (blk, offset) = label(line, Style::VraagLabel, &[]).expect("a label");
    assert_eq!(blk.numbers, [12]);
    assert_eq!(
        &line[offset.expect("text on the label line")..][..5],
        "Klopt"
    );
}

#[test]
fn a_document_with_case_changing_characters_in_a_question_keeps_its_numbers() {
    let registry = Registry::builtin();
    for question in [
        "Vraag 12 Kent u het bericht «DIE GROẞE KOALITION IST ZURÜCK»?",
        "Vraag 12 Klopt het dat de zee 2 \u{212a} warmer is dan in 1990?",
        "Vraag 12 Wat is uw reactie op de arrestatie van Ekrem İmamoğlu in İSTANBUL?",
    ] {
        let text = aanhangsel(
            question,
            "Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen 7 januari 2025).",
        );
        let p = parse_text("kv-test-pdf.txt", &text, &registry);
        let numbers: Vec<&str> = p.questions.iter().map(|q| q.number.as_str()).collect();
        assert_eq!(numbers, ["1", "12", "13"], "{question}");
        assert!(p.answers.iter().all(|a| !a.question_ids.is_empty()));
    }
}

#[test]
fn kelvin_signs_before_the_received_date_neither_break_nor_move_the_answer_header() {
    let header = "Antwoord van Minister Hermans (Klimaat en Groene Groei) op vragen over 1,5 \u{212a} en 2 \u{212a} opwarming – (ontvangen 7 januari 2025).";
    let (who, date) = parse_answer_header(header);
    assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2025-01-07"));
    assert_eq!(
        who.as_deref(),
        Some("Minister Hermans (Klimaat en Groene Groei) op vragen over 1,5 \u{212a} en 2 \u{212a} opwarming –")
    );
    let registry = Registry::builtin();
    let text = aanhangsel("Vraag 12", header);
    let p = parse_text("kv-test-pdf.txt", &text, &registry);
    assert_eq!(p.questions.len(), 3);
}

#[test]
fn the_date_after_ingezonden_is_found_behind_sharp_s_capitals_and_a_no_break_space() {
    let text = "Vragen van het lid Kröger (GroenLinks-PvdA) over «GROẞE STRAẞE»\u{a0}(ingezonden 12 december 2024).";
    assert_eq!(
        dated_after(text, "ingezonden")
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-12-12")
    );
}

#[test]
fn dotted_capital_i_in_the_subject_does_not_shift_the_addressee_or_the_subject() {
    let registry = Registry::builtin();
    let header = "Vragen van het lid Van Baarle (DENK) aan de Minister van Buitenlandse Zaken over de arrestatie van de burgemeester van İSTANBUL, Ekrem İmamoğlu (ingezonden 20 maart 2025).";
    let h = parse_question_header(header, &registry);
    assert_eq!(
        h.addressed_to.as_deref(),
        Some("Minister van Buitenlandse Zaken")
    );
    assert_eq!(
        h.subject.as_deref(),
        Some("de arrestatie van de burgemeester van İSTANBUL, Ekrem İmamoğlu")
    );
    assert_eq!(
        h.asked_on.map(|d| d.to_string()).as_deref(),
        Some("2025-03-20")
    );
    assert_eq!(h.askers[0].name.as_deref(), Some("Van Baarle"));
}

#[test]
fn the_askers_named_in_an_answer_letter_cover_line_end_before_worden_beantwoord() {
    let registry = Registry::builtin();
    let text = [
        "In antwoord op uw brief van 21 maart 2025, nr. 2025Z05123, deel ik u mede dat de vragen van het lid Van Baarle (DENK) over de arrestatie van de burgemeester van İstanbul, Ekrem İmamoğlu worden beantwoord zoals aangegeven in de bijlage.",
        "",
        "Vraag 1",
        "Bent u bekend met de arrestatie?",
        "",
        "Antwoord 1",
        "Ja.",
    ]
    .join("\n");
    let p = parse_text("kv-test-docx.txt", &text, &registry);
    assert_eq!(
        p.document.title,
        "de arrestatie van de burgemeester van İstanbul, Ekrem İmamoğlu"
    );
    assert_eq!(p.document.references.zaak.as_deref(), Some("2025Z05123"));
    assert_eq!(p.questions.len(), 1);
}

#[test]
fn case_changing_characters_before_any_label_of_a_line_never_make_the_parser_panic() {
    let registry = Registry::builtin();
    let lines = [
        "Vraag 1",
        "Antwoord 7",
        "Aanhangsel 617",
        "(ingezonden 12 december 2024)",
        "(ontvangen 7 januari 2025).",
        "de vragen van het lid Kröger (GroenLinks-PvdA) aan de minister",
        "In antwoord op uw brief van 5 juli 2024, nr. 2024Z11859,",
        "Mede namens de minister van Justitie en Veiligheid,",
        "Deze vragen werden ingezonden op 5 december 2025 met kenmerk 179110.",
        "Vragen en opmerkingen van de leden van de fractie van de VVD",
    ];
    for prefix in [
        "İ",
        "ẞ",
        "\u{212a}",
        "İİİ\u{a0}",
        "ẞẞ…",
        "\u{212a}\u{212a}–",
        "ǅ",
        "ﬁ",
    ] {
        for line in lines {
            let text =
                format!("Vraag 1\n{prefix}{line}\n{prefix} {line}\nAntwoord 1\n{prefix}—{line}");
            let p = parse_text("kv-test-pdf.txt", &text, &registry);
            assert_eq!(p.line_fates.len(), text.lines().count());
        }
    }
}
