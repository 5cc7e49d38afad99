//! `/vraag/<id>`: one question with its answer unfolded and a link to its place in the document.

use super::question_card::QuestionCard;
use crate::app::{Data, Nav};
use crate::format;
use crate::routing::Route;
use briefwissel_corpus::search::HighlightTerms;
use leptos::prelude::*;

#[component]
pub fn QuestionPage(data: Data, id: String) -> impl IntoView {
    let nav = Nav::current();
    let list_href = nav.href(&Route::List, "");
    let Some(question) = data.lookup().question(&id) else {
        return super::not_found(nav, "Vraag", id);
    };
    // Opening the page asks again for a text that could not be loaded before.
    data.explorer().retry_texts();
    let title = data
        .lookup()
        .document(&question.document_id)
        .map(|d| d.title.clone());
    let in_document = format!(
        "{}#{}",
        nav.href(&Route::Document(question.document_id.to_string()), ""),
        format::question_anchor(question)
    );
    view! {
        <h1>{format!("Vraag {}", question.number)}{title.map(|t| format!(" — {t}"))}</h1>
        <p class="crumbs">
            <a href=list_href>"Alle vragen en antwoorden"</a>" · "
            <a href=in_document>"Bekijk in het document"</a>
        </p>
        <div class="question-list single">
            <QuestionCard data=data question=question terms=Signal::stored(HighlightTerms::default()) open_answer=true/>
        </div>
    }
    .into_any()
}
