//! Empty files are refused as empty, not kept as blank documents nor named as copies; a copy is skipped only after a read one; a PDF or Word file under another format's name is refused, saying which it is.

mod common;

use briefwissel_corpus::parse::ParseOutput;
use common::{data_bytes as bytes_of, parse_dropped as dropped};

/// A real two-page answer letter with 4 questions (its PDF read by hand).
const LETTER: &str = "originals/pdf/00fe7edd-24c8-4857-98da-774ed3b06836.pdf";
/// A real Word answer letter with 14 questions (fixtures/originals/docx-wassenberg-bijtincidenten.toml).
const WORD_LETTER: &str = "originals/docx/Beantwoording Kamervragen van het lid Wassenberg (PvdD) aan de ministers van Landbouw, Natuur en Voedselkwalit en van Justitie en Veiligheid ov.docx";
/// A real text extract of written questions, "Vraag 1" to "Vraag 8" (read by hand).
const EXTRACT: &str = "kamervragen/kv-006-de-uitspraken-van-de-minister-van-infras-pdf.txt";

/// Every diagnostic about `file`, as "severity: message".
fn said(out: &ParseOutput, file: &str) -> Vec<String> {
    out.diagnostics
        .iter()
        .filter(|d| d.file == file)
        .map(|d| format!("{:?}: {}", d.severity, d.message))
        .collect()
}

#[test]
fn empty_and_blank_files_are_refused_as_empty_and_none_is_a_copy_of_another() {
    let out = dropped(&[
        ("leeg.txt", Vec::new()),
        ("ook-leeg.txt", Vec::new()),
        ("witregels.txt", b"  \r\n\n\t \n".to_vec()),
        ("leeg.pdf", Vec::new()),
        ("leeg.docx", Vec::new()),
    ]);
    let empty = "Error: het bestand is leeg; niet verwerkt";
    assert_eq!(said(&out, "leeg.txt"), [empty]);
    assert_eq!(said(&out, "ook-leeg.txt"), [empty]);
    assert_eq!(said(&out, "witregels.txt"), [empty]);
    assert_eq!(said(&out, "leeg.pdf"), [empty]);
    assert_eq!(said(&out, "leeg.docx"), [empty]);
    assert!(
        out.corpus.documents.is_empty(),
        "{:?}",
        out.corpus.documents
    );
}

#[test]
fn a_pdf_or_word_file_under_another_format_s_name_is_refused_saying_what_it_is() {
    let out = dropped(&[
        ("brief-als-word.docx", bytes_of(LETTER)),
        ("word-als-pdf.pdf", bytes_of(WORD_LETTER)),
        ("word-als-tekst.txt", bytes_of(WORD_LETTER)),
    ]);
    assert_eq!(
        said(&out, "brief-als-word.docx"),
        ["Error: de inhoud is een PDF-bestand, maar de naam eindigt op .docx; geef het bestand de \
          extensie .pdf; niet verwerkt"]
    );
    assert_eq!(
        said(&out, "word-als-pdf.pdf"),
        ["Error: de inhoud is een Word-bestand, maar de naam eindigt op .pdf; geef het bestand de \
          extensie .docx; niet verwerkt"]
    );
    assert_eq!(
        said(&out, "word-als-tekst.txt"),
        ["Error: de inhoud is een Word-bestand, maar de naam eindigt op .txt; geef het bestand de \
          extensie .docx; niet verwerkt"]
    );
    assert!(out.corpus.documents.is_empty());
}

#[test]
fn a_pdf_refused_under_a_text_name_is_still_read_under_its_own() {
    // Sorted by name, the copy named .txt comes first and is refused; the PDF is then no copy.
    let out = dropped(&[
        ("a-brief.txt", bytes_of(LETTER)),
        ("b-brief.pdf", bytes_of(LETTER)),
    ]);
    assert_eq!(said(&out, "a-brief.txt").len(), 1);
    assert!(
        !said(&out, "b-brief.pdf")
            .iter()
            .any(|m| m.contains("dezelfde inhoud")),
        "{:?}",
        said(&out, "b-brief.pdf")
    );
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(out.corpus.documents[0].file, "b-brief.pdf");
    assert_eq!(out.corpus.questions.len(), 4);
}

#[test]
fn a_text_refused_under_a_pdf_name_is_still_read_under_its_own() {
    // Sorted by name, the copy named .pdf comes first and is refused; the text is then no copy.
    let out = dropped(&[
        ("a-vragen.pdf", bytes_of(EXTRACT)),
        ("b-vragen.txt", bytes_of(EXTRACT)),
    ]);
    assert_eq!(
        said(&out, "a-vragen.pdf"),
        ["Error: deze PDF is niet te lezen: geen PDF-bestand: de aanduiding %PDF- aan het begin ontbreekt; niet verwerkt"]
    );
    assert!(
        !said(&out, "b-vragen.txt")
            .iter()
            .any(|m| m.contains("dezelfde inhoud")),
        "{:?}",
        said(&out, "b-vragen.txt")
    );
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(out.corpus.documents[0].file, "b-vragen.txt");
    assert_eq!(out.corpus.questions.len(), 8);
}

#[test]
fn a_second_copy_of_a_document_that_was_read_is_still_skipped_and_named() {
    let out = dropped(&[
        ("a-brief.pdf", bytes_of(LETTER)),
        ("b-brief.pdf", bytes_of(LETTER)),
    ]);
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(
        said(&out, "b-brief.pdf"),
        ["Warning: dezelfde inhoud als a-brief.pdf; deze kopie is overgeslagen"]
    );
}
