//! The query string as share format: readable names, round trips, and polite notices for bad or hostile input.

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{
    parse_query_string, to_query_string, Notice, Query, Sort, MAX_SEARCH_CHARS,
};
use briefwissel_corpus::{Chamber, Corpus, Date, DocumentKind};
use std::path::Path;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        parse_paths(&[dir]).expect("the real corpus parses").corpus
    })
}

fn parse(qs: &str) -> (Query, Vec<Notice>) {
    parse_query_string(qs, corpus())
}

fn name_of(abbreviation: &str) -> String {
    corpus()
        .parties
        .iter()
        .find(|p| p.abbreviation == abbreviation)
        .map(|p| p.name.clone())
        .expect("party in registry")
}

#[test]
fn readable_parameters_fill_every_field() {
    let (q, notices) = parse("?partij=Volt&partij=PvdD&thema=terugkeer&van=2024-01-01&tot=2025-06-30&q=terugkeer+hubs&soort=kamervragen_met_antwoord&kamer=tweede_kamer&beantwoord=ja&sorteer=oudste&pagina=3");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(q.parties, [name_of("Volt"), name_of("PvdD")]);
    assert_eq!(q.themes, ["terugkeer"]);
    assert_eq!(q.from, Date::parse_iso("2024-01-01"));
    assert_eq!(q.to, Date::parse_iso("2025-06-30"));
    assert_eq!(q.text, "terugkeer hubs");
    assert_eq!(q.kinds, [DocumentKind::KamervragenMetAntwoord]);
    assert_eq!(q.chambers, [Chamber::TweedeKamer]);
    assert_eq!((q.answered, q.sort, q.page), (Some(true), Sort::Oldest, 3));
}

#[test]
fn parties_are_accepted_by_name_abbreviation_or_alias_and_written_as_abbreviation() {
    let gl = name_of("GL-PvdA");
    for given in ["GL-PvdA", "gl–pvda", "GroenLinks-PvdA", "GroenLinks%2FPvdA"] {
        let (q, notices) = parse(&format!("partij={given}"));
        assert!(notices.is_empty(), "{given}: {notices:?}");
        assert_eq!(q.parties, std::slice::from_ref(&gl), "{given}");
        assert_eq!(to_query_string(&q, corpus()), "partij=GL-PvdA");
    }
    // The parties before the joint faction are parties of their own (data/parties.toml).
    assert_eq!(parse("partij=Partij+van+de+Arbeid").0.parties, ["PvdA"]);
    assert_eq!(parse("partij=GL").0.parties, ["GroenLinks"]);
    let (q, _) = parse("partij=Volt&partij=volt");
    assert_eq!(q.parties.len(), 1, "the same party twice counts once");
}

#[test]
fn percent_escapes_and_plus_signs_are_decoded() {
    let (q, notices) = parse("q=ge%C3%AFndexeerd+%22de+minister%22%20nu");
    assert!(notices.is_empty());
    assert_eq!(q.text, "geïndexeerd \"de minister\" nu");
    let (q, _) = parse("q=100%25+zeker+%zz");
    assert_eq!(q.text, "100% zeker %zz");
}

#[test]
fn unknown_values_and_impossible_dates_are_ignored_with_a_dutch_notice() {
    let cases = [
        ("partij=Piratenpartij", "partij"),
        ("thema=ruimtevaart", "thema"),
        ("soort=roman", "soort"),
        ("kamer=derde_kamer", "kamer"),
        ("van=2025-02-30", "van"),
        ("tot=gisteren", "tot"),
        ("beantwoord=misschien", "beantwoord"),
        ("sorteer=willekeurig", "sorteer"),
        ("pagina=twee", "pagina"),
        ("pagina=0", "pagina"),
        ("pagina=99999999999999", "pagina"),
        ("kleur=rood", "kleur"),
    ];
    for (qs, param) in cases {
        let (q, notices) = parse(qs);
        assert_eq!(q, Query::default(), "{qs} changes nothing");
        assert_eq!(notices.len(), 1, "{qs}: {notices:?}");
        assert_eq!(notices[0].param, param);
        assert!(
            notices[0].message.contains("genegeerd")
                || notices[0].message.contains("pagina 1")
                || notices[0].message.contains("relevantie"),
            "{:?}",
            notices[0]
        );
    }
    let (q, notices) = parse("partij=Volt&partij=Bestaat%20Niet");
    assert_eq!(q.parties, [name_of("Volt")], "the known value stays");
    assert_eq!(notices.len(), 1);
}

#[test]
fn a_start_date_after_the_end_date_drops_the_range_with_a_notice() {
    let (q, notices) = parse("van=2025-06-01&tot=2025-01-01");
    assert_eq!((q.from, q.to), (None, None));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].message.contains("na de einddatum"));
    let (q, notices) = parse("van=2025-01-01&tot=2025-01-01");
    assert!(
        notices.is_empty() && q.from.is_some() && q.from == q.to,
        "one day is a valid range"
    );
}

#[test]
fn script_fragments_are_ignored_and_never_echoed_as_markup() {
    let hostile = [
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "partij=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
        "thema=javascript:alert(1)",
        "q=JaVaScRiPt%3Aalert(1)",
        "soort=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
        "%3Cscript%3E=1",
        "sorteer=java%0Ascript:alert(1)",
    ];
    for qs in hostile {
        let (q, notices) = parse(qs);
        assert_eq!(q, Query::default(), "{qs}");
        assert_eq!(notices.len(), 1, "{qs}: {notices:?}");
        for n in &notices {
            for text in [&n.param, &n.value, &n.message] {
                assert!(
                    !text.contains('<') && !text.contains('>'),
                    "{qs} echoes markup: {n:?}"
                );
                assert!(text.chars().count() <= 200, "{qs} echoes too much");
            }
        }
    }
}

