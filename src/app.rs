//! The app frame: loads the corpus, keeps the URL as the state, intercepts in-app links and picks the view.

use crate::browser;
use crate::chunked_explorer::{ChunkStatus, ChunkedExplorer};
use crate::early_chunks;
use crate::format;
use crate::loader;
use crate::routing::{Here, Mode, Route};
use crate::views::{
    document::DocumentPage, list::ListPage, overview::OverviewPage, question::QuestionPage,
};
use briefwissel_corpus::artifact::Bundle;
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::Corpus;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// One loaded corpus with its explorer and lookup, kept for the rest of the page's life.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub corpus: &'static Corpus,
    pub explorer: &'static ChunkedExplorer,
    pub lookup: &'static CorpusLookup<'static>,
    /// Counts the corpora loaded in this page: keys that must change with the corpus include it.
    pub generation: u32,
}

impl Loaded {
    /// Keeps a bundle for the rest of the page's life; its index file and chunks (if it is a
    /// split artifact's head) are fetched relative to `artifact_url`.
    pub fn from_bundle(bundle: Bundle, artifact_url: String) -> Loaded {
        let bundle: &'static Bundle = Box::leak(Box::new(bundle));
        let explorer = match &bundle.index_file {
            Some(_) => Explorer::waiting_for_index(&bundle.corpus),
            None => Explorer::new(&bundle.corpus, &bundle.index),
        };
        // Answer terms count to the reader's date, so that a copy kept offline stays right.
        let mut explorer = match crate::browser::today() {
            Some(today) => explorer.with_today(today),
            None => explorer,
        };
        // A split artifact's head: the texts come in shards, for what is shown. Decoding the
        // head checked that its table fits, so this cannot fail; if it did, it would be said.
        if let Some(Err(why)) = bundle
            .text_table
            .clone()
            .map(|t| explorer.set_text_table(t))
        {
            web_sys::console::warn_2(&"Briefwissel: teksten niet gevonden".into(), &why.into());
        }
        let explorer: &'static ChunkedExplorer = Box::leak(Box::new(ChunkedExplorer::new(
            explorer,
            bundle.index_file.clone(),
            artifact_url,
        )));
        early_chunks::attach(explorer);
        static LOADED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        Loaded {
            generation: LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            corpus: &bundle.corpus,
            explorer,
            lookup: Box::leak(Box::new(CorpusLookup::new(&bundle.corpus))),
        }
    }
}

/// The corpus the views show. Own documents replace it in place ([`Data::replace`]): the views
/// stay, and what reads the corpus in a reactive closure follows, so only what changed is redrawn.
#[derive(Clone, Copy)]
pub struct Data {
    current: RwSignal<Loaded>,
}

impl Data {
    pub fn new(loaded: Loaded) -> Data {
        Data {
            current: RwSignal::new(loaded),
        }
    }

    pub fn corpus(&self) -> &'static Corpus {
        self.current.with(|l| l.corpus)
    }

    pub fn explorer(&self) -> &'static ChunkedExplorer {
        self.current.with(|l| l.explorer)
    }

    pub fn lookup(&self) -> &'static CorpusLookup<'static> {
        self.current.with(|l| l.lookup)
    }

    pub fn generation(&self) -> u32 {
        self.current.with(|l| l.generation)
    }

    pub fn replace(&self, loaded: Loaded) {
        self.current.set(loaded);
    }
}

/// Loading state of the corpus.
#[derive(Clone)]
pub enum Load {
    Loading,
    Failed(String),
    Ready(Data),
}

/// Navigation: the routing mode and the current place, which every view reads.
#[derive(Clone, Copy)]
pub struct Nav {
    pub mode: StoredValue<Mode>,
    pub here: RwSignal<Here>,
}

impl Nav {
    /// The navigation the app provides to every view under it.
    // Not `expect_context`: its message formats the type's name with `Debug`, which links the
    // standard library's escaping of strings and its tables of printable characters into the wasm.
    pub fn current() -> Nav {
        use_context::<Nav>().expect("the app provides Nav to its views")
    }

    /// The href of a route with an explorer query string.
    pub fn href(&self, route: &Route, query: &str) -> String {
        self.mode.with_value(|m| m.href(route, query))
    }

    /// The address of a document's original (PDF at `page`, if known); `None` for a text file and
    /// in the single file, which does not carry the originals.
    pub fn original_href(&self, file: &str, page: Option<u32>) -> Option<String> {
        let path = format::original_path(file, page)?;
        self.mode.with_value(|m| m.file_href(&path))
    }

    /// Goes to a URL of this app; `push` adds a history entry (filter changes), else replaces (typing).
    pub fn go(&self, url: &str, push: bool) {
        browser::set_url(url, push);
        self.sync();
    }

    /// Re-reads the browser's location (after back/forward or a URL change).
    pub fn sync(&self) {
        let here = self.mode.with_value(browser::current_here);
        if self.here.with_untracked(|h| *h != here) {
            self.here.set(here);
        }
    }
}

