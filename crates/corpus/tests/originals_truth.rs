//! Each PDF and Word original in data/documents/originals is parsed and compared with the truth a person wrote by reading it.

use briefwissel_corpus::fold::fold;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::{Corpus, Document};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Truth {
    file: String,
    kind: String,
    pages: Option<u32>,
    aanhangsel: Option<String>,
    zaak: Option<String>,
    /// The letter's own reference ("Ons kenmerk"), where the truth file gives it.
    kenmerk: Option<String>,
    asked_on: Option<String>,
    answered_on: Option<String>,
    answered_by: Option<String>,
    /// The office answered on behalf of as well ("mede namens de Minister van …"), as printed;
    /// absent where the document names none.
    answered_with: Option<String>,
    #[serde(default)]
    no_text: Vec<String>,
    #[serde(default)]
    asker: Vec<TruthAsker>,
    #[serde(default)]
    question: Vec<TruthText>,
    #[serde(default)]
    answer: Vec<TruthText>,
    #[serde(default)]
    footnote: Vec<TruthNote>,
}

#[derive(Deserialize)]
struct TruthAsker {
    name: String,
    party: String,
}

#[derive(Deserialize)]
struct TruthText {
    number: String,
    #[serde(default)]
    questions: Vec<u32>,
    page: Option<u32>,
    starts: String,
    ends: String,
    #[serde(default)]
    footnotes: Vec<String>,
    /// Phrases that run over a line break of the original and must stay in one paragraph.
    #[serde(default)]
    one_paragraph: Vec<String>,
}

#[derive(Deserialize)]
struct TruthNote {
    number: String,
    starts: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Lowercase, accents folded, white space collapsed: how printed text is compared.
fn norm(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_one(truth: &Truth) -> (Corpus, Document) {
    let sub = if truth.file.to_lowercase().ends_with(".pdf") {
        "pdf"
    } else {
        "docx"
    };
    let path = root()
        .join("data/documents/originals")
        .join(sub)
        .join(&truth.file);
    let out = parse_paths(&[path]).expect("the original can be read from disk");
    let doc = out.corpus.documents.first().cloned().unwrap_or_else(|| {
        panic!(
            "{} gave no document: {:?}",
            truth.file,
            out.diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
        )
    });
    (out.corpus, doc)
}

/// Every difference between the parse and the truth, as sentences.
fn differences(truth: &Truth) -> Vec<String> {
    let (corpus, doc) = parse_one(truth);
    let mut diffs = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            diffs.push(what);
        }
    };
    expect(
        doc.kind.slug() == truth.kind,
        format!("kind {} is not {}", doc.kind.slug(), truth.kind),
    );
    if let Some(p) = truth.pages {
        expect(
            doc.pages == Some(p),
            format!("pages {:?} is not {p}", doc.pages),
        );
    }
    if let Some(a) = &truth.aanhangsel {
        expect(
            doc.references.aanhangsel.as_ref() == Some(a),
            format!("aanhangsel {:?} is not {a}", doc.references.aanhangsel),
        );
    }
    if let Some(z) = &truth.zaak {
        expect(
            doc.references.zaak.as_ref() == Some(z),
            format!("zaak {:?} is not {z}", doc.references.zaak),
        );
    }
    if let Some(k) = &truth.kenmerk {
        expect(
            doc.references.kenmerk.as_ref() == Some(k),
            format!("kenmerk {:?} is not {k}", doc.references.kenmerk),
        );
    }
    let questions: Vec<_> = corpus
        .questions
        .iter()
        .filter(|q| q.document_id == doc.id)
        .collect();
    let answers: Vec<_> = corpus
        .answers
        .iter()
        .filter(|a| a.document_id == doc.id)
        .collect();
    if let Some(d) = &truth.asked_on {
        let got = doc.dates.question_letter.map(|x| x.to_string());
        expect(
            got.as_ref() == Some(d),
            format!("asked on {got:?} is not {d}"),
        );
    }
    if let Some(d) = &truth.answered_on {
        let got = doc.dates.answer_letter.map(|x| x.to_string());
        expect(
            got.as_ref() == Some(d),
            format!("answered on {got:?} is not {d}"),
        );
        for a in &answers {
            let got = a.answered_on.map(|x| x.to_string());
            expect(
                got.as_ref() == Some(d),
                format!("answer {} answered on {got:?} is not {d}", a.number),
            );
        }
    }
    if let Some(who) = &truth.answered_by {
        for a in &answers {
            let by = a.answered_by.clone().unwrap_or_default();
            expect(
                norm(&by).contains(&norm(who)),
                format!("answer {} answered by {by:?}, not {who}", a.number),
            );
            let with = truth
                .answered_with
                .as_ref()
                .map(|w| format!("mede namens {w}"));
            expect(
                match &with {
                    Some(with) => norm(&by).contains(&norm(with)),
                    None => !norm(&by).contains("mede namens"),
                },
                format!("answer {} answered by {by:?}, not {with:?}", a.number),
            );
        }
        expect(
            !answers.is_empty() || truth.answer.is_empty(),
            "no answers".into(),
        );
    }
    let mut askers: Vec<(String, String)> = Vec::new();
    for q in &questions {
        for a in &q.askers {
            let pair = (
                norm(a.name.as_deref().unwrap_or("")),
                a.party.clone().unwrap_or_default(),
            );
            if !askers.contains(&pair) {
                askers.push(pair);
            }
        }
    }
    let mut want: Vec<(String, String)> = truth
        .asker
        .iter()
        .map(|a| (norm(&a.name), a.party.clone()))
        .collect();
    askers.sort();
    want.sort();
    expect(
        askers == want,
        format!("askers {askers:?} are not {want:?}"),
    );

