//! One question in a list: parties, askers, addressee, dates and days, document, themes, text and answer.

use crate::app::{Data, Nav};
use crate::browser;
use crate::card_html;
use crate::document_html::{html, Text};
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
    // for. Until then "…". Each part that changes is HTML text (card_html) in an element of its own.
    let details = move || explorer.text(|t| t.details_of(question)).ok();
    let facts = move || {
        let details = details();
        let linked = details.iter().flat_map(|d| d.sources.iter().skip(1));
        let linked = linked
            .filter_map(|s| {
                let d = data.lookup().document(&s.document_id)?;
                let label = match s.role {
                    SourceRole::Antwoord => "Antwoord in",
                    SourceRole::Uitstel => "Uitstel in",
                    SourceRole::Vragen => "Vragen in",
                };
                let href = nav.href(&Route::Document(d.id.to_string()), "");
                Some((label, href, d.title.as_str()))
            })
            .collect();
        let facts = card_html::Facts {
            asked_by: details.as_ref().map(|d| format::askers_label(d.askers)),
            asked_of: details
                .as_ref()
                .map(|d| d.addressed_to.unwrap_or("onbekend")),
            asked_on: format::date_label(question.asked_on),
            answered_on: if is_open {
                "nog niet".to_string()
            } else {
                format::date_label(answer.and_then(|a| a.answered_on))
            },
            document_href: &document_href,
            document_title: document.map_or("", |d| d.title.as_str()),
            page: page_text(question.page),
            linked,
            // The anchor of report_html::diagnostic_anchor, written here in one format.
            report_href: question
                .report_note
                .map(|n| format!("{REPORT_PAGE}#doc-{}-{n}", question.document_id)),
            heading: question.heading.as_deref(),
        };
        html(|out| terms.with(|t| card_html::facts(out, &facts, t)))
    };
    let badges = html(|out| {
        for name in &question.parties {
            let abbreviation = data
                .lookup()
                .party(name)
                .map_or(name.as_str(), |p| p.abbreviation.as_str());
            card_html::party(out, name, abbreviation);
        }
    });
    let themes = move || {
        let matches = details().map(|d| d.theme_matches);
        html(|out| {
            for id in &question.themes {
                let label = data
                    .lookup()
                    .theme(id)
                    .map_or(id.as_str(), |t| t.label.as_str());
                card_html::theme(out, label, &format::theme_reason(matches, id));
            }
        })
    };
    let (status_class, status_text) = format::term_status(&status);
    // When only the answer matches, the card shows the sentence of the answer that matched (its
    // text is fetched only then).
    let snippet = move || {
        let answer = answer.filter(|_| !open_answer && !terms.with(HighlightTerms::is_empty))?;
        let question_text = explorer.text(|t| t.of_question(question)).ok()?;
        let question_matches = terms.with(|terms| {
            card_html::has_match(question_text, terms)
                || question
                    .heading
                    .as_deref()
                    .is_some_and(|h| card_html::has_match(h, terms))
        });
        if question_matches {
            return None;
        }
        let answer_text = explorer.text(|t| t.of_answer(answer)).ok()?;
        terms.with(|terms| {
            let sentence = card_html::best_sentence(answer_text, terms)?;
            Some(html(|out| card_html::answer_snippet(out, sentence, terms)))
        })
    };
    let question_text = move || {
        let text = explorer.text(|t| t.of_question(question));
        html(|out| terms.with(|t| card_html::text(out, &Text::of(text, explorer), t)))
    };
    let answer_view = answer.map(|answer| {
        let joint = format::joint_answer_note(data.lookup(), question, answer);
        let open = open_answer;
        // "Beantwoord door … op … · p. 3": who answered comes with the texts.
        let meta = move || {
            let mut line = explorer
                .text(|t| t.answered_by_of(answer))
                .ok()
                .flatten()
                .map(|who| format!("Beantwoord door {who}"))
                .unwrap_or_default();
            if let Some(date) = answer.answered_on {
                line += &format!(" op {}", date.dutch());
            }
            line += &page_text(answer.page).unwrap_or_default();
            line
        };
        let summary = match joint {
            Some(joint) => format!("Antwoord — {joint}"),
            None => "Antwoord".to_string(),
        };
        // A closed answer's text is rendered when it is first opened: most answers in a list
        // are never opened, and at scale their paragraphs would dominate every re-render.
        let rendered = RwSignal::new(open);
        let on_toggle = move |ev: leptos::ev::Event| {
            if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                rendered.set(true);
            }
        };
        let answer_text = move || {
            if !rendered.get() {
                return String::new();
            }
            let text = explorer.text(|t| t.of_answer(answer));
            html(|out| terms.with(|t| card_html::text(out, &Text::of(text, explorer), t)))
        };
        view! {
            <details class="answer" open=open data-testid="answer" on:toggle=on_toggle>
                <summary>{summary}</summary>
                <div inner_html=answer_text></div>
                <p class="answer-meta">{meta}</p>
            </details>
        }
    });
    view! {
        <article class="question" class:is-open=is_open data-testid="question" data-question-id=question.id.to_string()>
            <header class="question-head">
                <ul class="badges" aria-label="Partijen" inner_html=badges></ul>
                {super::own_badge(&question.document_id)}
                <h3><a href=question_href>{format!("Vraag {}", question.number)}</a></h3>
                <span class=status_class data-testid="status">{status_text}</span>
            </header>
            <dl class="facts" inner_html=facts></dl>
            <ul class="themes" aria-label="Thema's" inner_html=themes></ul>
            <div class="question-text" inner_html=question_text></div>
            <div inner_html=snippet></div>
            {answer_view}
        </article>
    }
}

/// " · p. 3" after a reference, when the text stands on that page of a PDF or Word original.
fn page_text(page: Option<u32>) -> Option<String> {
    format::page_label(page).map(|p| format!(" · {p}"))
}
