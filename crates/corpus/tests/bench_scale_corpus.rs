//! The scale-corpus generator: deterministic, really mutating, still parseable by the real parser, and not repeating its text.

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::registry::Registry;
use briefwissel_corpus::scale::{read_sources, write_corpus, Generator, DEFAULT_SEED};
use briefwissel_corpus::{Corpus, Date};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn documents_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents")
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefwissel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The original document id a generated id came from (`…-x002-pdf` → `…-pdf`).
fn original_id(id: &str) -> String {
    let Some(pos) = id.rfind("-x") else {
        return id.to_string();
    };
    let digits = &id[pos + 2..];
    let copy_len = digits.chars().take_while(char::is_ascii_digit).count();
    if copy_len == 3 {
        format!("{}{}", &id[..pos], &digits[3..])
    } else {
        id.to_string()
    }
}

/// Per document: the questions it prints (its own, and those it repeats of a linked questions
/// document, which are kept there), and its answers.
fn counts_per_document(corpus: &Corpus) -> BTreeMap<String, (usize, usize)> {
    let mut counts: BTreeMap<String, (usize, usize)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.to_string(), (0, 0)))
        .collect();
    for q in &corpus.questions {
        for source in &q.sources {
            counts.entry(source.document_id.clone()).or_default().0 += 1;
        }
    }
    for a in &corpus.answers {
        counts.entry(a.document_id.to_string()).or_default().1 += 1;
    }
    counts
}

#[test]
fn the_same_seed_gives_the_same_files_and_another_seed_other_files() {
    let sources = read_sources(&documents_dir()).expect("the real corpus is readable");
    let registry = Registry::builtin();
    let first: Vec<_> = Generator::new(&sources, &registry, DEFAULT_SEED)
        .all(2)
        .collect();
    let again: Vec<_> = Generator::new(&sources, &registry, DEFAULT_SEED)
        .all(2)
        .collect();
    let other: Vec<_> = Generator::new(&sources, &registry, DEFAULT_SEED + 1)
        .all(2)
        .collect();
    assert_eq!(first.len(), sources.len() * 2);
    assert!(first == again, "generation must be deterministic");
    let differing = first
        .iter()
        .zip(&other)
        .filter(|(a, b)| a.text != b.text)
        .count();
    assert!(
        differing >= sources.len() * 9 / 10,
        "only {differing} files depend on the seed"
    );
    for (copy0, source) in first.iter().step_by(2).zip(&sources) {
        assert_eq!(
            copy0.text,
            source.text,
            "copy 0 of {} must be the original",
            source.relative.display()
        );
    }
}

#[test]
fn no_two_generated_files_have_the_same_text() {
    let sources = read_sources(&documents_dir()).expect("the real corpus is readable");
    let registry = Registry::builtin();
    let generator = Generator::new(&sources, &registry, DEFAULT_SEED);
    let mut seen = BTreeMap::new();
    for file in generator.all(12) {
        if let Some(earlier) = seen.insert(file.text.clone(), file.relative.clone()) {
            panic!(
                "{} has the same text as {}",
                file.relative.display(),
                earlier.display()
            );
        }
    }
}

#[test]
fn a_threefold_corpus_parses_into_the_same_kinds_with_about_the_same_questions_but_other_dates_and_parties(
) {
    let output = scratch_dir("scale-3x");
    let summary =
        write_corpus(&documents_dir(), &output, 3, DEFAULT_SEED).expect("generation works");
    let original = parse_paths(&[documents_dir()])
        .expect("the real corpus parses")
        .corpus;
    let scaled = parse_paths(std::slice::from_ref(&output))
        .expect("the generated corpus parses")
        .corpus;
    let _ = std::fs::remove_dir_all(&output);

    assert!(
        !original.questions.is_empty(),
        "the real parser finds no questions in data/documents"
    );
    // The generator scales the text documents; PDF and Word originals are not copied.
    let text_documents = original
        .documents
        .iter()
        .filter(|d| d.file.ends_with(".txt"))
        .count();
    assert_eq!(summary.files, text_documents * 3);
    assert_eq!(scaled.documents.len(), text_documents * 3);
    let kinds: BTreeMap<&str, _> = original
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.kind))
        .collect();
    for doc in &scaled.documents {
        let from = original_id(&doc.id);
        assert_eq!(
            Some(&doc.kind),
            kinds.get(from.as_str()),
            "{} is no longer read as its original {from}",
            doc.id
        );
    }

    let before = counts_per_document(&original);
    for (id, (questions, answers)) in counts_per_document(&scaled) {
        let (q0, a0) = before[&original_id(&id)];
        let slack = |n: usize| (n / 4).max(1);
        assert!(
            questions.abs_diff(q0) <= slack(q0),
            "{id}: {questions} questions, original {q0}"
        );
        assert!(
            answers.abs_diff(a0) <= slack(a0),
            "{id}: {answers} answers, original {a0}"
        );
    }
    let text_questions = original
        .questions
        .iter()
        .filter(|q| {
            original
                .documents
                .iter()
                .any(|d| d.id == q.document_id && d.file.ends_with(".txt"))
        })
        .count();
    let ratio = scaled.questions.len() as f64 / text_questions as f64;
    assert!(
        (2.9..=3.1).contains(&ratio),
        "question count grew {ratio:.2}×, expected about 3×"
    );

    let years: BTreeSet<u16> = scaled
        .questions
        .iter()
        .filter_map(|q| q.asked_on)
        .map(|d: Date| d.year)
        .collect();
    assert!(
        years.len() >= 8,
        "questions are asked in only {} different years: {years:?}",
        years.len()
    );

    let party_counts = |c: &Corpus| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for p in c.questions.iter().flat_map(|q| &q.parties) {
            *m.entry(p.to_string()).or_default() += 1;
        }
        m
    };
    let (parties_before, parties_after) = (party_counts(&original), party_counts(&scaled));
    assert!(
        parties_after.len() > parties_before.len(),
        "askers' parties were not varied: {parties_before:?} → {parties_after:?}"
    );
}

/// Bytes of `text` compressed by brotli at quality 9 with a 16 MB window (as bench/text-ratio.mjs).
fn brotli_len(text: &[u8]) -> usize {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 24,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &text[..], &mut out, &params).expect("in memory");
    out.len()
}

#[test]
fn the_hundredfold_text_compresses_within_a_quarter_of_the_real_text_ratio() {
    // Issue 14: copies that repeat their originals' words compress far better than real text does,
    // which flattered every size measured at 100×. The bound (25%) is the issue's.
    let sources = read_sources(&documents_dir()).expect("the real corpus is readable");
    let registry = Registry::builtin();
    let generator = Generator::new(&sources, &registry, DEFAULT_SEED);
    let real: Vec<u8> = sources.iter().flat_map(|s| s.text.bytes()).collect();
    let scaled: Vec<u8> = generator
        .all(100)
        .flat_map(|f| f.text.into_bytes())
        .collect();
    assert!(scaled.len() > 90 * real.len());
    let ratio = |text: &[u8]| text.len() as f64 / brotli_len(text) as f64;
    let (real_ratio, scaled_ratio) = (ratio(&real), ratio(&scaled));
    assert!(
        (scaled_ratio / real_ratio - 1.0).abs() <= 0.25,
        "the 100× text compresses {scaled_ratio:.2}×, the real text {real_ratio:.2}×"
    );
}
