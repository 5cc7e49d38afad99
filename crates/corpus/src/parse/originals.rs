//! PDF and Word originals: the reader's lines joined into paragraphs, parsed, and given their footnotes, pages and dates.

use super::letter::meta::KENMERK_LABELS;
use super::numbered_heading::heading_before_sentence;
use super::{parse_lines, LineFate, Parsed};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hyphenation::DocumentSpelling;
use crate::model::Footnote;
use crate::registry::Registry;
use crate::text;
use briefwissel_readers::{Extracted, Format};

/// Parses an original from its bytes into the document `id`. `Err` is a diagnostic saying why the
/// file cannot be read.
pub fn parse_original(
    file_name: &str,
    id: &str,
    format: Format,
    bytes: &[u8],
    registry: &Registry,
) -> Result<Parsed, Diagnostic> {
    let extracted = briefwissel_readers::read(format, bytes).map_err(|e| {
        let what = match format {
            Format::Pdf => "deze PDF",
            Format::Docx => "dit Word-bestand",
            Format::Text => "dit tekstbestand",
        };
        Diagnostic::new(
            file_name,
            None,
            Severity::Error,
            format!("{what} is niet te lezen: {e}; niet verwerkt"),
        )
    })?;
    if extracted.lines.iter().all(|l| l.text.trim().is_empty()) && extracted.notes.is_empty() {
        return Err(Diagnostic::new(
            file_name,
            None,
            Severity::Error,
            "er staat geen tekst in (een leeg document, of een scan waarvan de tekstlaag leeg is); \
             niet verwerkt",
        ));
    }
    Ok(parse_extracted(file_name, id, &extracted, registry))
}

/// Parses what a reader extracted.
pub fn parse_extracted(
    file_name: &str,
    id: &str,
    extracted: &Extracted,
    registry: &Registry,
) -> Parsed {
    let (paragraphs, pages) = paragraphs_of(extracted);
    let lines: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let mut parsed = parse_lines(file_name, id, lines, pages, true, registry);
    attach_notes(&mut parsed, extracted);
    dates_from_letterhead(&mut parsed, extracted, file_name);
    kenmerk_from_letterhead(&mut parsed, extracted);
    signatory(&mut parsed, &lines_text(extracted));
    parsed.document.pages = (extracted.pages > 0).then_some(extracted.pages);
    // The subject line a letter prints in its letterhead ("Betreft", "Onderwerp") is its title.
    if let Some((_, subject)) = extracted.letterhead.iter().find(|(label, value)| {
        let label = label.trim().to_lowercase();
        (label == "betreft" || label == "onderwerp") && !value.trim().is_empty()
    }) {
        parsed.document.title = subject.trim().to_string();
    }
    if parsed.document.title.trim().is_empty() {
        if let Some(t) = extracted
            .properties
            .title
            .as_ref()
            .filter(|t| !t.trim().is_empty() && t.trim() != "None")
        {
            parsed.document.title = t.trim().to_string();
            parsed.diagnostics.push(Diagnostic::new(
                file_name,
                None,
                Severity::Info,
                "het document vermeldt geen titel; de titel is overgenomen uit de documenteigenschappen",
            ));
        }
    }
    if parsed.questions.is_empty() && parsed.answers.is_empty() && !extracted.lines.is_empty() {
        parsed.diagnostics.push(Diagnostic::new(
            file_name,
            None,
            Severity::Warning,
            format!(
                "geen vragen of antwoorden gevonden: dit lijkt niet op Kamervragen of een antwoordbrief; bewaard als document van het type \"{}\"",
                parsed.document.kind.label()
            ),
        ));
    }
    for s in &extracted.set_aside {
        parsed.line_fates.push(LineFate::Boilerplate(s.why));
    }
    parsed
}

