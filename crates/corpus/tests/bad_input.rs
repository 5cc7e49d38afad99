//! Bad input: scans, encrypted and damaged PDFs, broken and old Word files, Word files that are not
//! letters, a 50 MB PDF and files of other formats. Each gets a diagnostic naming the file (and the
//! page where one applies), nothing panics, and the good document in the same run still parses.
//!
//! The bad files are made here at run time (lopdf's writer, the zip crate, cut and damaged copies
//! of real originals), in a temporary folder next to a copy of one good original.

mod common;

use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use briefwissel_corpus::{Diagnostic, Severity};
use common::word::{paragraph, word_file};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, EncryptionState, EncryptionVersion, Object, Stream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The good document: an answer letter with 9 questions.
const GOOD: &str = "1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf";
const GOOD_QUESTIONS: usize = 9;
/// A real two-page answer letter (4 questions), the base of the damaged and encrypted PDFs.
const BASE: &str = "00fe7edd-24c8-4857-98da-774ed3b06836.pdf";
const BASE_QUESTIONS: usize = 4;
/// A real Word answer letter, the base of the damaged .docx.
const BASE_DOCX: &str = "Beantwoording Kamervragen van het lid Wassenberg (PvdD) aan de ministers van Landbouw, Natuur en Voedselkwalit en van Justitie en Veiligheid ov.docx";

fn original(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents/originals")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pdf(name: &str) -> Vec<u8> {
    original(&format!("pdf/{name}"))
}

/// A fresh temporary folder holding a copy of the good document; removed when dropped.
struct Folder(PathBuf);

impl std::ops::Deref for Folder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn folder(name: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("briefwissel-bad-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(GOOD), pdf(GOOD)).expect("write good document");
    Folder(dir)
}

fn parse(dir: &Path) -> ParseOutput {
    parse_paths(&[dir.to_path_buf()]).expect("the folder can be listed")
}

/// The diagnostics about one file.
fn about<'a>(out: &'a ParseOutput, file: &str) -> Vec<&'a Diagnostic> {
    out.diagnostics.iter().filter(|d| d.file == file).collect()
}

/// The one error about `file`, which did not become a document.
fn refused<'a>(out: &'a ParseOutput, file: &str) -> &'a Diagnostic {
    let found = about(out, file);
    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "one error about {file}: {found:#?}");
    assert!(
        !out.corpus.documents.iter().any(|d| d.file == file),
        "{file} is not a document"
    );
    errors[0]
}

/// The good document is still in the corpus with all its questions.
fn good_still_parses(out: &ParseOutput) {
    let doc = out
        .corpus
        .documents
        .iter()
        .find(|d| d.file == GOOD)
        .unwrap_or_else(|| panic!("the good document is parsed: {:#?}", out.diagnostics));
    let questions = out
        .corpus
        .questions
        .iter()
        .filter(|q| q.document_id == doc.id)
        .count();
    assert_eq!(questions, GOOD_QUESTIONS);
    assert!(
        about(out, GOOD)
            .iter()
            .all(|d| d.severity != Severity::Error),
        "{:#?}",
        about(out, GOOD)
    );
}

fn questions_of(out: &ParseOutput, file: &str) -> usize {
    let Some(doc) = out.corpus.documents.iter().find(|d| d.file == file) else {
        return 0;
    };
    out.corpus
        .questions
        .iter()
        .filter(|q| q.document_id == doc.id)
        .count()
}

// ---- Making bad files ----------------------------------------------------------------------

/// A small deterministic generator (xorshift) for incompressible bytes.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn fill(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

/// A PDF whose pages are only images, as a scanner makes them: no fonts, no text operators.
fn scanned_pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let (w, h) = (200i64, 283i64);
    let mut kids = Vec::new();
    for p in 0..pages {
        // Grey "paper" with dark stripes where the lines of type were.
        let pixels: Vec<u8> = (0..w * h)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                if (20..180).contains(&x) && y % 12 < 4 && y > 30 + p as i64 {
                    40
                } else {
                    235
                }
            })
            .collect();
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => w,
                "Height" => h,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            pixels,
        ));
        let content = Content {
            operations: vec![
                Operation::new("q", vec![]),
                Operation::new(
                    "cm",
                    vec![
                        595.into(),
                        0.into(),
                        0.into(),
                        842.into(),
                        0.into(),
                        0.into(),
                    ],
                ),
                Operation::new("Do", vec!["Scan".into()]),
                Operation::new("Q", vec![]),
            ],
        };
        let content = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content"),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "Resources" => dictionary! { "XObject" => dictionary! { "Scan" => image } },
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    save(&mut doc)
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes the PDF");
    out
}

