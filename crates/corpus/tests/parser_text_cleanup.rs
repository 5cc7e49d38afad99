//! Shared text cleanup: boilerplate lines, footnote markers, dehyphenation, paragraphs and links.

use briefwissel_corpus::hyphenation::DocumentSpelling;
use briefwissel_corpus::text::{
    boilerplate_kind, find_urls, paragraphs, pdf_footnote_lines, strip_footnote_markers,
};

/// Paragraphs of a document that has just these lines.
fn document_paragraphs(lines: &[&str]) -> String {
    paragraphs(lines, &DocumentSpelling::of_lines(lines))
}

#[test]
fn running_headers_footers_and_issn_lines_are_boilerplate() {
    assert!(boilerplate_kind("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1").is_some());
    assert!(boilerplate_kind("ah-tk-20242025-592").is_some());
    assert!(boilerplate_kind(
        "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1"
    )
    .is_some());
    assert!(
        boilerplate_kind("’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2024–2025, Vragen 1")
            .is_some()
    );
    assert!(boilerplate_kind("De Tweede Kamer, vergaderjaar na vergaderjaar, vraagt zich af of dit zo blijft en wat de minister eraan gaat doen.").is_none());
    assert!(boilerplate_kind("Deelt u de mening dat het beleid faalt?").is_none());
}

#[test]
fn footnote_bodies_above_a_page_footer_are_found_with_their_continuation_lines() {
    let lines = [
        "Vraag 8",
        "Is dit juist?",
        "3UNEP Emissions Gap Report 2024 (2024).",
        "4UNEP Emissions Gap Report 2024. Volgens UNEP is de verwachte daling van de",
        "mondiale emissies in 2030 4–10%.",
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
        "Antwoord 8",
        "2 Deze richtlijnen voorzien niet in een absoluut contactverbod.",
    ];
    let fates = pdf_footnote_lines(&lines);
    assert_eq!(fates[..2], [None, None]);
    assert_eq!(fates[2].as_deref(), Some("3"));
    assert_eq!(fates[3].as_deref(), Some("4"));
    assert_eq!(fates[4].as_deref(), Some("4"));
    assert_eq!(
        fates[7], None,
        "a marker at the start of running text is not a footnote body"
    );
}

#[test]
fn footnote_markers_are_removed_from_running_text_and_reported() {
    let known = vec!["1".to_string(), "2".to_string(), "3".to_string()];
    assert_eq!(
        strip_footnote_markers("2 Deze richtlijnen voorzien", &known),
        (
            "Deze richtlijnen voorzien".to_string(),
            vec!["2".to_string()]
        )
    );
    assert_eq!(
        strip_footnote_markers("tot stand gekomen?1 Was dit", &known).0,
        "tot stand gekomen? Was dit"
    );
    assert_eq!(
        strip_footnote_markers("zorgverzekering en mes»?1 2 3", &known).1,
        ["1", "2", "3"]
    );
    assert_eq!(
        strip_footnote_markers("2 3", &known),
        (String::new(), vec!["2".to_string(), "3".to_string()])
    );
    assert_eq!(
        strip_footnote_markers("oprichter'? 1)", &known).0,
        "oprichter'?"
    );
    assert_eq!(
        strip_footnote_markers("belonen'? [1]", &known).0,
        "belonen'?"
    );
    // After a closing quote of three bytes, in the middle of a line; and a line with no digit.
    assert_eq!(
        strip_footnote_markers("volgens de minister „Ja”3 en meer", &known),
        (
            "volgens de minister „Ja” en meer".to_string(),
            vec!["3".to_string()]
        )
    );
    assert_eq!(
        strip_footnote_markers("  Was dit bekend?  ", &known),
        ("Was dit bekend?".to_string(), Vec::<String>::new())
    );
    // A number of three digits after a marker is no marker, even when a footnote has it: its
    // space stays.
    let many: Vec<String> = ["1", "123"].map(String::from).to_vec();
    assert_eq!(
        strip_footnote_markers("van Shell?1 123 x", &many),
        ("van Shell? 123 x".to_string(), vec!["1".to_string()])
    );
    // Numbers that are not footnotes, dates and decimals stay.
    assert_eq!(
        strip_footnote_markers("1 oktober 2024).", &known).0,
        "1 oktober 2024)."
    );
    assert_eq!(
        strip_footnote_markers("76 van de DSA", &known).0,
        "76 van de DSA"
    );
    assert_eq!(
        strip_footnote_markers("artikel 3.1 van de wet", &known).0,
        "artikel 3.1 van de wet"
    );
}

#[test]
fn line_break_hyphens_are_joined_and_real_hyphens_kept() {
    let p = document_paragraphs(&[
        "een arrestatiebevel is uitgevaar-",
        "digd door het Hof met de oorlogsmis-dadiger",
    ]);
    assert_eq!(
        p,
        "een arrestatiebevel is uitgevaardigd door het Hof met de oorlogsmisdadiger"
    );
    let p = document_paragraphs(&[
        "de Secretaris-",
        "Generaal en meerdere VN-lidstaten, de minister-president",
        "en het klimaat- en energiekader",
    ]);
    assert_eq!(p, "de Secretaris-Generaal en meerdere VN-lidstaten, de minister-president en het klimaat- en energiekader");
    assert_eq!(
        document_paragraphs(&["van april-september en niet-werkenden"]),
        "van april-september en niet-werkenden"
    );
}

#[test]
fn wrapped_lines_join_with_a_space_and_lists_stay_lists() {
    let p = document_paragraphs(&[
        "Deelt u de mening dat",
        "dit beter kan?",
        "",
        "- eerste punt",
        "- tweede",
        "punt",
        "",
        "Slot.",
    ]);
    assert_eq!(
        p,
        "Deelt u de mening dat dit beter kan?\n\n- eerste punt\n- tweede punt\n\nSlot."
    );
}

#[test]
fn urls_are_collected_without_trailing_punctuation() {
    let urls = find_urls(
        "Zie (https://nos.nl/artikel/2541672-wachttijden). En https://www.ad.nl/x, en meer.",
    );
    assert_eq!(
        urls,
        [
            "https://nos.nl/artikel/2541672-wachttijden",
            "https://www.ad.nl/x"
        ]
    );
}

#[test]
fn a_url_wrapped_over_two_lines_is_joined_without_a_space() {
    let p = document_paragraphs(&[
        "1NOS (https://",
        "nos.nl/artikel/2541672-wachttijden-ggz-niet-goed-vastgelegd-zeggen-",
        "onderzoekers)",
    ]);
    assert_eq!(p, "1NOS (https://nos.nl/artikel/2541672-wachttijden-ggz-niet-goed-vastgelegd-zeggen-onderzoekers)");
}
