//! A question card's facts, themes and texts as HTML text: every value escaped, the matches of the search in `<mark>`.
//
// The card's parts that change (when the question's texts arrive, when the search changes) are
// each drawn as one piece of HTML text into an element of their own, as the document page's
// blocks are (`document_html`): one string writer for them all instead of a typed view per part,
// which is smaller in the app's wasm. Markup in a text stays text: everything is escaped.

use crate::document_html::{self, Text};
use briefwissel_corpus::report_html::escape;
use briefwissel_corpus::search::{HighlightTerms, Highlighter};
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    /// The highlighter of the current search, kept between texts and renders: every word of a
    /// page is stemmed once, not once per paragraph and keystroke.
    static HIGHLIGHTER: RefCell<Option<Highlighter>> = const { RefCell::new(None) };
}

/// Runs `f` with the highlighter for `terms` (a new one when the search changed).
fn with_highlighter<T>(terms: &HighlightTerms, f: impl FnOnce(&mut Highlighter) -> T) -> T {
    HIGHLIGHTER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|h| h.terms() != terms) {
            *slot = Some(Highlighter::new(terms));
        }
        match slot.as_mut() {
            Some(highlighter) => f(highlighter),
            None => f(&mut Highlighter::new(terms)),
        }
    })
}

/// The sentence of `text` that best shows why it matched (see [`Highlighter::best_sentence`]).
pub fn best_sentence<'t>(text: &'t str, terms: &HighlightTerms) -> Option<&'t str> {
    if terms.is_empty() {
        return None;
    }
    let (start, end) = with_highlighter(terms, |h| h.best_sentence(text))?;
    text.get(start..end)
}

/// Whether a search would mark anything in this text.
pub fn has_match(text: &str, terms: &HighlightTerms) -> bool {
    !terms.is_empty() && with_highlighter(terms, |h| h.has_match(text))
}

/// `text`, escaped, with the search's matches in `<mark>`.
pub fn marked(out: &mut String, text: &str, terms: &HighlightTerms) {
    let runs = if terms.is_empty() {
        Vec::new()
    } else {
        with_highlighter(terms, |h| h.runs(text))
    };
    if !runs.iter().any(|(_, hit)| *hit) {
        out.push_str(&escape(text));
        return;
    }
    for (piece, hit) in runs {
        if hit {
            let _ = write!(out, "<mark>{}</mark>", escape(&piece));
        } else {
            out.push_str(&escape(&piece));
        }
    }
}

/// A stored text's paragraphs as on the document page (`document_html::text`), matches marked.
pub fn text(out: &mut String, text: &Text, terms: &HighlightTerms) {
    document_html::text_with(out, text, &mut |out, piece| marked(out, piece, terms));
}

/// The rows of a card's description list. `None` for what waits for the question's texts ("…").
pub struct Facts<'a> {
    pub asked_by: Option<String>,
    pub asked_of: Option<&'a str>,
    pub asked_on: String,
    pub answered_on: String,
    pub document_href: &'a str,
    pub document_title: &'a str,
    /// " · p. 3" after the document, where the question stands on a page of an original.
    pub page: Option<String>,
    /// The other documents of the question's set: label ("Antwoord in"), href, title.
    pub linked: Vec<(&'static str, String, &'a str)>,
    /// The question's note in the parse report.
    pub report_href: Option<String>,
    pub heading: Option<&'a str>,
}

/// The rows of `facts`, the document's title and the question's heading with matches marked.
pub fn facts(out: &mut String, facts: &Facts, terms: &HighlightTerms) {
    let waiting = |value: Option<&str>| escape(value.unwrap_or("…"));
    let _ = write!(
        out,
        "<dt>Gesteld door</dt><dd>{}</dd><dt>Aan</dt><dd>{}</dd>\
         <dt>Gesteld op</dt><dd>{}</dd><dt>Beantwoord op</dt><dd>{}</dd>\
         <dt>Document</dt><dd><a href=\"{}\">",
        waiting(facts.asked_by.as_deref()),
        waiting(facts.asked_of),
        escape(&facts.asked_on),
        escape(&facts.answered_on),
        escape(facts.document_href),
    );
    marked(out, facts.document_title, terms);
    let _ = write!(
        out,
        "</a>{}</dd>",
        escape(facts.page.as_deref().unwrap_or(""))
    );
    for (label, href, title) in &facts.linked {
        let _ = write!(
            out,
            "<dt>{}</dt><dd><a href=\"{}\" data-testid=\"linked-document\">{}</a></dd>",
            escape(label),
            escape(href),
            escape(title)
        );
    }
    if let Some(href) = &facts.report_href {
        let _ = write!(
            out,
            "<dt>Let op</dt><dd><a href=\"{}\" data-testid=\"report-note\">opmerking bij het lezen, in de verantwoording</a></dd>",
            escape(href)
        );
    }
    if let Some(heading) = facts.heading {
        out.push_str("<dt>Kopje</dt><dd>");
        marked(out, heading, terms);
        out.push_str("</dd>");
    }
}

/// One party of a card: its abbreviation, its full name as the title.
pub fn party(out: &mut String, name: &str, abbreviation: &str) {
    let _ = write!(
        out,
        "<li class=\"badge party\" title=\"{}\">{}</li>",
        escape(name),
        escape(abbreviation)
    );
}

/// One theme of a card, with why it was given (its title, and read out after it).
pub fn theme(out: &mut String, label: &str, why: &str) {
    let why = escape(why);
    let _ = write!(
        out,
        "<li class=\"theme\" title=\"{why}\">{}<span class=\"visually-hidden\"> ({why})</span></li>",
        escape(label)
    );
}

