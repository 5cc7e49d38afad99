//! Word letters that lay out their opening and signature in a table: the sentence, the co-signature, the office and the name each a line of their own.

mod common;
use briefwissel_readers::Extracted;
use common::read_docx_original;

/// The texts of `n` lines from the line that starts with `start`.
fn lines_from<'a>(x: &'a Extracted, start: &str, n: usize) -> Vec<&'a str> {
    let at = (x.lines.iter())
        .position(|l| l.text.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"));
    x.lines[at..]
        .iter()
        .take(n)
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn a_signature_in_the_table_of_the_opening_is_not_run_into_its_sentence() {
    // Teunissen (PvdD): one cell holds the sentence in two paragraphs, then, after empty
    // paragraphs, "Mede namens …," and the office; the name follows the table.
    let x = read_docx_original("Beantwoording Kamervragen van het lid Teunissen");
    let lines = lines_from(&x, "In antwoord op uw brief van 8 juli 2024", 4);
    assert!(
        lines[0].starts_with(
            "In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889, deel ik u mede dat de vragen"
        ) && lines[0].ends_with("worden beantwoord zoals aangegeven in de bijlage van deze brief."),
        "{lines:?}"
    );
    assert_eq!(
        lines[1..],
        [
            "Mede namens de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur,",
            "de Minister van Justitie en Veiligheid",
            "D.M. van Weel",
        ]
    );
}

#[test]
fn rows_of_a_table_inside_the_cell_stay_lines_of_their_own() {
    // Wassenberg (PvdD): the sentence and "mede namens …," are two rows of a table in the cell,
    // with no empty paragraph between them.
    let x = read_docx_original("Beantwoording Kamervragen van het lid Wassenberg");
    let lines = lines_from(&x, "In antwoord op uw brief van 7 september 2023", 4);
    assert!(
        lines[0].ends_with("om die bijtincidenten terug te brengen."),
        "{lines:?}"
    );
    assert_eq!(
        lines[1..],
        [
            "mede namens de minister van Justitie en Veiligheid,",
            "de minister van Landbouw, Natuur en Voedselkwaliteit",
            "P. Adema",
        ]
    );
    // The sentence's row ends with an empty paragraph: a gap before the next row's line.
    let on_behalf = (x.lines.iter()).find(|l| l.text.starts_with("mede namens"));
    assert!(on_behalf.is_some_and(|l| l.gap_before), "{on_behalf:?}");
}

#[test]
fn a_sentence_the_template_writes_in_three_paragraphs_is_one_line() {
    // Temmink (SP): "… deel ik u mede " / "dat de vragen … worden beantwoord zoals " /
    // "aangegeven in de bijlage van deze brief.", then the office after empty paragraphs.
    let x = read_docx_original("Beantwoording Kamervragen van de leden Temmink");
    let lines = lines_from(&x, "In antwoord op uw brief van 6 december 2023", 3);
    assert!(
        lines[0].contains("deel ik u mede dat de vragen van de leden Temmink en Van Nispen")
            && lines[0]
                .ends_with("worden beantwoord zoals aangegeven in de bijlage van deze brief."),
        "{lines:?}"
    );
    assert_eq!(
        lines[1..],
        [
            "De minister van Justitie en Veiligheid",
            "D. Yeşilgöz-Zegerius"
        ]
    );
}

#[test]
fn the_side_column_beside_the_text_stays_one_line() {
    // The side column is a table placed apart from the text (`w:tblpPr`): the sender's address,
    // contact and reference, read as one block.
    let x = read_docx_original("Beantwoording Kamervragen van het lid Teunissen");
    let column = lines_from(&x, "Directoraat-Generaal Politie en Veiligheidsregio", 1)[0];
    assert!(
        column.contains("Turfmarkt 147") && column.contains("Ons kenmerk"),
        "{column}"
    );
}