/// Mounts the app on the page body and starts loading the corpus.
pub fn start() {
    let load = RwSignal::new(Load::Loading);
    leptos::mount::mount_to_body(move || view! { <App load=load/> });
    begin_loading(load);
}

/// Mounts the app into `parent` with artifact bytes already at hand (used by the browser tests).
pub fn mount_with_artifact(parent: web_sys::HtmlElement, bytes: &[u8]) {
    let load = RwSignal::new(match loader::bundle_from_bytes(bytes) {
        Ok(bundle) => Load::Ready(Data::new(Loaded::from_bundle(
            bundle,
            browser::resolve_url("./"),
        ))),
        Err(message) => Load::Failed(message),
    });
    leptos::mount::mount_to(parent, move || view! { <App load=load/> }).forget();
}

fn begin_loading(load: RwSignal<Load>) {
    let finish = move |bundle: Result<Bundle, String>, url: String| {
        // Own documents (kept on this device) may have come first, merged into this corpus.
        if load.with_untracked(|l| matches!(l, Load::Ready(_))) {
            return;
        }
        let state = match bundle {
            Ok(bundle) => {
                let loaded = Loaded::from_bundle(bundle, url);
                // The rest of the search index comes after the first results are on screen.
                set_timeout(
                    move || loaded.explorer.prefetch_all(),
                    std::time::Duration::from_millis(PREFETCH_DELAY_MS),
                );
                Load::Ready(Data::new(loaded))
            }
            Err(message) => Load::Failed(message),
        };
        load.set(state);
    };
    let here = browser::resolve_url("./");
    if let Some(bytes) = loader::embedded() {
        finish(loader::bundle_from_bytes(bytes), here);
        return;
    }
    if let Some(text) = browser::element_text(loader::INLINE_DATA_ID) {
        finish(
            loader::decode_base64(&text)
                .ok_or_else(|| "Het ingebouwde corpus is beschadigd.".to_string())
                .and_then(|bytes| loader::bundle_from_bytes(&bytes)),
            here,
        );
        return;
    }
    let url = browser::link_href(loader::PRELOAD_LINK_ID)
        .filter(|href| !href.is_empty())
        .unwrap_or_else(|| browser::resolve_url(&loader::artifact_file_name()));
    let query = browser::current_here(&browser::detect_mode()).query;
    early_chunks::start(&query, &url);
    listen_for_own_documents(load, url.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let bundle = browser::fetch_buffer(&url)
            .await
            .map_err(|e| format!("Het corpus kan niet worden opgehaald ({e})."))
            .and_then(|bytes| loader::bundle_from(&bytes));
        finish(bundle, url);
    });
}

/// Documents added on this device (`public/lezer/eigen.js`) arrive as a whole artifact, the
/// published corpus with them merged in (or the published one again when they are removed), in
/// a `briefwissel-eigen` event. It is decoded in that event's task, its explorer is built in the
/// next and it replaces the shown corpus in the one after ([`Data::replace`]): the views and the
/// URL's filters stay, and a reader's keystroke waits for one of the three at most.
fn listen_for_own_documents(load: RwSignal<Load>, url: String) {
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    // Counts the hand-overs: one that a later one overtook is dropped, whatever the timers do.
    static HANDED: AtomicU32 = AtomicU32::new(0);
    let on_corpus =
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let this = HANDED.fetch_add(1, Relaxed) + 1;
            let latest = move || HANDED.load(Relaxed) == this;
            let bytes = browser::JsBytes(js_sys::Uint8Array::new(&event.detail()));
            let Ok(bundle) = loader::bundle_from(&bytes) else {
                return;
            };
            let url = url.clone();
            set_timeout(
                move || {
                    if !latest() {
                        return;
                    }
                    let loaded = Loaded::from_bundle(bundle, url);
                    set_timeout(
                        move || match load.get_untracked() {
                            _ if !latest() => {}
                            Load::Ready(data) => data.replace(loaded),
                            _ => load.set(Load::Ready(Data::new(loaded))),
                        },
                        std::time::Duration::ZERO,
                    );
                },
                std::time::Duration::ZERO,
            );
        });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(
            "briefwissel-eigen",
            on_corpus.as_ref().unchecked_ref(),
        );
    }
    on_corpus.forget();
}

/// How long after the corpus has loaded the remaining index chunks start to download.
const PREFETCH_DELAY_MS: u64 = 500;

