//! A text saved as UTF-16 (Windows's "Unicode" text) or with an old Mac's line ends reads as the same document.

use briefwissel_corpus::parse::{decode, parse_paths, parse_text};
use briefwissel_corpus::registry::Registry;
use briefwissel_corpus::Severity;
use std::path::Path;

/// A Word answer letter of the corpus as text: six numbered questions, each answered after an
/// "Antwoord:" line, with "Israëlische" in the first (read in the file).
const LETTER: &str = "kv-005-antwoord-op-vragen-van-het-lid-nordkamp-docx.txt";

fn letter() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents/kamervragen")
        .join(LETTER);
    std::fs::read_to_string(path).expect("the corpus's letter")
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    let bytes = |u: u16| {
        if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }
    };
    units.flat_map(bytes).collect()
}

/// What the letter says, as read in the file: its six questions and the first's answer.
fn assert_reads_as_the_letter(text: &str) {
    let parsed = parse_text(LETTER, text, &Registry::builtin());
    let numbers: Vec<&str> = parsed.questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        parsed.questions[0].text,
        "Kunt u bevestigen dat het Israëlische wapenbedrijf IAI later deze maand aanwezig is bij NEDS NIDV 2024?"
    );
    assert_eq!(parsed.answers.len(), 6);
    assert_eq!(parsed.answers[0].text, "Ja.");
}

#[test]
fn a_letter_saved_as_utf16_reads_as_its_utf8_text_with_a_note() {
    let text = letter();
    assert_reads_as_the_letter(&text);
    for (little_endian, bom, order) in [
        (true, true, "little-endian"),
        (false, true, "big-endian"),
        (true, false, "little-endian"),
        (false, false, "big-endian"),
    ] {
        let (decoded, note) = decode(&utf16(&text, little_endian, bom));
        assert_eq!(decoded, text, "{order}, byte order mark: {bom}");
        assert!(
            matches!(&note, Some((Severity::Info, m)) if m.contains("UTF-16") && m.contains(order)),
            "{note:?}"
        );
        assert_reads_as_the_letter(&decoded);
    }
}

#[test]
fn a_letter_with_the_line_ends_of_an_old_mac_reads_the_same() {
    let text = letter();
    let (decoded, note) = decode(text.replace('\n', "\r").as_bytes());
    assert_eq!(decoded, text);
    assert_eq!(note, None);
    // Windows line ends stay as they are (`lines` reads them), a lone one among them is a break.
    let windows = text.replace('\n', "\r\n");
    assert_eq!(decode(windows.as_bytes()).0, windows);
    assert_eq!(
        decode(b"Vraag 1\r\nTekst\rAntwoord 1").0,
        "Vraag 1\nTekst\nAntwoord 1"
    );
    // A Windows file converted twice ends its lines in "\r\r\n": one line end, not two.
    assert_eq!(
        decode(b"Vraag 1\r\r\nTekst\rAntwoord 1\r\r\n").0,
        "Vraag 1\nTekst\nAntwoord 1\n"
    );
    // An old Mac file's empty line stays empty, and so does its last line end.
    assert_eq!(decode(b"Vraag 1\r\rTekst\r").0, "Vraag 1\n\nTekst\n");
}

#[test]
fn a_utf16_letter_in_the_data_folder_is_parsed_and_its_encoding_reported() {
    let dir = std::env::temp_dir().join(format!("briefwissel-utf16-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(LETTER), utf16(&letter(), true, true)).expect("write the letter");
    let out = parse_paths(std::slice::from_ref(&dir)).expect("the folder can be listed");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(out.corpus.questions.len(), 6);
    assert!(out.corpus.questions.iter().all(|q| q.answer_id.is_some()));
    let notes: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.file == LETTER)
        .collect();
    assert!(
        notes
            .iter()
            .any(|d| d.message.contains("UTF-16 (little-endian)")),
        "{notes:?}"
    );
    assert!(
        notes.iter().all(|d| d.severity != Severity::Error),
        "{notes:?}"
    );
}

#[test]
fn binary_data_with_a_zero_in_every_other_byte_is_still_refused() {
    // Little numbers as 16 bits: every high byte zero, every low one 1 to 7, a control character.
    let samples: Vec<u8> = (0..400u16)
        .flat_map(|i| (1 + i % 7).to_le_bytes())
        .collect();
    let (text, note) = decode(&samples);
    assert_eq!(text, "");
    assert!(matches!(note, Some((Severity::Error, m)) if m.contains("binaire gegevens")));
}

#[test]
fn utf16_with_a_broken_character_is_read_with_a_warning() {
    // "Vraag 1" and then half a surrogate pair (an emoji cut off), little-endian with its mark.
    let mut bytes = utf16("Vraag 1 ", true, true);
    bytes.extend(0xD83Du16.to_le_bytes());
    let (text, note) = decode(&bytes);
    assert_eq!(text, "Vraag 1 \u{FFFD}");
    assert!(matches!(note, Some((Severity::Warning, m)) if m.contains("ongeldige tekens")));
}
