//! Files handed over as bytes (as a browser hands over dropped files) parse exactly as the build parses the data folder, in any order, with the build's messages.

mod common;

use briefwissel_corpus::parse::sources::{SourceFile, Sources, MAX_FILE_BYTES};
use briefwissel_corpus::parse::{parse_paths, parse_sources};
use briefwissel_corpus::Severity;

/// Every document of the data folder as bytes, in reverse order of name.
fn dropped_files() -> Vec<SourceFile> {
    let mut files = common::data_files();
    files.sort_by(|a, b| b.name.cmp(&a.name));
    files
}

#[test]
fn the_data_folder_handed_over_as_bytes_in_reverse_order_parses_exactly_as_the_build_parses_it() {
    let build = common::parsed_corpus();
    let files = dropped_files();
    assert!(
        files.len() >= 60,
        "the data folder holds the corpus ({} files)",
        files.len()
    );
    let dropped = parse_sources(Sources {
        files,
        skipped: Vec::new(),
    })
    .expect("the registry files are sound");
    assert_eq!(
        serde_json::to_string(&dropped.corpus).unwrap(),
        serde_json::to_string(&build.corpus).unwrap()
    );
    let said = |out: &briefwissel_corpus::parse::ParseOutput| -> Vec<String> {
        out.diagnostics
            .iter()
            .map(|d| format!("{} {:?} {:?} {}", d.file, d.line, d.severity, d.message))
            .collect()
    };
    assert_eq!(said(&dropped), said(&build));
}

#[test]
fn a_dropped_file_the_build_refuses_gets_the_build_s_message_naming_it() {
    let dir = std::env::temp_dir().join(format!("briefwissel-dropped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("antwoord.doc"), b"\xd0\xcf\x11\xe0 old Word").unwrap();
    let from_disk = parse_paths(std::slice::from_ref(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).ok();

    let shown = dir.join("antwoord.doc").display().to_string();
    let dropped = parse_sources(Sources {
        files: vec![
            SourceFile {
                name: "antwoord.doc".into(),
                shown: shown.clone(),
                bytes: b"\xd0\xcf\x11\xe0 old Word".to_vec(),
            },
            SourceFile {
                name: "groot.pdf".into(),
                shown: "groot.pdf".into(),
                bytes: vec![b' '; MAX_FILE_BYTES as usize + 1],
            },
        ],
        skipped: Vec::new(),
    })
    .unwrap();
    assert!(dropped.corpus.documents.is_empty());
    let doc = &dropped.diagnostics[0];
    assert_eq!(doc.message, from_disk.diagnostics[0].message);
    assert!(
        doc.message.starts_with(&shown) && doc.message.contains(".docx"),
        "{}",
        doc.message
    );
    let large = &dropped.diagnostics[1];
    assert_eq!(
        (large.file.as_str(), large.severity),
        ("groot.pdf", Severity::Error)
    );
    assert!(
        large.message.contains("meer dan de grens van 64 MB"),
        "{}",
        large.message
    );
}
