//! The facet sidebar (a dialog behind "Filters (n)" on a phone): checkboxes with live counts, chosen values first, a filter field on long facets, and the date range.

use super::list::Selection;
use crate::app::{Data, Nav};
use crate::browser;
use crate::document_html::html;
use crate::facet_edit::{panel_filter_count, toggle, Facet, FILTER_FIELD_FROM};
use crate::facet_html;
use crate::routing::Route;
use briefwissel_corpus::explore::FacetValue;
use briefwissel_corpus::query::Query;
use briefwissel_corpus::Date;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FacetSidebar(data: Data, selection: Selection, route: Route) -> impl IntoView {
    let nav = Nav::current();
    let route = StoredValue::new(route);
    let go = move |next: Query| route.with_value(|r| Selection::show(data, nav, r, &next, true));
    let groups = Facet::ALL
        .into_iter()
        .map(|facet| {
            let typed = RwSignal::new(String::new());
            // Decided per corpus (own documents can make a facet long), not per filter change.
            let filter_field = move || {
                data.generation();
                let long = selection
                    .outcome
                    .with_untracked(|o| facet.values(&o.facets).len() > FILTER_FIELD_FROM);
                long.then(|| {
                    let name = format!("{} zoeken", facet.label());
                    view! {
                        <input type="search" class="facet-filter" aria-label=name placeholder="Zoek…"
                            on:input=move |ev| typed.set(event_target_value(&ev))/>
                    }
                })
            };
            // The rows as HTML text (facet_html), drawn anew when values come, go or move (a
            // chosen value goes to the top); new counts and choices change the rows in place,
            // which the browser redraws in less time than new rows.
            let list_ref = NodeRef::<leptos::html::Ul>::new();
            // The effect's value is what the list shows.
            Effect::new(move |drawn: Option<Option<Vec<FacetValue>>>| {
                let next = typed.with(|t| {
                    selection
                        .outcome
                        .with(|o| facet_html::listed(facet.values(&o.facets), t))
                });
                let list = list_ref.get()?;
                match facet_html::changed_rows(&drawn.flatten().unwrap_or_default(), &next) {
                    Some(changed) => {
                        for i in changed {
                            update_row(&list, i, &next[i]);
                        }
                    }
                    None => list.set_inner_html(&html(|out| facet_html::rows(out, facet.param(), &next))),
                }
                Some(next)
            });
            view! {
                <fieldset class="facet">
                    <legend>{facet.label()}</legend>
                    {filter_field}
                    <ul node_ref=list_ref></ul>
                </fieldset>
            }
        })
        .collect_view();
    // One handler for every facet's boxes. Chosen values move to the top, drawn anew: the focus
    // goes back to the box with the same value.
    let on_box = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(facet) = input
            .get_attribute("data-facet")
            .and_then(|param| Facet::from_param(&param))
        else {
            return;
        };
        let value = input.value();
        // The list stays when its rows are drawn anew: the box is found again in it.
        let list = input.closest("ul").ok().flatten();
        let had_focus = browser::give_up_focus(&input);
        go(toggle(
            &selection.query.get_untracked(),
            facet,
            &value,
            data.corpus(),
        ));
        if let Some(list) = list.filter(|_| had_focus) {
            browser::focus_again(list, value);
        }
    };
    let date_input = move |label: &'static str, is_from: bool| {
        let testid = if is_from { "filter-van" } else { "filter-tot" };
        let current = move || {
            selection
                .query
                .with(|q| if is_from { q.from } else { q.to })
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let mut next = selection.query.get_untracked();
            let date = Date::parse_iso(&event_target_value(&ev));
            if is_from {
                next.from = date;
            } else {
                next.to = date;
            }
            next.page = 1;
            go(next);
        };
        view! {
            <label class="date">{label}<input type="date" data-testid=testid prop:value=current on:change=on_change/></label>
        }
    };
    // On a phone the facets are a modal dialog (focus stays inside, Escape closes, focus returns
    // to the button), opened and closed by invoker commands: no code of ours. It opens on "Toon N
    // vragen" (autofocus), which says the count, rather than on a text field that would raise a
    // phone's keyboard. On a wide screen the style sheet shows the closed dialog as the sidebar, and
    // both buttons are hidden.
    let open_label = move || format!("Filters ({})", selection.query.with(panel_filter_count));
    let close_label = move || {
        let total = selection.outcome.with(|o| o.total);
        format!(
            "Toon {total} {}",
            if total == 1 { "vraag" } else { "vragen" }
        )
    };
    view! {
        <button type="button" class="filters-open" commandfor="filterpaneel" command="show-modal" data-testid="filters-open">{open_label}</button>
        <dialog id="filterpaneel" class="facets" aria-labelledby="filters-kop" on:change=on_box>
            <h2 id="filters-kop">"Filters"</h2>
            {groups}
            <fieldset class="facet">
                <legend>"Gesteld tussen"</legend>
                {date_input("Van", true)}
                {date_input("Tot en met", false)}
                <label title="Vragen zonder datum: met een datumfilter erbij, anders alleen deze">
                    <input type="checkbox" data-testid="filter-datum-onbekend" prop:checked=move || selection.query.with(|q| q.undated)
                        on:change=move |_| {
                            let mut next = selection.query.get_untracked();
                            next.undated = !next.undated;
                            next.page = 1;
                            go(next);
                        }/>
                    "Datum onbekend"
                </label>
            </fieldset>
            <button type="button" class="filters-close" commandfor="filterpaneel" command="close" autofocus data-testid="filters-close">{close_label}</button>
        </dialog>
    }
}

/// Brings row `i` of a facet's list (drawn by `facet_html::rows`: `li > label > input, span,
/// span`) up to `v`: count, check, greying.
fn update_row(list: &web_sys::HtmlUListElement, i: usize, v: &FacetValue) -> Option<()> {
    let label = list
        .child_nodes()
        .item(i as u32)?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .first_element_child()?;
    let empty = facet_html::is_empty(v);
    label.set_class_name(if empty { "empty" } else { "" });
    let input = label
        .first_element_child()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    input.set_checked(v.selected);
    input.set_disabled(empty);
    label
        .last_element_child()?
        .set_text_content(Some(&v.count.to_string()));
    Some(())
}
