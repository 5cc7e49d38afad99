//! The list page's notices about the address and its letters found by a search, as HTML text with every value escaped.

use briefwissel_corpus::report_html::escape;
use std::fmt::Write;

/// What in the address was ignored, one item per notice, under a line that says so.
pub fn notices<'m>(out: &mut String, messages: impl IntoIterator<Item = &'m str>) {
    out.push_str("<p>Niet alles in het adres kon worden gebruikt:</p><ul>");
    for message in messages {
        let _ = write!(out, "<li data-testid=\"notice\">{}</li>", escape(message));
    }
    out.push_str("</ul>");
}

/// The letters a search found beyond the cards: how many in all, and links to those `shown`
/// (href, title).
pub fn document_hits<'h>(
    out: &mut String,
    total: usize,
    shown: impl IntoIterator<Item = &'h (String, String)>,
) {
    if total == 1 {
        out.push_str("<h2>Ook gevonden in 1 brief</h2><ul>");
    } else {
        let _ = write!(out, "<h2>Ook gevonden in {total} brieven</h2><ul>");
    }
    for (href, title) in shown {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            escape(href),
            escape(title)
        );
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document_html::html;

    #[test]
    fn a_notice_with_markup_from_the_address_stays_text() {
        assert_eq!(
            html(|o| notices(o, ["onbekende soort: <script>alert(1)</script>"])),
            "<p>Niet alles in het adres kon worden gebruikt:</p>\
             <ul><li data-testid=\"notice\">onbekende soort: &lt;script&gt;alert(1)&lt;/script&gt;</li></ul>"
        );
    }

    #[test]
    fn letters_found_say_how_many_in_all_and_link_those_shown() {
        let hits = [("/document/a?x=1&y=2".to_string(), "Brief \"A\"".to_string())];
        assert_eq!(
            html(|o| document_hits(o, 1, &hits)),
            "<h2>Ook gevonden in 1 brief</h2>\
             <ul><li><a href=\"/document/a?x=1&amp;y=2\">Brief &quot;A&quot;</a></li></ul>"
        );
        assert!(html(|o| document_hits(o, 25, &hits))
            .starts_with("<h2>Ook gevonden in 25 brieven</h2>"));
    }
}
