//! A stored text on a page, drawn once the shard it is in has arrived, or the line in its place.

use crate::chunked_explorer::ChunkedExplorer;
use crate::format::text_not_here;
use briefwissel_corpus::texts::Missing;
use leptos::prelude::*;

/// A stored text, drawn by `draw` once the shard it is in has arrived ([`ChunkedExplorer::text`]
/// gives the shard it waits for until then); meanwhile a line that says so (with `aria-busy`: the
/// start page's static copy and the prerender wait for it), or why it did not come. Boxed: one
/// drawing code for every kind of text, not one per caller.
pub fn stored_text(
    explorer: &'static ChunkedExplorer,
    draw: Box<dyn Fn() -> Result<AnyView, Missing> + Send + Sync>,
) -> impl IntoView {
    move || {
        draw().unwrap_or_else(|shard| {
            let (line, busy) = text_not_here(explorer.text_failure(shard));
            let busy = busy.then_some("true");
            view! { <p class="loading" aria-busy=busy>{line}</p> }.into_any()
        })
    }
}
