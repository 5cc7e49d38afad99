//! A PDF without structure tags (no marked content, so no `/Artifact` marks) is laid out the same: running footers and page numbers are found by their repetition and place alone.

use briefwissel_readers::{read, Format};
use lopdf::content::Content;
use lopdf::Document;

mod common;
use common::real_pdfs as pdfs;

/// The same PDF with every marked-content operator (BDC, BMC, EMC) removed from its pages.
fn untagged(bytes: &[u8]) -> Vec<u8> {
    let mut doc = Document::load_mem(bytes).expect("the real PDF loads");
    for (_, id) in doc.get_pages() {
        let content = doc.get_page_content(id);
        let mut ops = Content::decode(&content).expect("page content decodes");
        ops.operations
            .retain(|op| !matches!(op.operator.as_str(), "BDC" | "BMC" | "EMC"));
        let encoded = ops.encode().expect("content encodes");
        doc.change_page_content(id, encoded)
            .expect("page content replaced");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the untagged copy is written");
    out
}

#[test]
fn without_tags_the_same_text_lines_come_out_and_the_footers_are_still_set_aside() {
    for file in pdfs() {
        let bytes = std::fs::read(&file).expect("readable");
        let tagged = read(Format::Pdf, &bytes).expect("the tagged original is read");
        let plain = read(Format::Pdf, &untagged(&bytes)).expect("the untagged copy is read");
        let texts = |x: &briefwissel_readers::Extracted| -> Vec<String> {
            x.lines.iter().map(|l| l.text.clone()).collect()
        };
        assert_eq!(
            texts(&plain),
            texts(&tagged),
            "{}: the body lines differ without tags",
            file.display()
        );
        assert_eq!(
            plain.notes,
            tagged.notes,
            "{}: footnotes differ",
            file.display()
        );
        let footer_lines = plain
            .set_aside
            .iter()
            .filter(|s| s.text.starts_with("Tweede Kamer, vergaderjaar"))
            .count();
        assert_eq!(
            footer_lines as u32,
            plain.pages,
            "{}: every page's running footer is set aside",
            file.display()
        );
    }
}
