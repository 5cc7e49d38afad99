//! `/overzicht`: questions per party, theme and month as SVG bar charts, and response times per ministry.

use super::facets::FacetSidebar;
use super::list::{Notices, Selection};
use crate::app::{Data, Nav};
use crate::facet_edit::{only, only_month, Facet};
use crate::format::{days_label, DUE_DAYS};
use crate::routing::Route;
use crate::stats::{self, Bar};
use briefwissel_corpus::query::{to_query_string, Query};
use leptos::prelude::*;

#[component]
pub fn OverviewPage(data: Data) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let selection = Selection::new(data, nav);
    let list_link = move |q: Query| nav.href(&Route::List, &to_query_string(&q, data.corpus));
    let charts = move || {
        let query = selection.query.get();
        selection.outcome.with(|o| {
            let chosen = &o.questions;
            let party = stats::per_party(data.corpus, chosen)
                .into_iter()
                .map(|b| (list_link(only(&query, Facet::Party, &b.value, data.corpus)), b))
                .collect();
            let theme = stats::per_theme(data.corpus, chosen)
                .into_iter()
                .map(|b| (list_link(only(&query, Facet::Theme, &b.value, data.corpus)), b))
                .collect();
            let month = stats::per_month(data.corpus, chosen)
                .into_iter()
                .map(|b| (list_link(only_month(&query, &b.value)), b))
                .collect();
            let ministries = stats::per_ministry(data.corpus, chosen);
            view! {
                <p data-testid="result-count" role="status" aria-live="polite">{format!("{} vragen in deze selectie", o.total)}</p>
                {chart("Vragen per partij", "partij", party)}
                {chart("Vragen per thema", "thema", theme)}
                {chart("Vragen per maand", "maand", month)}
                <section class="chart">
                    <h2>"Antwoordtijd per ministerie"</h2>
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">"Gericht aan"</th>
                                <th scope="col">"Beantwoord"</th>
                                <th scope="col">"Mediaan"</th>
                                <th scope="col">{format!("Later dan {DUE_DAYS} dagen")}</th>
                                <th scope="col">"Open"</th>
                            </tr></thead>
                            <tbody>
                                {ministries.into_iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{r.addressed_to}</th>
                                        <td>{r.answered}</td>
                                        <td>{r.median_days.map_or_else(|| "–".to_string(), days_label)}</td>
                                        <td>{r.late}</td>
                                        <td>{r.open}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
    };
    view! {
        <h1>"Overzicht"</h1>
        <Notices notices=selection.notices/>
        <div class="explorer">
            <FacetSidebar data=data selection=selection route=Route::Overview/>
            <div class="charts">{charts}</div>
        </div>
    }
}

/// A bar chart: one link per bar (label, an SVG bar scaled to the largest count, the count).
fn chart(title: &'static str, key: &'static str, bars: Vec<(String, Bar)>) -> impl IntoView {
    let max = bars.iter().map(|(_, b)| b.count).max().unwrap_or(0).max(1);
    let heading_id = format!("grafiek-{key}");
    let labelled_by = heading_id.clone();
    let rows = bars
        .into_iter()
        .map(|(href, bar)| {
            let width = (bar.count * 100 / max).max(1);
            let label = format!("{}: {} vragen", bar.label, bar.count);
            view! {
                <li>
                    <a class="bar-row" href=href aria-label=label>
                        <span class="bar-label">{bar.label.clone()}</span>
                        <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="0" y="0" width=width height="10" class="bar"></rect>
                        </svg>
                        <span class="bar-count">{bar.count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <ol class="bars">{rows}</ol>
        </section>
    }
}
