//! Helpers shared by the corpus tests: the data folder, the parsed corpus and hand-made fixture tables.
#![allow(dead_code)]

use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use std::path::PathBuf;

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
