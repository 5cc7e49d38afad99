//! The list page's notices about the address, its letters found by a search, a suggested search, its sort orders, its filter chips, its page links, what its toolbar did and a page for an unknown id, as HTML text with every value escaped.

use briefwissel_corpus::query::Sort;
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

/// The letters a search found beyond the cards: how many in all, links to those `shown` (href,
/// title), and a button to list them all when some are not.
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
    let mut listed = 0;
    for (href, title) in shown {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            escape(href),
            escape(title)
        );
        listed += 1;
    }
    out.push_str("</ul>");
    if listed < total {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"show-all\">Toon alle {total} brieven</button>"
        );
    }
}

/// "Bedoelde u …?" with a link to the search for the suggested text.
pub fn suggestion(out: &mut String, suggested: &str, href: &str) {
    let _ = write!(
        out,
        "Bedoelde u <a href=\"{}\" data-testid=\"suggestion-apply\">{}</a>?",
        escape(href),
        escape(suggested)
    );
}

/// The chips of the active filters, each (label, link without it) with its "×", and "Wis alles"
/// (`clear_href`).
pub fn active_filters<'c>(
    out: &mut String,
    chips: impl IntoIterator<Item = (&'c str, String)>,
    clear_href: &str,
) {
    for (label, without) in chips {
        let label = escape(label);
        let _ = write!(
            out,
            "<li class=\"chip\">{label}<a href=\"{}\" aria-label=\"Verwijder filter: {label}\">×</a></li>",
            escape(&without)
        );
    }
    let _ = write!(
        out,
        "<li><a class=\"clear\" href=\"{}\" data-testid=\"clear-all\">Wis alles</a></li>",
        escape(clear_href)
    );
}

/// "Pagina n van m" between the links to the page before (`prev`) and after (`next`), where there is one.
pub fn pagination(out: &mut String, page: u32, pages: u32, prev: Option<&str>, next: Option<&str>) {
    if let Some(href) = prev {
        let _ = write!(
            out,
            "<a href=\"{}\" rel=\"prev\" data-testid=\"prev-page\">← Vorige</a>",
            escape(href)
        );
    }
    let _ = write!(out, "<span>Pagina {page} van {pages}</span>");
    if let Some(href) = next {
        let _ = write!(
            out,
            "<a href=\"{}\" rel=\"next\" data-testid=\"next-page\">Volgende →</a>",
            escape(href)
        );
    }
}

/// Why a download failed or that its texts are loading (`export`), when there is news.
pub fn export_status(out: &mut String, export: &str) {
    if !export.is_empty() {
        let _ = write!(
            out,
            "<span data-testid=\"export-status\">{}</span>",
            escape(export)
        );
    }
}

/// After "Kopieer link": that it was copied, or the link in a field to copy by hand (`copied`:
/// whether it was, and the link).
pub fn copy_status(out: &mut String, copied: Option<(bool, String)>) {
    match copied {
        Some((true, _)) => out.push_str("<span>Link gekopieerd.</span>"),
        Some((false, link)) => {
            let _ = write!(
                out,
                "<label>Kopieer deze link: <input type=\"text\" readonly value=\"{}\"></label>",
                escape(&link)
            );
        }
        None => {}
    }
}

/// The sort orders as the options of a select, the one in use selected.
pub fn sort_options(out: &mut String, current: Sort) {
    for sort in Sort::ALL {
        let selected = if sort == current { " selected" } else { "" };
        let _ = write!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            sort.slug(),
            sort.label()
        );
    }
}

/// A question or document page for an id the corpus does not have: what, the id, why, and a link
/// to the list (`list_href`).
pub fn not_found(out: &mut String, what: &str, id: &str, why: &str, list_href: &str) {
    let _ = write!(
        out,
        "<h1>{what} niet gevonden</h1><p><code>{}</code>: {why}</p>\
         <p><a href=\"{}\">Naar alle vragen en antwoorden</a></p>",
        escape(id),
        escape(list_href)
    );
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
        let some = html(|o| document_hits(o, 25, &hits));
        assert!(some.starts_with("<h2>Ook gevonden in 25 brieven</h2>"));
        assert!(some.ends_with(
            "</ul><button type=\"button\" class=\"show-all\">Toon alle 25 brieven</button>"
        ));
    }

    #[test]
    fn a_suggestion_links_to_the_search_for_it() {
        assert_eq!(
            html(|o| suggestion(o, "asiel <b>", "?q=asiel&p=1")),
            "Bedoelde u <a href=\"?q=asiel&amp;p=1\" data-testid=\"suggestion-apply\">asiel &lt;b&gt;</a>?"
        );
    }

    #[test]
    fn each_chip_links_to_the_view_without_it_and_says_so_to_a_screen_reader() {
        let chips = [("Thema: <Zorg>", "/?partij=VVD&q=a".to_string())];
        assert_eq!(
            html(|o| active_filters(o, chips, "/")),
            "<li class=\"chip\">Thema: &lt;Zorg&gt;<a href=\"/?partij=VVD&amp;q=a\" \
             aria-label=\"Verwijder filter: Thema: &lt;Zorg&gt;\">×</a></li>\
             <li><a class=\"clear\" href=\"/\" data-testid=\"clear-all\">Wis alles</a></li>"
        );
    }

    #[test]
    fn the_first_and_last_pages_link_only_onwards_and_back() {
        assert_eq!(
            html(|o| pagination(o, 1, 3, None, Some("?p=2&q=x"))),
            "<span>Pagina 1 van 3</span>\
             <a href=\"?p=2&amp;q=x\" rel=\"next\" data-testid=\"next-page\">Volgende →</a>"
        );
        assert_eq!(
            html(|o| pagination(o, 3, 3, Some("?p=2"), None)),
            "<a href=\"?p=2\" rel=\"prev\" data-testid=\"prev-page\">← Vorige</a>\
             <span>Pagina 3 van 3</span>"
        );
    }

    #[test]
    fn the_toolbar_says_why_a_download_failed_and_offers_the_link_when_copying_failed() {
        assert_eq!(html(|o| export_status(o, "")), "");
        assert_eq!(html(|o| copy_status(o, None)), "");
        assert_eq!(
            html(|o| export_status(o, "Downloaden lukt nu niet: <x>")),
            "<span data-testid=\"export-status\">Downloaden lukt nu niet: &lt;x&gt;</span>"
        );
        assert_eq!(
            html(|o| copy_status(o, Some((true, String::new())))),
            "<span>Link gekopieerd.</span>"
        );
        assert_eq!(
            html(|o| copy_status(o, Some((false, "https://x/?a=1&b=\"2\"".into())))),
            "<label>Kopieer deze link: <input type=\"text\" readonly \
             value=\"https://x/?a=1&amp;b=&quot;2&quot;\"></label>"
        );
    }

    #[test]
    fn the_sort_in_use_is_the_selected_option() {
        let out = html(|o| sort_options(o, Sort::Oldest));
        assert_eq!(out.matches("<option").count(), Sort::ALL.len());
        assert_eq!(out.matches(" selected").count(), 1);
        assert!(out.contains(&format!(
            "<option value=\"{}\" selected>",
            Sort::Oldest.slug()
        )));
    }

    #[test]
    fn an_unknown_id_is_shown_as_text_with_a_way_back() {
        assert_eq!(
            html(|o| not_found(o, "Vraag", "<x>", "onbekend kenmerk.", "/")),
            "<h1>Vraag niet gevonden</h1><p><code>&lt;x&gt;</code>: onbekend kenmerk.</p>\
             <p><a href=\"/\">Naar alle vragen en antwoorden</a></p>"
        );
    }
}
