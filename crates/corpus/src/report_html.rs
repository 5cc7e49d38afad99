//! The parse report as a static HTML page (verantwoording.html), readable without JavaScript and offline.

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Corpus;
use crate::report::{severity_word, DocumentReport, ParseReport};

/// Anchor of a document's row: `doc-<document id>`.
pub fn document_anchor(document_id: &str) -> String {
    format!("doc-{document_id}")
}

/// Anchor of the `n`th (0-based) diagnostic of a document's row: `doc-<document id>-<n + 1>`.
pub fn diagnostic_anchor(document_id: &str, n: usize) -> String {
    format!("doc-{document_id}-{}", n + 1)
}

/// The page. `stylesheet` is the site's CSS file name, `original_href` gives the link to a
/// document's PDF or Word original (None for text extracts).
pub fn report_page(
    report: &ParseReport,
    corpus: &Corpus,
    stylesheet: &str,
    original_href: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'\">\n");
    h.push_str("<title>Verantwoording — Briefwissel</title>\n");
    h.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body class=\"report-page\">\n",
        escape(stylesheet)
    ));
    h.push_str("<header class=\"site-header\"><a class=\"brand\" href=\"./\">Briefwissel</a></header>\n<main>\n");
    h.push_str("<h1>Verantwoording</h1>\n");
    h.push_str("<p>Wat Briefwissel in elk document vond, en alles wat bij het lezen opviel. \
        Controleer een vraag aan het origineel via de link bij het document. \
        Een <em>fout</em> betekent dat (een deel van) een bestand niet gelezen is; een <em>waarschuwing</em> \
        dat iets mogelijk niet klopt; een <em>melding</em> legt uit wat er met de tekst is gedaan.</p>\n");
    h.push_str(&format!(
        "<p class=\"report-totals\">{}</p>\n",
        escape(&report.totals(corpus))
    ));
    if !report.unread.is_empty() {
        h.push_str("<h2>Niet gelezen bestanden</h2>\n<ul class=\"report-unread\">\n");
        for (file, list) in &report.unread {
            h.push_str(&format!(
                "<li data-testid=\"report-unread\"><strong>{}</strong>{}</li>\n",
                escape(file),
                diagnostic_list(list, None)
            ));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<h2>Documenten</h2>\n<ol class=\"report-documents\">\n");
    for d in &report.documents {
        document_row(&mut h, d, original_href);
    }
    h.push_str("</ol>\n</main>\n</body>\n</html>\n");
    h
}

fn document_row(
    h: &mut String,
    d: &DocumentReport,
    original_href: &dyn Fn(&str) -> Option<String>,
) {
    let doc = d.document;
    h.push_str(&format!(
        "<li class=\"report-document\" id=\"{}\" data-testid=\"report-document\" data-document-id=\"{}\">\n",
        escape(&document_anchor(&doc.id)),
        escape(&doc.id)
    ));
    h.push_str(&format!(
        "<h3><a href=\"document/{}\">{}</a></h3>\n",
        escape(&doc.id),
        escape(&doc.title)
    ));
    let mut facts = vec![format!("{}", doc.kind.label())];
    match doc.date {
        Some(date) => facts.push(date.dutch()),
        None => facts.push("geen datum gevonden".into()),
    }
    facts.push(count(d.questions, "vraag", "vragen"));
    if d.questions > 0 {
        facts.push(format!("{} beantwoord", d.answered));
    }
    facts.push(count(d.answers, "antwoord", "antwoorden"));
    if !d.parties.is_empty() {
        facts.push(format!("partijen: {}", d.parties.join(", ")));
    }
    if d.without_party > 0 {
        facts.push(format!("{} zonder partij", d.without_party));
    }
    if d.without_date > 0 && d.questions > 0 {
        facts.push(format!("{} zonder vraagdatum", d.without_date));
    }
    if let Some(p) = doc.pages {
        facts.push(count(p as usize, "pagina", "pagina's"));
    }
    h.push_str(&format!(
        "<p class=\"report-facts\">{}</p>\n",
        escape(&facts.join(" · "))
    ));
    let source = match original_href(&doc.file) {
        Some(href) => format!(
            "Bron: <a href=\"{}\">{}</a> (origineel)",
            escape(&href),
            escape(&doc.file)
        ),
        None => format!("Bron: {} (tekstversie)", escape(&doc.file)),
    };
    h.push_str(&format!("<p class=\"report-source\">{source}</p>\n"));
    if d.diagnostics.is_empty() {
        h.push_str("<p class=\"report-clean\">Niets opgevallen.</p>\n");
    } else {
        h.push_str(&diagnostic_list(&d.diagnostics, Some(&doc.id)));
    }
    h.push_str("</li>\n");
}

fn diagnostic_list(list: &[&Diagnostic], document_id: Option<&str>) -> String {
    let mut s = String::from("<ul class=\"report-diagnostics\">");
    for (n, diag) in list.iter().enumerate() {
        let id = document_id
            .map(|doc| format!(" id=\"{}\"", escape(&diagnostic_anchor(doc, n))))
            .unwrap_or_default();
        let line = diag
            .line
            .map(|l| format!(" (regel {l})"))
            .unwrap_or_default();
        s.push_str(&format!(
            "<li{id} class=\"report-{}\"><strong>{}</strong>{}: {}</li>",
            severity_class(diag.severity),
            severity_word(diag.severity),
            line,
            escape(&diag.message)
        ));
    }
    s.push_str("</ul>\n");
    s
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
