//! Changes to the explorer's query that the controls make: toggling a facet value, dates, sort, page.

use briefwissel_corpus::deadline::Term;
use briefwissel_corpus::explore::{FacetValue, Facets};
use briefwissel_corpus::fold::fold;
use briefwissel_corpus::query::{parse_query_string, percent_encode, Query};
use briefwissel_corpus::{Chamber, Corpus, Date, DocumentKind};

/// The facets of the sidebar, by their URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Party,
    Theme,
    Kind,
    Chamber,
    Answered,
    Ministry,
    Term,
    Source,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Source,
        Facet::Party,
        Facet::Theme,
        Facet::Ministry,
        Facet::Answered,
        Facet::Term,
        Facet::Kind,
        Facet::Chamber,
    ];

    /// The URL parameter (`partij`, `thema`, …).
    pub fn param(self) -> &'static str {
        match self {
            Facet::Party => "partij",
            Facet::Theme => "thema",
            Facet::Kind => "soort",
            Facet::Chamber => "kamer",
            Facet::Answered => "beantwoord",
            Facet::Ministry => "ministerie",
            Facet::Term => "termijn",
            Facet::Source => "bron",
        }
    }

    /// The facet with URL parameter `param`.
    pub fn from_param(param: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.param() == param)
    }

    /// This facet's values in an explorer outcome.
    pub fn values(self, facets: &Facets) -> &[FacetValue] {
        match self {
            Facet::Party => &facets.parties,
            Facet::Theme => &facets.themes,
            Facet::Kind => &facets.kinds,
            Facet::Chamber => &facets.chambers,
            Facet::Answered => &facets.answered,
            Facet::Ministry => &facets.ministries,
            Facet::Term => &facets.terms,
            Facet::Source => &facets.sources,
        }
    }

    /// The heading shown above the facet.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Party => "Partij",
            Facet::Theme => "Thema",
            Facet::Kind => "Soort document",
            Facet::Chamber => "Kamer",
            Facet::Answered => "Beantwoord",
            Facet::Ministry => "Ministerie",
            Facet::Term => "Antwoordtermijn",
            Facet::Source => "Bron",
        }
    }
}

/// The query with `value` (a facet's URL value) switched on or off; back to page 1.
pub fn toggle(query: &Query, facet: Facet, value: &str, corpus: &Corpus) -> Query {
    let mut next = query.clone();
    next.page = 1;
    match facet {
        Facet::Party => {
            let (single, _) =
                parse_query_string(&format!("partij={}", percent_encode(value)), corpus);
            if let Some(name) = single.parties.into_iter().next() {
                toggle_in(&mut next.parties, name);
            }
        }
        Facet::Theme => toggle_in(&mut next.themes, value.to_string()),
        Facet::Kind => {
            if let Some(kind) = DocumentKind::from_slug(value) {
                toggle_in(&mut next.kinds, kind);
            }
        }
        Facet::Chamber => {
            if let Some(chamber) = Chamber::from_slug(value) {
                toggle_in(&mut next.chambers, chamber);
            }
        }
        Facet::Ministry => toggle_in(&mut next.ministries, value.to_string()),
        Facet::Term => {
            if let Some(term) = Term::from_slug(value) {
                toggle_in(&mut next.terms, term);
            }
        }
        Facet::Answered => switch(&mut next.answered, value, "ja", "nee"),
        Facet::Source => switch(&mut next.own, value, "eigen", "gepubliceerd"),
    }
    next
}

/// A yes/no facet: `value` (`yes` or `no`) chosen, or back to both when it was chosen already.
fn switch(current: &mut Option<bool>, value: &str, yes: &str, no: &str) {
    let wanted = (value == yes || value == no).then_some(value == yes);
    *current = if *current == wanted { None } else { wanted };
}

/// One active filter, shown as a chip above the results: its text and the query without it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveFilter {
    pub label: String,
    pub without: Query,
}

