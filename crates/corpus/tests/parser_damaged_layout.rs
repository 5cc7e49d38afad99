//! Real Kamervragen with a damaged layout (no line breaks, a footer glued to a label, misread labels) still give their questions and answers.

use briefwissel_corpus::parse::{parse_text, Parsed};
use briefwissel_corpus::registry::Registry;
use std::path::Path;

fn read(prefix: &str) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents/kamervragen");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("kamervragen folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    let file = files
        .first()
        .unwrap_or_else(|| panic!("{prefix} is in the corpus"));
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    (name, std::fs::read_to_string(file).expect("readable"))
}

fn parse(name: &str, text: &str) -> Parsed {
    parse_text(name, text, &Registry::builtin())
}

fn question_numbers(p: &Parsed) -> Vec<&str> {
    p.questions.iter().map(|q| q.number.as_str()).collect()
}

fn answer_numbers(p: &Parsed) -> Vec<&str> {
    p.answers.iter().map(|a| a.number.as_str()).collect()
}

/// The numbers of the questions each answer answers, in order.
fn answered(p: &Parsed) -> Vec<Vec<String>> {
    p.answers
        .iter()
        .map(|a| {
            a.question_ids
                .iter()
                .filter_map(|id| p.questions.iter().find(|q| &q.id == id))
                .map(|q| q.number.clone())
                .collect()
        })
        .collect()
}

/// The text with `from` (a whole line) replaced by `to`, checking that the line is there once.
fn replace_line(text: &str, from: &str, to: &str) -> String {
    let from = format!("\n{from}\n");
    assert_eq!(
        text.matches(&from).count(),
        1,
        "{from:?} is a line of the file"
    );
    text.replacen(&from, &format!("\n{to}\n"), 1)
}

// kv-003 (Aanhangsel 575) prints Vraag 1, 2, 3, "4 en 5", 6, 7, 8 and 9, each followed by its
// "Antwoord" with the same number.
const KV_003_NUMBERS: [&str; 8] = ["1", "2", "3", "4 en 5", "6", "7", "8", "9"];

#[test]
fn a_document_extracted_without_line_breaks_gives_the_same_questions_and_answers() {
    let (name, text) = read("kv-003-");
    let one_line = text.lines().collect::<Vec<_>>().join(" ");
    assert_eq!(one_line.lines().count(), 1);
    let p = parse(&name, &one_line);
    assert_eq!(question_numbers(&p), KV_003_NUMBERS);
    assert_eq!(answer_numbers(&p), KV_003_NUMBERS);
    let each_own: Vec<Vec<String>> = KV_003_NUMBERS.iter().map(|n| vec![n.to_string()]).collect();
    assert_eq!(answered(&p), each_own);
    let answer_7 = &p.answers[5].text;
    assert!(
        answer_7.starts_with("Ja. Zie ook het antwoord op vraag 1 en 3."),
        "{answer_7}"
    );
    for a in &p.answers {
        assert!(
            !a.text.contains("vergaderjaar"),
            "footer in answer {}",
            a.number
        );
    }
    assert!(p.questions[0]
        .text
        .starts_with("Deelt u de mening dat het een volstrekt verkeerd besluit"));
    assert_eq!(p.questions[0].askers[0].name.as_deref(), Some("Boswijk"));
    assert_eq!(
        p.answers[0].answered_on.map(|d| d.to_string()).as_deref(),
        Some("2024-11-18")
    );
}

#[test]
fn a_page_footer_glued_to_an_answer_label_leaves_the_answer_its_number() {
    let (name, text) = read("kv-003-");
    for footer in [
        "Aanhangsel 2",
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
    ] {
        let glued = replace_line(&text, "Antwoord 7", &format!("{footer}Antwoord 7"));
        let p = parse(&name, &glued);
        assert_eq!(answer_numbers(&p), KV_003_NUMBERS, "{footer}");
        assert_eq!(p.answers[5].question_ids, [p.questions[5].id.clone()]);
        assert!(!p.questions[5].text.contains("Aanhangsel"), "{footer}");
    }
}