/// A real PDF encrypted with RC4 128 (standard security handler, revision 3).
fn encrypted_pdf(base: &[u8], user_password: &str, owner_password: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(base).expect("the base PDF loads");
    if doc.trailer.get(b"ID").is_err() {
        let id = Object::string_literal(b"briefwissel-test-id".to_vec());
        doc.trailer.set("ID", vec![id.clone(), id]);
    }
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password,
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("lopdf encrypts");
    let bytes = save(&mut doc);
    assert!(bytes.windows(8).any(|w| w == b"/Encrypt"));
    bytes
}

/// A real PDF with one more page resource: an image of `size` incompressible bytes, drawn on
/// page 1 (as a high-resolution scan or photo would be).
fn huge_pdf(base: &[u8], size: usize) -> Vec<u8> {
    let mut doc = Document::load_mem(base).expect("the base PDF loads");
    let side = (size as f64 / 3.0).sqrt().ceil() as i64;
    let mut bytes = Rng(0x5eed).fill((side * side * 3) as usize);
    bytes.truncate((side * side * 3) as usize);
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => side,
            "Height" => side,
            "ColorSpace" => "DeviceRGB",
            "BitsPerComponent" => 8,
        },
        bytes,
    ));
    let first = *doc.get_pages().get(&1).expect("page 1");
    let draw = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    100.into(),
                    0.into(),
                    0.into(),
                    100.into(),
                    400.into(),
                    50.into(),
                ],
            ),
            Operation::new("Do", vec!["Huge".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    let draw = doc.add_object(Stream::new(dictionary! {}, draw.encode().expect("content")));
    let page = doc
        .get_object_mut(first)
        .and_then(Object::as_dict_mut)
        .expect("page dictionary");
    let mut contents = match page.get(b"Contents").cloned() {
        Ok(Object::Array(a)) => a,
        Ok(other) => vec![other],
        Err(_) => Vec::new(),
    };
    contents.push(Object::Reference(draw));
    page.set("Contents", contents);
    // The page's own resources (inherited ones are copied down) get the image.
    let resources = match page.get(b"Resources") {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let dict = match resources {
        Some(id) => doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .expect("resources"),
        None => doc
            .get_object_mut(first)
            .and_then(Object::as_dict_mut)
            .and_then(|p| p.get_mut(b"Resources"))
            .and_then(Object::as_dict_mut)
            .expect("inline resources"),
    };
    match dict.get_mut(b"XObject") {
        Ok(Object::Dictionary(x)) => x.set("Huge", image),
        _ => dict.set("XObject", dictionary! { "Huge" => image }),
    }
    save(&mut doc)
}

fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<w:tc>{}</w:tc>", paragraph(c)))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// The first sector of an OLE compound file, as an old Word .doc starts.
fn ole_doc() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend_from_slice(&[0; 16]);
    bytes.extend_from_slice(&[0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00]);
    bytes.resize(1536, 0);
    bytes[1024..1050].copy_from_slice(b"Microsoft Word-document\0\0\0");
    bytes
}

// ---- The tests -----------------------------------------------------------------------------

#[test]
fn a_scanned_pdf_without_text_says_it_needs_ocr() {
    let dir = folder("scan");
    std::fs::write(dir.join("scan.pdf"), scanned_pdf(2)).unwrap();
    let out = parse(&dir);
    let d = refused(&out, "scan.pdf");
    assert_eq!(
        d.message,
        "deze PDF is niet te lezen: de PDF heeft 2 pagina('s) maar geen tekstlaag (een scan?); er \
         is eerst tekstherkenning (OCR) nodig voordat Briefwissel hem kan lezen; niet verwerkt"
    );
    good_still_parses(&out);
}

#[test]
fn a_pdf_that_needs_a_password_to_open_is_refused_as_encrypted() {
    let dir = folder("locked");
    std::fs::write(
        dir.join("locked.pdf"),
        encrypted_pdf(&pdf(BASE), "geheim", "eigenaar"),
    )
    .unwrap();
    let out = parse(&dir);
    let d = refused(&out, "locked.pdf");
    assert_eq!(
        d.message,
        "deze PDF is niet te lezen: de PDF is versleuteld of met een wachtwoord beveiligd; sla \
         eerst een onbeveiligde kopie op; niet verwerkt"
    );
    good_still_parses(&out);
}

#[test]
fn a_pdf_with_only_an_owner_password_is_read_like_any_other() {
    let dir = folder("owner");
    std::fs::write(
        dir.join("owner.pdf"),
        encrypted_pdf(&pdf(BASE), "", "eigenaar"),
    )
    .unwrap();
    let out = parse(&dir);
    assert_eq!(
        questions_of(&out, "owner.pdf"),
        BASE_QUESTIONS,
        "{:#?}",
        out.diagnostics
    );
    assert!(about(&out, "owner.pdf")
        .iter()
        .all(|d| d.severity != Severity::Error));
    good_still_parses(&out);
}

#[test]
fn a_truncated_or_corrupt_pdf_is_named_as_damaged() {
    let dir = folder("damaged");
    let base = pdf(BASE);
    std::fs::write(dir.join("header-only.pdf"), &base[..400]).unwrap();
    std::fs::write(dir.join("half.pdf"), &base[..base.len() / 2]).unwrap();
    std::fs::write(
        dir.join("last-page-cut.pdf"),
        &base[..base.len() * 92 / 100],
    )
    .unwrap();
    let mut garbled = base.clone();
    let mut rng = Rng(7);
    for b in &mut garbled[20..] {
        *b = rng.next() as u8;
    }
    std::fs::write(dir.join("garbled.pdf"), &garbled).unwrap();
    std::fs::write(
        dir.join("not-a-pdf.pdf"),
        b"<html><body>404 Not Found</body></html>",
    )
    .unwrap();
    let out = parse(&dir);
    let unreadable = "deze PDF is niet te lezen: de PDF kan niet worden geopend: het bestand is \
                      onvolledig of beschadigd (failed parsing cross reference table); niet verwerkt";
    assert_eq!(refused(&out, "header-only.pdf").message, unreadable);
    assert_eq!(refused(&out, "garbled.pdf").message, unreadable);
    // lopdf rebuilds the cross-reference table of a cut-off file and loads what is left; the
    // pages whose text went with the cut are named instead of being read short.
    let cut = "de PDF is onvolledig (het bestand eindigt zonder de eindmarkering %%EOF, zoals na \
               een onderbroken download)";
    assert_eq!(
        refused(&out, "half.pdf").message,
        format!(
            "deze PDF is niet te lezen: pagina 1: {cut}: pagina's 1, 2 van 2 verwijzen naar inhoud \
             die niet meer in het bestand zit; zorg voor een volledige kopie van het bestand; niet verwerkt"
        )
    );
    assert_eq!(
        refused(&out, "last-page-cut.pdf").message,
        format!(
            "deze PDF is niet te lezen: pagina 2: {cut}: pagina 2 van 2 verwijst naar inhoud die \
             niet meer in het bestand zit; zorg voor een volledige kopie van het bestand; niet verwerkt"
        )
    );
    assert_eq!(
        refused(&out, "not-a-pdf.pdf").message,
        "deze PDF is niet te lezen: geen PDF-bestand: de aanduiding %PDF- aan het begin ontbreekt; \
         niet verwerkt"
    );
    good_still_parses(&out);
    assert_eq!(out.corpus.documents.len(), 1);
}

#[test]
fn a_pdf_cut_off_after_its_last_object_still_reads_in_full() {
    // Only the cross-reference table and trailer are lost: nothing of the text is missing.
    let dir = folder("tail");
    let base = pdf(BASE);
    std::fs::write(dir.join("no-trailer.pdf"), &base[..base.len() - 300]).unwrap();
    let out = parse(&dir);
    assert_eq!(questions_of(&out, "no-trailer.pdf"), BASE_QUESTIONS);
    good_still_parses(&out);
}

#[test]
fn a_corrupt_zip_posing_as_docx_is_named_as_damaged() {
    let dir = folder("zip");
    let base = original(&format!("docx/{BASE_DOCX}"));
    std::fs::write(dir.join("half.docx"), &base[..base.len() / 2]).unwrap();
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend(Rng(11).fill(3000));
    std::fs::write(dir.join("garbage.docx"), &bytes).unwrap();
    std::fs::write(dir.join("page.docx"), b"<html>Sessie verlopen</html>").unwrap();
    std::fs::write(dir.join("empty.docx"), b"").unwrap();
    let out = parse(&dir);
    let corrupt = "dit Word-bestand is niet te lezen: geen leesbaar Word-bestand (.docx): het zip-archief \
                   is beschadigd of onvolledig (invalid Zip archive: Could not find EOCD); niet verwerkt";
    assert_eq!(refused(&out, "half.docx").message, corrupt);
    assert_eq!(refused(&out, "garbage.docx").message, corrupt);
    assert_eq!(
        refused(&out, "page.docx").message,
        "dit Word-bestand is niet te lezen: geen Word-bestand (.docx): geen zip-archief (invalid Zip \
         archive: Could not find EOCD); niet verwerkt"
    );
    assert_eq!(
        refused(&out, "empty.docx").message,
        "het bestand is leeg; niet verwerkt"
    );
    good_still_parses(&out);
    assert_eq!(out.corpus.documents.len(), 1);
}

#[test]
fn an_old_binary_word_document_is_named_as_such() {
    let dir = folder("doc");
    std::fs::write(dir.join("brief.doc"), ole_doc()).unwrap();
    std::fs::write(dir.join("renamed.docx"), ole_doc()).unwrap();
    let out = parse(&dir);
    // A .doc is not collected: the folder names it as an old Word file to save as .docx.
    let found = about(&out, "brief.doc");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message,
        format!(
            "{} is een oud Word-bestand in .doc-formaat; open het in Word en sla het op als .docx; niet verwerkt",
            dir.join("brief.doc").display()
        )
    );
    // Renamed to .docx it is read, and recognised by its OLE header.
    assert_eq!(
        refused(&out, "renamed.docx").message,
        "dit Word-bestand is niet te lezen: dit is een oud Word-bestand in .doc-formaat (of een \
         ander oud Office-bestand), geen .docx: open het in Word en sla het op als .docx; niet verwerkt"
    );
    good_still_parses(&out);
    assert_eq!(out.corpus.documents.len(), 1);
}

