//! "Vragen en antwoorden": the start page with search, facets, sort, the result list and pagination.

use super::active_filters::active_filters_row;
use super::facets::FacetSidebar;
use super::question_card::QuestionCard;
use super::toolbar::Toolbar;
use crate::app::{Data, Nav};
use crate::browser;
use crate::document_html::html;
use crate::list_html;
use crate::routing::Route;
use crate::typing_hold::PageTexts;
use crate::url_later;
use briefwissel_corpus::explore::{Outcome, PAGE_SIZE};
use briefwissel_corpus::query::{parse_query_string, to_query_string, Notice, Query, Sort};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The explorer state read from the URL, shared by the list and the overview.
#[derive(Clone, Copy)]
pub struct Selection {
    pub query: Memo<Query>,
    pub notices: Memo<Vec<Notice>>,
    pub outcome: Memo<Outcome>,
}

impl Selection {
    pub fn new(data: Data, nav: Nav) -> Selection {
        // The address is read twice, for the query and for its notices: a few microseconds, and
        // one memo type less in the app shell than a memo of both.
        let parsed = move || {
            nav.here
                .with(|h| parse_query_string(&h.query, data.corpus()))
        };
        let query = Memo::new(move |_| parsed().0);
        let notices = Memo::new(move |_| parsed().1);
        let outcome = Memo::new(move |_| query.with(|q| data.explorer().run(q)));
        Selection {
            query,
            notices,
            outcome,
        }
    }

    /// Goes to `route` showing `query`; `push` for filter changes, replace while typing.
    /// The view follows at once; the address bar right after (see [`url_later`]).
    pub fn show(data: Data, nav: Nav, route: &Route, query: &Query, push: bool) {
        url_later::go_soon(nav, route, &to_query_string(query, data.corpus()), push);
    }
}

/// Cards drawn in the same frame as a new result count: what a screen shows of the list.
const CARDS_FIRST: usize = 3;

#[component]
pub fn ListPage(data: Data) -> impl IntoView {
    let nav = Nav::current();
    let selection = Selection::new(data, nav);
    let Selection { query, outcome, .. } = selection;
    let set_query =
        move |next: Query, push: bool| Selection::show(data, nav, &Route::List, &next, push);
    // The box keeps what was typed; it follows the URL only when the URL says something else.
    let typed = RwSignal::new(query.get_untracked().text);
    Effect::new(move |_| {
        let text = query.with(|q| q.text.clone());
        if typed.with_untracked(|t| t.trim() != text.trim()) {
            typed.set(text);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        data.explorer().hold_texts_while_typing();
        typed.set(value.clone());
        let mut next = query.get_untracked();
        next.text = value;
        next.page = 1;
        set_query(next, false);
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let mut next = query.get_untracked();
        next.sort = Sort::from_slug(&event_target_value(&ev)).unwrap_or_default();
        next.page = 1;
        set_query(next, true);
    };
    Effect::new(move |_| {
        // Results that still wait for search-index chunks are not the first results.
        if outcome.with(|o| o.is_complete()) {
            browser::mark("first-results");
        }
    });
    let count_text = move || {
        outcome.with(|o| {
            if !o.is_complete() {
                return "Zoekindex nog niet geladen; de zoekresultaten volgen.".to_string();
            }
            // A page past the last (an old link) shows the last page.
            let page = query.with(|q| q.page).clamp(1, o.page_count()) as usize;
            let noun = if o.total == 1 { "vraag" } else { "vragen" };
            let mut text = format!("{} {noun} gevonden", o.total);
            if o.total > PAGE_SIZE {
                let first = (page - 1) * PAGE_SIZE + 1;
                let last = (page * PAGE_SIZE).min(o.total);
                text += &format!(", {first}–{last} getoond");
            }
            // No silent loss: say how many undated questions the date range leaves out.
            if o.undated_left_out > 0 {
                text += &format!(
                    " ({} zonder datum vallen buiten het datumfilter)",
                    o.undated_left_out
                );
            }
            text
        })
    };
    // Cards are keyed by question: a filter change keeps the cards that stay on the page, and a
    // new search redraws only their marked texts (the cards follow `terms`). The key holds the
    // corpus too: own documents added or removed renumber the questions and may link answers.
    let terms = Memo::new(move |_| outcome.with(|o| o.highlight.clone()));
    let page_keys = Memo::new(move |_| {
        let page = query.with(|q| q.page);
        let generation = data.generation();
        outcome.with(|o| {
            o.page(page.min(o.page_count()))
                .iter()
                .map(|&i| (generation, i))
                .collect::<Vec<_>>()
        })
    });
    // The first cards are drawn with the count, in the frame that answers the click or keystroke;
    // the rest of the page, below the fold, right after that frame is painted (the list says
    // `aria-busy` meanwhile, and the style sheet keeps their room so the page does not scroll).
    // Ten new cards are most of a filter change's work.
    let whole_page_for = RwSignal::new(Vec::new());
    let shown_keys = Memo::new(move |_| {
        page_keys.with(|keys| {
            if keys.len() <= CARDS_FIRST || whole_page_for.with(|whole| whole == keys) {
                return keys.clone();
            }
            // The rest once this frame is painted, if the page still shows these keys then:
            // after A → B → A within a frame, B's call must not take the whole page away from A.
            let pending = keys.clone();
            browser::after_next_paint(move || {
                if page_keys.with_untracked(|now| *now == pending) {
                    whole_page_for.set(pending);
                }
            });
            keys[..CARDS_FIRST].to_vec()
        })
    });
    let busy = move || (shown_keys.with(Vec::len) < page_keys.with(Vec::len)).then_some("true");
    // The cards ask for their own texts; the next page's follow once those are here, so that
    // paging on reads at once.
    Effect::new(move |_| {
        let page = query.with(|q| q.page);
        let explorer = data.explorer();
        let wanted = outcome.with(|o| {
            let page = page.min(o.page_count());
            PageTexts {
                shown: o.page(page).to_vec(),
                next: o.page(page + 1).to_vec(),
            }
        });
        explorer.want_page_texts(wanted);
    });
    let card = move |(_, i): (u32, u32)| {
        let corpus = data.corpus();
        corpus
            .questions
            .get(i as usize)
            .map(|q| view! { <li><QuestionCard data=data question=q terms=terms/></li> })
    };
    view! {
        <h1>"Vragen en antwoorden"</h1>
        <Notices notices=selection.notices/>
        <div class="search-bar">
            <form role="search" on:submit=move |ev| ev.prevent_default()>
                <label for="zoek">"Zoeken in vragen, antwoorden en brieven"</label>
                <input id="zoek" type="search" data-testid="search-input" autocomplete="off" placeholder="bijv. asiel of \"veilige landen\""
                    aria-describedby="zoek-hint" prop:value=move || typed.get() on:input=on_input/>
                <p id="zoek-hint" class="search-hint">
                    "Alle woorden moeten voorkomen, ook in samenstellingen (asiel vindt asielzoekers). "
                    <code>"\"exacte frase\""</code>" tussen aanhalingstekens, "<code>"-woord"</code>" sluit uit."
                </p>
            </form>
            {move || outcome.with(|o| o.suggestion.clone()).map(|suggested| {
                let mut next = query.get_untracked();
                next.text = suggested.clone();
                next.page = 1;
                let href = nav.href(&Route::List, &to_query_string(&next, data.corpus()));
                let text = html(|out| list_html::suggestion(out, &suggested, &href));
                view! { <p class="suggestion" data-testid="suggestion" inner_html=text></p> }
            })}
        </div>
        {active_filters_row(data, selection, Route::List)}
        <div class="explorer">
            <FacetSidebar data=data selection=selection route=Route::List/>
            <section class="results" aria-labelledby="resultaten-kop">
                <h2 id="resultaten-kop" class="visually-hidden">"Resultaten"</h2>
                <div class="results-head">
                    <p class="result-count" data-testid="result-count" role="status" aria-live="polite">{count_text}</p>
                    <label class="sort">"Sorteren: "
                        <select on:change=on_sort inner_html=move || html(|out| list_html::sort_options(out, query.with(|q| q.sort)))></select>
                    </label>
                </div>
                <Toolbar data=data outcome=outcome/>
                <DocumentHits data=data selection=selection/>
                <ol class="question-list" aria-busy=busy>
                    <For each=move || shown_keys.get() key=|i| *i children=card/>
                </ol>
                <Pagination data=data selection=selection/>
            </section>
        </div>
    }
}

/// What in the URL was ignored, in polite plain text.
#[component]
pub fn Notices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        notices.with(|list| {
            (!list.is_empty()).then(|| {
                let text =
                    html(|out| list_html::notices(out, list.iter().map(|n| n.message.as_str())));
                view! { <div class="notices" role="status" inner_html=text></div> }
            })
        })
    }
}

