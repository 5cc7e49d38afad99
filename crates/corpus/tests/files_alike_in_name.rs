//! Files alike in name: Word letters whose long names begin alike are both read; the same name in a second folder is refused, naming both files.

mod common;

use briefwissel_corpus::hash::content_hash;
use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use briefwissel_corpus::Severity;
use common::{data_bytes as bytes_of, parse_dropped};

/// Written questions "Vraag 1" to "Vraag 8", unanswered (read by hand).
const QUESTIONS: &str = "kamervragen/kv-006-de-uitspraken-van-de-minister-van-infras-pdf.txt";
/// An answer letter repeating questions 1. to 6. (read by hand).
const LETTER: &str = "kamervragen/kv-005-antwoord-op-vragen-van-het-lid-nordkamp-docx.txt";
/// Word answer letters: 14 questions (fixtures/originals/docx-wassenberg-bijtincidenten.toml) and
/// 10 (fixtures/originals/docx-temmink-brandweer.toml).
const WORD_14: &str = "originals/docx/Beantwoording Kamervragen van het lid Wassenberg (PvdD) aan de ministers van Landbouw, Natuur en Voedselkwalit en van Justitie en Veiligheid ov.docx";
const WORD_10: &str = "originals/docx/Beantwoording Kamervragen van de leden Temmink en van Nispen (SP) aan de minister van Justitie en Veiligheid over het niet noodgevallen nummer .docx";

/// (file, id, number of questions) of every document, in the corpus's order.
fn documents(out: &ParseOutput) -> Vec<(String, String, usize)> {
    out.corpus
        .documents
        .iter()
        .map(|d| {
            let questions = out
                .corpus
                .questions
                .iter()
                .filter(|q| q.document_id == d.id)
                .count();
            (d.file.clone(), d.id.to_string(), questions)
        })
        .collect()
}

fn no_errors(out: &ParseOutput) {
    let errors: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_same_file_name_in_a_second_folder_is_refused_under_its_path_naming_the_first() {
    let root = std::env::temp_dir().join(format!("briefwissel-alike-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    // 2023 and 2024 hold different documents of one name; 2025 a copy of 2023's.
    for (folder, file) in [("2023", QUESTIONS), ("2024", LETTER), ("2025", QUESTIONS)] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join("vragen.txt"), bytes_of(file)).unwrap();
    }
    let out = parse_paths(std::slice::from_ref(&root)).expect("the folder can be listed");
    std::fs::remove_dir_all(&root).ok();

    assert_eq!(
        documents(&out),
        [("vragen.txt".to_string(), "vragen".to_string(), 8)]
    );
    let path = |folder: &str| root.join(folder).join("vragen.txt").display().to_string();
    assert!(
        !out.diagnostics
            .iter()
            .any(|d| d.file == "vragen.txt" && d.message.contains("overgeslagen")),
        "{:#?}",
        out.diagnostics
    );
    let serious: Vec<String> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning && d.file != "vragen.txt")
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect();
    // Each message goes under the path of the file it is about, not under the name that was read.
    assert_eq!(
        serious,
        [
            format!(
                "{}: een ander bestand met dezelfde naam ({}) is al gelezen; dit bestand is \
                 overgeslagen: geef een van beide een andere naam",
                path("2024"),
                path("2023")
            ),
            format!(
                "{}: dezelfde inhoud als {}; deze kopie is overgeslagen",
                path("2025"),
                path("2023")
            ),
        ]
    );
}

#[test]
fn word_letters_whose_long_names_begin_alike_are_both_read() {
    // Their ids are cut at 60 characters of the name: the same for both.
    let first = "Beantwoording Kamervragen van het lid Wassenberg (PvdD) aan de minister over bijtincidenten.docx";
    let second = "Beantwoording Kamervragen van het lid Wassenberg (PvdD) aan de minister over de brandweer.docx";
    let out = parse_dropped(&[(first, bytes_of(WORD_14)), (second, bytes_of(WORD_10))]);
    // The slug is cut at the last hyphen within its first 60 characters.
    let id = "beantwoording-kamervragen-van-het-lid-wassenberg-pvdd-aan-docx";
    assert_eq!(
        documents(&out),
        [
            (first.to_string(), id.to_string(), 14),
            (
                second.to_string(),
                format!("{id}-{}", &content_hash(&bytes_of(WORD_10))[..8]),
                10
            ),
        ]
    );
    let note = format!(
        "de naam geeft dezelfde document-id ({id}) als die van {first}; dit document krijgt id \
         {id}-{}",
        &content_hash(&bytes_of(WORD_10))[..8]
    );
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.file == second && d.severity == Severity::Info && d.message == note),
        "{:#?}",
        out.diagnostics
    );
    no_errors(&out);
}

#[test]
fn of_two_dropped_files_of_one_name_the_same_one_is_read_whatever_the_order() {
    // A browser hands over names only; equal names and paths are ordered by their bytes: the
    // answer letter ("AH 617 …") before the questions ("Tweede Kamer …").
    for files in [[QUESTIONS, LETTER], [LETTER, QUESTIONS]] {
        let out = parse_dropped(&files.map(|f| ("vragen.txt", bytes_of(f))));
        assert_eq!(
            documents(&out),
            [("vragen.txt".to_string(), "vragen".to_string(), 6)]
        );
    }
}
