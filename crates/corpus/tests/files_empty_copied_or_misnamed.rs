//! Files without text are refused as empty, not kept as blank documents nor named as copies; a copy is skipped only after a read one; a misnamed PDF or Word file is read by its content.

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
    assert_eq!(
        said(&out, "leeg.pdf"),
        ["Error: deze PDF is niet te lezen: geen PDF-bestand: het bestand is leeg; niet verwerkt"]
    );
    assert_eq!(
        said(&out, "leeg.docx"),
        ["Error: dit Word-bestand is niet te lezen: geen Word-bestand (.docx): het bestand is leeg; niet verwerkt"]
    );
    assert!(
        out.corpus.documents.is_empty(),
        "{:?}",
        out.corpus.documents
    );
}

#[test]
fn a_pdf_or_word_file_under_another_format_s_name_is_read_by_its_content_with_a_warning() {
    let out = dropped(&[
        ("brief-als-word.docx", bytes_of(LETTER)),
        ("word-als-pdf.pdf", bytes_of(WORD_LETTER)),
    ]);
    assert_eq!(
        said(&out, "brief-als-word.docx")[0],
        "Warning: de inhoud is een PDF-bestand, maar de naam eindigt op .docx; gelezen als PDF-bestand"
    );
    assert_eq!(
        said(&out, "word-als-pdf.pdf")[0],
        "Warning: de inhoud is een zip-archief, zoals een Word-bestand, maar de naam eindigt op .pdf; gelezen als Word-bestand"
    );
    let questions_of = |file: &str| {
        let document = out.corpus.documents.iter().find(|d| d.file == file);
        let id = &document.unwrap_or_else(|| panic!("{file} is read")).id;
        out.corpus
            .questions
            .iter()
            .filter(|q| &q.document_id == id)
            .count()
    };
    assert_eq!(questions_of("brief-als-word.docx"), 4);
    assert_eq!(questions_of("word-als-pdf.pdf"), 14);
}

#[test]
fn a_pdf_saved_as_text_is_read_as_a_pdf_and_its_copy_under_its_own_name_is_skipped() {
    let out = dropped(&[
        ("a-brief.txt", bytes_of(LETTER)),
        ("b-brief.pdf", bytes_of(LETTER)),
    ]);
    assert_eq!(
        said(&out, "a-brief.txt"),
        ["Warning: de inhoud is een PDF-bestand, maar de naam eindigt op .txt; gelezen als PDF-bestand"]
    );
    assert_eq!(
        said(&out, "b-brief.pdf"),
        ["Warning: dezelfde inhoud als a-brief.txt; deze kopie is overgeslagen"]
    );
    assert_eq!(out.corpus.documents.len(), 1);
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
