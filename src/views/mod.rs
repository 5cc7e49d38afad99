//! The views: one module per route, plus the pieces they share.

pub mod active_filters;
pub mod document;
pub mod facets;
pub mod list;
pub mod overview;
pub mod question;
pub mod question_card;
pub mod text;
pub mod toolbar;

use crate::app::Nav;
use crate::document_html::html;
use crate::list_html;
use crate::routing::Route;
use briefwissel_corpus::own_documents::is_own;
use leptos::prelude::*;

/// A question or document page for an id the corpus does not have (`what`: "Vraag", "Document").
/// An own document's id says where it is: only on the device it was added on.
pub fn not_found(nav: Nav, what: &str, id: String) -> AnyView {
    let why = if is_own(&id) {
        "dit document staat alleen op het apparaat waarop het is toegevoegd."
    } else {
        "onbekend kenmerk."
    };
    let text = html(|out| list_html::not_found(out, what, &id, why, &nav.href(&Route::List, "")));
    view! { <section inner_html=text></section> }.into_any()
}

/// The "eigen document" mark of a question or document added on this device.
pub fn own_badge(id: &str) -> Option<impl IntoView> {
    is_own(id).then(|| view! { <p class="own-badge" data-testid="own-badge">"eigen document"</p> })
}
