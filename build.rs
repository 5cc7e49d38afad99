//! Build step: parses `data/documents` with the corpus crate and writes the versioned artifact the app loads.
//!
//! Outputs:
//! * `$OUT_DIR/corpus.bin`, the whole artifact, embedded by the `embed-corpus` feature;
//! * `<target>/<profile dir>/briefwissel-corpus.bin`, the head of the split artifact, which the
//!   Trunk post-build hook (`trunk-hooks/place-artifact.sh`) copies into `dist/` under a
//!   content-hashed name, and `briefwissel-corpus-chunks/zoekindex-<hash>.bin`, its index file
//!   (terms, compound and chunk tables) and index chunks, and `tekst-<hash>.bin`, its text shards;
//! * `<target>/<profile dir>/briefwissel-originals/`, the PDF and Word files of the corpus' documents,
//!   which the hook copies to `dist/originals/` (the document page links to them);
//! * `<target>/<profile dir>/briefwissel-report.html`, the parse report page, which the hook copies
//!   to `dist/verantwoording.html` with the site's stylesheet name in place of `{REPORT_STYLESHEET}`;
//! * the env var `BRIEFWISSEL_ARTIFACT_HASH` (the hash in the head's name) for the app.

use briefwissel_corpus::artifact::{encode, encode_split, Bundle, CHUNK_TARGET_BYTES};
use briefwissel_corpus::hash::content_hash;
use briefwissel_corpus::original::original_path;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::report::ParseReport;
use briefwissel_corpus::report_html::report_page;
use briefwissel_corpus::texts::TEXT_SHARD_TARGET_BYTES;
use briefwissel_corpus::Severity;
use std::path::{Path, PathBuf};

/// Parsing a corpus allocates a lot: see [`briefwissel_corpus::BuildAllocator`].
#[global_allocator]
static ALLOCATOR: briefwissel_corpus::BuildAllocator = briefwissel_corpus::BuildAllocator;

/// Placeholder for the content-hashed stylesheet name, filled in by the Trunk hook.
const REPORT_STYLESHEET: &str = "@STYLESHEET@";

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    // The bundled corpus, or another folder (the benchmarks build the app against the scale corpus).
    println!("cargo:rerun-if-env-changed=BRIEFWISSEL_DOCUMENTS");
    let documents = std::env::var_os("BRIEFWISSEL_DOCUMENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("data").join("documents"));
    println!("cargo:rerun-if-changed={}", documents.display());
    println!("cargo:rerun-if-changed=build.rs");
    let output = match parse_paths(std::slice::from_ref(&documents)) {
        Ok(output) => output,
        Err(message) => {
            println!(
                "cargo:warning=cannot read {}: {message}",
                documents.display()
            );
            std::process::exit(1);
        }
    };
    // Nothing in the data folder is dropped in silence: the parse report's totals and every warning
    // and error show in the build output (`briefwissel check` prints the full report). With
    // BRIEFWISSEL_STRICT=1 (CI) an error, a file that could not be read, fails the build.
    println!("cargo:rerun-if-env-changed=BRIEFWISSEL_STRICT");
    let report = ParseReport::new(&output);
    for line in report.summary_lines(&output.corpus) {
        println!("cargo:warning={line}");
    }
    let strict = std::env::var("BRIEFWISSEL_STRICT").is_ok_and(|v| v == "1");
    if strict && report.count(Severity::Error) > 0 {
        println!("cargo:warning=BRIEFWISSEL_STRICT=1: the documents have errors (listed above); build stopped");
        std::process::exit(1);
    }
    let report_page = report_page(&report, &output.corpus, REPORT_STYLESHEET, &|file| {
        original_path(file, None)
    });
    // The PDF and Word originals the corpus was read from, by file name (the app links to them).
    let originals: Vec<String> = output
        .corpus
        .documents
        .iter()
        .map(|d| d.file.clone())
        .filter(|f| is_original(f))
        .collect();
    let bundle = Bundle::build(output.corpus);
    let split = encode_split(&bundle, CHUNK_TARGET_BYTES, TEXT_SHARD_TARGET_BYTES);
    let hash = content_hash(&split.head);
    println!("cargo:rustc-env=BRIEFWISSEL_ARTIFACT_HASH={hash}");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    write_or_exit(&out_dir.join("corpus.bin"), &encode(&bundle));
    write_or_exit(
        &out_dir.join("index_chunks.rs"),
        chunk_table(&split).as_bytes(),
    );
    if let Some(profile_dir) = profile_dir(&out_dir) {
        write_or_exit(&profile_dir.join("briefwissel-corpus.bin"), &split.head);
        write_or_exit(
            &profile_dir.join("briefwissel-corpus.hash"),
            hash.as_bytes(),
        );
        let chunks = profile_dir.join("briefwissel-corpus-chunks");
        let _ = std::fs::remove_dir_all(&chunks);
        if let Err(e) = std::fs::create_dir_all(&chunks) {
            println!("cargo:warning=cannot create {}: {e}", chunks.display());
            std::process::exit(1);
        }
        for chunk in std::iter::once(&split.index)
            .chain(&split.chunks)
            .chain(&split.texts)
        {
            write_or_exit(&chunks.join(&chunk.file_name), &chunk.bytes);
        }
        write_or_exit(
            &profile_dir.join("briefwissel-report.html"),
            report_page.as_bytes(),
        );
        copy_originals(
            &documents,
            &originals,
            &profile_dir.join("briefwissel-originals"),
        );
    }
}

/// The index file's hash and the first term and content hash of every index chunk, as Rust
/// constants: the app fetches what a search in a shared link needs before the head has arrived.
fn chunk_table(split: &briefwissel_corpus::artifact::SplitArtifact) -> String {
    let mut out = format!(
        "/// Content hash of the index file (terms, compounds, chunk table).\npub const INDEX_FILE: &str = {:?};\n",
        split.index.hash
    );
    out.push_str("/// (first term, content hash) of each index chunk, in term order.\n");
    out.push_str("pub const INDEX_CHUNKS: &[(&str, &str)] = &[\n");
    for chunk in &split.chunks {
        out.push_str(&format!(
            "    ({:?}, {:?}),\n",
            chunk.first_term, chunk.hash
        ));
    }
    out.push_str("];\n");
    out
}

/// `<target>/[<triple>/]<profile>` from `<that>/build/<pkg>-<hash>/out`.
fn profile_dir(out_dir: &Path) -> Option<PathBuf> {
    let build = out_dir.parent()?.parent()?;
    (build.file_name()? == "build").then(|| build.parent().map(Path::to_path_buf))?
}

fn is_original(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".pdf") || lower.ends_with(".docx")
}

/// Copies the originals named in `files` (found anywhere under `documents`) flat into `to`.
fn copy_originals(documents: &Path, files: &[String], to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    if let Err(e) = std::fs::create_dir_all(to) {
        println!("cargo:warning=cannot create {}: {e}", to.display());
        std::process::exit(1);
    }
    let mut stack = vec![documents.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if files.iter().any(|f| f == name) {
            if let Err(e) = std::fs::copy(&path, to.join(name)) {
                println!("cargo:warning=cannot copy {}: {e}", path.display());
                std::process::exit(1);
            }
        }
    }
}

fn write_or_exit(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        println!("cargo:warning=cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
