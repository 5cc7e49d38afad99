//! "Kopieer link" and the CSV/JSON downloads of the current selection.

use crate::app::Data;
use crate::browser;
use crate::document_html::html;
use crate::list_html;
use briefwissel_corpus::explore::Outcome;
use briefwissel_corpus::export_csv::{questions_csv, questions_json};
use briefwissel_corpus::texts::{Missing, Texts};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An export of the selection: the CSV or the JSON writer.
type Export = fn(&Texts, &[u32]) -> Result<String, Missing>;

#[component]
pub fn Toolbar(data: Data, outcome: Memo<Outcome>) -> impl IntoView {
    // What the copy button did: None (nothing yet), Some(true) copied, Some(false) show the link to copy by hand.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let href = browser::current_href();
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&href).await));
        });
    };
    // While the texts of a download are fetched, and why a download could not be made.
    let export_status = RwSignal::new(String::new());
    // One download at a time: the buttons wait while its texts are fetched.
    let busy = RwSignal::new(false);
    let export = move |file: &'static str, mime: &'static str, write: Export| {
        let explorer = data.explorer();
        let questions = outcome.with_untracked(|o| o.questions.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            // Texts not on this device yet (they come in parts, for what is shown) first.
            if !explorer.has_texts_of(&questions) {
                export_status.set("De teksten voor de download worden geladen…".into());
            }
            let body = explorer.texts_of(&questions).await.and_then(|()| {
                write(explorer.texts(), &questions)
                    .map_err(|_| "niet alle teksten konden worden geladen".to_string())
            });
            export_status.set(match &body {
                Ok(_) => String::new(),
                Err(why) => format!("Downloaden lukt nu niet: {why}"),
            });
            if let Ok(body) = body {
                browser::download(file, mime, &body);
            }
            busy.set(false);
        });
    };
    let csv = move |_| export("briefwissel.csv", "text/csv;charset=utf-8", questions_csv);
    let json = move |_| export("briefwissel.json", "application/json", questions_json);
    // What the buttons did, as HTML text (list_html), each in a span of its own: a download's
    // news does not redraw the link to copy. The link to copy by hand is selected on focus.
    let export_html =
        move || export_status.with(|export| html(|out| list_html::export_status(out, export)));
    let copy_html = move || {
        let copied = copied.get().map(|ok| (ok, browser::current_href()));
        html(|out| list_html::copy_status(out, copied))
    };
    let select_link = move |ev: leptos::ev::FocusEvent| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    };
    view! {
        <div class="toolbar">
            <button type="button" on:click=copy>"Kopieer link"</button>
            <button type="button" on:click=csv disabled=busy>"Download CSV"</button>
            <button type="button" on:click=json disabled=busy>"Download JSON"</button>
            // The file field itself is static HTML (index.html, #eigen): its reader loads only when used.
            <label for="eigen-bestand" class="add-document">"Document toevoegen"</label>
            <span class="copy-status" role="status" on:focusin=select_link>
                <span inner_html=export_html></span><span inner_html=copy_html></span>
            </span>
        </div>
    }
}
