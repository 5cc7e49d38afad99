//! The explorer in the page: runs queries and fetches the search index and the index chunks a search needs (then the rest in the background, when it is small), and the text shards of what is shown.

use crate::browser::{self, Fetched};
use crate::typing_hold::{PageTexts, TypingHold, TYPING_PAUSE};
use briefwissel_corpus::artifact::{
    decode_index_file, decode_text_shard, index_file_name, IndexFile,
};
use briefwissel_corpus::explore::{Explorer, Outcome};
use briefwissel_corpus::query::Query;
use briefwissel_corpus::search::index::chunks_to_prefetch;
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::texts::{text_file_name, Missing, Texts};
use leptos::prelude::*;
use std::sync::{Mutex, MutexGuard};

/// Where the index files stand, for the status line (and a search that waits for text shards).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ChunkStatus {
    /// Nothing is waited for.
    #[default]
    Idle,
    /// A search waits for the index or chunks of it.
    Loading,
    /// An index file could not be fetched or was damaged: the message says which and why.
    Failed(String),
}

/// An [`Explorer`] whose search index (the index file, then its chunks) arrives over the network
/// (or from the page, in the single-file build). A search that needs a missing file keeps
/// showing the last complete results, asks for the file, and runs again when it has arrived.
pub struct ChunkedExplorer {
    explorer: Explorer<'static>,
    /// The index file the explorer still needs, for a split artifact's head.
    index_file: Option<IndexFile>,
    /// Where index files are, resolved against the artifact's own address.
    base_url: String,
    /// Content hashes of the files whose fetch has started.
    requested: Mutex<Vec<String>>,
    /// Chunks that arrived before the index file, which says where they belong.
    waiting_chunks: Mutex<Vec<(String, Vec<u8>)>>,
    /// The last outcome that counted every text match.
    last_complete: Mutex<Option<Outcome>>,
    /// Notified when a file arrives, so the queries waiting for it run again.
    arrived: ArcTrigger,
    pub status: ArcRwSignal<ChunkStatus>,
    /// Notified when a text shard arrives or fails, so the texts waiting for it are drawn.
    texts_arrived: ArcTrigger,
    /// Text shards whose fetch failed, with what to say where their texts would stand: not
    /// asked for again until the query changes or a page is opened ([`ChunkedExplorer::retry_texts`]).
    failed_texts: Mutex<Vec<(usize, String)>>,
    /// The last query run, to tell a new query from a rerun.
    last_query: Mutex<Option<Query>>,
    /// The last query's outcome waits for text shards (a phrase is looked for in the texts).
    search_waits_for_texts: Mutex<bool>,
    /// Texts on screen wait while the reader types a search.
    typing: Mutex<TypingHold>,
    /// The list's page whose texts are on their way: the next page's follow once they are here.
    page_texts: Mutex<Option<PageTexts>>,
}

impl ChunkedExplorer {
    pub fn new(
        explorer: Explorer<'static>,
        index_file: Option<IndexFile>,
        base_url: String,
    ) -> ChunkedExplorer {
        ChunkedExplorer {
            explorer,
            index_file,
            base_url,
            requested: Mutex::new(Vec::new()),
            waiting_chunks: Mutex::new(Vec::new()),
            last_complete: Mutex::new(None),
            arrived: ArcTrigger::new(),
            status: ArcRwSignal::new(ChunkStatus::Idle),
            texts_arrived: ArcTrigger::new(),
            failed_texts: Mutex::new(Vec::new()),
            last_query: Mutex::new(None),
            search_waits_for_texts: Mutex::new(false),
            typing: Mutex::new(TypingHold::default()),
            page_texts: Mutex::new(None),
        }
    }

    /// The explorer's texts, wherever they are.
    pub fn texts(&'static self) -> &'static Texts<'static> {
        self.explorer.texts()
    }

