//! A facet's checkbox rows as HTML text, every value escaped (label, live count, checked when chosen, disabled when it would find nothing), and which rows a new outcome changes.

use crate::facet_edit::listed_under_filter;
use briefwissel_corpus::explore::FacetValue;
use briefwissel_corpus::report_html::escape;
use std::fmt::Write;

/// The values a facet lists while its filter field holds `typed`.
pub fn listed(values: &[FacetValue], typed: &str) -> Vec<FacetValue> {
    values
        .iter()
        .filter(|v| listed_under_filter(&v.label, v.selected, typed))
        .cloned()
        .collect()
}

/// Whether a value is greyed out and cannot be chosen: it would find nothing and is not chosen.
pub fn is_empty(v: &FacetValue) -> bool {
    v.count == 0 && !v.selected
}

/// One `<li>` per row of the facet with URL parameter `param`.
pub fn rows(out: &mut String, param: &str, rows: &[FacetValue]) {
    for v in rows {
        let empty = is_empty(v);
        let value = escape(&v.value);
        let _ = write!(
            out,
            "<li><label{}><input type=\"checkbox\" name=\"{param}\" value=\"{value}\" \
             data-facet=\"{param}\" data-value=\"{value}\"{}{}>\
             <span class=\"facet-label\">{}</span><span class=\"facet-count\">{}</span></label></li>",
            if empty { " class=\"empty\"" } else { "" },
            if v.selected { " checked" } else { "" },
            if empty { " disabled" } else { "" },
            escape(&v.label),
            v.count,
        );
    }
}

/// The places of the rows whose count or choice changed from `drawn` to `next`, to be brought up
/// to date where they stand; `None` when a value came, went, moved or was renamed (own documents
/// change the corpus), and the list is drawn anew.
pub fn changed_rows(drawn: &[FacetValue], next: &[FacetValue]) -> Option<Vec<usize>> {
    let same_row = |(a, b): (&FacetValue, &FacetValue)| a.value == b.value && a.label == b.label;
    if drawn.len() != next.len() || !drawn.iter().zip(next).all(same_row) {
        return None;
    }
    Some((0..next.len()).filter(|&i| drawn[i] != next[i]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document_html::html;

    fn value(value: &str, label: &str, count: usize, selected: bool) -> FacetValue {
        FacetValue {
            value: value.into(),
            label: label.into(),
            count,
            selected,
        }
    }

    #[test]
    fn a_row_carries_its_value_label_and_count_and_is_checked_when_chosen() {
        let values = [value("GL-PvdA", "GL-PvdA", 12, true)];
        assert_eq!(
            html(|o| rows(o, "partij", &values)),
            "<li><label><input type=\"checkbox\" name=\"partij\" value=\"GL-PvdA\" \
             data-facet=\"partij\" data-value=\"GL-PvdA\" checked>\
             <span class=\"facet-label\">GL-PvdA</span><span class=\"facet-count\">12</span></label></li>"
        );
    }

    #[test]
    fn a_value_that_finds_nothing_is_greyed_out_and_disabled_unless_it_is_chosen() {
        let values = [
            value("asiel", "Asiel", 0, false),
            value("zorg", "Zorg", 0, true),
        ];
        let out = html(|o| rows(o, "thema", &values));
        let (asiel, zorg) = out.split_once("</li>").unwrap();
        assert!(asiel.contains("<label class=\"empty\">") && asiel.contains(" disabled>"));
        assert!(
            !zorg.contains("empty") && !zorg.contains("disabled") && zorg.contains(" checked>")
        );
    }

    #[test]
    fn markup_in_a_value_or_label_stays_text() {
        let values = [value("a\"b", "<b>x</b> & y", 1, false)];
        let out = html(|o| rows(o, "partij", &values));
        assert!(out.contains("value=\"a&quot;b\"") && out.contains("data-value=\"a&quot;b\""));
        assert!(out.contains(">&lt;b&gt;x&lt;/b&gt; &amp; y<"));
    }

    #[test]
    fn the_filter_field_keeps_matching_and_chosen_values_only() {
        let values = [
            value("bzk", "Binnenlandse Zaken", 3, false),
            value("def", "Defensie", 2, false),
            value("fin", "Financiën", 1, true),
        ];
        let kept: Vec<String> = listed(&values, "binnen")
            .into_iter()
            .map(|v| v.value)
            .collect();
        assert_eq!(kept, ["bzk", "fin"]);
    }

    #[test]
    fn new_counts_change_rows_in_place_and_a_value_that_moves_draws_the_list_anew() {
        let drawn = [value("vvd", "VVD", 5, false), value("d66", "D66", 3, false)];
        let recounted = [value("vvd", "VVD", 2, false), value("d66", "D66", 3, false)];
        assert_eq!(changed_rows(&drawn, &recounted), Some(vec![0]));
        let chosen = [value("vvd", "VVD", 5, false), value("d66", "D66", 3, true)];
        assert_eq!(changed_rows(&drawn, &chosen), Some(vec![1]));
        assert_eq!(changed_rows(&drawn, &drawn), Some(vec![]));
        let moved = [value("d66", "D66", 3, true), value("vvd", "VVD", 5, false)];
        assert_eq!(changed_rows(&drawn, &moved), None);
        assert_eq!(changed_rows(&drawn, &drawn[..1]), None);
        let renamed = [
            value("vvd", "Volkspartij", 5, false),
            value("d66", "D66", 3, false),
        ];
        assert_eq!(changed_rows(&drawn, &renamed), None);
    }
}
