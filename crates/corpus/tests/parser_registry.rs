//! The party and theme registry: lookup by name, abbreviation and alias; themes with the words that matched.

use briefwissel_corpus::registry::Registry;

#[test]
fn parties_resolve_by_name_abbreviation_and_alias_ignoring_case_and_dashes() {
    let r = Registry::builtin();
    let name = |s: &str| r.resolve_party(s).map(|p| p.name.clone());
    assert_eq!(name("GroenLinks-PvdA").as_deref(), Some("GroenLinks-PvdA"));
    assert_eq!(name("GL-PvdA").as_deref(), Some("GroenLinks-PvdA"));
    assert_eq!(name("groenlinks–pvda").as_deref(), Some("GroenLinks-PvdA"));
    assert_eq!(name("CU").as_deref(), Some("ChristenUnie"));
    assert_eq!(name("PvdD").as_deref(), Some("Partij voor de Dieren"));
    assert_eq!(name("NSC").as_deref(), Some("Nieuw Sociaal Contract"));
    assert_eq!(
        name("Fractie Van de Sanden").as_deref(),
        Some("Fractie-Van de Sanden")
    );
    assert_eq!(
        name("Fractie-Visseren-Hamakers").as_deref(),
        Some("Fractie-Visseren-Hamakers")
    );
    assert_eq!(name("Piratenpartij van Atlantis"), None);
}

#[test]
fn every_party_of_the_corpus_cover_pages_is_known() {
    let r = Registry::builtin();
    for p in [
        "BBB",
        "JA21",
        "OPNL",
        "50PLUS",
        "FVD",
        "DENK",
        "SGP",
        "Volt",
        "SP",
        "PVV",
        "VVD",
        "CDA",
        "D66",
        "Fractie-Beukering",
        "Fractie-Walenkamp",
        "Fractie-Van Gasteren",
    ] {
        assert!(r.resolve_party(p).is_some(), "{p} is in data/parties.toml");
    }
}

#[test]
fn party_names_and_abbreviations_are_unique() {
    let r = Registry::builtin();
    for (i, a) in r.parties().iter().enumerate() {
        for b in &r.parties()[i + 1..] {
            assert_ne!(a.name, b.name);
            assert_ne!(a.abbreviation.to_lowercase(), b.abbreviation.to_lowercase());
        }
    }
}

#[test]
fn theme_keywords_match_compounds_by_prefix_and_report_the_words() {
    let r = Registry::builtin();
    let m = r.assign_themes(None, "Hoeveel terugkeerhubs wil het kabinet openen?");
    assert_eq!(m[0].theme, "terugkeer");
    assert_eq!(m[0].words, ["terugkeerhubs"]);
    let m = r.assign_themes(
        None,
        "Wat doet u aan de wachttijden voor asielopvang in Ter Apel?",
    );
    assert!(
        m.iter()
            .any(|t| t.theme == "opvang" && t.words.contains(&"asielopvang".to_string())),
        "{m:?}"
    );
}

#[test]
fn accents_are_folded_before_matching() {
    let r = Registry::builtin();
    let m = r.assign_themes(None, "Steunt u Oekraïne met meer wapens?");
    assert!(
        m.iter()
            .any(|t| t.theme == "buitenlandse-zaken" && t.words.contains(&"oekraine".to_string())),
        "{m:?}"
    );
}

#[test]
fn the_printed_heading_counts_towards_the_themes() {
    let r = Registry::builtin();
    let without = r.assign_themes(None, "Kunt u hierop reflecteren?");
    assert_eq!(without[0].theme, "overig");
    let with = r.assign_themes(Some("Binnengrenscontroles"), "Kunt u hierop reflecteren?");
    assert_eq!(with[0].theme, "grenscontrole");
    assert_eq!(with[0].words, ["binnengrenscontroles"]);
}

#[test]
fn every_question_gets_a_theme_and_the_fallback_is_overig() {
    let r = Registry::builtin();
    let m = r.assign_themes(None, "");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].theme, "overig");
    assert!(r.themes().iter().any(|t| t.id == "overig"));
    assert!(r
        .themes()
        .iter()
        .all(|t| t.group == "migratie" || t.group == "beleid"));
}
