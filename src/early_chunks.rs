//! The index file and chunks that a shared search link needs, fetched while the corpus head is still on its way.
//!
//! The index file's hash and the chunk table (first term and hash of each chunk) are compiled
//! into the app by build.rs, so a `?q=…` link requests them at once instead of one or two round
//! trips after the head.

use crate::browser::{self, Fetched};
use crate::chunked_explorer::ChunkedExplorer;
use briefwissel_corpus::artifact::{chunks_for_search, index_file_name};
use briefwissel_corpus::query::parse_query_string;
use briefwissel_corpus::Corpus;
use std::cell::RefCell;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/index_chunks.rs"));

/// A file fetched early: still on its way, or arrived before the explorer existed.
enum Early {
    Pending,
    Arrived(Result<Fetched, String>),
}

thread_local! {
    // The page's one thread; the bytes may be the browser's, which stay on it.
    static EARLY: RefCell<Vec<(String, Early)>> = const { RefCell::new(Vec::new()) };
}
static EXPLORER: OnceLock<&'static ChunkedExplorer> = OnceLock::new();

/// Starts fetching the index file and the chunks that the search text in `query_string` needs,
/// next to `head_url`.
pub fn start(query_string: &str, head_url: &str) {
    let text = parse_query_string(query_string, &Corpus::default()).0.text;
    if text.trim().is_empty() {
        return;
    }
    let first_terms: Vec<&str> = INDEX_CHUNKS.iter().map(|c| c.0).collect();
    let chunks = chunks_for_search(&first_terms, &text)
        .into_iter()
        .map(|c| INDEX_CHUNKS[c].1);
    for hash in std::iter::once(INDEX_FILE).chain(chunks) {
        let hash = hash.to_string();
        let name = index_file_name(&hash);
        let url = web_sys::Url::new_with_base(&name, head_url)
            .map(|u| u.href())
            .unwrap_or(name);
        with_early(|early| early.push((hash.clone(), Early::Pending)));
        wasm_bindgen_futures::spawn_local(async move {
            // The index file stays in the browser's buffer while it is read.
            let result = if hash == INDEX_FILE {
                browser::fetch_buffer(&url).await.map(Fetched::Browser)
            } else {
                browser::fetch_bytes(&url).await.map(Fetched::Here)
            };
            match EXPLORER.get() {
                Some(explorer) => explorer.take_early(&hash, result),
                None => with_early(|early| {
                    if let Some(entry) = early.iter_mut().find(|(h, _)| *h == hash) {
                        entry.1 = Early::Arrived(result);
                    }
                }),
            }
        });
    }
}

/// Hands the early files to the explorer: those that arrived now, those on their way later.
/// A failed early fetch is forgotten; the explorer asks again when a search needs the file.
pub fn attach(explorer: &'static ChunkedExplorer) {
    if EXPLORER.set(explorer).is_err() {
        return;
    }
    for (hash, early) in with_early(std::mem::take) {
        match early {
            Early::Pending => explorer.mark_requested(&hash),
            Early::Arrived(Ok(bytes)) => explorer.take_early(&hash, Ok(bytes)),
            Early::Arrived(Err(_)) => {}
        }
    }
}

fn with_early<T>(f: impl FnOnce(&mut Vec<(String, Early)>) -> T) -> T {
    EARLY.with(|early| f(&mut early.borrow_mut()))
}
