//! Hostile PDFs stay bounded: content that inflates to hundreds of megabytes is refused with
//! the page named, and a form drawn many times is decoded once, not at every `Do`.

use briefwissel_readers::{read, Extracted, Format};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// 300 MB of spaces, deflated twice (633 bytes): made with Python,
/// `zlib.compress(zlib.compress(b" " * (300 * 1024 * 1024), 9), 9).hex()`.
const BOMB: [&str; 14] = [
    "78daeddc3d2eec611c86e111d320194444a1d13a2bd0489c46ada016a542af1b2296706ab5055880eeece07c541640a3",
    "50111fb30bfffbbaaab7fe954fdedce7ff1fef2f479f2eb67ebd6d6fdc2e8e0000008081bbf877353ff7f5d87affb37f",
    "70040000000cddc9f2643c1b055e8f377f3a070000000cdef5eececaec87c0f3f46cec1c0000003078eb2f0f7bb32de0",
    "f7fbddeaa17b000000c0e0fd150c0000008014c10000000068110c0000008016c10000000088110c0000008016c10000",
    "000068110c0000008016c10000000088110c0000008016c10000000068110c0000008016c10000000088110c00000080",
    "16c10000000068110c0000008016c10000000088110c0000008016c10000000068110c0000008016c10000000088110c",
    "0000008016c10000000068110c0000008016c10000000088110c0000008016c10000000068110c0000008016c1000000",
    "0088110c0000008016c10000000068110c0000008016c10000000088110c0000008016c10000000068110c0000008016",
    "c10000000088110c0000008016c10000000068110c0000008016c10000000088110c0000008016c10000000068110c00",
    "00008016c10000000088110c0000008016c10000000068110c0000008016c10000000088110c0000008016c100000000",
    "68110c0000008016c10000000088110c0000008016c10000000068110c0000008016c10000000088110c0000008016c1",
    "0000000068110c0000008016c10000000088110c0000008016c10000000068110c0000008016c10000000088110c0000",
    "008016c10000000068110c0000008016c10000000088110c0000008096d3e5c9c2d716307e9b3e2dad8d00e0dbba199d",
    "cdff987c0053fbe4ea",
];

fn bomb() -> Vec<u8> {
    let hex: String = BOMB.concat();
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// A one-page PDF with this page content, these form XObjects (name, content) and font `F1`.
fn one_page(content: Stream, forms: Vec<(&str, Stream)>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut xobjects = lopdf::Dictionary::new();
    for (name, mut form) in forms {
        form.dict.set("Type", "XObject");
        form.dict.set("Subtype", "Form");
        form.dict
            .set("BBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
        xobjects.set(name, doc.add_object(form));
    }
    let content = doc.add_object(content);
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => xobjects },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes the PDF");
    out
}

fn text(words: &str) -> Vec<u8> {
    Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(words)]),
            Operation::new("ET", vec![]),
        ],
    }
    .encode()
    .expect("content")
}

/// Reads on a thread, failing on a panic or after `limit`.
fn read_within(bytes: Vec<u8>, limit: Duration) -> Result<Extracted, String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(read(Format::Pdf, &bytes).map_err(|e| e.to_string()));
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("no answer within {limit:?}"))
}

#[test]
fn a_page_whose_content_inflates_to_hundreds_of_megabytes_is_refused_naming_the_page() {
    let content = Stream::new(
        dictionary! { "Filter" => vec![Object::from("FlateDecode"), Object::from("FlateDecode")] },
        bomb(),
    );
    let pdf = one_page(content, Vec::new());
    assert!(pdf.len() < 2000);
    let err = read_within(pdf, Duration::from_secs(60)).expect_err("refused");
    assert_eq!(
        err,
        "pagina 1: de inhoud van de PDF wordt bij het uitpakken groter dan 256 MB (een \
         decompressiebom of een beschadigd bestand); niet gelezen"
    );
}

#[test]
fn a_form_drawn_a_hundred_thousand_times_is_decoded_once() {
    // A 2 MB form (mostly white space) drawn 100 000 times: decoding it at every `Do` would be
    // 200 GB of parsing; decoded once, the 300 000 operations run in moments.
    let mut form = vec![b' '; 2 * 1024 * 1024];
    form.extend_from_slice(b"q Q");
    let draw = "/Logo Do\n".repeat(100_000);
    let mut content = text("Geachte voorzitter,");
    content.extend_from_slice(draw.as_bytes());
    let pdf = one_page(
        Stream::new(dictionary! {}, content),
        vec![("Logo", Stream::new(dictionary! {}, form))],
    );
    let started = Instant::now();
    let read = read_within(pdf, Duration::from_secs(30)).expect("read");
    eprintln!("read in {:?}", started.elapsed());
    assert_eq!(read.lines[0].text, "Geachte voorzitter,");
}

#[test]
fn distinct_forms_that_together_inflate_too_far_are_refused() {
    // Each form inflates to 300 MB on its own: the first already passes the budget.
    let forms = (0..3)
        .map(|i| {
            let form = Stream::new(
                dictionary! { "Filter" => vec![Object::from("FlateDecode"), Object::from("FlateDecode")] },
                bomb(),
            );
            (["A", "B", "C"][i], form)
        })
        .collect();
    let mut content = text("Geachte voorzitter,");
    content.extend_from_slice(b"\n/A Do /B Do /C Do\n");
    let pdf = one_page(Stream::new(dictionary! {}, content), forms);
    let err = read_within(pdf, Duration::from_secs(60)).expect_err("refused");
    assert!(
        err.starts_with("pagina 1: de inhoud van de PDF wordt bij het uitpakken groter dan 256 MB"),
        "{err}"
    );
}