#[test]
fn a_repeated_single_value_parameter_keeps_the_first_value() {
    let (q, notices) = parse("q=asiel&q=migratie&pagina=2&pagina=5");
    assert_eq!((q.text.as_str(), q.page), ("asiel", 2));
    assert_eq!(notices.len(), 2);
}

#[test]
fn an_overlong_search_text_is_shortened_with_a_notice() {
    let (q, notices) = parse(&format!("q={}", "a".repeat(MAX_SEARCH_CHARS + 50)));
    assert_eq!(q.text.chars().count(), MAX_SEARCH_CHARS);
    assert_eq!(notices.len(), 1);
}

#[test]
fn the_default_query_is_the_empty_query_string() {
    assert_eq!(to_query_string(&Query::default(), corpus()), "");
    assert_eq!(parse(""), (Query::default(), Vec::new()));
    assert_eq!(parse("?"), (Query::default(), Vec::new()));
    assert_eq!(Query::default().page, 1);
}

/// A small deterministic random generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn random_valid_query(rng: &mut Rng) -> Query {
    let corpus = corpus();
    let mut q = Query::default();
    for _ in 0..rng.below(4) {
        let name = rng.pick(&corpus.parties).name.clone();
        if !q.parties.contains(&name) {
            q.parties.push(name);
        }
    }
    for _ in 0..rng.below(4) {
        let id = rng.pick(&corpus.themes).id.clone();
        if !q.themes.contains(&id) {
            q.themes.push(id);
        }
    }
    for _ in 0..rng.below(3) {
        let kind = *rng.pick(&DocumentKind::ALL);
        if !q.kinds.contains(&kind) {
            q.kinds.push(kind);
        }
    }
    if rng.below(2) == 0 {
        q.chambers
            .push(*rng.pick(&[Chamber::TweedeKamer, Chamber::EersteKamer]));
    }
    let date = |rng: &mut Rng| {
        Date::new(
            2000 + rng.below(30) as u16,
            1 + rng.below(12) as u8,
            1 + rng.below(28) as u8,
        )
    };
    let (a, b) = (date(rng), date(rng));
    match rng.below(4) {
        0 => (q.from, q.to) = (a.min(b), a.max(b)),
        1 => q.from = a,
        2 => q.to = b,
        _ => {}
    }
    let words = [
        "asiel",
        "geïndexeerd",
        "\"de minister\"",
        "100%",
        "a&b=c",
        "  spaties  ",
        "#hash",
        "+plus",
        "é ü ß",
        "?",
        "",
    ];
    q.text = (0..rng.below(4))
        .map(|_| *rng.pick(&words))
        .collect::<Vec<_>>()
        .join(" ");
    q.answered = *rng.pick(&[None, Some(true), Some(false)]);
    q.sort = *rng.pick(&Sort::ALL);
    q.page = 1 + rng.below(40) as u32;
    q
}

#[test]
fn every_valid_query_survives_a_round_trip_through_the_url() {
    let mut rng = Rng(0xb41e_f0e1);
    for _ in 0..2000 {
        let q = random_valid_query(&mut rng);
        let qs = to_query_string(&q, corpus());
        let (back, notices) = parse(&qs);
        assert!(notices.is_empty(), "{qs}: {notices:?}");
        assert_eq!(back, q, "{qs}");
        assert_eq!(to_query_string(&back, corpus()), qs);
        assert!(
            !qs.contains(' ') && !qs.contains('#') && !qs.contains('<'),
            "{qs}"
        );
    }
}

#[test]
fn hostile_query_strings_never_panic_and_notices_stay_plain_and_short() {
    let pieces = [
        "partij",
        "thema",
        "van",
        "tot",
        "q",
        "soort",
        "kamer",
        "beantwoord",
        "sorteer",
        "pagina",
        "=",
        "&",
        "%",
        "%2",
        "%FF",
        "%C3",
        "%00",
        "+",
        "<",
        ">",
        "\"",
        "'",
        "javascript:",
        "2025-02-30",
        "9999-99-99",
        "-1",
        "4294967296",
        "é",
        "\u{202e}",
        "\u{0}",
        "%E2%80%AE",
        "ja",
        "nee",
        "Volt",
        "#",
        "?",
        ";",
        "\n",
        "%3Cb%3E",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];
    let mut rng = Rng(0xdead_beef);
    for _ in 0..20_000 {
        let qs: String = (0..rng.below(12)).map(|_| *rng.pick(&pieces)).collect();
        let (q, notices) = parse(&qs);
        assert!(q.page >= 1);
        assert!(q.from.is_none() || q.to.is_none() || q.from <= q.to);
        for n in &notices {
            for text in [&n.param, &n.value, &n.message] {
                assert!(!text.contains(['<', '>', '\u{0}']), "{qs:?} → {n:?}");
            }
            assert!(n.value.chars().count() <= 41, "{qs:?} → {n:?}");
        }
        let again = to_query_string(&q, corpus());
        assert_eq!(
            parse(&again).0,
            q,
            "{qs:?} formats to a string that reads back the same"
        );
    }
}
