//! "Kopieer link" and the CSV/JSON downloads of the current selection.

use crate::app::Data;
use crate::browser;
use briefwissel_corpus::explore::Outcome;
use briefwissel_corpus::export_csv::{questions_csv, questions_json};
use leptos::prelude::*;

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
    let csv = move |_| {
        outcome.with(|o| {
            browser::download(
                "briefwissel.csv",
                "text/csv;charset=utf-8",
                &questions_csv(data.corpus(), &o.questions),
            )
        })
    };
    let json = move |_| {
        outcome.with(|o| {
            browser::download(
                "briefwissel.json",
                "application/json",
                &questions_json(data.corpus(), &o.questions),
            )
        })
    };
    view! {
        <div class="toolbar">
            <button type="button" on:click=copy>"Kopieer link"</button>
            <button type="button" on:click=csv>"Download CSV"</button>
            <button type="button" on:click=json>"Download JSON"</button>
            // The file field itself is static HTML (index.html, #eigen): its reader loads only when used.
            <label for="eigen-bestand" class="add-document">"Document toevoegen"</label>
            <span class="copy-status" role="status">
                {move || match copied.get() {
                    Some(true) => Some(view! { <span>"Link gekopieerd."</span> }.into_any()),
                    Some(false) => Some(view! {
                        <label>"Kopieer deze link: "
                            <input type="text" readonly prop:value=browser::current_href()
                                on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select() }/>
                        </label>
                    }.into_any()),
                    None => None,
                }}
            </span>
        </div>
    }
}