#[test]
fn a_word_file_that_is_not_a_letter_is_a_document_without_questions() {
    let dir = folder("recipe");
    let recipe = [
        paragraph("Appeltaart"),
        paragraph("Ingrediënten: 1 kg zure appels, 300 g bloem, 200 g boter, 150 g suiker."),
        paragraph("1. Verwarm de oven voor op 180 graden."),
        paragraph("2. Kneed bloem, boter en suiker tot een soepel deeg."),
        paragraph("Hoeveel appels? Vier."),
        paragraph("Eet smakelijk!"),
    ]
    .concat();
    std::fs::write(dir.join("recept.docx"), word_file(&recipe)).unwrap();
    let grid = table(&[&["Week", "Dienst"], &["1", "Jan"], &["2", "Piet"]]);
    std::fs::write(dir.join("rooster.docx"), word_file(&grid)).unwrap();
    let out = parse(&dir);
    for file in ["recept.docx", "rooster.docx"] {
        let doc = out
            .corpus
            .documents
            .iter()
            .find(|d| d.file == file)
            .unwrap_or_else(|| panic!("{file} is a document: {:#?}", out.diagnostics));
        assert_eq!(questions_of(&out, file), 0, "{file}");
        assert!(out.corpus.answers.iter().all(|a| a.document_id != doc.id));
        let found = about(&out, file);
        // The reader is told plainly that nothing in it reads as questions or answers.
        let warning = found
            .iter()
            .find(|d| d.severity == Severity::Warning)
            .unwrap_or_else(|| panic!("{file}: {found:#?}"));
        assert!(
            warning
                .message
                .starts_with("geen vragen of antwoorden gevonden"),
            "{file}: {warning}"
        );
        assert!(
            found.iter().all(|d| d.severity != Severity::Error),
            "{found:#?}"
        );
        assert_eq!(doc.title, "Brief van onbekende afzender");
    }
    good_still_parses(&out);
}

