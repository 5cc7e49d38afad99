//! What the readers' tests share: the real PDF originals of the data folder.

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
