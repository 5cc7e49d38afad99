//! A numbered heading that fills its printed line, told from a sentence that runs on by the words of the next line.

use super::letter::lines::{ends_comma, ends_sentence, numbered_start};

/// Words that start a Dutch sentence and are written with a capital nowhere else but in a name,
/// where the next word has a capital too ("De Nederlandsche Bank", "Het Parool"). Not the polite
/// "U", which letters capitalise inside a sentence ("Hierbij bied ik U de antwoorden aan").
const SENTENCE_STARTS: [&str; 23] = [
    "De",
    "Het",
    "Een",
    "Dit",
    "Deze",
    "Dat",
    "Die",
    "Er",
    "Ik",
    "Wij",
    "We",
    "Zij",
    "In",
    "Op",
    "Ook",
    "Voor",
    "Met",
    "Bij",
    "Om",
    "Daarnaast",
    "Daarom",
    "Verder",
    "Tevens",
];

/// Whether `line`, the first line of a numbered item ("3. De Gezondheidsraad adviseert om een
/// onderzoeksagenda op te stellen"), is a heading of its own although the reader saw the next line
/// go on from it (the heading fills the line, in the font and spacing of the text): it ends with
/// no stop or comma, and `next` starts a sentence ("Het doen van onderzoek …"), a capitalised word
/// of [`SENTENCE_STARTS`] before a lowercase one, which no sentence broken over two lines does.
pub(crate) fn heading_before_sentence(line: &str, next: &str) -> bool {
    let Some((_, heading)) = numbered_start(line) else {
        return false;
    };
    if heading.is_empty() || ends_sentence(heading) || ends_comma(heading) {
        return false;
    }
    let mut words = next.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    SENTENCE_STARTS.contains(&first) && second.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::heading_before_sentence;

    #[test]
    fn a_numbered_heading_filling_its_line_stands_apart_from_the_sentence_after_it() {
        // Aanhangsel 2271 (2023–2024), answer 6, item 3, as printed on two lines.
        assert!(heading_before_sentence(
            "3. De Gezondheidsraad adviseert om een onderzoeksagenda op te stellen",
            "Het doen van onderzoek naar prevalentie en effectiviteit van behandelen"
        ));
    }

    #[test]
    fn a_numbered_sentence_that_runs_on_is_not_cut() {
        // The next line goes on in lowercase, or with a name.
        assert!(!heading_before_sentence(
            "1. Het kabinet heeft in overleg met de sector besloten om",
            "de regeling te verlengen tot 2026."
        ));
        assert!(!heading_before_sentence(
            "2. Het rapport is opgesteld in opdracht van",
            "De Nederlandsche Bank en verschijnt jaarlijks."
        ));
        assert!(!heading_before_sentence(
            "3. Hierbij bied ik mede namens de minister van Financiën",
            "U de antwoorden aan op de vragen van het lid"
        ));
        // A heading that ends with a stop is a sentence of its own anyway; a line without a number
        // is left to the reader's layout.
        assert!(!heading_before_sentence(
            "3. Dit is het derde advies.",
            "Het doen van onderzoek"
        ));
        assert!(!heading_before_sentence(
            "De Gezondheidsraad adviseert om een onderzoeksagenda op te stellen",
            "Het doen van onderzoek"
        ));
    }
}
