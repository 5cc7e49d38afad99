//! One question in a list: parties, askers, addressee, dates and days, document, themes, text and answer.

use super::text::{best_sentence, has_match, marked, paragraphs_view, stored_text};
use crate::app::{Data, Nav};
use crate::browser;
use crate::format;
use crate::routing::Route;
use briefwissel_corpus::deadline::deadline;
use briefwissel_corpus::report::REPORT_PAGE;
use briefwissel_corpus::search::HighlightTerms;
use briefwissel_corpus::{Question, SourceRole};
use leptos::prelude::*;

/// A question card. `open_answer` unfolds the answer (the single-question page does). The
/// highlights follow `terms`: a new search redraws the marked texts, not the whole card.
#[component]
pub fn QuestionCard(
    data: Data,
    question: &'static Question,
    #[prop(into)] terms: Signal<HighlightTerms>,
    #[prop(optional)] open_answer: bool,
) -> impl IntoView {
    let nav = Nav::current();
    let explorer = data.explorer();
    let answer = data.lookup().answer_of(question);
    let document = data.lookup().document(&question.document_id);
    let status = deadline(question, answer, browser::today());
    let is_open = !status.answered;
    let question_href = nav.href(&Route::Question(question.id.to_string()), "");
    let document_href = format!(
        "{}#{}",
        nav.href(&Route::Document(question.document_id.to_string()), ""),
        format::question_anchor(question)
    );
    // Filled in when the question's texts arrive: who asked it of whom, the other documents of its
    // set (the answer letter that repeats it, a postponement) and the words its themes were given
    // for. Until then "…".
    let details = move || explorer.text(|t| t.details_of(question)).ok();
    let linked = move || {
        let sources = details()?.sources.iter().skip(1);
        let linked = sources.filter_map(|s| {
            let d = data.lookup().document(&s.document_id)?;
            let label = match s.role {
                SourceRole::Antwoord => "Antwoord in",
                SourceRole::Uitstel => "Uitstel in",
                SourceRole::Vragen => "Vragen in",
            };
            let href = nav.href(&Route::Document(d.id.to_string()), "");
            Some(view! { <dt>{label}</dt><dd><a href=href data-testid="linked-document">{d.title.clone()}</a></dd> })
        });
        Some(linked.collect_view())
    };
    let badges = question
        .parties
        .iter()
        .map(|name| {
            let abbreviation = data
                .lookup()
                .party(name)
                .map_or(name.as_str(), |p| p.abbreviation.as_str());
            view! { <li class="badge party" title=name.to_string()>{abbreviation.to_string()}</li> }
        })
        .collect_view();
    let themes = question
        .themes
        .iter()
        .map(|id| {
            let label = data.lookup().theme(id).map_or(id.as_str(), |t| t.label.as_str());
            let why = move || format::theme_reason(details().map(|d| d.theme_matches), id);
            let hidden = move || format!(" ({})", why());
            view! { <li class="theme" title=why>{label.to_string()}<span class="visually-hidden">{hidden}</span></li> }
        })
        .collect_view();
    let (status_class, status_text) = format::term_status(&status);
    let status_view = view! { <span class=status_class data-testid="status">{status_text}</span> };
    // When only the answer matches, the card shows the sentence of the answer that matched (its
    // text is fetched only then).
    let snippet = move || {
        let answer = answer.filter(|_| !open_answer && !terms.with(HighlightTerms::is_empty))?;
        let question_text = explorer.text(|t| t.of_question(question)).ok()?;
        let question_matches = terms.with(|terms| {
            has_match(question_text, terms)
                || question
                    .heading
                    .as_deref()
                    .is_some_and(|h| has_match(h, terms))
        });
        if question_matches {
            return None;
        }
        let answer_text = explorer.text(|t| t.of_answer(answer)).ok()?;
        terms.with(|terms| {
            best_sentence(answer_text, terms)
                .map(|sentence| {
                    view! {
                        <p class="answer-snippet" data-testid="answer-snippet">
                            <span class="snippet-label">"Uit het antwoord: "</span>{marked(sentence, terms)}
                        </p>
                    }
                })
        })
    };
    let answer_view = answer.map(|answer| {
        let joint = format::joint_answer_note(data.lookup(), question, answer);
        let open = open_answer;
        let by = move || {
            let who = explorer.text(|t| t.answered_by_of(answer)).ok()??;
            Some(format!("Beantwoord door {who}"))
        };
        // A closed answer's text is rendered when it is first opened: most answers in a list
        // are never opened, and at scale their paragraphs would dominate every re-render.
        let rendered = RwSignal::new(open);
        let on_toggle = move |ev: leptos::ev::Event| {
            if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                rendered.set(true);
            }
        };
        view! {
            <details class="answer" open=open data-testid="answer" on:toggle=on_toggle>
                <summary>"Antwoord" {joint.map(|j| format!(" — {j}"))}</summary>
                {move || rendered.get().then(|| stored_text(explorer, Box::new(move || explorer.text(|t| t.of_answer(answer)).map(|text| terms.with(|t| paragraphs_view(text, t)).into_any()))))}
                <p class="answer-meta">{by}{answer.answered_on.map(|d| format!(" op {}", d.dutch()))}{page_text(answer.page)}</p>
            </details>
        }
    });
    view! {
        <article class="question" class:is-open=is_open data-testid="question" data-question-id=question.id.to_string()>
            <header class="question-head">
                <ul class="badges" aria-label="Partijen">{badges}</ul>
                {super::own_badge(&question.document_id)}
                <h3><a href=question_href>{format!("Vraag {}", question.number)}</a></h3>
                {status_view}
            </header>
            <dl class="facts">
                <dt>"Gesteld door"</dt>
                <dd>{move || details().map_or_else(|| "…".to_string(), |d| format::askers_label(d.askers))}</dd>
                <dt>"Aan"</dt>
                <dd>{move || details().map_or("…", |d| d.addressed_to.unwrap_or("onbekend")).to_string()}</dd>
                <dt>"Gesteld op"</dt>
                <dd>{format::date_label(question.asked_on)}</dd>
                <dt>"Beantwoord op"</dt>
                <dd>{if is_open { "nog niet".to_string() } else { format::date_label(answer.and_then(|a| a.answered_on)) }}</dd>
                <dt>"Document"</dt>
                <dd><a href=document_href>{move || terms.with(|t| marked(document.map_or("", |d| d.title.as_str()), t))}</a>{page_text(question.page)}</dd>
                {linked}
                {question.report_note.map(|n| {
                    // The anchor of report_html::diagnostic_anchor, written here in one format.
                    let href = format!("{REPORT_PAGE}#doc-{}-{n}", question.document_id);
                    view! { <dt>"Let op"</dt><dd><a href=href data-testid="report-note">"opmerking bij het lezen, in de verantwoording"</a></dd> }
                })}
                {question.heading.as_deref().map(|h| view! { <dt>"Kopje"</dt><dd>{move || terms.with(|t| marked(h, t))}</dd> })}
            </dl>
            <ul class="themes" aria-label="Thema's">{themes}</ul>
            <div class="question-text">{stored_text(explorer, Box::new(move || explorer.text(|t| t.of_question(question)).map(|text| terms.with(|t| paragraphs_view(text, t)).into_any())))}</div>
            {snippet}
            {answer_view}
        </article>
    }
}

/// " · p. 3" after a reference, when the text stands on that page of a PDF or Word original.
fn page_text(page: Option<u32>) -> Option<String> {
    format::page_label(page).map(|p| format!(" · {p}"))
}
