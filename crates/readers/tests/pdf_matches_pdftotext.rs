//! The PDF reader keeps every word poppler's pdftotext finds in the real Aanhangsel PDFs, and adds none.

use briefwissel_readers::{read, Format, NOTE_MARK_CLOSE, NOTE_MARK_OPEN};
use std::collections::HashMap;
use std::process::Command;

mod common;
use common::real_pdfs as pdfs;

/// Words as counted here: split on white space, lowercase, without surrounding punctuation; a
/// word ending in a hyphen is joined to the next, as pdftotext joins words broken at a line end.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let mut joined: Vec<String> = Vec::new();
    let mut pending = String::new();
    for w in text.split_whitespace() {
        if w.ends_with('-') && w.len() > 1 {
            pending.push_str(&w[..w.len() - 1]);
            continue;
        }
        joined.push(format!("{pending}{w}"));
        pending.clear();
    }
    for w in joined.iter().map(String::as_str) {
        let w: String = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !w.is_empty() {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts
}

fn missing(from: &HashMap<String, usize>, inside: &HashMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (w, n) in from {
        let have = inside.get(w).copied().unwrap_or(0);
        for _ in have..*n {
            out.push(w.clone());
        }
    }
    out.sort();
    out
}

#[test]
fn every_word_of_pdftotext_is_read_and_no_word_is_made_up() {
    let files = pdfs();
    assert_eq!(
        files.len(),
        12,
        "the twelve Aanhangsel PDFs are in the data folder"
    );
    for file in files {
        let reference = Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
        assert!(reference.status.success());
        let expected = words(&String::from_utf8_lossy(&reference.stdout));
        let bytes = std::fs::read(&file).expect("readable");
        let x = read(Format::Pdf, &bytes).expect("the PDF is read");
        let mut ours = String::new();
        for l in &x.lines {
            // pdftotext glues a superscript marker to the word before it, as the page shows.
            let t: String = l
                .text
                .chars()
                .filter(|&c| c != NOTE_MARK_OPEN && c != NOTE_MARK_CLOSE)
                .collect();
            ours.push_str(&t);
            ours.push('\n');
        }
        for n in &x.notes {
            ours.push_str(&format!("{} {}\n", n.number, n.text));
        }
        for s in &x.set_aside {
            ours.push_str(&s.text);
            ours.push('\n');
        }
        let got = words(&ours);
        let lost = missing(&expected, &got);
        let added = missing(&got, &expected);
        let total: usize = expected.values().sum();
        // Footnote bodies are joined across their line breaks (`cyberbevei-` + `liging`), so a
        // handful of words differ in shape; anything more is lost or garbled text.
        assert!(
            lost.len() * 100 <= total && added.len() * 100 <= total,
            "{}: {} of {total} words lost {lost:?}, {} added {added:?}",
            file.display(),
            lost.len(),
            added.len()
        );
    }
}
