//! The readers never panic and never hang: the real PDF and Word originals, cut off at many
//! offsets, with bytes flipped at deterministic pseudo-random positions, and with chunks spliced
//! in, all come back as `Ok` or `Err`.
//!
//! Besides the files as they are, each PDF is also mutated with its streams decompressed and each
//! Word file with its parts re-zipped after the XML is mutated, so that the damage reaches the
//! content-stream interpreter, the font code and the XML reader instead of only failing a
//! checksum or an inflate. The number of mutations is fixed (seeded generator), so a failure can
//! be reproduced, and bounded so that the test stays well under 20 s in debug mode.

use briefwissel_readers::{read, Format};
use std::io::{Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// `BRIEFWISSEL_MUTATION_SCALE=20 cargo test --release -p briefwissel-readers --test
/// readers_never_panic` runs 20 times as many mutations (from the same seeds).
fn scale() -> usize {
    std::env::var("BRIEFWISSEL_MUTATION_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// One read may take at most this long (debug build); more counts as a hang.
const HANG: Duration = Duration::from_secs(10);

/// A small deterministic generator (xorshift), so failures can be reproduced.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn originals(sub: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents/originals")
        .join(sub);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the originals")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable original"))
        })
        .collect()
}

/// Reads `bytes` on its own thread: `Ok(read or refused)`, or `Err` when the reader panicked or
/// gave no answer within [`HANG`].
fn try_read(format: Format, bytes: Vec<u8>) -> Result<bool, String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = catch_unwind(AssertUnwindSafe(|| read(format, &bytes).is_ok()));
        let _ = send.send(outcome.map_err(|p| {
            p.downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default()
        }));
    });
    match receive.recv_timeout(HANG) {
        Ok(Ok(read)) => Ok(read),
        Ok(Err(message)) => Err(format!("panicked: {message}")),
        Err(_) => Err(format!("no answer within {HANG:?} (a hang)")),
    }
}

/// Runs every mutation, collecting failures with a description of the input that caused them.
struct Run {
    format: Format,
    read: usize,
    refused: usize,
    failures: Vec<String>,
}

impl Run {
    fn new(format: Format) -> Run {
        Run {
            format,
            read: 0,
            refused: 0,
            failures: Vec::new(),
        }
    }

    fn check(&mut self, what: impl FnOnce() -> String, bytes: Vec<u8>) {
        match try_read(self.format, bytes) {
            Ok(true) => self.read += 1,
            Ok(false) => self.refused += 1,
            Err(failure) => self.failures.push(format!("{}: {failure}", what())),
        }
    }

    fn finish(self, started: Instant) {
        let total = self.read + self.refused + self.failures.len();
        eprintln!(
            "{:?}: {total} mutated inputs in {:.1?}: {} read, {} refused with an error",
            self.format,
            started.elapsed(),
            self.read,
            self.refused,
        );
        assert!(
            self.failures.is_empty(),
            "{} of {total} inputs made the reader fail:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// Cut-off, flipped and spliced copies of `base`, `rounds` of each kind (cuts: at evenly spread
/// offsets plus random ones). `label` names the base in failure reports.
fn mutate(run: &mut Run, label: &str, base: &[u8], rounds: usize, rng: &mut Rng) {
    let len = base.len();
    for i in 0..rounds {
        let cut = if i % 2 == 0 {
            len * (i / 2 + 1) / (rounds / 2 + 1)
        } else {
            rng.below(len)
        };
        run.check(|| format!("{label} cut at {cut}"), base[..cut].to_vec());
    }
    for _ in 0..rounds {
        let mut bytes = base.to_vec();
        let mut at = Vec::new();
        for _ in 0..1 + rng.below(16) {
            let p = rng.below(len);
            bytes[p] ^= 1 + rng.below(255) as u8;
            at.push(p);
        }
        run.check(|| format!("{label} with bytes flipped at {at:?}"), bytes);
    }
    for _ in 0..rounds {
        let (from, to, n) = (rng.below(len), rng.below(len), 1 + rng.below(2048));
        let chunk = base[from..(from + n).min(len)].to_vec();
        let mut bytes = base.to_vec();
        let how = match rng.below(3) {
            0 => {
                bytes.splice(to..to, chunk);
                "inserted"
            }
            1 => {
                let end = (to + chunk.len()).min(len);
                bytes[to..end].copy_from_slice(&chunk[..end - to]);
                "written over"
            }
            _ => {
                bytes.drain(to..(to + n).min(len));
                "removed"
            }
        };
        run.check(
            || format!("{label} with {n} bytes from {from} {how} at {to}"),
            bytes,
        );
    }
}

/// The PDF with every stream decompressed, so mutations reach content streams and fonts.
fn decompressed(pdf: &[u8]) -> Option<Vec<u8>> {
    let mut doc = lopdf::Document::load_mem(pdf).ok()?;
    doc.decompress();
    let mut out = Vec::new();
    doc.save_to(&mut out).ok()?;
    Some(out)
}

#[test]
fn mutated_pdfs_never_make_the_reader_panic_or_hang() {
    let started = Instant::now();
    let mut run = Run::new(Format::Pdf);
    let mut rng = Rng(0x5eed_0fb7_1ef0_0d00);
    for (name, bytes) in originals("pdf") {
        mutate(&mut run, &name, &bytes, 4 * scale(), &mut rng);
        let plain = decompressed(&bytes).expect("the original loads and saves");
        mutate(
            &mut run,
            &format!("{name} (decompressed)"),
            &plain,
            6 * scale(),
            &mut rng,
        );
    }
    run.finish(started);
}

/// The parts of a .docx, in archive order.
fn unzip(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("a part");
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("the part inflates");
            (file.name().to_string(), bytes)
        })
        .collect()
}

/// The parts zipped up again (stored: the damage is in the XML, and storing is quick).
fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The parts of a Word file whose XML is damaged.
const PARTS: [&str; 7] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/header1.xml",
    "[Content_Types].xml",
    "word/_rels/document.xml.rels",
];