/// The reader's lines as paragraphs (continuation lines joined, hyphenation repaired), each with
/// its page; a blank line stands between paragraphs that the page separates by white space.
/// These are the source lines the parser's line fates count, before the set-aside lines and notes.
pub fn paragraphs_of(extracted: &Extracted) -> (Vec<String>, Vec<u32>) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut pages: Vec<u32> = Vec::new();
    let texts: Vec<&str> = extracted.lines.iter().map(|l| l.text.as_str()).collect();
    let spelling = DocumentSpelling::of_lines(&texts);
    // Whether the last paragraph is still its first line.
    let mut one_line = false;
    for line in &extracted.lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        match paragraphs.last_mut() {
            Some(last) if line.continues && !(one_line && heading_before_sentence(last, t)) => {
                text::join_at_line_break(last, t, &spelling);
                one_line = false;
            }
            _ => {
                one_line = true;
                if line.gap_before && !paragraphs.is_empty() {
                    paragraphs.push(String::new());
                    pages.push(line.page);
                }
                paragraphs.push(t.to_string());
                pages.push(line.page);
            }
        }
    }
    let mut apart = Vec::with_capacity(paragraphs.len());
    let mut apart_pages = Vec::with_capacity(pages.len());
    for (p, page) in paragraphs.iter().zip(pages) {
        for note in typed_notes_apart(p) {
            apart.push(note.to_string());
            apart_pages.push(page);
        }
    }
    (apart, apart_pages)
}

/// A paragraph of typed notes that holds the next one too (`[2] https://…politie[3] https://…`,
/// the list typed without a paragraph break): each note apart.
fn typed_notes_apart(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = paragraph;
    while let Some((n, _)) = text::word_footnote_start(rest) {
        let next = n.parse::<u32>().map_or(0, |n| n + 1);
        let mark = format!("[{next}] ");
        let Some(cut) = rest.get(1..).and_then(|r| r.find(&mark)).map(|p| p + 1) else {
            break;
        };
        out.push(rest[..cut].trim_end());
        rest = &rest[cut..];
    }
    out.push(rest);
    out
}

/// The reader's footnotes become the document's, after any the parser found in the text (typed
/// source lists of Word letters).
fn attach_notes(parsed: &mut Parsed, extracted: &Extracted) {
    for n in &extracted.notes {
        let number = if n.number.is_empty() {
            "?".to_string()
        } else {
            n.number.clone()
        };
        if parsed
            .document
            .footnotes
            .iter()
            .any(|f| f.number == number && f.text == n.text)
        {
            continue;
        }
        parsed.document.footnotes.push(Footnote {
            number,
            text: n.text.trim().to_string(),
        });
        parsed
            .line_fates
            .push(LineFate::Text(super::Place::Footnote(n.number.clone())));
        text::collect_links(&mut parsed.document.links, &n.text);
    }
}

/// A Word letter's own reference in its letterhead ("Ons kenmerk" and the number under it), by
/// the labels a Kamerbrief's text is read for (`letter::meta::KENMERK_LABELS`), when the body gave none. A value without
/// a digit ("-") is no reference.
fn kenmerk_from_letterhead(parsed: &mut Parsed, extracted: &Extracted) {
    if parsed.document.references.kenmerk.is_some() {
        return;
    }
    parsed.document.references.kenmerk = extracted
        .letterhead
        .iter()
        .find(|(label, value)| {
            let label = label.trim().to_lowercase();
            KENMERK_LABELS.contains(&label.as_str()) && value.chars().any(|c| c.is_ascii_digit())
        })
        .map(|(_, value)| value.trim().to_string());
}

