//! A hyphen at the end of a printed line: a broken word is glued, a compound keeps its hyphen, judged by the document's own spelling first.

use briefwissel_corpus::hyphenation::{judge, DocumentSpelling, LineBreakHyphen};
use briefwissel_corpus::model::Corpus;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::text::paragraphs;
use std::path::Path;

use LineBreakHyphen::{Glue, Keep, Space};

/// One line break: the word before the hyphen, the next line, other lines of the same document,
/// and what the hyphen becomes.
struct Case {
    before: &'static str,
    next: &'static str,
    elsewhere: &'static [&'static str],
    becomes: LineBreakHyphen,
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Broken words.
    Case { before: "drone", next: "bedrijven in de regio", elsewhere: &[], becomes: Glue },
    Case { before: "be", next: "staande regels", elsewhere: &[], becomes: Glue },
    Case { before: "be", next: "oordelen of dit klopt", elsewhere: &[], becomes: Glue },
    Case { before: "Ameri", next: "kaanse bedrijven", elsewhere: &[], becomes: Glue },
    // The document writes the whole word elsewhere.
    Case { before: "Julianaka", next: "naal te beoordelen", elsewhere: &["stremming van het Julianakanaal is"], becomes: Glue },
    // The document writes the first part with a hyphen inside a line.
    Case { before: "hiv", next: "besmettingen en welke acties", elsewhere: &["over stijging hiv-infecties bij jonge mannen"], becomes: Keep },
    Case { before: "het non", next: "refoulementbeginsel, in acht", elsewhere: &["het beginsel  van  non-refoulement  te"], becomes: Keep },
    // Without that evidence a short first part is a broken syllable...
    Case { before: "hiv", next: "besmettingen en welke acties", elsewhere: &[], becomes: Glue },
    // ...a hyphen in a web address or one the inline repair removes is no evidence...
    Case { before: "hiv", next: "besmettingen", elsewhere: &["(https://nos.nl/artikel/stijging-hiv-besmettingen)"], becomes: Glue },
    Case { before: "volksgezond", next: "heidsbeleid", elsewhere: &["de volksgezond-heid van"], becomes: Glue },
    // ...unless its vowels would run together, where Dutch writes a hyphen.
    Case { before: "re", next: "integratie van", elsewhere: &[], becomes: Keep },
    Case { before: "co", next: "ouderschap", elsewhere: &[], becomes: Keep },
    // Compounds by shape: no vowel in the first part, a short part Dutch writes with a hyphen,
    // a capital, an earlier hyphen whose last part the document writes with one.
    Case { before: "ggz", next: "instellingen", elsewhere: &[], becomes: Keep },
    Case { before: "oud", next: "minister van Financiën", elsewhere: &[], becomes: Keep },
    Case { before: "ex", next: "partner", elsewhere: &[], becomes: Keep },
    Case { before: "ggz-instel", next: "lingen", elsewhere: &[], becomes: Glue },
    Case { before: "veilig-derde-land", next: "concept", elsewhere: &[], becomes: Glue },
    // An identifier broken before its colon.
    Case { before: "ECLI:NL", next: ":RBDHA:2023:2055", elsewhere: &[], becomes: Glue },
    Case { before: "EU", next: "lidstaten", elsewhere: &[], becomes: Keep },
    Case { before: "Bosnië", next: "Herzegovina", elsewhere: &[], becomes: Keep },
    Case { before: "zee", next: "egel", elsewhere: &[], becomes: Keep },
    // Elliptic compounds keep a space before the conjunction, also where the two would make a word...
    Case { before: "zorg", next: "en welzijnsinstellingen", elsewhere: &["zij zorgen ervoor"], becomes: Space },
    // ...but a part that ends in a vowel, written whole elsewhere, was broken before `en` or `als`.
    Case { before: "zo", next: "als de minister", elsewhere: &["zoals gezegd"], becomes: Glue },
    Case { before: "Financi", next: "en van", elsewhere: &["de minister van Financiën"], becomes: Glue },
    Case { before: "aanloop", next: "en volloopverliezen", elsewhere: &[], becomes: Space },
    Case { before: "Asiel", next: "en Migratiebeheer", elsewhere: &[], becomes: Space },
    Case { before: "klimaat", next: "of energiebeleid", elsewhere: &[], becomes: Space },
];

#[test]
fn every_line_break_case_is_judged_as_a_reader_of_dutch_would() {
    let mut wrong = Vec::new();
    for c in CASES {
        let mut lines: Vec<String> = c.elsewhere.iter().map(|s| s.to_string()).collect();
        lines.push(format!("{}-", c.before));
        lines.push(c.next.to_string());
        let got = judge(c.before, c.next, &DocumentSpelling::of_lines(&lines));
        if got != c.becomes {
            wrong.push(format!(
                "{}- + {}: {got:?}, not {:?}",
                c.before, c.next, c.becomes
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn parsed(folder: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents")
        .join(folder);
    parse_paths(&[dir]).expect("data folder is readable").corpus
}

#[test]
fn hiv_broken_over_two_lines_keeps_its_hyphen_as_the_document_writes_it_in_its_footnote() {
    // kv-010, question 7: "…het aantal hiv-" / "besmettingen en welke acties…"; footnote 1
    // writes "stijging hiv-besmettingen".
    let c = parsed("kamervragen");
    let q = c
        .questions
        .iter()
        .find(|q| q.document_id.starts_with("kv-010-") && q.number == "7")
        .expect("kv-010 has a question 7");
    assert!(
        q.text
            .contains("ten aanzien van het aantal hiv-besmettingen en welke acties"),
        "{}",
        q.text
    );
}

#[test]
fn an_elliptic_compound_broken_after_its_hyphen_keeps_the_space_before_en_in_a_pdf() {
    // 1a2d8959….pdf, answer 13, page 5: "…€ 750 miljoen de aanloop-" / "en volloopverliezen worden
    // afgedekt…"; two lines later the letter writes "aanloop- en volloopverliezen" in one line.
    let c = parsed("originals/pdf");
    let a = c
        .answers
        .iter()
        .find(|a| a.document_id.starts_with("1a2d8959-") && a.number == "13")
        .expect("1a2d8959 has an answer 13");
    assert!(
        a.text
            .contains("van € 750 miljoen de aanloop- en volloopverliezen worden afgedekt"),
        "{}",
        a.text
    );
}

#[test]
fn a_word_broken_where_its_trema_was_is_glued_as_the_document_spells_it() {
    // Dutch hyphenation drops the trema at the break: "Financiën" prints "Financi-" / "en".
    let lines = [
        "De minister van Financi-",
        "en heeft de Kamer ge-",
        "informeerd.",
        "",
        "Het ministerie van Financiën heeft de Kamer eerder geïnformeerd.",
    ];
    let text = paragraphs(&lines, &DocumentSpelling::of_lines(&lines));
    assert_eq!(
        text.split("\n\n").next(),
        Some("De minister van Financiën heeft de Kamer geïnformeerd.")
    );
}
