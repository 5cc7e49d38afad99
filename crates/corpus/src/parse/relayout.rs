//! Lines that text extraction ran together are cut apart again before Kamervragen labels and page furniture.

/// Words that start a question or answer label when a number follows (`Vraag 4 en 5`).
const LABEL_WORDS: [&str; 3] = ["Vraag ", "Vragen ", "Antwoord "];

/// Starts of headers and page furniture that begin a line of their own in a printed Aanhangsel.
const LINE_STARTS: [&str; 10] = [
    "Vragen van het lid ",
    "Vragen van de leden ",
    "Antwoord van ",
    "Mededeling van ",
    "Tweede Kamer, vergaderjaar ",
    "Eerste Kamer, vergaderjaar ",
    "ISSN ",
    "ah-tk-",
    "ah-ek-",
    "kv-tk-",
];

/// A line at least this long with two or more labels in it is a page (or a whole document) whose
/// line breaks were lost.
const RUN_TOGETHER_MIN_BYTES: usize = 300;

/// The lines with run-together ones cut, and for every resulting line the source line it is part
/// of. Two cases are cut: a label glued to the digit that ends a page footer (`…Aanhangsel
/// 2Antwoord 7`), and a long line holding several labels (text extracted without line breaks),
/// which is cut before every label, header and footer.
pub fn cut_run_together_lines<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Vec<usize>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut origin = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let mut start = 0;
        for cut in cuts(line) {
            out.push(&line[start..cut]);
            origin.push(i);
            start = cut;
        }
        out.push(&line[start..]);
        origin.push(i);
    }
    (out, origin)
}

/// Byte offsets (ascending, none at 0) where `line` is cut.
fn cuts(line: &str) -> Vec<usize> {
    let after_digit = |p: usize| line[..p].ends_with(|c: char| c.is_ascii_digit());
    let after_space = |p: usize| line[..p].ends_with(char::is_whitespace);
    // Only a byte that begins a label word can begin a label (each begins with an ASCII letter,
    // so that byte begins a character).
    let begins_label = |b: u8| LABEL_WORDS.iter().any(|w| w.as_bytes()[0] == b);
    let labels: Vec<usize> = line
        .bytes()
        .enumerate()
        .filter(|&(p, b)| p > 0 && begins_label(b) && is_label_at(&line[p..]))
        .map(|(p, _)| p)
        .collect();
    let run_together = line.len() >= RUN_TOGETHER_MIN_BYTES
        && labels.iter().filter(|&&p| after_space(p)).count() >= 2;
    if !run_together {
        return labels.into_iter().filter(|&p| after_digit(p)).collect();
    }
    let mut cuts: Vec<usize> = labels
        .into_iter()
        .filter(|&p| after_digit(p) || after_space(p))
        .collect();
    for start in LINE_STARTS {
        cuts.extend(
            line.match_indices(start)
                .map(|(p, _)| p)
                .filter(|&p| p > 0 && (after_digit(p) || after_space(p))),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// `Vraag 3 Kunt u…`, `Antwoord 4 en 5`, `Antwoord 7` at the end: a numbered label followed by
/// nothing, a colon or a capital.
fn is_label_at(s: &str) -> bool {
    let Some(rest) = LABEL_WORDS.iter().find_map(|w| s.strip_prefix(w)) else {
        return false;
    };
    let mut rest = rest;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &rest[digits..];
        let joined = [" en ", ", ", ",", " t/m ", "-", "–", " - "]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        match joined {
            Some(r) => rest = r,
            None => break,
        }
    }
    let rest = rest.trim_start_matches([':', '.']);
    rest.is_empty()
        || rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()) || r.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::cut_run_together_lines;

    #[test]
    fn a_footer_glued_to_an_answer_label_is_cut_before_the_label() {
        let lines = [
            "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2Antwoord 7",
            "Ja.",
        ];
        let (cut, origin) = cut_run_together_lines(&lines);
        assert_eq!(
            cut,
            [
                "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
                "Antwoord 7",
                "Ja."
            ]
        );
        assert_eq!(origin, [0, 0, 1]);
    }

    #[test]
    fn a_label_mentioned_inside_a_short_sentence_is_not_cut() {
        let lines = [
            "Zie ook het antwoord op Vraag 1 en 3.",
            "Zie Antwoord 2 Hierboven",
        ];
        assert_eq!(cut_run_together_lines(&lines).0, lines);
    }
}
