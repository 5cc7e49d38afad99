//! The document page's blocks, facts and footnotes as HTML text, every value escaped: questions and answers in place, paragraphs, lists, and a line for a text not here yet.

use crate::chunked_explorer::ChunkedExplorer;
use crate::format::{list_items, paragraphs, text_not_here};
use briefwissel_corpus::report_html::escape;
use briefwissel_corpus::texts::Missing;
use briefwissel_corpus::Footnote;
use std::fmt::Write;

/// A question's or answer's text as far as the page has it.
pub enum Text<'t> {
    Here(&'t str),
    /// Not here yet; with why it did not come, if it failed.
    NotHere(Option<String>),
}

impl<'t> Text<'t> {
    /// A stored text as the explorer gave it: here, or on its way in `shard` (which `explorer`
    /// knows to have failed, if it did).
    pub fn of(read: Result<&'t str, Missing>, explorer: &ChunkedExplorer) -> Text<'t> {
        match read {
            Ok(text) => Text::Here(text),
            Err(shard) => Text::NotHere(explorer.text_failure(shard)),
        }
    }
}

/// "p. 3" for a question or answer of an original, with the original at that page where there is
/// a link to it (a PDF; not a Word file or the single file).
pub struct PageReference {
    pub label: String,
    pub href: Option<String>,
}

/// A question in its place in the document.
pub struct QuestionBlock<'a> {
    /// Its id (`data-question-id`), and its anchors: `vraag-<n>`, and those of its other numbers.
    pub id: &'a str,
    pub anchor: String,
    pub extra_anchors: Vec<String>,
    pub page: Option<PageReference>,
    /// Its own page, and its number as printed.
    pub href: String,
    pub number: &'a str,
    /// Who asked it ("Gesteld door …"), once its details are here and name someone.
    pub asked_by: Option<String>,
    pub text: Text<'a>,
}

/// An answer in its place in the document.
pub struct AnswerBlock<'a> {
    pub anchor: String,
    pub page: Option<PageReference>,
    pub number: &'a str,
    pub text: Text<'a>,
}

/// The HTML text `write` writes.
pub fn html(write: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    write(&mut out);
    out
}

pub fn question(out: &mut String, q: &QuestionBlock) {
    let _ = write!(
        out,
        "<section class=\"doc-question\" id=\"{}\" data-testid=\"document-question\" data-question-id=\"{}\">",
        escape(&q.anchor),
        escape(q.id)
    );
    for anchor in &q.extra_anchors {
        let _ = write!(out, "<span id=\"{}\"></span>", escape(anchor));
    }
    page_reference(out, q.page.as_ref());
    let _ = write!(
        out,
        "<h3><a href=\"{}\">Vraag {}</a></h3>",
        escape(&q.href),
        escape(q.number)
    );
    if let Some(who) = &q.asked_by {
        let _ = write!(out, "<p class=\"askers\">Gesteld door {}</p>", escape(who));
    }
    text(out, &q.text);
    out.push_str("</section>");
}

pub fn answer(out: &mut String, a: &AnswerBlock) {
    let _ = write!(
        out,
        "<section class=\"doc-answer\" id=\"{}\">",
        escape(&a.anchor)
    );
    page_reference(out, a.page.as_ref());
    let _ = write!(out, "<h3>Antwoord {}</h3>", escape(a.number));
    text(out, &a.text);
    out.push_str("</section>");
}

/// The line for a question or answer (`what`: "vraag", "antwoord") that a document places but the
/// corpus does not have.
pub fn missing(out: &mut String, what: &str, id: &str, document: &str) {
    let _ = write!(
        out,
        "<p class=\"missing\">({what} {} ontbreekt in {})</p>",
        escape(id),
        escape(document)
    );
}

pub fn paragraph(out: &mut String, paragraph: &str) {
    paragraph_with(out, paragraph, &mut escaped);
}

pub fn list<'i>(out: &mut String, items: impl IntoIterator<Item = &'i str>) {
    list_with(out, items, &mut escaped);
}

/// A piece of text written as it reads, escaped.
fn escaped(out: &mut String, piece: &str) {
    out.push_str(&escape(piece));
}

/// A `<p>` around `paragraph` as `piece` writes it.
fn paragraph_with(out: &mut String, paragraph: &str, piece: &mut dyn FnMut(&mut String, &str)) {
    out.push_str("<p>");
    piece(out, paragraph);
    out.push_str("</p>");
}

