//! The parse report: every document has a row with what was found and its diagnostics, cards point to them, and a malformed registry file stops the build with file, line and reason.

use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use briefwissel_corpus::registry::Registry;
use briefwissel_corpus::report::ParseReport;
use briefwissel_corpus::report_html::report_page;
use std::path::PathBuf;
use std::sync::OnceLock;

fn output() -> &'static ParseOutput {
    static OUT: OnceLock<ParseOutput> = OnceLock::new();
    OUT.get_or_init(|| {
        parse_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/documents")])
            .expect("corpus parses")
    })
}

const KATHMANN: &str = "kv-069-antwoord-op-vragen-van-het-lid-kathmann-pdf";

#[test]
fn the_report_page_has_one_row_per_document_with_its_export_id() {
    let out = output();
    let html = report_page(&ParseReport::new(out), &out.corpus, "style.css", &|_| None);
    let rows = html.matches("data-testid=\"report-document\"").count();
    assert_eq!(rows, out.corpus.documents.len());
    for d in &out.corpus.documents {
        assert!(
            html.contains(&format!("data-document-id=\"{}\"", d.id)),
            "row for {}",
            d.id
        );
    }
}

#[test]
fn a_document_row_says_what_was_found_and_lists_its_warnings_with_their_line() {
    let out = output();
    let report = ParseReport::new(out);
    let row = report
        .documents
        .iter()
        .find(|d| d.document.id == KATHMANN)
        .expect("kv-069 in the report");
    // The Aanhangsel prints the questions of Kathmann (GroenLinks-PvdA) with 9 numbered answers;
    // question 7 stands twice (the second time on line 48 of the extract).
    assert_eq!(row.questions, 9);
    assert_eq!(row.answers, 9);
    assert_eq!(row.parties, vec!["GroenLinks-PvdA".to_string()]);
    assert!(row.diagnostics.iter().any(|d| d.line == Some(48)));
    let text = report.full_text(&out.corpus);
    assert!(text.contains(&format!("{KATHMANN}.txt: Kamervragen met antwoord")));
    assert!(text.contains("waarschuwing (regel 48)"), "{text}");
}

#[test]
fn questions_of_a_document_with_a_warning_point_to_it_and_others_do_not() {
    let out = output();
    let kathmann: Vec<_> = out
        .corpus
        .questions
        .iter()
        .filter(|q| q.document_id == KATHMANN)
        .collect();
    assert!(!kathmann.is_empty());
    assert!(kathmann.iter().all(|q| q.report_note.is_some()));
    // kv-003 (Boswijk, 8 questions and 8 answers) reads without a warning.
    assert!(out
        .corpus
        .questions
        .iter()
        .filter(|q| q.document_id.starts_with("kv-003-"))
        .all(|q| q.report_note.is_none()));
}

#[test]
fn a_malformed_themes_file_is_refused_with_file_line_and_reason() {
    let parties = "[[party]]\nname = \"BBB\"\nabbreviation = \"BBB\"\naliases = []\n";
    let broken =
        "[[theme]]\nid = \"zorg\"\nlabel = \"Zorg\"\ngroup = \"beleid\"\nkeywords = [\"zorg\",\n";
    let e = Registry::from_named_toml(("data/parties.toml", parties), ("data/themes.toml", broken))
        .expect_err("a cut-off file is an error");
    assert!(e.starts_with("data/themes.toml:"), "{e}");
    let twice = "[[theme]]\nid = \"zorg\"\nlabel = \"Zorg\"\ngroup = \"beleid\"\nkeywords = []\n\n[[theme]]\nid = \"zorg\"\nlabel = \"Zorg 2\"\ngroup = \"beleid\"\nkeywords = []\n";
    let e = Registry::from_named_toml(("data/parties.toml", parties), ("data/themes.toml", twice))
        .expect_err("a duplicate id is an error");
    assert_eq!(e, "data/themes.toml:8: theme id \"zorg\" occurs twice");
}

#[test]
fn the_builtin_registry_files_are_well_formed() {
    assert!(Registry::checked_builtin().is_ok());
}
