//! Files without text are refused as empty, never kept as blank documents nor named as copies of each other; a copy is only skipped after a copy that was read.

mod common;

use briefwissel_corpus::parse::sources::{SourceFile, Sources};
use briefwissel_corpus::parse::{parse_sources, ParseOutput};

/// A real two-page answer letter with 4 questions (its PDF read by hand).
const LETTER: &str = "00fe7edd-24c8-4857-98da-774ed3b06836.pdf";

fn letter_bytes() -> Vec<u8> {
    let path = common::documents().join("originals/pdf").join(LETTER);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn dropped(files: &[(&str, Vec<u8>)]) -> ParseOutput {
    parse_sources(Sources {
        files: files
            .iter()
            .map(|(name, bytes)| SourceFile {
                name: name.to_string(),
                shown: name.to_string(),
                bytes: bytes.clone(),
            })
            .collect(),
        skipped: Vec::new(),
    })
    .expect("the registry files are sound")
}

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
fn a_pdf_refused_under_a_word_name_is_still_read_under_its_own() {
    // Sorted by name, the copy named .docx comes first and is refused; the PDF is then no copy.
    let out = dropped(&[("a-brief.docx", letter_bytes()), ("b-brief.pdf", letter_bytes())]);
    let refused = said(&out, "a-brief.docx");
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(
        refused[0].starts_with("Error: dit Word-bestand is niet te lezen"),
        "{refused:?}"
    );
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
fn a_second_copy_of_a_document_that_was_read_is_still_skipped_and_named() {
    let out = dropped(&[("a-brief.pdf", letter_bytes()), ("b-brief.pdf", letter_bytes())]);
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(
        said(&out, "b-brief.pdf"),
        ["Warning: dezelfde inhoud als a-brief.pdf; deze kopie is overgeslagen"]
    );
}
