//! The worker's entry point, given the published head, its text shards and the data folder's files as bytes, reads them as the build does: every file is already there, and the corpus it hands back is the published one.

use briefwissel_corpus::artifact::{self, Bundle, SplitArtifact, CHUNK_TARGET_BYTES};
use briefwissel_corpus::own_documents::Step;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::texts::TEXT_SHARD_TARGET_BYTES;
use briefwissel_reader_worker::{read_own_documents, text_file_names};
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("the data folder is readable") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "pdf" | "docx")
        ) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read(&path).expect("a document is readable")));
        }
    }
}

#[test]
fn every_data_file_handed_to_the_worker_is_already_in_briefwissel_and_the_corpus_comes_back_unchanged(
) {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
    let build = parse_paths(std::slice::from_ref(&data)).expect("the corpus parses");
    let split = published(&build.corpus);
    let head = &split.head;
    let names_of_texts: Vec<String> = split.texts.iter().map(|t| t.file_name.clone()).collect();
    assert_eq!(text_file_names(head), Ok(names_of_texts));
    let texts: Vec<Vec<u8>> = split.texts.iter().map(|t| t.bytes.clone()).collect();
    let mut files = Vec::new();
    files_under(&data, &mut files);
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut started = Vec::new();
    let mut steps = Vec::new();
    let back = read_own_documents(head, &texts, files, &mut |step| match step {
        Step::Reading(name) => started.push(name.to_string()),
        other => steps.push(format!("{other:?}")),
    })
    .expect("the published artifact reads");
    assert_eq!(steps, ["Merging", "Indexing"], "merged once, then indexed");
    started.sort();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        started, sorted,
        "every file's reading is announced once, by its own name"
    );

    let report: serde_json::Value = serde_json::from_str(&back.report).expect("the report is JSON");
    let report = report.as_array().expect("one entry per file");
    assert_eq!(report.len(), names.len());
    for (entry, name) in report.iter().zip(&names) {
        assert_eq!(entry["naam"], name.as_str());
        assert_eq!(entry["status"], "staat-al-in-briefwissel", "{entry}");
    }
    let merged = artifact::decode(&back.artifact).expect("the worker's artifact reads");
    assert_eq!(
        serde_json::to_string(&merged.corpus).unwrap(),
        serde_json::to_string(&build.corpus).unwrap()
    );
    assert!(merged.index.term_count() > 0, "the search index is inside");
}

#[test]
fn a_damaged_published_artifact_is_said_in_dutch() {
    let Err(message) = read_own_documents(b"BRFW", &[], Vec::new(), &mut |_| {}) else {
        panic!("a four-byte artifact cannot be read")
    };
    assert!(
        message.starts_with("Het gepubliceerde corpus kan niet worden gelezen"),
        "{message}"
    );
}

/// The head and text shards the site ships.
fn published(corpus: &briefwissel_corpus::Corpus) -> SplitArtifact {
    let bundle = Bundle::build(corpus.clone());
    artifact::encode_split(&bundle, CHUNK_TARGET_BYTES, TEXT_SHARD_TARGET_BYTES)
}

#[test]
fn a_missing_or_damaged_text_shard_is_said_in_dutch_and_nothing_is_read() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
    let build = parse_paths(std::slice::from_ref(&data)).expect("the corpus parses");
    let split = published(&build.corpus);
    let mut texts: Vec<Vec<u8>> = split.texts.iter().map(|t| t.bytes.clone()).collect();
    assert!(texts.len() > 1, "today's corpus has several text shards");
    let last = texts.pop().expect("one shard at least");
    let Err(missing) = read_own_documents(&split.head, &texts, Vec::new(), &mut |_| {}) else {
        panic!("one text shard short cannot be read")
    };
    assert!(
        missing.starts_with("Het gepubliceerde corpus kan niet worden gelezen")
            && missing.contains(&format!(
                "{} tekstdelen verwacht, {} ontvangen",
                texts.len() + 1,
                texts.len()
            )),
        "{missing}"
    );
    let mut damaged = last;
    damaged[0] ^= 1;
    texts.push(damaged);
    let Err(message) = read_own_documents(&split.head, &texts, Vec::new(), &mut |_| {}) else {
        panic!("a damaged text shard cannot be read")
    };
    let hash = &split.texts[texts.len() - 1].hash;
    assert!(
        message.contains("tekstdeel") && message.contains(hash.as_str()),
        "{message}"
    );
}
