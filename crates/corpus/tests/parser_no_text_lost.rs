//! Every non-blank, non-boilerplate line of every corpus file lands in the place its fate names.

use briefwissel_corpus::model::{Block, Corpus, Document};
use briefwissel_corpus::parse::originals::paragraphs_of;
use briefwissel_corpus::parse::{parse_paths, LineFate, Place};
use briefwissel_corpus::text::take_note_markers;
use briefwissel_corpus::text::{compare_key, list_item, strip_footnote_markers};
use briefwissel_readers::{read, Format};
use std::path::{Path, PathBuf};

/// The lines the parser saw: a text file's lines, or an original's paragraphs as the reader gave
/// them (footnote markers taken out).
fn source_text(path: &Path) -> String {
    let name = path.to_string_lossy();
    match Format::of(&name) {
        Some(f @ (Format::Pdf | Format::Docx)) => {
            let bytes = std::fs::read(path).expect("originals are readable");
            let extracted = read(f, &bytes).expect("every original in the corpus can be read");
            let (paragraphs, _) = paragraphs_of(&extracted);
            paragraphs
                .iter()
                .map(|p| take_note_markers(p).0)
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => std::fs::read_to_string(path).expect("corpus files are UTF-8"),
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents")
}

fn place_text(corpus: &Corpus, doc: &Document, place: &Place) -> Option<String> {
    match place {
        Place::Title => Some(doc.title.clone()),
        Place::Question(id) => corpus
            .questions
            .iter()
            .find(|q| &q.id == id)
            .map(|q| format!("{}\n{}", q.heading.clone().unwrap_or_default(), q.text)),
        Place::Answer(id) => corpus
            .answers
            .iter()
            .find(|a| &a.id == id)
            .map(|a| a.text.clone()),
        Place::Footnote(n) => doc
            .footnotes
            .iter()
            .find(|f| &f.number == n)
            .map(|f| f.text.clone()),
        Place::Section(i) => doc.sections.get(*i).map(|s| {
            let mut t = s.heading.clone().unwrap_or_default();
            for b in &s.blocks {
                match b {
                    Block::Paragraph(p) => t.push_str(p),
                    Block::List(items) => t.push_str(&items.join("\n")),
                    Block::Question(_) | Block::Answer(_) => {}
                }
                t.push('\n');
            }
            t
        }),
    }
}

/// The content of a line as it should appear: footnote markers and a leading label removed.
fn line_keys(line: &str, footnotes: &[String]) -> Vec<String> {
    let (clean, _) = strip_footnote_markers(line, footnotes);
    let key = compare_key(&clean);
    let mut keys = vec![key.clone()];
    if let Some(item) = list_item(line) {
        keys.push(compare_key(&strip_footnote_markers(item, footnotes).0));
    }
    // `1. Kunt u…`, `Antwoord: Ja.`, `Vraag 3: …` keep only the text after the label.
    let after_digits = key.trim_start_matches(|c: char| c.is_ascii_digit());
    if let Some(r) = after_digits.strip_prefix('.') {
        keys.push(r.to_string());
    }
    if key.starts_with("antwoord") || key.starts_with("vraag") {
        if let Some((_, r)) = key.split_once(':') {
            keys.push(r.to_string());
        }
        let r = key
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
        keys.push(r.trim_start_matches([':', '.']).to_string());
    }
    keys
}

#[test]
fn every_line_of_every_corpus_file_lands_in_the_place_its_fate_names() {
    let out = parse_paths(&[corpus_dir()]).expect("the corpus folder is readable");
    assert!(
        out.corpus.documents.len() >= 60,
        "the whole corpus is parsed"
    );
    let mut failures: Vec<String> = Vec::new();
    for doc in &out.corpus.documents {
        let path = ["kamervragen", "seeds", "originals/pdf", "originals/docx"]
            .iter()
            .map(|sub| corpus_dir().join(sub).join(&doc.file))
            .find(|p| p.exists())
            .expect("every document comes from a corpus subfolder");
        let text = source_text(&path);
        let lines: Vec<&str> = text.lines().collect();
        let fates = &out
            .line_fates
            .iter()
            .find(|(id, _)| *id == doc.id)
            .expect("every document has line fates")
            .1;
        // An original's fates go on past its paragraphs: its set-aside lines and its notes.
        let original = Format::of(&doc.file).is_some_and(|f| f != Format::Text);
        let fates = if original && fates.len() >= lines.len() {
            &fates[..lines.len()]
        } else {
            &fates[..]
        };
        if fates.len() != lines.len() {
            failures.push(format!(
                "{}: {} fates for {} lines",
                doc.file,
                fates.len(),
                lines.len()
            ));
            continue;
        }
        let footnotes: Vec<String> = doc.footnotes.iter().map(|f| f.number.clone()).collect();
        for (i, (line, fate)) in lines.iter().zip(fates).enumerate() {
            let where_ = format!("{}:{}", doc.file, i + 1);
            match fate {
                LineFate::Blank if !line.trim().is_empty() => {
                    failures.push(format!("{where_}: non-blank line marked blank: {line}"))
                }
                LineFate::Text(place) => {
                    let Some(target) = place_text(&out.corpus, doc, place) else {
                        failures.push(format!(
                            "{where_}: fate names a place that does not exist: {place:?}"
                        ));
                        continue;
                    };
                    let target = compare_key(&target);
                    let mut keys = line_keys(line, &footnotes);
                    if let Place::Footnote(n) = place {
                        // The footnote's own number is kept as its `number`, not in its text.
                        let key = compare_key(line);
                        let key = key.strip_prefix('[').unwrap_or(&key);
                        if let Some(r) = key.strip_prefix(n.as_str()) {
                            keys.push(r.trim_start_matches([')', ']']).to_string());
                        }
                    }
                    // Last resort for markers glued to words (`brief1`) and symbols (`↩︎`): letters only.
                    let letters =
                        |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>();
                    let target_letters = letters(&target);
                    let found = keys.iter().any(|k| target.contains(k.as_str()))
                        || keys.iter().any(|k| target_letters.contains(&letters(k)));
                    if !found {
                        failures.push(format!("{where_}: text not found in {place:?}: {line}"));
                    }
                }
                LineFate::RepeatedQuestion(id)
                    if !out.corpus.questions.iter().any(|q| &q.id == id) =>
                {
                    failures.push(format!("{where_}: repeated question {id} does not exist"));
                }
                _ => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} lines lost:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