/// A `<ul>` with an `<li>` around each item as `piece` writes it.
fn list_with<'i>(
    out: &mut String,
    items: impl IntoIterator<Item = &'i str>,
    piece: &mut dyn FnMut(&mut String, &str),
) {
    out.push_str("<ul>");
    for item in items {
        out.push_str("<li>");
        piece(out, item);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// A stored text's paragraphs (separated by blank lines; see [`list_items`] for those that are
/// lists), or the line in its place while it is not here.
pub fn text(out: &mut String, text: &Text) {
    text_with(out, text, &mut escaped);
}

/// [`text`], each paragraph and list item written by `piece` (which escapes it, and may mark it).
pub fn text_with(out: &mut String, text: &Text, piece: &mut dyn FnMut(&mut String, &str)) {
    match text {
        Text::Here(text) => {
            for p in paragraphs(text) {
                match list_items(p) {
                    Some(items) => list_with(out, items, piece),
                    None => paragraph_with(out, p, piece),
                }
            }
        }
        Text::NotHere(failure) => {
            let (line, busy) = text_not_here(failure.clone());
            let busy = if busy { " aria-busy=\"true\"" } else { "" };
            let _ = write!(out, "<p class=\"loading\"{busy}>{}</p>", escape(&line));
        }
    }
}

fn page_reference(out: &mut String, page: Option<&PageReference>) {
    let Some(page) = page else { return };
    let _ = match &page.href {
        Some(href) => write!(
            out,
            "<a href=\"{}\">{}</a>",
            escape(href),
            escape(&page.label)
        ),
        None => write!(out, "<p class=\"page\">{}</p>", escape(&page.label)),
    };
}

/// The rows of a description list, leaving out the facts that are not known.
pub fn facts(out: &mut String, rows: &[(&str, Option<String>)]) {
    for (label, value) in rows {
        if let Some(value) = value {
            let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
        }
    }
}

/// The footnotes under their heading, each with the id `voetnoot-<number>` its marks link to;
/// nothing when there are none.
pub fn footnotes(out: &mut String, notes: &[Footnote]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<section class=\"footnotes\" aria-labelledby=\"voetnoten-kop\"><h2 id=\"voetnoten-kop\">Voetnoten</h2><ul>");
    for note in notes {
        let number = escape(&note.number);
        let _ = write!(
            out,
            "<li id=\"voetnoot-{number}\"><span class=\"fn-number\">{number}</span> {}</li>",
            escape(&note.text)
        );
    }
    out.push_str("</ul></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_dash_lists_become_p_and_ul_with_markup_in_the_text_escaped() {
        let stored =
            "Kunt u <b>dit</b> toelichten?\n\n- eerst & dan\n- daarna\n\n- één regel met streepje";
        assert_eq!(
            html(|o| text(o, &Text::Here(stored))),
            "<p>Kunt u &lt;b&gt;dit&lt;/b&gt; toelichten?</p>\
             <ul><li>eerst &amp; dan</li><li>daarna</li></ul>\
             <p>- één regel met streepje</p>"
        );
    }

    #[test]
    fn a_text_on_its_way_says_so_and_is_busy_and_a_failed_one_says_why() {
        assert_eq!(
            html(|o| text(o, &Text::NotHere(None))),
            "<p class=\"loading\" aria-busy=\"true\">Tekst wordt geladen…</p>"
        );
        assert_eq!(
            html(|o| text(o, &Text::NotHere(Some("Geen verbinding <offline>".into())))),
            "<p class=\"loading\">Geen verbinding &lt;offline&gt;</p>"
        );
    }

    #[test]
    fn a_question_of_an_own_document_with_quotes_in_its_id_stays_inside_its_attributes() {
        // Own documents take their ids from file names, which may hold quotes and brackets.
        let q = QuestionBlock {
            id: "eigen-\"a\"<b>-q1",
            anchor: "vraag-1".into(),
            extra_anchors: vec!["vraag-1a".into()],
            page: Some(PageReference {
                label: "p. 3".into(),
                href: Some("originals/a b.pdf#page=3".into()),
            }),
            href: "vraag/eigen-%22a%22".into(),
            number: "1",
            asked_by: Some("Dijk (SP) & Van der Plas (BBB)".into()),
            text: Text::Here("Kent u het bericht?"),
        };
        assert_eq!(
            html(|o| question(o, &q)),
            "<section class=\"doc-question\" id=\"vraag-1\" data-testid=\"document-question\" \
             data-question-id=\"eigen-&quot;a&quot;&lt;b&gt;-q1\"><span id=\"vraag-1a\"></span>\
             <a href=\"originals/a b.pdf#page=3\">p. 3</a><h3><a href=\"vraag/eigen-%22a%22\">Vraag 1</a></h3>\
             <p class=\"askers\">Gesteld door Dijk (SP) &amp; Van der Plas (BBB)</p>\
             <p>Kent u het bericht?</p></section>"
        );
    }

    #[test]
    fn an_answer_without_a_pdf_page_link_names_its_page_as_text_and_waits_for_its_text() {
        let a = AnswerBlock {
            anchor: "antwoord-2".into(),
            page: Some(PageReference {
                label: "p. 2".into(),
                href: None,
            }),
            number: "2",
            text: Text::NotHere(None),
        };
        assert_eq!(
            html(|o| answer(o, &a)),
            "<section class=\"doc-answer\" id=\"antwoord-2\"><p class=\"page\">p. 2</p><h3>Antwoord 2</h3>\
             <p class=\"loading\" aria-busy=\"true\">Tekst wordt geladen…</p></section>"
        );
        assert_eq!(
            html(|o| missing(o, "antwoord", "kv-1-a<2>", "kv-1")),
            "<p class=\"missing\">(antwoord kv-1-a&lt;2&gt; ontbreekt in kv-1)</p>"
        );
    }

    #[test]
    fn unknown_facts_are_left_out() {
        let rows = [
            ("Datum", Some("5 december 2025".to_string())),
            ("Dossier", None),
            ("Aan", Some("\"de Kamer\"".to_string())),
        ];
        assert_eq!(
            html(|o| facts(o, &rows)),
            "<dt>Datum</dt><dd>5 december 2025</dd><dt>Aan</dt><dd>&quot;de Kamer&quot;</dd>"
        );
    }

    #[test]
    fn footnotes_carry_the_ids_their_marks_link_to() {
        let notes = vec![Footnote {
            number: "1".into(),
            text: "Kamerstuk 36 410 & bijlage".into(),
        }];
        assert_eq!(
            html(|o| footnotes(o, &notes)),
            "<section class=\"footnotes\" aria-labelledby=\"voetnoten-kop\"><h2 id=\"voetnoten-kop\">Voetnoten</h2>\
             <ul><li id=\"voetnoot-1\"><span class=\"fn-number\">1</span> Kamerstuk 36 410 &amp; bijlage</li></ul></section>"
        );
        assert_eq!(html(|o| footnotes(o, &[])), "");
    }
}
