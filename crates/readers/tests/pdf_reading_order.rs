//! Reading order on a page with margins: a short label in the left margin reads with its line, a letterhead column beside the text is read before it.

use briefwissel_readers::{read, Format};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A one-page PDF in Helvetica that shows each `(x, y, size, text)`.
fn pdf(texts: &[(f32, f32, f32, &str)]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut operations = Vec::new();
    for &(x, y, size, text) in texts {
        operations.push(Operation::new("BT", vec![]));
        operations.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
        operations.push(Operation::new("Td", vec![x.into(), y.into()]));
        operations.push(Operation::new("Tj", vec![Object::string_literal(text)]));
        operations.push(Operation::new("ET", vec![]));
    }
    let content = Content { operations };
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        content.encode().expect("encodes"),
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("written");
    out
}

#[test]
fn a_question_number_in_the_left_margin_reads_with_its_line_and_the_letterhead_column_comes_first()
{
    let bytes = pdf(&[
        (440.0, 640.0, 7.0, "Datum 5 maart 2024"),
        (440.0, 630.0, 7.0, "Ons kenmerk 123456"),
        (60.0, 640.0, 9.0, "1"),
        (
            120.0,
            640.0,
            9.0,
            "Kunt u aangeven hoeveel aanvragen er zijn?",
        ),
        (120.0, 620.0, 9.0, "Ja, dat kan ik."),
        (60.0, 600.0, 9.0, "2"),
        (120.0, 600.0, 9.0, "Wanneer komt de brief?"),
        (120.0, 580.0, 9.0, "Voor de zomer."),
    ]);
    let x = read(Format::Pdf, &bytes).expect("the PDF is read");
    let lines: Vec<&str> = x.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "Datum 5 maart 2024",
            "Ons kenmerk 123456",
            "1 Kunt u aangeven hoeveel aanvragen er zijn?",
            "Ja, dat kan ik.",
            "2 Wanneer komt de brief?",
            "Voor de zomer.",
        ]
    );
}
