//! Seeds 000, 001 and 003 (nota, organisation letter, Kamerbrief) keep their metadata, sections, footnotes and links.

use briefwissel_corpus::parse::{parse_text, LineFate, Parsed};
use briefwissel_corpus::registry::Registry;
use briefwissel_corpus::{Block, Chamber, DocumentKind};

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

fn paragraphs(p: &Parsed) -> Vec<String> {
    p.document
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| match b {
            Block::Paragraph(t) => vec![t.clone()],
            Block::List(items) => items.clone(),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn nota_000_reads_its_letterhead_and_numbered_sections() {
    let (p, text) = seed("000_");
    let d = &p.document;
    assert_eq!(d.kind, DocumentKind::Nota);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2025-03-21"));
    assert_eq!(d.references.kenmerk.as_deref(), Some("6211257"));
    assert_eq!(d.title, "Resultaten binnengrenscontroles");
    assert_eq!(
        d.sender.as_deref(),
        Some("Directoraat-Generaal Migratie, Directie Migratiebeleid")
    );
    assert_eq!(
        d.recipient.as_deref(),
        Some("De Minister van Asiel en Migratie")
    );
    let headings: Vec<&str> = d
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(headings.first(), Some(&"1. Aanleiding"));
    assert!(headings.contains(&"4.1. Politieke context"));
    let kernpunten = d
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("3. Kernpunten"))
        .expect("section 3");
    assert!(matches!(kernpunten.blocks.get(1), Some(Block::List(items)) if items.len() == 5));
    // The letterhead repeated on the second page is boilerplate, not a section.
    let last = text.lines().count() - 1;
    assert_eq!(
        p.line_fates[last],
        LineFate::Boilerplate("repeated letterhead")
    );
}

#[test]
fn kamerbrief_003_has_its_number_zaak_date_sections_and_footnotes() {
    let (p, _) = seed("003_");
    let d = &p.document;
    assert_eq!(d.kind, DocumentKind::Kamerbrief);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2025-07-11"));
    assert_eq!(d.references.document_number.as_deref(), Some("2025D33530"));
    assert_eq!(d.references.zaak.as_deref(), Some("2025Z14627"));
    assert_eq!(d.title, "Diverse onderwerpen op het gebied van migratie");
    assert_eq!(d.chamber, Some(Chamber::TweedeKamer));
    assert_eq!(d.signatories, vec!["D.M. van Weel".to_string()]);
    assert_eq!(d.sender.as_deref(), Some("Minister van Asiel en Migratie"));
    assert_eq!(d.footnotes.len(), 11);
    assert_eq!(
        d.footnotes[4].text,
        "Kamerstukken II vergaderjaar 2023-2024, 36 410 VI, nr. 80"
    );
    let headings: Vec<&str> = d
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(headings.len(), 9);
    assert_eq!(headings[0], "Toezeggingen over de voortgang en uitkomsten van het vervolgonderzoek naar fraude bij de IND");
    let text = paragraphs(&p).join("\n");
    assert!(
        text.contains("van de leden Brekelmans en Van den Brink, in aanloop"),
        "glued markers 5 and 6 removed"
    );
    assert!(text.contains("Indiening bij uw Kamer is voorzien in Q2 2026."));
    assert!(
        !text.contains("De Minister van Asiel en Migratie,"),
        "the signature is not body text"
    );
}

#[test]
fn letter_001_of_vluchtelingenwerk_keeps_nine_themed_sections_links_and_footnote() {
    let (p, _) = seed("001_");
    let d = &p.document;
    assert_eq!(d.kind, DocumentKind::Organisatiebrief);
    assert_eq!(d.sender.as_deref(), Some("VluchtelingenWerk Nederland"));
    assert_eq!(d.signatories, vec!["Frank Candel".to_string()]);
    assert!(
        d.title
            .contains("commissiedebat vreemdelingen- en asielbeleid van 24 april 2025"),
        "{}",
        d.title
    );
    let headings: Vec<&str> = d
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(
        headings,
        vec![
            "Risico op onterechte afwijzing als gevolg van nieuw beleid",
            "Asielopvang heeft behoefte aan duidelijkheid en goed bestuur",
            "Opvang nareizende gezinsleden",
            "Doorstroomlocaties",
            "Bescherming voor Jezidi vluchtelingen",
            "Versnelling procedures Palestijnse vluchtelingen uit Gaza",
            "Duurzame oplossingen voor ongedocumenteerden",
            "Nieuw buitenschuldbeleid alleenstaande minderjarige vreemdelingen",
            "Binnengrenscontroles",
        ]
    );
    assert!(d
        .footnotes
        .iter()
        .any(|f| f.number == "1" && f.text.starts_with("O.a. ECLI:NL:RBDHA:2024:17489")));
    assert_eq!(d.links.len(), 26, "every distinct URL once");
    assert!(d.links.iter().any(|l| l.contains("kind-in-azc.nl")));
    let text = paragraphs(&p).join("\n");
    assert!(
        !text.contains("https://"),
        "URL blocks at page ends stay out of the paragraphs"
    );
    assert!(
        text.contains("De gezinnen kunnen elkaar na jaren wachten eindelijk in de armen sluiten."),
        "paragraph runs on across the page end"
    );
}

#[test]
fn every_line_of_the_letter_seeds_has_a_place() {
    for prefix in ["000_", "001_", "003_"] {
        let (p, text) = seed(prefix);
        assert_eq!(p.line_fates.len(), text.lines().count());
        for (i, (line, fate)) in text.lines().zip(&p.line_fates).enumerate() {
            if !line.trim().is_empty() {
                assert_ne!(
                    fate,
                    &LineFate::Blank,
                    "{prefix} line {} has no place",
                    i + 1
                );
            }
        }
    }
}