/// A Word letter prints its date in the first-page letterhead ("Datum 25 juli 2024"); the body
/// and the letterhead win over the document properties, which are only a fallback.
fn dates_from_letterhead(parsed: &mut Parsed, extracted: &Extracted, file: &str) {
    let has_answers = !parsed.answers.is_empty();
    let known = if has_answers {
        parsed.document.dates.answer_letter
    } else {
        parsed.document.date
    };
    if known.is_some() {
        return;
    }
    let printed = extracted
        .letterhead
        .iter()
        .find(|(label, _)| label.trim().eq_ignore_ascii_case("datum"))
        .and_then(|(_, value)| crate::Date::find_dutch(value));
    let (date, source) = match printed {
        Some(d) => (Some(d), "het briefhoofd"),
        None => (
            extracted
                .properties
                .modified
                .as_deref()
                .or(extracted.properties.created.as_deref())
                .and_then(|s| crate::Date::parse_iso(s.get(..10)?)),
            "de documenteigenschappen (de brief vermeldt geen datum)",
        ),
    };
    let Some(date) = date else { return };
    let d = &mut parsed.document;
    d.date = Some(date);
    d.dates.letter = Some(date);
    if !parsed.answers.is_empty() {
        d.dates.answer_letter = Some(date);
        for a in &mut parsed.answers {
            a.answered_on.get_or_insert(date);
        }
    }
    parsed.diagnostics.push(Diagnostic::new(
        file,
        None,
        Severity::Info,
        format!("briefdatum {date} overgenomen uit {source}"),
    ));
}

fn lines_text(extracted: &Extracted) -> Vec<String> {
    extracted
        .lines
        .iter()
        .map(|l| l.text.trim().to_string())
        .collect()
}

/// A letter signed "De Minister van Justitie en Veiligheid," with the name on the next line, or on
/// the same line after the office ("… de minister van Justitie en Veiligheid D. Yeşilgöz-Zegerius",
/// where Word's line breaks became spaces): who answered, when the answers do not say. An office
/// named after "mede namens" co-signs and is not the signer.
fn signatory(parsed: &mut Parsed, lines: &[String]) {
    if parsed.answers.iter().all(|a| a.answered_by.is_some()) {
        return;
    }
    let found = lines.iter().enumerate().find_map(|(i, l)| {
        let (office, name_on_line) = signing_office(l)?;
        let name = match name_on_line {
            Some(n) => n,
            None => lines[i + 1..].iter().find(|l| !l.is_empty())?.clone(),
        };
        looks_like_name(&name).then(|| (office, name, co_signer(lines, i)))
    });
    let Some((office, name, co_signer)) = found else {
        return;
    };
    // As the Aanhangsel writes who answered: "…, mede namens de Minister van …".
    let who = match co_signer {
        Some(co) => format!("{name} ({office}), mede namens {co}"),
        None => format!("{name} ({office})"),
    };
    parsed.document.signatories.push(name);
    parsed.document.sender.get_or_insert(who.clone());
    for a in &mut parsed.answers {
        a.answered_by.get_or_insert(who.clone());
    }
}

