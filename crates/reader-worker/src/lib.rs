//! The reader worker: documents a reader adds in the browser, read by the build's parser and merged into the published corpus.
//!
//! [`read_own_documents`] is plain Rust (the native tests call it); the wasm export of the same
//! name is what `public/lezer/werker.js` calls in a Web Worker. The app shell never contains this
//! code: it is a wasm module of its own, fetched when somebody adds a document.

use briefwissel_corpus::artifact::{self, Bundle};
use briefwissel_corpus::own_documents::{add_documents, FileOutcome, Outcome, Step};
use briefwissel_corpus::parse::sources::SourceFile;
use briefwissel_corpus::texts::{fill_texts, text_file_name};
use serde_json::{json, Value};

/// What the worker hands back: the merged corpus as an artifact the app loads like its own (with
/// the search index inside), and what became of every file, as JSON for the page.
pub struct ReadBack {
    pub artifact: Vec<u8>,
    pub report: String,
}

/// The file names of the text shards `published_head` names ([`text_file_name`]), in its table's
/// order: [`read_own_documents`] needs them all. Empty when the texts are in the head.
pub fn text_file_names(published_head: &[u8]) -> Result<Vec<String>, String> {
    let published = artifact::decode(published_head).map_err(unreadable)?;
    let files = published.text_table.map(|t| t.files).unwrap_or_default();
    Ok(files.iter().map(|f| text_file_name(&f.hash)).collect())
}

/// Reads `files` (name and bytes) into the corpus of `published_head` (the artifact the app
/// loaded) with its `texts` (the bytes of the files [`text_file_names`] names, in that order),
/// telling `on_step` where it is (each file's reading, the merge, the index). `Err` with a Dutch
/// message when the published artifact or one of its text shards cannot be read.
pub fn read_own_documents(
    published_head: &[u8],
    texts: &[Vec<u8>],
    files: Vec<(String, Vec<u8>)>,
    on_step: &mut dyn FnMut(Step),
) -> Result<ReadBack, String> {
    let mut published = artifact::decode(published_head).map_err(unreadable)?;
    let table = published.text_table.take().unwrap_or_default();
    if texts.len() != table.files.len() {
        return Err(unreadable(format!(
            "{} tekstdelen verwacht, {} ontvangen",
            table.files.len(),
            texts.len()
        )));
    }
    let mut all = Vec::new();
    for (file, bytes) in table.files.iter().zip(texts) {
        all.extend(artifact::decode_text_shard(file, bytes).map_err(unreadable)?);
    }
    // Once for all shards: every fill walks the whole corpus.
    fill_texts(&mut published.corpus, all).map_err(unreadable)?;
    let files = files
        .into_iter()
        .map(|(name, bytes)| SourceFile {
            shown: name.clone(),
            name,
            bytes,
        })
        .collect();
    let added = add_documents(&published.corpus, files, on_step)?;
    let report = Value::Array(added.files.iter().map(outcome_json).collect()).to_string();
    on_step(Step::Indexing);
    Ok(ReadBack {
        artifact: artifact::encode(&Bundle::build(added.corpus)),
        report,
    })
}

fn unreadable(why: impl std::fmt::Display) -> String {
    format!("Het gepubliceerde corpus kan niet worden gelezen: {why}.")
}

/// The build's refusal of a file of `size` bytes over the size limit, as the page shows it.
pub fn too_large(name: &str, size: u64) -> Option<String> {
    briefwissel_corpus::parse::sources::too_large(name, size).map(|d| d.to_string())
}

/// One file's outcome for the page: `status` is `toegevoegd`, `staat-al-in-briefwissel` or
/// `geweigerd`.
fn outcome_json(file: &FileOutcome) -> Value {
    let mut v = match &file.result {
        Outcome::Added {
            document_id,
            questions,
        } => json!({"status": "toegevoegd", "document": document_id, "vragen": questions}),
        Outcome::AlreadyPublished {
            document_id,
            title,
            why,
        } => {
            json!({"status": "staat-al-in-briefwissel", "document": document_id, "titel": title, "waarom": why})
        }
        Outcome::Refused(message) => json!({"status": "geweigerd", "melding": message}),
    };
    v["naam"] = json!(file.name);
    v["meldingen"] = json!(file.messages);
    v
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::Step;
    use wasm_bindgen::prelude::*;

    /// The names of the text shards to fetch (relative to the head) before reading.
    #[wasm_bindgen(js_name = textFileNames)]
    pub fn text_file_names(published_head: &[u8]) -> Result<Vec<String>, JsValue> {
        super::text_file_names(published_head).map_err(|e| JsValue::from_str(&e))
    }

    /// `[artifact: Uint8Array, report: string]`; throws a message string when the published
    /// corpus cannot be read. `texts` are the files [`text_file_names`] names, in order.
    /// `on_step(step, name)` is called as each step starts: `lezen` (with the file's name),
    /// `samenvoegen`, `indexeren`.
    #[wasm_bindgen(js_name = readOwnDocuments)]
    pub fn read_own_documents(
        published_head: &[u8],
        texts: Vec<js_sys::Uint8Array>,
        names: Vec<String>,
        files: Vec<js_sys::Uint8Array>,
        on_step: &js_sys::Function,
    ) -> Result<js_sys::Array, JsValue> {
        let files = names
            .into_iter()
            .zip(files.iter().map(|f| f.to_vec()))
            .collect();
        let mut tell = |step: Step| {
            let (kind, name) = match step {
                Step::Reading(name) => ("lezen", name),
                Step::Merging => ("samenvoegen", ""),
                Step::Indexing => ("indexeren", ""),
            };
            let _ = on_step.call2(
                &JsValue::NULL,
                &JsValue::from_str(kind),
                &JsValue::from_str(name),
            );
        };
        let texts: Vec<Vec<u8>> = texts.iter().map(|t| t.to_vec()).collect();
        let back = super::read_own_documents(published_head, &texts, files, &mut tell)
            .map_err(|e| JsValue::from_str(&e))?;
        let out = js_sys::Array::new();
        out.push(&js_sys::Uint8Array::from(&back.artifact[..]));
        out.push(&JsValue::from_str(&back.report));
        Ok(out)
    }

    /// The build's message for a file of `size` bytes that is over the size limit, else `undefined`
    /// (the page does not read such a file into memory at all).
    #[wasm_bindgen(js_name = tooLarge)]
    pub fn too_large(name: &str, size: f64) -> Option<String> {
        super::too_large(name, size as u64)
    }
}
