//! `/document/<id>`: a whole document in reading order, questions and answers in place, footnotes last.

use super::text::{paragraphs_view, stored_text};
use crate::app::{Data, Nav};
use crate::browser;
use crate::chunked_explorer::ChunkedExplorer;
use crate::format;
use crate::routing::Route;
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::search::HighlightTerms;
use briefwissel_corpus::{Block, Document, Footnote, Section};
use leptos::prelude::*;

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
    let body = stored_text(
        explorer,
        Box::new(move || {
            let (sections, footnotes) = explorer.text(|t| t.of_document(document))?;
            Ok(body_view(lookup, explorer, document, sections, footnotes, nav).into_any())
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

/// The document's sections in reading order (questions and answers in place), footnotes last.
fn body_view(
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &'static Document,
    sections: &'static [Section],
    footnotes: &'static [Footnote],
    nav: Nav,
) -> impl IntoView {
    let sections = sections
        .iter()
        .map(|section| {
            let blocks = section
                .blocks
                .iter()
                .map(|b| block_view(lookup, explorer, document, b, nav))
                .collect_view();
            view! {
                <section class="doc-section">
                    {section.heading.clone().map(|h| view! { <h2>{h}</h2> })}
                    {blocks}
                </section>
            }
        })
        .collect_view();
    let footnotes = (!footnotes.is_empty()).then(|| {
        let items = footnotes
            .iter()
            .map(|f| {
                view! { <li id=format!("voetnoot-{}", f.number)><span class="fn-number">{f.number.clone()}</span>" "{f.text.clone()}</li> }
            })
            .collect_view();
        view! {
            <section class="footnotes" aria-labelledby="voetnoten-kop">
                <h2 id="voetnoten-kop">"Voetnoten"</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    view! { {sections} {footnotes} }
}

fn facts_view(document: &'static Document, nav: Nav) -> impl IntoView {
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
    };
    // "PDF, 5 pagina's", and below the facts a link to open it (the single file has none).
    let original = row("Origineel", format::original_label(document));
    let open = format::Original::of(&document.file).zip(nav.original_href(&document.file, None));
    let open = open.map(|(kind, href)| view! { <p><a href=href>{kind.link_text()}</a></p> });
    view! {
        <dl class="facts">
            {row("Datum", document.date.map(|d| d.dutch()))}
            {row("Dossier", document.dossier.clone())}
            {row("Afzender", document.sender.clone())}
            {row("Aan", document.recipient.clone())}
            {row("Kenmerk", document.references.kenmerk.clone())}
            {row("Ondertekend door", (!document.signatories.is_empty()).then(|| format::dutch_list(&document.signatories)))}
            {row("Bronbestand", Some(document.file.clone()))}
            {original}
        </dl>
        {open}
    }
}

fn block_view(
    lookup: &'static CorpusLookup<'static>,
    explorer: &'static ChunkedExplorer,
    document: &Document,
    block: &Block,
    nav: Nav,
) -> AnyView {
    match block {
        Block::Paragraph(text) => view! { <p>{text.clone()}</p> }.into_any(),
        Block::List(items) => view! { <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }.into_any(),
        Block::Question(id) => match lookup.question(id) {
            Some(q) => {
                let extra = format::extra_question_anchors(q).into_iter().map(|a| view! { <span id=a></span> }).collect_view();
                let link = nav.href(&Route::Question(q.id.to_string()), "");
                view! {
                    <section class="doc-question" id=format::question_anchor(q) data-testid="document-question" data-question-id=q.id.to_string()>
                        {extra}
                        {page_view(nav, document, q.page)}
                        <h3><a href=link>{format!("Vraag {}", q.number)}</a></h3>
                        {move || explorer.text(|t| t.details_of(q)).ok().filter(|d| !d.askers.is_empty()).map(|d| view! { <p class="askers">{format!("Gesteld door {}", format::askers_label(d.askers))}</p> })}
                        {stored_text(explorer, Box::new(move || explorer.text(|t| t.of_question(q)).map(plain)))}
                    </section>
                }
                .into_any()
            }
            None => view! { <p class="missing">{format!("(vraag {id} ontbreekt in {})", document.id)}</p> }.into_any(),
        },
        Block::Answer(id) => match lookup.answer(id) {
            Some(a) => view! {
                <section class="doc-answer" id=format::answer_anchor(a)>
                    {page_view(nav, document, a.page)}
                    <h3>{format!("Antwoord {}", a.number)}</h3>
                    {stored_text(explorer, Box::new(move || explorer.text(|t| t.of_answer(a)).map(plain)))}
                </section>
            }
            .into_any(),
            None => view! { <p class="missing">{format!("(antwoord {id} ontbreekt in {})", document.id)}</p> }.into_any(),
        },
    }
}

/// A question's or answer's text without marks (it may be in another document's shard: a letter
/// repeats the questions it answers).
fn plain(text: &str) -> AnyView {
    paragraphs_view(text, &HighlightTerms::default()).into_any()
}

/// "p. 3" for a question or answer of an original: a link to a PDF at that page, else (Word, the
/// single file) plain text.
fn page_view(nav: Nav, document: &Document, page: Option<u32>) -> Option<AnyView> {
    let label = format::page_label(page)?;
    Some(match nav.original_href(&document.file, page) {
        Some(href) => view! { <a href=href>{label}</a> }.into_any(),
        None => view! { <p class="page">{label}</p> }.into_any(),
    })
}