    /// A text read by `read`, or the shard it waits for: the shard is asked for, and a reactive
    /// caller runs again when it has arrived or failed ([`ChunkedExplorer::text_failure`]).
    pub fn text<T>(
        &'static self,
        read: impl FnOnce(&'static Texts<'static>) -> Result<T, Missing>,
    ) -> Result<T, Missing> {
        read(self.explorer.texts()).inspect_err(|&shard| self.wait_for_text(shard))
    }

    /// See [`Explorer::is_on_cards`].
    pub fn is_on_cards(&self, document: usize) -> bool {
        self.explorer.is_on_cards(document)
    }

    /// A text waits for `shard`: ask for it, and run the caller again when it has arrived.
    #[inline(never)]
    fn wait_for_text(&'static self, shard: Missing) {
        self.texts_arrived.track();
        if !lock(&self.typing).holds_text() {
            self.want_texts(&[shard]);
        }
    }

    /// A keystroke in the search field: the texts of the cards wait until the typing pauses
    /// ([`TypingHold`]); then those still on screen are fetched.
    pub fn hold_texts_while_typing(&'static self) {
        let n = lock(&self.typing).keystroke();
        set_timeout(
            move || {
                let release = lock(&self.typing).pause_after(n);
                if let Some(release) = release {
                    if let Some(wanted) = release.wanted {
                        self.want_page_texts(wanted);
                    }
                    if release.ask_again {
                        self.texts_arrived.notify();
                    }
                }
            },
            TYPING_PAUSE,
        );
    }

    /// Why the texts of `shard` could not be loaded, if they could not.
    pub fn text_failure(&self, shard: Missing) -> Option<String> {
        let failed = lock(&self.failed_texts);
        failed
            .iter()
            .find(|(s, _)| *s == shard)
            .map(|(_, why)| why.clone())
    }

    /// Asks again for the texts that failed: when the reader searches, filters or opens a page.
    pub fn retry_texts(&self) {
        if !std::mem::take(&mut *lock(&self.failed_texts)).is_empty() {
            self.texts_arrived.notify();
        }
    }

    /// Asks for the texts of the list's page (its questions and their answers), then, once they
    /// are here, for those of the next page: on a slow connection the cards on screen do not
    /// share it with the next page. Texts here, on their way, or failed since the last query are
    /// not asked for again.
    pub fn want_page_texts(&'static self, wanted: PageTexts) {
        if lock(&self.typing).holds_list(&wanted) {
            return;
        }
        self.want_texts(&self.explorer.text_shards_of(&wanted.shown));
        *lock(&self.page_texts) = Some(wanted);
        self.want_next_page_texts();
    }

    /// The next page's texts, once those of the page are here (not while the reader types: the
    /// page may be gone with the next letter).
    fn want_next_page_texts(&'static self) {
        if lock(&self.typing).holding() {
            return;
        }
        let ready = lock(&self.page_texts)
            .as_ref()
            .is_some_and(|page| self.has_texts_of(&page.shown));
        let page = if ready {
            lock(&self.page_texts).take()
        } else {
            None
        };
        if let Some(page) = page {
            self.want_texts(&self.explorer.text_shards_of(&page.next));
        }
    }

    fn want_texts(&'static self, shards: &[usize]) {
        for &shard in shards {
            if self.text_failure(shard).is_some() {
                continue;
            }
            if let Some(file) = self.explorer.texts().files().get(shard) {
                self.fetch(file.hash.clone());
            }
        }
    }

    /// Whether the texts of `questions` and their answers are all here.
    pub fn has_texts_of(&self, questions: &[u32]) -> bool {
        self.explorer.text_shards_of(questions).is_empty()
    }

    /// Fetches every text shard that `questions` (and their answers) need and that is not here,
    /// one after the other, for a download; `Err` with the reason when one could not be loaded.
    pub async fn texts_of(&'static self, questions: &[u32]) -> Result<(), String> {
        self.retry_texts();
        let files = self.explorer.texts().files();
        for shard in self.explorer.text_shards_of(questions) {
            let hash = &files[shard].hash;
            // Fetched again even when another fetch of it is on its way: the download waits for it.
            let result = self.load(hash).await;
            self.finish(hash, result);
            if let Some(why) = self.text_failure(shard) {
                return Err(why);
            }
        }
        Ok(())
    }