#[test]
fn a_word_file_without_text_is_refused_as_such() {
    let dir = folder("empty-body");
    std::fs::write(dir.join("leeg.docx"), word_file("")).unwrap();
    std::fs::write(dir.join("witruimte.docx"), word_file(&paragraph("  "))).unwrap();
    let out = parse(&dir);
    for file in ["leeg.docx", "witruimte.docx"] {
        assert_eq!(
            refused(&out, file).message,
            "er staat geen tekst in (een leeg document, of een scan waarvan de tekstlaag leeg is); \
             niet verwerkt"
        );
    }
    good_still_parses(&out);
    assert_eq!(out.corpus.documents.len(), 1);
}

#[test]
fn a_50_mb_pdf_is_read_within_seconds() {
    let dir = folder("huge");
    let bytes = huge_pdf(&pdf(BASE), 50 * 1024 * 1024);
    assert!(bytes.len() > 50 * 1024 * 1024);
    std::fs::write(dir.join("huge.pdf"), &bytes).unwrap();
    let started = Instant::now();
    let read = briefwissel_readers::read(briefwissel_readers::Format::Pdf, &bytes);
    let took = started.elapsed();
    eprintln!("reading the {} byte PDF took {took:?}", bytes.len());
    assert!(read.is_ok(), "{read:?}");
    // Natively (release) this takes well under a second; the bound is for a busy debug run.
    assert!(took < Duration::from_secs(20), "{took:?}");
    let out = parse(&dir);
    assert_eq!(questions_of(&out, "huge.pdf"), BASE_QUESTIONS);
    good_still_parses(&out);
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_its_size() {
    let dir = folder("too-big");
    // A sparse file: its size is all that is looked at before it is refused.
    let file = std::fs::File::create(dir.join("too-big.pdf")).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    drop(file);
    let out = parse(&dir);
    assert_eq!(
        refused(&out, "too-big.pdf").message,
        "het bestand is 65 MB, meer dan de grens van 64 MB; niet verwerkt"
    );
    good_still_parses(&out);
}

#[test]
fn another_format_in_the_folder_is_named_in_a_warning() {
    let dir = folder("rtf");
    std::fs::write(dir.join("notes.rtf"), b"{\\rtf1\\ansi Aantekeningen}").unwrap();
    let out = parse(&dir);
    let found = about(&out, "notes.rtf");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message,
        format!(
            "{} heeft geen formaat dat Briefwissel leest (.txt, .pdf, .docx); niet verwerkt",
            dir.join("notes.rtf").display()
        )
    );
    good_still_parses(&out);
    assert_eq!(out.corpus.documents.len(), 1);
}