/// Letters listed under "Ook gevonden in brieven" before "Toon alle".
const DOCUMENT_HITS_SHOWN: usize = 20;

#[component]
fn DocumentHits(data: Data, selection: Selection) -> impl IntoView {
    let nav = Nav::current();
    let show_all = RwSignal::new(false);
    move || {
        let hits: Vec<(String, String)> = selection.outcome.with(|o| {
            o.document_hits
                .iter()
                .filter(|h| !data.explorer().is_on_cards(h.document as usize))
                .filter_map(|h| data.corpus().documents.get(h.document as usize))
                .map(|d| {
                    (
                        nav.href(&Route::Document(d.id.to_string()), ""),
                        d.title.clone(),
                    )
                })
                .collect()
        });
        // At scale a common word is in hundreds of letters: list the first ones, the rest on request.
        let total = hits.len();
        let shown = if show_all.get() {
            total
        } else {
            total.min(DOCUMENT_HITS_SHOWN)
        };
        (!hits.is_empty()).then(|| {
            let list = html(|out| list_html::document_hits(out, total, hits.iter().take(shown)));
            // "Toon alle n brieven" is a button in that HTML text.
            let on_click = move |ev: leptos::ev::MouseEvent| {
                let on_button = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.class_name() == "show-all");
                if on_button {
                    show_all.set(true);
                }
            };
            view! { <section class="document-hits" inner_html=list on:click=on_click></section> }
        })
    }
}

#[component]
fn Pagination(data: Data, selection: Selection) -> impl IntoView {
    let nav = Nav::current();
    let link = move |page: u32| {
        let mut q = selection.query.get();
        q.page = page;
        nav.href(&Route::List, &to_query_string(&q, data.corpus()))
    };
    move || {
        let pages = selection.outcome.with(Outcome::page_count);
        let page = selection.query.with(|q| q.page).clamp(1, pages);
        (pages > 1).then(|| {
            let prev = (page > 1).then(|| link(page - 1));
            let next = (page < pages).then(|| link(page + 1));
            let links = html(|out| {
                list_html::pagination(out, page, pages, prev.as_deref(), next.as_deref())
            });
            view! { <nav class="pagination" aria-label="Paginering" inner_html=links></nav> }
        })
    }
}
