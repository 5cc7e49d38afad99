//! A publication that arrives twice, as a text extract and as its PDF original, gives one record, built from the original.

use briefwissel_corpus::parse::parse_paths;
use std::path::Path;
use std::process::Command;

#[test]
fn a_text_extract_of_a_pdf_in_the_same_folder_is_set_aside_with_a_warning_naming_it() {
    let dir = std::env::temp_dir().join(format!("briefwissel-one-record-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let original = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents/originals/pdf/1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf");
    std::fs::copy(&original, dir.join("aanhangsel-1178.pdf")).expect("copy");
    // The extract as a publisher's tool makes it, with its page furniture and glued markers.
    let status = Command::new("pdftotext")
        .arg(&original)
        .arg(dir.join("aanhangsel-1178-extract.txt"))
        .status()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    assert!(status.success());

    let out = parse_paths(std::slice::from_ref(&dir)).expect("the folder is read");
    let _ = std::fs::remove_dir_all(&dir);

    let files: Vec<&str> = out
        .corpus
        .documents
        .iter()
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        files,
        ["aanhangsel-1178.pdf"],
        "one record, from the original"
    );
    // Aanhangsel 1178 prints nine questions (Vraag 1 to 9), each answered.
    assert_eq!(out.corpus.questions.len(), 9);
    assert_eq!(out.corpus.answers.len(), 9);
    let warning = out
        .diagnostics
        .iter()
        .find(|d| d.file == "aanhangsel-1178-extract.txt" && d.message.contains("terzijde gelegd"))
        .expect("a diagnostic names the file that was set aside");
    assert!(warning.message.contains("aanhangsel-1178.pdf"), "{warning}");
    let others = out
        .diagnostics
        .iter()
        .filter(|d| d.file == "aanhangsel-1178-extract.txt")
        .count();
    assert_eq!(
        others, 1,
        "only the set-aside warning is left for the extract"
    );
}