    /// Runs `query`; reactive on arrivals. While the index or chunks are missing it returns the
    /// last complete outcome (or the incomplete one, when there is none or a file failed).
    pub fn run(&'static self, query: &Query) -> Outcome {
        self.arrived.track();
        // A new query asks again for the texts that failed (a rerun on an arrival does not).
        if lock(&self.last_query).as_ref() != Some(query) {
            *lock(&self.last_query) = Some(query.clone());
            self.retry_texts();
        }
        let outcome = self.explorer.run(query);
        *lock(&self.search_waits_for_texts) = !outcome.missing_text_shards.is_empty();
        if outcome.is_complete() {
            if self.status.with_untracked(|s| *s != ChunkStatus::Idle) {
                self.status.set(ChunkStatus::Idle);
            }
            *lock(&self.last_complete) = Some(outcome.clone());
            return outcome;
        }
        if let (true, Some(file)) = (outcome.waiting_for_index, &self.index_file) {
            self.fetch(file.hash.clone());
        }
        for &c in &outcome.missing_index_chunks {
            if let Some(chunk) = self.explorer.index_chunks().get(c) {
                self.fetch(chunk.hash.clone());
            }
        }
        self.want_texts(&outcome.missing_text_shards);
        if self
            .status
            .with_untracked(|s| matches!(s, ChunkStatus::Failed(_)))
        {
            return outcome;
        }
        self.status.set(ChunkStatus::Loading);
        lock(&self.last_complete).clone().unwrap_or(outcome)
    }