#[test]
fn a_page_footer_glued_to_the_next_question_label_stays_out_of_the_answer_before_it() {
    let (name, text) = read("kv-003-");
    let glued = text.replacen(
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2\nVraag 8",
        "Aanhangsel 2Vraag 8",
        1,
    );
    assert_ne!(glued, text);
    let p = parse(&name, &glued);
    assert_eq!(question_numbers(&p), KV_003_NUMBERS);
    assert_eq!(p.answers[5].number, "7");
    assert!(
        !p.answers[5].text.contains("Aanhangsel"),
        "{}",
        p.answers[5].text
    );
}

// kv-010 prints the questions Vraag 1 to Vraag 12, without answers.
#[test]
fn misread_question_labels_that_read_as_the_expected_number_keep_the_numbering() {
    let (name, text) = read("kv-010-");
    let mut misread = replace_line(&text, "Vraag 1", "Vraag l");
    misread = replace_line(&misread, "Vraag 7", "Vraag7");
    misread = replace_line(&misread, "Vraag 10", "Vraag 1O");
    misread = replace_line(&misread, "Vraag 11", "Vraag 1 1");
    let p = parse(&name, &misread);
    let expected: Vec<String> = (1..=12).map(|n| n.to_string()).collect();
    assert_eq!(question_numbers(&p), expected);
    let line_of = |label: &str| misread.lines().position(|l| l == label).map(|i| i + 1);
    for label in ["Vraag l", "Vraag 1O", "Vraag 1 1"] {
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.line == line_of(label) && d.message.contains(label)),
            "{label} is reported at its line"
        );
    }
}

#[test]
fn a_label_lost_to_a_misreading_is_reported_with_file_and_line_of_the_next_label() {
    let (name, text) = read("kv-010-");
    let lost = replace_line(&text, "Vraag 5", "Vraaq 5");
    let p = parse(&name, &lost);
    assert_eq!(
        question_numbers(&p),
        ["1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12"]
    );
    let line = lost.lines().position(|l| l == "Vraag 6").map(|i| i + 1);
    assert!(
        p.diagnostics.iter().any(|d| d.file == name
            && d.line == line
            && d.message.contains("vraag 6 volgt op vraag 4")),
        "{:?}",
        p.diagnostics
    );
}

#[test]
fn questions_printed_out_of_order_are_all_kept_and_no_number_is_reported_missing() {
    // Answer letters group questions by subject: "Vraag 9" may follow "Vraag 5", with 6 to 8
    // printed later. kv-010's question 5 (label and text, two lines) moved after question 12.
    let (name, text) = read("kv-010-");
    let mut lines: Vec<&str> = text.lines().collect();
    let five = lines.iter().position(|l| *l == "Vraag 5").expect("a line");
    assert_eq!(lines[five + 2], "Vraag 6");
    let moved: Vec<&str> = lines.drain(five..five + 2).collect();
    let twelve = lines.iter().position(|l| *l == "Vraag 12").expect("a line");
    lines.splice(twelve + 2..twelve + 2, moved);
    let p = parse(&name, &lines.join("\n"));
    assert_eq!(
        question_numbers(&p),
        ["1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12", "5"]
    );
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.message.contains("ontbreken")),
        "{:?}",
        p.diagnostics
    );
}

#[test]
fn a_label_misread_as_a_duplicate_number_is_reported_with_file_and_line() {
    let (name, text) = read("kv-010-");
    let twice = replace_line(&text, "Vraag 3", "Vraag 2");
    let p = parse(&name, &twice);
    assert_eq!(p.questions.len(), 12);
    let line = twice
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "Vraag 2")
        .nth(1)
        .map(|(i, _)| i + 1);
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.file == name && d.line == line && d.message.contains("twee keer")),
        "{:?}",
        p.diagnostics
    );
}
