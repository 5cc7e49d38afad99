//! `/overzicht`: questions per party, theme and month as SVG bar charts, and per ministry and party how questions fared against the answer term.

use super::active_filters::active_filters_row;
use super::facets::FacetSidebar;
use super::list::{Notices, Selection};
use crate::app::{Data, Nav};
use crate::browser;
use crate::facet_edit::{only, only_month, Facet};
use crate::overview_html;
use crate::routing::Route;
use crate::stats::{self, Bar, TermRow};
use briefwissel_corpus::deadline::Term;
use briefwissel_corpus::query::{to_query_string, Query, Sort};
use leptos::prelude::*;

#[component]
pub fn OverviewPage(data: Data) -> impl IntoView {
    let nav = Nav::current();
    let selection = Selection::new(data, nav);
    let list_link = move |q: Query| nav.href(&Route::List, &to_query_string(&q, data.corpus()));
    let count = move || {
        selection
            .outcome
            .with(|o| format!("{} vragen in deze selectie", o.total))
    };
    // Drawn whole for each selection, as HTML text (overview_html): no part of it is edited in place.
    let charts = move || {
        let query = selection.query.get();
        selection.outcome.with(|o| {
            let chosen = &o.questions;
            let bars = |bars: Vec<Bar>, link: &dyn Fn(&Bar) -> Query| -> Vec<(String, Bar)> {
                bars.into_iter().map(|b| (list_link(link(&b)), b)).collect()
            };
            let party = bars(stats::per_party(data.corpus(), chosen), &|b| {
                only(&query, Facet::Party, &b.value, data.corpus())
            });
            let theme = bars(stats::per_theme(data.corpus(), chosen), &|b| {
                only(&query, Facet::Theme, &b.value, data.corpus())
            });
            let month = bars(stats::per_month(data.corpus(), chosen), &|b| {
                only_month(&query, &b.value)
            });
            let today = browser::today();
            let ministries = stats::terms_per_ministry(data.lookup(), data.corpus(), chosen, today);
            let parties = stats::terms_per_party(data.lookup(), data.corpus(), chosen, today);
            // The list behind a figure: this group, answered or not, within or past the term.
            let figure_link = |facet: Facet| {
                let query = &query;
                move |row: &TermRow, answered: Option<bool>, term: Option<Term>| {
                    let mut q = only(query, facet, &row.value, data.corpus());
                    q.answered = answered;
                    q.terms = term.into_iter().collect();
                    q.sort = Sort::Waiting;
                    list_link(q)
                }
            };
            let mut html = String::new();
            overview_html::chart(&mut html, "Vragen per partij", "partij", &party);
            overview_html::chart(&mut html, "Vragen per thema", "thema", &theme);
            overview_html::chart(&mut html, "Vragen per maand", "maand", &month);
            overview_html::term_table(
                &mut html,
                "Antwoordtermijn per ministerie",
                "ministerie",
                &ministries,
                &figure_link(Facet::Ministry),
            );
            overview_html::term_table(
                &mut html,
                "Antwoordtermijn per partij",
                "partij",
                &parties,
                &figure_link(Facet::Party),
            );
            html
        })
    };
    view! {
        <h1>"Overzicht"</h1>
        <Notices notices=selection.notices/>
        {active_filters_row(data, selection, Route::Overview)}
        <div class="explorer">
            <FacetSidebar data=data selection=selection route=Route::Overview/>
            <div class="charts">
                <p data-testid="result-count" role="status" aria-live="polite">{count}</p>
                <div inner_html=charts></div>
            </div>
        </div>
    }
}
