//! The parser never panics: arbitrary text, shuffled corpus lines, cut-off and damaged real documents all parse.

use briefwissel_corpus::parse::originals::paragraphs_of;
use briefwissel_corpus::parse::sources::{SourceFile, Sources};
use briefwissel_corpus::parse::{
    corpus_passes, decode, document_id, parse_lines, parse_text, read_sources, Builtin,
};
use briefwissel_corpus::registry::Registry;
use std::path::Path;

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

fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for sub in ["kamervragen", "seeds"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/documents")
            .join(sub);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            lines.extend(
                std::fs::read_to_string(f)
                    .unwrap_or_default()
                    .lines()
                    .map(String::from),
            );
        }
    }
    lines
}

#[test]
fn arbitrary_bytes_never_make_the_parser_panic() {
    let registry = Registry::builtin();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<char> = concat!(
        "Vraag Antwoord 1234567890 ().,:;?-–»«\n\n  vanhetlid(CDA)ingezonden 12 december 2024 ah-tk- ISSN ¹²³ t/m en é€\u{0}\r",
        // Multi-byte and case-changing characters, combining marks, direction marks, NBSP, ZWSP, emoji.
        "İıẞß\u{212a}\u{212b}Åǅﬁ\u{301}\u{308}\u{200e}\u{200f}\u{a0}\u{200b}😀"
    ).chars().collect();
    for _ in 0..400 {
        let len = rng.below(600);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let p = parse_text("random.txt", &text, &registry);
        assert_eq!(p.line_fates.len(), text.lines().count());
        let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        let (decoded, _) = decode(&bytes);
        let p = parse_text("bytes.txt", &decoded, &registry);
        assert_eq!(p.line_fates.len(), decoded.lines().count());
    }
}

#[test]
fn shuffled_and_truncated_corpus_lines_never_make_the_parser_panic() {
    let registry = Registry::builtin();
    let builtin = Builtin::checked().expect("the registry files are sound");
    let lines = corpus_lines();
    let mut rng = Rng(42);
    for round in 0..200 {
        let start = rng.below(lines.len());
        let len = rng.below(120);
        let mut chunk: Vec<&str> = lines
            .iter()
            .skip(start)
            .take(len)
            .map(|s| s.as_str())
            .collect();
        if round % 2 == 0 {
            for _ in 0..rng.below(10) {
                let a = rng.below(chunk.len().max(1));
                let b = rng.below(chunk.len().max(1));
                if a < chunk.len() && b < chunk.len() {
                    chunk.swap(a, b);
                }
            }
        }
        let mut text = chunk.join("\n");
        // Cut in the middle of a line (on a character boundary).
        let cut = rng.below(text.len() + 1);
        let cut = (0..=cut)
            .rev()
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(0);
        text.truncate(cut);
        let p = parse_text("chunk.txt", &text, &registry);
        assert_eq!(p.line_fates.len(), text.lines().count());
        // Themes come with the passes over the whole corpus: every question gets one.
        let sources = Sources {
            files: vec![SourceFile {
                name: "chunk.txt".into(),
                shown: "chunk.txt".into(),
                bytes: text.into_bytes(),
            }],
            skipped: Vec::new(),
        };
        let mut whole = read_sources(sources, &builtin.registry, &mut |_| {});
        corpus_passes(&mut whole, &builtin, &|_| true);
        assert!(whole.corpus.questions.iter().all(|q| !q.themes.is_empty()));
    }
}

/// The real text files of `data/documents/kamervragen` and `seeds`, by name.
fn corpus_documents() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for sub in ["kamervragen", "seeds"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/documents")
            .join(sub);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            docs.push((name, std::fs::read_to_string(&f).unwrap_or_default()));
        }
    }
    docs
}

/// The PDF and Word originals as their readers give them: the paragraphs the parser reads.
fn original_paragraphs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents/originals");
    let mut docs = Vec::new();
    for sub in ["pdf", "docx"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(sub))
            .expect("originals")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let Some(format) = briefwissel_readers::Format::of(&name) else {
                continue;
            };
            let bytes = std::fs::read(&f).expect("original is readable");
            if let Ok(extracted) = briefwissel_readers::read(format, &bytes) {
                docs.push((name, paragraphs_of(&extracted).0.join("\n")));
            }
        }
    }
    docs
}

