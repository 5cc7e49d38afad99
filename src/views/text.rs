//! Renders stored text on the cards as paragraphs, with search matches as `<mark>` elements built as nodes, never as markup strings.

use crate::chunked_explorer::ChunkedExplorer;
use crate::format::{list_items, paragraphs, text_not_here};
use briefwissel_corpus::search::{HighlightTerms, Highlighter};
use briefwissel_corpus::texts::Missing;
use leptos::either::Either;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The highlighter of the current search, kept between texts and renders: every word of a
    /// page is stemmed once, not once per paragraph and keystroke.
    static HIGHLIGHTER: RefCell<Option<Highlighter>> = const { RefCell::new(None) };
}

/// Runs `f` with the highlighter for `terms` (a new one when the search changed).
fn with_highlighter<T>(terms: &HighlightTerms, f: impl FnOnce(&mut Highlighter) -> T) -> T {
    HIGHLIGHTER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|h| h.terms() != terms) {
            *slot = Some(Highlighter::new(terms));
        }
        match slot.as_mut() {
            Some(highlighter) => f(highlighter),
            None => f(&mut Highlighter::new(terms)),
        }
    })
}

fn highlight(text: &str, terms: &HighlightTerms) -> Vec<(String, bool)> {
    with_highlighter(terms, |h| h.runs(text))
}

/// One piece of text with its matches marked; a text without matches is one text node.
pub fn marked(text: &str, terms: &HighlightTerms) -> impl IntoView {
    let pieces = if terms.is_empty() {
        Vec::new()
    } else {
        highlight(text, terms)
    };
    if !pieces.iter().any(|(_, hit)| *hit) {
        return Either::Left(text.to_string());
    }
    Either::Right(
        pieces
            .into_iter()
            .map(|(piece, hit)| {
                if hit {
                    Either::Left(view! { <mark>{piece}</mark> })
                } else {
                    Either::Right(piece)
                }
            })
            .collect_view(),
    )
}

/// The sentence of `text` that best shows why it matched (see [`Highlighter::best_sentence`]).
pub fn best_sentence<'t>(text: &'t str, terms: &HighlightTerms) -> Option<&'t str> {
    if terms.is_empty() {
        return None;
    }
    let (start, end) = with_highlighter(terms, |h| h.best_sentence(text))?;
    text.get(start..end)
}

/// Whether a search would mark anything in this text.
pub fn has_match(text: &str, terms: &HighlightTerms) -> bool {
    !terms.is_empty() && with_highlighter(terms, |h| h.has_match(text))
}

/// Paragraphs separated by blank lines; lines starting with `- ` become a list.
pub fn paragraphs_view(text: &str, terms: &HighlightTerms) -> impl IntoView {
    paragraphs(text)
        .map(|p| match list_items(p) {
            Some(items) => {
                let list = items
                    .into_iter()
                    .map(|item| view! { <li>{marked(item, terms)}</li> })
                    .collect_view();
                Either::Left(view! { <ul>{list}</ul> })
            }
            None => Either::Right(view! { <p>{marked(p, terms)}</p> }),
        })
        .collect_view()
}

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
