//! The facet sidebar: checkboxes with live counts (zero disabled, chosen values first) and the date range.

use super::list::Selection;
use crate::app::{Data, Nav};
use crate::facet_edit::{toggle, Facet};
use crate::routing::Route;
use briefwissel_corpus::query::Query;
use briefwissel_corpus::Date;
use leptos::prelude::*;

#[component]
pub fn FacetSidebar(data: Data, selection: Selection, route: Route) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let route = StoredValue::new(route);
    let go = move |next: Query| route.with_value(|r| Selection::show(data, nav, r, &next, true));
    let groups = Facet::ALL
        .into_iter()
        .map(|facet| {
            // One keyed row per value: a new outcome updates counts and checks in place.
            let keys = Memo::new(move |_| {
                selection.outcome.with(|o| {
                    facet.values(&o.facets)
                        .iter()
                        .map(|v| v.value.clone())
                        .collect::<Vec<String>>()
                })
            });
            let row = move |value: String| {
                let state = {
                    let value = value.clone();
                    Memo::new(move |_| {
                        selection.outcome.with(|o| {
                            facet.values(&o.facets)
                                .iter()
                                .find(|v| v.value == value)
                                .map(|v| (v.label.clone(), v.count, v.selected))
                                .unwrap_or_default()
                        })
                    })
                };
                let toggled = value.clone();
                let on_change = move |_| {
                    go(toggle(&selection.query.get_untracked(), facet, &toggled, data.corpus))
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
    view! {
        <aside class="facets" aria-label="Filters">
            <h2>"Filters"</h2>
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
        </aside>
    }
}
