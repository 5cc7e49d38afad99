//! The active filters as chips above the results, each with a remove link, and "Wis alles".

use super::list::Selection;
use crate::app::{Data, Nav};
use crate::document_html::html;
use crate::facet_edit::active_filters;
use crate::list_html;
use crate::routing::Route;
use briefwissel_corpus::query::to_query_string;
use leptos::prelude::*;

/// The chips row (nothing when no filter is on). Each chip's "×" is a link to the same view
/// without that filter, which the app follows in place: it works like any link (keyboard, middle
/// click, copy), and costs the app shell less than a button with its own handler.
pub fn active_filters_row(data: Data, selection: Selection, route: Route) -> impl IntoView {
    let nav = Nav::current();
    move || {
        let chips = selection.outcome.with(|o| {
            selection
                .query
                .with(|q| active_filters(q, &o.facets, data.corpus()))
        });
        (!chips.is_empty()).then(|| {
            let chips = html(|out| {
                let chips = chips.iter().map(|chip| {
                    let href = nav.href(&route, &to_query_string(&chip.without, data.corpus()));
                    (chip.label.as_str(), href)
                });
                list_html::active_filters(out, chips, &nav.href(&route, ""));
            });
            view! {
                <ul class="active-filters" aria-label="Actieve filters" data-testid="active-filters" inner_html=chips></ul>
            }
        })
    }
}