#[component]
fn App(load: RwSignal<Load>) -> impl IntoView {
    let mode = browser::detect_mode();
    let nav = Nav {
        mode: StoredValue::new(mode.clone()),
        here: RwSignal::new(browser::current_here(&mode)),
    };
    provide_context(nav);
    listen_for_navigation(nav);
    let update_ready = RwSignal::new(false);
    if let Mode::Path { base } = &mode {
        browser::register_service_worker(&format!("{base}sw.js"), base, move || {
            update_ready.set(true)
        });
    }
    let route = Memo::new(move |_| nav.here.with(|h| h.route.clone()));
    let list_href = move || nav.href(&Route::List, "");
    let overview_href = move || nav.href(&Route::Overview, &nav.here.with(|h| h.query.clone()));
    let current = move |r: Route| move || (route.get() == r).then_some("page");
    view! {
        <a class="skip-link" href="#inhoud">"Naar de inhoud"</a>
        <header class="site-header">
            <a class="brand" href=list_href>"Briefwissel"</a>
            <nav aria-label="Hoofdmenu">
                <a href=list_href aria-current=current(Route::List)>"Vragen en antwoorden"</a>
                <a href=overview_href aria-current=current(Route::Overview)>"Overzicht"</a>
            </nav>
        </header>
        {move || update_ready.get().then(|| view! {
            <div class="update-notice" role="status" data-testid="update-available">
                <span>"Er is een nieuwe versie beschikbaar."</span>
                <button type="button" on:click=move |_| browser::activate_new_version()>"Nieuwe versie laden"</button>
            </div>
        })}
        <main id="inhoud" tabindex="-1">
            {move || match load.get() {
                Load::Loading => view! { <p class="loading" role="status">"Het corpus wordt geladen…"</p> }.into_any(),
                Load::Failed(message) => view! {
                    <section class="load-error" role="alert">
                        <h1>"Briefwissel kan niet starten"</h1>
                        <p>{message}</p>
                    </section>
                }.into_any(),
                Load::Ready(data) => view! { <ChunkNotice data=data/><Routed data=data route=route/> }.into_any(),
            }}
        </main>
    }
}

/// Says when a search waits for, or could not get, a part of the search index.
#[component]
fn ChunkNotice(data: Data) -> impl IntoView {
    move || {
        // (class, role, test id, text): one paragraph, whichever it says.
        let (class, role, testid, text) = match data.explorer().status.get() {
            ChunkStatus::Idle => return None,
            ChunkStatus::Loading => (
                "index-status",
                "status",
                "index-loading",
                "Zoekindex wordt geladen…".to_string(),
            ),
            ChunkStatus::Failed(message) => {
                ("index-status failed", "alert", "index-failed", message)
            }
        };
        Some(view! { <p class=class role=role data-testid=testid>{text}</p> })
    }
}

#[component]
fn Routed(data: Data, route: Memo<Route>) -> impl IntoView {
    move || match route.get() {
        Route::List => view! { <ListPage data=data/> }.into_any(),
        // A document or question page is drawn once: it is drawn again when the corpus is replaced.
        Route::Document(id) => {
            data.generation();
            view! { <DocumentPage data=data id=id/> }.into_any()
        }
        Route::Question(id) => {
            data.generation();
            view! { <QuestionPage data=data id=id/> }.into_any()
        }
        Route::Overview => view! { <OverviewPage data=data/> }.into_any(),
        Route::NotFound(path) => view! {
            <section>
                <h1>"Pagina niet gevonden"</h1>
                <p>"Het adres " <code>{path}</code> " bestaat niet in Briefwissel."</p>
            </section>
        }
        .into_any(),
    }
}

/// Back/forward and clicks on in-app links update the state without reloading the page.
fn listen_for_navigation(nav: Nav) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_pop = Closure::<dyn Fn()>::new(move || nav.sync());
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        intercept_click(nav, &ev)
    });
    if let Some(document) = window.document() {
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
}

fn intercept_click(nav: Nav, ev: &web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if anchor.has_attribute("download") || !anchor.target().is_empty() {
        return;
    }
    let raw = anchor.get_attribute("href").unwrap_or_default();
    if let Some(id) = raw.strip_prefix('#') {
        // In-page link: with a <base href> the browser would leave the page, so scroll here.
        ev.prevent_default();
        browser::scroll_to_id(id);
        return;
    }
    let Ok(url) = web_sys::Url::new(&anchor.href()) else {
        return;
    };
    let same_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .is_some_and(|o| o == url.origin());
    if !same_origin || !nav.mode.with_value(|m| m.owns_path(&url.pathname())) {
        return;
    }
    ev.prevent_default();
    let before = nav.here.with_untracked(|h| h.route.clone());
    nav.go(
        &format!("{}{}{}", url.pathname(), url.search(), url.hash()),
        true,
    );
    let hash = url.hash();
    if hash.len() > 1 {
        let id = hash[1..].to_string();
        request_animation_frame(move || {
            browser::scroll_to_id(&id);
        });
    } else if nav.here.with_untracked(|h| h.route != before) {
        browser::scroll_to_top();
        request_animation_frame(focus_heading);
    }
}

/// After a route change, the page's heading gets the focus so screen readers announce the new page.
fn focus_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h1) = heading {
        let _ = h1.set_attribute("tabindex", "-1");
        let _ = h1.focus();
    }
}