    expect(
        questions.len() == truth.question.len(),
        format!(
            "{} questions ({:?}), not {}",
            questions.len(),
            questions
                .iter()
                .map(|q| q.number.as_str())
                .collect::<Vec<_>>(),
            truth.question.len()
        ),
    );
    for t in &truth.question {
        let Some(q) = questions.iter().find(|q| q.number == t.number) else {
            expect(false, format!("question {} is missing", t.number));
            continue;
        };
        check_text(
            &mut expect,
            "question",
            t,
            &q.text,
            q.page,
            &q.footnote_refs,
        );
    }
    expect(
        answers.len() == truth.answer.len(),
        format!(
            "{} answers ({:?}), not {}",
            answers.len(),
            answers
                .iter()
                .map(|a| a.number.as_str())
                .collect::<Vec<_>>(),
            truth.answer.len()
        ),
    );
    for t in &truth.answer {
        let Some(a) = answers.iter().find(|a| a.number == t.number) else {
            expect(false, format!("answer {} is missing", t.number));
            continue;
        };
        check_text(&mut expect, "answer", t, &a.text, a.page, &a.footnote_refs);
        let mut covered: Vec<u32> = a
            .question_ids
            .iter()
            .filter_map(|id| questions.iter().find(|q| &q.id == id))
            .flat_map(|q| q.numbers.clone())
            .collect();
        covered.sort();
        let mut want = t.questions.clone();
        want.sort();
        expect(
            covered == want,
            format!(
                "answer {} covers questions {covered:?}, not {want:?}",
                t.number
            ),
        );
    }
    let mut numbers: Vec<&str> = doc.footnotes.iter().map(|f| f.number.as_str()).collect();
    numbers.sort_unstable();
    let twice: Vec<&&str> = numbers
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    expect(
        twice.is_empty(),
        format!("footnote numbers {twice:?} stand twice: a marker could point at either"),
    );
    for n in &truth.footnote {
        let found = doc
            .footnotes
            .iter()
            .any(|f| f.number == n.number && norm(&f.text).starts_with(&norm(&n.starts)));
        expect(
            found,
            format!("footnote {} starting {:?} is missing", n.number, n.starts),
        );
    }
    for furniture in &truth.no_text {
        let f = norm(furniture);
        for text in questions
            .iter()
            .map(|q| &q.text)
            .chain(answers.iter().map(|a| &a.text))
        {
            expect(
                !norm(text).contains(&f),
                format!(
                    "page furniture {furniture:?} inside the text {:?}",
                    text.chars().take(80).collect::<String>()
                ),
            );
        }
    }
    diffs
}

