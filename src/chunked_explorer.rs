//! The explorer in the page: runs queries and fetches the search-index chunks a search needs, then all the rest in the background.

use crate::browser;
use briefwissel_corpus::explore::{Explorer, Outcome};
use briefwissel_corpus::query::Query;
use leptos::prelude::*;
use std::sync::{Mutex, MutexGuard};

/// Where the index chunks stand, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ChunkStatus {
    /// Nothing is waited for.
    #[default]
    Idle,
    /// A search waits for chunks of the index.
    Loading,
    /// A chunk could not be fetched or was damaged: the message says which and why.
    Failed(String),
}

/// An [`Explorer`] whose index chunks arrive over the network (or from the page, in the
/// single-file build). A search that needs a missing chunk keeps showing the last complete
/// results, asks for the chunk, and runs again when it has arrived.
pub struct ChunkedExplorer {
    explorer: Explorer<'static>,
    /// Where chunk files are, resolved against the artifact's own address.
    base_url: String,
    /// Per chunk: its fetch has started.
    requested: Mutex<Vec<bool>>,
    /// The last outcome that counted every text match.
    last_complete: Mutex<Option<Outcome>>,
    /// Notified when a chunk arrives, so the queries waiting for it run again.
    arrived: ArcTrigger,
    pub status: ArcRwSignal<ChunkStatus>,
}

impl ChunkedExplorer {
    pub fn new(explorer: Explorer<'static>, base_url: String) -> ChunkedExplorer {
        let chunks = explorer.index_chunks().len();
        ChunkedExplorer {
            explorer,
            base_url,
            requested: Mutex::new(vec![false; chunks]),
            last_complete: Mutex::new(None),
            arrived: ArcTrigger::new(),
            status: ArcRwSignal::new(ChunkStatus::Idle),
        }
    }

    /// Runs `query`; reactive on chunk arrivals. While chunks are missing it returns the last
    /// complete outcome (or the incomplete one, when there is none or a chunk failed).
    pub fn run(&'static self, query: &Query) -> Outcome {
        self.arrived.track();
        let outcome = self.explorer.run(query);
        if outcome.missing_index_chunks.is_empty() {
            if self.status.with_untracked(|s| *s == ChunkStatus::Loading) {
                self.status.set(ChunkStatus::Idle);
            }
            *lock(&self.last_complete) = Some(outcome.clone());
            return outcome;
        }
        for &c in &outcome.missing_index_chunks {
            self.fetch(c);
        }
        if self
            .status
            .with_untracked(|s| matches!(s, ChunkStatus::Failed(_)))
        {
            return outcome;
        }
        self.status.set(ChunkStatus::Loading);
        lock(&self.last_complete).clone().unwrap_or(outcome)
    }

    /// Fetches every chunk not asked for yet, one after the other, so that later searches are
    /// instant and (with the service worker's cache) work offline.
    pub fn prefetch_all(&'static self) {
        wasm_bindgen_futures::spawn_local(async move {
            let count = self.explorer.index_chunks().len();
            for c in 0..count {
                if !self.start(c) {
                    continue;
                }
                let result = self.load(c).await;
                self.finish(c, result);
            }
        });
    }

    /// The chunk with this content hash.
    fn chunk_by_hash(&self, hash: &str) -> Option<usize> {
        self.explorer
            .index_chunks()
            .iter()
            .position(|c| c.hash == hash)
    }

    /// A chunk fetched before the explorer existed is on its way: do not fetch it again.
    pub fn mark_requested(&self, hash: &str) {
        if let Some(c) = self.chunk_by_hash(hash) {
            self.start(c);
        }
    }

    /// A chunk fetched before the explorer existed has arrived.
    pub fn take_early(&self, hash: &str, result: Result<Vec<u8>, String>) {
        if let Some(c) = self.chunk_by_hash(hash) {
            self.start(c);
            self.finish(c, result);
        }
    }

    fn fetch(&'static self, c: usize) {
        if self.start(c) {
            wasm_bindgen_futures::spawn_local(async move {
                let result = self.load(c).await;
                self.finish(c, result);
            });
        }
    }

    /// Marks chunk `c` as asked for; false when it already was.
    fn start(&self, c: usize) -> bool {
        let mut requested = lock(&self.requested);
        match requested.get_mut(c) {
            Some(done) if !*done => {
                *done = true;
                true
            }
            _ => false,
        }
    }

    async fn load(&self, c: usize) -> Result<Vec<u8>, String> {
        let chunk = &self.explorer.index_chunks()[c];
        if let Some(text) = browser::element_text(&format!("briefwissel-chunk-{}", chunk.hash)) {
            return crate::loader::decode_base64(&text).ok_or_else(|| {
                format!("het ingebouwde zoekindexdeel {} is beschadigd", chunk.hash)
            });
        }
        let name = briefwissel_corpus::artifact::chunk_file_name(chunk);
        let url = web_sys::Url::new_with_base(&name, &self.base_url)
            .map(|u| u.href())
            .unwrap_or(name);
        browser::fetch_bytes(&url).await
    }

    fn finish(&self, c: usize, result: Result<Vec<u8>, String>) {
        let added = result.and_then(|bytes| self.explorer.add_index_chunk(c, bytes));
        match added {
            Ok(true) => self.arrived.notify(),
            Ok(false) => {}
            Err(why) => {
                if let Some(done) = lock(&self.requested).get_mut(c) {
                    *done = false;
                }
                // No rerun now (that would retry at once, forever, when offline); the next
                // search asks for the chunk again.
                self.status.set(ChunkStatus::Failed(format!(
                    "Een deel van de zoekindex kon niet worden geladen ({why}). Zoekresultaten zijn onvolledig; zoek opnieuw als u weer verbinding hebt."
                )));
            }
        }
    }
}

/// The page has one thread, so a lock is never contended; a poisoned one is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