/// The signing office at the end of a line ("Minister van Justitie en Veiligheid") and the name
/// that follows it on the same line, if any.
fn signing_office(line: &str) -> Option<(String, Option<String>)> {
    let lower = crate::text::lowercase_same_offsets(line);
    let at = office_start(&lower)?;
    if lower[..at].trim_end().ends_with("namens") {
        return None;
    }
    let rest = line[at + 3..].trim();
    // Initials ("D.", "D.M.") start the name when it shares the line.
    let words: Vec<&str> = rest.split_whitespace().collect();
    let initials = |w: &str| {
        w.len() >= 2
            && w.ends_with('.')
            && w.split('.')
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    let (office, name) = match words.iter().position(|w| initials(w)) {
        Some(k) if k > 0 => (words[..k].join(" "), Some(words[k..].join(" "))),
        _ => (rest.to_string(), None),
    };
    let office = office.trim_end_matches(',').trim().to_string();
    if office.len() >= 100 || office.contains(['.', '?', ':']) {
        return None;
    }
    let mut c = office.chars();
    let office = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default();
    Some((office, name))
}

/// Where the last office named in a lowercased line starts ("de minister …").
fn office_start(lower: &str) -> Option<usize> {
    ["de minister ", "de staatssecretaris "]
        .iter()
        .filter_map(|w| lower.rfind(w))
        .max()
}

/// The office the letter is signed on behalf of as well, as printed ("de Minister van Landbouw,
/// Visserij, Voedselzekerheid en Natuur"): after "Mede namens" on the signing line `at`, before
/// the signer's office, or on the line before it.
fn co_signer(lines: &[String], at: usize) -> Option<String> {
    const ON_BEHALF: &str = "mede namens ";
    let line = &lines[at];
    let lower = crate::text::lowercase_same_offsets(line);
    let office = office_start(&lower)?;
    let co = match lower[..office].rfind(ON_BEHALF) {
        Some(k) => &line[k + ON_BEHALF.len()..office],
        None => {
            let before = lines[..at].last()?.trim();
            let lower = crate::text::lowercase_same_offsets(before);
            lower
                .starts_with(ON_BEHALF)
                .then(|| &before[ON_BEHALF.len()..])?
        }
    };
    let co = co.trim().trim_end_matches(',').trim();
    (!co.is_empty() && co.len() < 150 && !co.contains(['.', '?', ':'])).then(|| co.to_string())
}

/// A signature line: a few words, a capital, no digits, not itself an office or a label
/// ("D.M. van Weel", "D. Yeşilgöz-Zegerius").
fn looks_like_name(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    (1..=6).contains(&words)
        && line.chars().any(char::is_uppercase)
        && !line.chars().any(|c| c.is_ascii_digit())
        && ![
            "vraag",
            "antwoord",
            "de minister",
            "de staatssecretaris",
            "mede namens",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::{co_signer, signing_office, typed_notes_apart};

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_office_signed_for_as_well_is_read_on_the_signing_line_or_the_line_before() {
        let same = lines(&["Mede namens de staatssecretaris van Infrastructuur en Waterstaat, de minister van Justitie en Veiligheid D. Yeşilgöz-Zegerius"]);
        assert_eq!(
            co_signer(&same, 0).as_deref(),
            Some("de staatssecretaris van Infrastructuur en Waterstaat")
        );
        let before = lines(&[
            "… zoals aangegeven in de bijlage van deze brief.",
            "Mede namens de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur,",
            "de Minister van Justitie en Veiligheid",
        ]);
        assert_eq!(
            co_signer(&before, 2).as_deref(),
            Some("de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur")
        );
        // The opening sentence before the office is no co-signature.
        let alone = lines(&["… deze brief.", "De minister van Justitie en Veiligheid"]);
        assert_eq!(co_signer(&alone, 1), None);
    }

    #[test]
    fn an_office_after_mede_namens_is_not_the_signer() {
        let line = "Mede namens de minister van Binnenlandse Zaken en Koninkrijkrelaties,";
        assert_eq!(signing_office(line), None);
    }

    #[test]
    fn the_signer_may_share_the_line_with_the_office() {
        let line = "Mede namens de staatssecretaris van Infrastructuur en Waterstaat, de minister van Justitie en Veiligheid D. Yeşilgöz-Zegerius";
        assert_eq!(
            signing_office(line),
            Some((
                "Minister van Justitie en Veiligheid".to_string(),
                Some("D. Yeşilgöz-Zegerius".to_string())
            ))
        );
    }

    #[test]
    fn the_office_alone_leaves_the_name_to_the_next_line() {
        assert_eq!(
            signing_office("De Minister van Justitie en Veiligheid,"),
            Some(("Minister van Justitie en Veiligheid".to_string(), None))
        );
    }

    #[test]
    fn a_dotted_capital_i_before_the_office_does_not_move_the_cut() {
        assert_eq!(
            signing_office("İ. Yeşilgöz, de minister van Justitie en Veiligheid,"),
            Some(("Minister van Justitie en Veiligheid".to_string(), None))
        );
    }

    #[test]
    fn typed_notes_run_into_one_paragraph_are_set_apart() {
        assert_eq!(
            typed_notes_apart("[2] https://www.ad.nl/a~1/?x=politie[3] https://www.ad.nl/b~2/"),
            [
                "[2] https://www.ad.nl/a~1/?x=politie",
                "[3] https://www.ad.nl/b~2/"
            ]
        );
        // A note that names another number, and a paragraph that is no note, stay whole.
        assert_eq!(
            typed_notes_apart("[2] Zie noot [4] hierboven."),
            ["[2] Zie noot [4] hierboven."]
        );
        assert_eq!(typed_notes_apart("Zie [3] hierna."), ["Zie [3] hierna."]);
    }
}