/// Every filter `query` has on, in the sidebar's order: the chosen facet values (labels from
/// `facets`), the dates, "datum onbekend", and the search text. Removing one goes back to page 1.
pub fn active_filters(query: &Query, facets: &Facets, corpus: &Corpus) -> Vec<ActiveFilter> {
    let mut out = Vec::new();
    let mut add = |label: String, change: &dyn Fn(&mut Query)| {
        let mut without = query.clone();
        change(&mut without);
        without.page = 1;
        out.push(ActiveFilter { label, without });
    };
    for facet in Facet::ALL {
        for v in facet.values(facets).iter().filter(|v| v.selected) {
            let label = v.label.clone();
            add(label, &|q: &mut Query| {
                *q = toggle(q, facet, &v.value, corpus)
            });
        }
    }
    if let Some(d) = query.from {
        add(format!("Vanaf {}", d.dutch()), &|q: &mut Query| {
            q.from = None
        });
    }
    if let Some(d) = query.to {
        add(format!("Tot en met {}", d.dutch()), &|q: &mut Query| {
            q.to = None
        });
    }
    if query.undated {
        add("Datum onbekend".into(), &|q: &mut Query| q.undated = false);
    }
    if !query.text.trim().is_empty() {
        add(
            format!("Zoeken: {}", query.text.trim()),
            &|q: &mut Query| q.text.clear(),
        );
    }
    out
}

/// How many filters of the sidebar are on, for the phone's "Filters (n)" button: every chosen
/// facet value, each date and "datum onbekend" (the chips without the search text).
pub fn panel_filter_count(query: &Query) -> usize {
    let lists = query.parties.len()
        + query.themes.len()
        + query.kinds.len()
        + query.chambers.len()
        + query.ministries.len()
        + query.terms.len();
    let flags = [
        query.answered.is_some(),
        query.own.is_some(),
        query.from.is_some(),
        query.to.is_some(),
        query.undated,
    ];
    lists + flags.into_iter().filter(|on| *on).count()
}

/// Facets with more values than this get a small filter field above their list.
pub const FILTER_FIELD_FROM: usize = 8;

/// Whether a facet value is listed while the facet's filter field holds `typed`: a chosen value
/// always (it is never hidden), any other when its folded label contains the folded text.
pub fn listed_under_filter(label: &str, selected: bool, typed: &str) -> bool {
    selected || fold(label).contains(fold(typed.trim()).as_str())
}

/// The query narrowed to exactly this one value of a facet (for links from the overview's bars).
pub fn only(query: &Query, facet: Facet, value: &str, corpus: &Corpus) -> Query {
    let mut cleared = query.clone();
    match facet {
        Facet::Party => cleared.parties.clear(),
        Facet::Theme => cleared.themes.clear(),
        Facet::Kind => cleared.kinds.clear(),
        Facet::Chamber => cleared.chambers.clear(),
        Facet::Answered => cleared.answered = None,
        Facet::Ministry => cleared.ministries.clear(),
        Facet::Term => cleared.terms.clear(),
        Facet::Source => cleared.own = None,
    }
    toggle(&cleared, facet, value, corpus)
}

/// The query limited to questions asked in one month (`YYYY-MM`); unchanged for a malformed key.
pub fn only_month(query: &Query, month_key: &str) -> Query {
    let mut next = query.clone();
    let first = Date::parse_iso(&format!("{month_key}-01"));
    if let Some(first) = first {
        let last = (28..=31)
            .rev()
            .find_map(|d| Date::new(first.year, first.month, d));
        next.from = Some(first);
        next.to = last;
        next.page = 1;
    }
    next
}

