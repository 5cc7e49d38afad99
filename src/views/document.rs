//! `/document/<id>`: a whole document in reading order, questions and answers in place, footnotes last.

use super::text::stored_text;
use crate::app::{Data, Nav};
use crate::browser;
use crate::chunked_explorer::ChunkedExplorer;
use crate::document_html::{self, AnswerBlock, PageReference, QuestionBlock, Text};
use crate::format;
use crate::routing::Route;
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::texts::Missing;
use briefwissel_corpus::{Block, Document};
use leptos::prelude::*;

#[component]
pub fn DocumentPage(data: Data, id: String) -> impl IntoView {
    let nav = Nav::current();
    let Some(document) = data.lookup().document(&id) else {
        return super::not_found(nav, "Document", id);
    };
    let explorer = data.explorer();
    // Opening the page asks again for a text that could not be loaded before.
    explorer.retry_texts();
    let lookup = data.lookup();
    // Jump to #vraag-<n> once every text of the page is in the DOM (a letter's repeated questions
    // may be in another document's shard): nothing above it moves after.
    Effect::new(move |_| {
        let hash = nav.here.with(|h| h.hash.clone());
        if !hash.is_empty() && all_texts_here(lookup, explorer, document) {
            request_animation_frame(move || {
                browser::scroll_to_id(&hash);
            });
        }
    });
    // The sections in reading order, footnotes last. Each block is HTML text (document_html) in
    // an element of its own, drawn again when its text arrives: a question repeated from another
    // letter may wait for that letter's shard while the rest of the page is read (and focused).
    let body = stored_text(
        explorer,
        Box::new(move || {
            let (sections, footnotes) = explorer.text(|t| t.of_document(document))?;
            let sections = sections
                .iter()
                .map(|section| {
                    let blocks = section
                        .blocks
                        .iter()
                        .map(|block| {
                            let html = move || block_html(lookup, explorer, document, block, nav);
                            view! { <div inner_html=html></div> }
                        })
                        .collect_view();
                    view! {
                        <section class="doc-section">
                            {section.heading.clone().map(|h| view! { <h2>{h}</h2> })}
                            {blocks}
                        </section>
                    }
                })
                .collect_view();
            let mut notes = String::new();
            document_html::footnotes(&mut notes, footnotes);
            Ok(view! { {sections}<div inner_html=notes></div> }.into_any())
        }),
    );
    let facts = facts_view(document, nav);
    view! {
        <article class="document" data-testid="document" data-document-id=document.id.to_string()>
            {super::own_badge(&document.id)}
            <p class="kind">{document.kind.label()}{document.chamber.map(|c| format!(" · {}", c.label()))}</p>
            <h1>{document.title.clone()}</h1>
            {facts}
            {body}
        </article>
    }
    .into_any()
}

/// Whether the document's texts and those of the questions and answers placed in it are here
/// (each one missing is asked for, and the caller runs again when it arrives).
fn all_texts_here(
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &'static Document,
) -> bool {
    let Ok((sections, _)) = explorer.text(|t| t.of_document(document)) else {
        return false;
    };
    let blocks = sections.iter().flat_map(|s| &s.blocks);
    blocks.into_iter().all(|block| match block {
        Block::Question(id) => lookup
            .question(id)
            .is_none_or(|q| explorer.text(|t| t.of_question(q)).is_ok()),
        Block::Answer(id) => lookup
            .answer(id)
            .is_none_or(|a| explorer.text(|t| t.of_answer(a)).is_ok()),
        Block::Paragraph(_) | Block::List(_) => true,
    })
}

fn facts_view(document: &'static Document, nav: Nav) -> impl IntoView {
    let mut rows = String::new();
    document_html::facts(
        &mut rows,
        &[
            ("Datum", document.date.map(|d| d.dutch())),
            ("Dossier", document.dossier.clone()),
            ("Afzender", document.sender.clone()),
            ("Aan", document.recipient.clone()),
            ("Kenmerk", document.references.kenmerk.clone()),
            // "Zie ook Aanhangsel Handelingen, …": the notice that postponed the answer.
            (
                "Uitstel gemeld in",
                (document.references.postponement_aanhangsel.as_ref())
                    .map(|r| format!("Aanhangsel Handelingen {r}")),
            ),
            (
                "Ondertekend door",
                (!document.signatories.is_empty())
                    .then(|| format::dutch_list(&document.signatories)),
            ),
            ("Bronbestand", Some(document.file.clone())),
            // "PDF, 5 pagina's", and below the facts a link to open it (the single file has none).
            ("Origineel", format::original_label(document)),
        ],
    );
    let open = format::Original::of(&document.file).zip(nav.original_href(&document.file, None));
    let open = open.map(|(kind, href)| view! { <p><a href=href>{kind.link_text()}</a></p> });
    view! {
        <dl class="facts" inner_html=rows></dl>
        {open}
    }
}

/// One block of the document as HTML text: a paragraph, a list, or a question or answer in place
/// with its text as far as it is here.
fn block_html(
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &Document,
    block: &Block,
    nav: Nav,
) -> String {
    // A question's or answer's text may be in another document's shard: a letter repeats the
    // questions it answers.
    let text_of = |read: Result<&'static str, Missing>| Text::of(read, explorer);
    let page = |page: Option<u32>| {
        format::page_label(page).map(|label| PageReference {
            label,
            href: nav.original_href(&document.file, page),
        })
    };
    let mut out = String::new();
    match block {
        Block::Paragraph(p) => document_html::paragraph(&mut out, p),
        Block::List(items) => document_html::list(&mut out, items.iter().map(String::as_str)),
        Block::Question(id) => match lookup.question(id) {
            Some(q) => {
                let details = explorer.text(|t| t.details_of(q)).ok();
                let asked_by = details
                    .filter(|d| !d.askers.is_empty())
                    .map(|d| format::askers_label(d.askers));
                let block = QuestionBlock {
                    id: &q.id,
                    anchor: format::question_anchor(q),
                    extra_anchors: format::extra_question_anchors(q),
                    page: page(q.page),
                    href: nav.href(&Route::Question(q.id.to_string()), ""),
                    number: &q.number,
                    asked_by,
                    text: text_of(explorer.text(|t| t.of_question(q))),
                };
                document_html::question(&mut out, &block);
            }
            None => document_html::missing(&mut out, "vraag", id, &document.id),
        },
        Block::Answer(id) => match lookup.answer(id) {
            Some(a) => {
                let block = AnswerBlock {
                    anchor: format::answer_anchor(a),
                    page: page(a.page),
                    number: &a.number,
                    text: text_of(explorer.text(|t| t.of_answer(a))),
                };
                document_html::answer(&mut out, &block);
            }
            None => document_html::missing(&mut out, "antwoord", id, &document.id),
        },
    }
    out
}