#[test]
fn mutated_word_files_never_make_the_reader_panic_or_hang() {
    let started = Instant::now();
    let mut run = Run::new(Format::Docx);
    let mut rng = Rng(0xd0c5_1234_abcd);
    for (name, bytes) in originals("docx") {
        let short: String = name.chars().take(40).collect();
        mutate(&mut run, &short, &bytes, 4 * scale(), &mut rng);
        // Damage inside the XML parts that matter, then zip them up again.
        let parts = unzip(&bytes);
        for target in PARTS {
            let Some(index) = parts.iter().position(|(n, _)| n == target) else {
                continue;
            };
            let xml = &parts[index].1;
            let rounds = scale() * if target == "word/document.xml" { 16 } else { 4 };
            for i in 0..rounds {
                let mut bytes = xml.clone();
                let what = match i % 4 {
                    0 => {
                        let cut = rng.below(bytes.len());
                        bytes.truncate(cut);
                        format!("cut at {cut}")
                    }
                    1 => {
                        let mut at = Vec::new();
                        for _ in 0..1 + rng.below(24) {
                            let p = rng.below(bytes.len());
                            // Flip to XML's own punctuation half the time, so tags break.
                            bytes[p] = if rng.below(2) == 0 {
                                b"<>/\"=&:; \n"[rng.below(10)]
                            } else {
                                rng.next() as u8
                            };
                            at.push(p);
                        }
                        format!("bytes changed at {at:?}")
                    }
                    2 => {
                        let (from, n) = (rng.below(bytes.len()), 1 + rng.below(4096));
                        let end = (from + n).min(bytes.len());
                        bytes.drain(from..end);
                        format!("{} bytes removed at {from}", end - from)
                    }
                    _ => {
                        let (from, to, n) = (
                            rng.below(bytes.len()),
                            rng.below(bytes.len()),
                            1 + rng.below(4096),
                        );
                        let chunk = bytes[from..(from + n).min(bytes.len())].to_vec();
                        bytes.splice(to..to, chunk);
                        format!("{n} bytes from {from} inserted at {to}")
                    }
                };
                let mut mutated = parts.clone();
                mutated[index].1 = bytes;
                run.check(|| format!("{short}: {target} {what}"), rezip(&mutated));
            }
        }
        // A part left out.
        for gone in PARTS.iter().chain(&["_rels/.rels", "docProps/core.xml"]) {
            let fewer: Vec<_> = parts.iter().filter(|(n, _)| n != gone).cloned().collect();
            if fewer.len() < parts.len() {
                run.check(|| format!("{short} without {gone}"), rezip(&fewer));
            }
        }
    }
    run.finish(started);
}

#[test]
fn bytes_that_are_not_documents_never_make_the_readers_panic() {
    let mut rng = Rng(99);
    let mut heads: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"%PDF-".to_vec(),
        b"%PDF-1.7\n%%EOF".to_vec(),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
            .to_vec(),
        b"%PDF-1.4\n1 0 obj << /Length 999999999 >> stream\nBT ET\nendstream endobj\n%%EOF".to_vec(),
        b"PK\x03\x04".to_vec(),
        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec(),
        vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
    ];
    for _ in 0..40 * scale() {
        let n = rng.below(3000);
        let mut bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if rng.below(2) == 0 {
            bytes.splice(0..0, b"%PDF-1.5\n".iter().copied());
        }
        heads.push(bytes);
    }
    let started = Instant::now();
    let mut pdf = Run::new(Format::Pdf);
    let mut docx = Run::new(Format::Docx);
    for (i, bytes) in heads.into_iter().enumerate() {
        pdf.check(|| format!("input {i}"), bytes.clone());
        docx.check(|| format!("input {i}"), bytes);
    }
    pdf.finish(started);
    docx.finish(started);
}