    /// Fetches the index file and then every chunk not asked for yet, one after the other, so
    /// that later searches are instant, unless the chunks are too large to keep in memory
    /// ([`chunks_to_prefetch`]): then each search loads the chunks it needs, and offline only
    /// the service worker's copy (when it keeps the content) serves those not searched yet.
    pub fn prefetch_all(&'static self) {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(file) = &self.index_file {
                self.get(&file.hash).await;
            }
            // The chunk table is known once the index file is in.
            let hashes: Vec<String> = chunks_to_prefetch(self.explorer.index_chunks())
                .iter()
                .map(|c| c.hash.clone())
                .collect();
            for hash in hashes {
                self.get(&hash).await;
            }
        });
    }

    /// A file fetched before the explorer existed is on its way: do not fetch it again.
    pub fn mark_requested(&self, hash: &str) {
        self.start(hash);
    }

    /// A file fetched before the explorer existed has arrived.
    pub fn take_early(&'static self, hash: &str, result: Result<Fetched, String>) {
        self.start(hash);
        self.finish(hash, result);
    }

    fn fetch(&'static self, hash: String) {
        if self.start(&hash) {
            wasm_bindgen_futures::spawn_local(async move {
                let result = self.load(&hash).await;
                self.finish(&hash, result);
            });
        }
    }

    /// Fetches a file and hands it over, in turn, unless it was asked for already.
    async fn get(&'static self, hash: &str) {
        if self.start(hash) {
            let result = self.load(hash).await;
            self.finish(hash, result);
        }
    }

    /// Marks the file as asked for; false when it already was.
    fn start(&self, hash: &str) -> bool {
        let mut requested = lock(&self.requested);
        if requested.iter().any(|h| h == hash) {
            return false;
        }
        requested.push(hash.to_string());
        true
    }

    async fn load(&self, hash: &str) -> Result<Fetched, String> {
        if let Some(text) = browser::element_text(&format!("briefwissel-chunk-{hash}")) {
            return crate::loader::decode_base64(&text)
                .map(Fetched::Here)
                .ok_or_else(|| format!("het ingebouwde bestand {hash} is beschadigd"));
        }
        let name = match self.text_shard(hash) {
            Some(_) => text_file_name(hash),
            None => index_file_name(hash),
        };
        let url = web_sys::Url::new_with_base(&name, &self.base_url)
            .map(|u| u.href())
            .unwrap_or(name);
        // The index file stays in the browser's buffer while it is read; the app keeps chunks
        // and text shards as they are.
        if self.index_file.as_ref().is_some_and(|f| f.hash == hash) {
            return browser::fetch_buffer(&url).await.map(Fetched::Browser);
        }
        browser::fetch_bytes(&url).await.map(Fetched::Here)
    }

    /// The text shard with this content hash, if it is one.
    fn text_shard(&self, hash: &str) -> Option<usize> {
        let files = self.explorer.texts().files();
        files.iter().position(|f| f.hash == hash)
    }

    fn finish(&'static self, hash: &str, result: Result<Fetched, String>) {
        let shard = self.text_shard(hash);
        // A card's text arriving reruns no search; a phrase search waiting for it does.
        let search_waits = shard.is_none() || *lock(&self.search_waits_for_texts);
        match result.and_then(|bytes| self.add(hash, shard, bytes)) {
            Ok(true) => {
                if shard.is_some() {
                    self.texts_arrived.notify();
                    self.want_next_page_texts();
                }
                if search_waits {
                    self.arrived.notify();
                }
            }
            Ok(false) => {}
            Err(why) => {
                lock(&self.requested).retain(|h| h != hash);
                // No rerun now (that would retry at once, forever, when offline); the next
                // search or filter asks for the file again.
                if let Some(shard) = shard {
                    lock(&self.failed_texts).push((shard, format!(
                        "De tekst kon niet worden geladen ({why}). Probeer het opnieuw als u weer verbinding hebt."
                    )));
                    self.texts_arrived.notify();
                }
                if search_waits {
                    let what = match shard {
                        Some(_) => "de teksten",
                        None => "de zoekindex",
                    };
                    self.status.set(ChunkStatus::Failed(format!(
                        "Een deel van {what} kon niet worden geladen ({why}). Zoekresultaten zijn onvolledig; zoek opnieuw als u weer verbinding hebt."
                    )));
                }
            }
        }
    }

    /// Hands a file's bytes to the explorer (text shard `shard`, or a part of the index);
    /// `Ok(true)` when it was new.
    fn add(&self, hash: &str, shard: Option<usize>, bytes: Fetched) -> Result<bool, String> {
        if let Some(shard) = shard {
            let texts = self.explorer.texts();
            let bytes = bytes.into_vec();
            return texts.add_shard(shard, decode_text_shard(&texts.files()[shard], &bytes)?);
        }
        if let Some(file) = self.index_file.as_ref().filter(|f| f.hash == hash) {
            let index = decode_index_file(file, &bytes)?;
            // Its room is free again for the reader and the search that follow.
            drop(bytes);
            // The page keeps its index until it closes, as it keeps the corpus.
            let index: &'static SearchIndex = Box::leak(Box::new(index));
            self.explorer.set_index(index)?;
            for (chunk, bytes) in std::mem::take(&mut *lock(&self.waiting_chunks)) {
                if self.add(&chunk, None, Fetched::Here(bytes)).is_err() {
                    // Asked for again by the next search that needs it.
                    lock(&self.requested).retain(|h| *h != chunk);
                }
            }
            return Ok(true);
        }
        if !self.explorer.has_index() {
            lock(&self.waiting_chunks).push((hash.to_string(), bytes.into_vec()));
            return Ok(false);
        }
        match self
            .explorer
            .index_chunks()
            .iter()
            .position(|c| c.hash == hash)
        {
            Some(c) => self.explorer.add_index_chunk(c, bytes.into_vec()),
            None => Err(format!("zoekindexdeel {hash} hoort niet bij dit corpus")),
        }
    }
}

/// The page has one thread, so a lock is never contended; a poisoned one is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
