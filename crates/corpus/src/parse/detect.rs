//! Decides what kind of document a source file is, from its text alone.

use super::Source;
use crate::model::DocumentKind;

/// The kind of `src`, from markers in its first lines and its question/answer structure.
/// Never looks at the file name.
pub fn detect_kind(src: &Source) -> DocumentKind {
    // Every line lowercased once, into one string, one line after the other (lowercasing keeps
    // what is space, so trimming after is the same).
    let mut all = String::with_capacity(src.lines.iter().map(|l| l.len() + 1).sum());
    let mut spans = Vec::with_capacity(src.lines.len());
    for (i, line) in src.lines.iter().enumerate() {
        if i > 0 {
            all.push('\n');
        }
        let start = all.len();
        // Line by line: `str::to_lowercase` goes character by character after the first character
        // that is not ASCII, and most lines are ASCII throughout.
        if line.is_ascii() {
            all.push_str(line);
            all[start..].make_ascii_lowercase();
        } else {
            all.push_str(&line.to_lowercase());
        }
        spans.push(start..all.len());
    }
    let lower: Vec<&str> = spans.into_iter().map(|span| &all[span]).collect();
    // The first 60 lines, as they stand in `all`.
    let head_end = lower.iter().take(60).map(|l| l.len() + 1).sum::<usize>();
    let head = &all[..head_end.saturating_sub(1)];
    let trimmed: Vec<&str> = lower.iter().map(|l| l.trim()).collect();
    let has_mededeling = trimmed
        .iter()
        .any(|l| l.starts_with("mededeling van ") || *l == "mededeling");
    // "Antwoord van …" (Aanhangsel), or an answer letter's cover ("In antwoord op uw brief van …")
    // or heading ("Antwoorden van de minister … op Kamervragen") above "Antwoord op vraag 1".
    let has_answer_of = trimmed
        .iter()
        .any(|l| l.starts_with("antwoord van ") || l.starts_with("antwoord op vragen van "))
        || (answer_labels_present(&trimmed)
            && trimmed.iter().take(40).any(|l| {
                l.starts_with("in antwoord op uw brief van")
                    || (l.starts_with("antwoorden van ") && l.contains("vragen"))
            }));
    let has_questions_header = trimmed.iter().take(15).any(|l| {
        l.starts_with("vragen van ")
            || l.starts_with("vraag van ")
            || l.starts_with("mondelinge vragen van ")
    }) || head.contains("vragen gesteld door de leden der kamer");
    let answer_labels = trimmed
        .iter()
        .filter(|l| l.starts_with("antwoord") && !l.starts_with("antwoord van "))
        .count();
    let top = trimmed
        .iter()
        .zip(&lower)
        .filter(|(t, _)| !t.is_empty())
        .take(12)
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    let kamervragen_top =
        has_questions_header || top.contains("antwoord van ") || top.contains("mededeling van ");
    if !kamervragen_top
        && (head.contains("verslag van een schriftelijk overleg")
            || (head.contains("schriftelijk overleg gevoerd") && head.contains("commissie")))
    {
        return DocumentKind::SchriftelijkOverleg;
    }
    if has_mededeling && !answer_labels_present(&trimmed) {
        return DocumentKind::Uitstel;
    }
    let answer_letter_cover = trimmed
        .iter()
        .take(40)
        .any(|l| l.starts_with("in antwoord op uw brief van"));
    if has_answer_of || (has_questions_header && answer_labels > 0) {
        return if has_questions_header && !answer_letter_cover {
            DocumentKind::KamervragenMetAntwoord
        } else {
            DocumentKind::Antwoordbrief
        };
    }
    if has_questions_header {
        return DocumentKind::Kamervragen;
    }
    if head.contains("\nnota") || head.starts_with("nota") || head.contains("nota aan") {
        return DocumentKind::Nota;
    }
    if head.contains("brief regering")
        || head.contains("kamerbrief")
        || all.contains("de minister van")
            && all.contains("hoogachtend")
            && head.contains("uw kamer")
    {
        return DocumentKind::Kamerbrief;
    }
    if head.contains("brief regering") || head.contains("aan de voorzitter van de tweede kamer") {
        return DocumentKind::Kamerbrief;
    }
    DocumentKind::Organisatiebrief
}

fn answer_labels_present(trimmed: &[&str]) -> bool {
    trimmed.iter().any(|l| {
        (l.starts_with("antwoord") && !l.starts_with("antwoord van ") && l.len() < 40)
            || l.starts_with("antwoord op vraag")
    })
}
