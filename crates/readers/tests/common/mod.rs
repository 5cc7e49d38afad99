//! What the readers' tests share: the real PDF and Word originals of the data folder.

// Each test file uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The PDF originals in `data/documents/originals/pdf`, sorted by name.
pub fn real_pdfs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents/originals/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the originals folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

/// The bytes of the Word original in `data/documents/originals/docx` whose name starts with
/// `prefix`.
pub fn docx_original(prefix: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents/originals/docx");
    let entry = std::fs::read_dir(dir)
        .expect("the docx originals")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no original starting with {prefix}"));
    std::fs::read(entry.path()).expect("readable original")
}

/// What the Word reader makes of that original.
pub fn read_docx_original(prefix: &str) -> briefwissel_readers::Extracted {
    briefwissel_readers::docx::read(&docx_original(prefix)).expect("the original reads")
}
