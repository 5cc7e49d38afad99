//! Files alike in name each become a document: the same name in two folders, and Word letters whose long names begin alike.

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
fn the_same_file_name_in_two_folders_gives_two_documents_the_second_named_with_its_folder() {
    let root = std::env::temp_dir().join(format!("briefwissel-alike-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (folder, file) in [("2023", QUESTIONS), ("2024", LETTER)] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join("vragen.txt"), bytes_of(file)).unwrap();
    }
    let out = parse_paths(std::slice::from_ref(&root)).expect("the folder can be listed");
    std::fs::remove_dir_all(&root).ok();

    let second_id = format!("vragen-{}", &content_hash(&bytes_of(LETTER))[..8]);
    assert_eq!(
        documents(&out),
        [
            ("vragen.txt".to_string(), "vragen".to_string(), 8),
            ("2024/vragen.txt".to_string(), second_id.clone(), 6),
        ]
    );
    let first_path = root.join("2023/vragen.txt").display().to_string();
    assert!(
        out.diagnostics.iter().any(|d| d.file == "2024/vragen.txt"
            && d.severity == Severity::Info
            && d.message
                == format!(
                    "een ander bestand ({first_path}) heet ook vragen.txt; dit document heet \
                     2024/vragen.txt, met id {second_id}"
                )),
        "{:#?}",
        out.diagnostics
    );
    no_errors(&out);
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
    no_errors(&out);
}

#[test]
fn two_dropped_files_of_one_name_without_folders_are_told_apart_by_their_content_hash() {
    // A browser hands over names only: the second gets the start of its content hash.
    let out = parse_dropped(&[
        ("vragen.txt", bytes_of(QUESTIONS)),
        ("vragen.txt", bytes_of(LETTER)),
    ]);
    // Equal names and paths keep the order they were handed over in: the questions first.
    let short = &content_hash(&bytes_of(LETTER))[..8];
    assert_eq!(
        documents(&out),
        [
            ("vragen.txt".to_string(), "vragen".to_string(), 8),
            (
                format!("vragen ({short}).txt"),
                format!("vragen ({short})"),
                6
            ),
        ]
    );
    no_errors(&out);
}