#[test]
fn check_names_every_bad_file_and_fails_while_the_good_document_is_reported() {
    let dir = folder("cli");
    let base = pdf(BASE);
    std::fs::write(dir.join("scan.pdf"), scanned_pdf(1)).unwrap();
    std::fs::write(
        dir.join("locked.pdf"),
        encrypted_pdf(&base, "geheim", "eigenaar"),
    )
    .unwrap();
    std::fs::write(dir.join("half.pdf"), &base[..base.len() / 2]).unwrap();
    std::fs::write(dir.join("renamed.docx"), ole_doc()).unwrap();
    std::fs::write(dir.join("kapot.docx"), b"PK\x03\x04kapot").unwrap();
    std::fs::write(dir.join("notes.rtf"), b"{\\rtf1}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_briefwissel"))
        .args(["check", &dir.display().to_string()])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "errors give exit code 1: {text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with(GOOD)
            && l.contains("Kamervragen met antwoord")
            && l.contains(&format!(
                " {GOOD_QUESTIONS} vragen ({GOOD_QUESTIONS} beantwoord)"
            ))),
        "{text}"
    );
    for (file, says) in [
        (
            "scan.pdf",
            "error: deze PDF is niet te lezen: de PDF heeft 1 pagina('s) maar geen tekstlaag",
        ),
        (
            "locked.pdf",
            "error: deze PDF is niet te lezen: de PDF is versleuteld of met een wachtwoord beveiligd",
        ),
        (
            "half.pdf",
            "error: deze PDF is niet te lezen: pagina 1: de PDF is onvolledig",
        ),
        (
            "renamed.docx",
            "error: dit Word-bestand is niet te lezen: dit is een oud Word-bestand in .doc-formaat",
        ),
        (
            "kapot.docx",
            "error: dit Word-bestand is niet te lezen: geen leesbaar Word-bestand (.docx)",
        ),
        ("notes.rtf", "warning: "),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{file}: {says}"))),
            "{file}: {says}…\n{text}"
        );
    }
    assert!(
        text.contains("1 documenten, 9 vragen (9 beantwoord), 9 antwoorden;")
            && text.contains("; 5 fouten, 1 waarschuwingen,"),
        "{text}"
    );
}
