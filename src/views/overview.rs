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

const ROW: usize = 26;
const LABEL_WIDTH: usize = 190;
const BAR_SPACE: usize = 330;

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

/// A horizontal SVG bar chart; every bar is a link to the list filtered on it.
fn chart(title: &'static str, key: &'static str, bars: Vec<(String, Bar)>) -> impl IntoView {
    let max = bars.iter().map(|(_, b)| b.count).max().unwrap_or(0).max(1);
    let height = (bars.len() * ROW).max(ROW);
    let width = LABEL_WIDTH + BAR_SPACE + 50;
    let heading_id = format!("grafiek-{key}");
    let labelled_by = heading_id.clone();
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, (href, bar))| {
            let y = i * ROW;
            let length = (bar.count * BAR_SPACE / max).max(2);
            let label = format!("{}: {} vragen", bar.label, bar.count);
            let title = label.clone();
            view! {
                <a href=href aria-label=label>
                    <title>{title}</title>
                    <text x=LABEL_WIDTH - 8 y=y + 17 text-anchor="end" class="bar-label">{bar.label.clone()}</text>
                    <rect x=LABEL_WIDTH y=y + 4 width=length height=ROW - 8 rx="2" class="bar"></rect>
                    <text x=LABEL_WIDTH + length + 6 y=y + 17 class="bar-count">{bar.count}</text>
                </a>
            }
        })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <svg viewBox=format!("0 0 {width} {height}") width="100%" role="group" class="bars">
                {rows}
            </svg>
        </section>
    }
}
