//! Thin wrappers around browser APIs: location and history, fetch, clipboard, downloads, marks, service worker.

use crate::routing::{Here, Mode};
use briefwissel_corpus::byte_source::ByteSource;
use briefwissel_corpus::Date;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The routing mode of this page: `file:` or a path under the `<base href>`.
pub fn detect_mode() -> Mode {
    let Some(location) = window().map(|w| w.location()) else {
        return Mode::Path { base: "/".into() };
    };
    let protocol = location.protocol().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let base_path = document()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlBaseElement>().ok())
        .and_then(|base| web_sys::Url::new(&base.href()).ok())
        .map(|url| url.pathname());
    Mode::detect(&protocol, &path, base_path.as_deref())
}

/// Where the browser is now, as a route.
pub fn current_here(mode: &Mode) -> Here {
    let location = window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    mode.resolve(
        &part(web_sys::Location::pathname),
        &part(web_sys::Location::search),
        &part(web_sys::Location::hash),
    )
}

/// Adds a history entry (`push`) or replaces the current one.
pub fn set_url(url: &str, push: bool) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let result = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(url))
        };
        if let Err(e) = result {
            web_sys::console::warn_2(&"Briefwissel: adres niet bijgewerkt".into(), &e);
        }
    }
}

/// The full address of the current page.
pub fn current_href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The text of an element, if it exists.
pub fn element_text(id: &str) -> Option<String> {
    document()?.get_element_by_id(id)?.text_content()
}

/// The resolved `href` of a `<link>` element, if it exists.
pub fn link_href(id: &str) -> Option<String> {
    let el = document()?.get_element_by_id(id)?;
    Some(el.dyn_into::<web_sys::HtmlLinkElement>().ok()?.href())
}

/// The address of a file next to the app (resolved against the document's base).
pub fn resolve_url(relative: &str) -> String {
    let base = document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(relative, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_string())
}

/// Fetches a URL's body as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    Ok(fetch_buffer(url).await?.0.to_vec())
}

/// The bytes of `url` where the browser has them: read from there a window at a time
/// ([`briefwissel_corpus::byte_source`]), they take no room in the app's own memory.
pub async fn fetch_buffer(url: &str) -> Result<JsBytes, String> {
    let window = window().ok_or("geen venster")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| describe(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| describe(&e))?;
    if !response.ok() {
        return Err(format!("HTTP {} voor {url}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?;
    Ok(JsBytes(js_sys::Uint8Array::new(&buffer)))
}

/// Bytes in a JavaScript buffer, outside the app's memory.
pub struct JsBytes(pub js_sys::Uint8Array);

impl ByteSource for JsBytes {
    fn byte_len(&self) -> usize {
        self.0.length() as usize
    }

    fn copy_into(&self, at: usize, into: &mut [u8]) {
        self.0
            .subarray(at as u32, (at + into.len()) as u32)
            .copy_to(into);
    }
}

/// A fetched file's bytes: still in the browser's buffer, or already in the app's memory.
pub enum Fetched {
    Browser(JsBytes),
    Here(Vec<u8>),
}

impl Fetched {
    /// The bytes in the app's memory (a copy, for those still in the browser's buffer).
    pub fn into_vec(self) -> Vec<u8> {
        match self {
            Fetched::Browser(bytes) => bytes.0.to_vec(),
            Fetched::Here(bytes) => bytes,
        }
    }
}

impl ByteSource for Fetched {
    fn byte_len(&self) -> usize {
        match self {
            Fetched::Browser(bytes) => bytes.byte_len(),
            Fetched::Here(bytes) => bytes.len(),
        }
    }

    fn copy_into(&self, at: usize, into: &mut [u8]) {
        match self {
            Fetched::Browser(bytes) => bytes.copy_into(at, into),
            Fetched::Here(bytes) => bytes.as_slice().copy_into(at, into),
        }
    }

    fn each_window(&self, each: &mut dyn FnMut(&[u8])) {
        match self {
            Fetched::Browser(bytes) => bytes.each_window(each),
            Fetched::Here(bytes) => bytes.as_slice().each_window(each),
        }
    }
}

/// A failed request's reason as the browser words it ("Failed to fetch").
fn describe(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| "onbekende fout".into())
}

/// `performance.mark(name)`; marks once per page load.
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(name).length() == 0 {
            let _ = performance.mark(name);
        }
    }
}

/// Today's date in the browser's time zone.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

/// Copies text with the clipboard API; `false` when that is unavailable or refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Offers `content` as a file download, made in the browser (no server).
pub fn download(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Scrolls to the element with this id and moves the focus there.
pub fn scroll_to_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
    true
}

/// Takes the focus from `el` if it has it, and says whether it had it. A facet's rows are drawn
/// anew when a value is chosen (it moves to the top): a focused box losing the focus as it leaves
/// the page forces a style and layout pass in the middle of the update (a third of a facet click);
/// given up first, while the page is still laid out, it costs nothing.
pub fn give_up_focus(el: &web_sys::HtmlElement) -> bool {
    let had_focus = document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| &a == el.as_ref());
    if had_focus {
        let _ = el.blur();
    }
    had_focus
}

/// Focuses the box with value `value` in `list` (a facet's list, its rows drawn anew) in a task of
/// its own, after the results are drawn, unless the focus has gone elsewhere meanwhile.
pub fn focus_again(list: web_sys::Element, value: String) {
    leptos::prelude::set_timeout(
        move || {
            let Some(doc) = document() else { return };
            let body: Option<web_sys::Element> = doc.body().map(Into::into);
            if doc.active_element().is_some_and(|a| Some(a) != body) {
                return;
            }
            let Ok(boxes) = list.query_selector_all("input") else {
                return;
            };
            let found = (0..boxes.length())
                .filter_map(|i| boxes.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
                .find(|input| input.value() == value);
            if let Some(input) = found {
                let _ = input.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Runs `f` in a task of its own after the next frame is painted (a hidden page paints when it
/// is shown again).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// Scrolls to the top of the page.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Registers `sw.js` next to the app and calls `on_update` when a new version waits to take over.
pub fn register_service_worker(
    script_url: &str,
    scope: &str,
    on_update: impl Fn() + Clone + 'static,
) {
    let Some(window) = window() else { return };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(scope);
    let promise = container.register_with_options(script_url, &options);
    wasm_bindgen_futures::spawn_local(async move {
        // Not a registration (a browser that blocks service workers gives `undefined`): nothing
        // to watch. Reading one from `undefined` would throw inside the task queue.
        let registration: web_sys::ServiceWorkerRegistration =
            match JsFuture::from(promise).await.map(|v| v.dyn_into()) {
                Ok(Ok(registration)) => registration,
                Ok(Err(_)) => return,
                Err(e) => {
                    web_sys::console::warn_2(
                        &"Briefwissel: service worker niet geregistreerd".into(),
                        &e,
                    );
                    return;
                }
            };
        let has_controller = move || {
            web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
        };
        if registration.waiting().is_some() && has_controller() {
            on_update();
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let installing = worker.clone();
            let on_update = on_update.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if installing.state() == web_sys::ServiceWorkerState::Installed && has_controller()
                {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Asks the waiting service worker to take over, then reloads once it controls the page.
pub fn activate_new_version() {
    let Some(window) = window() else { return };
    let container = window.navigator().service_worker();
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await.ok();
        let waiting = registration
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = worker.post_message(&message);
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