fn check_text(
    expect: &mut impl FnMut(bool, String),
    what: &str,
    t: &TruthText,
    text: &str,
    page: Option<u32>,
    refs: &[String],
) {
    let got = norm(text);
    expect(
        got.starts_with(&norm(&t.starts)),
        format!(
            "{what} {} starts {:?}, not {:?}",
            t.number,
            got.chars().take(70).collect::<String>(),
            t.starts
        ),
    );
    let tail: String = {
        let chars: Vec<char> = got.chars().collect();
        chars[chars.len().saturating_sub(70)..].iter().collect()
    };
    expect(
        got.ends_with(&norm(&t.ends)),
        format!("{what} {} ends {tail:?}, not {:?}", t.number, t.ends),
    );
    if let Some(p) = t.page {
        expect(
            page == Some(p),
            format!("{what} {} on page {page:?}, not {p}", t.number),
        );
    }
    for phrase in &t.one_paragraph {
        expect(
            text.split("\n\n").any(|p| norm(p).contains(&norm(phrase))),
            format!(
                "{what} {} does not hold {phrase:?} in one paragraph",
                t.number
            ),
        );
    }
    expect(
        refs == t.footnotes.as_slice(),
        format!(
            "{what} {} cites footnotes {refs:?}, not {:?}",
            t.number, t.footnotes
        ),
    );
}

fn check(fixture: &str) {
    let path = root()
        .join("crates/corpus/tests/fixtures/originals")
        .join(fixture);
    let text = std::fs::read_to_string(&path).expect("truth file");
    let truth: Truth = toml::from_str(&text).expect("truth file is valid TOML");
    let diffs = differences(&truth);
    assert!(
        diffs.is_empty(),
        "{} differs from its truth:\n  {}",
        truth.file,
        diffs.join("\n  ")
    );
}

macro_rules! truth_tests {
    ($($name:ident => $file:literal $(, ignore = $why:literal)?;)*) => {
        $(
            #[test]
            $(#[ignore = $why])?
            fn $name() {
                check($file);
            }
        )*
    };
}

truth_tests! {
    aanhangsel_1314_regenboogprovincies_matches_its_truth => "00fe7edd-24c8-4857-98da-774ed3b06836.toml";
    aanhangsel_2210_erkens_matches_its_truth => "1a2d8959-7ce1-411d-bffe-c78970ae8d6b.toml";
    aanhangsel_1076_van_haga_matches_its_truth => "1aa9bd01-68a1-4a4a-a808-5b0183bc217a.toml";
    aanhangsel_1771_van_nispen_matches_its_truth => "1b26915f-b542-4707-8495-b5c21f0edfe1.toml";
    aanhangsel_2367_van_der_lee_matches_its_truth => "1b2d2126-a21e-4c3e-9b18-42206b4cc791.toml";
    aanhangsel_1292_keijzer_matches_its_truth => "1b38043f-a835-4a63-a135-42c593d3ba77.toml";
    aanhangsel_1432_van_zanten_matches_its_truth => "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0.toml";
    aanhangsel_2395_crijns_matches_its_truth => "1b922783-f576-4df5-a031-ad0063d2afd4.toml";
    aanhangsel_1893_klaver_matches_its_truth => "1bd47dc8-229e-4a1a-a405-8e2672436e1f.toml";
    aanhangsel_1178_sneller_matches_its_truth => "1c0f765c-d7b4-455e-a241-35a4e9a9dc36.toml";
    aanhangsel_1980_dobbe_matches_its_truth => "1c7587f8-1c7c-4912-9319-290e19c99d85.toml";
    aanhangsel_2168_erkens_matches_its_truth => "1cf0c343-2da4-429d-8a6d-729da6008af1.toml";
    word_letter_mutluer_wolvega_matches_its_truth => "docx-mutluer-wolvega.toml";
    word_letter_temmink_brandweer_matches_its_truth => "docx-temmink-brandweer.toml";
    word_letter_teunissen_politiehonden_matches_its_truth => "docx-teunissen-politiehonden.toml";
    word_letter_wassenberg_bijtincidenten_matches_its_truth => "docx-wassenberg-bijtincidenten.toml";
    word_letter_mutluer_argos_matches_its_truth => "docx-mutluer-argos.toml";
}
