//! Helpers shared by the corpus tests: the data folder, the parsed corpus and hand-made fixture tables.
#![allow(dead_code)]

pub mod word;

use briefwissel_corpus::parse::sources::SourceFile;
use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use std::path::{Path, PathBuf};

/// The documents the app bundles (`data/documents`).
pub fn documents() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/documents")
}

/// The whole corpus, parsed as the build parses it.
pub fn parsed_corpus() -> ParseOutput {
    parse_paths(&[documents()]).expect("corpus parses")
}

/// The rows of a tab-separated fixture under `tests/fixtures/` (blank lines skipped); every row has
/// at least `columns` fields (missing ones are empty).
pub fn fixture_rows(name: &str, columns: usize) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut fields: Vec<String> = l.split('\t').map(str::to_string).collect();
            fields.resize(fields.len().max(columns), String::new());
            fields
        })
        .collect()
}

/// The bytes of a file of the data folder (`kamervragen/kv-….txt`, `originals/pdf/….pdf`).
pub fn data_bytes(file: &str) -> Vec<u8> {
    let path = documents().join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Files handed over as bytes under these names (as a browser hands over dropped files), parsed.
pub fn parse_dropped(files: &[(&str, Vec<u8>)]) -> ParseOutput {
    briefwissel_corpus::parse::parse_sources(briefwissel_corpus::parse::sources::Sources {
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

/// Every document file of the data folder (`.txt`, `.pdf`, `.docx`, recursively) as bytes named
/// by its file name, as a browser hands over dropped files; in the order the folder lists them.
pub fn data_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    files_under(&documents(), &mut files);
    files
}

fn files_under(dir: &Path, out: &mut Vec<SourceFile>) {
    for entry in std::fs::read_dir(dir).expect("the data folder is readable") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files_under(&path, out);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let lower = name.to_lowercase();
        if lower.ends_with(".txt") || lower.ends_with(".pdf") || lower.ends_with(".docx") {
            out.push(SourceFile {
                shown: format!("gesleept: {name}"),
                bytes: std::fs::read(&path).expect("a document is readable"),
                name,
            });
        }
    }
}

/// Panics with the place where two JSON texts first differ (and 200 characters around it), not
/// with both texts whole.
pub fn assert_same_json(left: &str, right: &str, what: &str) {
    let Some(at) = left.bytes().zip(right.bytes()).position(|(a, b)| a != b) else {
        assert_eq!(
            left.len(),
            right.len(),
            "{what}: one text is the start of the other"
        );
        return;
    };
    let around = |s: &str| {
        let start = s.floor_char_boundary(at.saturating_sub(200));
        let end = s.ceil_char_boundary((at + 200).min(s.len()));
        s[start..end].to_string()
    };
    panic!(
        "{what}: the texts differ at byte {at}:\n left: …{}…\nright: …{}…",
        around(left),
        around(right)
    );
}

/// An export ([`briefwissel_corpus::export_csv`]) of a corpus that holds its own texts, which are
/// then never missing.
pub fn inline_export(
    export: fn(&briefwissel_corpus::texts::Texts, &[u32]) -> Result<String, usize>,
    corpus: &briefwissel_corpus::Corpus,
    indices: &[u32],
) -> String {
    export(&briefwissel_corpus::texts::Texts::inline(corpus), indices)
        .expect("the texts are in the corpus")
}
