//! The overview's bar charts and answer-term tables as HTML text, every value escaped: drawn once per selection, never edited in place.

use crate::format::days_label;
use crate::stats::{Bar, TermRow};
use briefwissel_corpus::deadline::Term;
use briefwissel_corpus::report_html::escape;
use std::fmt::Write;

/// A bar chart titled `title` (its heading's id `grafiek-<key>`, `key` one of the page's own): one link per bar (label, an SVG
/// bar scaled to the largest count, the count), each with the href beside it.
pub fn chart(out: &mut String, title: &str, key: &'static str, bars: &[(String, Bar)]) {
    let max = bars.iter().map(|(_, b)| b.count).max().unwrap_or(0).max(1);
    let _ = write!(
        out,
        "<section class=\"chart\" aria-labelledby=\"grafiek-{key}\"><h2 id=\"grafiek-{key}\">{}</h2><ol class=\"bars\">",
        escape(title)
    );
    for (href, bar) in bars {
        let width = (bar.count * 100 / max).max(1);
        // The link's name is its visible text ("GL-PvdA 53 vragen"), as WCAG 2.5.3 asks.
        let _ = write!(
            out,
            "<li><a class=\"bar-row\" href=\"{}\"><span class=\"bar-label\">{}</span>\
             <svg class=\"bar-svg\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">\
             <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"10\" class=\"bar\"></rect></svg>\
             <span class=\"bar-count\">{}<span class=\"visually-hidden\"> vragen</span></span></a></li>",
            escape(href),
            escape(&bar.label),
            bar.count
        );
    }
    out.push_str("</ol></section>");
}

/// The list behind a figure of a row: its group, answered or not (`None`: both), within or past the
/// term (`None`: either).
pub type FigureLink<'a> = &'a dyn Fn(&TermRow, Option<bool>, Option<Term>) -> String;

/// A table of answer figures per ministry or party (`key` "ministerie" or "partij", the page's own); each figure
/// links to the list it counts.
pub fn term_table(
    out: &mut String,
    title: &str,
    key: &'static str,
    rows: &[TermRow],
    link: FigureLink,
) {
    let group = if key == "partij" {
        "Partij"
    } else {
        "Ministerie"
    };
    let _ = write!(
        out,
        "<section class=\"chart\" data-testid=\"termijn-{key}\"><h2>{}</h2><div class=\"table-wrap\"><table>\
         <thead><tr><th scope=\"col\">{group}</th><th scope=\"col\">Beantwoord</th><th scope=\"col\">Mediaan</th>\
         <th scope=\"col\">Binnen de termijn</th><th scope=\"col\">Open, termijn verlopen</th></tr></thead><tbody>",
        escape(title)
    );
    for row in rows {
        let _ = write!(
            out,
            "<tr data-value=\"{}\"><th scope=\"row\"><a href=\"{}\">{}</a></th>",
            escape(&row.value),
            escape(&link(row, None, None)),
            escape(&row.label)
        );
        for (answered, term, text) in figures(row) {
            let href = escape(&link(row, Some(answered), term));
            let _ = write!(out, "<td><a href=\"{href}\">{}</a></td>", escape(&text));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>");
}

/// A row's four figures, each with the list it counts (answered or not, the term): answered of
/// asked, the median days, the share within the term, and the open questions past it.
fn figures(row: &TermRow) -> [(bool, Option<Term>, String); 4] {
    let share = match row.timed {
        0 => "–".to_string(),
        n => format!("{} % ({} van {n})", row.in_time * 100 / n, row.in_time),
    };
    let median = row.median_days.map_or_else(|| "–".to_string(), days_label);
    [
        (
            true,
            None,
            format!("{} van {}", row.answered, row.questions),
        ),
        (true, None, median),
        (true, Some(Term::Within), share),
        (false, Some(Term::Passed), row.open_past_term.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, count: usize) -> Bar {
        Bar {
            value: label.to_string(),
            label: label.to_string(),
            count,
        }
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_every_text_is_escaped() {
        let bars = vec![
            ("?partij=A&amp;x".to_string(), bar("A & \"B\"", 8)),
            ("?partij=C".to_string(), bar("<C>", 2)),
            ("?partij=D".to_string(), bar("D", 0)),
        ];
        let mut out = String::new();
        chart(&mut out, "Vragen per partij", "partij", &bars);
        assert!(out.starts_with(
            "<section class=\"chart\" aria-labelledby=\"grafiek-partij\"><h2 id=\"grafiek-partij\">Vragen per partij</h2>"
        ));
        // 8 of 8 is the whole width, 2 of 8 a quarter, and a bar of none still shows (1).
        let widths: Vec<&str> = out
            .split("width=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap_or(0)])
            .collect();
        assert_eq!(widths, ["100", "25", "1"]);
        assert!(out.contains("href=\"?partij=A&amp;amp;x\""));
        assert!(out.contains("<span class=\"bar-label\">A &amp; &quot;B&quot;</span>"));
        assert!(out.contains("<span class=\"bar-label\">&lt;C&gt;</span>"));
        assert!(out.contains(
            "<span class=\"bar-count\">2<span class=\"visually-hidden\"> vragen</span></span>"
        ));
        assert!(!out.contains("<C>"));
        assert!(out.ends_with("</ol></section>"));
    }

    #[test]
    fn a_term_row_links_each_figure_to_the_list_it_counts() {
        let row = TermRow {
            value: "V\"W<S".to_string(),
            label: "Volksgezondheid, Welzijn & Sport".to_string(),
            questions: 7,
            answered: 5,
            median_days: Some(21),
            timed: 4,
            in_time: 3,
            open_past_term: 2,
        };
        // The row is the group (one here); what differs is answered or not, and the term.
        let link = |_: &TermRow, answered: Option<bool>, term: Option<Term>| {
            format!(
                "?beantwoord={answered:?}&termijn={}",
                term.map_or("-", |t| t.slug())
            )
        };
        let mut out = String::new();
        let title = "Antwoordtermijn <per> ministerie";
        term_table(&mut out, title, "ministerie", &[row], &link);
        assert!(out.contains("<h2>Antwoordtermijn &lt;per&gt; ministerie</h2>"));
        assert!(out.contains("<th scope=\"col\">Ministerie</th>"));
        assert!(out.contains(
            "<tr data-value=\"V&quot;W&lt;S\"><th scope=\"row\"><a href=\"?beantwoord=None&amp;termijn=-\">Volksgezondheid, Welzijn &amp; Sport</a></th>"
        ));
        let cells: Vec<&str> = out
            .split("<td>")
            .skip(1)
            .map(|s| &s[..s.find("</td>").unwrap_or(0)])
            .collect();
        assert_eq!(
            cells,
            [
                "<a href=\"?beantwoord=Some(true)&amp;termijn=-\">5 van 7</a>",
                "<a href=\"?beantwoord=Some(true)&amp;termijn=-\">21 dagen</a>",
                "<a href=\"?beantwoord=Some(true)&amp;termijn=binnen\">75 % (3 van 4)</a>",
                "<a href=\"?beantwoord=Some(false)&amp;termijn=verlopen\">2</a>",
            ]
        );
    }

    #[test]
    fn a_row_without_timed_answers_shows_dashes_not_a_division_by_zero() {
        let row = TermRow {
            value: "X".to_string(),
            label: "X".to_string(),
            questions: 1,
            answered: 0,
            median_days: None,
            timed: 0,
            in_time: 0,
            open_past_term: 0,
        };
        let texts: Vec<String> = figures(&row).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(texts, ["0 van 1", "–", "–", "0"]);
    }
}
