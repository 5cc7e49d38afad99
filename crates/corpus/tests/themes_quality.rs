//! Themes are measured against 176 questions labelled by reading (fixtures/themes/labels.tsv): precision and recall per theme and overall.

use std::collections::BTreeMap;

mod common;
use common::{fixture_rows, parsed_corpus};

/// (question id, themes) as labelled by hand.
fn labels() -> Vec<(String, Vec<String>)> {
    fixture_rows("themes/labels.tsv", 2)
        .into_iter()
        .map(|f| {
            let themes = f[1]
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            (f[0].clone(), themes)
        })
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        self.right as f64 / (self.right + self.wrong).max(1) as f64
    }
    fn recall(self) -> f64 {
        self.right as f64 / (self.right + self.missed).max(1) as f64
    }
}

/// Per theme and in total: themes given rightly, wrongly, and missed.
fn measure() -> (BTreeMap<String, Counts>, Counts, Vec<String>) {
    let out = parsed_corpus();
    let mut per_theme: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    let mut differences = Vec::new();
    for (id, expected) in labels() {
        let q = out
            .corpus
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap_or_else(|| panic!("labelled question {id} is in the corpus"));
        for t in &q.themes {
            let c = per_theme.entry(t.to_string()).or_default();
            if expected.iter().any(|e| e == t) {
                c.right += 1;
                total.right += 1;
            } else {
                c.wrong += 1;
                total.wrong += 1;
            }
        }
        for t in expected
            .iter()
            .filter(|t| !q.themes.iter().any(|x| x == *t))
        {
            per_theme.entry(t.clone()).or_default().missed += 1;
            total.missed += 1;
        }
        if q.themes != expected
            && !(q.themes.iter().all(|t| expected.iter().any(|e| e == t))
                && expected.iter().all(|t| q.themes.iter().any(|x| x == t)))
        {
            let got: Vec<String> = q
                .theme_matches
                .iter()
                .map(|m| format!("{} ({})", m.theme, m.words.join(", ")))
                .collect();
            differences.push(format!("{id}: got {got:?}, labelled {expected:?}"));
        }
    }
    (per_theme, total, differences)
}

#[test]
fn themes_match_the_hand_labels_with_high_precision_and_recall() {
    let (per_theme, total, differences) = measure();
    println!("theme         right wrong missed precision recall");
    for (t, c) in &per_theme {
        println!(
            "{t:<24} {:>3} {:>3} {:>3}  {:.2} {:.2}",
            c.right,
            c.wrong,
            c.missed,
            c.precision(),
            c.recall()
        );
    }
    println!(
        "all themes: {} right, {} wrong, {} missed: precision {:.3}, recall {:.3}",
        total.right,
        total.wrong,
        total.missed,
        total.precision(),
        total.recall()
    );
    for d in &differences {
        println!("{d}");
    }
    // Measured on 2026-12-03: keywords alone gave 201 right, 104 wrong, 60 missed (precision
    // 0.659, recall 0.770). With names read past, the answer and the subject counted and the
    // ministries leaning (parse/question_themes.rs), and the askers' names read past too: 212
    // right, 33 wrong, 49 missed (precision 0.865, recall 0.812; docs/trust.md). The aim is 0.90
    // and 0.85; these figures must not fall.
    assert!(
        total.precision() >= 0.86,
        "precision {:.3} fell",
        total.precision()
    );
    assert!(total.recall() >= 0.81, "recall {:.3} fell", total.recall());
}

#[test]
fn every_theme_of_every_question_says_why_it_was_given() {
    let out = parsed_corpus();
    for q in &out.corpus.questions {
        assert_eq!(
            q.themes,
            q.theme_matches
                .iter()
                .map(|m| m.theme.clone())
                .collect::<Vec<_>>(),
            "{}",
            q.id
        );
        for m in &q.theme_matches {
            assert!(
                m.theme == "overig" || !m.words.is_empty(),
                "{}: theme {} without a reason",
                q.id,
                m.theme
            );
        }
    }
}

#[test]
fn questions_to_a_minister_of_health_and_sport_are_not_about_sport_when_the_title_glued_its_name() {
    // kv-010: eleven questions about hiv, sexually transmitted infections and PrEP care (the twelfth
    // asks for answers before a debate). Its extract glues the addressee, "Wetenschap
    // enVolksgezondheid, Welzijn en Sport": read past as a ministry's name, "Sport" points to no
    // theme, and the questions are about health care alone.
    let out = parsed_corpus();
    for n in 1..=11 {
        let id = format!("kv-010-het-artikel-aidsfonds-maakt-zich-zorgen-pdf-v{n}");
        let q = out.corpus.questions.iter().find(|q| q.id == id);
        let themes = q.map(|q| q.themes.clone()).unwrap_or_default();
        assert_eq!(themes, ["zorg"], "{id}");
    }
}
