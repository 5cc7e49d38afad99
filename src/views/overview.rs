//! `/overzicht`: questions per party, theme and month as SVG bar charts, and per ministry and party how questions fared against the answer term.

use super::active_filters::active_filters_row;
use super::facets::FacetSidebar;
use super::list::{Notices, Selection};
use crate::app::{Data, Nav};
use crate::browser;
use crate::facet_edit::{only, only_month, Facet};
use crate::format::days_label;
use crate::routing::Route;
use crate::stats::{self, Bar, TermRow};
use briefwissel_corpus::deadline::Term;
use briefwissel_corpus::query::{to_query_string, Query, Sort};
use leptos::prelude::*;

#[component]
pub fn OverviewPage(data: Data) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let selection = Selection::new(data, nav);
    let list_link = move |q: Query| nav.href(&Route::List, &to_query_string(&q, data.corpus()));
    let charts = move || {
        let query = selection.query.get();
        selection.outcome.with(|o| {
            let chosen = &o.questions;
            let party = stats::per_party(data.corpus(), chosen)
                .into_iter()
                .map(|b| (list_link(only(&query, Facet::Party, &b.value, data.corpus())), b))
                .collect();
            let theme = stats::per_theme(data.corpus(), chosen)
                .into_iter()
                .map(|b| (list_link(only(&query, Facet::Theme, &b.value, data.corpus())), b))
                .collect();
            let month = stats::per_month(data.corpus(), chosen)
                .into_iter()
                .map(|b| (list_link(only_month(&query, &b.value)), b))
                .collect();
            let today = browser::today();
            let ministries = stats::terms_per_ministry(data.lookup(), data.corpus(), chosen, today);
            let parties = stats::terms_per_party(data.lookup(), data.corpus(), chosen, today);
            view! {
                <p data-testid="result-count" role="status" aria-live="polite">{format!("{} vragen in deze selectie", o.total)}</p>
                {chart("Vragen per partij", "partij", party)}
                {chart("Vragen per thema", "thema", theme)}
                {chart("Vragen per maand", "maand", month)}
                {term_table("Antwoordtermijn per ministerie", "ministerie", Facet::Ministry, ministries, &query, data)}
                {term_table("Antwoordtermijn per partij", "partij", Facet::Party, parties, &query, data)}
            }
        })
    };
    view! {
        <h1>"Overzicht"</h1>
        <Notices notices=selection.notices/>
        {active_filters_row(data, selection, Route::Overview)}
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
            // The link's name is its visible text ("GL-PvdA 53 vragen"), as WCAG 2.5.3 asks.
            view! {
                <li>
                    <a class="bar-row" href=href>
                        <span class="bar-label">{bar.label.clone()}</span>
                        <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="0" y="0" width=width height="10" class="bar"></rect>
                        </svg>
                        <span class="bar-count">{bar.count}<span class="visually-hidden">" vragen"</span></span>
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

/// A table of answer figures per ministry or party; each figure links to the list it counts.
fn term_table(
    title: &'static str,
    key: &'static str,
    facet: Facet,
    rows: Vec<TermRow>,
    query: &Query,
    data: Data,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let rows = rows
        .into_iter()
        .map(|r| {
            // The list behind a figure: this group, answered or not, within or past the term.
            let href = |answered: Option<bool>, term: Option<Term>| {
                let mut q = only(query, facet, &r.value, data.corpus());
                q.answered = answered;
                q.terms = term.into_iter().collect();
                q.sort = Sort::Waiting;
                nav.href(&Route::List, &to_query_string(&q, data.corpus()))
            };
            let share = match r.timed {
                0 => "–".to_string(),
                n => format!("{} % ({} van {n})", r.in_time * 100 / n, r.in_time),
            };
            let cells = [
                (href(Some(true), None), format!("{} van {}", r.answered, r.questions)),
                (href(Some(true), None), r.median_days.map_or_else(|| "–".to_string(), days_label)),
                (href(Some(true), Some(Term::Within)), share),
                (href(Some(false), Some(Term::Passed)), r.open_past_term.to_string()),
            ];
            view! {
                <tr data-value=r.value.clone()>
                    <th scope="row"><a href=href(None, None)>{r.label.clone()}</a></th>
                    {cells.into_iter().map(|(href, text)| view! { <td><a href=href>{text}</a></td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart" data-testid=format!("termijn-{key}")>
            <h2>{title}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{if key == "partij" { "Partij" } else { "Ministerie" }}</th>
                        <th scope="col">"Beantwoord"</th>
                        <th scope="col">"Mediaan"</th>
                        <th scope="col">"Binnen de termijn"</th>
                        <th scope="col">"Open, termijn verlopen"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
