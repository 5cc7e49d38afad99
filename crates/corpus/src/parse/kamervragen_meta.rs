//! The header fields of a Kamervragen file: chamber, Aanhangsel and zaak numbers, dates, and an answer letter's cover sentence.

use super::kamervragen_header::{self as header, QuestionHeader};
use crate::hash::FastMap;
use crate::model::{Chamber, Document};
use crate::text;
use crate::text_scan::starts_with_lowercase;

/// Header fields gathered while reading.
#[derive(Default)]
pub(super) struct Meta {
    pub(super) title: String,
    pub(super) question_header: Option<QuestionHeader>,
    pub(super) answered_by: Option<String>,
    pub(super) answered_on: Option<crate::Date>,
    pub(super) asked_on_line: Option<crate::Date>,
    pub(super) mededeling: bool,
    pub(super) chamber: Option<Chamber>,
    pub(super) aanhangsel: Option<String>,
    pub(super) zaak: Option<String>,
    /// The earlier Aanhangsel publication an answer refers to, the notice that postponed it
    /// ([`postponement_reference`]).
    pub(super) postponement_aanhangsel: Option<String>,
    /// The text opens as a minister's answer letter ("In antwoord op uw brief van …").
    pub(super) answer_letter: bool,
}

impl Meta {
    /// The asking letter's date, the zaak number and the askers from an answer letter's cover sentence.
    pub(super) fn take_cover_line(&mut self, t: &str, registry: &crate::registry::Registry) {
        let lower = text::lowercase_same_offsets(t);
        let Some(at) = lower.find("uw brief van ") else {
            return;
        };
        self.answer_letter = true;
        if self.asked_on_line.is_none() {
            self.asked_on_line = header::dated_after(&t[at..], "brief van");
        }
        if let Some(nr) = lower.find("nr. ") {
            let token: String = t[nr + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if token.len() == 10 && token.as_bytes().get(4) == Some(&b'Z') {
                self.zaak.get_or_insert(token);
            }
        }
        if self.question_header.is_none() {
            if let Some(v) = lower.find("vragen van ") {
                // "… over <subject> worden beantwoord zoals aangegeven in de bijlage": the subject
                // ends where the sentence about the answering begins.
                let end = [" worden beantwoord", " zijn beantwoord", " beantwoord ik"]
                    .iter()
                    .filter_map(|w| lower[v..].find(w))
                    .min()
                    .map_or(t.len(), |e| v + e);
                let header = header::parse_question_header(&t[v..end], registry);
                if !header.askers.is_empty() {
                    self.question_header = Some(header);
                }
            }
        }
    }

    /// Keeps the reference to a postponement notice in `text`, if it prints one; returns whether
    /// it does.
    pub(super) fn take_postponement_reference(&mut self, text: &str) -> bool {
        match postponement_reference(text) {
            Some(reference) => {
                self.postponement_aanhangsel.get_or_insert(reference);
                true
            }
            None => false,
        }
    }

    /// Recognises a metadata line and stores what it says.
    pub(super) fn take_metadata_line(&mut self, t: &str, in_header: bool) -> Option<&'static str> {
        // Compared in lowercase without a lowercased copy of every line.
        let starts = |prefix: &str| starts_with_lowercase(t, prefix);
        if starts("tweede kamer der staten-generaal") {
            self.chamber = Some(Chamber::TweedeKamer);
            return Some("chamber");
        }
        if starts("eerste kamer der staten-generaal") {
            self.chamber = Some(Chamber::EersteKamer);
            return Some("chamber");
        }
        if starts("vergaderjaar ") && t.len() < 80 {
            return Some("vergaderjaar");
        }
        if starts("aanhangsel van de handelingen")
            && t.to_lowercase().trim_end_matches('.') == "aanhangsel van de handelingen"
        {
            return Some("publication");
        }
        if let Some(n) = t
            .strip_prefix("AH ")
            .map(str::trim)
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
        {
            self.aanhangsel = Some(n.to_string());
            return Some("aanhangsel number");
        }
        // Only a line of ten bytes without its spaces can be a zaak number: only that is copied.
        let compact_len: usize = t
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        if compact_len == 10 {
            let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            let digits_around_z = compact
                .chars()
                .enumerate()
                .all(|(k, c)| k == 4 || c.is_ascii_digit());
            if compact.as_bytes().get(4) == Some(&b'Z') && digits_around_z {
                self.zaak.get_or_insert(compact);
                return Some("zaak");
            }
        }
        if in_header
            && t.chars().all(|c| c.is_ascii_digit())
            && (2..=5).contains(&t.len())
            && self.aanhangsel.is_none()
            && self.question_header.is_none()
        {
            self.aanhangsel = Some(t.to_string());
            return Some("aanhangsel number");
        }
        if starts("(ingezonden") && t.len() < 40 {
            self.asked_on_line = header::dated_after(t, "ingezonden");
            return Some("asked on");
        }
        None
    }
}