fn toggle_in<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefwissel_corpus::Party;

    fn corpus() -> Corpus {
        let party = |name: &str, abbreviation: &str| Party {
            name: name.into(),
            abbreviation: abbreviation.into(),
            aliases: Vec::new(),
        };
        Corpus {
            parties: vec![party("Volt", "Volt"), party("GroenLinks-PvdA", "GL-PvdA")],
            ..Corpus::default()
        }
    }

    #[test]
    fn toggling_a_party_adds_and_removes_it_by_abbreviation() {
        let corpus = corpus();
        let start = Query {
            page: 3,
            ..Query::default()
        };
        let with = toggle(&start, Facet::Party, "GL-PvdA", &corpus);
        assert_eq!(with.parties, vec!["GroenLinks-PvdA".to_string()]);
        assert_eq!(with.page, 1);
        let both = toggle(&with, Facet::Party, "Volt", &corpus);
        assert_eq!(both.parties.len(), 2);
        let without = toggle(&both, Facet::Party, "GL-PvdA", &corpus);
        assert_eq!(without.parties, vec!["Volt".to_string()]);
    }

    #[test]
    fn every_active_filter_is_a_chip_that_removes_only_itself() {
        let corpus = corpus();
        let query = Query {
            parties: vec!["GroenLinks-PvdA".into()],
            from: Date::parse_iso("2024-01-01"),
            undated: true,
            text: " asiel ".into(),
            page: 4,
            ..Query::default()
        };
        let chosen = |value: &str, label: &str, selected: bool| FacetValue {
            value: value.into(),
            label: label.into(),
            count: 1,
            selected,
        };
        let facets = Facets {
            parties: vec![
                chosen("GL-PvdA", "GroenLinks-PvdA", true),
                chosen("Volt", "Volt", false),
            ],
            ..Facets::default()
        };
        let chips = active_filters(&query, &facets, &corpus);
        let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "GroenLinks-PvdA",
                "Vanaf 1 januari 2024",
                "Datum onbekend",
                "Zoeken: asiel"
            ]
        );
        assert!(chips[0].without.parties.is_empty());
        assert_eq!(chips[0].without.text, query.text);
        assert_eq!(chips[1].without.from, None);
        assert_eq!(chips[1].without.parties, query.parties);
        assert!(!chips[2].without.undated);
        assert!(chips[3].without.text.is_empty());
        assert!(chips.iter().all(|c| c.without.page == 1));
        assert!(active_filters(&Query::default(), &Facets::default(), &corpus).is_empty());
    }

    #[test]
    fn the_filters_button_counts_every_chip_but_the_search_text() {
        let query = Query {
            parties: vec!["Volt".into(), "GroenLinks-PvdA".into()],
            themes: vec!["zorg".into()],
            answered: Some(false),
            to: Date::parse_iso("2025-06-30"),
            undated: true,
            text: "asiel".into(),
            ..Query::default()
        };
        assert_eq!(panel_filter_count(&query), 6);
        assert_eq!(panel_filter_count(&Query::default()), 0);
    }

    #[test]
    fn a_facet_filter_keeps_chosen_values_and_matches_folded_labels() {
        assert!(listed_under_filter("GroenLinks-PvdA", false, "pvda"));
        assert!(listed_under_filter(
            "Justitie en Veiligheid",
            false,
            " VEILIGHEID "
        ));
        assert!(listed_under_filter(
            "Buitenlandse Zaken, Ontwikkelingssamenwerking",
            false,
            "ontwikkeling"
        ));
        assert!(listed_under_filter("Financiën", false, "financien"));
        assert!(!listed_under_filter("Volt", false, "pvda"));
        assert!(
            listed_under_filter("Volt", true, "pvda"),
            "a chosen value is never hidden"
        );
        assert!(listed_under_filter("Volt", false, ""));
    }

    #[test]
    fn answered_switches_between_yes_no_and_both() {
        let corpus = corpus();
        let yes = toggle(&Query::default(), Facet::Answered, "ja", &corpus);
        assert_eq!(yes.answered, Some(true));
        assert_eq!(
            toggle(&yes, Facet::Answered, "nee", &corpus).answered,
            Some(false)
        );
        assert_eq!(toggle(&yes, Facet::Answered, "ja", &corpus).answered, None);
    }

    #[test]
    fn only_replaces_the_facet_and_keeps_the_rest() {
        let corpus = corpus();
        let start = Query {
            text: "asiel".into(),
            parties: vec!["Volt".into()],
            ..Query::default()
        };
        let next = only(&start, Facet::Party, "GL-PvdA", &corpus);
        assert_eq!(next.parties, vec!["GroenLinks-PvdA".to_string()]);
        assert_eq!(next.text, "asiel");
        let kinds = toggle(&start, Facet::Kind, "nota", &corpus);
        assert_eq!(kinds.kinds, vec![DocumentKind::Nota]);
        assert_eq!(
            toggle(&start, Facet::Kind, "<script>", &corpus).kinds,
            Vec::new()
        );
    }

    #[test]
    fn a_month_becomes_its_first_and_last_day() {
        let next = only_month(&Query::default(), "2024-02");
        assert_eq!(next.from, Date::new(2024, 2, 1));
        assert_eq!(next.to, Date::new(2024, 2, 29));
        assert_eq!(only_month(&Query::default(), "2024-13"), Query::default());
    }
}
