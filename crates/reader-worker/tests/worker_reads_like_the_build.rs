//! The worker's entry point, given the published artifact and the data folder's files as bytes, reads them as the build does: every file is already there, and the corpus it hands back is the published one.

use briefwissel_corpus::artifact::{self, Bundle};
use briefwissel_corpus::own_documents::Step;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_reader_worker::read_own_documents;
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
    let head = artifact::encode(&Bundle::build(build.corpus.clone()));
    let mut files = Vec::new();
    files_under(&data, &mut files);
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut started = Vec::new();
    let mut steps = Vec::new();
    let back = read_own_documents(&head, files, &mut |step| match step {
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
    let Err(message) = read_own_documents(b"BRFW", Vec::new(), &mut |_| {}) else {
        panic!("a four-byte artifact cannot be read")
    };
    assert!(
        message.starts_with("Het gepubliceerde corpus kan niet worden gelezen"),
        "{message}"
    );
}
