//! `/document/<id>`: a whole document in reading order, questions and answers in place, footnotes last.

use crate::app::{Data, Nav};
use crate::browser;
use crate::chunked_explorer::ChunkedExplorer;
use crate::document_html;
use crate::format;
use crate::routing::Route;
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::report_html::escape;
use briefwissel_corpus::texts::Missing;
use briefwissel_corpus::{Block, Document, Section};
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn DocumentPage(data: Data, id: String) -> impl IntoView {
    let nav = expect_context::<Nav>();
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
    // The sections and footnotes as HTML text (document_html), drawn again whole when a text of
    // the page arrives.
    let body = move || {
        let mut html = String::new();
        match explorer.text(|t| t.of_document(document)) {
            Ok((sections, footnotes)) => {
                for section in sections {
                    section_html(&mut html, lookup, explorer, document, section, nav);
                }
                document_html::footnotes(&mut html, footnotes);
            }
            Err(shard) => document_html::not_here(&mut html, explorer.text_failure(shard)),
        }
        html
    };
    let facts = facts_view(document, nav);
    view! {
        <article class="document" data-testid="document" data-document-id=document.id.to_string()>
            {super::own_badge(&document.id)}
            <p class="kind">{document.kind.label()}{document.chamber.map(|c| format!(" · {}", c.label()))}</p>
            <h1>{document.title.clone()}</h1>
            {facts}
            <div inner_html=body></div>
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

/// One section of the document in reading order, questions and answers in place, with the text of
/// each or a line saying it is on its way.
fn section_html(
    out: &mut String,
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &Document,
    section: &Section,
    nav: Nav,
) {
    out.push_str("<section class=\"doc-section\">");
    if let Some(heading) = &section.heading {
        let _ = write!(out, "<h2>{}</h2>", escape(heading));
    }
    for block in &section.blocks {
        block_html(out, lookup, explorer, document, block, nav);
    }
    out.push_str("</section>");
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

fn block_html(
    out: &mut String,
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &Document,
    block: &Block,
    nav: Nav,
) {
    // A question's or answer's text may be in another document's shard: a letter repeats the
    // questions it answers.
    let text = |out: &mut String, text: Result<&str, Missing>| match text {
        Ok(text) => document_html::paragraphs(out, text),
        Err(shard) => document_html::not_here(out, explorer.text_failure(shard)),
    };
    let _ = match block {
        Block::Paragraph(p) => write!(out, "<p>{}</p>", escape(p)),
        Block::List(items) => {
            out.push_str("<ul>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", escape(item));
            }
            write!(out, "</ul>")
        }
        Block::Question(id) => match lookup.question(id) {
            Some(q) => {
                let _ = write!(
                    out,
                    "<section class=\"doc-question\" id=\"{}\" data-testid=\"document-question\" data-question-id=\"{}\">",
                    escape(&format::question_anchor(q)),
                    escape(&q.id)
                );
                for anchor in format::extra_question_anchors(q) {
                    let _ = write!(out, "<span id=\"{}\"></span>", escape(&anchor));
                }
                page_html(out, nav, document, q.page);
                let link = nav.href(&Route::Question(q.id.to_string()), "");
                let _ = write!(
                    out,
                    "<h3><a href=\"{}\">Vraag {}</a></h3>",
                    escape(&link),
                    escape(&q.number)
                );
                let asked_by = explorer
                    .text(|t| t.details_of(q))
                    .ok()
                    .filter(|d| !d.askers.is_empty());
                if let Some(details) = asked_by {
                    let who = format::askers_label(details.askers);
                    let _ = write!(out, "<p class=\"askers\">Gesteld door {}</p>", escape(&who));
                }
                text(out, explorer.text(|t| t.of_question(q)));
                write!(out, "</section>")
            }
            None => write!(
                out,
                "<p class=\"missing\">(vraag {} ontbreekt in {})</p>",
                escape(id),
                escape(&document.id)
            ),
        },
        Block::Answer(id) => match lookup.answer(id) {
            Some(a) => {
                let _ = write!(
                    out,
                    "<section class=\"doc-answer\" id=\"{}\">",
                    escape(&format::answer_anchor(a))
                );
                page_html(out, nav, document, a.page);
                let _ = write!(out, "<h3>Antwoord {}</h3>", escape(&a.number));
                text(out, explorer.text(|t| t.of_answer(a)));
                write!(out, "</section>")
            }
            None => write!(
                out,
                "<p class=\"missing\">(antwoord {} ontbreekt in {})</p>",
                escape(id),
                escape(&document.id)
            ),
        },
    };
}

/// "p. 3" for a question or answer of an original: a link to a PDF at that page, else (Word, the
/// single file) plain text.
fn page_html(out: &mut String, nav: Nav, document: &Document, page: Option<u32>) {
    if let Some(label) = format::page_label(page) {
        let href = nav.original_href(&document.file, page);
        document_html::page_reference(out, &label, href.as_deref());
    }
}
