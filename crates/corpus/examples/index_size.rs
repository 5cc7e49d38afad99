//! Prints, as JSON, the raw byte sizes of the split artifact's head, its index file and the parts of that, its chunks and its text shards (bench/report.mjs shows them).
//! Usage: cargo run --release --example index_size -- DATA_DIR [PARTS_DIR]   (PARTS_DIR: also write each part there, for brotli sizes)

use briefwissel_corpus::artifact::{encode, encode_split, Bundle, CHUNK_TARGET_BYTES};
use briefwissel_corpus::columns::CorpusColumns;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::texts::{split_texts, TEXT_SHARD_TARGET_BYTES};
use serde::Serialize;
use std::path::PathBuf;

/// The postcard bytes of one value, as the artifact stores it.
fn postcard_bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: index_size DATA_DIR [PARTS_DIR]");
        std::process::exit(2);
    };
    let corpus = match parse_paths(&[PathBuf::from(dir)]) {
        Ok(out) => out.corpus,
        Err(e) => {
            eprintln!("cannot read {dir}: {e}");
            std::process::exit(1);
        }
    };
    let bundle = Bundle::build(corpus);
    let split = encode_split(&bundle, CHUNK_TARGET_BYTES, TEXT_SHARD_TARGET_BYTES);
    // The index file: the index with its posting lists moved out into chunks, a chunk table left.
    let mut head_index = bundle.index.clone();
    head_index.split_postings(CHUNK_TARGET_BYTES);

    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("head", split.head.clone()),
        (
            "corpus_columns",
            postcard_bytes(&CorpusColumns::from_corpus(
                &split_texts(&bundle.corpus, TEXT_SHARD_TARGET_BYTES).head,
            )),
        ),
        ("index_file", split.index.bytes.clone()),
        ("terms", postcard_bytes(&head_index.terms)),
        (
            "term_lengths",
            postcard_bytes(&lengths(&head_index.term_starts)),
        ),
        ("compounds", postcard_bytes(&head_index.compounds)),
        ("unit_lengths", postcard_bytes(&head_index.unit_lengths)),
        (
            "posting_lengths",
            postcard_bytes(&lengths(&head_index.posting_starts)),
        ),
        ("chunk_table", postcard_bytes(&head_index.chunks)),
        (
            "chunks",
            split
                .chunks
                .iter()
                .flat_map(|c| c.bytes.iter().copied())
                .collect(),
        ),
        (
            "texts",
            split
                .texts
                .iter()
                .flat_map(|c| c.bytes.iter().copied())
                .collect(),
        ),
        ("whole_artifact", encode(&bundle)),
    ];

    if let Some(parts_dir) = args.get(1).map(PathBuf::from) {
        if let Err(e) = std::fs::create_dir_all(&parts_dir) {
            eprintln!("cannot create {}: {e}", parts_dir.display());
            std::process::exit(1);
        }
        for (name, bytes) in &parts {
            let file = parts_dir.join(format!("{name}.bin"));
            if let Err(e) = std::fs::write(&file, bytes) {
                eprintln!("cannot write {}: {e}", file.display());
                std::process::exit(1);
            }
        }
    }

    let raw_bytes: serde_json::Map<String, serde_json::Value> = parts
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.len().into()))
        .collect();
    let report = serde_json::json!({
        "data_dir": dir,
        "chunk_target_bytes": CHUNK_TARGET_BYTES,
        "questions": bundle.corpus.questions.len(),
        "terms": head_index.term_count(),
        "chunk_count": split.chunks.len(),
        "largest_chunk_bytes": split.chunks.iter().map(|c| c.bytes.len()).max().unwrap_or(0),
        "raw_bytes": raw_bytes,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}

/// The lengths a table of starts is shipped as.
fn lengths(starts: &[u32]) -> Vec<u32> {
    briefwissel_corpus::search::shipped_numbers::lengths(starts).collect()
}