/// The Aanhangsel publication that "Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr.
/// 318." names, as `2024–2025, nr. 318`. An answer published in the Aanhangsel prints it after its
/// header when a notice (Mededeling) postponed it: that notice is the publication named. The
/// extracts glue words at the line ends (`AanhangselHandelingen`, `2024–2025,nr. 318`), and one
/// original prints the number without `nr.`; the two years must follow each other.
pub(super) fn postponement_reference(text: &str) -> Option<String> {
    let lower = text::lowercase_same_offsets(text);
    let see_also = lower.find("zie ook")?;
    let rest = &lower[see_also + "zie ook".len()..];
    let rest = rest.trim_start().strip_prefix("aanhangsel")?;
    let (between, rest) = rest.split_once("vergaderjaar")?;
    if between.trim().trim_end_matches(',').trim_end() != "handelingen" {
        return None;
    }
    let rest = rest.trim_start();
    let (first, rest) = leading_number(rest)?;
    let rest = rest
        .trim_start()
        .strip_prefix(['–', '-', '—'])?
        .trim_start();
    let (second, rest) = leading_number(rest)?;
    if first.len() != 4 || second.parse::<u32>().ok()? != first.parse::<u32>().ok()? + 1 {
        return None;
    }
    let rest = rest.trim_start().strip_prefix(',')?.trim_start();
    let rest = rest
        .strip_prefix("nr.")
        .or(rest.strip_prefix("nr"))
        .unwrap_or(rest);
    let (number, _) = leading_number(rest.trim_start())?;
    Some(format!("{first}–{second}, nr. {number}"))
}

/// The Aanhangsel number and the first year of its vergaderjaar in a reference that
/// [`postponement_reference`] wrote (`2024–2025, nr. 426` → (`426`, 2024)).
pub(super) fn publication_key(reference: &str) -> Option<(&str, u16)> {
    let (years, number) = reference.split_once(", nr. ")?;
    Some((number, years.get(..4)?.parse().ok()?))
}

/// The `kept` documents by the Aanhangsel publication they print: its number and the first year
/// of its vergaderjaar, taken from the document's date (numbers start again every vergaderjaar).
pub(super) fn documents_by_publication(
    documents: &[Document],
    kept: impl Fn(&Document) -> bool,
) -> FastMap<(&str, u16), Vec<&Document>> {
    let mut by_publication: FastMap<(&str, u16), Vec<&Document>> = FastMap::default();
    for d in documents.iter().filter(|d| kept(d)) {
        if let (Some(number), Some(date)) = (d.references.aanhangsel.as_deref(), d.date) {
            by_publication
                .entry((number, date.vergaderjaar()))
                .or_default()
                .push(d);
        }
    }
    by_publication
}

/// The one other document of `by_publication` that is the publication `d` names as its
/// postponement's notice (`References::postponement_aanhangsel`), with the reference.
pub(super) fn named_notice<'a>(
    d: &'a Document,
    by_publication: &FastMap<(&'a str, u16), Vec<&'a Document>>,
) -> Option<(&'a Document, &'a str)> {
    let reference = d.references.postponement_aanhangsel.as_deref()?;
    match by_publication.get(&publication_key(reference)?)?.as_slice() {
        [notice] if notice.id != d.id => Some((notice, reference)),
        _ => None,
    }
}

/// The ASCII digits `s` starts with (at least one), and what follows them.
fn leading_number(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (end > 0).then(|| s.split_at(end))
}

#[cfg(test)]
mod tests {
    use super::postponement_reference;

    #[test]
    fn a_reference_to_the_postponement_notice_is_read_as_its_vergaderjaar_and_number() {
        let read = |t| postponement_reference(t);
        assert_eq!(
            read("(ontvangen 18 november 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025,nr. 318."),
            Some("2024–2025, nr. 318".to_string())
        );
        assert_eq!(
            read("Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 507"),
            Some("2024–2025, nr. 507".to_string())
        );
        assert_eq!(
            read("Zaken (ontvangen 18 november 2024). Zie ook AanhangselHandelingen, vergaderjaar 2024–2025, nr. 244."),
            Some("2024–2025, nr. 244".to_string())
        );
        assert_eq!(
            read("Koninkrijksrelaties) (ontvangen 7 maart 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028"),
            Some("2023–2024, nr. 1028".to_string())
        );
    }

    #[test]
    fn a_see_also_without_a_whole_reference_is_not_read() {
        let read = |t| postponement_reference(t);
        // Cut at the line end: the number stands on the next line.
        assert_eq!(
            read("(ontvangen 20 februari 2024). Zie ook Aanhangsel Handelingen, vergaderjaar"),
            None
        );
        assert_eq!(
            read("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2026, nr. 12"),
            None
        );
        assert_eq!(
            read("Zie ook de brief van 12 maart, vergaderjaar 2024–2025, nr. 12"),
            None
        );
        assert_eq!(
            read("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025"),
            None
        );
    }
}
