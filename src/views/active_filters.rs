//! The active filters as chips above the results, each with a remove link, and "Wis alles".

use super::list::Selection;
use crate::app::{Data, Nav};
use crate::facet_edit::active_filters;
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
            let chips = chips
                .into_iter()
                .map(|chip| {
                    let name = format!("Verwijder filter: {}", chip.label);
                    let href = nav.href(&route, &to_query_string(&chip.without, data.corpus()));
                    view! { <li class="chip">{chip.label}<a href=href aria-label=name>"×"</a></li> }
                })
                .collect_view();
            view! {
                <ul class="active-filters" aria-label="Actieve filters" data-testid="active-filters">
                    {chips}
                    <li><a class="clear" href=nav.href(&route, "") data-testid="clear-all">"Wis alles"</a></li>
                </ul>
            }
        })
    }
}