/// Page furniture as PDF extraction prints it between two pages.
const FOOTERS: [&str; 4] = [
    "Aanhangsel 2",
    "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 617 1",
    "ah-tk-20242025-617 ISSN 0921-7398 's-Gravenhage 2025",
    "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
];

/// Characters whose lowercase or uppercase has another byte length, or that are not one letter.
const CASE_CHANGING: [char; 12] = [
    'İ', 'ı', 'ẞ', 'ß', '\u{212a}', '\u{212b}', 'Å', 'ǅ', 'ﬁ', '\u{301}', '\u{200f}', '\u{a0}',
];

/// Byte offsets of the line breaks of `text`.
fn breaks(text: &str) -> Vec<usize> {
    text.match_indices('\n').map(|(i, _)| i).collect()
}

/// The start of a random line of `text` (0 for the first).
fn random_line_start(text: &str, rng: &mut Rng) -> usize {
    let b = breaks(text);
    match rng.below(b.len() + 1) {
        0 => 0,
        k => b[k - 1] + 1,
    }
}

/// A random character boundary of `text`.
fn random_boundary(text: &str, rng: &mut Rng) -> usize {
    let at = rng.below(text.len() + 1);
    (0..=at)
        .rev()
        .find(|&c| text.is_char_boundary(c))
        .unwrap_or(0)
}

/// One random damage to a document, and whether it only added a footer on a line of its own.
fn damage(text: &str, rng: &mut Rng) -> (String, bool) {
    let mut t = text.to_string();
    match rng.below(7) {
        // All line breaks gone: one long line.
        0 => (t.replace('\n', " "), false),
        // Some line breaks become spaces.
        1 => {
            for _ in 0..=rng.below(20) {
                if let Some(&at) = breaks(&t).get(rng.below(breaks(&t).len())) {
                    t.replace_range(at..at + 1, " ");
                }
            }
            (t, false)
        }
        // Two lines glued together.
        2 => {
            if let Some(&at) = breaks(&t).get(rng.below(breaks(&t).len())) {
                t.remove(at);
            }
            (t, false)
        }
        // A footer on a line of its own.
        3 => {
            let at = random_line_start(&t, rng);
            t.insert_str(at, &format!("{}\n", FOOTERS[rng.below(FOOTERS.len())]));
            (t, true)
        }
        // A footer glued onto the next line ("…Aanhangsel 2Antwoord 7").
        4 => {
            let at = random_line_start(&t, rng);
            t.insert_str(at, FOOTERS[rng.below(FOOTERS.len())]);
            (t, false)
        }
        // Random characters in the other case.
        5 => {
            let mut out = String::with_capacity(t.len());
            for c in t.chars() {
                if rng.below(8) == 0 {
                    out.extend(c.to_uppercase());
                } else if rng.below(8) == 0 {
                    out.extend(c.to_lowercase());
                } else {
                    out.push(c);
                }
            }
            (out, false)
        }
        // Case-changing characters inserted anywhere.
        _ => {
            for _ in 0..=rng.below(30) {
                let at = random_boundary(&t, rng);
                t.insert(at, CASE_CHANGING[rng.below(CASE_CHANGING.len())]);
            }
            (t, false)
        }
    }
}

/// Damages every document `rounds` times; a document with questions keeps at least one when
/// only a footer line was added.
fn damaged_documents_parse(docs: &[(String, String)], rounds: usize, seed: u64, clean: bool) {
    let registry = Registry::builtin();
    let mut rng = Rng(seed);
    let parse = |name: &str, text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        let count = lines.len();
        let p = parse_lines(
            name,
            &document_id(name),
            lines,
            Vec::new(),
            clean,
            &registry,
        );
        assert_eq!(p.line_fates.len(), count, "{name}");
        p
    };
    for (name, text) in docs {
        let before = parse(name, text).questions.len();
        for round in 0..rounds {
            let (damaged, footer_line_only) = damage(text, &mut rng);
            let p = parse(name, &damaged);
            if footer_line_only && before > 0 {
                assert!(
                    !p.questions.is_empty(),
                    "{name} round {round}: {before} questions lost"
                );
            }
        }
    }
}

#[test]
fn randomly_damaged_corpus_text_files_never_make_the_parser_panic() {
    damaged_documents_parse(&corpus_documents(), 24, 0x5eed_0001, false);
}

#[test]
fn randomly_damaged_paragraphs_of_the_originals_never_make_the_parser_panic() {
    damaged_documents_parse(&original_paragraphs(), 12, 0x5eed_0002, true);
}
