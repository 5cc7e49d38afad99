//! The facet sidebar (a dialog behind "Filters (n)" on a phone): checkboxes with live counts, chosen values first, a filter field on long facets, and the date range.

use super::list::Selection;
use crate::app::{Data, Nav};
use crate::browser;
use crate::facet_edit::{
    listed_under_filter, panel_filter_count, toggle, Facet, FILTER_FIELD_FROM,
};
use crate::routing::Route;
use briefwissel_corpus::query::Query;
use briefwissel_corpus::Date;
use leptos::prelude::*;

#[component]
pub fn FacetSidebar(data: Data, selection: Selection, route: Route) -> impl IntoView {
    let nav = Nav::current();
    let route = StoredValue::new(route);
    let go = move |next: Query| route.with_value(|r| Selection::show(data, nav, r, &next, true));
    let groups = Facet::ALL
        .into_iter()
        .map(|facet| {
            // One keyed row per value: a new outcome updates counts and checks in place.
            let typed = RwSignal::new(String::new());
            // The rows follow their facet, not the whole outcome: a facet whose counts stay as
            // they were wakes none of its rows, and a row re-subscribes among its facet's rows only.
            let values = Memo::new(move |_| selection.outcome.with(|o| facet.values(&o.facets).to_vec()));
            let keys = Memo::new(move |_| {
                typed.with(|t| {
                    values.with(|values| {
                        values
                            .iter()
                            .filter(|v| listed_under_filter(&v.label, v.selected, t))
                            .map(|v| v.value.clone())
                            .collect::<Vec<String>>()
                    })
                })
            });
            // Decided per corpus (own documents can make a facet long), not per filter change.
            let filter_field = move || {
                data.generation();
                let long = values.with_untracked(|values| values.len() > FILTER_FIELD_FROM);
                long.then(|| {
                    let name = format!("{} zoeken", facet.label());
                    view! {
                        <input type="search" class="facet-filter" aria-label=name placeholder="Zoek…"
                            on:input=move |ev| typed.set(event_target_value(&ev))/>
                    }
                })
            };
            let row = move |value: String| {
                let state = {
                    let value = value.clone();
                    Memo::new(move |_| {
                        values.with(|values| {
                            values
                                .iter()
                                .find(|v| v.value == value)
                                .map(|v| (v.label.clone(), v.count, v.selected))
                                .unwrap_or_default()
                        })
                    })
                };
                let toggled = value.clone();
                let on_change = move |ev: leptos::ev::Event| {
                    // Chosen values move to the top: the box keeps the focus as it moves.
                    browser::keep_focus_while(event_target(&ev), || {
                        go(toggle(&selection.query.get_untracked(), facet, &toggled, data.corpus()))
                    });
                };
                let empty = move || state.with(|(_, count, selected)| *count == 0 && !selected);
                view! {
                    <li>
                        <label class:empty=empty>
                            <input type="checkbox" name=facet.param() value=value.clone() data-facet=facet.param() data-value=value.clone()
                                prop:checked=move || state.with(|s| s.2) disabled=empty on:change=on_change/>
                            <span class="facet-label">{move || state.with(|s| s.0.clone())}</span>
                            <span class="facet-count">{move || state.with(|s| s.1)}</span>
                        </label>
                    </li>
                }
            };
            let options = view! { <For each=move || keys.get() key=|v| v.clone() children=row/> };
            view! {
                <fieldset class="facet">
                    <legend>{facet.label()}</legend>
                    {filter_field}
                    <ul>{options}</ul>
                </fieldset>
            }
        })
        .collect_view();
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
        <dialog id="filterpaneel" class="facets" aria-labelledby="filters-kop">
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
