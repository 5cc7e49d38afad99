//! Pieces of the document page as HTML text, every value escaped: paragraphs and lists, a text still loading, page references, facts and footnotes.

use crate::format::{list_items, paragraphs as paragraphs_of};
use briefwissel_corpus::report_html::escape;
use briefwissel_corpus::Footnote;
use std::fmt::Write;

/// A stored text's paragraphs (separated by blank lines); a paragraph whose lines all start with
/// `- ` is a list.
pub fn paragraphs(out: &mut String, text: &str) {
    for p in paragraphs_of(text) {
        match list_items(p) {
            Some(items) => {
                out.push_str("<ul>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", escape(item));
                }
                out.push_str("</ul>");
            }
            None => {
                let _ = write!(out, "<p>{}</p>", escape(p));
            }
        }
    }
}

/// The line in place of a text that is not here: why it did not come (`failure`), or that it is
/// on its way (with `aria-busy`: the prerender waits for it to go).
pub fn not_here(out: &mut String, failure: Option<String>) {
    match failure {
        Some(why) => {
            let _ = write!(out, "<p class=\"loading\">{}</p>", escape(&why));
        }
        None => out.push_str("<p class=\"loading\" aria-busy=\"true\">Tekst wordt geladen…</p>"),
    }
}

/// "p. 3": a link to the original at that page where there is one, else plain text.
pub fn page_reference(out: &mut String, label: &str, href: Option<&str>) {
    let _ = match href {
        Some(href) => write!(out, "<a href=\"{}\">{}</a>", escape(href), escape(label)),
        None => write!(out, "<p class=\"page\">{}</p>", escape(label)),
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

    fn html(write: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        write(&mut out);
        out
    }

    #[test]
    fn paragraphs_and_dash_lists_become_p_and_ul_with_markup_in_the_text_escaped() {
        let text =
            "Kunt u <b>dit</b> toelichten?\n\n- eerst & dan\n- daarna\n\n- één regel met streepje";
        assert_eq!(
            html(|o| paragraphs(o, text)),
            "<p>Kunt u &lt;b&gt;dit&lt;/b&gt; toelichten?</p>\
             <ul><li>eerst &amp; dan</li><li>daarna</li></ul>\
             <p>- één regel met streepje</p>"
        );
    }

    #[test]
    fn a_text_on_its_way_says_so_and_is_busy_and_a_failed_one_says_why() {
        assert_eq!(
            html(|o| not_here(o, None)),
            "<p class=\"loading\" aria-busy=\"true\">Tekst wordt geladen…</p>"
        );
        assert_eq!(
            html(|o| not_here(o, Some("Geen verbinding <offline>".into()))),
            "<p class=\"loading\">Geen verbinding &lt;offline&gt;</p>"
        );
    }

    #[test]
    fn a_page_reference_links_to_the_original_only_where_there_is_one() {
        assert_eq!(
            html(|o| page_reference(o, "p. 3", Some("originals/a b.pdf#page=3"))),
            "<a href=\"originals/a b.pdf#page=3\">p. 3</a>"
        );
        assert_eq!(
            html(|o| page_reference(o, "p. 3", None)),
            "<p class=\"page\">p. 3</p>"
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