/// The sentence of the answer that matched, when only the answer matches.
pub fn answer_snippet(out: &mut String, sentence: &str, terms: &HighlightTerms) {
    out.push_str("<p class=\"answer-snippet\" data-testid=\"answer-snippet\"><span class=\"snippet-label\">Uit het antwoord: </span>");
    marked(out, sentence, terms);
    out.push_str("</p>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document_html::html;

    #[test]
    fn a_party_shows_its_abbreviation_with_its_name_as_title() {
        assert_eq!(
            html(|o| party(o, "GroenLinks-PvdA", "GL-PvdA")),
            "<li class=\"badge party\" title=\"GroenLinks-PvdA\">GL-PvdA</li>"
        );
    }

    #[test]
    fn without_a_search_a_text_is_its_paragraphs_and_lists_with_markup_escaped() {
        let none = HighlightTerms::default();
        let stored = "Kunt u <b>dit</b> toelichten?\n\n- eerst & dan\n- daarna";
        assert_eq!(
            html(|o| text(o, &Text::Here(stored), &none)),
            "<p>Kunt u &lt;b&gt;dit&lt;/b&gt; toelichten?</p><ul><li>eerst &amp; dan</li><li>daarna</li></ul>"
        );
    }

    #[test]
    fn a_searched_word_is_marked_and_the_markup_around_it_stays_text() {
        let terms = HighlightTerms::from_search_text("opvang");
        assert_eq!(
            html(|o| marked(o, "De <opvang> & meer", &terms)),
            "De &lt;<mark>opvang</mark>&gt; &amp; meer"
        );
    }

    #[test]
    fn a_text_not_here_yet_is_the_document_pages_loading_line() {
        assert_eq!(
            html(|o| text(o, &Text::NotHere(None), &HighlightTerms::default())),
            "<p class=\"loading\" aria-busy=\"true\">Tekst wordt geladen…</p>"
        );
    }

    #[test]
    fn facts_wait_for_the_texts_with_an_ellipsis_and_escape_every_value() {
        let facts_of = Facts {
            asked_by: None,
            asked_of: None,
            asked_on: "3 mei 2024".into(),
            answered_on: "nog niet".into(),
            document_href: "/document/kv-001?a=1&b=\"2\"",
            document_title: "Vragen over <opvang>",
            page: Some(" · p. 2".into()),
            linked: vec![(
                "Antwoord in",
                "/document/kv-002".into(),
                "Antwoord & uitleg",
            )],
            report_href: None,
            heading: None,
        };
        assert_eq!(
            html(|o| facts(o, &facts_of, &HighlightTerms::default())),
            "<dt>Gesteld door</dt><dd>…</dd><dt>Aan</dt><dd>…</dd>\
             <dt>Gesteld op</dt><dd>3 mei 2024</dd><dt>Beantwoord op</dt><dd>nog niet</dd>\
             <dt>Document</dt><dd><a href=\"/document/kv-001?a=1&amp;b=&quot;2&quot;\">Vragen over &lt;opvang&gt;</a> · p. 2</dd>\
             <dt>Antwoord in</dt><dd><a href=\"/document/kv-002\" data-testid=\"linked-document\">Antwoord &amp; uitleg</a></dd>"
        );
    }

    #[test]
    fn a_search_marks_the_documents_title_and_the_heading_and_a_note_links_to_the_report() {
        let facts_of = Facts {
            asked_by: Some("Van Dijk (SP)".into()),
            asked_of: Some("Minister van Asiel en Migratie"),
            asked_on: "3 mei 2024".into(),
            answered_on: "1 juni 2024".into(),
            document_href: "/d",
            document_title: "Vragen over opvang",
            page: None,
            linked: Vec::new(),
            report_href: Some("verantwoording.html#doc-kv-1-2".into()),
            heading: Some("Opvang in Ter Apel"),
        };
        assert_eq!(
            html(|o| facts(o, &facts_of, &HighlightTerms::from_search_text("opvang"))),
            "<dt>Gesteld door</dt><dd>Van Dijk (SP)</dd><dt>Aan</dt><dd>Minister van Asiel en Migratie</dd>\
             <dt>Gesteld op</dt><dd>3 mei 2024</dd><dt>Beantwoord op</dt><dd>1 juni 2024</dd>\
             <dt>Document</dt><dd><a href=\"/d\">Vragen over <mark>opvang</mark></a></dd>\
             <dt>Let op</dt><dd><a href=\"verantwoording.html#doc-kv-1-2\" data-testid=\"report-note\">opmerking bij het lezen, in de verantwoording</a></dd>\
             <dt>Kopje</dt><dd><mark>Opvang</mark> in Ter Apel</dd>"
        );
    }

    #[test]
    fn the_answers_snippet_says_where_it_is_from_and_marks_the_match() {
        assert_eq!(
            html(|o| answer_snippet(o, "Wij bieden opvang.", &HighlightTerms::from_search_text("opvang"))),
            "<p class=\"answer-snippet\" data-testid=\"answer-snippet\"><span class=\"snippet-label\">Uit het antwoord: </span>Wij bieden <mark>opvang</mark>.</p>"
        );
    }

    #[test]
    fn a_themes_reason_with_quotes_stays_inside_its_title() {
        assert_eq!(
            html(|o| theme(o, "Zorg", "trefwoord \"ziekenhuis\"")),
            "<li class=\"theme\" title=\"trefwoord &quot;ziekenhuis&quot;\">Zorg<span class=\"visually-hidden\"> (trefwoord &quot;ziekenhuis&quot;)</span></li>"
        );
    }
}
